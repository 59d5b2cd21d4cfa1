//! Speed of the engine: parse + estimate of a preset, the estimate alone (the Monte Carlo and
//! per-keystroke path), the estimate with its derivation, and a Monte Carlo run of 10,000
//! samples over three ranges (the budget: 10 ms).

use criterion::{Criterion, criterion_group, criterion_main};
use napkin::estimate::{self, Estimate};
use napkin::scenario::{load_str, overrides};
use napkin::whatif::montecarlo::{MonteCarlo, Options};
use std::hint::black_box;

const PRESET: &str = include_str!("../presets/video-recommendation.toml");

/// The three ranges of the Monte Carlo benchmark: traffic, item size and a stage's throughput.
const RANGES: [(&str, &str); 3] = [
    ("traffic.dau", "500M..2B"),
    ("corpus.videos.item_size", "20 MB..100 MB"),
    ("stage.ranking.per_server_throughput", "20k/s..100k/s"),
];

fn bench(c: &mut Criterion) {
    c.bench_function("parse + estimate (video-recommendation)", |b| {
        b.iter(|| {
            let s = load_str(black_box(PRESET), "preset").expect("the preset loads");
            estimate::estimate(&s)
        })
    });
    let s = load_str(PRESET, "preset").expect("the preset loads");
    let mut e = Estimate::default();
    c.bench_function("estimate_into, reused buffers", |b| {
        b.iter(|| estimate::estimate_into(black_box(&s), &mut e))
    });
    c.bench_function("explain (with derivation text)", |b| {
        b.iter(|| estimate::explain(black_box(&s)))
    });
    let mut ranged = s.clone();
    for (path, range) in RANGES {
        overrides::set(&mut ranged, path, range).expect("the range is valid");
    }
    let mut mc = MonteCarlo::default();
    c.bench_function("Monte Carlo, 10,000 samples, three ranges", |b| {
        b.iter(|| mc.run(black_box(&ranged), Options::default()))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);

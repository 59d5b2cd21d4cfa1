//! Speed of the engine: parse + estimate of a preset, the estimate alone (the Monte Carlo and
//! per-keystroke path), and the estimate with its derivation.

use criterion::{Criterion, criterion_group, criterion_main};
use napkin::estimate::{self, Estimate};
use napkin::scenario::load_str;
use std::hint::black_box;

const PRESET: &str = include_str!("../presets/video-recommendation.toml");

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
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! Speed of the engine, preset by preset (`CASES`): parse + estimate, the estimate alone (the
//! path of sweeps and keystrokes), the estimate with its derivation, and a Monte Carlo run of
//! 10,000 samples over the case's ranges. Budgets: a Monte Carlo of `video-recommendation`
//! under 10 ms (spec: ranges), and no slower than 10,000 `estimate_into` of its preset in the
//! same run (issue 23). Each preset is a group: `cargo bench --bench estimate -- ad-click`.

use criterion::{Criterion, criterion_group, criterion_main};
use napkin::estimate::{self, Estimate};
use napkin::presets;
use napkin::scenario::{Scenario, load_str, overrides};
use napkin::whatif::montecarlo::{MonteCarlo, Options};
use std::hint::black_box;

/// A preset and the ranges its Monte Carlo samples.
struct Case {
    preset: &'static str,
    ranges: &'static [(&'static str, &'static str)],
}

/// The presets measured. A preset joins with one line.
const CASES: &[Case] = &[
    // Traffic, an item's size and a stage's throughput: most of the estimate moves.
    Case {
        preset: "video-recommendation",
        ranges: &[
            ("traffic.dau", "500M..2B"),
            ("corpus.videos.item_size", "20 MB..100 MB"),
            ("stage.ranking.per_server_throughput", "20k/s..100k/s"),
        ],
    },
    // The model's side: training compute and efficiency, the experiment's effect.
    Case {
        preset: "ad-click-prediction",
        ranges: &[
            ("training.flops_per_example", "60M..240M"),
            ("training.efficiency", "0.05..0.2"),
            ("experiment.mde_relative", "0.005..0.02"),
        ],
    },
    // The generative side: requests, the answer's length and the memory bandwidth decode
    // reaches move the LLM fleet, its devices and cost, and the stored turns' bandwidth.
    Case {
        preset: "chatbot",
        ranges: &[
            ("traffic.qps", "1.5B/day..4B/day"),
            ("llm.output_tokens", "200..600"),
            ("llm.mbu", "0.4..0.8"),
        ],
    },
];

fn bench_case(c: &mut Criterion, case: &Case) {
    let preset = presets::builtin()
        .into_iter()
        .find(|p| p.id == case.preset)
        .expect("the preset ships");
    let mut g = c.benchmark_group(case.preset);
    g.bench_function("parse + estimate", |b| {
        b.iter(|| {
            let s = load_str(black_box(&preset.text), "preset").expect("the preset loads");
            estimate::estimate(&s)
        })
    });
    let s = preset.load().expect("the preset loads");
    let mut e = Estimate::default();
    g.bench_function("estimate_into, reused buffers", |b| {
        b.iter(|| estimate::estimate_into(black_box(&s), &mut e))
    });
    g.bench_function("explain (with derivation text)", |b| {
        b.iter(|| estimate::explain(black_box(&s)))
    });
    let ranged = with_ranges(s, case.ranges);
    let mut mc = MonteCarlo::default();
    let name = format!("Monte Carlo, 10,000 samples, {} ranges", case.ranges.len());
    g.bench_function(name, |b| {
        b.iter(|| mc.run(black_box(&ranged), Options::default()))
    });
    g.finish();
}

fn with_ranges(mut s: Scenario, ranges: &[(&str, &str)]) -> Scenario {
    for (path, range) in ranges {
        overrides::set(&mut s, path, range).expect("the range is valid");
    }
    s
}

fn bench(c: &mut Criterion) {
    for case in CASES {
        bench_case(c, case);
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);

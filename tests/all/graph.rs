//! The estimate as a graph: every output lists what it reads, a value given for an output moves
//! only what lies downstream of it, and the inputs an output lists are all the inputs it depends
//! on.

use crate::common;

use napkin::estimate::{self, Dep, Output, OutputId};
use napkin::presets;
use napkin::scenario::schema::{FieldKind, Value};
use napkin::scenario::{InputPath, Scenario, overrides, validate};
use napkin::units::Kind;

fn builtins() -> Vec<(String, Scenario)> {
    presets::builtin()
        .into_iter()
        .map(|p| {
            let s = p.load().unwrap();
            (p.id, s)
        })
        .collect()
}

fn video() -> Scenario {
    builtins()
        .into_iter()
        .find(|(id, _)| id == "video-recommendation")
        .unwrap()
        .1
}

fn value(outputs: &[Output], id: &str) -> f64 {
    outputs
        .iter()
        .find(|o| o.id == id)
        .unwrap_or_else(|| panic!("no output {id}"))
        .value
}

/// The outputs that read `from`, directly or through others.
fn downstream(outputs: &[Output], from: &OutputId) -> Vec<OutputId> {
    let mut found = vec![from.clone()];
    let mut grew = true;
    while grew {
        grew = false;
        for o in outputs {
            if found.contains(&o.id) {
                continue;
            }
            let reads = o
                .depends_on
                .iter()
                .any(|d| matches!(d, Dep::Output(id) if found.contains(id)));
            if reads {
                found.push(o.id.clone());
                grew = true;
            }
        }
    }
    found
}

#[test]
fn a_given_index_memory_gives_its_shards_and_nodes() {
    let s = video();
    let (_, before) = estimate::explain(&s);
    let givens = [(common::id("index.memory"), 320e9)];
    let (_, after) = estimate::explain_given(&s, &givens);
    // The preset's nodes hold 256 GiB = 274.88 GB, 70% usable = 192.42 GB:
    // ⌈320 GB ÷ 192.42 GB⌉ = ⌈1.663⌉ = 2 shards.
    assert_eq!(value(&after, "index.shards"), 2.0);
    // Replicas read the traffic, not the memory: 1B × 5 ÷ 86,400 × 2 = 115,741/s at peak,
    // ÷ 3 regions = 38,580/s, ÷ (5k/s × 0.6) = 12.9 → 13, + 1 spare = 14 per region.
    assert_eq!(value(&after, "index.replicas"), 14.0);
    // 2 shards × 14 replicas × 3 regions = 84 nodes.
    assert_eq!(value(&after, "index.nodes"), 84.0);
    // The given value stands in for the computed one, which is kept beside it.
    let memory = after.iter().find(|o| o.id == "index.memory").unwrap();
    assert_eq!(memory.value, 320e9);
    assert_eq!(memory.computed, Some(value(&before, "index.memory")));
    // Upstream is untouched: the bytes per vector, storage, the traffic.
    for id in [
        "index.bytes_per_vector",
        "storage.total",
        "traffic.peak_qps",
    ] {
        assert_eq!(value(&after, id), value(&before, id), "{id}");
    }
    // The index stage's servers are the nodes, and the fleet total follows them.
    let cg = "fleet.candidate_generation.servers";
    assert_eq!(value(&after, cg), 84.0);
    let total = value(&before, "fleet.total_servers") - value(&before, cg) + 84.0;
    assert_eq!(value(&after, "fleet.total_servers"), total);
}

#[test]
fn a_given_value_moves_only_what_reads_it() {
    let mut moved_any = 0;
    for (id, s) in builtins() {
        let (_, base) = estimate::explain(&s);
        for o in &base {
            if o.value == 0.0 || !o.value.is_finite() {
                continue;
            }
            // Ten times the value: a whole number stays whole (shards, servers).
            let givens = [(o.id.clone(), o.value * 10.0)];
            let (_, after) = estimate::explain_given(&s, &givens);
            let moved = downstream(&base, &o.id);
            moved_any += moved.len();
            for (b, a) in base.iter().zip(&after) {
                assert_eq!(b.id, a.id, "{id}: given {} changed the outputs", o.id);
                if !moved.contains(&b.id) {
                    assert!(
                        a.value == b.value || (a.value.is_nan() && b.value.is_nan()),
                        "{id}: giving {} moved {} ({} → {}), which does not read it",
                        o.id,
                        b.id,
                        b.value,
                        a.value
                    );
                }
            }
            assert_eq!(
                after.iter().find(|a| a.id == o.id).unwrap().value,
                o.value * 10.0
            );
        }
    }
    assert!(moved_any > 500, "{moved_any}");
}

/// The input at `path` moved a little, as a file could write it; None where no valid scenario
/// is that near.
fn nudged(s: &Scenario, path: &InputPath) -> Option<Scenario> {
    let Some((Value::Num(x), FieldKind::Quantity(kind))) = overrides::get(s, path) else {
        return None;
    };
    let y = match kind {
        _ if x == 0.0 => return None,
        Kind::Integer => x + 1.0,
        Kind::Fraction => x * 0.9,
        _ => x * 1.37,
    };
    let mut t = s.clone();
    overrides::resolve(&t, path)?.set_number(&mut t, y);
    validate::validate(&t).is_empty().then_some(t)
}

#[test]
fn every_input_an_output_depends_on_is_listed() {
    let mut checked = 0;
    for (id, s) in builtins() {
        let (_, base) = estimate::explain(&s);
        for path in overrides::paths(&s) {
            let Some(t) = nudged(&s, &path) else { continue };
            let (_, after) = estimate::explain(&t);
            for (b, a) in base.iter().zip(&after) {
                if b.id != a.id || a.value == b.value {
                    continue;
                }
                assert!(
                    b.inputs.contains(&path),
                    "{id}: {} moved when {path} did, but does not list it",
                    b.id
                );
                checked += 1;
            }
        }
    }
    // Most inputs move some output: the check ran on many.
    assert!(checked > 500, "{checked}");
}

#[test]
fn what_an_output_reads_directly_is_an_input_or_an_earlier_output() {
    for (id, s) in builtins() {
        let (_, outputs) = estimate::explain(&s);
        let paths = overrides::paths(&s);
        for (i, o) in outputs.iter().enumerate() {
            for d in &o.depends_on {
                match d {
                    Dep::Input(p) => assert!(paths.contains(p), "{id}: {} reads {p}", o.id),
                    Dep::Output(e) => assert!(
                        outputs[..i].iter().any(|x| x.id == *e),
                        "{id}: {} reads {e}, which is not computed before it",
                        o.id
                    ),
                }
            }
        }
    }
}

#[test]
fn the_index_nodes_read_the_shards_the_replicas_and_the_regions() {
    let (_, outputs) = estimate::explain(&video());
    let nodes = outputs.iter().find(|o| o.id == "index.nodes").unwrap();
    let deps: Vec<String> = nodes.depends_on.iter().map(ToString::to_string).collect();
    assert_eq!(deps, ["index.shards", "index.replicas", "serving.regions"]);
    let peak = outputs.iter().find(|o| o.id == "traffic.peak_qps").unwrap();
    let deps: Vec<String> = peak.depends_on.iter().map(ToString::to_string).collect();
    assert_eq!(deps, ["traffic.avg_qps", "traffic.peak_factor"]);
}

/// What an output lists as read directly is complete: when an input moves, every output that
/// moves reads that input or an output that moved (TPOT once read the prompt's and answer's
/// lengths and the tensor parallelism without listing them).
#[test]
fn an_output_that_moves_reads_the_input_or_an_output_that_moved() {
    let (mut checked, mut missing) = (0, Vec::new());
    for (id, s) in builtins() {
        let (_, base) = estimate::explain(&s);
        for path in overrides::paths(&s) {
            let Some(t) = nudged(&s, &path) else { continue };
            let (_, after) = estimate::explain(&t);
            if base.iter().map(|o| &o.id).ne(after.iter().map(|o| &o.id)) {
                continue;
            }
            let moved: Vec<&OutputId> = base
                .iter()
                .zip(&after)
                .filter(|(b, a)| a.value.to_bits() != b.value.to_bits())
                .map(|(b, _)| &b.id)
                .collect();
            for o in base.iter().filter(|o| moved.contains(&&o.id)) {
                let explained = o.depends_on.iter().any(|d| match d {
                    Dep::Input(p) => *p == path,
                    Dep::Output(e) => moved.contains(&e),
                });
                if !explained {
                    missing.push(format!("{id}: {} moved with {path}", o.id));
                }
                checked += 1;
            }
        }
    }
    assert!(
        missing.is_empty(),
        "outputs that moved but read neither the input nor an output that moved:\n{}",
        missing.join("\n")
    );
    assert!(checked > 500, "{checked}");
}

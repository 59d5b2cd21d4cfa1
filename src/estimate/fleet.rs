//! Servers per stage: online stages from peak load, batch stages from a day's items in their
//! window, index stages from the index's nodes; N+k spares and regions on top; Little's law for
//! requests in flight.

use super::index::region_peak;
use super::traffic::reads_peak;
use super::{Bracket, Estimate, In, Op, Out, Section, StageEstimate, Trace};
use crate::scenario::schema::Section as S;
use crate::scenario::{Mode, Scenario, Stage};
use crate::units::{Kind, SECONDS_PER_DAY, bytes_per_second};
use uom::si::frequency::hertz;
use uom::si::information::byte;
use uom::si::time::second;

/// Items per second one server of `st` sustains: given, or device FLOP/s × efficiency × devices
/// ÷ FLOPs per item.
fn per_server<T: Trace>(st: &Stage, t: &mut T) -> f64 {
    if let Some(thr) = st.per_server_throughput {
        t.uses(In::entry(S::Stage, &st.name, "per_server_throughput"));
        return thr.get::<hertz>();
    }
    let (Some(flops), Some(dev)) = (st.flops_per_item, st.device_flops) else {
        return 0.0;
    };
    let dev = dev.get::<hertz>();
    let rate = dev * st.efficiency * st.devices_per_server / flops.0;
    t.uses(In::entry(S::Stage, &st.name, "flops_per_item"));
    t.uses(In::entry(S::Stage, &st.name, "device_flops"));
    t.uses(In::entry(S::Stage, &st.name, "efficiency"));
    t.uses(In::entry(S::Stage, &st.name, "devices_per_server"));
    t.step(rate, Kind::Rate, |w| {
        w.q(dev, Kind::Count)
            .t(" FLOP/s")
            .op(Op::Times)
            .q(st.efficiency, Kind::Fraction)
            .t(" efficiency")
            .op(Op::Times)
            .n(st.devices_per_server)
            .t(" devices")
            .op(Op::Divide)
            .q(flops.0, Kind::Count)
            .t(" FLOP/item")
            .op(Op::Equals)
            .q(rate, Kind::Rate)
            .t(" items per server");
    });
    rate
}

/// The servers a stage needs: `by_load`, or more when it keeps a corpus in RAM (`holds`): enough
/// to hold every copy of it at its largest (at rest, plus its growth over retention),
/// ⌈bytes ÷ (node memory × headroom)⌉.
fn with_held_corpus<T: Trace>(
    s: &Scenario,
    e: &Estimate,
    st: &Stage,
    by_load: f64,
    t: &mut T,
) -> f64 {
    let (Some(name), Some(memory)) = (&st.holds, st.node_memory) else {
        return by_load;
    };
    let Some(i) = s.corpora.iter().position(|c| &c.name == name) else {
        return by_load;
    };
    let c = &s.corpora[i];
    let at_rest = e.corpora[i].at_rest.get::<byte>();
    let growth = e.corpora[i].retained_growth.get::<byte>();
    let bytes = at_rest + growth;
    let node = memory.get::<byte>();
    let usable = node * st.memory_headroom;
    let stored = [c.name.as_str()];
    t.reads(Out::new(Section::Storage, &stored));
    if growth == 0.0 && c.new_items_per_day.0 > 0.0 {
        t.uses(In::entry(S::Corpus, &c.name, "new_items_per_day"));
        t.step(bytes, Kind::Size, |w| {
            w.show(name)
                .t(" grows ")
                .q(c.new_items_per_day.0, Kind::Count)
                .t("/day but has no retention: held as it is today, ")
                .q(bytes, Kind::Size);
        });
    }
    if growth > 0.0 {
        let retained = [c.name.as_str(), "retained_growth"];
        t.reads(Out::new(Section::Storage, &retained));
        t.step(bytes, Kind::Size, |w| {
            w.show(name)
                .t(" at its largest: ")
                .q(at_rest, Kind::Size)
                .t(" at rest")
                .op(Op::Plus)
                .q(growth, Kind::Size)
                .t(" growth over retention")
                .op(Op::Equals)
                .q(bytes, Kind::Size);
        });
    }
    t.uses(In::entry(S::Stage, &st.name, "holds"));
    t.uses(In::entry(S::Stage, &st.name, "node_memory"));
    t.uses(In::entry(S::Stage, &st.name, "memory_headroom"));
    let by_memory = (bytes / usable).ceil().max(1.0);
    t.step(by_memory, Kind::Count, |w| {
        w.t("holds ")
            .show(name)
            .t(" (")
            .n(c.replication)
            .t(" copies) in ")
            .t(if st.mode == Mode::Batch {
                "one place"
            } else {
                "each region"
            })
            .t(": ")
            .bracket(Bracket::CeilOpen)
            .q(bytes, Kind::Size)
            .op(Op::Divide)
            .t("(")
            .q(node, Kind::Size)
            .t(" node")
            .op(Op::Times)
            .q(st.memory_headroom, Kind::Fraction)
            .t(" usable)")
            .bracket(Bracket::CeilClose)
            .op(Op::Equals)
            .n(by_memory)
            .t(" servers");
    });
    let servers = by_load.max(by_memory);
    t.step(servers, Kind::Count, |w| {
        w.t("the larger of ")
            .n(by_load)
            .t(" by load and ")
            .n(by_memory)
            .t(" by memory")
            .op(Op::Equals)
            .n(servers)
            .t(" servers");
    });
    servers
}

pub fn estimate<T: Trace>(s: &Scenario, e: &mut Estimate, t: &mut T) {
    e.stages.clear();
    let peak = e.peak_qps.get::<hertz>();
    let mut total = 0.0;
    for st in &s.stages {
        let latency = st.latency.get::<second>();
        let (load, rate, servers) = if st.index {
            let nodes = e.index.map_or(0.0, |ix| ix.nodes);
            t.uses(In::entry(S::Stage, &st.name, "index"));
            t.step(nodes, Kind::Count, |w| {
                w.t("queries the sharded index: its servers are the ")
                    .n(nodes)
                    .of(Out::new(Section::Index, &["nodes"]))
                    .t(" index nodes");
            });
            (peak, 0.0, nodes)
        } else {
            let rate = per_server(st, t);
            t.uses(In::of(S::Serving, "redundancy"));
            if st.utilization.is_some() {
                t.uses(In::entry(S::Stage, &st.name, "utilization"));
            } else {
                t.uses(In::of(S::Serving, "target_utilization"));
            }
            match st.mode {
                Mode::Online => online(s, e, st, rate, t),
                Mode::Batch => batch(s, e, st, rate, t),
            }
        };
        let servers = t.output(
            Out::new(Section::Fleet, &[&st.name, "servers"]),
            format_args!("Servers: {}", st.name),
            Kind::Integer,
            servers,
        );
        let in_flight = in_flight(s, st, peak, load, latency, t);
        total += servers;
        e.stages.push(StageEstimate {
            load,
            per_server: rate,
            servers,
            concurrency: in_flight,
            fanout: bytes_per_second(0.0),
            start: 0.0,
            finish: 0.0,
        });
    }
    for st in &s.stages {
        t.reads(Out::new(Section::Fleet, &[&st.name, "servers"]));
    }
    t.step(total, Kind::Count, |w| {
        w.t("sum over ")
            .n(s.stages.len() as f64)
            .t(" stages")
            .op(Op::Equals)
            .n(total)
            .t(" servers");
    });
    e.total_servers = t.output(
        Out::new(Section::Fleet, &["total_servers"]),
        format_args!("Total servers"),
        Kind::Integer,
        total,
    );
}

/// An online stage's load, per-server rate and servers: its region's share of the peak in items,
/// over the servers' throughput at its utilisation, with spares, in every region.
fn online<T: Trace>(
    s: &Scenario,
    e: &Estimate,
    st: &Stage,
    rate: f64,
    t: &mut T,
) -> (f64, f64, f64) {
    let util = st.utilization.unwrap_or(s.serving.target_utilization);
    let (k, regions) = (s.serving.redundancy.round(), s.serving.regions);
    reads_peak(s, t);
    t.uses(In::entry(S::Stage, &st.name, "items_per_request"));
    let region_peak = region_peak(s, e, t);
    let region_load = region_peak * st.items_per_request.0;
    t.step(region_load, Kind::Rate, |w| {
        w.q(region_peak, Kind::Rate)
            .op(Op::Times)
            .q(st.items_per_request.0, Kind::Count)
            .t(" items per request")
            .op(Op::Equals)
            .q(region_load, Kind::Rate)
            .t(" items");
    });
    let base = (region_load / (rate * util)).ceil().max(1.0);
    t.step(base, Kind::Count, |w| {
        w.bracket(Bracket::CeilOpen)
            .q(region_load, Kind::Rate)
            .op(Op::Divide)
            .t("(")
            .q(rate, Kind::Rate)
            .t(" per server")
            .op(Op::Times)
            .q(util, Kind::Fraction)
            .t(" utilisation)")
            .bracket(Bracket::CeilClose)
            .op(Op::Equals)
            .n(base)
            .t(" servers");
    });
    let base = with_held_corpus(s, e, st, base, t);
    let servers = (base + k) * regions;
    if k > 0.0 || regions > 1.0 {
        t.uses(In::of(S::Serving, "regions"));
        t.step(servers, Kind::Count, |w| {
            w.t("(")
                .n(base)
                .op(Op::Plus)
                .n(k)
                .of(In::of(S::Serving, "redundancy"))
                .t(" spare)")
                .op(Op::Times)
                .n(regions)
                .of(In::of(S::Serving, "regions"))
                .t(" regions")
                .op(Op::Equals)
                .n(servers)
                .t(" servers");
        });
    }
    let peak = e.peak_qps.get::<hertz>();
    (peak * st.items_per_request.0, rate, servers)
}

/// A batch stage's load, per-server rate and servers: a run's items in its window, over the
/// servers' throughput at its utilisation, with spares, in one place.
fn batch<T: Trace>(
    s: &Scenario,
    e: &Estimate,
    st: &Stage,
    rate: f64,
    t: &mut T,
) -> (f64, f64, f64) {
    let util = st.utilization.unwrap_or(s.serving.target_utilization);
    let k = s.serving.redundancy.round();
    let per_day = st.items_per_day.map_or(0.0, |c| c.0);
    let window = st.window.get::<second>();
    let every = st.every.get::<second>();
    t.uses(In::entry(S::Stage, &st.name, "items_per_day"));
    t.uses(In::entry(S::Stage, &st.name, "every"));
    t.uses(In::entry(S::Stage, &st.name, "window"));
    let per_run = per_day * every / SECONDS_PER_DAY;
    if every != SECONDS_PER_DAY {
        t.step(per_run, Kind::Count, |w| {
            w.q(per_day, Kind::Count)
                .t(" items/day")
                .op(Op::Times)
                .q(every, Kind::Duration)
                .op(Op::Divide)
                .t("1 d")
                .op(Op::Equals)
                .q(per_run, Kind::Count)
                .t(" items per run");
        });
    }
    let load = per_run / window;
    t.step(load, Kind::Rate, |w| {
        w.q(per_run, Kind::Count)
            .t(" items per run in a ")
            .q(window, Kind::Duration)
            .t(" window")
            .op(Op::Equals)
            .q(load, Kind::Rate)
            .t(" items");
    });
    let base = (load / (rate * util)).ceil().max(1.0);
    t.step(base, Kind::Count, |w| {
        w.bracket(Bracket::CeilOpen)
            .q(load, Kind::Rate)
            .op(Op::Divide)
            .t("(")
            .q(rate, Kind::Rate)
            .t(" per server")
            .op(Op::Times)
            .q(util, Kind::Fraction)
            .t(" utilisation)")
            .bracket(Bracket::CeilClose)
            .op(Op::Equals)
            .n(base)
            .t(" servers");
    });
    let base = with_held_corpus(s, e, st, base, t);
    if k > 0.0 {
        t.step(base + k, Kind::Count, |w| {
            w.n(base)
                .op(Op::Plus)
                .n(k)
                .of(In::of(S::Serving, "redundancy"))
                .t(" spare")
                .op(Op::Equals)
                .n(base + k)
                .t(" servers (batch runs in one place)");
        });
    }
    (load, rate, base + k)
}

/// Requests (or items) in flight at a stage by Little's law, an output where the stage takes
/// time; 0 otherwise.
fn in_flight<T: Trace>(
    s: &Scenario,
    st: &Stage,
    peak: f64,
    load: f64,
    latency: f64,
    t: &mut T,
) -> f64 {
    // Requests that reach the stage: all of them, or a share when fewer than one item each.
    let reaching = peak * st.items_per_request.0.min(1.0);
    let in_flight = if st.mode == Mode::Batch {
        load * latency
    } else {
        reaching * latency
    };
    // A stage with no latency has nothing in flight to report.
    if latency <= 0.0 {
        return in_flight;
    }
    t.uses(In::entry(S::Stage, &st.name, "latency"));
    if st.mode == Mode::Batch {
        for key in ["items_per_day", "every", "window"] {
            t.uses(In::entry(S::Stage, &st.name, key));
        }
        t.step(in_flight, Kind::Count, |w| {
            w.t("Little's law: ")
                .q(load, Kind::Rate)
                .op(Op::Times)
                .q(latency, Kind::Duration)
                .t(" per item")
                .op(Op::Equals)
                .q(in_flight, Kind::Count)
                .t(" items in flight");
        });
    } else {
        reads_peak(s, t);
        t.uses(In::entry(S::Stage, &st.name, "items_per_request"));
        t.step(in_flight, Kind::Count, |w| {
            w.t("Little's law: ")
                .q(reaching, Kind::Rate)
                .t(" reaching the stage")
                .op(Op::Times)
                .q(latency, Kind::Duration)
                .op(Op::Equals)
                .q(in_flight, Kind::Count)
                .t(" requests in flight");
        });
    }
    t.output(
        Out::new(Section::Fleet, &[&st.name, "concurrency"]),
        format_args!("In flight: {}", st.name),
        Kind::Count,
        in_flight,
    )
}

/// The generative side's accelerators in the fleet's totals: `[llm]`'s and `[diffusion]`'s
/// devices, and what they cost a day where both or either is priced. Nothing without either.
pub fn accelerators<T: Trace>(s: &Scenario, e: &mut Estimate, t: &mut T) {
    e.total_devices = 0.0;
    if s.llm.is_none() && s.diffusion.is_none() {
        return;
    }
    let llm = e.llm.map_or(0.0, |l| l.devices);
    let diffusion = e.diffusion.map_or(0.0, |d| d.devices);
    if s.llm.is_some() {
        t.reads(Out::new(Section::Llm, &["devices"]));
    }
    if s.diffusion.is_some() {
        t.reads(Out::new(Section::Diffusion, &["devices"]));
    }
    let total = llm + diffusion;
    t.step(total, Kind::Count, |w| {
        w.sum(
            Kind::Integer,
            &[(llm, " LLM devices"), (diffusion, " diffusion devices")],
            total,
        )
        .t(" accelerators");
    });
    e.total_devices = t.output(
        Out::new(Section::Fleet, &["total_devices"]),
        format_args!("Accelerators (LLM and diffusion)"),
        Kind::Integer,
        total,
    );
    let llm_cost = e.llm.and_then(|l| l.cost_per_day);
    let diffusion_cost = e.diffusion.and_then(|d| d.cost_per_day);
    if llm_cost.is_none() && diffusion_cost.is_none() {
        return;
    }
    if llm_cost.is_some() {
        t.reads(Out::new(Section::Llm, &["cost_per_day"]));
    }
    if diffusion_cost.is_some() {
        t.reads(Out::new(Section::Diffusion, &["cost_per_day"]));
    }
    let (a, b) = (llm_cost.unwrap_or(0.0), diffusion_cost.unwrap_or(0.0));
    let cost = a + b;
    t.step(cost, Kind::Money, |w| {
        w.sum(Kind::Money, &[(a, " LLM"), (b, " diffusion")], cost)
            .t(" a day");
    });
    t.output(
        Out::new(Section::Fleet, &["accelerator_cost_per_day"]),
        format_args!("Accelerator cost a day"),
        Kind::Money,
        cost,
    );
}

//! Servers per stage: online stages from peak load, batch stages from a day's items in their
//! window, index stages from the index's nodes; N+k spares and regions on top; Little's law for
//! requests in flight.

use super::index::region_share_step;
use super::traffic::uses_traffic;
use super::{Estimate, Section, StageEstimate, Trace};
use crate::scenario::{Mode, Scenario, Stage};
use crate::units::format::{Grouped, Human};
use crate::units::{Kind, SECONDS_PER_DAY, bytes_per_second};
use uom::si::frequency::hertz;
use uom::si::information::byte;
use uom::si::time::second;

/// Items per second one server of `st` sustains: given, or device FLOP/s × efficiency × devices
/// ÷ FLOPs per item.
fn per_server<T: Trace>(st: &Stage, t: &mut T) -> f64 {
    if let Some(thr) = st.per_server_throughput {
        t.uses(format_args!("stage.{}.per_server_throughput", st.name));
        return thr.get::<hertz>();
    }
    let (Some(flops), Some(dev)) = (st.flops_per_item, st.device_flops) else {
        return 0.0;
    };
    let dev = dev.get::<hertz>();
    let rate = dev * st.efficiency * st.devices_per_server / flops.0;
    t.uses(format_args!("stage.{}.flops_per_item", st.name));
    t.uses(format_args!("stage.{}.device_flops", st.name));
    t.uses(format_args!("stage.{}.efficiency", st.name));
    t.uses(format_args!("stage.{}.devices_per_server", st.name));
    t.step(
        rate,
        Kind::Rate,
        format_args!(
            "{} FLOP/s × {} efficiency × {} devices ÷ {} FLOP/item = {} items per server",
            Human::new(dev, Kind::Count),
            Human::new(st.efficiency, Kind::Fraction),
            Grouped(st.devices_per_server),
            Human::new(flops.0, Kind::Count),
            Human::new(rate, Kind::Rate)
        ),
    );
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
    super::storage::uses_copies(c, "items", t);
    if growth == 0.0 && c.new_items_per_day.0 > 0.0 {
        super::storage::uses_copies(c, "new_items_per_day", t);
        t.step(
            bytes,
            Kind::Size,
            format_args!(
                "{name} grows {}/day but has no retention: held as it is today, {}",
                Human::new(c.new_items_per_day.0, Kind::Count),
                Human::new(bytes, Kind::Size)
            ),
        );
    }
    if growth > 0.0 {
        super::storage::uses_copies(c, "new_items_per_day", t);
        t.uses(format_args!("corpus.{}.retention", c.name));
        t.step(
            bytes,
            Kind::Size,
            format_args!(
                "{name} at its largest: {} at rest + {} growth over retention = {}",
                Human::new(at_rest, Kind::Size),
                Human::new(growth, Kind::Size),
                Human::new(bytes, Kind::Size)
            ),
        );
    }
    t.uses(format_args!("stage.{}.holds", st.name));
    t.uses(format_args!("stage.{}.node_memory", st.name));
    t.uses(format_args!("stage.{}.memory_headroom", st.name));
    let by_memory = (bytes / usable).ceil().max(1.0);
    t.step(
        by_memory,
        Kind::Count,
        format_args!(
            "holds {name} ({} copies) in {}: ⌈{} ÷ ({} node × {} usable)⌉ = {} servers",
            Grouped(c.replication),
            if st.mode == Mode::Batch {
                "one place"
            } else {
                "each region"
            },
            Human::new(bytes, Kind::Size),
            Human::new(node, Kind::Size),
            Human::new(st.memory_headroom, Kind::Fraction),
            Grouped(by_memory)
        ),
    );
    let servers = by_load.max(by_memory);
    t.step(
        servers,
        Kind::Count,
        format_args!(
            "the larger of {} by load and {} by memory = {} servers",
            Grouped(by_load),
            Grouped(by_memory),
            Grouped(servers)
        ),
    );
    servers
}

pub fn estimate<T: Trace>(s: &Scenario, e: &mut Estimate, t: &mut T) {
    e.stages.clear();
    let peak = e.peak_qps.get::<hertz>();
    let region_peak = e.region_peak_qps.get::<hertz>();
    let regions = s.serving.regions;
    // Whole spare servers: a validated input is whole already; a range's samples are rounded.
    let k = s.serving.redundancy.round();
    let mut total = 0.0;
    for st in &s.stages {
        let util = st.utilization.unwrap_or(s.serving.target_utilization);
        let latency = st.latency.get::<second>();
        let (load, rate, servers) = if st.index {
            let nodes = e.index.map_or(0.0, |ix| ix.nodes);
            t.uses(format_args!("stage.{}.index", st.name));
            t.step(
                nodes,
                Kind::Count,
                format_args!(
                    "queries the sharded index: its servers are the {} index nodes",
                    Grouped(nodes)
                ),
            );
            (peak, 0.0, nodes)
        } else {
            let rate = per_server(st, t);
            t.uses(format_args!("serving.redundancy"));
            if st.utilization.is_some() {
                t.uses(format_args!("stage.{}.utilization", st.name));
            } else {
                t.uses(format_args!("serving.target_utilization"));
            }
            match st.mode {
                Mode::Online => {
                    uses_traffic(s, t);
                    t.uses(format_args!("stage.{}.items_per_request", st.name));
                    region_share_step(s, e, t);
                    let region_load = region_peak * st.items_per_request.0;
                    t.step(
                        region_load,
                        Kind::Rate,
                        format_args!(
                            "{} × {} items per request = {} items",
                            Human::new(region_peak, Kind::Rate),
                            Human::new(st.items_per_request.0, Kind::Count),
                            Human::new(region_load, Kind::Rate)
                        ),
                    );
                    let base = (region_load / (rate * util)).ceil().max(1.0);
                    t.step(
                        base,
                        Kind::Count,
                        format_args!(
                            "⌈{} ÷ ({} per server × {} utilisation)⌉ = {} servers",
                            Human::new(region_load, Kind::Rate),
                            Human::new(rate, Kind::Rate),
                            Human::new(util, Kind::Fraction),
                            Grouped(base)
                        ),
                    );
                    let base = with_held_corpus(s, e, st, base, t);
                    let servers = (base + k) * regions;
                    if k > 0.0 || regions > 1.0 {
                        t.uses(format_args!("serving.regions"));
                        t.step(
                            servers,
                            Kind::Count,
                            format_args!(
                                "({} + {} spare) × {} regions = {} servers",
                                Grouped(base),
                                Grouped(k),
                                Grouped(regions),
                                Grouped(servers)
                            ),
                        );
                    }
                    (peak * st.items_per_request.0, rate, servers)
                }
                Mode::Batch => {
                    let per_day = st.items_per_day.map_or(0.0, |c| c.0);
                    let window = st.window.get::<second>();
                    let every = st.every.get::<second>();
                    t.uses(format_args!("stage.{}.items_per_day", st.name));
                    t.uses(format_args!("stage.{}.every", st.name));
                    t.uses(format_args!("stage.{}.window", st.name));
                    let per_run = per_day * every / SECONDS_PER_DAY;
                    if every != SECONDS_PER_DAY {
                        t.step(
                            per_run,
                            Kind::Count,
                            format_args!(
                                "{} items/day × {} ÷ 1 d = {} items per run",
                                Human::new(per_day, Kind::Count),
                                Human::new(every, Kind::Duration),
                                Human::new(per_run, Kind::Count)
                            ),
                        );
                    }
                    let load = per_run / window;
                    t.step(
                        load,
                        Kind::Rate,
                        format_args!(
                            "{} items per run in a {} window = {} items",
                            Human::new(per_run, Kind::Count),
                            Human::new(window, Kind::Duration),
                            Human::new(load, Kind::Rate)
                        ),
                    );
                    let base = (load / (rate * util)).ceil().max(1.0);
                    t.step(
                        base,
                        Kind::Count,
                        format_args!(
                            "⌈{} ÷ ({} per server × {} utilisation)⌉ = {} servers",
                            Human::new(load, Kind::Rate),
                            Human::new(rate, Kind::Rate),
                            Human::new(util, Kind::Fraction),
                            Grouped(base)
                        ),
                    );
                    let base = with_held_corpus(s, e, st, base, t);
                    if k > 0.0 {
                        t.step(
                            base + k,
                            Kind::Count,
                            format_args!(
                                "{} + {} spare = {} servers (batch runs in one place)",
                                Grouped(base),
                                Grouped(k),
                                Grouped(base + k)
                            ),
                        );
                    }
                    (load, rate, base + k)
                }
            }
        };
        if st.index {
            t.inherit(|id| id == "index.nodes");
        }
        t.output(
            Section::Fleet,
            format_args!("{}.servers", st.name),
            format_args!("Servers: {}", st.name),
            Kind::Count,
            servers,
        );

        // Requests that reach the stage: all of them, or a share when fewer than one item each.
        let reaching = peak * st.items_per_request.0.min(1.0);
        let in_flight = if st.mode == Mode::Batch {
            load * latency
        } else {
            reaching * latency
        };
        // A stage with no latency has nothing in flight to report.
        if latency > 0.0 {
            t.uses(format_args!("stage.{}.latency", st.name));
            if st.mode == Mode::Batch {
                t.step(
                    in_flight,
                    Kind::Count,
                    format_args!(
                        "Little's law: {} × {} per item = {} items in flight",
                        Human::new(load, Kind::Rate),
                        Human::new(latency, Kind::Duration),
                        Human::new(in_flight, Kind::Count)
                    ),
                );
            } else {
                uses_traffic(s, t);
                t.step(
                    in_flight,
                    Kind::Count,
                    format_args!(
                        "Little's law: {} reaching the stage × {} = {} requests in flight",
                        Human::new(reaching, Kind::Rate),
                        Human::new(latency, Kind::Duration),
                        Human::new(in_flight, Kind::Count)
                    ),
                );
            }
            t.output(
                Section::Fleet,
                format_args!("{}.concurrency", st.name),
                format_args!("In flight: {}", st.name),
                Kind::Count,
                in_flight,
            );
        }

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
    t.inherit(|id| id.starts_with("fleet.") && id.ends_with(".servers"));
    t.step(
        total,
        Kind::Count,
        format_args!(
            "sum over {} stages = {} servers",
            s.stages.len(),
            Grouped(total)
        ),
    );
    t.output(
        Section::Fleet,
        format_args!("total_servers"),
        format_args!("Total servers"),
        Kind::Count,
        total,
    );
    e.total_servers = total;
}

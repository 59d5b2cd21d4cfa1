//! `[[stage]]`: one stage of the serving funnel (or a batch job): its load, throughput, latency
//! and what it keeps in memory.

use crate::scenario::Count;
use crate::scenario::diagnostic::suggest_or;
use crate::scenario::path::SectionPath;
use crate::scenario::registry::{Holder, Row};
use crate::scenario::schema::{
    Field, FieldKind::Bool, FieldKind::Choice, FieldKind::Quantity as Q, FieldKind::Text, Section,
    fields,
};
use crate::scenario::validate::{Findings, Input};
use crate::units::{self, Kind, SECONDS_PER_DAY};
use uom::si::f64::{Frequency, Information, Time};

/// Whether a stage answers requests or works through a daily volume.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    #[default]
    Online,
    Batch,
}

impl Mode {
    pub const NAMES: &'static [&'static str] = &["online", "batch"];
    pub const ALL: [Mode; 2] = [Mode::Online, Mode::Batch];
}

/// One stage of the serving funnel, or a batch job.
#[derive(Clone, Debug)]
pub struct Stage {
    pub name: String,
    pub mode: Mode,
    /// The stage queries the sharded vector index; its servers are the index nodes.
    pub index: bool,
    pub items_per_request: Count,
    pub items_per_day: Option<Count>,
    pub window: Time,
    /// Batch: how often a run starts; a run processes items_per_day × every ÷ 1 d.
    pub every: Time,
    pub per_server_throughput: Option<Frequency>,
    pub flops_per_item: Option<Count>,
    pub device_flops: Option<Frequency>,
    pub efficiency: f64,
    pub devices_per_server: f64,
    pub latency: Time,
    pub utilization: Option<f64>,
    pub hardware: String,
    /// Runs at the same time as this earlier online stage: the slower of the two counts.
    pub parallel_with: Option<String>,
    /// A corpus the stage keeps in RAM (a feature store, a key-value store): its servers are at
    /// least enough to hold it.
    pub holds: Option<String>,
    /// RAM of one server, with `holds`.
    pub node_memory: Option<Information>,
    /// Usable fraction of `node_memory`.
    pub memory_headroom: f64,
}

impl Default for Stage {
    fn default() -> Self {
        Stage {
            name: String::new(),
            mode: Mode::Online,
            index: false,
            items_per_request: Count(1.0),
            items_per_day: None,
            window: units::seconds(SECONDS_PER_DAY),
            every: units::seconds(SECONDS_PER_DAY),
            per_server_throughput: None,
            flops_per_item: None,
            device_flops: None,
            efficiency: 0.5,
            devices_per_server: 1.0,
            latency: units::seconds(0.0),
            utilization: None,
            hardware: String::new(),
            parallel_with: None,
            holds: None,
            node_memory: None,
            memory_headroom: 0.7,
        }
    }
}

pub const FIELDS: &[Field<Stage>] = fields!(Stage {
    name: Text, false, "the stage's name, used in output ids (fleet.<name>.servers)";
    mode: Choice(Mode::NAMES), false, "online (per request) or batch (a daily volume in a window); default online";
    index: Bool, false, "the stage queries the sharded vector index: its servers are the index nodes";
    items_per_request: Q(Kind::Count), false, "items scored per request (default 1); for an index stage, the top-k each shard returns";
    items_per_day: Q(Kind::Count), false, "batch: items to process per day";
    window: Q(Kind::Duration), false, "batch: time in which a run must finish (default 1 d)";
    every: Q(Kind::Duration), false, "batch: how often a run starts; a run takes items_per_day × every ÷ 1 d (default 1 d)";
    per_server_throughput: Q(Kind::Rate), false, "items per second one server sustains";
    flops_per_item: Q(Kind::Flop), false, "FLOPs per item, instead of per_server_throughput";
    device_flops: Q(Kind::Rate), false, "peak FLOP/s of one accelerator, with flops_per_item";
    efficiency: Q(Kind::Fraction), false, "fraction of peak FLOP/s achieved (default 0.5)";
    devices_per_server: Q(Kind::Integer), false, "accelerators per server (default 1)";
    latency: Q(Kind::Duration), true, "time the stage takes per request";
    utilization: Q(Kind::Fraction), false, "target utilisation of this stage (default serving.target_utilization)";
    hardware: Text, true, "what a server is, for the reader";
    parallel_with: Text, false, "an earlier online stage this one runs beside: the slower of the two counts toward latency";
    holds: Text, false, "a corpus the stage keeps in RAM (a feature store, a key-value store): at least enough servers to hold all its copies, in every region (a batch stage: once)";
    node_memory: Q(Kind::Size), false, "RAM of one server, with holds";
    memory_headroom: Q(Kind::Fraction), false, "usable fraction of node_memory, with holds (default 0.7)";
});

pub const ROW: Row<Stage> = Row {
    section: Section::Stage,
    fields: FIELDS,
    holder: Holder::List(
        |s| &s.stages,
        |s| &mut s.stages,
        |c| &c.name,
        |c, name| c.name = name.to_string(),
    ),
    check,
};

fn check(f: &mut Findings) {
    let s = f.s;
    if let Some(second) = s.stages.iter().filter(|st| st.index).nth(1) {
        f.say(
            SectionPath::new(Section::Stage, Some(&second.name)).input("index"),
            "more than one stage queries the index; its nodes would be counted twice",
            "keep index = true on the stage that searches the index, and size the others by throughput",
        );
    }
    for (i, st) in s.stages.iter().enumerate() {
        let stage = SectionPath::new(Section::Stage, Some(&st.name));
        if let Some(other) = &st.parallel_with {
            let earlier = s.stages[..i]
                .iter()
                .any(|e| &e.name == other && e.mode == Mode::Online);
            if !earlier || st.mode != Mode::Online {
                f.say(
                    stage.input("parallel_with"),
                    format!("parallel_with = \"{other}\" does not name an earlier online stage"),
                    "name an online stage listed before this one, which this one runs beside",
                );
            }
        }
        holds(f, st, &stage);
        if st.index {
            index_stage(f, st, &stage);
            continue;
        }
        throughput(f, st, &stage);
        match st.mode {
            Mode::Batch if st.items_per_day.is_none() => f.add(
                stage.input("items_per_day"),
                "a batch stage needs items_per_day",
                &[&[(&stage, "items_per_day", "\"100M\"")]],
                "",
            ),
            Mode::Online if s.requests().is_none() => {
                let traffic = Section::Traffic.path();
                let rate: &[Input<'_>] = &[(&traffic, "qps", "\"10k/s\"")];
                let per_user: &[Input<'_>] = &[(&traffic, "requests_per_user_per_day", "5")];
                let users: &[Input<'_>] = &[
                    (&traffic, "dau", "\"100M\""),
                    (&traffic, "requests_per_user_per_day", "5"),
                ];
                // Or no requests at all: a batch stage, which says how many items a day.
                let batch: &[Input<'_>] = &[
                    (&stage, "mode", "\"batch\""),
                    (&stage, "items_per_day", "\"100M\""),
                ];
                let (problem, ways) = if s.traffic.as_ref().is_some_and(|t| t.dau.is_some()) {
                    (
                        "an online stage serves requests, and [traffic] gives the daily users but not their requests",
                        [per_user, rate, batch],
                    )
                } else {
                    (
                        "an online stage needs [traffic]: it serves requests, and there is no request rate",
                        [users, rate, batch],
                    )
                };
                f.add(stage.input("mode"), problem, &ways, "");
            }
            _ => {}
        }
    }
}

/// A stage that holds a corpus names one and gives its servers' memory. (node_memory left
/// without holds is a warning, not an error.)
fn holds(f: &mut Findings, st: &Stage, stage: &SectionPath) {
    let Some(corpus) = &st.holds else { return };
    if !f.s.corpora.iter().any(|c| &c.name == corpus) {
        let names: Vec<&str> = f.s.corpora.iter().map(|c| c.name.as_str()).collect();
        let fallback = if names.is_empty() {
            "add the [[corpus]] the stage keeps in memory".to_string()
        } else {
            format!("name one of the corpora: {}", names.join(", "))
        };
        f.say(
            stage.input("holds"),
            format!("holds = \"{corpus}\" does not name a corpus"),
            suggest_or(corpus, names.iter().copied(), &fallback),
        );
    }
    if st.index {
        f.say(
            stage.input("holds"),
            "an index stage's memory is the index's, sized in [index]",
            "remove holds from this stage (or remove index = true)",
        );
    } else if st.node_memory.is_none() {
        f.add(
            stage.input("node_memory"),
            "the stage holds a corpus but has no node_memory",
            &[&[(stage, "node_memory", "\"256 GiB\"")]],
            "(RAM of one server)",
        );
    }
}

fn index_stage(f: &mut Findings, st: &Stage, stage: &SectionPath) {
    if f.s.index.is_none() {
        f.say(
            stage.input("index"),
            "the stage queries the index, but the scenario has no [index]",
            "add an [index] section, or remove index = true",
        );
    }
    if st.mode == Mode::Batch {
        f.say_or_unset(
            stage.input("mode"),
            "an index stage cannot be a batch stage",
            "remove mode = \"batch\" or index = true",
            stage.input("mode"),
        );
    }
}

/// A stage gives its throughput one way: per server, or FLOPs per item with a device's FLOP/s.
fn throughput(f: &mut Findings, st: &Stage, stage: &SectionPath) {
    let by_throughput = st.per_server_throughput.is_some();
    let by_flops = st.flops_per_item.is_some() || st.device_flops.is_some();
    match (by_throughput, by_flops) {
        (true, true) => f.say(
            stage.input("per_server_throughput"),
            "the stage gives both per_server_throughput and FLOPs",
            "keep one: per_server_throughput, or flops_per_item with device_flops",
        ),
        (false, false) => f.add(
            stage.input("per_server_throughput"),
            "the stage has no throughput",
            &[
                &[(stage, "per_server_throughput", "\"5k/s\"")],
                &[
                    (stage, "flops_per_item", "\"40M\""),
                    (stage, "device_flops", "\"312 TFLOP/s\""),
                ],
            ],
            "(items/s one server sustains, or the FLOPs per item and one device's FLOP/s)",
        ),
        (false, true) => {
            if st.flops_per_item.is_none() {
                f.add(
                    stage.input("flops_per_item"),
                    "device_flops is given without flops_per_item",
                    &[&[(stage, "flops_per_item", "\"40M\"")]],
                    "",
                );
            }
            if st.device_flops.is_none() {
                f.add(
                    stage.input("device_flops"),
                    "flops_per_item is given without device_flops",
                    &[&[(stage, "device_flops", "\"312 TFLOP/s\"")]],
                    "",
                );
            }
        }
        (true, false) => {}
    }
}

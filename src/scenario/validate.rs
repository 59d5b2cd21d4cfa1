//! Checks across fields that a single value cannot show: a missing required input, two ways of
//! giving traffic at once, an index with no embeddings.

use super::diagnostic::{Addition, Diagnostic, suggest_or};
use super::{Dtype, IndexKind, Mode, Scenario};

/// An input to add: its section's path, its key and its value as TOML writes it.
type Input<'a> = (&'a str, &'static str, &'static str);

/// Whether `[traffic]` gives any key but peak_factor, in the file or by `--set`.
fn gives_more_than_peak_factor(s: &Scenario) -> bool {
    let p = &s.provenance;
    p.raw
        .keys()
        .chain(p.sources.keys())
        .chain(p.places.keys())
        .any(|path| path.starts_with("traffic.") && path != "traffic.peak_factor")
}

/// The problems found so far, each located in `s`'s file.
struct Findings<'s> {
    s: &'s Scenario,
    out: Vec<Diagnostic>,
}

impl Findings<'_> {
    fn say(&mut self, path: &str, problem: String, hint: &str) {
        self.add(path, problem, &[], hint);
    }

    /// A problem fixed by adding inputs: `ways` holds the ways to fix it, `hint` the words after.
    fn add(&mut self, path: &str, problem: String, ways: &[&[Input]], hint: &str) {
        self.out.push(Diagnostic {
            location: self.s.provenance.locate(path),
            path: path.to_string(),
            problem,
            hint: hint.to_string(),
            add: ways
                .iter()
                .map(|way| {
                    way.iter()
                        .map(|&(section, key, value)| Addition {
                            section: section.to_string(),
                            key,
                            value,
                        })
                        .collect()
                })
                .collect(),
            via_set: false,
        });
    }
}

/// Everything that keeps `s` from being estimated; empty when it can be.
pub fn validate(s: &Scenario) -> Vec<Diagnostic> {
    let mut f = Findings { s, out: Vec::new() };

    let id = &s.meta.id;
    if id.is_empty() {
        f.say(
            "meta.id",
            "the scenario has no id".into(),
            "add id = \"my-scenario\" (kebab-case) to [meta]",
        );
    } else if !id
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        || id.starts_with('-')
        || id.ends_with('-')
    {
        f.say(
            "meta.id",
            format!("the id \"{id}\" is not kebab-case"),
            "use lower-case letters, digits and dashes, such as \"video-recommendation\"",
        );
    }
    if s.meta.title.trim().is_empty() {
        f.say(
            "meta.title",
            "the scenario has no title".into(),
            "add title = \"…\" to [meta]",
        );
    }

    if let Some(t) = &s.traffic {
        match (
            t.dau.is_some() || t.requests_per_user_per_day.is_some(),
            t.qps.is_some(),
        ) {
            (true, true) => f.say(
                "traffic.qps",
                "traffic is given both as qps and as dau × requests_per_user_per_day".into(),
                "keep one: remove qps, or remove dau and requests_per_user_per_day (on the command line an empty value unsets: --set traffic.qps=)",
            ),
            // A [traffic] that gives only peak_factor sets how much uploads peak, no requests.
            (false, false) if !gives_more_than_peak_factor(s) => {}
            (false, false) => f.add(
                "traffic",
                "[traffic] gives neither qps nor dau".into(),
                &[
                    &[
                        ("traffic", "dau", "\"100M\""),
                        ("traffic", "requests_per_user_per_day", "5"),
                    ],
                    &[("traffic", "qps", "\"10k/s\"")],
                ],
                "",
            ),
            (true, false) => {
                if t.dau.is_none() {
                    f.add(
                        "traffic.dau",
                        "requests_per_user_per_day is given without dau".into(),
                        &[&[("traffic", "dau", "\"100M\"")]],
                        "",
                    );
                }
                if t.requests_per_user_per_day.is_none() {
                    f.add(
                        "traffic.requests_per_user_per_day",
                        "dau is given without requests_per_user_per_day".into(),
                        &[&[("traffic", "requests_per_user_per_day", "5")]],
                        "",
                    );
                }
            }
            (false, true) => {}
        }
        if t.peak_factor < 1.0 {
            f.say(
                "traffic.peak_factor",
                format!(
                    "the peak factor {} is below 1: the peak cannot be below the average",
                    t.peak_factor
                ),
                "write 2 (Xu's default) or more",
            );
        }
    }

    // Output ids a corpus name must not shadow (`storage.<name>`).
    const RESERVED: [&str; 8] = [
        "embeddings",
        "logs",
        "log",
        "total",
        "growth_per_day",
        "graph",
        "text_index",
        "retained_growth",
    ];
    for c in &s.corpora {
        if RESERVED.contains(&c.name.as_str()) {
            f.say(
                &format!("corpus.{}.name", c.name),
                format!(
                    "a corpus cannot be named \"{}\": storage.{} is another output",
                    c.name, c.name
                ),
                "give it the name of what it stores, such as \"videos\" or \"images\"",
            );
        }
        if c.item_size.value == 0.0 {
            let corpus = format!("corpus.{}", c.name);
            f.add(
                &format!("{corpus}.item_size"),
                format!("the corpus \"{}\" has no item_size", c.name),
                &[&[(&corpus, "item_size", "\"1 KB\"")]],
                "(bytes one item takes, such as \"50 MB\" for a video)",
            );
        }
        if c.replication < 1.0 {
            f.say(
                &format!("corpus.{}.replication", c.name),
                format!("replication {} is below 1", c.replication),
                "write 1 for a single copy, 3 for triple replication",
            );
        }
    }

    if let Some(e) = &s.embeddings {
        if e.dim == 0.0 {
            f.add(
                "embeddings.dim",
                "[embeddings] has no dim".into(),
                &[&[("embeddings", "dim", "256")]],
                "",
            );
        }
        if e.vectors.is_none() && s.corpora.is_empty() {
            f.add(
                "embeddings.vectors",
                "[embeddings] has no vectors and there is no corpus to take them from".into(),
                &[&[("embeddings", "vectors", "\"10B\"")]],
                "",
            );
        }
        if e.dtype == Dtype::Pq {
            match e.pq_m {
                None => f.add(
                    "embeddings.pq_m",
                    "dtype = \"pq\" needs pq_m".into(),
                    &[&[("embeddings", "pq_m", "64")]],
                    "(sub-quantizers; bytes per vector at 8 bits)",
                ),
                Some(m) if e.dim > 0.0 && e.dim % m != 0.0 => f.say(
                    "embeddings.pq_m",
                    format!("pq_m = {m} does not divide dim = {}", e.dim),
                    "Faiss needs dim to be a multiple of pq_m: pick a divisor such as 8, 16, 32 or 64",
                ),
                _ => {}
            }
        }
    }

    for (path, nbits) in [
        (
            "embeddings.pq_nbits",
            s.embeddings.as_ref().map(|e| e.pq_nbits),
        ),
        ("index.pq_nbits", s.index.as_ref().and_then(|i| i.pq_nbits)),
    ] {
        if let Some(b) = nbits.filter(|&b| b > 16.0) {
            f.say(
                path,
                format!("pq_nbits = {b} is more than 16"),
                "Faiss codes are at most 16 bits; 8 is the usual choice",
            );
        }
    }

    if let Some(ix) = &s.index {
        let Some(e) = &s.embeddings else {
            f.add(
                "index",
                "[index] needs an [embeddings] section to know the vectors".into(),
                &[&[("embeddings", "dim", "256")]],
                "",
            );
            return f.out;
        };
        if ix.node_memory.value == 0.0 {
            f.add(
                "index.node_memory",
                "[index] has no node_memory".into(),
                &[&[("index", "node_memory", "\"256 GiB\"")]],
                "",
            );
        }
        if matches!(ix.kind, IndexKind::IvfPq | IndexKind::DiskAnn) {
            match ix.pq_m.or(e.pq_m) {
                None => f.add(
                    "index.pq_m",
                    format!(
                        "kind = \"{}\" needs pq_m",
                        IndexKind::NAMES[ix.kind as usize]
                    ),
                    &[&[("index", "pq_m", "64")]],
                    "(sub-quantizers; bytes per vector at 8 bits)",
                ),
                Some(m) if ix.kind == IndexKind::IvfPq && e.dim % m != 0.0 => f.say(
                    "index.pq_m",
                    format!("pq_m = {m} does not divide dim = {}", e.dim),
                    "Faiss needs dim to be a multiple of pq_m: pick a divisor such as 8, 16, 32 or 64",
                ),
                _ => {}
            }
        }
        if s.requests().is_some()
            && ix.per_replica_qps.is_none()
            && s.stages.iter().any(|st| st.index)
        {
            f.add(
                "index.per_replica_qps",
                "an index stage serves traffic but [index] has no per_replica_qps".into(),
                &[&[("index", "per_replica_qps", "2000")]],
                "(queries/s one full copy of the index serves)",
            );
        }
        if ix.hnsw_m < 2.0 && ix.kind == IndexKind::Hnsw {
            f.say(
                "index.hnsw_m",
                format!("hnsw_m = {} is below 2", ix.hnsw_m),
                "write 16 or 32, the usual choices",
            );
        }
    }

    if s.stages.iter().filter(|st| st.index).count() > 1 {
        let second = s
            .stages
            .iter()
            .filter(|st| st.index)
            .nth(1)
            .map_or("", |st| st.name.as_str());
        f.say(
            &format!("stage.{second}.index"),
            "more than one stage queries the index; its nodes would be counted twice".into(),
            "keep index = true on the stage that searches the index, and size the others by throughput",
        );
    }
    for (i, st) in s.stages.iter().enumerate() {
        let stage = format!("stage.{}", st.name);
        let p = |k: &str| format!("{stage}.{k}");
        if let Some(other) = &st.parallel_with {
            let earlier = s.stages[..i]
                .iter()
                .any(|e| &e.name == other && e.mode == Mode::Online);
            if !earlier || st.mode != Mode::Online {
                f.say(
                    &p("parallel_with"),
                    format!("parallel_with = \"{other}\" does not name an earlier online stage"),
                    "name an online stage listed before this one, which this one runs beside",
                );
            }
        }
        // node_memory left without holds (say after `--set ….holds=`) is a warning, not an error.
        if let Some(corpus) = &st.holds {
            if !s.corpora.iter().any(|c| &c.name == corpus) {
                let names: Vec<&str> = s.corpora.iter().map(|c| c.name.as_str()).collect();
                f.say(
                    &p("holds"),
                    format!("holds = \"{corpus}\" does not name a corpus"),
                    &suggest_or(
                        corpus,
                        names.iter().copied(),
                        &if names.is_empty() {
                            "add the [[corpus]] the stage keeps in memory".to_string()
                        } else {
                            format!("name one of the corpora: {}", names.join(", "))
                        },
                    ),
                );
            }
            if st.index {
                f.say(
                    &p("holds"),
                    "an index stage's memory is the index's, sized in [index]".into(),
                    "remove holds from this stage (or remove index = true)",
                );
            } else if st.node_memory.is_none() {
                f.add(
                    &p("node_memory"),
                    "the stage holds a corpus but has no node_memory".into(),
                    &[&[(&stage, "node_memory", "\"256 GiB\"")]],
                    "(RAM of one server)",
                );
            }
        }
        if st.index {
            if s.index.is_none() {
                f.say(
                    &p("index"),
                    "the stage queries the index, but the scenario has no [index]".into(),
                    "add an [index] section, or remove index = true",
                );
            }
            if st.mode == Mode::Batch {
                f.say(
                    &p("mode"),
                    "an index stage cannot be a batch stage".into(),
                    "remove mode = \"batch\" or index = true",
                );
            }
            continue;
        }
        let by_throughput = st.per_server_throughput.is_some();
        let by_flops = st.flops_per_item.is_some() || st.device_flops.is_some();
        match (by_throughput, by_flops) {
            (true, true) => f.say(
                &p("per_server_throughput"),
                "the stage gives both per_server_throughput and FLOPs".into(),
                "keep one: per_server_throughput, or flops_per_item with device_flops",
            ),
            (false, false) => f.add(
                &p("per_server_throughput"),
                "the stage has no throughput".into(),
                &[
                    &[(&stage, "per_server_throughput", "\"5k/s\"")],
                    &[
                        (&stage, "flops_per_item", "\"40M\""),
                        (&stage, "device_flops", "\"312 TFLOP/s\""),
                    ],
                ],
                "(items/s one server sustains, or the FLOPs per item and one device's FLOP/s)",
            ),
            (false, true) => {
                if st.flops_per_item.is_none() {
                    f.add(
                        &p("flops_per_item"),
                        "device_flops is given without flops_per_item".into(),
                        &[&[(&stage, "flops_per_item", "\"40M\"")]],
                        "",
                    );
                }
                if st.device_flops.is_none() {
                    f.add(
                        &p("device_flops"),
                        "flops_per_item is given without device_flops".into(),
                        &[&[(&stage, "device_flops", "\"312 TFLOP/s\"")]],
                        "",
                    );
                }
            }
            (true, false) => {}
        }
        match st.mode {
            Mode::Batch if st.items_per_day.is_none() => f.add(
                &p("items_per_day"),
                "a batch stage needs items_per_day".into(),
                &[&[(&stage, "items_per_day", "\"100M\"")]],
                "",
            ),
            Mode::Online if s.requests().is_none() => f.say(
                &p("mode"),
                "an online stage needs [traffic]".into(),
                "add a [traffic] section, or make the stage mode = \"batch\"",
            ),
            _ => {}
        }
    }

    for l in super::Logging::all(s) {
        let p = l.prefix();
        let at = |k: &str| format!("{p}.{k}");
        match (
            l.events_per_user_per_day.is_some(),
            l.events_per_day.is_some(),
        ) {
            (true, true) => f.say(
                &at("events_per_day"),
                "the log gives both events_per_day and events_per_user_per_day".into(),
                "keep one of them",
            ),
            (false, false) => f.add(
                &p,
                "the log gives no event count".into(),
                &[
                    &[(&p, "events_per_user_per_day", "50")],
                    &[(&p, "events_per_day", "\"10B\"")],
                ],
                "",
            ),
            (true, false) if s.traffic.as_ref().and_then(|t| t.dau).is_none() => f.say(
                &at("events_per_user_per_day"),
                "events per user need traffic.dau".into(),
                "add dau to [traffic], or write events_per_day instead",
            ),
            _ => {}
        }
        if l.event_size.value == 0.0 {
            f.add(
                &at("event_size"),
                "the log has no event_size".into(),
                &[&[(&p, "event_size", "\"500 B\"")]],
                "",
            );
        }
    }

    if let Some(g) = &s.graph
        && (g.nodes.0 == 0.0 || g.avg_degree.0 == 0.0)
    {
        f.add(
            "graph",
            "[graph] needs nodes and avg_degree".into(),
            &[&[
                ("graph", "nodes", "\"1B\""),
                ("graph", "avg_degree", "1000"),
            ]],
            "",
        );
    }
    if let Some(ti) = &s.text_index
        && (ti.documents.0 == 0.0 || ti.terms_per_document.0 == 0.0)
    {
        f.add(
            "text_index",
            "[text_index] needs documents and terms_per_document".into(),
            &[&[
                ("text_index", "documents", "\"1B\""),
                ("text_index", "terms_per_document", "200"),
            ]],
            "",
        );
    }

    if s.serving.region_failover && s.serving.regions < 2.0 {
        f.say(
            "serving.region_failover",
            "region_failover needs at least 2 regions".into(),
            "set regions = 3, or region_failover = false",
        );
    }

    f.out
}

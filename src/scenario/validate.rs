//! Checks across fields that a single value cannot show: a missing required input, two ways of
//! giving traffic at once, an index with no embeddings.

use super::diagnostic::{Addition, Diagnostic, suggest_or};
use super::{Dtype, IndexKind, Mode, Scenario};
use crate::units::Human;

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
    let mut out = checks(s);
    if !out.is_empty() && !s.ranges.is_empty() {
        // A range's median is a value nobody wrote: say where it comes from.
        let medians: Vec<String> = s
            .ranges
            .iter()
            .map(|r| {
                let iv = r.interval;
                format!("{} = {}", r.path, Human::new(iv.median(), iv.kind))
            })
            .collect();
        for d in &mut out {
            d.problem = format!(
                "{} (with each range at its median: {})",
                d.problem,
                medians.join(", ")
            );
        }
    }
    if !out.is_empty() || s.ranges.is_empty() {
        return out;
    }
    // A range holds its median; each end must be a valid input too, with the others at theirs.
    let mut at_end = s.clone();
    for r in &s.ranges {
        let Some(at) = super::overrides::resolve(s, &r.path) else {
            continue;
        };
        for (end, x) in [("low", r.interval.lo), ("high", r.interval.hi)] {
            super::overrides::set_number(&mut at_end, at, r.interval.fit(x));
            for mut d in checks(&at_end) {
                d.problem = format!(
                    "at the {end} end of the range {} = {}: {}",
                    r.path,
                    s.provenance.raw.get(&r.path).map_or("", String::as_str),
                    d.problem
                );
                out.push(d);
            }
        }
        super::overrides::set_number(&mut at_end, at, r.interval.median());
    }
    out
}

/// The checks of [`validate`] on the scenario's values as they stand (ranges at their medians).
fn checks(s: &Scenario) -> Vec<Diagnostic> {
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

    ml(&mut f);

    // A range's median and samples may fall between whole numbers: they are rounded.
    let k = s.serving.redundancy;
    if k.fract() != 0.0 && s.range("serving.redundancy").is_none() {
        f.say(
            "serving.redundancy",
            format!("redundancy = {k} is not a whole number of spare servers"),
            &format!("write {} or {}", k.floor(), k.ceil()),
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

/// A probability at `path` must lie strictly between 0 and 1; `example` is what to write.
fn open_unit(f: &mut Findings, path: &str, what: &str, x: f64, example: &str) {
    if x <= 0.0 || x >= 1.0 {
        f.say(
            path,
            format!("{what} is {x}, but it must lie strictly between 0 and 1"),
            &format!("write a probability such as {example}"),
        );
    }
}

/// The ML sections: training, embedding tables, sampling, feature store, experiment,
/// labelling and cache.
fn ml(f: &mut Findings) {
    let s = f.s;
    if let Some(t) = &s.training {
        match (t.params.is_some(), t.flops_per_example.is_some()) {
            (true, true) => f.say(
                "training.flops_per_example",
                "[training] gives both params and flops_per_example".into(),
                "keep one: params (6 × params FLOPs per example) or flops_per_example",
            ),
            (false, false) => f.add(
                "training",
                "[training] gives neither params nor flops_per_example".into(),
                &[
                    &[("training", "params", "\"100M\"")],
                    &[("training", "flops_per_example", "\"600M\"")],
                ],
                "",
            ),
            _ => {}
        }
        match (t.examples.is_some(), t.examples_per_day.is_some()) {
            (true, true) => f.say(
                "training.examples_per_day",
                "[training] gives both examples and examples_per_day".into(),
                "keep one: examples per run, or examples_per_day with window",
            ),
            (false, false) if s.sampling.is_none() => f.add(
                "training",
                "[training] has no examples and there is no [sampling] to take them from".into(),
                &[
                    &[("training", "examples", "\"10B\"")],
                    &[
                        ("training", "examples_per_day", "\"1B\""),
                        ("training", "window", "\"30 d\""),
                    ],
                ],
                "",
            ),
            _ => {}
        }
        match &t.device {
            Some(name) if crate::accelerators::find(name).is_none() => {
                let known = crate::accelerators::names();
                f.say(
                    "training.device",
                    format!("\"{name}\" is not a known accelerator"),
                    format!(
                        "{} Known: {}; or remove device and give device_flops and device_memory",
                        suggest_or(name, known.iter().copied(), ""),
                        known.join(", ")
                    )
                    .trim_start(),
                );
            }
            None if t.device_flops.is_none() => f.add(
                "training.device_flops",
                "[training] names no device and gives no device_flops".into(),
                &[
                    &[("training", "device", "\"A100\"")],
                    &[("training", "device_flops", "\"312T/s\"")],
                ],
                "",
            ),
            _ => {}
        }
    }

    const TABLE_OUTPUTS: [&str; 2] = ["memory", "devices"];
    for tb in &s.embedding_tables {
        let entry = format!("embedding_table.{}", tb.name);
        if TABLE_OUTPUTS.contains(&tb.name.as_str()) {
            f.say(
                &format!("{entry}.name"),
                format!(
                    "a table cannot be named \"{}\": embedding_tables.{} is another output",
                    tb.name, tb.name
                ),
                "name it after what its rows are, such as \"users\" or \"ads\"",
            );
        }
        if tb.rows.0 == 0.0 || tb.dim == 0.0 {
            f.add(
                &entry,
                format!("the embedding table \"{}\" needs rows and dim", tb.name),
                &[&[(&entry, "rows", "\"1B\""), (&entry, "dim", "128")]],
                "",
            );
        }
    }

    if let Some(sa) = &s.sampling {
        if sa.examples_per_day.0 == 0.0 {
            f.add(
                "sampling.examples_per_day",
                "[sampling] has no examples_per_day".into(),
                &[&[("sampling", "examples_per_day", "\"1B\"")]],
                "(raw labelled examples a day)",
            );
        }
        open_unit(
            f,
            "sampling.positive_rate",
            "positive_rate",
            sa.positive_rate,
            "0.01 for a 1% CTR",
        );
        if sa.negative_keep_rate == 0.0 {
            f.say(
                "sampling.negative_keep_rate",
                "a negative_keep_rate of 0 keeps no negatives: the model could not learn".into(),
                "write the share of negatives kept, such as 0.025 (Facebook's, He et al. 2014), or 1 for no downsampling",
            );
        }
        open_unit(
            f,
            "sampling.raw_prediction",
            "raw_prediction",
            sa.raw_prediction,
            "0.5",
        );
    }

    if let Some(fs) = &s.feature_store {
        if fs.entities.0 == 0.0 || fs.features_per_entity.0 == 0.0 {
            f.add(
                "feature_store",
                "[feature_store] needs entities and features_per_entity".into(),
                &[&[
                    ("feature_store", "entities", "\"500M\""),
                    ("feature_store", "features_per_entity", "100"),
                ]],
                "",
            );
        }
        if fs.node_memory.value == 0.0 {
            f.add(
                "feature_store.node_memory",
                "[feature_store] has no node_memory".into(),
                &[&[("feature_store", "node_memory", "\"64 GiB\"")]],
                "(RAM of one store node)",
            );
        }
        if fs.replication < 1.0 {
            f.say(
                "feature_store.replication",
                format!("replication {} is below 1", fs.replication),
                "write 1 for a single copy, 2 for a primary and a replica",
            );
        }
    }

    if let Some(x) = &s.experiment {
        let proportion = x.baseline_rate.is_some();
        let continuous = x.baseline_mean.is_some() || x.stddev.is_some();
        match (proportion, continuous) {
            (true, true) => f.say(
                "experiment.baseline_rate",
                "[experiment] gives both baseline_rate and a continuous metric (baseline_mean, stddev)".into(),
                "keep baseline_rate for a proportion, or baseline_mean with stddev for a mean",
            ),
            (false, false) => f.add(
                "experiment",
                "[experiment] has no baseline".into(),
                &[
                    &[("experiment", "baseline_rate", "0.05")],
                    &[
                        ("experiment", "baseline_mean", "30"),
                        ("experiment", "stddev", "60"),
                    ],
                ],
                "",
            ),
            (false, true) => {
                if x.stddev.is_none() {
                    f.add(
                        "experiment.stddev",
                        "baseline_mean is given without stddev".into(),
                        &[&[("experiment", "stddev", "60")]],
                        "(standard deviation per user, in the mean's unit)",
                    );
                }
                if x.baseline_mean.is_none() && x.mde_relative.is_some() {
                    f.add(
                        "experiment.baseline_mean",
                        "a relative MDE on a continuous metric needs baseline_mean".into(),
                        &[&[("experiment", "baseline_mean", "30")]],
                        "",
                    );
                }
            }
            (true, false) => {}
        }
        if let Some(p) = x.baseline_rate {
            open_unit(
                f,
                "experiment.baseline_rate",
                "baseline_rate",
                p,
                "0.05 for 5%",
            );
        }
        match (x.mde_relative, x.mde_absolute) {
            (Some(_), Some(_)) => f.say(
                "experiment.mde_absolute",
                "[experiment] gives both mde_relative and mde_absolute".into(),
                "keep one: mde_relative = 0.05 (5% of the baseline) or mde_absolute = 0.0025 (in the metric's unit); on the command line an empty value unsets: --set experiment.mde_absolute=",
            ),
            (None, None) => f.add(
                "experiment.mde_relative",
                "[experiment] has no minimum detectable effect".into(),
                &[
                    &[("experiment", "mde_relative", "0.05")],
                    &[("experiment", "mde_absolute", "0.0025")],
                ],
                "",
            ),
            _ => {}
        }
        if let (Some(p), Some(m)) = (x.baseline_rate, x.mde_relative.or(x.mde_absolute)) {
            let treated = if x.mde_relative.is_some() {
                p * (1.0 + m)
            } else {
                p + m
            };
            if p > 0.0 && p < 1.0 && treated >= 1.0 {
                f.say(
                    "experiment.mde_relative",
                    format!("the treated rate {treated} would reach 1"),
                    "write a smaller effect: the baseline plus the MDE must stay below 1",
                );
            }
        }
        open_unit(f, "experiment.alpha", "alpha", x.alpha, "0.05");
        open_unit(f, "experiment.power", "power", x.power, "0.8");
        if x.cuped_correlation >= 1.0 {
            f.say(
                "experiment.cuped_correlation",
                "a CUPED correlation of 1 would remove all variance".into(),
                "write the pre-period correlation, such as 0.7 for engagement or 0.3 for ad clicks, or 0 for no CUPED",
            );
        }
        if x.arms < 2.0 {
            f.say(
                "experiment.arms",
                format!("an experiment needs at least 2 arms, not {}", x.arms),
                "write 2 for control and one treatment",
            );
        }
        if x.eligible_daily_users.is_none() && s.traffic.as_ref().and_then(|t| t.dau).is_none() {
            f.add(
                "experiment.eligible_daily_users",
                "[experiment] has no eligible_daily_users and there is no traffic.dau to take them from".into(),
                &[&[("experiment", "eligible_daily_users", "\"1M\"")]],
                "",
            );
        }
    }

    if let Some(l) = &s.labelling {
        match (l.items.is_some(), l.items_per_day.is_some()) {
            (true, true) => f.say(
                "labelling.items_per_day",
                "[labelling] gives both items (a batch) and items_per_day (a stream)".into(),
                "keep one: items with a deadline, or items_per_day",
            ),
            (false, false) => f.add(
                "labelling",
                "[labelling] gives no items".into(),
                &[
                    &[
                        ("labelling", "items", "\"1M\""),
                        ("labelling", "deadline", "\"30 d\""),
                    ],
                    &[("labelling", "items_per_day", "\"10k\"")],
                ],
                "",
            ),
            (true, false) => match l.deadline {
                None => f.add(
                    "labelling.deadline",
                    "a batch of items needs a deadline".into(),
                    &[&[("labelling", "deadline", "\"30 d\"")]],
                    "",
                ),
                Some(d) if d.value == 0.0 => f.say(
                    "labelling.deadline",
                    "a deadline of 0 leaves no time to label".into(),
                    "write the time the batch must be labelled in, such as \"30 d\"",
                ),
                _ => {}
            },
            (false, true) => {}
        }
        if l.seconds_per_label == 0.0 {
            f.add(
                "labelling.seconds_per_label",
                "[labelling] has no seconds_per_label".into(),
                &[&[("labelling", "seconds_per_label", "35")]],
                "(35 s a bounding box, Papadopoulos et al. 2017)",
            );
        }
        if l.productive_hours > 24.0 {
            f.say(
                "labelling.productive_hours",
                format!(
                    "{} productive hours a day is more than a day",
                    l.productive_hours
                ),
                "write the hours an annotator labels a day, such as 6",
            );
        }
    }

    if let Some(c) = &s.cache {
        if c.cached_items.0 == 0.0 || c.item_size.value == 0.0 {
            f.add(
                "cache",
                "[cache] needs cached_items and item_size".into(),
                &[&[
                    ("cache", "cached_items", "\"100k\""),
                    ("cache", "item_size", "\"2 KB\""),
                ]],
                "",
            );
        }
        let items = c.items.or(s.corpora.first().map(|k| k.items));
        match items {
            None => f.add(
                "cache.items",
                "[cache] has no items and there is no corpus to take them from".into(),
                &[&[("cache", "items", "\"10M\"")]],
                "",
            ),
            Some(n) if c.cached_items.0 > n.0 => f.say(
                "cache.cached_items",
                format!(
                    "the cache holds {} items of only {}",
                    crate::units::Human::new(c.cached_items.0, crate::units::Kind::Count),
                    crate::units::Human::new(n.0, crate::units::Kind::Count)
                ),
                "write cached_items at most items: the cache keeps the most popular of them",
            ),
            _ => {}
        }
        if s.traffic.is_none() {
            f.say(
                "cache",
                "a cache needs [traffic]: its backend load is a share of peak QPS".into(),
                "add a [traffic] section",
            );
        }
    }
}

//! Checks across fields that a single value cannot show: a missing required input, two ways of
//! giving traffic at once, an index with no embeddings.

use super::load::Diagnostic;
use super::{Dtype, IndexKind, Mode, Scenario};

/// Everything that keeps `s` from being estimated; empty when it can be.
pub fn validate(s: &Scenario) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut say = |path: &str, problem: String, hint: &str| {
        out.push(Diagnostic {
            location: s.provenance.locate(path),
            path: path.to_string(),
            problem,
            hint: hint.to_string(),
        });
    };

    let id = &s.meta.id;
    if id.is_empty() {
        say(
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
        say(
            "meta.id",
            format!("the id \"{id}\" is not kebab-case"),
            "use lower-case letters, digits and dashes, such as \"video-recommendation\"",
        );
    }
    if s.meta.title.trim().is_empty() {
        say(
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
            (true, true) => say(
                "traffic.qps",
                "traffic is given both as qps and as dau × requests_per_user_per_day".into(),
                "keep one: remove qps, or remove dau and requests_per_user_per_day (on the command line an empty value unsets: --set traffic.qps=)",
            ),
            (false, false) => say(
                "traffic",
                "[traffic] gives neither qps nor dau".into(),
                "add dau = \"100M\" and requests_per_user_per_day = 5, or qps = \"10k/s\"",
            ),
            (true, false) => {
                if t.dau.is_none() {
                    say(
                        "traffic.dau",
                        "requests_per_user_per_day is given without dau".into(),
                        "add dau = \"100M\"",
                    );
                }
                if t.requests_per_user_per_day.is_none() {
                    say(
                        "traffic.requests_per_user_per_day",
                        "dau is given without requests_per_user_per_day".into(),
                        "add requests_per_user_per_day = 5",
                    );
                }
            }
            (false, true) => {}
        }
        if t.peak_factor < 1.0 {
            say(
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
            say(
                &format!("corpus.{}.name", c.name),
                format!(
                    "a corpus cannot be named \"{}\": storage.{} is another output",
                    c.name, c.name
                ),
                "give it the name of what it stores, such as \"videos\" or \"images\"",
            );
        }
        if c.replication < 1.0 {
            say(
                &format!("corpus.{}.replication", c.name),
                format!("replication {} is below 1", c.replication),
                "write 1 for a single copy, 3 for triple replication",
            );
        }
    }

    if let Some(e) = &s.embeddings {
        if e.dim == 0.0 {
            say(
                "embeddings.dim",
                "[embeddings] has no dim".into(),
                "add dim = 256",
            );
        }
        if e.vectors.is_none() && s.corpora.is_empty() {
            say(
                "embeddings.vectors",
                "[embeddings] has no vectors and there is no corpus to take them from".into(),
                "add vectors = \"10B\"",
            );
        }
        if e.dtype == Dtype::Pq {
            match e.pq_m {
                None => say(
                    "embeddings.pq_m",
                    "dtype = \"pq\" needs pq_m".into(),
                    "add pq_m = 64 (sub-quantizers; bytes per vector at 8 bits)",
                ),
                Some(m) if e.dim > 0.0 && e.dim % m != 0.0 => say(
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
            say(
                path,
                format!("pq_nbits = {b} is more than 16"),
                "Faiss codes are at most 16 bits; 8 is the usual choice",
            );
        }
    }

    if let Some(ix) = &s.index {
        let Some(e) = &s.embeddings else {
            say(
                "index",
                "[index] needs an [embeddings] section to know the vectors".into(),
                "add [embeddings] with dim = 256",
            );
            return out;
        };
        if ix.node_memory.value == 0.0 {
            say(
                "index.node_memory",
                "[index] has no node_memory".into(),
                "add node_memory = \"256 GiB\"",
            );
        }
        if matches!(ix.kind, IndexKind::IvfPq | IndexKind::DiskAnn) {
            match ix.pq_m.or(e.pq_m) {
                None => say(
                    "index.pq_m",
                    format!(
                        "kind = \"{}\" needs pq_m",
                        IndexKind::NAMES[ix.kind as usize]
                    ),
                    "add pq_m = 64 to [index]",
                ),
                Some(m) if ix.kind == IndexKind::IvfPq && e.dim % m != 0.0 => say(
                    "index.pq_m",
                    format!("pq_m = {m} does not divide dim = {}", e.dim),
                    "Faiss needs dim to be a multiple of pq_m: pick a divisor such as 8, 16, 32 or 64",
                ),
                _ => {}
            }
        }
        if s.traffic.is_some() && ix.per_replica_qps.is_none() && s.stages.iter().any(|st| st.index)
        {
            say(
                "index.per_replica_qps",
                "an index stage serves traffic but [index] has no per_replica_qps".into(),
                "add per_replica_qps = 2000 (queries/s one full copy of the index serves)",
            );
        }
        if ix.hnsw_m < 2.0 && ix.kind == IndexKind::Hnsw {
            say(
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
        say(
            &format!("stage.{second}.index"),
            "more than one stage queries the index; its nodes would be counted twice".into(),
            "keep index = true on the stage that searches the index, and size the others by throughput",
        );
    }
    for (i, st) in s.stages.iter().enumerate() {
        let p = |k: &str| format!("stage.{}.{k}", st.name);
        if let Some(other) = &st.parallel_with {
            let earlier = s.stages[..i]
                .iter()
                .any(|e| &e.name == other && e.mode == Mode::Online);
            if !earlier || st.mode != Mode::Online {
                say(
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
                say(
                    &p("holds"),
                    format!("holds = \"{corpus}\" does not name a corpus"),
                    &super::load::suggest_or(
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
                say(
                    &p("holds"),
                    "an index stage's memory is the index's, sized in [index]".into(),
                    "remove holds from this stage (or remove index = true)",
                );
            } else if st.node_memory.is_none() {
                say(
                    &p("node_memory"),
                    "the stage holds a corpus but has no node_memory".into(),
                    "add node_memory = \"256 GiB\" (RAM of one server)",
                );
            }
        }
        if st.index {
            if s.index.is_none() {
                say(
                    &p("index"),
                    "the stage queries the index, but the scenario has no [index]".into(),
                    "add an [index] section, or remove index = true",
                );
            }
            if st.mode == Mode::Batch {
                say(
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
            (true, true) => say(
                &p("per_server_throughput"),
                "the stage gives both per_server_throughput and FLOPs".into(),
                "keep one: per_server_throughput, or flops_per_item with device_flops",
            ),
            (false, false) => say(
                &p("per_server_throughput"),
                "the stage has no throughput".into(),
                "add per_server_throughput = \"5k/s\" (items/s per server), or flops_per_item with device_flops",
            ),
            (false, true) => {
                if st.flops_per_item.is_none() {
                    say(
                        &p("flops_per_item"),
                        "device_flops is given without flops_per_item".into(),
                        "add flops_per_item = \"40M\"",
                    );
                }
                if st.device_flops.is_none() {
                    say(
                        &p("device_flops"),
                        "flops_per_item is given without device_flops".into(),
                        "add device_flops = \"312 TFLOP/s\"",
                    );
                }
            }
            (true, false) => {}
        }
        match st.mode {
            Mode::Batch if st.items_per_day.is_none() => say(
                &p("items_per_day"),
                "a batch stage needs items_per_day".into(),
                "add items_per_day = \"100M\"",
            ),
            Mode::Online if s.traffic.is_none() => say(
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
            (true, true) => say(
                &at("events_per_day"),
                "the log gives both events_per_day and events_per_user_per_day".into(),
                "keep one of them",
            ),
            (false, false) => say(
                &p,
                "the log gives no event count".into(),
                "add events_per_user_per_day = 50, or events_per_day = \"10B\"",
            ),
            (true, false) if s.traffic.as_ref().and_then(|t| t.dau).is_none() => say(
                &at("events_per_user_per_day"),
                "events per user need traffic.dau".into(),
                "add dau to [traffic], or write events_per_day instead",
            ),
            _ => {}
        }
        if l.event_size.value == 0.0 {
            say(
                &at("event_size"),
                "the log has no event_size".into(),
                "add event_size = \"500 B\"",
            );
        }
    }

    if let Some(g) = &s.graph
        && (g.nodes.0 == 0.0 || g.avg_degree.0 == 0.0)
    {
        say(
            "graph",
            "[graph] needs nodes and avg_degree".into(),
            "add nodes = \"1B\" and avg_degree = 1000",
        );
    }
    if let Some(ti) = &s.text_index
        && (ti.documents.0 == 0.0 || ti.terms_per_document.0 == 0.0)
    {
        say(
            "text_index",
            "[text_index] needs documents and terms_per_document".into(),
            "add documents = \"1B\" and terms_per_document = 200",
        );
    }

    if s.serving.region_failover && s.serving.regions < 2.0 {
        say(
            "serving.region_failover",
            "region_failover needs at least 2 regions".into(),
            "set regions = 3, or region_failover = false",
        );
    }

    out
}

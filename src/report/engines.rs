//! `calc --engines`: one index, every engine. The `index.engine.<engine>` outputs side by side,
//! smallest first, with the ratio to the Faiss layout and the shards each needs on the
//! scenario's nodes, as text, JSON or Markdown.

use super::Report;
use super::json::Layout;
use super::markdown::cell;
use crate::estimate::Output;
use crate::estimate::engines::{Engine, Variant, variant};
use crate::scenario::diagnostic::OneLine;
use crate::scenario::{Dtype, IndexKind, Scenario};
use crate::units::Kind;
use crate::units::format::Grouped;
use serde::Serialize;
use std::fmt::Write;

/// One engine's entry.
#[derive(Clone, Debug)]
pub struct Row<'a> {
    pub engine: Engine,
    pub variant: Variant,
    pub output: &'a Output,
    /// Bytes ÷ the Faiss layout's.
    pub ratio: f64,
    /// ⌈bytes ÷ (node memory × headroom)⌉, at least 1.
    pub shards: f64,
}

/// The comparison of one scenario's index.
#[derive(Clone, Debug)]
pub struct Comparison<'a> {
    pub report: &'a Report,
    pub kind: IndexKind,
    pub dtype: Dtype,
    pub vectors: f64,
    pub dim: f64,
    pub hnsw_m: f64,
    pub node_memory: f64,
    pub headroom: f64,
    /// Smallest first.
    pub rows: Vec<Row<'a>>,
    /// Engines with no documented sizing for this index.
    pub left_out: Vec<Engine>,
}

/// A scenario with no vector index to compare: the inputs a quick question would add.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoIndex {
    /// The inputs to add, with a value each.
    pub add: [(&'static str, &'static str); 3],
}

impl<'a> Comparison<'a> {
    /// The comparison for `s`, estimated in `r`; [`NoIndex`] when `s` has no index.
    pub fn new(s: &Scenario, r: &'a Report) -> Result<Comparison<'a>, NoIndex> {
        let (Some(ix), Some(emb), Some(est)) = (&s.index, &s.embeddings, &r.estimate.index) else {
            return Err(NoIndex {
                add: [
                    ("embeddings.vectors", "100M"),
                    ("embeddings.dim", "768"),
                    ("index.kind", "hnsw"),
                ],
            });
        };
        let node_memory = ix.node_memory.get::<uom::si::information::byte>();
        let usable = node_memory * ix.memory_headroom;
        let faiss = est.memory.get::<uom::si::information::byte>();
        let mut rows = Vec::new();
        let mut left_out = Vec::new();
        for engine in Engine::ALL {
            let id = format!("index.engine.{}", engine.key());
            match (variant(engine, ix.kind, emb.dtype, emb.dim), r.output(&id)) {
                (Some(variant), Some(output)) => rows.push(Row {
                    engine,
                    variant,
                    output,
                    ratio: output.value / faiss,
                    shards: (output.value / usable).ceil().max(1.0),
                }),
                _ => left_out.push(engine),
            }
        }
        rows.sort_by(|a, b| a.output.value.total_cmp(&b.output.value));
        Ok(Comparison {
            report: r,
            kind: ix.kind,
            dtype: emb.dtype,
            vectors: est.vectors,
            dim: emb.dim,
            hnsw_m: ix.hnsw_m,
            node_memory,
            headroom: ix.memory_headroom,
            rows,
            left_out,
        })
    }

    /// "hnsw (M 32) of 100M f32 vectors × 768 dims".
    fn index_text(&self) -> String {
        let m = if self.kind == IndexKind::Hnsw {
            format!(" (M {})", Grouped(self.hnsw_m))
        } else {
            String::new()
        };
        format!(
            "{}{m} of {} {} vectors × {} dims",
            IndexKind::NAMES[self.kind as usize],
            self.report.human(self.vectors, Kind::Count),
            Dtype::NAMES[self.dtype as usize],
            Grouped(self.dim)
        )
    }

    fn node_text(&self) -> String {
        let r = self.report;
        format!(
            "a node holds {} ({} × {})",
            r.human(self.node_memory * self.headroom, Kind::Size),
            r.human(self.node_memory, Kind::Size),
            r.human(self.headroom, Kind::Fraction)
        )
    }

    fn left_out_text(&self) -> Option<String> {
        if self.left_out.is_empty() {
            return None;
        }
        let names: Vec<&str> = self.left_out.iter().map(|e| e.name()).collect();
        Some(format!(
            "Left out (no documented sizing for this index): {}",
            names.join(", ")
        ))
    }
}

/// The ratio to the Faiss layout, to three decimals.
fn ratio(x: f64) -> String {
    format!("{x:.3}")
}

/// A table for a terminal: the rows, then each engine's source.
pub fn text(c: &Comparison) -> String {
    let r = c.report;
    let mut out = String::new();
    let _ = writeln!(out, "{}  ({})", OneLine(&r.title), OneLine(&r.id));
    let _ = writeln!(
        out,
        "Index memory by engine, one copy: {}; {}\n",
        c.index_text(),
        c.node_text()
    );
    let header = ["engine", "index", "memory", "× Faiss", "shards", "basis"];
    let cells: Vec<[String; 6]> = c
        .rows
        .iter()
        .map(|row| {
            [
                row.engine.name().to_string(),
                row.variant.name.to_string(),
                r.human(row.output.value, Kind::Size),
                ratio(row.ratio),
                Grouped(row.shards).to_string(),
                row.variant.basis.label().to_string(),
            ]
        })
        .collect();
    let width = |i: usize| {
        cells
            .iter()
            .map(|c| c[i].chars().count())
            .chain([header[i].chars().count()])
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..6).map(width).collect();
    let line = |out: &mut String, row: [&str; 6]| {
        for (i, cell) in row.iter().enumerate() {
            let pad = widths[i] - cell.chars().count();
            // Names left, numbers right.
            if (2..5).contains(&i) {
                let _ = write!(out, "  {}{cell}", " ".repeat(pad));
            } else {
                let _ = write!(out, "  {cell}{}", " ".repeat(pad));
            }
        }
        let trimmed = out.trim_end().len();
        out.truncate(trimmed);
        out.push('\n');
    };
    line(&mut out, header);
    for row in &cells {
        line(&mut out, std::array::from_fn(|i| row[i].as_str()));
    }
    let _ = writeln!(out, "\nSources:");
    let name_width = c
        .rows
        .iter()
        .map(|row| row.engine.name().len())
        .max()
        .unwrap_or(0);
    for row in &c.rows {
        let _ = writeln!(
            out,
            "  {:name_width$}  {}",
            row.engine.name(),
            row.variant.source
        );
    }
    if let Some(left) = c.left_out_text() {
        let _ = writeln!(out, "\n{left}");
    }
    let _ = writeln!(
        out,
        "\nEach one's working: the same command without --engines (index.engine.<engine>)."
    );
    out
}

/// A Markdown table to paste into notes.
pub fn markdown(c: &Comparison) -> String {
    let r = c.report;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "## {} (`{}`): index memory by engine\n",
        OneLine(&r.title),
        OneLine(&r.id)
    );
    let _ = writeln!(
        out,
        "One copy of the index, {}; {}.\n",
        c.index_text(),
        c.node_text()
    );
    let _ = writeln!(
        out,
        "| Engine | Index | Memory | × Faiss | Shards | Basis | Source |"
    );
    let _ = writeln!(out, "|---|---|---:|---:|---:|---|---|");
    for row in &c.rows {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            row.engine.name(),
            cell(row.variant.name),
            r.human(row.output.value, Kind::Size),
            ratio(row.ratio),
            Grouped(row.shards),
            row.variant.basis.label(),
            cell(row.variant.source)
        );
    }
    if let Some(left) = c.left_out_text() {
        let _ = writeln!(out, "\n{left}.");
    }
    out
}

#[derive(Serialize)]
struct Document<'a> {
    scenario: Head<'a>,
    index: IndexJson,
    engines: Vec<EngineJson<'a>>,
    left_out: Vec<&'static str>,
}

#[derive(Serialize)]
struct Head<'a> {
    id: &'a str,
    title: &'a str,
}

#[derive(Serialize)]
struct IndexJson {
    kind: &'static str,
    dtype: &'static str,
    vectors: f64,
    dim: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    hnsw_m: Option<f64>,
    /// node_memory × memory_headroom, bytes.
    node_usable: f64,
}

#[derive(Serialize)]
struct EngineJson<'a> {
    engine: &'static str,
    name: &'static str,
    id: &'a crate::estimate::OutputId,
    variant: &'static str,
    bytes: f64,
    display: String,
    ratio_to_faiss: f64,
    shards: f64,
    basis: &'static str,
    source: &'static str,
    steps: Vec<String>,
}

/// The comparison as one JSON object (shape in docs/REFERENCE.md, "calc --engines").
pub fn json(c: &Comparison, layout: Layout) -> String {
    let r = c.report;
    let document = Document {
        scenario: Head {
            id: &r.id,
            title: &r.title,
        },
        index: IndexJson {
            kind: IndexKind::NAMES[c.kind as usize],
            dtype: Dtype::NAMES[c.dtype as usize],
            vectors: c.vectors,
            dim: c.dim,
            hnsw_m: (c.kind == IndexKind::Hnsw).then_some(c.hnsw_m),
            node_usable: c.node_memory * c.headroom,
        },
        engines: c
            .rows
            .iter()
            .map(|row| EngineJson {
                engine: row.engine.key(),
                name: row.engine.name(),
                id: &row.output.id,
                variant: row.variant.name,
                bytes: row.output.value,
                display: r.human(row.output.value, Kind::Size),
                ratio_to_faiss: row.ratio,
                shards: row.shards,
                basis: row.variant.basis.label(),
                source: row.variant.source,
                steps: row
                    .output
                    .steps
                    .iter()
                    .map(|s| super::working::text(s, r.style))
                    .collect(),
            })
            .collect(),
        left_out: c.left_out.iter().map(|e| e.key()).collect(),
    };
    super::json_out::to_string(&document, layout)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::units::Style;

    fn comparison_of(toml: &str) -> (Scenario, Report) {
        let s = crate::scenario::load_str(toml, "t.toml").unwrap();
        let r = Report::build(&s, Style::Decimal).unwrap();
        (s, r)
    }

    const W: &str = "[meta]\nid = \"w\"\ntitle = \"W\"\n[embeddings]\nvectors = \"100M\"\ndim = 768\n\
                     [index]\nkind = \"hnsw\"\nhnsw_m = 32\nnode_memory = \"256 GB\"\nmemory_headroom = 0.7\n";

    #[test]
    fn rows_are_sorted_by_size_with_ratio_and_shards() {
        let (s, r) = comparison_of(W);
        let c = Comparison::new(&s, &r).unwrap();
        let order: Vec<&str> = c.rows.iter().map(|row| row.engine.key()).collect();
        // Elasticsearch 23.8 GB (bbq_hnsw: 10^8 × (96 + 14) + 10^8 × 4 × 32) < Faiss 334.41
        // < Weaviate 339.2 < hnswlib 343.88 < OpenSearch 366.08 < Milvus 385.19 < pgvector
        // 409.60 < Qdrant 411.744 (10^8 × (3,072 + 307.2 + 52) × 1.2), hand-worked in
        // src/estimate/engines/.
        assert_eq!(
            order,
            [
                "elasticsearch",
                "faiss",
                "weaviate",
                "hnswlib",
                "opensearch",
                "milvus",
                "pgvector",
                "qdrant"
            ]
        );
        assert!(c.left_out.is_empty());
        // Qdrant 411.744e9 ÷ Faiss 334,412,903,226 = 1.23125; shards ⌈411.744 ÷ (256 × 0.7
        // = 179.2)⌉ = ⌈2.30⌉ = 3; Elasticsearch ⌈23.8 ÷ 179.2 = 0.13⌉ = 1.
        let q = c.rows.last().unwrap();
        assert!((q.ratio - 1.23125).abs() < 1e-4, "{}", q.ratio);
        assert_eq!(q.shards, 3.0);
        assert_eq!(c.rows[0].shards, 1.0);
        let t = text(&c);
        assert!(t.contains("Qdrant"), "{t}");
        assert!(t.contains("1.231"), "{t}");
        assert!(t.contains("bbq_hnsw (default)"), "{t}");
        assert!(t.contains("sizing tool"), "{t}");
        let md = markdown(&c);
        assert!(
            md.contains("| Qdrant | float32 | 412 GB | 1.231 | 3 | documented |"),
            "{md}"
        );
        assert!(
            md.contains("| Milvus | HNSW | 385 GB | 1.152 | 3 | sizing tool |"),
            "{md}"
        );
    }

    #[test]
    fn the_json_shape_is_the_readmes() {
        let (s, r) = comparison_of(W);
        let c = Comparison::new(&s, &r).unwrap();
        let v: serde_json::Value = serde_json::from_str(&json(&c, Layout::Compact)).unwrap();
        assert_eq!(v["scenario"]["id"], "w");
        assert_eq!(v["index"]["kind"], "hnsw");
        assert_eq!(v["index"]["dtype"], "f32");
        assert_eq!(v["index"]["hnsw_m"], 32.0);
        // 256 GB × 0.7 = 179.2 GB.
        assert!((v["index"]["node_usable"].as_f64().unwrap() - 179.2e9).abs() < 1.0);
        let engines = v["engines"].as_array().unwrap();
        assert_eq!(engines.len(), 8);
        let first = &engines[0];
        assert_eq!(first["engine"], "elasticsearch");
        assert_eq!(first["id"], "index.engine.elasticsearch");
        // bbq_hnsw, the default at 768 dims: 10^8 × (⌈768 / 64⌉ × 8 + 14 = 110 B) = 11e9
        // + the graph 10^8 × 4 × 32 = 12.8e9 → 23.8e9.
        assert_eq!(first["bytes"], 23.8e9);
        assert_eq!(first["display"], "23.8 GB");
        assert_eq!(first["variant"], "bbq_hnsw (default)");
        assert_eq!(first["shards"], 1.0);
        assert_eq!(first["basis"], "documented");
        assert!(
            first["source"]
                .as_str()
                .unwrap()
                .contains("elastic/docs-content")
        );
        assert!(!first["steps"].as_array().unwrap().is_empty());
        let faiss = engines.iter().find(|e| e["engine"] == "faiss").unwrap();
        assert_eq!(faiss["ratio_to_faiss"], 1.0);
        assert_eq!(v["left_out"].as_array().unwrap().len(), 0);
        // Keys in the reference's order.
        let compact = json(&c, Layout::Compact);
        let keys = [
            "{\"scenario\":{\"id\":",
            "\"index\":{\"kind\":\"hnsw\",\"dtype\":\"f32\",\"vectors\":",
            "\"engines\":[{\"engine\":\"elasticsearch\",\"name\":\"Elasticsearch\",\"id\":",
            "\"variant\":",
            "\"bytes\":",
            "\"display\":",
            "\"ratio_to_faiss\":",
            "\"shards\":",
            "\"basis\":",
            "\"source\":",
            "\"steps\":[",
            "\"left_out\":[]}",
        ];
        let mut from = 0;
        for k in keys {
            let at = compact[from..].find(k).unwrap_or_else(|| panic!("{k}"));
            from += at + k.len();
        }
    }

    #[test]
    fn engines_without_such_an_index_are_listed_as_left_out() {
        let (s, r) = comparison_of(&W.replace("kind = \"hnsw\"", "kind = \"ivf_pq\"\npq_m = 64"));
        let c = Comparison::new(&s, &r).unwrap();
        let keys: Vec<&str> = c.left_out.iter().map(|e| e.key()).collect();
        assert_eq!(
            keys,
            ["hnswlib", "qdrant", "weaviate", "elasticsearch", "pgvector"]
        );
        assert!(
            text(&c).contains("Left out (no documented sizing for this index): hnswlib, Qdrant")
        );
    }

    #[test]
    fn a_scenario_without_an_index_says_what_to_add() {
        let (s, r) = comparison_of("[meta]\nid = \"q\"\ntitle = \"Q\"\n[traffic]\nqps = 10\n");
        let e = Comparison::new(&s, &r).unwrap_err();
        assert_eq!(e.add[2], ("index.kind", "hnsw"));
    }
}

//! The inputs napkin reads, listed: every input of every section with its kind, default and
//! meaning (`napkin inputs`, and `calc --list-inputs` without a scenario), or one scenario's
//! inputs with their values and sources (`calc <scenario> --list-inputs`). Each as text, JSON
//! or Markdown; the Markdown of every section is the reference's table of inputs.

use super::json_out::{self, Layout};
use super::show_value;
use crate::scenario::overrides;
use crate::scenario::registry::{self, FieldInfo};
use crate::scenario::schema::{FieldKind, Section};
use crate::scenario::{InputPath, Scenario};
use crate::units::format::Style;
use serde::Serialize;
use std::fmt::Write as _;

/// One input of a section, as the schema describes it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct InputDoc {
    /// `traffic.dau`; a list section's entries by `<name>`: `corpus.<name>.items`.
    pub path: String,
    pub section: &'static str,
    pub key: &'static str,
    /// `count`, `size`, `duration`, …, `text`, `choice` or `bool`.
    pub kind: &'static str,
    /// The words a choice takes.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub choices: &'static [&'static str],
    /// The value the section starts with, as napkin writes it; `None` when the input has no
    /// value of its own until given (its meaning says what is read in its place).
    pub default: Option<String>,
    pub meaning: &'static str,
}

/// The name of a field's kind in listings: the quantity's (`count`, `size`), or `text`,
/// `choice`, `bool`.
pub fn kind_name(kind: FieldKind) -> &'static str {
    match kind {
        FieldKind::Quantity(k) => k.name(),
        FieldKind::Text => "text",
        FieldKind::Choice(_) => "choice",
        FieldKind::Bool => "bool",
    }
}

/// Every input section, `[meta]` aside (it holds no inputs): the sections `napkin inputs`
/// takes, in file order.
pub fn sections() -> impl Iterator<Item = Section> {
    registry::ROWS.iter().map(|r| r.section())
}

/// Every input of `only` (or of every section), in file order, with its default.
pub fn catalogue(only: Option<Section>) -> Vec<InputDoc> {
    let mut docs = Vec::new();
    for row in registry::ROWS {
        let section = row.section();
        if only.is_some_and(|o| o != section) {
            continue;
        }
        // A scenario with this section alone at its defaults: its fields hold the defaults,
        // and what its checks ask to add, when there is no other way, must be given (a 0 there
        // is no default).
        let mut s = Scenario::default();
        let entry = row.create(&mut s, Some("<name>"));
        let required: Vec<&'static str> = crate::scenario::validate::validate(&s)
            .iter()
            .filter(|d| d.add.len() == 1)
            .flat_map(|d| d.add.iter().flatten())
            .filter(|a| a.section.section == section)
            .map(|a| a.key)
            .collect();
        for (field, info) in row.inputs() {
            let default = row
                .get(&s, entry, field)
                .filter(|_| !required.contains(&info.key))
                .filter(|v| info.zero_ok || *v != crate::scenario::schema::Value::Num(0.0))
                .map(|v| show_value(&v, info.kind, Style::Decimal))
                .filter(|v| !v.is_empty());
            docs.push(doc(section, info, default));
        }
    }
    docs
}

fn doc(section: Section, info: FieldInfo, default: Option<String>) -> InputDoc {
    let path = if section.is_list() {
        format!("{}.<name>.{}", section.key(), info.key)
    } else {
        format!("{}.{}", section.key(), info.key)
    };
    InputDoc {
        path,
        section: section.key(),
        key: info.key,
        kind: kind_name(info.kind),
        choices: match info.kind {
            FieldKind::Choice(names) => names,
            _ => &[],
        },
        default,
        meaning: info.doc,
    }
}

/// The catalogue as aligned columns, a blank line between sections: input, kind, default (`–`
/// for none), meaning.
pub fn catalogue_text(docs: &[InputDoc]) -> String {
    let head = ("input", "kind", "default");
    let path_w = docs.iter().map(|d| width(&d.path)).max().unwrap_or(0);
    let path_w = path_w.max(width(head.0));
    let kind_w = docs.iter().map(|d| width(d.kind)).max().unwrap_or(0);
    let kind_w = kind_w.max(width(head.1));
    let default = |d: &InputDoc| d.default.clone().unwrap_or_else(|| "–".into());
    let default_w = docs.iter().map(|d| width(&default(d))).max().unwrap_or(0);
    let default_w = default_w.max(width(head.2));
    let mut out = String::new();
    let line = |out: &mut String, a: &str, b: &str, c: &str, d: &str| {
        let _ = writeln!(
            out,
            "{a}{}  {b}{}  {c}{}  {d}",
            pad(a, path_w),
            pad(b, kind_w),
            pad(c, default_w)
        );
    };
    line(&mut out, head.0, head.1, head.2, "meaning");
    let mut section = "";
    for d in docs {
        if d.section != section {
            out.push('\n');
            section = d.section;
        }
        line(&mut out, &d.path, d.kind, &default(d), d.meaning);
    }
    out
}

fn width(s: &str) -> usize {
    s.chars().count()
}

fn pad(s: &str, to: usize) -> String {
    " ".repeat(to.saturating_sub(width(s)))
}

/// The catalogue as JSON: `{ "inputs": [ { "path", "section", "key", "kind", "choices"?,
/// "default", "meaning" } ] }`.
pub fn catalogue_json(docs: &[InputDoc], layout: Layout) -> String {
    #[derive(Serialize)]
    struct Doc<'a> {
        inputs: &'a [InputDoc],
    }
    json_out::to_string(&Doc { inputs: docs }, layout) + "\n"
}

/// The catalogue as Markdown: a heading and a table a section (`[[corpus]]` for a list).
pub fn catalogue_markdown(docs: &[InputDoc]) -> String {
    let mut out = String::new();
    let mut section = "";
    for d in docs {
        if d.section != section {
            section = d.section;
            let list = sections().any(|s| s.key() == section && s.is_list());
            let header = if list {
                format!("[[{section}]]")
            } else {
                format!("[{section}]")
            };
            if !out.is_empty() {
                out.push('\n');
            }
            let _ = writeln!(
                out,
                "**`{header}`**\n\n| input | kind | default | meaning |\n|---|---|---|---|"
            );
        }
        let default = d
            .default
            .as_deref()
            .map_or_else(|| "–".to_string(), |v| format!("`{v}`"));
        let kind = if d.choices.is_empty() {
            d.kind.to_string()
        } else {
            format!("{}: {}", d.kind, d.choices.join(", "))
        };
        let _ = writeln!(
            out,
            "| `{}` | {kind} | {default} | {} |",
            d.path,
            d.meaning.replace('|', "\\|")
        );
    }
    out
}

/// Every key a scenario file takes, as the reference lists them: `[meta]` (descriptive, not
/// inputs), then every input section ([`catalogue_markdown`]).
pub fn reference_markdown() -> String {
    let mut out =
        String::from("**`[meta]`**\n\n| key | kind | default | meaning |\n|---|---|---|---|\n");
    for (key, kind, meaning) in crate::scenario::schema::META_KEYS {
        let _ = writeln!(out, "| `meta.{key}` | {kind} | – | {meaning} |");
    }
    out.push('\n');
    out.push_str(&catalogue_markdown(&catalogue(None)));
    out
}

/// One input of a scenario: its value as napkin shows it and where it comes from.
#[derive(Clone, Debug, PartialEq)]
pub struct InputValue {
    pub path: InputPath,
    pub kind: FieldKind,
    /// `None` for an optional input left unset.
    pub value: Option<String>,
    /// `book: …`, `override: set to 2B`, `unmarked` (written without a source), `default`
    /// or `unset`.
    pub source: Option<crate::scenario::Source>,
    /// Written in the file or given as an override.
    pub given: bool,
}

impl InputValue {
    /// The source as the text listing writes it.
    pub fn source_label(&self) -> String {
        match (&self.source, self.given, &self.value) {
            (Some(s), _, _) => s.to_string(),
            (None, true, _) => "unmarked".into(),
            (None, false, None) => "unset".into(),
            (None, false, Some(_)) => "default".into(),
        }
    }
}

/// Every input `s` has, with its value and source, in file order.
pub fn values(s: &Scenario, style: Style) -> Vec<InputValue> {
    overrides::inputs(s)
        .into_iter()
        .map(|(path, info)| InputValue {
            value: super::input_text(s, &path, style).filter(|v| !v.is_empty()),
            source: s.provenance.source(&path).cloned(),
            given: s.provenance.places.contains_key(&path) || s.provenance.is_override(&path),
            kind: info.kind,
            path,
        })
        .collect()
}

/// `path=value\t[source]`, a line an input, ready to paste into `--set`.
pub fn values_text(inputs: &[InputValue]) -> String {
    let mut out = String::new();
    for i in inputs {
        // One line an input, whatever its note holds.
        let source = i.source_label().replace(['\n', '\r'], " ");
        let _ = writeln!(
            out,
            "{}={}\t[{}]",
            i.path,
            i.value.as_deref().unwrap_or_default(),
            crate::scenario::diagnostic::OneLine(&source)
        );
    }
    out
}

/// `{ "inputs": [ { "path", "kind", "value", "source"?, "given" } ] }`: `value` is `null` for an
/// input left unset, `source` is there for a marked input (as in `calc --format json`).
pub fn values_json(inputs: &[InputValue], layout: Layout) -> String {
    #[derive(Serialize)]
    struct Doc<'a> {
        inputs: Vec<ValueJson<'a>>,
    }
    #[derive(Serialize)]
    struct ValueJson<'a> {
        path: &'a InputPath,
        kind: &'static str,
        value: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        source: Option<SourceJson<'a>>,
        given: bool,
    }
    #[derive(Serialize)]
    struct SourceJson<'a> {
        kind: &'a str,
        note: &'a str,
    }
    let doc = Doc {
        inputs: inputs
            .iter()
            .map(|i| ValueJson {
                path: &i.path,
                kind: kind_name(i.kind),
                value: i.value.as_deref(),
                source: i.source.as_ref().map(|s| SourceJson {
                    kind: s.kind.label(),
                    note: &s.note,
                }),
                given: i.given,
            })
            .collect(),
    };
    json_out::to_string(&doc, layout) + "\n"
}

/// A table: input, value, source.
pub fn values_markdown(inputs: &[InputValue]) -> String {
    let mut out = String::from("| input | value | source |\n|---|---|---|\n");
    for i in inputs {
        let cell = |t: &str| t.replace('|', "\\|").replace(['\n', '\r'], " ");
        let _ = writeln!(
            out,
            "| `{}` | {} | {} |",
            i.path,
            cell(i.value.as_deref().unwrap_or("–")),
            cell(&i.source_label())
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find<'a>(docs: &'a [InputDoc], path: &str) -> &'a InputDoc {
        docs.iter()
            .find(|d| d.path == path)
            .unwrap_or_else(|| panic!("no {path}"))
    }

    #[test]
    fn the_catalogue_has_every_input_of_every_section_once() {
        let docs = catalogue(None);
        let fields: usize = registry::ROWS.iter().map(|r| r.inputs().count()).sum();
        assert_eq!(docs.len(), fields);
        let mut paths: Vec<&str> = docs.iter().map(|d| d.path.as_str()).collect();
        paths.sort();
        paths.dedup();
        assert_eq!(paths.len(), fields, "a path listed twice");
        // A list entry's `name` is how it is addressed, not an input.
        assert!(docs.iter().all(|d| d.key != "name"));
    }

    #[test]
    fn defaults_are_the_sections_own_and_required_inputs_have_none() {
        let docs = catalogue(None);
        let default = |path| find(&docs, path).default.as_deref();
        // Xu's peak factor 2; 60% utilisation; vLLM's 0.9 of memory; 90 days of logs.
        assert_eq!(default("traffic.peak_factor"), Some("2×"));
        assert_eq!(default("serving.target_utilization"), Some("60%"));
        assert_eq!(default("llm.memory_headroom"), Some("90%"));
        assert_eq!(default("log.<name>.retention"), Some("90 d"));
        assert_eq!(default("embeddings.dtype"), Some("f32"));
        // Inputs that must be given: a 0 stored until then is no default, nor is a value the
        // section's checks ask for (0 is a valid positive_rate to parse, not to estimate with).
        assert_eq!(default("index.node_memory"), None);
        assert_eq!(default("corpus.<name>.item_size"), None);
        assert_eq!(default("sampling.positive_rate"), None);
        assert_eq!(default("traffic.dau"), None);
        // A corpus may hold no items today (Twitter's media only grow).
        assert_eq!(default("corpus.<name>.items"), Some("0"));
    }

    #[test]
    fn one_section_with_its_kinds_and_choices() {
        let cache = catalogue(Some(Section::Cache));
        let paths: Vec<&str> = cache.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "cache.items",
                "cache.cached_items",
                "cache.zipf_s",
                "cache.item_size"
            ]
        );
        let kinds: Vec<&str> = cache.iter().map(|d| d.kind).collect();
        assert_eq!(kinds, ["count", "count", "number", "size"]);
        let dtype = &catalogue(Some(Section::Embeddings))[2];
        assert_eq!((dtype.key, dtype.kind), ("dtype", "choice"));
        assert!(dtype.choices.contains(&"pq"));
    }

    #[test]
    fn the_catalogue_as_text_json_and_markdown() {
        let cache = catalogue(Some(Section::Cache));
        let text = catalogue_text(&cache);
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].starts_with("input "), "{text}");
        assert!(lines[0].ends_with("  meaning"));
        // A blank line opens the section; every column lines up under its heading.
        assert_eq!(lines[1], "");
        let at = lines[0].find("default").unwrap();
        assert_eq!(&lines[4][at..at + 1], "1", "{text}");
        assert!(lines[4].starts_with("cache.zipf_s "));
        let json: serde_json::Value =
            serde_json::from_str(&catalogue_json(&cache, Layout::Compact)).unwrap();
        assert_eq!(json["inputs"][0]["path"], "cache.items");
        assert_eq!(json["inputs"][0]["default"], serde_json::Value::Null);
        assert_eq!(json["inputs"][2]["default"], "1");
        let md = catalogue_markdown(&catalogue(Some(Section::Stage)));
        assert!(md.starts_with("**`[[stage]]`**\n\n| input | kind | default | meaning |"));
        assert!(md.contains("| `stage.<name>.mode` | choice: online, batch | `online` |"));
    }

    #[test]
    fn a_scenario_s_inputs_with_values_and_sources() {
        let s = crate::scenario::load_str(
            "[meta]\nid = \"t\"\ntitle = \"T\"\n[traffic]\ndau = { value = \"1M\", book = \"ch. 1\" }\nrequests_per_user_per_day = 2\n",
            "t.toml",
        )
        .unwrap();
        let values = values(&s, Style::Decimal);
        let text = values_text(&values);
        assert!(
            text.starts_with("traffic.dau=1M\t[book: ch. 1]\n"),
            "{text}"
        );
        assert!(text.contains("traffic.requests_per_user_per_day=2\t[unmarked]\n"));
        assert!(text.contains("traffic.qps=\t[unset]\n"));
        assert!(text.contains("traffic.peak_factor=2×\t[default]\n"));
        let json: serde_json::Value =
            serde_json::from_str(&values_json(&values, Layout::Compact)).unwrap();
        assert_eq!(json["inputs"][0]["source"]["kind"], "book");
        assert_eq!(json["inputs"][0]["given"], true);
        assert_eq!(json["inputs"][2]["value"], serde_json::Value::Null);
        assert_eq!(json["inputs"][3]["given"], false);
        assert!(values_markdown(&values).contains("| `traffic.qps` | – | unset |"));
    }
}

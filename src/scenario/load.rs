//! Reading a scenario from TOML text, with every error located (file:line:col and field path)
//! and a suggestion of what to write instead.

use super::diagnostic::{Diagnostic, ScenarioError, suggest};
use super::provenance::{LineIndex, Place, Position, Source, SourceKind};
use super::schema::{self, Field, FieldKind, Section, Value};
use super::{Count, Meta, Scenario};
use crate::units;
use std::ops::Range;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// "an integer", "a string": a TOML type's name with its article.
fn a_or_an(type_name: &str) -> String {
    let vowel = type_name.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {type_name}", if vowel { "an" } else { "a" })
}

struct Reader<'t> {
    text: &'t str,
    lines: LineIndex<'t>,
    scenario: Scenario,
    errors: Vec<Diagnostic>,
}

impl Reader<'_> {
    fn position(&self, span: &Range<usize>) -> Position {
        self.lines.position(span.start)
    }

    fn error(
        &mut self,
        span: &Range<usize>,
        path: &str,
        problem: impl Into<String>,
        hint: impl Into<String>,
    ) {
        let p = self.position(span);
        self.errors.push(Diagnostic {
            location: format!("{}:{}:{}", self.scenario.provenance.origin, p.line, p.col),
            path: path.to_string(),
            problem: problem.into(),
            hint: hint.into(),
            ..Default::default()
        });
    }

    fn table<'a, 'i>(
        &mut self,
        value: &'a Spanned<DeValue<'i>>,
        path: &str,
    ) -> Option<&'a DeTable<'i>> {
        match value.get_ref() {
            DeValue::Table(t) => Some(t),
            other => {
                self.error(
                    &value.span(),
                    path,
                    format!("expected a table, found {}", a_or_an(other.type_str())),
                    format!("write it as a section: [{path}]"),
                );
                None
            }
        }
    }

    /// Reads every key of a section into a fresh `S`, recording sources and positions.
    fn section<S: Default>(&mut self, table: &DeTable<'_>, fields: &[Field<S>], prefix: &str) -> S {
        let mut section = S::default();
        for (key, value) in table {
            let path = format!("{prefix}.{}", key.get_ref());
            let Some(field) = fields.iter().find(|f| f.key == key.get_ref()) else {
                let keys: Vec<&str> = fields.iter().map(|f| f.key).collect();
                self.error(
                    &key.span(),
                    &path,
                    format!(
                        "unknown key `{}` in [{}]",
                        key.get_ref(),
                        prefix.split('.').next().unwrap_or(prefix)
                    ),
                    suggest(key.get_ref(), &keys),
                );
                continue;
            };
            self.record(&path, prefix, value);
            if let Some(v) = self.field_value(value, field.kind, field.zero_ok, &path) {
                if let Value::Range(r) = v {
                    self.scenario.set_range(&path, Some(r));
                }
                (field.set)(&mut section, v);
            }
        }
        section
    }

    /// A value written plainly, or as `{ value = …, book|public|derived|assume = "…" }`.
    fn field_value(
        &mut self,
        value: &Spanned<DeValue<'_>>,
        kind: FieldKind,
        zero_ok: bool,
        path: &str,
    ) -> Option<Value> {
        let DeValue::Table(t) = value.get_ref() else {
            return self.scalar(value, kind, zero_ok, path);
        };
        let mut inner = None;
        for (k, v) in t {
            let key = k.get_ref().as_ref();
            if key == "value" {
                inner = Some(v);
            } else if let Some(&(_, source_kind)) =
                SourceKind::KEYS.iter().find(|(name, _)| *name == key)
            {
                let Some(note) = v.get_ref().as_str() else {
                    self.error(
                        &v.span(),
                        path,
                        format!("`{key}` must be a string"),
                        format!("write {key} = \"where the number comes from\""),
                    );
                    continue;
                };
                if self.scenario.provenance.sources.contains_key(path) {
                    self.error(
                        &k.span(),
                        path,
                        "an input has more than one source mark",
                        "keep one of book, public, derived or assume",
                    );
                }
                self.scenario.provenance.sources.insert(
                    path.to_string(),
                    Source {
                        kind: source_kind,
                        note: note.to_string(),
                    },
                );
            } else {
                self.error(
                    &k.span(),
                    path,
                    format!("unknown key `{key}` in an input's table"),
                    format!("an input is written {{ value = …, book = \"…\" }} (or public = / derived = / assume =); {}", suggest(key, &["value", "book", "public", "derived", "assume"])),
                );
            }
        }
        match inner {
            Some(v) => self.scalar(v, kind, zero_ok, path),
            None => {
                self.error(
                    &value.span(),
                    path,
                    "the input's table has no `value`",
                    "write { value = 500M, book = \"ch. 6\" }",
                );
                None
            }
        }
    }

    fn scalar(
        &mut self,
        value: &Spanned<DeValue<'_>>,
        kind: FieldKind,
        zero_ok: bool,
        path: &str,
    ) -> Option<Value> {
        let span = value.span();
        let text = self.text;
        let got = value.get_ref();
        let result = match (kind, got) {
            (FieldKind::Quantity(k), DeValue::Integer(_) | DeValue::Float(_)) => {
                match number(got) {
                    Some(x) => units::parse::from_number(x, k)
                        .map(Value::Num)
                        .map_err(|e| (e.problem, e.hint)),
                    None => Err((
                        format!("`{}` is not a number napkin can use", &text[span.clone()]),
                        format!("write {}", k.describe()),
                    )),
                }
            }
            // Strings are read exactly as `--set` reads them.
            (
                FieldKind::Quantity(_) | FieldKind::Text | FieldKind::Choice(_),
                DeValue::String(s),
            ) => schema::parse_value(s, kind, zero_ok),
            (FieldKind::Bool, DeValue::Boolean(b)) => Ok(Value::Bool(*b)),
            (kind, other) => Err((
                format!(
                    "expected {}, found {}",
                    kind.describe(),
                    a_or_an(other.type_str())
                ),
                format!("write {}", kind.describe()),
            )),
        };
        match result {
            Ok(Value::Num(x)) if x == 0.0 && !zero_ok => {
                self.error(
                    &span,
                    path,
                    "must be more than 0",
                    "write a positive value, or remove the key to use the default",
                );
                None
            }
            Ok(v) => Some(v),
            Err((problem, hint)) => {
                self.error(&span, path, problem, hint);
                None
            }
        }
    }

    /// Keeps where a value stands in the file and how it was written.
    fn record(&mut self, path: &str, section: &str, value: &Spanned<DeValue<'_>>) {
        let span = value.span();
        let inner = match value.get_ref() {
            DeValue::Table(t) => t.get("value").unwrap_or(value),
            _ => value,
        };
        let raw = match inner.get_ref() {
            DeValue::String(s) => s.to_string(),
            _ => self.text[inner.span()].trim().to_string(),
        };
        let position = self.position(&span);
        let p = &mut self.scenario.provenance;
        match p.section_ends.get_mut(section) {
            Some(end) => *end = (*end).max(span.end),
            None => {
                p.section_ends.insert(section.to_string(), span.end);
            }
        }
        p.places.insert(path.to_string(), Place { position, span });
        p.raw.insert(path.to_string(), raw);
    }

    fn meta(&mut self, table: &DeTable<'_>) {
        let mut meta = Meta::default();
        for (key, value) in table {
            let path = format!("meta.{}", key.get_ref());
            let span = value.span();
            self.record(&path, "meta", value);
            match (key.get_ref().as_ref(), value.get_ref()) {
                ("id", DeValue::String(s)) => meta.id = s.to_string(),
                ("title", DeValue::String(s)) => meta.title = s.to_string(),
                ("summary", DeValue::String(s)) => meta.summary = s.to_string(),
                ("chapter", DeValue::Integer(_)) => match number(value.get_ref()) {
                    Some(c) if c >= 1.0 => meta.chapter = Some(Count(c)),
                    _ => self.error(
                        &span,
                        &path,
                        "the chapter must be a whole number of at least 1",
                        "write chapter = 6",
                    ),
                },
                ("sources", DeValue::Array(items)) => meta.sources = self.strings(items, &path),
                ("expected_warnings", DeValue::Array(items)) => {
                    meta.expected_warnings = self.strings(items, &path)
                }
                (
                    k @ ("id" | "title" | "summary" | "chapter" | "sources" | "expected_warnings"),
                    other,
                ) => {
                    let want = if k == "chapter" {
                        "a whole number"
                    } else if matches!(k, "sources" | "expected_warnings") {
                        "a list of strings"
                    } else {
                        "a string"
                    };
                    self.error(
                        &span,
                        &path,
                        format!("expected {want}, found {}", a_or_an(other.type_str())),
                        format!("write {k} as {want}"),
                    );
                }
                (k, _) => {
                    let keys: Vec<&str> = schema::META_KEYS.iter().map(|(k, _, _)| *k).collect();
                    self.error(
                        &key.span(),
                        &path,
                        format!("unknown key `{k}` in [meta]"),
                        suggest(k, &keys),
                    );
                }
            }
        }
        self.scenario.meta = meta;
    }

    /// A list of strings (`sources`, `expected_warnings`).
    fn strings(&mut self, items: &toml::de::DeArray<'_>, path: &str) -> Vec<String> {
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref().as_str() {
                Some(s) => out.push(s.to_string()),
                None => self.error(
                    &item.span(),
                    path,
                    "each entry must be a string",
                    "write a list of strings: [\"…\", \"…\"]",
                ),
            }
        }
        out
    }

    /// Reads `[[corpus]]` or `[[stage]]`: a list of tables, each addressed by its `name`.
    fn list<S: Default>(
        &mut self,
        value: &Spanned<DeValue<'_>>,
        section: Section,
        fields: &[Field<S>],
        name_of: fn(&S) -> &str,
    ) -> Vec<S> {
        let key = section.key();
        let DeValue::Array(items) = value.get_ref() else {
            self.error(
                &value.span(),
                key,
                format!("`{key}` must be a list of tables"),
                format!("write each entry as [[{key}]] with a name = \"…\""),
            );
            return Vec::new();
        };
        if items.len() > MAX_ENTRIES {
            // Every input is found by its path, entry by entry: tens of thousands of entries
            // would take minutes, and no case study has more than a handful.
            let extra = &items[MAX_ENTRIES];
            self.error(
                &extra.span(),
                key,
                format!(
                    "{} [[{key}]] entries, more than the {MAX_ENTRIES} a scenario may have",
                    items.len()
                ),
                format!("merge entries that are alike into one [[{key}]] (its counts added up)"),
            );
            return Vec::new();
        }
        let mut out: Vec<S> = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let Some(table) = self.table(item, key) else {
                continue;
            };
            let name = match table.get("name") {
                Some(n) if matches!(n.get_ref(), DeValue::String(s) if !s.is_empty()) => {
                    n.get_ref().as_str().unwrap_or_default().to_string()
                }
                Some(n) if !matches!(n.get_ref(), DeValue::String(_)) => {
                    self.error(
                        &n.span(),
                        &format!("{key}.name"),
                        format!(
                            "a name must be a string, not {}",
                            a_or_an(n.get_ref().type_str())
                        ),
                        format!("quote it: name = \"{key}-1\""),
                    );
                    continue;
                }
                _ => {
                    self.error(
                        &item.span(),
                        key,
                        format!("[[{key}]] number {} has no name", i + 1),
                        format!(
                            "add name = \"…\" to it; names address it in --set {key}.<name>.<key>"
                        ),
                    );
                    continue;
                }
            };
            if !name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
            {
                self.error(
                    &item.span(),
                    &format!("{key}.{name}"),
                    format!(
                        "the name \"{name}\" has characters other than letters, digits, - and _"
                    ),
                    "use a name such as \"candidate_generation\"; it becomes part of output ids",
                );
            }
            if out.iter().any(|s| name_of(s) == name) {
                self.error(
                    &item.span(),
                    &format!("{key}.{name}"),
                    format!("two [[{key}]] entries are named \"{name}\""),
                    "give each entry its own name",
                );
            }
            let entry = self.section(table, fields, &format!("{key}.{name}"));
            out.push(entry);
        }
        out
    }
}

/// The most entries one list section (`[[corpus]]`, `[[stage]]`, …) may have.
pub const MAX_ENTRIES: usize = 1_000;

/// A TOML integer or float as f64 (integers beyond 2^53 lose precision, as any estimate does).
fn number(v: &DeValue<'_>) -> Option<f64> {
    match v {
        DeValue::Integer(i) => i64::from_str_radix(
            i.as_str().replace('_', "").trim_start_matches("+"),
            i.radix(),
        )
        .ok()
        .map(|x| x as f64),
        DeValue::Float(f) => f.as_str().replace('_', "").parse::<f64>().ok(),
        _ => None,
    }
}

/// Reads a scenario from TOML `text`; `origin` names the file in messages.
///
/// The scenario is validated: what it returns can be estimated.
pub fn load_str(text: &str, origin: &str) -> Result<Scenario, ScenarioError> {
    let mut reader = Reader {
        text,
        lines: LineIndex::new(text),
        scenario: Scenario::default(),
        errors: Vec::new(),
    };
    reader.scenario.provenance.origin = origin.to_string();
    let root = match DeTable::parse(text) {
        Ok(root) => root,
        Err(e) => {
            let span = e.span().unwrap_or(0..0);
            let p = Position::of(text, span.start);
            let message = e.message().trim();
            // toml says "duplicate key" with the key's span: name it.
            let (problem, hint) = match text.get(span.clone()) {
                Some(key) if message == "duplicate key" && !key.is_empty() => (
                    format!("invalid TOML: the key `{}` is given twice in one table", key.trim()),
                    "keep one of the two lines".to_string(),
                ),
                _ => (
                    format!("invalid TOML: {message}"),
                    "check the quoting and brackets near that position; values with units are strings: dau = \"500M\"".to_string(),
                ),
            };
            return Err(ScenarioError(vec![Diagnostic {
                location: format!("{origin}:{}:{}", p.line, p.col),
                problem,
                hint,
                ..Default::default()
            }]));
        }
    };
    let mut seen_meta = false;
    for (key, value) in root.get_ref() {
        let name = key.get_ref().as_ref();
        let Some(section) = Section::ALL.into_iter().find(|s| s.key() == name) else {
            let keys: Vec<&str> = Section::ALL.iter().map(|s| s.key()).collect();
            reader.error(
                &key.span(),
                name,
                format!("unknown section `{name}`"),
                suggest(name, &keys),
            );
            continue;
        };
        if !section.is_list() && !matches!(value.get_ref(), DeValue::Table(_)) {
            reader.table(value, name);
            continue;
        }
        let table = || match value.get_ref() {
            DeValue::Table(t) => t,
            _ => unreachable!("checked above"),
        };
        match section {
            Section::Meta => {
                seen_meta = true;
                reader.meta(table());
            }
            Section::Traffic => {
                reader.scenario.traffic = Some(reader.section(table(), schema::TRAFFIC, "traffic"))
            }
            Section::Embeddings => {
                reader.scenario.embeddings =
                    Some(reader.section(table(), schema::EMBEDDINGS, "embeddings"))
            }
            Section::Index => {
                reader.scenario.index = Some(reader.section(table(), schema::INDEX, "index"))
            }
            Section::Serving => {
                reader.scenario.serving = reader.section(table(), schema::SERVING, "serving")
            }
            Section::Logging => {
                reader.scenario.logging = Some(reader.section(table(), schema::LOGGING, "logging"))
            }
            Section::Corpus => {
                reader.scenario.corpora = reader.list(value, section, schema::CORPUS, |c| &c.name)
            }
            Section::Stage => {
                reader.scenario.stages = reader.list(value, section, schema::STAGE, |s| &s.name)
            }
            Section::Log => {
                reader.scenario.logs = reader.list(value, section, schema::LOGGING, |s| &s.name)
            }
            Section::Graph => {
                reader.scenario.graph = Some(reader.section(table(), schema::GRAPH, "graph"))
            }
            Section::TextIndex => {
                reader.scenario.text_index =
                    Some(reader.section(table(), schema::TEXT_INDEX, "text_index"))
            }
            Section::Training => {
                reader.scenario.training =
                    Some(reader.section(table(), schema::TRAINING, "training"))
            }
            Section::EmbeddingTable => {
                reader.scenario.embedding_tables =
                    reader.list(value, section, schema::EMBEDDING_TABLE, |t| &t.name)
            }
            Section::Sampling => {
                reader.scenario.sampling =
                    Some(reader.section(table(), schema::SAMPLING, "sampling"))
            }
            Section::FeatureStore => {
                reader.scenario.feature_store =
                    Some(reader.section(table(), schema::FEATURE_STORE, "feature_store"))
            }
            Section::Experiment => {
                reader.scenario.experiment =
                    Some(reader.section(table(), schema::EXPERIMENT, "experiment"))
            }
            Section::Labelling => {
                reader.scenario.labelling =
                    Some(reader.section(table(), schema::LABELLING, "labelling"))
            }
            Section::Cache => {
                reader.scenario.cache = Some(reader.section(table(), schema::CACHE, "cache"))
            }
        }
    }
    if !seen_meta {
        reader.error(
            &(0..0),
            "meta",
            "the scenario has no [meta] section",
            "start the file with [meta] and id = \"my-scenario\", title = \"…\"",
        );
    }
    let Reader {
        mut errors,
        scenario,
        ..
    } = reader;
    if errors.is_empty() {
        errors.extend(super::validate::validate(&scenario));
    }
    if errors.is_empty() {
        Ok(scenario)
    } else {
        Err(ScenarioError(errors))
    }
}

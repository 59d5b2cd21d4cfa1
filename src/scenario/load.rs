//! Reading a scenario from TOML text, with every error located (file:line:col and field path)
//! and a suggestion of what to write instead.

use super::diagnostic::{Diagnostic, ScenarioError, Subject, suggest, suggest_meaning};
use super::path::{InputPath, Location, Origin, SectionPath};
use super::provenance::{LineIndex, Place, Position, Source, SourceKind};
use super::registry::ROWS;
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

/// Reads a scenario's TOML: the sections' rows ([`super::registry::SectionRow::read`]) call
/// back into it to read their tables.
pub struct Reader<'t> {
    text: &'t str,
    lines: LineIndex<'t>,
    scenario: Scenario,
    errors: Vec<Diagnostic>,
}

impl Reader<'_> {
    fn position(&self, span: &Range<usize>) -> Position {
        self.lines.position(span.start)
    }

    /// The scenario read so far.
    pub fn scenario(&mut self) -> &mut Scenario {
        &mut self.scenario
    }

    fn error(
        &mut self,
        span: &Range<usize>,
        subject: impl Into<Subject>,
        problem: impl Into<String>,
        hint: impl Into<String>,
    ) {
        let p = self.position(span);
        self.errors.push(Diagnostic {
            location: Location::at(&self.scenario.provenance.origin, p),
            subject: subject.into(),
            problem: problem.into(),
            hint: hint.into(),
            ..Default::default()
        });
    }

    /// The value at `path` as a table, or an error that says to write it as one.
    pub fn table<'a, 'i>(
        &mut self,
        value: &'a Spanned<DeValue<'i>>,
        path: &str,
    ) -> Option<&'a DeTable<'i>> {
        match value.get_ref() {
            DeValue::Table(t) => Some(t),
            other => {
                let section = Section::ALL
                    .into_iter()
                    .find(|s| s.key() == path)
                    .map_or(Subject::Scenario, |s| Subject::Section(s.path()));
                self.error(
                    &value.span(),
                    section,
                    format!("expected a table, found {}", a_or_an(other.type_str())),
                    format!("write it as a section: [{path}]"),
                );
                None
            }
        }
    }

    /// Reads every key of a section into a fresh `S`, recording sources and positions.
    pub fn section<S: Default>(
        &mut self,
        table: &DeTable<'_>,
        fields: &'static [Field<S>],
        at: &SectionPath,
    ) -> S {
        let mut section = S::default();
        for (key, value) in table {
            let Some(field) = fields.iter().find(|f| f.key == key.get_ref()) else {
                let keys: Vec<&str> = fields.iter().map(|f| f.key).collect();
                self.error(
                    &key.span(),
                    at.clone(),
                    format!("unknown key `{}` in [{}]", key.get_ref(), at.section.key()),
                    suggest_meaning(
                        key.get_ref(),
                        super::aliases::key(at.section, key.get_ref()),
                        &keys,
                    ),
                );
                continue;
            };
            let path = at.input(field.key);
            self.record(&path, at, value);
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
        path: &InputPath,
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
                        path.clone(),
                        format!("`{key}` must be a string"),
                        format!("write {key} = \"where the number comes from\""),
                    );
                    continue;
                };
                if self.scenario.provenance.sources.contains_key(path) {
                    self.error(
                        &k.span(),
                        path.clone(),
                        "an input has more than one source mark",
                        "keep one of book, public, derived or assume",
                    );
                }
                self.scenario.provenance.sources.insert(
                    path.clone(),
                    Source {
                        kind: source_kind,
                        note: note.to_string(),
                    },
                );
            } else {
                self.error(
                    &k.span(),
                    path.clone(),
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
                    path.clone(),
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
        path: &InputPath,
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
                    path.clone(),
                    "must be more than 0",
                    "write a positive value, or remove the key to use the default",
                );
                None
            }
            Ok(v) => Some(v),
            Err((problem, hint)) => {
                self.error(&span, path.clone(), problem, hint);
                None
            }
        }
    }

    /// Keeps where a value stands in the file and how it was written.
    fn record(&mut self, path: &InputPath, section: &SectionPath, value: &Spanned<DeValue<'_>>) {
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
                p.section_ends.insert(section.clone(), span.end);
            }
        }
        p.places.insert(path.clone(), Place { position, span });
        p.raw.insert(path.clone(), raw);
    }

    fn meta(&mut self, table: &DeTable<'_>) {
        let mut meta = Meta::default();
        let section = Section::Meta.path();
        for (key, value) in table {
            let span = value.span();
            let Some(path) = InputPath::of(Section::Meta, key.get_ref()) else {
                let keys: Vec<&str> = schema::META_KEYS.iter().map(|(k, _, _)| *k).collect();
                let k = key.get_ref();
                self.error(
                    &key.span(),
                    section.clone(),
                    format!("unknown key `{k}` in [meta]"),
                    suggest(k, &keys),
                );
                continue;
            };
            self.record(&path, &section, value);
            match (path.key, value.get_ref()) {
                ("id", DeValue::String(s)) => meta.id = s.to_string(),
                ("title", DeValue::String(s)) => meta.title = s.to_string(),
                ("summary", DeValue::String(s)) => meta.summary = s.to_string(),
                ("chapter", DeValue::Integer(_)) => match number(value.get_ref()) {
                    Some(c) if c >= 1.0 => meta.chapter = Some(Count(c)),
                    _ => self.error(
                        &span,
                        path,
                        "the chapter must be a whole number of at least 1",
                        "write chapter = 6",
                    ),
                },
                ("sources", DeValue::Array(items)) => meta.sources = self.strings(items, &path),
                ("expected_warnings", DeValue::Array(items)) => {
                    meta.expected_warnings = self.strings(items, &path)
                }
                (k, other) => {
                    let want = if k == "chapter" {
                        "a whole number"
                    } else if matches!(k, "sources" | "expected_warnings") {
                        "a list of strings"
                    } else {
                        "a string"
                    };
                    self.error(
                        &span,
                        path,
                        format!("expected {want}, found {}", a_or_an(other.type_str())),
                        format!("write {k} as {want}"),
                    );
                }
            }
        }
        self.scenario.meta = meta;
    }

    /// A list of strings (`sources`, `expected_warnings`).
    fn strings(&mut self, items: &toml::de::DeArray<'_>, path: &InputPath) -> Vec<String> {
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref().as_str() {
                Some(s) => out.push(s.to_string()),
                None => self.error(
                    &item.span(),
                    path.clone(),
                    "each entry must be a string",
                    "write a list of strings: [\"…\", \"…\"]",
                ),
            }
        }
        out
    }

    /// Reads `[[corpus]]` or `[[stage]]`: a list of tables, each addressed by its `name`.
    pub fn list<S: Default>(
        &mut self,
        value: &Spanned<DeValue<'_>>,
        section: Section,
        fields: &'static [Field<S>],
        name_of: fn(&S) -> &str,
        set_name: fn(&mut S, &str),
    ) -> Vec<S> {
        let key = section.key();
        let DeValue::Array(items) = value.get_ref() else {
            self.error(
                &value.span(),
                section.path(),
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
                section.path(),
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
            let Some(name) = self.entry_name(table, item, section, i) else {
                continue;
            };
            let at = SectionPath::new(section, Some(&name));
            if out.iter().any(|s| name_of(s) == name) {
                self.error(
                    &item.span(),
                    at.clone(),
                    format!("two [[{key}]] entries are named \"{name}\""),
                    "give each entry its own name",
                );
            }
            let mut entry = self.section(table, fields, &at);
            set_name(&mut entry, &name);
            out.push(entry);
        }
        out
    }

    /// The `name` of entry `i` of a list section: a string of letters, digits, - and _.
    fn entry_name(
        &mut self,
        table: &DeTable<'_>,
        item: &Spanned<DeValue<'_>>,
        section: Section,
        i: usize,
    ) -> Option<String> {
        let key = section.key();
        let name = match table.get("name") {
            Some(n) if matches!(n.get_ref(), DeValue::String(s) if !s.is_empty()) => {
                n.get_ref().as_str().unwrap_or_default().to_string()
            }
            Some(n) if !matches!(n.get_ref(), DeValue::String(_)) => {
                self.error(
                    &n.span(),
                    Subject::Named(format!("{key}.name")),
                    format!(
                        "a name must be a string, not {}",
                        a_or_an(n.get_ref().type_str())
                    ),
                    format!("quote it: name = \"{key}-1\""),
                );
                return None;
            }
            _ => {
                self.error(
                    &item.span(),
                    section.path(),
                    format!("[[{key}]] number {} has no name", i + 1),
                    "add name = \"…\" to it; names address it in output ids and overrides",
                );
                return None;
            }
        };
        if !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        {
            self.error(
                &item.span(),
                SectionPath::new(section, Some(&name)),
                format!("the name \"{name}\" has characters other than letters, digits, - and _"),
                "use a name such as \"candidate_generation\"; it becomes part of output ids",
            );
        }
        Some(name)
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

/// Reads a scenario from TOML `text`; `origin` says where the text came from (a file's path
/// converts into one).
///
/// The scenario is validated: what it returns can be estimated.
pub fn load_str(text: &str, origin: impl Into<Origin>) -> Result<Scenario, ScenarioError> {
    let mut reader = Reader {
        text,
        lines: LineIndex::new(text),
        scenario: Scenario::default(),
        errors: Vec::new(),
    };
    reader.scenario.provenance.origin = origin.into();
    let root = match DeTable::parse(text) {
        Ok(root) => root,
        Err(e) => return Err(ScenarioError(vec![invalid_toml(&reader, &e)])),
    };
    let mut seen_meta = false;
    for (key, value) in root.get_ref() {
        let name = key.get_ref().as_ref();
        let Some(section) = Section::ALL.into_iter().find(|s| s.key() == name) else {
            let keys: Vec<&str> = Section::ALL.iter().map(|s| s.key()).collect();
            reader.error(
                &key.span(),
                Subject::Scenario,
                format!("unknown section `{name}`"),
                suggest_meaning(name, super::aliases::section(name).map(Section::key), &keys),
            );
            continue;
        };
        if section == Section::Meta {
            seen_meta = true;
            if let Some(table) = reader.table(value, name) {
                reader.meta(table);
            }
            continue;
        }
        if let Some(row) = ROWS.iter().find(|r| r.section() == section) {
            row.read(&mut reader, value);
        }
    }
    if !seen_meta {
        reader.error(
            &(0..0),
            Section::Meta.path(),
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
    super::diagnostic::in_file_order(&mut errors);
    if errors.is_empty() {
        Ok(scenario)
    } else {
        Err(ScenarioError(errors))
    }
}

/// The TOML parser's error, located, with its duplicate key named.
/// When the line at byte `at` is a section header (`[training]`) that an earlier line gives too:
/// the section's name and the earlier line's number (from 1).
fn twice(text: &str, at: usize) -> Option<(String, usize)> {
    let header = |line: &str| -> Option<String> {
        let inner = line.trim().strip_prefix('[')?.split(']').next()?;
        (!inner.starts_with('[')).then(|| inner.chars().filter(|c| !c.is_whitespace()).collect())
    };
    let start = text.get(..at)?.rfind('\n').map_or(0, |i| i + 1);
    let line = text.get(start..)?.lines().next()?;
    let name = header(line)?;
    let first = text
        .get(..start)?
        .lines()
        .position(|l| header(l).as_ref() == Some(&name))?;
    Some((name, first + 1))
}

fn invalid_toml(reader: &Reader, e: &toml::de::Error) -> Diagnostic {
    let text = reader.text;
    let span = e.span().unwrap_or(0..0);
    let message = e.message().trim();
    let (problem, hint) = match text.get(span.clone()) {
        Some(_) if message == "duplicate key" && twice(text, span.start).is_some() => {
            let (header, first) = twice(text, span.start).unwrap_or_default();
            (
                format!("section [{header}] appears twice, first at line {first}"),
                format!("give each input of [{header}] once, in one [{header}] section"),
            )
        }
        Some(key) if message == "duplicate key" && !key.is_empty() => (
            format!("invalid TOML: the key `{}` is given twice in one table", key.trim()),
            "keep one of the two lines".to_string(),
        ),
        _ => (
            format!("invalid TOML: {message}"),
            "check the quoting and brackets near that position; values with units are strings: dau = \"500M\"".to_string(),
        ),
    };
    Diagnostic {
        location: Location::at(&reader.scenario.provenance.origin, reader.position(&span)),
        problem,
        hint,
        ..Default::default()
    }
}

//! `--set section.key=value`: changing one input by its path, read by the field's kind exactly
//! as the file reader reads it. List entries are addressed by name: `stage.ranking.latency`.

use super::Scenario;
use super::diagnostic::{Diagnostic, nearest, suggest_or};
use super::provenance::{Source, SourceKind};
use super::schema::{self, Field, FieldKind, Section, Value};
use crate::units::Interval;

/// Every path `--set` accepts for this scenario, in file order.
pub fn paths(s: &Scenario) -> Vec<String> {
    let mut out = Vec::new();
    for_each_path(s, |path| out.push(path.to_string()));
    out
}

/// Calls `visit` with every path `--set` accepts, in file order, each written into one reused
/// buffer (the report keeps only the few it lists).
pub fn for_each_path(s: &Scenario, mut visit: impl FnMut(&str)) {
    for_each_input(s, |_, path| visit(path));
}

/// Where an input is: its section, the entry's name in a list section (`[[stage]]`), and its
/// field's key, kind and meaning as the schema has them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct InputAt<'s> {
    pub section: Section,
    pub entry: Option<&'s str>,
    pub key: &'static str,
    pub kind: FieldKind,
    pub doc: &'static str,
}

/// Calls `visit` with every input `--set` accepts and its path, in file order.
pub fn for_each_input<'s>(s: &'s Scenario, mut visit: impl FnMut(InputAt<'s>, &str)) {
    type Fields<'f> = &'f mut dyn Iterator<Item = (&'static str, FieldKind, &'static str)>;
    let mut path = String::new();
    let mut add = |section: Section, entry: Option<&'s str>, fields: Fields| {
        path.clear();
        path.push_str(section.key());
        path.push('.');
        if let Some(name) = entry {
            path.push_str(name);
            path.push('.');
        }
        let base = path.len();
        for (key, kind, doc) in fields.filter(|f| f.0 != "name") {
            path.truncate(base);
            path.push_str(key);
            let at = InputAt {
                section,
                entry,
                key,
                kind,
                doc,
            };
            visit(at, &path);
        }
    };
    fn fields<S>(
        fields: &'static [Field<S>],
    ) -> impl Iterator<Item = (&'static str, FieldKind, &'static str)> {
        fields.iter().map(|f| (f.key, f.kind, f.doc))
    }
    if s.traffic.is_some() {
        add(Section::Traffic, None, &mut fields(schema::TRAFFIC));
    }
    for c in &s.corpora {
        add(Section::Corpus, Some(&c.name), &mut fields(schema::CORPUS));
    }
    if s.embeddings.is_some() {
        add(Section::Embeddings, None, &mut fields(schema::EMBEDDINGS));
    }
    if s.index.is_some() {
        add(Section::Index, None, &mut fields(schema::INDEX));
    }
    for st in &s.stages {
        add(Section::Stage, Some(&st.name), &mut fields(schema::STAGE));
    }
    add(Section::Serving, None, &mut fields(schema::SERVING));
    if s.logging.is_some() {
        add(Section::Logging, None, &mut fields(schema::LOGGING));
    }
    for l in &s.logs {
        add(Section::Log, Some(&l.name), &mut fields(schema::LOGGING));
    }
    if s.graph.is_some() {
        add(Section::Graph, None, &mut fields(schema::GRAPH));
    }
    if s.text_index.is_some() {
        add(Section::TextIndex, None, &mut fields(schema::TEXT_INDEX));
    }
    if s.training.is_some() {
        add(Section::Training, None, &mut fields(schema::TRAINING));
    }
    for t in &s.embedding_tables {
        add(
            Section::EmbeddingTable,
            Some(&t.name),
            &mut fields(schema::EMBEDDING_TABLE),
        );
    }
    if s.sampling.is_some() {
        add(Section::Sampling, None, &mut fields(schema::SAMPLING));
    }
    if s.feature_store.is_some() {
        add(
            Section::FeatureStore,
            None,
            &mut fields(schema::FEATURE_STORE),
        );
    }
    if s.experiment.is_some() {
        add(Section::Experiment, None, &mut fields(schema::EXPERIMENT));
    }
    if s.labelling.is_some() {
        add(Section::Labelling, None, &mut fields(schema::LABELLING));
    }
    if s.cache.is_some() {
        add(Section::Cache, None, &mut fields(schema::CACHE));
    }
}

/// Sets `key` of `section` to `text`; an empty text unsets it (back to the default). Returns
/// the range when `text` is one (the field then holds its median).
fn set_in<S>(
    section: &mut S,
    fields: &[Field<S>],
    key: &str,
    text: &str,
) -> Result<Option<Interval>, (String, String)> {
    let field = fields
        .iter()
        .find(|f| f.key == key && f.key != "name")
        .ok_or_else(|| (String::new(), String::new()))?;
    if text.trim().is_empty() {
        (field.clear)(section);
        return Ok(None);
    }
    let value = schema::parse_value(text, field.kind, field.zero_ok)?;
    let range = match value {
        Value::Range(r) => Some(r),
        _ => None,
    };
    (field.set)(section, value);
    Ok(range)
}

/// A single section to set `key` in: the scenario's, or a new one when it has none and `key`
/// is one of its inputs being given a value (so `--set embeddings.dim=256` needs no file edit,
/// while a misspelt key or an unset adds nothing).
fn open<'a, S: Default>(
    slot: &'a mut Option<S>,
    fields: &[Field<S>],
    key: &str,
    given: bool,
) -> Option<&'a mut S> {
    if slot.is_none() && given && fields.iter().any(|f| f.key == key) {
        *slot = Some(S::default());
    }
    slot.as_mut()
}

/// Reads the field at `path` ("traffic.dau", "stage.ranking.latency") as a [`Value`].
pub fn get(s: &Scenario, path: &str) -> Option<(Value, FieldKind)> {
    fn from<S>(section: &S, fields: &[Field<S>], key: &str) -> Option<(Value, FieldKind)> {
        let f = fields.iter().find(|f| f.key == key)?;
        Some(((f.get)(section)?, f.kind))
    }
    let (head, rest) = path.split_once('.')?;
    match head {
        "traffic" => from(s.traffic.as_ref()?, schema::TRAFFIC, rest),
        "embeddings" => from(s.embeddings.as_ref()?, schema::EMBEDDINGS, rest),
        "index" => from(s.index.as_ref()?, schema::INDEX, rest),
        "serving" => from(&s.serving, schema::SERVING, rest),
        "logging" => from(s.logging.as_ref()?, schema::LOGGING, rest),
        "graph" => from(s.graph.as_ref()?, schema::GRAPH, rest),
        "text_index" => from(s.text_index.as_ref()?, schema::TEXT_INDEX, rest),
        "training" => from(s.training.as_ref()?, schema::TRAINING, rest),
        "sampling" => from(s.sampling.as_ref()?, schema::SAMPLING, rest),
        "feature_store" => from(s.feature_store.as_ref()?, schema::FEATURE_STORE, rest),
        "experiment" => from(s.experiment.as_ref()?, schema::EXPERIMENT, rest),
        "labelling" => from(s.labelling.as_ref()?, schema::LABELLING, rest),
        "cache" => from(s.cache.as_ref()?, schema::CACHE, rest),
        "embedding_table" => {
            let (name, key) = rest.split_once('.')?;
            from(
                s.embedding_tables.iter().find(|c| c.name == name)?,
                schema::EMBEDDING_TABLE,
                key,
            )
        }
        "log" => {
            let (name, key) = rest.split_once('.')?;
            from(
                s.logs.iter().find(|c| c.name == name)?,
                schema::LOGGING,
                key,
            )
        }
        "corpus" => {
            let (name, key) = rest.split_once('.')?;
            from(
                s.corpora.iter().find(|c| c.name == name)?,
                schema::CORPUS,
                key,
            )
        }
        "stage" => {
            let (name, key) = rest.split_once('.')?;
            from(
                s.stages.iter().find(|c| c.name == name)?,
                schema::STAGE,
                key,
            )
        }
        _ => None,
    }
}

/// Sets the input at `path` to `text`, marking it as overridden. The caller validates the
/// scenario once all overrides are in.
pub fn set(s: &mut Scenario, path: &str, text: &str) -> Result<(), Diagnostic> {
    let fail = |problem: String, hint: String| Diagnostic {
        location: "--set".into(),
        path: path.to_string(),
        problem,
        hint,
        ..Default::default()
    };
    let unknown = |s: &Scenario| {
        let all = paths(s);
        let hint = suggest_or(
            path,
            all.iter().map(String::as_str),
            "no input has a close name.",
        );
        fail(
            format!("unknown input `{path}`"),
            format!("{hint} (`napkin calc <scenario> --list-inputs` lists them all)"),
        )
    };
    let (head, rest) = path.split_once('.').ok_or_else(|| unknown(s))?;
    let given = !text.trim().is_empty();
    let result = match head {
        "traffic" => open(&mut s.traffic, schema::TRAFFIC, rest, given)
            .map(|t| set_in(t, schema::TRAFFIC, rest, text)),
        "embeddings" => open(&mut s.embeddings, schema::EMBEDDINGS, rest, given)
            .map(|t| set_in(t, schema::EMBEDDINGS, rest, text)),
        "index" => open(&mut s.index, schema::INDEX, rest, given)
            .map(|t| set_in(t, schema::INDEX, rest, text)),
        "serving" => Some(set_in(&mut s.serving, schema::SERVING, rest, text)),
        "logging" => open(&mut s.logging, schema::LOGGING, rest, given)
            .map(|t| set_in(t, schema::LOGGING, rest, text)),
        "graph" => open(&mut s.graph, schema::GRAPH, rest, given)
            .map(|t| set_in(t, schema::GRAPH, rest, text)),
        "text_index" => open(&mut s.text_index, schema::TEXT_INDEX, rest, given)
            .map(|t| set_in(t, schema::TEXT_INDEX, rest, text)),
        "training" => open(&mut s.training, schema::TRAINING, rest, given)
            .map(|t| set_in(t, schema::TRAINING, rest, text)),
        "sampling" => open(&mut s.sampling, schema::SAMPLING, rest, given)
            .map(|t| set_in(t, schema::SAMPLING, rest, text)),
        "feature_store" => open(&mut s.feature_store, schema::FEATURE_STORE, rest, given)
            .map(|t| set_in(t, schema::FEATURE_STORE, rest, text)),
        "experiment" => open(&mut s.experiment, schema::EXPERIMENT, rest, given)
            .map(|t| set_in(t, schema::EXPERIMENT, rest, text)),
        "labelling" => open(&mut s.labelling, schema::LABELLING, rest, given)
            .map(|t| set_in(t, schema::LABELLING, rest, text)),
        "cache" => open(&mut s.cache, schema::CACHE, rest, given)
            .map(|t| set_in(t, schema::CACHE, rest, text)),
        "embedding_table" => rest.split_once('.').and_then(|(name, key)| {
            s.embedding_tables
                .iter_mut()
                .find(|c| c.name == name)
                .map(|c| set_in(c, schema::EMBEDDING_TABLE, key, text))
        }),
        "log" => rest.split_once('.').and_then(|(name, key)| {
            s.logs
                .iter_mut()
                .find(|c| c.name == name)
                .map(|c| set_in(c, schema::LOGGING, key, text))
        }),
        "corpus" => rest.split_once('.').and_then(|(name, key)| {
            s.corpora
                .iter_mut()
                .find(|c| c.name == name)
                .map(|c| set_in(c, schema::CORPUS, key, text))
        }),
        "stage" => rest.split_once('.').and_then(|(name, key)| {
            s.stages
                .iter_mut()
                .find(|c| c.name == name)
                .map(|c| set_in(c, schema::STAGE, key, text))
        }),
        _ => None,
    };
    match result {
        None => {
            let absent = Section::ALL
                .iter()
                .find(|sec| sec.key() == head && !sec.is_list());
            match absent {
                // Unsetting an input of a section the scenario does not have: it is at its
                // default already.
                Some(sec)
                    if *sec != Section::Meta && sec.keys().iter().any(|(k, _, _)| *k == rest) =>
                {
                    Ok(())
                }
                None if matches!(head, "corpus" | "stage" | "log" | "embedding_table") => {
                    let name = rest.split_once('.').map_or(rest, |(name, _)| name);
                    let names: Vec<&str> = match head {
                        "corpus" => s.corpora.iter().map(|c| c.name.as_str()).collect(),
                        "stage" => s.stages.iter().map(|c| c.name.as_str()).collect(),
                        "embedding_table" => {
                            s.embedding_tables.iter().map(|c| c.name.as_str()).collect()
                        }
                        _ => s.logs.iter().map(|c| c.name.as_str()).collect(),
                    };
                    if nearest(name, names.iter().copied()).is_empty() {
                        Err(fail(
                            format!("the scenario has no [[{head}]] named `{name}`"),
                            format!(
                                "--set changes entries that are there; add a [[{head}]] with name = \"{name}\" to a scenario file"
                            ),
                        ))
                    } else {
                        Err(unknown(s))
                    }
                }
                Some(sec) if *sec != Section::Meta => {
                    let names: Vec<String> = sec
                        .keys()
                        .iter()
                        .filter(|(k, _, _)| *k != "name")
                        .map(|(k, _, _)| format!("{head}.{k}"))
                        .collect();
                    Err(fail(
                        format!("unknown input `{path}`"),
                        suggest_or(
                            path,
                            names.iter().map(String::as_str),
                            "no input of the section has a close name",
                        ),
                    ))
                }
                _ => Err(unknown(s)),
            }
        }
        Some(Err((problem, _))) if problem.is_empty() => Err(unknown(s)),
        Some(Err((problem, hint))) => Err(fail(problem, hint)),
        Some(Ok(range)) => {
            s.set_range(path, range);
            let note = if text.trim().is_empty() {
                "unset".to_string()
            } else {
                format!("set to {text}")
            };
            s.provenance.sources.insert(
                path.to_string(),
                Source {
                    kind: SourceKind::Override,
                    note,
                },
            );
            if text.trim().is_empty() {
                s.provenance.raw.remove(path);
            } else {
                s.provenance
                    .raw
                    .insert(path.to_string(), text.trim().to_string());
            }
            Ok(())
        }
    }
}

/// An input found once by its path, to be set many times without reading the path again: a
/// Monte Carlo sample or a sweep step costs a match and a store.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InputRef {
    section: Section,
    /// The entry's index in a list section (`[[stage]]`), else 0.
    entry: usize,
    /// The field's index in its section's schema table.
    field: usize,
    /// The field's kind.
    pub kind: FieldKind,
}

/// Finds the input at `path` ("traffic.dau", "stage.ranking.latency") in `s`: `None` when the
/// scenario has no such section or entry, or the section no such field.
pub fn resolve(s: &Scenario, path: &str) -> Option<InputRef> {
    let (head, rest) = path.split_once('.')?;
    let section = Section::ALL
        .into_iter()
        .find(|sec| sec.key() == head && *sec != Section::Meta)?;
    let (entry, key) = if section.is_list() {
        let (name, key) = rest.split_once('.')?;
        let entry = match section {
            Section::Corpus => s.corpora.iter().position(|c| c.name == name),
            Section::Stage => s.stages.iter().position(|c| c.name == name),
            Section::Log => s.logs.iter().position(|c| c.name == name),
            _ => s.embedding_tables.iter().position(|c| c.name == name),
        }?;
        (entry, key)
    } else {
        let present = match section {
            Section::Traffic => s.traffic.is_some(),
            Section::Embeddings => s.embeddings.is_some(),
            Section::Index => s.index.is_some(),
            Section::Logging => s.logging.is_some(),
            Section::Graph => s.graph.is_some(),
            Section::TextIndex => s.text_index.is_some(),
            Section::Training => s.training.is_some(),
            Section::Sampling => s.sampling.is_some(),
            Section::FeatureStore => s.feature_store.is_some(),
            Section::Experiment => s.experiment.is_some(),
            Section::Labelling => s.labelling.is_some(),
            Section::Cache => s.cache.is_some(),
            _ => true,
        };
        (0, present.then_some(rest)?)
    };
    let keys = section.keys();
    let field = keys
        .iter()
        .position(|(k, _, _)| *k == key && *k != "name")?;
    Some(InputRef {
        section,
        entry,
        field,
        kind: keys[field].1,
    })
}

/// Sets the number at `at` (found by [`resolve`] in this scenario) to `x`, in the kind's base
/// unit. Marks nothing and checks nothing: the fast path for samples and sweeps.
pub fn set_number(s: &mut Scenario, at: InputRef, x: f64) {
    fn put<S>(section: Option<&mut S>, fields: &[Field<S>], i: usize, x: f64) {
        if let (Some(section), Some(field)) = (section, fields.get(i)) {
            (field.set)(section, Value::Num(x));
        }
    }
    let (e, i) = (at.entry, at.field);
    match at.section {
        Section::Meta => {}
        Section::Traffic => put(s.traffic.as_mut(), schema::TRAFFIC, i, x),
        Section::Corpus => put(s.corpora.get_mut(e), schema::CORPUS, i, x),
        Section::Embeddings => put(s.embeddings.as_mut(), schema::EMBEDDINGS, i, x),
        Section::Index => put(s.index.as_mut(), schema::INDEX, i, x),
        Section::Stage => put(s.stages.get_mut(e), schema::STAGE, i, x),
        Section::Serving => put(Some(&mut s.serving), schema::SERVING, i, x),
        Section::Logging => put(s.logging.as_mut(), schema::LOGGING, i, x),
        Section::Log => put(s.logs.get_mut(e), schema::LOGGING, i, x),
        Section::Graph => put(s.graph.as_mut(), schema::GRAPH, i, x),
        Section::TextIndex => put(s.text_index.as_mut(), schema::TEXT_INDEX, i, x),
        Section::Training => put(s.training.as_mut(), schema::TRAINING, i, x),
        Section::EmbeddingTable => {
            put(s.embedding_tables.get_mut(e), schema::EMBEDDING_TABLE, i, x)
        }
        Section::Sampling => put(s.sampling.as_mut(), schema::SAMPLING, i, x),
        Section::FeatureStore => put(s.feature_store.as_mut(), schema::FEATURE_STORE, i, x),
        Section::Experiment => put(s.experiment.as_mut(), schema::EXPERIMENT, i, x),
        Section::Labelling => put(s.labelling.as_mut(), schema::LABELLING, i, x),
        Section::Cache => put(s.cache.as_mut(), schema::CACHE, i, x),
    }
}

/// Splits "traffic.dau=200M" into its path and value.
pub fn split_assignment(arg: &str) -> Result<(&str, &str), Diagnostic> {
    arg.split_once('=')
        .map(|(p, v)| (p.trim(), v.trim()))
        .ok_or_else(|| Diagnostic {
            location: "--set".into(),
            path: arg.to_string(),
            problem: format!("`{arg}` has no `=`"),
            hint: "write --set section.key=value, such as --set traffic.dau=200M".into(),
            ..Default::default()
        })
}

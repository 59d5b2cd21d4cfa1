//! Overrides: changing one input by its path (`traffic.dau` to `200M`), read by the field's kind
//! exactly as the file reader reads it. List entries are addressed by name:
//! `stage.ranking.latency`. The faces take overrides from the command line (`--set`) and the
//! screen's form; they word the errors.

use super::Scenario;
use super::diagnostic::{Diagnostic, See, Subject, nearest, suggest_meaning_or};
use super::path::{InputPath, Location, PathError};
use super::provenance::{Source, SourceKind};
use super::registry::{self, FieldInfo, SectionRow};
use super::schema::{self, FieldKind, Value};

pub use super::registry::{InputRef, for_each_input, paths, resolve};

/// Reads the field at `path` as a [`Value`], with its kind: `None` when the scenario has no
/// such section or entry, or an optional input is unset.
pub fn get(s: &Scenario, path: &InputPath) -> Option<(Value, FieldKind)> {
    let at = resolve(s, path)?;
    Some((at.get(s)?, at.kind))
}

/// An override's error: at the override, about `subject`.
fn fail(subject: Subject, problem: String, hint: String) -> Diagnostic {
    Diagnostic {
        location: Location::Override,
        subject,
        problem,
        hint,
        ..Default::default()
    }
}

/// "unknown input `x`", with the scenario's closest paths and a pointer to the whole list.
fn unknown(s: &Scenario, text: &str) -> Diagnostic {
    let all: Vec<String> = paths(s).iter().map(ToString::to_string).collect();
    let hint = suggest_meaning_or(
        text,
        super::aliases::meant(text).as_deref(),
        all.iter().map(String::as_str),
        "no input has a close name.",
    );
    let mut d = fail(
        Subject::Named(text.to_string()),
        format!("unknown input `{text}`"),
        hint,
    );
    d.see = Some(See::Inputs);
    d
}

/// Reads `text` as an input path, with a did-you-mean over `s`'s inputs when it is not one.
pub fn parse_path(s: &Scenario, text: &str) -> Result<InputPath, Diagnostic> {
    match text.parse::<InputPath>() {
        Ok(path) if path.section != schema::Section::Meta => Ok(path),
        Ok(_) => Err(unknown(s, text)),
        Err(PathError::UnknownKey(section, _)) if !section.is_list() => {
            let names: Vec<String> = registry::row(section)
                .inputs()
                .map(|(_, f)| format!("{}.{}", section.key(), f.key))
                .collect();
            let hint = suggest_meaning_or(
                text,
                super::aliases::meant(text).as_deref(),
                names.iter().map(String::as_str),
                "no input of the section has a close name",
            );
            let mut d = fail(
                Subject::Named(text.to_string()),
                format!("unknown input `{text}`"),
                hint,
            );
            d.see = Some(See::Inputs);
            Err(d)
        }
        Err(_) => Err(unknown(s, text)),
    }
}

/// Sets the input at `path` (as typed) to `text`, marking it as overridden; an empty `text`
/// unsets it. The caller validates the scenario once all overrides are in.
pub fn set(s: &mut Scenario, path: &str, text: &str) -> Result<(), Diagnostic> {
    let path = parse_path(s, path)?;
    set_path(s, &path, text)
}

/// Sets the input at `path` to `text`, marking it as overridden (see [`set`]).
///
/// A section the scenario lacks is added when one of its inputs is given a value (so
/// `embeddings.dim = 256` needs no file edit); unsetting an input of a section the scenario
/// lacks changes nothing, for it is at its default already.
pub fn set_path(s: &mut Scenario, path: &InputPath, text: &str) -> Result<(), Diagnostic> {
    let row = registry::row(path.section);
    let given = !text.trim().is_empty();
    let entry = match row.find(s, path.entry.as_deref()) {
        Some(i) => i,
        // Unsetting an input of what the scenario lacks changes nothing: it is at its default.
        None if !given => return Ok(()),
        None if path.section.is_list() => new_entry(s, row, path)?,
        None => row.create(s, None),
    };
    let Some((field, info)) = row.field_named(path.key).filter(|(_, f)| f.key != "name") else {
        return Err(unknown(s, &path.to_string()));
    };
    let range = if given {
        let value = schema::parse_value(text, info.kind, info.zero_ok)
            .map_err(|(problem, hint)| fail(Subject::Input(path.clone()), problem, hint))?;
        let range = match value {
            Value::Range(r) => Some(r),
            _ => None,
        };
        row.set(s, entry, field, value);
        range
    } else {
        row.clear(s, entry, field);
        None
    };
    mark(s, path, text, range);
    Ok(())
}

/// Records an override's value, range and source.
fn mark(s: &mut Scenario, path: &InputPath, text: &str, range: Option<crate::units::Interval>) {
    s.set_range(path, range);
    let note = if text.trim().is_empty() {
        "unset".to_string()
    } else {
        format!("set to {text}")
    };
    s.provenance.sources.insert(
        path.clone(),
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
            .insert(path.clone(), text.trim().to_string());
    }
}

/// Adds the entry of a list section that `path` names (`corpus.images.items` adds a
/// `[[corpus]]` named `images`), so a question needs no file; but a name close to an entry the
/// scenario has is taken for a slip (did you mean `videos`?), and a name must be one a file
/// could give.
fn new_entry(
    s: &mut Scenario,
    row: &dyn SectionRow,
    path: &InputPath,
) -> Result<usize, Diagnostic> {
    let name = path.entry.as_deref().unwrap_or_default();
    let names: Vec<&str> = (0..row.len(s)).filter_map(|i| row.name(s, i)).collect();
    if !nearest(name, names.iter().copied()).is_empty() {
        return Err(unknown(s, &path.to_string()));
    }
    let head = path.section.key();
    if !name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        return Err(fail(
            Subject::Input(path.clone()),
            format!(
                "a [[{head}]] cannot be named `{name}`: a name has only letters, digits, - and _"
            ),
            format!(
                "name it, for example, {head}.{}.{}",
                name.replace(|c: char| !c.is_ascii_alphanumeric(), "_"),
                path.key
            ),
        ));
    }
    if row.len(s) >= super::load::MAX_ENTRIES {
        return Err(fail(
            Subject::Input(path.clone()),
            format!(
                "the scenario has {} [[{head}]] entries already, the most it may have",
                super::load::MAX_ENTRIES
            ),
            "change an entry that is there".into(),
        ));
    }
    Ok(row.create(s, Some(name)))
}

/// Splits "traffic.dau=200M" into its path and value.
pub fn split_assignment(arg: &str) -> Option<(&str, &str)> {
    arg.split_once('=').map(|(p, v)| (p.trim(), v.trim()))
}

/// The inputs `s` has, each with what the schema says of it: the rows of the screen's form and
/// of the list of inputs.
pub fn inputs(s: &Scenario) -> Vec<(InputPath, FieldInfo)> {
    let mut out = Vec::new();
    for_each_input(s, |p, f| out.push((p.clone(), f)));
    out
}

//! The command line's wording of a diagnostic: `error:` first, where it stands as a path and
//! line (`my.toml:3:5`, `--set traffic.dau=0`, a built-in preset by id), inputs to add as
//! `--set` arguments where the section came from `--set`, and the commands that list names.

use crate::report::EvaluationError;
use crate::scenario::diagnostic::{Diagnostic, OneLine, Printable, ScenarioError, See};
use crate::scenario::{Location, Origin};
use std::fmt::Write as _;

/// Where a diagnostic stands, as the command line writes it.
pub fn location(l: &Location) -> String {
    match l {
        Location::Text {
            origin: Origin::Preset(id),
            at: Some(p),
        } => format!("built-in preset {id}, line {}, column {}", p.line, p.col),
        Location::Text {
            origin: Origin::Preset(id),
            at: None,
        } => format!("built-in preset {id}"),
        Location::Text {
            origin: Origin::Arguments,
            ..
        }
        | Location::Override => "--set".to_string(),
        Location::Given => "--given".to_string(),
        Location::Text { .. } | Location::Argument(_) | Location::Program => l.to_string(),
    }
}

/// A problem found once flags changed a built-in preset: the preset alone is sound, so `flag`
/// (`--set`, `--vary`) made it, and the preset's own line is in no file the user has. Puts it at
/// the flag, on the preset by id; false when `d` is not at a built-in preset.
pub fn at_flag_on_preset(d: &mut Diagnostic, flag: &str) -> bool {
    let Location::Text {
        origin: Origin::Preset(id),
        ..
    } = &d.location
    else {
        return false;
    };
    d.location = Location::Argument(format!("{flag} on built-in preset {id}"));
    true
}

/// Where the command line points the user next.
pub fn listing(l: See) -> &'static str {
    match l {
        See::Inputs => {
            "(`napkin inputs` lists every input; `napkin calc <scenario> --list-inputs`, a scenario's with their values)"
        }
        See::Outputs => "(`napkin calc <scenario> --format json` lists every output id)",
        See::Presets => "(`napkin presets list` shows every preset; a file path needs to exist)",
        See::Compare => {
            "(to set one value against another, compare two scenarios: napkin compare <a> <b> --set-b PATH=VALUE)"
        }
    }
}

/// What to write instead: the additions as lines of the file, or as `--set` arguments when
/// `via_set`; then how to take an input out, and where to find every valid name.
pub fn help(d: &Diagnostic, via_set: bool) -> String {
    let mut help = if via_set {
        d.help_with(|a, _| format!("--set {}={}", a.path(), a.bare_value()), " ")
    } else {
        d.help()
    };
    if let Some(path) = &d.unset {
        if !help.is_empty() {
            help.push(' ');
        }
        let _ = write!(
            help,
            "(on the command line an empty value unsets: --set {path}=)"
        );
    }
    if let Some(l) = d.see {
        if !help.is_empty() {
            help.push(' ');
        }
        help.push_str(listing(l));
    }
    help
}

/// One diagnostic as the command line prints it: `error: where: path: problem` and a `help:`
/// line, with every echoed text escaped, a line break too (each part stays on its line).
pub fn diagnostic(d: &Diagnostic, via_set: bool) -> String {
    let mut out = format!("error: {}: ", OneLine(&location(&d.location)));
    if !d.subject.is_empty() {
        let _ = write!(out, "{}: ", OneLine(&d.subject.to_string()));
    }
    let _ = write!(out, "{}", OneLine(&d.problem));
    let help = help(d, via_set);
    if !help.is_empty() {
        let _ = write!(out, "\n  help: {}", OneLine(&help));
    }
    out
}

/// Every diagnostic of `e`, one after another; `via_set` says for each whether its additions
/// are to be given as `--set`.
pub fn scenario_error(e: &ScenarioError, via_set: impl Fn(&Diagnostic) -> bool) -> String {
    let lines: Vec<String> = e.0.iter().map(|d| diagnostic(d, via_set(d))).collect();
    lines.join("\n")
}

/// Every diagnostic of `e`, additions as lines of a file unless the diagnostic is at an
/// override.
pub fn error(e: &ScenarioError) -> String {
    scenario_error(e, |d| matches!(d.location, Location::Override))
}

/// An assignment argument (`--set`, `--set-a`, `--vary`) without `=`.
pub fn no_equals(flag: &str, arg: &str) -> String {
    format!(
        "error: {flag}: {}: `{}` has no `=`\n  help: write {flag} section.key=value, such as {flag} traffic.dau=200M",
        OneLine(arg),
        OneLine(arg)
    )
}

/// An output too large to compute with, its culprit's place as the command line writes it
/// (without `error:`).
pub fn evaluation(e: &EvaluationError) -> String {
    let mut out = String::new();
    let _ = e.with_location(&mut out, location);
    Printable(&out).to_string()
}

/// Why `--tornado` has no bars to draw.
pub fn tornado(m: &crate::report::tornado::Missing) -> String {
    use crate::report::tornado::Missing;
    match m {
        Missing::Output { id, near } => {
            let hint = if near.is_empty() {
                listing(See::Outputs).to_string()
            } else {
                let quoted: Vec<String> = near.iter().map(|n| format!("`{n}`")).collect();
                format!("did you mean {}?", quoted.join(" or "))
            };
            format!(
                "error: --tornado: no output `{}`\n  help: {}",
                OneLine(id),
                OneLine(&hint)
            )
        }
        Missing::Ranges => "error: --tornado: the scenario has no ranges, so nothing drives the output's spread\n  help: write an input as a range, such as --set traffic.dau=100M..400M".into(),
    }
}

/// Why a `--given` value cannot be taken.
pub fn given(arg: &str, e: &crate::estimate::given::GivenError) -> String {
    use crate::estimate::given::GivenError;
    let (problem, help) = match e {
        GivenError::NoEquals => (
            format!("`{arg}` has no `=`"),
            "write --given OUTPUT_ID=VALUE, such as --given index.memory=320GB".to_string(),
        ),
        GivenError::Input(path) => {
            let value = arg.split_once('=').map_or("", |(_, v)| v.trim());
            (
                format!("{path} is an input, not an output"),
                format!("change an input with --set {path}={value}"),
            )
        }
        GivenError::Unknown { id, near } => (
            format!("no output `{id}`"),
            if near.is_empty() {
                listing(See::Outputs).to_string()
            } else {
                let quoted: Vec<String> = near.iter().map(|n| format!("`{n}`")).collect();
                format!("did you mean {}?", quoted.join(" or "))
            },
        ),
        GivenError::Value { id, kind, error } => (
            format!("{id}: {}", error.problem),
            format!("{} ({id} is a {})", error.hint, kind.name()),
        ),
        GivenError::OutOfRange { id, kind } => (
            format!("{id} needs a finite value of at least 0"),
            format!("write {}", kind.describe()),
        ),
    };
    format!(
        "error: --given {}: {}\n  help: {}",
        OneLine(arg),
        OneLine(&problem),
        OneLine(&help)
    )
}

/// `--engines` on a scenario with no vector index: what to add, as `--set`.
pub fn no_index(id: &str, e: &crate::report::engines::NoIndex) -> String {
    let sets: Vec<String> = e
        .add
        .iter()
        .map(|(p, v)| format!("--set {p}={v}"))
        .collect();
    format!(
        "error: {}: --engines compares the vector index's memory, and this scenario has no [index] with [embeddings]\n  help: add them to the file, or {}",
        OneLine(id),
        sets.join(" ")
    )
}

//! `napkin presets list|show`, and the welcome text of a bare `napkin`.

use crate::presets::{self, Origin};
use crate::scenario::diagnostic::OneLine;
use std::io::Write;

fn io(e: std::io::Error) -> String {
    e.to_string()
}

pub fn list(out: &mut dyn Write, err: &mut dyn Write) -> Result<(), String> {
    let (all, problems) = presets::all(presets::user_dir().as_deref());
    let width = all.iter().map(|p| p.id.len()).max().unwrap_or(0);
    // The book's order: chapters first, then the rest by id.
    let mut loaded: Vec<_> = all.iter().map(|p| (p, p.load())).collect();
    let chapter = |r: &Result<crate::scenario::Scenario, _>| {
        r.as_ref()
            .ok()
            .and_then(|s| s.meta.chapter)
            .map_or(f64::MAX, |c| c.0)
    };
    loaded.sort_by(|a, b| {
        chapter(&a.1)
            .total_cmp(&chapter(&b.1))
            .then_with(|| a.0.id.cmp(&b.0.id))
    });
    for (p, result) in loaded {
        match result {
            Ok(s) => {
                let chapter = s
                    .meta
                    .chapter
                    .map(|c| format!("ch. {:>2}", c.0))
                    .unwrap_or_else(|| "     ".into());
                let user = matches!(p.origin, Origin::User(_));
                let shadows = user
                    && presets::BUILTIN
                        .iter()
                        .any(|(f, _)| f.trim_end_matches(".toml") == p.id);
                let mark = match (user, shadows) {
                    (true, true) => "  (user, replaces the built-in)",
                    (true, false) => "  (user)",
                    _ => "",
                };
                let id = OneLine(&p.id).to_string();
                let title = OneLine(&s.meta.title);
                writeln!(out, "{id:width$}  {chapter}  {title}{mark}").map_err(io)?;
                if user && s.meta.id != p.id {
                    writeln!(
                        err,
                        "warning: {} declares id \"{}\" but is run as `napkin calc {}` (a user preset's id is its file name)",
                        OneLine(&p.file.to_string()),
                        OneLine(&s.meta.id),
                        OneLine(&p.id)
                    )
                    .map_err(io)?;
                }
            }
            Err(e) => {
                writeln!(
                    err,
                    "warning: {} is invalid and is left out:\n{e}",
                    OneLine(&p.file)
                )
                .map_err(io)?;
            }
        }
    }
    for problem in problems {
        writeln!(err, "warning: {problem}").map_err(io)?;
    }
    Ok(())
}

pub fn show(id: &str, out: &mut dyn Write) -> Result<(), String> {
    let p =
        presets::find(id, presets::user_dir().as_deref()).map_err(|e| super::words::error(&e))?;
    // A preset is printed as it is, to be redirected into a file. Control characters other than
    // tabs and line ends are not TOML, so a file holding one is no preset to copy: it is
    // printed escaped rather than let reach the terminal.
    let lone_cr = p.text.replace("\r\n", "\n").contains('\r');
    let hostile = lone_cr
        || p.text
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r'));
    if hostile {
        let text = crate::scenario::diagnostic::Printable(&p.text).to_string();
        return out.write_all(text.as_bytes()).map_err(io);
    }
    out.write_all(p.text.as_bytes()).map_err(io)
}

/// The built-in presets' table; every built-in must load.
pub fn table(out: &mut dyn Write) -> Result<(), String> {
    let mut scenarios = Vec::new();
    for p in presets::builtin() {
        scenarios.push(p.load().map_err(|e| e.to_string())?);
    }
    super::write_doc(out, &crate::report::table::presets_table(&scenarios)).map_err(io)
}

pub fn welcome(out: &mut dyn Write, err: &mut dyn Write) -> Result<(), String> {
    writeln!(
        out,
        "napkin: back-of-the-envelope capacity estimation for ML system design\n"
    )
    .map_err(io)?;
    writeln!(out, "Presets:").map_err(io)?;
    list(out, err)?;
    writeln!(
        out,
        "\nUsage:\n  napkin calc <preset|file|-> [--set section.key=value]... [--format text|json|markdown]\n  napkin sweep <preset|file> --vary section.key=lo..hi [--until \"<output> > <value>\"]\n  napkin compare <a> <b> [--set-a …] [--set-b …]\n  napkin inputs [section]        every input --set takes, with its kind, default and meaning\n  napkin tui [preset|file]       the interactive screen (needs a terminal)\n  napkin drill [--plain]         practise estimates; napkin stats shows progress\n  napkin presets list | show <id> | table\n  napkin completions <shell>\n  napkin --help"
    )
    .map_err(io)
}

//! `napkin man [SUBCOMMAND]`: the manual page clap_mangen writes from the command line's own
//! definition, with the sections it cannot know: EXAMPLES, EXIT STATUS, ENVIRONMENT and FILES.
//! And `napkin help [SUBCOMMAND]…`, napkin's own help subcommand (so it answers `--version` as
//! every subcommand does).

use super::Cli;
use crate::scenario::diagnostic::suggest;
use clap::CommandFactory;
use std::io::Write;

/// An example of the manual: the command line, what it does, and which page shows it (`None`:
/// napkin's own page; else the subcommand's too).
pub struct Example {
    pub command: &'static str,
    pub does: &'static str,
    pub page: Option<&'static str>,
    /// Whether a test can run it as it stands: it needs no terminal and reads no standard input.
    pub runs_alone: bool,
}

const fn ex(command: &'static str, does: &'static str, page: Option<&'static str>) -> Example {
    Example {
        command,
        does,
        page,
        runs_alone: true,
    }
}

/// The manual's examples, in the order a newcomer meets them.
pub const EXAMPLES: &[Example] = &[
    ex(
        "napkin presets list",
        "The built-in case studies and your own presets.",
        Some("presets"),
    ),
    ex(
        "napkin calc twitter",
        "Estimate a preset: every output with its working, then the inputs and their sources.",
        Some("calc"),
    ),
    ex(
        "napkin calc --set embeddings.vectors=10B --set embeddings.dim=256",
        "A quick question with no file: will 10B 256-d embeddings fit in RAM?",
        Some("calc"),
    ),
    ex(
        "napkin calc video-recommendation --set traffic.dau=500M..2B --brief",
        "A range: each output as p50 [p5 \u{2013} p95] over 10,000 samples.",
        Some("calc"),
    ),
    ex(
        "napkin inputs training",
        "Every input of [training] with its kind, default and meaning.",
        Some("inputs"),
    ),
    ex(
        "napkin sweep video-recommendation --vary traffic.dau=100M..1B --until \"fleet.total_servers > 2000\"",
        "The estimate at 5 DAUs, and the DAU from which it takes more than 2,000 servers.",
        Some("sweep"),
    ),
    ex(
        "napkin compare video-recommendation video-recommendation --set-b traffic.dau=3B --changed",
        "What changes if the daily users triple, side by side with b \u{f7} a.",
        Some("compare"),
    ),
    Example {
        command: "napkin drill",
        does: "Practise: questions from the case studies, scored, on the drill screen.",
        page: Some("drill"),
        runs_alone: false,
    },
    Example {
        command: "napkin man | man -l -",
        does: "Read this page.",
        page: Some("man"),
        runs_alone: false,
    },
];

/// Exit statuses: (status, meaning).
const EXIT_STATUS: &[(&str, &str)] = &[
    ("0", "Success."),
    (
        "1",
        "A scenario, evaluation or file error: the message on standard error says where (file:line:col, the flag, the input path) and what to write instead.",
    ),
    (
        "2",
        "A usage error: an unknown flag, a value of the wrong shape, flags that cannot go together.",
    ),
    (
        "129, 130, 143",
        "The interactive screen was ended by SIGHUP, SIGINT or SIGTERM (128 + the signal), after restoring the terminal.",
    ),
];

/// Environment variables: (name, meaning).
const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "NO_COLOR",
        "When set to a value that is not empty, the interactive screen draws without colour.",
    ),
    (
        "XDG_CONFIG_HOME",
        "Where your presets live: $XDG_CONFIG_HOME/napkin/presets (default ~/.config).",
    ),
    (
        "XDG_DATA_HOME",
        "Where the drill keeps its history: $XDG_DATA_HOME/napkin/history.jsonl (default ~/.local/share).",
    ),
    (
        "COMPLETE",
        "Set by the script `napkin completions SHELL` prints, to ask napkin for the candidates to complete.",
    ),
];

/// Files: (path, meaning).
const FILES: &[(&str, &str)] = &[
    (
        "~/.config/napkin/presets/ID.toml",
        "Your preset ID: a scenario file, run as `napkin calc ID`; one named like a built-in replaces it. The screen's w writes ID-edited.toml here.",
    ),
    (
        "~/.local/share/napkin/history.jsonl",
        "Every drill answer, one JSON object a line, appended; `napkin stats` reads it.",
    ),
];

/// Text for roff: backslashes and hyphens escaped, and a line that would start with a dot or
/// an apostrophe (a request) guarded.
fn roff(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with('.') || escaped.starts_with('\'') {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

/// A section of tagged paragraphs: `.TP` with the tag in bold, then its text.
fn tagged(title: &str, items: &[(&str, &str)]) -> String {
    let mut out = format!(".SH \"{title}\"\n");
    for (tag, text) in items {
        out.push_str(&format!(".TP\n\\fB{}\\fR\n{}\n", roff(tag), roff(text)));
    }
    out
}

/// The sections clap_mangen cannot write, for `page` (`None`: napkin's own).
fn sections(page: Option<&str>) -> String {
    let examples: Vec<(&str, &str)> = EXAMPLES
        .iter()
        .filter(|e| page.is_none() || e.page == page)
        .map(|e| (e.command, e.does))
        .collect();
    let mut out = String::new();
    if !examples.is_empty() {
        out.push_str(&tagged("EXAMPLES", &examples));
    }
    if page.is_none() {
        out.push_str(&tagged("EXIT STATUS", EXIT_STATUS));
        out.push_str(&tagged("ENVIRONMENT", ENVIRONMENT));
        out.push_str(&tagged("FILES", FILES));
        out.push_str(".SH \"SEE ALSO\"\nThe README, docs/GUIDE.md and docs/REFERENCE.md in napkin's source.\n");
    }
    out
}

/// Writes the manual page of napkin, or of one of its subcommands.
pub fn man(subcommand: Option<&str>, out: &mut dyn Write) -> Result<(), String> {
    let mut napkin = Cli::command();
    napkin.build();
    let page = match subcommand {
        None => napkin,
        Some(name) => {
            let names: Vec<&str> = napkin.get_subcommands().map(|c| c.get_name()).collect();
            let found = napkin.find_subcommand(name).cloned();
            found.ok_or_else(|| {
                format!(
                    "error: napkin has no subcommand `{name}`\n  help: {}",
                    suggest(name, &names)
                )
            })?
        }
    };
    let mut page_text = Vec::new();
    clap_mangen::Man::new(page)
        .render(&mut page_text)
        .map_err(|e| e.to_string())?;
    let page_text = String::from_utf8_lossy(&page_text);
    // Ours go before VERSION, where a manual has them.
    let extra = sections(subcommand);
    let text = match page_text.find(".SH VERSION") {
        Some(at) => format!("{}{extra}{}", &page_text[..at], &page_text[at..]),
        None => format!("{page_text}{extra}"),
    };
    out.write_all(text.as_bytes()).map_err(|e| e.to_string())
}

/// The help of the subcommand `path` names (`["presets", "show"]`), or of napkin itself; a
/// name napkin does not have is a usage error (the message, for exit status 2).
pub fn help(path: &[String], out: &mut dyn Write) -> Result<Result<(), String>, String> {
    let mut command = Cli::command();
    command.build();
    let mut at = &mut command;
    for name in path {
        let names: Vec<String> = at
            .get_subcommands()
            .map(|c| c.get_name().to_string())
            .collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        if !names.contains(&name.as_str()) {
            return Err(format!(
                "`{}` has no subcommand `{name}`: {}",
                at.get_name(),
                suggest(name, &names)
            ));
        }
        at = at
            .find_subcommand_mut(name)
            .ok_or_else(|| format!("no subcommand `{name}`"))?;
    }
    let text = at.render_long_help().to_string();
    Ok(out.write_all(text.as_bytes()).map_err(|e| e.to_string()))
}

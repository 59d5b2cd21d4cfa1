//! Shell completion: clap's dynamic completion, so a scenario argument completes the preset ids
//! (built-in and the user's own) beside file names: `napkin calc tw<Tab>` → `twitter`.
//!
//! The shell script `napkin completions <shell>` prints asks napkin itself for the candidates
//! (`COMPLETE=<shell> napkin -- <words>`), so they are always the presets napkin has now.

use crate::presets;
use clap_complete::engine::{CompletionCandidate, PathCompleter, ValueCompleter};
use std::ffi::OsStr;

/// The preset ids starting with `current`, each with its title as help.
pub fn preset_ids(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(current) = current.to_str() else {
        return Vec::new();
    };
    let (all, _) = presets::all(presets::user_dir().as_deref());
    all.into_iter()
        .filter(|p| p.id.starts_with(current))
        .map(|p| {
            let title = p.load().ok().map(|s| s.meta.title);
            CompletionCandidate::new(p.id).help(title.map(Into::into))
        })
        .collect()
}

/// A scenario: a preset id, or a file.
pub fn scenario(current: &OsStr) -> Vec<CompletionCandidate> {
    let mut candidates = preset_ids(current);
    candidates.extend(PathCompleter::file().complete(current));
    candidates
}

/// napkin's subcommands starting with `current`, each with what it does as help: for
/// `napkin man <Tab>` and `napkin help <Tab>`.
pub fn subcommands(current: &OsStr) -> Vec<CompletionCandidate> {
    use clap::CommandFactory;
    let Some(current) = current.to_str() else {
        return Vec::new();
    };
    super::Cli::command()
        .get_subcommands()
        .filter(|c| c.get_name().starts_with(current))
        .map(|c| {
            CompletionCandidate::new(c.get_name()).help(c.get_about().map(|a| a.to_string().into()))
        })
        .collect()
}

/// Writes the script that registers napkin's completion with `shell`.
pub fn write_registration(
    shell: clap_complete::Shell,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    use clap_complete::Shell as S;
    use clap_complete::env::{Bash, Elvish, EnvCompleter, Fish, Powershell, Zsh};
    let completer: &dyn EnvCompleter = match shell {
        S::Bash => &Bash,
        S::Elvish => &Elvish,
        S::Fish => &Fish,
        S::PowerShell => &Powershell,
        S::Zsh => &Zsh,
        // `Shell` may gain shells; bash's script is the most widely understood fallback.
        _ => &Bash,
    };
    completer.write_registration("COMPLETE", "napkin", "napkin", "napkin", out)
}

//! The `napkin` command line: thin over the engine and the report writers.
//!
//! Exit codes: 0 ok, 1 a scenario or evaluation error (message on stderr), 2 a usage error.

mod calc;
mod compare;
mod complete;
mod drill_cmd;
mod inputs;
pub mod manual;
mod numbers;
mod pipe;
mod presets_cmd;
mod sweep;
mod sweep_out;
mod words;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use clap_complete::engine::ArgValueCompleter;

#[derive(Parser, Debug)]
#[command(
    name = "napkin",
    version,
    propagate_version = true,
    // napkin's own `help` subcommand, which answers --version as every subcommand does.
    disable_help_subcommand = true,
    about = "Back-of-the-envelope capacity estimation for ML system design"
)]
#[command(
    after_help = "Run `napkin presets list` for the built-in case studies, then `napkin calc <preset>`."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Estimate a scenario: a preset id, a TOML file, or - for standard input; or only --set inputs.
    #[command(
        override_usage = "napkin calc <SCENARIO> [--set <PATH=VALUE>]... [OPTIONS]\n       napkin calc --set <PATH=VALUE>... [OPTIONS]"
    )]
    Calc(calc::CalcArgs),
    /// Step an input across a span (two: a grid) and estimate at each step; find where an output crosses a threshold.
    #[command(
        override_usage = "napkin sweep <SCENARIO> --vary <PATH=LO..HI> [--vary <PATH=LO..HI>] [OPTIONS]"
    )]
    Sweep(sweep::SweepArgs),
    /// Compare two scenarios (preset ids or files, each with its own --set): every output in each and b ÷ a.
    Compare(compare::CompareArgs),
    /// Every input a scenario or --set takes, with its kind, default and meaning; or one section's.
    Inputs(inputs::InputsArgs),
    /// List or print the presets.
    Presets {
        #[command(subcommand)]
        action: PresetsAction,
    },
    /// Open the interactive screen on a scenario (a preset id or a file); without one, on the presets.
    Tui {
        /// A preset id or a path to a scenario file.
        #[arg(add = ArgValueCompleter::new(complete::scenario))]
        scenario: Option<String>,
    },
    /// Practise: scale questions from the case studies, or a whole case study in order (--case).
    Drill(DrillArgs),
    /// Your drill progress: accuracy per skill and case, bias, trends, calibration, streak.
    Stats,
    /// Print the script that makes a shell complete napkin's commands, flags and preset ids.
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
    /// Print napkin's manual page (roff), or a subcommand's.
    Man {
        /// A subcommand, such as calc; left out, the page of napkin itself.
        #[arg(add = ArgValueCompleter::new(complete::subcommands))]
        subcommand: Option<String>,
    },
    /// Print this message or the help of the given subcommand(s).
    Help {
        /// A subcommand, and its own (presets show).
        #[arg(add = ArgValueCompleter::new(complete::subcommands))]
        command: Vec<String>,
    },
}

#[derive(clap::Args, Debug)]
pub struct DrillArgs {
    /// Plain text: questions on stdout, answers read line by line from stdin (for pipes and scripts).
    #[arg(long)]
    pub plain: bool,
    /// Reproduce a session's questions.
    #[arg(long, allow_negative_numbers = true, value_parser = numbers::seed)]
    pub seed: Option<u64>,
    /// How many questions, 1 to 1,000.
    #[arg(long, default_value_t = 5, allow_negative_numbers = true, value_parser = numbers::whole::<u16>(1, drill_cmd::MAX_COUNT))]
    pub count: u16,
    /// Walk one case study in interview order (a preset id or a scenario file): traffic, storage,
    /// bandwidth, index, fleet, latency, on its own numbers.
    #[arg(long = "case", value_name = "ID|FILE", add = ArgValueCompleter::new(complete::scenario),
          conflicts_with_all = ["count", "skill", "only_case"])]
    pub case: Option<String>,
    /// With --case: move the case study's numbers around theirs (up to 3× either way) for repeat
    /// practice; --seed gives the same numbers again.
    #[arg(long, requires = "case")]
    pub vary: bool,
    /// With --case: an interview: every step without feedback or reveal, a clock shown, and a
    /// scorecard at the end.
    #[arg(long, requires = "case")]
    pub interview: bool,
    /// With --interview: the minutes allowed (the scorecard says how far over).
    #[arg(long, requires = "interview", value_parser = numbers::whole::<u16>(1, 600))]
    pub minutes: Option<u16>,
    /// Random questions only from this case study (a preset id).
    #[arg(long = "only-case", value_name = "ID", add = ArgValueCompleter::new(complete::preset_ids))]
    pub only_case: Option<String>,
    /// Only this skill.
    #[arg(long, value_parser = drill_cmd::skill_parser())]
    pub skill: Option<crate::drill::skill::Skill>,
}

#[derive(Subcommand, Debug)]
pub enum PresetsAction {
    /// The built-in presets and the user's own, one a line.
    List,
    /// Print a preset's TOML, to copy and edit.
    Show {
        #[arg(add = ArgValueCompleter::new(complete::preset_ids))]
        id: String,
    },
    /// The presets' headline numbers as a Markdown table (the README's).
    Table,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
    #[default]
    Text,
    Json,
    Markdown,
}

/// What `run` writes to, beyond the two writers it is handed.
#[derive(Clone, Copy, Debug, Default)]
pub struct Host {
    /// Standard output is a terminal: JSON is indented for a person.
    pub stdout_is_terminal: bool,
    /// The process ends when `run` returns, so what calc built need not be freed piece by piece.
    pub exits_after: bool,
}

/// Runs napkin with the process's arguments and returns its exit status.
pub fn main() -> u8 {
    use std::io::IsTerminal;
    // Answers a shell's completion request (COMPLETE=<shell> in the environment) and exits.
    clap_complete::CompleteEnv::with_factory(Cli::command).complete();
    let cli = Cli::from_arg_matches(&command().get_matches()).unwrap_or_else(|e| e.exit());
    let host = Host {
        stdout_is_terminal: std::io::stdout().is_terminal(),
        exits_after: true,
    };
    let mut stdout = std::io::stdout().lock();
    let mut stderr = std::io::stderr().lock();
    run(cli, host, &mut stdout, &mut stderr)
}

/// The command line as napkin reads it: every subcommand's `--version` is `napkin 0.1.0`, as
/// napkin's own is (clap would write `napkin-calc 0.1.0`).
fn command() -> clap::Command {
    fn named(c: clap::Command) -> clap::Command {
        c.mut_subcommands(|sub| named(sub.display_name("napkin")))
    }
    named(Cli::command())
}

/// Runs a parsed command line, writing to `out` and `err`.
pub fn run(cli: Cli, host: Host, out: &mut dyn std::io::Write, err: &mut dyn std::io::Write) -> u8 {
    let out = &mut pipe::ReaderGone::new(out);
    let result = match cli.command {
        Some(Command::Calc(args)) => calc::run(&args, host, out),
        Some(Command::Sweep(args)) => match sweep::check(&args) {
            Ok(()) => sweep::run(&args, host, out),
            Err(message) => return usage_error("sweep", &message, err),
        },
        Some(Command::Compare(args)) => match compare::check(&args) {
            Ok(()) => compare::run(&args, host, out),
            Err(message) => return usage_error("compare", &message, err),
        },
        Some(Command::Inputs(args)) => inputs::run(&args, host, out),
        Some(Command::Presets {
            action: PresetsAction::List,
        }) => presets_cmd::list(out, err),
        Some(Command::Presets {
            action: PresetsAction::Show { id },
        }) => presets_cmd::show(&id, out),
        Some(Command::Presets {
            action: PresetsAction::Table,
        }) => presets_cmd::table(out),
        Some(Command::Completions { shell }) => {
            complete::write_registration(shell, out).map_err(|e| e.to_string())
        }
        Some(Command::Man { subcommand }) => manual::man(subcommand.as_deref(), out),
        Some(Command::Help { command }) => match manual::help(&command, out) {
            Ok(written) => written,
            Err(message) => return usage_error("help", &message, err),
        },
        Some(Command::Tui { scenario }) => tui(scenario.as_deref()),
        Some(Command::Drill(args)) => drill_cmd::run(&args, out, err),
        Some(Command::Stats) => drill_cmd::stats(out, err),
        None if interactive() => tui(None),
        None => presets_cmd::welcome(out, err),
    };
    match result {
        Ok(()) => 0,
        // A reader that stops early (`| head`) is not an error.
        Err(_) if out.gone => 0,
        Err(message) => {
            // A message may echo a name the user typed: no control character reaches the terminal.
            let message = crate::scenario::diagnostic::Printable(&message);
            let _ = writeln!(err, "{message}");
            1
        }
    }
}

/// Writes a document for a person to read (text, Markdown, CSV) with whatever it echoes from a
/// file or an argument escaped ([`Printable`](crate::scenario::diagnostic::Printable): control
/// characters as `\u{1b}`, line breaks kept). JSON needs none: serde escapes it.
pub(crate) fn write_doc(out: &mut dyn std::io::Write, doc: &str) -> std::io::Result<()> {
    write!(out, "{}", crate::scenario::diagnostic::Printable(doc))
}

/// A usage error clap cannot see (it depends on several arguments), written as clap writes its
/// own; exit status 2.
fn usage_error(subcommand: &str, message: &str, err: &mut dyn std::io::Write) -> u8 {
    let mut napkin = Cli::command();
    napkin.build();
    let kind = clap::error::ErrorKind::ArgumentConflict;
    let error = match napkin.find_subcommand_mut(subcommand) {
        Some(command) => command.error(kind, message),
        None => napkin.error(kind, message),
    };
    let _ = write!(err, "{}", error.render());
    2
}

/// Whether a screen can be drawn: standard input and output are both a terminal.
pub(crate) fn interactive() -> bool {
    use std::io::IsTerminal;
    std::io::stdout().is_terminal() && std::io::stdin().is_terminal()
}

/// Opens the interactive screen, on `scenario` when given.
fn tui(scenario: Option<&str>) -> Result<(), String> {
    if !interactive() {
        return Err("error: the interactive screen needs a terminal; use `napkin calc <scenario>` in scripts and pipes".into());
    }
    let start = match scenario {
        Some("-") => return Err("error: the interactive screen reads keys from the terminal, so it cannot read a scenario from standard input; give a file".into()),
        Some(arg) => Some(calc::resolve_with_text(arg).map_err(|e| e.to_string())?),
        None => None,
    };
    screen_ended(crate::tui::run(start))
}

/// After the screen, its terminal restored: nothing more when the user quit; the exit status of
/// a process ended by a signal, 128 + its number, when one ended it.
pub(crate) fn screen_ended(ended: std::io::Result<crate::tui::Ended>) -> Result<(), String> {
    match ended {
        Ok(crate::tui::Ended::Quit) => Ok(()),
        Ok(crate::tui::Ended::Signal(n)) => std::process::exit(128 + n),
        Err(e) => Err(format!("error: the terminal failed: {e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::Cli;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }
}

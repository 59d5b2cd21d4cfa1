//! `napkin drill` and `napkin stats`.

use super::DrillArgs;
use super::pipe::Escaping;
use crate::drill::history;
use crate::drill::question::Filter;
use crate::drill::session::{self, Options};
use crate::drill::skill::Skill;
use crate::drill::{interview, walk};
use crate::presets;
use crate::scenario::diagnostic::{Printable, suggest_or};
use clap::builder::{PossibleValuesParser, TypedValueParser};
use std::io::Write;

/// The most questions `--count` asks for; questions are built as they are asked, so this bounds a
/// session's length, not what is built before the first.
pub(super) const MAX_COUNT: i64 = 1_000;

/// Reads `--skill`: a skill's id, offered as clap's possible values (in the help and completions).
pub(super) fn skill_parser() -> impl TypedValueParser<Value = Skill> {
    PossibleValuesParser::new(Skill::ALL.map(Skill::id))
        .try_map(|id| Skill::from_id(&id).ok_or("not a skill"))
}

fn io(e: std::io::Error) -> String {
    e.to_string()
}

pub fn run(args: &DrillArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<(), String> {
    // Questions and feedback echo presets and answers: no control character reaches the terminal.
    let (out, err) = (&mut Escaping(out), &mut Escaping(err));
    if let Some(case) = &args.case {
        return walk(case, args, out, err);
    }
    let (all, _) = presets::all(presets::user_dir().as_deref());
    let pool: Vec<presets::Preset> = match &args.only_case {
        Some(case) => {
            let Some(p) = all.iter().find(|p| &p.id == case) else {
                let hint = suggest_or(
                    case,
                    all.iter().map(|p| p.id.as_str()),
                    "`napkin presets list` shows them all",
                );
                return Err(format!(
                    "error: --only-case: no preset named `{case}`\n  help: {hint}"
                ));
            };
            vec![p.clone()]
        }
        // The built-ins alone, so a seed means the same questions on every machine.
        None => presets::builtin(),
    };
    let opts = Options {
        seed: args.seed,
        count: usize::from(args.count),
        filter: Filter {
            case: args.only_case.clone(),
            skill: args.skill,
            template: None,
        },
        history: history::default_path(),
    };
    if !args.plain && super::interactive() {
        return super::screen_ended(crate::tui::run_drill(opts));
    }
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    match session::run(&opts, &pool, &mut input, out, err) {
        Err(e) if e.get_ref().is_some_and(|i| i.is::<session::NoQuestion>()) => {
            Err(no_question(args))
        }
        Err(e) => Err(io(e)),
        Ok(_) => Ok(()),
    }
}

/// No question fits `--only-case` and `--skill`: which to change.
fn no_question(args: &DrillArgs) -> String {
    let skill = args.skill.map(|k| k.id()).unwrap_or_default();
    match &args.only_case {
        Some(case) => format!(
            "error: --only-case {case} --skill {skill}: no question of that skill comes from that case study\n  help: try another --skill, or another --only-case (or leave it out for every case study)"
        ),
        None => format!(
            "error: --skill {skill}: no question of that skill comes from the case studies\n  help: try another --skill"
        ),
    }
}

/// `napkin drill --case`: one case study, step by step.
fn walk(
    case: &str,
    args: &DrillArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), String> {
    let mut scenario = super::calc::resolve(case).map_err(|e| super::words::error(&e))?;
    let id = if scenario.meta.id.is_empty() {
        case.to_string()
    } else {
        scenario.meta.id.clone()
    };
    if args.vary {
        let seed = args.seed.unwrap_or_else(|| {
            history::now() as u64 ^ u64::from(std::process::id()).rotate_left(32)
        });
        walk::vary(&mut scenario, seed);
        writeln!(
            out,
            "Seed {seed}: `napkin drill --case {case} --vary --seed {seed}` walks these numbers again."
        )
        .map_err(io)?;
    }
    let w = walk::build(&id, &scenario).map_err(|e| format!("error: --case {case}: {e}"))?;
    // The walk reads answers line by line, in a terminal as in a pipe.
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let history = history::default_path();
    if args.interview {
        let start = std::time::Instant::now();
        let now = || start.elapsed().as_secs_f64();
        let limit = args.minutes.map(|m| 60.0 * f64::from(m));
        interview::run(&w, history.as_ref(), limit, &mut input, out, err, &now).map_err(io)?;
        return Ok(());
    }
    walk::run(&w, history.as_ref(), &mut input, out, err).map_err(io)?;
    Ok(())
}

pub fn stats(out: &mut dyn Write, err: &mut dyn Write) -> Result<(), String> {
    let Some(path) = history::default_path() else {
        return Err("error: no data directory to keep drill history in".into());
    };
    let (records, warnings) = history::read(&path);
    for w in warnings {
        writeln!(err, "warning: {}", Printable(&w)).map_err(io)?;
    }
    super::write_doc(out, &crate::drill::stats::report(&records, history::now())).map_err(io)
}

#[cfg(test)]
mod tests {
    use super::super::{Cli, Command};
    use crate::drill::skill::Skill;
    use clap::Parser;

    fn drill(args: &[&str]) -> Result<super::DrillArgs, clap::Error> {
        let cli = Cli::try_parse_from(["napkin", "drill"].iter().chain(args))?;
        match cli.command {
            Some(Command::Drill(a)) => Ok(a),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn every_skill_is_a_skill_argument() {
        for k in Skill::ALL {
            assert_eq!(drill(&["--skill", k.id()]).unwrap().skill, Some(k));
        }
        let e = drill(&["--skill", "vibes"]).unwrap_err();
        assert_eq!(e.kind(), clap::error::ErrorKind::InvalidValue);
    }

    #[test]
    fn count_is_between_one_and_a_thousand() {
        assert_eq!(drill(&[]).unwrap().count, 5);
        assert_eq!(drill(&["--count", "1000"]).unwrap().count, 1000);
        for bad in ["0", "1001", "70000"] {
            let e = drill(&["--count", bad]).unwrap_err();
            assert!(e.to_string().contains("from 1 to 1,000"), "{bad}: {e}");
        }
    }
}

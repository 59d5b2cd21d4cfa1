//! An interview: a whole case study in interview order, as in the room: no feedback and no
//! reveal, a clock shown, and at the end a scorecard of each step (the answer, napkin's number,
//! the factor off, whether it follows from the candidate's earlier numbers, the slip named, the
//! seconds spent) and the time against the limit. Each answer is kept in the history like any
//! other, marked as an interview's.

use super::coach::Attempt;
use super::history::{Mode, Record};
use super::scorecard::{self, Row, clock};
use super::session;
use super::walk::Walk;
use crate::estimate::OutputId;
use std::io::{BufRead, Write};
use std::path::PathBuf;

/// Why an answer is asked again in an interview, where nothing is revealed.
pub const NO_REVEAL: &str = "No reveal in an interview: give your estimate.";

/// What follows a line that cannot be taken, in an interview.
const AGAIN: &str = "Try again (an empty line moves on).";

/// Judges a line of an interview's step: as a walk does, except that `?` reveals nothing.
pub fn attempt(
    walk: &Walk,
    q: &super::question::Question,
    line: &str,
    answered: &[(OutputId, f64)],
) -> Attempt {
    if line.trim() == "?" {
        return Attempt::Retry(NO_REVEAL.to_string());
    }
    walk.attempt(q, line, answered)
}

/// Runs `walk` as an interview in plain text, timed by `now` (seconds on any clock) against
/// `limit` seconds when given; each answer is kept in `history` before the next step. Returns
/// the scorecard's rows.
pub fn run(
    walk: &Walk,
    history: Option<&PathBuf>,
    limit: Option<f64>,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
    now: &dyn Fn() -> f64,
) -> std::io::Result<Vec<Row>> {
    let started = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64);
    let n = walk.steps.len();
    writeln!(
        out,
        "Interview: {} ({}), {} in interview order{}. No feedback until the end; an empty line moves on.\n",
        walk.title,
        walk.case,
        super::phrase::plural(n as f64, "step", "steps"),
        limit.map_or(String::new(), |l| format!(", {} allowed", clock(l, None)))
    )?;
    let opts = session::Options {
        history: history.cloned(),
        ..session::Options::default()
    };
    let start = now();
    let mut answered: Vec<(OutputId, f64)> = Vec::new();
    let mut rows = Vec::new();
    let mut unsaved = 0;
    for (i, q) in walk.steps.iter().enumerate() {
        let mut row = walk.row(q);
        let asked = now();
        writeln!(
            out,
            "Step {}/{n} [{}] {}   [{}]",
            i + 1,
            q.skill.name(),
            row.label,
            clock(asked - start, limit)
        )?;
        writeln!(out, "{}", q.prompt)?;
        let judge = |line: &str| attempt(walk, q, line, &answered);
        match session::ask_with(q, input, out, &judge, AGAIN)? {
            None => {
                writeln!(out, "\nStopped after {} of {n}.", rows.len())?;
                break;
            }
            Some(Attempt::Judged(j)) => {
                let record = Record {
                    walk: Some(started),
                    mode: Mode::Interview,
                    ..session::record(q, &j)
                };
                session::keep(&opts, &record, &mut unsaved, err)?;
                writeln!(out, "Noted.")?;
                if let Some(v) = j.outcome.scored {
                    answered.push((q.output.clone(), v));
                }
                row.judged(&j);
            }
            Some(_) => {}
        }
        row.seconds = Some(now() - asked);
        rows.push(row);
        writeln!(out)?;
    }
    writeln!(out, "SCORECARD")?;
    write!(out, "{}", scorecard::scorecard(&rows, now() - start, limit))?;
    if unsaved > 0 {
        writeln!(
            out,
            "{} not saved (see the warnings).",
            super::phrase::plural(unsaved as f64, "answer was", "answers were")
        )?;
    } else if history.is_some() {
        writeln!(out, "`napkin stats` shows your progress per case study.")?;
    }
    Ok(rows)
}

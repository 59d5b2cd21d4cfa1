//! A drill session in plain text: questions out, answers in line by line, feedback out. Works in
//! a pipe, so scripts and tests can drive it.

use super::coach::{self, Attempt, Judged};
use super::history::{self, Mode, Record};
use super::question::{self, Filter, Generator, Question};
use super::review;
use super::templates::TEMPLATES;
use crate::presets::Preset;
use std::io::{BufRead, Write};
use std::path::PathBuf;

/// How a session runs.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Reproduces the questions; without it the session starts with due reviews.
    pub seed: Option<u64>,
    pub count: usize,
    pub filter: Filter,
    /// Where answers are kept; None keeps nothing.
    pub history: Option<PathBuf>,
}

/// How to answer, said before the first question.
pub const ANSWER_HELP: &str = "Answer with units (\"1.2 TB\", \"40k/s\", \"~200 servers\") or a 90% interval (\"50k..200k\"); ? reveals the answer, an empty line skips.";

/// The seed of question `i` of a session seeded with `seed` (SplitMix64).
pub fn question_seed(seed: u64, i: u64) -> u64 {
    let mut z = seed.wrapping_add(i.wrapping_add(1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The record of a judged answer to `q`, asked as a drill question (set `mode` and `walk` for
/// other practice).
pub fn record(q: &Question, j: &Judged) -> Record {
    let o = &j.outcome;
    Record {
        ts: history::now(),
        seed: q.seed,
        case: q.case.clone(),
        template: q.template.to_string(),
        skill: q.skill,
        truth: q.truth,
        answer: j.text.trim().to_string(),
        value: o.scored,
        e: o.score.map(|s| s.e),
        points: o.score.map(|s| s.points),
        interval: match o.answer {
            Some(super::answer::Answer::Interval(lo, hi)) => Some((lo, hi)),
            _ => None,
        },
        interval_score: o.interval.map(|i| i.total),
        hit: o.interval.map(|i| i.hit),
        unit_error: o.unit_error.clone(),
        walk: None,
        mode: if q.review { Mode::Review } else { Mode::Drill },
        slip: j
            .slip
            .as_ref()
            .filter(|s| !s.kind.is_fine())
            .map(|s| s.kind.key().to_string()),
        method: j.follow.as_ref().map(|f| f.method.points),
        follows: j.follow.as_ref().map(|f| f.follows),
    }
}

/// The questions of a session, built one at a time as they are asked: due reviews first (unless
/// seeded), then fresh ones.
pub struct Questions<'a> {
    presets: &'a [Preset],
    filter: Filter,
    /// Due reviews still to ask: (case, template), each asked with fresh numbers.
    reviews: std::vec::IntoIter<(String, String)>,
    fresh: Generator,
    seed: u64,
    /// The next fresh question's index; fresh questions stop at `tries`.
    next: u64,
    tries: u64,
    /// Questions still to ask.
    left: usize,
}

impl<'a> Questions<'a> {
    /// The questions of a session seeded with `seed`; says on `err` how many reviews come first.
    pub fn new(opts: &Options, presets: &'a [Preset], seed: u64, err: &mut dyn Write) -> Self {
        let mut reviews = Vec::new();
        if opts.seed.is_none()
            && let Some(path) = &opts.history
        {
            let (records, _) = history::read(path);
            let skill_of = |id: &str| TEMPLATES.iter().find(|t| t.id == id).map(|t| t.skill);
            reviews = review::due(&records, history::now())
                .into_iter()
                .map(|c| (c.case, c.template))
                .filter(|(case, template)| {
                    opts.filter.case.as_ref().is_none_or(|c| c == case)
                        && presets.iter().any(|p| &p.id == case)
                        && skill_of(template)
                            .is_some_and(|k| opts.filter.skill.is_none_or(|f| f == k))
                })
                .take(opts.count / 2)
                .collect();
            if !reviews.is_empty() {
                let _ = writeln!(
                    err,
                    "{} from your review queue {} first.",
                    crate::units::format::plural(reviews.len() as f64, "question", "questions"),
                    if reviews.len() == 1 { "comes" } else { "come" }
                );
            }
        }
        Questions {
            presets,
            filter: opts.filter.clone(),
            reviews: reviews.into_iter(),
            fresh: Generator::new(presets, &opts.filter),
            seed,
            next: 0,
            // Four tries a question, as a seed can fail to make one.
            tries: u64::try_from(opts.count)
                .unwrap_or(u64::MAX)
                .saturating_mul(4),
            left: opts.count,
        }
    }

    /// How many reviews come first.
    pub fn reviews(&self) -> usize {
        self.reviews.len()
    }
}

impl Iterator for Questions<'_> {
    type Item = Question;

    fn next(&mut self) -> Option<Question> {
        if self.left == 0 {
            return None;
        }
        let fresh = self.seed.rotate_left(17) ^ self.left as u64;
        let question = self
            .reviews
            .by_ref()
            .find_map(|(case, template)| {
                let f = Filter {
                    case: Some(case),
                    template: Some(template),
                    skill: self.filter.skill,
                };
                // New numbers for the same kind of question: learnt, not remembered.
                let q = question::generate(question_seed(fresh, 0), self.presets, &f)?;
                Some(Question { review: true, ..q })
            })
            .or_else(|| {
                while self.next < self.tries {
                    let seed = question_seed(self.seed, self.next);
                    self.next += 1;
                    if let Some(q) = self.fresh.question(seed) {
                        return Some(q);
                    }
                }
                None
            })?;
        self.left -= 1;
        Some(question)
    }
}

/// The questions of a session all at once (the drill screen draws them in small batches), and how
/// many of them are reviews.
pub fn questions(
    opts: &Options,
    presets: &[Preset],
    seed: u64,
    err: &mut dyn Write,
) -> (Vec<Question>, usize) {
    let qs = Questions::new(opts, presets, seed, err);
    let reviews = qs.reviews();
    (qs.collect(), reviews)
}

/// Why a session asked nothing: no question fits its filters (a case study and a skill).
#[derive(Debug)]
pub struct NoQuestion;

impl std::fmt::Display for NoQuestion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("no question fits the case study and skill asked for")
    }
}

impl std::error::Error for NoQuestion {}

/// Runs a session; returns the points of each scored answer. Fails with [`NoQuestion`] (inside
/// the I/O error) when no question fits the filters.
pub fn run(
    opts: &Options,
    presets: &[Preset],
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<Vec<f64>> {
    let seed = opts
        .seed
        .unwrap_or_else(|| history::now() as u64 ^ u64::from(std::process::id()).rotate_left(32));
    let mut qs = Questions::new(opts, presets, seed, err);
    let reviews = qs.reviews();
    let Some(first) = qs.next() else {
        return Err(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            NoQuestion,
        ));
    };
    let mut again = format!("napkin drill --plain --seed {seed} --count {}", opts.count);
    if let Some(case) = &opts.filter.case {
        again.push_str(&format!(" --only-case {case}"));
    }
    if let Some(skill) = opts.filter.skill {
        again.push_str(&format!(" --skill {}", skill.id()));
    }
    if reviews == 0 {
        writeln!(out, "Seed {seed}: `{again}` asks these questions again.")?;
    } else {
        writeln!(
            out,
            "Seed {seed}: `{again}` asks the fresh questions again (the reviews come from your history)."
        )?;
    }
    writeln!(out, "{ANSWER_HELP}\n")?;
    let mut points = Vec::new();
    let mut unsaved = 0;
    for (i, q) in std::iter::once(first).chain(qs).enumerate() {
        writeln!(
            out,
            "Q{}/{} [{} · {}{}]",
            i + 1,
            opts.count,
            q.skill.name(),
            q.case,
            if q.review { " · review" } else { "" }
        )?;
        writeln!(out, "{}", q.prompt)?;
        match ask(&q, input, out)? {
            None => {
                writeln!(out)?;
                return finish(out, &points, unsaved);
            }
            Some(Attempt::Judged(j)) => {
                // Kept before its feedback is shown: an answer shown as scored is in the file,
                // whenever the drill is killed.
                keep(opts, &record(&q, &j), &mut unsaved, err)?;
                write!(out, "{}", coach::render(&q, &j))?;
                if let Some(p) = j.outcome.score.map(|s| s.points) {
                    points.push(p);
                }
            }
            Some(_) => {}
        }
        writeln!(out)?;
    }
    finish(out, &points, unsaved)
}

/// Asks `q` until a line is judged, skipped or revealed; None at the end of the input. Lines that
/// cannot be judged (unreadable, a unit of another dimension) are asked again without the answer.
pub fn ask(
    q: &Question,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> std::io::Result<Option<Attempt>> {
    ask_with(q, input, out, &|line| coach::attempt(q, line), AGAIN)
}

/// What follows a line that cannot be taken.
pub const AGAIN: &str = "Try again (? reveals the answer, an empty line skips).";

/// [`ask`], each line judged by `judge` (a walk's step against the earlier answers), `again`
/// said after a line that cannot be taken.
pub fn ask_with(
    q: &Question,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    judge: &dyn Fn(&str) -> Attempt,
    again: &str,
) -> std::io::Result<Option<Attempt>> {
    loop {
        write!(out, "> ")?;
        out.flush()?;
        let Some((bytes, length)) = read_line(input)? else {
            return Ok(None);
        };
        if length > bytes.len() {
            writeln!(out, "{} {again}", coach::too_long(length, "bytes"))?;
            continue;
        }
        let Ok(line) = String::from_utf8(bytes) else {
            writeln!(
                out,
                "That line is not UTF-8 text, so it cannot be read as an answer. {again}"
            )?;
            continue;
        };
        match judge(&line) {
            Attempt::Retry(why) => writeln!(out, "{why} {again}")?,
            Attempt::Skip => {
                writeln!(out, "Skipped.")?;
                return Ok(Some(Attempt::Skip));
            }
            Attempt::Reveal => {
                write!(out, "{}", coach::reveal(q))?;
                return Ok(Some(Attempt::Reveal));
            }
            judged => return Ok(Some(judged)),
        }
    }
}

/// The most bytes of a line [`read_line`] keeps: four bytes a character at most.
const MAX_LINE: usize = 4 * coach::MAX_ANSWER + 2;

/// The next line of `input` (its end included), at most [`MAX_LINE`] bytes of it, and its whole
/// length in bytes; the rest of a longer line is read past, not kept. None at the end of the input.
fn read_line(input: &mut dyn BufRead) -> std::io::Result<Option<(Vec<u8>, usize)>> {
    let mut kept = Vec::new();
    let mut length = 0;
    loop {
        let buf = match input.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok((!kept.is_empty()).then_some((kept, length)));
        }
        let (used, ended) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (buf.len(), false),
        };
        let room = MAX_LINE.saturating_sub(kept.len()).min(used);
        kept.extend_from_slice(&buf[..room]);
        // The length without the line's end.
        length += used - usize::from(ended);
        input.consume(used);
        if ended {
            return Ok(Some((kept, length)));
        }
    }
}

/// Appends `r` to the history, if one is kept. A failure is a warning on `err` and the drill goes
/// on: the first (`unsaved` counts them) says why and what to do, later ones only that this
/// answer was not saved either.
pub fn keep(
    opts: &Options,
    r: &Record,
    unsaved: &mut usize,
    err: &mut dyn Write,
) -> std::io::Result<()> {
    let Some(path) = &opts.history else {
        return Ok(());
    };
    let Err(e) = history::append(path, r) else {
        return Ok(());
    };
    *unsaved += 1;
    if *unsaved > 1 {
        return writeln!(err, "warning: this answer was not saved either ({e})");
    }
    writeln!(
        err,
        "warning: could not save this answer to {}: {e}; the drill goes on, but `napkin stats` will not count it\n  help: {}, or set XDG_DATA_HOME to a writable directory (the history is $XDG_DATA_HOME/napkin/history.jsonl)",
        path.display(),
        fix(&e)
    )
}

/// What to do when the history could not be written.
fn fix(e: &std::io::Error) -> &'static str {
    match e.kind() {
        _ if history::is_not_regular(e) => {
            "move what stands there away, so that napkin can make the file"
        }
        std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => {
            "free some space on that disk"
        }
        _ => "make that directory writable",
    }
}

/// The session's last line; `unsaved` answers could not be kept (each was warned of).
fn finish(out: &mut dyn Write, points: &[f64], unsaved: usize) -> std::io::Result<Vec<f64>> {
    let lost = match unsaved {
        0 => String::new(),
        1 => " 1 answer was not saved (see the warning).".to_string(),
        n => format!(" {n} answers were not saved (see the warnings)."),
    };
    if points.is_empty() {
        writeln!(out, "Session over: nothing scored.{lost}")?;
    } else {
        let mean = points.iter().sum::<f64>() / points.len() as f64;
        let progress = if unsaved == 0 {
            " `napkin stats` shows your progress."
        } else {
            ""
        };
        writeln!(
            out,
            "Session over: {} scored, {mean:.0} points on average.{lost}{progress}",
            points.len()
        )?;
    }
    Ok(points.to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_count_is_too_large_to_start() {
        // Built as they are asked: a session of usize::MAX questions yields its first ones at
        // once, and no arithmetic on the count overflows.
        let opts = Options {
            seed: Some(1),
            count: usize::MAX,
            ..Options::default()
        };
        let presets = crate::presets::builtin();
        let qs = Questions::new(&opts, &presets, 1, &mut std::io::sink());
        assert_eq!(qs.take(3).count(), 3);
        // The last question index still has a seed.
        let _ = question_seed(u64::MAX, u64::MAX);
    }

    #[test]
    fn each_failure_to_save_says_its_own_fix() {
        use std::io::{Error, ErrorKind};
        assert_eq!(
            fix(&Error::from(ErrorKind::StorageFull)),
            "free some space on that disk"
        );
        assert_eq!(
            fix(&Error::new(ErrorKind::InvalidInput, history::NotRegular)),
            "move what stands there away, so that napkin can make the file"
        );
        assert_eq!(
            fix(&Error::from(ErrorKind::PermissionDenied)),
            "make that directory writable"
        );
    }

    #[test]
    fn a_session_stops_at_its_count() {
        let opts = Options {
            seed: Some(1),
            count: 2,
            ..Options::default()
        };
        let presets = crate::presets::builtin();
        let (qs, reviews) = questions(&opts, &presets, 1, &mut std::io::sink());
        assert_eq!((qs.len(), reviews), (2, 0));
    }
}

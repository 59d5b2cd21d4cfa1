//! The summary of a case walk or an interview: each step's answer against napkin's number (the
//! value) and against what the candidate's own earlier answers give (the method), the slips
//! named, and, after an interview, the seconds each step took; and the summary of a session of
//! drawn questions.

use super::coach::{self, Judged};
use super::history::Record;
use super::skill::Skill;
use super::slips::SlipKind;
use crate::units::format::{Sig, plural};
use std::fmt::Write;

/// One row of the summary: a step and what became of it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Row {
    pub label: String,
    /// The answer as typed, "revealed", or None when skipped.
    pub yours: Option<String>,
    pub napkin: String,
    /// log10(answer ÷ napkin's number).
    pub e: Option<f64>,
    /// Points for the value: how near napkin's number.
    pub points: Option<f64>,
    /// Points for the method: how near what the earlier answers give (the value's points when
    /// every earlier answer it builds on was napkin's).
    pub method: Option<f64>,
    /// Whether the answer is what the earlier answers give.
    pub follows: Option<bool>,
    /// When the answer follows from earlier answers that were off: which ones ("your index
    /// memory (320 GB; napkin 401 GB)").
    pub carried: Option<String>,
    pub slip: Option<SlipKind>,
    /// Seconds from the question to the answer (interview mode).
    pub seconds: Option<f64>,
}

/// Within this of napkin's number (2.3%), an answer with no earlier answer off follows.
const FOLLOWS: f64 = 0.01;

impl Row {
    /// The row of a step not yet answered.
    pub fn new(label: String, napkin: String) -> Row {
        Row {
            label,
            napkin,
            ..Row::default()
        }
    }

    /// Fills in a judged answer.
    pub fn judged(&mut self, j: &Judged) {
        self.yours = Some(j.text.clone());
        let score = j.outcome.score;
        self.e = score.map(|s| s.e);
        self.points = score.map(|s| s.points);
        self.slip = j.slip.as_ref().map(|s| s.kind).filter(|k| !k.is_fine());
        match &j.follow {
            Some(f) => {
                self.method = Some(f.method.points);
                self.follows = Some(f.follows);
                self.carried = f.follows.then(|| f.because());
            }
            None => {
                self.method = self.points;
                self.follows = score.map(|s| s.e.abs() <= FOLLOWS);
            }
        }
    }
}

/// "exact", "1.3× high", "4× low".
pub fn factor_off(e: f64) -> String {
    if coach::is_exact(e) {
        "exact".into()
    } else if e.abs() < coach::CLOSE {
        "within 1%".into()
    } else {
        format!(
            "{}× {}",
            Sig(10f64.powf(e.abs())),
            if e > 0.0 { "high" } else { "low" }
        )
    }
}

fn points(p: Option<f64>) -> String {
    p.map_or("—".to_string(), |p| format!("{p:.0}"))
}

/// The table of the rows: a walk's, or with `interview`, whether each step follows from the
/// earlier answers, its slip and its seconds.
fn table(rows: &[Row], interview: bool) -> String {
    let width = rows
        .iter()
        .map(|r| r.label.chars().count())
        .max()
        .unwrap_or(4)
        .max(4);
    let slip_w = rows
        .iter()
        .filter_map(|r| r.slip.map(|s| s.name().chars().count()))
        .max()
        .unwrap_or(1)
        .max(4);
    let mut out = String::new();
    let _ = write!(
        out,
        "{:<width$}  {:>14}  {:>14}  {:>11}  {:>5}",
        "Step", "You", "napkin", "Factor off", "Score"
    );
    if interview {
        let _ = write!(
            out,
            "  {:<7}  {:<slip_w$}  {:>6}",
            "Follows", "Slip", "Time"
        );
    } else {
        let _ = write!(out, "  {:>6}", "Method");
    }
    out.push('\n');
    for r in rows {
        let _ = write!(
            out,
            "{:<width$}  {:>14}  {:>14}  {:>11}  {:>5}",
            r.label,
            r.yours.as_deref().unwrap_or("skipped"),
            r.napkin,
            r.e.map_or("—".to_string(), factor_off),
            points(r.points),
        );
        if interview {
            let follows = match r.follows {
                Some(true) => "yes",
                Some(false) => "no",
                None => "—",
            };
            let slip = r.slip.map_or("—", |s| s.name());
            let t = r
                .seconds
                .map_or("—".to_string(), |s| format!("{} s", s.max(0.0).floor()));
            let _ = write!(out, "  {follows:<7}  {slip:<slip_w$}  {t:>6}");
        } else {
            let _ = write!(out, "  {:>6}", points(r.method));
        }
        out.push('\n');
    }
    out
}

/// "Total: 252 of 300 points (84%) over 3 answered steps; 1 revealed, 2 skipped.": the points
/// of the answers scored, as `napkin stats` counts a walk.
pub fn total(rows: &[Row]) -> String {
    let points: Vec<f64> = rows.iter().filter_map(|r| r.points).collect();
    let total: f64 = points.iter().sum();
    let most = 100.0 * points.len() as f64;
    let mut line = format!(
        "Total: {total:.0} of {most:.0} points ({:.0}%) over {}",
        share(total, most),
        plural(points.len() as f64, "answered step", "answered steps")
    );
    let revealed = rows
        .iter()
        .filter(|r| r.yours.as_deref() == Some("revealed"))
        .count();
    let skipped = rows.iter().filter(|r| r.yours.is_none()).count();
    line.push_str(&not_scored(revealed, skipped));
    line.push('.');
    line
}

/// "; 1 revealed, 2 skipped", or nothing when every question was answered.
fn not_scored(revealed: usize, skipped: usize) -> String {
    let others: Vec<String> = [(revealed, "revealed"), (skipped, "skipped")]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect();
    if others.is_empty() {
        String::new()
    } else {
        format!("; {}", others.join(", "))
    }
}

/// `part` as a whole percentage of `whole` (0 of nothing).
pub fn share(part: f64, whole: f64) -> f64 {
    if whole > 0.0 {
        100.0 * part / whole
    } else {
        0.0
    }
}

/// The lines after the table: the total for the values, the method, where an early number sent
/// the candidate off, and the slips.
fn verdict(rows: &[Row]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", total(rows));
    let judged: Vec<&Row> = rows.iter().filter(|r| r.method.is_some()).collect();
    if !judged.is_empty() {
        let followed = judged.iter().filter(|r| r.follows == Some(true)).count();
        let method: f64 = judged.iter().filter_map(|r| r.method).sum::<f64>() / judged.len() as f64;
        let _ = writeln!(
            out,
            "Your method: {} of {} followed from your own numbers ({method:.0} method points a step).",
            followed,
            plural(judged.len() as f64, "answer", "answers"),
        );
    }
    let carried: Vec<String> = rows
        .iter()
        .filter(|r| r.e.is_some_and(|e| e.abs() > FOLLOWS))
        .filter_map(|r| Some(format!("{} (from {})", r.label, r.carried.as_ref()?)))
        .collect();
    if !carried.is_empty() {
        let _ = writeln!(
            out,
            "Where an early number sent you off (your method was right): {}.",
            carried.join("; ")
        );
    }
    let slips: Vec<String> = rows
        .iter()
        .filter_map(|r| Some(format!("{} ({})", r.slip?.name(), r.label)))
        .collect();
    if !slips.is_empty() {
        let _ = writeln!(out, "Slips: {}.", slips.join("; "));
    }
    out
}

/// The summary of a walk: the table and the verdict.
pub fn summary(rows: &[Row]) -> String {
    table(rows, false) + &verdict(rows)
}

/// "03:12 of 15:00", or "03:12" without a limit.
pub fn clock(seconds: f64, limit: Option<f64>) -> String {
    let mmss = |s: f64| {
        let s = s.max(0.0).floor() as u64;
        format!("{:02}:{:02}", s / 60, s % 60)
    };
    match limit {
        Some(l) => format!("{} of {}", mmss(seconds), mmss(l)),
        None => mmss(seconds),
    }
}

/// The scorecard of an interview: the table with each step's time, the verdict, and the time
/// against the limit.
pub fn scorecard(rows: &[Row], seconds: f64, limit: Option<f64>) -> String {
    let mut out = table(rows, true) + &verdict(rows);
    let over = limit.filter(|l| seconds > *l).map_or(String::new(), |l| {
        format!(", {} over", clock(seconds - l, None))
    });
    let _ = writeln!(out, "Time: {}{over}.", clock(seconds, limit));
    out
}

/// The summary of a session of drawn questions, said on leaving it: how many were answered and
/// how well, each skill's mean, the slips, and the skill to practise next.
pub fn session(records: &[Record], revealed: usize, skipped: usize) -> String {
    let mut out = String::new();
    let points: Vec<f64> = records.iter().filter_map(|r| r.points).collect();
    let mean = |p: &[f64]| p.iter().sum::<f64>() / p.len().max(1) as f64;
    // Within 2×: |log10(answer ÷ napkin)| ≤ log10 2 (exactly 2× counts).
    let within = records
        .iter()
        .filter(|r| r.e.is_some_and(|e| e.abs() <= 2f64.log10() + 1e-12))
        .count();
    let _ = write!(
        out,
        "This session: {} answered",
        plural(points.len() as f64, "question", "questions")
    );
    if !points.is_empty() {
        let _ = write!(
            out,
            ", {:.0} points on average; {within} of {} within 2× of napkin",
            mean(&points),
            points.len()
        );
    }
    out.push_str(&not_scored(revealed, skipped));
    out.push_str(".\n");
    // Each skill's answers and mean, weakest first.
    let mut skills: Vec<(Skill, Vec<f64>)> = Vec::new();
    for r in records {
        let Some(p) = r.points else { continue };
        match skills.iter_mut().find(|(s, _)| *s == r.skill) {
            Some((_, ps)) => ps.push(p),
            None => skills.push((r.skill, vec![p])),
        }
    }
    skills.sort_by(|a, b| mean(&a.1).total_cmp(&mean(&b.1)));
    if !skills.is_empty() {
        let each: Vec<String> = skills
            .iter()
            .map(|(s, ps)| format!("{} {} ({:.0})", s.name(), ps.len(), mean(ps)))
            .collect();
        let _ = writeln!(out, "By skill (answers, mean points): {}.", each.join(", "));
    }
    let mut slips: Vec<(SlipKind, usize)> = Vec::new();
    for kind in records
        .iter()
        .filter_map(|r| SlipKind::from_key(r.slip.as_deref()?))
    {
        match slips.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, n)) => *n += 1,
            None => slips.push((kind, 1)),
        }
    }
    if !slips.is_empty() {
        let each: Vec<String> = slips
            .iter()
            .map(|(k, n)| format!("{} ×{n}", k.name()))
            .collect();
        let _ = writeln!(out, "Slips: {}.", each.join(", "));
    }
    if let [(weakest, ps), _, ..] = skills.as_slice()
        && mean(ps) < 80.0
    {
        let _ = writeln!(
            out,
            "Practise next: {} (`napkin drill --skill {}`).",
            weakest.name(),
            weakest.id()
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::session;
    use crate::drill::history::{Mode, Record};
    use crate::drill::skill::Skill;

    fn answered(skill: Skill, points: f64, e: f64, slip: Option<&str>) -> Record {
        Record {
            ts: 0,
            seed: 0,
            case: "twitter".into(),
            template: "t".into(),
            skill,
            truth: 1.0,
            answer: "1".into(),
            value: Some(10f64.powf(e)),
            e: Some(e),
            points: Some(points),
            interval: None,
            interval_score: None,
            hit: None,
            unit_error: None,
            walk: None,
            mode: Mode::Drill,
            slip: slip.map(str::to_string),
            method: None,
            follows: None,
        }
    }

    #[test]
    fn a_session_is_summed_up_by_skill_with_its_slips() {
        let records = [
            answered(Skill::Qps, 100.0, 0.0, None),
            // 2× high exactly: log10 2 = 0.30103, within 2×; 100 × (1 − 0.301) = 69.9 points.
            answered(Skill::Storage, 69.9, 2f64.log10(), Some("peak_factor")),
            // 20× low: a miss, 0 points.
            answered(Skill::Storage, 0.0, -20f64.log10(), Some("peak_factor")),
        ];
        let text = session(&records, 1, 2);
        // (100 + 69.9 + 0) ÷ 3 = 56.6 → 57 points; 2 of 3 within 2×; storage's mean
        // (69.9 + 0) ÷ 2 = 35 comes first, below QPS's 100, and is the one to practise.
        assert_eq!(
            text,
            "This session: 3 questions answered, 57 points on average; 2 of 3 within 2× of napkin; 1 revealed, 2 skipped.\n\
             By skill (answers, mean points): storage 2 (35), QPS 1 (100).\n\
             Slips: forgot the peak factor ×2.\n\
             Practise next: storage (`napkin drill --skill storage`).\n"
        );
        assert_eq!(
            session(&[], 0, 1),
            "This session: 0 questions answered; 1 skipped.\n"
        );
    }
}

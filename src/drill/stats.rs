//! Progress from the history: accuracy per skill and per case study, the weakest skill, signed
//! bias, 7- and 30-day trends, interval calibration, the streak and the review queue.

use super::history::{Mode, Record};
use super::phrase::plural;
use super::review;
use super::skill::Skill;
use super::slips::SlipKind;
use crate::units::format::Grouped;
use std::fmt::Write;

/// Interval answers needed before calibration is reported.
pub const CALIBRATION_AFTER: usize = 20;
/// Scored answers a skill needs before it can be called the weakest.
pub const WEAKEST_AFTER: usize = 3;
const DAY: i64 = 86_400;

fn median(mut xs: Vec<f64>) -> Option<f64> {
    if xs.is_empty() {
        return None;
    }
    xs.sort_by(f64::total_cmp);
    let n = xs.len();
    Some(if n % 2 == 1 {
        xs[n / 2]
    } else {
        (xs[n / 2 - 1] + xs[n / 2]) / 2.0
    })
}

/// Accuracy of a group of answers.
#[derive(Clone, Debug, PartialEq)]
pub struct Accuracy {
    pub answers: usize,
    /// Median |log10 error|.
    pub median_error: f64,
    /// Median signed log10 error: positive runs high.
    pub bias: f64,
    pub mean_points: f64,
}

fn accuracy<'a>(records: impl Iterator<Item = &'a Record>) -> Option<Accuracy> {
    let scored: Vec<&Record> = records.filter(|r| r.e.is_some()).collect();
    let es: Vec<f64> = scored.iter().filter_map(|r| r.e).collect();
    Some(Accuracy {
        answers: scored.len(),
        median_error: median(es.iter().map(|e| e.abs()).collect())?,
        bias: median(es)?,
        mean_points: scored.iter().filter_map(|r| r.points).sum::<f64>() / scored.len() as f64,
    })
}

/// "2.0× high" / "1.5× low" / "unbiased".
/// The factor 10^dex written as the drills write every miss: "1.5×", "159×", "12,900×".
fn times(dex: f64) -> String {
    format!("{}×", crate::units::format::Sig(10f64.powf(dex)))
}

fn bias_words(e: f64) -> String {
    if e.abs() < 0.15 {
        "no clear bias".into()
    } else {
        format!(
            "you run {} {}",
            times(e.abs()),
            if e > 0.0 { "high" } else { "low" }
        )
    }
}

/// Days in a row, ending today or yesterday, with at least one answer.
pub fn streak(records: &[Record], now: i64) -> u32 {
    let mut days: Vec<i64> = records.iter().map(|r| r.ts.div_euclid(DAY)).collect();
    days.sort_unstable();
    days.dedup();
    let today = now.div_euclid(DAY);
    let mut expect = if days.last() == Some(&today) {
        today
    } else {
        today - 1
    };
    let mut n = 0;
    for d in days.iter().rev() {
        if *d == expect {
            n += 1;
            expect -= 1;
        } else if *d < expect {
            break;
        }
    }
    n
}

/// The weakest skill with enough answers: the lowest mean points.
pub fn weakest(records: &[Record]) -> Option<(Skill, Accuracy)> {
    Skill::ALL
        .iter()
        .filter_map(|&k| accuracy(records.iter().filter(|r| r.skill == k)).map(|a| (k, a)))
        .filter(|(_, a)| a.answers >= WEAKEST_AFTER)
        .min_by(|a, b| a.1.mean_points.total_cmp(&b.1.mean_points))
}

/// A group's title and its column headers on one line, at the columns of [`group_line`].
fn group_header(title: &str) -> String {
    format!(
        "{title:<26} {:>7}  {:>10}  {:<6}  {:<20} intervals hit",
        "answers", "median off", "trend", "bias"
    )
}

/// Whether the recent half of a group's answers misses less than the earlier half: "better",
/// "worse", "steady", or "—" under 4 answers.
fn trend(es: &[f64]) -> &'static str {
    if es.len() < 4 {
        return "—";
    }
    let half = es.len() / 2;
    let before = median(es[..half].iter().map(|e| e.abs()).collect()).unwrap_or(0.0);
    let recent = median(es[es.len() - half..].iter().map(|e| e.abs()).collect()).unwrap_or(0.0);
    if recent < before - 0.02 {
        "better"
    } else if recent > before + 0.02 {
        "worse"
    } else {
        "steady"
    }
}

/// One group's line: answers, median factor off, trend, bias and interval hits.
fn group_line<'a>(name: &str, records: impl Iterator<Item = &'a Record>) -> Option<String> {
    let mut group: Vec<&Record> = records.collect();
    group.sort_by_key(|r| r.ts);
    let a = accuracy(group.iter().copied())?;
    let es: Vec<f64> = group.iter().filter_map(|r| r.e).collect();
    let intervals = group.iter().filter(|r| r.hit.is_some()).count();
    let hits = group.iter().filter(|r| r.hit == Some(true)).count();
    let calibration = if intervals == 0 {
        "—".to_string()
    } else {
        format!("{hits} of {intervals}")
    };
    Some(format!(
        "  {name:<24} {:>7}  {:>10}  {:<6}  {:<20} {calibration}\n",
        Grouped(a.answers as f64).to_string(),
        times(a.median_error),
        trend(&es),
        bias_words(a.bias),
    ))
}

/// The case walks (or interviews) of `case`: how many, the last and the best, as the walk's own
/// summary counts them: the points of the answers scored over 100 a scored answer.
fn walks(records: &[Record], case: &str, mode: Mode) -> Option<String> {
    let mut totals: Vec<(i64, f64, usize)> = Vec::new();
    for r in records.iter().filter(|r| r.case == case && r.mode == mode) {
        let (Some(w), Some(p)) = (r.walk, r.points) else {
            continue;
        };
        match totals.iter_mut().find(|(t, _, _)| *t == w) {
            Some(t) => {
                t.1 += p;
                t.2 += 1;
            }
            None => totals.push((w, p, 1)),
        }
    }
    totals.sort_by_key(|(t, _, _)| *t);
    let share = |(_, p, n): &(i64, f64, usize)| super::scorecard::share(*p, 100.0 * *n as f64);
    let (_, points, n) = totals.last()?;
    let best = totals.iter().map(share).fold(0.0, f64::max);
    let (one, many) = match mode {
        Mode::Interview => ("interview", "interviews"),
        _ => ("case walk", "case walks"),
    };
    Some(format!(
        "{}: last {points:.0} of {} points ({:.0}%), best {best:.0}%",
        plural(totals.len() as f64, one, many),
        Grouped(100.0 * *n as f64),
        share(totals.last()?)
    ))
}

/// The slips named most often: for each, how many of the last answers of the skill it was last
/// made in ("forgot the peak factor: 4 of your last 9 QPS answers"), the latest [`SLIP_WINDOW`]
/// answers of that skill at most.
fn slips(records: &[Record], out: &mut String) {
    let mut lines: Vec<(usize, String)> = Vec::new();
    for kind in SlipKind::ALL {
        let Some(last) = records
            .iter()
            .filter(|r| r.slip.as_deref() == Some(kind.key()))
            .max_by_key(|r| r.ts)
        else {
            continue;
        };
        let mut of_skill: Vec<&Record> = records
            .iter()
            .filter(|r| r.skill == last.skill && r.e.is_some())
            .collect();
        of_skill.sort_by_key(|r| std::cmp::Reverse(r.ts));
        of_skill.truncate(SLIP_WINDOW);
        let made = of_skill
            .iter()
            .filter(|r| r.slip.as_deref() == Some(kind.key()))
            .count();
        if made == 0 {
            continue;
        }
        let tally = if of_skill.len() == 1 {
            format!("your last {} answer", last.skill.name())
        } else {
            format!(
                "{} of your last {} {} answers",
                Grouped(made as f64),
                Grouped(of_skill.len() as f64),
                last.skill.name()
            )
        };
        lines.push((made, format!("  {}: {tally}", kind.name())));
    }
    if lines.is_empty() {
        return;
    }
    lines.sort_by_key(|(n, _)| std::cmp::Reverse(*n));
    let _ = writeln!(out, "\nSLIPS (named by working your answer out)");
    for (_, line) in lines {
        let _ = writeln!(out, "{line}");
    }
}

/// The answers of a skill the slip tally looks back over.
const SLIP_WINDOW: usize = 20;

/// The Leitner schedule: what is due now and what comes back next.
fn reviews(records: &[Record], now: i64, out: &mut String) {
    let cards = review::cards(records);
    let due = cards.iter().filter(|c| c.due <= now).count();
    let _ = writeln!(
        out,
        "\nREVIEWS ({} due now; a miss by more than 3× comes back the next day, then after 3, 7, 16 and 35 days while answered within 2×)",
        Grouped(due as f64)
    );
    for c in cards.iter().take(8) {
        let _ = writeln!(
            out,
            "  {:<30} {:<24} box {} of 5, {}",
            c.template,
            c.case,
            c.boxed + 1,
            review::when(c.due, now)
        );
    }
    if cards.len() > 8 {
        let _ = writeln!(out, "  … and {} more", Grouped((cards.len() - 8) as f64));
    }
}

/// "900 drill answers, 28 interview steps, 20 guesses on the screen": the answers by mode.
fn modes(records: &[Record]) -> String {
    Mode::ALL
        .iter()
        .filter_map(|&m| {
            let n = records.iter().filter(|r| r.mode == m).count();
            (n > 0).then(|| format!("{} {}", Grouped(n as f64), m.answers()))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The 7- and 30-day windows: the median miss now against the window before.
fn trends(records: &[Record], now: i64, out: &mut String) {
    let _ = writeln!(out, "\nTRENDS (median miss, this window vs the one before)");
    for days in [7, 30] {
        let span = days * DAY;
        let window =
            |from: i64, to: i64| accuracy(records.iter().filter(|r| r.ts > from && r.ts <= to));
        let recent = window(now - span, now);
        let before = window(now - 2 * span, now - span);
        let line = match (recent, before) {
            (Some(r), Some(b)) => {
                let arrow = if r.median_error < b.median_error - 0.02 {
                    "better"
                } else if r.median_error > b.median_error + 0.02 {
                    "worse"
                } else {
                    "steady"
                };
                format!(
                    "{} vs {}: {arrow}",
                    times(r.median_error),
                    times(b.median_error)
                )
            }
            (Some(r), None) => format!(
                "{} over {} (nothing before to compare)",
                times(r.median_error),
                plural(r.answers as f64, "answer", "answers")
            ),
            _ => "no answers".into(),
        };
        let _ = writeln!(out, "  {days:>2} days: {line}");
    }
}

/// How often the 90% intervals held the truth, once there are enough of them.
fn calibration(records: &[Record], out: &mut String) {
    let intervals: Vec<&Record> = records.iter().filter(|r| r.hit.is_some()).collect();
    let _ = writeln!(out, "\nCALIBRATION (90% intervals)");
    if intervals.len() >= CALIBRATION_AFTER {
        let hits = intervals.iter().filter(|r| r.hit == Some(true)).count();
        let rate = hits as f64 / intervals.len() as f64;
        let advice = if rate < 0.8 {
            "too narrow: widen your intervals"
        } else if rate > 0.97 {
            "wider than needed: you can narrow them"
        } else {
            "well calibrated"
        };
        let _ = writeln!(
            out,
            "  {} of {} hit ({:.0}%, aim for 90%): {advice}",
            Grouped(hits as f64),
            Grouped(intervals.len() as f64),
            rate * 100.0
        );
    } else {
        let _ = writeln!(
            out,
            "  {} of {CALIBRATION_AFTER} interval answers needed for a calibration report",
            Grouped(intervals.len() as f64)
        );
    }
}

/// The whole progress report as text.
pub fn report(records: &[Record], now: i64) -> String {
    let mut out = String::new();
    if records.is_empty() {
        return "No drills yet: run `napkin drill` (or `napkin drill --plain`) to start.\n".into();
    }
    let scored = records.iter().filter(|r| r.e.is_some()).count();
    let unit_errors = records.iter().filter(|r| r.unit_error.is_some()).count();
    let _ = writeln!(
        out,
        "{}, {} scored, {} with a unit error ({})",
        plural(records.len() as f64, "answer", "answers"),
        Grouped(scored as f64),
        Grouped(unit_errors as f64),
        modes(records)
    );
    let _ = writeln!(
        out,
        "Streak: {} in a row",
        plural(f64::from(streak(records, now)), "day", "days")
    );

    let _ = writeln!(out, "\n{}", group_header("BY SKILL"));
    for k in Skill::ALL {
        if let Some(line) = group_line(k.name(), records.iter().filter(|r| r.skill == k)) {
            out.push_str(&line);
        }
    }
    match weakest(records) {
        Some((k, a)) => {
            let _ = writeln!(
                out,
                "Weakest skill: {} ({:.0} points on average; {} on it)",
                k.name(),
                a.mean_points,
                bias_words(a.bias)
            );
        }
        None => {
            let _ = writeln!(
                out,
                "Weakest skill: not enough answers yet ({WEAKEST_AFTER} scored per skill)"
            );
        }
    }

    let _ = writeln!(out, "\n{}", group_header("BY CASE STUDY"));
    let mut cases: Vec<&str> = records.iter().map(|r| r.case.as_str()).collect();
    cases.sort_unstable();
    cases.dedup();
    for c in &cases {
        if let Some(line) = group_line(c, records.iter().filter(|r| r.case == *c)) {
            out.push_str(&line);
        }
        for mode in [Mode::Walk, Mode::Interview] {
            if let Some(w) = walks(records, c, mode) {
                let _ = writeln!(out, "    {w}");
            }
        }
    }
    trends(records, now, &mut out);
    calibration(records, &mut out);
    slips(records, &mut out);
    reviews(records, now, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(ts: i64, skill: Skill, e: f64) -> Record {
        Record {
            ts,
            seed: 1,
            case: "c".into(),
            template: "t".into(),
            skill,
            truth: 100.0,
            answer: String::new(),
            value: Some(100.0 * 10f64.powf(e)),
            e: Some(e),
            points: Some(100.0 * (1.0 - e.abs()).max(0.0)),
            interval: None,
            interval_score: None,
            hit: None,
            unit_error: None,
            walk: None,
            mode: Default::default(),
            slip: None,
            method: None,
            follows: None,
        }
    }

    #[test]
    fn streak_counts_days_in_a_row() {
        let now = 10 * DAY + 100;
        let r = [
            rec(10 * DAY + 5, Skill::Qps, 0.0),
            rec(9 * DAY, Skill::Qps, 0.0),
            rec(8 * DAY, Skill::Qps, 0.0),
            rec(6 * DAY, Skill::Qps, 0.0),
        ];
        assert_eq!(streak(&r, now), 3);
        // Nothing today: a streak ending yesterday still counts.
        assert_eq!(streak(&r[1..], now), 2);
        assert_eq!(streak(&r[3..], now), 0);
    }

    #[test]
    fn group_columns_end_under_their_headers() {
        // 1,288 answers 4.11 dex high: each right-aligned value ends where its header ends.
        let records: Vec<Record> = (0..1288).map(|i| rec(i, Skill::Qps, 4.11)).collect();
        let text = report(&records, 2000);
        assert!(text.starts_with("1,288 answers, 1,288 scored"), "{text}");
        let lines: Vec<&str> = text.lines().collect();
        let header = lines
            .iter()
            .position(|l| l.starts_with("BY SKILL"))
            .unwrap();
        let (head, row) = (lines[header], lines[header + 1]);
        // Columns in characters: "×" and "—" are wider in bytes.
        let col = |line: &str, word: &str| line[..line.find(word).unwrap()].chars().count();
        let end = |line: &str, word: &str| col(line, word) + word.chars().count();
        assert_eq!(end(head, "answers"), end(row, "1,288"), "{head}\n{row}");
        // 10^4.11 = 12,882 written to three figures.
        assert_eq!(
            end(head, "median off"),
            end(row, "12,900×"),
            "{head}\n{row}"
        );
        assert_eq!(col(head, "trend"), col(row, "steady"), "{head}\n{row}");
    }

    #[test]
    fn weakest_and_bias() {
        let mut r = Vec::new();
        // storage: e = log10 2 three times → 2× high, 70 points; qps: e = 0 → 100 points.
        for i in 0..3 {
            r.push(rec(i, Skill::Storage, std::f64::consts::LOG10_2));
            r.push(rec(i, Skill::Qps, 0.0));
        }
        let (k, a) = weakest(&r).unwrap();
        assert_eq!(k, Skill::Storage);
        assert!((a.mean_points - 69.897).abs() < 1e-2);
        assert_eq!(bias_words(a.bias), "you run 2× high");
        let text = report(&r, 10);
        assert!(text.contains("Weakest skill: storage"), "{text}");
    }

    #[test]
    fn calibration_after_twenty_intervals_and_trends() {
        let now = 100 * DAY;
        let mut r = Vec::new();
        // 20 interval answers in the last 7 days, 11 hits: 55% → too narrow.
        for i in 0..20 {
            let mut x = rec(now - DAY - i, Skill::Qps, 0.2);
            x.hit = Some(i < 11);
            r.push(x);
        }
        let text = report(&r, now);
        assert!(
            text.contains("11 of 20 hit (55%, aim for 90%): too narrow"),
            "{text}"
        );
        // 19 intervals: not yet.
        assert!(report(&r[1..], now).contains("19 of 20 interval answers needed"));
        // The week before: misses of e = 0.5 (10^0.5 = 3.162 → 3.16×) against 0.2
        // (10^0.2 = 1.585 → 1.58×) now → better.
        for i in 0..5 {
            r.push(rec(now - 8 * DAY - i, Skill::Qps, 0.5));
        }
        let text = report(&r, now);
        assert!(text.contains(" 7 days: 1.58× vs 3.16×: better"), "{text}");
    }

    #[test]
    fn per_case_trend_bias_intervals_and_walks() {
        let mut r = Vec::new();
        // Four answers on case "c": misses of 1.0, 1.0 dex, then 0.1, 0.1 dex (10×, then 1.26×):
        // the recent half misses less → better; signed median (1.0 + 0.1) / 2 = 0.55 → 10^0.55 =
        // 3.548 → 3.55× high.
        for (i, e) in [1.0, 1.0, 0.1, 0.1].into_iter().enumerate() {
            r.push(rec(i as i64, Skill::Qps, e));
        }
        // The last two are a case walk: (90 + 90) of 200 points = 90%.
        r[2].walk = Some(7);
        r[3].walk = Some(7);
        r[2].mode = Mode::Walk;
        r[3].mode = Mode::Walk;
        // One interval on it that holds the truth.
        r[3].hit = Some(true);
        let text = report(&r, 10);
        let line = text
            .lines()
            .find(|l| l.trim_start().starts_with("c "))
            .unwrap();
        assert!(line.contains("better"), "{text}");
        assert!(line.contains("you run 3.55× high"), "{text}");
        assert!(line.contains("1 of 1"), "{text}");
        assert!(
            text.contains("1 case walk: last 180 of 200 points (90%), best 90%"),
            "{text}"
        );
        assert!(text.contains("4 answers"), "{text}");
        assert!(text.contains("(2 drill answers, 2 walk steps)"), "{text}");
    }

    #[test]
    fn slips_are_tallied_over_the_skills_last_answers() {
        // Nine QPS answers, the peak factor forgotten in four of them; one storage answer
        // forgetting replication.
        let mut r: Vec<Record> = (0..9).map(|i| rec(i, Skill::Qps, 0.3)).collect();
        for i in [1, 3, 5, 8] {
            r[i].slip = Some("peak_factor".into());
        }
        let mut storage = rec(20, Skill::Storage, -0.48);
        storage.slip = Some("replication".into());
        r.push(storage);
        let text = report(&r, 30);
        let slips = text.split("SLIPS").nth(1).unwrap();
        let lines: Vec<&str> = slips.lines().skip(1).take(2).collect();
        assert_eq!(
            lines,
            [
                "  forgot the peak factor: 4 of your last 9 QPS answers",
                "  forgot the replication: your last storage answer"
            ],
            "{text}"
        );
        // The storage miss (3.02× low) at ts 20 is due a day later: at ts 30, in 86,390 s, 24 h.
        assert!(text.contains("REVIEWS (0 due now"), "{text}");
        assert!(text.contains("box 1 of 5, in 24 h"), "{text}");
    }
}

//! Reviews on a Leitner schedule: a question missed by more than 3× comes back the next day;
//! each time it is answered within 2× it moves up a box and comes back later (after 3, 7, 16,
//! then 35 days), and past the last box it is retired; a miss puts it back in the first box. A
//! question is its case study and template: a review asks the same kind of question with fresh
//! numbers, so it is learnt, not remembered.

use super::history::{Mode, Record};

/// Days until a question in each box comes back.
pub const DAYS: [i64; 5] = [1, 3, 7, 16, 35];
const DAY: i64 = 86_400;

/// A question on the schedule.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    pub case: String,
    pub template: String,
    /// Its box, from 0: the first box comes back after [`DAYS`]\[0\].
    pub boxed: usize,
    /// When it comes back, in seconds since the Unix epoch.
    pub due: i64,
}

/// How an answer moves a question.
enum Verdict {
    /// Off by more than 3×: the first box.
    Missed,
    /// Within 2× (or an interval that holds the truth): up a box.
    Held,
    /// Between: the same box, from now.
    Between,
}

fn verdict(r: &Record) -> Option<Verdict> {
    let e = r.e?;
    Some(if r.hit == Some(true) || e.abs() <= 2f64.log10() + 1e-9 {
        Verdict::Held
    } else if e.abs() > 3f64.log10() {
        Verdict::Missed
    } else {
        Verdict::Between
    })
}

/// Every question on the schedule after `records` (in the order they were written), soonest
/// due first. Guesses on the screen, which name no template, are not scheduled.
pub fn cards(records: &[Record]) -> Vec<Card> {
    let mut cards: Vec<Card> = Vec::new();
    let mut ordered: Vec<&Record> = records.iter().filter(|r| r.mode != Mode::Guess).collect();
    ordered.sort_by_key(|r| r.ts);
    for r in ordered {
        let Some(v) = verdict(r) else { continue };
        let at = cards
            .iter()
            .position(|c| c.case == r.case && c.template == r.template);
        match (v, at) {
            (Verdict::Missed, Some(i)) => {
                cards[i].boxed = 0;
                cards[i].due = r.ts + DAYS[0] * DAY;
            }
            (Verdict::Missed, None) => cards.push(Card {
                case: r.case.clone(),
                template: r.template.clone(),
                boxed: 0,
                due: r.ts + DAYS[0] * DAY,
            }),
            (Verdict::Held, Some(i)) if cards[i].boxed + 1 >= DAYS.len() => {
                cards.remove(i);
            }
            (Verdict::Held, Some(i)) => {
                cards[i].boxed += 1;
                cards[i].due = r.ts + DAYS[cards[i].boxed] * DAY;
            }
            (Verdict::Between, Some(i)) => cards[i].due = r.ts + DAYS[cards[i].boxed] * DAY,
            _ => {}
        }
    }
    cards.sort_by_key(|c| c.due);
    cards
}

/// The questions due by `now`, most overdue first.
pub fn due(records: &[Record], now: i64) -> Vec<Card> {
    cards(records)
        .into_iter()
        .filter(|c| c.due <= now)
        .collect()
}

/// "now", "in 3 h", "in 2 days": when a card comes back.
pub fn when(due: i64, now: i64) -> String {
    let left = due - now;
    match left {
        l if l <= 0 => "now".into(),
        l if l < DAY => format!("in {} h", (l + 3_599) / 3_600),
        l => {
            let days = (l + DAY - 1) / DAY;
            format!(
                "in {}",
                crate::units::format::plural(days as f64, "day", "days")
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drill::skill::Skill;

    fn rec(ts: i64, template: &str, e: f64) -> Record {
        Record {
            ts,
            seed: 1,
            case: "c".into(),
            template: template.into(),
            skill: Skill::Qps,
            truth: 100.0,
            answer: String::new(),
            value: Some(100.0 * 10f64.powf(e)),
            e: Some(e),
            points: Some(0.0),
            interval: None,
            interval_score: None,
            hit: None,
            unit_error: None,
            walk: None,
            mode: Mode::Drill,
            slip: None,
            method: None,
            follows: None,
        }
    }

    #[test]
    fn a_miss_comes_back_tomorrow_then_later_as_it_is_held() {
        // Missed by 4× (e = 0.6 > log10 3 = 0.477) at t = 0: due a day later.
        let mut r = vec![rec(0, "a", 0.6)];
        assert_eq!(cards(&r)[0].due, DAY);
        assert!(due(&r, DAY - 1).is_empty());
        assert_eq!(due(&r, DAY).len(), 1);
        // Held within 2× on day 1: box 1, back 3 days later (day 4); then day 4: box 2, 7 days.
        r.push(rec(DAY, "a", 0.1));
        assert_eq!((cards(&r)[0].boxed, cards(&r)[0].due), (1, 4 * DAY));
        r.push(rec(4 * DAY, "a", -0.2));
        assert_eq!((cards(&r)[0].boxed, cards(&r)[0].due), (2, 11 * DAY));
        // Missed again: box 0, the next day.
        r.push(rec(11 * DAY, "a", -0.9));
        assert_eq!((cards(&r)[0].boxed, cards(&r)[0].due), (0, 12 * DAY));
        // 2.5× off (e = 0.398): neither missed nor held, the same box from now.
        r.push(rec(12 * DAY, "a", 0.398));
        assert_eq!((cards(&r)[0].boxed, cards(&r)[0].due), (0, 13 * DAY));
        // Five times held in a row retires it.
        for i in 0..5 {
            r.push(rec((20 + i) * DAY, "a", 0.0));
        }
        assert!(cards(&r).is_empty());
        // A question never missed is not on the schedule.
        assert!(cards(&[rec(0, "b", 0.1)]).is_empty());
    }

    #[test]
    fn when_a_card_comes_back_reads_as_words() {
        assert_eq!(when(0, 10), "now");
        assert_eq!(when(3_600 * 2 + 1, 0), "in 3 h");
        assert_eq!(when(DAY, 0), "in 1 day");
        assert_eq!(when(2 * DAY + 1, 0), "in 3 days");
    }
}

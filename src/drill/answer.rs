//! Reading an answer as a candidate writes it ("1.2 TB", "40k", "3e4/s", "~200 servers",
//! "50k..200k") and noticing unit slips (bits for bytes, GiB for GB, per day for per second),
//! which are reported apart from the score.

use crate::units::{self, Kind};

/// What the candidate answered, in the question's base unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Answer {
    Single(f64),
    /// A 90% interval.
    Interval(f64, f64),
}

/// An answer read against the question's kind.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    /// None when the answer is of another dimension altogether (a size for a rate).
    pub answer: Option<Answer>,
    /// A unit slip, said plainly.
    pub unit_error: Option<String>,
}

/// Words that may follow a number and carry no unit ("~200 servers").
const NOUNS: [&str; 14] = [
    "servers",
    "server",
    "shards",
    "shard",
    "nodes",
    "node",
    "replicas",
    "replica",
    "machines",
    "gpus",
    "GPUs",
    "items",
    "candidates",
    "users",
];

fn clean(text: &str) -> &str {
    let mut t = text.trim();
    for prefix in ["~", "≈", "about ", "approx. ", "approx ", "around "] {
        t = t.strip_prefix(prefix).unwrap_or(t).trim_start();
    }
    for noun in NOUNS {
        if let Some(rest) = t.strip_suffix(noun) {
            t = rest.trim_end();
            break;
        }
    }
    t
}

/// The unit text after the number ("TB", "k/s", "").
fn unit_of(text: &str) -> &str {
    let end = text
        .char_indices()
        .find(|(_, c)| {
            !(c.is_ascii_digit() || matches!(c, '.' | '_' | ',' | 'e' | 'E' | '+' | '-'))
        })
        .map_or(text.len(), |(i, _)| i);
    // "1e9" is a number, "5 EB" is not: an 'e' followed by a letter belongs to the unit.
    text[end..].trim()
}

/// Reads one value; a unit of another kind is a dimension error, not a parse error.
fn one(text: &str, kind: Kind) -> Result<Result<f64, String>, String> {
    match units::parse(text, kind) {
        Ok(v) if v > 0.0 => Ok(Ok(v)),
        Ok(_) => Err("an estimate must be more than 0".into()),
        Err(e) => {
            let others = [
                Kind::Size,
                Kind::Duration,
                Kind::Rate,
                Kind::DataRate,
                Kind::Count,
            ];
            match others
                .iter()
                .find(|&&k| k != kind && units::parse(text, k).is_ok())
            {
                Some(found) if kind != Kind::Integer || *found != Kind::Count => Ok(Err(format!(
                    "wrong dimension: \"{text}\" is a {}, but the question asks for a {}",
                    found.name(),
                    kind.name()
                ))),
                _ => Err(format!("{}; {}", e.problem, e.hint)),
            }
        }
    }
}

/// Reads `text` as an answer to a question whose answer is of `kind`.
///
/// An unreadable answer is an `Err` with what to write instead; an answer of another dimension
/// is a [`Reading`] with no answer and the unit error.
pub fn read(text: &str, kind: Kind) -> Result<Reading, String> {
    let text = clean(text);
    if text.is_empty() {
        return Err("write a number, such as 40k, \"1.2 TB\" or 50k..200k".into());
    }
    if let Some((lo, hi)) = text.split_once("..") {
        let (lo, hi) = (clean(lo), clean(hi));
        // "1..4 TB": the unit written once, after the upper bound.
        let lo_text = if unit_of(lo).is_empty() {
            format!("{lo} {}", unit_of(hi))
        } else {
            lo.to_string()
        };
        let (lo_v, hi_v) = match (one(&lo_text, kind)?, one(hi, kind)?) {
            (Ok(a), Ok(b)) => (a, b),
            (Err(e), _) | (_, Err(e)) => {
                return Ok(Reading {
                    answer: None,
                    unit_error: Some(e),
                });
            }
        };
        if lo_v >= hi_v {
            return Err(format!(
                "the interval {lo}..{hi} is empty: write the low end first, such as 50k..200k"
            ));
        }
        return Ok(Reading {
            answer: Some(Answer::Interval(lo_v, hi_v)),
            unit_error: None,
        });
    }
    Ok(match one(text, kind)? {
        Ok(v) => Reading {
            answer: Some(Answer::Single(v)),
            unit_error: None,
        },
        Err(e) => Reading {
            answer: None,
            unit_error: Some(e),
        },
    })
}

/// When the answer as written is more than 2× off but a common unit slip explains it to within
/// 5%, the slip and the value it meant. `written` is the answer's text.
pub fn slip(written: &str, value: f64, truth: f64) -> Option<(String, f64)> {
    let unit = unit_of(clean(written.split("..").last().unwrap_or(written)));
    if (value / truth).log10().abs() <= 0.3 {
        return None;
    }
    let has_bits = unit.contains("bit")
        || unit
            .chars()
            .rev()
            .find(|c| c.is_ascii_alphabetic())
            .is_some_and(|c| c == 'b')
        || unit.contains("bps");
    let binary = unit.contains("iB");
    let per_day = unit.contains("/d");
    let bytes_unit = unit.contains('B');
    let mut candidates: Vec<(f64, String)> = Vec::new();
    if has_bits {
        candidates.push((
            8.0,
            format!("bits for bytes: {unit} counts bits; a byte (B) is 8 bits"),
        ));
    }
    if bytes_unit && !has_bits && value < truth {
        candidates.push((
            0.125,
            format!("bytes for bits? {unit} counts bytes, 8 bits each"),
        ));
    }
    if binary {
        for k in 1..=6 {
            candidates.push((
                1000f64.powi(k) / 1024f64.powi(k),
                format!("{unit} is binary (2^10 steps); the decimal unit drops the i"),
            ));
        }
    } else if bytes_unit {
        for k in 1..=6 {
            candidates.push((
                1024f64.powi(k) / 1000f64.powi(k),
                format!("{unit} is decimal (10^3 steps); the binary unit has an i"),
            ));
        }
    }
    if per_day {
        candidates.push((
            86_400.0,
            "per day for per second: divide a daily count by 86,400 s".into(),
        ));
    } else if unit.contains("/s") {
        candidates.push((
            1.0 / 86_400.0,
            "per second for per day: a rate per second is a daily count ÷ 86,400".into(),
        ));
    }
    candidates
        .into_iter()
        .map(|(factor, why)| (value * factor, why))
        .filter(|(v, _)| (v / truth).log10().abs() <= 0.02)
        .map(|(v, why)| (why, v))
        .next()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn single(text: &str, kind: Kind) -> f64 {
        match read(text, kind).unwrap().answer {
            Some(Answer::Single(v)) => v,
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn answers_as_candidates_write_them() {
        assert_eq!(single("1.2 TB", Kind::Size), 1.2e12);
        assert_eq!(single("40k", Kind::Rate), 4e4);
        assert_eq!(single("3e4/s", Kind::Rate), 3e4);
        assert_eq!(single("~200 servers", Kind::Count), 200.0);
        assert_eq!(single("≈ 1.5B", Kind::Count), 1.5e9);
        assert_eq!(single("63%", Kind::Fraction), 0.63);
        assert_eq!(single("120 ms", Kind::Duration), 0.12);
        assert_eq!(
            read("50k..200k", Kind::Rate).unwrap().answer,
            Some(Answer::Interval(5e4, 2e5))
        );
        assert_eq!(
            read("1..4 TB", Kind::Size).unwrap().answer,
            Some(Answer::Interval(1e12, 4e12))
        );
    }

    #[test]
    fn wrong_dimension_is_a_unit_error() {
        let r = read("5 TB", Kind::Rate).unwrap();
        assert_eq!(r.answer, None);
        assert!(
            r.unit_error
                .unwrap()
                .contains("is a size, but the question asks for a rate")
        );
        let r = read("40 ms", Kind::Size).unwrap();
        assert!(r.unit_error.unwrap().contains("duration"));
    }

    #[test]
    fn unreadable_answers_say_what_to_write() {
        assert!(read("", Kind::Count).is_err());
        assert!(read("lots", Kind::Count).is_err());
        assert!(
            read("200k..50k", Kind::Rate)
                .unwrap_err()
                .contains("low end first")
        );
        assert!(read("0", Kind::Count).is_err());
    }

    #[test]
    fn unit_slips_are_named() {
        // Truth 1 TB; "1 Tb" reads as 125 GB (8× low); as bytes it is right.
        let (why, meant) = slip("1 Tb", 1.25e11, 1e12).unwrap();
        assert!(why.contains("bits for bytes"), "{why}");
        assert_eq!(meant, 1e12);
        // Truth 5M/s; "5M/day" reads as 57.9/s; per second it is right.
        let (why, _) = slip("5M/day", 5e6 / 86_400.0, 5e6).unwrap();
        assert!(why.contains("per day for per second"), "{why}");
        // Truth 1.1e12 B (1 TiB ≈ 1.0995e12); "1 TB" is 10% low and within 2×: no slip.
        assert!(slip("1 TB", 1e12, 1.0995e12).is_none());
        // Right answers have no slip; a plain wrong number is just wrong.
        assert!(slip("40k", 4e4, 4e4).is_none());
        assert!(slip("400", 400.0, 4e4).is_none());
    }
}

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
    /// An answer in another time unit of the same dimension, read in the question's: "347 MB/s
    /// read as 30 TB/day (× 86,400 s a day)".
    pub converted: Option<String>,
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

/// The unit text after the number ("TB", "k/s", ""), as [`units::unit`] reads it.
fn unit_of(text: &str) -> &str {
    units::unit(text).text
}

/// A value read, and how it was converted from another time unit, if it was.
type Value = (f64, Option<String>);

/// A rate answered per day, or an amount a day answered per second: the same dimension in
/// another time unit, read in the question's, with the conversion said. None for anything else.
fn per_another_time(text: &str, kind: Kind) -> Option<Value> {
    let unit = units::unit(text);
    let (from, factor, how) = match (kind, unit.per) {
        (Kind::SizePerDay, Some(1.0)) => (Kind::DataRate, 86_400.0, "× 86,400 s a day"),
        (Kind::DataRate, Some(86_400.0)) => (Kind::SizePerDay, 1.0 / 86_400.0, "÷ 86,400 s a day"),
        (Kind::Rate, Some(86_400.0)) => (Kind::Count, 1.0 / 86_400.0, "÷ 86,400 s a day"),
        _ => return None,
    };
    // Read as written (a data rate, a daily amount), then converted.
    let written = match (kind, from) {
        (Kind::Rate, _) => units::parse(text, Kind::Rate).ok()? * 86_400.0,
        _ => units::parse(text, from).ok()?,
    };
    let value = written * factor;
    Some((
        value,
        Some(format!(
            "{} read as {} ({how})",
            text.trim(),
            units::Human::new(value, kind)
        )),
    ))
}

/// Reads one value; a unit of another kind is a dimension error, not a parse error.
fn one(text: &str, kind: Kind) -> Result<Result<Value, String>, String> {
    // 0 is 0 in any unit.
    if units::parse(text, Kind::Count).is_ok_and(|v| v == 0.0) {
        return Ok(Ok((0.0, None)));
    }
    if let Some(v) = per_another_time(text, kind) {
        return Ok(Ok(v));
    }
    // A size where an amount a day is asked: per what? (without saying which).
    if kind == Kind::SizePerDay
        && units::unit(text).per.is_none()
        && units::parse(text, Kind::Size).is_ok()
    {
        return Err(format!(
            "\"{text}\" is a size: per what? Write it per day, such as \"30 TB/day\", or per second, such as \"350 MB/s\""
        ));
    }
    // A size, a duration or a data rate needs its unit: "5" alone is a slip to retry, not bytes.
    // "1k" is a count: its k is a magnitude, not a unit ("5 B" is bytes, though it reads as a
    // count of 5 billion too).
    let bare = unit_of(text).is_empty()
        || (units::parse(text, kind).is_err() && units::parse(text, Kind::Count).is_ok());
    if bare
        && matches!(
            kind,
            Kind::Size | Kind::SizePerDay | Kind::Duration | Kind::DataRate
        )
    {
        return Err(format!("\"{text}\" has no unit; write {}", kind.describe()));
    }
    let unit = unit_of(text);
    if kind == Kind::Fraction
        && unit.is_empty()
        && let Ok(v) = units::parse(text, Kind::Count)
        && v > 1.0
    {
        return Err(format!(
            "\"{text}\" is more than 1: write a fraction such as 0.7, or a percentage such as \"70%\""
        ));
    }
    // A percentage is a share, not a number of things.
    if unit == "%" && kind != Kind::Fraction {
        return Ok(Err(format!(
            "wrong dimension: \"{text}\" is a percentage, but the question asks for a {}",
            kind.name()
        )));
    }
    match units::parse(text, kind) {
        Ok(v) if v >= 0.0 => Ok(Ok((v, None))),
        Ok(_) => Err("an estimate cannot be negative".into()),
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
        if lo.is_empty() || hi.is_empty() || hi.starts_with('.') {
            return Err(
                "write an interval as two numbers with two dots between, such as 50k..200k".into(),
            );
        }
        // "1..4 TB": the unit written once, after the upper bound.
        let lo_text = if unit_of(lo).is_empty() && !unit_of(hi).is_empty() {
            format!("{lo} {}", unit_of(hi))
        } else {
            lo.to_string()
        };
        // Name the whole interval where neither end says what it is in.
        let whole = |e: String| e.replacen(&format!("\"{lo_text}\""), &format!("\"{text}\""), 1);
        let (lo_v, hi_v, converted) = match (one(&lo_text, kind).map_err(whole)?, one(hi, kind)?) {
            (Ok((a, _)), Ok((b, c))) => (a, b, c),
            (Err(e), _) | (_, Err(e)) => {
                return Ok(Reading {
                    answer: None,
                    unit_error: Some(e),
                    converted: None,
                });
            }
        };
        if lo_v == hi_v {
            return Err(format!(
                "the interval {lo}..{hi} has equal ends: give the range you are 90% sure of, or one number"
            ));
        }
        if lo_v > hi_v {
            return Err(format!(
                "the interval {lo}..{hi} is empty: write the low end first, such as 50k..200k"
            ));
        }
        if lo_v <= 0.0 {
            return Err(format!(
                "the interval {lo}..{hi} starts at 0: give the low end you are 90% sure of, above 0"
            ));
        }
        return Ok(Reading {
            answer: Some(Answer::Interval(lo_v, hi_v)),
            unit_error: None,
            converted,
        });
    }
    Ok(match one(text, kind)? {
        Ok((v, converted)) => Reading {
            answer: Some(Answer::Single(v)),
            unit_error: None,
            converted,
        },
        Err(e) => Reading {
            answer: None,
            unit_error: Some(e),
            converted: None,
        },
    })
}

/// When the answer as written is off but a common unit slip explains it, the slip and the value
/// it meant. `written` is the answer's text. Bits for bytes (×8) and per day for per second
/// (×86,400) are looked for when the answer is more than 2× off and the slip brings it within
/// 5%; decimal for binary prefixes (GB for GiB) when the number is right to 0.5% in the other
/// convention and not in its own.
pub fn slip(written: &str, value: f64, truth: f64) -> Option<(String, f64)> {
    let unit = units::unit(clean(written.split("..").last().unwrap_or(written)));
    let off = |v: f64| (v / truth).log10().abs();
    if off(value) > 0.3 {
        if unit.bits && off(value * 8.0) <= 0.02 {
            return Some((
                format!(
                    "bits for bytes: {} counts bits; a byte (B) is 8 bits",
                    unit.text
                ),
                value * 8.0,
            ));
        }
        if unit.per == Some(86_400.0) && off(value * 86_400.0) <= 0.02 {
            return Some((
                "per day for per second: a rate per second is a daily count ÷ 86,400 s".into(),
                value * 86_400.0,
            ));
        }
        if unit.per == Some(1.0) && off(value / 86_400.0) <= 0.02 {
            return Some((
                "per second for per day: a daily count is the rate per second × 86,400 s".into(),
                value / 86_400.0,
            ));
        }
    }
    let (power, binary) = unit.prefix?;
    if unit.bits || off(value) <= 0.002 {
        return None;
    }
    let size = unit.text.split('/').next().unwrap_or(unit.text);
    let (alt, why) = if binary {
        (
            value * 1000f64.powi(power) / 1024f64.powi(power),
            format!(
                "{size} is binary (2^{}); the number fits the decimal unit (10^{})",
                10 * power,
                3 * power
            ),
        )
    } else {
        (
            value * 1024f64.powi(power) / 1000f64.powi(power),
            format!(
                "{size} is decimal (10^{}); the number fits the binary unit (2^{}), with an i",
                3 * power,
                10 * power
            ),
        )
    };
    (off(alt) <= 0.002).then_some((why, alt))
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
    fn flops_and_device_hours_read_in_either_form() {
        // 8.4 EFLOP = 8.4 × 10^18 FLOP; a bare count of FLOPs is FLOPs too.
        assert_eq!(single("8.4 EFLOP", Kind::Flop), 8.4e18);
        assert_eq!(single("8.4e18 FLOP", Kind::Flop), 8.4e18);
        assert_eq!(single("8.4e18", Kind::Flop), 8.4e18);
        // 13,400 device-hours = 13,400 × 3,600 s of one device.
        assert_eq!(
            single("13,400 device-hours", Kind::DeviceTime),
            13_400.0 * 3_600.0
        );
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
    fn exponents_and_exabytes() {
        assert_eq!(unit_of("1e9"), "");
        assert_eq!(unit_of("8EB"), "EB");
        assert_eq!(unit_of("2.5e-3 s"), "s");
        assert_eq!(
            read("2..8EB", Kind::Size).unwrap().answer,
            Some(Answer::Interval(2e18, 8e18))
        );
    }

    #[test]
    fn another_time_unit_is_read_in_the_questions_and_said() {
        // 347 MB/s × 86,400 s = 29.98 TB a day.
        let r = read("347 MB/s", Kind::SizePerDay).unwrap();
        assert_eq!(r.answer, Some(Answer::Single(347e6 * 86_400.0)));
        assert_eq!(
            r.converted.as_deref(),
            Some("347 MB/s read as 30 TB/day (× 86,400 s a day)")
        );
        // 2.5 TB a day ÷ 86,400 s = 28.9 MB/s; 5B a day ÷ 86,400 = 57.9k/s.
        let r = read("2.5 TB/day", Kind::DataRate).unwrap();
        assert!((single("2.5 TB/day", Kind::DataRate) - 2.5e12 / 86_400.0).abs() < 1e-6);
        assert!(
            r.converted
                .unwrap()
                .ends_with("read as 28.9 MB/s (÷ 86,400 s a day)")
        );
        let r = read("5B/day", Kind::Rate).unwrap();
        assert!((single("5B/day", Kind::Rate) - 5e9 / 86_400.0).abs() < 1e-6);
        assert!(r.converted.is_some());
        // Written in the question's own unit: nothing to say.
        assert_eq!(read("30 TB/day", Kind::SizePerDay).unwrap().converted, None);
        // A bare size on a per-day question: per what? (asked again, nothing revealed).
        let e = read("30 TB", Kind::SizePerDay).unwrap_err();
        assert!(e.contains("per what?"), "{e}");
    }

    #[test]
    fn zero_money_and_flops_are_answers() {
        assert_eq!(single("0", Kind::Size), 0.0);
        assert_eq!(single("0 B", Kind::Size), 0.0);
        assert_eq!(single("$100", Kind::Money), 100.0);
        assert_eq!(single("8 EFLOP", Kind::Flop), 8e18);
        assert_eq!(single("1.2e19", Kind::Flop), 1.2e19);
        assert!(read("-1", Kind::Count).unwrap_err().contains("negative"));
    }

    #[test]
    fn sizes_durations_and_data_rates_need_a_unit() {
        assert!(read("5", Kind::Size).unwrap_err().contains("has no unit"));
        assert!(read("1k", Kind::Size).unwrap_err().contains("has no unit"));
        assert!(
            read("1..1e20", Kind::Size)
                .unwrap_err()
                .starts_with("\"1..1e20\" has no unit"),
        );
        assert_eq!(single("5 B", Kind::Size), 5.0);
        assert!(
            read("5", Kind::DataRate)
                .unwrap_err()
                .contains("has no unit")
        );
        assert_eq!(single("5", Kind::Count), 5.0);
        assert!(
            read("5..", Kind::Count)
                .unwrap_err()
                .contains("two numbers")
        );
        assert!(
            read("1...5", Kind::Count)
                .unwrap_err()
                .contains("two numbers")
        );
        assert!(
            read("3..3", Kind::Count)
                .unwrap_err()
                .contains("equal ends")
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
    fn a_plain_number_over_one_for_a_fraction_is_more_than_one() {
        let e = read("5", Kind::Fraction).unwrap_err();
        assert!(e.contains("more than 1") && !e.contains("is a size"), "{e}");
        assert_eq!(single("0.5", Kind::Fraction), 0.5);
        assert_eq!(single("1", Kind::Fraction), 1.0);
    }

    #[test]
    fn a_percentage_for_a_count_is_a_unit_error() {
        let r = read("30%", Kind::Count).unwrap();
        assert_eq!(r.answer, None);
        assert!(r.unit_error.unwrap().contains("percentage"));
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
        assert!(read("-5", Kind::Count).is_err());
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
        // Truth 256 GiB = 274,877,906,944 B; "256 GB" is the right number in the wrong convention.
        let (why, meant) = slip("256 GB", 256e9, 274_877_906_944.0).unwrap();
        assert!(why.contains("binary unit"), "{why}");
        assert!((meant - 274_877_906_944.0).abs() < 1.0);
        // Truth 1 TB; "1 TiB" (1.0995e12) is the decimal number with a binary unit.
        assert!(
            slip("1 TiB", 1.0995e12, 1e12)
                .unwrap()
                .0
                .contains("decimal unit")
        );
        // "1.1 TB" for 1 TiB is simply close: 0.0004 dex off, no slip.
        assert!(slip("1.1 TB", 1.1e12, 1.0995e12).is_none());
        // "Gb/s" counts bits too: 8 Gb/s = 1e9 B/s read as bits; truth 8 GB/s.
        assert!(
            slip("8 Gb/s", 1e9, 8e9)
                .unwrap()
                .0
                .contains("bits for bytes")
        );
        // Right answers have no slip; a plain wrong number is just wrong.
        assert!(slip("40k", 4e4, 4e4).is_none());
        assert!(slip("400", 400.0, 4e4).is_none());
    }
}

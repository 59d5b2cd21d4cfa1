//! Reading a value as people write it, by the field's [`Kind`].
//!
//! The kind decides the reading: `"2B"` is two billion in a count field and two bytes in a size
//! field. Every number comes back in the kind's base unit (byte, second, 1/s, byte/s).

use super::Kind;
use std::fmt;

/// Why a text is not a value of the kind asked for, and what to write instead.
#[derive(Clone, Debug, PartialEq)]
pub struct ParseError {
    /// What was wrong with the text.
    pub problem: String,
    /// What to write instead.
    pub hint: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}; {}", self.problem, self.hint)
    }
}

impl std::error::Error for ParseError {}

fn err(problem: impl Into<String>, hint: impl Into<String>) -> ParseError {
    ParseError {
        problem: problem.into(),
        hint: hint.into(),
    }
}

/// Reads `text` as a value of `kind`, in the kind's base unit.
///
/// Rejects negative, NaN and infinite results, and units of another kind (naming the kind the text
/// looks like). Zero is accepted here; fields that cannot be zero check that themselves.
pub fn parse(text: &str, kind: Kind) -> Result<f64, ParseError> {
    let trimmed = text.trim();
    match parse_as(trimmed, kind) {
        Ok(v) => finite(v, trimmed, kind),
        Err(e) => Err(wrong_kind(trimmed, kind).unwrap_or(e)),
    }
}

/// Reads a bare TOML number for a field of `kind`: counts, factors and sizes (bytes) take one
/// as is; durations and data rates need a unit.
pub fn from_number(value: f64, kind: Kind) -> Result<f64, ParseError> {
    if value.is_infinite() {
        // A TOML number past f64's range (1e309) reads as infinity: said as a number too large,
        // before any reading by the field's kind ("inf is more than 1").
        return Err(err(
            "the number is too large to compute with (it is past 1e308)",
            "write a value below 1e300",
        ));
    }
    let v = match kind {
        Kind::Duration | Kind::DeviceTime => {
            return Err(err(
                format!("a bare number ({value}) has no unit of time"),
                format!("write it with a unit: {}", kind.describe()),
            ));
        }
        Kind::DataRate => {
            return Err(err(
                format!("a bare number ({value}) has no unit of data rate"),
                "write it with a unit, such as \"10 Gbps\" or \"1 GB/s\"",
            ));
        }
        Kind::Fraction if value > 1.0 => {
            // 1e300, not three hundred digits.
            let value = if value >= 1e15 {
                format!("{value:e}")
            } else {
                value.to_string()
            };
            return Err(err(
                format!("{value} is more than 1"),
                format!("write a fraction such as 0.7, or \"{value}%\" for a percentage"),
            ));
        }
        _ => value,
    };
    finite(v, &value.to_string(), kind)
}

fn finite(v: f64, text: &str, kind: Kind) -> Result<f64, ParseError> {
    if v.is_nan() {
        return Err(err(
            format!("\"{text}\" is not a number"),
            format!("write {}", kind.describe()),
        ));
    }
    if v.is_infinite() {
        return Err(err(
            format!("\"{text}\" is too large to compute with"),
            "write a value below 1e300",
        ));
    }
    if v < 0.0 {
        return Err(err(
            format!("\"{text}\" is negative"),
            format!(
                "write {} (no quantity here can be negative)",
                kind.describe()
            ),
        ));
    }
    if kind == Kind::Integer && (v < 1.0 || v.fract() != 0.0) {
        return Err(err(
            format!("\"{text}\" is not a whole number of at least 1"),
            "write one such as 32",
        ));
    }
    if kind == Kind::Fraction && v > 1.0 {
        return Err(err(
            format!("\"{text}\" is more than 1"),
            "write a fraction such as 0.7 or \"70%\"",
        ));
    }
    Ok(v)
}

/// When `text` fails as `kind` but reads as another kind, says so: the clearest message for a
/// size given where a duration belongs.
fn wrong_kind(text: &str, kind: Kind) -> Option<ParseError> {
    // A bare magnitude ("2k") reads as a count before a rate (where it would be per second).
    let others = [
        Kind::Size,
        Kind::Duration,
        Kind::DataRate,
        Kind::Count,
        Kind::Rate,
    ];
    let (_, rest) = split_number(text).ok()?;
    if rest.is_empty() {
        return None;
    }
    let found = others
        .into_iter()
        .find(|&k| k != kind && parse_as(text, k).is_ok())?;
    Some(err(
        format!(
            "\"{text}\" is a {}, but this field takes a {}",
            found.name(),
            kind.name()
        ),
        format!("write {}", kind.describe()),
    ))
}

fn parse_as(text: &str, kind: Kind) -> Result<f64, ParseError> {
    if kind == Kind::Money {
        return money(text);
    }
    let (number, rest) = split_number(text)?;
    let scale = match kind {
        Kind::Count | Kind::Integer => count_suffix(rest)?,
        Kind::Factor => factor_suffix(rest)?,
        Kind::Number => magnitude(rest).ok_or_else(|| unknown(rest, kind))?,
        Kind::Flop => flop_unit(rest).ok_or_else(|| unknown(rest, kind))?,
        Kind::DeviceTime => device_time_unit(rest).ok_or_else(|| unknown(rest, kind))?,
        Kind::Fraction => match rest {
            "" => 1.0,
            "%" => 0.01,
            _ => return Err(unknown(rest, kind)),
        },
        Kind::Size => size_unit(rest).ok_or_else(|| size_error(rest))?,
        Kind::SizePerDay => {
            // "750 TB/day", or "750 TB" (a day being understood).
            let size = match rest.rsplit_once('/') {
                Some((size, per)) if matches!(per.trim(), "day" | "d") => size.trim_end(),
                _ => rest,
            };
            size_unit(size).ok_or_else(|| size_error(size))?
        }
        Kind::Duration => {
            if rest.is_empty() {
                return Err(err(
                    format!("\"{text}\" has no unit of time"),
                    format!("write {}", kind.describe()),
                ));
            }
            duration_unit(rest).ok_or_else(|| unknown(rest, kind))?
        }
        Kind::Money => return money(text),
        Kind::Rate => {
            let (per_unit, seconds) = rate_suffix(rest).ok_or_else(|| unknown(rest, kind))?;
            return Ok(number * per_unit / seconds);
        }
        Kind::DataRate => data_rate_unit(rest).ok_or_else(|| {
            if rest.is_empty() {
                err(
                    format!("\"{text}\" has no unit"),
                    format!("write {}", kind.describe()),
                )
            } else {
                unknown(rest, kind)
            }
        })?,
    };
    Ok(exact(number, scale))
}

/// Dollars: "$2.50", "$1.2k", "$3M", "2.50 USD" or a bare number of dollars.
fn money(text: &str) -> Result<f64, ParseError> {
    let dollar = text.strip_prefix('$').map(str::trim_start);
    let (number, rest) = split_number(dollar.unwrap_or(text))?;
    let rest = rest.strip_suffix("USD").map_or(rest, str::trim_end);
    let scale = magnitude(rest).ok_or_else(|| {
        err(
            format!("\"{rest}\" is not a magnitude of money"),
            format!("write {}", Kind::Money.describe()),
        )
    })?;
    Ok(exact(number, scale))
}

/// `number × scale`, dividing by 1/scale when scale is the reciprocal of a whole number, so that
/// "70%" is 0.7 and "100 ns" is 1e-7 exactly as written.
fn exact(number: f64, scale: f64) -> f64 {
    let inverse = 1.0 / scale;
    if scale < 1.0 && (inverse - inverse.round()).abs() < 1e-6 * inverse {
        number / inverse.round()
    } else {
        number * scale
    }
}

fn unknown(unit: &str, kind: Kind) -> ParseError {
    err(
        format!("\"{unit}\" is not a unit for a {}", kind.name()),
        format!("write {}", kind.describe()),
    )
}

/// Splits "1_000.5e3 KiB" into (1000500, "KiB"). Accepts `_` anywhere between digits and `,`
/// before groups of three digits.
fn split_number(text: &str) -> Result<(f64, &str), ParseError> {
    let bytes = text.as_bytes();
    let mut i = 0;
    if bytes.first() == Some(&b'-') || bytes.first() == Some(&b'+') {
        i = 1;
    }
    let mut seen_digit = false;
    let mut seen_dot = false;
    while i < bytes.len() {
        let c = bytes[i];
        match c {
            b'0'..=b'9' => seen_digit = true,
            b'_' if seen_digit => {}
            b',' if seen_digit && !seen_dot => {
                let group = &bytes[i + 1..];
                let three = group.len() >= 3
                    && group[..3].iter().all(u8::is_ascii_digit)
                    && group.get(3).is_none_or(|c| !c.is_ascii_digit());
                if !three {
                    return Err(err(
                        format!("\"{text}\" has a comma that does not separate thousands"),
                        "write the number with a decimal point (1.5) or with groups of three digits (1,000,000)",
                    ));
                }
            }
            b'.' if !seen_dot => seen_dot = true,
            b'e' | b'E' if seen_digit => {
                // An exponent only when digits follow ("1e9"); otherwise "e" starts a unit ("5 EB").
                let after = &bytes[i + 1..];
                let sign = matches!(after.first(), Some(b'-' | b'+')) as usize;
                let exp_len = after[sign..]
                    .iter()
                    .take_while(|c| c.is_ascii_digit())
                    .count();
                if exp_len == 0 {
                    break;
                }
                i += 1 + sign + exp_len;
                break;
            }
            _ => break,
        }
        i += 1;
    }
    if !seen_digit {
        return Err(err(
            format!("\"{text}\" does not start with a number"),
            "write a number first, such as 500M or \"2 KiB\"",
        ));
    }
    // The number as written, without its separators.
    let number = &text[..i];
    let value = if number.contains(['_', ',']) {
        number.replace(['_', ','], "").parse::<f64>()
    } else {
        number.parse::<f64>()
    };
    let value = value.map_err(|_| {
        err(
            format!("\"{text}\" is not a number"),
            "write a number such as 1.5, 2e9 or 1_000_000",
        )
    })?;
    Ok((value, text[i..].trim()))
}

/// Magnitude of a count suffix: k/K thousand, M million, B/bn/G billion, T trillion.
fn magnitude(suffix: &str) -> Option<f64> {
    Some(match suffix {
        "" => 1.0,
        "k" | "K" | "thousand" => 1e3,
        "M" | "million" | "mn" => 1e6,
        "B" | "bn" | "G" | "billion" => 1e9,
        "T" | "trillion" => 1e12,
        _ => return None,
    })
}

fn count_suffix(rest: &str) -> Result<f64, ParseError> {
    magnitude(rest).ok_or_else(|| {
        let hint = match rest {
            "m" => "write M for million (a lower-case m reads as milli)".to_string(),
            "b" => "write B for billion".to_string(),
            _ => format!("write {}", Kind::Count.describe()),
        };
        err(format!("\"{rest}\" is not a count suffix"), hint)
    })
}

/// FLOPs in one unit: a magnitude ("120M"), an SI prefix on FLOP ("8 EFLOP", "6 PFLOPs"), or
/// none.
fn flop_unit(rest: &str) -> Option<f64> {
    let bare = ["FLOPs", "FLOP", "flops", "flop"]
        .iter()
        .find_map(|w| rest.strip_suffix(w))
        .map(str::trim_end);
    let Some(prefix) = bare else {
        return magnitude(rest);
    };
    Some(match prefix {
        "" => 1.0,
        "k" | "K" => 1e3,
        "M" => 1e6,
        "G" => 1e9,
        "T" => 1e12,
        "P" => 1e15,
        "E" => 1e18,
        other => magnitude(other)?,
    })
}

/// Seconds in one unit of device time: a device-hour (with a magnitude: "13.4k device-hours"),
/// or any unit of time.
fn device_time_unit(rest: &str) -> Option<f64> {
    let hours = [
        "device-hours",
        "device-hour",
        "device-h",
        "GPU-hours",
        "GPU-hour",
        "gpu-hours",
        "gpu-hour",
    ]
    .iter()
    .find_map(|w| rest.strip_suffix(w))
    .map(str::trim_end);
    match hours {
        Some(mag) => Some(magnitude(mag)? * 3_600.0),
        None => duration_unit(rest),
    }
}

fn factor_suffix(rest: &str) -> Result<f64, ParseError> {
    match rest {
        "x" | "×" => Ok(1.0),
        _ => magnitude(rest).ok_or_else(|| unknown(rest, Kind::Factor)),
    }
}

/// A unit of size taken apart: the power of its prefix (k 1 … E 6), whether the prefix is
/// binary (KiB), and whether it counts bits. "B" is (0, false, false), "Gb" (3, false, true).
fn size_parts(unit: &str) -> Option<(i32, bool, bool)> {
    match unit {
        "" | "byte" | "bytes" => return Some((0, false, false)),
        "bit" | "bits" => return Some((0, false, true)),
        _ => {}
    }
    let mut chars = unit.chars();
    let first = chars.next()?;
    let (prefix, rest) = match first {
        'B' | 'b' => (None, unit),
        _ => (Some(first), chars.as_str()),
    };
    let (binary, rest) = match rest.strip_prefix('i') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let bits = match rest {
        "B" | "byte" | "bytes" => false,
        "b" | "bit" | "bits" => true,
        _ => return None,
    };
    let power = match prefix {
        None if !binary => 0,
        None => return None,
        Some('k' | 'K') => 1,
        Some('M') => 2,
        Some('G') => 3,
        Some('T') => 4,
        Some('P') => 5,
        Some('E') => 6,
        Some(_) => return None,
    };
    Some((power, binary, bits))
}

/// Bytes in one unit of size: "KB" 1e3, "KiB" 1024, "Gb" 1.25e8 (bits), "B" 1.
fn size_unit(unit: &str) -> Option<f64> {
    let (power, binary, bits) = size_parts(unit)?;
    let base: f64 = if binary { 1024.0 } else { 1000.0 };
    Some(base.powi(power) * if bits { 0.125 } else { 1.0 })
}

/// The unit written after a number, taken apart for the slips a person makes with it: bits for
/// bytes, a decimal prefix for a binary one, per day for per second.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Unit<'a> {
    /// The unit as written ("TB", "k/s", "%"); empty after a bare number.
    pub text: &'a str,
    /// A size or data rate counted in bits (b, bit, Gbps).
    pub bits: bool,
    /// Seconds in its time denominator: 1 for "/s", 86,400 for "/day"; None without one.
    pub per: Option<f64>,
    /// A size's prefix: its power of 1,000 or 1,024 (k 1 … E 6) and whether it is binary.
    pub prefix: Option<(i32, bool)>,
}

/// The unit after the number in `text` ("1.2 TB" → "TB"); the whole text when it does not start
/// with a number.
pub fn unit(text: &str) -> Unit<'_> {
    let text = text.trim();
    let rest = split_number(text).map_or(text, |(_, rest)| rest);
    let (size, per) = match rest.rsplit_once('/') {
        Some((size, time)) => (size.trim(), duration_unit(time.trim())),
        None => (rest.strip_suffix("ps").unwrap_or(rest), None),
    };
    let parts = size_parts(size).filter(|_| !size.is_empty());
    Unit {
        text: rest,
        bits: parts.is_some_and(|(_, _, bits)| bits),
        per,
        prefix: parts
            .filter(|&(power, ..)| power > 0)
            .map(|(p, b, _)| (p, b)),
    }
}

fn size_error(unit: &str) -> ParseError {
    let lower = unit.to_ascii_lowercase();
    let hint = if ["mb", "gb", "tb", "pb"].contains(&lower.as_str())
        && unit != unit.to_ascii_uppercase()
    {
        format!(
            "write {} for bytes or {}b for bits (the prefix is upper-case)",
            unit.to_ascii_uppercase(),
            &unit[..1].to_ascii_uppercase()
        )
    } else {
        format!("write {}", Kind::Size.describe())
    };
    err(format!("\"{unit}\" is not a unit of size"), hint)
}

/// Seconds in one unit of time.
fn duration_unit(unit: &str) -> Option<f64> {
    Some(match unit {
        "ns" | "nanosecond" | "nanoseconds" => 1e-9,
        "us" | "µs" | "μs" | "microsecond" | "microseconds" => 1e-6,
        "ms" | "millisecond" | "milliseconds" => 1e-3,
        "s" | "sec" | "secs" | "second" | "seconds" => 1.0,
        "min" | "mins" | "minute" | "minutes" => 60.0,
        "h" | "hr" | "hrs" | "hour" | "hours" => 3_600.0,
        "d" | "day" | "days" => 86_400.0,
        "w" | "wk" | "week" | "weeks" => 7.0 * 86_400.0,
        "mo" | "month" | "months" => 30.0 * 86_400.0,
        "y" | "yr" | "year" | "years" => 365.0 * 86_400.0,
        _ => return None,
    })
}

/// Nouns that may stand between a magnitude and "/s" in a rate ("50k req/s", "312 TFLOP/s").
const RATE_NOUNS: [&str; 21] = [
    "", "req", "reqs", "request", "requests", "query", "queries", "item", "items", "event",
    "events", "post", "posts", "image", "images", "img", "FLOP", "FLOPs", "flop", "ops", "tokens",
];

/// A unit of rate as (events, per seconds): "k/s" (1e3, 1), "M/day" (1e6, 86,400), "qps" (1, 1).
fn rate_suffix(rest: &str) -> Option<(f64, f64)> {
    let (left, per) = match rest.split_once('/') {
        Some((left, time)) => (left.trim(), duration_unit(time.trim())?),
        None => {
            let words = ["qps", "QPS", "rps", "RPS", "FLOPS", "flops", "Hz"];
            // "2000 qps", "312 TFLOPS", or a bare magnitude ("50k"), all per second.
            let left = words
                .iter()
                .find_map(|w| rest.strip_suffix(w))
                .unwrap_or(rest);
            (left.trim(), 1.0)
        }
    };
    // The magnitude is either a word of its own ("50k req/s") or glued to the noun ("312 TFLOP/s").
    let scale = match left.split_once(' ') {
        Some((mag, noun)) if RATE_NOUNS.contains(&noun.trim()) => magnitude(mag)?,
        Some(_) => return None,
        None => (0..=left.len())
            .filter(|&i| left.is_char_boundary(i))
            .find_map(|i| {
                let (mag, noun) = left.split_at(i);
                RATE_NOUNS.contains(&noun).then(|| magnitude(mag)).flatten()
            })?,
    };
    Some((scale, per))
}

/// Bytes per second in one unit of data rate: "Gbps" 1.25e8, "GB/s" 1e9, "MiB/s" 1,048,576.
fn data_rate_unit(rest: &str) -> Option<f64> {
    if let Some((size, time)) = rest.split_once('/') {
        // Kept as one division so "8.64 TB/day" is 1e8 B/s, not 1e8 plus rounding.
        return Some(size_unit(size.trim())? / duration_unit(time.trim())?);
    }
    let size = rest.strip_suffix("ps")?;
    // "Gbps" is bits; "GBps" bytes.
    size_unit(size)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flops_and_device_time_read_as_written() {
        assert_eq!(ok("8 EFLOP", Kind::Flop), 8e18);
        assert_eq!(ok("8.4e18", Kind::Flop), 8.4e18);
        assert_eq!(ok("1.2e19 FLOP", Kind::Flop), 1.2e19);
        assert_eq!(ok("120M", Kind::Flop), 1.2e8);
        assert_eq!(ok("6 PFLOPs", Kind::Flop), 6e15);
        assert_eq!(
            ok("29,500 device-hours", Kind::DeviceTime),
            29_500.0 * 3_600.0
        );
        assert_eq!(
            ok("13.4k device-hours", Kind::DeviceTime),
            13_400.0 * 3_600.0
        );
        assert_eq!(ok("2 d", Kind::DeviceTime), 172_800.0);
        assert_eq!(ok("35", Kind::Number), 35.0);
        assert!(parse("2x", Kind::Number).is_err());
    }

    #[test]
    fn a_unit_is_taken_apart_for_its_slips() {
        let u = unit("1.2 TB");
        assert_eq!(
            (u.text, u.bits, u.per, u.prefix),
            ("TB", false, None, Some((4, false)))
        );
        let u = unit("3 GiB");
        assert_eq!(u.prefix, Some((3, true)));
        let u = unit("10 Gbps");
        assert!(u.bits);
        assert_eq!(u.prefix, Some((3, false)));
        assert_eq!(unit("5M/day").per, Some(86_400.0));
        assert_eq!(unit("347 MB/s").per, Some(1.0));
        assert_eq!(unit("40k").text, "k");
        assert_eq!(unit("8EB").prefix, Some((6, false)));
        assert_eq!(unit("1e9").text, "");
    }

    fn ok(text: &str, kind: Kind) -> f64 {
        parse(text, kind).unwrap_or_else(|e| panic!("{text:?} as {kind:?}: {e}"))
    }

    #[test]
    fn counts_take_magnitude_suffixes() {
        assert_eq!(ok("500M", Kind::Count), 500e6);
        assert_eq!(ok("2B", Kind::Count), 2e9);
        assert_eq!(ok("2 B", Kind::Count), 2e9);
        assert_eq!(ok("1.5bn", Kind::Count), 1.5e9);
        assert_eq!(ok("3G", Kind::Count), 3e9);
        assert_eq!(ok("4T", Kind::Count), 4e12);
        assert_eq!(ok("10k", Kind::Count), 1e4);
        assert_eq!(ok("10K", Kind::Count), 1e4);
        assert_eq!(ok("1_000_000", Kind::Count), 1e6);
        assert_eq!(ok("1,000,000", Kind::Count), 1e6);
        assert_eq!(ok("1e9", Kind::Count), 1e9);
        assert_eq!(ok("2.5e-1", Kind::Count), 0.25);
    }

    #[test]
    fn two_b_is_billions_in_a_count_and_bytes_in_a_size() {
        assert_eq!(ok("2B", Kind::Count), 2_000_000_000.0);
        assert_eq!(ok("2 B", Kind::Size), 2.0);
        assert_eq!(ok("2B", Kind::Size), 2.0);
    }

    #[test]
    fn sizes_decimal_binary_and_bits() {
        assert_eq!(ok("200 KB", Kind::Size), 200e3);
        assert_eq!(ok("200kB", Kind::Size), 200e3);
        assert_eq!(ok("2 KiB", Kind::Size), 2048.0);
        assert_eq!(ok("1 MiB", Kind::Size), 1_048_576.0);
        assert_eq!(ok("256 GiB", Kind::Size), 256.0 * 1024.0 * 1024.0 * 1024.0);
        assert_eq!(ok("1.5 TB", Kind::Size), 1.5e12);
        assert_eq!(ok("3 PB", Kind::Size), 3e15);
        // 64 bits = 8 bytes; 1 Gb = 1e9 bits = 1.25e8 bytes.
        assert_eq!(ok("64 b", Kind::Size), 8.0);
        assert_eq!(ok("64 bit", Kind::Size), 8.0);
        assert_eq!(ok("1 Gb", Kind::Size), 1.25e8);
        assert_eq!(ok("500", Kind::Size), 500.0);
        assert_eq!(ok("500 bytes", Kind::Size), 500.0);
    }

    #[test]
    fn sizes_per_day_take_the_day_or_leave_it_understood() {
        assert_eq!(ok("750 TB/day", Kind::SizePerDay), 750e12);
        assert_eq!(ok("750 TB / day", Kind::SizePerDay), 750e12);
        assert_eq!(ok("750 TB", Kind::SizePerDay), 750e12);
        assert_eq!(
            ok("2 GiB/d", Kind::SizePerDay),
            2.0 * 1024.0 * 1024.0 * 1024.0
        );
        // A size a second is a data rate, not a size a day.
        let e = parse("5 GB/s", Kind::SizePerDay).unwrap_err();
        assert!(e.problem.contains("is a data rate"), "{e}");
    }

    #[test]
    fn durations() {
        assert_eq!(ok("40 ms", Kind::Duration), 0.04);
        assert_eq!(ok("40ms", Kind::Duration), 0.04);
        assert_eq!(ok("500 us", Kind::Duration), 5e-4);
        assert_eq!(ok("0.5 s", Kind::Duration), 0.5);
        assert_eq!(ok("500 µs", Kind::Duration), 5e-4);
        assert_eq!(ok("100 ns", Kind::Duration), 1e-7);
        assert_eq!(ok("2 min", Kind::Duration), 120.0);
        assert_eq!(ok("2 h", Kind::Duration), 7_200.0);
        assert_eq!(ok("90 d", Kind::Duration), 90.0 * 86_400.0);
        // 5 y = 5 × 365 × 86,400 s = 157,680,000 s.
        assert_eq!(ok("5 y", Kind::Duration), 157_680_000.0);
    }

    #[test]
    fn rates() {
        assert_eq!(ok("50k/s", Kind::Rate), 5e4);
        assert_eq!(ok("2000", Kind::Rate), 2000.0);
        assert_eq!(ok("50k", Kind::Rate), 5e4);
        assert_eq!(ok("2000 qps", Kind::Rate), 2000.0);
        assert_eq!(ok("50k req/s", Kind::Rate), 5e4);
        // 8.64M/day ÷ 86,400 s = 100/s.
        assert_eq!(ok("8.64M/day", Kind::Rate), 100.0);
        assert_eq!(ok("60/min", Kind::Rate), 1.0);
        assert_eq!(ok("312 TFLOP/s", Kind::Rate), 312e12);
        assert_eq!(ok("312 TFLOPS", Kind::Rate), 312e12);
    }

    #[test]
    fn data_rates() {
        // 10 Gbps = 1e10 bit/s = 1.25e9 B/s.
        assert_eq!(ok("10 Gbps", Kind::DataRate), 1.25e9);
        assert_eq!(ok("10 Gb/s", Kind::DataRate), 1.25e9);
        assert_eq!(ok("1 GB/s", Kind::DataRate), 1e9);
        assert_eq!(ok("1 MiB/s", Kind::DataRate), 1_048_576.0);
        // 8.64 TB/day ÷ 86,400 s = 100 MB/s (within float rounding).
        assert!((ok("8.64 TB/day", Kind::DataRate) - 1e8).abs() < 1e-6);
    }

    #[test]
    fn money_in_dollars() {
        assert_eq!(ok("$2.50", Kind::Money), 2.5);
        // $1.2k = 1.2 × 1,000 = $1,200.
        assert_eq!(ok("$1.2k", Kind::Money), 1200.0);
        assert_eq!(ok("$3M", Kind::Money), 3e6);
        assert_eq!(ok("$0.036", Kind::Money), 0.036);
        assert_eq!(ok("$1,000", Kind::Money), 1000.0);
        assert_eq!(ok("2.79 USD", Kind::Money), 2.79);
        assert_eq!(ok("4", Kind::Money), 4.0);
        assert!(parse("$2 GB", Kind::Money).is_err());
        assert!(parse("-$2", Kind::Money).is_err());
        assert!(
            parse("$-2", Kind::Money)
                .unwrap_err()
                .problem
                .contains("negative")
        );
    }

    #[test]
    fn fractions_and_factors() {
        assert_eq!(ok("0.7", Kind::Fraction), 0.7);
        assert_eq!(ok("70%", Kind::Fraction), 0.7);
        assert_eq!(ok("2", Kind::Factor), 2.0);
        assert_eq!(ok("2x", Kind::Factor), 2.0);
        assert!(parse("1.5", Kind::Fraction).is_err());
        assert!(from_number(1.5, Kind::Fraction).is_err());
    }

    #[test]
    fn integers_must_be_whole() {
        assert_eq!(ok("32", Kind::Integer), 32.0);
        assert_eq!(ok("1k", Kind::Integer), 1000.0);
        assert!(parse("2.5", Kind::Integer).is_err());
        assert!(parse("0", Kind::Integer).is_err());
    }

    #[test]
    fn a_unit_of_the_wrong_kind_names_both_kinds() {
        let e = parse("200 KB", Kind::Duration).unwrap_err();
        assert!(
            e.problem
                .contains("is a size, but this field takes a duration"),
            "{e}"
        );
        let e = parse("40 ms", Kind::Size).unwrap_err();
        assert!(
            e.problem
                .contains("is a duration, but this field takes a size"),
            "{e}"
        );
        let e = parse("5 MB/s", Kind::Rate).unwrap_err();
        assert!(
            e.problem
                .contains("is a data rate, but this field takes a rate"),
            "{e}"
        );
        let e = parse("10 Gbps", Kind::Count).unwrap_err();
        assert!(e.problem.contains("data rate"), "{e}");
    }

    #[test]
    fn rejects_bad_numbers() {
        assert!(
            parse("-5", Kind::Count)
                .unwrap_err()
                .problem
                .contains("negative")
        );
        assert!(
            parse("1e400", Kind::Count)
                .unwrap_err()
                .problem
                .contains("too large")
        );
        assert!(parse("NaN", Kind::Count).is_err());
        assert!(parse("inf", Kind::Count).is_err());
        assert!(parse("", Kind::Count).is_err());
        assert!(parse("abc", Kind::Size).is_err());
        assert!(
            parse("1,5", Kind::Count)
                .unwrap_err()
                .problem
                .contains("comma")
        );
        assert!(parse("5 parsecs", Kind::Duration).is_err());
        assert!(
            from_number(40.0, Kind::Duration)
                .unwrap_err()
                .hint
                .contains("40 ms")
        );
        assert!(from_number(f64::NAN, Kind::Count).is_err());
    }

    #[test]
    fn lower_case_megabytes_get_a_hint() {
        let e = parse("10 mb", Kind::Size).unwrap_err();
        assert!(e.hint.contains("MB"), "{e}");
        let e = parse("5m", Kind::Count).unwrap_err();
        assert!(e.hint.contains("M for million"), "{e}");
    }
}

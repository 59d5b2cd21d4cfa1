//! Writing a base-unit number for people: best prefix, three significant figures.
//!
//! [`Human`] is a `Display` wrapper, so formatting allocates only when it is written.

use super::Kind;
use super::decimal::{magnitude, pow10, round_sig};
use std::fmt::{self, Display as _};

/// How sizes are written: decimal (KB = 10^3) or binary (KiB = 2^10).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Style {
    #[default]
    Decimal,
    Binary,
}

/// A value in base units, written humanised for its kind ("116k/s", "1.02 TB", "40 ms").
#[derive(Clone, Copy, Debug)]
pub struct Human {
    pub value: f64,
    pub kind: Kind,
    pub style: Style,
}

impl Human {
    /// `value` with sizes in decimal units (KB, GB).
    pub fn new(value: f64, kind: Kind) -> Self {
        Human {
            value,
            kind,
            style: Style::Decimal,
        }
    }

    /// `value` with sizes in `style`.
    pub fn styled(value: f64, kind: Kind, style: Style) -> Self {
        Human { value, kind, style }
    }
}

/// Writes `x` with three significant figures and no trailing zeros ("3.47", "640", "0.25",
/// "13,400"); in scientific form below 10^-3 and from 10^13 ("1.82e17"), so that no number
/// runs past thirteen digits.
pub struct Sig(pub f64);

impl fmt::Display for Sig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let x = round_sig(self.0, 3);
        if !x.is_finite() {
            return f.write_str(if x.is_nan() { "NaN" } else { "∞" });
        }
        if x != 0.0 && (x.abs() >= LONGEST || x.abs() < 1e-3) {
            return Scientific(x).fmt(f);
        }
        fixed(f, x, sig_decimals(x, 3), true)
    }
}

/// Writes `x` in scientific form with three significant figures: "8.4e18", "1e300", "2.5e-7".
pub struct Scientific(pub f64);

impl fmt::Display for Scientific {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let x = round_sig(self.0, 3);
        if !x.is_finite() {
            return f.write_str(if x.is_nan() { "NaN" } else { "∞" });
        }
        let text = format!("{x:.2e}");
        let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
        f.write_str(trim_zeros(mantissa))?;
        write!(f, "e{exponent}")
    }
}

/// Writes `x` with three significant figures in plain decimals: no exponent, trailing zeros
/// dropped, a comma every three digits ("0.25", "640", "12,300", "0.00000000001"); from 10^13,
/// and below 10^-12, in scientific form ("3e15"), so that no number runs to many digits.
struct Plain(f64);

/// From here on a number is written in scientific form: fourteen digits and more are not read.
const LONGEST: f64 = 1e13;

impl fmt::Display for Plain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let x = round_sig(self.0, 3);
        if x != 0.0 && (x.abs() >= LONGEST || x.abs() < 1e-12) {
            return Scientific(x).fmt(f);
        }
        fixed(f, x, sig_decimals(self.0, 3), true)
    }
}

/// The most decimals napkin writes: a value below 10^-15 is written 0.
const MAX_DECIMALS: i32 = 15;

/// The decimals that give `x` its `digits` significant figures (after rounding, so 999.7 to
/// three figures takes none: "1,000").
fn sig_decimals(x: f64, digits: i32) -> usize {
    let rounded = round_sig(x.abs(), digits);
    if rounded == 0.0 || !rounded.is_finite() {
        return 0;
    }
    (digits - 1 - magnitude(rounded)).clamp(0, MAX_DECIMALS) as usize
}

/// "2.50" → "2.5", "3.00" → "3", "640" → "640".
fn trim_zeros(text: &str) -> &str {
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.')
    } else {
        text
    }
}

/// Writes `x` rounded to `decimals` by the standard library's formatting, trailing zeros
/// dropped, with a comma every three digits of the whole part when `grouped`.
fn fixed(f: &mut fmt::Formatter<'_>, x: f64, decimals: usize, grouped: bool) -> fmt::Result {
    if !x.is_finite() {
        return f.write_str(if x.is_nan() { "NaN" } else { "∞" });
    }
    let mut buffer = Short::default();
    let written = rounded(&mut buffer, x, decimals);
    let long;
    let text = match written {
        Ok(()) => buffer.as_str(),
        Err(_) => {
            long = format!("{x:.decimals$}");
            &long
        }
    };
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let fraction = fraction.trim_end_matches('0');
    // -0.0, or a negative number too small for the decimals, is 0.
    if negative && (whole != "0" || !fraction.is_empty()) {
        f.write_str("-")?;
    }
    if grouped && whole.len() > 3 {
        // The first group takes what the groups of three leave.
        let (first, mut rest) = whole.split_at((whole.len() - 1) % 3 + 1);
        f.write_str(first)?;
        while let Some((group, tail)) = rest.split_at_checked(3) {
            f.write_str(",")?;
            f.write_str(group)?;
            rest = tail;
        }
    } else {
        f.write_str(whole)?;
    }
    if fraction.is_empty() {
        return Ok(());
    }
    f.write_str(".")?;
    f.write_str(fraction)
}

/// Writes `x` rounded to `decimals` places, as `{x:.decimals$}` does but for the sign of a
/// zero and for halves, which a whole number rounds away from zero. A whole number, or one already at its decimals (as rounding to significant figures
/// leaves it), by integer formatting: float formatting at a fixed precision takes its slow
/// exact path (big-number arithmetic) on most whole numbers and on most rounded ones, which lie
/// a hair from their last digit.
fn rounded(out: &mut impl fmt::Write, x: f64, decimals: usize) -> fmt::Result {
    if decimals == 0 && x.abs() < 9e15 {
        write!(out, "{}", x.round() as i64)
    } else if let Some(units) = in_last_places(x, decimals) {
        // 579 units of 0.1: "57.9"; 5 units of 0.01: "0.05".
        let one = 10_u64.pow(decimals as u32);
        let sign = if units < 0 { "-" } else { "" };
        let units = units.unsigned_abs();
        write!(out, "{sign}{}.{:0decimals$}", units / one, units % one)
    } else {
        write!(out, "{x:.decimals$}")
    }
}

/// `x` rounded to `decimals` places, counted in units of the last place (57.9 to one place:
/// 579), where that needs no exact arithmetic: x × 10^decimals is computed within half a unit
/// in its last place, at most 1/16 below 2^50, so a product within 1/4 of a whole number rounds
/// to that number, as the exact decimal expansion does, ties or not. None otherwise: the
/// caller formats the float.
fn in_last_places(x: f64, decimals: usize) -> Option<i64> {
    if decimals > MAX_DECIMALS as usize {
        return None;
    }
    let scaled = x * pow10(decimals as i32);
    let units = scaled.round();
    ((scaled - units).abs() < 0.25 && units.abs() < (1u64 << 50) as f64).then_some(units as i64)
}

/// Text written into a buffer on the stack: a number's digits without an allocation. Writing
/// past its end fails, and the caller formats into a `String` instead.
struct Short {
    bytes: [u8; 48],
    len: usize,
}

impl Default for Short {
    fn default() -> Self {
        Short {
            bytes: [0; 48],
            len: 0,
        }
    }
}

impl Short {
    fn as_str(&self) -> &str {
        // Only whole `str`s are written in.
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }
}

impl fmt::Write for Short {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        let slot = self.bytes.get_mut(self.len..end).ok_or(fmt::Error)?;
        slot.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// Writes a number as given (a whole count, or an input such as a peak factor) with thousands
/// separators: whole numbers in full ("86,400", "1,000,000"), others to six significant
/// figures ("0.99", "99.9999"); from 10^13 on, with an exponent ("1.23456e14", "1e300").
pub struct Grouped(pub f64);

impl fmt::Display for Grouped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Fourteen digits and more are not read: write the exponent (every digit kept).
        if self.0.abs() >= LONGEST {
            return write!(f, "{:e}", self.0);
        }
        let decimals = if self.0.fract() == 0.0 {
            0
        } else {
            sig_decimals(self.0, 6)
        };
        fixed(f, self.0, decimals, true)
    }
}

/// A count with its noun, exact: "1 answer", "1,288 answers".
pub fn plural(n: f64, one: &str, many: &str) -> String {
    let noun = if n == 1.0 { one } else { many };
    format!("{} {noun}", Grouped(n))
}

/// Writes a fraction as a percentage to three significant figures, with the digits that tell
/// it from 100% kept near 100: 87.5%, 99%, 99.99%, 99.9999% (the distance to 100 keeps two
/// figures).
struct Percent(f64);

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = self.0 * 100.0;
        let mut decimals = sig_decimals(p, 3);
        let gap = 100.0 - p;
        if p > 0.0 && gap > 0.0 {
            decimals = decimals.max(sig_decimals(gap, 2));
        }
        fixed(f, p, decimals, true)?;
        f.write_str("%")
    }
}

/// FLOPs with SI prefixes, up to exa: "120 MFLOP", "8 EFLOP".
const FLOP_PREFIXES: [(f64, &str); 6] = [
    (1e18, "EFLOP"),
    (1e15, "PFLOP"),
    (1e12, "TFLOP"),
    (1e9, "GFLOP"),
    (1e6, "MFLOP"),
    (1e3, "kFLOP"),
];

/// Count prefixes as interviewers say them: thousand, million, billion, trillion.
const COUNT_PREFIXES: [(f64, &str); 4] = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")];
const DECIMAL_SIZES: [(f64, &str); 6] = [
    (1e18, "EB"),
    (1e15, "PB"),
    (1e12, "TB"),
    (1e9, "GB"),
    (1e6, "MB"),
    (1e3, "KB"),
];
const BINARY_SIZES: [(f64, &str); 6] = [
    (1_152_921_504_606_846_976.0, "EiB"),
    (1_125_899_906_842_624.0, "PiB"),
    (1_099_511_627_776.0, "TiB"),
    (1_073_741_824.0, "GiB"),
    (1_048_576.0, "MiB"),
    (1024.0, "KiB"),
];

/// Writes `x` scaled by the largest prefix it reaches after rounding ("1.02 TB"); a thousand or
/// more of the largest, in scientific form in the plain unit ("4e21 B", "8.4e18"); below the
/// smallest, unscaled ("640 B", "0.25").
fn prefixed(
    f: &mut fmt::Formatter<'_>,
    x: f64,
    prefixes: &[(f64, &str)],
    plain: &str,
    sep: &str,
) -> fmt::Result {
    let (number, name) =
        largest_reached(x, prefixes).map_or((x, plain), |&(scale, name)| (x / scale, name));
    if round_sig(number.abs(), 3) >= 1000.0 && name != plain {
        Scientific(x).fmt(f)?;
        if !plain.is_empty() {
            f.write_str(sep)?;
            f.write_str(plain)?;
        }
        return Ok(());
    }
    Plain(number).fmt(f)?;
    if name.is_empty() {
        return Ok(());
    }
    f.write_str(sep)?;
    f.write_str(name)
}

/// The largest of `prefixes` that `x` reaches once rounded to three figures.
fn largest_reached<'p>(x: f64, prefixes: &'p [(f64, &'p str)]) -> Option<&'p (f64, &'p str)> {
    prefixes.iter().find(|(scale, _)| {
        // Below 0.999 nothing rounds to 1 at three figures: only a number near it is rounded.
        let scaled = x.abs() / scale;
        scaled >= 0.999 && round_sig(scaled, 3) >= 1.0
    })
}

/// Dollars as people write them: "$0.00539", "$46.61", "$3,130", "$148k", "$1.2M".
fn money(f: &mut fmt::Formatter<'_>, x: f64) -> fmt::Result {
    f.write_str("$")?;
    let cents = (x * 100.0).round() / 100.0;
    if x < 1.0 {
        Sig(x).fmt(f)
    } else if cents < 1_000.0 {
        // Whole dollars bare, else two decimals: "$400", "$2.79", "$46.60".
        if cents.fract() == 0.0 {
            Grouped(cents).fmt(f)
        } else {
            write!(f, "{cents:.2}")
        }
    } else if x.round() < 10_000.0 {
        Grouped(x.round()).fmt(f)
    } else {
        prefixed(f, x, &COUNT_PREFIXES, "", "")
    }
}

fn duration(f: &mut fmt::Formatter<'_>, s: f64) -> fmt::Result {
    const UNITS: [(f64, &str); 8] = [
        (365.0 * 86_400.0, "y"),
        (86_400.0, "d"),
        (3_600.0, "h"),
        (60.0, "min"),
        (1.0, "s"),
        (1e-3, "ms"),
        (1e-6, "µs"),
        (1e-9, "ns"),
    ];
    if s == 0.0 {
        return f.write_str("0 s");
    }
    let r = round_sig(s, 3);
    let (scale, name) = UNITS
        .iter()
        .copied()
        .find(|(scale, _)| r >= *scale)
        .unwrap_or((1e-9, "ns"));
    Plain(s / scale).fmt(f)?;
    f.write_str(" ")?;
    f.write_str(name)
}

impl fmt::Display for Human {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let x = self.value;
        if !x.is_finite() {
            return f.write_str(if x.is_nan() { "NaN" } else { "∞" });
        }
        let sizes: &[(f64, &str)] = match self.style {
            Style::Decimal => &DECIMAL_SIZES,
            Style::Binary => &BINARY_SIZES,
        };
        match self.kind {
            // Whole counts (dimensions, IVF lists, servers, people) read in full: 1,024, 524,288.
            Kind::Integer if x < LONGEST => Grouped(x).fmt(f),
            Kind::Count | Kind::Integer => prefixed(f, x, &COUNT_PREFIXES, "", ""),
            Kind::Factor => {
                Plain(x).fmt(f)?;
                f.write_str("×")
            }
            Kind::Number => Plain(x).fmt(f),
            Kind::Flop => prefixed(f, x, &FLOP_PREFIXES, "FLOP", " "),
            Kind::DeviceTime => {
                Plain(x / 3_600.0).fmt(f)?;
                f.write_str(" device-hours")
            }
            Kind::Fraction => Percent(x).fmt(f),
            Kind::Size => prefixed(f, x, sizes, "B", " "),
            Kind::SizePerDay => {
                prefixed(f, x, sizes, "B", " ")?;
                f.write_str("/day")
            }
            Kind::Duration => duration(f, x),
            Kind::Rate => {
                prefixed(f, x, &COUNT_PREFIXES, "", "")?;
                f.write_str("/s")
            }
            Kind::DataRate => {
                prefixed(f, x, sizes, "B", " ")?;
                f.write_str("/s")
            }
            Kind::Money => money(f, x),
        }
    }
}

/// The base-unit size of the unit `value` is written in: 3,600 for "5.5 h", 2^40 for "9.31 TiB",
/// 1 for decimal prefixes (whose steps are powers of ten already).
pub fn display_scale(value: f64, kind: Kind, style: Style) -> f64 {
    let r = round_sig(value.abs(), 3);
    match kind {
        Kind::Size | Kind::SizePerDay | Kind::DataRate if style == Style::Binary => BINARY_SIZES
            .iter()
            .find(|(scale, _)| round_sig(value.abs() / scale, 3) >= 1.0)
            .map_or(1.0, |(scale, _)| *scale),
        Kind::DeviceTime => 3_600.0,
        Kind::Duration => {
            const UNITS: [f64; 4] = [365.0 * 86_400.0, 86_400.0, 3_600.0, 60.0];
            UNITS
                .iter()
                .copied()
                .find(|&scale| r >= scale)
                .unwrap_or(1.0)
        }
        _ => 1.0,
    }
}

/// The napkin rounding of `value` as it is written: the number in front of the unit is rounded
/// (5.5 h → 6 h, 9.31 TiB → 9 TiB), not the value in bytes or seconds.
pub fn napkin_as_shown(value: f64, kind: Kind, style: Style) -> f64 {
    // A whole count (servers, shards, annotators) is exact: it was rounded up to what is
    // needed, and a napkin value below it would need fewer.
    if kind == Kind::Integer {
        return value;
    }
    let scale = display_scale(value, kind, style);
    super::napkin(value / scale) * scale
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(x: f64, kind: Kind) -> String {
        Human::new(x, kind).to_string()
    }

    #[test]
    fn counts_of_things_are_exact() {
        assert_eq!(plural(1288.0, "answer", "answers"), "1,288 answers");
        assert_eq!(plural(1.0, "answer", "answers"), "1 answer");
        assert_eq!(plural(0.0, "answer", "answers"), "0 answers");
    }

    #[test]
    fn counts_and_rates() {
        assert_eq!(h(115_740.7, Kind::Rate), "116k/s");
        assert_eq!(h(3_472.2, Kind::Rate), "3.47k/s");
        assert_eq!(h(999.7, Kind::Count), "1k");
        assert_eq!(h(640.0, Kind::Count), "640");
        assert_eq!(h(2e9, Kind::Count), "2B");
        assert_eq!(h(0.25, Kind::Count), "0.25");
        assert_eq!(h(0.0, Kind::Count), "0");
        // A thousand of the largest prefix or more is written in scientific form: 3e15, not
        // 3,000T; 8.4e18, not 8,400,000T.
        assert_eq!(h(3e15, Kind::Count), "3e15");
        assert_eq!(h(8.4e18, Kind::Count), "8.4e18");
        assert_eq!(h(999e12, Kind::Count), "999T");
        assert_eq!(h(-2.5e6, Kind::Count), "-2.5M");
    }

    #[test]
    fn flops_numbers_and_device_time() {
        assert_eq!(h(8.4e18, Kind::Flop), "8.4 EFLOP");
        assert_eq!(h(1.2e8, Kind::Flop), "120 MFLOP");
        assert_eq!(h(6e21, Kind::Flop), "6e21 FLOP");
        assert_eq!(h(640.0, Kind::Flop), "640 FLOP");
        assert_eq!(h(1.0, Kind::Number), "1");
        assert_eq!(h(0.6, Kind::Number), "0.6");
        // 13,400 device-hours = 48,240,000 device-seconds.
        assert_eq!(h(48_240_000.0, Kind::DeviceTime), "13,400 device-hours");
        assert_eq!(
            h(29_500.0 * 3_600.0, Kind::DeviceTime),
            "29,500 device-hours"
        );
    }

    #[test]
    fn sizes_past_the_largest_prefix_are_scientific_in_bytes() {
        // 4e21 B is 4,000 EB: past the largest prefix, 4e21 B; 1.234e22 B to three figures.
        assert_eq!(h(4e21, Kind::Size), "4e21 B");
        assert_eq!(h(1.234e22, Kind::Size), "1.23e22 B");
        assert_eq!(h(4e21, Kind::DataRate), "4e21 B/s");
        assert_eq!(h(1e300, Kind::Size), "1e300 B");
        // 2^70 B = 1,024 EiB = 1.18e21 B.
        assert_eq!(
            Human::styled(2f64.powi(70), Kind::Size, Style::Binary).to_string(),
            "1.18e21 B"
        );
        // 400 million years: 1.2614e16 s ÷ 31,536,000 s = 400,000,000 y.
        assert_eq!(h(4e8 * 31_536_000.0, Kind::Duration), "400,000,000 y");
        // 4e14 years is past thirteen digits.
        assert_eq!(h(4e14 * 31_536_000.0, Kind::Duration), "4e14 y");
    }

    #[test]
    fn tiny_values_are_plain_decimals() {
        // 1e-13 as a percentage is 1e-11 %.
        assert_eq!(h(1e-13, Kind::Fraction), "0.00000000001%");
        assert_eq!(h(1.234e-5, Kind::Rate), "0.0000123/s");
        assert_eq!(h(0.5, Kind::Size), "0.5 B");
        // 1e-12 s = 0.001 ns, below the smallest unit.
        assert_eq!(h(1e-12, Kind::Duration), "0.001 ns");
        // Below 10^-12, in scientific form: never 0 for a number that is not, never n/a.
        assert_eq!(h(1e-17, Kind::Count), "1e-17");
        assert_eq!(h(-1e-17, Kind::Count), "-1e-17");
        assert_eq!(h(5e-324, Kind::Money), "$4.94e-324");
    }

    #[test]
    fn sizes_decimal_and_binary() {
        assert_eq!(h(1.024e12, Kind::Size), "1.02 TB");
        assert_eq!(h(500.0, Kind::Size), "500 B");
        assert_eq!(h(640e6, Kind::Size), "640 MB");
        assert_eq!(h(30e12, Kind::Size), "30 TB");
        // 1.024e12 B / 2^40 = 0.931 TiB → 954 GiB (1.024e12 / 1,073,741,824 = 953.67).
        assert_eq!(
            Human::styled(1.024e12, Kind::Size, Style::Binary).to_string(),
            "954 GiB"
        );
        assert_eq!(
            Human::styled(2048.0, Kind::Size, Style::Binary).to_string(),
            "2 KiB"
        );
        assert_eq!(h(1.25e9, Kind::DataRate), "1.25 GB/s");
        // 5M new items × 50 MB × 3 copies = 7.5e14 B a day.
        assert_eq!(h(7.5e14, Kind::SizePerDay), "750 TB/day");
        // 30 TB = 3e13 B ÷ 2^40 = 27.3 TiB.
        assert_eq!(
            Human::styled(3e13, Kind::SizePerDay, Style::Binary).to_string(),
            "27.3 TiB/day"
        );
    }

    #[test]
    fn durations_pick_a_readable_unit() {
        assert_eq!(h(0.04, Kind::Duration), "40 ms");
        assert_eq!(h(86_400.0, Kind::Duration), "1 d");
        assert_eq!(h(157_680_000.0, Kind::Duration), "5 y");
        assert_eq!(h(5e-4, Kind::Duration), "500 µs");
        assert_eq!(h(0.9995, Kind::Duration), "1 s");
    }

    #[test]
    fn money_has_cents_separators_and_prefixes() {
        assert_eq!(h(0.005_394_882, Kind::Money), "$0.00539");
        assert_eq!(h(2.79, Kind::Money), "$2.79");
        assert_eq!(h(46.6, Kind::Money), "$46.60");
        assert_eq!(h(400.0, Kind::Money), "$400");
        // $3,129.81 → whole dollars with a separator.
        assert_eq!(h(3_129.81, Kind::Money), "$3,130");
        // $147,700 → three figures with k.
        assert_eq!(h(147_700.0, Kind::Money), "$148k");
        assert_eq!(h(1.2e6, Kind::Money), "$1.2M");
        assert_eq!(h(16_070.0, Kind::Money), "$16.1k");
    }

    #[test]
    fn fractions_are_percentages() {
        assert_eq!(h(0.875, Kind::Fraction), "87.5%");
        assert_eq!(h(0.634, Kind::Fraction), "63.4%");
        assert_eq!(h(0.7, Kind::Fraction), "70%");
        assert_eq!(h(1.0, Kind::Fraction), "100%");
        assert_eq!(h(2.5, Kind::Fraction), "250%");
        assert_eq!(h(0.0012345, Kind::Fraction), "0.123%");
    }

    #[test]
    fn percentages_near_100_keep_the_digits_that_tell_them_from_100() {
        // The distance to 100 keeps two figures: 100 − 99.874 = 0.126 → 0.13 → "99.87%".
        assert_eq!(h(0.99, Kind::Fraction), "99%");
        assert_eq!(h(0.999, Kind::Fraction), "99.9%");
        assert_eq!(h(0.9999, Kind::Fraction), "99.99%");
        assert_eq!(h(0.99999, Kind::Fraction), "99.999%");
        assert_eq!(h(0.999999, Kind::Fraction), "99.9999%");
        assert_eq!(h(0.99874, Kind::Fraction), "99.87%");
        assert_eq!(h(0.995, Kind::Fraction), "99.5%");
    }

    #[test]
    fn napkin_values_round_what_is_shown() {
        // 5.5 h = 19,800 s → 6 h = 21,600 s (not 20,000 s = 5.56 h).
        assert_eq!(
            napkin_as_shown(19_800.0, Kind::Duration, Style::Decimal),
            21_600.0
        );
        // 9.31 TiB → 9 TiB.
        let tib = 1_099_511_627_776.0;
        assert_eq!(
            napkin_as_shown(9.31 * tib, Kind::Size, Style::Binary),
            9.0 * tib
        );
        // Decimal: 116k → 100k either way.
        assert_eq!(
            napkin_as_shown(115_740.7, Kind::Rate, Style::Decimal),
            100_000.0
        );
    }

    proptest::proptest! {
        /// Thousands separators take nothing away: without them, the standard library's digits.
        #[test]
        fn grouped_agrees_with_integer_formatting(n in 0u64..1_000_000_000_000_000_u64 / 1000) {
            let plain: String = Grouped(n as f64).to_string().chars().filter(|&c| c != ',').collect();
            proptest::prop_assert_eq!(plain, (n as f64 as u64).to_string());
        }

        /// A displayed value reads back within its rounding: three figures are within 0.5%.
        #[test]
        fn a_size_reads_back_within_its_rounding(mantissa in 1.0f64..10.0, exponent in 0i32..24) {
            let x = mantissa * 10f64.powi(exponent);
            let shown = h(x, Kind::Size);
            let back = crate::units::parse(&shown.replace(',', ""), Kind::Size).unwrap();
            proptest::prop_assert!((back / x - 1.0).abs() <= 0.005, "{x} → {shown} → {back}");
        }
    }

    /// What `rounded` writes, and what `{x:.decimals$}` writes, each with a negative zero
    /// made 0 (as `fixed` writes it).
    fn both_ways(x: f64, decimals: usize) -> (String, String) {
        let unsigned_zero = |text: String| {
            let digits = text.trim_start_matches('-');
            if digits.bytes().all(|b| b == b'0' || b == b'.') {
                digits.to_string()
            } else {
                text
            }
        };
        let mut ours = String::new();
        rounded(&mut ours, x, decimals).unwrap();
        (
            unsigned_zero(ours),
            unsigned_zero(format!("{x:.decimals$}")),
        )
    }

    proptest::proptest! {
        /// The integer shortcut writes the standard library's digits: for numbers rounded to
        /// significant figures, as napkin formats them, and for any others.
        #[test]
        fn rounded_writes_the_standard_librarys_digits(
            mantissa in -10.0f64..10.0,
            exponent in -17i32..17,
            figures in 1i32..8,
            decimals in 1usize..=15,
        ) {
            let x = mantissa * 10f64.powi(exponent);
            let sig = round_sig(x, figures);
            for (x, decimals) in [(x, decimals), (sig, decimals), (sig, sig_decimals(x, figures).max(1))] {
                let (ours, std) = both_ways(x, decimals);
                proptest::prop_assert_eq!(ours, std, "{} to {} places", x, decimals);
            }
        }
    }

    proptest::proptest! {
        /// A prefix is chosen as rounding every candidate would choose it.
        #[test]
        fn the_prefix_is_the_largest_reached_after_rounding(
            mantissa in 0.99f64..1.01,
            exponent in -3i32..22,
        ) {
            let x = mantissa * 10f64.powi(exponent);
            for table in [&COUNT_PREFIXES[..], &DECIMAL_SIZES, &BINARY_SIZES] {
                for x in [x, x * 1.024, x * 1.048_576] {
                    let every = table.iter().find(|(scale, _)| round_sig(x / scale, 3) >= 1.0);
                    proptest::prop_assert_eq!(largest_reached(x, table), every, "{}", x);
                }
            }
        }
    }

    #[test]
    fn rounded_numbers_by_integer_formatting() {
        // Every number of up to six figures at its decimals, as three-figure rounding leaves them.
        for decimals in 1..=6 {
            let scale = 10f64.powi(decimals as i32);
            for n in -100_000..100_000 {
                let (ours, std) = both_ways(n as f64 / scale, decimals);
                assert_eq!(ours, std);
            }
        }
        // Halves exactly between two places go to the even one, as the standard library's do.
        assert_eq!(both_ways(0.25, 1), ("0.2".into(), "0.2".into()));
        assert_eq!(both_ways(0.375, 2), ("0.38".into(), "0.38".into()));
        assert_eq!(both_ways(-0.001, 2).0, "0.00");
    }

    #[test]
    fn sig_at_the_edges_of_a_decade() {
        // 999.5 rounds up into the next decade; 0.001 is the smallest plain number.
        assert_eq!(Sig(999.5).to_string(), "1,000");
        assert_eq!(Sig(0.0999949).to_string(), "0.1");
        assert_eq!(Sig(0.00123).to_string(), "0.00123");
        assert_eq!(Sig(-12.34).to_string(), "-12.3");
        assert_eq!(Sig(1e-3).to_string(), "0.001");
        assert_eq!(Sig(123_456_789_012.0).to_string(), "123,000,000,000");
        assert_eq!(Sig(123_456_789_012_345.0).to_string(), "1.23e14");
        // Scientific from 10^13 and below 10^-3: no number of fourteen digits or more.
        assert_eq!(Sig(1.8234e17).to_string(), "1.82e17");
        assert_eq!(Sig(0.00012).to_string(), "1.2e-4");
        assert_eq!(Sig(0.0).to_string(), "0");
        assert_eq!(Grouped(-1_234_567.0).to_string(), "-1,234,567");
        assert_eq!(Grouped(999.0).to_string(), "999");
        // From 10^13 the exponent, with every digit kept: not 300 made-up digits.
        assert_eq!(
            Grouped(9_999_999_999_999.0).to_string(),
            "9,999,999,999,999"
        );
        assert_eq!(
            Grouped(999_999_999_999_999.0).to_string(),
            "9.99999999999999e14"
        );
        assert_eq!(Grouped(1e15).to_string(), "1e15");
        assert_eq!(Grouped(1e300).to_string(), "1e300");
    }

    #[test]
    fn grouped_thousands() {
        assert_eq!(Grouped(86_400.0).to_string(), "86,400");
        assert_eq!(Grouped(1_000_000.0).to_string(), "1,000,000");
        assert_eq!(Grouped(12.0).to_string(), "12");
        assert_eq!(Grouped(0.99).to_string(), "0.99");
        // Not whole: six figures, so an input reads as it was written.
        assert_eq!(Grouped(2.345).to_string(), "2.345");
        assert_eq!(Grouped(99.9999).to_string(), "99.9999");
        assert_eq!(Grouped(1234.5).to_string(), "1,234.5");
        // Past 10^15 the exponent: 2^200 = 1.606938044258990…e60 (shortest float digits).
        assert_eq!(Grouped(1e20).to_string(), "1e20");
        assert_eq!(Grouped(2f64.powi(200)).to_string(), "1.6069380442589903e60");
    }
}

//! Writing a base-unit number for people: best prefix, three significant figures.
//!
//! [`Human`] is a `Display` wrapper, so formatting allocates only when it is written.

use super::Kind;
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

thread_local! {
    /// The style [`Human::new`] writes sizes in: decimal, or what [`in_style`] set.
    static STYLE: std::cell::Cell<Style> = const { std::cell::Cell::new(Style::Decimal) };
}

/// Runs `f` with [`Human::new`] writing sizes in `style`: how a report in binary units gets
/// its derivation steps and warnings in GiB too, without every formula passing the style on.
pub fn in_style<R>(style: Style, f: impl FnOnce() -> R) -> R {
    /// Puts the style back when `f` returns or unwinds.
    struct Restore(Style);
    impl Drop for Restore {
        fn drop(&mut self) {
            STYLE.set(self.0);
        }
    }
    let _restore = Restore(STYLE.replace(style));
    f()
}

impl Human {
    /// `value` in the current style ([`in_style`]; decimal unless set).
    pub fn new(value: f64, kind: Kind) -> Self {
        Human {
            value,
            kind,
            style: STYLE.get(),
        }
    }
    pub fn styled(value: f64, kind: Kind, style: Style) -> Self {
        Human { value, kind, style }
    }
}

/// 10^-24 to 10^24: exact from 10^0 to 10^22, the nearest f64 elsewhere (as the literals are).
const POW10: [f64; 49] = [
    1e-24, 1e-23, 1e-22, 1e-21, 1e-20, 1e-19, 1e-18, 1e-17, 1e-16, 1e-15, 1e-14, 1e-13, 1e-12,
    1e-11, 1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1e0, 1e1, 1e2, 1e3, 1e4,
    1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22, 1e23, 1e24,
];

/// 10^k, from the table where it reaches.
pub(crate) fn pow10(k: i32) -> f64 {
    match usize::try_from(k + 24) {
        Ok(i) if i < POW10.len() => POW10[i],
        _ => 10f64.powi(k),
    }
}

/// The decimal exponent of a finite positive `a`: floor(log10(a)), by comparisons where the
/// table reaches (formatting runs for every number of every report, so no `log10` there).
pub(crate) fn magnitude(a: f64) -> i32 {
    if (POW10[0]..POW10[POW10.len() - 1]).contains(&a) {
        POW10.partition_point(|&p| p <= a) as i32 - 25
    } else {
        a.log10().floor() as i32
    }
}

/// Rounds to `digits` significant figures.
pub fn round_sig(x: f64, digits: i32) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let scale = pow10(digits - 1 - magnitude(x.abs()));
    (x * scale).round() / scale
}

/// Writes `x` with three significant figures and no trailing zeros ("3.47", "640", "0.25").
pub struct Sig(pub f64);

impl fmt::Display for Sig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let x = round_sig(self.0, 3);
        if x == 0.0 {
            return f.write_str("0");
        }
        if !x.is_finite() {
            return f.write_str(if x.is_nan() { "n/a" } else { "∞" });
        }
        if x.abs() >= 1e15 || x.abs() < 1e-3 {
            let s = format!("{x:.2e}");
            let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
            let m = m.trim_end_matches('0').trim_end_matches('.');
            return write!(f, "{m}e{e}");
        }
        // Between 10^-3 and 10^15 the rounded value is a whole number of 10^-decimals: write
        // that integer's digits and put the point in (no float formatting, no allocation).
        let decimals = (2 - magnitude(x.abs())).max(0) as u32;
        let scaled = (x.abs() * pow10(decimals as i32)).round() as u64;
        let unit = 10u64.pow(decimals);
        let mut text = Backwards::new();
        // The fraction without its trailing zeros, then the point, then the whole part.
        let (mut fraction, mut places) = (scaled % unit, decimals);
        while places > 0 && fraction % 10 == 0 {
            fraction /= 10;
            places -= 1;
        }
        if places > 0 {
            text.digits(fraction, places, false);
            text.push(b'.');
        }
        text.digits(scaled / unit, 1, false);
        text.sign(x < 0.0);
        f.write_str(text.as_str())
    }
}

/// A number's text written right to left into a stack buffer: no allocation.
struct Backwards {
    buf: [u8; 40],
    start: usize,
}

impl Backwards {
    fn new() -> Self {
        Backwards {
            buf: [0; 40],
            start: 40,
        }
    }

    fn push(&mut self, byte: u8) {
        self.start -= 1;
        self.buf[self.start] = byte;
    }

    /// `n` in at least `width` digits (leading zeros), with a comma every three when `grouped`.
    fn digits(&mut self, mut n: u64, width: u32, grouped: bool) {
        let mut count = 0;
        while n > 0 || count < width {
            if grouped && count > 0 && count % 3 == 0 {
                self.push(b',');
            }
            self.push(b'0' + (n % 10) as u8);
            n /= 10;
            count += 1;
        }
    }

    fn sign(&mut self, negative: bool) {
        if negative {
            self.push(b'-');
        }
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[self.start..]).unwrap_or("?")
    }
}

/// Writes a whole or decimal number with thousands separators ("86,400", "1,000,000", "0.99").
pub struct Grouped(pub f64);

impl fmt::Display for Grouped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let x = self.0;
        if !x.is_finite() || x.abs() >= 1e18 || x.fract() != 0.0 {
            return Sig(x).fmt(f);
        }
        let mut text = Backwards::new();
        text.digits(x.abs() as u64, 1, true);
        text.sign(x < 0.0);
        f.write_str(text.as_str())
    }
}

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

/// Writes `x` scaled by the largest prefix it reaches after rounding, e.g. (1.02, "TB").
fn prefixed(
    f: &mut fmt::Formatter<'_>,
    x: f64,
    prefixes: &[(f64, &str)],
    plain: &str,
    sep: &str,
) -> fmt::Result {
    for &(scale, name) in prefixes {
        let shown = round_sig(x.abs() / scale, 3);
        if (1.0..1000.0).contains(&shown) {
            Sig(x / scale).fmt(f)?;
            f.write_str(sep)?;
            return f.write_str(name);
        }
    }
    if prefixes.first().is_some_and(|(scale, _)| x.abs() >= *scale) {
        Sig(x).fmt(f)?;
        f.write_str(sep)?;
        return f.write_str(plain);
    }
    Sig(x).fmt(f)?;
    if plain.is_empty() {
        return Ok(());
    }
    f.write_str(sep)?;
    f.write_str(plain)
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
    Sig(s / scale).fmt(f)?;
    f.write_str(" ")?;
    f.write_str(name)
}

impl fmt::Display for Human {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let x = self.value;
        if !x.is_finite() {
            return f.write_str("n/a");
        }
        let sizes: &[(f64, &str)] = match self.style {
            Style::Decimal => &DECIMAL_SIZES,
            Style::Binary => &BINARY_SIZES,
        };
        match self.kind {
            // Whole counts such as dimensions and IVF lists read best in full: 1,024, 524,288.
            Kind::Integer if x < 1e7 => Grouped(x).fmt(f),
            Kind::Count | Kind::Integer => prefixed(f, x, &COUNT_PREFIXES, "", ""),
            Kind::Factor => {
                Sig(x).fmt(f)?;
                f.write_str("×")
            }
            Kind::Fraction => {
                Sig(x * 100.0).fmt(f)?;
                f.write_str("%")
            }
            Kind::Size => prefixed(f, x, sizes, "B", " "),
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
        Kind::Size | Kind::DataRate if style == Style::Binary => BINARY_SIZES
            .iter()
            .find(|(scale, _)| round_sig(value.abs() / scale, 3) >= 1.0)
            .map_or(1.0, |(scale, _)| *scale),
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
    fn counts_and_rates() {
        assert_eq!(h(115_740.7, Kind::Rate), "116k/s");
        assert_eq!(h(3_472.2, Kind::Rate), "3.47k/s");
        assert_eq!(h(999.7, Kind::Count), "1k");
        assert_eq!(h(640.0, Kind::Count), "640");
        assert_eq!(h(2e9, Kind::Count), "2B");
        assert_eq!(h(0.25, Kind::Count), "0.25");
        assert_eq!(h(0.0, Kind::Count), "0");
        assert_eq!(h(3e15, Kind::Count), "3e15");
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

    /// The straightforward way to write three significant figures, through float formatting.
    fn sig_reference(x: f64) -> String {
        let magnitude = |a: f64| a.log10().floor() as i32;
        let x = if x == 0.0 {
            x
        } else {
            let scale = 10f64.powi(2 - magnitude(x.abs()));
            (x * scale).round() / scale
        };
        if x == 0.0 {
            return "0".into();
        }
        if x.abs() >= 1e15 || x.abs() < 1e-3 {
            let s = format!("{x:.2e}");
            let (m, e) = s.split_once('e').unwrap();
            return format!("{}e{e}", m.trim_end_matches('0').trim_end_matches('.'));
        }
        let decimals = (2 - magnitude(x.abs())).max(0) as usize;
        let s = format!("{x:.decimals$}");
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s
        }
    }

    proptest::proptest! {
        /// The digit-by-digit writer agrees with float formatting over twenty decades.
        #[test]
        fn sig_agrees_with_float_formatting(mantissa in 1.0f64..10.0, exponent in -6i32..16, negative: bool) {
            let x = mantissa * 10f64.powi(exponent) * if negative { -1.0 } else { 1.0 };
            proptest::prop_assert_eq!(Sig(x).to_string(), sig_reference(x));
        }

        /// Thousands separators agree with the standard library's digits.
        #[test]
        fn grouped_agrees_with_integer_formatting(n in 0u64..1_000_000_000_000_000) {
            let plain: String = Grouped(n as f64).to_string().chars().filter(|&c| c != ',').collect();
            proptest::prop_assert_eq!(plain, (n as f64 as u64).to_string());
        }
    }

    #[test]
    fn sig_at_the_edges_of_a_decade() {
        // 999.5 rounds up into the next decade; 0.001 is the smallest plain number.
        assert_eq!(Sig(999.5).to_string(), "1000");
        assert_eq!(Sig(0.0999949).to_string(), "0.1");
        assert_eq!(Sig(0.00123).to_string(), "0.00123");
        assert_eq!(Sig(-12.34).to_string(), "-12.3");
        assert_eq!(Sig(1e-3).to_string(), "0.001");
        assert_eq!(Sig(123_456_789_012_345.0).to_string(), "123000000000000");
        assert_eq!(Grouped(-1_234_567.0).to_string(), "-1,234,567");
        assert_eq!(Grouped(999.0).to_string(), "999");
    }

    #[test]
    fn grouped_thousands() {
        assert_eq!(Grouped(86_400.0).to_string(), "86,400");
        assert_eq!(Grouped(1_000_000.0).to_string(), "1,000,000");
        assert_eq!(Grouped(12.0).to_string(), "12");
        assert_eq!(Grouped(0.99).to_string(), "0.99");
    }
}

//! Numbers every candidate is expected to know: latency numbers, powers of two, availability
//! nines, and the availability table as it is shown. The TUI's Reference tab shows them.

use crate::units::{Human, Kind};

/// (operation, seconds, source note).
pub const LATENCY: &[(&str, f64, &str)] = &[
    ("L1 cache reference", 0.5e-9, "Dean 2010"),
    ("branch mispredict", 5e-9, "Dean 2010"),
    ("L2 cache reference", 7e-9, "Dean 2010"),
    ("mutex lock/unlock", 100e-9, "Dean 2010 (primer: 25 ns)"),
    ("main memory reference", 100e-9, "Dean 2010"),
    ("compress 1 KB (Zippy)", 10e-6, "Dean 2010"),
    ("send 2 KB over 1 Gbps", 20e-6, "Dean 2010"),
    ("SSD 4 KB random read", 150e-6, "system-design-primer"),
    ("read 1 MB sequentially from memory", 250e-6, "Dean 2010"),
    ("round trip within one datacenter", 500e-6, "Dean 2010"),
    (
        "read 1 MB sequentially from SSD",
        1e-3,
        "system-design-primer",
    ),
    ("disk seek", 10e-3, "Dean 2010"),
    ("read 1 MB sequentially from network", 10e-3, "Dean 2010"),
    ("read 1 MB sequentially from disk", 30e-3, "Dean 2010"),
    ("packet CA → Netherlands → CA", 150e-3, "Dean 2010"),
];

/// (power of two, approximate decimal, name, size unit).
pub const POWERS_OF_TWO: &[(u32, &str, &str, &str)] = &[
    (10, "1 thousand", "kibi", "1 KiB"),
    (20, "1 million", "mebi", "1 MiB"),
    (30, "1 billion", "gibi", "1 GiB"),
    (40, "1 trillion", "tebi", "1 TiB"),
    (50, "1 quadrillion", "pebi", "1 PiB"),
    (60, "1 quintillion", "exbi", "1 EiB"),
];

/// A constant of napkin arithmetic: what it is, its value and kind, and the napkin form.
pub struct Constant {
    pub what: &'static str,
    pub value: f64,
    pub kind: Kind,
    pub napkin: &'static str,
}

/// The constants of napkin arithmetic: the seconds of a day, a month and a year, and the rates
/// they turn into.
pub const CONSTANTS: &[Constant] = &[
    Constant {
        what: "s a day",
        value: 86_400.0,
        kind: Kind::Count,
        napkin: "10^5",
    },
    Constant {
        what: "s a month",
        value: YEAR / 12.0,
        kind: Kind::Count,
        napkin: "2.6M",
    },
    Constant {
        what: "s a year",
        value: YEAR,
        kind: Kind::Count,
        napkin: "3.15e7",
    },
    Constant {
        what: "1M a day",
        value: 1e6 / 86_400.0,
        kind: Kind::Rate,
        napkin: "12/s",
    },
    Constant {
        what: "1/s, month",
        value: YEAR / 12.0,
        kind: Kind::Count,
        napkin: "2.6M",
    },
    Constant {
        what: "1 GB/s, day",
        value: 86_400.0 * 1e9,
        kind: Kind::Size,
        napkin: "100 TB",
    },
];

/// Availability levels shown, as fractions.
pub const NINES: [f64; 5] = [0.99, 0.999, 0.9999, 0.99999, 0.999999];

/// Downtime allowed at availability `a` over `period` seconds: (1 − a) × period.
pub fn downtime(a: f64, period: f64) -> f64 {
    (1.0 - a) * period
}

/// A year as the downtime table counts it: 365 days.
pub const YEAR: f64 = 365.0 * 86_400.0;

/// One row of the availability table as it is shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NinesRow {
    /// "99.99%": the digits that tell it from 100% kept.
    pub availability: String,
    pub per_day: String,
    pub per_year: String,
}

/// The availability table: each level of [`NINES`] with the downtime it allows a day and a year.
pub fn nines_rows() -> Vec<NinesRow> {
    let shown = |x: f64, kind: Kind| Human::new(x, kind).to_string();
    NINES
        .iter()
        .map(|&a| NinesRow {
            availability: shown(a, Kind::Fraction),
            per_day: shown(downtime(a, 86_400.0), Kind::Duration),
            per_year: shown(downtime(a, YEAR), Kind::Duration),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{NinesRow, downtime, nines_rows};

    #[test]
    fn napkin_constants() {
        // 365 days × 86,400 s = 31,536,000 s; a twelfth of it is 2,628,000 s ≈ 2.6M.
        let value = |i: usize| super::CONSTANTS[i].value;
        assert_eq!(value(1), 2_628_000.0);
        assert_eq!(value(2), 31_536_000.0);
        // 1,000,000 ÷ 86,400 = 11.57/s.
        assert!((value(3) - 11.574).abs() < 1e-3);
        // 1e9 B/s × 86,400 s = 8.64e13 B = 86.4 TB.
        assert_eq!(value(5), 8.64e13);
        // 2^60 is the last power of two listed, an exbibyte.
        assert_eq!(super::POWERS_OF_TWO.last().map(|p| p.0), Some(60));
    }

    #[test]
    fn downtime_of_the_nines() {
        // 99.9% of a day: 0.001 × 86,400 s = 86.4 s = 1.44 min; of a year 0.001 × 31,536,000 s = 8.76 h.
        assert!((downtime(0.999, 86_400.0) - 86.4).abs() < 1e-9);
        assert!((downtime(0.999, 31_536_000.0) / 3_600.0 - 8.76).abs() < 1e-9);
        // 99.99% of a year: 0.0001 × 31,536,000 = 3,153.6 s = 52.56 min.
        assert!((downtime(0.9999, 31_536_000.0) / 60.0 - 52.56).abs() < 1e-6);
    }

    #[test]
    fn every_row_of_the_availability_table_keeps_its_nines() {
        let row = |a: &str, d: &str, y: &str| NinesRow {
            availability: a.into(),
            per_day: d.into(),
            per_year: y.into(),
        };
        // Downtime = (1 − a) × 86,400 s a day and × 31,536,000 s a year:
        // 0.01 → 864 s = 14.4 min, 315,360 s = 3.65 d;
        // 0.001 → 86.4 s = 1.44 min, 31,536 s = 8.76 h;
        // 0.0001 → 8.64 s, 3,153.6 s = 52.56 min → 52.6 min;
        // 0.00001 → 0.864 s = 864 ms, 315.36 s = 5.256 min → 5.26 min;
        // 0.000001 → 0.0864 s = 86.4 ms, 31.536 s → 31.5 s.
        assert_eq!(
            nines_rows(),
            vec![
                row("99%", "14.4 min", "3.65 d"),
                row("99.9%", "1.44 min", "8.76 h"),
                row("99.99%", "8.64 s", "52.6 min"),
                row("99.999%", "864 ms", "5.26 min"),
                row("99.9999%", "86.4 ms", "31.5 s"),
            ]
        );
    }
}

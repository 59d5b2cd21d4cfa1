//! Quantities at the edges: reading values the way people write them ("500M", "2 KiB",
//! "40 ms", "10 Gbps") and writing them back for people ("116k/s", "1.02 TB").
//!
//! [`parse()`] turns text into a number in base units by the field's [`Kind`]; [`format`](mod@format) turns
//! a base-unit number into a humanised string; [`napkin()`] gives the interview rounding.
//! Nothing else in the crate parses or formats a quantity.

mod decimal;
pub mod format;
pub mod interval;
pub mod napkin;
pub mod parse;

use uom::si::f64::{Frequency, Information, InformationRate, Time};
use uom::si::frequency::hertz;
use uom::si::information::byte;
use uom::si::information_rate::byte_per_second;
use uom::si::time::second;

pub use format::{Human, Style};
pub use interval::{Interval, Shape, parse_range};
pub use napkin::napkin;
pub use parse::{ParseError, Unit, parse, unit};

/// What a field holds, which decides how its text is read and in which base unit it is kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A plain count with optional k/M/B/T magnitude ("500M"). Base: 1.
    Count,
    /// A whole count of at least one (dimensions, links, shards).
    Integer,
    /// A dimensionless multiplier (peak factor, replication), written "2×". Base: 1.
    Factor,
    /// A plain number that is not a multiplier (an exponent, seconds a label, a mean). Base: 1.
    Number,
    /// Floating-point operations ("6e18", "120 MFLOP", "8 EFLOP"). Base: 1 FLOP.
    Flop,
    /// Time on accelerators, written in device-hours ("13,400 device-hours"). Base: second.
    DeviceTime,
    /// A fraction in (0, 1], written 0.7 or "70%".
    Fraction,
    /// Bytes, decimal (KB) or binary (KiB), or bits (b, bit). Base: byte.
    Size,
    /// Bytes added per day, such as a corpus's growth ("750 TB/day"). Base: byte/day.
    SizePerDay,
    /// A duration ("40 ms", "90 d", "5 y"). Base: second.
    Duration,
    /// Events per unit of time ("50k/s", "5M/day"); a bare number is per second. Base: 1/s.
    Rate,
    /// Data per unit of time ("10 Gbps", "1 GB/s"). Base: byte/s.
    DataRate,
    /// An amount of money in US dollars ("$2.50", "$1.2k"). Base: 1 USD.
    Money,
}

impl Kind {
    /// What a person should read in an error: the kind and an example of a valid value.
    pub fn describe(self) -> &'static str {
        match self {
            Kind::Count => "a count such as 500M, 2B, 1e9 or 1_000_000",
            Kind::Integer => "a whole number of at least 1, such as 32",
            Kind::Factor => "a plain number such as 2 or 1.5",
            Kind::Number => "a number such as 1, 0.6 or 35",
            Kind::Flop => "FLOPs such as \"120M\", \"6e18\" or \"8 EFLOP\"",
            Kind::DeviceTime => "device time such as \"29,500 device-hours\" or \"3.4 y\"",
            Kind::Fraction => "a fraction between 0 and 1, such as 0.7 or \"70%\"",
            Kind::Size => "a size such as \"200 KB\", \"2 KiB\", \"1.5 GB\" or \"64 b\" (bits)",
            Kind::SizePerDay => "a size per day such as \"750 TB/day\" or \"30 TB\"",
            Kind::Duration => "a duration such as \"40 ms\", \"2 h\", \"90 d\" or \"5 y\"",
            Kind::Rate => "a rate such as \"50k/s\", \"5M/day\" or 2000 (per second)",
            Kind::DataRate => "a data rate such as \"10 Gbps\" or \"1.2 GB/s\"",
            Kind::Money => "an amount of money such as \"$2.50\" or \"$1.2k\"",
        }
    }

    /// The short name used in messages ("size", "duration").
    pub fn name(self) -> &'static str {
        match self {
            Kind::Count => "count",
            Kind::Integer => "whole number",
            Kind::Factor => "factor",
            Kind::Number => "number",
            Kind::Flop => "count of FLOPs",
            Kind::DeviceTime => "device time",
            Kind::Fraction => "fraction",
            Kind::Size => "size",
            Kind::SizePerDay => "size per day",
            Kind::Duration => "duration",
            Kind::Rate => "rate",
            Kind::DataRate => "data rate",
            Kind::Money => "money",
        }
    }

    /// The base unit of the kind as written in `calc --format json` (`B`, `B/day`, `s`, `1/s`,
    /// `B/s`, `USD` or "").
    pub fn base_unit(self) -> &'static str {
        match self {
            // A FLOP count is a count in the contract; it is written with "FLOP" for people.
            Kind::Count | Kind::Integer | Kind::Factor | Kind::Number | Kind::Fraction => "",
            Kind::Flop => "",
            Kind::DeviceTime => "s",
            Kind::Size => "B",
            Kind::SizePerDay => "B/day",
            Kind::Duration => "s",
            Kind::Rate => "1/s",
            Kind::DataRate => "B/s",
            Kind::Money => "USD",
        }
    }
}

/// Bytes as a uom quantity.
pub fn bytes(b: f64) -> Information {
    Information::new::<byte>(b)
}
/// Seconds as a uom quantity.
pub fn seconds(s: f64) -> Time {
    Time::new::<second>(s)
}
/// Events per second as a uom quantity.
pub fn per_second(r: f64) -> Frequency {
    Frequency::new::<hertz>(r)
}
/// Bytes per second as a uom quantity.
pub fn bytes_per_second(r: f64) -> InformationRate {
    InformationRate::new::<byte_per_second>(r)
}

/// Seconds in a day, exactly; the napkin convention rounds it to 10^5.
pub const SECONDS_PER_DAY: f64 = 86_400.0;

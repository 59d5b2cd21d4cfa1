//! How an input is described and held: its kind, whether zero is allowed, what it means, and
//! the typed slot it is read from and written to. Each section's table of [`Field`]s is in its
//! file under [`super::sections`]; [`super::registry`] lists the sections.

use super::path::{InputPath, SectionPath};
use super::registry;
use super::{Correction, Count, Dtype, IndexKind, Mode, Optimizer, Precision, WeightDtype};
use crate::units::{self, Kind};
use uom::si::f64::{Frequency, Information, Time};
use uom::si::frequency::hertz;
use uom::si::information::byte;
use uom::si::time::second;

/// How a field's value is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    /// A number read by [`units::parse()`].
    Quantity(Kind),
    /// Free text.
    Text,
    /// One of a fixed set of words.
    Choice(&'static [&'static str]),
    Bool,
}

impl FieldKind {
    pub fn describe(self) -> String {
        match self {
            FieldKind::Quantity(k) => k.describe().to_string(),
            FieldKind::Text => "a string".to_string(),
            FieldKind::Choice(names) => format!("one of {}", names.join(", ")),
            FieldKind::Bool => "true or false".to_string(),
        }
    }
}

/// A field's value, with numbers in the kind's base unit.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Num(f64),
    /// A quantity written `lo..hi`: the field holds its median; [`Scenario::ranges`] keeps the
    /// interval.
    ///
    /// [`Scenario::ranges`]: super::Scenario::ranges
    Range(units::Interval),
    Text(String),
    Bool(bool),
}

/// One input of a section `S`.
pub struct Field<S> {
    pub key: &'static str,
    pub kind: FieldKind,
    /// Whether 0 is a meaningful value (no new items per day, no spare servers).
    pub zero_ok: bool,
    pub doc: &'static str,
    pub get: fn(&S) -> Option<Value>,
    pub set: fn(&mut S, Value),
    /// Sets a number, in its kind's base unit, without a [`Value`]: the path of Monte Carlo
    /// samples and sweep steps.
    pub set_number: fn(&mut S, f64),
    /// Back to the section's default (unset, for an optional input).
    pub clear: fn(&mut S),
}

/// A typed slot in a section that reads and writes a [`Value`].
pub trait Slot: Sized {
    fn get_value(&self) -> Option<Value>;
    /// The slot's value for `v`, or `None` when `v` is of another type.
    fn from_value(v: Value) -> Option<Self>;
    fn set_value(&mut self, v: Value) {
        if let Some(x) = Self::from_value(v) {
            *self = x;
        }
    }
    /// [`Slot::set_value`] with a number. Through [`Field::set_number`] the value is made and
    /// read within one function, which the compiler reduces to a store for a numeric slot.
    fn set_number(&mut self, x: f64) {
        self.set_value(Value::Num(x));
    }
}

macro_rules! numeric_slot {
    ($t:ty, $to:expr, $from:expr) => {
        impl Slot for $t {
            fn get_value(&self) -> Option<Value> {
                let to: fn(&$t) -> f64 = $to;
                Some(Value::Num(to(self)))
            }
            fn from_value(v: Value) -> Option<Self> {
                let from: fn(f64) -> $t = $from;
                match v {
                    Value::Num(x) => Some(from(x)),
                    Value::Range(r) => Some(from(r.median())),
                    _ => None,
                }
            }
        }
    };
}

numeric_slot!(f64, |s| *s, |x| x);
numeric_slot!(Count, |s| s.0, Count);
numeric_slot!(Information, |s| s.get::<byte>(), units::bytes);
numeric_slot!(Time, |s| s.get::<second>(), units::seconds);
numeric_slot!(Frequency, |s| s.get::<hertz>(), units::per_second);

impl Slot for String {
    fn get_value(&self) -> Option<Value> {
        Some(Value::Text(self.clone()))
    }
    fn from_value(v: Value) -> Option<Self> {
        match v {
            Value::Text(t) => Some(t),
            _ => None,
        }
    }
}

impl Slot for bool {
    fn get_value(&self) -> Option<Value> {
        Some(Value::Bool(*self))
    }
    fn from_value(v: Value) -> Option<Self> {
        match v {
            Value::Bool(b) => Some(b),
            _ => None,
        }
    }
}

impl<T: Slot> Slot for Option<T> {
    fn get_value(&self) -> Option<Value> {
        self.as_ref().and_then(Slot::get_value)
    }
    fn from_value(v: Value) -> Option<Self> {
        Some(T::from_value(v))
    }
}

/// A closed set of words stored as an enum.
macro_rules! choice_slot {
    ($t:ty, $names:expr, $all:expr) => {
        impl Slot for $t {
            fn get_value(&self) -> Option<Value> {
                let i = $all.iter().position(|x| x == self)?;
                Some(Value::Text($names[i].to_string()))
            }
            fn from_value(v: Value) -> Option<Self> {
                match v {
                    Value::Text(t) => $names.iter().position(|n| *n == t).map(|i| $all[i]),
                    _ => None,
                }
            }
        }
    };
}

choice_slot!(Dtype, Dtype::NAMES, Dtype::ALL);
choice_slot!(IndexKind, IndexKind::NAMES, IndexKind::ALL);
choice_slot!(Mode, Mode::NAMES, Mode::ALL);
choice_slot!(WeightDtype, WeightDtype::NAMES, WeightDtype::ALL);
choice_slot!(Optimizer, Optimizer::NAMES, Optimizer::ALL);
choice_slot!(Correction, Correction::NAMES, Correction::ALL);
choice_slot!(Precision, Precision::NAMES, Precision::ALL);

/// Declares a section's field table: `key: kind, zero_ok, "doc";`.
macro_rules! fields {
    ($S:ty { $($key:ident : $kind:expr, $zero:expr, $doc:literal;)* }) => {
        &[$($crate::scenario::schema::Field::<$S> {
            key: stringify!($key),
            kind: $kind,
            zero_ok: $zero,
            doc: $doc,
            get: |s| $crate::scenario::schema::Slot::get_value(&s.$key),
            set: |s, v| $crate::scenario::schema::Slot::set_value(&mut s.$key, v),
            set_number: |s, x| $crate::scenario::schema::Slot::set_number(&mut s.$key, x),
            clear: |s| s.$key = <$S>::default().$key,
        }),*]
    };
}

pub(crate) use fields;

/// A section of the file, as the reader and overrides see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
    Meta,
    Traffic,
    Corpus,
    Embeddings,
    Index,
    Stage,
    Serving,
    Logging,
    Log,
    Graph,
    TextIndex,
    Training,
    EmbeddingTable,
    Sampling,
    FeatureStore,
    Experiment,
    Labelling,
    Cache,
    Llm,
    Diffusion,
}

impl Section {
    pub const ALL: [Section; 20] = [
        Section::Meta,
        Section::Traffic,
        Section::Corpus,
        Section::Embeddings,
        Section::Index,
        Section::Stage,
        Section::Serving,
        Section::Logging,
        Section::Log,
        Section::Graph,
        Section::TextIndex,
        Section::Training,
        Section::EmbeddingTable,
        Section::Sampling,
        Section::FeatureStore,
        Section::Experiment,
        Section::Labelling,
        Section::Cache,
        Section::Llm,
        Section::Diffusion,
    ];

    /// The TOML key: `[traffic]`, `[[corpus]]`, `[[stage]]`.
    pub fn key(self) -> &'static str {
        match self {
            Section::Meta => "meta",
            Section::Traffic => "traffic",
            Section::Corpus => "corpus",
            Section::Embeddings => "embeddings",
            Section::Index => "index",
            Section::Stage => "stage",
            Section::Serving => "serving",
            Section::Logging => "logging",
            Section::Log => "log",
            Section::Graph => "graph",
            Section::TextIndex => "text_index",
            Section::Training => "training",
            Section::EmbeddingTable => "embedding_table",
            Section::Sampling => "sampling",
            Section::FeatureStore => "feature_store",
            Section::Experiment => "experiment",
            Section::Labelling => "labelling",
            Section::Cache => "cache",
            Section::Llm => "llm",
            Section::Diffusion => "diffusion",
        }
    }

    /// Whether the section is a list of named entries (`[[corpus]]`, `[[stage]]`).
    pub fn is_list(self) -> bool {
        matches!(
            self,
            Section::Corpus | Section::Stage | Section::Log | Section::EmbeddingTable
        )
    }

    /// The keys and docs of the section's fields, for listings and suggestions.
    pub fn keys(self) -> Vec<(&'static str, FieldKind, &'static str)> {
        if self == Section::Meta {
            return META_KEYS
                .iter()
                .map(|&(k, _, d)| (k, FieldKind::Text, d))
                .collect();
        }
        registry::row(self)
            .fields()
            .map(|f| (f.key, f.kind, f.doc))
            .collect()
    }

    /// The section itself, not a list entry: `traffic`.
    pub fn path(self) -> SectionPath {
        SectionPath::new(self, None)
    }

    /// The path of this section's input `key`: `Section::Traffic.at("dau")`. `key` is one of
    /// the section's keys, written in the code (a user's text is read by `InputPath::from_str`).
    pub fn at(self, key: &'static str) -> InputPath {
        InputPath {
            section: self,
            entry: None,
            key,
        }
    }
}

/// `[meta]` keys: descriptive, not inputs.
/// (key, how it is written, meaning).
#[rustfmt::skip]
pub const META_KEYS: &[(&str, &str, &str)] = &[
    ("id", "text", "kebab-case id, unique among presets; a user preset's file is named after it"),
    ("title", "text", "the case study's title"),
    ("chapter", "whole number", "the book's chapter, where it has one"),
    ("summary", "text", "one line"),
    ("sources", "list of text", "the sources behind the numbers"),
    ("expected_warnings", "list of text", "warning ids the scenario expects (explain each in a comment); presets are tested against it"),
];

/// Reads `text` as a value of `kind` (the same rules as a file's string values).
pub fn parse_value(text: &str, kind: FieldKind, zero_ok: bool) -> Result<Value, (String, String)> {
    let text = text.trim();
    match kind {
        FieldKind::Quantity(k) => match units::parse_range(text, k) {
            Some(Ok(r)) if r.lo == 0.0 && !zero_ok => Err((
                format!("the low end of \"{text}\" must be more than 0"),
                "write a positive low end".into(),
            )),
            // A range of one value is that value.
            Some(Ok(r)) if r.lo == r.hi => Ok(Value::Num(r.lo)),
            Some(Ok(r)) => Ok(Value::Range(r)),
            Some(Err(e)) => Err((e.problem, e.hint)),
            None => match units::parse(text, k) {
                Ok(x) if x == 0.0 && !zero_ok => Err((
                    "must be more than 0".into(),
                    "write a positive value".into(),
                )),
                Ok(x) => Ok(Value::Num(x)),
                Err(e) => Err((e.problem, e.hint)),
            },
        },
        FieldKind::Text => Ok(Value::Text(text.trim_matches('"').to_string())),
        FieldKind::Choice(names) if names.contains(&text) => Ok(Value::Text(text.to_string())),
        FieldKind::Choice(names) => Err((
            format!("\"{text}\" is not one of {}", names.join(", ")),
            super::diagnostic::suggest(text, names),
        )),
        FieldKind::Bool => match text {
            "true" => Ok(Value::Bool(true)),
            "false" => Ok(Value::Bool(false)),
            _ => Err((
                format!("\"{text}\" is not true or false"),
                "write true or false".into(),
            )),
        },
    }
}

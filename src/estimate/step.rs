//! A line of working as data: numbers with how they are written and where they came from,
//! operators, brackets and words. The estimate builds a line through [`Line`]; each face writes
//! the pieces its own way (plain text, Markdown, the screen's colours) in the style it was
//! asked for, so no number is written before its face is known.

use super::id::{In, Out, OutputId};
use crate::scenario::InputPath;
use crate::units::Kind;
use std::borrow::Cow;
use std::fmt::{self, Write as _};

/// How a number of the working is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    /// In its kind's unit, with the best prefix: "116k/s", "1.02 TB".
    Quantity(Kind),
    /// Every digit, grouped: "86,400".
    Exact,
    /// Three significant figures and no unit: "0.025".
    Figures,
    /// This many decimals: a quantile "1.9600".
    Decimals(u8),
}

/// An operator between numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Times,
    Divide,
    Plus,
    Minus,
    Equals,
}

impl Op {
    /// The operator as written, with a space each side.
    pub fn text(self) -> &'static str {
        match self {
            Op::Times => " × ",
            Op::Divide => " ÷ ",
            Op::Plus => " + ",
            Op::Minus => " − ",
            Op::Equals => " = ",
        }
    }
}

/// A rounding or grouping bracket.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bracket {
    CeilOpen,
    CeilClose,
    FloorOpen,
    FloorClose,
}

impl Bracket {
    pub fn text(self) -> &'static str {
        match self {
            Bracket::CeilOpen => "⌈",
            Bracket::CeilClose => "⌉",
            Bracket::FloorOpen => "⌊",
            Bracket::FloorClose => "⌋",
        }
    }
}

/// What an output reads directly: an input, or an earlier output.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dep {
    Input(InputPath),
    Output(OutputId),
}

impl fmt::Display for Dep {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Dep::Input(p) => p.fmt(f),
            Dep::Output(id) => id.fmt(f),
        }
    }
}

impl serde::Serialize for Dep {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Where a number of the working came from, named while the estimate runs.
#[derive(Clone, Copy, Debug)]
pub enum Ref<'a> {
    Input(In<'a>),
    Output(Out<'a>),
}

impl<'a> From<In<'a>> for Ref<'a> {
    fn from(i: In<'a>) -> Ref<'a> {
        Ref::Input(i)
    }
}

impl<'a> From<Out<'a>> for Ref<'a> {
    fn from(o: Out<'a>) -> Ref<'a> {
        Ref::Output(o)
    }
}

impl Ref<'_> {
    pub fn to_dep(self) -> Dep {
        match self {
            Ref::Input(i) => Dep::Input(i.to_path()),
            Ref::Output(o) => Dep::Output(o.to_id()),
        }
    }
}

/// One piece of a line of working.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    /// A number: its value in its kind's base unit, how it is written, and the input or
    /// earlier output it is (none for a number worked out in the line).
    Num {
        value: f64,
        shown: Shown,
        from: Option<Dep>,
    },
    Op(Op),
    Bracket(Bracket),
    /// Words between the numbers.
    Text(Cow<'static, str>),
}

/// One line of a derivation: its pieces and its result.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub pieces: Vec<Piece>,
    pub value: f64,
    pub kind: Kind,
}

impl Step {
    /// A line of words alone with its result: working composed outside the estimate (a range's
    /// median, a p50 over samples).
    pub fn words(text: String, value: f64, kind: Kind) -> Step {
        Step {
            pieces: vec![Piece::Text(Cow::Owned(text))],
            value,
            kind,
        }
    }

    /// The inputs and outputs the line's numbers name.
    pub fn deps(&self) -> impl Iterator<Item = &Dep> {
        self.pieces.iter().filter_map(|p| match p {
            Piece::Num { from, .. } => from.as_ref(),
            _ => None,
        })
    }
}

/// Builds one line of working; see [`super::Trace::step`]. Each method adds a piece and returns
/// the line, so a line reads as a chain: `w.q(dau, Kind::Count).t(" DAU").op(Op::Times)…`.
#[derive(Debug, Default)]
pub struct Line {
    pub(super) pieces: Vec<Piece>,
    /// What the line's numbers name, in order (the recorder keeps them as dependencies).
    pub(super) named: Vec<Dep>,
    /// Keeps what the numbers name and no pieces: the graph without the working.
    pub(super) deps_only: bool,
}

impl Line {
    /// The pieces written so far.
    pub fn pieces(&self) -> &[Piece] {
        &self.pieces
    }

    fn num(&mut self, value: f64, shown: Shown) -> &mut Line {
        if self.deps_only {
            return self;
        }
        self.pieces.push(Piece::Num {
            value,
            shown,
            from: None,
        });
        self
    }

    /// A quantity in its kind's unit: "116k/s".
    pub fn q(&mut self, value: f64, kind: Kind) -> &mut Line {
        self.num(value, Shown::Quantity(kind))
    }

    /// A number with every digit: "86,400".
    pub fn n(&mut self, value: f64) -> &mut Line {
        self.num(value, Shown::Exact)
    }

    /// A number to three significant figures: "0.025".
    pub fn sig(&mut self, value: f64) -> &mut Line {
        self.num(value, Shown::Figures)
    }

    /// A number with `decimals` decimals.
    pub fn fixed(&mut self, value: f64, decimals: u8) -> &mut Line {
        self.num(value, Shown::Decimals(decimals))
    }

    /// Marks the number just added as the input or earlier output `from`.
    pub fn of<'a>(&mut self, from: impl Into<Ref<'a>>) -> &mut Line {
        let dep = from.into().to_dep();
        if let Some(Piece::Num { from, .. }) = self.pieces.last_mut() {
            *from = Some(dep.clone());
        }
        self.named.push(dep);
        self
    }

    /// Words of the working.
    pub fn t(&mut self, text: &'static str) -> &mut Line {
        if !text.is_empty() && !self.deps_only {
            self.pieces.push(Piece::Text(Cow::Borrowed(text)));
        }
        self
    }

    /// Words that come from the scenario or are worked out: a name, a choice.
    pub fn show(&mut self, text: impl fmt::Display) -> &mut Line {
        if self.deps_only {
            return self;
        }
        let mut s = String::new();
        let _ = write!(s, "{text}");
        if !s.is_empty() {
            self.pieces.push(Piece::Text(Cow::Owned(s)));
        }
        self
    }

    /// A sum of the parts that are not zero ("1.2 TB corpora + 4 TB logs"), each a quantity of
    /// `kind` followed by its words; "0" in `kind` when every part is zero. Then " = total".
    pub fn sum(&mut self, kind: Kind, parts: &[(f64, &'static str)], total: f64) -> &mut Line {
        let mut first = true;
        for &(x, words) in parts.iter().filter(|(x, _)| *x != 0.0) {
            if !first {
                self.op(Op::Plus);
            }
            first = false;
            self.q(x, kind).t(words);
        }
        if first {
            self.t("nothing");
        }
        self.op(Op::Equals).q(total, kind)
    }

    pub fn op(&mut self, op: Op) -> &mut Line {
        if !self.deps_only {
            self.pieces.push(Piece::Op(op));
        }
        self
    }

    pub fn bracket(&mut self, b: Bracket) -> &mut Line {
        if !self.deps_only {
            self.pieces.push(Piece::Bracket(b));
        }
        self
    }
}

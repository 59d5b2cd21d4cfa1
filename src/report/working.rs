//! A line of working written out: each number in its own way ([`Shown`]) and in the style the
//! reader asked for, operators and brackets as symbols, a count of one made singular ("1 copy").
//! The text, JSON and Markdown reports write steps with [`text`]; the screen styles the same
//! pieces itself.

use crate::estimate::{Piece, Shown, Step};
use crate::units::format::{Grouped, Human, Sig, Style};
use std::fmt::{self, Write as _};

/// A number of the working as written in `style`.
pub struct Number {
    pub value: f64,
    pub shown: Shown,
    pub style: Style,
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.shown {
            Shown::Quantity(kind) => Human::styled(self.value, kind, self.style).fmt(f),
            Shown::Exact => Grouped(self.value).fmt(f),
            Shown::Figures => Sig(self.value).fmt(f),
            Shown::Decimals(d) => write!(f, "{:.*}", usize::from(d), self.value),
        }
    }
}

/// Writes one piece.
pub fn piece(p: &Piece, style: Style, out: &mut String) {
    match p {
        Piece::Num { value, shown, .. } => {
            let _ = write!(
                out,
                "{}",
                Number {
                    value: *value,
                    shown: *shown,
                    style
                }
            );
        }
        Piece::Op(op) => out.push_str(op.text()),
        Piece::Bracket(b) => out.push_str(b.text()),
        Piece::Text(t) => out.push_str(t),
    }
}

/// What a segment of a written line is, for a face that styles them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Segment {
    /// A number worked out in the line.
    Number,
    /// A number that is an input of the scenario.
    Input,
    /// A number that is an earlier output.
    Output,
    /// An operator or a bracket.
    Symbol,
    Words,
}

/// The line as text segments, each with what it is; a count of exactly one makes the plural
/// after it singular ("1 copy").
pub fn segments(step: &Step, style: Style) -> Vec<(String, Segment)> {
    let mut out: Vec<(String, Segment)> = Vec::with_capacity(step.pieces.len());
    let mut after_one = false;
    for p in &step.pieces {
        let mut text = String::new();
        piece(p, style, &mut text);
        let kind = match p {
            Piece::Num { from, .. } => match from {
                Some(crate::estimate::Dep::Input(_)) => Segment::Input,
                Some(crate::estimate::Dep::Output(_)) => Segment::Output,
                None => Segment::Number,
            },
            Piece::Op(_) | Piece::Bracket(_) => Segment::Symbol,
            Piece::Text(_) => Segment::Words,
        };
        if after_one && kind == Segment::Words {
            // "1" and the words after it, made singular, then the "1" taken off again.
            let one = singular(format!("1{text}"));
            text = one[1..].to_string();
        }
        after_one = matches!(p, Piece::Num { value, .. } if *value == 1.0);
        out.push((text, kind));
    }
    out
}

/// The line as plain text.
pub fn text(step: &Step, style: Style) -> String {
    let mut out = String::with_capacity(128);
    for (t, _) in segments(step, style) {
        out.push_str(&t);
    }
    singular(out)
}

/// Plurals written after a count, and the singular each becomes after exactly "1 ".
const ONES: [(&str, &str); 17] = [
    ("copies", "copy"),
    ("servers", "server"),
    ("regions", "region"),
    ("replicas", "replica"),
    ("shards", "shard"),
    ("stages", "stage"),
    ("log streams", "log stream"),
    ("items per request", "item per request"),
    ("devices", "device"),
    ("nodes", "node"),
    ("epochs", "epoch"),
    ("arms", "arm"),
    ("tables", "table"),
    ("corpora", "corpus"),
    ("runs", "run"),
    ("annotators", "annotator"),
    ("views", "view"),
];

/// "1 copies" → "1 copy": the working is written once with plurals, and a count of exactly one
/// is made singular where it is written.
pub fn singular(mut text: String) -> String {
    let mut from = 0;
    while let Some(i) = text.as_bytes()[from..]
        .windows(2)
        .position(|w| w == b"1 ")
        .map(|i| i + from)
    {
        from = i + 2;
        // A whole one: not the last digit of 11, 2.1 or 1,001.
        let before = text[..i].bytes().next_back();
        if before.is_some_and(|c| c.is_ascii_digit() || c == b'.' || c == b',') {
            continue;
        }
        let rest = &text[i + 2..];
        let plural = ONES.iter().find(|(plural, _)| {
            rest.starts_with(plural)
                && rest[plural.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        });
        if let Some((plural, one)) = plural {
            text.replace_range(i + 2..i + 2 + plural.len(), one);
            from = i + 2 + one.len();
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::{singular, text};
    use crate::estimate::{Line, Op, Step};
    use crate::units::Kind;
    use crate::units::format::Style;

    #[test]
    fn a_count_of_one_is_singular() {
        assert_eq!(
            singular("10B items × 50 MB × 1 copies = 500 PB".into()),
            "10B items × 50 MB × 1 copy = 500 PB"
        );
        assert_eq!(
            singular("(12 + 1 spare) × 1 regions = 13 servers".into()),
            "(12 + 1 spare) × 1 region = 13 servers"
        );
        assert_eq!(
            singular("11 servers, 2.1 servers, 1 serversX".into()),
            "11 servers, 2.1 servers, 1 serversX"
        );
        assert_eq!(
            singular("sum over 1 stages = 1 servers".into()),
            "sum over 1 stage = 1 server"
        );
    }

    #[test]
    fn a_line_is_written_in_the_style_asked_for() {
        let mut w = Line::default();
        w.q(1e12, Kind::Size).op(Op::Times).n(3.0).t(" copies");
        let step = Step {
            pieces: w.pieces().to_vec(),
            value: 3e12,
            kind: Kind::Size,
        };
        assert_eq!(text(&step, Style::Decimal), "1 TB × 3 copies");
        // 10^12 B ÷ 2^30 = 931.3 GiB.
        assert_eq!(text(&step, Style::Binary), "931 GiB × 3 copies");
    }
}

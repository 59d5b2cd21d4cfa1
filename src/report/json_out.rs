//! JSON written safe for a terminal: serde_json escapes the C0 controls (ESC among them), and
//! this also escapes DEL and the C1 controls (U+007F–U+009F: U+009B is a one-character CSI to
//! some terminals), so a scenario's title cannot reach the terminal as a command. The text is
//! the same JSON value either way.

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter, Serializer};
use std::io::{self, Write};

/// One line, for a pipe; or indented, for a person at a terminal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Indented, for a person at a terminal.
    Pretty,
    /// One line, for a pipe (the same object, a third fewer bytes to write and read).
    Compact,
}

/// Writes `value` as JSON in `layout`, with DEL and the C1 controls escaped.
pub fn write<W: Write, T: Serialize + ?Sized>(out: W, value: &T, layout: Layout) -> io::Result<()> {
    match layout {
        Layout::Compact => {
            value.serialize(&mut Serializer::with_formatter(out, Safe(CompactFormatter)))
        }
        Layout::Pretty => value.serialize(&mut Serializer::with_formatter(
            out,
            Safe(PrettyFormatter::new()),
        )),
    }
    .map_err(io::Error::from)
}

/// [`write()`] into a string.
pub fn to_string<T: Serialize + ?Sized>(value: &T, layout: Layout) -> String {
    let mut out = Vec::with_capacity(1024);
    // Writing into memory cannot fail, and serde_json writes UTF-8.
    let _ = write(&mut out, value, layout);
    String::from_utf8(out).unwrap_or_default()
}

/// A formatter that writes as `F` does, escaping the characters a terminal may obey.
struct Safe<F>(F);

fn unsafe_char(c: char) -> bool {
    ('\u{7f}'..='\u{9f}').contains(&c)
}

impl<F: Formatter> Formatter for Safe<F> {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut rest = fragment;
        while let Some(i) = rest.find(unsafe_char) {
            writer.write_all(&rest.as_bytes()[..i])?;
            let c = rest[i..].chars().next().unwrap_or_default();
            write!(writer, "\\u{:04x}", c as u32)?;
            rest = &rest[i + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }

    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c1_controls_and_del_are_escaped_and_read_back_the_same() {
        let title = "a\u{9b}31m\u{7f}é\u{1b}[0m";
        for layout in [Layout::Compact, Layout::Pretty] {
            let text = to_string(&serde_json::json!({ "title": title }), layout);
            assert!(text.contains(r"a\u009b31m\u007fé\u001b[0m"), "{text}");
            assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{text}");
            let back: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(back["title"], title);
        }
        let pretty = to_string(&serde_json::json!({ "a": [1] }), Layout::Pretty);
        assert_eq!(pretty, "{\n  \"a\": [\n    1\n  ]\n}");
    }
}

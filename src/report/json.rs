//! `calc --format json`: the contract scripts rely on (see the scenario spec in the README).

use super::Report;
use crate::estimate::Warning;
use crate::scenario::Source;

/// How the JSON object is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Indented, for a person at a terminal.
    Pretty,
    /// One line, for a pipe (the same object, a third fewer bytes to write and read).
    Compact,
}

/// The report as one JSON object.
///
/// The object has one fixed shape, so it is written field by field: keys are literals and only
/// values are escaped (serde_json's derive took twice as long, a fifth of `calc`'s start, see
/// `benches/README.md`). The tests hold it to serde_json: every string escapes and every number
/// is written the same, and the whole object parses.
pub fn render(r: &Report, layout: Layout) -> String {
    let mut j = Writer(Vec::with_capacity(32 * 1024));
    j.raw("{\"scenario\":{\"id\":");
    j.string(&r.id);
    j.raw(",\"title\":");
    j.string(&r.title);
    if let Some(chapter) = r.chapter {
        j.raw(",\"chapter\":");
        j.raw(&chapter.to_string());
    }
    j.raw("},\"outputs\":[");
    for (i, o) in r.outputs.iter().enumerate() {
        j.comma(i);
        j.raw("{\"id\":");
        j.string(&o.id);
        j.raw(",\"label\":");
        j.string(&o.label);
        j.raw(",\"value\":");
        j.number(o.value);
        j.raw(",\"unit\":");
        j.string(o.kind.base_unit());
        j.raw(",\"display\":");
        j.string(&r.human(o.value, o.kind));
        j.raw(",\"napkin\":");
        j.number(r.napkin(o.value, o.kind));
        j.raw(",\"steps\":[");
        for (k, step) in o.steps.iter().enumerate() {
            j.comma(k);
            j.raw("{\"text\":");
            j.string(&step.text);
            j.raw(",\"value\":");
            j.number(step.value);
            j.raw("}");
        }
        j.raw("],\"inputs\":[");
        for (k, path) in o.inputs.iter().enumerate() {
            j.comma(k);
            j.string(path);
        }
        j.raw("]}");
    }
    j.raw("],\"warnings\":[");
    for (i, w) in r.warnings.iter().enumerate() {
        j.comma(i);
        j.warning(w);
    }
    j.raw("],\"inputs\":[");
    for (i, input) in r.inputs.iter().enumerate() {
        j.comma(i);
        j.raw("{\"path\":");
        j.string(&input.path);
        j.raw(",\"value\":");
        j.string(&input.display);
        if let Some(source) = &input.source {
            j.raw(",\"source\":");
            j.source(source);
        }
        j.raw(",\"given\":");
        j.raw(if input.given { "true" } else { "false" });
        j.raw("}");
    }
    j.raw("]}");
    let text = String::from_utf8(j.0).expect("the writer appends only UTF-8 text");
    match layout {
        Layout::Compact => text,
        Layout::Pretty => indent(&text),
    }
}

/// Compact JSON laid out as serde_json's pretty printer does (two spaces a level, `"key": value`,
/// `[]` for an empty list), with every string and number kept byte for byte.
fn indent(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() * 2);
    let mut depth = 0usize;
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        out.extend(std::iter::repeat_n("  ", depth));
    };
    let mut chars = compact.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                out.push('"');
                while let Some(c) = chars.next() {
                    out.push(c);
                    match c {
                        '\\' => out.extend(chars.next()),
                        '"' => break,
                        _ => {}
                    }
                }
            }
            '{' | '[' => {
                out.push(c);
                if matches!(chars.peek(), Some('}' | ']')) {
                    out.extend(chars.next());
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(',');
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            c => out.push(c),
        }
    }
    out
}

/// Appends JSON text (as bytes, so numbers can be written straight in).
struct Writer(Vec<u8>);

impl Writer {
    fn raw(&mut self, text: &str) {
        self.0.extend_from_slice(text.as_bytes());
    }

    fn comma(&mut self, index: usize) {
        if index > 0 {
            self.0.push(b',');
        }
    }

    /// A number as serde_json writes it (shortest round-trip form; null if not finite).
    fn number(&mut self, x: f64) {
        serde_json::to_writer(&mut self.0, &x).expect("writing to memory cannot fail");
    }

    /// A string, quoted and escaped as serde_json escapes it.
    fn string(&mut self, s: &str) {
        self.0.push(b'"');
        // Almost every string needs no escape; this test has no branch per byte, so the
        // compiler checks many bytes at once.
        let needs_escape = s.bytes().fold(false, |any, b| {
            any | (b < 0x20) | (b == b'"') | (b == b'\\')
        });
        if !needs_escape {
            self.0.extend_from_slice(s.as_bytes());
            self.0.push(b'"');
            return;
        }
        let mut clean = 0;
        for (i, b) in s.bytes().enumerate() {
            let escape: &[u8] = match b {
                b'"' => b"\\\"",
                b'\\' => b"\\\\",
                b'\n' => b"\\n",
                b'\r' => b"\\r",
                b'\t' => b"\\t",
                0x08 => b"\\b",
                0x0c => b"\\f",
                0..0x20 => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    &[
                        b'\\',
                        b'u',
                        b'0',
                        b'0',
                        HEX[(b >> 4) as usize],
                        HEX[(b & 15) as usize],
                    ]
                }
                _ => continue,
            };
            self.0.extend_from_slice(&s.as_bytes()[clean..i]);
            self.0.extend_from_slice(escape);
            clean = i + 1;
        }
        self.0.extend_from_slice(&s.as_bytes()[clean..]);
        self.0.push(b'"');
    }

    fn warning(&mut self, w: &Warning) {
        self.raw("{\"id\":");
        self.string(w.id);
        self.raw(",\"subject\":");
        self.string(&w.subject);
        self.raw(",\"message\":");
        self.string(&w.message);
        self.raw("}");
    }

    fn source(&mut self, s: &Source) {
        self.raw("{\"kind\":");
        self.string(s.kind.label());
        self.raw(",\"note\":");
        self.string(&s.note);
        self.raw("}");
    }
}

#[cfg(test)]
mod tests {
    use super::{Layout, Writer, render};
    use crate::report::Report;
    use crate::units::Style;

    /// `json` without the whitespace outside its strings.
    fn minify(json: &str) -> String {
        let mut out = String::new();
        let (mut in_string, mut escaped) = (false, false);
        for c in json.chars() {
            if in_string {
                out.push(c);
                (in_string, escaped) = match (escaped, c) {
                    (true, _) => (true, false),
                    (false, '\\') => (true, true),
                    (false, '"') => (false, false),
                    _ => (true, false),
                };
            } else if !c.is_whitespace() {
                in_string = c == '"';
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn both_layouts_hold_the_same_text_for_every_preset() {
        for preset in crate::presets::builtin() {
            let s = preset.load().unwrap();
            let r = Report::build(&s, Style::Decimal).unwrap();
            let compact = render(&r, Layout::Compact);
            let pretty = render(&r, Layout::Pretty);
            assert!(!compact.contains('\n'), "{}: one line", preset.id);
            // Same keys in the same order, same strings and numbers to the last digit.
            assert_eq!(minify(&pretty), compact, "{}", preset.id);
            let a: serde_json::Value = serde_json::from_str(&compact).unwrap();
            assert_eq!(a["outputs"].as_array().unwrap().len(), r.outputs.len());
            assert_eq!(a["inputs"].as_array().unwrap().len(), r.inputs.len());
            assert_eq!(a["warnings"].as_array().unwrap().len(), r.warnings.len());
        }
    }

    #[test]
    fn every_input_an_output_read_is_listed_with_its_value() {
        for preset in crate::presets::builtin() {
            let s = preset.load().unwrap();
            let r = Report::build(&s, Style::Decimal).unwrap();
            for o in &r.outputs {
                for path in &o.inputs {
                    assert!(
                        r.input(path).is_some(),
                        "{}: {} reads {path}",
                        preset.id,
                        o.id
                    );
                }
            }
        }
    }

    #[test]
    fn pretty_is_laid_out_as_serde_json_lays_it_out() {
        // serde_json's own pretty printer on a value whose keys are already in sorted order
        // (so its map keeps the order), with nesting, an empty list, escapes and a colon and
        // brackets inside strings.
        let compact = r#"{"a":[1,{"b":"x: [y], {z}","c":[]}],"d":"q\"uo\\te","e":{}}"#;
        let value: serde_json::Value = serde_json::from_str(compact).unwrap();
        assert_eq!(
            super::indent(compact),
            serde_json::to_string_pretty(&value).unwrap()
        );
    }

    proptest::proptest! {
        /// Any text, control characters, quotes and non-ASCII included, escapes as serde_json's.
        #[test]
        fn strings_escape_as_serde_json_escapes_them(s in "\\PC*|[\\x00-\\x1f\"\\\\a-z×µ]*") {
            let mut w = Writer(Vec::new());
            w.string(&s);
            proptest::prop_assert_eq!(String::from_utf8(w.0).unwrap(), serde_json::to_string(&s).unwrap());
        }

        /// Numbers are written as serde_json writes them.
        #[test]
        fn numbers_write_as_serde_json_writes_them(x in proptest::num::f64::ANY) {
            let mut w = Writer(Vec::new());
            w.number(x);
            proptest::prop_assert_eq!(String::from_utf8(w.0).unwrap(), serde_json::to_string(&x).unwrap());
        }
    }
}

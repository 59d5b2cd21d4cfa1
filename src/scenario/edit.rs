//! Writing an edited scenario back as TOML: the original text with the edited values replaced,
//! so comments, order and the sources of untouched inputs survive.

use super::Scenario;
use super::path::InputPath;
use super::schema::Section;
use std::ops::Range;

/// A TOML basic string for `s`.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// What the original said of an input, on one line: "was 1B (book: ch. 6)", "was the default".
pub fn was(s: &Scenario, path: &InputPath) -> String {
    let said = match (s.provenance.raw.get(path), s.provenance.source(path)) {
        (Some(raw), Some(src)) => format!("was {raw} ({src})"),
        (Some(raw), None) => format!("was {raw}"),
        (None, _) => "was the default".to_string(),
    };
    said.replace(['\n', '\r'], " ")
}

/// The text to remove so that the input whose value spans `value` is gone: the whole line, turned
/// into `comment`, when the line holds only `key = value` (and a comment); otherwise, inside an
/// inline table, the `key = value` pair and one comma beside it.
fn removal(original: &str, value: &Range<usize>, comment: String) -> (Range<usize>, String) {
    let line_start = original[..value.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = original[value.end..]
        .find('\n')
        .map_or(original.len(), |i| value.end + i);
    let before = original[line_start..value.start].trim_end();
    let key_and_eq = before.strip_suffix('=').map(str::trim_end);
    let key_start = key_and_eq.map(|k| {
        let is_key = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '"' | '.');
        line_start + k.trim_end_matches(is_key).len()
    });
    let after = original[value.end..line_end].trim_start();
    match key_start {
        Some(k)
            if original[line_start..k].trim().is_empty()
                && (after.is_empty() || after.starts_with('#')) =>
        {
            (line_start..line_end, comment)
        }
        Some(k) => {
            let rest = &original[value.end..];
            let trailing = rest.trim_start();
            if let Some(after_comma) = trailing.strip_prefix(',') {
                let end = original.len() - after_comma.trim_start().len();
                (k..end, String::new())
            } else {
                let lead = original[..k].trim_end();
                let start = lead.strip_suffix(',').map_or(k, str::len);
                (start..value.end, String::new())
            }
        }
        None => (line_start..line_end, comment),
    }
}

/// The value written for an edited input: what the user typed, marked as an edit with what the
/// original said, so the new file is as honest about its sources as the old one.
fn edited_value(s: &Scenario, path: &InputPath, typed: &str) -> String {
    let value = match typed {
        "true" | "false" => typed.to_string(),
        _ => quoted(typed),
    };
    let note = format!("edited in napkin; {}", was(s, path));
    format!("{{ value = {value}, assume = {} }}", quoted(&note))
}

/// The input paths whose values differ between `a` and `b`: what a rewrite failed to keep.
pub fn differences(a: &Scenario, b: &Scenario) -> Vec<InputPath> {
    let mut paths = super::overrides::paths(a);
    for p in super::overrides::paths(b) {
        if !paths.contains(&p) {
            paths.push(p);
        }
    }
    // A range and a plain value at its median differ too.
    paths.retain(|p| {
        super::overrides::get(a, p).map(|v| v.0) != super::overrides::get(b, p).map(|v| v.0)
            || a.range(p) != b.range(p)
    });
    paths
}

/// `original` (the text `s` was read from) with each `(path, typed text)` edit applied and the
/// scenario renamed to `id` and `title`.
pub fn rewrite(
    original: &str,
    s: &Scenario,
    edits: &[(InputPath, String)],
    id: &str,
    title: &str,
) -> String {
    let mut replacements: Vec<(Range<usize>, String)> = Vec::new();
    let mut appended = String::new();
    for (path, typed) in edits {
        if typed.trim().is_empty() {
            // Cleared: back to the default. The key's line becomes a comment saying what it was.
            if let Some(place) = s.provenance.places.get(path) {
                let comment = format!("# {} removed in napkin; {}", path.key, was(s, path));
                replacements.push(removal(original, &place.span, comment));
            }
            continue;
        }
        let new = edited_value(s, path, typed);
        if let Some(place) = s.provenance.places.get(path) {
            replacements.push((place.span.clone(), new));
            continue;
        }
        let (section, key) = (path.section_path(), path.key);
        match s.provenance.section_ends.get(&section) {
            Some(&end) => replacements.push((end..end, format!("\n{key} = {new}"))),
            None => appended.push_str(&format!("\n[{section}]\n{key} = {new}\n")),
        }
    }
    for (key, value) in [("id", id), ("title", title)] {
        let path = Section::Meta.at(key);
        match s.provenance.places.get(&path) {
            Some(place) => replacements.push((place.span.clone(), quoted(value))),
            None => {
                let end = s
                    .provenance
                    .section_ends
                    .get(&Section::Meta.path())
                    .copied()
                    .unwrap_or(0);
                replacements.push((end..end, format!("\n{key} = {}", quoted(value))));
            }
        }
    }
    // Apply from the end so earlier offsets stay valid; insertions at one offset keep their order.
    replacements.sort_by_key(|r| std::cmp::Reverse(r.0.start));
    let mut text = original.to_string();
    for (range, new) in replacements {
        text.replace_range(range, &new);
    }
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(&appended);
    text
}

#[cfg(test)]
mod tests {
    use super::rewrite;
    use crate::scenario::load_str;
    use crate::scenario::path::p;

    const TEXT: &str = "# comment kept\n[meta]\nid = \"a\"\ntitle = \"A\"\n\n[traffic]\ndau = { value = \"1B\", book = \"ch. 6\" }\nrequests_per_user_per_day = 5 # inline comment\n";

    #[test]
    fn edits_replace_values_and_keep_comments() {
        let s = load_str(TEXT, "a.toml").unwrap();
        let edits = vec![
            (p("traffic.dau"), "200M".to_string()),
            (p("traffic.peak_factor"), "3".to_string()),
            (p("serving.redundancy"), "1".to_string()),
        ];
        let out = rewrite(TEXT, &s, &edits, "a-edited", "A (edited)");
        assert!(out.starts_with("# comment kept\n"), "{out}");
        assert!(out.contains("# inline comment"), "{out}");
        assert!(
            out.contains(
                "dau = { value = \"200M\", assume = \"edited in napkin; was 1B (book: ch. 6)\" }"
            ),
            "{out}"
        );
        assert!(out.contains("id = \"a-edited\""), "{out}");
        let again = load_str(&out, "b.toml").unwrap_or_else(|e| panic!("{e}\n{out}"));
        assert_eq!(again.traffic.as_ref().unwrap().dau.unwrap().0, 2e8);
        assert_eq!(again.traffic.as_ref().unwrap().peak_factor, 3.0);
        assert_eq!(again.serving.redundancy, 1.0);
        assert_eq!(again.meta.title, "A (edited)");
    }

    #[test]
    fn a_range_typed_on_the_screen_is_written_and_read_back_as_a_range() {
        let s = load_str(TEXT, "a.toml").unwrap();
        let edits = vec![(p("traffic.dau"), "100M..400M".to_string())];
        let out = rewrite(TEXT, &s, &edits, "a-edited", "A (edited)");
        assert!(out.contains("dau = { value = \"100M..400M\""), "{out}");
        let again = load_str(&out, "b.toml").unwrap();
        // The field holds the median, √(100M × 400M) = 200M; the range is kept beside it.
        assert_eq!(again.traffic.as_ref().unwrap().dau.unwrap().0, 2e8);
        let r = again.range(&p("traffic.dau")).unwrap();
        assert_eq!((r.lo, r.hi), (1e8, 4e8));
        // A plain 200M is not the same input as the range with that median.
        let mut plain = again.clone();
        crate::scenario::overrides::set(&mut plain, "traffic.dau", "200M").unwrap();
        assert_eq!(super::differences(&again, &plain), ["traffic.dau"]);
    }

    #[test]
    fn a_cleared_input_becomes_a_comment_and_its_default() {
        let text = format!("{TEXT}request_size = {{ value = \"1 KB\", assume = \"ids\" }}\n");
        let s = load_str(&text, "a.toml").unwrap();
        let edits = vec![(p("traffic.request_size"), String::new())];
        let out = rewrite(&text, &s, &edits, "a-edited", "A (edited)");
        assert!(
            out.contains("# request_size removed in napkin; was 1 KB (assumption: ids)\n"),
            "{out}"
        );
        let again = load_str(&out, "b.toml").unwrap_or_else(|e| panic!("{e}\n{out}"));
        let default = crate::scenario::Traffic::default().request_size;
        assert_eq!(again.traffic.as_ref().unwrap().request_size, default);
        // Inside an inline table only the pair goes; the other inputs on the line stay.
        let text = TEXT.replacen(
            "[meta]",
            "serving = { redundancy = 1, regions = 2 }\n[meta]",
            1,
        );
        let s = load_str(&text, "a.toml").unwrap();
        for (cleared, kept, value) in [
            ("serving.regions", "serving.redundancy", 1.0),
            ("serving.redundancy", "serving.regions", 2.0),
        ] {
            let edits = vec![(p(cleared), String::new())];
            let out = rewrite(&text, &s, &edits, "a", "A");
            let again = load_str(&out, "b.toml").unwrap_or_else(|e| panic!("{e}\n{out}"));
            assert_eq!(
                crate::scenario::overrides::get(&again, &p(kept)).map(|v| v.0),
                Some(crate::scenario::schema::Value::Num(value)),
                "{out}"
            );
            let mut expected = s.clone();
            crate::scenario::overrides::set(&mut expected, cleared, "").unwrap();
            assert!(super::differences(&expected, &again).is_empty(), "{out}");
        }
        // A cleared input that was never written leaves the file as it was.
        let s = load_str(TEXT, "a.toml").unwrap();
        let edits = vec![(p("traffic.response_size"), " ".to_string())];
        let out = rewrite(TEXT, &s, &edits, "a", "A");
        assert_eq!(out, TEXT);
    }
}

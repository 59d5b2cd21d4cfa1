//! A Markdown table to paste into notes.

use super::Report;
use crate::estimate::Section;
use std::fmt::Write;

/// A table cell: a `|` in the text would end it.
pub(crate) fn cell(s: &str) -> String {
    s.replace('|', "\\|")
}

pub fn render(r: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "## {} (`{}`)\n", r.title, r.id);
    let _ = writeln!(out, "| Section | Output | Value | Napkin | Working |");
    let _ = writeln!(out, "|---|---|---:|---:|---|");
    for section in Section::ALL {
        let title = section.title();
        for o in r.shown_in(section) {
            let steps: Vec<String> = o.steps.iter().map(|s| cell(&s.text)).collect();
            let _ = writeln!(
                out,
                "| {title} | {} | {} | {} | {} |",
                cell(&o.label),
                r.human(o.value, o.kind),
                r.human(r.napkin(o.value, o.kind), o.kind),
                steps.join("; ")
            );
        }
    }
    if !r.warnings.is_empty() {
        let _ = writeln!(out, "\n**Warnings**\n");
        for w in &r.warnings {
            let _ = writeln!(out, "- `{}`: {}", w.id, cell(&w.message));
        }
    }
    out
}

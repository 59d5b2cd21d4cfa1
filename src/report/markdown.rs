//! A Markdown table to paste into notes.

use super::Report;
use crate::estimate::Section;
use crate::scenario::diagnostic::OneLine;
use std::fmt::Write;

/// A table cell: a `|` in the text would end it.
pub(crate) fn cell(s: &str) -> String {
    OneLine(s).to_string().replace('|', "\\|")
}

pub fn render(r: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "## {} (`{}`)\n", OneLine(&r.title), OneLine(&r.id));
    // With ranges, p5, p50 and p95 columns after the napkin value.
    let ranged = r.ranges.is_some();
    if ranged {
        let _ = writeln!(
            out,
            "| Section | Output | Value | Napkin | p5 | p50 | p95 | Working |"
        );
        let _ = writeln!(out, "|---|---|---:|---:|---:|---:|---:|---|");
    } else {
        let _ = writeln!(out, "| Section | Output | Value | Napkin | Working |");
        let _ = writeln!(out, "|---|---|---:|---:|---|");
    }
    for section in Section::ALL {
        let title = section.title();
        for (i, o) in r.outputs.iter().enumerate() {
            if !r.shown[i] || o.section() != section {
                continue;
            }
            let steps: Vec<String> = o
                .steps
                .iter()
                .map(|s| cell(&super::working::text(s, r.style)))
                .collect();
            let percentiles = match r.spread(i) {
                Some(sp) => format!(
                    " {} | {} | {} |",
                    r.human(sp.p5, o.kind),
                    r.human(sp.p50, o.kind),
                    r.human(sp.p95, o.kind)
                ),
                None if ranged => " | | |".to_string(),
                None => String::new(),
            };
            let _ = writeln!(
                out,
                "| {title} | {} | {}{} | {} |{percentiles} {} |",
                cell(&o.label),
                r.human(o.value, o.kind),
                if o.computed.is_some() { " (given)" } else { "" },
                r.human(r.napkin(o.value, o.kind), o.kind),
                steps.join("; ")
            );
        }
    }
    if let Some(ranges) = &r.ranges {
        let _ = writeln!(
            out,
            "\n**Ranges** (90% intervals; {} samples, seed {})\n",
            crate::units::format::Grouped(ranges.options.samples as f64),
            ranges.options.seed
        );
        for input in &ranges.inputs {
            let iv = input.interval;
            let _ = writeln!(
                out,
                "- `{}`: {}..{}, median {}",
                input.path,
                r.human(iv.lo, iv.kind),
                r.human(iv.hi, iv.kind),
                r.human(iv.median(), iv.kind)
            );
        }
    }
    let mut not_estimated = r.not_estimated().peekable();
    if not_estimated.peek().is_some() {
        let _ = writeln!(out, "\n**Not estimated**\n");
        for (o, needs) in not_estimated {
            let _ = writeln!(out, "- {} (`{}`): needs {needs}", cell(&o.label), o.id);
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

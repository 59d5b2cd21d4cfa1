//! The readable report: sections of outputs, each with its napkin value and its working.

use super::Report;
use crate::estimate::Section;
use std::fmt::Write;

/// How much of the working to print.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    /// Values and warnings only.
    Brief,
    /// Values with their steps, then the inputs and their sources.
    Full,
}

pub fn render(r: &Report, detail: Detail) -> String {
    let mut out = String::new();
    let chapter = r.chapter.map(|c| format!(" · ch. {c}")).unwrap_or_default();
    let _ = writeln!(out, "{}  ({}{chapter})", r.title, r.id);
    let width = r
        .outputs
        .iter()
        .map(|o| o.label.chars().count())
        .max()
        .unwrap_or(0)
        .max(20);
    for section in Section::ALL {
        let mut any = false;
        for o in r.shown_in(section) {
            if !any {
                let _ = writeln!(out, "\n{}", section.title().to_uppercase());
                any = true;
            }
            let display = r.human(o.value, o.kind);
            let napkin = r.human(r.napkin(o.value, o.kind), o.kind);
            let pad = width - o.label.chars().count();
            let _ = write!(out, "  {}{}  {display:>10}", o.label, " ".repeat(pad));
            if napkin != display {
                let _ = write!(out, "   ≈ {napkin}");
            }
            out.push('\n');
            if detail == Detail::Full {
                for s in &o.steps {
                    let _ = writeln!(out, "      {}", s.text);
                }
            }
        }
    }
    if detail == Detail::Full && !r.inputs.is_empty() {
        let _ = writeln!(out, "\nINPUTS");
        let w = r
            .inputs
            .iter()
            .map(|i| i.path.chars().count())
            .max()
            .unwrap_or(0);
        for i in &r.inputs {
            let pad = w - i.path.chars().count();
            let source = i.source_label();
            let _ = writeln!(
                out,
                "  {}{}  {:>10}  [{source}]",
                i.path,
                " ".repeat(pad),
                i.display
            );
        }
    }
    if !r.warnings.is_empty() {
        let _ = writeln!(out, "\nWARNINGS");
        for w in &r.warnings {
            let _ = writeln!(out, "  ! {}: {}", w.id, w.message);
        }
    }
    out
}

//! The readable report: sections of outputs, each with its napkin value and its working.

use super::Report;
use crate::estimate::Section;
use crate::scenario::diagnostic::OneLine;
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
    let _ = writeln!(out, "{}  ({}{chapter})", OneLine(&r.title), OneLine(&r.id));
    let width = r
        .outputs
        .iter()
        .map(|o| o.label.chars().count())
        .max()
        .unwrap_or(0)
        .max(20);
    for section in Section::ALL {
        // The section's value column is as wide as its widest entry ("27.3 TiB/day"), so its
        // values and the napkin values after them line up.
        let value_width = r
            .outputs
            .iter()
            .enumerate()
            .filter(|&(i, o)| r.shown[i] && o.section() == section)
            .map(|(_, o)| r.human(o.value, o.kind).chars().count())
            .max()
            .unwrap_or(0)
            .max(10);
        let mut any = false;
        for (i, o) in r.outputs.iter().enumerate() {
            if !r.shown[i] || o.section() != section {
                continue;
            }
            if !any {
                let _ = writeln!(out, "\n{}", section.title().to_uppercase());
                any = true;
            }
            let display = r.human(o.value, o.kind);
            let napkin = r.human(r.napkin(o.value, o.kind), o.kind);
            let pad = width - o.label.chars().count();
            let _ = write!(
                out,
                "  {}{}  {display:>value_width$}",
                o.label,
                " ".repeat(pad)
            );
            // A spread too narrow to show in three digits is left out.
            let spread = r
                .spread(i)
                .filter(|s| r.human(s.p5, o.kind) != r.human(s.p95, o.kind));
            match spread {
                // A column of its own for the napkin value, so the percentiles line up.
                Some(sp) => {
                    let napkin = if napkin == display {
                        String::new()
                    } else {
                        format!("≈ {napkin}")
                    };
                    let _ = write!(
                        out,
                        "   {napkin:<14} {} [{} – {}]",
                        r.human(sp.p50, o.kind),
                        r.human(sp.p5, o.kind),
                        r.human(sp.p95, o.kind)
                    );
                }
                None if napkin != display => {
                    let _ = write!(out, "   ≈ {napkin}");
                }
                None => {}
            }
            if o.computed.is_some() {
                out.push_str("   (given)");
            }
            out.push('\n');
            if detail == Detail::Full {
                for s in &o.steps {
                    let _ = writeln!(out, "      {}", super::working::text(s, r.style));
                }
                if let (Some(sp), Some(ranges)) = (spread, &r.ranges) {
                    // Those that move it by at least a hundredth of what the widest does.
                    let widest = sp.sensitivity.first().map_or(0.0, |s| s.width());
                    let drivers: Vec<String> = sp
                        .sensitivity
                        .iter()
                        .filter(|s| s.width() > 0.0 && s.width() >= widest / 100.0)
                        .take(3)
                        .map(|s| {
                            format!(
                                "{} ({} – {})",
                                ranges.inputs[s.input].path,
                                r.human(s.low, o.kind),
                                r.human(s.high, o.kind)
                            )
                        })
                        .collect();
                    if !drivers.is_empty() {
                        let _ = writeln!(out, "      driven by {}", drivers.join(", "));
                    }
                }
            }
        }
    }
    not_estimated(r, &mut out, width);
    ranges(r, &mut out);
    if detail == Detail::Full {
        inputs(r, &mut out);
    }
    if !r.warnings.is_empty() {
        let _ = writeln!(out, "\nWARNINGS");
        for w in &r.warnings {
            let _ = writeln!(out, "  ! {}: {}", w.id, w.message);
        }
    }
    out
}

/// The outputs the scenario asks for and cannot estimate, each with what it needs.
fn not_estimated(r: &Report, out: &mut String, width: usize) {
    let mut any = false;
    for (o, needs) in r.not_estimated() {
        if !any {
            let _ = writeln!(out, "\nNOT ESTIMATED");
            any = true;
        }
        let pad = width - o.label.chars().count();
        let _ = writeln!(out, "  {}{}  needs {needs}", o.label, " ".repeat(pad));
    }
}

/// The ranged inputs: each interval, its distribution and its median.
fn ranges(r: &Report, out: &mut String) {
    let Some(ranges) = &r.ranges else { return };
    {
        let _ = writeln!(
            out,
            "\nRANGES  p50 [p5 – p95] over {} samples, seed {}; each range a 90% interval",
            crate::units::format::Grouped(ranges.options.samples as f64),
            ranges.options.seed
        );
        let w = ranges
            .inputs
            .iter()
            .map(|i| i.path.to_string().chars().count())
            .max()
            .unwrap_or(0);
        let written: Vec<String> = ranges
            .inputs
            .iter()
            .map(|i| {
                let iv = i.interval;
                format!("{}..{}", r.human(iv.lo, iv.kind), r.human(iv.hi, iv.kind))
            })
            .collect();
        let ww = written.iter().map(|t| t.chars().count()).max().unwrap_or(0);
        for (input, written) in ranges.inputs.iter().zip(&written) {
            let iv = input.interval;
            let shape = iv.shape().name();
            let _ = writeln!(
                out,
                "  {:<w$}  {written:<ww$}  {shape}, median {}",
                input.path,
                r.human(iv.median(), iv.kind)
            );
        }
    }
}

/// Every input with its value and where it came from.
fn inputs(r: &Report, out: &mut String) {
    if !r.inputs.is_empty() {
        let _ = writeln!(out, "\nINPUTS");
        let w = r
            .inputs
            .iter()
            .map(|i| i.path.to_string().chars().count())
            .max()
            .unwrap_or(0);
        // Values right-aligned in a column as wide as the widest (a range is wider than most).
        let vw = r
            .inputs
            .iter()
            .map(|i| i.display.chars().count())
            .max()
            .unwrap_or(0)
            .max(10);
        for i in &r.inputs {
            let pad = w - i.path.to_string().chars().count();
            let source = OneLine(&i.source_label()).to_string();
            let _ = writeln!(
                out,
                "  {}{}  {:>vw$}  [{source}]",
                i.path,
                " ".repeat(pad),
                i.display
            );
        }
    }
}

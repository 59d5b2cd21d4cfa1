//! What-if pictures: the tornado of the selected result (what drives it, with ranges) and a
//! sweep of one input (`v`): the selected result at nine values across the input's range, or
//! from a third to three times its value.

use super::super::fit;
use super::super::theme::Theme;
use crate::estimate::{self, Estimate};
use crate::report::Report;
use crate::scenario::overrides;
use crate::scenario::schema::FieldKind;
use crate::scenario::{InputPath, Scenario};
use crate::units::Interval;
use crate::whatif::sweep::{Axis, Spacing};
use ratatui::text::{Line, Span};

/// Steps of a sweep, ends included.
const STEPS: usize = 9;

/// The selected result's swings, one bar per ranged input on one scale, widest first, with the
/// value at the medians marked `│`.
pub fn tornado(r: &Report, i: usize, width: usize, lines: &mut Vec<Line<'static>>, theme: Theme) {
    let (Some(sp), Some(ranges), Some(o)) = (r.spread(i), &r.ranges, r.outputs.get(i)) else {
        return;
    };
    if sp.sensitivity.iter().all(|s| s.width() == 0.0) {
        return;
    }
    lines.push(Line::from(Span::styled(
        format!("What drives {} (p5 → p95 of each range)", o.label),
        theme.title(),
    )));
    let ends: Vec<String> = sp
        .sensitivity
        .iter()
        .map(|s| format!("{} → {}", r.human(s.low, o.kind), r.human(s.high, o.kind)))
        .collect();
    let ends_w = ends.iter().map(|e| fit::width(e)).max().unwrap_or(0);
    let names: Vec<String> = sp
        .sensitivity
        .iter()
        .map(|s| ranges.inputs[s.input].path.to_string())
        .collect();
    let longest = names.iter().map(|n| fit::width(n)).max().unwrap_or(0);
    // The ends' values go first when the panel is narrow: a label and a bar are the picture.
    let ends_w = if width >= 8 + 6 + ends_w + 2 {
        ends_w
    } else {
        0
    };
    let label_w = longest.min(width.saturating_sub(ends_w + 8).max(8));
    let cols = width.saturating_sub(label_w + ends_w + 2).max(1);
    let bars = crate::report::tornado::bars(o.value, &sp.sensitivity, cols);
    for ((name, end), cells) in names.into_iter().zip(ends).zip(bars) {
        let end = if ends_w > 0 {
            format!(" {end:>ends_w$}")
        } else {
            String::new()
        };
        lines.push(Line::from(vec![
            Span::raw(format!("{:<label_w$} ", fit::tail(&name, label_w))),
            Span::styled(cells, theme.bar()),
            Span::raw(end),
        ]));
    }
    lines.push(Line::raw(""));
}

/// The input values of a sweep of the input at `path`: across its range when it has one, else
/// from a third to three times its value (a fraction no higher than 1); geometric when both ends
/// are positive.
pub fn steps(s: &Scenario, path: &InputPath) -> Option<Vec<f64>> {
    let at = overrides::resolve(s, path)?;
    let FieldKind::Quantity(kind) = at.kind else {
        return None;
    };
    let span = match s.range(path) {
        Some(r) => *r,
        None => {
            let (crate::scenario::schema::Value::Num(x), _) = overrides::get(s, path)? else {
                return None;
            };
            let x = if x > 0.0 { x } else { 1.0 };
            Interval {
                lo: x / 3.0,
                hi: x * 3.0,
                kind,
            }
        }
    };
    let (lo, hi) = (span.fit(span.lo), span.fit(span.hi));
    let spacing = if lo > 0.0 {
        Spacing::Log
    } else {
        Spacing::Linear
    };
    let axis = Axis::new(s, path, (lo, hi), STEPS, spacing).ok()?;
    let mut values: Vec<f64> = (0..STEPS).map(|i| axis.value(i)).collect();
    values.dedup();
    Some(values)
}

/// The selected result (report index `i`) at each step of a sweep of `path`, the other inputs as
/// they are (ranges at their medians).
pub fn sweep(
    s: &Scenario,
    r: &Report,
    i: usize,
    path: &InputPath,
    width: usize,
    lines: &mut Vec<Line<'static>>,
    theme: Theme,
) {
    let (Some(o), Some(j)) = (r.outputs.get(i), r.computed_at(i)) else {
        return;
    };
    let (Some(values), Some(at)) = (steps(s, path), overrides::resolve(s, path)) else {
        return;
    };
    let FieldKind::Quantity(kind) = at.kind else {
        return;
    };
    let mut trial = s.clone();
    let (mut e, mut row) = (Estimate::default(), Vec::new());
    let mut points = Vec::with_capacity(values.len());
    for x in values {
        at.set_number(&mut trial, x);
        estimate::values_into(&trial, &mut e, &mut row);
        if let Some(&y) = row.get(j).filter(|y| y.is_finite()) {
            points.push((r.human(x, kind), y, r.human(y, o.kind)));
        }
    }
    lines.push(Line::from(Span::styled(
        format!("{} as {path} varies (v stops)", o.label),
        theme.title(),
    )));
    let value_w = points.iter().map(|p| fit::width(&p.2)).max().unwrap_or(0);
    let label_w = points.iter().map(|p| fit::width(&p.0)).max().unwrap_or(0);
    let cols = width.saturating_sub(label_w + value_w + 2).max(1);
    let max = points.iter().map(|p| p.1).fold(0.0, f64::max);
    for (x, y, shown) in points {
        let f = if max > 0.0 { y / max } else { 0.0 };
        let cells = (f * cols as f64).round() as usize;
        lines.push(Line::from(vec![
            Span::raw(format!("{x:>label_w$} ")),
            Span::styled(
                format!("{:<cols$}", "█".repeat(cells.min(cols))),
                theme.bar(),
            ),
            Span::raw(format!(" {shown:>value_w$}")),
        ]));
    }
    lines.push(Line::raw(""));
}

#[cfg(test)]
mod tests {
    use super::steps;
    use crate::scenario::path::p;

    #[test]
    fn a_sweep_spans_the_range_or_a_third_to_three_times_the_value() {
        let mut s = crate::presets::builtin()
            .iter()
            .find(|p| p.id == "video-recommendation")
            .unwrap()
            .load()
            .unwrap();
        // DAU 1B: 333M to 3B, geometric in nine steps: ×9^(1/8) = ×1.316 a step.
        let v = steps(&s, &p("traffic.dau")).unwrap();
        assert_eq!(v.len(), 9);
        assert!((v[0] - 1e9 / 3.0).abs() < 1.0 && (v[8] - 3e9).abs() < 1.0);
        assert!((v[1] / v[0] - 9f64.powf(0.125)).abs() < 1e-9);
        // A ranged input sweeps its own range: 500M..2B.
        crate::scenario::overrides::set(&mut s, "traffic.dau", "500M..2B").unwrap();
        let v = steps(&s, &p("traffic.dau")).unwrap();
        assert_eq!((v[0], v[8]), (5e8, 2e9));
        // A fraction stops at 1: headroom 70% → 23.3% … 100%, not 210%.
        let v = steps(&s, &p("index.memory_headroom")).unwrap();
        assert_eq!(*v.last().unwrap(), 1.0);
        // Text has no sweep.
        assert!(steps(&s, &p("index.kind")).is_none());
    }
}

//! The results: each output's section, label, value and napkin value, the two values each in
//! its own right-aligned column; changed numbers light up. With ranges, an output that moves
//! shows its p50 and a whisker from p5 to p95; with the delta column on (`b`), each value's
//! ratio to the scenario as it was opened.

use super::super::fit;
use super::super::scenario::{Focus, ScenarioScreen};
use super::super::theme::Theme;
use crate::report::Report;
use crate::tui::guess::Guess;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};
use std::time::Instant;

/// Width of the section column ("bandwidth").
const SECTION: usize = 9;
/// Cells a label needs beside the section column; narrower, the section column goes.
const WIDE_LABEL: usize = 24;

/// Cells of the whisker: six either side of the p50's, at eight a decade; three either side
/// where the panel is narrow.
const WHISKER: usize = 13;
const NARROW_WHISKER: usize = 7;
/// The value and its napkin value (when it differs), as written, for every output. In guess mode
/// a hidden value is "?", and a revealed one carries its score.
fn values(r: &Report, guess: Option<&Guess>) -> Vec<(String, String)> {
    r.outputs
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let Some(g) = guess else {
                return numbers(r, i);
            };
            match g.revealed.get(&o.id) {
                None => ("?".to_string(), String::new()),
                Some(rev) => {
                    let (value, napkin) = numbers(r, i);
                    let score = rev
                        .points
                        .map_or_else(|| "·".to_string(), |p| format!("{p:.0} pts"));
                    (value, format!("{napkin} {score}").trim().to_string())
                }
            }
        })
        .collect()
}

/// Cells of the whisker per decade (a factor of 10).
const PER_DECADE: f64 = 8.0;

pub fn render(s: &ScenarioScreen, now: Instant, area: Rect, buf: &mut Buffer, theme: Theme) {
    let (w, guess, delta) = (&s.work, s.guess.as_ref(), s.delta);
    let focused = s.focus == Focus::Results;
    let title = match guess {
        _ if w.stale => "Results (stale: last good estimate)".to_string(),
        Some(g) => format!(
            "Results · guess mode: {} of {} revealed",
            w.report.outputs.iter().filter(|o| g.shows(&o.id)).count(),
            w.report.outputs.len()
        ),
        None => "Results".to_string(),
    };
    let title = title.as_str();
    let inner = theme.panel(title, focused, area, buf);
    let r = &w.report;
    let values = values(r, guess);
    let (start, end) = fit::window(r.outputs.len(), w.selected_output, inner.height as usize);
    // The number columns are as wide as the widest entry on screen: a long unit further down
    // ("37.4 device-hours") takes label room only when it is shown.
    let shown = || values[start..end].iter();
    let value_w = shown().map(|v| fit::width(&v.0)).max().unwrap_or(0);
    let napkin_w = shown().map(|v| fit::width(&v.1)).max().unwrap_or(0);
    let width = inner.width as usize;
    // The extra columns: whiskers (hidden values keep theirs hidden), then the delta.
    let hidden =
        |o: &crate::estimate::Output| guess.is_some_and(|g| !g.revealed.contains_key(&o.id));
    let deltas: Vec<String> = r
        .outputs
        .iter()
        .map(|o| match (delta, hidden(o)) {
            (false, _) => String::new(),
            (true, true) => "?".to_string(),
            (true, false) => ratio(o.value, w.opened.output(&o.id).map(|b| b.value)),
        })
        .collect();
    let delta_w = deltas.iter().map(|v| fit::width(v)).max().unwrap_or(0);
    // The label keeps room to be read; the rest goes to the spreads.
    const LABEL: usize = 16;
    let room = width.saturating_sub(LABEL + value_w + napkin_w + delta_w + 6);
    let whiskers = spread_column(r, &hidden, room);
    let whisker_w = whiskers.iter().map(|v| fit::width(v)).max().unwrap_or(0);
    let numbers: Vec<String> = values
        .iter()
        .enumerate()
        .map(|(i, (value, napkin))| {
            let mut numbers = if napkin_w == 0 {
                format!("{value:>value_w$}")
            } else {
                format!("{value:>value_w$}  {napkin:>napkin_w$}")
            };
            if whisker_w > 0 {
                numbers.push_str(&format!("  {:<whisker_w$}", whiskers[i]));
            }
            if delta_w > 0 {
                numbers.push_str(&format!("  {:>delta_w$}", deltas[i]));
            }
            numbers
        })
        .collect();
    let numbers_w = numbers[start..end]
        .iter()
        .map(|n| fit::width(n))
        .max()
        .unwrap_or(0);
    // The section column ("traffic", "storage", "index"…) gives way to the labels on a narrow
    // panel; labels cut alike are told apart by their ends.
    let label_room = width.saturating_sub(numbers_w + 1);
    let sections = label_room >= SECTION + 1 + WIDE_LABEL;
    let label_room = if sections {
        label_room - SECTION - 1
    } else {
        label_room
    };
    let labels: Vec<&str> = r.outputs.iter().map(|o| o.label.as_str()).collect();
    let labels = fit::cut_apart(&labels, label_room);
    let mut lines = Vec::new();
    for (i, o) in r.outputs.iter().enumerate().take(end).skip(start) {
        let label = if sections {
            format!("{:<SECTION$} {}", o.section().key(), labels[i])
        } else {
            labels[i].clone()
        };
        let mut style = theme.row(i == w.selected_output, focused);
        if w.flashing(&o.id, now) {
            style = style.patch(theme.changed());
        }
        if w.stale {
            style = style.patch(theme.dim());
        }
        lines.push(Line::from(fit::spread(&label, &numbers[i], width)).style(style));
    }
    Paragraph::new(lines).render(inner, buf);
}

/// Each output's spread in `room` cells, where it shows one: its numbers ("1.1–2.8 EB") first,
/// since they say the most, then the whisker beside them, narrow or wide; empty for an output
/// with no spread (or hidden, or too narrow to show in three digits).
fn spread_column(
    r: &Report,
    hidden: &dyn Fn(&crate::estimate::Output) -> bool,
    room: usize,
) -> Vec<String> {
    let spreads: Vec<Option<(f64, f64, f64, String)>> = r
        .outputs
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let sp = r.spread(i).filter(|sp| sp.p5 != sp.p95 && !hidden(o))?;
            let (p5, p95) = (r.human(sp.p5, o.kind), r.human(sp.p95, o.kind));
            (p5 != p95).then(|| (sp.p5, sp.p50, sp.p95, span(&p5, &p95)))
        })
        .collect();
    let interval_w = spreads.iter().flatten().map(|s| fit::width(&s.3)).max();
    let (cells, with_interval) = match interval_w {
        None => (0, false),
        Some(iw) if room > WHISKER + iw => (WHISKER, true),
        Some(iw) if room > NARROW_WHISKER + iw => (NARROW_WHISKER, true),
        Some(iw) if room >= iw => (0, true),
        Some(_) if room >= NARROW_WHISKER => (NARROW_WHISKER, false),
        Some(_) => (0, false),
    };
    spreads
        .iter()
        .map(|s| match s {
            Some((p5, p50, p95, interval)) => match (cells > 0, with_interval) {
                (true, true) => format!("{} {interval}", whisker(*p5, *p50, *p95, cells)),
                (true, false) => whisker(*p5, *p50, *p95, cells),
                (false, true) => interval.clone(),
                (false, false) => String::new(),
            },
            None => String::new(),
        })
        .collect()
}

/// An output's value and its napkin value ("≈100k/s", empty when they read the same); with
/// ranges, of its p50.
fn numbers(r: &crate::report::Report, i: usize) -> (String, String) {
    let o = &r.outputs[i];
    let v = r
        .spread(i)
        .filter(|sp| sp.p5 != sp.p95)
        .map_or(o.value, |sp| sp.p50);
    let value = r.human(v, o.kind);
    let napkin = r.human(r.napkin(v, o.kind), o.kind);
    let napkin = if napkin == value {
        String::new()
    } else {
        format!("≈{napkin}")
    };
    (value, napkin)
}

/// A whisker of `cells` cells from p5 to p95 around the p50 (●), on a log scale of eight cells
/// a decade, so whiskers of different outputs compare: "   ├──●───┤   ".
pub fn whisker(p5: f64, p50: f64, p95: f64, cells: usize) -> String {
    let centre = cells / 2;
    let cell = |x: f64| -> usize {
        if p50 <= 0.0 || x <= 0.0 {
            return 0;
        }
        let offset = ((x / p50).log10() * PER_DECADE).round();
        (centre as f64 + offset).clamp(0.0, cells.saturating_sub(1) as f64) as usize
    };
    let (a, b) = (cell(p5), cell(p95));
    (0..cells)
        .map(|c| match c {
            c if c == centre => '●',
            c if c == a && a < centre => '├',
            c if c == b && b > centre => '┤',
            c if c > a && c < b => '─',
            _ => ' ',
        })
        .collect()
}

/// "p5–p95", the unit the two share written once: "29.5k–116k/s", "14–80 ms",
/// "302 TB–1.49 PB/day"; "604 PB–2.98 EB" where they share none.
fn span(p5: &str, p95: &str) -> String {
    let common = p5
        .chars()
        .rev()
        .zip(p95.chars().rev())
        .take_while(|(a, b)| a == b)
        .count();
    // The shared end, from a space or a slash: a whole unit or a whole "per".
    let tail: Vec<char> = p5.chars().rev().take(common).collect();
    let from = tail.iter().rposition(|&c| c == ' ' || c == '/');
    match from {
        Some(i) if i + 1 < p5.chars().count() => {
            let keep = p5.chars().count() - (i + 1);
            let head: String = p5.chars().take(keep).collect();
            format!("{head}–{p95}")
        }
        _ => format!("{p5}–{p95}"),
    }
}

/// A value against the scenario as opened: "×1.50", "=" when unchanged, "new" when it had none.
fn ratio(now: f64, opened: Option<f64>) -> String {
    match opened {
        None => "new".to_string(),
        Some(b) if b == now => "=".to_string(),
        Some(0.0) => "from 0".to_string(),
        Some(b) => {
            let x = now / b;
            if x >= 10.0 {
                format!("×{x:.0}")
            } else if x >= 0.01 {
                format!("×{x:.2}")
            } else {
                format!("×{x:.1e}")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{ratio, span, whisker};

    #[test]
    fn a_span_writes_the_unit_its_ends_share_once() {
        assert_eq!(span("29.5k/s", "116k/s"), "29.5k–116k/s");
        assert_eq!(span("14 ms", "80 ms"), "14–80 ms");
        assert_eq!(span("302 TB/day", "1.49 PB/day"), "302 TB–1.49 PB/day");
        assert_eq!(span("604 PB", "2.98 EB"), "604 PB–2.98 EB");
        assert_eq!(span("12", "80"), "12–80");
    }

    #[test]
    fn whiskers_are_drawn_on_a_log_scale_around_the_median() {
        // p5 a decade below: 8 cells left of the centre, held at the edge (cell 0); p95
        // ×10^0.25 = 1.78: 0.25 × 8 = 2 cells right of the centre (cell 6), so cell 8.
        assert_eq!(whisker(10.0, 100.0, 177.8, 13), "├─────●─┤    ");
        // No spread: only the median.
        assert_eq!(whisker(5.0, 5.0, 5.0, 13), "      ●      ");
        // Narrow: the same p5 held at the edge three cells left, the p95 two cells right.
        assert_eq!(whisker(10.0, 100.0, 177.8, 7), "├──●─┤ ");
    }

    #[test]
    fn deltas_read_as_ratios_to_the_scenario_as_opened() {
        assert_eq!(ratio(3.0, Some(2.0)), "×1.50");
        assert_eq!(ratio(2.0, Some(2.0)), "=");
        assert_eq!(ratio(30.0, Some(2.0)), "×15");
        assert_eq!(ratio(1.0, None), "new");
    }
}

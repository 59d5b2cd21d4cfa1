//! The results: each output's section, label, value and napkin value, the two values each in
//! its own right-aligned column; changed numbers light up.

use super::super::fit;
use super::super::guess::Guess;
use super::super::theme::Theme;
use super::super::workbench::Workbench;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};
use std::time::Instant;

/// Width of the section column ("bandwidth").
const SECTION: usize = 9;

pub fn render(
    w: &Workbench,
    guess: Option<&Guess>,
    focused: bool,
    now: Instant,
    area: Rect,
    buf: &mut Buffer,
    theme: Theme,
) {
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
    // The value and its napkin value (when it differs), as written, for every output: the
    // columns are as wide as their widest entry, so they stay put as the list scrolls.
    let values: Vec<(String, String)> = r
        .outputs
        .iter()
        .map(|o| {
            // In guess mode a hidden value is "?", and a revealed one carries its score.
            let Some(g) = guess else {
                return numbers(r, o);
            };
            match g.revealed.get(&o.id) {
                None => ("?".to_string(), String::new()),
                Some(rev) => {
                    let (value, napkin) = numbers(r, o);
                    let score = rev
                        .points
                        .map_or_else(|| "·".to_string(), |p| format!("{p:.0} pts"));
                    (value, format!("{napkin} {score}").trim().to_string())
                }
            }
        })
        .collect();
    let value_w = values.iter().map(|v| fit::width(&v.0)).max().unwrap_or(0);
    let napkin_w = values.iter().map(|v| fit::width(&v.1)).max().unwrap_or(0);
    let width = inner.width as usize;
    let (start, end) = fit::window(r.outputs.len(), w.selected_output, inner.height as usize);
    let mut lines = Vec::new();
    for (i, (o, (value, napkin))) in r
        .outputs
        .iter()
        .zip(&values)
        .enumerate()
        .take(end)
        .skip(start)
    {
        // The output's section as a short column: "traffic", "storage", "index"…
        let section = o.section.key();
        let numbers = if napkin_w == 0 {
            format!("{value:>value_w$}")
        } else {
            format!("{value:>value_w$}  {napkin:>napkin_w$}")
        };
        let label = format!("{section:<SECTION$} {}", o.label);
        let mut style = theme.row(i == w.selected_output, focused);
        if w.flashing(&o.id, now) {
            style = style.patch(theme.changed());
        }
        if w.stale {
            style = style.patch(theme.dim());
        }
        lines.push(Line::from(fit::spread(&label, &numbers, width)).style(style));
    }
    Paragraph::new(lines).render(inner, buf);
}

/// An output's value and its napkin value ("≈100k/s", empty when they read the same).
fn numbers(r: &crate::report::Report, o: &crate::estimate::Output) -> (String, String) {
    let value = r.human(o.value, o.kind);
    let napkin = r.human(r.napkin(o.value, o.kind), o.kind);
    let napkin = if napkin == value {
        String::new()
    } else {
        format!("≈{napkin}")
    };
    (value, napkin)
}

//! The reference tab: latency numbers, the accelerators (where the screen is tall enough),
//! powers of two, and the downtime each availability level allows. Readable from 80 columns: the right column keeps its width and the latency table's
//! source notes give way first.

use super::fit;
use super::theme::Theme;
use crate::reference::{LATENCY, POWERS_OF_TWO, nines_rows};
use crate::units::Kind;
use crate::units::format::Human;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// Width of the right column: the powers of two and the availability table, with borders.
const RIGHT: u16 = 30;

pub fn render(area: Rect, buf: &mut Buffer, theme: Theme) {
    let right_w = if area.width >= 110 {
        area.width * 45 / 100
    } else {
        RIGHT
    };
    let [left, right] = area.layout(&Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(right_w),
    ]));
    // The accelerators under the latency numbers, where the screen is tall enough for them.
    let latency_h = LATENCY.len() as u16 + 2;
    if left.height >= latency_h + 4 {
        let [latency, devices] = left.layout(&Layout::vertical([
            Constraint::Length(latency_h),
            Constraint::Fill(1),
        ]));
        render_latency(latency, buf, theme);
        render_accelerators(devices, buf, theme);
    } else {
        render_latency(left, buf, theme);
    }
    let [powers, nines] = right.layout(&Layout::vertical([
        Constraint::Length(POWERS_OF_TWO.len() as u16 + 3),
        Constraint::Fill(1),
    ]));
    let inner = theme.panel("Powers of two", false, powers, buf);
    let mut lines = vec![Line::from(Span::styled(
        "power  ≈ decimal       size",
        theme.dim(),
    ))];
    lines.extend(
        POWERS_OF_TWO
            .iter()
            .map(|(p, approx, _, unit)| Line::from(format!("2^{p:<4} {approx:<14} {unit}"))),
    );
    Paragraph::new(lines).render(inner, buf);
    let inner = theme.panel("Availability: downtime", false, nines, buf);
    let mut lines = vec![Line::from(Span::styled(
        "available per day   per year",
        theme.dim(),
    ))];
    for row in nines_rows() {
        lines.push(Line::from(format!(
            "{:<9} {:<9} {}",
            row.availability, row.per_day, row.per_year
        )));
    }
    lines.push(Line::from(Span::styled(
        "serial parts multiply (A1·A2); parallel: 1 − (1−A1)(1−A2)",
        theme.dim(),
    )));
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(inner, buf);
}

fn render_latency(area: Rect, buf: &mut Buffer, theme: Theme) {
    let inner = theme.panel("Latency numbers (Dean 2010, in Xu)", false, area, buf);
    const VALUE: usize = 9;
    let width = inner.width as usize;
    let longest = LATENCY.iter().map(|l| fit::width(l.0)).max().unwrap_or(0);
    let op_w = longest.min(width.saturating_sub(VALUE + 1));
    let note_w = width.saturating_sub(op_w + VALUE + 2);
    let lines: Vec<Line> = LATENCY
        .iter()
        .map(|(op, t, src)| {
            let mut spans = vec![
                Span::raw(format!("{:<op_w$} ", fit::cut(op, op_w))),
                Span::styled(
                    format!("{:>VALUE$}", Human::new(*t, Kind::Duration).to_string()),
                    theme.bold(),
                ),
            ];
            // The source notes only where they fit whole enough to read.
            if note_w >= 8 {
                spans.push(Span::styled(
                    format!(" {}", fit::cut(src, note_w)),
                    theme.dim(),
                ));
            }
            Line::from(spans)
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
}

/// The accelerator table: dense peak FLOP/s for training, memory and bandwidth, each figure
/// with its source in `src/accelerators.toml`; then the model table (`src/models.toml`).
fn render_accelerators(area: Rect, buf: &mut Buffer, theme: Theme) {
    let inner = theme.panel("Accelerators, dense peak · models", false, area, buf);
    let (header, devices) = super::ml_pictures::accelerator_lines();
    let mut lines = vec![Line::from(Span::styled(header, theme.dim()))];
    lines.extend(devices.into_iter().map(Line::from));
    let (header, models) = super::ml_pictures::model_lines();
    lines.push(Line::from(Span::styled(header, theme.dim())));
    lines.extend(models.into_iter().map(Line::from));
    Paragraph::new(lines).render(inner, buf);
}

//! The estimate tab of the scenario screen: the form of inputs, the results, how the selected
//! result is worked out, pictures of the estimate, and its warnings.

mod form;
mod how;
mod pictures;
mod results;
mod whatif_pictures;

use super::scenario::{Focus, ScenarioScreen};
use super::scroll::scrolled;
use super::theme::Theme;
use crate::scenario::SourceKind;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};
use std::time::Instant;

/// The one-letter mark of a source: B book, P public, D derived, A assumption, E edited,
/// · default.
fn mark(kind: Option<SourceKind>) -> &'static str {
    match kind {
        Some(SourceKind::Book) => "B",
        Some(SourceKind::Public) => "P",
        Some(SourceKind::Derived) => "D",
        Some(SourceKind::Assumption) => "A",
        Some(SourceKind::Override) => "E",
        None => "·",
    }
}

pub fn render(s: &ScenarioScreen, now: Instant, area: Rect, buf: &mut Buffer, theme: Theme) {
    let w = &s.work;
    let warning_lines = warning_lines(s, theme);
    // As tall as the warnings wrapped, up to a quarter of the screen; they scroll past that.
    let wrapped = Paragraph::new(warning_lines.clone())
        .wrap(Wrap { trim: false })
        .line_count(area.width.saturating_sub(2));
    let warn_height = if w.report.warnings.is_empty() {
        0
    } else {
        (wrapped as u16 + 2).min(area.height / 4).max(3)
    };
    let [main, warnings] = area.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(warn_height),
    ]));
    let [inputs, right] = main.layout(&Layout::horizontal([
        Constraint::Percentage(36),
        Constraint::Fill(1),
    ]));
    let [results, lower] = right.layout(&Layout::vertical([
        Constraint::Percentage(52),
        Constraint::Fill(1),
    ]));
    let [how, pictures] = lower.layout(&Layout::horizontal([
        Constraint::Percentage(55),
        Constraint::Fill(1),
    ]));
    form::render(s, s.focus == Focus::Inputs, inputs, buf, theme);
    results::render(s, now, results, buf, theme);
    how::render(s, s.focus == Focus::How, how, buf, theme);
    // Pictures and warnings carry the results' numbers: in guess mode they wait for every one.
    let hiding = s.guess.as_ref().is_some_and(|g| g.any_hidden(w));
    if hiding {
        let inner = theme.panel("Pictures", s.focus == Focus::Pictures, pictures, buf);
        Paragraph::new(Span::styled(
            "Hidden in guess mode until every result is revealed (G reveals all).",
            theme.dim(),
        ))
        .wrap(Wrap { trim: true })
        .render(inner, buf);
    } else {
        pictures::render(s, s.focus == Focus::Pictures, pictures, buf, theme);
    }
    if warn_height > 0 && hiding {
        let inner = theme.panel("Warnings", false, warnings, buf);
        Paragraph::new(Span::styled(
            format!(
                "{} hidden in guess mode until every result is revealed.",
                crate::drill::phrase::plural(w.report.warnings.len() as f64, "warning", "warnings")
            ),
            theme.dim(),
        ))
        .render(inner, buf);
    } else if warn_height > 0 {
        let focused = s.focus == Focus::Warnings;
        let count = w.report.warnings.len();
        // Taller than its panel, the title says how to read the rest.
        let overflows = wrapped + 2 > warn_height as usize;
        let title = match (overflows, focused) {
            (false, _) => format!("Warnings: {count}"),
            (true, true) => format!("Warnings: {count} (↑ ↓ scroll)"),
            (true, false) => format!("Warnings: {count} (more: h or Shift-Tab here, then ↓)"),
        };
        let inner = theme.panel(&title, focused, warnings, buf);
        scrolled(warning_lines, &s.warnings, inner, buf);
    }
}

/// Each warning on a line of its own, marked "!".
fn warning_lines(s: &ScenarioScreen, theme: Theme) -> Vec<Line<'static>> {
    s.work
        .report
        .warnings
        .iter()
        .map(|x| {
            Line::from(vec![
                Span::styled("! ", theme.warn()),
                Span::raw(x.message.clone()),
            ])
        })
        .collect()
}

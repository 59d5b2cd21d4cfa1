//! How the selected result is worked out: its steps, its value and napkin value, and the
//! inputs it read with their sources. Scrolls when it has the focus. In guess mode, a hidden
//! result's working waits: the panel asks for the estimate instead; a revealed one shows the
//! feedback on the estimate above its working.

use super::super::drill::style_of;
use super::super::guess::Guess;
use super::super::scenario::ScenarioScreen;
use super::super::scroll::scrolled;
use super::super::theme::Theme;
use super::mark;
use crate::report::working::{self, Segment};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

pub fn render(s: &ScenarioScreen, focused: bool, area: Rect, buf: &mut Buffer, theme: Theme) {
    let w = &s.work;
    let r = &w.report;
    let Some(o) = r.outputs.get(w.selected_output) else {
        return;
    };
    let mut lines: Vec<Line> = Vec::new();
    if let Some(g) = &s.guess {
        match g.revealed.get(&o.id) {
            None => return ask(g, &o.label, focused, area, buf, theme),
            Some(rev) => {
                for l in &rev.lines {
                    lines.push(Line::from(Span::styled(
                        l.text.clone(),
                        style_of(l.kind, theme),
                    )));
                }
                lines.push(Line::from(""));
            }
        }
    }
    let inner = theme.panel(&format!("How: {}", o.label), focused, area, buf);
    for (i, s) in o.steps.iter().enumerate() {
        let mut spans = vec![Span::styled(format!("{} ", i + 1), theme.dim())];
        for (text, segment) in working::segments(s, w.report.style) {
            let style = match segment {
                Segment::Input | Segment::Output => theme.bold(),
                Segment::Symbol => theme.dim(),
                Segment::Number | Segment::Words => ratatui::style::Style::default(),
            };
            spans.push(Span::styled(text, style));
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::from(Span::styled(
        format!(
            "= {}   napkin ≈ {}   ({})",
            r.human(o.value, o.kind),
            r.human(r.napkin(o.value, o.kind), o.kind),
            o.id
        ),
        theme.bold(),
    )));
    if !o.inputs.is_empty() {
        lines.push(Line::from(Span::styled("inputs:", theme.dim())));
    }
    for path in &o.inputs {
        if let Some(i) = r.input(path) {
            let kind = i.source.as_ref().map(|s| s.kind);
            let m = if w.edits.contains_key(path) {
                "E"
            } else {
                mark(kind)
            };
            lines.push(Line::from(vec![
                Span::styled(format!(" {m} "), theme.title()),
                Span::raw(format!("{path} = {} ", i.display)),
                Span::styled(format!("[{}]", i.source_label()), theme.dim()),
            ]));
        }
    }
    scrolled(lines, &s.how, inner, buf);
}

/// The answer field for a hidden result: what is typed, and why the last estimate was asked again.
fn ask(g: &Guess, label: &str, focused: bool, area: Rect, buf: &mut Buffer, theme: Theme) {
    let inner = theme.panel(
        &format!("Guess: {label}"),
        focused || g.answer.is_some(),
        area,
        buf,
    );
    let mut lines = Vec::new();
    match &g.answer {
        Some(text) => {
            // The way to answer gives way to why the answer was not read: the panel is small.
            if g.error.is_none() {
                lines.push(Line::from(Span::styled(
                    "Your estimate, with units (or a 90% interval lo..hi); ? reveals it unscored:",
                    theme.dim(),
                )));
            }
            lines.push(Line::from(vec![
                Span::raw(format!("> {text}")),
                Span::styled("▏", theme.title()),
            ]));
        }
        None => lines.push(Line::from(Span::styled(
            "Hidden until you estimate it: Enter (or a digit) opens the answer field; G reveals every result.",
            theme.dim(),
        ))),
    }
    if let Some(e) = &g.error {
        lines.push(Line::from(Span::styled(format!("✗ {e}"), theme.error())));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(inner, buf);
}

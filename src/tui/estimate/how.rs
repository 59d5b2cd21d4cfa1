//! How the selected result is worked out: its steps, its value and napkin value, and the
//! inputs it read with their sources. Scrolls when it has the focus.

use super::super::scenario::ScenarioScreen;
use super::super::scroll::scrolled;
use super::super::theme::Theme;
use super::mark;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn render(s: &ScenarioScreen, focused: bool, area: Rect, buf: &mut Buffer, theme: Theme) {
    let w = &s.work;
    let r = &w.report;
    let Some(o) = r.outputs.get(w.selected_output) else {
        return;
    };
    let inner = theme.panel(&format!("How: {}", o.label), focused, area, buf);
    let mut lines: Vec<Line> = Vec::new();
    for (i, s) in o.steps.iter().enumerate() {
        lines.push(Line::from(vec![
            Span::styled(format!("{} ", i + 1), theme.dim()),
            Span::raw(s.text.clone()),
        ]));
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

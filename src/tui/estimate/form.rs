//! The form of inputs: grouped under their section's heading, each with its source mark and its
//! value, the lean form leaving out what is neither written nor in use; under it, what the
//! selected input means and where its value came from.

use super::super::fit;
use super::super::scenario::ScenarioScreen;
use super::super::theme::Theme;
use super::mark;
use crate::scenario::schema::FieldKind;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// A line of the form: a group's heading, or the row at an index.
#[derive(Clone, Copy, PartialEq)]
enum Entry {
    Heading(usize),
    Row(usize),
}

pub fn render(s: &ScenarioScreen, focused: bool, area: Rect, buf: &mut Buffer, theme: Theme) {
    let w = &s.work;
    let shown = s.shown_rows();
    let title = if s.all_inputs {
        format!("Inputs: all {} (a: fewer)", w.rows.len())
    } else {
        format!("Inputs: {} of {} (a: all)", shown.len(), w.rows.len())
    };
    let inner = theme.panel(&title, focused, area, buf);
    if inner.height < 2 {
        return;
    }
    let [list, doc] = inner.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(2),
    ]));
    // A heading ("stage.ranking") before each group's rows.
    let mut display: Vec<Entry> = Vec::with_capacity(shown.len() + 16);
    let mut last: Option<usize> = None;
    for &i in &shown {
        if last.is_none_or(|j| !w.rows[j].same_group(&w.rows[i])) {
            display.push(Entry::Heading(i));
        }
        display.push(Entry::Row(i));
        last = Some(i);
    }
    let selected_line = display
        .iter()
        .position(|d| *d == Entry::Row(w.selected))
        .unwrap_or(0);
    let height = list.height as usize;
    let (mut start, _) = fit::window(display.len(), selected_line, height);
    // Show the selected row's heading when the row opens its group.
    if start > 0 && start == selected_line && matches!(display[start - 1], Entry::Heading(_)) {
        start -= 1;
    }
    let end = (start + height).min(display.len());
    let width = list.width as usize;
    let mut lines = Vec::new();
    for entry in &display[start..end] {
        match *entry {
            Entry::Heading(i) => {
                lines.push(Line::from(Span::styled(w.rows[i].group(), theme.title())))
            }
            Entry::Row(i) => lines.push(row_line(s, i, focused, width, theme)),
        }
    }
    Paragraph::new(lines).render(list, buf);
    render_doc(s, doc, buf, theme);
}

/// Whether the estimate as it stands does not read row `i`'s number or switch (`hnsw_m` under
/// `ivf_pq`, a batch stage's latency). Text (a server's hardware) is for the reader, and a
/// choice picks the formulas rather than feeding one, so neither is marked.
fn idle(s: &ScenarioScreen, i: usize) -> bool {
    let row = &s.work.rows[i];
    !matches!(row.kind, FieldKind::Text | FieldKind::Choice(_)) && !s.work.used.contains(&row.path)
}

fn row_line(
    s: &ScenarioScreen,
    i: usize,
    focused: bool,
    width: usize,
    theme: Theme,
) -> Line<'static> {
    let w = &s.work;
    let row = &w.rows[i];
    let source = w.base.provenance.source(&row.path).map(|s| s.kind);
    let edited = w.edits.contains_key(&row.path);
    let m = if edited { "E" } else { mark(source) };
    let label = format!("{m} {}", row.key);
    let text = w.text(row);
    let value = if i == w.selected && w.editing.is_some() {
        // Typing: the end of the value and the cursor stay in view, the label gives way first.
        let room = width.saturating_sub(fit::width(&label).min(8) + 2);
        format!("{}▏", fit::tail(&text, room))
    } else {
        text
    };
    let mut style = theme.row(i == w.selected, focused);
    if w.errors.contains_key(&row.path) {
        style = style.patch(theme.error());
    } else if (source.is_none() && !edited) || idle(s, i) {
        style = style.patch(theme.dim());
    }
    // The value always shows; a long key gives way.
    Line::from(fit::spread(&label, &value, width)).style(style)
}

/// What the selected input means and where its value came from, or its error.
fn render_doc(s: &ScenarioScreen, area: Rect, buf: &mut Buffer, theme: Theme) {
    let w = &s.work;
    let Some(row) = w.row() else { return };
    let source = if w.edits.contains_key(&row.path) {
        format!("edited; {}", crate::scenario::edit::was(&w.base, &row.path))
    } else {
        // Unedited, the report's label is the file's: "book: …", "unmarked" or "default".
        w.report
            .input(&row.path)
            .map_or_else(|| "default".to_string(), |i| i.source_label())
    };
    let idle = if idle(s, w.selected) {
        "Not used by the estimate as it stands: "
    } else {
        ""
    };
    let keys = match row.kind {
        FieldKind::Choice(_) | FieldKind::Bool => "; ← → changes it",
        _ => "",
    };
    // The selected field's error in place of its description, so it reads beside the field.
    let line = match w.errors.get(&row.path) {
        Some(e) => Span::styled(format!("✗ {e}"), theme.error()),
        None => Span::styled(format!("{idle}{}{keys}. [{source}]", row.doc), theme.dim()),
    };
    Paragraph::new(line)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}

//! The frame around every screen: the title line, the screen in front, the status line and the
//! key hints; the help overlay on top. Drawing is pure: `&App` into a buffer.

use super::app::{App, Screen};
use super::keymap::{self, Action};
use super::scenario::Tab;
use super::theme::Theme;
use super::{estimate, help, reference};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// The smallest screen napkin draws on.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = Theme { color: self.color };
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            // Say how to quit from here: while a value is typed, `q` is a letter.
            let keys = keymap::keys_for(&self.contexts(), Action::Quit).join(" or ");
            let msg = format!(
                "napkin needs {MIN_WIDTH}×{MIN_HEIGHT}; this is {}×{}. {keys} quits.",
                area.width, area.height
            );
            Paragraph::new(msg)
                .wrap(Wrap { trim: true })
                .render(area, buf);
            return;
        }
        let [head, body, status, hints] = area.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(1),
        ]));
        self.render_head(head, buf, theme);
        match &self.screen {
            Screen::Picker(p) => p.render(body, buf, theme),
            Screen::Scenario(s) => match s.tab {
                Tab::Estimate => estimate::render(s, self.now, body, buf, theme),
                Tab::Reference => reference::render(&s.reference, body, buf, theme),
            },
            Screen::Drill { drill, .. } => drill.render(self.now, body, buf, theme),
        }
        Paragraph::new(Line::from(Span::styled(self.status_line(), theme.warn())))
            .render(status, buf);
        self.render_hints(hints, buf, theme);
        if self.help {
            help::render(&self.screen_contexts(), self.help_scroll, area, buf, theme);
        }
    }
}

impl App {
    /// The message the last key left, else what is wrong with the scenario's fields.
    fn status_line(&self) -> String {
        if !self.status.is_empty() {
            return self.status.clone();
        }
        if let Some(s) = self.scenario() {
            let w = &s.work;
            if let Some(p) = &w.problem {
                return format!("stale: {p}");
            }
            if let Some(row) = w.row()
                && let Some(e) = w.errors.get(&row.path)
            {
                return format!("{}: {e}", row.path);
            }
            // The selected field is fine but another is not: name it, so it can be found.
            if let Some((path, e)) = w.errors.iter().next() {
                return format!("stale: {path}: {e}");
            }
            if w.stale {
                return "stale: some fields are invalid; the estimate shown is the last good one"
                    .into();
            }
        }
        String::new()
    }

    fn render_head(&self, area: Rect, buf: &mut Buffer, theme: Theme) {
        let mut spans = vec![
            Span::styled(" napkin ", theme.title().add_modifier(Modifier::REVERSED)),
            Span::raw(" "),
        ];
        match &self.screen {
            Screen::Scenario(s) => {
                let w = &s.work;
                let chapter = w
                    .report
                    .chapter
                    .map(|c| format!(" · ch. {c}"))
                    .unwrap_or_default();
                spans.push(Span::styled(
                    format!("{}{chapter}  ", w.base.meta.title),
                    theme.bold(),
                ));
                for (tab, name) in [(Tab::Estimate, "Estimate"), (Tab::Reference, "Reference")] {
                    let style = if s.tab == tab {
                        theme.selected(true)
                    } else {
                        theme.dim()
                    };
                    spans.push(Span::styled(format!(" {name} "), style));
                    spans.push(Span::raw(" "));
                }
                spans.push(Span::styled(" Drill (d) ", theme.dim()));
                spans.push(Span::raw(" "));
                if w.stale {
                    spans.push(Span::styled(
                        " STALE ",
                        theme.error().add_modifier(Modifier::REVERSED),
                    ));
                }
            }
            Screen::Drill { .. } => {
                spans.push(Span::styled(" Drill ", theme.selected(true)));
                spans.push(Span::raw("  practise estimates; Esc leaves"));
            }
            Screen::Picker(_) => spans.push(Span::raw("choose a case study (d: drill)")),
        }
        Paragraph::new(Line::from(spans)).render(area, buf);
    }

    fn render_hints(&self, area: Rect, buf: &mut Buffer, theme: Theme) {
        let mut spans = Vec::new();
        for (key, help) in keymap::hints(&self.contexts()) {
            spans.push(Span::styled(format!(" {key} "), theme.key()));
            spans.push(Span::raw(format!(" {help}  ")));
        }
        Paragraph::new(Line::from(spans)).render(area, buf);
    }
}

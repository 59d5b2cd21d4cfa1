//! The preset list: every built-in and user preset in the book's order, a filter, and the one
//! selected.

use super::fit::{cut, width, window};
use super::theme::Theme;
use crate::presets::{self, Origin};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use std::path::Path;

/// A preset as the picker lists it.
#[derive(Clone, Debug)]
pub struct PresetEntry {
    pub id: String,
    pub title: String,
    pub chapter: Option<u32>,
    pub summary: String,
    pub user: bool,
    pub text: String,
    /// Where its text comes from, for messages.
    pub origin: crate::scenario::Origin,
    /// Why it cannot be opened, for an invalid user preset.
    pub error: Option<String>,
}

#[derive(Debug, Default)]
pub struct Picker {
    pub presets: Vec<PresetEntry>,
    pub filter: String,
    /// The filter is being typed.
    pub filtering: bool,
    /// Index into the filtered list.
    pub picked: usize,
}

impl Picker {
    /// The built-in presets and those in `user_dir`, and the first problem reading them.
    pub fn load(user_dir: Option<&Path>) -> (Picker, Option<String>) {
        let (all, problems) = presets::all(user_dir);
        let mut list: Vec<PresetEntry> = all
            .into_iter()
            .map(|p| {
                let user = matches!(p.origin, Origin::User(_));
                let origin = p.text_origin();
                match p.load() {
                    Ok(s) => PresetEntry {
                        id: p.id,
                        title: s.meta.title,
                        chapter: s.meta.chapter.map(|c| c.0 as u32),
                        summary: s.meta.summary,
                        user,
                        text: p.text,
                        origin,
                        error: None,
                    },
                    Err(e) => PresetEntry {
                        id: p.id,
                        title: "(invalid)".into(),
                        chapter: None,
                        summary: e.0.first().map(|d| d.to_string()).unwrap_or_default(),
                        user,
                        text: p.text,
                        origin,
                        error: Some(e.to_string()),
                    },
                }
            })
            .collect();
        // The book's order: chapters first, then the rest by id (as `napkin presets list`).
        list.sort_by(|a, b| {
            let ch = |p: &PresetEntry| p.chapter.unwrap_or(u32::MAX);
            ch(a).cmp(&ch(b)).then_with(|| a.id.cmp(&b.id))
        });
        let picker = Picker {
            presets: list,
            ..Picker::default()
        };
        (picker, problems.into_iter().next())
    }

    /// The presets matching the filter, in list order.
    pub fn filtered(&self) -> Vec<&PresetEntry> {
        let f = self.filter.to_lowercase();
        self.presets
            .iter()
            .filter(|p| {
                f.is_empty()
                    || [&p.id, &p.title, &p.summary]
                        .iter()
                        .any(|s| s.to_lowercase().contains(&f))
            })
            .collect()
    }

    /// Selects the preset `id`, if the list shows it.
    pub fn pick(&mut self, id: &str) {
        if let Some(i) = self.filtered().iter().position(|p| p.id == id) {
            self.picked = i;
        }
    }

    pub fn move_by(&mut self, delta: isize) {
        let len = self.filtered().len();
        self.picked =
            (self.picked as isize + delta).clamp(0, len.saturating_sub(1) as isize) as usize;
    }

    /// Changes the filter being typed.
    pub fn edit_filter(&mut self, change: impl FnOnce(&mut String)) {
        change(&mut self.filter);
        self.picked = 0;
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, theme: Theme) {
        let title = if self.filtering || !self.filter.is_empty() {
            format!("Presets  /{}", self.filter)
        } else {
            "Presets".to_string()
        };
        let inner = theme.panel(&title, true, area, buf);
        let list = self.filtered();
        if list.is_empty() {
            Paragraph::new("no preset matches the filter (Esc clears it)").render(inner, buf);
            return;
        }
        let rows = (inner.height as usize).max(1);
        let room = inner.width as usize;
        let (start, end) = window(list.len(), self.picked, rows / 2);
        let mut lines = Vec::new();
        for (i, p) in list.iter().enumerate().take(end).skip(start) {
            let chapter = p
                .chapter
                .map_or_else(|| "     ".to_string(), |c| format!("ch.{c:>2}"));
            let user = if p.user { "  (user)" } else { "" };
            let style = if i == self.picked {
                theme.selected(true)
            } else {
                Style::new()
            };
            let title_style = if p.error.is_some() {
                theme.error()
            } else {
                theme.bold()
            };
            // A long title gives way to the id, ending in "…"; so does a long summary.
            let head = format!(" {chapter}  ");
            let tail = format!("  {}{user}", p.id);
            let title = cut(&p.title, room.saturating_sub(width(&head) + width(&tail)));
            lines.push(
                Line::from(vec![
                    Span::styled(head, theme.dim()),
                    Span::styled(title, title_style),
                    Span::styled(tail, theme.dim()),
                ])
                .style(style),
            );
            lines.push(Line::from(Span::styled(
                cut(&format!("         {}", p.summary), room),
                theme.dim(),
            )));
        }
        Paragraph::new(lines).render(inner, buf);
    }
}

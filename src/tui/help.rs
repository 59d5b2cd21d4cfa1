//! The `?` overlay: the keys of the screen in front, grouped under where they apply, in one
//! column or, when the screen is short, two; shorter still, without the blank line between
//! groups.

use super::fit;
use super::keymap::{BINDINGS, Binding, Context};
use super::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};

/// A group of keys: where they apply, and its bindings.
type Group = (Context, Vec<&'static Binding>);

pub fn render(contexts: &[Context], area: Rect, buf: &mut Buffer, theme: Theme) {
    let groups: Vec<Group> = contexts
        .iter()
        .map(|&c| (c, BINDINGS.iter().filter(|b| b.context == c).collect()))
        .filter(|(_, b): &Group| !b.is_empty())
        .collect();
    // A heading and its keys per group, `gap` blank lines between groups.
    let lines_of = |g: &[Group], gap: usize| {
        g.iter().map(|(_, b)| b.len() + 1).sum::<usize>() + gap * g.len().saturating_sub(1)
    };
    let room = area.height.saturating_sub(4) as usize;
    let two = lines_of(&groups, 1) > room && area.width >= 60;
    // Two columns of whole groups, split where the taller column is shortest.
    let split_at = |gap: usize| {
        (1..groups.len())
            .min_by_key(|&i| lines_of(&groups[..i], gap).max(lines_of(&groups[i..], gap)))
            .unwrap_or(groups.len())
    };
    let taller = |split: usize, gap: usize| {
        lines_of(&groups[..split], gap).max(lines_of(&groups[split..], gap))
    };
    let (split, gap) = if !two {
        (groups.len(), 1)
    } else if taller(split_at(1), 1) <= room {
        (split_at(1), 1)
    } else {
        (split_at(0), 0)
    };
    let (first, second) = groups.split_at(split);
    let height = taller(split, gap) as u16 + 2;
    let w = area.width.saturating_sub(4).min(if two { 100 } else { 60 });
    let h = area.height.saturating_sub(2).min(height);
    let popup = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    Clear.render(popup, buf);
    let inner = theme.panel("Keys here (Esc closes)", true, popup, buf);
    if two {
        let [left, right] = inner.layout(&Layout::horizontal([
            Constraint::Percentage(50),
            Constraint::Fill(1),
        ]));
        column(first, gap, left, buf, theme);
        column(second, gap, right, buf, theme);
    } else {
        column(first, gap, inner, buf, theme);
    }
}

fn column(groups: &[Group], gap: usize, area: Rect, buf: &mut Buffer, theme: Theme) {
    let label = |b: &Binding| {
        b.keys
            .iter()
            .map(|k| k.label())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let keys_w = groups
        .iter()
        .flat_map(|(_, b)| b.iter().map(|b| fit::width(&label(b))))
        .max()
        .unwrap_or(0)
        .min(14);
    let help_w = (area.width as usize).saturating_sub(keys_w + 2);
    let mut lines = Vec::new();
    for (i, (context, bindings)) in groups.iter().enumerate() {
        if i > 0 {
            lines.extend(std::iter::repeat_n(Line::default(), gap));
        }
        lines.push(Line::from(Span::styled(context.name(), theme.bold())));
        for b in bindings {
            lines.push(Line::from(vec![
                Span::styled(
                    format!(" {:<keys_w$} ", fit::cut(&label(b), keys_w)),
                    theme.title(),
                ),
                Span::raw(fit::cut(b.help, help_w)),
            ]));
        }
    }
    Paragraph::new(lines).render(area, buf);
}

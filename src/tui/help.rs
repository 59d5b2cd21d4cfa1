//! The `?` overlay: the keys of the screen in front, grouped under where they apply, in one
//! column or, when the screen is short, two; shorter still, without the blank line between
//! groups, and scrolled with ↑ ↓ when even that does not fit.

use super::fit;
use super::keymap::{BINDINGS, Binding, Context, notes};
use super::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};

/// A group of keys: where they apply, and its bindings.
type Group = (Context, Vec<&'static Binding>);

pub fn render(contexts: &[Context], scroll: usize, area: Rect, buf: &mut Buffer, theme: Theme) {
    let groups: Vec<Group> = contexts
        .iter()
        .map(|&c| (c, BINDINGS.iter().filter(|b| b.context == c).collect()))
        .filter(|(_, b): &Group| !b.is_empty())
        .collect();
    // A heading and its keys per group, `gap` blank lines between groups.
    let lines_of = |g: &[Group], gap: usize| {
        g.iter()
            .map(|(c, b)| b.len() + notes(*c).len() + 1)
            .sum::<usize>()
            + gap * g.len().saturating_sub(1)
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
    let mut left = entries(first, gap);
    let mut right = entries(second, gap);
    // Whole groups do not fit side by side: the split falls inside a group, whose heading
    // the right column repeats.
    if two && left.len().max(right.len()) > room {
        let mut all = entries(&groups, 0);
        let at = all.len().div_ceil(2);
        let rest = all.split_off(at);
        let open = all.iter().rev().find_map(|e| match e {
            Entry::Heading(c, _) => Some(*c),
            _ => None,
        });
        right = match (rest.first(), open) {
            (Some(Entry::Key(_)), Some(c)) => std::iter::once(Entry::Heading(c, true))
                .chain(rest)
                .collect(),
            _ => rest,
        };
        left = all;
    }
    // Still taller than the screen: both columns scroll together.
    let tallest = left.len().max(right.len());
    let scroll = scroll.min(tallest.saturating_sub(room));
    let overflows = tallest > room;
    left.drain(..scroll.min(left.len()));
    right.drain(..scroll.min(right.len()));
    let height = left.len().max(right.len()).min(room) as u16 + 2;
    let w = area.width.saturating_sub(4).min(if two { 100 } else { 60 });
    let h = area.height.saturating_sub(2).min(height);
    let popup = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    Clear.render(popup, buf);
    let title = match (overflows, scroll + room < tallest) {
        (false, _) => "Keys here (Esc closes)",
        (true, true) => "Keys here (↓ more, Esc closes)",
        (true, false) => "Keys here (↑ back, Esc closes)",
    };
    let inner = theme.panel(title, true, popup, buf);
    if two {
        let [l, r] = inner.layout(&Layout::horizontal([
            Constraint::Percentage(50),
            Constraint::Fill(1),
        ]));
        column(&left, l, buf, theme);
        column(&right, r, buf, theme);
    } else {
        column(&left, inner, buf, theme);
    }
}

/// One line of the overlay.
enum Entry {
    /// Where the keys below apply; `true` when it continues a group from the other column.
    Heading(Context, bool),
    Key(&'static Binding),
    /// A line of what the keys do not say (how to write a drill answer).
    Note(&'static str),
    Gap,
}

/// The lines of `groups`: each heading and its keys, `gap` blank lines between groups.
fn entries(groups: &[Group], gap: usize) -> Vec<Entry> {
    let mut out = Vec::new();
    for (i, (context, bindings)) in groups.iter().enumerate() {
        if i > 0 {
            out.extend(std::iter::repeat_with(|| Entry::Gap).take(gap));
        }
        out.push(Entry::Heading(*context, false));
        out.extend(bindings.iter().map(|b| Entry::Key(b)));
        out.extend(notes(*context).iter().map(|n| Entry::Note(n)));
    }
    out
}

fn column(entries: &[Entry], area: Rect, buf: &mut Buffer, theme: Theme) {
    let label = |b: &Binding| {
        b.keys
            .iter()
            .map(|k| k.label())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let keys_w = entries
        .iter()
        .filter_map(|e| match e {
            Entry::Key(b) => Some(fit::width(&label(b))),
            _ => None,
        })
        .max()
        .unwrap_or(0)
        .min(14);
    let help_w = (area.width as usize).saturating_sub(keys_w + 2);
    let lines: Vec<Line> = entries
        .iter()
        .map(|e| match e {
            Entry::Gap => Line::default(),
            Entry::Heading(context, more) => {
                let name = if *more {
                    format!("{} (more)", context.name())
                } else {
                    context.name().to_string()
                };
                Line::from(Span::styled(name, theme.bold()))
            }
            Entry::Note(n) => Line::from(Span::styled(
                format!(" {}", fit::cut(n, (area.width as usize).saturating_sub(1))),
                theme.dim(),
            )),
            Entry::Key(b) => Line::from(vec![
                Span::styled(
                    format!(" {:<keys_w$} ", fit::cut(&label(b), keys_w)),
                    theme.title(),
                ),
                Span::raw(fit::cut(b.help, help_w)),
            ]),
        })
        .collect();
    Paragraph::new(lines).render(area, buf);
}

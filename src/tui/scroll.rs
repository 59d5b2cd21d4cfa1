//! Panels taller than their place: an offset kept in the state, and drawing that clamps it to
//! what the wrapped text needs.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};
use std::cell::Cell;

/// A scrolled panel: its offset, and the largest offset worth having, which only drawing knows
/// (it depends on the panel's size and how its lines wrap): each frame records it.
#[derive(Debug, Default)]
pub struct Scroll {
    pub offset: usize,
    pub max: Cell<usize>,
}

impl Scroll {
    /// Moves by `delta` rows, within what the last frame could show.
    pub fn by(&mut self, delta: isize) {
        let max = self.max.get();
        self.offset = self.offset.min(max).saturating_add_signed(delta).min(max);
    }

    /// The offset to draw at, now that `max` is known; records `max` for the keys.
    pub fn clamp(&self, max: usize) -> usize {
        self.max.set(max);
        self.offset.min(max)
    }
}

/// Draws `lines` wrapped in `area`, scrolled by `scroll` (clamped to what there is).
pub fn scrolled(lines: Vec<Line<'_>>, scroll: &Scroll, area: Rect, buf: &mut Buffer) {
    let p = Paragraph::new(lines).wrap(Wrap { trim: false });
    let total = p.line_count(area.width);
    let offset = scroll.clamp(total.saturating_sub(area.height as usize));
    p.scroll((offset as u16, 0)).render(area, buf);
}

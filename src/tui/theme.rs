//! How the screen looks: the styles every screen draws with, with colour or (NO_COLOR) with bold,
//! dim, underline and reverse alone, and the framed panel they share.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Widget};

#[derive(Clone, Copy, Debug)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    /// A foreground colour, or nothing without colour.
    pub fn fg(self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn title(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn bold(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn dim(self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    /// The selected row: reversed in the focused panel, marked more quietly elsewhere.
    pub fn selected(self, focused: bool) -> Style {
        match (focused, self.color) {
            (true, _) => Style::new().add_modifier(Modifier::REVERSED),
            (false, true) => Style::new().bg(Color::DarkGray),
            (false, false) => Style::new().add_modifier(Modifier::UNDERLINED),
        }
    }

    /// A number that just changed.
    pub fn changed(self) -> Style {
        if self.color {
            Style::new().fg(Color::Black).bg(Color::Yellow)
        } else {
            Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED)
        }
    }

    pub fn error(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn warn(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    /// A key in the hint bar and the help.
    pub fn key(self) -> Style {
        self.title().add_modifier(Modifier::REVERSED)
    }

    /// Bars of the pictures.
    pub fn bar(self) -> Style {
        self.fg(Color::Green)
    }

    /// The latency waterfall's segments.
    pub fn segment(self) -> Style {
        self.fg(Color::Blue)
    }

    fn border(self, focused: bool) -> Style {
        if focused {
            self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
        } else {
            self.dim()
        }
    }

    /// Draws a framed panel titled `title` over `area`, its border bright when it has the
    /// focus; returns the area inside the frame.
    pub fn panel(self, title: &str, focused: bool, area: Rect, buf: &mut Buffer) -> Rect {
        let block = Block::new()
            .borders(Borders::ALL)
            .border_style(self.border(focused))
            .title(Span::styled(format!(" {title} "), self.title()));
        let inner = block.inner(area);
        block.render(area, buf);
        inner
    }

    /// A row of a list: reversed when selected in the focused panel, marked more quietly when
    /// selected elsewhere, plain otherwise.
    pub fn row(self, selected: bool, focused: bool) -> Style {
        if selected {
            self.selected(focused)
        } else {
            Style::new()
        }
    }
}

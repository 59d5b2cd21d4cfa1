//! The reference tab: two columns, each one panel that scrolls (Tab moves between them, ↑ ↓
//! scroll the one in focus). Left, the latency numbers, the accelerators and the models; right,
//! the powers of two, the constants of napkin arithmetic, and the downtime each availability
//! level allows. Readable from 80 columns: the right column keeps its width and the latency
//! table's source notes give way first.

use super::fit;
use super::scroll::{Scroll, scrolled};
use super::theme::Theme;
use crate::reference::{CONSTANTS, LATENCY, POWERS_OF_TWO, nines_rows};
use crate::units::Kind;
use crate::units::format::{Grouped, Human};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// Width of the right column, with borders.
const RIGHT: u16 = 33;

/// The reference tab's state: which column has the focus, and how far each is scrolled.
#[derive(Debug, Default)]
pub struct Reference {
    /// The right column has the focus (the left one otherwise).
    pub right: bool,
    pub left_scroll: Scroll,
    pub right_scroll: Scroll,
}

impl Reference {
    /// Scrolls the column in focus by `delta` rows.
    pub fn scroll_by(&mut self, delta: isize) {
        if self.right {
            self.right_scroll.by(delta)
        } else {
            self.left_scroll.by(delta)
        }
    }
}

pub fn render(state: &Reference, area: Rect, buf: &mut Buffer, theme: Theme) {
    let right_w = if area.width >= 110 {
        area.width * 45 / 100
    } else {
        RIGHT
    };
    let [left, right] = area.layout(&Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(right_w),
    ]));
    let left_lines = {
        let mut lines = latency_lines(left.width.saturating_sub(2) as usize, theme);
        lines.push(Line::default());
        lines.extend(accelerator_lines(theme));
        lines
    };
    column(
        "Latency · accelerators · models",
        left_lines,
        &state.left_scroll,
        !state.right,
        left,
        buf,
        theme,
    );
    column(
        "Napkin numbers",
        napkin_lines(theme),
        &state.right_scroll,
        state.right,
        right,
        buf,
        theme,
    );
}

/// One column: a panel of `lines` scrolled by `scroll`, its title saying when there is more.
fn column(
    name: &str,
    lines: Vec<Line<'static>>,
    scroll: &Scroll,
    focused: bool,
    area: Rect,
    buf: &mut Buffer,
    theme: Theme,
) {
    let (width, height) = (area.width.saturating_sub(2), area.height.saturating_sub(2));
    let total = Paragraph::new(lines.clone())
        .wrap(Wrap { trim: false })
        .line_count(width);
    let max = total.saturating_sub(height as usize);
    let at = scroll.offset.min(max);
    let title = match (max, at) {
        (0, _) => name.to_string(),
        (_, 0) => format!("{name} (↓ more)"),
        (m, a) if a >= m => format!("{name} (↑ back)"),
        _ => format!("{name} (↑ ↓)"),
    };
    let inner = theme.panel(&title, focused, area, buf);
    scrolled(lines, scroll, inner, buf);
}

fn latency_lines(width: usize, theme: Theme) -> Vec<Line<'static>> {
    const VALUE: usize = 9;
    let longest = LATENCY.iter().map(|l| fit::width(l.0)).max().unwrap_or(0);
    let op_w = longest.min(width.saturating_sub(VALUE + 1));
    let note_w = width.saturating_sub(op_w + VALUE + 2);
    let mut lines = vec![Line::from(Span::styled(
        "Latency numbers (Dean 2010, in Xu)",
        theme.bold(),
    ))];
    lines.extend(LATENCY.iter().map(|(op, t, src)| {
        let mut spans = vec![
            Span::raw(format!("{:<op_w$} ", fit::cut(op, op_w))),
            Span::styled(
                format!("{:>VALUE$}", Human::new(*t, Kind::Duration).to_string()),
                theme.bold(),
            ),
        ];
        // The source notes only where they fit whole enough to read.
        if note_w >= 8 {
            spans.push(Span::styled(
                format!(" {}", fit::cut(src, note_w)),
                theme.dim(),
            ));
        }
        Line::from(spans)
    }));
    lines
}

/// The accelerator table: dense peak FLOP/s for training, memory and bandwidth, each figure
/// with its source in `src/accelerators.toml`; then the model table (`src/models.toml`).
fn accelerator_lines(theme: Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(Span::styled(
        "Accelerators, dense peak",
        theme.bold(),
    ))];
    let (header, devices) = super::ml_pictures::accelerator_lines();
    lines.push(Line::from(Span::styled(header, theme.dim())));
    lines.extend(devices.into_iter().map(Line::from));
    lines.push(Line::default());
    lines.push(Line::from(Span::styled("Models", theme.bold())));
    let (header, models) = super::ml_pictures::model_lines();
    lines.push(Line::from(Span::styled(header, theme.dim())));
    lines.extend(models.into_iter().map(Line::from));
    lines
}

/// Powers of two, the constants, and the downtime of the nines.
fn napkin_lines(theme: Theme) -> Vec<Line<'static>> {
    let heading = |s: &'static str| Line::from(Span::styled(s, theme.bold()));
    let mut lines = vec![
        heading("Powers of two"),
        Line::from(Span::styled("power  ≈ decimal       size", theme.dim())),
    ];
    lines.extend(
        POWERS_OF_TWO
            .iter()
            .map(|(p, approx, _, unit)| Line::from(format!("2^{p:<4} {approx:<14} {unit}"))),
    );
    lines.push(Line::default());
    lines.push(heading("Napkin constants"));
    lines.extend(CONSTANTS.iter().map(|c| {
        // Whole counts exact ("86,400"), the rest as every number is written.
        let value = if c.kind == Kind::Count && c.value.fract() == 0.0 {
            Grouped(c.value).to_string()
        } else {
            Human::new(c.value, c.kind).to_string()
        };
        Line::from(vec![
            Span::raw(format!("{:<11} ", c.what)),
            Span::styled(format!("{value:>10}"), theme.bold()),
            Span::styled(format!(" ≈ {}", c.napkin), theme.dim()),
        ])
    }));
    lines.push(Line::default());
    lines.push(heading("Availability: downtime"));
    lines.push(Line::from(Span::styled(
        "available per day   per year",
        theme.dim(),
    )));
    for row in nines_rows() {
        lines.push(Line::from(format!(
            "{:<9} {:<9} {}",
            row.availability, row.per_day, row.per_year
        )));
    }
    lines.push(Line::from(Span::styled(
        "serial parts multiply (A1·A2); parallel: 1 − (1−A1)(1−A2)",
        theme.dim(),
    )));
    lines
}

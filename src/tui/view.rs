//! Drawing the state: pure functions from `&App` to a buffer.

use super::app::{App, Focus, Screen, Tab, Workbench};
use super::keymap::{self, BINDINGS};
use crate::report::Report;
use crate::scenario::SourceKind;
use crate::units::Kind;
use crate::units::format::Human;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

/// The smallest screen napkin draws on.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// Styles, with colour or (NO_COLOR) with bold and reverse alone.
#[derive(Clone, Copy)]
struct Theme {
    color: bool,
}

impl Theme {
    fn fg(self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }
    fn title(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
    fn dim(self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }
    fn selected(self, focused: bool) -> Style {
        match (focused, self.color) {
            (true, _) => Style::new().add_modifier(Modifier::REVERSED),
            (false, true) => Style::new().bg(Color::DarkGray),
            (false, false) => Style::new().add_modifier(Modifier::UNDERLINED),
        }
    }
    fn changed(self) -> Style {
        if self.color {
            Style::new().fg(Color::Black).bg(Color::Yellow)
        } else {
            Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED)
        }
    }
    fn error(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }
    fn warn(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }
    fn border(self, focused: bool) -> Style {
        if focused {
            self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
        } else {
            self.dim()
        }
    }
}

fn block(title: &str, focused: bool, theme: Theme) -> Block<'static> {
    Block::new()
        .borders(Borders::ALL)
        .border_style(theme.border(focused))
        .title(Span::styled(format!(" {title} "), theme.title()))
}

/// The rows `[start, end)` of a list of `len` that keep `selected` in a window of `height`.
fn window(len: usize, selected: usize, height: usize) -> (usize, usize) {
    if height == 0 {
        return (0, 0);
    }
    let start = selected
        .saturating_sub(height - 1)
        .min(len.saturating_sub(height));
    (start, (start + height).min(len))
}

/// The one-letter mark of a source: B book, P public, D derived, A assumption, E edited, · default.
fn mark(kind: Option<SourceKind>) -> &'static str {
    match kind {
        Some(SourceKind::Book) => "B",
        Some(SourceKind::Public) => "P",
        Some(SourceKind::Derived) => "D",
        Some(SourceKind::Assumption) => "A",
        Some(SourceKind::Override) => "E",
        None => "·",
    }
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = Theme { color: self.color };
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            let msg = format!(
                "napkin needs {MIN_WIDTH}×{MIN_HEIGHT}; this is {}×{}. q quits.",
                area.width, area.height
            );
            Paragraph::new(msg)
                .wrap(Wrap { trim: true })
                .render(area, buf);
            return;
        }
        let [head, body, status, hints] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(area);
        self.render_head(head, buf, theme);
        match (self.screen, self.tab) {
            (Screen::Picker, _) => self.render_picker(body, buf, theme),
            (Screen::Scenario, Tab::Estimate) => self.render_estimate(body, buf, theme),
            (Screen::Scenario, Tab::Reference) => render_reference(body, buf, theme),
            (Screen::Drill, _) => self.render_drill(body, buf, theme),
        }
        Paragraph::new(Line::from(Span::styled(self.status_line(), theme.warn())))
            .render(status, buf);
        self.render_hints(hints, buf, theme);
        if self.help {
            render_help(area, buf, theme);
        }
    }
}

impl App {
    fn status_line(&self) -> String {
        if let Some(w) = &self.work
            && self.screen == Screen::Scenario
        {
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
        self.status.clone()
    }

    fn render_head(&self, area: Rect, buf: &mut Buffer, theme: Theme) {
        let mut spans = vec![
            Span::styled(" napkin ", theme.title().add_modifier(Modifier::REVERSED)),
            Span::raw(" "),
        ];
        match (&self.work, self.screen) {
            (Some(w), Screen::Scenario) => {
                let chapter = w
                    .report
                    .chapter
                    .map(|c| format!(" · ch. {c}"))
                    .unwrap_or_default();
                spans.push(Span::styled(
                    format!("{}{chapter}  ", w.base.meta.title),
                    Style::new().add_modifier(Modifier::BOLD),
                ));
                for (tab, name) in [(Tab::Estimate, "Estimate"), (Tab::Reference, "Reference")] {
                    let style = if self.tab == tab {
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
            (_, Screen::Drill) => {
                spans.push(Span::styled(" Drill ", theme.selected(true)));
                spans.push(Span::raw("  practise estimates; Esc leaves"));
            }
            _ => spans.push(Span::raw("choose a case study (d: drill)")),
        }
        Paragraph::new(Line::from(spans)).render(area, buf);
    }

    fn render_hints(&self, area: Rect, buf: &mut Buffer, theme: Theme) {
        let mut spans = Vec::new();
        for (key, help) in keymap::hints(&self.contexts()) {
            spans.push(Span::styled(
                format!(" {key} "),
                theme.title().add_modifier(Modifier::REVERSED),
            ));
            spans.push(Span::raw(format!(" {help}  ")));
        }
        Paragraph::new(Line::from(spans)).render(area, buf);
    }

    fn render_picker(&self, area: Rect, buf: &mut Buffer, theme: Theme) {
        let title = if self.filtering || !self.filter.is_empty() {
            format!("Presets  /{}", self.filter)
        } else {
            "Presets".to_string()
        };
        let b = block(&title, true, theme);
        let inner = b.inner(area);
        b.render(area, buf);
        let list = self.filtered();
        if list.is_empty() {
            Paragraph::new("no preset matches the filter (Esc clears it)").render(inner, buf);
            return;
        }
        let rows = (inner.height as usize).max(1);
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
                Style::new().add_modifier(Modifier::BOLD)
            };
            lines.push(
                Line::from(vec![
                    Span::styled(format!(" {chapter}  "), theme.dim()),
                    Span::styled(p.title.clone(), title_style),
                    Span::styled(format!("  {}{user}", p.id), theme.dim()),
                ])
                .style(style),
            );
            lines.push(Line::from(Span::styled(
                format!("         {}", p.summary),
                theme.dim(),
            )));
        }
        Paragraph::new(lines).render(inner, buf);
    }

    fn render_drill(&self, area: Rect, buf: &mut Buffer, theme: Theme) {
        let Some(d) = &self.drill else { return };
        let [question, answer, feedback, spark] = Layout::vertical([
            Constraint::Length(7),
            Constraint::Length(3),
            Constraint::Fill(1),
            Constraint::Length(4),
        ])
        .areas(area);
        let Some(q) = d.question() else {
            Paragraph::new("No question fits: try another case study or skill.")
                .render(question, buf);
            return;
        };
        let title = format!(
            "Question {} · {} · {}",
            d.index + 1,
            q.skill.name(),
            q.case_title
        );
        let b = block(&title, false, theme);
        let inner = b.inner(question);
        b.render(question, buf);
        Paragraph::new(q.prompt.clone())
            .wrap(Wrap { trim: true })
            .render(inner, buf);

        let b = block(
            "Your answer (units, or a 90% interval lo..hi)",
            d.feedback.is_none(),
            theme,
        );
        let inner = b.inner(answer);
        b.render(answer, buf);
        let mut spans = vec![Span::raw(d.answer.clone())];
        if d.feedback.is_none() {
            spans.push(Span::styled("▏", theme.title()));
        }
        if let Some(e) = &d.error {
            spans.push(Span::styled(format!("   ✗ {e}"), theme.error()));
        }
        Paragraph::new(Line::from(spans)).render(inner, buf);

        let b = block("Feedback", false, theme);
        let inner = b.inner(feedback);
        b.render(feedback, buf);
        match &d.feedback {
            Some(text) => {
                let lines: Vec<Line> = text
                    .lines()
                    .map(|l| {
                        let style = if l.starts_with("Unit error") || l.starts_with("Likely slip") {
                            theme.warn()
                        } else if l.starts_with("You:") || l.starts_with("Answer:") {
                            Style::new().add_modifier(Modifier::BOLD)
                        } else {
                            Style::new()
                        };
                        Line::from(Span::styled(l.to_string(), style))
                    })
                    .collect();
                Paragraph::new(lines)
                    .wrap(Wrap { trim: false })
                    .render(inner, buf);
            }
            None => Paragraph::new(Span::styled(
                "Answer, then Enter: the score and the worked derivation appear here.",
                theme.dim(),
            ))
            .render(inner, buf),
        }

        let mean = if d.recent.is_empty() {
            0.0
        } else {
            d.recent.iter().sum::<f64>() / d.recent.len() as f64
        };
        let b = block(
            &format!(
                "Recent scores ({} answers, {mean:.0} points on average)",
                d.recent.len()
            ),
            false,
            theme,
        );
        let inner = b.inner(spark);
        b.render(spark, buf);
        let data: Vec<u64> = d.recent.iter().map(|p| p.round() as u64).collect();
        ratatui::widgets::Sparkline::default()
            .data(&data)
            .max(100)
            .style(theme.fg(Color::Green))
            .render(inner, buf);
    }

    fn render_estimate(&self, area: Rect, buf: &mut Buffer, theme: Theme) {
        let Some(w) = &self.work else { return };
        let warn_height = if w.report.warnings.is_empty() {
            0
        } else {
            (w.report.warnings.len() as u16 + 2)
                .min(area.height / 4)
                .max(3)
        };
        let [main, warnings] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(warn_height)]).areas(area);
        let [inputs, right] =
            Layout::horizontal([Constraint::Percentage(36), Constraint::Fill(1)]).areas(main);
        let [results, lower] =
            Layout::vertical([Constraint::Percentage(52), Constraint::Fill(1)]).areas(right);
        let [derivation, pictures] =
            Layout::horizontal([Constraint::Percentage(55), Constraint::Fill(1)]).areas(lower);
        render_inputs(w, self.focus == Focus::Inputs, inputs, buf, theme);
        render_results(
            w,
            self.focus == Focus::Results,
            self.now,
            results,
            buf,
            theme,
        );
        render_derivation(w, derivation, buf, theme);
        render_pictures(&w.report, &w.current, pictures, buf, theme);
        if warn_height > 0 {
            let b = block("Warnings", false, theme);
            let inner = b.inner(warnings);
            b.render(warnings, buf);
            let lines: Vec<Line> = w
                .report
                .warnings
                .iter()
                .map(|x| {
                    Line::from(vec![
                        Span::styled("! ", theme.warn()),
                        Span::raw(x.message.clone()),
                    ])
                })
                .collect();
            Paragraph::new(lines)
                .wrap(Wrap { trim: true })
                .render(inner, buf);
        }
    }
}

fn render_inputs(w: &Workbench, focused: bool, area: Rect, buf: &mut Buffer, theme: Theme) {
    let b = block("Inputs", focused, theme);
    let inner = b.inner(area);
    b.render(area, buf);
    if inner.height < 2 {
        return;
    }
    let [list, doc] = Layout::vertical([Constraint::Fill(1), Constraint::Length(2)]).areas(inner);
    // The form grouped by section: a heading ("stage.ranking") before each group's rows.
    let mut display: Vec<Result<usize, &str>> = Vec::with_capacity(w.rows.len() + 16);
    for (i, row) in w.rows.iter().enumerate() {
        let section = row.path.rsplit_once('.').map_or("", |(s, _)| s);
        if display.last().is_none_or(|d| match d {
            Ok(j) => w.rows[*j].path.rsplit_once('.').map_or("", |(s, _)| s) != section,
            Err(_) => false,
        }) {
            display.push(Err(section));
        }
        display.push(Ok(i));
    }
    let selected_line = display
        .iter()
        .position(|d| *d == Ok(w.selected))
        .unwrap_or(0);
    let height = list.height as usize;
    let (mut start, _) = window(display.len(), selected_line, height);
    // Show the selected row's heading when the row opens its group.
    if start > 0 && start == selected_line && display[start - 1].is_err() {
        start -= 1;
    }
    let end = (start + height).min(display.len());
    let width = list.width as usize;
    let mut lines = Vec::new();
    for entry in &display[start..end] {
        let i = match entry {
            Ok(i) => *i,
            Err(section) => {
                lines.push(Line::from(Span::styled(section.to_string(), theme.title())));
                continue;
            }
        };
        let row = &w.rows[i];
        let (_, key) = row.path.rsplit_once('.').unwrap_or(("", &row.path));
        let source = w.base.provenance.source(&row.path).map(|s| s.kind);
        let edited = w.edits.contains_key(&row.path);
        let m = if edited { "E" } else { mark(source) };
        let editing_this = i == w.selected && w.editing.is_some();
        let text = if editing_this {
            format!("{}▏", w.text(row))
        } else {
            w.text(row)
        };
        // The value always shows; a long path gives way, ending in "…".
        let room = width.saturating_sub(text.chars().count() + 1);
        let full = format!("{m} {key}");
        let label = if full.chars().count() > room && room > 1 {
            format!("{}…", full.chars().take(room - 1).collect::<String>())
        } else {
            full
        };
        let pad = width
            .saturating_sub(label.chars().count() + text.chars().count() + 1)
            .max(1);
        let mut style = if i == w.selected {
            theme.selected(focused)
        } else {
            Style::new()
        };
        if w.errors.contains_key(&row.path) {
            style = style.patch(theme.error());
        } else if source.is_none() && !edited {
            style = style.patch(theme.dim());
        }
        lines.push(Line::from(format!("{label}{}{text}", " ".repeat(pad))).style(style));
    }
    Paragraph::new(lines).render(list, buf);
    if let Some(row) = w.row() {
        let source = if w.edits.contains_key(&row.path) {
            format!("edited; {}", crate::scenario::edit::was(&w.base, &row.path))
        } else {
            // Unedited, the report's label is the file's: "book: …", "unmarked" or "default".
            w.report
                .input(&row.path)
                .map_or_else(|| "default".to_string(), |i| i.source_label())
        };
        // The selected field's error in place of its description, so it reads beside the field.
        let line = match w.errors.get(&row.path) {
            Some(e) => Span::styled(format!("✗ {e}"), theme.error()),
            None => Span::styled(format!("{}. [{source}]", row.doc), theme.dim()),
        };
        Paragraph::new(line)
            .wrap(Wrap { trim: true })
            .render(doc, buf);
    }
}

fn render_results(
    w: &Workbench,
    focused: bool,
    now: std::time::Instant,
    area: Rect,
    buf: &mut Buffer,
    theme: Theme,
) {
    let title = if w.stale {
        "Results (stale: last good estimate)"
    } else {
        "Results"
    };
    let b = block(title, focused, theme);
    let inner = b.inner(area);
    b.render(area, buf);
    let r = &w.report;
    let (start, end) = window(r.outputs.len(), w.selected_output, inner.height as usize);
    let width = inner.width as usize;
    let mut lines = Vec::new();
    for (i, o) in r.outputs.iter().enumerate().take(end).skip(start) {
        // The id's family as a short column: "traffic", "storage", "index"…
        let section = o.id.split('.').next().unwrap_or("");
        let display = r.human(o.value, o.kind);
        let napkin = r.human(r.napkin(o.value, o.kind), o.kind);
        let value = if napkin == display {
            display
        } else {
            format!("{display}  ≈{napkin}")
        };
        let room = width.saturating_sub(value.chars().count() + 1);
        let full = format!("{section:<9} {}", o.label);
        let label = if full.chars().count() > room && room > 1 {
            format!("{}…", full.chars().take(room - 1).collect::<String>())
        } else {
            full
        };
        let pad = width
            .saturating_sub(label.chars().count() + value.chars().count())
            .max(1);
        let mut style = if i == w.selected_output {
            theme.selected(focused)
        } else {
            Style::new()
        };
        if w.flashing(&o.id, now) {
            style = style.patch(theme.changed());
        }
        if w.stale {
            style = style.patch(theme.dim());
        }
        lines.push(Line::from(format!("{label}{}{value}", " ".repeat(pad))).style(style));
    }
    Paragraph::new(lines).render(inner, buf);
}

fn render_derivation(w: &Workbench, area: Rect, buf: &mut Buffer, theme: Theme) {
    let r = &w.report;
    let Some(o) = r.outputs.get(w.selected_output) else {
        return;
    };
    let b = block(&format!("How: {}", o.label), false, theme);
    let inner = b.inner(area);
    b.render(area, buf);
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
        Style::new().add_modifier(Modifier::BOLD),
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
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(inner, buf);
}

/// A bar of `fraction` of `width` cells, with eighth-cell ends.
fn bar(fraction: f64, width: usize) -> String {
    const EIGHTHS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    let cells = (fraction.clamp(0.0, 1.0) * width as f64 * 8.0).round() as usize;
    let mut s = "█".repeat(cells / 8);
    s.push_str(EIGHTHS[cells % 8]);
    if s.is_empty() && fraction > 0.0 {
        s.push('▏');
    }
    s
}

fn render_pictures(
    r: &Report,
    scenario: &crate::scenario::Scenario,
    area: Rect,
    buf: &mut Buffer,
    theme: Theme,
) {
    let b = block("Pictures", false, theme);
    let inner = b.inner(area);
    b.render(area, buf);
    let width = inner.width as usize;
    let label_w = (width / 3).clamp(6, 18);
    let bar_w = width.saturating_sub(label_w + 10).max(1);
    let mut lines: Vec<Line> = Vec::new();
    let chart = |title: &str, items: Vec<(String, f64, String)>, lines: &mut Vec<Line>| {
        if items.is_empty() {
            return;
        }
        lines.push(Line::from(Span::styled(title.to_string(), theme.title())));
        let max = items.iter().map(|i| i.1).fold(0.0, f64::max);
        for (label, v, shown) in items {
            let label: String = label.chars().take(label_w).collect();
            let f = if max > 0.0 { v / max } else { 0.0 };
            lines.push(Line::from(vec![
                Span::raw(format!("{label:<label_w$} ")),
                Span::styled(format!("{:<bar_w$}", bar(f, bar_w)), theme.fg(Color::Green)),
                Span::raw(format!(" {shown}")),
            ]));
        }
    };
    let storage: Vec<(String, f64, String)> = r
        .outputs
        .iter()
        .filter(|o| {
            o.id.starts_with("storage.")
                && !o.id.contains("growth_per_day")
                && o.id != "storage.total"
                && !o.id.starts_with("storage.log.")
                && o.value > 0.0
        })
        .map(|o| {
            (
                o.id.trim_start_matches("storage.").to_string(),
                o.value,
                r.human(o.value, o.kind),
            )
        })
        .collect();
    chart("Storage", storage, &mut lines);
    let servers: Vec<(String, f64, String)> = r
        .outputs
        .iter()
        .filter(|o| o.id.starts_with("fleet.") && o.id.ends_with(".servers"))
        .map(|o| {
            (
                o.id.trim_start_matches("fleet.")
                    .trim_end_matches(".servers")
                    .to_string(),
                o.value,
                r.human(o.value, o.kind),
            )
        })
        .collect();
    chart("Servers per stage", servers, &mut lines);
    render_waterfall(r, scenario, bar_w + label_w + 1, &mut lines, theme);
    for (title, bars) in super::ml_pictures::charts(r, scenario) {
        chart(&title, bars, &mut lines);
    }
    Paragraph::new(lines).render(inner, buf);
}

/// Each online stage as a segment from its start to its finish on the request's path (parallel
/// stages side by side), against the budget line `┃`.
fn render_waterfall(
    r: &Report,
    s: &crate::scenario::Scenario,
    width: usize,
    lines: &mut Vec<Line>,
    theme: Theme,
) {
    use crate::scenario::Mode;
    let total = r.output("latency.total").map_or(0.0, |o| o.value);
    let budget = s
        .serving
        .latency_budget
        .map(|b| b.get::<uom::si::time::second>());
    let overhead = s.serving.overhead.get::<uom::si::time::second>();
    let mut segments: Vec<(&str, f64, f64)> = Vec::new();
    if overhead > 0.0 {
        segments.push(("overhead", 0.0, overhead));
    }
    for (st, est) in s.stages.iter().zip(&r.estimate.stages) {
        if st.mode == Mode::Online {
            segments.push((&st.name, est.start, est.finish));
        }
    }
    if segments.is_empty() || total <= 0.0 {
        return;
    }
    let scale = budget.unwrap_or(total).max(total);
    let label_w = (width / 3).clamp(6, 14);
    let cols = width.saturating_sub(label_w + 1).max(4);
    let col = |t: f64| ((t / scale) * cols as f64).round() as usize;
    lines.push(Line::from(Span::styled(
        match budget {
            Some(b) => format!("Latency vs {} budget", Human::new(b, Kind::Duration)),
            None => "Latency".to_string(),
        },
        theme.title(),
    )));
    let budget_col = budget.map(col);
    for (name, start, finish) in segments {
        let (from, to) = (col(start), col(finish).max(col(start) + 1));
        let mut cells: Vec<char> = vec![' '; cols + 1];
        for c in cells.iter_mut().take(to.min(cols + 1)).skip(from) {
            *c = '█';
        }
        if let Some(b) = budget_col.filter(|&b| b <= cols) {
            cells[b] = if cells[b] == '█' { '▓' } else { '┃' };
        }
        let label: String = name.chars().take(label_w).collect();
        let over = finish > budget.unwrap_or(f64::INFINITY);
        let style = if over {
            theme.error()
        } else {
            theme.fg(Color::Blue)
        };
        lines.push(Line::from(vec![
            Span::raw(format!("{label:<label_w$} ")),
            Span::styled(cells.into_iter().collect::<String>(), style),
        ]));
    }
}

fn render_reference(area: Rect, buf: &mut Buffer, theme: Theme) {
    use crate::reference::{LATENCY, NINES, POWERS_OF_TWO, downtime};
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(55), Constraint::Fill(1)]).areas(area);
    let (header, devices) = super::ml_pictures::accelerator_lines();
    let [left, accelerators] = Layout::vertical([
        Constraint::Length(LATENCY.len() as u16 + 2),
        Constraint::Fill(1),
    ])
    .areas(left);
    let b = block(
        "Accelerators, dense peak (sources: src/accelerators.toml)",
        false,
        theme,
    );
    let inner = b.inner(accelerators);
    b.render(accelerators, buf);
    let mut lines = vec![Line::from(Span::styled(header, theme.dim()))];
    lines.extend(devices.into_iter().map(Line::from));
    Paragraph::new(lines).render(inner, buf);
    let b = block(
        "Latency numbers (Dean 2010, as printed by Xu)",
        false,
        theme,
    );
    let inner = b.inner(left);
    b.render(left, buf);
    let lines: Vec<Line> = LATENCY
        .iter()
        .map(|(op, t, src)| {
            Line::from(vec![
                Span::raw(format!("{op:<38}")),
                Span::styled(
                    format!("{:>9}", Human::new(*t, Kind::Duration).to_string()),
                    Style::new().add_modifier(Modifier::BOLD),
                ),
                Span::styled(format!("  {src}"), theme.dim()),
            ])
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
    let [powers, nines] = Layout::vertical([
        Constraint::Length(POWERS_OF_TWO.len() as u16 + 3),
        Constraint::Fill(1),
    ])
    .areas(right);
    let b = block("Powers of two", false, theme);
    let inner = b.inner(powers);
    b.render(powers, buf);
    let mut lines = vec![Line::from(Span::styled(
        "power  ≈ decimal        size",
        theme.dim(),
    ))];
    lines.extend(
        POWERS_OF_TWO
            .iter()
            .map(|(p, approx, _, unit)| Line::from(format!("2^{p:<4} {approx:<15} {unit}"))),
    );
    Paragraph::new(lines).render(inner, buf);
    let b = block("Availability: downtime allowed", false, theme);
    let inner = b.inner(nines);
    b.render(nines, buf);
    let mut lines = vec![Line::from(Span::styled(
        "availability  per day    per year",
        theme.dim(),
    ))];
    for a in NINES {
        let day = Human::new(downtime(a, 86_400.0), Kind::Duration).to_string();
        let year = Human::new(downtime(a, 365.0 * 86_400.0), Kind::Duration).to_string();
        lines.push(Line::from(format!(
            "{:<13} {day:<10} {year}",
            format!(
                "{}%",
                crate::units::format::Grouped((a * 100.0 * 1e4).round() / 1e4)
            )
        )));
    }
    lines.push(Line::from(Span::styled(
        "serial parts multiply (A1·A2); parallel: 1 − (1−A1)(1−A2)",
        theme.dim(),
    )));
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(inner, buf);
}

fn render_help(area: Rect, buf: &mut Buffer, theme: Theme) {
    let rows = BINDINGS.len() as u16;
    // One column with the context when it fits; two columns without it when the screen is short.
    let two = area.height < rows + 4 && area.width >= 80;
    let w = area.width.saturating_sub(4).min(if two { 100 } else { 76 });
    let per_column = if two { rows.div_ceil(2) } else { rows };
    let h = area.height.saturating_sub(2).min(per_column + 2);
    let popup = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    Clear.render(popup, buf);
    let b = block("Keys (Esc closes)", true, theme);
    let inner = b.inner(popup);
    b.render(popup, buf);
    let line = |b: &keymap::Binding, with_context: bool| {
        let keys: Vec<String> = b.keys.iter().map(|k| k.label()).collect();
        let mut spans = vec![
            Span::styled(format!("{:<18}", keys.join(" ")), theme.title()),
            Span::raw(format!("{:<30}", b.help)),
        ];
        if with_context {
            spans.push(Span::styled(b.context.name(), theme.dim()));
        }
        Line::from(spans)
    };
    if two {
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Fill(1)]).areas(inner);
        let (first, second) = BINDINGS.split_at(per_column as usize);
        Paragraph::new(first.iter().map(|b| line(b, false)).collect::<Vec<_>>()).render(left, buf);
        Paragraph::new(second.iter().map(|b| line(b, false)).collect::<Vec<_>>())
            .render(right, buf);
    } else {
        Paragraph::new(BINDINGS.iter().map(|b| line(b, true)).collect::<Vec<_>>())
            .render(inner, buf);
    }
}

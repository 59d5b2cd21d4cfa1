//! Pictures of the estimate: storage by store, servers per stage, and a latency waterfall
//! against the budget, each labelled in full where the panel has room; above them, the what-if
//! pictures ([`super::whatif_pictures`]). Scrolls when it has the focus.

use super::super::fit;
use super::super::scenario::ScenarioScreen;
use super::super::scroll::scrolled;
use super::super::theme::Theme;
use crate::estimate::engines::Engine;
use crate::report::Report;
use crate::scenario::{Mode, Scenario};
use crate::units::Kind;
use crate::units::format::Human;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// The fewest cells a bar gets before labels are cut.
const MIN_BAR: usize = 6;
/// The fewest cells the waterfall gets before labels are cut: its segments need more to read.
const MIN_WATERFALL: usize = 12;

pub fn render(s: &ScenarioScreen, focused: bool, area: Rect, buf: &mut Buffer, theme: Theme) {
    let r = &s.work.report;
    let inner = theme.panel("Pictures", focused, area, buf);
    let width = inner.width as usize;
    let mut lines: Vec<Line> = Vec::new();
    // The outputs drawn, asked for by id from the scenario's own corpora and stages.
    let sc = &s.work.current;
    // What-if first: the sweep asked for with `v`, then what drives the selected result.
    let selected = s.work.selected_output;
    if let Some(path) = &s.sweep {
        super::whatif_pictures::sweep(sc, r, selected, path, width, &mut lines, theme);
    }
    super::whatif_pictures::tornado(r, selected, width, &mut lines, theme);
    // With an index output selected, first the same index as each engine sizes it.
    let index_selected = r
        .outputs
        .get(s.work.selected_output)
        .is_some_and(|o| o.section() == crate::estimate::Section::Index);
    if let (true, Some(ix)) = (index_selected, &r.estimate.index) {
        let mut engines: Vec<(String, f64, String)> = Engine::ALL
            .iter()
            .filter_map(|&e| {
                let bytes = ix.engines[e as usize]?;
                Some((e.name().to_string(), bytes, r.human(bytes, Kind::Size)))
            })
            .collect();
        engines.sort_by(|a, b| a.1.total_cmp(&b.1));
        chart(
            "Index memory by engine (one copy)",
            engines,
            width,
            &mut lines,
            theme,
        );
        let left_out: Vec<&str> = Engine::ALL
            .iter()
            .filter(|&&e| ix.engines[e as usize].is_none())
            .map(|e| e.name())
            .collect();
        if !left_out.is_empty() {
            lines.push(Line::from(Span::styled(
                format!(
                    "left out, no documented sizing for this index: {}",
                    left_out.join(", ")
                ),
                theme.dim(),
            )));
        }
    }
    let bar = |label: String, id: String| {
        r.output(&id)
            .filter(|o| o.value > 0.0)
            .map(|o| (label, o.value, r.human(o.value, o.kind)))
    };
    let mut storage = Vec::new();
    for c in &sc.corpora {
        storage.extend(bar(c.name.clone(), format!("storage.{}", c.name)));
        storage.extend(bar(
            format!("{} retained growth", c.name),
            format!("storage.{}.retained_growth", c.name),
        ));
    }
    for name in ["embeddings", "logs", "graph", "text_index"] {
        storage.extend(bar(name.to_string(), format!("storage.{name}")));
    }
    chart("Storage", storage, width, &mut lines, theme);
    let servers = sc
        .stages
        .iter()
        .filter_map(|st| bar(st.name.clone(), format!("fleet.{}.servers", st.name)))
        .collect();
    chart("Servers per stage", servers, width, &mut lines, theme);
    waterfall(r, &s.work.current, width, &mut lines, theme);
    for (title, bars) in crate::tui::ml_pictures::charts(r, sc) {
        chart(&title, bars, width, &mut lines, theme);
    }
    scrolled(lines, &s.pictures, inner, buf);
}

/// Cells a label keeps however narrow the panel: enough to tell stages apart.
const MIN_LABEL: usize = 8;

/// The label column's width: the longest label, cut only to leave `rest` cells, and never
/// below [`MIN_LABEL`] (the bars give way then).
fn label_width<'a>(labels: impl Iterator<Item = &'a str>, width: usize, rest: usize) -> usize {
    let longest = labels.map(fit::width).max().unwrap_or(0);
    longest.min(width.saturating_sub(rest).max(MIN_LABEL))
}

/// A bar chart: one bar per item, as long as its share of the largest, with its value.
fn chart(
    title: &str,
    items: Vec<(String, f64, String)>,
    width: usize,
    lines: &mut Vec<Line<'static>>,
    theme: Theme,
) {
    if items.is_empty() {
        return;
    }
    lines.push(Line::from(Span::styled(title.to_string(), theme.title())));
    let value_w = items.iter().map(|i| fit::width(&i.2)).max().unwrap_or(0);
    let label_w = label_width(
        items.iter().map(|i| i.0.as_str()),
        width,
        value_w + MIN_BAR + 2,
    );
    let bar_w = width.saturating_sub(label_w + value_w + 2).max(1);
    let max = items.iter().map(|i| i.1).fold(0.0, f64::max);
    for (label, v, shown) in items {
        let f = if max > 0.0 { v / max } else { 0.0 };
        lines.push(Line::from(vec![
            Span::raw(format!("{:<label_w$} ", fit::cut(&label, label_w))),
            Span::styled(format!("{:<bar_w$}", bar(f, bar_w)), theme.bar()),
            Span::raw(format!(" {shown:>value_w$}")),
        ]));
    }
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

fn ms(seconds: f64) -> String {
    Human::new(seconds, Kind::Duration).to_string()
}

/// Each online stage as a segment from its start to its finish on the request's path (parallel
/// stages side by side) with its time, against the budget line `┃`, over a time axis.
fn waterfall(r: &Report, s: &Scenario, width: usize, lines: &mut Vec<Line<'static>>, theme: Theme) {
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
    let times: Vec<String> = segments.iter().map(|(_, a, b)| ms(b - a)).collect();
    let time_w = times.iter().map(|t| fit::width(t)).max().unwrap_or(0);
    let label_w = label_width(
        segments.iter().map(|s| s.0),
        width,
        time_w + MIN_WATERFALL + 2,
    );
    let cols = width.saturating_sub(label_w + time_w + 2).max(4);
    // Cells 0..cols are time; the budget line may take the cell just past the last.
    let col = |t: f64| ((t / scale) * (cols - 1) as f64).round() as usize;
    lines.push(Line::from(Span::styled(
        match budget {
            Some(b) => format!("Latency {} of {}", ms(total), ms(b)),
            None => format!("Latency {}", ms(total)),
        },
        theme.title(),
    )));
    let budget_col = budget.map(col);
    for ((name, start, finish), time) in segments.into_iter().zip(times) {
        let (from, to) = (col(start), col(finish).max(col(start) + 1));
        let mut cells: Vec<char> = vec![' '; cols];
        for c in cells.iter_mut().take(to.min(cols)).skip(from) {
            *c = '█';
        }
        if let Some(b) = budget_col.filter(|&b| b < cols) {
            cells[b] = if cells[b] == '█' { '▓' } else { '┃' };
        }
        let over = finish > budget.unwrap_or(f64::INFINITY);
        let style = if over { theme.error() } else { theme.segment() };
        lines.push(Line::from(vec![
            Span::raw(format!("{:<label_w$} ", fit::cut(name, label_w))),
            Span::styled(cells.into_iter().collect::<String>(), style),
            Span::raw(format!(" {time:>time_w$}")),
        ]));
    }
    // The time axis: 0 under the start, the scale's end under the last cell.
    let (zero, end) = ("0 ms".to_string(), ms(scale));
    let gap = cols
        .saturating_sub(fit::width(&zero) + fit::width(&end))
        .max(1);
    lines.push(Line::from(Span::styled(
        format!("{:label_w$} {zero}{}{end}", "", " ".repeat(gap)),
        theme.dim(),
    )));
}

//! The drill screen: a question, the answer being typed, the feedback, recent scores. Drawn
//! questions follow one another without end; a case walk asks a case study's steps in order
//! ([`walk::build`]) and ends on its summary.

use super::fit;
use super::scroll::{Scroll, scrolled};
use super::theme::Theme;
use crate::drill::coach::{self, Attempt};
use crate::drill::feedback::{self, LineKind};
use crate::drill::history::{self, Mode};
use crate::drill::interview;
use crate::drill::question::Question;
use crate::drill::scorecard;
use crate::drill::session::{self, Options};
use crate::drill::walk::{self, Row, Walk};
use crate::presets::Preset;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Sparkline, Widget, Wrap};
use std::time::Instant;

/// Questions drawn at a time; more follow as they are used up.
const BATCH: usize = 10;
/// Scores the sparkline shows.
pub const RECENT: usize = 40;

pub struct DrillState {
    pub opts: Options,
    pub presets: Vec<Preset>,
    pub questions: Vec<Question>,
    pub index: usize,
    pub answer: String,
    /// The feedback on the current question, once answered.
    pub feedback: Option<Vec<feedback::Line>>,
    /// Why the answer could not be read.
    pub error: Option<String>,
    /// How far the feedback is scrolled.
    pub scroll: Scroll,
    /// Points of recent scored answers, oldest first.
    pub recent: Vec<f64>,
    /// The case walk being asked, when this is one.
    pub walk: Option<CaseWalk>,
    /// When the walk is an interview: its clock. No feedback, no reveal, a scorecard at the end.
    pub interview: Option<Timed>,
    /// Leaving was asked: the session's summary shows (Esc again leaves, Enter goes on).
    pub leaving: bool,
    /// This session's scored answers, and the questions revealed and skipped, for its summary.
    session: Vec<history::Record>,
    revealed: usize,
    skipped: usize,
    seed: u64,
    batches: u64,
}

/// An interview's clock: when it began, when the current step was asked, the time allowed.
#[derive(Clone, Copy, Debug)]
pub struct Timed {
    pub start: Instant,
    pub asked: Instant,
    /// Seconds allowed.
    pub limit: Option<f64>,
}

impl Timed {
    pub fn new(now: Instant, limit: Option<f64>) -> Timed {
        Timed {
            start: now,
            asked: now,
            limit,
        }
    }

    /// "03:12 of 15:00" at `now`.
    pub fn clock(&self, now: Instant) -> String {
        scorecard::clock(now.duration_since(self.start).as_secs_f64(), self.limit)
    }
}

/// A case study walked in order: its steps, what became of each, and the values answered (for
/// the note on an answer that follows from an earlier wrong one).
pub struct CaseWalk {
    pub walk: Walk,
    pub rows: Vec<Row>,
    answered: Vec<(crate::estimate::OutputId, f64)>,
    /// When the walk began, in milliseconds: its answers are kept marked with it.
    started: i64,
}

impl DrillState {
    pub fn new(opts: Options, presets: Vec<Preset>) -> DrillState {
        let seed = opts.seed.unwrap_or_else(|| history::now() as u64);
        let mut recent: Vec<f64> = opts
            .history
            .as_deref()
            .map(|p| history::read(p).0.iter().filter_map(|r| r.points).collect())
            .unwrap_or_default();
        let keep = recent.len().saturating_sub(RECENT);
        recent.drain(..keep);
        let batch = Options {
            count: BATCH,
            ..opts.clone()
        };
        let (questions, _) = session::questions(&batch, &presets, seed, &mut std::io::sink());
        DrillState {
            opts,
            presets,
            questions,
            index: 0,
            answer: String::new(),
            feedback: None,
            error: None,
            scroll: Scroll::default(),
            recent,
            walk: None,
            interview: None,
            leaving: false,
            session: Vec::new(),
            revealed: 0,
            skipped: 0,
            seed,
            batches: 1,
        }
    }

    /// The steps of `walk` in order, answers kept in `history` (when given) marked with the walk.
    pub fn case_walk(walk: Walk, history: Option<std::path::PathBuf>) -> DrillState {
        let opts = Options {
            history,
            ..Options::default()
        };
        let mut d = DrillState::new(
            Options {
                count: 0,
                ..opts.clone()
            },
            Vec::new(),
        );
        d.opts = opts;
        d.questions = walk.steps.clone();
        let started = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |t| t.as_millis() as i64);
        d.walk = Some(CaseWalk {
            walk,
            rows: Vec::new(),
            answered: Vec::new(),
            started,
        });
        d
    }

    pub fn question(&self) -> Option<&Question> {
        self.questions.get(self.index)
    }

    /// Ctrl-R: shows the answer, not scored (refused in an interview, which says so).
    pub fn reveal(&mut self, now: Instant) {
        if self.feedback.is_none() && !self.leaving {
            self.answer = "?".to_string();
            self.enter(now);
        }
    }

    /// Whether leaving should first show the session's summary: something was answered, and it
    /// is not already on screen (the end of a walk shows its own).
    pub fn summary_first(&self) -> bool {
        let answered = self.session.len() + self.revealed + self.skipped > 0;
        !self.leaving && answered && self.question().is_some()
    }

    /// Esc: the session's summary, from its top.
    pub fn ask_leave(&mut self) {
        self.leaving = true;
        self.scroll = Scroll::default();
    }

    /// What the session's summary says: the walk's summary (or the interview's scorecard) so
    /// far, or the drawn questions' tally.
    pub fn summary(&self, now: Instant) -> String {
        match (&self.walk, &self.interview) {
            (Some(w), Some(t)) => {
                scorecard::scorecard(&w.rows, now.duration_since(t.start).as_secs_f64(), t.limit)
            }
            (Some(w), None) => walk::summary(&w.rows),
            (None, _) => scorecard::session(&self.session, self.revealed, self.skipped),
        }
    }

    /// Enter: judge the answer (`?` typed alone reveals it, an empty answer skips the
    /// question), or move on once the feedback has been read; on the summary, back to the drill.
    pub fn enter(&mut self, now: Instant) {
        if self.leaving {
            self.leaving = false;
            return;
        }
        if self.feedback.is_some() {
            self.next();
            return;
        }
        let Some(q) = self.question() else { return };
        let attempt = match (&self.walk, &self.interview) {
            (Some(w), Some(_)) => interview::attempt(&w.walk, q, &self.answer, &w.answered),
            (Some(w), None) => w.walk.attempt(q, &self.answer, &w.answered),
            (None, _) => coach::attempt(q, &self.answer),
        };
        let q = q.clone();
        let mut row = self.walk.as_ref().map(|w| w.walk.row(&q));
        if let (Some(r), Some(t)) = (&mut row, &mut self.interview) {
            r.seconds = Some(now.duration_since(t.asked).as_secs_f64());
            t.asked = now;
        }
        match attempt {
            Attempt::Skip => {
                self.skipped += 1;
                self.keep_row(row);
                self.next()
            }
            Attempt::Retry(why) => self.error = Some(why),
            Attempt::Reveal => {
                self.revealed += 1;
                let lines = coach::reveal_lines(&q);
                self.error = None;
                self.feedback = Some(lines);
                self.keep_row(row.map(|r| Row {
                    yours: Some("revealed".into()),
                    ..r
                }));
            }
            Attempt::Judged(j) => {
                let lines = coach::lines(&q, &j);
                let mut record = session::record(&q, &j);
                if let Some(w) = &mut self.walk {
                    record.walk = Some(w.started);
                    record.mode = if self.interview.is_some() {
                        Mode::Interview
                    } else {
                        Mode::Walk
                    };
                    if let Some(v) = j.outcome.scored {
                        w.answered.push((q.output.clone(), v));
                    }
                }
                self.keep_row(row.map(|mut r| {
                    r.judged(&j);
                    r
                }));
                let unsaved = self
                    .opts
                    .history
                    .as_ref()
                    .and_then(|path| history::append(path, &record).err());
                self.session.push(record);
                // The answer was read: what is said under it now is only a failure to save it.
                self.error = unsaved.map(|e| format!("could not save this answer: {e}"));
                if let Some(s) = j.outcome.score {
                    self.recent.push(s.points);
                    let keep = self.recent.len().saturating_sub(RECENT);
                    self.recent.drain(..keep);
                }
                if self.interview.is_some() {
                    // No feedback in an interview: on to the next step (a failure to save the
                    // answer stays said under it).
                    let unsaved = self.error.take();
                    self.next();
                    self.error = unsaved;
                } else {
                    self.feedback = Some(lines);
                }
            }
        }
    }

    /// Keeps a case walk's row for the question just answered.
    fn keep_row(&mut self, row: Option<Row>) {
        if let (Some(w), Some(row)) = (&mut self.walk, row) {
            w.rows.push(row);
        }
    }

    fn next(&mut self) {
        self.index += 1;
        self.answer.clear();
        self.feedback = None;
        self.error = None;
        self.scroll = Scroll::default();
        // A case walk ends on its summary; drawn questions never run out.
        if self.index >= self.questions.len() && self.walk.is_none() {
            let batch = Options {
                count: BATCH,
                seed: Some(self.seed.wrapping_add(self.batches)),
                ..self.opts.clone()
            };
            self.batches += 1;
            let (more, _) = session::questions(
                &batch,
                &self.presets,
                self.seed.wrapping_add(self.batches),
                &mut std::io::sink(),
            );
            self.questions.extend(more);
        }
    }

    /// Changes the answer being typed (not once it is scored, nor on the summary).
    pub fn edit(&mut self, change: impl FnOnce(&mut String)) {
        if self.feedback.is_none() && !self.leaving {
            change(&mut self.answer);
            self.error = None;
        }
    }
}

impl DrillState {
    pub fn render(&self, now: Instant, area: Rect, buf: &mut Buffer, theme: Theme) {
        let [question, answer, feedback, spark] = area.layout(&Layout::vertical([
            Constraint::Length(7),
            Constraint::Length(3),
            Constraint::Fill(1),
            Constraint::Length(4),
        ]));
        if self.leaving {
            let inner = theme.panel("Your session · Esc leaves, Enter goes on", true, area, buf);
            let mut lines: Vec<Line> = self
                .summary(now)
                .lines()
                .map(|l| Line::from(l.to_string()))
                .collect();
            lines.push(Line::from(Span::styled(
                "Every answer is kept: `napkin stats` shows your progress over every session.",
                theme.dim(),
            )));
            scrolled(lines, &self.scroll, inner, buf);
            return;
        }
        let Some(q) = self.question() else {
            match &self.walk {
                Some(w) => {
                    let (title, text) = match &self.interview {
                        Some(t) => (
                            format!("Interview done · {}", w.walk.title),
                            scorecard::scorecard(
                                &w.rows,
                                t.asked.duration_since(t.start).as_secs_f64(),
                                t.limit,
                            ),
                        ),
                        None => (
                            format!("Case study done · {}", w.walk.title),
                            walk::summary(&w.rows),
                        ),
                    };
                    let inner = theme.panel(&title, false, area, buf);
                    let mut lines: Vec<Line> =
                        text.lines().map(|l| Line::from(l.to_string())).collect();
                    lines.push(Line::from(Span::styled(
                        "Esc goes back; `napkin stats` shows your progress per case study.",
                        theme.dim(),
                    )));
                    Paragraph::new(lines).render(inner, buf);
                }
                None => Paragraph::new("No question fits: try another case study or skill.")
                    .render(question, buf),
            }
            return;
        };
        let clock = self
            .interview
            .map_or(String::new(), |t| format!(" · interview {}", t.clock(now)));
        let title = match &self.walk {
            Some(w) => format!(
                "Step {}/{} · {} · {}{clock}",
                self.index + 1,
                w.walk.steps.len(),
                q.skill.name(),
                q.case_title
            ),
            None => format!(
                "Question {} · {} · {}",
                self.index + 1,
                q.skill.name(),
                q.case_title
            ),
        };
        let inner = theme.panel(&title, false, question, buf);
        Paragraph::new(q.prompt.clone())
            .wrap(Wrap { trim: true })
            .render(inner, buf);
        self.render_answer(answer, buf, theme);

        let inner = theme.panel("Feedback", false, feedback, buf);
        match &self.feedback {
            Some(lines) => {
                let lines: Vec<Line> = lines
                    .iter()
                    .map(|l| Line::from(Span::styled(l.text.clone(), style_of(l.kind, theme))))
                    .collect();
                scrolled(lines, &self.scroll, inner, buf);
            }
            None => {
                // Why the answer could not be read goes here whole, above how to answer.
                let mut lines = Vec::new();
                if let Some(e) = &self.error {
                    lines.push(Line::from(Span::styled(format!("✗ {e}"), theme.error())));
                }
                lines.push(Line::from(Span::styled(
                    if self.interview.is_some() {
                        "An interview: no feedback and no reveal until the scorecard. Enter gives your answer, an empty answer moves on."
                    } else {
                        "Enter scores the answer and shows the working; Ctrl-R reveals it, an empty answer skips; ? lists the keys and how to write an answer."
                    },
                    theme.dim(),
                )));
                Paragraph::new(lines)
                    .wrap(Wrap { trim: true })
                    .render(inner, buf)
            }
        }
        self.render_recent(spark, buf, theme);
    }

    fn render_answer(&self, area: Rect, buf: &mut Buffer, theme: Theme) {
        let typing = self.feedback.is_none();
        let inner = theme.panel(
            "Your answer (units, or a 90% interval lo..hi)",
            typing,
            area,
            buf,
        );
        // Before the answer is judged, why it could not be read shows whole in the feedback
        // panel; here only its mark. After (a failure to save it), the message itself.
        let error = match (&self.error, typing) {
            (None, _) => String::new(),
            (Some(_), true) => "   ✗ see below".to_string(),
            (Some(e), false) => format!("   ✗ {e}"),
        };
        // A long answer keeps its end, where the cursor is, in view.
        let room = (inner.width as usize)
            .saturating_sub(fit::width(&error).min(inner.width as usize / 2) + 1);
        let mut spans = vec![Span::raw(fit::tail(&self.answer, room))];
        if typing {
            spans.push(Span::styled("▏", theme.title()));
        }
        if !error.is_empty() {
            spans.push(Span::styled(error, theme.error()));
        }
        Paragraph::new(Line::from(spans)).render(inner, buf);
    }

    fn render_recent(&self, area: Rect, buf: &mut Buffer, theme: Theme) {
        let mean = if self.recent.is_empty() {
            0.0
        } else {
            self.recent.iter().sum::<f64>() / self.recent.len() as f64
        };
        let inner = theme.panel(
            &format!(
                "Recent scores ({} answers, {mean:.0} points on average)",
                self.recent.len()
            ),
            false,
            area,
            buf,
        );
        let data: Vec<u64> = self.recent.iter().map(|p| p.round() as u64).collect();
        Sparkline::default()
            .data(&data)
            .max(100)
            .style(theme.bar())
            .render(inner, buf);
    }
}

/// How a line of feedback looks, by what it is.
pub(super) fn style_of(kind: LineKind, theme: Theme) -> Style {
    match kind {
        LineKind::UnitError | LineKind::Slip => theme.warn(),
        LineKind::You | LineKind::Answer | LineKind::Step { matched: true } => theme.bold(),
        LineKind::Working => theme.dim(),
        LineKind::Step { matched: false } | LineKind::Note | LineKind::Words => Style::new(),
    }
}

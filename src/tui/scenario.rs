//! The scenario screen's state: the workbench, which tab and panel are in front, how far the
//! How and Pictures panels are scrolled, and whether the form shows every input.

use super::guess::Guess;
use super::scroll::Scroll;
use super::workbench::Workbench;
use crate::scenario::schema::FieldKind;
use std::time::Instant;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Estimate,
    Reference,
}

/// The panel keys move in. Tab cycles them in this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    Inputs,
    Results,
    How,
    Pictures,
    /// The warnings, when there are any.
    Warnings,
}

impl Focus {
    const ORDER: [Focus; 5] = [
        Focus::Inputs,
        Focus::Results,
        Focus::How,
        Focus::Pictures,
        Focus::Warnings,
    ];

    /// The panel `step` places on, cycling over the first `panels` of [`Focus::ORDER`].
    fn cycle(self, step: isize, panels: usize) -> Focus {
        let i = Focus::ORDER.iter().position(|f| *f == self).unwrap_or(0) as isize;
        Focus::ORDER[(i + step).rem_euclid(panels as isize) as usize]
    }
}

pub struct ScenarioScreen {
    pub work: Workbench,
    pub tab: Tab,
    pub focus: Focus,
    /// Every input in the form, or (the lean form) only those written, edited or read by the
    /// estimate.
    pub all_inputs: bool,
    pub how: Scroll,
    pub pictures: Scroll,
    pub warnings: Scroll,
    /// The reference tab's focus and scrolling.
    pub reference: super::reference::Reference,
    /// Guess mode: results hidden until estimated (None when off).
    pub guess: Option<Guess>,
    /// The results show each value against the scenario as it was opened.
    pub delta: bool,
    /// The input the pictures panel sweeps (its path), with the selected result drawn across it.
    pub sweep: Option<crate::scenario::InputPath>,
}

impl ScenarioScreen {
    pub fn new(work: Workbench) -> ScenarioScreen {
        let mut s = ScenarioScreen {
            work,
            tab: Tab::Estimate,
            focus: Focus::Inputs,
            all_inputs: false,
            how: Scroll::default(),
            pictures: Scroll::default(),
            warnings: Scroll::default(),
            reference: Default::default(),
            guess: None,
            delta: false,
            sweep: None,
        };
        s.keep_selection_shown();
        s
    }

    /// Whether row `i` is in the form: the lean form leaves out inputs nobody wrote or edited
    /// that have no value or that the estimate does not read (`hnsw_m` under `ivf_pq`). The
    /// selected row always shows, so a row does not vanish under the cursor.
    pub fn shown(&self, i: usize) -> bool {
        i == self.work.selected || self.in_form(i)
    }

    fn in_form(&self, i: usize) -> bool {
        let w = &self.work;
        w.rows.get(i).is_some_and(|row| {
            self.all_inputs
                || row.given
                || w.edits.contains_key(&row.path)
                || (!row.base_text.is_empty() && w.used.contains(&row.path))
        })
    }

    /// The rows in the form, in order.
    pub fn shown_rows(&self) -> Vec<usize> {
        (0..self.work.rows.len())
            .filter(|&i| self.shown(i))
            .collect()
    }

    /// Moves the selection in the focused panel (or scrolls it) by `delta` rows.
    pub fn move_by(&mut self, delta: isize) {
        let step = |i: usize, len: usize| {
            (i as isize + delta).clamp(0, len.saturating_sub(1) as isize) as usize
        };
        if self.tab == Tab::Reference {
            self.reference.scroll_by(delta);
            return;
        }
        match self.focus {
            Focus::Inputs => {
                let rows = self.shown_rows();
                let at = rows
                    .iter()
                    .position(|&i| i >= self.work.selected)
                    .unwrap_or(0);
                if let Some(&i) = rows.get(step(at, rows.len())) {
                    self.work.selected = i;
                }
            }
            Focus::Results => {
                let w = &mut self.work;
                let before = w.selected_output;
                w.selected_output = step(w.selected_output, w.report.outputs.len());
                if w.selected_output != before {
                    self.how.offset = 0;
                }
            }
            Focus::How => self.how.by(delta),
            Focus::Pictures => self.pictures.by(delta),
            Focus::Warnings => self.warnings.by(delta),
        }
    }

    /// Whether a guess is being typed.
    pub fn guessing(&self) -> bool {
        self.guess.as_ref().is_some_and(|g| g.answer.is_some())
    }

    /// Whether output `id`'s value is hidden (guess mode, not yet revealed).
    pub fn hides(&self, id: &crate::estimate::OutputId) -> bool {
        self.guess.as_ref().is_some_and(|g| !g.shows(id))
    }

    /// Moves the focus `step` panels on; the warnings take it only when there are some.
    pub fn focus_by(&mut self, step: isize) {
        if self.tab == Tab::Reference {
            self.reference.right = !self.reference.right;
            return;
        }
        let panels = if self.work.report.warnings.is_empty() {
            Focus::ORDER.len() - 1
        } else {
            Focus::ORDER.len()
        };
        self.focus = self.focus.cycle(step, panels);
    }

    /// Shows every input, or only those in use; the selection stays on a row in the form.
    /// `v`: sweeps the selected input, or stops sweeping it. False when the selected input is
    /// not a number (nothing to sweep).
    pub fn toggle_sweep(&mut self) -> bool {
        let Some(row) = self.work.row() else {
            return false;
        };
        if self.sweep.as_ref() == Some(&row.path) {
            self.sweep = None;
            return true;
        }
        if !matches!(row.kind, FieldKind::Quantity(_)) {
            return false;
        }
        self.sweep = Some(row.path.clone());
        true
    }

    pub fn toggle_all_inputs(&mut self) {
        self.all_inputs = !self.all_inputs;
        self.keep_selection_shown();
    }

    /// Moves the selection onto the nearest row in the form, when it is on one left out.
    fn keep_selection_shown(&mut self) {
        let selected = self.work.selected;
        if self.in_form(selected) {
            return;
        }
        let rows: Vec<usize> = (0..self.work.rows.len())
            .filter(|&i| self.in_form(i))
            .collect();
        if let Some(i) = rows
            .iter()
            .copied()
            .find(|&i| i > selected)
            .or(rows.last().copied())
        {
            self.work.selected = i;
        }
    }

    /// Sets a choice (or true/false) field to the value `step` places away, cycling; returns
    /// false when the selected field is not a choice.
    pub fn cycle_choice(&mut self, step: isize, now: Instant) -> bool {
        let w = &mut self.work;
        let Some(row) = w.row() else { return false };
        let names: &[&str] = match row.kind {
            FieldKind::Choice(names) => names,
            FieldKind::Bool => &["false", "true"],
            _ => return false,
        };
        let text = w.text(row);
        let next = match names.iter().position(|n| *n == text.trim()) {
            Some(i) => names[(i as isize + step).rem_euclid(names.len() as isize) as usize],
            None if step > 0 => names[0],
            None => names[names.len() - 1],
        };
        w.set_text(now, next.to_string());
        true
    }
}

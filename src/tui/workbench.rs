//! An open scenario being edited: its inputs as rows, the text typed into each, and the last good
//! estimate. No drawing and no keys here: the scenario screen drives it.

use crate::estimate::OutputId;
use crate::presets::{self, Preset};
use crate::report::{self, Report};
use crate::scenario::overrides;
use crate::scenario::registry::FieldInfo;
use crate::scenario::schema::{FieldKind, Section};
use crate::scenario::{self, InputPath, Scenario};
use crate::units::format::Style;
use crate::whatif::montecarlo::{MonteCarlo, Options};
use rustc_hash::FxHashSet;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

/// How long a changed number stays highlighted.
pub const FLASH: Duration = Duration::from_millis(1500);

/// One editable input.
#[derive(Clone, Debug)]
pub struct Row {
    pub path: InputPath,
    pub section: Section,
    /// The entry's name in a list section (`[[stage]]`).
    pub entry: Option<String>,
    pub key: &'static str,
    pub kind: FieldKind,
    pub doc: &'static str,
    /// The preset's value as napkin shows it (see [`report::input_text`]); empty when unset.
    pub base_text: String,
    /// Written in the file (else napkin's default, or no value).
    pub given: bool,
}

impl Row {
    fn new(s: &Scenario, path: &InputPath, at: FieldInfo) -> Row {
        let raw = s.provenance.raw.get(path);
        Row {
            path: path.clone(),
            section: path.section,
            entry: path.entry.clone(),
            key: at.key,
            kind: at.kind,
            doc: at.doc,
            // As every face shows it: as written, a bare fraction as a percentage ("70%").
            base_text: report::input_text(s, path, Style::Decimal).unwrap_or_default(),
            given: raw.is_some() || s.provenance.source(path).is_some(),
        }
    }

    /// Whether `other` sits under the same heading.
    pub fn same_group(&self, other: &Row) -> bool {
        self.section == other.section && self.entry == other.entry
    }

    /// The heading the row sits under: "traffic", "stage.ranking".
    pub fn group(&self) -> String {
        match &self.entry {
            Some(name) => format!("{}.{name}", self.section.key()),
            None => self.section.key().to_string(),
        }
    }
}

/// Why the edited scenario cannot be used as a file.
#[derive(Clone, Debug, PartialEq)]
pub enum Unusable {
    /// A field is invalid.
    Invalid,
    /// The rewritten file does not read back.
    Unreadable(String),
    /// The rewritten file would not keep these inputs as estimated.
    Lost(Vec<InputPath>),
}

/// An open scenario with its edits and its last good estimate.
pub struct Workbench {
    pub original_text: String,
    pub base: Scenario,
    pub rows: Vec<Row>,
    /// The selected row, an index into `rows`.
    pub selected: usize,
    /// Text typed per field path, valid or not.
    pub edits: BTreeMap<InputPath, String>,
    /// The text a field had when its edit began, to undo it.
    pub editing: Option<String>,
    /// Why a field's text is not usable, by path.
    pub errors: BTreeMap<InputPath, String>,
    /// A problem no single field owns (two fields that contradict each other).
    pub problem: Option<String>,
    /// The last valid scenario (the preset with every edit) and its estimate.
    pub current: Scenario,
    pub report: Report,
    /// The estimate of the scenario as it was opened, for the delta column.
    pub opened: Report,
    /// The Monte Carlo's buffers, reused from keystroke to keystroke.
    mc: MonteCarlo,
    /// The paths of the inputs the estimate on screen reads.
    pub used: FxHashSet<InputPath>,
    /// The estimate on screen is not of what the fields now say.
    pub stale: bool,
    pub selected_output: usize,
    /// Output ids whose value changed, and when.
    pub flashes: Vec<(OutputId, Instant)>,
    /// The edits as they stand have been written with `w`.
    pub written: bool,
}

impl Workbench {
    pub fn new(text: String, base: Scenario) -> Result<Workbench, String> {
        let mut report = Report::build(&base, Style::Decimal).map_err(|e| e.to_string())?;
        let mut mc = MonteCarlo::default();
        report
            .sample(&base, &mut mc, Options::default())
            .map_err(|e| e.to_string())?;
        let mut rows = Vec::new();
        overrides::for_each_input(&base, |path, at| rows.push(Row::new(&base, path, at)));
        Ok(Workbench {
            original_text: text,
            current: base.clone(),
            base,
            rows,
            selected: 0,
            edits: BTreeMap::new(),
            editing: None,
            errors: BTreeMap::new(),
            problem: None,
            used: used_by(&report),
            opened: report.clone(),
            report,
            mc,
            stale: false,
            selected_output: 0,
            flashes: Vec::new(),
            written: false,
        })
    }

    /// The text a row shows: what was typed, or the preset's.
    pub fn text(&self, row: &Row) -> String {
        self.edits
            .get(&row.path)
            .cloned()
            .unwrap_or_else(|| row.base_text.clone())
    }

    pub fn row(&self) -> Option<&Row> {
        self.rows.get(self.selected)
    }

    /// Changes the text of the selected row and estimates again.
    pub fn change_text(&mut self, now: Instant, change: impl FnOnce(&mut String)) {
        let Some(row) = self.rows.get(self.selected) else {
            return;
        };
        let mut text = self.text(row);
        change(&mut text);
        self.set_text(now, text);
    }

    /// Sets the text of the selected row (the preset's own text is no edit) and estimates again.
    pub fn set_text(&mut self, now: Instant, text: String) {
        let Some(row) = self.rows.get(self.selected) else {
            return;
        };
        if text == row.base_text {
            self.edits.remove(&row.path);
        } else {
            self.edits.insert(row.path.clone(), text);
        }
        self.recompute(now);
    }

    /// Whether there are edits `w` has not written.
    pub fn unwritten(&self) -> bool {
        !self.edits.is_empty() && !self.written
    }

    /// Applies every edit to the preset and estimates again; keeps the last good estimate when a
    /// field is invalid.
    pub fn recompute(&mut self, now: Instant) {
        self.written = false;
        let mut candidate = self.base.clone();
        self.errors.clear();
        self.problem = None;
        for (path, text) in &self.edits {
            if let Err(d) = overrides::set_path(&mut candidate, path, text) {
                self.errors
                    .insert(path.clone(), super::words::field_error(&d));
            }
        }
        if self.errors.is_empty() {
            for d in scenario::validate::validate(&candidate) {
                match d
                    .subject
                    .input()
                    .filter(|p| self.rows.iter().any(|r| r.path == **p))
                {
                    Some(path) => {
                        self.errors
                            .insert(path.clone(), super::words::field_error(&d));
                    }
                    None => {
                        self.problem =
                            Some(format!("{}: {}", d.subject, super::words::field_error(&d)))
                    }
                }
            }
        }
        if !self.errors.is_empty() || self.problem.is_some() {
            self.stale = true;
            return;
        }
        let built = Report::build(&candidate, Style::Decimal).and_then(|mut report| {
            report.sample(&candidate, &mut self.mc, Options::default())?;
            Ok(report)
        });
        match built {
            Ok(report) => {
                for new in &report.outputs {
                    let old = self.report.output(&new.id);
                    if old.is_none_or(|o| o.value != new.value) {
                        self.flashes.retain(|(id, _)| id != &new.id);
                        self.flashes.push((new.id.clone(), now));
                    }
                }
                self.selected_output = self
                    .selected_output
                    .min(report.outputs.len().saturating_sub(1));
                self.used = used_by(&report);
                self.report = report;
                self.current = candidate;
                self.stale = false;
            }
            Err(e) => {
                self.problem = Some(super::words::evaluation(&e));
                self.stale = true;
            }
        }
    }

    /// Whether output `id` changed less than [`FLASH`] before `now`.
    pub fn flashing(&self, id: &OutputId, now: Instant) -> bool {
        self.flashes
            .iter()
            .any(|(f, at)| f == id && now.duration_since(*at) < FLASH)
    }

    /// Forgets highlights older than [`FLASH`].
    pub fn expire(&mut self, now: Instant) {
        self.flashes
            .retain(|(_, at)| now.duration_since(*at) < FLASH);
    }

    /// The scenario's file with every edit, renamed to `id` and `title`, checked to read back
    /// as the scenario on screen.
    pub fn edited_text(&self, id: &str, title: &str) -> Result<String, Unusable> {
        if self.stale {
            return Err(Unusable::Invalid);
        }
        let edits: Vec<(InputPath, String)> = self
            .edits
            .iter()
            .map(|(p, t)| (p.clone(), t.clone()))
            .collect();
        let text = scenario::edit::rewrite(&self.original_text, &self.base, &edits, id, title);
        let again =
            scenario::load_str(&text, id).map_err(|e| Unusable::Unreadable(e.to_string()))?;
        // Read back, every input must be what the screen estimated with.
        let lost = scenario::edit::differences(&self.current, &again);
        if lost.is_empty() {
            Ok(text)
        } else {
            Err(Unusable::Lost(lost))
        }
    }

    /// The scenario as edited, unwritten edits included, as a preset to drill on.
    pub fn as_preset(&self) -> Result<Preset, Unusable> {
        let meta = &self.base.meta;
        let text = if self.edits.is_empty() {
            self.original_text.clone()
        } else {
            self.edited_text(&meta.id, &meta.title)?
        };
        let file = self.base.provenance.origin.to_string();
        Ok(Preset {
            id: meta.id.clone(),
            origin: presets::Origin::User(file.clone().into()),
            text,
            file,
        })
    }
}

/// The inputs any output of `report` reads.
fn used_by(report: &Report) -> FxHashSet<InputPath> {
    report
        .outputs
        .iter()
        .flat_map(|o| o.inputs.iter().cloned())
        .collect()
}

//! The screen's state and how keys change it. No drawing here: `view` reads this state.

use super::keymap::{self, Action, Context};
use crate::presets::{self, Origin};
use crate::report::{Report, show_value};
use crate::scenario::schema::FieldKind;
use crate::scenario::{self, Scenario, overrides};
use crate::units::format::Style;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// How long a changed number stays highlighted.
pub const FLASH: Duration = Duration::from_millis(1500);
/// Rows a page key moves.
const PAGE: usize = 10;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Picker,
    Scenario,
    Drill,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Estimate,
    Reference,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    Inputs,
    Results,
}

/// A preset as the picker lists it.
#[derive(Clone, Debug)]
pub struct PresetEntry {
    pub id: String,
    pub title: String,
    pub chapter: Option<u32>,
    pub summary: String,
    pub user: bool,
    pub text: String,
    pub file: String,
    /// Why it cannot be opened, for an invalid user preset.
    pub error: Option<String>,
}

/// One editable input.
#[derive(Clone, Debug)]
pub struct Row {
    pub path: String,
    pub kind: FieldKind,
    /// The preset's value as written (or napkin's default, humanised).
    pub base_text: String,
    pub doc: &'static str,
}

/// An open scenario with its edits and its last good estimate.
pub struct Workbench {
    pub original_text: String,
    pub base: Scenario,
    pub rows: Vec<Row>,
    pub selected: usize,
    /// Text typed per field path, valid or not.
    pub edits: BTreeMap<String, String>,
    /// The text a field had when its edit began, to undo it.
    pub editing: Option<String>,
    /// Why a field's text is not usable, by path.
    pub errors: BTreeMap<String, String>,
    /// A problem no single field owns (two fields that contradict each other).
    pub problem: Option<String>,
    /// The last valid scenario (the preset with every edit) and its estimate.
    pub current: Scenario,
    pub report: Report,
    /// The estimate on screen is not of what the fields now say.
    pub stale: bool,
    pub selected_output: usize,
    /// Output ids whose value changed, and when.
    pub flashes: Vec<(String, Instant)>,
    /// The edits as they stand have been written with `w`.
    pub written: bool,
}

impl Workbench {
    pub fn new(text: String, base: Scenario) -> Result<Workbench, String> {
        let report = Report::build(&base, Style::Decimal).map_err(|e| e.to_string())?;
        let rows = overrides::paths(&base)
            .into_iter()
            .filter_map(|path| {
                let (value, kind) = overrides::get(&base, &path).or_else(|| default_kind(&path))?;
                let base_text = base
                    .provenance
                    .raw
                    .get(&path)
                    .cloned()
                    .unwrap_or_else(|| show_value(&value, kind, Style::Decimal));
                Some(Row {
                    doc: doc_of(&path),
                    path,
                    kind,
                    base_text,
                })
            })
            .collect();
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
            report,
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

    /// Applies every edit to the preset and estimates again; keeps the last good estimate when a
    /// field is invalid.
    pub fn recompute(&mut self, now: Instant) {
        self.written = false;
        let mut candidate = self.base.clone();
        self.errors.clear();
        self.problem = None;
        for (path, text) in &self.edits {
            if let Err(d) = overrides::set(&mut candidate, path, text) {
                self.errors
                    .insert(path.clone(), format!("{}; {}", d.problem, d.hint));
            }
        }
        if self.errors.is_empty() {
            for d in scenario::validate::validate(&candidate) {
                if self.rows.iter().any(|r| r.path == d.path) {
                    self.errors
                        .insert(d.path.clone(), format!("{}; {}", d.problem, d.hint));
                } else {
                    self.problem = Some(format!("{}: {}; {}", d.path, d.problem, d.hint));
                }
            }
        }
        if !self.errors.is_empty() || self.problem.is_some() {
            self.stale = true;
            return;
        }
        match Report::build(&candidate, Style::Decimal) {
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
                self.report = report;
                self.current = candidate;
                self.stale = false;
            }
            Err(e) => {
                self.problem = Some(e.to_string());
                self.stale = true;
            }
        }
    }

    /// Whether output `id` changed less than [`FLASH`] before `now`.
    pub fn flashing(&self, id: &str, now: Instant) -> bool {
        self.flashes
            .iter()
            .any(|(f, at)| f == id && now.duration_since(*at) < FLASH)
    }
}

/// The kind of a field that has no value yet (an optional input left out), so it can be edited.
fn default_kind(path: &str) -> Option<(scenario::schema::Value, FieldKind)> {
    let key = path.rsplit('.').next()?;
    let section = path.split('.').next()?;
    let kind = scenario::schema::Section::ALL
        .iter()
        .find(|sec| sec.key() == section)?
        .keys()
        .into_iter()
        .find(|(k, _, _)| *k == key)?
        .1;
    Some((scenario::schema::Value::Text(String::new()), kind))
}

fn doc_of(path: &str) -> &'static str {
    let key = path.rsplit('.').next().unwrap_or(path);
    let section = path.split('.').next().unwrap_or(path);
    scenario::schema::Section::ALL
        .iter()
        .find(|sec| sec.key() == section)
        .and_then(|sec| sec.keys().into_iter().find(|(k, _, _)| *k == key))
        .map_or("", |(_, _, doc)| doc)
}

/// The whole screen's state.
pub struct App {
    pub screen: Screen,
    pub tab: Tab,
    pub focus: Focus,
    pub help: bool,
    pub quit: bool,
    pub presets: Vec<PresetEntry>,
    pub filter: String,
    pub filtering: bool,
    /// Index into the filtered list.
    pub picked: usize,
    pub work: Option<Workbench>,
    /// A message for the user (what `w` wrote, why a preset did not open).
    pub status: String,
    pub user_dir: Option<PathBuf>,
    /// Colours on (off with NO_COLOR): emphasis then rests on bold and reverse alone.
    pub color: bool,
    /// The time of the last event, for highlights.
    pub now: Instant,
    pub drill: Option<super::drill::DrillState>,
    /// Where drill answers are kept (None keeps nothing).
    pub history: Option<PathBuf>,
    /// The screen the drill returns to.
    pub before_drill: Screen,
    /// Quit was asked for with unwritten edits: the next quit goes through.
    pub quit_armed: bool,
}

impl App {
    /// The picker over the built-in presets and those in `user_dir`.
    pub fn new(user_dir: Option<PathBuf>, color: bool) -> App {
        let mut app = App {
            screen: Screen::Picker,
            tab: Tab::Estimate,
            focus: Focus::Inputs,
            help: false,
            quit: false,
            presets: Vec::new(),
            filter: String::new(),
            filtering: false,
            picked: 0,
            work: None,
            status: String::new(),
            user_dir,
            color,
            now: Instant::now(),
            drill: None,
            history: None,
            before_drill: Screen::Picker,
            quit_armed: false,
        };
        app.load_presets();
        app
    }

    /// Re-reads the preset list (after `w` wrote one).
    pub fn load_presets(&mut self) {
        let (all, problems) = presets::all(self.user_dir.as_deref());
        self.presets = all
            .into_iter()
            .map(|p| {
                let user = matches!(p.origin, Origin::User(_));
                match p.load() {
                    Ok(s) => PresetEntry {
                        id: p.id,
                        title: s.meta.title,
                        chapter: s.meta.chapter.map(|c| c.0 as u32),
                        summary: s.meta.summary,
                        user,
                        text: p.text,
                        file: p.file,
                        error: None,
                    },
                    Err(e) => PresetEntry {
                        id: p.id,
                        title: "(invalid)".into(),
                        chapter: None,
                        summary: e.0.first().map(|d| d.to_string()).unwrap_or_default(),
                        user,
                        text: p.text,
                        file: p.file,
                        error: Some(e.to_string()),
                    },
                }
            })
            .collect();
        // The book's order: chapters first, then the rest by id (as `napkin presets list`).
        self.presets.sort_by(|a, b| {
            let ch = |p: &PresetEntry| p.chapter.unwrap_or(u32::MAX);
            ch(a).cmp(&ch(b)).then_with(|| a.id.cmp(&b.id))
        });
        if let Some(p) = problems.first() {
            self.status = p.clone();
        }
    }

    /// The presets matching the filter, in list order.
    pub fn filtered(&self) -> Vec<&PresetEntry> {
        let f = self.filter.to_lowercase();
        self.presets
            .iter()
            .filter(|p| {
                f.is_empty()
                    || [&p.id, &p.title, &p.summary]
                        .iter()
                        .any(|s| s.to_lowercase().contains(&f))
            })
            .collect()
    }

    /// Opens a scenario read from `text`.
    pub fn open(&mut self, text: String, scenario: Scenario) {
        match Workbench::new(text, scenario) {
            Ok(w) => {
                self.work = Some(w);
                self.screen = Screen::Scenario;
                self.tab = Tab::Estimate;
                self.focus = Focus::Inputs;
                self.status.clear();
            }
            Err(e) => self.status = e,
        }
    }

    /// The contexts active now, innermost first.
    pub fn contexts(&self) -> Vec<Context> {
        if self.help {
            return vec![Context::Help];
        }
        match self.screen {
            Screen::Drill => vec![Context::Answering],
            Screen::Picker if self.filtering => vec![Context::Filtering],
            Screen::Picker => vec![Context::Picker, Context::Global],
            Screen::Scenario => {
                let editing = self.work.as_ref().is_some_and(|w| w.editing.is_some());
                if editing {
                    vec![Context::Editing]
                } else if self.focus == Focus::Inputs && self.tab == Tab::Estimate {
                    vec![Context::Inputs, Context::Scenario, Context::Global]
                } else {
                    vec![Context::Scenario, Context::Global]
                }
            }
        }
    }

    /// Handles one key press.
    pub fn on_key(&mut self, key: KeyEvent, now: Instant) {
        self.now = now;
        let contexts = self.contexts();
        match keymap::lookup(&contexts, &key) {
            Some(action) => self.act(action, now),
            None if contexts.first().is_some_and(|c| c.types_text()) => {
                if let KeyCode::Char(c) = key.code
                    && !key
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
                {
                    self.type_char(c, now);
                }
            }
            None => {}
        }
    }

    /// Moves time on without a key (expires highlights).
    pub fn tick(&mut self, now: Instant) {
        self.now = now;
        if let Some(w) = &mut self.work {
            w.flashes.retain(|(_, at)| now.duration_since(*at) < FLASH);
        }
    }

    /// Opens the drill screen with `opts` (questions from the built-in presets).
    pub fn start_drill(&mut self, opts: crate::drill::session::Options) {
        let pool = match &opts.filter.case {
            Some(case) => presets::all(self.user_dir.as_deref())
                .0
                .into_iter()
                .filter(|p| &p.id == case)
                .collect(),
            None => presets::builtin(),
        };
        self.start_drill_on(opts, pool);
    }

    /// Opens the drill screen on questions from `pool`.
    pub fn start_drill_on(
        &mut self,
        opts: crate::drill::session::Options,
        pool: Vec<presets::Preset>,
    ) {
        if self.screen != Screen::Drill {
            self.before_drill = self.screen;
        }
        self.drill = Some(super::drill::DrillState::new(opts, pool));
        self.screen = Screen::Drill;
    }

    fn type_char(&mut self, c: char, now: Instant) {
        if self.screen == Screen::Drill {
            if let Some(d) = &mut self.drill {
                d.edit(|a| a.push(c));
            }
            return;
        }
        if self.filtering {
            self.filter.push(c);
            self.picked = 0;
            return;
        }
        self.edit_text(now, |t| t.push(c));
    }

    /// Changes the text of the field being edited and estimates again.
    fn edit_text(&mut self, now: Instant, change: impl FnOnce(&mut String)) {
        let Some(w) = &mut self.work else { return };
        let Some(row) = w.rows.get(w.selected) else {
            return;
        };
        let mut text = w.text(row);
        change(&mut text);
        if text == row.base_text {
            w.edits.remove(&row.path);
        } else {
            w.edits.insert(row.path.clone(), text);
        }
        w.recompute(now);
    }

    fn act(&mut self, action: Action, now: Instant) {
        let armed = std::mem::take(&mut self.quit_armed);
        match action {
            Action::Quit => {
                if self.confirm_leaving(armed, "q or Esc again quits") {
                    self.quit = true;
                }
            }
            Action::Help => self.help = true,
            Action::Cancel => self.cancel(now),
            Action::Commit if self.screen == Screen::Drill => {
                if let Some(d) = &mut self.drill {
                    d.enter();
                }
            }
            Action::Drill => {
                // On a scenario, drill on it, whether it is a preset or a file.
                let open = match (&self.work, self.screen) {
                    (Some(w), Screen::Scenario) => Some(presets::Preset {
                        id: w.base.meta.id.clone(),
                        origin: presets::Origin::User(w.base.provenance.origin.clone().into()),
                        text: w.original_text.clone(),
                        file: w.base.provenance.origin.clone(),
                    }),
                    _ => None,
                };
                let case = open.as_ref().map(|p| p.id.clone());
                let opts = crate::drill::session::Options {
                    seed: None,
                    count: 10,
                    filter: crate::drill::question::Filter {
                        case,
                        ..Default::default()
                    },
                    history: self.history.clone(),
                };
                match open {
                    Some(p) => self.start_drill_on(opts, vec![p]),
                    None => self.start_drill(opts),
                }
            }
            Action::Commit => {
                self.filtering = false;
                if let Some(w) = &mut self.work {
                    w.editing = None;
                }
            }
            Action::Filter => {
                self.filtering = true;
                self.picked = 0;
            }
            Action::Backspace if self.screen == Screen::Drill => {
                if let Some(d) = &mut self.drill {
                    d.edit(|a| {
                        a.pop();
                    });
                }
            }
            Action::ClearText if self.screen == Screen::Drill => {
                if let Some(d) = &mut self.drill {
                    d.edit(String::clear);
                }
            }
            Action::Backspace => {
                if self.filtering {
                    self.filter.pop();
                    self.picked = 0;
                } else {
                    self.edit_text(now, |t| {
                        t.pop();
                    });
                }
            }
            Action::ClearText => {
                if self.filtering {
                    self.filter.clear();
                } else {
                    self.edit_text(now, String::clear);
                }
            }
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::PageUp => self.move_by(-(PAGE as isize)),
            Action::PageDown => self.move_by(PAGE as isize),
            Action::Activate => self.activate(),
            Action::Reset => {
                if let Some(w) = &mut self.work
                    && let Some(row) = w.rows.get(w.selected)
                {
                    let path = row.path.clone();
                    if w.edits.remove(&path).is_some() {
                        w.recompute(now);
                        self.status = format!("{path} is back to the preset's value");
                    } else {
                        self.status = format!("{path} already has the preset's value");
                    }
                }
            }
            Action::Write => self.write(),
            Action::Picker => {
                if self.confirm_leaving(armed, "p again leaves them for the preset list") {
                    self.screen = Screen::Picker;
                    self.load_presets();
                }
            }
            Action::ToggleTab => {
                self.tab = match self.tab {
                    Tab::Estimate => Tab::Reference,
                    Tab::Reference => Tab::Estimate,
                }
            }
            Action::FocusNext | Action::FocusPrev => {
                self.focus = match self.focus {
                    Focus::Inputs => Focus::Results,
                    Focus::Results => Focus::Inputs,
                }
            }
        }
    }

    /// Whether leaving the scenario may go ahead: with unwritten edits, the first ask only warns
    /// (`again` says what a second ask does) and the next one, straight after, goes through.
    fn confirm_leaving(&mut self, armed: bool, again: &str) -> bool {
        let unwritten = self
            .work
            .as_ref()
            .is_some_and(|w| !w.edits.is_empty() && !w.written);
        if unwritten && !armed && self.screen == Screen::Scenario {
            self.quit_armed = true;
            self.status = format!(
                "the edits are not written: w writes them as your preset; {again} without them"
            );
            return false;
        }
        true
    }

    fn cancel(&mut self, now: Instant) {
        if self.screen == Screen::Picker && !self.filtering && !self.help {
            // Esc on the list: clear a kept filter first, then quit.
            if self.filter.is_empty() {
                self.quit = true;
            } else {
                self.filter.clear();
                self.picked = 0;
            }
            return;
        }
        if self.screen == Screen::Drill && !self.help {
            self.screen = self.before_drill;
            if self.screen == Screen::Scenario && self.work.is_none() {
                self.screen = Screen::Picker;
            }
            return;
        }
        if self.help {
            self.help = false;
        } else if self.filtering {
            self.filtering = false;
            self.filter.clear();
        } else if let Some(w) = &mut self.work
            && let Some(before) = w.editing.take()
        {
            if let Some(row) = w.rows.get(w.selected) {
                if before == row.base_text {
                    w.edits.remove(&row.path);
                } else {
                    w.edits.insert(row.path.clone(), before);
                }
            }
            w.recompute(now);
        }
    }

    fn move_by(&mut self, delta: isize) {
        let step = |i: usize, len: usize| {
            (i as isize + delta).clamp(0, len.saturating_sub(1) as isize) as usize
        };
        match self.screen {
            Screen::Drill => {}
            Screen::Picker => self.picked = step(self.picked, self.filtered().len()),
            Screen::Scenario => {
                let Some(w) = &mut self.work else { return };
                match self.focus {
                    Focus::Inputs => w.selected = step(w.selected, w.rows.len()),
                    Focus::Results => {
                        w.selected_output = step(w.selected_output, w.report.outputs.len())
                    }
                }
            }
        }
    }

    fn activate(&mut self) {
        match self.screen {
            Screen::Picker => {
                let Some(entry) = self.filtered().get(self.picked).map(|p| (*p).clone()) else {
                    return;
                };
                if let Some(e) = &entry.error {
                    self.status = e.lines().next().unwrap_or("").to_string();
                    return;
                }
                match scenario::load_str(&entry.text, &entry.file) {
                    Ok(s) => self.open(entry.text, s),
                    Err(e) => self.status = e.to_string().lines().next().unwrap_or("").to_string(),
                }
            }
            Screen::Scenario => {
                if let Some(w) = &mut self.work
                    && let Some(row) = w.rows.get(w.selected)
                {
                    w.editing = Some(w.text(row));
                }
            }
            Screen::Drill => {}
        }
    }

    /// Writes the edited scenario as a user preset `<id>-edited`.
    fn write(&mut self) {
        let Some(w) = &self.work else { return };
        if w.stale {
            self.status = "fix the fields marked invalid before writing".into();
            return;
        }
        let Some(dir) = self.user_dir.clone() else {
            self.status = "no config directory to write presets to".into();
            return;
        };
        let base_id = w.base.meta.id.trim_end_matches("-edited");
        let id = format!("{base_id}-edited");
        let title = if w.base.meta.title.ends_with("(edited)") {
            w.base.meta.title.clone()
        } else {
            format!("{} (edited)", w.base.meta.title)
        };
        let edits: Vec<(String, String)> = w
            .edits
            .iter()
            .map(|(p, t)| (p.clone(), t.clone()))
            .collect();
        let text = scenario::edit::rewrite(&w.original_text, &w.base, &edits, &id, &title);
        match scenario::load_str(&text, &id) {
            Err(e) => {
                self.status =
                    format!("the edited scenario would not read back, so nothing was written: {e}");
                return;
            }
            // Read back, every input must be what the screen estimated with.
            Ok(again) => {
                let lost = scenario::edit::differences(&w.current, &again);
                if !lost.is_empty() {
                    self.status = format!(
                        "the written file would not keep {}, so nothing was written; edit the file by hand",
                        lost.join(", ")
                    );
                    return;
                }
            }
        }
        let existed = dir.join(format!("{id}.toml")).exists();
        match presets::write_user(&dir, &id, &text) {
            Ok(path) => {
                if let Some(w) = &mut self.work {
                    w.written = true;
                }
                let verb = if existed { "replaced" } else { "wrote" };
                self.status = format!("napkin calc {id} runs it ({verb} {})", path.display());
                self.load_presets();
            }
            Err(e) => self.status = format!("could not write the preset: {e}"),
        }
    }
}

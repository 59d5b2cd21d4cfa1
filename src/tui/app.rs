//! The screen's state and how keys change it. Each screen keeps its own state in its [`Screen`]
//! variant; the app keeps what they share (the status line, the help overlay, where presets and
//! drill answers live). No drawing here: `view` and each screen's module draw it.

use super::drill::{DrillState, Timed};
use super::keymap::{self, Action, Context};
use super::picker::Picker;
use super::scenario::{Focus, ScenarioScreen, Tab};
use super::workbench::{Unusable, Workbench};
use crate::drill::question::Filter;
use crate::drill::session::Options;
use crate::presets::{self, Preset};
use crate::scenario::{self, Scenario};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::PathBuf;
use std::time::Instant;

/// Rows a page key moves.
const PAGE: isize = 10;

/// The screen in front, with its state.
pub enum Screen {
    /// The preset list.
    Picker(Picker),
    /// An open scenario: its inputs, estimate and reference tab.
    Scenario(Box<ScenarioScreen>),
    /// The drill, over the screen it returns to (none when napkin opened on the drill:
    /// leaving it then quits).
    Drill {
        drill: Box<DrillState>,
        back: Option<Box<Screen>>,
    },
}

/// Minutes an interview on the screen allows (`--minutes` in plain mode).
pub const INTERVIEW_MINUTES: f64 = 15.0;

/// The whole screen's state.
pub struct App {
    pub screen: Screen,
    /// The help overlay is open.
    pub help: bool,
    /// Lines the help overlay is scrolled down, when it does not fit.
    pub help_scroll: usize,
    pub quit: bool,
    /// A message for the user (what `w` wrote, why a preset did not open), until the next key.
    pub status: String,
    pub user_dir: Option<PathBuf>,
    /// Colours on (off with NO_COLOR): emphasis then rests on bold and reverse alone.
    pub color: bool,
    /// The time of the last event, for highlights.
    pub now: Instant,
    /// Where drill answers are kept (None keeps nothing).
    pub history: Option<PathBuf>,
    /// What asked to leave with unwritten edits, warned once: asked again straight away, it
    /// goes through.
    leaving: Option<Action>,
}

impl App {
    /// The picker over the built-in presets and those in `user_dir`.
    pub fn new(user_dir: Option<PathBuf>, color: bool) -> App {
        let (picker, problem) = Picker::load(user_dir.as_deref());
        App {
            screen: Screen::Picker(picker),
            help: false,
            help_scroll: 0,
            quit: false,
            status: problem.unwrap_or_default(),
            user_dir,
            color,
            now: Instant::now(),
            history: None,
            leaving: None,
        }
    }

    /// The open scenario, if it is in front.
    pub fn scenario(&self) -> Option<&ScenarioScreen> {
        match &self.screen {
            Screen::Scenario(s) => Some(s),
            _ => None,
        }
    }

    pub fn scenario_mut(&mut self) -> Option<&mut ScenarioScreen> {
        match &mut self.screen {
            Screen::Scenario(s) => Some(s),
            _ => None,
        }
    }

    /// The preset list, if it is in front.
    pub fn picker(&self) -> Option<&Picker> {
        match &self.screen {
            Screen::Picker(p) => Some(p),
            _ => None,
        }
    }

    /// The drill, if it is in front.
    pub fn drill(&self) -> Option<&DrillState> {
        match &self.screen {
            Screen::Drill { drill, .. } => Some(drill),
            _ => None,
        }
    }

    /// Opens a scenario read from `text`.
    pub fn open(&mut self, text: String, scenario: Scenario) {
        match Workbench::new(text, scenario) {
            Ok(w) => self.screen = Screen::Scenario(Box::new(ScenarioScreen::new(w))),
            Err(e) => self.status = e,
        }
    }

    /// The contexts active now, innermost first.
    pub fn contexts(&self) -> Vec<Context> {
        use Context::*;
        if self.help {
            return vec![Anywhere, Help];
        }
        match &self.screen {
            Screen::Drill { .. } => vec![Anywhere, Answering],
            Screen::Picker(p) if p.filtering => vec![Anywhere, Filtering],
            Screen::Picker(_) => vec![Anywhere, Picker, Global],
            Screen::Scenario(s) if s.work.editing.is_some() => vec![Anywhere, Editing],
            Screen::Scenario(s) if s.guessing() => vec![Anywhere, Guessing],
            Screen::Scenario(s) if s.focus == Focus::Inputs && s.tab == Tab::Estimate => {
                match s.guess {
                    Some(_) => vec![Anywhere, Inputs, Guess, Scenario, Global],
                    None => vec![Anywhere, Inputs, Scenario, Global],
                }
            }
            Screen::Scenario(s) if s.guess.is_some() && s.tab == Tab::Estimate => {
                vec![Anywhere, Guess, Scenario, Global]
            }
            Screen::Scenario(_) => vec![Anywhere, Scenario, Global],
        }
    }

    /// Every context of the screen in front, for its help: the modes it can be in too.
    pub fn screen_contexts(&self) -> Vec<Context> {
        use Context::*;
        match &self.screen {
            Screen::Drill { .. } => vec![Answering, Anywhere],
            Screen::Picker(_) => vec![Picker, Filtering, Global, Anywhere],
            Screen::Scenario(_) => {
                vec![Inputs, Editing, Guess, Guessing, Scenario, Global, Anywhere]
            }
        }
    }

    /// Handles one key press.
    pub fn on_key(&mut self, key: KeyEvent, now: Instant) {
        self.now = now;
        // A message lasts until the next key; a warning about leaving, for one key.
        self.status.clear();
        let leaving = self.leaving.take();
        let contexts = self.contexts();
        match keymap::lookup(&contexts, &key) {
            Some(action) => self.act(action, leaving, &contexts, now),
            // A digit in guess mode starts the guess at the selected result.
            None if contexts.contains(&Context::Guess)
                && !contexts.contains(&Context::Inputs)
                && matches!(key.code, KeyCode::Char(c) if c.is_ascii_digit()) =>
            {
                self.guess_output();
                self.edit_typed(now, |t| {
                    if let KeyCode::Char(c) = key.code {
                        t.push(c)
                    }
                });
            }
            None if contexts.iter().any(|c| c.types_text()) => {
                if let KeyCode::Char(c) = key.code
                    && !key
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
                {
                    self.edit_typed(now, |t| t.push(c));
                }
            }
            None => {}
        }
    }

    /// Moves time on without a key (expires highlights).
    pub fn tick(&mut self, now: Instant) {
        self.now = now;
        if let Some(s) = self.scenario_mut() {
            s.work.expire(now);
        }
    }

    /// Opens the drill screen with `opts` (questions from the built-in presets).
    pub fn start_drill(&mut self, opts: Options) {
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

    /// Opens the drill screen on questions from `pool`, over the screen in front.
    pub fn start_drill_on(&mut self, opts: Options, pool: Vec<Preset>) {
        let drill = Box::new(DrillState::new(opts, pool));
        let back = match std::mem::replace(&mut self.screen, Screen::Picker(Picker::default())) {
            Screen::Drill { back, .. } => back,
            other => Some(Box::new(other)),
        };
        self.screen = Screen::Drill { drill, back };
    }

    /// Opens the drill screen alone (`napkin drill`): leaving it quits.
    pub fn start_drill_alone(&mut self, opts: Options) {
        self.start_drill(opts);
        if let Screen::Drill { back, .. } = &mut self.screen {
            *back = None;
        }
    }

    /// Changes the text being typed: a drill answer, the filter, or a field's value.
    fn edit_typed(&mut self, now: Instant, change: impl FnOnce(&mut String)) {
        match &mut self.screen {
            Screen::Drill { drill, .. } => drill.edit(change),
            Screen::Picker(p) if p.filtering => p.edit_filter(change),
            Screen::Scenario(s) if s.work.editing.is_some() => s.work.change_text(now, change),
            Screen::Scenario(s) if s.guessing() => s.guess.as_mut().map_or((), |g| g.edit(change)),
            _ => {}
        }
    }

    fn act(&mut self, action: Action, leaving: Option<Action>, contexts: &[Context], now: Instant) {
        match action {
            Action::Quit => {
                let keys = or_list(&keymap::keys_for(contexts, Action::Quit));
                if self.confirm_leaving(leaving, action, &format!("{keys} again quits")) {
                    self.quit = true;
                }
            }
            Action::Help => {
                self.help = true;
                self.help_scroll = 0;
            }
            Action::Cancel => self.cancel(now),
            Action::Commit => match &mut self.screen {
                Screen::Drill { drill, .. } => drill.enter(now),
                Screen::Picker(p) => p.filtering = false,
                Screen::Scenario(s) => match &mut s.guess {
                    Some(g) if g.answer.is_some() => g.enter(&s.work, self.history.as_deref()),
                    _ => s.work.editing = None,
                },
            },
            Action::Drill => self.drill_here(),
            Action::Filter => {
                if let Screen::Picker(p) = &mut self.screen {
                    p.filtering = true;
                    p.picked = 0;
                }
            }
            Action::Backspace => self.edit_typed(now, |t| {
                t.pop();
            }),
            Action::ClearText => self.edit_typed(now, String::clear),
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::PageUp => self.move_by(-PAGE),
            Action::PageDown => self.move_by(PAGE),
            Action::Activate => self.activate(),
            Action::Reset => self.reset(now),
            Action::Write => self.write(),
            Action::Picker => {
                if self.confirm_leaving(leaving, action, "p again leaves them for the preset list")
                {
                    self.back_to_picker();
                }
            }
            Action::ToggleTab => {
                if let Some(s) = self.scenario_mut() {
                    s.tab = match s.tab {
                        Tab::Estimate => Tab::Reference,
                        Tab::Reference => Tab::Estimate,
                    }
                }
            }
            Action::FocusNext => self.scenario_mut().map_or((), |s| s.focus_by(1)),
            Action::FocusPrev => self.scenario_mut().map_or((), |s| s.focus_by(-1)),
            Action::ChoicePrev | Action::ChoiceNext => {
                let step = if action == Action::ChoiceNext { 1 } else { -1 };
                if let Some(s) = self.scenario_mut()
                    && !s.cycle_choice(step, now)
                {
                    self.status = "← → change choice fields (kind, dtype, mode, true/false); Enter edits this one".into();
                }
            }
            Action::AllInputs => self.scenario_mut().map_or((), |s| s.toggle_all_inputs()),
            Action::GuessMode => self.toggle_guess_mode(),
            Action::GuessOutput => self.guess_output(),
            Action::RevealAll => {
                if let Some(s) = self.scenario_mut()
                    && let Some(g) = &mut s.guess
                {
                    g.reveal_all(&s.work);
                }
            }
            Action::Reveal => {
                if let Screen::Drill { drill, .. } = &mut self.screen {
                    drill.reveal(now);
                }
            }
            Action::CaseWalk => self.case_walk_here(None),
            Action::Interview => self.case_walk_here(Some(now)),
            Action::Delta => self.scenario_mut().map_or((), |s| s.delta = !s.delta),
            Action::Sweep => {
                if let Some(s) = self.scenario_mut()
                    && !s.toggle_sweep()
                {
                    self.status = "v sweeps a number input: select one in the inputs panel".into();
                }
            }
        }
    }

    /// `g`: hides every result until guessed, or shows them all again.
    fn toggle_guess_mode(&mut self) {
        let Some(s) = self.scenario_mut() else { return };
        let on = s.guess.is_none();
        s.guess = on.then(Default::default);
        s.tab = Tab::Estimate;
        if on && s.focus == Focus::Inputs {
            s.focus = Focus::Results;
        }
        self.status = if on {
            "guess mode: select a result and press Enter (or type a digit) to estimate it; G reveals all, g leaves".into()
        } else {
            "guess mode off: every result shows".into()
        };
    }

    /// `c`: the open case study (as edited) walked step by step on the drill screen.
    /// `c`: walks the open case study; `i` (`interview` the time it starts): as an interview,
    /// timed against [`INTERVIEW_MINUTES`].
    fn case_walk_here(&mut self, interview: Option<Instant>) {
        let Some(s) = self.scenario() else { return };
        if s.work.stale {
            self.status =
                "fix the fields marked invalid before walking the edited case study".into();
            return;
        }
        match crate::drill::walk::build(&s.work.base.meta.id, &s.work.current) {
            Ok(walk) => {
                let mut drill = Box::new(DrillState::case_walk(walk, self.history.clone()));
                if let Some(now) = interview {
                    drill.interview = Some(Timed::new(now, Some(60.0 * INTERVIEW_MINUTES)));
                }
                let back = std::mem::replace(&mut self.screen, Screen::Picker(Picker::default()));
                self.screen = Screen::Drill {
                    drill,
                    back: Some(Box::new(back)),
                };
            }
            Err(e) => self.status = e,
        }
    }

    /// Opens the answer field for the selected result, when it is hidden.
    fn guess_output(&mut self) {
        let Some(s) = self.scenario_mut() else { return };
        let hidden = s
            .work
            .report
            .outputs
            .get(s.work.selected_output)
            .is_some_and(|o| s.hides(&o.id));
        match &mut s.guess {
            Some(g) if hidden => {
                g.answer = Some(String::new());
                g.error = None;
            }
            Some(_) => {
                self.status = "this result is revealed already; pick one that shows ?".into()
            }
            None => {}
        }
    }

    /// The open scenario, in front or under the drill.
    fn open_scenario(&self) -> Option<&ScenarioScreen> {
        match &self.screen {
            Screen::Scenario(s) => Some(s),
            Screen::Drill { back, .. } => match back.as_deref() {
                Some(Screen::Scenario(s)) => Some(s),
                _ => None,
            },
            Screen::Picker(_) => None,
        }
    }

    /// Whether `action` may leave the scenario: with unwritten edits, the first ask only warns
    /// (`again` says what asking again does) and the same action straight after goes through.
    fn confirm_leaving(&mut self, leaving: Option<Action>, action: Action, again: &str) -> bool {
        let unwritten = self.open_scenario().is_some_and(|s| s.work.unwritten());
        if unwritten && leaving != Some(action) {
            self.leaving = Some(action);
            self.status = format!(
                "the edits are not written: w writes them as your preset; {again} without them"
            );
            return false;
        }
        true
    }

    /// Back to the preset list, on the scenario just left.
    fn back_to_picker(&mut self) {
        let (mut picker, problem) = Picker::load(self.user_dir.as_deref());
        if let Some(s) = self.scenario() {
            picker.pick(&s.work.base.meta.id);
        }
        self.screen = Screen::Picker(picker);
        if let Some(p) = problem {
            self.status = p;
        }
    }

    fn cancel(&mut self, now: Instant) {
        if self.help {
            self.help = false;
            return;
        }
        match &mut self.screen {
            Screen::Picker(p) if p.filtering => {
                p.filtering = false;
                p.filter.clear();
            }
            // Esc on the list: clear a kept filter first, then quit.
            Screen::Picker(p) if !p.filter.is_empty() => {
                p.filter.clear();
                p.picked = 0;
            }
            Screen::Picker(_) => self.quit = true,
            // Leaving the drill shows the session's summary first, once.
            Screen::Drill { drill, .. } if drill.summary_first() => drill.ask_leave(),
            Screen::Drill { .. } => {
                let old = std::mem::replace(&mut self.screen, Screen::Picker(Picker::default()));
                match old {
                    Screen::Drill {
                        back: Some(back), ..
                    } => self.screen = *back,
                    _ => self.quit = true,
                }
            }
            Screen::Scenario(s) if s.guessing() => {
                if let Some(g) = &mut s.guess {
                    g.answer = None;
                    g.error = None;
                }
            }
            Screen::Scenario(s) => {
                let w = &mut s.work;
                if let Some(before) = w.editing.take() {
                    w.set_text(now, before);
                }
            }
        }
    }

    fn move_by(&mut self, delta: isize) {
        if self.help {
            // The overlay clamps the scroll to what it has to show.
            self.help_scroll = self.help_scroll.saturating_add_signed(delta);
            return;
        }
        match &mut self.screen {
            Screen::Picker(p) => p.move_by(delta),
            Screen::Scenario(s) => s.move_by(delta),
            Screen::Drill { drill, .. } => drill.scroll.by(delta),
        }
    }

    fn activate(&mut self) {
        match &mut self.screen {
            Screen::Picker(p) => {
                let Some(entry) = p.filtered().get(p.picked).map(|e| (*e).clone()) else {
                    return;
                };
                if let Some(e) = &entry.error {
                    self.status = e.lines().next().unwrap_or("").to_string();
                    return;
                }
                match scenario::load_str(&entry.text, entry.origin.clone()) {
                    Ok(s) => self.open(entry.text, s),
                    Err(e) => self.status = e.to_string().lines().next().unwrap_or("").to_string(),
                }
            }
            Screen::Scenario(s) => {
                let w = &mut s.work;
                if let Some(row) = w.row() {
                    w.editing = Some(w.text(row));
                }
            }
            Screen::Drill { .. } => {}
        }
    }

    fn reset(&mut self, now: Instant) {
        let Some(s) = self.scenario_mut() else { return };
        let w = &mut s.work;
        let Some(path) = w.row().map(|r| r.path.clone()) else {
            return;
        };
        self.status = if w.edits.remove(&path).is_some() {
            w.recompute(now);
            format!("{path} is back to the preset's value")
        } else {
            format!("{path} already has the preset's value")
        };
    }

    /// `d`: the drill, on the open scenario as edited (unwritten edits included), or on every
    /// built-in preset from the list.
    fn drill_here(&mut self) {
        let open = self.scenario().map(|s| s.work.as_preset());
        let opts = |case: Option<String>, history: Option<PathBuf>| Options {
            seed: None,
            count: 10,
            filter: Filter {
                case,
                ..Default::default()
            },
            history,
        };
        match open {
            None => self.start_drill(opts(None, self.history.clone())),
            Some(Ok(p)) => {
                self.start_drill_on(opts(Some(p.id.clone()), self.history.clone()), vec![p])
            }
            Some(Err(why)) => {
                self.status = match why {
                    Unusable::Invalid => {
                        "fix the fields marked invalid before drilling on the edited scenario"
                            .into()
                    }
                    Unusable::Unreadable(e) => {
                        format!(
                            "the edited scenario would not read back, so the drill cannot use it: {e}"
                        )
                    }
                    Unusable::Lost(lost) => format!(
                        "the edited scenario would not keep {}, so the drill cannot use it",
                        lost.iter()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                }
            }
        }
    }

    /// Writes the edited scenario as a user preset `<id>-edited`.
    fn write(&mut self) {
        let Some(w) = self.scenario().map(|s| &s.work) else {
            return;
        };
        let base_id = w.base.meta.id.trim_end_matches("-edited");
        let id = format!("{base_id}-edited");
        let title = if w.base.meta.title.ends_with("(edited)") {
            w.base.meta.title.clone()
        } else {
            format!("{} (edited)", w.base.meta.title)
        };
        let text = match w.edited_text(&id, &title) {
            Ok(text) => text,
            Err(why) => {
                self.status = match why {
                    Unusable::Invalid => "fix the fields marked invalid before writing".into(),
                    Unusable::Unreadable(e) => format!(
                        "the edited scenario would not read back, so nothing was written: {e}"
                    ),
                    Unusable::Lost(lost) => format!(
                        "the written file would not keep {}, so nothing was written; edit the file by hand",
                        lost.iter()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                };
                return;
            }
        };
        let Some(dir) = self.user_dir.clone() else {
            self.status = "no config directory to write presets to".into();
            return;
        };
        let existed = dir.join(format!("{id}.toml")).exists();
        self.status = match presets::write_user(&dir, &id, &text) {
            Ok(path) => {
                if let Some(s) = self.scenario_mut() {
                    s.work.written = true;
                }
                let verb = if existed { "replaced" } else { "wrote" };
                format!("napkin calc {id} runs it ({verb} {})", path.display())
            }
            Err(e) => format!("could not write the preset: {e}"),
        };
    }
}

/// "a", "a or b", "a, b or c".
fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

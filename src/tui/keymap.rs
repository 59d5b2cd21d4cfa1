//! Keys as data: one table drives dispatch, the `?` help overlay and the hint bar.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a key asks the app to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Quit,
    /// Leave the innermost mode: an edit, the filter, the help overlay.
    Cancel,
    FocusNext,
    FocusPrev,
    Up,
    Down,
    PageUp,
    PageDown,
    /// Open the selected preset, or edit the selected field.
    Activate,
    /// Finish an edit or the filter, keeping what was typed.
    Commit,
    Reset,
    Write,
    Help,
    Filter,
    Picker,
    ToggleTab,
    Backspace,
    ClearText,
    /// Open the drill screen.
    Drill,
    /// Set a choice field to its previous or next value.
    ChoicePrev,
    ChoiceNext,
    /// Show every input in the form, or only those written, edited or in use.
    AllInputs,
    /// Turn guess mode (results hidden until estimated) on or off.
    GuessMode,
    /// Open the answer field for the selected (hidden) result.
    GuessOutput,
    /// Reveal every result in guess mode.
    RevealAll,
    /// Walk the open case study's steps in order on the drill screen.
    CaseWalk,
    /// The open case study as an interview: timed, no feedback until the scorecard.
    Interview,
    /// Show or hide the delta column: each result against the scenario as it was opened.
    Delta,
    /// Sweep the selected input in the pictures panel, or stop sweeping.
    Sweep,
    /// Show the answer to the drill's question (not scored).
    Reveal,
}

/// Where a binding applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    /// Everywhere, typing or not.
    Anywhere,
    /// Anywhere not typing text.
    Global,
    Picker,
    /// Typing the picker's filter.
    Filtering,
    /// The scenario screen, whichever panel has focus.
    Scenario,
    Inputs,
    /// Typing a field's value.
    Editing,
    /// Typing a drill answer.
    Answering,
    /// Guess mode on the estimate tab.
    Guess,
    /// Typing a guess at a hidden result.
    Guessing,
    Help,
}

impl Context {
    /// Whether keys without a binding type text here (so `q` is a letter, not quit).
    pub fn types_text(self) -> bool {
        matches!(
            self,
            Context::Filtering | Context::Editing | Context::Answering | Context::Guessing
        )
    }

    pub fn name(self) -> &'static str {
        match self {
            Context::Anywhere => "anywhere",
            Context::Global => "outside text entry",
            Context::Picker => "preset list",
            Context::Filtering => "typing a filter",
            Context::Scenario => "scenario",
            Context::Inputs => "inputs",
            Context::Editing => "editing a value",
            Context::Answering => "drill",
            Context::Guess => "guess mode",
            Context::Guessing => "typing a guess",
            Context::Help => "help",
        }
    }
}

/// One key with its modifiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn key(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

impl Key {
    /// How the key is written in help: "q", "Esc", "Ctrl-U", "↑".
    pub fn label(self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.mods.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{}", base.to_uppercase())
        } else {
            base
        }
    }

    fn matches(self, event: &KeyEvent) -> bool {
        // Shift is part of the character ('?', 'K'), so only Ctrl and Alt must agree.
        let relevant = KeyModifiers::CONTROL | KeyModifiers::ALT;
        event.code == self.code && (event.modifiers & relevant) == (self.mods & relevant)
    }
}

/// A row of the key table.
pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    pub context: Context,
    pub help: &'static str,
    /// Shown in the hint bar when the context is active.
    pub hint: bool,
}

macro_rules! bind {
    ($ctx:ident, [$($k:expr),+], $action:ident, $help:literal, $hint:literal) => {
        Binding { keys: &[$($k),+], action: Action::$action, context: Context::$ctx, help: $help, hint: $hint }
    };
}

/// Every key napkin's screen knows, most specific context first.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    bind!(Anywhere, [ctrl('c')], Quit, "quit, from anywhere", false),
    bind!(Help, [key(KeyCode::Esc), ch('?'), ch('q')], Cancel, "close help", true),
    bind!(Help, [key(KeyCode::Down), ch('j')], Down, "scroll the keys down", true),
    bind!(Help, [key(KeyCode::Up), ch('k')], Up, "scroll the keys up", false),
    bind!(Editing, [key(KeyCode::Enter)], Commit, "keep the value", true),
    bind!(Editing, [key(KeyCode::Esc)], Cancel, "undo this edit", true),
    bind!(Editing, [key(KeyCode::Backspace)], Backspace, "delete a character", false),
    bind!(Editing, [ctrl('u')], ClearText, "clear the value", true),
    bind!(Answering, [ch('?'), key(KeyCode::F(1))], Help, "help", true),
    bind!(Answering, [key(KeyCode::Enter)], Commit, "answer, next", true),
    bind!(Answering, [key(KeyCode::Esc)], Cancel, "leave", true),
    bind!(Answering, [ctrl('r')], Reveal, "reveal", true),
    bind!(Answering, [key(KeyCode::Up)], Up, "scroll up", true),
    bind!(Answering, [key(KeyCode::Down)], Down, "scroll down", true),
    bind!(Answering, [key(KeyCode::PageUp)], PageUp, "page the feedback up", false),
    bind!(Answering, [key(KeyCode::PageDown)], PageDown, "page the feedback down", false),
    bind!(Answering, [key(KeyCode::Backspace)], Backspace, "delete a character", false),
    bind!(Answering, [ctrl('u')], ClearText, "clear the answer", false),
    bind!(Guessing, [key(KeyCode::Enter)], Commit, "score the guess", true),
    bind!(Guessing, [key(KeyCode::Esc)], Cancel, "close the answer field", true),
    bind!(Guessing, [key(KeyCode::Backspace)], Backspace, "delete a character", false),
    bind!(Guessing, [ctrl('u')], ClearText, "clear the guess", false),
    bind!(Filtering, [key(KeyCode::Enter)], Commit, "keep the filter", true),
    bind!(Filtering, [key(KeyCode::Esc)], Cancel, "clear the filter", true),
    bind!(Filtering, [key(KeyCode::Backspace)], Backspace, "delete a character", false),
    bind!(Filtering, [ctrl('u')], ClearText, "clear the filter", false),
    bind!(Picker, [key(KeyCode::Enter)], Activate, "open the preset", true),
    bind!(Picker, [ch('/')], Filter, "filter the presets", true),
    bind!(Picker, [key(KeyCode::Esc)], Cancel, "clear the filter, or quit", false),
    bind!(Picker, [ch('d')], Drill, "drill: practise estimates", true),
    bind!(Inputs, [key(KeyCode::Enter)], Activate, "edit the value", true),
    bind!(Inputs, [key(KeyCode::Left)], ChoicePrev, "previous choice", false),
    bind!(Inputs, [key(KeyCode::Right)], ChoiceNext, "next choice", false),
    bind!(Inputs, [ch('r')], Reset, "reset to the preset", true),
    bind!(Guess, [key(KeyCode::Enter)], GuessOutput, "guess the selected result", true),
    bind!(Scenario, [ch('g')], GuessMode, "guess mode on or off", false),
    bind!(Guess, [ch('G')], RevealAll, "reveal every result", false),
    bind!(Scenario, [ch('a')], AllInputs, "all inputs, or fewer", false),
    bind!(Scenario, [ch('w')], Write, "write as a user preset", true),
    bind!(Scenario, [ch('t')], ToggleTab, "estimate / reference tab", true),
    bind!(Scenario, [ch('d')], Drill, "drill on it as edited", false),
    bind!(Scenario, [ch('c')], CaseWalk, "walk the case in order", false),
    bind!(Scenario, [ch('i')], Interview, "interview on the case", false),
    bind!(Scenario, [ch('b')], Delta, "values vs. as opened", false),
    bind!(Scenario, [ch('v')], Sweep, "sweep selected input", false),
    bind!(Scenario, [ch('p')], Picker, "back to the presets", true),
    bind!(Scenario, [key(KeyCode::Tab), ch('l')], FocusNext, "next panel", true),
    bind!(Scenario, [key(KeyCode::BackTab), ch('h')], FocusPrev, "previous panel", false),
    bind!(Global, [key(KeyCode::Up), ch('k')], Up, "move up, or scroll", false),
    bind!(Global, [key(KeyCode::Down), ch('j')], Down, "move down, or scroll", false),
    bind!(Global, [key(KeyCode::PageUp)], PageUp, "page up", false),
    bind!(Global, [key(KeyCode::PageDown)], PageDown, "page down", false),
    bind!(Global, [ch('?')], Help, "help: the keys here", true),
    bind!(Global, [ch('q'), key(KeyCode::Esc)], Quit, "quit", true),
];

/// What help says in `context` besides its keys: for the drill, how to write an answer.
pub fn notes(context: Context) -> &'static [&'static str] {
    match context {
        Context::Answering => &[
            "answers: a number and its unit: 1.2 TB, 40k/s,",
            "  3 weeks, ~200 servers, $100, 8 EFLOP, 1.2e19",
            "or a 90% interval lo..hi: 50k..200k",
            "another time unit is converted: 347 MB/s on a",
            "  per-day question reads as 30 TB/day",
            "an empty answer skips the question",
            "Esc first shows your session's summary; again, leaves",
        ],
        _ => &[],
    }
}

/// The action `event` asks for in the active contexts (innermost first). In a context that
/// types text, only its own bindings apply; other keys are text.
pub fn lookup(contexts: &[Context], event: &KeyEvent) -> Option<Action> {
    for &ctx in contexts {
        if let Some(b) = BINDINGS
            .iter()
            .find(|b| b.context == ctx && b.keys.iter().any(|k| k.matches(event)))
        {
            return Some(b.action);
        }
        if ctx.types_text() || ctx == Context::Help {
            return None;
        }
    }
    None
}

/// The keys that ask for `action` in the active contexts, as help writes them.
pub fn keys_for(contexts: &[Context], action: Action) -> Vec<String> {
    BINDINGS
        .iter()
        .filter(|b| b.action == action)
        .flat_map(|b| b.keys.iter())
        .filter(|k| {
            let event = KeyEvent::new(k.code, k.mods);
            lookup(contexts, &event) == Some(action)
        })
        .map(|k| k.label())
        .collect()
}

/// The hint bar's entries for the active contexts: ("Enter", "edit the value").
pub fn hints(contexts: &[Context]) -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    for &ctx in contexts {
        for b in BINDINGS.iter().filter(|b| b.context == ctx && b.hint) {
            out.push((b.action, b.keys[0].label(), b.help));
        }
        if ctx.types_text() || ctx == Context::Help {
            break;
        }
    }
    // A scroll up and down read as one hint: "↑↓ scroll the feedback".
    if let Some(up) = out.iter().position(|(a, _, _)| *a == Action::Up)
        && let Some(down) = out.iter().position(|(a, _, _)| *a == Action::Down)
    {
        let what = out[up].2.trim_end_matches(" up");
        let merged = (Action::Up, "↑↓".to_string(), what);
        out[up] = merged;
        out.remove(down);
    }
    // Help and quit first, so a narrow screen still shows them.
    out.sort_by_key(|(action, _, _)| match action {
        Action::Help => 0,
        Action::Quit => 1,
        _ => 2,
    });
    out.into_iter().map(|(_, key, help)| (key, help)).collect()
}

/// The key table as Markdown, for docs/REFERENCE.md (a test keeps them equal).
pub fn markdown_table() -> String {
    let mut out = String::from("| keys | does | where |\n|---|---|---|\n");
    for b in BINDINGS {
        let keys: Vec<String> = b.keys.iter().map(|k| format!("`{}`", k.label())).collect();
        out.push_str(&format!(
            "| {} | {} | {} |\n",
            keys.join(" "),
            b.help,
            b.context.name()
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn typing_contexts_swallow_letters() {
        let editing = [
            Context::Editing,
            Context::Inputs,
            Context::Scenario,
            Context::Global,
        ];
        assert_eq!(lookup(&editing, &press(KeyCode::Char('q'))), None);
        assert_eq!(
            lookup(&editing, &press(KeyCode::Enter)),
            Some(Action::Commit)
        );
        let browsing = [Context::Inputs, Context::Scenario, Context::Global];
        assert_eq!(
            lookup(&browsing, &press(KeyCode::Char('q'))),
            Some(Action::Quit)
        );
        assert_eq!(
            lookup(&browsing, &press(KeyCode::Enter)),
            Some(Action::Activate)
        );
        assert_eq!(
            lookup(&browsing, &press(KeyCode::Char('j'))),
            Some(Action::Down)
        );
    }

    #[test]
    fn every_action_a_user_needs_has_a_key() {
        for action in [
            Action::Quit,
            Action::Help,
            Action::Activate,
            Action::Reset,
            Action::Write,
            Action::Filter,
            Action::FocusNext,
        ] {
            assert!(
                BINDINGS.iter().any(|b| b.action == action),
                "{action:?} has no key"
            );
        }
    }
}

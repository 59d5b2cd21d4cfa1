//! The interactive screen: a ratatui face over the engine.
//!
//! [`app`] holds the state and turns keys into changes; each screen keeps its state in its
//! [`app::Screen`] variant and draws itself: [`picker`], the scenario ([`scenario`] and
//! [`workbench`] its state, `estimate` and `reference` its two tabs), [`drill`]; `help` is the
//! `?` overlay and [`view`] the frame around them all, in the styles of `theme`. [`keymap`] is
//! the one key table behind dispatch, help and hints.
//!
//! The terminal is restored on every way out: on return and on an error by a guard, after a
//! panic by the hook `ratatui::try_init` installs (it restores before the panic message prints),
//! and on SIGTERM, SIGHUP and SIGINT (`kill`, `timeout`, a closed terminal window): the signal is
//! noted, the loop ends at its next wake-up (within 250 ms), the guard restores the terminal and
//! [`Ended::Signal`] tells the command line to exit with 128 + the signal's number. A second
//! signal while the first is being handled ends the process at once. Keys are read from `/dev/tty`
//! (crossterm's `use-dev-tty` source): when the terminal goes away its poll still returns at the
//! timeout, where the default source spins for ever (crossterm-rs/crossterm#793), so the loop
//! wakes, its next draw fails, and the screen ends.
//! A debug build panics on the first key when `NAPKIN_TEST_PANIC` is set, so that a test can
//! check the restoring (`tests/all/tui_tmux.rs`); a release build has no such hook.

pub mod app;
pub mod drill;
mod estimate;
mod fit;
pub mod guess;
mod help;
pub mod keymap;
pub mod ml_pictures;
pub mod picker;
mod reference;
pub mod scenario;
pub mod scroll;
mod theme;
pub mod view;
mod words;
pub mod workbench;

use app::App;
use ratatui::crossterm::event::{self, Event, KeyEventKind};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// How often the screen wakes without a key, to let highlights fade.
const TICK: Duration = Duration::from_millis(250);

/// Whether to draw colours: not when NO_COLOR is set to anything non-empty.
pub fn color_wanted() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// How the screen ended, the terminal restored either way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ended {
    /// The user quit.
    Quit,
    /// A signal (its number) ended it: the process should exit with 128 + that number.
    Signal(i32),
}

/// Runs the screen until the user quits: on the picker, or on `start` (its text and scenario).
pub fn run(start: Option<(String, crate::scenario::Scenario)>) -> std::io::Result<Ended> {
    let mut app = App::new(crate::presets::user_dir(), color_wanted());
    app.history = crate::drill::history::default_path();
    if let Some((text, scenario)) = start {
        app.open(text, scenario);
    }
    event_loop(app)
}

/// Runs the screen on the drill, with the session options of `napkin drill`.
pub fn run_drill(opts: crate::drill::session::Options) -> std::io::Result<Ended> {
    let mut app = App::new(crate::presets::user_dir(), color_wanted());
    app.history = opts.history.clone();
    app.start_drill_alone(opts);
    event_loop(app)
}

/// Restores the terminal when dropped: on return and on an error. Not while a panic unwinds: the
/// panic hook has restored it already, and leaving the alternate screen a second time would put
/// the cursor back where napkin started, so that the shell's prompt overwrote the panic message.
struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            ratatui::restore();
        }
    }
}

/// The signals that end the screen, noted while it runs; their handlers go when it is dropped.
struct Caught {
    signal: Arc<AtomicUsize>,
    ids: Vec<signal_hook::SigId>,
}

impl Caught {
    fn register() -> std::io::Result<Caught> {
        let signal = Arc::new(AtomicUsize::new(0));
        let again = Arc::new(AtomicBool::new(false));
        let mut ids = Vec::new();
        for n in [SIGTERM, SIGHUP, SIGINT] {
            // In this order: a second signal finds `again` set by the first and exits at once.
            ids.push(signal_hook::flag::register_conditional_shutdown(
                n,
                128 + n,
                Arc::clone(&again),
            )?);
            ids.push(signal_hook::flag::register(n, Arc::clone(&again))?);
            ids.push(signal_hook::flag::register_usize(
                n,
                Arc::clone(&signal),
                n as usize,
            )?);
        }
        Ok(Caught { signal, ids })
    }

    /// The signal caught, if any.
    fn caught(&self) -> Option<i32> {
        match self.signal.load(Ordering::SeqCst) {
            0 => None,
            n => i32::try_from(n).ok(),
        }
    }
}

impl Drop for Caught {
    fn drop(&mut self) {
        for id in self.ids.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}

fn event_loop(mut app: App) -> std::io::Result<Ended> {
    // Registered first and dropped last: a signal while the terminal is set up or restored is
    // noted too.
    let caught = Caught::register()?;
    // Before setting up, so a set-up that fails half-way (raw mode on, no alternate screen) is
    // undone too.
    let _restore = Restore;
    let ran = screen(&mut app, &caught);
    // A signal ends the screen however its loop ended: after SIGHUP the terminal is gone, and
    // the next draw or read fails.
    match caught.caught() {
        Some(n) => Ok(Ended::Signal(n)),
        None => ran.map(|()| Ended::Quit),
    }
}

/// Draws and reads keys until the user quits or a signal is caught. `try_init` says why setting
/// up failed rather than panicking as `ratatui::run` would.
fn screen(app: &mut App, caught: &Caught) -> std::io::Result<()> {
    let mut terminal = ratatui::try_init()?;
    while !app.quit && caught.caught().is_none() {
        terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
        if event::poll(TICK)? {
            match event::read()? {
                Event::Key(key) if key.kind == KeyEventKind::Press => {
                    if cfg!(debug_assertions) && std::env::var_os("NAPKIN_TEST_PANIC").is_some() {
                        panic!("NAPKIN_TEST_PANIC: a panic injected by a test");
                    }
                    app.on_key(key, Instant::now())
                }
                _ => {}
            }
        } else {
            app.tick(Instant::now());
        }
    }
    Ok(())
}

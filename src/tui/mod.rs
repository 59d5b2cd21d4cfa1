//! The interactive screen: a ratatui face over the engine.
//!
//! [`app`] holds the state and turns keys into changes; [`view`] draws it; [`keymap`] is the
//! one key table behind dispatch, help and hints. The terminal is set up and restored by
//! `ratatui::run`, whose panic hook restores it after a panic too.

pub mod app;
pub mod drill;
pub mod keymap;
pub mod ml_pictures;
pub mod view;

use app::App;
use ratatui::crossterm::event::{self, Event, KeyEventKind};
use std::time::{Duration, Instant};

/// How often the screen wakes without a key, to let highlights fade.
const TICK: Duration = Duration::from_millis(250);

/// Whether to draw colours: not when NO_COLOR is set to anything non-empty.
pub fn color_wanted() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Runs the screen until the user quits: on the picker, or on `start` (its text and scenario).
pub fn run(start: Option<(String, crate::scenario::Scenario)>) -> std::io::Result<()> {
    let mut app = App::new(crate::presets::user_dir(), color_wanted());
    app.history = crate::drill::history::default_path();
    if let Some((text, scenario)) = start {
        app.open(text, scenario);
    }
    event_loop(app)
}

/// Runs the screen on the drill, with the session options of `napkin drill`.
pub fn run_drill(opts: crate::drill::session::Options) -> std::io::Result<()> {
    let mut app = App::new(crate::presets::user_dir(), color_wanted());
    app.history = opts.history.clone();
    app.start_drill(opts);
    event_loop(app)
}

fn event_loop(mut app: App) -> std::io::Result<()> {
    ratatui::run(|terminal| -> std::io::Result<()> {
        while !app.quit {
            terminal.draw(|frame| frame.render_widget(&app, frame.area()))?;
            if event::poll(TICK)? {
                match event::read()? {
                    Event::Key(key) if key.kind == KeyEventKind::Press => {
                        app.on_key(key, Instant::now())
                    }
                    _ => {}
                }
            } else {
                app.tick(Instant::now());
            }
        }
        Ok(())
    })
}

//! One keystroke on the interactive screen: the update, the recompute of the estimate with its
//! derivation, and the render of a 160×48 frame.

use criterion::{Criterion, criterion_group, criterion_main};
use napkin::presets;
use napkin::scenario::load_str;
use napkin::tui::app::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::time::Instant;

fn bench(c: &mut Criterion) {
    let p = presets::builtin()
        .into_iter()
        .find(|p| p.id == "video-recommendation")
        .expect("the preset ships");
    let mut app = App::new(None, true);
    app.open(
        p.text.clone(),
        load_str(&p.text, &p.file).expect("the preset loads"),
    );
    // Edit DAU (the first input) to a plain 1,000,000,000, so each keystroke below stays valid.
    app.on_key(
        KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
        Instant::now(),
    );
    app.on_key(
        KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL),
        Instant::now(),
    );
    for c in "1000000000".chars() {
        app.on_key(
            KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
            Instant::now(),
        );
    }
    assert!(!app.scenario().expect("a scenario is open").work.stale);
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("a test terminal");
    let mut grow = true;
    c.bench_function("keystroke: edit DAU, recompute, render 160×48", |b| {
        b.iter(|| {
            // Alternate typing a zero and deleting it: DAU goes 1B → 10B → 1B, each a full recompute.
            let key = if grow {
                KeyCode::Char('0')
            } else {
                KeyCode::Backspace
            };
            grow = !grow;
            app.on_key(KeyEvent::new(key, KeyModifiers::NONE), Instant::now());
            terminal
                .draw(|f| f.render_widget(&app, f.area()))
                .expect("drawing into memory");
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! One keystroke on the interactive screen: the update, the recompute of the estimate with its
//! derivation, and the render of a 160×48 frame; then the same with three ranges in the
//! scenario, so each keystroke also draws 10,000 samples (the budget: 16 ms).

use criterion::{Criterion, criterion_group, criterion_main};
use napkin::presets;
use napkin::scenario::{Scenario, overrides};
use napkin::tui::app::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::time::Instant;

/// Opens `scenario` and edits DAU (the first input) to a plain 1,000,000,000, so each keystroke
/// of the benchmark stays valid.
fn opened(text: &str, scenario: Scenario) -> App {
    let mut app = App::new(None, true);
    app.open(text.to_string(), scenario);
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
    app
}

/// Alternates typing a zero and deleting it: DAU goes 1B → 10B → 1B, each a full recompute.
fn keystrokes(c: &mut Criterion, name: &str, mut app: App) {
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("a test terminal");
    let mut grow = true;
    c.bench_function(name, |b| {
        b.iter(|| {
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

fn bench(c: &mut Criterion) {
    let p = presets::builtin()
        .into_iter()
        .find(|p| p.id == "video-recommendation")
        .expect("the preset ships");
    let s = p.load().expect("the preset loads");
    keystrokes(
        c,
        "keystroke: edit DAU, recompute, render 160×48",
        opened(&p.text, s.clone()),
    );
    let mut ranged = s;
    for (path, range) in [
        ("corpus.videos.item_size", "20 MB..100 MB"),
        ("stage.ranking.per_server_throughput", "20k/s..100k/s"),
        ("stage.ranking.latency", "30 ms..80 ms"),
    ] {
        overrides::set(&mut ranged, path, range).expect("the range is valid");
    }
    keystrokes(
        c,
        "keystroke with three ranges: edit DAU, recompute, resample, render 160×48",
        opened(&p.text, ranged),
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);

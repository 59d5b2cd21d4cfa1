//! The interactive screen, preset by preset (`CASES`), at 160×48: one keystroke (the update, the
//! recompute of the estimate with its derivation, the render), the same with the case's ranges
//! in the scenario (each keystroke also draws 10,000 samples), the Monte Carlo of those ranges
//! alone, and a frame with and without the sweep picture (`v`) of the edited input. Budgets: a
//! keystroke with ranges under 16 ms (spec: ranges) and within 4 plain keystrokes, the sweep
//! picture within one Monte Carlo a frame (issue 23).

use criterion::{Criterion, criterion_group, criterion_main};
use napkin::presets;
use napkin::scenario::{Scenario, overrides};
use napkin::tui::app::App;
use napkin::whatif::montecarlo::{MonteCarlo, Options};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::hint::black_box;
use std::time::Instant;

/// A preset, the number input its keystrokes edit (set first to a plain number that typing a
/// zero and deleting it keeps valid), and the ranges of its Monte Carlo.
struct Case {
    preset: &'static str,
    edit: (&'static str, &'static str),
    ranges: &'static [(&'static str, &'static str)],
}

/// The presets measured. A preset joins with one line.
const CASES: &[Case] = &[
    Case {
        preset: "video-recommendation",
        edit: ("traffic.dau", "1000000000"),
        ranges: &[
            ("corpus.videos.item_size", "20 MB..100 MB"),
            ("stage.ranking.per_server_throughput", "20k/s..100k/s"),
            ("stage.ranking.latency", "30 ms..80 ms"),
        ],
    },
    // Prompt tokens edited (1,000 ↔ 10,000), the answer, decode's bandwidth and the price ranged.
    Case {
        preset: "chatbot",
        edit: ("llm.prompt_tokens", "1000"),
        ranges: &[
            ("llm.output_tokens", "200..600"),
            ("llm.mbu", "0.4..0.8"),
            ("llm.price_per_device_hour", "$2..$6"),
        ],
    },
];

fn key(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    app.on_key(KeyEvent::new(code, modifiers), Instant::now());
}

/// Opens `scenario` with the case's input selected and set to its plain number.
fn opened(case: &Case, text: &str, scenario: Scenario) -> App {
    let mut app = App::new(None, true);
    app.open(text.to_string(), scenario);
    let screen = app.scenario_mut().expect("a scenario is open");
    screen.work.selected = screen
        .work
        .rows
        .iter()
        .position(|r| r.path == case.edit.0)
        .expect("the edited input is a row");
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    key(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    for c in case.edit.1.chars() {
        key(&mut app, KeyCode::Char(c), KeyModifiers::NONE);
    }
    assert!(!app.scenario().expect("a scenario is open").work.stale);
    app
}

/// Alternates typing a zero and deleting it (1B → 10B → 1B for DAU), each a full recompute.
fn keystrokes(c: &mut Criterion, name: &str, mut app: App) {
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("a test terminal");
    let mut grow = true;
    c.bench_function(name, |b| {
        b.iter(|| {
            let code = if grow {
                KeyCode::Char('0')
            } else {
                KeyCode::Backspace
            };
            grow = !grow;
            key(&mut app, code, KeyModifiers::NONE);
            terminal
                .draw(|f| f.render_widget(&app, f.area()))
                .expect("drawing into memory");
        })
    });
}

/// Draws the same screen again and again: what a frame costs with nothing typed.
fn frames(c: &mut Criterion, name: &str, app: &App) {
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("a test terminal");
    c.bench_function(name, |b| {
        b.iter(|| {
            terminal
                .draw(|f| f.render_widget(app, f.area()))
                .expect("drawing into memory");
        })
    });
}

fn bench_case(c: &mut Criterion, case: &Case) {
    let p = presets::builtin()
        .into_iter()
        .find(|p| p.id == case.preset)
        .expect("the preset ships");
    let s = p.load().expect("the preset loads");
    let id = case.preset;
    let edit = case.edit.0;
    keystrokes(
        c,
        &format!("{id}/keystroke: edit {edit}, recompute, render"),
        opened(case, &p.text, s.clone()),
    );
    let mut ranged = s;
    for (path, range) in case.ranges {
        overrides::set(&mut ranged, path, range).expect("the range is valid");
    }
    let n = case.ranges.len();
    let mut app = opened(case, &p.text, ranged);
    let mut mc = MonteCarlo::default();
    let current = app
        .scenario()
        .expect("a scenario is open")
        .work
        .current
        .clone();
    c.bench_function(&format!("{id}/Monte Carlo alone, {n} ranges"), |b| {
        b.iter(|| mc.run(black_box(&current), Options::default()))
    });
    frames(c, &format!("{id}/frame with {n} ranges"), &app);
    let screen = app.scenario_mut().expect("a scenario is open");
    assert!(screen.toggle_sweep(), "the edited input is a number");
    frames(
        c,
        &format!("{id}/frame with {n} ranges and the sweep of {edit}"),
        &app,
    );
    let screen = app.scenario_mut().expect("a scenario is open");
    screen.toggle_sweep();
    keystrokes(
        c,
        &format!("{id}/keystroke with {n} ranges: edit {edit}, recompute, resample, render"),
        app,
    );
}

fn bench(c: &mut Criterion) {
    for case in CASES {
        bench_case(c, case);
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);

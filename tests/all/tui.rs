//! The interactive screen without a terminal: keys sent to the state, frames drawn into a
//! `TestBackend` and snapshotted, and random key storms at random sizes.

use crate::common;
use common::{id, p};

use napkin::drill::feedback::LineKind;
use napkin::presets;
use napkin::reference;
use napkin::scenario::load_str;
use napkin::tui::app::{App, Screen};
use napkin::tui::scenario::{Focus, ScenarioScreen, Tab};
use napkin::tui::workbench::Workbench;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::time::Instant;

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn send(app: &mut App, keys: &[KeyCode]) {
    for &k in keys {
        app.on_key(key(k), Instant::now());
    }
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.on_key(key(KeyCode::Char(c)), Instant::now());
    }
}

fn ctrl(app: &mut App, c: char) {
    app.on_key(
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL),
        Instant::now(),
    );
}

fn clear(app: &mut App) {
    ctrl(app, 'u');
}

/// The open scenario.
fn scenario(app: &App) -> &ScenarioScreen {
    app.scenario().expect("a scenario is open")
}

fn work(app: &App) -> &Workbench {
    &scenario(app).work
}

/// An app on `id`, with no user presets and no colour.
fn app_on(id: &str) -> App {
    app_in(None, id)
}

/// An app on `id` whose user presets are in `user_dir`, with no colour.
fn app_in(user_dir: Option<std::path::PathBuf>, id: &str) -> App {
    let mut app = App::new(user_dir, false);
    let p = presets::builtin().into_iter().find(|p| p.id == id).unwrap();
    let s = p.load().unwrap();
    app.open(p.text, s);
    app
}

fn peak(app: &App) -> f64 {
    work(app).report.output("traffic.peak_qps").unwrap().value
}

/// Selects the input row at `path`.
fn select(app: &mut App, path: &str) {
    let w = &mut app.scenario_mut().expect("a scenario is open").work;
    w.selected = w
        .rows
        .iter()
        .position(|r| r.path == path)
        .unwrap_or_else(|| panic!("no row {path}"));
}

/// Selects the input at `path`, opens it for editing, clears it and types `text`: the edit is
/// still open (Enter keeps it).
fn retype(app: &mut App, path: &str, text: &str) {
    select(app, path);
    send(app, &[KeyCode::Enter]);
    clear(app);
    type_text(app, text);
}

#[test]
fn picker_filters_and_opens() {
    let mut app = App::new(None, false);
    assert!(matches!(app.screen, Screen::Picker(_)));
    send(&mut app, &[KeyCode::Char('/')]);
    type_text(&mut app, "news");
    let ids: Vec<&str> = app
        .picker()
        .unwrap()
        .filtered()
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(ids, ["personalized-news-feed"]);
    // 'q' while filtering is a letter, not quit.
    type_text(&mut app, "q");
    assert!(!app.quit);
    assert!(app.picker().unwrap().filtered().is_empty());
    send(
        &mut app,
        &[KeyCode::Backspace, KeyCode::Enter, KeyCode::Enter],
    );
    assert!(matches!(app.screen, Screen::Scenario(_)));
    assert_eq!(work(&app).base.meta.id, "personalized-news-feed");
}

#[test]
fn editing_an_input_recomputes_live() {
    let mut app = app_on("video-recommendation");
    // 1B DAU × 5 ÷ 86,400 × 2 = 115,740.7/s.
    assert!((peak(&app) - 115_740.74).abs() < 0.01);
    retype(&mut app, "traffic.dau", "200M");
    // Live, before Enter: 200M × 5 ÷ 86,400 × 2 = 23,148.1/s.
    assert!((peak(&app) - 23_148.15).abs() < 0.01);
    let w = work(&app);
    assert!(
        w.flashing(&id("traffic.peak_qps"), Instant::now()),
        "the changed number is highlighted"
    );
    send(&mut app, &[KeyCode::Enter]);
    assert!(work(&app).editing.is_none());
    assert_eq!(
        work(&app).edits.get(&p("traffic.dau")).map(String::as_str),
        Some("200M")
    );
}

#[test]
fn an_invalid_value_keeps_the_last_good_estimate_and_the_text() {
    let mut app = app_on("video-recommendation");
    retype(&mut app, "traffic.dau", "300M");
    let good = peak(&app);
    type_text(&mut app, " parsecs");
    let w = work(&app);
    assert!(w.stale);
    assert!(
        w.errors
            .get(&p("traffic.dau"))
            .is_some_and(|e| e.contains("parsecs")),
        "{:?}",
        w.errors
    );
    assert_eq!(peak(&app), good, "the last good estimate stays");
    send(&mut app, &[KeyCode::Enter]);
    // What the user typed is kept, marked invalid.
    assert_eq!(
        work(&app).edits.get(&p("traffic.dau")).map(String::as_str),
        Some("300M parsecs")
    );
    send(&mut app, &[KeyCode::Char('r')]);
    let w = work(&app);
    assert!(!w.stale && w.edits.is_empty());
    assert!((peak(&app) - 115_740.74).abs() < 0.01);
}

#[test]
fn escape_undoes_the_edit_in_progress() {
    let mut app = app_on("twitter");
    retype(&mut app, "traffic.peak_factor", "4");
    // 3,472.2 × 4 = 13,888.9/s.
    assert!((peak(&app) - 13_888.89).abs() < 0.01);
    send(&mut app, &[KeyCode::Esc]);
    assert!(!app.quit, "Esc leaves the edit first");
    assert!((peak(&app) - 6_944.44).abs() < 0.01);
    send(&mut app, &[KeyCode::Esc]);
    assert!(app.quit);
}

#[test]
fn focus_tabs_help_and_quit() {
    let mut app = app_on("twitter");
    assert_eq!(scenario(&app).focus, Focus::Inputs);
    send(&mut app, &[KeyCode::Tab]);
    assert_eq!(scenario(&app).focus, Focus::Results);
    send(&mut app, &[KeyCode::Char('j'), KeyCode::Char('j')]);
    assert_eq!(work(&app).selected_output, 2);
    send(&mut app, &[KeyCode::Char('t')]);
    assert_eq!(scenario(&app).tab, Tab::Reference);
    send(&mut app, &[KeyCode::Char('?')]);
    assert!(app.help);
    send(&mut app, &[KeyCode::Char('q')]);
    assert!(!app.help && !app.quit, "q closes help first");
    send(&mut app, &[KeyCode::Char('p')]);
    assert!(matches!(app.screen, Screen::Picker(_)));
    send(&mut app, &[KeyCode::Char('q')]);
    assert!(app.quit);
}

#[test]
fn clearing_an_input_writes_a_scenario_that_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let presets_dir = dir.path().join("presets");
    let mut app = app_in(Some(presets_dir.clone()), "fraud-detection");
    for path in [
        "stage.feature_lookup.holds",
        "stage.feature_lookup.node_memory",
    ] {
        retype(&mut app, path, "");
        send(&mut app, &[KeyCode::Enter]);
    }
    send(&mut app, &[KeyCode::Char('w')]);
    assert!(
        app.status.contains("fraud-detection-edited"),
        "{}",
        app.status
    );
    let text = std::fs::read_to_string(presets_dir.join("fraud-detection-edited.toml")).unwrap();
    assert!(
        text.contains("# holds removed in napkin; was account_profiles"),
        "{text}"
    );
    let s = load_str(&text, "edited").unwrap_or_else(|e| panic!("{e}\n{text}"));
    let stage = s
        .stages
        .iter()
        .find(|st| st.name == "feature_lookup")
        .unwrap();
    assert_eq!(stage.holds, None);
    assert_eq!(stage.node_memory, None);
}

#[test]
fn an_edited_input_says_so_under_the_form() {
    let mut app = app_on("twitter");
    select(&mut app, "traffic.dau");
    assert!(draw(&app, 160, 48).contains("[book: Xu vol. 1"));
    retype(&mut app, "traffic.dau", "300M");
    send(&mut app, &[KeyCode::Enter]);
    let screen = draw(&app, 160, 48);
    assert!(
        screen.contains("[edited; was 150M (book: Xu vol. 1"),
        "{screen}"
    );
}

#[test]
fn an_invalid_field_elsewhere_is_named_on_the_status_line() {
    let mut app = app_on("fraud-detection");
    // A held corpus needs node_memory: clearing it is an error on that row.
    retype(&mut app, "stage.feature_lookup.node_memory", "");
    send(&mut app, &[KeyCode::Enter]);
    select(&mut app, "traffic.qps");
    let screen = draw(&app, 160, 48);
    assert!(
        screen.contains("stale: stage.feature_lookup.node_memory: the stage holds a corpus"),
        "{screen}"
    );
}

#[test]
fn w_writes_a_user_preset_that_calc_can_run() {
    let dir = tempfile::tempdir().unwrap();
    let presets_dir = dir.path().join("presets");
    let mut app = app_in(Some(presets_dir.clone()), "twitter");
    retype(&mut app, "traffic.dau", "300M");
    send(&mut app, &[KeyCode::Enter, KeyCode::Char('w')]);
    let path = presets_dir.join("twitter-edited.toml");
    assert!(app.status.contains("twitter-edited"), "{}", app.status);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("edited in napkin; was 150M (book: Xu vol. 1: 300M MAU, 50% daily)"),
        "{text}"
    );
    let s = load_str(&text, "edited").unwrap();
    assert_eq!(s.meta.id, "twitter-edited");
    // No temporary file is left beside it.
    assert_eq!(std::fs::read_dir(&presets_dir).unwrap().count(), 1);
    // Written, the edits leave without a question, and the list shows the new preset as the
    // user's, selected on the scenario left.
    send(&mut app, &[KeyCode::Char('p')]);
    let picker = app.picker().expect("back on the list");
    assert!(
        picker
            .presets
            .iter()
            .any(|p| p.id == "twitter-edited" && p.user)
    );
    assert_eq!(picker.filtered()[picker.picked].id, "twitter");
    assert_cmd::Command::cargo_bin("napkin")
        .unwrap()
        .env("XDG_CONFIG_HOME", dir.path().parent().unwrap())
        .args(["calc", path.to_str().unwrap(), "--brief"])
        .assert()
        .success()
        // 300M × 2 ÷ 86,400 × 2 = 13,888.9/s.
        .stdout(predicates::str::contains("13.9k/s"));
}

#[test]
fn writing_is_refused_while_a_field_is_invalid() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(Some(dir.path().to_path_buf()), "twitter");
    select(&mut app, "traffic.dau");
    send(&mut app, &[KeyCode::Enter]);
    type_text(&mut app, "zz");
    send(&mut app, &[KeyCode::Enter, KeyCode::Char('w')]);
    assert!(app.status.contains("fix the fields"), "{}", app.status);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

fn draw(app: &App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| f.render_widget(app, f.area())).unwrap();
    terminal.backend().to_string()
}

#[test]
fn a_narrow_picker_cuts_titles_and_summaries_with_an_ellipsis() {
    let picker = App::new(None, false);
    let screen = draw(&picker, 62, 24);
    // 62 columns less the two borders leave 60: " ch. 9  " (8) + "  similar-listings" (18)
    // leave 34 for "Similar Listings on Vacation Rental Platforms" (46), cut to 33 and "…".
    assert!(
        screen.contains("│ ch. 9  Similar Listings on Vacation Rent…  similar-listings│"),
        "{screen}"
    );
    // Every summary line is cut at the border with "…" rather than clipped mid-word.
    let summary = screen
        .lines()
        .find(|l| l.contains("5M listings × 32-d"))
        .unwrap();
    assert!(summary.ends_with("…│\""), "{summary}");
}

#[test]
fn snapshots_at_two_sizes() {
    let mut app = app_on("video-recommendation");
    insta::assert_snapshot!("scenario_120x36", draw(&app, 120, 36));
    insta::assert_snapshot!("scenario_80x24", draw(&app, 80, 24));
    send(&mut app, &[KeyCode::Char('t')]);
    insta::assert_snapshot!("reference_100x30", draw(&app, 100, 30));
    send(&mut app, &[KeyCode::Char('?')]);
    insta::assert_snapshot!("help_100x30", draw(&app, 100, 30));
    let picker = App::new(None, false);
    insta::assert_snapshot!("picker_100x30", draw(&picker, 100, 30));
    insta::assert_snapshot!("too_small_40x10", draw(&picker, 40, 10));
}

#[test]
fn a_stale_estimate_is_marked() {
    let mut app = app_on("twitter");
    select(&mut app, "traffic.dau");
    send(&mut app, &[KeyCode::Enter]);
    type_text(&mut app, "?");
    let screen = draw(&app, 120, 36);
    assert!(screen.contains("STALE"), "{screen}");
    assert!(
        screen.contains("Results (stale: last good estimate)"),
        "{screen}"
    );
    // "150M" + "?": the error stands under the inputs, beside the field.
    assert!(
        screen.contains("✗ \"M?\" is not a count suffix"),
        "{screen}"
    );
}

fn key_strategy() -> impl Strategy<Value = KeyEvent> {
    prop_oneof![
        prop::sample::select(vec![
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Backspace,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::PageUp,
            KeyCode::PageDown,
        ])
        .prop_map(key),
        prop::sample::select(
            "jkhlrtwp/?0123456789MBkKiG. xsmsd%"
                .chars()
                .collect::<Vec<_>>()
        )
        .prop_map(|c| key(KeyCode::Char(c))),
        Just(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_keys_at_random_sizes_never_panic(
        keys in prop::collection::vec(key_strategy(), 0..60),
        w in 1u16..=300,
        h in 1u16..=100,
    ) {
        // `w` would write to the real config directory: no directory here, so it only says so.
        let mut app = App::new(None, false);
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        for k in keys {
            app.on_key(k, Instant::now());
            if app.quit {
                break;
            }
            terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
        }
    }
}

/// A scenario with ranges (on counts, rates, sizes, durations and fractions) and every ML
/// section, for the key storms below.
const RANGES_AND_ML: &str = r#"
[meta]
id = "ranges-and-ml"
title = "Ranges and the ML side"

[traffic]
dau = "100M..400M"
requests_per_user_per_day = "2..8"

[[corpus]]
name = "items"
items = "10M"
item_size = "10 KB..1 MB"

[embeddings]
vectors = "10M..100M"
dim = 256

[index]
kind = "hnsw"
node_memory = "128 GiB..1 TiB"

[[stage]]
name = "ranking"
per_server_throughput = "20k/s..100k/s"
latency = "30 ms..80 ms"

[serving]
latency_budget = "200 ms"

[training]
params = "1B"
examples = "20B"
device = "H100"
price_per_device_hour = "$3.99"
retrain_every = "1 d"

[[embedding_table]]
name = "users"
rows = "1B"
dim = 128
optimizer = "rowwise_adagrad"

[sampling]
examples_per_day = "1B"
positive_rate = "0.5%..2%"
negative_keep_rate = 0.025

[feature_store]
entities = "500M"
features_per_entity = 100
node_memory = "64 GiB"

[experiment]
baseline_rate = 0.05
mde_relative = "2%..10%"

[labelling]
items = "1M"
deadline = "30 d"
seconds_per_label = 35
price_per_label = "$0.036"

[cache]
items = "10M"
cached_items = "100k..1M"
item_size = "2 KB"
"#;

/// A key, or the terminal resized.
#[derive(Clone, Debug)]
enum Act {
    Key(KeyEvent),
    Resize(u16, u16),
}

fn act_strategy() -> impl Strategy<Value = Act> {
    prop_oneof![
        8 => key_strategy().prop_map(Act::Key),
        // The screen's own keys: guess mode, sweep, delta column, all inputs, case walk; and
        // what a range is typed with.
        2 => prop::sample::select("gGvbacd.%$".chars().collect::<Vec<_>>())
            .prop_map(|c| Act::Key(key(KeyCode::Char(c)))),
        1 => (1u16..=300, 1u16..=100).prop_map(|(w, h)| Act::Resize(w, h)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn random_keys_on_ranges_and_ml_at_any_size_never_panic(
        acts in prop::collection::vec(act_strategy(), 0..80),
        w in 1u16..=300,
        h in 1u16..=100,
    ) {
        let mut app = App::new(None, false);
        let s = load_str(RANGES_AND_ML, "ranges-and-ml.toml").unwrap();
        assert!(!s.ranges.is_empty());
        app.open(RANGES_AND_ML.to_string(), s);
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
        for act in acts {
            match act {
                Act::Key(k) => app.on_key(k, Instant::now()),
                Act::Resize(w, h) => terminal.backend_mut().resize(w, h),
            }
            if app.quit {
                break;
            }
            terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
        }
    }
}

#[test]
fn the_ranges_and_ml_scenario_draws_at_every_width_and_height() {
    // Every width from 1 to 300 and every height from 1 to 100 (each paired with a spread of the
    // other), and every size around the screen's thresholds (60×16 too small, 80×24 the least
    // it is laid out for): a resize never panics. Every one of the 30,000 sizes would take
    // minutes in a debug build; the key storms above draw random ones.
    let mut app = App::new(None, false);
    app.open(
        RANGES_AND_ML.to_string(),
        load_str(RANGES_AND_ML, "ranges-and-ml.toml").unwrap(),
    );
    let widths = (1..=300u16).map(|w| (w, 1 + (w * 7) % 100));
    let heights = (1..=100u16).map(|h| (1 + (h * 31) % 300, h));
    let around = [58u16..=62, 78..=82].into_iter().flat_map(|ws| {
        ws.flat_map(|w| {
            [14u16..=18, 22..=26]
                .into_iter()
                .flatten()
                .map(move |h| (w, h))
        })
    });
    let mut terminal = Terminal::new(TestBackend::new(1, 1)).unwrap();
    for (w, h) in widths.chain(heights).chain(around) {
        terminal.backend_mut().resize(w, h);
        terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
    }
}

/// `x` written as an answer to `q`, with the base unit a size, duration or data rate needs.
fn answer_text(q: &napkin::drill::question::Question, x: f64) -> String {
    use napkin::units::Kind;
    match q.kind {
        Kind::Size => format!("{x} B"),
        Kind::Duration => format!("{x} s"),
        Kind::DataRate => format!("{x} B/s"),
        _ => format!("{x}"),
    }
}

fn drill_app(history: Option<std::path::PathBuf>) -> App {
    let mut app = App::new(None, false);
    app.history = history.clone();
    app.start_drill(napkin::drill::session::Options {
        seed: Some(4),
        count: 10,
        filter: napkin::drill::question::Filter {
            case: Some("twitter".into()),
            ..Default::default()
        },
        history,
    });
    app
}

#[test]
fn the_drill_screen_scores_records_and_moves_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("history.jsonl");
    let mut app = drill_app(Some(path.clone()));
    assert!(matches!(app.screen, Screen::Drill { .. }));
    let q = app.drill().unwrap().question().unwrap().clone();
    let exact = answer_text(&q, q.truth);
    // 'q' is part of an answer here, not quit; Ctrl-U clears it.
    type_text(&mut app, "q");
    assert!(!app.quit);
    clear(&mut app);
    type_text(&mut app, &exact);
    send(&mut app, &[KeyCode::Enter]);
    let d = app.drill().unwrap();
    let lines = d.feedback.as_deref().unwrap();
    let verdict = lines.iter().find(|l| l.kind == LineKind::You).unwrap();
    // The truth typed in full: exact, as the plain session says it.
    assert!(verdict.text.ends_with("exact. 100 points."), "{lines:?}");
    assert_eq!(d.recent.last(), Some(&100.0));
    let (records, _) = napkin::drill::history::read(&path);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].points, Some(100.0));
    // Typing after the feedback changes nothing; Enter moves to the next question.
    type_text(&mut app, "9");
    assert_eq!(app.drill().unwrap().answer, exact);
    send(&mut app, &[KeyCode::Enter]);
    let d = app.drill().unwrap();
    assert_eq!(
        (d.index, d.answer.as_str(), d.feedback.is_none()),
        (1, "", true)
    );
    // Leaving shows the session's summary first: one answer, exact, 100 points; Enter goes
    // back to the question, Esc twice leaves.
    send(&mut app, &[KeyCode::Esc]);
    let d = app
        .drill()
        .expect("still on the drill, its summary in front");
    assert!(d.leaving);
    let screen = draw(&app, 100, 30);
    assert!(
        screen.contains(
            "This session: 1 question answered, 100 points on average; 1 of 1 within 2× of napkin."
        ),
        "{screen}"
    );
    send(&mut app, &[KeyCode::Enter]);
    assert!(!app.drill().unwrap().leaving, "Enter goes on drilling");
    send(&mut app, &[KeyCode::Esc, KeyCode::Esc]);
    assert!(matches!(app.screen, Screen::Picker(_)));
}

#[test]
fn napkin_drill_alone_quits_on_leaving_and_a_session_without_answers_leaves_at_once() {
    let mut app = App::new(None, false);
    app.start_drill_alone(napkin::drill::session::Options {
        seed: Some(4),
        count: 10,
        ..Default::default()
    });
    // Nothing answered: no summary to show, and no picker under `napkin drill`.
    send(&mut app, &[KeyCode::Esc]);
    assert!(app.quit, "Esc from `napkin drill` quits");
}

#[test]
fn on_the_drill_screen_question_mark_is_help_and_ctrl_r_reveals() {
    let mut app = drill_app(None);
    type_text(&mut app, "?");
    assert!(app.help, "? opens help");
    assert_eq!(app.drill().unwrap().answer, "", "and types nothing");
    let screen = draw(&app, 100, 30);
    assert!(screen.contains("Ctrl-R"), "{screen}");
    assert!(screen.contains("or a 90% interval lo..hi"), "{screen}");
    send(&mut app, &[KeyCode::Esc]);
    assert!(!app.help);
    // The hint bar carries the scroll keys as one hint.
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("↑↓  scroll"), "{screen}");
    ctrl(&mut app, 'r');
    let lines = app.drill().unwrap().feedback.clone().expect("revealed");
    assert_eq!(lines[0].text, "Revealed (not scored).");
}

#[test]
fn a_long_unit_error_shows_whole_at_80x24() {
    let mut app = drill_app(None);
    type_text(&mut app, "50 parsecs");
    send(&mut app, &[KeyCode::Enter]);
    let error = app.drill().unwrap().error.clone().expect("not read");
    let screen = draw(&app, 80, 24);
    // Every word of the message is on the screen (wrapped in the feedback panel).
    let flat: String = screen
        .lines()
        .map(|l| l.trim_matches(|c| c == '│' || c == ' '))
        .collect::<Vec<_>>()
        .join(" ");
    for word in error.split_whitespace() {
        assert!(flat.contains(word), "{word} of {error}:\n{screen}");
    }
}

#[test]
fn on_the_drill_screen_an_answer_not_saved_is_said_and_the_drill_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    // A device (/dev/full) and a file where the history's directory belongs (unwritable, for
    // root too).
    let full = dir.path().join("full.jsonl");
    let blocked = dir.path().join("blocked");
    std::fs::write(&blocked, "a file").unwrap();
    let mut cases = vec![(blocked.join("history.jsonl"), "cannot create the directory")];
    if std::path::Path::new("/dev/full").exists() {
        std::os::unix::fs::symlink("/dev/full", &full).unwrap();
        cases.push((full, "not a regular file"));
    }
    // A FIFO and a link to /dev/zero take any write and keep nothing: refused, not said saved.
    let fifo = dir.path().join("fifo.jsonl");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        cases.push((fifo, "not a regular file"));
    }
    let zero = dir.path().join("zero.jsonl");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    cases.push((zero, "not a regular file"));
    for (path, reason) in cases {
        let mut app = drill_app(Some(path));
        let q = app.drill().unwrap().question().unwrap().clone();
        type_text(&mut app, &answer_text(&q, q.truth));
        send(&mut app, &[KeyCode::Enter]);
        let d = app.drill().unwrap();
        assert!(d.feedback.is_some(), "the answer is judged");
        let error = d.error.as_deref().unwrap_or_default();
        assert!(
            error.contains("could not save this answer") && error.contains(reason),
            "{error}"
        );
        send(&mut app, &[KeyCode::Enter]);
        assert_eq!(app.drill().unwrap().index, 1, "on to the next question");
    }
}

#[test]
fn an_unreadable_answer_is_said_and_kept() {
    let mut app = drill_app(None);
    type_text(&mut app, "lots");
    send(&mut app, &[KeyCode::Enter]);
    let d = app.drill().unwrap();
    assert!(d.feedback.is_none());
    assert!(
        d.error.as_deref().is_some_and(
            |e| e.contains("not a count suffix") || e.contains("does not start with a number")
        ),
        "{:?}",
        d.error
    );
    assert_eq!(d.answer, "lots");
}

#[test]
fn d_opens_the_drill_from_the_picker_and_a_scenario() {
    let mut app = App::new(None, false);
    send(&mut app, &[KeyCode::Char('d')]);
    assert!(matches!(app.screen, Screen::Drill { .. }));
    send(&mut app, &[KeyCode::Esc]);
    assert!(matches!(app.screen, Screen::Picker(_)));
    let mut app = app_on("similar-listings");
    send(&mut app, &[KeyCode::Char('d')]);
    assert!(matches!(app.screen, Screen::Drill { .. }));
    assert_eq!(
        app.drill().unwrap().question().unwrap().case,
        "similar-listings",
        "drills on the open case study"
    );
    send(&mut app, &[KeyCode::Esc]);
    assert!(matches!(app.screen, Screen::Scenario(_)));
}

#[test]
fn drill_snapshots() {
    let mut app = drill_app(None);
    insta::assert_snapshot!("drill_question_100x30", draw(&app, 100, 30));
    let q = app.drill().unwrap().question().unwrap().clone();
    type_text(&mut app, &answer_text(&q, q.truth * 2.0));
    send(&mut app, &[KeyCode::Enter]);
    insta::assert_snapshot!("drill_feedback_100x30", draw(&app, 100, 30));
}

#[test]
fn quitting_with_unwritten_edits_asks_once_more() {
    let mut app = app_on("twitter");
    retype(&mut app, "traffic.dau", "300M");
    send(&mut app, &[KeyCode::Enter, KeyCode::Char('q')]);
    assert!(!app.quit);
    assert!(app.status.contains("not written"), "{}", app.status);
    // Anything else in between disarms it.
    send(&mut app, &[KeyCode::Char('j'), KeyCode::Char('q')]);
    assert!(!app.quit);
    send(&mut app, &[KeyCode::Esc]);
    assert!(app.quit);
}

#[test]
fn esc_clears_a_kept_filter_before_quitting() {
    let mut app = App::new(None, false);
    send(&mut app, &[KeyCode::Char('/')]);
    type_text(&mut app, "video");
    send(&mut app, &[KeyCode::Enter, KeyCode::Esc]);
    assert!(!app.quit && app.picker().unwrap().filter.is_empty());
    send(&mut app, &[KeyCode::Esc]);
    assert!(app.quit);
}

#[test]
fn leaving_for_the_presets_with_unwritten_edits_asks_once_more() {
    let mut app = app_on("twitter");
    retype(&mut app, "traffic.dau", "300M");
    send(&mut app, &[KeyCode::Enter, KeyCode::Char('p')]);
    assert!(matches!(app.screen, Screen::Scenario(_)));
    assert!(app.status.contains("p again"), "{}", app.status);
    send(&mut app, &[KeyCode::Char('p')]);
    assert!(matches!(app.screen, Screen::Picker(_)));
}

#[test]
fn d_drills_on_a_scenario_opened_from_a_file() {
    let text = "[meta]\nid = \"mine\"\ntitle = \"Mine\"\n[traffic]\ndau = \"10M\"\nrequests_per_user_per_day = 4\n";
    let mut app = App::new(None, false);
    app.open(text.to_string(), load_str(text, "/tmp/mine.toml").unwrap());
    send(&mut app, &[KeyCode::Char('d')]);
    let q = app
        .drill()
        .unwrap()
        .question()
        .expect("a question from the open file");
    assert_eq!(q.case, "mine");
    assert_eq!(q.skill, napkin::drill::question::Skill::Qps);
}

/// The value of output `id`.
fn output(app: &App, id: &str) -> f64 {
    work(app)
        .report
        .output(id)
        .unwrap_or_else(|| panic!("no output {id}"))
        .value
}

/// The drawn lines of a frame, for finding where on a line something is.
fn lines(screen: &str) -> Vec<String> {
    screen
        .lines()
        .map(|l| l.trim_matches('"').to_string())
        .collect()
}

/// The column (in characters) just past `text` on the line that holds `on` and `text`.
fn end_of(screen: &str, on: &str, text: &str) -> usize {
    let line = lines(screen)
        .into_iter()
        .find(|l| l.contains(on) && l.contains(text))
        .unwrap_or_else(|| panic!("no line with {on:?} and {text:?}:\n{screen}"));
    let at = line.rfind(text).unwrap() + text.len();
    line[..at].chars().count()
}

#[test]
fn tab_cycles_all_four_panels() {
    let mut app = app_on("twitter");
    let mut seen = vec![scenario(&app).focus];
    for _ in 0..4 {
        send(&mut app, &[KeyCode::Tab]);
        seen.push(scenario(&app).focus);
    }
    use Focus::*;
    assert_eq!(seen, [Inputs, Results, How, Pictures, Inputs]);
    send(&mut app, &[KeyCode::BackTab]);
    assert_eq!(scenario(&app).focus, Pictures);
}

#[test]
fn the_how_panel_scrolls_when_focused() {
    let mut app = app_on("video-recommendation");
    // Peak QPS has three steps and reads four inputs: more than the How panel holds at 80×24.
    send(&mut app, &[KeyCode::Tab, KeyCode::Char('j'), KeyCode::Tab]);
    assert_eq!(scenario(&app).focus, Focus::How);
    let before = draw(&app, 80, 24);
    assert!(before.contains("1 1B DAU × 5 req/user/day"), "{before}");
    send(&mut app, &[KeyCode::Char('j'), KeyCode::Char('j')]);
    let after = draw(&app, 80, 24);
    assert!(!after.contains("1 1B DAU × 5 req/user/day"), "{after}");
    assert!(after.contains("3 57.9k/s average"), "{after}");
    // Scrolling past the end stops at the end: one key back up shows one more line at the top.
    send(&mut app, &[KeyCode::PageDown, KeyCode::PageDown]);
    let bottom = draw(&app, 80, 24);
    send(&mut app, &[KeyCode::PageDown, KeyCode::Char('k')]);
    assert_ne!(draw(&app, 80, 24), bottom, "k moves up straight away");
    send(&mut app, &[KeyCode::PageUp, KeyCode::PageUp]);
    assert_eq!(draw(&app, 80, 24), before);
}

#[test]
fn the_pictures_panel_scrolls_to_the_waterfall_and_its_ms_labels() {
    let mut app = app_on("video-recommendation");
    for _ in 0..3 {
        send(&mut app, &[KeyCode::Tab]);
    }
    assert_eq!(scenario(&app).focus, Focus::Pictures);
    let before = draw(&app, 80, 24);
    assert!(!before.contains("Latency"), "{before}");
    // Line by line down to the waterfall (how far depends on the panel's height).
    let (mut after, mut title_seen) = (before.clone(), false);
    for _ in 0..40 {
        // Overhead 20 ms + candidates 30 ms + ranking 50 ms + re-ranking 10 ms = 110 ms of 200.
        title_seen |= after.contains("Latency 110 ms of 200");
        if after.contains("50 ms│") {
            break;
        }
        send(&mut app, &[KeyCode::Char('j')]);
        after = draw(&app, 80, 24);
    }
    assert!(title_seen, "the waterfall's title scrolled by:\n{after}");
    assert!(
        after.contains("50 ms│"),
        "ranking's 50 ms ends its line:\n{after}"
    );
}

#[test]
fn the_waterfall_carries_ms_labels_and_pictures_keep_whole_labels() {
    let app = app_on("video-recommendation");
    let screen = draw(&app, 160, 48);
    // Overhead 20 ms + candidates 30 ms + ranking 50 ms + re-ranking 10 ms = 110 ms.
    assert!(screen.contains("Latency 110 ms of 200 ms"), "{screen}");
    for (stage, time) in [
        ("overhead", "20 ms"),
        ("candidate_generation", "30 ms"),
        ("ranking", "50 ms"),
        ("re_ranking", "10 ms"),
    ] {
        assert!(
            lines(&screen)
                .iter()
                .any(|l| l.contains(&format!("│{stage} ")) && l.contains(&format!("┃ {time}│"))),
            "{stage} {time}:\n{screen}"
        );
    }
    // The axis: 0 ms at the start, the budget at the end.
    assert!(screen.contains(" 0 ms "), "{screen}");
    // Labels whole where the panel has room (they were "candidate_ge" and "videos.retai").
    let pictures: Vec<String> = lines(&screen)
        .into_iter()
        .filter(|l| l.contains('█') || l.contains('▏'))
        .collect();
    for label in [
        "candidate_generation ",
        "videos retained growth ",
        "re_ranking ",
    ] {
        assert!(
            pictures.iter().any(|l| l.contains(label)),
            "{label}:\n{screen}"
        );
    }
}

#[test]
fn the_lean_form_folds_inputs_not_in_use_and_a_shows_them_dimmed() {
    let mut app = app_on("video-recommendation");
    let w = work(&app);
    let row = |path: &str| w.rows.iter().position(|r| r.path == path).unwrap();
    let (hnsw_m, degree, qps, nlist) = (
        row("index.hnsw_m"),
        row("index.degree"),
        row("traffic.qps"),
        row("index.nlist"),
    );
    let s = scenario(&app);
    // Under ivf_pq, HNSW's M and DiskANN's degree are defaults nothing reads; qps has no value.
    assert!(!s.shown(hnsw_m) && !s.shown(degree) && !s.shown(qps));
    assert!(s.shown(nlist), "written in the file");
    assert!(!draw(&app, 120, 60).contains("hnsw_m"));
    // j walks past the folded rows: from kind (written) to nlist (written), not to hnsw_m.
    select(&mut app, "index.kind");
    send(&mut app, &[KeyCode::Char('j')]);
    assert_eq!(work(&app).selected, nlist);

    send(&mut app, &[KeyCode::Char('a')]);
    assert!(scenario(&app).all_inputs && scenario(&app).shown(hnsw_m));
    select(&mut app, "index.hnsw_m");
    let mut terminal = Terminal::new(TestBackend::new(120, 60)).unwrap();
    terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
    let screen = terminal.backend().to_string();
    assert!(
        screen.contains("Not used by the estimate as it stands:")
            && screen.contains("HNSW links per node M"),
        "{screen}"
    );
    // Not the selected row: degree is drawn dim.
    let buf = terminal.backend().buffer();
    let (x, y) = (0..buf.area.height)
        .flat_map(|y| (0..buf.area.width).map(move |x| (x, y)))
        .find(|&(x, y)| {
            (0..6).all(|i| {
                buf.cell((x + i, y))
                    .is_some_and(|c| c.symbol() == &"degree"[i as usize..=i as usize])
            })
        })
        .expect("degree is in the form");
    assert!(
        buf[(x, y)].modifier.contains(ratatui::style::Modifier::DIM),
        "degree is dimmed"
    );
    // a again folds; the selection on a folded row moves to the next row shown.
    send(&mut app, &[KeyCode::Char('a')]);
    assert!(!scenario(&app).all_inputs);
    assert!(!scenario(&app).shown(degree) && !scenario(&app).shown(hnsw_m));
    assert_eq!(work(&app).selected, nlist, "the row after hnsw_m");
}

#[test]
fn choice_fields_cycle_with_left_and_right() {
    let mut app = app_on("video-recommendation");
    // ivf_pq: a 32-byte PQ code + an 8-byte id = 40 B per vector.
    assert_eq!(output(&app, "index.bytes_per_vector"), 40.0);
    select(&mut app, "index.kind");
    // flat, ivf_flat, ivf_sq8, ivf_pq, hnsw, diskann: → after ivf_pq is hnsw.
    send(&mut app, &[KeyCode::Right]);
    assert_eq!(work(&app).edits[&p("index.kind")], "hnsw");
    // HNSW, M = 32 by default: 256 × 4 B data + 8 × 32 level-0 links + 4 × 32 ÷ 31 upper links
    // + 12 B = 1,024 + 256 + 4.13 + 12 = 1,296.13 B.
    assert!((output(&app, "index.bytes_per_vector") - 1_296.129).abs() < 0.001);
    // Now HNSW's M is read, so the lean form shows it.
    let hnsw_m = work(&app)
        .rows
        .iter()
        .position(|r| r.path == "index.hnsw_m")
        .unwrap();
    assert!(scenario(&app).shown(hnsw_m));
    // ← goes back; at the preset's own value the edit is gone.
    send(&mut app, &[KeyCode::Left]);
    assert!(work(&app).edits.is_empty());
    assert_eq!(output(&app, "index.bytes_per_vector"), 40.0);
    // Cycling wraps: ← from flat is diskann.
    send(
        &mut app,
        &[KeyCode::Left, KeyCode::Left, KeyCode::Left, KeyCode::Left],
    );
    assert_eq!(work(&app).edits[&p("index.kind")], "diskann");
    // A true/false field cycles too.
    select(&mut app, "stage.candidate_generation.index");
    send(&mut app, &[KeyCode::Right]);
    assert_eq!(
        work(&app).edits[&p("stage.candidate_generation.index")],
        "false"
    );
    // On a number, ← and → change nothing and say what they are for.
    select(&mut app, "traffic.dau");
    send(&mut app, &[KeyCode::Right]);
    assert!(!work(&app).edits.contains_key(&p("traffic.dau")));
    assert!(app.status.contains("choice fields"), "{}", app.status);
}

#[test]
fn results_values_and_napkin_values_are_right_aligned_columns() {
    let app = app_on("video-recommendation");
    let screen = draw(&app, 120, 36);
    // 57.9k/s (≈60k/s) and 116k/s (≈100k/s): each column ends at one place.
    assert_eq!(
        end_of(&screen, "Average QPS", "57.9k/s"),
        end_of(&screen, "Peak QPS", "116k/s")
    );
    assert_eq!(
        end_of(&screen, "Average QPS", "≈60k/s"),
        end_of(&screen, "Peak QPS", "≈100k/s")
    );
    // A value whose napkin value is the same keeps the value column: 1.5 EB ends with 116k/s.
    assert_eq!(
        end_of(&screen, "Storage: videos", "1.5 EB"),
        end_of(&screen, "Peak QPS", "116k/s")
    );
}

#[test]
fn a_status_message_clears_on_the_next_key() {
    let mut app = app_on("twitter");
    select(&mut app, "traffic.dau");
    send(&mut app, &[KeyCode::Char('r')]);
    assert!(app.status.contains("already has the preset's value"));
    send(&mut app, &[KeyCode::Char('j')]);
    assert_eq!(app.status, "");
}

#[test]
fn q_after_a_warning_about_p_still_asks() {
    let mut app = app_on("twitter");
    retype(&mut app, "traffic.dau", "300M");
    send(&mut app, &[KeyCode::Enter, KeyCode::Char('p')]);
    assert!(app.status.contains("p again"), "{}", app.status);
    // Another way out is another question, not a way through.
    send(&mut app, &[KeyCode::Char('q')]);
    assert!(!app.quit);
    assert!(
        app.status.contains("Ctrl-C, q or Esc again quits"),
        "{}",
        app.status
    );
    send(&mut app, &[KeyCode::Char('q')]);
    assert!(app.quit);
}

#[test]
fn ctrl_c_quits_and_asks_first_about_unwritten_edits() {
    let mut app = App::new(None, false);
    ctrl(&mut app, 'c');
    assert!(app.quit, "from the list");

    let mut app = app_on("twitter");
    // While a value is typed, q is a letter but Ctrl-C still quits, asking first.
    retype(&mut app, "traffic.dau", "300M");
    ctrl(&mut app, 'c');
    assert!(!app.quit);
    assert!(app.status.contains("Ctrl-C again quits"), "{}", app.status);
    assert_eq!(work(&app).edits[&p("traffic.dau")], "300M", "nothing typed");
    ctrl(&mut app, 'c');
    assert!(app.quit);

    // From the drill over an edited scenario, too.
    let mut app = app_on("twitter");
    retype(&mut app, "traffic.dau", "300M");
    send(&mut app, &[KeyCode::Enter, KeyCode::Char('d')]);
    assert!(app.drill().is_some());
    ctrl(&mut app, 'c');
    assert!(
        !app.quit,
        "the scenario under the drill has unwritten edits"
    );
    ctrl(&mut app, 'c');
    assert!(app.quit);
}

#[test]
fn d_drills_on_the_scenario_as_edited() {
    let text = "[meta]\nid = \"mine\"\ntitle = \"Mine\"\n[traffic]\ndau = \"10M\"\nrequests_per_user_per_day = 4\n";
    let mut app = App::new(None, false);
    app.open(text.to_string(), load_str(text, "/tmp/mine.toml").unwrap());
    retype(&mut app, "traffic.dau", "100B");
    send(&mut app, &[KeyCode::Enter, KeyCode::Char('d')]);
    let q = app.drill().unwrap().question().expect("a question").clone();
    assert_eq!(q.case, "mine");
    // A drill moves inputs at most 3× from the scenario's, and the default peak factor 2 at
    // most to 6. As written, the fastest rate is 10M × 3 × 12 ÷ 86,400 × 6 ≈ 25k/s; as edited,
    // the slowest is 100B ÷ 3 × 4 ÷ 3 ÷ 86,400 ≈ 514k/s.
    assert!(q.truth > 100_000.0, "{} from {}", q.truth, q.prompt);
    // Esc goes back to the scenario, edits and all.
    send(&mut app, &[KeyCode::Esc]);
    assert_eq!(work(&app).edits[&p("traffic.dau")], "100B");

    // With a field invalid, there is no scenario to drill on.
    retype(&mut app, "traffic.dau", "lots");
    send(&mut app, &[KeyCode::Enter, KeyCode::Char('d')]);
    assert!(app.drill().is_none());
    assert!(app.status.contains("fix the fields"), "{}", app.status);
}

#[test]
fn reference_and_help_are_readable_at_80x24() {
    let mut app = app_on("video-recommendation");
    send(&mut app, &[KeyCode::Char('t')]);
    let reference = draw(&app, 80, 24);
    insta::assert_snapshot!("reference_80x24", reference);
    // Every operation whole.
    for op in reference::LATENCY.iter().map(|l| l.0) {
        assert!(reference.contains(op), "{op}:\n{reference}");
    }
    // The left column scrolls to every accelerator and model; Tab moves to the right column,
    // which scrolls to the availability table. The titles say where more is.
    assert!(reference.contains("models (↓ more)"), "{reference}");
    let mut left = String::new();
    for _ in 0..40 {
        left.push_str(&draw(&app, 80, 24));
        send(&mut app, &[KeyCode::Down]);
    }
    for name in ["T4", "H100-SXM", "TPU v6e", "llama-3.1-405b"] {
        assert!(left.contains(&format!("│{name} ")), "{name}:\n{left}");
    }
    assert!(draw(&app, 80, 24).contains("models (↑ back)"));
    send(&mut app, &[KeyCode::Tab]);
    send(&mut app, &[KeyCode::PageDown, KeyCode::PageDown]);
    let reference = draw(&app, 80, 24);
    // 2^60 and the constants of a day, a month and a year, exact.
    for text in ["1 EiB", "86,400", "2,628,000", "31,536,000"] {
        assert!(left.contains(text) || reference.contains(text), "{text}");
    }
    // Each availability with its nines.
    for (nines, per_year) in [
        // (1 − a) × 365 d: 3.65 d, 8.76 h, 52.6 min, 5.26 min, 31.5 s.
        ("99%", "3.65 d"),
        ("99.9%", "8.76 h"),
        ("99.99%", "52.6 min"),
        ("99.999%", "5.26 min"),
        ("99.9999%", "31.5 s"),
    ] {
        assert!(
            lines(&reference)
                .iter()
                .any(|l| l.contains(&format!("│{nines} ")) && l.contains(per_year)),
            "{nines}:\n{reference}"
        );
    }
    send(&mut app, &[KeyCode::Char('t'), KeyCode::Char('?')]);
    let top = draw(&app, 80, 24);
    insta::assert_snapshot!("help_80x24", top);
    // Taller than the screen: it says so, and ↓ scrolls to the rest.
    assert!(top.contains("↓ more"), "{top}");
    send(
        &mut app,
        &[KeyCode::Down, KeyCode::Down, KeyCode::Down, KeyCode::Down],
    );
    let bottom = draw(&app, 80, 24);
    assert!(bottom.contains("↑ back"), "{bottom}");
    let help = format!("{top}\n{bottom}");
    // Grouped by where the keys apply, each key's help whole.
    for text in [
        "inputs",
        "editing a value",
        "scenario",
        "anywhere",
        "Ctrl-C",
        "reset to the preset",
        "previous panel",
        "move down, or scroll",
    ] {
        assert!(help.contains(text), "{text}:\n{help}");
    }
}

#[test]
fn a_long_value_being_typed_scrolls_inside_the_field() {
    let mut app = app_on("twitter");
    retype(
        &mut app,
        "traffic.dau",
        "1000000000000000000000000000000000000000123",
    );
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("│E dau …000000"), "{screen}");
    assert!(screen.contains("0000123▏│"), "{screen}");
    assert!(screen.contains("dau"), "the label stays:\n{screen}");
}

#[test]
fn a_too_small_screen_says_how_to_quit_in_every_mode() {
    let mut app = App::new(None, false);
    assert!(draw(&app, 40, 10).contains("Ctrl-C or q quits"));
    let mut app_editing = app_on("twitter");
    retype(&mut app_editing, "traffic.dau", "2");
    let screen = draw(&app_editing, 40, 10);
    assert!(
        screen.contains("Ctrl-C quits") && !screen.contains(" q quits"),
        "{screen}"
    );
    // q there is typed into the field.
    type_text(&mut app_editing, "q");
    assert!(!app_editing.quit);
    assert_eq!(work(&app_editing).edits[&p("traffic.dau")], "2q");
    send(&mut app, &[KeyCode::Char('?')]);
    assert!(draw(&app, 40, 10).contains("Ctrl-C quits"), "from the help");
    let app = drill_app(None);
    assert!(
        draw(&app, 40, 10).contains("Ctrl-C quits"),
        "from the drill"
    );
}

#[test]
fn fractions_show_as_percentages() {
    let mut app = app_on("video-recommendation");
    let screen = draw(&app, 120, 60);
    // memory_headroom = 0.7 and shard_fast_probability = 0.99 in the preset.
    assert!(
        lines(&screen)
            .iter()
            .any(|l| l.contains("memory_headroom") && l.contains(" 70%│")),
        "{screen}"
    );
    assert!(
        lines(&screen)
            .iter()
            .any(|l| l.contains("shard_fast_probability") && l.contains(" 99%│")),
        "{screen}"
    );
    // Editing starts from the percentage, and it reads back as the same fraction: no edit.
    select(&mut app, "index.memory_headroom");
    send(&mut app, &[KeyCode::Enter]);
    assert_eq!(work(&app).editing.as_deref(), Some("70%"));
    send(&mut app, &[KeyCode::Enter]);
    assert!(work(&app).edits.is_empty());
}

#[test]
fn feedback_lines_are_styled_by_kind() {
    let mut app = drill_app(None);
    let q = app.drill().unwrap().question().unwrap().clone();
    // Ten times the truth: 1 dex high, no step matches, so a "Likely slip" line follows.
    type_text(&mut app, &answer_text(&q, q.truth * 10.0));
    send(&mut app, &[KeyCode::Enter]);
    let feedback = app.drill().unwrap().feedback.clone().unwrap();
    let kinds: Vec<LineKind> = feedback.iter().map(|l| l.kind).collect();
    assert_eq!(kinds[..2], [LineKind::You, LineKind::Answer]);
    assert!(kinds.contains(&LineKind::Slip), "{feedback:?}");
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
    let buf = terminal.backend().buffer();
    let bold_at = |text: &str| {
        let y = (0..buf.area.height)
            .find(|&y| {
                let row: String = (0..buf.area.width)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect();
                row.contains(text)
            })
            .unwrap_or_else(|| panic!("{text} is not on the screen"));
        let x = (0..buf.area.width)
            .find(|&x| buf[(x, y)].symbol() == &text[..1])
            .unwrap();
        buf[(x, y)]
            .modifier
            .contains(ratatui::style::Modifier::BOLD)
    };
    // Without colour, warnings and the verdict are bold; the steps are plain.
    assert!(bold_at("Likely slip"));
    assert!(bold_at("You:"));
    assert!(!bold_at("  1  "));
}

#[test]
fn a_message_shows_before_a_field_error_until_the_next_key() {
    let mut app = app_on("twitter");
    retype(&mut app, "traffic.dau", "300Mq");
    send(&mut app, &[KeyCode::Enter, KeyCode::Char('w')]);
    // The refusal shows, not the field's error it is about.
    let screen = draw(&app, 120, 36);
    assert!(
        screen.contains("fix the fields marked invalid before writing"),
        "{screen}"
    );
    send(&mut app, &[KeyCode::Char('k')]);
    let screen = draw(&app, 120, 36);
    assert!(!screen.contains("before writing"), "{screen}");
    // DAU is still selected: its error is on the status line again.
    assert!(screen.contains("traffic.dau: \"Mq\""), "{screen}");
}

#[test]
fn each_input_is_marked_with_its_source() {
    let mut app = app_on("twitter");
    retype(&mut app, "traffic.dau", "300M");
    send(&mut app, &[KeyCode::Enter]);
    let screen = draw(&app, 120, 40);
    // Twitter: 2 tweets a user a day from the book, 204 B a request worked out from the book's
    // numbers, the response size assumed, an unwritten default, and the DAU just edited.
    for (mark, key) in [
        ("B", "requests_per_user_per_day"),
        ("D", "request_size"),
        ("A", "response_size"),
        ("·", "hardware"),
        ("E", "dau"),
    ] {
        assert!(
            screen.contains(&format!("│{mark} {key} ")),
            "{mark} {key}:\n{screen}"
        );
    }
}

#[test]
fn in_the_drill_ctrl_r_reveals_and_an_empty_answer_skips() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("history.jsonl");
    let mut app = drill_app(Some(path.clone()));
    let q = app.drill().unwrap().question().unwrap().clone();
    ctrl(&mut app, 'r');
    let d = app.drill().unwrap();
    let lines = d.feedback.clone().expect("the answer is shown");
    let kinds: Vec<LineKind> = lines.iter().map(|l| l.kind).collect();
    assert_eq!(
        kinds[..3],
        [LineKind::Note, LineKind::Answer, LineKind::Working]
    );
    assert_eq!(lines[0].text, "Revealed (not scored).");
    // The same text the plain session prints for ?.
    assert_eq!(
        napkin::drill::feedback::plain(&lines),
        napkin::drill::coach::reveal(&q)
    );
    assert!(d.recent.is_empty(), "not scored");
    assert!(!path.exists(), "nothing kept");
    // Enter moves on; an empty answer then skips that question too.
    send(&mut app, &[KeyCode::Enter, KeyCode::Enter]);
    let d = app.drill().unwrap();
    assert_eq!((d.index, d.feedback.is_none()), (2, true));
}

#[test]
fn the_drill_feedback_scrolls_with_the_arrows() {
    let mut app = drill_app(None);
    let q = app.drill().unwrap().question().unwrap().clone();
    type_text(&mut app, &answer_text(&q, q.truth * 2.0));
    send(&mut app, &[KeyCode::Enter]);
    // At 80×20 the feedback panel holds two lines of the six or more there are.
    let before = draw(&app, 80, 20);
    assert!(before.contains("│You: "), "{before}");
    send(&mut app, &[KeyCode::Down, KeyCode::Down]);
    let after = draw(&app, 80, 20);
    assert!(
        !after.contains("│You: ") && after.contains("│Working:"),
        "{after}"
    );
    send(&mut app, &[KeyCode::Up, KeyCode::Up]);
    assert_eq!(draw(&app, 80, 20), before);
    // The next question starts at the top again.
    send(&mut app, &[KeyCode::Down, KeyCode::Enter]);
    assert_eq!(app.drill().unwrap().scroll.offset, 0);
}

/// The ML pictures: a training run against its interval, the tables against the devices' memory.
#[test]
fn ml_pictures_compare_a_run_with_its_interval_and_tables_with_device_memory() {
    let p = napkin::presets::builtin()
        .into_iter()
        .find(|p| p.id == "video-recommendation")
        .unwrap();
    let s = p.load().unwrap();
    let r = napkin::report::Report::build(&s, napkin::units::Style::Decimal).unwrap();
    let charts = napkin::tui::ml_pictures::charts(&r, &s);
    let training = &charts[0].1;
    // 701.1 s a run (134,615 s ÷ 192) against 86,400 s between runs.
    assert!((training[0].1 - 701.1).abs() < 0.1, "{training:?}");
    assert_eq!(training[1].1, 86_400.0);
    let tables = &charts[1].1;
    // videos 10.28 TB, users 1.028 TB, against 192 × 80 GB × 0.8 = 12.288 TB usable.
    assert_eq!(tables.len(), 3);
    assert_eq!(tables[2].0, "192 devices");
    assert!((tables[2].1 - 1.2288e13).abs() < 1.0);
    let (_, devices) = napkin::tui::ml_pictures::accelerator_lines();
    assert!(
        devices
            .iter()
            .any(|l| l.starts_with("H100-SXM") && l.contains("989T/s BF16"))
    );
    // On the screen, the charts follow the waterfall, and the reference tab lists the devices.
    let mut app = app_on("video-recommendation");
    let screen = draw(&app, 160, 48);
    assert!(
        screen.contains("Training run vs retrain interval"),
        "{screen}"
    );
    send(&mut app, &[KeyCode::Char('t')]);
    let screen = draw(&app, 160, 48);
    assert!(screen.contains("Accelerators, dense peak"), "{screen}");
    assert!(screen.contains("H100-SXM"), "{screen}");
}

#[test]
fn an_index_output_selected_shows_the_index_by_engine() {
    let mut app = app_on("video-recommendation");
    assert!(!draw(&app, 160, 48).contains("Index memory by engine"));
    // Select the first index output in the results.
    send(&mut app, &[KeyCode::Tab]);
    let first_index = work(&app)
        .report
        .outputs
        .iter()
        .position(|o| o.section() == napkin::estimate::Section::Index)
        .unwrap();
    for _ in 0..first_index {
        send(&mut app, &[KeyCode::Char('j')]);
    }
    assert_eq!(work(&app).selected_output, first_index);
    let screen = draw(&app, 160, 48);
    assert!(screen.contains("Index memory by engine"), "{screen}");
    // Video recommendation's index is IVF-PQ, which Faiss, Milvus and OpenSearch document.
    for engine in ["Faiss", "Milvus", "OpenSearch"] {
        assert!(
            lines(&screen)
                .iter()
                .any(|l| l.contains(engine) && (l.contains('█') || l.contains('▏'))),
            "{engine}:\n{screen}"
        );
    }
}

/// Turns guess mode on and selects output `id` in the results.
fn guess_at(app: &mut App, id: &str) {
    send(app, &[KeyCode::Char('g')]);
    let w = &mut app.scenario_mut().expect("a scenario is open").work;
    w.selected_output = w
        .report
        .outputs
        .iter()
        .position(|o| o.id == id)
        .unwrap_or_else(|| panic!("no output {id}"));
}

/// The value `id` shows in the results, as the results write it.
fn shown_value(app: &App, id: &str) -> String {
    let r = &work(app).report;
    let o = r.output(id).unwrap();
    r.human(o.value, o.kind)
}

#[test]
fn guess_mode_hides_every_result_pictures_and_working() {
    let mut app = app_on("video-recommendation");
    let avg = shown_value(&app, "traffic.avg_qps");
    let peak = shown_value(&app, "traffic.peak_qps");
    assert!(draw(&app, 120, 36).contains(&peak));
    guess_at(&mut app, "traffic.peak_qps");
    let s = scenario(&app);
    assert!(s.guess.is_some());
    assert_eq!(s.focus, Focus::Results, "g moves to the results");
    let screen = draw(&app, 120, 36);
    assert!(!screen.contains(&avg), "{screen}");
    assert!(!screen.contains(&peak), "{screen}");
    assert!(screen.contains("guess mode: 0 of"), "{screen}");
    // The How panel asks instead of working it out; the pictures wait.
    assert!(screen.contains("Guess: "), "{screen}");
    assert!(!screen.contains("How: "), "{screen}");
    assert!(screen.contains("Hidden in guess mode"), "{screen}");
    // g again leaves guess mode: every value shows again.
    send(&mut app, &[KeyCode::Char('g')]);
    assert!(scenario(&app).guess.is_none());
    let screen = draw(&app, 120, 36);
    assert!(screen.contains(&peak), "{screen}");
    assert!(screen.contains("How: "), "{screen}");
}

#[test]
fn a_guess_reveals_its_result_with_score_and_working() {
    let mut app = app_on("video-recommendation");
    guess_at(&mut app, "traffic.avg_qps");
    send(&mut app, &[KeyCode::Enter]);
    assert!(scenario(&app).guessing());
    type_text(&mut app, "100k/s");
    send(&mut app, &[KeyCode::Enter]);
    let g = scenario(&app).guess.as_ref().unwrap();
    assert!(g.answer.is_none(), "the answer field closes");
    // avg = 1B × 5 ÷ 86,400 = 57,870.37/s; 100k ÷ 57,870.37 = 86,400 × 10^5 ÷ (5 × 10^9) = 1.728;
    // log10 1.728 = 0.23754, so 100 × (1 − 0.23754) = 76.25 points.
    let points = g.revealed[&id("traffic.avg_qps")].points.unwrap();
    assert!((points - 76.25).abs() < 0.01, "{points}");
    assert!(!g.shows(&id("traffic.peak_qps")), "the others stay hidden");
    let screen = draw(&app, 120, 36);
    assert!(screen.contains("76 pts"), "{screen}");
    assert!(
        screen.contains(&shown_value(&app, "traffic.avg_qps")),
        "{screen}"
    );
    assert!(screen.contains("You: 100k/s"), "{screen}");
    assert!(screen.contains("Working:"), "{screen}");
    assert!(
        !screen.contains(&shown_value(&app, "traffic.peak_qps")),
        "{screen}"
    );
    // Revealed stays revealed: Enter on it again does not reopen the field.
    send(&mut app, &[KeyCode::Enter]);
    assert!(!scenario(&app).guessing());
    assert!(app.status.contains("revealed already"), "{}", app.status);
}

#[test]
fn a_unit_error_in_a_guess_asks_again_without_revealing() {
    let mut app = app_on("video-recommendation");
    let avg = shown_value(&app, "traffic.avg_qps");
    guess_at(&mut app, "traffic.avg_qps");
    send(&mut app, &[KeyCode::Enter]);
    // A size for a rate: not judged, asked again.
    type_text(&mut app, "100 GB");
    send(&mut app, &[KeyCode::Enter]);
    let g = scenario(&app).guess.as_ref().unwrap();
    assert!(g.revealed.is_empty());
    assert_eq!(g.answer.as_deref(), Some("100 GB"), "the field stays open");
    assert!(
        g.error.as_deref().unwrap().contains("Unit error"),
        "{:?}",
        g.error
    );
    let screen = draw(&app, 120, 36);
    assert!(screen.contains("Unit error"), "{screen}");
    assert!(!screen.contains(&avg), "{screen}");
    assert!(!screen.contains("Working:"), "{screen}");
    // Fixed, it is judged: 1.728× over as above, 76 points.
    clear(&mut app);
    type_text(&mut app, "100k/s");
    send(&mut app, &[KeyCode::Enter]);
    assert!(
        scenario(&app)
            .guess
            .as_ref()
            .unwrap()
            .shows(&id("traffic.avg_qps"))
    );
}

#[test]
fn a_digit_opens_the_guess_esc_closes_it_and_question_mark_reveals_unscored() {
    let mut app = app_on("video-recommendation");
    guess_at(&mut app, "traffic.peak_qps");
    type_text(&mut app, "12");
    assert_eq!(
        scenario(&app).guess.as_ref().unwrap().answer.as_deref(),
        Some("12")
    );
    // 'q' while typing a guess is a letter, not quit.
    type_text(&mut app, "q");
    assert!(!app.quit);
    send(&mut app, &[KeyCode::Esc]);
    let g = scenario(&app).guess.as_ref().unwrap();
    assert!(g.answer.is_none() && g.revealed.is_empty());
    send(&mut app, &[KeyCode::Enter]);
    type_text(&mut app, "?");
    send(&mut app, &[KeyCode::Enter]);
    let g = scenario(&app).guess.as_ref().unwrap();
    assert_eq!(g.revealed[&id("traffic.peak_qps")].points, None);
    let screen = draw(&app, 120, 36);
    assert!(screen.contains("Revealed (not scored)"), "{screen}");
    assert!(
        screen.contains(&shown_value(&app, "traffic.peak_qps")),
        "{screen}"
    );
}

#[test]
fn capital_g_reveals_every_result_and_the_pictures() {
    let mut app = app_on("video-recommendation");
    // Outside guess mode G does nothing.
    send(&mut app, &[KeyCode::Char('G')]);
    assert!(scenario(&app).guess.is_none());
    guess_at(&mut app, "traffic.avg_qps");
    send(&mut app, &[KeyCode::Char('G')]);
    let s = scenario(&app);
    let g = s.guess.as_ref().unwrap();
    assert!(!g.any_hidden(&s.work));
    assert!(g.revealed.values().all(|r| r.points.is_none()));
    let screen = draw(&app, 120, 36);
    assert!(!screen.contains("Hidden in guess mode"), "{screen}");
    assert!(
        screen.contains(&shown_value(&app, "traffic.peak_qps")),
        "{screen}"
    );
    // The keys are in the help of the scenario screen.
    send(&mut app, &[KeyCode::Char('?')]);
    let help = draw(&app, 120, 50);
    assert!(help.contains("reveal every result"), "{help}");
    assert!(help.contains("guess the selected result"), "{help}");
}

#[test]
fn c_walks_the_open_case_study_in_order_to_its_summary() {
    let mut app = app_on("video-recommendation");
    send(&mut app, &[KeyCode::Char('c')]);
    let d = app.drill().expect("the drill screen is open");
    let n = d.walk.as_ref().expect("a case walk").walk.steps.len();
    assert_eq!(d.question().unwrap().output, "traffic.avg_qps");
    assert!(draw(&app, 100, 30).contains(&format!("Step 1/{n}")));
    // avg = 1B × 5 ÷ 86,400 = 57,870.37/s; 100k is 1.728× high: 100 × (1 − log10 1.728) = 76.25.
    type_text(&mut app, "100k/s");
    send(&mut app, &[KeyCode::Enter, KeyCode::Enter]);
    assert_eq!(
        app.drill().unwrap().question().unwrap().output,
        "traffic.peak_qps"
    );
    // A unit error asks again without revealing.
    type_text(&mut app, "200 GB");
    send(&mut app, &[KeyCode::Enter]);
    let d = app.drill().unwrap();
    assert!(d.feedback.is_none() && d.error.as_deref().unwrap().contains("Unit error"));
    // Peak = 2 × 57,870.37 = 115,740.74/s; 200k = 1.728 × that, so it follows from the 100k/s
    // average: the note says so, and it scores 76.25 as well.
    clear(&mut app);
    type_text(&mut app, "200k/s");
    send(&mut app, &[KeyCode::Enter]);
    let fb = app.drill().unwrap().feedback.clone().unwrap();
    assert!(
        fb.iter().any(|l| l
            .text
            .starts_with("Follows from your numbers: 100k/s average × peak factor 2 = 200k/s")),
        "{fb:?}"
    );
    send(&mut app, &[KeyCode::Enter]);
    // Every other step skipped with an empty answer, then the summary.
    for _ in 2..n {
        send(&mut app, &[KeyCode::Enter]);
    }
    let rows = &app.drill().unwrap().walk.as_ref().unwrap().rows;
    assert_eq!(rows.len(), n);
    let screen = draw(&app, 100, 40);
    assert!(screen.contains("Case study done"), "{screen}");
    // 76.25 + 76.25 = 152.5 → "152" (rounded to even), of 100 points for each of the two
    // answered steps; the peak scores full marks for method (it follows from the 100k/s).
    assert!(
        screen.contains("Total: 152 of 200 points (76%) over 2 answered steps"),
        "{screen}"
    );
    assert!(
        screen.contains("Your method: 1 of 2 answers followed"),
        "{screen}"
    );
    send(&mut app, &[KeyCode::Esc]);
    assert!(app.scenario().is_some(), "Esc goes back to the scenario");
}

#[test]
fn a_case_walk_from_the_screen_keeps_its_answers_with_the_walk() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("history.jsonl");
    let mut app = app_on("video-recommendation");
    app.history = Some(path.clone());
    send(&mut app, &[KeyCode::Char('c')]);
    // avg = 1B × 5 ÷ 86,400 = 57,870.37/s: 60k/s is 1.0368× high.
    type_text(&mut app, "60k/s");
    send(&mut app, &[KeyCode::Enter, KeyCode::Enter]);
    // A revealed step is not kept: there is no answer to keep.
    ctrl(&mut app, 'r');
    let (records, problems) = napkin::drill::history::read(&path);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].case, "video-recommendation");
    assert!(records[0].walk.is_some(), "kept as part of a walk");
    assert!((records[0].truth - 57_870.37).abs() < 0.01);
    let rows = &app.drill().unwrap().walk.as_ref().unwrap().rows;
    assert_eq!(rows[1].yours.as_deref(), Some("revealed"));
}

#[test]
fn a_range_typed_into_a_field_gives_whiskers_a_tornado_a_sweep_and_deltas() {
    let mut app = app_on("video-recommendation");
    retype(&mut app, "traffic.dau", "500M..2B");
    send(&mut app, &[KeyCode::Enter]);
    let w = work(&app);
    assert!(!w.stale);
    assert_eq!(
        w.report.ranges.as_ref().unwrap().inputs[0].path,
        "traffic.dau"
    );
    // The value stays at the median, √(500M × 2B) = 1B DAU: 1B × 5 ÷ 86,400 × 2 = 115,740.7/s.
    assert!((peak(&app) - 115_740.74).abs() < 0.01);
    let i = w
        .report
        .outputs
        .iter()
        .position(|o| o.id == "traffic.peak_qps")
        .unwrap();
    app.scenario_mut().unwrap().work.selected_output = i;
    let screen = draw(&app, 160, 48);
    // A whisker from p5 to p95 around the p50.
    assert!(
        screen.contains('├') && screen.contains('●') && screen.contains('┤'),
        "{screen}"
    );
    // What drives it: DAU at 500M gives 57.9k/s and at 2B 231k/s (×0.5 and ×2 of 115.7k/s).
    assert!(screen.contains("What drives Peak QPS"), "{screen}");
    assert!(screen.contains("57.9k/s → 231k/s"), "{screen}");

    // A plain 3B: the delta column (b) reads ×3.00 for the peak, 1.5 EB of videos unchanged.
    retype(&mut app, "traffic.dau", "3B");
    send(&mut app, &[KeyCode::Enter, KeyCode::Char('b')]);
    assert!(scenario(&app).delta);
    let screen = draw(&app, 160, 48);
    let line = |label: &str| {
        screen
            .lines()
            .find(|l| l.contains(label))
            .unwrap_or_else(|| panic!("{label}:\n{screen}"))
            .to_string()
    };
    assert!(line("Peak QPS").contains("×3.00"), "{screen}");
    assert!(line("Storage: videos").contains(" =│"), "{screen}");

    // v sweeps DAU from a third to three times 3B: 1B to 9B, the peak from 116k/s to
    // 9B × 5 ÷ 86,400 × 2 = 1,041,667/s.
    send(&mut app, &[KeyCode::Char('v')]);
    assert_eq!(scenario(&app).sweep.as_ref(), Some(&p("traffic.dau")));
    let screen = draw(&app, 160, 48);
    assert!(
        screen.contains("Peak QPS as traffic.dau varies"),
        "{screen}"
    );
    assert!(screen.contains("1.04M/s"), "{screen}");
    send(&mut app, &[KeyCode::Char('v')]);
    assert_eq!(scenario(&app).sweep, None);
}

#[test]
fn i_interviews_the_open_case_study_without_feedback() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("history.jsonl");
    let mut app = app_on("twitter");
    app.history = Some(path.clone());
    send(&mut app, &[KeyCode::Char('i')]);
    assert!(app.drill().unwrap().interview.is_some());
    assert!(draw(&app, 100, 30).contains("interview 00:00 of 15:00"));
    // 150M × 2 ÷ 86,400 = 3,472/s: scored, kept, and on to the peak with no feedback shown.
    type_text(&mut app, "3.5k/s");
    send(&mut app, &[KeyCode::Enter]);
    let d = app.drill().unwrap();
    assert!(d.feedback.is_none());
    assert_eq!(d.question().unwrap().output, "traffic.peak_qps");
    // Ctrl-R reveals nothing in an interview.
    ctrl(&mut app, 'r');
    let d = app.drill().unwrap();
    assert_eq!(
        d.error.as_deref(),
        Some(napkin::drill::interview::NO_REVEAL)
    );
    let n = d.walk.as_ref().unwrap().walk.steps.len();
    clear(&mut app);
    for _ in 1..n {
        send(&mut app, &[KeyCode::Enter]);
    }
    let screen = draw(&app, 120, 40);
    assert!(screen.contains("Interview done"), "{screen}");
    assert!(
        screen.contains("Follows") && screen.contains("Time: 00:00 of 15:00."),
        "{screen}"
    );
    let (records, _) = napkin::drill::history::read(&path);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].mode, napkin::drill::history::Mode::Interview);
}

#[test]
fn guesses_on_the_screen_are_kept_and_follow_earlier_guesses() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("history.jsonl");
    let mut app = app_on("twitter");
    app.history = Some(path.clone());
    // The average (3,472/s) guessed as 5k/s, then the peak as 10k/s = 2 × 5k/s: it follows.
    guess_at(&mut app, "traffic.avg_qps");
    send(&mut app, &[KeyCode::Enter]);
    type_text(&mut app, "5k/s");
    send(&mut app, &[KeyCode::Enter]);
    let w = &mut app.scenario_mut().unwrap().work;
    w.selected_output = w
        .report
        .outputs
        .iter()
        .position(|o| o.id == "traffic.peak_qps")
        .unwrap();
    send(&mut app, &[KeyCode::Enter]);
    type_text(&mut app, "10k/s");
    send(&mut app, &[KeyCode::Enter]);
    let g = scenario(&app).guess.as_ref().unwrap();
    let peak = &g.revealed[&id("traffic.peak_qps")];
    assert!(
        peak.lines.iter().any(|l| l
            .text
            .starts_with("Follows from your numbers: 5k/s average × peak factor 2 = 10k/s")),
        "{:?}",
        peak.lines
    );
    let (records, _) = napkin::drill::history::read(&path);
    assert_eq!(records.len(), 2);
    assert!(
        records
            .iter()
            .all(|r| r.mode == napkin::drill::history::Mode::Guess)
    );
    let stats = napkin::drill::stats::report(&records, napkin::drill::history::now());
    assert!(stats.contains("(2 guesses on the screen)"), "{stats}");
}

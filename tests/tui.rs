//! The interactive screen without a terminal: keys sent to the state, frames drawn into a
//! `TestBackend` and snapshotted, and random key storms at random sizes.

use napkin::presets;
use napkin::scenario::load_str;
use napkin::tui::app::{App, Focus, Screen, Tab};
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

fn clear(app: &mut App) {
    app.on_key(
        KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL),
        Instant::now(),
    );
}

/// An app on `id`, with no user presets and no colour.
fn app_on(id: &str) -> App {
    app_in(None, id)
}

/// An app on `id` whose user presets are in `user_dir`, with no colour.
fn app_in(user_dir: Option<std::path::PathBuf>, id: &str) -> App {
    let mut app = App::new(user_dir, false);
    let p = presets::builtin().into_iter().find(|p| p.id == id).unwrap();
    let s = load_str(&p.text, &p.file).unwrap();
    app.open(p.text, s);
    app
}

fn peak(app: &App) -> f64 {
    app.work
        .as_ref()
        .unwrap()
        .report
        .output("traffic.peak_qps")
        .unwrap()
        .value
}

/// Selects the input row at `path`.
fn select(app: &mut App, path: &str) {
    let w = app.work.as_mut().unwrap();
    w.selected = w
        .rows
        .iter()
        .position(|r| r.path == path)
        .unwrap_or_else(|| panic!("no row {path}"));
}

#[test]
fn picker_filters_and_opens() {
    let mut app = App::new(None, false);
    assert_eq!(app.screen, Screen::Picker);
    send(&mut app, &[KeyCode::Char('/')]);
    type_text(&mut app, "news");
    let ids: Vec<&str> = app.filtered().iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["personalized-news-feed"]);
    // 'q' while filtering is a letter, not quit.
    type_text(&mut app, "q");
    assert!(!app.quit);
    assert!(app.filtered().is_empty());
    send(
        &mut app,
        &[KeyCode::Backspace, KeyCode::Enter, KeyCode::Enter],
    );
    assert_eq!(app.screen, Screen::Scenario);
    assert_eq!(
        app.work.as_ref().unwrap().base.meta.id,
        "personalized-news-feed"
    );
}

#[test]
fn editing_an_input_recomputes_live() {
    let mut app = app_on("video-recommendation");
    // 1B DAU × 5 ÷ 86,400 × 2 = 115,740.7/s.
    assert!((peak(&app) - 115_740.74).abs() < 0.01);
    select(&mut app, "traffic.dau");
    send(&mut app, &[KeyCode::Enter]);
    clear(&mut app);
    type_text(&mut app, "200M");
    // Live, before Enter: 200M × 5 ÷ 86,400 × 2 = 23,148.1/s.
    assert!((peak(&app) - 23_148.15).abs() < 0.01);
    let w = app.work.as_ref().unwrap();
    assert!(
        w.flashing("traffic.peak_qps", Instant::now()),
        "the changed number is highlighted"
    );
    send(&mut app, &[KeyCode::Enter]);
    assert!(app.work.as_ref().unwrap().editing.is_none());
    assert_eq!(
        app.work
            .as_ref()
            .unwrap()
            .edits
            .get("traffic.dau")
            .map(String::as_str),
        Some("200M")
    );
}

#[test]
fn an_invalid_value_keeps_the_last_good_estimate_and_the_text() {
    let mut app = app_on("video-recommendation");
    select(&mut app, "traffic.dau");
    send(&mut app, &[KeyCode::Enter]);
    clear(&mut app);
    type_text(&mut app, "300M");
    let good = peak(&app);
    type_text(&mut app, " parsecs");
    let w = app.work.as_ref().unwrap();
    assert!(w.stale);
    assert!(
        w.errors
            .get("traffic.dau")
            .is_some_and(|e| e.contains("parsecs")),
        "{:?}",
        w.errors
    );
    assert_eq!(peak(&app), good, "the last good estimate stays");
    send(&mut app, &[KeyCode::Enter]);
    // What the user typed is kept, marked invalid.
    assert_eq!(
        app.work
            .as_ref()
            .unwrap()
            .edits
            .get("traffic.dau")
            .map(String::as_str),
        Some("300M parsecs")
    );
    send(&mut app, &[KeyCode::Char('r')]);
    let w = app.work.as_ref().unwrap();
    assert!(!w.stale && w.edits.is_empty());
    assert!((peak(&app) - 115_740.74).abs() < 0.01);
}

#[test]
fn escape_undoes_the_edit_in_progress() {
    let mut app = app_on("twitter");
    select(&mut app, "traffic.peak_factor");
    send(&mut app, &[KeyCode::Enter]);
    clear(&mut app);
    type_text(&mut app, "4");
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
    assert_eq!(app.focus, Focus::Inputs);
    send(&mut app, &[KeyCode::Tab]);
    assert_eq!(app.focus, Focus::Results);
    send(&mut app, &[KeyCode::Char('j'), KeyCode::Char('j')]);
    assert_eq!(app.work.as_ref().unwrap().selected_output, 2);
    send(&mut app, &[KeyCode::Char('t')]);
    assert_eq!(app.tab, Tab::Reference);
    send(&mut app, &[KeyCode::Char('?')]);
    assert!(app.help);
    send(&mut app, &[KeyCode::Char('q')]);
    assert!(!app.help && !app.quit, "q closes help first");
    send(&mut app, &[KeyCode::Char('p')]);
    assert_eq!(app.screen, Screen::Picker);
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
        select(&mut app, path);
        send(&mut app, &[KeyCode::Enter]);
        clear(&mut app);
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
    send(&mut app, &[KeyCode::Enter]);
    clear(&mut app);
    type_text(&mut app, "300M");
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
    select(&mut app, "stage.feature_lookup.node_memory");
    send(&mut app, &[KeyCode::Enter]);
    clear(&mut app);
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
    select(&mut app, "traffic.dau");
    send(&mut app, &[KeyCode::Enter]);
    clear(&mut app);
    type_text(&mut app, "300M");
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
    // The list now shows it as the user's.
    assert!(
        app.presets
            .iter()
            .any(|p| p.id == "twitter-edited" && p.user)
    );
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

#[test]
fn the_readme_key_table_is_the_keymap() {
    let table = napkin::tui::keymap::markdown_table();
    assert!(
        include_str!("../README.md").contains(&table),
        "README.md's key table is out of date; it should be:\n{table}"
    );
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
    assert_eq!(app.screen, Screen::Drill);
    let q = app.drill.as_ref().unwrap().question().unwrap().clone();
    let exact = answer_text(&q, q.truth);
    // 'q' is part of an answer here, not quit; Ctrl-U clears it.
    type_text(&mut app, "q");
    assert!(!app.quit);
    clear(&mut app);
    type_text(&mut app, &exact);
    send(&mut app, &[KeyCode::Enter]);
    let d = app.drill.as_ref().unwrap();
    let text = d.feedback.as_deref().unwrap();
    assert!(text.contains("on target. 100 points."), "{text}");
    assert_eq!(d.recent.last(), Some(&100.0));
    let (records, _) = napkin::drill::history::read(&path);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].points, Some(100.0));
    // Typing after the feedback changes nothing; Enter moves to the next question.
    type_text(&mut app, "9");
    assert_eq!(app.drill.as_ref().unwrap().answer, exact);
    send(&mut app, &[KeyCode::Enter]);
    let d = app.drill.as_ref().unwrap();
    assert_eq!(
        (d.index, d.answer.as_str(), d.feedback.is_none()),
        (1, "", true)
    );
    send(&mut app, &[KeyCode::Esc]);
    assert_eq!(app.screen, Screen::Picker);
}

#[test]
fn an_unreadable_answer_is_said_and_kept() {
    let mut app = drill_app(None);
    type_text(&mut app, "lots");
    send(&mut app, &[KeyCode::Enter]);
    let d = app.drill.as_ref().unwrap();
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
    assert_eq!(app.screen, Screen::Drill);
    send(&mut app, &[KeyCode::Esc]);
    assert_eq!(app.screen, Screen::Picker);
    let mut app = app_on("similar-listings");
    send(&mut app, &[KeyCode::Char('d')]);
    assert_eq!(app.screen, Screen::Drill);
    assert_eq!(
        app.drill.as_ref().unwrap().question().unwrap().case,
        "similar-listings",
        "drills on the open case study"
    );
    send(&mut app, &[KeyCode::Esc]);
    assert_eq!(app.screen, Screen::Scenario);
}

#[test]
fn drill_snapshots() {
    let mut app = drill_app(None);
    insta::assert_snapshot!("drill_question_100x30", draw(&app, 100, 30));
    let q = app.drill.as_ref().unwrap().question().unwrap().clone();
    type_text(&mut app, &answer_text(&q, q.truth * 2.0));
    send(&mut app, &[KeyCode::Enter]);
    insta::assert_snapshot!("drill_feedback_100x30", draw(&app, 100, 30));
}

#[test]
fn quitting_with_unwritten_edits_asks_once_more() {
    let mut app = app_on("twitter");
    select(&mut app, "traffic.dau");
    send(&mut app, &[KeyCode::Enter]);
    clear(&mut app);
    type_text(&mut app, "300M");
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
    assert!(!app.quit && app.filter.is_empty());
    send(&mut app, &[KeyCode::Esc]);
    assert!(app.quit);
}

#[test]
fn leaving_for_the_presets_with_unwritten_edits_asks_once_more() {
    let mut app = app_on("twitter");
    select(&mut app, "traffic.dau");
    send(&mut app, &[KeyCode::Enter]);
    clear(&mut app);
    type_text(&mut app, "300M");
    send(&mut app, &[KeyCode::Enter, KeyCode::Char('p')]);
    assert_eq!(app.screen, Screen::Scenario);
    assert!(app.status.contains("p again"), "{}", app.status);
    send(&mut app, &[KeyCode::Char('p')]);
    assert_eq!(app.screen, Screen::Picker);
}

#[test]
fn d_drills_on_a_scenario_opened_from_a_file() {
    let text = "[meta]\nid = \"mine\"\ntitle = \"Mine\"\n[traffic]\ndau = \"10M\"\nrequests_per_user_per_day = 4\n";
    let mut app = App::new(None, false);
    app.open(text.to_string(), load_str(text, "/tmp/mine.toml").unwrap());
    send(&mut app, &[KeyCode::Char('d')]);
    let q = app
        .drill
        .as_ref()
        .unwrap()
        .question()
        .expect("a question from the open file");
    assert_eq!(q.case, "mine");
    assert_eq!(q.skill, napkin::drill::question::Skill::Qps);
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
}

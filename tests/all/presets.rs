//! The built-in presets: each loads, is sourced, computes with only the warnings it explains,
//! and its report is snapshotted; user presets from a config directory.

use crate::common;
use common::napkin_config;

use assert_cmd::Command;
use napkin::estimate;
use napkin::presets;
use napkin::report::Report;
use napkin::scenario::{Scenario, Source, SourceKind, load_str};
use napkin::units::format::Style;
use predicates::prelude::*;

fn builtins() -> Vec<(String, Scenario)> {
    presets::builtin()
        .into_iter()
        .map(|p| {
            (
                p.id.clone(),
                p.load().unwrap_or_else(|e| panic!("{}: {e}", p.file)),
            )
        })
        .collect()
}

/// Keys that name or describe rather than estimate: they need no source mark.
const DESCRIPTIVE: [&str; 4] = ["name", "hardware", "mode", "index"];

#[test]
fn every_preset_loads_and_its_file_is_named_by_its_id() {
    let all = builtins();
    assert!(
        all.len() >= 13,
        "the ten case studies, spam, fraud and Xu's Twitter example"
    );
    for (id, s) in &all {
        assert_eq!(
            id, &s.meta.id,
            "presets/{id}.toml declares id {}",
            s.meta.id
        );
        assert!(!s.meta.sources.is_empty(), "{id} names its sources");
        assert!(!s.meta.summary.is_empty(), "{id} has a summary");
    }
    for chapter in 2..=11 {
        assert!(
            all.iter()
                .any(|(_, s)| s.meta.chapter.map(|c| c.0) == Some(chapter as f64)),
            "no preset for chapter {chapter}"
        );
    }
}

#[test]
fn every_preset_input_is_marked_book_public_derived_or_assumption() {
    for (id, s) in builtins() {
        for path in s
            .provenance
            .places
            .keys()
            .filter(|p| p.section != napkin::scenario::schema::Section::Meta)
        {
            if DESCRIPTIVE.contains(&path.key) {
                continue;
            }
            let source = s.provenance.source(path);
            assert!(
                source.is_some(),
                "{id}: {path} is not marked book, public, derived or assume"
            );
            assert!(
                source.is_some_and(|src| !src.note.trim().is_empty()),
                "{id}: {path} is marked but says nothing about where it comes from"
            );
        }
    }
}

/// Every (preset id, input path, source) of the built-ins.
fn marks() -> Vec<(String, String, Source)> {
    let mut out = Vec::new();
    for (id, s) in builtins() {
        for (path, src) in &s.provenance.sources {
            out.push((id.clone(), path.to_string(), src.clone()));
        }
    }
    out
}

/// A note that works something out: a digit and an operator, or the words of a calculation.
fn shows_arithmetic(note: &str) -> bool {
    let digit = note.chars().any(|c| c.is_ascii_digit());
    let operator = note.chars().any(|c| "×÷+−*/=".contains(c))
        || ["times", "divided by", "plus", "minus", "per cent of"]
            .iter()
            .any(|w| note.contains(w));
    digit && operator
}

#[test]
fn the_arithmetic_check_tells_working_from_a_quote() {
    assert!(shows_arithmetic("1M a month (book ch. 7) ÷ 30 d"));
    assert!(shows_arithmetic("64 B + 140 B"));
    assert!(shows_arithmetic("2 searches times 200"));
    assert!(!shows_arithmetic(
        "ch. 7: about 1 million unique users per day"
    ));
    assert!(!shows_arithmetic("a judgement ÷ with no number"));
    assert!(!shows_arithmetic(""));
}

#[test]
fn every_derived_input_shows_its_arithmetic() {
    let derived: Vec<_> = marks()
        .into_iter()
        .filter(|(_, _, src)| src.kind == SourceKind::Derived)
        .collect();
    // The presets work out several numbers (33k events a day, PYMK's 300T pairs, Twitter's 30M
    // media a day, ...): a test over none would prove nothing.
    assert!(derived.len() >= 5, "only {} derived inputs", derived.len());
    for (id, path, src) in derived {
        assert!(
            shows_arithmetic(&src.note),
            "{id}: {path} is marked derived but its note shows no arithmetic: {:?}",
            src.note
        );
    }
}

#[test]
fn book_marks_quote_rather_than_work_out() {
    // Division and approximation are working: a number so obtained is derived, not the book's.
    for (id, path, src) in marks() {
        if src.kind == SourceKind::Book {
            assert!(
                !src.note.contains('÷') && !src.note.contains('≈'),
                "{id}: {path} is marked book but its note works it out (mark it derived): {:?}",
                src.note
            );
        }
    }
}

/// The object of a JSON list whose `key` is `value`.
fn entry<'j>(list: &'j serde_json::Value, key: &str, value: &str) -> &'j serde_json::Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|o| o[key] == value)
        .unwrap_or_else(|| panic!("no {key} {value} in {list}"))
}

#[test]
fn a_derived_input_reads_as_derived_in_the_json() {
    let out = Command::cargo_bin("napkin")
        .unwrap()
        .args(["calc", "event-recommendation", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let input = entry(&json["inputs"], "path", "corpus.events.new_items_per_day");
    // The book (ch. 7) says about 1M events a month: 1,000,000 ÷ 30 d = 33,333 a day ≈ 33k.
    assert_eq!(input["value"], "33k");
    assert_eq!(input["source"]["kind"], "derived");
    let note = input["source"]["note"].as_str().unwrap();
    assert!(note.contains("1M") && note.contains("÷ 30"), "{note}");
    // And it is the number the estimate grows by: 33,000 new/day × 10 KB × 3 copies
    // = 33,000 × 10,000 B × 3 = 990,000,000 B a day.
    let growth = entry(&json["outputs"], "id", "storage.events.growth_per_day");
    assert_eq!(growth["value"].as_f64(), Some(990_000_000.0));
    assert!(
        growth["inputs"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i == "corpus.events.new_items_per_day")
    );
}

#[test]
fn every_preset_warns_only_what_it_explains() {
    for (id, s) in builtins() {
        let e = estimate::estimate(&s);
        let mut got: Vec<&str> = estimate::warnings(&s, &e, napkin::units::Style::Decimal)
            .iter()
            .map(|w| w.id)
            .collect();
        got.sort_unstable();
        got.dedup();
        let mut expected: Vec<&str> = s
            .meta
            .expected_warnings
            .iter()
            .map(String::as_str)
            .collect();
        expected.sort_unstable();
        assert_eq!(
            got, expected,
            "{id}: warnings differ from meta.expected_warnings"
        );
    }
}

#[test]
fn every_output_is_finite() {
    for (id, s) in builtins() {
        let r = Report::build(&s, Style::Decimal).unwrap_or_else(|e| panic!("{id}: {e}"));
        assert!(
            r.outputs
                .iter()
                .all(|o| o.value.is_finite() && o.value >= 0.0),
            "{id}"
        );
    }
}

#[test]
fn text_report_snapshots() {
    insta::glob!("../../presets", "*.toml", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let s = load_str(&text, "preset").unwrap();
        let r = Report::build(&s, Style::Decimal).unwrap();
        insta::assert_snapshot!(napkin::report::text::render(
            &r,
            napkin::report::text::Detail::Full
        ));
    });
}

#[test]
fn user_presets_are_listed_marked_and_run() {
    let dir = tempfile::tempdir().unwrap();
    let presets = dir.path().join("napkin").join("presets");
    std::fs::create_dir_all(&presets).unwrap();
    std::fs::write(presets.join("my-feed.toml"), "[meta]\nid = \"my-feed\"\ntitle = \"My feed\"\n[traffic]\nqps = \"5k/s\"\npeak_factor = 3\n").unwrap();
    std::fs::write(
        presets.join("broken.toml"),
        "[meta]\nid = \"broken\"\ntitle = \"Broken\"\n[traffic]\nqps = \"5 GB\"\n",
    )
    .unwrap();

    napkin_config(dir.path())
        .args(["presets", "list"])
        .assert()
        .success()
        .stdout(predicate::str::is_match(r"my-feed\s+My feed  \(user\)").unwrap())
        // The invalid file does not hide the built-ins.
        .stdout(predicate::str::contains("video-recommendation"))
        .stderr(predicate::str::contains("broken.toml"))
        .stderr(predicate::str::contains(
            "is a size, but this field takes a rate",
        ));

    // 5,000/s × 3 peak = 15,000/s → "15k/s".
    napkin_config(dir.path())
        .args(["calc", "my-feed", "--brief"])
        .assert()
        .success()
        .stdout(predicate::str::contains("15k/s"));
    napkin_config(dir.path())
        .args(["calc", "broken"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("broken.toml:5:7"));
}

#[test]
fn a_user_preset_is_run_by_its_file_name_and_may_replace_a_built_in() {
    let dir = tempfile::tempdir().unwrap();
    let presets = dir.path().join("napkin").join("presets");
    std::fs::create_dir_all(&presets).unwrap();
    std::fs::write(
        presets.join("other-name.toml"),
        "[meta]\nid = \"my-scenario\"\ntitle = \"Mine\"\n[traffic]\nqps = 5\n",
    )
    .unwrap();
    std::fs::write(
        presets.join("twitter.toml"),
        "[meta]\nid = \"twitter\"\ntitle = \"My Twitter\"\n[traffic]\nqps = 7\n",
    )
    .unwrap();
    napkin_config(dir.path())
        .args(["presets", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "My Twitter  (user, replaces the built-in)",
        ))
        .stderr(predicate::str::contains(
            "declares id \"my-scenario\" but is run as `napkin calc other-name`",
        ));
    // 7/s × 2 peak = 14/s.
    napkin_config(dir.path())
        .args(["calc", "twitter", "--brief"])
        .assert()
        .success()
        .stdout(predicate::str::contains("14/s"));
}

#[test]
fn every_input_shown_reads_back_as_its_value_with_fractions_as_percentages() {
    use napkin::scenario::overrides;
    use napkin::scenario::schema::{FieldKind, Value};
    use napkin::units::{Kind, parse};
    for (id, s) in builtins() {
        let r = Report::build(&s, Style::Decimal).unwrap();
        for input in &r.inputs {
            let Some((Value::Num(x), FieldKind::Quantity(kind))) = overrides::get(&s, &input.path)
            else {
                continue;
            };
            // Shown as napkin writes it, it still pastes back into --set unchanged.
            let back = parse(&input.display, kind)
                .unwrap_or_else(|e| panic!("{id}: {} = {}: {e}", input.path, input.display));
            assert!(
                (back - x).abs() <= 1e-12 * x.abs(),
                "{id}: {} shows {} for {x}",
                input.path,
                input.display
            );
            if kind == Kind::Fraction {
                assert!(input.display.ends_with('%'), "{id}: {}", input.path);
            }
            // Whole counts of four digits or more carry separators (2,097,152, 1,000).
            if matches!(kind, Kind::Count | Kind::Integer) && input.display.parse::<f64>().is_ok() {
                assert!(x < 1000.0, "{id}: {} = {}", input.path, input.display);
            }
        }
    }
}

#[test]
fn list_inputs_shows_fractions_as_percentages_and_counts_with_separators() {
    let out = Command::cargo_bin("napkin")
        .unwrap()
        .args(["calc", "visual-search", "--list-inputs"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    // Written 0.6 and 2097152 in the preset; the default headroom is 0.7.
    for line in [
        "serving.target_utilization=60%\t",
        "index.nlist=2,097,152\t",
        "stage.ann_search.memory_headroom=70%\t[default]",
    ] {
        assert!(text.contains(line), "{line} in\n{text}");
    }
    // Each pastes back into --set as the same value: the report is unchanged.
    let report = |sets: &[&str]| {
        let mut args = vec!["calc", "visual-search", "--brief"];
        for set in sets {
            args.extend(["--set", set]);
        }
        Command::cargo_bin("napkin")
            .unwrap()
            .args(&args)
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(
        report(&["serving.target_utilization=60%", "index.nlist=2,097,152"]),
        report(&[])
    );
}

#[test]
fn list_inputs_and_the_text_report_show_a_derived_mark() {
    // Xu vol. 1 gives tweet_id 64 B and text 140 B; their sum, 64 + 140 = 204 B, is worked out.
    Command::cargo_bin("napkin")
        .unwrap()
        .args(["calc", "twitter", "--list-inputs"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "traffic.request_size=204 B\t[derived: Xu vol. 1: tweet_id 64 B + text 140 B = 204 B]",
        ));
    // 150M DAU × 2 tweets × 10% with media = 30,000,000 media items a day.
    Command::cargo_bin("napkin")
        .unwrap()
        .args(["calc", "twitter"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "30M  [derived: Xu vol. 1: 150M DAU × 2 tweets × 10% with media = 30M a day]",
        ));
}

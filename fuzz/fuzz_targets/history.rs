//! The history reader, on any file: it reads what it can, warns about the rest (at most
//! `MAX_WARNINGS` one by one, then a count), keeps no record whose numbers are out of their range
//! and never changes the file; an answer appended after whatever the file holds is read back
//! whole, with the file's old bytes untouched before it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use napkin::drill::history::{self, MAX_WARNINGS, Record};
use napkin::drill::skill::Skill;
use napkin::drill::{review, stats};
use std::path::PathBuf;
use std::sync::OnceLock;

/// One file, rewritten for each input, in a directory kept for the whole run.
fn path() -> &'static PathBuf {
    static DIR: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("history.jsonl");
        (dir, path)
    })
    .1
}

fn answer() -> Record {
    Record {
        ts: 1_780_000_000,
        seed: 42,
        case: "twitter".into(),
        template: "qps.peak".into(),
        skill: Skill::Qps,
        truth: 6_944.4,
        answer: "7k".into(),
        value: Some(7_000.0),
        e: Some((7_000.0f64 / 6_944.4).log10()),
        points: Some(99.6),
        interval: None,
        interval_score: None,
        hit: None,
        unit_error: None,
        walk: None,
        mode: history::Mode::Drill,
        slip: None,
        method: None,
        follows: None,
    }
}

fuzz_target!(|data: &[u8]| {
    let path = path();
    std::fs::write(path, data).expect("the file is written");
    let (records, warnings) = history::read(path);
    let lines = data.split(|&b| b == b'\n').count();
    assert!(records.len() + warnings.len().min(MAX_WARNINGS) <= lines);
    assert!(warnings.len() <= MAX_WARNINGS + 1, "{warnings:?}");
    assert_eq!(
        std::fs::read(path).unwrap(),
        data,
        "reading changed the file"
    );
    // Every record read holds numbers in their range (so progress has no infinite ratio).
    assert!(records.iter().all(|r| r.out_of_range().is_none()));
    let _ = stats::report(&records, 1_780_000_000);
    let _ = review::due(&records, 1_780_000_000);

    history::append(path, &answer()).expect("an append to a writable file");
    let after = std::fs::read(path).unwrap();
    assert!(after.starts_with(data), "the old bytes were changed");
    let (again, _) = history::read(path);
    assert_eq!(
        again.len(),
        records.len() + 1,
        "the new answer is one more record"
    );
    assert_eq!(
        again.last(),
        Some(&answer()),
        "the new answer reads back whole"
    );
});

//! Drills end to end: seeded questions, a whole plain session through the binary, progress,
//! concurrent writers, a corrupt or torn history line, and a history that cannot be written.

use crate::common;
use common::napkin_in;

use napkin::drill::history::{self, Record};
use napkin::drill::question::{self, Filter, Skill};
use napkin::drill::session;
use napkin::drill::templates::TEMPLATES;
use napkin::drill::{coach, feedback};
use napkin::presets;
use predicates::prelude::*;

#[test]
fn the_same_seed_gives_the_same_questions() {
    let presets = presets::builtin();
    let f = Filter::default();
    for seed in [1, 42, 7_777] {
        let a = question::generate(session::question_seed(seed, 0), &presets, &f).unwrap();
        let b = question::generate(session::question_seed(seed, 0), &presets, &f).unwrap();
        assert_eq!(
            (a.prompt.as_str(), a.truth, a.template),
            (b.prompt.as_str(), b.truth, b.template)
        );
    }
    let prompts: Vec<String> = (0..20)
        .map(|i| {
            question::generate(session::question_seed(5, i), &presets, &f)
                .unwrap()
                .prompt
        })
        .collect();
    let mut unique = prompts.clone();
    unique.sort();
    unique.dedup();
    assert!(
        unique.len() >= 15,
        "20 questions of one session are mostly different: {}",
        unique.len()
    );
}

#[test]
fn every_skill_and_every_case_study_can_be_asked() {
    let presets = presets::builtin();
    for skill in Skill::ALL {
        let f = Filter {
            skill: Some(skill),
            ..Filter::default()
        };
        let q =
            question::generate(3, &presets, &f).unwrap_or_else(|| panic!("no {skill:?} question"));
        assert_eq!(q.skill, skill);
        assert!(q.truth > 0.0 && q.truth.is_finite());
    }
    for p in &presets {
        let f = Filter {
            case: Some(p.id.clone()),
            ..Filter::default()
        };
        assert!(
            question::generate(3, &presets, &f).is_some(),
            "no question for {}",
            p.id
        );
    }
}

#[test]
fn every_template_can_be_drawn_from_the_builtin_presets() {
    let presets = presets::builtin();
    let mut missing = Vec::new();
    for t in TEMPLATES {
        let f = Filter {
            template: Some(t.id.to_string()),
            ..Filter::default()
        };
        match question::generate(11, &presets, &f) {
            Some(q) => assert_eq!(q.template, t.id),
            None => missing.push(t.id),
        }
    }
    assert!(
        missing.is_empty(),
        "no built-in preset offers these templates: {missing:?}"
    );
}

#[test]
fn a_flat_index_question_asks_for_the_vectors_alone() {
    // No case study has a flat index; the question asks what one over their vectors would need.
    let f = Filter {
        case: Some("similar-listings".into()),
        template: Some("memory.flat".into()),
        ..Filter::default()
    };
    let q = question::generate(3, &presets::builtin(), &f).unwrap();
    assert_eq!(q.output, "index.memory");
    assert!(q.prompt.contains("index kind flat"), "{}", q.prompt);
    assert!(q.prompt.contains("stored as f32"), "{}", q.prompt);
    // f32: 4 B a dimension, nothing else: truth = vectors × dim × 4.
    let e = q.scenario.embeddings.as_ref().unwrap();
    let vectors = e.vectors.unwrap().0;
    assert!(
        (q.truth - vectors * e.dim * 4.0).abs() < 1e-9 * q.truth,
        "{} vs {vectors} × {} × 4",
        q.truth,
        e.dim
    );
}

/// A peak-QPS question on Xu's Twitter example (seed 9).
fn twitter_peak_question() -> question::Question {
    let f = Filter {
        case: Some("twitter".into()),
        template: Some("qps.peak".into()),
        ..Filter::default()
    };
    question::generate(9, &presets::builtin(), &f).unwrap()
}

#[test]
fn a_question_states_what_the_answer_needs() {
    // Xu's Twitter example, QPS only: DAU, tweets per user and the peak factor are stated.
    let q = twitter_peak_question();
    assert!(q.prompt.contains("daily active users"), "{}", q.prompt);
    assert!(
        q.prompt.contains("requests per user per day"),
        "{}",
        q.prompt
    );
    assert!(
        q.prompt.contains("peak traffic is 2× the average"),
        "{}",
        q.prompt
    );
    assert!(q.prompt.contains("86,400"), "{}", q.prompt);
    // The truth follows from what is stated: DAU × requests ÷ 86,400 × 2.
    let dau = napkin::units::parse(
        q.prompt
            .split(": ")
            .nth(1)
            .unwrap()
            .split(' ')
            .next()
            .unwrap(),
        napkin::units::Kind::Count,
    )
    .unwrap();
    let rpu: f64 = q
        .prompt
        .split(", ")
        .nth(1)
        .unwrap()
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        (q.truth - dau * rpu / 86_400.0 * 2.0).abs() < 1e-6 * q.truth,
        "{} vs {}",
        q.prompt,
        q.truth
    );
}

#[test]
fn feedback_finds_the_step_that_went_astray() {
    let q = twitter_peak_question();
    // Answering the average (the step before × 2) is half the truth: e = −0.301, within 3×.
    let avg = q.truth / 2.0;
    let o = feedback::assess(&q, &format!("{avg}")).unwrap();
    assert!((o.score.unwrap().e + std::f64::consts::LOG10_2).abs() < 1e-9);
    assert_eq!(
        o.slip_step,
        Some(1),
        "the average is step 2 of the derivation"
    );
    // Without a known mistake to name, the feedback marks the step the answer matches.
    let j = coach::Judged {
        text: format!("{avg}"),
        outcome: o.clone(),
        slip: None,
        follow: None,
    };
    let text = coach::render(&q, &j);
    assert!(text.contains("← your answer matches this step"), "{text}");
    assert!(text.contains("Likely slip: after step 2"), "{text}");
    // As a session judges it, the mistake has a name: the peak factor forgotten.
    let coach::Attempt::Judged(j) = coach::attempt(&q, &format!("{avg}")) else {
        panic!("{avg} is judged");
    };
    let text = coach::render(&q, &j);
    assert!(text.contains("Slip: forgot the peak factor"), "{text}");
    assert!(!text.contains("← your answer matches"), "{text}");
    // The truth itself: on target, 100 points.
    let o = feedback::assess(&q, &format!("{}", q.truth)).unwrap();
    assert_eq!(o.score.unwrap().points, 100.0);
    // A size for a rate: a unit error and no score.
    let o = feedback::assess(&q, "5 TB").unwrap();
    assert!(o.score.is_none() && o.unit_error.unwrap().contains("wrong dimension"));
}

#[test]
fn a_whole_plain_session_then_stats() {
    let data = tempfile::tempdir().unwrap();
    let presets = presets::builtin();
    let filter = Filter {
        case: Some("twitter".into()),
        skill: Some(Skill::Qps),
        ..Filter::default()
    };
    // The first question of seed 21, answered exactly; the second with an interval; the third
    // with a size where a count or rate may belong; the fourth skipped.
    let q1 = question::generate(session::question_seed(21, 0), &presets, &filter).unwrap();
    let exact = format!("{}", q1.truth);
    let input = format!("{exact}\n1..1e20\nnonsense\n5 parsecs\n\n");
    napkin_in(data.path())
        .args([
            "drill",
            "--plain",
            "--seed",
            "21",
            "--count",
            "4",
            "--only-case",
            "twitter",
            "--skill",
            "qps",
        ])
        .write_stdin(input)
        .assert()
        .success()
        .stdout(predicate::str::contains("Q1/4 [").and(predicate::str::contains(&q1.prompt)))
        .stdout(predicate::str::contains("exact. 100 points."))
        .stdout(predicate::str::contains(
            "(90% interval) → the truth is inside",
        ))
        .stdout(predicate::str::contains("Could not read that"))
        .stdout(predicate::str::contains("Skipped."))
        .stdout(predicate::str::contains("Session over"));
    let path = data.path().join("napkin").join("history.jsonl");
    let (records, warnings) = history::read(&path);
    assert!(warnings.is_empty(), "{warnings:?}");
    // Q1 exact, Q2 interval, Q3 "5 parsecs" (unreadable, retried... then read as the next line) and Q4 skipped:
    // the unreadable "nonsense" is asked again, so "5 parsecs" answers Q3 only if readable.
    assert!(records.len() >= 2, "{records:?}");
    assert_eq!(records[0].points, Some(100.0));
    assert_eq!(records[1].hit, Some(true));
    napkin_in(data.path())
        .arg("stats")
        .assert()
        .success()
        .stdout(predicate::str::contains(format!(
            "{} answers",
            records.len()
        )))
        .stdout(predicate::str::contains("BY SKILL"))
        .stdout(predicate::str::contains("twitter"))
        .stdout(predicate::str::contains("of 20 interval answers needed"));
}

#[test]
fn same_seed_same_session_through_the_binary() {
    let data = tempfile::tempdir().unwrap();
    let run = || {
        let out = napkin_in(data.path())
            .args(["drill", "--plain", "--seed", "99", "--count", "3"])
            .write_stdin("")
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let (a, b) = (run(), run());
    assert!(a.contains("Q1/3"), "{a}");
    assert_eq!(a, b);
}

#[test]
fn bad_drill_arguments() {
    let data = tempfile::tempdir().unwrap();
    napkin_in(data.path())
        .args(["drill", "--plain", "--case", "twiter"])
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with("error: "))
        .stderr(predicate::str::contains("`twitter`"));
    napkin_in(data.path())
        .args(["drill", "--plain", "--skill", "vibes"])
        .assert()
        .code(2);
    // A count out of range is a usage error that gives the range.
    for count in ["0", "1001"] {
        napkin_in(data.path())
            .args(["drill", "--plain", "--count", count])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("from 1 to 1,000"));
    }
}

#[test]
fn a_long_session_asks_its_first_question_at_once() {
    // Questions are built as they are asked: with no answers, only the first is built.
    let data = tempfile::tempdir().unwrap();
    napkin_in(data.path())
        .args(["drill", "--plain", "--seed", "5", "--count", "1000"])
        .write_stdin("")
        .assert()
        .success()
        .stdout(predicate::str::contains("Q1/1000 ["))
        .stdout(predicate::str::contains("Q2/1000").not())
        .stdout(predicate::str::contains("Session over: nothing scored."));
}

fn record(i: u64, e: f64) -> Record {
    Record {
        ts: 1_700_000_000 + i as i64,
        seed: i,
        case: "twitter".into(),
        template: "qps.peak".into(),
        skill: Skill::Qps,
        truth: 100.0,
        answer: format!("answer {i}"),
        value: Some(100.0 * 10f64.powf(e)),
        e: Some(e),
        points: Some(100.0 * (1.0 - e.abs()).max(0.0)),
        interval: None,
        interval_score: None,
        hit: None,
        unit_error: None,
        walk: None,
        mode: Default::default(),
        slip: None,
        method: None,
        follows: None,
    }
}

#[test]
fn two_writers_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("history.jsonl");
    let writers: Vec<_> = (0..2u64)
        .map(|w| {
            let path = path.clone();
            std::thread::spawn(move || {
                for i in 0..300 {
                    history::append(&path, &record(w * 1000 + i, 0.0)).unwrap();
                }
            })
        })
        .collect();
    for w in writers {
        w.join().unwrap();
    }
    let (records, warnings) = history::read(&path);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(records.len(), 600);
    let mut seeds: Vec<u64> = records.iter().map(|r| r.seed).collect();
    seeds.sort_unstable();
    seeds.dedup();
    assert_eq!(seeds.len(), 600, "every record arrived once");
}

#[test]
fn two_processes_at_once_lose_nothing() {
    let data = tempfile::tempdir().unwrap();
    const EACH: usize = 500;
    let answers = "1\n".repeat(EACH);
    let spawn = |seed: &str| {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_napkin"));
        cmd.env("XDG_DATA_HOME", data.path())
            .env("XDG_CONFIG_HOME", data.path().join("c"));
        // Shard questions: a bare "1" is a readable answer to each, and none has a range (whose
        // p50 would take 10,000 samples a question in this unoptimised build).
        cmd.args([
            "drill", "--plain", "--seed", seed, "--count", "500", "--skill", "shards",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null());
        let mut child = cmd.spawn().unwrap();
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(answers.as_bytes())
            .unwrap();
        child
    };
    // Both at once: 2 × 500 appends racing for the one file.
    let (mut a, mut b) = (spawn("3"), spawn("4"));
    assert!(a.wait().unwrap().success() && b.wait().unwrap().success());
    let (records, warnings) = history::read(&data.path().join("napkin").join("history.jsonl"));
    assert!(warnings.is_empty(), "every line whole: {warnings:?}");
    assert_eq!(records.len(), 2 * EACH);
    // Each process's 500 answers, every one of them, by the seeds of its questions.
    let mut got: Vec<u64> = records.iter().map(|r| r.seed).collect();
    let mut want: Vec<u64> = [3, 4]
        .into_iter()
        .flat_map(|seed| (0..EACH as u64).map(move |i| session::question_seed(seed, i)))
        .collect();
    got.sort_unstable();
    want.sort_unstable();
    assert_eq!(got, want);
}

/// `napkin drill --plain` on three QPS questions, each answered "1", with the history at
/// `data`/napkin/history.jsonl; returns (stdout, stderr).
fn three_answers(data: &std::path::Path) -> (String, String) {
    let out = napkin_in(data)
        .args([
            "drill", "--plain", "--seed", "3", "--count", "3", "--skill", "qps",
        ])
        .write_stdin("1\n1\n1\n")
        .output()
        .unwrap();
    assert!(out.status.success(), "the drill ends well: {out:?}");
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    (text(out.stdout), text(out.stderr))
}

#[test]
fn a_device_as_the_history_is_said_once_and_the_drill_goes_on() {
    if !std::path::Path::new("/dev/full").exists() {
        eprintln!("no /dev/full on this system: the device test did not run");
        return;
    }
    // A device is not written to, as it is not read from (a full disk's wording is tested in
    // drill::session).
    let data = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(data.path().join("napkin")).unwrap();
    std::os::unix::fs::symlink("/dev/full", data.path().join("napkin/history.jsonl")).unwrap();
    let (out, err) = three_answers(data.path());
    assert!(
        out.contains("Q3/3") && out.contains("Session over: 3 scored"),
        "{out}"
    );
    assert_eq!(
        err.matches("could not save this answer").count(),
        1,
        "{err}"
    );
    for words in [
        "history.jsonl",
        "the history is not a regular file",
        "the drill goes on",
        "help: move what stands there away, so that napkin can make the file, or set XDG_DATA_HOME to a writable directory",
    ] {
        assert!(err.contains(words), "{words}: {err}");
    }
    assert_eq!(err.matches("not saved either").count(), 2, "{err}");
    // Reading a device as the history would never end: stats says so and reads nothing.
    napkin_in(data.path())
        .arg("stats")
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .success()
        .stderr(predicate::str::contains("not a regular file"))
        .stdout(predicate::str::contains("No drills yet"));
}

#[test]
fn a_history_that_is_a_fifo_or_dev_zero_is_refused_and_the_answer_said_not_saved() {
    // Both take any write and keep nothing: the drill once said "1 scored" and wrote nowhere.
    let fifo = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(fifo.path().join("napkin")).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(fifo.path().join("napkin/history.jsonl"))
        .status()
        .expect("mkfifo runs");
    assert!(made.success(), "mkfifo");
    let zero = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(zero.path().join("napkin")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", zero.path().join("napkin/history.jsonl")).unwrap();
    for data in [fifo.path(), zero.path()] {
        let out = napkin_in(data)
            .args([
                "drill", "--plain", "--seed", "3", "--count", "3", "--skill", "qps",
            ])
            .write_stdin("1\n1\n1\n")
            .timeout(std::time::Duration::from_secs(30))
            .output()
            .unwrap();
        let (out, err) = (
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr),
        );
        assert!(
            out.contains("Session over: 3 scored")
                && out.contains("3 answers were not saved (see the warnings)"),
            "{out}"
        );
        assert!(!out.contains("`napkin stats` shows your progress"), "{out}");
        for words in [
            "warning: could not save this answer to",
            "history.jsonl: the history is not a regular file",
            "help: move what stands there away",
        ] {
            assert!(err.contains(words), "{words}: {err}");
        }
        assert_eq!(err.matches("not saved either").count(), 2, "{err}");
    }
}

/// A writer that, when the feedback of an answer ("You: …") is written, reads the history.
struct Watching {
    history: std::path::PathBuf,
    text: String,
    /// The records in the file each time feedback was shown.
    seen: Vec<usize>,
}

impl std::io::Write for Watching {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let chunk = String::from_utf8_lossy(buf);
        if chunk.contains("You: ") {
            self.seen.push(history::read(&self.history).0.len());
        }
        self.text.push_str(&chunk);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn an_answer_is_in_the_history_before_its_feedback_is_shown() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("history.jsonl");
    let opts = session::Options {
        seed: Some(3),
        count: 3,
        filter: Filter {
            skill: Some(Skill::Qps),
            ..Filter::default()
        },
        history: Some(path.clone()),
    };
    let mut out = Watching {
        history: path,
        text: String::new(),
        seen: Vec::new(),
    };
    let mut input = std::io::Cursor::new("1\n2\n3\n");
    session::run(
        &opts,
        &presets::builtin(),
        &mut input,
        &mut out,
        &mut std::io::sink(),
    )
    .unwrap();
    assert_eq!(out.seen, [1, 2, 3], "{}", out.text);
}

#[test]
fn killed_right_after_its_feedback_a_drill_has_kept_the_answer() {
    // The drill is killed (SIGKILL) the moment an answer's feedback is read from it, again and
    // again: every answer shown as scored is in the file. At most 40 runs or 20 seconds.
    use std::io::{BufRead, Write};
    let data = tempfile::tempdir().unwrap();
    let path = data.path().join("napkin/history.jsonl");
    let start = std::time::Instant::now();
    let mut shown = 0;
    for _ in 0..40 {
        if start.elapsed() > std::time::Duration::from_secs(20) {
            break;
        }
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_napkin"))
            .args([
                "drill", "--plain", "--seed", "3", "--count", "1", "--skill", "qps",
            ])
            .env("XDG_DATA_HOME", data.path())
            .env("XDG_CONFIG_HOME", data.path().join("config"))
            .env("NO_COLOR", "1")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        child.stdin.as_mut().unwrap().write_all(b"300k\n").unwrap();
        let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
        let feedback = lines.any(|l| l.is_ok_and(|l| l.contains("You: ")));
        child.kill().unwrap();
        child.wait().unwrap();
        assert!(feedback, "the drill showed no feedback");
        shown += 1;
        let (records, warnings) = history::read(&path);
        assert_eq!(records.len(), shown, "{warnings:?}");
    }
    assert!(shown >= 5, "only {shown} runs in the time");
}

#[test]
fn an_unwritable_history_is_said_and_the_drill_goes_on() {
    // A file where the history's directory belongs: no one can write there, root included.
    let data = tempfile::tempdir().unwrap();
    std::fs::write(data.path().join("napkin"), "not a directory").unwrap();
    let (out, err) = three_answers(data.path());
    assert!(out.contains("Session over: 3 scored"), "{out}");
    for words in [
        "could not save this answer",
        "cannot create the directory",
        "the drill goes on",
        "help: make that directory writable, or set XDG_DATA_HOME to a writable directory",
    ] {
        assert!(err.contains(words), "{words}: {err}");
    }
    assert_eq!(
        std::fs::read_to_string(data.path().join("napkin")).unwrap(),
        "not a directory"
    );

    // A read-only directory, where permissions hold (not for root, who may write anywhere).
    use std::os::unix::fs::PermissionsExt;
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().join("napkin");
    std::fs::create_dir(&dir).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    if std::fs::write(dir.join("probe"), "").is_ok() {
        eprintln!(
            "permissions are not enforced for this user (root): the read-only directory case did not run; the one above did"
        );
        return;
    }
    let (out, err) = three_answers(data.path());
    assert!(out.contains("Session over: 3 scored"), "{out}");
    assert!(
        err.contains("Permission denied") && err.contains("the drill goes on"),
        "{err}"
    );
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn a_corrupt_line_is_skipped_and_never_truncated() {
    let data = tempfile::tempdir().unwrap();
    let path = data.path().join("napkin").join("history.jsonl");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let good = serde_json::to_string(&record(1, 0.1)).unwrap();
    let original = format!("{good}\n{{\"ts\": 12, this is not json\n{good}\n");
    std::fs::write(&path, &original).unwrap();
    let (records, warnings) = history::read(&path);
    assert_eq!(records.len(), 2);
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].contains("history.jsonl:2"), "{warnings:?}");
    history::append(&path, &record(2, 0.0)).unwrap();
    let now = std::fs::read_to_string(&path).unwrap();
    assert!(now.starts_with(&original), "the file is only appended to");
    napkin_in(data.path())
        .arg("stats")
        .assert()
        .success()
        .stderr(predicate::str::contains("skipped a line"))
        .stdout(predicate::str::contains("3 answers"));
}

/// The first question of `--seed 21 --case twitter --skill qps`, answered exactly, through the
/// binary; returns its prompt.
fn answer_one_question(data: &std::path::Path) -> String {
    let filter = Filter {
        case: Some("twitter".into()),
        skill: Some(Skill::Qps),
        ..Filter::default()
    };
    let q =
        question::generate(session::question_seed(21, 0), &presets::builtin(), &filter).unwrap();
    napkin_in(data)
        .args([
            "drill",
            "--plain",
            "--seed",
            "21",
            "--count",
            "1",
            "--only-case",
            "twitter",
            "--skill",
            "qps",
        ])
        .write_stdin(format!("{}\n", q.truth))
        .assert()
        .success()
        .stdout(predicate::str::contains("100 points"));
    q.prompt
}

#[test]
fn a_record_whose_numbers_are_out_of_range_is_skipped_as_damaged() {
    // Numbers the drill cannot have written: once read into 300-digit averages and "inf×".
    let data = tempfile::tempdir().unwrap();
    let path = data.path().join("napkin").join("history.jsonl");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let good = serde_json::to_string(&record(1, 0.1)).unwrap();
    let with = |field: &str, value: &str| {
        let mut v: serde_json::Value = serde_json::from_str(&good).unwrap();
        v[field] = serde_json::from_str(value).unwrap();
        v.to_string()
    };
    let text = [
        good.clone(),
        with("points", "-1e308"),
        with("e", "1e308"),
        with("truth", "0"),
        with("value", "-5"),
        with("interval", "[5, 1]"),
        with("interval_score", "-1"),
    ]
    .join("\n");
    std::fs::write(&path, &text).unwrap();
    let (records, warnings) = history::read(&path);
    assert_eq!(records.len(), 1, "{warnings:?}");
    for (line, field) in [
        (2, "points"),
        (3, "e"),
        (4, "truth"),
        (5, "value"),
        (6, "interval"),
        (7, "interval_score"),
    ] {
        let said =
            format!("history.jsonl:{line}: skipped a record whose {field} is out of its range");
        assert!(
            warnings.iter().any(|w| w.ends_with(&said)),
            "{said}: {warnings:?}"
        );
    }
    let out = napkin_in(data.path()).arg("stats").output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(stdout.contains("1 answer"), "{stdout}");
    assert!(
        !stdout.contains("inf") && !stdout.contains("0000000000"),
        "{stdout}"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        text,
        "the file is kept as it was"
    );
}

#[test]
fn a_20_mb_answer_line_is_cut_and_its_length_said() {
    let mut stdin = vec![b'5'; 20 << 20];
    stdin.extend_from_slice(b"\n?\n");
    let out = common::napkin()
        .args(QPS)
        .write_stdin(stdin)
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains(
            "That line is 20,971,520 bytes long, too long for an answer (at most 200 characters)"
        ),
        "{}",
        stdout.chars().take(2000).collect::<String>()
    );
    assert!(
        stdout.len() < 10_000,
        "the line is not echoed: {} bytes",
        stdout.len()
    );
    assert!(stdout.contains("Revealed"), "the drill goes on");
}

/// A drill of one QPS question.
const QPS: &[&str] = &[
    "drill", "--plain", "--seed", "3", "--count", "1", "--skill", "qps",
];

#[test]
fn an_answer_after_a_torn_last_line_is_kept() {
    let data = tempfile::tempdir().unwrap();
    let path = data.path().join("napkin").join("history.jsonl");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let good = serde_json::to_string(&record(1, 0.1)).unwrap();
    // A write cut short: the last line has no newline.
    let torn = format!("{good}\n{}", &good[..good.len() / 2]);
    std::fs::write(&path, &torn).unwrap();
    answer_one_question(data.path());
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(after.starts_with(&format!("{torn}\n{{")), "{after}");
    let (records, warnings) = history::read(&path);
    assert_eq!(records.len(), 2, "{after}");
    assert_eq!(records[1].points, Some(100.0));
    assert_eq!(warnings.len(), 1, "the torn line: {warnings:?}");
    assert!(warnings[0].contains("history.jsonl:2"), "{warnings:?}");
    napkin_in(data.path())
        .arg("stats")
        .assert()
        .success()
        .stderr(predicate::str::contains("skipped a line"))
        .stdout(predicate::str::contains("2 answers, 2 scored"));
    // Reading, by stats or by a drill looking for reviews, rewrites nothing.
    napkin_in(data.path())
        .args(["drill", "--plain", "--count", "2"])
        .write_stdin("")
        .assert()
        .success();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), after);
}

#[test]
fn a_whole_record_without_its_newline_is_kept_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("history.jsonl");
    std::fs::write(&path, serde_json::to_string(&record(1, 0.0)).unwrap()).unwrap();
    history::append(&path, &record(2, 0.0)).unwrap();
    let (records, warnings) = history::read(&path);
    assert!(warnings.is_empty(), "{warnings:?}");
    let seeds: Vec<u64> = records.iter().map(|r| r.seed).collect();
    assert_eq!(seeds, [1, 2]);
    // An empty file gets no blank first line.
    let fresh = dir.path().join("new.jsonl");
    std::fs::write(&fresh, "").unwrap();
    history::append(&fresh, &record(3, 0.0)).unwrap();
    assert!(!std::fs::read_to_string(&fresh).unwrap().starts_with('\n'));
}

#[test]
fn twenty_warnings_about_a_damaged_history_then_a_count() {
    let data = tempfile::tempdir().unwrap();
    let path = data.path().join("napkin").join("history.jsonl");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let good = serde_json::to_string(&record(1, 0.0)).unwrap();
    // 25 damaged lines around one good one: 20 warnings, then "… and 5 more".
    let mut text = "garbage\n".repeat(12);
    text.push_str(&format!("{good}\n"));
    text.push_str(&"{\"ts\": 1}\n".repeat(13));
    std::fs::write(&path, &text).unwrap();
    let (records, warnings) = history::read(&path);
    assert_eq!(records.len(), 1);
    assert_eq!(warnings.len(), history::MAX_WARNINGS + 1, "{warnings:?}");
    assert!(warnings[19].contains("history.jsonl:21:"), "{warnings:?}");
    assert!(
        warnings[20].ends_with("… and 5 more damaged lines"),
        "{warnings:?}"
    );
    let out = napkin_in(data.path()).arg("stats").output().unwrap();
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.matches("skipped a line").count(), 20, "{err}");
    assert!(err.contains("… and 5 more damaged lines"), "{err}");
    assert!(String::from_utf8(out.stdout).unwrap().contains("1 answer,"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn a_miss_comes_back_as_a_review_with_fresh_numbers() {
    // e = 0.6 (4× high) at ts 1,700,000,001 is due a day later; the drill, run later, asks the
    // same kind of question first, marked as a review, on new numbers.
    let data = tempfile::tempdir().unwrap();
    let path = data.path().join("napkin").join("history.jsonl");
    history::append(&path, &record(1, 0.6)).unwrap();
    let out = napkin_in(data.path())
        .args(["drill", "--plain", "--count", "2"])
        .write_stdin("")
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "1 question from your review queue comes first",
        ))
        .stdout(predicate::str::contains("Q1/2 [QPS · twitter · review]"))
        .get_output()
        .stdout
        .clone();
    // The record was of seed 1: the review is drawn afresh each time. The numbers are drawn
    // from a few napkin values, so two draws may agree by chance: of four, not all agree.
    let first = |out: &[u8]| {
        String::from_utf8(out.to_vec())
            .unwrap()
            .lines()
            .find(|l| l.contains("peak"))
            .map(str::to_string)
    };
    assert!(first(&out).is_some());
    let mut seen = vec![first(&out)];
    for _ in 0..3 {
        let again = napkin_in(data.path())
            .args(["drill", "--plain", "--count", "2"])
            .write_stdin("")
            .output()
            .unwrap()
            .stdout;
        seen.push(first(&again));
    }
    seen.dedup();
    assert!(seen.len() > 1, "a review repeats its numbers: {seen:?}");
}

/// `v` moved by a third, written so the field's kind reads it back.
fn moved(v: f64, kind: napkin::units::Kind) -> Option<String> {
    use napkin::units::Kind;
    Some(match kind {
        Kind::Count | Kind::Rate | Kind::Factor | Kind::Number | Kind::Flop => {
            format!("{}", v * 1.37)
        }
        Kind::Integer => format!("{}", (v * 1.37).round().max(v + 1.0)),
        Kind::Fraction => format!("{}", v * 0.9),
        Kind::Size | Kind::SizePerDay => format!("{} B", v * 1.37),
        Kind::Duration | Kind::DeviceTime => format!("{} s", v * 1.37),
        Kind::DataRate => format!("{} B/s", v * 1.37),
        Kind::Money => format!("${}", v * 1.37),
    })
}

/// The answer of a question on `s`, the scenario it was asked on or that with one input moved: the
/// output `id`'s value, or its p50 over the samples `options` draws when `s` has ranges. `ids`
/// are the outputs of the question's own scenario, in the order the estimate gives them: a
/// scenario that gives the same outputs is read by position from its values alone, any other by
/// id from its working.
fn answer_on(
    s: &napkin::scenario::Scenario,
    id: &napkin::estimate::OutputId,
    ids: &[napkin::estimate::OutputId],
    mc: &mut napkin::whatif::montecarlo::MonteCarlo,
    options: napkin::whatif::montecarlo::Options,
) -> f64 {
    use napkin::estimate::{self, Estimate, Values};
    let (mut values, mut sections) = (Vec::new(), Vec::new());
    let mut t = Values {
        values: &mut values,
        sections: Some(&mut sections),
        givens: &[],
    };
    estimate::run(s, &mut Estimate::default(), &mut t);
    let at = if sections.iter().eq(ids.iter().map(|i| &i.section)) {
        ids.iter().position(|i| i == id)
    } else {
        estimate::explain(s).1.iter().position(|o| o.id == *id)
    };
    let Some(at) = at else { return f64::NAN };
    if s.ranges.is_empty() {
        return values[at];
    }
    match mc.run(s, options) {
        Some(Ok(u)) => u.spreads[at].p50,
        _ => f64::NAN,
    }
}

#[test]
fn every_question_states_every_input_its_answer_depends_on() {
    use napkin::scenario::overrides;
    use napkin::scenario::schema::{FieldKind, Value};
    use napkin::whatif::montecarlo::{MonteCarlo, Options};
    let presets = presets::builtin();
    // One Monte Carlo for every check: its draws, the same for every run, are made once.
    let mut mc = MonteCarlo::default();
    // A question's p50 is over 10,000 samples. With one input moved, its answer is compared over
    // 1,000 of them with the question's own at those 1,000: the same samples give the same p50
    // unless the moved input matters, whatever their number, and this unoptimised build takes
    // ~25 ms for 10,000.
    let fewer = Options {
        samples: 1_000,
        ..Options::default()
    };
    let mut checked = 0;
    for t in TEMPLATES {
        let f = Filter {
            template: Some(t.id.to_string()),
            ..Filter::default()
        };
        // What question::generate makes for each seed, with the presets read once.
        let questions = question::Generator::new(&presets, &f);
        for seed in 0..4 {
            let Some(q) = questions.question(seed) else {
                continue;
            };
            let ids: Vec<_> = napkin::estimate::explain(&q.scenario)
                .1
                .into_iter()
                .map(|o| o.id)
                .collect();
            let asked =
                |mc: &mut MonteCarlo, options| answer_on(&q.scenario, &q.output, &ids, mc, options);
            assert_eq!(
                asked(&mut mc, Options::default()).to_bits(),
                q.truth.to_bits(),
                "{}",
                t.id
            );
            let before = asked(&mut mc, fewer);
            for path in overrides::paths(&q.scenario) {
                if q.stated.contains(&path) {
                    continue;
                }
                let Some((Value::Num(v), FieldKind::Quantity(kind))) =
                    overrides::get(&q.scenario, &path)
                else {
                    continue;
                };
                if v <= 0.0 {
                    continue;
                }
                let mut s = q.scenario.clone();
                let Some(text) = moved(v, kind) else { continue };
                if overrides::set_path(&mut s, &path, &text).is_err()
                    || !napkin::scenario::validate::validate(&s).is_empty()
                {
                    continue;
                }
                let after = answer_on(&s, &q.output, &ids, &mut mc, fewer);
                assert!(
                    (after - before).abs() <= 1e-9 * before,
                    "{} ({}): the answer depends on {path}, which the question does not state:\n{}",
                    t.id,
                    q.case,
                    q.prompt
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 500, "{checked}");
}

#[test]
fn an_engine_question_names_the_engines_overheads() {
    let f = Filter {
        case: Some("similar-listings".into()),
        template: Some("memory.engine_qdrant".into()),
        ..Filter::default()
    };
    let q = question::generate(5, &presets::builtin(), &f).unwrap();
    assert_eq!(q.output, "index.engine.qdrant");
    assert!(q.prompt.contains("on Qdrant?"), "{}", q.prompt);
    assert!(q.prompt.contains("52-byte id tracker"), "{}", q.prompt);
    // The page's sum: (vectors × dims × 4 B + vectors × m × 2 × 4 B × 1.2 + vectors × 52 B)
    // × 1.2 (the case study's vectors are f32, its index HNSW).
    let e = q.scenario.embeddings.as_ref().unwrap();
    let m = q.scenario.index.as_ref().unwrap().hnsw_m;
    let n = e
        .vectors
        .map_or_else(|| q.scenario.corpora[0].items.0, |v| v.0);
    let want = (n * e.dim * 4.0 + n * m * 2.0 * 4.0 * 1.2 + n * 52.0) * 1.2;
    assert!(
        (q.truth - want).abs() < 1e-9 * q.truth,
        "{} vs {want}",
        q.truth
    );
    // The feedback's working names the parts and the source.
    let coach::Attempt::Judged(j) = coach::attempt(&q, "1 TB") else {
        panic!("1 TB is judged");
    };
    let shown = coach::render(&q, &j);
    assert!(shown.contains("id tracker"), "{shown}");
    assert!(shown.contains("capacity-planning"), "{shown}");
}

/// The ML questions name their own slips.
mod ml_slips {
    use napkin::drill::question::{Filter, Question, generate};
    use napkin::drill::slips::{SlipKind, named};
    use napkin::presets;

    fn question(template: &str, case: &str) -> Question {
        let filter = Filter {
            case: Some(case.into()),
            template: Some(template.into()),
            ..Default::default()
        };
        generate(7, &presets::builtin(), &filter).unwrap_or_else(|| panic!("no {template}"))
    }

    fn kind(q: &Question, v: f64) -> Option<SlipKind> {
        named(q, v).map(|s| s.kind)
    }

    #[test]
    fn forgetting_the_backward_pass_is_named() {
        // Video recommendation gives params: 2·N·D is a third of the truth.
        let q = question("ml.training_flops", "video-recommendation");
        assert_eq!(kind(&q, q.truth / 3.0), Some(SlipKind::BackwardPass));
        assert_eq!(kind(&q, q.truth), None);
    }

    #[test]
    fn forgetting_the_optimizer_state_is_named() {
        // 1B rows × 128 × 4 B = 512 GB of weights; with Adam the table is 3 × 512 = 1.536 TB, so
        // an answer of 512 GB is the weights alone.
        let mut q = question("ml.embedding_memory", "ad-click-prediction");
        q.scenario = napkin::scenario::load_str(
            "[meta]\nid = \"t\"\ntitle = \"T\"\n[[embedding_table]]\nname = \"users\"\nrows = \"1B\"\ndim = 128\noptimizer = \"adam\"\n",
            "t.toml",
        )
        .unwrap();
        q.truth = 1.536e12;
        assert_eq!(kind(&q, 5.12e11), Some(SlipKind::OptimizerState));
        assert_eq!(kind(&q, 1.5e12), None);
    }

    #[test]
    fn relative_for_absolute_mde_is_named() {
        // Ad clicks: a relative MDE of 1% at a 1% baseline; δ taken as 0.01 instead of 1e-4
        // gives n about 1e-4 of the truth (the null term does not scale exactly).
        let q = question("ml.experiment_sample", "ad-click-prediction");
        let mut wrong = q.scenario.clone();
        let m = wrong.experiment.as_ref().unwrap().mde_relative.unwrap();
        let x = wrong.experiment.as_mut().unwrap();
        x.mde_relative = None;
        x.mde_absolute = Some(m);
        let v = napkin::estimate::explain(&wrong)
            .1
            .into_iter()
            .find(|o| o.id == q.output)
            .unwrap()
            .value;
        assert!(v < q.truth / 1000.0, "{v} vs {}", q.truth);
        assert_eq!(kind(&q, v), Some(SlipKind::MdeMixup));
    }

    #[test]
    fn forgetting_consensus_labels_is_named() {
        // Street View: 3 boxes an image, so one label an item is a third of the cost.
        let q = question("ml.labelling_cost", "street-view-blurring");
        assert_eq!(kind(&q, q.truth / 3.0), Some(SlipKind::Consensus));
    }
}

#[test]
fn the_case_walk_asks_the_ml_side_after_the_software() {
    let order = napkin::drill::walk::ORDER;
    let last_software = order.iter().position(|&t| t == "latency.budget").unwrap();
    let first_ml = order.iter().position(|t| t.starts_with("ml.")).unwrap();
    assert!(first_ml > last_software);
    for id in order {
        assert!(
            napkin::drill::templates::TEMPLATES
                .iter()
                .any(|t| t.id == *id),
            "{id} is no template"
        );
    }
}

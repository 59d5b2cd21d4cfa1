//! Strings that came from a file or an argument reach the terminal escaped, in every output:
//! text, Markdown, CSV, the presets list, the drill, stats and errors; JSON escapes them itself
//! and keeps them whole.

use crate::common;
use common::{napkin, napkin_config, napkin_in};

/// A title and a note that would recolour the terminal, clear it, set its window title, ring its
/// bell, return the carriage and start a line: ESC [ … m, OSC … BEL, C1 CSI, CR, LF.
const HOSTILE: &str = "Evil\\u001b[31mred\\u001b]0;pwned\\u0007\\u009b2J\\r\\nnext";

fn scenario() -> String {
    format!(
        "[meta]\nid = \"hostile\"\ntitle = \"{HOSTILE}\"\n\
         [traffic]\ndau = {{ value = \"100M..400M\", assume = \"{HOSTILE}\" }}\nrequests_per_user_per_day = 5\n\
         [embeddings]\nvectors = \"100M\"\ndim = 256\n\
         [index]\nkind = \"flat\"\nnode_memory = \"256 GiB\"\n"
    )
}

/// The control characters a terminal acts on: C0 but line feed and tab, DEL, and C1.
fn controls(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| c.is_control() && c != '\n' && c != '\t')
        .collect()
}

fn assert_clean(what: &str, out: &std::process::Output) {
    for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        let text = String::from_utf8_lossy(bytes);
        let found = controls(&text);
        assert!(
            found.is_empty(),
            "{what}: {stream} holds {found:?}:\n{text}"
        );
    }
}

#[test]
fn a_hostile_title_and_note_reach_no_terminal_raw_in_any_format() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hostile.toml");
    std::fs::write(&file, scenario()).unwrap();
    let f = file.to_str().unwrap();
    let runs: &[&[&str]] = &[
        &["calc", f],
        &["calc", f, "--brief"],
        &["calc", f, "--format", "markdown"],
        &["calc", f, "--list-inputs"],
        &["calc", f, "--engines"],
        &["calc", f, "--engines", "--format", "markdown"],
        &["calc", f, "--tornado", "traffic.peak_qps"],
        &[
            "calc",
            f,
            "--tornado",
            "traffic.peak_qps",
            "--format",
            "markdown",
        ],
        &[
            "sweep",
            f,
            "--vary",
            "traffic.requests_per_user_per_day=1..10",
        ],
        &[
            "sweep",
            f,
            "--vary",
            "traffic.requests_per_user_per_day=1..10",
            "--format",
            "markdown",
        ],
        &[
            "sweep",
            f,
            "--vary",
            "traffic.requests_per_user_per_day=1..10",
            "--format",
            "csv",
        ],
        &["compare", f, f],
        &["compare", f, f, "--format", "markdown"],
    ];
    for args in runs {
        let out = napkin().args(*args).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_clean(&args.join(" "), &out);
        let text = String::from_utf8_lossy(&out.stdout);
        // The escape is shown, so the title can be told (a tornado and CSV show none); the title
        // keeps to its line.
        assert!(
            args.contains(&"--tornado")
                || args.contains(&"csv")
                || text.contains("Evil\\u{1b}[31mred"),
            "{args:?}:\n{text}"
        );
        assert!(
            !text.lines().any(|l| l.starts_with("next")),
            "{args:?}:\n{text}"
        );
    }
    // JSON: every control escaped, and the title read back whole.
    let jsons: &[&[&str]] = &[
        &["calc", f, "--format", "json"],
        &["calc", f, "--engines", "--format", "json"],
        &[
            "sweep",
            f,
            "--vary",
            "traffic.requests_per_user_per_day=1..10",
            "--format",
            "json",
        ],
        &["compare", f, f, "--format", "json"],
    ];
    let title = "Evil\u{1b}[31mred\u{1b}]0;pwned\u{7}\u{9b}2J\r\nnext";
    for args in jsons {
        let out = napkin().args(*args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        // No control a terminal obeys: C0 but the line feed, DEL, and C1 (U+009B is a CSI).
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "{args:?}: {text}"
        );
        assert!(text.contains(r"pwned\u0007\u009b2J"), "{args:?}: {text}");
    }
    let doc = common::json(&["calc", f, "--format", "json"]);
    assert_eq!(doc["scenario"]["title"], title);
}

#[test]
fn a_hostile_user_preset_the_drill_and_stats_reach_no_terminal_raw() {
    let dir = tempfile::tempdir().unwrap();
    let presets = dir.path().join("napkin/presets");
    std::fs::create_dir_all(&presets).unwrap();
    std::fs::write(presets.join("hostile.toml"), scenario()).unwrap();
    let out = napkin_config(dir.path())
        .args(["presets", "list"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_clean("presets list", &out);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Evil\\u{1b}[31mred"));
    // A preset file holding a raw escape (no TOML allows one) is shown escaped; a well-formed
    // one, CRLF line ends and all, byte for byte.
    std::fs::write(
        presets.join("raw.toml"),
        "# \u{1b}]0;pwned\u{7}\r\n[meta]\r\n",
    )
    .unwrap();
    let out = napkin_config(dir.path())
        .args(["presets", "show", "raw"])
        .output()
        .unwrap();
    assert_clean("presets show", &out);
    std::fs::write(presets.join("crlf.toml"), "[meta]\r\nid = \"crlf\"\r\n").unwrap();
    let out = napkin_config(dir.path())
        .args(["presets", "show", "crlf"])
        .output()
        .unwrap();
    assert_eq!(out.stdout, b"[meta]\r\nid = \"crlf\"\r\n");

    // A case walk shows the title; an answer with escapes is echoed escaped.
    let file = dir.path().join("hostile.toml");
    std::fs::write(&file, scenario()).unwrap();
    let data = tempfile::tempdir().unwrap();
    let out = napkin_in(data.path())
        .args(["drill", "--plain", "--case", file.to_str().unwrap()])
        .write_stdin("5\u{1b}[31mk\n?\n\n\n\n\n\n\n\n")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_clean("drill --case", &out);

    // A history whose case and answer hold escapes: stats and the drill's reviews.
    let history = data.path().join("napkin/history.jsonl");
    std::fs::create_dir_all(history.parent().unwrap()).unwrap();
    let line = serde_json::json!({
        "ts": 1_700_000_000, "seed": 1, "case": "tw\u{1b}[2Jitter", "template": "qps.peak",
        "skill": "qps", "truth": 100.0, "answer": "1\u{7}", "value": 1.0, "e": -2.0, "points": 0.0
    });
    std::fs::write(&history, format!("{line}\n{{\"bad\u{1b}[2J\n")).unwrap();
    let out = napkin_in(data.path()).arg("stats").output().unwrap();
    assert!(out.status.success());
    assert_clean("stats", &out);
}

#[test]
fn errors_keep_each_part_on_its_line_and_escape_what_they_echo() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.toml");
    std::fs::write(
        &file,
        "[meta]\nid = \"x\"\ntitle = \"X\"\n[[embedding_table]]\nname = \"a\\nb\\u001b]0;t\\u0007\"\nrows = 5\n",
    )
    .unwrap();
    let out = napkin()
        .args(["calc", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_clean("a bad name", &out);
    let err = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "an error line and a help line:\n{err}");
    assert!(
        lines[0].contains("embedding_table.a\\nb\\u{1b}]0;t\\u{7}"),
        "{err}"
    );
    // An argument echoed back: a preset id, a --set path.
    for args in [
        &["calc", "tw\u{1b}[31mitter\nx"][..],
        &["calc", "twitter", "--set", "traffic.d\u{1b}[2Jau=5"][..],
        &["calc", "twitter", "--set", "traffic.dau=5\u{7}"][..],
    ] {
        let out = napkin().args(args).output().unwrap();
        assert_ne!(out.status.code(), Some(0), "{args:?}");
        assert_clean(&format!("{args:?}"), &out);
    }
}

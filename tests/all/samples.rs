//! The documents' samples are the program's own output: each fenced block after a marker in
//! README.md, CONTRIBUTING.md or docs/*.md is compared with what the command prints now, so a
//! sample cannot drift from the program; and every command line the documents show is run.
//!
//! Markers (HTML comments, unseen on a rendered page), each on the line before its block:
//! - `<!-- sample: napkin ARGS [< "STDIN"] [2>&1] -->`: the block is the command's output, byte
//!   for byte (a first line starting with `$ ` shows the command and is not compared). It runs
//!   in the repository's root (so `examples/flat.toml` is there) with no configuration and no
//!   drill history.
//! - `<!-- sample-excerpt: napkin ARGS … -->`: the block is parts of the output, each part's
//!   lines in a row and the parts in order, with a line `…` between parts.
//! - `<!-- sample-file: examples/NAME -->`: the block is that file of the repository, byte for
//!   byte: the file is what the commands read, the block what the reader sees.
//! - `<!-- sample-json: napkin ARGS -->`: the block is JSON with only some of the output's keys
//!   and items (`"…"` stands for the rest): every key it shows has the value shown, and the
//!   items of a list shown are items of the output's list, in its order.
//! - `<!-- sample-tui: PRESET WxH [KEY…] -->`: the block is the screen on PRESET at that size
//!   after the keys (`Tab`, or a character).
//!
//! Generated parts, between `<!-- generated: NAME -->` and `<!-- end generated: NAME -->`:
//! `presets-table` (`napkin presets table`), `inputs` (every key of a scenario file, from the
//! sections' registry) and `keys` (the screen's key table, from the keymap).
//!
//! Every other line of a fenced block that is a `napkin` command (`napkin …` or `$ napkin …`)
//! is run and must succeed: a comment after `#` and what a pipe does with the output are left
//! out, `< FILE` is its standard input, and `napkin tui X`, which needs a terminal, is checked
//! as `napkin calc X` (the scenario it opens).
//!
//! `NAPKIN_BLESS=1 cargo test --test all samples::` writes the current output into the text and
//! screen samples, the example files into their blocks and the generated parts, instead of
//! failing; read the diff before committing it.

use crate::common;

use common::napkin_in;
use napkin::presets;
use napkin::tui::app::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The documents whose samples are checked.
fn documents() -> Vec<PathBuf> {
    let mut docs = vec![root().join("README.md"), root().join("CONTRIBUTING.md")];
    if let Ok(dir) = std::fs::read_dir(root().join("docs")) {
        let mut more: Vec<PathBuf> = dir
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "md"))
            .collect();
        more.sort();
        docs.extend(more);
    }
    docs.retain(|d| d.exists());
    docs
}

/// A marker and the fenced block after it: the block's content lines are `body`.
struct Sample {
    kind: String,
    spec: String,
    /// Line index of the first content line, and one past the last.
    body: (usize, usize),
}

fn samples(lines: &[&str], doc: &Path) -> Vec<Sample> {
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(rest) = line.trim().strip_prefix("<!-- sample") else {
            continue;
        };
        let rest = rest.strip_suffix("-->").unwrap_or_else(|| {
            panic!("{}:{}: a sample marker ends with -->", doc.display(), i + 1)
        });
        let (kind, spec) = rest
            .split_once(':')
            .unwrap_or_else(|| panic!("{}:{}: write <!-- sample: … -->", doc.display(), i + 1));
        let open = i + 1;
        assert!(
            lines.get(open).is_some_and(|l| l.starts_with("```")),
            "{}:{}: a sample marker is followed by its fenced block",
            doc.display(),
            i + 1
        );
        let close = (open + 1..lines.len())
            .find(|&j| lines[j].starts_with("```"))
            .unwrap_or_else(|| panic!("{}:{}: the block is not closed", doc.display(), open + 1));
        out.push(Sample {
            kind: kind.trim_start_matches('-').to_string(),
            spec: spec.trim().to_string(),
            body: (open + 1, close),
        });
    }
    out
}

/// What `napkin ARGS [< "STDIN"] [2>&1]` prints, run in `dir`.
fn run(spec: &str, dir: &Path) -> String {
    let words = shlex::split(spec).unwrap_or_else(|| panic!("cannot split `{spec}`"));
    assert_eq!(words.first().map(String::as_str), Some("napkin"), "{spec}");
    let mut args = Vec::new();
    let mut stdin = String::new();
    let mut both = false;
    let mut words = words.into_iter().skip(1);
    while let Some(w) = words.next() {
        match w.as_str() {
            "<" => stdin = words.next().unwrap().replace("\\n", "\n"),
            "2>&1" => both = true,
            _ => args.push(w),
        }
    }
    let out = napkin_in(dir)
        .current_dir(root())
        .env("COLUMNS", "100")
        .args(&args)
        .write_stdin(stdin)
        .output()
        .unwrap();
    let mut text = String::from_utf8(out.stdout).unwrap();
    if both {
        text.push_str(&String::from_utf8(out.stderr).unwrap());
    } else {
        assert!(
            out.status.success(),
            "`{spec}` failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    text
}

/// The screen on `PRESET` at `WxH` after the keys.
fn screen(spec: &str) -> String {
    let mut words = spec.split_whitespace();
    let id = words.next().unwrap();
    let (w, h) = words.next().and_then(|s| s.split_once('x')).unwrap();
    let (w, h) = (w.parse().unwrap(), h.parse().unwrap());
    let mut app = App::new(None, false);
    let p = presets::builtin()
        .into_iter()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("no preset {id}"));
    let s = p.load().unwrap();
    app.open(p.text, s);
    for k in words {
        let code = match k {
            "Tab" => KeyCode::Tab,
            "Enter" => KeyCode::Enter,
            c if c.chars().count() == 1 => KeyCode::Char(c.chars().next().unwrap()),
            other => panic!("unknown key {other}"),
        };
        app.on_key(
            KeyEvent::new(code, KeyModifiers::NONE),
            std::time::Instant::now(),
        );
    }
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
    // The backend writes each row quoted: the screen is what is inside the quotes.
    terminal
        .backend()
        .to_string()
        .lines()
        .map(|l| {
            let l = l.strip_prefix('"').unwrap_or(l);
            l.strip_suffix('"').unwrap_or(l).trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Whether the parts of `shown` (split at lines `…`) are in `output`, each whole and in order;
/// the part that is not, if any.
fn excerpt(shown: &[String], output: &str) -> Result<(), String> {
    let output: Vec<&str> = output.lines().collect();
    let mut at = 0;
    for part in shown.split(|l| l.trim() == "…") {
        let found = (at..output.len() + 1)
            .filter(|&i| i + part.len() <= output.len())
            .find(|&i| {
                output[i..i + part.len()]
                    .iter()
                    .zip(part)
                    .all(|(o, p)| o == p)
            });
        match found {
            Some(i) => at = i + part.len(),
            None => return Err(part.join("\n")),
        }
    }
    Ok(())
}

/// Each key and item of `shown` has the same value in `real`; `"…"` stands for what is left out.
fn subset(shown: &serde_json::Value, real: &serde_json::Value, at: &str) -> Result<(), String> {
    use serde_json::Value;
    match (shown, real) {
        (Value::String(s), _) if s == "…" => Ok(()),
        (Value::String(s), Value::String(r)) if s.ends_with('…') => {
            if r.starts_with(s.trim_end_matches('…').trim_end()) {
                Ok(())
            } else {
                Err(format!("{at}: shows {s:?}, the output has {r:?}"))
            }
        }
        (Value::Object(s), Value::Object(r)) => {
            for (k, v) in s {
                if k == "…" {
                    continue;
                }
                let Some(rv) = r.get(k) else {
                    return Err(format!("{at}.{k}: not in the output"));
                };
                subset(v, rv, &format!("{at}.{k}"))?;
            }
            Ok(())
        }
        // The items shown are some of the output's, in its order.
        (Value::Array(s), Value::Array(r)) => {
            let mut next = 0;
            for (i, v) in s.iter().enumerate() {
                if v == "…" {
                    continue;
                }
                let Some(j) = (next..r.len()).find(|&j| subset(v, &r[j], "").is_ok()) else {
                    return Err(format!(
                        "{at}[{i}]: no item of the output after the ones before is {v}"
                    ));
                };
                next = j + 1;
            }
            Ok(())
        }
        (Value::Number(s), Value::Number(r)) => {
            let (s, r) = (s.as_f64().unwrap(), r.as_f64().unwrap());
            // A sample may round: it agrees to the figures it shows, and to three at least (so
            // "1e9" is 1.00e9), nine at most.
            let digits = shown.to_string().trim_start_matches('-').replace('.', "");
            let figures = digits
                .split(['e', 'E'])
                .next()
                .unwrap()
                .trim_start_matches('0')
                .len()
                .clamp(3, 9);
            let magnitude = if s == 0.0 {
                0
            } else {
                s.abs().log10().floor() as i32
            };
            let tolerance = if s == 0.0 {
                0.0
            } else {
                0.5 * 10f64.powi(magnitude + 1 - figures as i32)
            };
            if s == r || (s - r).abs() <= tolerance {
                Ok(())
            } else {
                Err(format!("{at}: shows {s}, the output has {r}"))
            }
        }
        _ if shown == real => Ok(()),
        _ => Err(format!("{at}: shows {shown}, the output has {real}")),
    }
}

#[test]
fn every_sample_in_the_documents_is_the_programs_output() {
    let bless = std::env::var_os("NAPKIN_BLESS").is_some();
    let mut stale = Vec::new();
    let mut checked = 0;
    for doc in documents() {
        let text = std::fs::read_to_string(&doc).unwrap();
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
        let found = samples(&refs, &doc);
        let dir = tempfile::tempdir().unwrap();
        // Later samples replace earlier lines: walk from the end so indices hold.
        let mut replacements = Vec::new();
        for s in &found {
            let (from, to) = s.body;
            let shown = lines[from..to].join("\n");
            let place = format!("{}:{}", doc.display(), from);
            checked += 1;
            match s.kind.as_str() {
                "file" => {
                    assert!(
                        s.spec.starts_with("examples/"),
                        "{place}: a file the documents use lives in examples/"
                    );
                    let file = std::fs::read_to_string(root().join(&s.spec))
                        .unwrap_or_else(|e| panic!("{place}: {}: {e}", s.spec));
                    let file = file.trim_end_matches('\n');
                    if shown != file {
                        stale.push(format!("{place}: {} is now:\n{file}", s.spec));
                        replacements.push((from, to, file.to_string()));
                    }
                }
                "" => {
                    let command = lines[from].starts_with("$ ");
                    let shown = if command {
                        lines[from + 1..to].join("\n")
                    } else {
                        shown
                    };
                    let now = run(&s.spec, dir.path());
                    let now = now.trim_end_matches('\n');
                    if shown != now {
                        stale.push(format!("{place}: `{}` now prints:\n{now}", s.spec));
                        let first = if command { from + 1 } else { from };
                        replacements.push((first, to, now.to_string()));
                    }
                }
                "excerpt" => {
                    let command = lines[from].starts_with("$ ");
                    let first = if command { from + 1 } else { from };
                    let now = run(&s.spec, dir.path());
                    if let Err(part) = excerpt(&lines[first..to], &now) {
                        stale.push(format!(
                            "{place}: `{}` no longer prints, in this order:\n{part}\n\nIt prints:\n{now}",
                            s.spec
                        ));
                    }
                }
                "json" => {
                    let now = run(&s.spec, dir.path());
                    let real: serde_json::Value = serde_json::from_str(&now).unwrap();
                    let shown: serde_json::Value = serde_json::from_str(&shown)
                        .unwrap_or_else(|e| panic!("{place}: the sample is not JSON: {e}"));
                    if let Err(e) = subset(&shown, &real, "") {
                        stale.push(format!("{place}: `{}`: {e}", s.spec));
                    }
                }
                "tui" => {
                    let now = screen(&s.spec);
                    if shown != now {
                        stale.push(format!("{place}: the screen `{}` is now:\n{now}", s.spec));
                        replacements.push((from, to, now));
                    }
                }
                other => panic!("{place}: unknown sample kind `{other}`"),
            }
        }
        if bless && !replacements.is_empty() {
            for (from, to, now) in replacements.into_iter().rev() {
                lines.splice(from..to, now.lines().map(str::to_string));
            }
            std::fs::write(&doc, lines.join("\n") + "\n").unwrap();
        }
    }
    assert!(checked > 0, "no samples found");
    if !bless {
        assert!(
            stale.is_empty(),
            "{}\n\n(NAPKIN_BLESS=1 cargo test --test all samples:: writes the text samples)",
            stale.join("\n\n")
        );
    }
}

#[test]
fn an_excerpt_is_its_parts_in_order() {
    let lines = |s: &str| s.lines().map(str::to_string).collect::<Vec<_>>();
    let out = "a\nb\nc\nd\n";
    assert!(excerpt(&lines("a\nb\n…\nd"), out).is_ok());
    assert!(excerpt(&lines("d\n…\na"), out).is_err());
    assert!(excerpt(&lines("a\nc"), out).is_err());
}

#[test]
fn a_sample_shown_rounded_agrees_to_its_digits() {
    let v = |s: &str| serde_json::from_str::<serde_json::Value>(s).unwrap();
    assert!(subset(&v("0.957"), &v("0.95712"), "").is_ok());
    assert!(subset(&v("0.957"), &v("0.9586"), "").is_err());
    assert!(subset(&v("1e9"), &v("1000000000.0"), "").is_ok());
    assert!(subset(&v("1e9"), &v("999999999.9999993"), "").is_ok());
    assert!(subset(&v("1e9"), &v("1.2e9"), "").is_err());
    assert!(subset(&v(r#"{"a": 1, "…": "…"}"#), &v(r#"{"a": 1, "b": 2}"#), "").is_ok());
    assert!(subset(&v(r#"{"c": 1}"#), &v(r#"{"a": 1}"#), "").is_err());
}

/// What a generated part of the documents holds now.
fn generated(name: &str) -> String {
    match name {
        "presets-table" => {
            let scenarios: Vec<_> = presets::builtin()
                .iter()
                .map(|p| p.load().unwrap())
                .collect();
            napkin::report::table::presets_table(&scenarios)
        }
        "inputs" => napkin::report::inputs::reference_markdown(),
        "keys" => napkin::tui::keymap::markdown_table(),
        other => panic!("no generated part `{other}`"),
    }
}

#[test]
fn every_generated_part_is_the_programs() {
    let bless = std::env::var_os("NAPKIN_BLESS").is_some();
    let mut stale = Vec::new();
    let mut seen = Vec::new();
    for doc in documents() {
        let text = std::fs::read_to_string(&doc).unwrap();
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        let mut replacements = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            let Some(name) = line
                .trim()
                .strip_prefix("<!-- generated: ")
                .and_then(|r| r.strip_suffix(" -->"))
            else {
                continue;
            };
            let end = format!("<!-- end generated: {name} -->");
            let close = (i + 1..lines.len())
                .find(|&j| lines[j].trim() == end)
                .unwrap_or_else(|| panic!("{}:{}: no {end}", doc.display(), i + 1));
            let shown = lines[i + 1..close].join("\n");
            let now = generated(name);
            if shown.trim() != now.trim() {
                stale.push(format!(
                    "{}:{}: the generated part `{name}` is now:\n{now}",
                    doc.display(),
                    i + 1
                ));
                replacements.push((i + 1, close, now));
            }
            seen.push(name.to_string());
        }
        if bless && !replacements.is_empty() {
            for (from, to, now) in replacements.into_iter().rev() {
                let mut new = vec![String::new()];
                new.extend(now.trim().lines().map(str::to_string));
                new.push(String::new());
                lines.splice(from..to, new);
            }
            std::fs::write(&doc, lines.join("\n") + "\n").unwrap();
        }
    }
    for name in ["presets-table", "inputs", "keys"] {
        assert!(
            seen.iter().any(|s| s == name),
            "no document has the generated part `{name}`"
        );
    }
    if !bless {
        assert!(
            stale.is_empty(),
            "{}\n\n(NAPKIN_BLESS=1 cargo test --test all samples:: writes them)",
            stale.join("\n\n")
        );
    }
}

/// `line` without a comment (`# …` after a space, outside quotes) and without what a pipe
/// does with napkin's output (`| man -l -`).
fn napkin_part(line: &str) -> &str {
    let mut quote = None;
    let bytes = line.as_bytes();
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '#' | '|') if i > 0 && bytes[i - 1] == b' ' => return line[..i].trim_end(),
            _ => {}
        }
    }
    line.trim_end()
}

/// Runs the command `line` of a document in the repository's root; why it failed, if it did.
fn run_line(line: &str, dir: &Path) -> Result<(), String> {
    use clap::Parser;
    let command = napkin_part(line);
    let mut words = shlex::split(command).ok_or("cannot split it as a shell would")?;
    let mut stdin = Vec::new();
    if let Some(at) = words.iter().position(|w| w == "<") {
        let file = words.get(at + 1).ok_or("`<` without a file")?;
        stdin = std::fs::read(root().join(file)).map_err(|e| format!("{file}: {e}"))?;
        words.drain(at..at + 2);
    }
    if words.iter().any(|w| w.starts_with('>') || w.ends_with('>')) {
        return Err("a command of the documents writes no file".into());
    }
    napkin::cli::Cli::try_parse_from(&words).map_err(|e| e.to_string())?;
    // The screen needs a terminal: what it opens is checked as calc reads it.
    if words.get(1).is_some_and(|w| w == "tui") {
        if words.len() < 3 {
            return Ok(());
        }
        words[1] = "calc".into();
        words.push("--brief".into());
    }
    let out = napkin_in(dir)
        .current_dir(root())
        .args(&words[1..])
        .write_stdin(stdin)
        .output()
        .map_err(|e| e.to_string())?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "exit {:?}: {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

/// Whether the `$ ` line shown over a sample's block is the command its marker runs: the same
/// words, or `printf 'STDIN' | napkin ARGS` for a marker `napkin ARGS < "STDIN"`.
fn shows_its_command(shown: &str, spec: &str) -> bool {
    if shown == spec {
        return true;
    }
    let Some((run, stdin)) = spec.split_once(" < ") else {
        return false;
    };
    let stdin = shlex::split(stdin).unwrap_or_default().join("");
    let Some((printf, napkin)) = shown.split_once(" | ") else {
        return false;
    };
    let printf = shlex::split(printf).unwrap_or_default();
    napkin == run && printf.len() == 2 && printf[0] == "printf" && printf[1] == stdin
}

#[test]
fn every_command_line_in_the_documents_runs() {
    let dir = tempfile::tempdir().unwrap();
    let mut failed = Vec::new();
    let mut ran = 0;
    for doc in documents() {
        let text = std::fs::read_to_string(&doc).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let found = samples(&lines, &doc);
        let mut i = 0;
        while i < lines.len() {
            if !lines[i].starts_with("```") {
                i += 1;
                continue;
            }
            let close = (i + 1..lines.len())
                .find(|&j| lines[j].starts_with("```"))
                .unwrap_or(lines.len());
            let place = |j: usize| format!("{}:{}", doc.display(), j + 1);
            if let Some(s) = found.iter().find(|s| s.body.0 == i + 1) {
                // A sample's block is output; its `$ ` line, if any, is the command it runs.
                if let Some(shown) = lines[i + 1].strip_prefix("$ ")
                    && !shows_its_command(shown, &s.spec)
                {
                    failed.push(format!(
                        "{}: shows `{shown}` but runs `{}`",
                        place(i + 1),
                        s.spec
                    ));
                }
            } else {
                for (j, line) in lines.iter().enumerate().take(close).skip(i + 1) {
                    let line = line.strip_prefix("$ ").unwrap_or(line);
                    if line != "napkin" && !line.starts_with("napkin ") {
                        continue;
                    }
                    ran += 1;
                    if let Err(e) = run_line(line, dir.path()) {
                        failed.push(format!("{}: `{line}`: {e}", place(j)));
                    }
                }
            }
            i = close + 1;
        }
    }
    assert!(ran > 0, "no command lines found");
    assert!(failed.is_empty(), "{}", failed.join("\n\n"));
}

#[test]
fn a_command_line_is_napkin_s_part_of_it() {
    assert_eq!(
        napkin_part("napkin calc twitter   # the report"),
        "napkin calc twitter"
    );
    assert_eq!(napkin_part("napkin man | man -l -"), "napkin man");
    assert_eq!(
        napkin_part("napkin sweep a --until \"x > 1 # not a comment\""),
        "napkin sweep a --until \"x > 1 # not a comment\""
    );
    assert!(shows_its_command(
        "printf '3k\\n6k\\n' | napkin drill --plain",
        "napkin drill --plain < \"3k\\n6k\\n\""
    ));
    assert!(!shows_its_command(
        "printf '3k\\n' | napkin drill --plain",
        "napkin drill --plain < \"3k\\n6k\\n\""
    ));
}

/// Whether the id `id` is written in `documented` (`storage.<corpus>.growth_per_day`): the same
/// parts, a part in angle brackets standing for any name.
fn documents_id(documented: &str, id: &str) -> bool {
    let (d, i): (Vec<&str>, Vec<&str>) = (documented.split('.').collect(), id.split('.').collect());
    d.len() == i.len()
        && d.iter()
            .zip(&i)
            .all(|(d, i)| d == i || (d.starts_with('<') && d.ends_with('>')))
}

#[test]
fn the_reference_documents_every_output() {
    let reference = std::fs::read_to_string(root().join("docs/REFERENCE.md")).unwrap();
    // Every `code span` of the reference that could be an id.
    let spans: Vec<&str> = reference
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|s| s.contains('.') && !s.contains(' '))
        .collect();
    let mut missing = std::collections::BTreeSet::new();
    for p in presets::builtin() {
        let s = p.load().unwrap();
        for o in napkin::estimate::explain(&s).1 {
            let id = o.id.to_string();
            if !spans.iter().any(|d| documents_id(d, &id)) {
                missing.insert(id);
            }
        }
    }
    assert!(
        missing.is_empty(),
        "docs/REFERENCE.md does not document the outputs {missing:?}"
    );
    assert!(documents_id(
        "storage.<corpus>.growth_per_day",
        "storage.videos.growth_per_day"
    ));
    assert!(!documents_id(
        "storage.<corpus>",
        "storage.videos.growth_per_day"
    ));
}

#[test]
fn the_readme_is_short_and_every_example_file_is_a_scenario_the_documents_use() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let lines = readme.lines().count();
    assert!(
        lines <= 300,
        "README.md has {lines} lines: move detail to docs/GUIDE.md, docs/REFERENCE.md or CONTRIBUTING.md"
    );
    let documents: String = documents()
        .iter()
        .map(|d| std::fs::read_to_string(d).unwrap())
        .collect();
    let mut files = 0;
    for entry in std::fs::read_dir(root().join("examples")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            name.ends_with(".toml"),
            "examples/{name}: examples/ holds scenario files only"
        );
        let text = std::fs::read_to_string(&path).unwrap();
        napkin::scenario::load_str(&text, format!("examples/{name}"))
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            documents.contains(&format!("examples/{name}")),
            "examples/{name} is used by no document"
        );
        files += 1;
    }
    assert!(files > 0);
}

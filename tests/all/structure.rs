//! The rules the code keeps, checked as a reviewer would: no source file over 700 lines of code
//! and no function over 120 lines (tests aside), layers that import only downwards, and no
//! command-line wording below the faces.

use std::path::{Path, PathBuf};

/// The most lines of code (not blank, not comments) a source file may have, tests aside.
const MAX_FILE: usize = 700;
/// The most lines a function may span, from its signature to its closing brace.
const MAX_FN: usize = 120;

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a source directory") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn all_sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    sources(&root.join("src"), &mut paths);
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("a readable source");
            let name = p.strip_prefix(root).unwrap().display().to_string();
            (name, text)
        })
        .collect()
}

/// The text with every comment, string and character literal blanked out (newlines kept), so
/// that braces and words count only where they are code.
fn code_only(text: &str) -> String {
    let c: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let blank = |out: &mut String, ch: char| out.push(if ch == '\n' { '\n' } else { ' ' });
    while i < c.len() {
        match c[i] {
            '/' if c.get(i + 1) == Some(&'/') => {
                while i < c.len() && c[i] != '\n' {
                    blank(&mut out, c[i]);
                    i += 1;
                }
            }
            '/' if c.get(i + 1) == Some(&'*') => {
                while i < c.len() && !(c[i] == '*' && c.get(i + 1) == Some(&'/')) {
                    blank(&mut out, c[i]);
                    i += 1;
                }
                out.push_str("  ");
                i += 2;
            }
            'r' if matches!(c.get(i + 1), Some('"' | '#'))
                && !c
                    .get(i.wrapping_sub(1))
                    .is_some_and(|p| p.is_alphanumeric() || *p == '_') =>
            {
                let mut hashes = 0;
                let mut j = i + 1;
                while c.get(j) == Some(&'#') {
                    hashes += 1;
                    j += 1;
                }
                if c.get(j) != Some(&'"') {
                    out.push(c[i]);
                    i += 1;
                    continue;
                }
                out.push('"');
                i = j + 1;
                loop {
                    if i >= c.len() {
                        break;
                    }
                    if c[i] == '"' && (0..hashes).all(|k| c.get(i + 1 + k) == Some(&'#')) {
                        out.push('"');
                        i += 1 + hashes;
                        break;
                    }
                    blank(&mut out, c[i]);
                    i += 1;
                }
            }
            '"' => {
                out.push('"');
                i += 1;
                while i < c.len() && c[i] != '"' {
                    if c[i] == '\\' {
                        blank(&mut out, c[i]);
                        i += 1;
                    }
                    if i < c.len() {
                        blank(&mut out, c[i]);
                        i += 1;
                    }
                }
                out.push('"');
                i += 1;
            }
            '\'' => {
                // A character literal ('{', '\n', '\u{7}'), or a lifetime ('a).
                let end = if c.get(i + 1) == Some(&'\\') {
                    (i + 2..c.len()).find(|&j| c[j] == '\'')
                } else if c.get(i + 2) == Some(&'\'') {
                    Some(i + 2)
                } else {
                    None
                };
                match end {
                    Some(e) => {
                        out.push_str(&" ".repeat(e - i + 1));
                        i = e + 1;
                    }
                    None => {
                        out.push('\'');
                        i += 1;
                    }
                }
            }
            ch => {
                out.push(ch);
                i += 1;
            }
        }
    }
    out
}

/// The line where the brace opened on line `start` (or after it) closes.
fn closing(lines: &[&str], start: usize) -> usize {
    let mut depth = 0i32;
    let mut opened = false;
    for (n, line) in lines.iter().enumerate().skip(start) {
        for ch in line.chars() {
            match ch {
                '{' => {
                    depth += 1;
                    opened = true;
                }
                '}' => depth -= 1,
                ';' if !opened && depth == 0 => return n,
                _ => {}
            }
        }
        if opened && depth <= 0 {
            return n;
        }
    }
    lines.len() - 1
}

/// The code's lines with the test module (`#[cfg(test)] mod tests { … }`) taken out.
fn without_tests(code: &str) -> Vec<&str> {
    let lines: Vec<&str> = code.lines().collect();
    let mut keep = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let t = lines[i].trim();
        if t == "#[cfg(test)]"
            && lines
                .get(i + 1)
                .is_some_and(|l| l.trim().starts_with("mod "))
        {
            i = closing(&lines, i + 1) + 1;
            continue;
        }
        keep.push(lines[i]);
        i += 1;
    }
    keep
}

#[test]
fn no_source_file_is_over_700_lines_of_code() {
    let mut long = Vec::new();
    for (name, text) in all_sources() {
        let code = code_only(&text);
        let n = without_tests(&code)
            .iter()
            .filter(|l| !l.trim().is_empty())
            .count();
        if n > MAX_FILE {
            long.push(format!("{name}: {n} lines of code"));
        }
    }
    assert!(long.is_empty(), "over {MAX_FILE}:\n{}", long.join("\n"));
}

#[test]
fn no_function_is_over_120_lines() {
    let mut long = Vec::new();
    for (name, text) in all_sources() {
        let code = code_only(&text);
        let lines = without_tests(&code);
        for (n, line) in lines.iter().enumerate() {
            let t = line.trim_start();
            let t = t.strip_prefix("pub(crate) ").unwrap_or(t);
            let t = t.strip_prefix("pub(super) ").unwrap_or(t);
            let t = t.strip_prefix("pub ").unwrap_or(t);
            let t = t.strip_prefix("const ").unwrap_or(t);
            if !t.starts_with("fn ") {
                continue;
            }
            let end = closing(&lines, n);
            let span = end - n + 1;
            if span > MAX_FN {
                let f: String = t[3..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                long.push(format!("{name}: fn {f}, {span} lines"));
            }
        }
    }
    assert!(long.is_empty(), "over {MAX_FN}:\n{}", long.join("\n"));
}

/// The modules each layer may not import: the engine knows no face, whatif no report.
const LAYERS: [(&str, &[&str]); 6] = [
    (
        "units",
        &[
            "scenario", "estimate", "whatif", "report", "drill", "cli", "tui", "presets",
        ],
    ),
    (
        "scenario",
        &["estimate", "whatif", "report", "drill", "cli", "tui"],
    ),
    ("estimate", &["whatif", "report", "drill", "cli", "tui"]),
    ("whatif", &["report", "drill", "cli", "tui"]),
    ("report", &["drill", "cli", "tui"]),
    ("drill", &["cli", "tui"]),
];

#[test]
fn layers_import_only_downwards() {
    let mut wrong = Vec::new();
    for (name, text) in all_sources() {
        let code = code_only(&text);
        let lines = without_tests(&code);
        for (layer, banned) in LAYERS {
            if !name.starts_with(&format!("src/{layer}")) {
                continue;
            }
            for line in &lines {
                for b in banned {
                    if line.contains(&format!("crate::{b}::"))
                        || line.contains(&format!("crate::{b};"))
                    {
                        wrong.push(format!("{name} imports {b}: {}", line.trim()));
                    }
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The contents of the string literals on each line of `text` (other text blanked), as
/// `code_only` finds them.
fn strings_only(text: &str) -> Vec<String> {
    let code: Vec<char> = code_only(text).chars().collect();
    let original: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut inside = false;
    for (i, &c) in code.iter().enumerate() {
        if c == '"' {
            inside = !inside;
            out.push(' ');
            continue;
        }
        let o = original.get(i).copied().unwrap_or(' ');
        out.push(if inside || o == '\n' { o } else { ' ' });
    }
    out.lines().map(str::to_string).collect()
}

#[test]
fn the_core_speaks_no_command_line() {
    const WORDS: [&str; 6] = [
        "--set",
        "--list-inputs",
        "napkin calc",
        "--tornado",
        "--vary",
        "error:",
    ];
    const CORE: [&str; 5] = [
        "src/units",
        "src/scenario",
        "src/estimate",
        "src/whatif",
        "src/report",
    ];
    let mut found = Vec::new();
    for (name, text) in all_sources() {
        if !CORE.iter().any(|c| name.starts_with(c)) {
            continue;
        }
        // What a user reads: the strings, outside the tests.
        let strings = strings_only(&text);
        let code = code_only(&text);
        let tests_start = code
            .lines()
            .position(|l| l.trim() == "#[cfg(test)]")
            .unwrap_or(usize::MAX);
        for (n, line) in strings.iter().enumerate().take(tests_start) {
            for w in WORDS {
                if line.contains(w) {
                    found.push(format!("{name}:{}: {}", n + 1, line.trim()));
                }
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

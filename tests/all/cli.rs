//! The `napkin` binary as a user runs it: formats, overrides, errors and exit codes.

use crate::common;
use common::napkin;

use predicates::prelude::*;

#[test]
fn text_report_groups_sections_with_napkin_values() {
    napkin()
        .args(["calc", "twitter"])
        .assert()
        .success()
        .stdout(predicate::str::contains("TRAFFIC"))
        // 150M × 2 ÷ 86,400 = 3,472/s → "3.47k/s", napkin ≈ 3k/s; peak 6,944 → "6.94k/s" ≈ 7k/s.
        .stdout(predicate::str::contains("Average QPS"))
        .stdout(predicate::str::contains("3.47k/s   ≈ 3k/s"))
        .stdout(predicate::str::contains("6.94k/s   ≈ 7k/s"))
        .stdout(predicate::str::contains(
            "150M DAU × 2 req/user/day = 300M req/day",
        ))
        .stdout(predicate::str::contains(
            "[book: Xu vol. 1: 300M MAU, 50% daily]",
        ));
}

#[test]
fn json_follows_the_contract() {
    let out = napkin()
        .args(["calc", "twitter", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(v["scenario"]["id"], "twitter");
    let outputs = v["outputs"].as_array().unwrap();
    let peak = outputs
        .iter()
        .find(|o| o["id"] == "traffic.peak_qps")
        .unwrap();
    // 300M / 86,400 × 2 = 6,944.44/s; napkin one figure: 7,000.
    assert!((peak["value"].as_f64().unwrap() - 6_944.44).abs() < 0.01);
    assert_eq!(peak["unit"], "1/s");
    assert_eq!(peak["display"], "6.94k/s");
    assert_eq!(peak["napkin"], 7000.0);
    assert!(!peak["steps"].as_array().unwrap().is_empty());
    let ids: Vec<&str> = outputs.iter().map(|o| o["id"].as_str().unwrap()).collect();
    for id in [
        "traffic.avg_qps",
        "storage.media",
        "storage.logs",
        "storage.total",
        "storage.growth_per_day",
        "bandwidth.ingress",
        "bandwidth.egress",
        "fleet.write_api.servers",
        "fleet.total_servers",
        "latency.total",
    ] {
        assert!(ids.contains(&id), "missing {id}");
    }
    let media = outputs
        .iter()
        .find(|o| o["id"] == "storage.media.growth_per_day")
        .unwrap();
    // Bytes a day: 30M new items × 1 MB = 3e13 B/day.
    assert_eq!(media["unit"], "B/day");
    assert_eq!(media["value"], 3e13);
    assert_eq!(media["display"], "30 TB/day");
    assert!(v["warnings"].is_array());
}

#[test]
fn index_outputs_in_json() {
    let out = napkin()
        .args(["calc", "video-recommendation", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = v["outputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap())
        .collect();
    for id in [
        "storage.embeddings",
        "index.bytes_per_vector",
        "index.memory",
        "index.disk",
        "index.shards",
        "index.replicas",
        "index.nodes",
        "latency.budget_used",
    ] {
        assert!(ids.contains(&id), "missing {id}");
    }
}

#[test]
fn markdown_is_a_table() {
    napkin()
        .args(["calc", "twitter", "--format", "markdown"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "| Section | Output | Value | Napkin | Working |",
        ))
        .stdout(predicate::str::contains(
            "| Traffic | Peak QPS | 6.94k/s | 7k/s |",
        ));
}

#[test]
fn set_overrides_an_input() {
    // 300M DAU × 2 ÷ 86,400 × 2 = 13,888.9/s → "13.9k/s".
    napkin()
        .args(["calc", "twitter", "--set", "traffic.dau=300M", "--brief"])
        .assert()
        .success()
        .stdout(predicate::str::contains("13.9k/s"));
}

#[test]
fn binary_sizes() {
    // 30 TB/day = 3e13 B ÷ 2^40 = 27.3 TiB.
    napkin()
        .args(["calc", "twitter", "--binary", "--brief"])
        .assert()
        .success()
        .stdout(predicate::str::contains("27.3 TiB"));
}

#[test]
fn binary_sizes_reach_the_working_too() {
    // One copy of the index: 10B × 40 B + 524,288 lists × 1,024 B = 4.00537e11 B,
    // which is 401 GB, or ÷ 2^30 = 373 GiB.
    napkin()
        .args(["calc", "video-recommendation"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "10B vectors × 40 B + 537 MB per index = 401 GB",
        ));
    napkin()
        .args(["calc", "video-recommendation", "--binary"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "10B vectors × 40 B + 512 MiB per index = 373 GiB",
        ));
}

#[test]
fn scenario_from_a_file_and_from_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.toml");
    std::fs::write(
        &path,
        "[meta]\nid = \"mine\"\ntitle = \"Mine\"\n[traffic]\nqps = \"1k/s\"\n",
    )
    .unwrap();
    napkin()
        .args(["calc", path.to_str().unwrap(), "--brief"])
        .assert()
        .success()
        .stdout(predicate::str::contains("2k/s"));
    napkin()
        .args(["calc", "-", "--brief"])
        .write_stdin("[meta]\nid = \"piped\"\ntitle = \"Piped\"\n[traffic]\nqps = 500\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("Piped"));
}

#[test]
fn unknown_preset_suggests_the_nearest_and_exits_1() {
    napkin()
        .args(["calc", "twiter"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no preset or file named `twiter`"))
        .stderr(predicate::str::contains("`twitter`"));
}

#[test]
fn unknown_set_path_lists_the_nearest_and_exits_1() {
    napkin()
        .args(["calc", "twitter", "--set", "traffic.dua=5M"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("unknown input `traffic.dua`"))
        .stderr(predicate::str::contains("`traffic.dau`"));
}

#[test]
fn bad_set_value_names_the_kind_and_exits_1() {
    napkin()
        .args(["calc", "twitter", "--set", "traffic.dau=5 GB"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("traffic.dau"))
        .stderr(predicate::str::contains(
            "is a size, but this field takes a count",
        ));
    napkin()
        .args(["calc", "twitter", "--set", "traffic.dau"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not section.key=value"));
}

#[test]
fn toml_error_is_located_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.toml");
    std::fs::write(
        &path,
        "[meta]\nid = \"b\"\ntitle = \"B\"\n[traffic]\nqps = \"1k/s\npeak_factor = 2\n",
    )
    .unwrap();
    napkin()
        .args(["calc", path.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("broken.toml:5:"));
}

#[test]
fn missing_file_and_usage_errors() {
    napkin()
        .args(["calc", "nope/none.toml"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no such file"));
    napkin().args(["calc"]).assert().code(2);
    napkin()
        .args(["calc", "twitter", "--format", "yaml"])
        .assert()
        .code(2);
    napkin().args(["frobnicate"]).assert().code(2);
}

#[test]
fn overflowing_inputs_are_an_evaluation_error() {
    // 1e300 DAU × 1e300 requests overflow f64: an error, never "inf" in the output.
    napkin()
        .args([
            "calc",
            "twitter",
            "--set",
            "traffic.dau=1e300",
            "--set",
            "traffic.requests_per_user_per_day=1e300",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("too large"))
        // Both are 10^300: the first read, dau, is named, with where it was written.
        .stderr(predicate::str::contains(
            "--set: traffic.dau: 1e300 makes traffic.avg_qps too large",
        ));
    // In a file, the error points at the line that holds the value.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big.toml");
    std::fs::write(
        &file,
        "[meta]\nid = \"big\"\ntitle = \"Big\"\n[traffic]\ndau = \"1M\"\nrequests_per_user_per_day = 1e308\npeak_factor = 10\n",
    )
    .unwrap();
    napkin()
        .args(["calc", file.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "big.toml:6:29: traffic.requests_per_user_per_day: 1e308 makes",
        ));
}

#[test]
fn presets_list_and_show() {
    napkin()
        .args(["presets", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("twitter"))
        .stdout(
            predicate::str::is_match(
                r"video-recommendation\s+ch\.\s+6\s+Video Recommendation System",
            )
            .unwrap(),
        );
    napkin()
        .args(["presets", "show", "twitter"])
        .assert()
        .success()
        .stdout(predicate::str::contains("[meta]\nid = \"twitter\""));
    // An unknown id is worded as calc words it: `error:`, the nearest id, where to list them.
    napkin()
        .args(["presets", "show", "twiter"])
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with(
            "error: napkin: no preset or file named `twiter`",
        ))
        .stderr(predicate::str::contains("did you mean `twitter`?"))
        .stderr(predicate::str::contains("napkin presets list"));
}

#[test]
fn list_inputs_shows_paths_for_set() {
    napkin()
        .args(["calc", "twitter", "--list-inputs"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "traffic.dau=150M\t[book: Xu vol. 1: 300M MAU, 50% daily]",
        ));
}

#[test]
fn every_input_is_listed_without_a_scenario() {
    let all = napkin().arg("inputs").assert().success();
    let all = String::from_utf8(all.get_output().stdout.clone()).unwrap();
    assert!(all.starts_with("input "), "{all}");
    // One line an input, each with its kind, default and meaning.
    assert!(
        all.lines()
            .any(|l| l.starts_with("training.devices ") && l.contains("whole number")),
        "{all}"
    );
    // `calc --list-inputs` with neither a scenario nor --set lists the same.
    napkin()
        .args(["calc", "--list-inputs"])
        .assert()
        .success()
        .stdout(all);
    let corpus = napkin()
        .args(["inputs", "corpus", "--format", "json"])
        .assert()
        .success();
    let corpus: serde_json::Value = serde_json::from_slice(&corpus.get_output().stdout).unwrap();
    let paths: Vec<&str> = corpus["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths[0], "corpus.<name>.items");
    assert!(paths.iter().all(|p| p.starts_with("corpus.<name>.")));
    // A section napkin has not: a usage error that lists them.
    napkin()
        .args(["inputs", "vectors"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "[possible values: traffic, corpus",
        ));
}

#[test]
fn a_scenario_s_inputs_in_each_format_and_brief_refused() {
    let json = napkin()
        .args(["calc", "twitter", "--list-inputs", "--format", "json"])
        .assert()
        .success();
    let json: serde_json::Value = serde_json::from_slice(&json.get_output().stdout).unwrap();
    assert_eq!(json["inputs"][0]["path"], "traffic.dau");
    assert_eq!(json["inputs"][0]["value"], "150M");
    assert_eq!(json["inputs"][0]["source"]["kind"], "book");
    napkin()
        .args(["calc", "twitter", "--list-inputs", "--format", "markdown"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "| input | value | source |\n|---|---|---|\n| `traffic.dau` | 150M | book: Xu vol. 1: 300M MAU, 50% daily |\n",
        ));
    // --brief shortens a report; a list of inputs has nothing to shorten: said, not ignored.
    napkin()
        .args(["calc", "twitter", "--list-inputs", "--brief"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "the argument '--list-inputs' cannot be used with '--brief'",
        ));
}

#[test]
fn completions_register_with_each_shell() {
    for (shell, mark) in [
        ("bash", "complete -o nospace"),
        ("zsh", "compdef"),
        ("fish", "complete --keep-order"),
    ] {
        napkin()
            .args(["completions", shell])
            .assert()
            .success()
            .stdout(predicate::str::contains(mark))
            // The script asks napkin for the candidates, so they are always napkin's own.
            .stdout(predicate::str::contains("COMPLETE"));
    }
}

#[test]
fn completion_offers_preset_ids_beside_files() {
    // fish's protocol: the words after `--`, candidates one a line with their help after a tab.
    napkin()
        .env("COMPLETE", "fish")
        .args(["--", "napkin", "calc", "tw"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("twitter\t"));
    napkin()
        .env("COMPLETE", "fish")
        .args(["--", "napkin", "presets", "show", "vi"])
        .assert()
        .success()
        .stdout(predicate::str::contains("video-recommendation"))
        .stdout(predicate::str::contains("visual-search"));
    napkin()
        .env("COMPLETE", "fish")
        .args(["--", "napkin", "drill", "--case", "fr"])
        .assert()
        .success()
        .stdout(predicate::str::contains("fraud-detection"));
    // A file in the working folder is still offered for a scenario.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("twins.toml"), "").unwrap();
    let out = napkin()
        .current_dir(dir.path())
        .env("COMPLETE", "fish")
        .args(["--", "napkin", "calc", "tw"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("twitter"), "{text}");
    assert!(text.contains("twins.toml"), "{text}");
}

#[test]
fn bash_completes_a_preset_id_through_the_registered_script() {
    if std::process::Command::new("bash")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("bash is not installed; skipped");
        return;
    }
    let bin = assert_cmd::cargo::cargo_bin("napkin");
    let dir = bin.parent().unwrap();
    // Source the script napkin prints, then do what bash does on `napkin calc tw<Tab>`.
    let script = r#"
        source <(napkin completions bash)
        COMP_WORDS=(napkin calc tw); COMP_CWORD=2; COMP_TYPE=9
        _clap_complete_napkin napkin tw calc
        printf '%s\n' "${COMPREPLY[@]}"
    "#;
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(script)
        .env(
            "PATH",
            format!("{}:{}", dir.display(), std::env::var("PATH").unwrap()),
        )
        .env("XDG_CONFIG_HOME", tempfile::tempdir().unwrap().path())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.lines().collect::<Vec<_>>(), ["twitter"], "{text}");
    // `napkin man c<Tab>` and `napkin inputs co<Tab>`: subcommands, and input sections.
    for (words, current, want) in [
        ("napkin man c", "c", &["calc", "compare", "completions"][..]),
        ("napkin inputs co", "co", &["corpus"][..]),
    ] {
        let command = words.split(' ').nth(1).unwrap();
        let script = format!(
            "source <(napkin completions bash)\nCOMP_WORDS=({words}); COMP_CWORD=2; COMP_TYPE=9\n_clap_complete_napkin napkin {current} {command}\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n"
        );
        let out = std::process::Command::new("bash")
            .arg("-c")
            .arg(script)
            .env(
                "PATH",
                format!("{}:{}", dir.display(), std::env::var("PATH").unwrap()),
            )
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(text.lines().collect::<Vec<_>>(), want, "{words}: {text}");
    }
}

#[test]
fn every_subcommand_knows_the_version_and_napkin_has_a_man_page() {
    let version = env!("CARGO_PKG_VERSION");
    // Each says it is napkin (clap alone would write `napkin-calc 0.1.0`).
    let napkin_version = format!("napkin {version}\n");
    for sub in ["calc", "presets", "drill", "stats", "tui", "man"] {
        napkin()
            .args([sub, "--version"])
            .assert()
            .success()
            .stdout(napkin_version.clone());
    }
    napkin()
        .args(["presets", "list", "--version"])
        .assert()
        .success()
        .stdout(napkin_version.clone());
    napkin()
        .arg("man")
        .assert()
        .success()
        .stdout(predicate::str::starts_with(".ie"))
        .stdout(predicate::str::contains(".TH napkin 1"))
        .stdout(predicate::str::contains("calc"));
    napkin()
        .args(["man", "calc"])
        .assert()
        .success()
        .stdout(predicate::str::contains(".TH napkin-calc 1"))
        .stdout(predicate::str::contains("\\-\\-set"));
    napkin()
        .args(["man", "cal"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("did you mean `calc`?"));
    // `help` is napkin's own subcommand: it answers --version, and a subcommand's subcommand.
    napkin()
        .args(["help", "--version"])
        .assert()
        .success()
        .stdout(predicate::str::contains(version));
    napkin()
        .args(["help", "presets", "show"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Usage: napkin presets show <ID>"));
    napkin()
        .args(["help", "calk"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `calc`?"));
}

#[test]
fn the_manual_has_examples_exit_status_environment_and_files() {
    let page = napkin().arg("man").assert().success();
    let page = String::from_utf8(page.get_output().stdout.clone()).unwrap();
    let at = |heading: &str| {
        page.find(&format!(".SH {heading}\n"))
            .unwrap_or_else(|| panic!("no {heading} in\n{page}"))
    };
    // In a manual's order, before the version.
    let order = [
        "OPTIONS",
        "\"EXAMPLES\"",
        "\"EXIT STATUS\"",
        "\"ENVIRONMENT\"",
        "\"FILES\"",
        "VERSION",
    ]
    .map(at);
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    for words in [
        "\\fBNO_COLOR\\fR",
        "\\fBXDG_CONFIG_HOME\\fR",
        "\\fBXDG_DATA_HOME\\fR",
        "history.jsonl",
        "\\fBnapkin calc twitter\\fR",
        // Hyphens are escaped for roff.
        "\\fBnapkin sweep video\\-recommendation",
    ] {
        assert!(page.contains(words), "{words} not in the page");
    }
    // A subcommand's page has its own examples, and no sections about napkin as a whole.
    let calc = napkin().args(["man", "calc"]).assert().success();
    let calc = String::from_utf8(calc.get_output().stdout.clone()).unwrap();
    assert!(calc.contains(".SH \"EXAMPLES\""), "{calc}");
    assert!(calc.contains("\\fBnapkin calc \\-\\-set embeddings.vectors=10B"));
    assert!(!calc.contains("napkin sweep") && !calc.contains("EXIT STATUS"));
}

#[test]
fn every_example_of_the_manual_runs() {
    use clap::Parser;
    for example in napkin::cli::manual::EXAMPLES
        .iter()
        .filter(|e| e.runs_alone)
    {
        let words = shlex::split(example.command).unwrap();
        let cli = napkin::cli::Cli::try_parse_from(&words)
            .unwrap_or_else(|e| panic!("{}: {e}", example.command));
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = napkin::cli::run(cli, napkin::cli::Host::default(), &mut out, &mut err);
        assert_eq!(
            code,
            0,
            "{}: {}",
            example.command,
            String::from_utf8_lossy(&err)
        );
        assert!(!out.is_empty(), "{} printed nothing", example.command);
    }
}

#[test]
fn empty_set_unsets_an_optional_input_and_errors_point_at_set() {
    // qps and dau together: the error names --set, and the hint says how to unset.
    napkin()
        .args(["calc", "video-recommendation", "--set", "traffic.qps=10k"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("error: --set: traffic.qps"))
        .stderr(predicate::str::contains("--set traffic.qps="));
    // With DAU and requests per user unset, QPS stands alone: 10k × 2 peak = 20k/s.
    // (The preset's logs count events per DAU, so they move to a per-day count too, and the
    // experiment, whose eligible users default to the DAU, gets them written.)
    napkin()
        .args([
            "calc",
            "video-recommendation",
            "--set",
            "traffic.qps=10k",
            "--set",
            "traffic.dau=",
            "--set",
            "traffic.requests_per_user_per_day=",
            "--set",
            "logging.events_per_user_per_day=",
            "--set",
            "logging.events_per_day=50B",
            "--set",
            "experiment.eligible_daily_users=1B",
            "--brief",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("20k/s"));
}

#[test]
fn list_inputs_lists_every_path_as_written() {
    napkin()
        .args(["calc", "video-recommendation", "--list-inputs"])
        .assert()
        .success()
        .stdout(predicate::str::contains("index.node_memory=256 GiB\t"))
        .stdout(predicate::str::contains("traffic.qps=\t[unset]"))
        .stdout(predicate::str::contains("index.hnsw_m=32\t[default]"));
}

#[test]
fn directories_and_binary_files_are_refused_plainly() {
    let dir = tempfile::tempdir().unwrap();
    napkin()
        .args(["calc", dir.path().to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is a directory"));
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, [0xff, 0xfe, 0x00]).unwrap();
    napkin()
        .args(["calc", bad.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is not UTF-8 text"));
}

#[test]
fn json_is_indented_for_a_terminal_and_one_line_for_a_pipe() {
    use clap::Parser;
    use napkin::cli::{Cli, Host, run};
    let json = |stdout_is_terminal: bool| {
        let cli = Cli::try_parse_from(["napkin", "calc", "twitter", "--format", "json"]).unwrap();
        let host = Host {
            stdout_is_terminal,
            exits_after: false,
        };
        let (mut out, mut err) = (Vec::new(), Vec::new());
        assert_eq!(run(cli, host, &mut out, &mut err), 0);
        String::from_utf8(out).unwrap()
    };
    let pipe = json(false);
    let terminal = json(true);
    assert_eq!(pipe.lines().count(), 1);
    assert!(terminal.starts_with("{\n  \"scenario\": {\n    \"id\": \"twitter\","));
    let a: serde_json::Value = serde_json::from_str(&pipe).unwrap();
    let b: serde_json::Value = serde_json::from_str(&terminal).unwrap();
    assert_eq!(a, b);
}

#[test]
fn a_reader_that_closes_the_pipe_early_is_not_an_error() {
    // The report is written after the reader has gone: the write fails with a broken pipe,
    // which napkin treats as the end of the job, not as a failure or a fatal signal.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_napkin"))
        .args(["calc", "youtube-video-search"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "status {:?}", out.status);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn uploaded_false_keeps_a_corpus_out_of_ingress_and_unsetting_it_brings_it_back() {
    let ingress = |sets: &[&str]| {
        let mut args = vec!["calc", "street-view-blurring", "--format", "json"];
        for set in sets {
            args.extend(["--set", set]);
        }
        let out = napkin().args(&args).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["outputs"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["id"] == "bandwidth.ingress")
            .unwrap()["value"]
            .as_f64()
            .unwrap()
    };
    // Street View has no online traffic, so uploads peak by the default factor 2, and 40M new
    // 1 MB images a day in both the originals and the blurred copies:
    // 40M × 1e6 B ÷ 86,400 s × 2 = 925.93 MB/s per corpus.
    let one = 40e6 * 1e6 / 86_400.0 * 2.0;
    assert!(
        (ingress(&[]) - one).abs() < 1.0,
        "the preset counts the originals only"
    );
    // Unset, the flag is back to its default (true): the blurred copies count too.
    assert!((ingress(&["corpus.blurred.uploaded="]) - 2.0 * one).abs() < 1.0);
    assert_eq!(ingress(&["corpus.originals.uploaded=false"]), 0.0);
    // A [traffic] with only a peak factor sets how uploads peak: × 3 instead of × 2.
    assert!((ingress(&["traffic.peak_factor=3"]) - one * 1.5).abs() < 1.0);
    napkin()
        .args([
            "calc",
            "street-view-blurring",
            "--set",
            "corpus.blurred.uploaded=no",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("corpus.blurred.uploaded"))
        .stderr(predicate::str::contains("true or false"));
}

#[test]
fn calc_from_set_alone_answers_a_one_line_question() {
    // Will 10B 256-d f32 embeddings fit in RAM? 10B × 256 × 4 B = 1.024e13 B at rest.
    let out = napkin()
        .args([
            "calc",
            "--set",
            "embeddings.vectors=10B",
            "--set",
            "embeddings.dim=256",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let embeddings = v["outputs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == "storage.embeddings")
        .unwrap();
    assert_eq!(embeddings["value"], 1.024e13);
    assert_eq!(v["scenario"]["id"], "scratch");
    // With no [index], a flat index on 256 GB nodes, 70% usable, answers "does it fit in RAM?":
    // memory 1.024e13 B; 256 GB × 0.7 = 179.2 GB per node; 1.024e13 ÷ 1.792e11 = 57.14 → 58 shards.
    let output = |id: &str| {
        v["outputs"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["id"] == id)
            .unwrap_or_else(|| panic!("no output {id}"))
            .clone()
    };
    assert_eq!(output("index.memory")["value"], 1.024e13);
    assert_eq!(output("index.shards")["value"], 58.0);
    // Nothing to start from and nothing set is a usage error.
    napkin()
        .args(["calc"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("<SCENARIO>"));
}

#[test]
fn set_adds_a_missing_section_or_list_entry() {
    // Twitter has no [embeddings]: setting its inputs adds one (300M × 64 × 4 B = 76.8 GB).
    napkin()
        .args([
            "calc",
            "twitter",
            "--set",
            "embeddings.vectors=300M",
            "--set",
            "embeddings.dim=64",
            "--brief",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("76.8 GB"));
    // A misspelt key adds nothing and suggests the right one; unsetting an absent input is a no-op.
    napkin()
        .args(["calc", "twitter", "--set", "embeddings.dimm=64"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("did you mean `embeddings.dim`"));
    napkin()
        .args(["calc", "twitter", "--set", "embeddings.dim=", "--brief"])
        .assert()
        .success();
    // A list entry is added by naming it: its missing inputs are said as --set.
    napkin()
        .args(["calc", "twitter", "--set", "corpus.thumbnails.items=1B"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "error: --set corpus.thumbnails.items=1B: the corpus \"thumbnails\" has no item_size",
        ))
        .stderr(predicate::str::contains(
            "add --set corpus.thumbnails.item_size=1KB",
        ));
    // 1B thumbnails × 20 KB = 20 TB beside Twitter's media.
    napkin()
        .args([
            "calc",
            "twitter",
            "--set",
            "corpus.thumbnails.items=1B",
            "--set",
            "corpus.thumbnails.item_size=20KB",
            "--brief",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("Storage: thumbnails"))
        .stdout(predicate::str::contains("20 TB"))
        .stdout(predicate::str::contains("Growth per day: media"));
}

#[test]
fn errors_in_a_section_set_added_point_at_set() {
    // Twitter's file has no [embeddings]: the missing dim is --set's to give.
    napkin()
        .args(["calc", "twitter", "--set", "embeddings.vectors=1B"])
        .assert()
        .code(1)
        // The user never wrote embeddings.dim: the message names the --set that added the
        // section, not a key they did not set.
        .stderr(predicate::str::contains(
            "error: --set embeddings.vectors=1B: [embeddings] has no dim",
        ))
        .stderr(predicate::str::contains("embeddings.dim:").not())
        .stderr(predicate::str::contains("add --set embeddings.dim=256"));
    // An [index] --set adds needs embeddings: said as the --set that gives them.
    napkin()
        .args(["calc", "twitter", "--set", "index.kind=flat"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("error: --set index.kind=flat:"))
        .stderr(predicate::str::contains("add --set embeddings.dim=256"));
    // A key the user did set keeps its path.
    napkin()
        .args([
            "calc",
            "twitter",
            "--set",
            "embeddings.dim=100",
            "--set",
            "embeddings.vectors=1B",
            "--set",
            "embeddings.dtype=pq",
            "--set",
            "embeddings.pq_m=3",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "--set: embeddings.pq_m: pq_m = 3 does not divide dim = 100",
        ));
}

#[test]
fn a_report_prints_only_the_parts_the_scenario_has() {
    // No [traffic], no stages, no logs, a flat index: no QPS, fleet, latency, log storage or SSD
    // lines in the text; JSON keeps every output id of the contract.
    let text = napkin()
        .args([
            "calc",
            "--set",
            "embeddings.vectors=10B",
            "--set",
            "embeddings.dim=256",
            "--brief",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    for absent in [
        "TRAFFIC",
        "Peak QPS",
        "FLEET",
        "LATENCY",
        "Logs",
        "Index on SSD",
        "BANDWIDTH",
    ] {
        assert!(!text.contains(absent), "{absent} in:\n{text}");
    }
    assert!(text.contains("Index memory (one copy)"), "{text}");
    let json = napkin()
        .args([
            "calc",
            "--set",
            "embeddings.vectors=10B",
            "--set",
            "embeddings.dim=256",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let ids: Vec<&str> = v["outputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap())
        .collect();
    for id in [
        "traffic.peak_qps",
        "storage.logs",
        "fleet.total_servers",
        "index.disk",
    ] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
    // With a DiskANN index the SSD line is printed.
    napkin()
        .args([
            "calc",
            "--set",
            "embeddings.vectors=10B",
            "--set",
            "embeddings.dim=256",
            "--set",
            "index.kind=diskann",
            "--set",
            "index.pq_m=32",
            "--brief",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("Index on SSD"));
}

#[test]
fn a_quick_question_lists_the_index_napkin_adds_as_defaults() {
    // The inputs napkin added are listed as its defaults, not as the user's.
    napkin()
        .args([
            "calc",
            "--set",
            "embeddings.vectors=10B",
            "--set",
            "embeddings.dim=256",
        ])
        .assert()
        .success()
        .stdout(predicate::str::is_match(r"index\.kind\s+flat\s+\[default\]").unwrap())
        .stdout(predicate::str::is_match(r"index\.node_memory\s+256 GB\s+\[default\]").unwrap());
    // An [index] --set adds gets the default node size too, so choosing a kind is enough.
    napkin()
        .args([
            "calc",
            "--set",
            "embeddings.vectors=10B",
            "--set",
            "embeddings.dim=256",
            "--set",
            "index.kind=hnsw",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("Index shards"));
}

#[test]
fn files_that_are_not_regular_files_are_named_as_such() {
    napkin()
        .args(["calc", "/dev/null"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("/dev/null: is not a regular file"));
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.toml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        // Refused without opening it: opening a FIFO with no writer would block.
        napkin()
            .args(["calc", fifo.to_str().unwrap()])
            .timeout(std::time::Duration::from_secs(10))
            .assert()
            .code(1)
            .stderr(predicate::str::contains("is not a regular file"));
    }
    #[cfg(unix)]
    {
        let a = dir.path().join("a.toml");
        let b = dir.path().join("b.toml");
        std::os::unix::fs::symlink(&b, &a).unwrap();
        std::os::unix::fs::symlink(&a, &b).unwrap();
        napkin()
            .args(["calc", a.to_str().unwrap()])
            .assert()
            .code(1)
            .stderr(predicate::str::contains("symbolic links"))
            .stderr(predicate::str::contains("no such file").not());
        let dangling = dir.path().join("dangling.toml");
        std::os::unix::fs::symlink(dir.path().join("gone.toml"), &dangling).unwrap();
        napkin()
            .args(["calc", dangling.to_str().unwrap()])
            .assert()
            .code(1)
            .stderr(predicate::str::contains(
                "is a link to a file that does not exist",
            ));
    }
}

#[test]
fn echoed_names_cannot_drive_the_terminal() {
    napkin()
        .args(["calc", "tw\u{1b}[31mred"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("tw\\u{1b}[31mred"))
        .stderr(predicate::str::contains("\u{1b}").not());
    napkin()
        .args(["drill", "--case", "tw\u{1b}[31mred", "--plain"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("\\u{1b}"))
        .stderr(predicate::str::contains("\u{1b}").not());
}

#[test]
fn engines_compares_index_memory_in_every_format() {
    let w = [
        "calc",
        "--set",
        "embeddings.vectors=100M",
        "--set",
        "embeddings.dim=768",
        "--set",
        "index.kind=hnsw",
        "--engines",
    ];
    // Qdrant's capacity-planning sum: 10^8 × (768 × 4 + 32 × 2 × 4 × 1.2 + 52) × 1.2 headroom
    // = 10^8 × 3,431.2 × 1.2 = 411.744 GB, ÷ Faiss 334.41 GB = 1.231; on nodes of 256 GB × 70%
    // = 179.2 GB, ⌈411.744 ÷ 179.2⌉ = 3 shards.
    napkin()
        .args(w)
        .assert()
        .success()
        .stdout(predicate::str::contains("Index memory by engine"))
        .stdout(
            predicate::str::is_match(r"Qdrant +float32 +412 GB +1\.231 +3 +documented").unwrap(),
        );
    let out = napkin()
        .args(w)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let engines = v["engines"].as_array().unwrap();
    let bytes: Vec<f64> = engines
        .iter()
        .map(|e| e["bytes"].as_f64().unwrap())
        .collect();
    assert!(bytes.windows(2).all(|p| p[0] <= p[1]), "sorted by size");
    assert_eq!(engines.last().unwrap()["engine"], "qdrant");
    napkin()
        .args(w)
        .args(["--format", "markdown"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "| Engine | Index | Memory | × Faiss | Shards | Basis | Source |",
        ));
    // A scenario with no index: a clear error, exit 1.
    napkin()
        .args(["calc", "twitter", "--engines"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no [index]"));
}

#[test]
fn given_fixes_an_output_and_works_out_what_reads_it() {
    // video-recommendation: nodes of 256 GiB = 274.88 GB, 70% usable = 192.42 GB; a given index
    // of 320 GB needs ⌈320 ÷ 192.42⌉ = 2 shards; 14 replicas a region (13 for the peak + 1
    // spare) × 3 regions: 2 × 14 × 3 = 84 nodes.
    napkin()
        .args([
            "calc",
            "video-recommendation",
            "--given",
            "index.memory=320GB",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("320 GB   ≈ 300 GB   (given)"))
        .stdout(predicate::str::contains(
            "given: 320 GB (worked out from its inputs: 401 GB)",
        ))
        .stdout(predicate::str::contains(
            "⌈320 GB ÷ (275 GB node × 70% usable)⌉ = ⌈320 GB ÷ 192 GB⌉ = 2 shards",
        ))
        .stdout(predicate::str::contains(
            "2 shards × 14 replicas × 3 regions = 84 nodes",
        ));
    let doc = common::json(&[
        "calc",
        "video-recommendation",
        "--given",
        "index.memory=320GB",
        "--format",
        "json",
    ]);
    let memory = common::output(&doc, "index.memory");
    assert_eq!(common::num(memory, "value"), 320e9);
    assert!(common::num(memory, "computed") > 400e9);
    assert_eq!(
        common::num(common::output(&doc, "index.nodes"), "value"),
        84.0
    );
    // Without --given the key is not there.
    let plain = common::json(&["calc", "video-recommendation", "--format", "json"]);
    assert!(
        common::output(&plain, "index.memory")
            .get("computed")
            .is_none()
    );
}

#[test]
fn given_refuses_inputs_unknown_ids_and_wrong_units() {
    napkin()
        .args(["calc", "twitter", "--given", "traffic.dau=2B"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "error: --given traffic.dau=2B: traffic.dau is an input, not an output",
        ))
        .stderr(predicate::str::contains(
            "change an input with --set traffic.dau=2B",
        ));
    napkin()
        .args(["calc", "twitter", "--given", "traffic.peak_qsp=1k"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("did you mean `traffic.peak_qps`"));
    napkin()
        .args(["calc", "twitter", "--given", "storage.total=3 ms"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "storage.total: \"3 ms\" is a duration, but this field takes a size",
        ));
}

#[test]
fn every_output_in_json_lists_what_it_reads() {
    let doc = common::json(&["calc", "twitter", "--format", "json"]);
    let peak = common::output(&doc, "traffic.peak_qps");
    assert_eq!(
        peak["depends_on"],
        serde_json::json!(["traffic.avg_qps", "traffic.peak_factor"])
    );
    let avg = common::output(&doc, "traffic.avg_qps");
    assert_eq!(
        avg["depends_on"],
        serde_json::json!(["traffic.dau", "traffic.requests_per_user_per_day"])
    );
}

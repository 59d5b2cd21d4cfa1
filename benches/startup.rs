//! Whole-process time of `napkin calc <preset> --format json` (and `napkin --version`) beside
//! `true`, for the video recommendation preset and for the chatbot (a preset with `[llm]`).
//!
//! The commands run in turn, round after round, so a noisy moment slows all of them alike; the
//! figures are medians and the ratios are taken within this one run.
//!
//! The budget (see `benches/README.md`): `napkin calc` from a plain release build stays under
//! 3.5× the time of `true`.
//!
//! ```sh
//! cargo bench --bench startup                      # the release build cargo makes for benches
//! NAPKIN_BIN=path/to/napkin cargo bench --bench startup   # another build, e.g. the static one
//! NAPKIN_STARTUP_ROUNDS=3000 cargo bench --bench startup
//! ```

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn main() {
    let bin = std::env::var("NAPKIN_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_napkin").into());
    let rounds: usize = std::env::var("NAPKIN_STARTUP_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(1000);
    // `true` by its full path, so its time has no PATH search in it.
    let truth = std::env::var_os("PATH")
        .and_then(|paths| {
            std::env::split_paths(&paths)
                .map(|dir| dir.join("true"))
                .find(|p| p.is_file())
        })
        .expect("`true` is on the PATH");
    let truth = truth.to_string_lossy();
    let commands: [(&str, Vec<&str>); 4] = [
        (&truth, vec![]),
        (&bin, vec!["--version"]),
        (
            &bin,
            vec!["calc", "video-recommendation", "--format", "json"],
        ),
        (&bin, vec!["calc", "chatbot", "--format", "json"]),
    ];
    let run = |(program, args): &(&str, Vec<&str>)| -> Duration {
        let start = Instant::now();
        let status = Command::new(program)
            .args(args)
            // Cargo points the loader at its own library folders for benches; `true` and a
            // dynamically linked napkin would search them on every start.
            .env_remove("LD_LIBRARY_PATH")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .unwrap_or_else(|e| panic!("cannot run {program}: {e}"));
        let took = start.elapsed();
        assert!(status.success(), "{program} {args:?} failed");
        took
    };
    for _ in 0..50 {
        commands.iter().for_each(|c| {
            run(c);
        });
    }
    let mut times: Vec<Vec<Duration>> = vec![Vec::with_capacity(rounds); commands.len()];
    let mut ratios = Vec::with_capacity(rounds);
    let mut llm_ratios = Vec::with_capacity(rounds);
    for round in 0..rounds {
        // Rotate who goes first, so no command always runs on a cache warmed by another.
        let mut this = [Duration::ZERO; 4];
        for k in 0..commands.len() {
            let i = (round + k) % commands.len();
            this[i] = run(&commands[i]);
        }
        for (i, t) in this.iter().enumerate() {
            times[i].push(*t);
        }
        ratios.push(this[2].as_secs_f64() / this[0].as_secs_f64());
        llm_ratios.push(this[3].as_secs_f64() / this[0].as_secs_f64());
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let base = median(&mut times[0].iter().map(Duration::as_secs_f64).collect());
    println!("{rounds} rounds, binary {bin}");
    println!("{:<58} {:>9} {:>8}", "command", "median", "÷ true");
    for ((program, args), t) in commands.iter().zip(&times) {
        let m = median(&mut t.iter().map(Duration::as_secs_f64).collect());
        let name = format!(
            "{} {}",
            program.rsplit('/').next().unwrap_or(program),
            args.join(" ")
        );
        println!("{:<58} {:>6.3} ms {:>8.2}", name.trim(), m * 1e3, m / base);
    }
    println!(
        "median of the per-round ratios calc ÷ true: {:.2}",
        median(&mut ratios)
    );
    println!(
        "median of the per-round ratios calc chatbot ÷ true: {:.2}",
        median(&mut llm_ratios)
    );
}

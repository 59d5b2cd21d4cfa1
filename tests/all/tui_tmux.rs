//! The real binary in a real terminal (tmux): open a preset, edit DAU, see peak QPS change, quit,
//! and find the terminal back to normal, after a panic and a signal too. Where tmux is absent the test says so
//! and does nothing.

use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "e2e"])
    }

    /// Waits up to 10 s for `text` on the screen, and for the screen to be still (the same in
    /// two captures 50 ms apart), so that a frame half drawn is not read.
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        let mut last = String::new();
        loop {
            let screen = self.screen();
            if screen.contains(text) && screen == last {
                return screen;
            }
            last = screen.clone();
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "waited 10 s for {text:?}; the screen shows:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .arg("kill-server")
            .output();
    }
}

/// napkin on `args` in a `width`×`height` tmux window (a server of its own, named after the
/// test), with its own config directory and no
/// colour; the shell prints `napkin-exit=<status>` when it ends. None when tmux is absent.
fn start(name: &str, width: u16, height: u16, args: &str) -> Option<(Tmux, tempfile::TempDir)> {
    start_with(name, width, height, "", args)
}

/// [`start`] with `env` (`NAME=value …`, or a command that runs the binary, such as `sh -c '…'`)
/// before the binary.
fn start_with(
    name: &str,
    width: u16,
    height: u16,
    env: &str,
    args: &str,
) -> Option<(Tmux, tempfile::TempDir)> {
    if Command::new("tmux").arg("-V").output().is_err() {
        eprintln!(
            "tmux is not installed: the end-to-end test of the screen did not run (.ci/run installs it)"
        );
        return None;
    }
    let config = tempfile::tempdir().unwrap();
    let tmux = Tmux {
        socket: format!("napkin-e2e-{}-{name}", std::process::id()),
    };
    let (w, h) = (width.to_string(), height.to_string());
    tmux.run(&["new-session", "-d", "-s", "e2e", "-x", &w, "-y", &h, "sh"]);
    let bin = env!("CARGO_BIN_EXE_napkin");
    let command = format!(
        "XDG_CONFIG_HOME={} NO_COLOR=1 {env} {bin} {args}; echo napkin-exit=$?",
        config.path().display()
    );
    tmux.run(&["send-keys", "-t", "e2e", &command, "Enter"]);
    Some((tmux, config))
}

/// `napkin tui twitter` as [`start`] does, its process id known: the shell writes its pid, then
/// becomes napkin. None when tmux is absent.
fn start_twitter_with_pid(name: &str) -> Option<(Tmux, tempfile::TempDir, String)> {
    let pid_dir = tempfile::tempdir().unwrap();
    let pid_file = pid_dir.path().join("pid");
    let wrapper = format!(
        "sh -c 'echo $$ > {}; exec \"$0\" \"$@\"'",
        pid_file.display()
    );
    let (tmux, config) = start_with(name, 80, 24, &wrapper, "tui twitter")?;
    tmux.wait_for("Twitter");
    let pid = std::fs::read_to_string(&pid_file).expect("the pid, written before the screen");
    Some((tmux, config, pid.trim().to_string()))
}

impl Tmux {
    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend(keys);
        self.run(&args);
    }

    fn alternate_on(&self) -> String {
        self.run(&["display-message", "-p", "-t", "e2e", "#{alternate_on}"])
            .trim()
            .to_string()
    }

    /// Whether the cursor is shown: "1" or "0".
    fn cursor_shown(&self) -> String {
        self.run(&["display-message", "-p", "-t", "e2e", "#{cursor_flag}"])
            .trim()
            .to_string()
    }

    /// Waits for napkin to end with status 0, then checks the terminal is back to normal.
    fn assert_restored(&self) {
        self.assert_restored_after(0);
    }

    /// Waits for napkin to end with `status`, then checks the terminal is back to normal: out of
    /// the alternate screen, the cursor shown, and not in raw mode (the shell echoes and runs
    /// what is typed).
    fn assert_restored_after(&self, status: i32) {
        self.wait_for(&format!("napkin-exit={status}"));
        assert_eq!(self.alternate_on(), "0", "left the alternate screen");
        assert_eq!(self.cursor_shown(), "1", "the cursor is shown");
        self.keys(&["echo restored-$((40+2))", "Enter"]);
        self.wait_for("restored-42");
    }
}

#[test]
fn edit_dau_in_the_real_screen() {
    let Some((tmux, _config)) = start("edit", 120, 36, "tui video-recommendation") else {
        return;
    };
    // 1B DAU × 5 ÷ 86,400 × 2 = 115,741/s → "116k/s".
    let screen = tmux.wait_for("Video Recommendation System");
    assert!(screen.contains("116k/s"), "{screen}");
    assert_eq!(tmux.alternate_on(), "1");

    // DAU is the first input and selected: edit it to 2B → 2B × 5 ÷ 86,400 × 2 = 231,481/s → "231k/s".
    tmux.keys(&["Enter", "C-u", "2B", "Enter"]);
    let screen = tmux.wait_for("231k/s");
    assert!(
        screen.contains("E dau") && screen.contains("E traffic.dau = 2B"),
        "the edited input is marked:\n{screen}"
    );

    // With an unwritten edit, the first q asks again; the second quits.
    tmux.keys(&["q"]);
    tmux.wait_for("the edits are not written");
    tmux.keys(&["q"]);
    tmux.assert_restored();
}

#[test]
fn ctrl_c_while_typing_asks_then_quits_and_restores_the_terminal() {
    let Some((tmux, _config)) = start("ctrl-c", 80, 24, "tui twitter") else {
        return;
    };
    tmux.wait_for("Twitter");
    // Typing DAU: q is a letter there, Ctrl-C is not.
    tmux.keys(&["Enter", "C-u", "300Mq"]);
    tmux.wait_for("300Mq▏");
    tmux.keys(&["C-c"]);
    tmux.wait_for("Ctrl-C again quits");
    tmux.keys(&["C-c"]);
    tmux.assert_restored();
}

#[test]
fn panels_reference_and_help_at_80x24() {
    let Some((tmux, _config)) = start("panels", 80, 24, "tui video-recommendation") else {
        return;
    };
    tmux.wait_for("Video Recommendation System");
    // The help of this screen, grouped by where keys apply.
    tmux.keys(&["?"]);
    let top = tmux.wait_for("↓ more");
    // Taller than 24 rows: ↓ scrolls to the rest.
    tmux.keys(&["Down", "Down", "Down", "Down"]);
    let bottom = tmux.wait_for("↑ back");
    let help = format!("{top}\n{bottom}");
    for text in ["editing a value", "anywhere", "Ctrl-C", "previous panel"] {
        assert!(help.contains(text), "{text}:\n{help}");
    }
    tmux.keys(&["Escape"]);
    // Esc read apart from what follows (Esc then t at once reads as Alt-t): the hint bar, with
    // its "q  quit", is back.
    tmux.wait_for("   q  quit");
    // The reference tab: every latency number; Tab to the right column and a page down show
    // every availability with its nines.
    tmux.keys(&["t"]);
    let reference = tmux.wait_for("read 1 MB sequentially from network");
    assert!(reference.contains("Napkin numbers (↓ more)"), "{reference}");
    tmux.keys(&["Tab", "NPage"]);
    tmux.wait_for("99.9999%");
    // Back on the estimate, Tab three times reaches Pictures; a page down shows the waterfall,
    // each stage's line ending in its time (ranking 50 ms) on the 0 ms–200 ms axis.
    tmux.keys(&["t", "Tab", "Tab", "Tab", "NPage"]);
    let screen = tmux.wait_for("0 ms 200 ms");
    assert!(screen.contains("50 ms│"), "{screen}");
    tmux.keys(&["q"]);
    tmux.assert_restored();
}

#[test]
fn whole_labels_and_the_waterfall_at_160x48() {
    let Some((tmux, _config)) = start("wide", 160, 48, "tui video-recommendation") else {
        return;
    };
    let screen = tmux.wait_for("Latency 110 ms of 200 ms");
    // Overhead 20 ms, then candidate generation 30 ms: each stage's line ends in its time.
    assert!(
        screen
            .lines()
            .any(|l| l.contains("│candidate_generation ") && l.contains("┃ 30 ms│")),
        "{screen}"
    );
    assert!(screen.contains("│videos retained growth █"), "{screen}");
    tmux.keys(&["C-c"]);
    tmux.assert_restored();
}

#[test]
fn a_panic_restores_the_terminal() {
    // A debug build panics on the first key with NAPKIN_TEST_PANIC set (src/tui/mod.rs).
    let Some((tmux, _config)) = start_with(
        "panic",
        80,
        24,
        "NAPKIN_TEST_PANIC=1 RUST_BACKTRACE=0",
        "tui twitter",
    ) else {
        return;
    };
    tmux.wait_for("Twitter");
    assert_eq!(tmux.alternate_on(), "1");
    assert_eq!(tmux.cursor_shown(), "0", "the screen hides the cursor");
    tmux.keys(&["j"]);
    // Rust's exit status after a panic is 101; the message is printed on the normal screen,
    // whole, below the command, and the shell's lines come after it.
    tmux.assert_restored_after(101);
    let screen = tmux.screen();
    let lines: Vec<&str> = screen.lines().collect();
    let at = |text: &str| {
        lines
            .iter()
            .position(|l| l.contains(text))
            .unwrap_or_else(|| panic!("no {text:?} on the screen:\n{screen}"))
    };
    let (panicked, message) = (
        at("thread 'main'"),
        at("NAPKIN_TEST_PANIC: a panic injected"),
    );
    assert!(
        lines[panicked].contains("panicked at src/tui/mod.rs"),
        "{screen}"
    );
    assert!(
        panicked < message && message < at("napkin-exit=101"),
        "{screen}"
    );
}

#[test]
fn a_signal_restores_the_terminal_and_exits_128_plus_its_number() {
    // SIGTERM (`kill`, `timeout`), SIGHUP (a closed terminal window), SIGINT (`kill -INT`: in raw
    // mode Ctrl-C is a key, not a signal).
    for (name, number) in [("TERM", 15), ("HUP", 1), ("INT", 2)] {
        let Some((tmux, _config, pid)) = start_twitter_with_pid(&format!("signal-{name}")) else {
            return;
        };
        assert_eq!(tmux.alternate_on(), "1");
        assert_eq!(tmux.cursor_shown(), "0", "the screen hides the cursor");
        let killed = Command::new("kill")
            .args(["-s", name, &pid])
            .status()
            .expect("kill runs");
        assert!(killed.success(), "kill -s {name} {pid}");
        tmux.assert_restored_after(128 + number);
    }
}

#[test]
fn a_case_walk_on_the_screen_follows_the_candidates_numbers() {
    let data = tempfile::tempdir().unwrap();
    let env = format!("XDG_DATA_HOME={}", data.path().display());
    let Some((tmux, _config)) = start_with("walk", 100, 30, &env, "tui twitter") else {
        return;
    };
    tmux.wait_for("Twitter");
    tmux.keys(&["c"]);
    tmux.wait_for("Step 1/9");
    // Average QPS: 150M × 2 ÷ 86,400 = 3,472/s; 7k/s is 2.02× high.
    tmux.keys(&["7k/s", "Enter"]);
    tmux.wait_for("2.02× over");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Step 2/9");
    // Peak QPS from that 7k/s: 7k/s × 2 = 14k/s, napkin's 6.94k/s.
    tmux.keys(&["14k/s", "Enter"]);
    let screen = tmux.wait_for("Follows from your numbers");
    assert!(screen.contains("7k/s average × peak factor 2"), "{screen}");
    // Esc: the walk so far, both scores a step, and where the early number sent the
    // candidate off; Esc again goes back to the case study.
    tmux.keys(&["Escape"]);
    let summary = tmux.wait_for("Your method: 1 of 2 answers followed");
    assert!(
        summary.contains("Where an early number sent you off"),
        "{summary}"
    );
    tmux.keys(&["Escape"]);
    tmux.wait_for("   q  quit");
    tmux.keys(&["q"]);
    tmux.assert_restored();
}

#[test]
fn a_screen_whose_terminal_is_gone_ends() {
    let Some((tmux, _config, pid)) = start_twitter_with_pid("gone") else {
        return;
    };
    let status = format!("/proc/{pid}/status");
    // The terminal goes (its window closed): napkin must end, not read the dead terminal in a
    // loop for ever.
    drop(tmux);
    let start = Instant::now();
    loop {
        let state = std::fs::read_to_string(&status).unwrap_or_default();
        let running = state
            .lines()
            .find(|l| l.starts_with("State:"))
            .is_some_and(|l| !l.contains("Z (zombie)"));
        if !running {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "napkin still runs 10 s after its terminal went:\n{state}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

//! The real binary in a real terminal (tmux): open a preset, edit DAU, see peak QPS change, quit,
//! and find the terminal back to normal. Where tmux is absent the test says so and does nothing.

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

    /// Waits up to 10 s for `text` on the screen.
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
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

#[test]
fn edit_dau_in_the_real_screen() {
    if Command::new("tmux").arg("-V").output().is_err() {
        eprintln!(
            "tmux is not installed: the end-to-end test of the screen did not run (.ci/run installs it)"
        );
        return;
    }
    let config = tempfile::tempdir().unwrap();
    let tmux = Tmux {
        socket: format!("napkin-e2e-{}", std::process::id()),
    };
    tmux.run(&[
        "new-session",
        "-d",
        "-s",
        "e2e",
        "-x",
        "120",
        "-y",
        "36",
        "sh",
    ]);
    let bin = env!("CARGO_BIN_EXE_napkin");
    let command = format!(
        "XDG_CONFIG_HOME={} NO_COLOR=1 {bin} tui video-recommendation; echo napkin-exit=$?",
        config.path().display()
    );
    tmux.run(&["send-keys", "-t", "e2e", &command, "Enter"]);
    // 1B DAU × 5 ÷ 86,400 × 2 = 115,741/s → "116k/s".
    let screen = tmux.wait_for("Video Recommendation System");
    assert!(screen.contains("116k/s"), "{screen}");
    assert_eq!(
        tmux.run(&["display-message", "-p", "-t", "e2e", "#{alternate_on}"])
            .trim(),
        "1"
    );

    // DAU is the first input and selected: edit it to 2B → 2B × 5 ÷ 86,400 × 2 = 231,481/s → "231k/s".
    tmux.run(&["send-keys", "-t", "e2e", "Enter", "C-u", "2B", "Enter"]);
    let screen = tmux.wait_for("231k/s");
    assert!(
        screen.contains("E dau") && screen.contains("E traffic.dau = 2B"),
        "the edited input is marked:\n{screen}"
    );

    // With an unwritten edit, the first q asks again; the second quits.
    tmux.run(&["send-keys", "-t", "e2e", "q"]);
    tmux.wait_for("the edits are not written");
    tmux.run(&["send-keys", "-t", "e2e", "q"]);
    tmux.wait_for("napkin-exit=0");
    assert_eq!(
        tmux.run(&["display-message", "-p", "-t", "e2e", "#{alternate_on}"])
            .trim(),
        "0",
        "left the alternate screen"
    );
    // The shell echoes and runs what is typed again: raw mode is off.
    tmux.run(&["send-keys", "-t", "e2e", "echo restored-$((40+2))", "Enter"]);
    tmux.wait_for("restored-42");
}

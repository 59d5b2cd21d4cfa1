//! The repository's scripts, run as a developer runs them: from the repository's root.

use std::process::Command;

#[test]
fn fuzz_run_all_from_the_root_runs_every_target() {
    // FUZZ_DRY_RUN prints the commands instead of fuzzing; `all` runs the script again for each
    // target, which must find itself after its `cd` (it once ran a relative `$0`: exit 127).
    let root = env!("CARGO_MANIFEST_DIR");
    let out = Command::new("bash")
        .args(["fuzz/run.sh", "all", "-max_total_time=60"])
        .current_dir(root)
        .env("FUZZ_DRY_RUN", "1")
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "exit {:?}: {}{stdout}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    for target in ["quantity", "answer", "scenario", "set", "history"] {
        assert!(
            stdout.contains(&format!("cargo fuzz run {target} -s none corpus/{target}")),
            "{target}:\n{stdout}"
        );
    }
    assert!(stdout.contains("-max_total_time=60"), "{stdout}");
}

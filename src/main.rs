//! The `napkin` binary; everything lives in the library (see its crate docs for the map).
//!
//! On Linux with glibc, napkin starts from C's `main` and skips the Rust runtime's own set-up: a
//! guard for main-thread stack overflows (found by reading `/proc/self/maps`), signal handlers
//! and a check of the standard descriptors, about twenty system calls. That set-up took 0.2 ms
//! of a 1 ms `napkin calc` (see `benches/README.md`). napkin keeps the part that matters to a
//! user: SIGPIPE is ignored, so a reader that closes the pipe early (`| head`) ends napkin with
//! status 0 as before. What changes: a stack overflow is a plain SIGSEGV without a message, a
//! panic names its thread `<unnamed>`, and a closed standard descriptor is not reopened on
//! /dev/null (napkin opens no file for writing while it writes to standard output). glibc hands the arguments to the standard library
//! before `main`, so `std::env::args` works.
#![cfg_attr(all(target_os = "linux", target_env = "gnu", not(test)), no_main)]

#[cfg(all(target_os = "linux", target_env = "gnu", not(test)))]
#[unsafe(no_mangle)]
extern "C" fn main(
    _argc: std::ffi::c_int,
    _argv: *const *const std::ffi::c_char,
) -> std::ffi::c_int {
    // As the runtime does: a write to a closed pipe fails with EPIPE instead of killing napkin.
    // SAFETY: setting a signal's disposition to "ignore" before any thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_IGN);
    }
    // A panic must not unwind into C; 101 is the status a Rust `main` ends with on a panic.
    let status = std::panic::catch_unwind(napkin::cli::main).unwrap_or(101);
    // The runtime's exit would flush standard output; without it, napkin does.
    let _ = std::io::Write::flush(&mut std::io::stdout());
    status.into()
}

#[cfg(not(all(target_os = "linux", target_env = "gnu", not(test))))]
fn main() -> std::process::ExitCode {
    napkin::cli::main().into()
}

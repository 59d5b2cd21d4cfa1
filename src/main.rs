//! The `napkin` binary; everything lives in the library (see its crate docs for the map).
//!
//! The Rust runtime ignores SIGPIPE, so a reader that closes the pipe early (`| head`) makes a
//! write fail with a broken pipe, which the command line treats as the end of the job (status 0).

#![forbid(unsafe_code)]

fn main() -> std::process::ExitCode {
    napkin::cli::main().into()
}

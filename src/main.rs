//! The `napkin` binary; everything lives in the library (see its crate docs for the map).

fn main() -> std::process::ExitCode {
    napkin::cli::main()
}

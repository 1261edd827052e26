//! Project automation, portable to the Windows machines most schools use.
//!
//! - `cargo xtask run`: installs what is missing, builds the UI and the app, starts the app.
//! - `cargo xtask test [--timings]`: installs what is missing, then runs every test, stopping at
//!   the first failure: rustfmt, the module lint, clippy, the Rust tests, a small run of each
//!   benchmark, the UI's type check and unit tests, the end-to-end tests of the built app; then
//!   prints each stage's wall and CPU time (`--timings`: also Cargo's HTML timing reports).
//! - `cargo xtask lint-modules`: no import cycle between the modules of a crate, no source file
//!   over 600 lines outside its tests.
//! - `cargo xtask bindings`: regenerates `ui/src/bindings/bindings.ts` from the Rust commands.
//! - `cargo xtask bundle`: builds the installer (`.deb` on Linux, `.msi` on Windows).
//! - `cargo xtask bench-start`: release build, cold start to the login screen (N runs).
//! - `cargo xtask bench-search`: search at 100,000 students, timed in the real release app.

mod bench_search;
mod bench_start;
mod build;
mod lint_modules;
mod setup;
mod sh;
mod test;
mod timing;

use std::process::ExitCode;

const USAGE: &str =
    "usage: cargo xtask <run | test | lint-modules | bindings | bundle | setup | bench-start | bench-search>

  run       install what is missing, build, and start the app
  test [--timings]
            install what is missing, then run every test (what CI runs); prints the time of
            each stage (--timings: also Cargo's HTML timing reports of the builds)
  lint-modules
            no import cycle between the modules of a crate, no source file over 600 lines
            outside its tests (also a stage of `test`)
  bindings  regenerate ui/src/bindings/bindings.ts from the Rust commands
  bundle    build the installer (.deb on Linux, .msi on Windows); --debug packs a debug build
  setup     only install what is missing (system packages, npm packages)
  bench-start [--runs N]
            release build; time N cold starts to the login screen (target < 1.5 s)
  bench-search
            search results on screen after the last keystroke at 100,000 students (release app)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("run") => build::run_app(),
        Some("test") => test::all(&args[1..]),
        Some("lint-modules") => lint_modules::run(),
        Some("bindings") => build::bindings(),
        Some("bundle") => build::bundle(args.iter().any(|a| a == "--debug")),
        Some("setup") => setup::all(setup::Purpose::Test),
        Some("bench-start") => bench_start::start(&args[1..]),
        Some("bench-start-inner") => bench_start::inner(&args[1..]),
        Some("bench-search") => bench_search::search(),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\nxtask: {e}");
            ExitCode::FAILURE
        }
    }
}

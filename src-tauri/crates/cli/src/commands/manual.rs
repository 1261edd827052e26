//! `xueji completions SHELL` and `xueji man`: generated from the same clap definition the
//! command line parses with, so they cannot drift from it. The .deb installs the copies kept in
//! `dist/` (a test keeps them equal to what the binary prints).

use clap::CommandFactory;

use crate::args::{Cli, ShellArg};
use crate::error::{CliError, Result};

/// The completion script for `shell`.
pub fn completions(shell: ShellArg) -> String {
    use clap_complete::Shell;
    let shell = match shell {
        ShellArg::Bash => Shell::Bash,
        ShellArg::Zsh => Shell::Zsh,
        ShellArg::Fish => Shell::Fish,
    };
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "xueji", &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// The man page (section 1): the synopsis, the global options and every command with its
/// summary (`xueji <command> --help` has each command's options).
pub fn man() -> Result<String> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut out)
        .map_err(CliError::Runtime)?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}

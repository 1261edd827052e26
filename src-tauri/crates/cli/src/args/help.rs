//! The command line in Chinese throughout: clap's own words (the help and version flags, the
//! `help` subcommand, the headings of a help page) replaced, for parsing, `--help`, the
//! completions and the man page alike.

use clap::{Arg, ArgAction, CommandFactory};

use super::Cli;

/// A help page: what the command does, its usage, then its commands, arguments and options.
const TEMPLATE: &str = "{before-help}{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}";

/// The command line as it is parsed and documented.
pub fn command() -> clap::Command {
    localize(
        Cli::command().disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("显示版本"),
        ),
    )
}

/// `cmd` and every subcommand under it, in Chinese.
fn localize(cmd: clap::Command) -> clap::Command {
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    let mut cmd = cmd
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("显示帮助"),
        )
        .help_template(TEMPLATE)
        .subcommand_help_heading("命令")
        .subcommand_value_name("命令")
        .mut_args(|a| {
            // The command's own options first, then the global ones, then -V and -h.
            let a = match a.get_id().as_str() {
                "help" => a.display_order(1001),
                "version" => a.display_order(1000),
                _ if a.is_global_set() => a.display_order(900),
                _ => a,
            };
            // A date says so in its value name, as its help does (YYYY-MM-DD).
            let a = if is_date(&a) {
                a.value_name("YYYY-MM-DD")
            } else {
                a
            };
            if a.get_help_heading().is_some() {
                a
            } else if a.is_positional() {
                a.help_heading("参数")
            } else {
                a.help_heading("选项")
            }
        });
    for name in names {
        cmd = cmd.mut_subcommand(name, localize);
    }
    cmd
}

/// An option taking a date: its help gives the format, and no value name was chosen for it.
fn is_date(a: &Arg) -> bool {
    let default_name = a.get_id().as_str().to_uppercase();
    a.get_action().takes_values()
        && a.get_help()
            .is_some_and(|h| h.to_string().contains("YYYY-MM-DD"))
        && a.get_value_names()
            .is_none_or(|names| names.iter().all(|n| n.as_str() == default_name))
}

#[cfg(test)]
mod tests {
    /// No English of clap's is left on any help page: the root's and every subcommand's.
    #[test]
    fn every_help_page_is_in_chinese() {
        fn pages(cmd: &mut clap::Command, out: &mut Vec<String>) {
            out.push(cmd.render_help().to_string());
            for sub in cmd.get_subcommands_mut() {
                pages(sub, out);
            }
        }
        let mut root = super::command();
        root.build();
        let mut all = Vec::new();
        pages(&mut root, &mut all);
        assert!(all.len() > 50, "{} pages", all.len());
        for page in &all {
            for english in [
                "Usage:",
                "Commands:",
                "Options:",
                "Arguments:",
                "Print help",
            ] {
                assert!(!page.contains(english), "{english} in:\n{page}");
            }
            assert!(
                page.contains("用法：") && page.contains("显示帮助"),
                "{page}"
            );
        }
        assert!(
            all[0].contains("命令:") && all[0].contains("显示版本"),
            "{}",
            all[0]
        );
    }
}

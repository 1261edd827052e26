//! `xueji`: the XueJi command line. It runs the same use cases as the desktop app, for backups,
//! imports, print batches and checks on a server or from a script.

use clap::{CommandFactory, Parser};

#[derive(Debug, Parser)]
#[command(
    name = "xueji",
    version,
    about = "学籍管理 XueJi 命令行：备份、导入、批量打印与校验。",
    long_about = None
)]
struct Cli {}

fn main() {
    let _cli = Cli::parse();
    // No subcommand yet: say what the tool is rather than doing nothing silently.
    let mut command = Cli::command();
    if command.print_help().is_err() {
        std::process::exit(1);
    }
}

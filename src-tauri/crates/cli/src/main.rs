//! `xueji`: the XueJi command line. It runs the same use cases as the desktop app, for backups,
//! imports, print batches and checks on a server or from a script.

mod args;
mod commands;
mod data_dir;
mod error;
mod input;
mod output;

use clap::{CommandFactory, Parser};
use xueji_store::{DataDir, KeyStore};

use args::{AuditCommand, BackupCommand, Cli, Command, DbCommand, PrintCommand};
use commands::Ctx;
use error::{CliError, Result};

fn main() {
    let cli = Cli::parse();
    let json_mode = cli.json;
    let Some(command) = cli.command else {
        // No subcommand: say what the tool is rather than doing nothing silently.
        let mut command = Cli::command();
        if command.print_help().is_err() {
            std::process::exit(1);
        }
        return;
    };
    let result = match command {
        // Samples need no database.
        Command::Print(PrintCommand::Sample { list, kind, out }) => {
            commands::print::sample(json_mode, list, kind.as_deref(), out.as_deref())
        }
        command => run(cli.data_dir, json_mode, command),
    };
    if let Err(err) = result {
        output::failure(json_mode, &err);
        std::process::exit(err.exit_code());
    }
}

fn run(data_dir: Option<std::path::PathBuf>, json: bool, command: Command) -> Result<()> {
    let data = DataDir::new(data_dir::resolve(data_dir)?);
    let keys = KeyStore::from_env(&data)?;
    let ctx = Ctx { data, keys, json };
    // Secrets come from stdin before the runtime starts.
    let mut stdin = std::io::stdin().lock();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(CliError::Runtime)?;
    match command {
        Command::Init {
            school_name,
            school_kind,
            admin,
        } => {
            let password = input::password_twice(&mut stdin)?;
            runtime.block_on(commands::init::run(
                &ctx,
                &school_name,
                &school_kind,
                &admin,
                password,
            ))
        }
        Command::Recover => {
            let code = input::line(&mut stdin, "恢复码")?;
            runtime.block_on(commands::recover::run(&ctx, &code))
        }
        Command::Backup(BackupCommand::Create { to }) => {
            runtime.block_on(commands::backup::create(&ctx, &to))
        }
        Command::Backup(BackupCommand::Restore { from }) => {
            runtime.block_on(commands::backup::restore(&ctx, &from))
        }
        Command::Backup(BackupCommand::Verify { file }) => {
            runtime.block_on(commands::backup::verify(&ctx, &file))
        }
        Command::Audit(AuditCommand::Verify) => runtime.block_on(commands::audit::verify(&ctx)),
        Command::Db(DbCommand::Info) => runtime.block_on(commands::db::info(&ctx)),
        Command::Print(PrintCommand::Sample { list, kind, out }) => {
            commands::print::sample(json, list, kind.as_deref(), out.as_deref())
        }
    }
}

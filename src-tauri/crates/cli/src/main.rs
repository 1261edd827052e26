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

use args::{
    AuditCommand, BackupCommand, CalendarCommand, ChangeCommand, Cli, Command, DbCommand,
    KeysCommand, PackageCommand, PrintCommand, StudentCommand, UserCommand,
};
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
        Command::Print(args) if args.sample.is_some() => match args.sample {
            Some(PrintCommand::Sample { list, kind, out }) => {
                commands::print::sample(json_mode, list, kind.as_deref(), out.as_deref())
            }
            None => Ok(()),
        },
        command => run(cli.data_dir, json_mode, cli.user, command),
    };
    if let Err(err) = result {
        output::failure(json_mode, &err);
        std::process::exit(err.exit_code());
    }
}

fn run(
    data_dir: Option<std::path::PathBuf>,
    json: bool,
    user: Option<String>,
    command: Command,
) -> Result<()> {
    let data = DataDir::new(data_dir::resolve(data_dir)?);
    let keys = KeyStore::from_env(&data)?;
    let ctx = Ctx {
        data,
        keys,
        json,
        user,
    };
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
        Command::Recover { from_backup } => {
            let code = input::line(&mut stdin, "恢复码")?;
            match from_backup {
                Some(file) => runtime.block_on(commands::recover::from_backup(&ctx, &file, &code)),
                None => runtime.block_on(commands::recover::run(&ctx, &code)),
            }
        }
        // A restore replaces the database under the app: it logs in, then hands the app over.
        Command::Backup(BackupCommand::Restore { from }) => {
            let user = commands::session::username(ctx.user.as_deref())?;
            let password = commands::session::password(&mut stdin)?;
            runtime.block_on(async {
                let (app, session) = commands::session::login(&ctx, &user, &password).await?;
                commands::backup::restore(app, &session, password, json, &from).await
            })
        }
        Command::Audit(AuditCommand::Verify) => runtime.block_on(commands::audit::verify(&ctx)),
        Command::Db(DbCommand::Info) => runtime.block_on(commands::db::info(&ctx)),
        Command::Print(args) if args.sample.is_some() => match &args.sample {
            Some(PrintCommand::Sample { list, kind, out }) => {
                commands::print::sample(json, *list, kind.as_deref(), out.as_deref())
            }
            None => Ok(()),
        },
        // Everything else acts as a named user: password first, then a new account's password.
        command => {
            let user = commands::session::username(ctx.user.as_deref())?;
            let password = commands::session::password(&mut stdin)?;
            let new_password = match &command {
                Command::User(UserCommand::Add { .. }) => {
                    Some(commands::user::new_password(&mut stdin)?)
                }
                _ => None,
            };
            runtime.block_on(as_user(&ctx, &user, &password, |app, session| {
                Box::pin(use_case(app, session, json, new_password, command))
            }))
        }
    }
}

/// The commands that run a use case of `xueji-app` as the logged-in user.
async fn use_case(
    app: &xueji_app::App,
    session: &xueji_app::Session,
    json: bool,
    new_password: Option<String>,
    command: Command,
) -> Result<()> {
    match command {
        Command::Print(args) => commands::print::document(app, session, json, &args).await,
        Command::Promote { into, dry_run } => {
            commands::batch::promote(app, session, json, into, dry_run).await
        }
        Command::Graduate {
            grade,
            results,
            on,
            reference,
            dry_run,
        } => {
            commands::batch::graduate(
                app,
                session,
                json,
                grade,
                &results,
                on.as_deref(),
                reference,
                dry_run,
            )
            .await
        }
        Command::Backup(BackupCommand::Create { to }) => {
            commands::backup::create(app, session, json, &to).await
        }
        Command::Backup(BackupCommand::Verify { file }) => {
            commands::backup::verify(app, session, json, &file).await
        }
        Command::Student(cmd) => student(app, session, json, *cmd).await,
        Command::Change(cmd) => change(app, session, json, *cmd).await,
        Command::Import(cmd) => commands::import::run(app, session, json, cmd).await,
        Command::Export(args) => commands::export::run(app, session, json, *args).await,
        Command::Package(cmd) => package(app, session, json, cmd).await,
        Command::Keys(cmd) => keys(app, session, json, cmd).await,
        Command::Calendar(cmd) => calendar(app, session, json, cmd).await,
        Command::Document(cmd) => commands::document::run(app, session, json, cmd).await,
        Command::Hardship(cmd) => commands::hardship::run(app, session, json, *cmd).await,
        Command::User(cmd) => user_command(app, session, json, new_password, cmd).await,
        _ => Err(CliError::Usage("该命令不需要登录".to_owned())),
    }
}

type Pinned<'a> = std::pin::Pin<Box<dyn std::future::Future<Output = Result<()>> + 'a>>;

/// Logs in, runs `f`, logs out and closes the database whatever `f` returned.
async fn as_user<F>(ctx: &Ctx, user: &str, password: &str, f: F) -> Result<()>
where
    F: for<'a> FnOnce(&'a xueji_app::App, &'a xueji_app::Session) -> Pinned<'a>,
{
    let (app, session) = commands::session::login(ctx, user, password).await?;
    let result = f(&app, &session).await;
    let logout = app.logout(&session).await;
    app.close().await;
    result.and(logout.map_err(Into::into))
}

async fn student(
    app: &xueji_app::App,
    session: &xueji_app::Session,
    json: bool,
    cmd: StudentCommand,
) -> Result<()> {
    use commands::student;
    match cmd {
        StudentCommand::Add(a) => student::add(app, session, json, &a).await,
        StudentCommand::Show { student: key } => student::show(app, session, json, &key).await,
        StudentCommand::Search {
            query,
            grade,
            class,
            status,
            all,
            page,
            page_size,
        } => {
            let input = xueji_app::students::SearchInput {
                query,
                grade,
                class_name: class,
                statuses: status,
                include_archived: all,
                flags: Vec::new(),
                page,
                page_size,
            };
            student::search(app, session, json, &input).await
        }
        StudentCommand::Edit { student: key, set } => {
            student::edit(app, session, json, &key, &set).await
        }
    }
}

async fn change(
    app: &xueji_app::App,
    session: &xueji_app::Session,
    json: bool,
    cmd: ChangeCommand,
) -> Result<()> {
    use commands::change;
    match cmd {
        ChangeCommand::Submit {
            student,
            from,
            proofs,
        } => change::submit(app, session, json, student.as_deref(), &from, &proofs).await,
        ChangeCommand::Decide {
            application,
            step,
            approve: _,
            reject,
            skip,
            on,
            reference,
            proof,
        } => {
            change::decide(
                app,
                session,
                json,
                application,
                step,
                reject,
                skip,
                on.as_deref(),
                reference,
                proof.as_deref(),
            )
            .await
        }
        ChangeCommand::List {
            student,
            kind,
            state,
            overdue,
            page,
            page_size,
        } => {
            let input = xueji_app::changes::ChangeListInput {
                kind,
                state,
                overdue_only: overdue,
                page,
                page_size,
                ..Default::default()
            };
            change::list(app, session, json, student.as_deref(), input).await
        }
        ChangeCommand::Show { application } => change::show(app, session, json, application).await,
        ChangeCommand::Withdraw {
            application,
            reason,
        } => change::withdraw(app, session, json, application, &reason).await,
    }
}

async fn user_command(
    app: &xueji_app::App,
    session: &xueji_app::Session,
    json: bool,
    new_password: Option<String>,
    cmd: UserCommand,
) -> Result<()> {
    use commands::user;
    match cmd {
        UserCommand::Add {
            username,
            name,
            role,
        } => {
            let password = new_password.unwrap_or_default();
            user::add(app, session, json, password, &username, &name, &role).await
        }
        UserCommand::Lock { username } => {
            user::set_active(app, session, json, &username, false).await
        }
        UserCommand::Unlock { username } => {
            user::set_active(app, session, json, &username, true).await
        }
        UserCommand::List => user::list(app, session, json).await,
    }
}

async fn package(
    app: &xueji_app::App,
    session: &xueji_app::Session,
    json: bool,
    cmd: PackageCommand,
) -> Result<()> {
    use commands::package;
    match cmd {
        PackageCommand::Create { student, to, out } => {
            package::create(app, session, json, &student, to, &out).await
        }
        PackageCommand::SchoolArchive { to, out, approval } => {
            package::school_archive(app, session, json, to, &out, approval.into()).await
        }
        PackageCommand::Handover { to, out } => {
            package::handover(app, session, json, to, &out).await
        }
        PackageCommand::Inspect { file } => package::inspect(app, session, json, &file).await,
        PackageCommand::Import { file } => package::import(app, session, json, &file).await,
    }
}

async fn calendar(
    app: &xueji_app::App,
    session: &xueji_app::Session,
    json: bool,
    cmd: CalendarCommand,
) -> Result<()> {
    use commands::calendar;
    match cmd {
        CalendarCommand::Show => calendar::show(app, session, json).await,
        CalendarCommand::Load { from, dry_run } => {
            calendar::load(app, session, json, &from, dry_run).await
        }
        CalendarCommand::Remove { year, title } => {
            calendar::remove(app, session, json, year, title.as_deref()).await
        }
    }
}

async fn keys(
    app: &xueji_app::App,
    session: &xueji_app::Session,
    json: bool,
    cmd: KeysCommand,
) -> Result<()> {
    use commands::package;
    match cmd {
        KeysCommand::Show => package::keys_show(app, session, json).await,
        KeysCommand::Trust { text, name } => {
            package::keys_trust(app, session, json, &text, &name).await
        }
    }
}

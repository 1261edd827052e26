//! `xueji`: the XueJi command line. It runs the same use cases as the desktop app, for backups,
//! imports, print batches and checks on a server or from a script.

mod args;
mod commands;
mod data_dir;
mod error;
mod input;
mod json_file;
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
    let cli = Cli::try_parse().unwrap_or_else(|e| usage_failure(&e));
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

/// A command line clap cannot parse. With `--json`: one JSON object on stdout, `code` `usage`,
/// the message in Chinese, exit 2 (issue 18: `--json` is always JSON). Without it, clap's own
/// text; help and version print as usual.
fn usage_failure(e: &clap::Error) -> ! {
    use clap::error::ErrorKind;
    let shown = matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    );
    if shown || !std::env::args().any(|a| a == "--json") {
        e.exit();
    }
    let invalid = usage_context(e, clap::error::ContextKind::InvalidArg).unwrap_or_default();
    let message = usage_message(e);
    let fields: Vec<_> = (!invalid.is_empty())
        .then(|| serde_json::json!({ "field": invalid, "message": message }))
        .into_iter()
        .collect();
    println!(
        "{}",
        serde_json::json!({
            "ok": false,
            "kind": "usage",
            "code": "usage",
            "message": message,
            "fields": fields,
            "exitCode": 2,
        })
    );
    std::process::exit(2);
}

/// A context value of a clap error as text (a list joined with 、).
fn usage_context(e: &clap::Error, kind: clap::error::ContextKind) -> Option<String> {
    use clap::error::ContextValue;
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join("、")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("、"),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// What clap found wrong, in Chinese, with the argument, the value and the valid values.
fn usage_message(e: &clap::Error) -> String {
    use clap::error::{ContextKind, ErrorKind};
    let get = |k| usage_context(e, k).unwrap_or_default();
    let arg = get(ContextKind::InvalidArg);
    let value = get(ContextKind::InvalidValue);
    let what = match e.kind() {
        ErrorKind::InvalidValue => format!("参数 {arg} 的值“{value}”无效"),
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(e).map(ToString::to_string);
            format!("参数 {arg} 的值“{value}”无效：{}", why.unwrap_or_default())
        }
        ErrorKind::UnknownArgument => format!("未知的参数：{arg}"),
        ErrorKind::InvalidSubcommand => {
            format!("未知的子命令：{}", get(ContextKind::InvalidSubcommand))
        }
        ErrorKind::MissingRequiredArgument => format!("缺少必需的参数：{arg}"),
        ErrorKind::MissingSubcommand => "缺少子命令".to_owned(),
        ErrorKind::ArgumentConflict => {
            format!("参数 {arg} 不能与 {} 同时使用", get(ContextKind::PriorArg))
        }
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("参数 {arg} 的值的个数不对")
        }
        _ => "命令行参数有误".to_owned(),
    };
    match usage_context(e, ContextKind::ValidValue) {
        Some(valid) if !valid.is_empty() => format!("{what}（可用：{valid}）"),
        _ => what,
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
    if without_session(&command).is_some() {
        return match command {
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
                    Some(file) => {
                        runtime.block_on(commands::recover::from_backup(&ctx, &file, &code))
                    }
                    None => runtime.block_on(commands::recover::run(&ctx, &code)),
                }
            }
            Command::Audit(AuditCommand::Verify) => runtime.block_on(commands::audit::verify(&ctx)),
            Command::Db(DbCommand::Info) => runtime.block_on(commands::db::info(&ctx)),
            // Samples are handled before the database is looked for.
            _ => Ok(()),
        };
    }
    // Everything else acts as a named user: password first, then a new account's password.
    let user = commands::session::username(ctx.user.as_deref())?;
    let password = commands::session::password(&mut stdin)?;
    match command {
        // A restore replaces the database under the app: it logs in, then hands the app over.
        Command::Backup(BackupCommand::Restore { from }) => runtime.block_on(async {
            let (app, session) = commands::session::login(&ctx, &user, &password).await?;
            commands::backup::restore(app, &session, password, json, &from).await
        }),
        command => {
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

/// Why a command runs without a XueJi user session, or `None` when it needs one (issue 15
/// item 4: the OS account is never the actor). Only start-up, recovery, and checks that show no
/// record's content run without a login.
fn without_session(command: &Command) -> Option<&'static str> {
    match command {
        Command::Init { .. } => Some("建库：此时还没有任何用户"),
        Command::Recover { .. } => Some("钥匙串丢失或换了电脑：用恢复码解锁，此时还不能登录"),
        Command::Audit(AuditCommand::Verify) => {
            Some("完整性核查：只报告第几条记录有问题，不显示记录内容；无人能登录时也要能核查")
        }
        Command::Db(DbCommand::Info) => {
            Some("诊断：数据库文件、版本和各表行数，不显示记录内容；程序打不开时使用")
        }
        Command::Print(args) if args.sample.is_some() => Some("样张：内置示例数据，不读数据库"),
        _ => None,
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

#[cfg(test)]
mod tests {
    use super::{Cli, Command, without_session};
    use clap::{CommandFactory, Parser};

    /// Every leaf subcommand's path (`["change", "decide"]`).
    fn leaves(cmd: &clap::Command, path: &[String], out: &mut Vec<Vec<String>>) {
        let subs: Vec<_> = cmd
            .get_subcommands()
            .filter(|s| s.get_name() != "help")
            .collect();
        // `print` is a command of its own and the parent of `print sample`.
        if subs.is_empty()
            || (!path.is_empty() && cmd.get_arguments().any(clap::Arg::is_positional))
        {
            out.push(path.to_vec());
        }
        for sub in subs {
            let mut p = path.to_vec();
            p.push(sub.get_name().to_owned());
            leaves(sub, &p, out);
        }
    }

    /// The clap command at `path`.
    fn at<'a>(root: &'a clap::Command, path: &[String]) -> &'a clap::Command {
        path.iter()
            .fold(root, |c, name| c.find_subcommand(name).expect("subcommand"))
    }

    /// A value clap accepts for `arg`, tried against the real parser.
    fn values(arg: &clap::Arg) -> Vec<String> {
        let possible: Vec<String> = arg
            .get_possible_values()
            .iter()
            .map(|v| v.get_name().to_owned())
            .collect();
        if possible.is_empty() {
            ["1", "2026-12-01", "first", "special", "x"]
                .map(str::to_owned)
                .to_vec()
        } else {
            possible
        }
    }

    /// Parses `path`, filling each argument clap says is missing (required ones, one of a
    /// required group, those required unless another is given) with a value it accepts.
    fn parse(root: &clap::Command, path: &[String]) -> Command {
        use clap::error::{ContextKind, ContextValue, ErrorKind};
        let cmd = at(root, path);
        let mut argv = vec!["xueji".to_owned()];
        argv.extend(path.iter().cloned());
        for _ in 0..20 {
            let err = match Cli::try_parse_from(&argv) {
                Ok(cli) => return cli.command.expect("a command"),
                Err(e) if e.kind() == ErrorKind::MissingRequiredArgument => e,
                Err(e) => panic!("{argv:?}: {e}"),
            };
            let Some(ContextValue::Strings(missing)) = err.get(ContextKind::InvalidArg) else {
                panic!("{argv:?}: {err}");
            };
            // "--kind <KIND>", "<FILE>" or "<--approve|--reject <REASON>|--skip>": the first.
            let first = missing[0]
                .trim_start_matches('<')
                .split('|')
                .next()
                .unwrap_or_default()
                .to_owned();
            let arg = cmd
                .get_arguments()
                .find(|a| {
                    a.get_long()
                        .is_some_and(|l| first.starts_with(&format!("--{l}")))
                        || (a.is_positional()
                            && first.trim_matches(|c| c == '<' || c == '>' || c == '.')
                                == a.get_value_names().map_or_else(
                                    || a.get_id().as_str().to_uppercase(),
                                    |n| n[0].to_string(),
                                ))
                })
                .unwrap_or_else(|| panic!("{argv:?}: no argument for {first}"));
            fill(&mut argv, arg, path);
        }
        panic!("{argv:?}: still missing arguments")
    }

    /// Adds `arg` with the first value the real parser accepts.
    fn fill(argv: &mut Vec<String>, arg: &clap::Arg, path: &[String]) {
        let takes_value = arg.get_action().takes_values();
        let value = values(arg)
            .into_iter()
            .find(|v| {
                let mut trial = argv.clone();
                push(&mut trial, arg, v, takes_value);
                Cli::try_parse_from(&trial).map_or_else(
                    |e| {
                        e.kind() != clap::error::ErrorKind::InvalidValue
                            && e.kind() != clap::error::ErrorKind::ValueValidation
                    },
                    |_| true,
                )
            })
            .unwrap_or_else(|| panic!("no value for {:?} of {path:?}", arg.get_id()));
        push(argv, arg, &value, takes_value);
    }

    fn push(argv: &mut Vec<String>, arg: &clap::Arg, value: &str, takes_value: bool) {
        match arg.get_long() {
            Some(long) => {
                argv.push(format!("--{long}"));
                if takes_value {
                    argv.push(value.to_owned());
                }
            }
            None => argv.push(value.to_owned()),
        }
    }

    #[test]
    fn every_subcommand_needs_a_session_but_start_up_recovery_and_content_free_checks() {
        let root = Cli::command();
        let mut all = Vec::new();
        leaves(&root, &[], &mut all);
        assert!(all.len() > 40, "{} subcommands found", all.len());
        let exempt = ["init", "recover", "audit verify", "db info", "print sample"];
        let mut found = Vec::new();
        for path in &all {
            let command = parse(&root, path);
            let name = path.join(" ");
            if let Some(why) = without_session(&command) {
                assert!(!why.is_empty());
                found.push(name.clone());
            }
            assert_eq!(
                without_session(&command).is_some(),
                exempt.contains(&name.as_str()),
                "`xueji {name}`: a session is required unless listed"
            );
        }
        found.sort();
        let mut expected: Vec<String> = exempt.iter().map(|s| (*s).to_owned()).collect();
        expected.sort();
        assert_eq!(found, expected, "each exception is a real subcommand");
    }
}

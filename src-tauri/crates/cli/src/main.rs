//! `xueji`: the XueJi command line. It runs the same use cases as the desktop app, for backups,
//! imports, print batches and checks on a server or from a script.

mod args;
mod commands;
mod data_dir;
mod dispatch;
mod error;
mod input;
mod json_file;
mod output;
mod schema;

use clap::FromArgMatches;
use xueji_store::{DataDir, KeyStore};

use args::{AuditCommand, BackupCommand, Cli, Command, DbCommand, PrintCommand, UserCommand};
use commands::Ctx;
use error::{CliError, Result};

fn main() {
    let cli = args::command()
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m))
        .unwrap_or_else(|e| usage_failure(&e));
    let json_mode = cli.json;
    let Some(command) = cli.command else {
        if json_mode {
            missing_subcommand();
        }
        // No subcommand: say what the tool is rather than doing nothing silently.
        if args::command().print_help().is_err() {
            std::process::exit(1);
        }
        return;
    };
    let result = match command {
        // Samples need no database.
        Command::Print(args) if args.sample.is_some() => match args.sample {
            Some(PrintCommand::Sample {
                list,
                kind,
                variant,
                out,
            }) => {
                let key = kind.map(|k| match variant {
                    Some(v) => format!("{k}:{v}"),
                    None => k,
                });
                commands::print::sample(json_mode, list, key.as_deref(), out.as_deref())
            }
            None => Ok(()),
        },
        Command::Print(args) if args.list => {
            commands::print::list(json_mode);
            Ok(())
        }
        Command::Completions { shell } => {
            print!("{}", commands::manual::completions(shell));
            Ok(())
        }
        Command::Man => commands::manual::man().map(|page| print!("{page}")),
        Command::Schema { name, list } => {
            commands::manual::schema(json_mode, name.as_deref(), list)
        }
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
    let json = std::env::args().any(|a| a == "--json");
    if json && e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        missing_subcommand();
    }
    if shown {
        e.exit();
    }
    if !json {
        // The reason in Chinese, then clap's usage line.
        let rendered = e.render().to_string();
        let usage = rendered
            .lines()
            .find_map(|l| l.strip_prefix("Usage: "))
            .map(|u| format!("\n用法：{u}\n（加 --help 查看说明）"))
            .unwrap_or_default();
        eprintln!("错误：{}{usage}", usage_message(e));
        std::process::exit(2);
    }
    let invalid = usage_context(e, clap::error::ContextKind::InvalidArg).unwrap_or_default();
    usage_json(usage_message(e), invalid)
}

/// `--json` and a command that needs a subcommand without one: a usage error naming them.
fn missing_subcommand() -> ! {
    // Follow the words of the command line down the tree of subcommands.
    let mut cmd = args::command();
    let mut path = vec!["xueji".to_owned()];
    let mut words = std::env::args().skip(1);
    while let Some(w) = words.next() {
        if w == "--user" || w == "--data-dir" {
            words.next();
        } else if !w.starts_with('-') {
            match cmd.find_subcommand(&w) {
                Some(sub) => {
                    path.push(w);
                    cmd = sub.clone();
                }
                None => break,
            }
        }
    }
    let names: Vec<&str> = cmd.get_subcommands().map(clap::Command::get_name).collect();
    let message = if names.is_empty() {
        // A command without subcommands that asks for its help when given nothing.
        format!("{} 缺少必需的参数（加 --help 查看说明）", path.join(" "))
    } else {
        format!(
            "{} 缺少子命令（可用：{}）",
            path.join(" "),
            names.join("、")
        )
    };
    usage_json(message, String::new())
}

/// Prints a usage failure as the one JSON object of `--json` and exits 2.
fn usage_json(message: String, invalid: String) -> ! {
    let fields = (!invalid.is_empty())
        .then(|| xueji_app::FieldError {
            field: invalid,
            message: message.clone(),
        })
        .into_iter()
        .collect();
    let failure = output::Failure {
        ok: false,
        kind: "usage".to_owned(),
        code: "usage".to_owned(),
        message,
        fields,
        exit_code: 2,
        rule_id: None,
        rule_title: None,
        article: None,
        law_sentence: None,
    };
    println!("{}", failure.to_json(serde_json::Value::Null));
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

/// Why a value did not parse, in Chinese: the standard library's number errors are English, the
/// command line's own parsers already say it in Chinese.
fn parse_problem(e: &(dyn std::error::Error + 'static)) -> String {
    use std::num::IntErrorKind;
    if let Some(int) = e.downcast_ref::<std::num::ParseIntError>() {
        return match int.kind() {
            IntErrorKind::Empty => "不能为空",
            IntErrorKind::PosOverflow | IntErrorKind::NegOverflow => "数值超出范围",
            _ => "应为整数",
        }
        .to_owned();
    }
    if e.downcast_ref::<std::num::ParseFloatError>().is_some() {
        return "应为数字".to_owned();
    }
    e.to_string()
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
            let why = std::error::Error::source(e).map(parse_problem);
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
                Box::pin(dispatch::use_case(
                    app,
                    session,
                    json,
                    new_password,
                    command,
                ))
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
        Command::Print(args) if args.list => Some("文书种类列表：不读数据库"),
        Command::Completions { .. } => Some("shell 补全脚本：不读数据库"),
        Command::Man => Some("手册页：不读数据库"),
        Command::Schema { .. } => Some("JSON Schema：不读数据库"),
        _ => None,
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
            [
                "1",
                "2026-12-01",
                "first",
                "special",
                "household_register",
                "x",
            ]
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
        let exempt = [
            "init",
            "recover",
            "audit verify",
            "db info",
            "print sample",
            "completions",
            "man",
            "schema",
        ];
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
        // `print --list` is `print` with a flag: the list of kinds reads no database.
        let list = Cli::try_parse_from(["xueji", "print", "--list"]).expect("parses");
        assert!(without_session(&list.command.expect("print")).is_some());
    }
}

//! Which use case each subcommand that needs a login runs.

use crate::args::{
    AppealCommand, AuditCommand, BackupCommand, CalendarCommand, ChangeCommand, Command,
    KeysCommand, PackageCommand, ProofCommand, SettingsCommand, StudentCommand, UserCommand,
};
use crate::commands;
use crate::error::{CliError, Result};

/// The commands that run a use case of `xueji-app` as the logged-in user.
pub async fn use_case(
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
        Command::Settings(cmd) => settings(app, session, json, *cmd).await,
        Command::Todo { overdue } => commands::dashboard::todo(app, session, json, overdue).await,
        Command::Deadlines { overdue } => {
            commands::dashboard::deadlines(app, session, json, overdue).await
        }
        Command::Findings => commands::dashboard::findings(app, session, json).await,
        Command::Audit(AuditCommand::List(args)) => {
            commands::audit::list(app, session, json, &args).await
        }
        Command::Audit(AuditCommand::Actions) => {
            commands::audit::actions(json);
            Ok(())
        }
        _ => Err(CliError::Usage("该命令不需要登录".to_owned())),
    }
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
            proof_kind,
        } => {
            let decision = change::Decided {
                application,
                step,
                reject,
                skip,
                on,
                reference,
            };
            let proof = proof.as_deref().map(|p| (p, proof_kind));
            change::decide(app, session, json, decision, proof).await
        }
        ChangeCommand::Appeal(AppealCommand::File {
            application,
            grounds,
            on,
        }) => change::appeal_file(app, session, json, application, &grounds, on).await,
        ChangeCommand::Appeal(AppealCommand::Decide {
            application,
            upheld,
            revoked: _,
            on,
        }) => change::appeal_decide(app, session, json, application, upheld, on).await,
        ChangeCommand::Proof(ProofCommand::Add {
            application,
            kind,
            file,
        }) => change::proof_add(app, session, json, application, kind, &file).await,
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

async fn settings(
    app: &xueji_app::App,
    session: &xueji_app::Session,
    json: bool,
    cmd: SettingsCommand,
) -> Result<()> {
    use commands::settings;
    match cmd {
        SettingsCommand::Show => settings::show(app, session, json).await,
        SettingsCommand::Set(args) => settings::set(app, session, json, &args).await,
        SettingsCommand::Term {
            school_year,
            semester,
            start,
            end,
            remove: _,
        } => {
            let dates = start.zip(end);
            settings::term(app, session, json, school_year, semester, dates).await
        }
        SettingsCommand::RuleProfile { profile, reason } => {
            settings::rule_profile(app, session, json, &profile, &reason).await
        }
    }
}

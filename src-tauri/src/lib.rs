//! The desktop shell: builds the Tauri app. Only this crate knows Tauri; commands stay thin and
//! call the use cases of `xueji-app` as those land.

mod commands;
mod error;
mod logging;
mod state;

use tauri::{Manager, Runtime};
use tauri_plugin_dialog::{DialogExt, MessageDialogKind};
use tauri_plugin_window_state::StateFlags;
use xueji_app::changes::catalogue;

pub use commands::files::SaveDialog;
pub use error::{ErrorKind, IpcError};
pub use state::{AppState, DATA_DIR_ENV, StartError};

/// With this variable set, the shell prints when the UI's first screen is up (`cargo xtask bench-start`).
pub const READY_ENV: &str = "XUEJI_REPORT_READY";

static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// When the process started (as early as `run` can tell).
pub(crate) fn started() -> std::time::Instant {
    *STARTED.get_or_init(std::time::Instant::now)
}

/// The product's name as the registrar sees it.
pub const PRODUCT_NAME: &str = "学籍管理 XueJi";

/// Every command the UI may call, with the types the bindings are generated from.
// One line per command: the list grows with the product, not with this function's logic.
#[allow(clippy::too_many_lines)]
pub fn specta_builder<R: Runtime>() -> tauri_specta::Builder<R> {
    tauri_specta::Builder::<R>::new()
        .commands(tauri_specta::collect_commands![
            commands::app::app_info,
            commands::auth::setup_status,
            commands::auth::setup_init,
            commands::auth::setup_recover,
            commands::auth::setup_restore_backup,
            commands::auth::auth_login,
            commands::auth::auth_logout,
            commands::auth::auth_lock,
            commands::auth::auth_unlock,
            commands::auth::recovery_code_save::<tauri::Wry>,
            commands::auth::ui_ready,
            commands::students::student_search,
            commands::students::student_classes,
            commands::students::student_enrol,
            commands::students::student_archive,
            commands::students::student_edit,
            commands::students::dropout_report_record,
            commands::students::student_national_number_record,
            commands::students::student_photo_set,
            commands::students::student_photo,
            commands::dashboard::dashboard,
            commands::changes::change_check,
            commands::changes::change_submit,
            commands::changes::change_decide,
            commands::changes::change_withdraw,
            commands::changes::change_list,
            commands::changes::change_show,
            commands::changes::attachment_get,
            commands::changes::change_appeal_file,
            commands::changes::change_appeal_decide,
            commands::changes::change_document,
            commands::changes::change_form,
            commands::files::file_save,
            commands::files::file_pick,
            commands::batches::promotion_preview,
            commands::batches::promotion_run,
            commands::batches::graduation_preview,
            commands::batches::graduation_confirm,
            commands::batches::graduation_certificates,
            commands::batches::early_leaver_check,
            commands::batches::early_leaver_incomplete,
            commands::batches::bureau_checks,
            commands::batches::bureau_check_record,
            commands::batches::bureau_check_resolve,
            commands::documents::document_kinds,
            commands::documents::document_print,
            commands::documents::document_print_progress,
            commands::documents::completion_proof,
            commands::documents::document_log,
            commands::documents::document_void,
            commands::documents::document_hand_out,
            commands::documents::certificate_reprint_approve,
            commands::printing::print_setup_get,
            commands::printing::print_settings_set,
            commands::printing::print_calibration_page,
            commands::printing::print_send,
            commands::documents::document_save_pdf,
            commands::users::user_list,
            commands::users::user_add,
            commands::users::user_lock,
            commands::users::user_unlock,
            commands::users::audit_list,
            commands::users::audit_actions,
            commands::users::audit_verify,
            commands::exchange::import_students_check,
            commands::exchange::import_students_commit,
            commands::exchange::import_report_save,
            commands::exchange::export_save,
            commands::exchange::export_duplicate_check_save,
            commands::exchange::keys_show,
            commands::exchange::keys_trust,
            commands::exchange::keys_trusted,
            commands::exchange::package_create,
            commands::exchange::package_school_archive,
            commands::exchange::migrant_dropouts,
            commands::exchange::package_migrant_handover,
            commands::handover::progression_graduates,
            commands::handover::package_progression,
            commands::handover::progression_handover_list,
            commands::handover::migrant_handover_list,
            commands::exchange::package_inspect,
            commands::exchange::package_import,
            commands::users::user_change_password,
            commands::users::registrar_appoint,
            commands::users::registrar_list,
            commands::settings::settings_get,
            commands::settings::school_update,
            commands::calendar::calendar_get,
            commands::calendar::calendar_preview,
            commands::calendar::calendar_save,
            commands::calendar::calendar_remove,
            commands::settings::terms_set,
            commands::settings::idle_lock_set,
            commands::settings::hardship_notice_days_set,
            commands::settings::rule_profile_change,
            commands::backup::backup_create,
            commands::backup::backup_offsite_folder_set,
            commands::backup::backup_offsite_now,
            commands::backup::backup_list,
            commands::backup::backup_verify,
            commands::backup::backup_schedule_set,
            commands::backup::backup_restore,
            commands::statistics::statistics,
            commands::hardship::hardship_list,
            commands::hardship::hardship_show,
            commands::hardship::hardship_apply,
            commands::hardship::hardship_class_assess,
            commands::hardship::hardship_decide,
            commands::hardship::hardship_object,
            commands::hardship::hardship_objection_decide,
            commands::hardship::hardship_aid_grant,
            commands::hardship::hardship_form,
        ])
        // The law's vocabulary, so the UI keeps no copy of it.
        .constant("LAW_VOCABULARY", catalogue::vocabulary())
}

/// The TypeScript bindings the UI imports (`ui/src/bindings/bindings.ts`).
pub fn export_bindings(path: &std::path::Path) -> Result<(), String> {
    let ts = specta_typescript::Typescript::default()
        // Ids and counts stay far below 2^53: plain numbers in TypeScript.
        .bigint(specta_typescript::BigIntExportBehavior::Number)
        .header(
        "// GENERATED by `cargo xtask bindings` from the Rust commands. Do not edit.\n// @ts-nocheck: the generator emits helpers this app does not use.\n",
    );
    specta_builder::<tauri::Wry>()
        .export(ts, path)
        .map_err(|e| e.to_string())
}

/// Registers plugins, commands and state on a builder (also used by tests with a mock runtime).
pub fn configure<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    let specta = specta_builder::<R>();
    builder
        // First: a second launch hands over to the running one and exits before anything opens.
        .plugin(tauri_plugin_single_instance::init(|app, _argv, _cwd| {
            focus_main_window(app);
        }))
        // Size and position are remembered; visibility is not: the window shows only once the
        // data folder is ours (see `setup`).
        .plugin(
            tauri_plugin_window_state::Builder::default()
                .with_state_flags(StateFlags::all() - StateFlags::VISIBLE)
                .build(),
        )
        .plugin(tauri_plugin_dialog::init())
        .invoke_handler(specta.invoke_handler())
        .setup(move |app| {
            specta.mount_events(app);
            app.manage(commands::files::SaveDialog::new(app.handle().clone()));
            app.manage(commands::files::OpenDialog::new(app.handle().clone()));
            setup(app);
            Ok(())
        })
}

/// Starts the desktop app.
pub fn run() {
    started();
    match configure(tauri::Builder::default()).build(tauri::generate_context!("../tauri.conf.json"))
    {
        Ok(app) => app.run(|handle, event| {
            if let tauri::RunEvent::Exit = event {
                close_database(handle);
            }
        }),
        Err(e) => {
            eprintln!("XueJi could not start: {e}");
            std::process::exit(1);
        }
    }
}

/// Closes the database before the process ends: the WAL is checkpointed into the file and no
/// connection is left closing while the process exits.
fn close_database<R: Runtime>(handle: &tauri::AppHandle<R>) {
    let Some(state) = handle.try_state::<AppState>() else {
        return;
    };
    tauri::async_runtime::block_on(async {
        let open = state.app.write().await.take();
        if let Some(app) = open {
            app.close().await;
        }
    });
}

/// Keeps the log writer alive for the process's life.
struct LogGuard(#[allow(dead_code)] Option<tracing_appender::non_blocking::WorkerGuard>);

fn setup<R: Runtime>(app: &tauri::App<R>) {
    let Some(data_dir) = state::resolve_data_dir(|| app.path().app_data_dir().ok()) else {
        refuse_start(app, "无法确定本机的数据文件夹。");
        return;
    };
    let log_dir = if std::env::var_os(DATA_DIR_ENV).is_some() {
        data_dir.join("logs")
    } else {
        app.path()
            .app_log_dir()
            .unwrap_or_else(|_| data_dir.join("logs"))
    };
    app.manage(LogGuard(logging::init(&log_dir)));
    match AppState::open(data_dir) {
        Ok(state) => {
            tracing::info!(version = env!("CARGO_PKG_VERSION"), "XueJi started");
            app.manage(state);
            spawn_audit_sealer(app.handle().clone());
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.show();
            }
        }
        Err(e) => {
            tracing::warn!(error = %e, "refused to start");
            refuse_start(app, &e.to_string());
        }
    }
}

/// How often the open database's newly committed audit rows are sealed and anchored.
const SEAL_EVERY: std::time::Duration = std::time::Duration::from_secs(5);

/// Seals the audit rows committed since the last seal every few seconds (issue 15 item 3), so
/// the anchor outside the database follows the chain while the app runs (closing seals too).
/// It takes the app's write lock: every command holds the read lock while it runs, so the seal
/// never writes between a command's reads and its writes (which SQLite would refuse as a busy
/// snapshot).
fn spawn_audit_sealer<R: Runtime>(handle: tauri::AppHandle<R>) {
    tauri::async_runtime::spawn(async move {
        let mut tick = tokio::time::interval(SEAL_EVERY);
        loop {
            tick.tick().await;
            let Some(state) = handle.try_state::<AppState>() else {
                return;
            };
            let guard = state.app.write().await;
            if let Some(app) = guard.as_ref()
                && let Err(e) = app.store().seal_audit().await
            {
                tracing::warn!(error = %e, "audit seal failed");
            }
        }
    });
}

/// Tells the registrar why the app cannot open, then quits without touching any data. The main
/// window was never shown.
fn refuse_start<R: Runtime>(app: &tauri::App<R>, message: &str) {
    let handle = app.handle().clone();
    app.dialog()
        .message(message)
        .title(PRODUCT_NAME)
        .kind(MessageDialogKind::Error)
        .show(move |_| handle.exit(1));
}

fn focus_main_window<R: Runtime>(app: &tauri::AppHandle<R>) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

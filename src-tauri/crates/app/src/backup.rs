//! Backups from the settings page (R30.1 keeps every step audited): an encrypted copy now, the
//! list of copies in the data folder's `backups/`, a check of a copy (integrity, cipher pages,
//! audit chain), the automatic schedule (a daily copy at the first start of the day, the last
//! `keep` kept), and the restore — which checks the copy first, keeps the current database as
//! `pre-restore-….db`, replaces it and reopens. A restore asks for the user's password again.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use xueji_domain::AuditAction;

use chrono::{DateTime, Local};
use sea_orm::TransactionTrait;
use xueji_store::backup::{self, BackupReport};
use xueji_store::repo::users;
use xueji_store::{DataDir, KeyStore, OpenOptions, Store};

use crate::app::App;
use crate::audit;
use crate::auth::{Permission, Session};
use crate::clock::Clock;
use crate::error::{AppError, Result};
use crate::settings;

/// The setting that holds the schedule.
pub const BACKUP_SCHEDULE: &str = "backup.schedule";
/// Copies kept by default (the store's own default, `backup::KEEP_AUTO`).
pub const DEFAULT_KEEP: u32 = 30;
/// The most copies the schedule may keep.
pub const MAX_KEEP: u32 = 365;

/// The automatic backup schedule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BackupSchedule {
    /// A copy at the first start of each day.
    pub daily: bool,
    /// Automatic copies kept (the oldest are deleted), 1–365.
    pub keep: u32,
}

impl Default for BackupSchedule {
    fn default() -> Self {
        Self {
            daily: true,
            keep: DEFAULT_KEEP,
        }
    }
}

/// One backup file.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BackupView {
    /// The file name inside the backups folder (what `backupVerify` and `backupRestore` take).
    pub name: String,
    pub path: String,
    /// `auto`, `manual`, `pre_restore`, `pre_migration`, `damaged` or `other`.
    pub kind: String,
    pub kind_label: String,
    pub size_bytes: u64,
    /// Local time of the file, RFC 3339.
    pub created_at: String,
}

/// The backups page.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BackupListView {
    /// The backups folder.
    pub dir: String,
    /// Newest first.
    pub backups: Vec<BackupView>,
    pub schedule: BackupSchedule,
    /// What the automatic backup did at this start (taken, already taken today, failed: why).
    pub last_auto: Option<String>,
    /// The folder for copies outside the data folder and the last such copy.
    pub offsite: crate::backup_offsite::OffsiteBackup,
}

/// A backup that passed its checks.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BackupCheckView {
    pub name: String,
    pub path: String,
    /// Rows of the copy's audit chain, all verified.
    pub audit_rows: u64,
}

/// What a restore asks for.
#[derive(Clone, Debug, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RestoreInput {
    /// A name from the list, or the full path of a copy elsewhere (a USB stick).
    pub file: String,
    /// The user's own password, asked again.
    pub password: String,
}

/// A restore done.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RestoreView {
    pub restored_from: String,
    /// Where the database that was replaced went.
    pub previous_saved_as: Option<String>,
    pub audit_rows: u64,
    /// The user is still logged in on the restored database (false: the account or its password
    /// differs in the copy; log in again).
    pub session_kept: bool,
}

/// What a restore leaves: the app (reopened, or the old one when nothing was changed; `None`
/// only when the restored database could not be opened), the session on the restored database,
/// and the outcome.
#[derive(Debug)]
pub struct Restored {
    pub app: Option<App>,
    /// Set when the restore happened and the user logged in again on the restored database.
    pub session: Option<Session>,
    pub result: Result<RestoreView>,
}

fn kind_of(name: &str) -> (&'static str, &'static str) {
    for (prefix, kind, label) in [
        ("auto-", "auto", "自动备份"),
        ("manual-", "manual", "手动备份"),
        ("pre-restore-", "pre_restore", "恢复前的数据库"),
        ("pre-migration-", "pre_migration", "升级前的数据库"),
        ("damaged-", "damaged", "无法打开的原数据库"),
    ] {
        if name.starts_with(prefix) {
            return (kind, label);
        }
    }
    ("other", "其他备份")
}

fn view_of(path: &Path) -> Option<BackupView> {
    let name = path.file_name()?.to_str()?.to_owned();
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() {
        return None;
    }
    let created: DateTime<Local> = meta.modified().ok()?.into();
    let (kind, label) = kind_of(&name);
    Some(BackupView {
        path: path.display().to_string(),
        kind: kind.to_owned(),
        kind_label: label.to_owned(),
        size_bytes: meta.len(),
        created_at: created.to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
        name,
    })
}

fn list_dir(dir: &Path) -> Result<Vec<BackupView>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(AppError::internal(format!(
                "无法读取备份文件夹：{}",
                xueji_store::io_reason(&e)
            )));
        }
    };
    let mut out: Vec<BackupView> = entries
        .filter_map(std::result::Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("db")))
        .filter_map(|p| view_of(&p))
        .collect();
    out.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.name.cmp(&a.name)));
    Ok(out)
}

/// A name from the list (inside the backups folder) or an absolute path.
fn resolve(dir: &Path, file: &str) -> Result<PathBuf> {
    let file = file.trim();
    if file.is_empty() {
        return Err(AppError::validation("file", "请选择备份文件"));
    }
    let candidate = Path::new(file);
    let path = if candidate.components().count() == 1 {
        dir.join(candidate)
    } else if candidate.is_absolute() {
        candidate.to_path_buf()
    } else {
        return Err(AppError::validation(
            "file",
            "请填写备份文件的完整路径，或从列表中选择",
        ));
    };
    if !path.is_file() {
        return Err(AppError::validation(
            "file",
            format!("找不到备份文件：{}", path.display()),
        ));
    }
    Ok(path)
}

fn check_view(report: &BackupReport) -> BackupCheckView {
    BackupCheckView {
        name: report
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        path: report.path.display().to_string(),
        audit_rows: report.audit_rows,
    }
}

/// A store error of a backup as the settings page shows it: a copy that fails its checks names
/// the file field.
fn backup_error(e: xueji_store::StoreError) -> AppError {
    match e {
        xueji_store::StoreError::BackupInvalid { .. } => {
            AppError::validation("file", e.to_string())
        }
        other => other.into(),
    }
}

impl App {
    /// The automatic backup schedule.
    pub async fn backup_schedule(&self) -> Result<BackupSchedule> {
        Ok(settings::get(self.db(), BACKUP_SCHEDULE)
            .await?
            .unwrap_or_default())
    }

    /// Takes today's automatic copy if the schedule says so and none exists yet, and removes the
    /// oldest beyond `keep`. Called when the app opens; a failure is kept for the backups page
    /// (and returned) but does not stop the app from opening.
    pub async fn backup_on_schedule(&self) -> Result<Option<PathBuf>> {
        let schedule = self.backup_schedule().await?;
        if !schedule.daily {
            self.set_last_auto("自动备份已关闭".to_owned());
            return Ok(None);
        }
        match self
            .store()
            .auto_backup(usize::try_from(schedule.keep).unwrap_or(usize::MAX))
            .await
        {
            Ok(Some(path)) => {
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                self.set_last_auto(format!("本次启动已自动备份：{name}"));
                Ok(Some(path))
            }
            Ok(None) => {
                self.set_last_auto("今天已有自动备份".to_owned());
                Ok(None)
            }
            Err(e) => {
                let err = AppError::from(e);
                tracing::warn!(error = %err, "automatic backup failed");
                self.set_last_auto(format!("自动备份失败：{}", err.message));
                Err(err)
            }
        }
    }

    /// Sets the automatic backup schedule.
    pub async fn backup_schedule_set(
        &self,
        session: &Session,
        schedule: &BackupSchedule,
    ) -> Result<BackupSchedule> {
        self.authorize(session, Permission::ManageSettings).await?;
        if !(1..=MAX_KEEP).contains(&schedule.keep) {
            return Err(AppError::validation(
                "keep",
                format!("保留份数应为1至{MAX_KEEP}份"),
            ));
        }
        let txn = self.db().begin().await?;
        settings::put(&txn, BACKUP_SCHEDULE, schedule).await?;
        audit::append(
            &txn,
            &session.username,
            AuditAction::SettingsChange,
            &format!(
                "{BACKUP_SCHEDULE} daily:{} keep:{}",
                schedule.daily, schedule.keep
            ),
        )
        .await?;
        txn.commit().await?;
        Ok(*schedule)
    }

    /// Writes an encrypted copy now: into the backups folder (`manual-….db`), or to `to` (a full
    /// path that must not exist yet).
    pub async fn backup_create(&self, session: &Session, to: Option<&str>) -> Result<BackupView> {
        self.authorize(session, Permission::ManageSettings).await?;
        let target = match to.map(str::trim).filter(|t| !t.is_empty()) {
            Some(t) if Path::new(t).is_absolute() => PathBuf::from(t),
            Some(_) => {
                return Err(AppError::validation("to", "请填写备份文件的完整路径"));
            }
            None => self.store().data_dir().backups().join(format!(
                "manual-{}.db",
                Local::now().format("%Y%m%d-%H%M%S%.3f")
            )),
        };
        self.store()
            .backup_to(&session.username, &target)
            .await
            .map_err(backup_error)?;
        self.note_copy(&target).await?;
        view_of(&target).ok_or_else(|| AppError::internal("备份文件写入后无法读取"))
    }

    /// Writes a copy into the off-site folder now (`xueji-备份-<time>.db`).
    pub async fn backup_offsite_now(&self, session: &Session) -> Result<BackupView> {
        self.authorize(session, Permission::ManageSettings).await?;
        let offsite = self.backup_offsite().await?;
        let Some(folder) = offsite.folder else {
            return Err(AppError::validation(
                "folder",
                "请先在“备份”设置中选择 U 盘或网络位置的文件夹",
            ));
        };
        if !Path::new(&folder).is_dir() {
            return Err(AppError::validation(
                "folder",
                format!("找不到文件夹 {folder}（U 盘或网络位置是否已连接？）"),
            ));
        }
        let name = format!("xueji-备份-{}.db", Local::now().format("%Y%m%d-%H%M%S"));
        let target = Path::new(&folder).join(name);
        self.backup_create(session, Some(&target.display().to_string()))
            .await
    }

    /// The copies in the backups folder, newest first, with the schedule.
    pub async fn backup_list(&self, session: &Session) -> Result<BackupListView> {
        self.authorize(session, Permission::ManageSettings).await?;
        let dir = self.store().data_dir().backups();
        Ok(BackupListView {
            backups: list_dir(&dir)?,
            dir: dir.display().to_string(),
            schedule: self.backup_schedule().await?,
            last_auto: self.last_auto(),
            offsite: self.backup_offsite().await?,
        })
    }

    /// Checks a copy: it opens with this database's key, passes `integrity_check` and
    /// `cipher_integrity_check`, and its audit chain is intact. Audited.
    pub async fn backup_verify(&self, session: &Session, file: &str) -> Result<BackupCheckView> {
        self.authorize(session, Permission::ManageSettings).await?;
        let path = resolve(&self.store().data_dir().backups(), file)?;
        let checked = self.store().verify_backup(&path).await;
        let target = format!(
            "backup:{} {}",
            path.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            if checked.is_ok() { "ok" } else { "invalid" }
        );
        audit::record(
            self.db(),
            &session.username,
            AuditAction::BackupVerify,
            &target,
        )
        .await?;
        checked.map(|r| check_view(&r)).map_err(backup_error)
    }

    /// Restores a copy over the database. Asks for the user's password again; refuses a copy that
    /// fails its checks (nothing is changed then). The current database is kept as
    /// `backups/pre-restore-….db`. The app is closed and reopened on the restored file, and the
    /// user logged in again there with the same password when the copy has the account.
    pub async fn backup_restore(self, session: &Session, input: &RestoreInput) -> Restored {
        let checked = self.restore_checks(session, input).await;
        let (path, report) = match checked {
            Ok(found) => found,
            Err(e) => {
                return Restored {
                    app: Some(self),
                    session: None,
                    result: Err(e),
                };
            }
        };
        let data: DataDir = self.store().data_dir().clone();
        let keys: KeyStore = self.store().key_store().clone();
        let clock: Arc<dyn Clock> = self.clock().clone();
        let username = session.username.clone();
        self.close().await;
        let restored = backup::restore(&data, &keys, &path).await;
        let reopened = App::open_with(data, keys, clock, false).await;
        let app = match reopened {
            Ok(app) => app,
            Err(e) => {
                return Restored {
                    app: None,
                    session: None,
                    result: Err(AppError {
                        message: format!("恢复后无法打开数据库：{}", e.message),
                        ..e
                    }),
                };
            }
        };
        let kept = match restored {
            Ok(kept) => kept,
            Err(e) => {
                return Restored {
                    app: Some(app),
                    session: None,
                    result: Err(backup_error(e)),
                };
            }
        };
        let new_session = app.login(&username, &input.password).await.ok();
        if new_session.is_some() {
            let _ = audit::record(
                app.db(),
                &username,
                AuditAction::BackupRestore,
                &format!("from:{}", path.display()),
            )
            .await;
        }
        Restored {
            result: Ok(RestoreView {
                restored_from: path.display().to_string(),
                previous_saved_as: kept.map(|p| p.display().to_string()),
                audit_rows: report.audit_rows,
                session_kept: new_session.is_some(),
            }),
            session: new_session,
            app: Some(app),
        }
    }

    /// Permission, password and the copy's checks, before anything is touched.
    async fn restore_checks(
        &self,
        session: &Session,
        input: &RestoreInput,
    ) -> Result<(PathBuf, BackupReport)> {
        self.authorize(session, Permission::ManageSettings).await?;
        let account = self.account(session).await?;
        if !users::check_password(&input.password, &account.password_hash) {
            audit::record(
                self.db(),
                &session.username,
                AuditAction::BackupRestoreRefused,
                "wrong_password",
            )
            .await?;
            return Err(AppError::validation("password", "密码不正确"));
        }
        let path = resolve(&self.store().data_dir().backups(), &input.file)?;
        let report = self
            .store()
            .verify_backup(&path)
            .await
            .map_err(backup_error)?;
        // Written to the database being replaced, which is kept as `pre-restore-….db`.
        audit::record(
            self.db(),
            &session.username,
            AuditAction::BackupRestore,
            &format!("from:{}", path.display()),
        )
        .await?;
        Ok((path, report))
    }

    /// Opens with the key from the key store; `scheduled_backup` runs the automatic backup.
    pub(crate) async fn open_with(
        data: DataDir,
        keys: KeyStore,
        clock: Arc<dyn Clock>,
        scheduled_backup: bool,
    ) -> Result<Self> {
        let store = Store::open(data, keys, OpenOptions::default()).await?;
        let app = Self::with_store(store, clock).await?;
        if scheduled_backup {
            // A failed backup is shown on the backups page; it never keeps the app closed.
            let _ = app.backup_on_schedule().await;
        }
        Ok(app)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_schedule_keeps_what_the_store_keeps() {
        assert_eq!(usize::try_from(DEFAULT_KEEP).ok(), Some(backup::KEEP_AUTO));
        assert_eq!(kind_of("auto-20260302-080000.000.db").0, "auto");
        assert_eq!(kind_of("pre-restore-x.db").1, "恢复前的数据库");
        assert_eq!(kind_of("copy.db").0, "other");
    }

    #[test]
    fn a_backup_is_named_in_the_folder_or_by_full_path() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.db"), b"x").unwrap();
        assert_eq!(
            resolve(dir.path(), " a.db ").unwrap(),
            dir.path().join("a.db")
        );
        let full = dir.path().join("a.db").display().to_string();
        assert_eq!(resolve(dir.path(), &full).unwrap(), dir.path().join("a.db"));
        assert_eq!(resolve(dir.path(), "").unwrap_err().fields[0].field, "file");
        assert!(resolve(dir.path(), "sub/a.db").is_err());
        assert!(resolve(dir.path(), "b.db").is_err());
    }
}

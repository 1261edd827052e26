//! The copy outside the data folder (issue 15, disaster recovery): the backups folder dies with
//! the disk, so a copy on a USB stick or a network folder is what a new computer restores from.
//! The registrar names that folder in settings; 首页 reminds them when the last copy outside the
//! data folder is more than [`REMIND_AFTER_DAYS`] days old (or when there has never been one).

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::TransactionTrait;
use xueji_domain::AuditAction;

use crate::app::App;
use crate::audit;
use crate::auth::{Permission, Session};
use crate::error::{AppError, Result};
use crate::settings;

/// The setting that holds the folder and the last copy.
pub const BACKUP_OFFSITE: &str = "backup.offsite";
/// Days after which 首页 reminds the registrar.
pub const REMIND_AFTER_DAYS: i64 = 7;

/// Where copies outside the data folder go, and when the last one was made.
#[derive(
    Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, specta::Type,
)]
#[serde(rename_all = "camelCase")]
pub struct OffsiteBackup {
    /// A folder on a USB stick or a network share (full path); `None` until chosen.
    pub folder: Option<String>,
    /// When the last copy outside the data folder was written.
    pub last_copy_at: Option<DateTime<Utc>>,
}

/// Whether `path` lies outside `data_root` (a copy there survives the data folder's disk).
fn outside(path: &Path, data_root: &Path) -> bool {
    let canon = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let dir = path.parent().map_or_else(PathBuf::new, canon);
    !dir.starts_with(canon(data_root))
}

impl App {
    /// The off-site folder and the last copy.
    pub async fn backup_offsite(&self) -> Result<OffsiteBackup> {
        Ok(settings::get(self.db(), BACKUP_OFFSITE)
            .await?
            .unwrap_or_default())
    }

    /// Chooses (or clears, with `None`) the folder for copies outside the data folder.
    pub async fn backup_offsite_folder_set(
        &self,
        session: &Session,
        folder: Option<&str>,
    ) -> Result<OffsiteBackup> {
        self.authorize(session, Permission::ManageSettings).await?;
        let folder = folder.map(str::trim).filter(|f| !f.is_empty());
        if let Some(f) = folder {
            let path = Path::new(f);
            if !path.is_absolute() {
                return Err(AppError::validation("folder", "请填写文件夹的完整路径"));
            }
            if !path.is_dir() {
                return Err(AppError::validation(
                    "folder",
                    "找不到该文件夹（U 盘或网络位置是否已连接？）",
                ));
            }
            if !outside(&path.join("x"), self.store().data_dir().root()) {
                return Err(AppError::validation(
                    "folder",
                    "该文件夹在数据文件夹之内，电脑损坏时会一起丢失；请选择 U 盘或网络位置",
                ));
            }
        }
        let mut offsite = self.backup_offsite().await?;
        offsite.folder = folder.map(str::to_owned);
        let txn = self.db().begin().await?;
        settings::put(&txn, BACKUP_OFFSITE, &offsite).await?;
        audit::append(
            &txn,
            &session.username,
            AuditAction::SettingsChange,
            &format!("{BACKUP_OFFSITE} folder:{}", folder.is_some()),
        )
        .await?;
        txn.commit().await?;
        Ok(offsite)
    }

    /// Called after a copy was written to `target`: a copy outside the data folder is recorded
    /// as the last off-site copy.
    pub(crate) async fn note_copy(&self, target: &Path) -> Result<()> {
        if !outside(target, self.store().data_dir().root()) {
            return Ok(());
        }
        let mut offsite = self.backup_offsite().await?;
        offsite.last_copy_at = Some(self.now());
        settings::put(self.db(), BACKUP_OFFSITE, &offsite).await
    }

    /// 首页's reminder for a registrar who may make backups: `None` while the last copy outside
    /// the data folder is at most [`REMIND_AFTER_DAYS`] days old.
    pub(crate) async fn offsite_reminder(
        &self,
        session: &Session,
        today: NaiveDate,
    ) -> Result<Option<String>> {
        if !session.role.may(Permission::ManageSettings) {
            return Ok(None);
        }
        let offsite = self.backup_offsite().await?;
        let Some(last) = offsite.last_copy_at else {
            return Ok(Some(
                "还没有存到本机以外的备份：电脑损坏时，本机的自动备份会一起丢失。请在“设置 → 备份”中选择 U 盘或网络位置并立即备份（每周至少一次）。"
                    .to_owned(),
            ));
        };
        let last_day = crate::clock::beijing(last).date_naive();
        let days = (today - last_day).num_days();
        if days <= REMIND_AFTER_DAYS {
            return Ok(None);
        }
        Ok(Some(format!(
            "距上次把备份存到本机以外（U 盘或网络位置）已 {days} 天（{}），超过 {REMIND_AFTER_DAYS} 天。请在“设置 → 备份”中立即备份到异地位置。",
            last_day.format("%Y-%m-%d")
        )))
    }
}

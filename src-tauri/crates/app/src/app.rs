//! The application: one open store, the clock, and the configuration the rules read.

use std::sync::{Arc, RwLock};
use xueji_domain::AuditAction;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{DatabaseConnection, TransactionTrait};
use xueji_store::{DataDir, InitOptions, KeyStore, OpenOptions, RecoveryCode, Store};

use crate::audit;
use crate::auth::role::Permission;
use crate::auth::session::Session;
use crate::clock::Clock;
use crate::error::{AppError, Result};
use crate::settings::{self, Config, SchoolProfile};

/// What the first run asks for.
#[derive(Clone, Debug, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct InitInput {
    pub school: SchoolProfile,
    pub admin_username: String,
    pub admin_display_name: String,
    pub admin_password: String,
}

/// The open application. Every use case is a method taking the caller's [`Session`].
#[derive(Debug)]
pub struct App {
    store: Store,
    clock: Arc<dyn Clock>,
    config: RwLock<Arc<Config>>,
    /// What the automatic backup did when the app opened (for the backups page).
    last_auto: std::sync::Mutex<Option<String>>,
    /// The system print service (CUPS `lp`, or a configured command).
    pub(crate) print_service: std::sync::RwLock<crate::print_service::PrintService>,
}

impl App {
    /// Creates the database (first run): school profile, first registrar account, settings.
    /// Returns the recovery code, to be shown once.
    pub async fn init(
        data: DataDir,
        keys: KeyStore,
        input: &InitInput,
        clock: Arc<dyn Clock>,
    ) -> Result<(Self, RecoveryCode)> {
        let school = input.school.school()?;
        let policy = settings::account_policy(0);
        let username = input.admin_username.trim();
        if username.is_empty() {
            return Err(AppError::validation("adminUsername", "请填写管理员用户名"));
        }
        if input.admin_display_name.trim().is_empty() {
            return Err(AppError::validation("adminDisplayName", "请填写管理员姓名"));
        }
        policy
            .check_password(&input.admin_password, username)
            .map_err(|e| {
                let mut err = AppError::from(e);
                err.fields = vec![crate::error::FieldError {
                    field: "adminPassword".to_owned(),
                    message: err.message.clone(),
                }];
                err
            })?;
        let opts = InitOptions {
            school_name: input.school.name.trim().to_owned(),
            school_kind: school.kind,
            admin_username: username.to_owned(),
            admin_password: input.admin_password.clone(),
        };
        let (store, code) = Store::init(data, keys, &opts).await?;
        let db = store.db();
        let txn = db.begin().await?;
        let mut profile = input.school.clone();
        profile.name = opts.school_name.clone();
        settings::put(&txn, settings::SCHOOL_PROFILE, &profile).await?;
        if let Some(code) = profile.code.as_deref().filter(|c| !c.trim().is_empty()) {
            set_school_code(&txn, code).await?;
        }
        set_display_name(&txn, username, input.admin_display_name.trim()).await?;
        txn.commit().await?;
        let config = settings::load(db).await?;
        crate::error::set_law_in_force(config.profile.law);
        Ok((
            Self {
                store,
                clock,
                config: RwLock::new(Arc::new(config)),
                last_auto: std::sync::Mutex::new(None),
                print_service: std::sync::RwLock::new(
                    crate::print_service::PrintService::from_env(),
                ),
            },
            code,
        ))
    }

    /// Opens with the key from the key store, then takes the automatic backup the schedule asks
    /// for (see [`App::backup_on_schedule`]).
    pub async fn open(data: DataDir, keys: KeyStore, clock: Arc<dyn Clock>) -> Result<Self> {
        Self::open_with(data, keys, clock, true).await
    }

    /// Opens with the recovery code (the key store lost its key) and re-stores the key.
    pub async fn recover(
        data: DataDir,
        keys: KeyStore,
        code: &str,
        clock: Arc<dyn Clock>,
    ) -> Result<Self> {
        let code = RecoveryCode::parse(code)?;
        let opts = OpenOptions::default();
        let store = Store::recover(data, keys, &code, opts).await?;
        let app = Self::with_store(store, clock).await?;
        // A failed backup is shown on the backups page; it never keeps the app closed.
        let _ = app.backup_on_schedule().await;
        Ok(app)
    }

    /// A new computer (issue 15, disaster recovery): rebuilds the empty data folder from a backup
    /// and the recovery code it was made under, writes the key to the key store, and opens.
    /// Users log in with the accounts the backup holds.
    pub async fn restore_on_new_computer(
        data: DataDir,
        keys: KeyStore,
        file: &str,
        code: &str,
        clock: Arc<dyn Clock>,
    ) -> Result<Self> {
        let code = RecoveryCode::parse(code)?;
        let file = file.trim();
        if file.is_empty() {
            return Err(AppError::validation("file", "请选择备份文件"));
        }
        let from = std::path::Path::new(file);
        if !from.is_file() {
            return Err(AppError::validation("file", "找不到所选的备份文件"));
        }
        let store = Store::restore_on_new_computer(data, keys, from, &code).await?;
        let app = Self::with_store(store, clock).await?;
        // The restored data gets its first copy in this data folder at once.
        let _ = app.backup_on_schedule().await;
        Ok(app)
    }

    /// Wraps an open store.
    pub async fn with_store(store: Store, clock: Arc<dyn Clock>) -> Result<Self> {
        let config = settings::load(store.db()).await?;
        crate::error::set_law_in_force(config.profile.law);
        let app = Self {
            store,
            clock,
            config: RwLock::new(Arc::new(config)),
            last_auto: std::sync::Mutex::new(None),
            print_service: std::sync::RwLock::new(crate::print_service::PrintService::from_env()),
        };
        app.calendar_settle_on_open().await?;
        Ok(app)
    }

    pub(crate) fn set_last_auto(&self, note: String) {
        *self
            .last_auto
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(note);
    }

    pub(crate) fn last_auto(&self) -> Option<String> {
        self.last_auto
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    pub fn db(&self) -> &DatabaseConnection {
        self.store.db()
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// Today in Beijing time.
    pub fn today(&self) -> NaiveDate {
        self.clock.today()
    }

    pub fn clock(&self) -> &Arc<dyn Clock> {
        &self.clock
    }

    /// The current configuration (cheap: shared).
    pub fn config(&self) -> Arc<Config> {
        self.config
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// Re-reads the configuration after a settings change.
    pub async fn reload_config(&self) -> Result<()> {
        let fresh = settings::load(self.db()).await?;
        crate::error::set_law_in_force(fresh.profile.law);
        *self
            .config
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Arc::new(fresh);
        Ok(())
    }

    /// Changes the school profile.
    pub async fn school_update(
        &self,
        session: &Session,
        profile: &SchoolProfile,
    ) -> Result<SchoolProfile> {
        self.authorize(session, Permission::ManageSettings).await?;
        profile.school()?;
        settings::keep_rule_profile(&self.config().school_profile, profile)?;
        let txn = self.db().begin().await?;
        settings::put(&txn, settings::SCHOOL_PROFILE, profile).await?;
        update_school_row(&txn, profile).await?;
        audit::append(
            &txn,
            &session.username,
            AuditAction::SettingsChange,
            "school.profile",
        )
        .await?;
        txn.commit().await?;
        self.reload_config().await?;
        Ok(self.config().school_profile.clone())
    }

    /// Sets the school's terms (开学 and 学期结束 dates).
    pub async fn terms_set(
        &self,
        session: &Session,
        terms: &[xueji_domain::school::Term],
    ) -> Result<()> {
        self.authorize(session, Permission::ManageSettings).await?;
        for t in terms {
            if t.end <= t.start {
                return Err(AppError::validation(
                    "terms",
                    format!("{}的结束日期应晚于开学日期", t.label_zh()),
                ));
            }
        }
        let txn = self.db().begin().await?;
        settings::put(&txn, settings::TERMS, &terms).await?;
        audit::append(
            &txn,
            &session.username,
            AuditAction::SettingsChange,
            "school.terms",
        )
        .await?;
        txn.commit().await?;
        self.reload_config().await
    }

    /// Sets the idle lock: 1 to 60 minutes, never off (R30.3: accounts and the data behind them
    /// are protected also when the registrar walks away).
    pub async fn idle_lock_set(&self, session: &Session, minutes: u32) -> Result<()> {
        self.authorize(session, Permission::ManageSettings).await?;
        xueji_domain::security::AccountPolicy::check_idle_lock(minutes)
            .map_err(|e| AppError::from(e).with_field_message("idleLockMinutes"))?;
        let txn = self.db().begin().await?;
        settings::put(&txn, settings::IDLE_LOCK_MINUTES, &minutes).await?;
        audit::append(
            &txn,
            &session.username,
            AuditAction::SettingsChange,
            "security.idle_lock_minutes",
        )
        .await?;
        txn.commit().await?;
        self.reload_config().await
    }

    /// Closes the database.
    pub async fn close(self) {
        self.store.close().await;
    }
}

async fn set_school_code<C: sea_orm::ConnectionTrait>(db: &C, code: &str) -> Result<()> {
    xueji_store::repo::school::set_code(db, Some(code.trim().to_owned())).await?;
    Ok(())
}

async fn update_school_row<C: sea_orm::ConnectionTrait>(
    db: &C,
    profile: &SchoolProfile,
) -> Result<()> {
    xueji_store::repo::school::set_profile(
        db,
        profile.name.trim(),
        &profile.kind,
        profile.code.clone().filter(|c| !c.trim().is_empty()),
    )
    .await?;
    Ok(())
}

async fn set_display_name<C: sea_orm::ConnectionTrait>(
    db: &C,
    username: &str,
    name: &str,
) -> Result<()> {
    if let Some(row) = xueji_store::repo::users::find(db, username).await? {
        xueji_store::repo::users::set_display_name(db, row, name).await?;
    }
    Ok(())
}

//! The store's errors: one kind per failure, each with a Chinese message for the registrar.
//! Messages never contain personal data (names, ID numbers), only paths and counts.

use std::path::PathBuf;

/// Every way the store can fail.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database key does not open this file.
    #[error("数据库密钥不正确，无法打开数据库（文件未被修改）")]
    WrongKey,
    /// No key in the OS keyring (or key file) for this database.
    #[error("系统钥匙串中没有本数据库的密钥，请输入恢复码")]
    KeyMissing,
    /// The OS keyring could not be reached or refused the operation.
    #[error("无法访问系统钥匙串：{0}")]
    Keyring(String),
    /// The key file named by `XUEJI_DB_KEY_FILE` is malformed.
    #[error("密钥文件格式不正确：{path}")]
    BadKeyFile { path: PathBuf },
    /// The key file can be read by other accounts on the computer.
    #[error("密钥文件 {path} 其他用户也可读取，已拒绝使用；请执行 chmod 600 后重试")]
    KeyFileNotPrivate { path: PathBuf },
    /// The recovery code is not the one that wraps this database's key.
    #[error("恢复码不正确")]
    WrongRecoveryCode,
    /// The recovery code is not well formed (length or characters).
    #[error("恢复码格式不正确：应为30位字母数字（可含分隔符）")]
    MalformedRecoveryCode,
    /// The recovery file beside the database is missing.
    #[error("找不到恢复文件：{path}")]
    RecoveryFileMissing { path: PathBuf },
    /// The recovery file beside the database is damaged.
    #[error("恢复文件已损坏：{path}")]
    RecoveryFileDamaged { path: PathBuf },
    /// The file is not an encrypted XueJi database.
    #[error("该文件不是学籍数据库：{path}")]
    NotADatabase { path: PathBuf },
    /// The file is shorter than the database it once was.
    #[error("数据库文件不完整（可能被截断）：{path}，请从备份恢复")]
    Truncated { path: PathBuf },
    /// The database content is damaged (integrity check failed).
    #[error("数据库已损坏：{detail}")]
    Corrupt { detail: String },
    /// Another process holds the database.
    #[error("数据库正被另一个程序使用，请先关闭其他学籍程序")]
    Locked,
    /// The disk (or the database's size limit) is full.
    #[error("磁盘空间已满，未保存的修改已撤销")]
    DiskFull,
    /// The database was written by a newer version of the app.
    #[error("数据库由更新版本的学籍软件创建（结构版本 {found}），请升级本软件")]
    SchemaTooNew { found: String },
    /// `init` found an existing database and will not overwrite it.
    #[error("数据库已存在，不会覆盖：{path}")]
    AlreadyExists { path: PathBuf },
    /// No database at the expected place.
    #[error("找不到数据库：{path}，请先初始化")]
    NotFound { path: PathBuf },
    /// A backup target already exists; backups never overwrite files.
    #[error("备份目标文件已存在，不会覆盖：{path}")]
    BackupExists { path: PathBuf },
    /// A backup failed its checks and was not restored.
    #[error("备份文件未通过校验，未恢复：{reason}")]
    BackupInvalid { reason: String },
    /// The backup was made with another database key than the one in use (before a key change,
    /// or of another database).
    #[error(
        "该备份由另一个数据库密钥加密（更换密钥之前所做，或来自另一个数据库），当前密钥无法打开它"
    )]
    BackupOtherKey,
    /// The backup has no wrapped key (made by an earlier version), so the recovery code alone
    /// cannot open it.
    #[error("该备份文件不含恢复信息（早期版本所做），无法仅凭恢复码恢复；请在原电脑上重新备份")]
    BackupWithoutRecovery,
    /// Setup found this data folder's key already in the keyring and will not replace it.
    #[error(
        "本机钥匙串中已有该数据文件夹的数据库密钥，不会覆盖；如要使用原有数据，请选择“从备份恢复”"
    )]
    KeyringOccupied,
    /// Setup found backups in the data folder and will not start a new database beside them.
    #[error("数据文件夹中已有备份（{path}），不会新建数据库；请选择“从备份恢复”")]
    BackupsPresent { path: PathBuf },
    /// The audit chain is broken.
    #[error("审计日志校验失败：{0}")]
    AuditBroken(String),
    /// A record that must exist does not.
    #[error("记录不存在：{what}")]
    RecordNotFound { what: String },
    /// A unique value (ID number, 学籍号, user name) is already used (R7.2).
    #[error("重复记录：{what}已存在（R7.2）")]
    Duplicate { what: String },
    /// Input the store refuses (empty user, bad value).
    #[error("输入无效：{0}")]
    Invalid(String),
    /// File system error outside SQLite.
    #[error("文件操作失败（{path}）：{}", io_reason(.source))]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Any other database error.
    #[error("数据库错误：{0}")]
    Database(String),
}

/// Why a file operation failed, in Chinese (the standard library says it in English).
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    let reason = match e.kind() {
        ErrorKind::NotFound => "文件或文件夹不存在",
        ErrorKind::PermissionDenied => "没有访问权限",
        ErrorKind::AlreadyExists => "文件已存在",
        ErrorKind::StorageFull => "磁盘空间已满",
        ErrorKind::ReadOnlyFilesystem => "磁盘为只读",
        ErrorKind::NotADirectory => "路径中有一段不是文件夹",
        ErrorKind::IsADirectory => "这是一个文件夹，不是文件",
        ErrorKind::DirectoryNotEmpty => "文件夹不是空的",
        ErrorKind::InvalidFilename => "文件名无效",
        ErrorKind::FileTooLarge => "文件太大",
        ErrorKind::ResourceBusy | ErrorKind::WouldBlock => "文件正被占用",
        ErrorKind::UnexpectedEof => "文件不完整",
        ErrorKind::InvalidData => "文件内容无效",
        ErrorKind::Interrupted | ErrorKind::TimedOut => "操作被中断",
        _ => "",
    };
    match (reason, e.raw_os_error()) {
        ("", Some(code)) => format!("系统错误（错误码 {code}）"),
        ("", None) => "系统错误".to_owned(),
        (reason, _) => reason.to_owned(),
    }
}

/// The store's result type.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

impl StoreError {
    /// An IO error on a path.
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Self::Io {
            path: path.into(),
            source,
        }
    }

    /// A stable, machine-readable name of the kind (for `--json` and the IPC error).
    pub fn kind(&self) -> &'static str {
        match self {
            Self::WrongKey => "wrong_key",
            Self::KeyMissing => "key_missing",
            Self::Keyring(_) => "keyring",
            Self::BadKeyFile { .. } => "bad_key_file",
            Self::KeyFileNotPrivate { .. } => "key_file_not_private",
            Self::WrongRecoveryCode => "wrong_recovery_code",
            Self::MalformedRecoveryCode => "malformed_recovery_code",
            Self::RecoveryFileMissing { .. } => "recovery_file_missing",
            Self::RecoveryFileDamaged { .. } => "recovery_file_damaged",
            Self::NotADatabase { .. } => "not_a_database",
            Self::Truncated { .. } => "truncated",
            Self::Corrupt { .. } => "corrupt",
            Self::Locked => "locked",
            Self::DiskFull => "disk_full",
            Self::SchemaTooNew { .. } => "schema_too_new",
            Self::AlreadyExists { .. } => "already_exists",
            Self::NotFound { .. } => "not_found",
            Self::BackupExists { .. } => "backup_exists",
            Self::BackupInvalid { .. } => "backup_invalid",
            Self::BackupOtherKey => "backup_other_key",
            Self::BackupWithoutRecovery => "backup_without_recovery",
            Self::KeyringOccupied => "keyring_occupied",
            Self::BackupsPresent { .. } => "backups_present",
            Self::AuditBroken(_) => "audit_broken",
            Self::RecordNotFound { .. } => "record_not_found",
            Self::Duplicate { .. } => "duplicate",
            Self::Invalid(_) => "invalid",
            Self::Io { .. } => "io",
            Self::Database(_) => "database",
        }
    }
}

/// SQLite primary result codes the store tells apart.
const SQLITE_BUSY: i64 = 5;
const SQLITE_LOCKED: i64 = 6;
const SQLITE_CORRUPT: i64 = 11;
const SQLITE_FULL: i64 = 13;
const SQLITE_NOTADB: i64 = 26;

/// What a driver error code means to the store.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DriverCode {
    Busy,
    Corrupt,
    Full,
    NotADatabase,
    Unique,
    Other,
}

pub(crate) fn classify_sqlx(err: &sqlx::Error) -> DriverCode {
    if let sqlx::Error::Database(db) = err {
        if db.is_unique_violation() {
            return DriverCode::Unique;
        }
        let code = db
            .code()
            .and_then(|c| c.parse::<i64>().ok())
            .map_or(-1, |c| c & 0xff);
        return match code {
            SQLITE_BUSY | SQLITE_LOCKED => DriverCode::Busy,
            SQLITE_CORRUPT => DriverCode::Corrupt,
            SQLITE_FULL => DriverCode::Full,
            SQLITE_NOTADB => DriverCode::NotADatabase,
            _ => DriverCode::Other,
        };
    }
    DriverCode::Other
}

impl StoreError {
    /// The error for a classified driver failure; `detail` is the driver's own text.
    fn from_driver(code: DriverCode, detail: String) -> Self {
        match code {
            DriverCode::Busy => Self::Locked,
            DriverCode::Full => Self::DiskFull,
            DriverCode::Corrupt | DriverCode::NotADatabase => Self::Corrupt { detail },
            DriverCode::Unique => Self::Duplicate {
                what: "唯一值".to_owned(),
            },
            DriverCode::Other => Self::Database(detail),
        }
    }
}

impl From<sqlx::Error> for StoreError {
    fn from(err: sqlx::Error) -> Self {
        Self::from_driver(classify_sqlx(&err), err.to_string())
    }
}

impl From<sea_orm::DbErr> for StoreError {
    fn from(err: sea_orm::DbErr) -> Self {
        use sea_orm::{DbErr, RuntimeErr};
        match &err {
            DbErr::Exec(RuntimeErr::SqlxError(e))
            | DbErr::Query(RuntimeErr::SqlxError(e))
            | DbErr::Conn(RuntimeErr::SqlxError(e)) => {
                Self::from_driver(classify_sqlx(e), err.to_string())
            }
            _ => Self::Database(err.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_file_error_is_explained_in_chinese() {
        let e = std::io::Error::from(std::io::ErrorKind::NotFound);
        assert_eq!(super::io_reason(&e), "文件或文件夹不存在");
        let e = std::io::Error::from_raw_os_error(13);
        assert_eq!(super::io_reason(&e), "没有访问权限");
        let e = std::io::Error::other("x");
        assert_eq!(super::io_reason(&e), "系统错误");
        let e = super::StoreError::Io {
            path: "/x/y".into(),
            source: std::io::Error::from_raw_os_error(2),
        };
        assert_eq!(e.to_string(), "文件操作失败（/x/y）：文件或文件夹不存在");
    }
}

//! The CLI's errors: the store's, plus what only a command line can get wrong.

use xueji_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    App(#[from] xueji_app::AppError),
    #[error("请用 --user 或环境变量 XUEJI_USER 指定操作用户")]
    NoUser,
    /// The command line is wrong (a value, a missing choice): exit 2.
    #[error("{0}")]
    Usage(String),
    /// A file named on the command line cannot be read.
    #[error("无法读取文件 {path}：{}", xueji_store::io_reason(.source))]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// A JSON input file does not fit its schema; `field` when serde names one.
    #[error("{message}")]
    Input {
        message: String,
        field: Option<String>,
    },
    #[error("两次输入的密码不一致")]
    PasswordMismatch,
    #[error("无法从标准输入读取：{}", xueji_store::io_reason(.0))]
    Stdin(#[source] std::io::Error),
    #[error("标准输入没有内容：{0}")]
    MissingInput(&'static str),
    #[error("无法确定数据目录，请使用 --data-dir 或设置 XUEJI_DATA_DIR")]
    NoDataDir,
    #[error("审计日志校验失败：{0}")]
    AuditBroken(String),
    #[error("无法启动运行时：{}", xueji_store::io_reason(.0))]
    Runtime(#[source] std::io::Error),
    #[error(transparent)]
    Print(#[from] xueji_print::PrintError),
    #[error("无法写入文件 {path}：{}", xueji_store::io_reason(.source))]
    Write {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

pub type Result<T, E = CliError> = std::result::Result<T, E>;

impl CliError {
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Store(e) => e.kind(),
            Self::App(e) => e.kind_name(),
            Self::NoUser => "no_user",
            Self::Usage(_) => "usage",
            Self::Read { .. } => "read",
            Self::Input { .. } => "invalid_input",
            Self::PasswordMismatch => "password_mismatch",
            Self::Stdin(_) => "stdin",
            Self::MissingInput(_) => "missing_input",
            Self::NoDataDir => "no_data_dir",
            Self::AuditBroken(_) => "audit_broken",
            Self::Runtime(_) => "runtime",
            Self::Print(_) => "print",
            Self::Write { .. } => "write",
        }
    }

    /// The stable machine code (`key_missing`, `duplicate_record`): the app's code for a use
    /// case's error, else the kind.
    pub fn code(&self) -> &'static str {
        match self {
            Self::App(e) => e.code.as_str(),
            _ => self.kind(),
        }
    }

    /// Exit status, the same for every command (issue 18, `cli/README.md`): 2 for a command line
    /// that is wrong, 3 when the data's integrity is in doubt (a broken audit chain, a backup or
    /// database that does not verify), 4 when the law refuses (the message names the rule), 5
    /// when the user may not (role, locked account or session), 1 for any other failure.
    pub fn exit_code(&self) -> i32 {
        use xueji_app::{ErrorCode, ErrorKind};
        match self {
            Self::Usage(_) => 2,
            Self::AuditBroken(_)
            | Self::Store(
                StoreError::BackupInvalid { .. }
                | StoreError::AuditBroken(_)
                | StoreError::NotADatabase { .. }
                | StoreError::Truncated { .. }
                | StoreError::Corrupt { .. },
            ) => 3,
            Self::App(e) if matches!(e.code, ErrorCode::AuditBroken | ErrorCode::BackupInvalid) => {
                3
            }
            Self::App(e) if e.kind == ErrorKind::RuleViolation => 4,
            Self::App(e)
                if e.kind == ErrorKind::Forbidden
                    || matches!(
                        e.code,
                        ErrorCode::Locked | ErrorCode::AccountLocked | ErrorCode::SessionLocked
                    ) =>
            {
                5
            }
            _ => 1,
        }
    }

    /// The fields to correct, for `--json`: `{"field", "message"}` each, as the app reports them.
    pub fn fields(&self) -> Vec<xueji_app::FieldError> {
        match self {
            Self::App(e) => e.fields.clone(),
            Self::Input {
                field: Some(f),
                message,
            } => vec![xueji_app::FieldError {
                field: f.clone(),
                message: message.clone(),
            }],
            _ => Vec::new(),
        }
    }
}

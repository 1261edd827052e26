//! The application's error: one closed set of kinds the UI and the CLI tell apart, a stable
//! machine code callers match on (never the message text), a Chinese message for the registrar,
//! the rule when the law refuses (with its citation: title, article, sentence), and the fields to
//! highlight. The desktop shell and the CLI both build their outputs from this one type.

use std::sync::atomic::{AtomicU8, Ordering};

use xueji_domain::DomainError;
use xueji_domain::law::Law;
use xueji_domain::rules::{self, RuleId};
use xueji_store::StoreError;

/// What kind of failure (the IPC error's `kind`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum ErrorKind {
    /// Input the registrar can correct: fix the highlighted fields.
    Validation,
    /// The record asked for does not exist.
    NotFound,
    /// The data changed or already exists (R7.2 duplicates, a concurrent edit).
    Conflict,
    /// The law forbids it; `rule` names the article.
    RuleViolation,
    /// The user's role may not do this (audited).
    Forbidden,
    /// The account or the session is locked, or the database is in use.
    Locked,
    /// A fault in the program or the machine; details go to the log.
    Internal,
}

/// A stable machine code for the failure: callers match it, never the message text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    Validation,
    NotFound,
    Conflict,
    RuleViolation,
    Forbidden,
    Locked,
    Internal,
    /// R7.2: the ID number or 学籍号 is already on the books.
    DuplicateRecord,
    /// The OS keyring has no key for the database (the recovery code opens it).
    KeyMissing,
    /// The key does not open the database.
    WrongKey,
    WrongRecoveryCode,
    /// Another program holds the database.
    DatabaseInUse,
    DiskFull,
    /// The database was written by a newer version of XueJi.
    SchemaTooNew,
    /// The audit chain does not verify.
    AuditBroken,
    BackupInvalid,
    /// A file or folder that would be overwritten already exists.
    AlreadyExists,
    /// Too many wrong passwords (R30.3).
    AccountLocked,
    /// The session is locked (by hand or after the idle limit).
    SessionLocked,
}

impl ErrorCode {
    /// The code as serialised (`key_missing`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Validation => "validation",
            Self::NotFound => "not_found",
            Self::Conflict => "conflict",
            Self::RuleViolation => "rule_violation",
            Self::Forbidden => "forbidden",
            Self::Locked => "locked",
            Self::Internal => "internal",
            Self::DuplicateRecord => "duplicate_record",
            Self::KeyMissing => "key_missing",
            Self::WrongKey => "wrong_key",
            Self::WrongRecoveryCode => "wrong_recovery_code",
            Self::DatabaseInUse => "database_in_use",
            Self::DiskFull => "disk_full",
            Self::SchemaTooNew => "schema_too_new",
            Self::AuditBroken => "audit_broken",
            Self::BackupInvalid => "backup_invalid",
            Self::AlreadyExists => "already_exists",
            Self::AccountLocked => "account_locked",
            Self::SessionLocked => "session_locked",
        }
    }
}

impl ErrorKind {
    /// The code of an error of this kind that has no more specific one.
    pub fn code(self) -> ErrorCode {
        match self {
            Self::Validation => ErrorCode::Validation,
            Self::NotFound => ErrorCode::NotFound,
            Self::Conflict => ErrorCode::Conflict,
            Self::RuleViolation => ErrorCode::RuleViolation,
            Self::Forbidden => ErrorCode::Forbidden,
            Self::Locked => ErrorCode::Locked,
            Self::Internal => ErrorCode::Internal,
        }
    }
}

/// One field's problem, for the form.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

/// The law behind a refusal, as the UI and the CLI show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Citation {
    /// `R13.5`.
    pub rule_id: String,
    /// The rule's short title from the catalogue.
    pub rule_title: String,
    /// `第十三条`, where the law's text ships with the app.
    pub article: Option<String>,
    /// The sentence of the article the rule comes from.
    pub sentence: String,
    /// The whole article, prefixed with the law's name.
    pub text: String,
}

/// The law of the open database's rule profile, which refusals cite. One process opens one
/// database (the desktop app, one CLI command), so this is process-wide: the app sets it whenever
/// it loads its configuration. Zhejiang 2017 until then.
static LAW_IN_FORCE: AtomicU8 = AtomicU8::new(0);

/// Records the law of the profile in force.
pub(crate) fn set_law_in_force(law: Law) {
    let n = match law {
        Law::Zhejiang2017 => 0,
        Law::National2025 => 1,
    };
    LAW_IN_FORCE.store(n, Ordering::Relaxed);
}

/// The law of the profile in force.
pub fn law_in_force() -> Law {
    match LAW_IN_FORCE.load(Ordering::Relaxed) {
        1 => Law::National2025,
        _ => Law::Zhejiang2017,
    }
}

/// A failure of a use case. Nothing was written when a use case returns one.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.display())]
pub struct AppError {
    pub kind: ErrorKind,
    pub code: ErrorCode,
    /// Simplified Chinese, without the rule id.
    pub message: String,
    /// The rule when the law refuses (or the rule a malformed input breaks).
    pub rule: Option<RuleId>,
    pub fields: Vec<FieldError>,
}

pub type Result<T> = std::result::Result<T, AppError>;

impl AppError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            code: kind.code(),
            message: message.into(),
            rule: None,
            fields: Vec::new(),
        }
    }

    pub fn validation(field: &str, message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Validation, message.into()).with_field_message(field)
    }

    /// Adds `field` with the error's own message.
    #[must_use]
    pub fn with_field_message(self, field: &str) -> Self {
        let message = self.message.clone();
        self.with_field(field, message)
    }

    /// Adds a per-field message for the form.
    #[must_use]
    pub fn with_field(mut self, field: &str, message: impl Into<String>) -> Self {
        self.fields.push(FieldError {
            field: field.to_owned(),
            message: message.into(),
        });
        self
    }

    /// A more specific machine code than the kind's.
    #[must_use]
    pub fn with_code(mut self, code: ErrorCode) -> Self {
        self.code = code;
        self
    }

    /// Names the rule behind the error (keeps the kind).
    #[must_use]
    pub fn citing(mut self, rule: RuleId) -> Self {
        self.rule = Some(rule);
        self
    }

    pub fn not_found(what: impl Into<String>) -> Self {
        Self::new(ErrorKind::NotFound, format!("找不到{}", what.into()))
    }

    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Forbidden, message)
    }

    pub fn conflict(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Conflict, message)
    }

    pub fn locked(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Locked, message)
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Internal, message)
    }

    /// A refusal by the law. A duplicate record (R7.2) has its own code, whoever finds it.
    pub fn rule(rule: RuleId, message: impl Into<String>) -> Self {
        let code = if rule == rules::R7_2 {
            ErrorCode::DuplicateRecord
        } else {
            ErrorCode::RuleViolation
        };
        Self::new(ErrorKind::RuleViolation, message)
            .citing(rule)
            .with_code(code)
    }

    /// The rule id (`R13.5`), if a rule is named.
    pub fn rule_id(&self) -> Option<&str> {
        self.rule.as_ref().map(RuleId::as_str)
    }

    /// The named rule's title, article and sentence from the text of the law in force (the open
    /// database's rule profile, see [`law_in_force`]).
    pub fn citation(&self) -> Option<Citation> {
        self.citation_under(law_in_force())
    }

    /// The named rule as `law` cites it.
    pub fn citation_under(&self, law: Law) -> Option<Citation> {
        let rule = self.rule.as_ref()?;
        let c = law.cite(rule.as_str())?;
        Some(Citation {
            rule_id: rule.as_str().to_owned(),
            rule_title: c.title.to_owned(),
            article: c.article,
            sentence: c.sentence,
            text: c.text,
        })
    }

    /// Message with the rule id appended, as the CLI prints it: `学生在休学期间不办理转学手续（R13.5）`.
    pub fn display(&self) -> String {
        match &self.rule {
            Some(rule) => format!("{}（{rule}）", self.message),
            None => self.message.clone(),
        }
    }

    /// The stable name of the kind (`rule_violation`), for the CLI's JSON.
    pub fn kind_name(&self) -> &'static str {
        self.kind.code().as_str()
    }
}

impl From<DomainError> for AppError {
    fn from(e: DomainError) -> Self {
        match e {
            DomainError::Rule { rule, message } => Self::rule(rule, message),
            DomainError::Invalid {
                field,
                rule,
                message,
            } => Self::validation(&field, message).citing(rule),
        }
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        let message = e.to_string();
        match e {
            StoreError::Duplicate { what } => Self::rule(rules::R7_2, format!("{what}已存在")),
            StoreError::RecordNotFound { .. } | StoreError::NotFound { .. } => {
                Self::new(ErrorKind::NotFound, message)
            }
            StoreError::Invalid(m) => Self::new(ErrorKind::Validation, m),
            StoreError::Locked => {
                Self::new(ErrorKind::Locked, message).with_code(ErrorCode::DatabaseInUse)
            }
            StoreError::AlreadyExists { .. }
            | StoreError::BackupExists { .. }
            | StoreError::KeyringOccupied
            | StoreError::BackupsPresent { .. } => {
                Self::new(ErrorKind::Conflict, message).with_code(ErrorCode::AlreadyExists)
            }
            StoreError::WrongRecoveryCode | StoreError::MalformedRecoveryCode => {
                Self::validation("recovery_code", message).with_code(ErrorCode::WrongRecoveryCode)
            }
            StoreError::KeyMissing => {
                Self::new(ErrorKind::Locked, message).with_code(ErrorCode::KeyMissing)
            }
            StoreError::WrongKey => {
                Self::new(ErrorKind::Internal, message).with_code(ErrorCode::WrongKey)
            }
            StoreError::DiskFull => {
                Self::new(ErrorKind::Internal, message).with_code(ErrorCode::DiskFull)
            }
            StoreError::SchemaTooNew { .. } => {
                Self::new(ErrorKind::Internal, message).with_code(ErrorCode::SchemaTooNew)
            }
            StoreError::AuditBroken(_) => {
                Self::new(ErrorKind::Internal, message).with_code(ErrorCode::AuditBroken)
            }
            StoreError::BackupInvalid { .. }
            | StoreError::BackupOtherKey
            | StoreError::BackupWithoutRecovery => {
                Self::new(ErrorKind::Validation, message).with_code(ErrorCode::BackupInvalid)
            }
            _ => Self::new(ErrorKind::Internal, message),
        }
    }
}

impl From<sea_orm::DbErr> for AppError {
    fn from(e: sea_orm::DbErr) -> Self {
        StoreError::from(e).into()
    }
}

impl From<serde_json::Error> for AppError {
    fn from(e: serde_json::Error) -> Self {
        Self::internal(format!("数据格式错误：{e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use xueji_domain::rules;

    #[test]
    fn a_domain_refusal_keeps_its_rule_and_message() {
        let e: AppError = DomainError::rule(rules::R13_5, "学生在休学期间不办理转学手续").into();
        assert_eq!(e.kind, ErrorKind::RuleViolation);
        assert_eq!(e.rule_id(), Some("R13.5"));
        assert_eq!(e.code, ErrorCode::RuleViolation);
        assert_eq!(e.to_string(), "学生在休学期间不办理转学手续（R13.5）");
        let c = e.citation().unwrap();
        assert_eq!(c.article.as_deref(), Some("第十三条"));
        assert_eq!(c.rule_title, "休学期间不办理转学手续");
        assert!(
            c.sentence.contains("休学期间不办理转学手续"),
            "{}",
            c.sentence
        );
        assert!(
            c.text
                .starts_with("《浙江省义务教育阶段学生学籍管理办法》第十三条")
        );
    }

    #[test]
    fn invalid_input_names_the_field() {
        let e: AppError = DomainError::invalid("grade", rules::R12_1, "本校没有七年级").into();
        assert_eq!(e.kind, ErrorKind::Validation);
        assert_eq!(e.fields[0].field, "grade");
    }

    #[test]
    fn a_store_duplicate_is_the_r7_2_refusal() {
        let e: AppError = StoreError::Duplicate {
            what: "该身份证件号（学生编号 3）".to_owned(),
        }
        .into();
        assert_eq!(e.rule_id(), Some("R7.2"));
        assert_eq!(e.kind, ErrorKind::RuleViolation);
        assert_eq!(e.code, ErrorCode::DuplicateRecord);
    }

    #[test]
    fn a_missing_key_has_its_own_code() {
        let e: AppError = StoreError::KeyMissing.into();
        assert_eq!(e.code, ErrorCode::KeyMissing);
        assert_eq!(e.code.as_str(), "key_missing");
        assert_eq!(
            serde_json::to_value(e.code).unwrap(),
            serde_json::json!("key_missing")
        );
        assert!(e.citation().is_none());
    }
}

//! The application's error: one closed set of kinds the UI and the CLI tell apart, a Chinese
//! message for the registrar, the rule id when the law refuses, and the fields to highlight.

use xueji_domain::DomainError;
use xueji_store::StoreError;

/// What kind of failure (the IPC error's `kind`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum ErrorKind {
    /// Malformed input: fix the highlighted fields.
    Validation,
    NotFound,
    /// The data changed or already exists (R7.2 duplicates, a concurrent edit).
    Conflict,
    /// The law forbids it; `rule` names the article.
    RuleViolation,
    /// The user's role may not do this (audited).
    Forbidden,
    /// The account or the session is locked, or the database is in use.
    Locked,
    Internal,
}

/// One field's problem, for the form.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

/// A failure of a use case. Nothing was written when a use case returns one.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.display())]
pub struct AppError {
    pub kind: ErrorKind,
    /// Simplified Chinese, without the rule id.
    pub message: String,
    /// The rule id (`R13.5`) when the law refuses.
    pub rule: Option<String>,
    pub fields: Vec<FieldError>,
}

pub type Result<T> = std::result::Result<T, AppError>;

impl AppError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
            rule: None,
            fields: Vec::new(),
        }
    }

    pub fn validation(field: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        Self {
            kind: ErrorKind::Validation,
            fields: vec![FieldError {
                field: field.to_owned(),
                message: message.clone(),
            }],
            message,
            rule: None,
        }
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

    /// A refusal by the law.
    pub fn rule(rule: &str, message: impl Into<String>) -> Self {
        Self {
            kind: ErrorKind::RuleViolation,
            message: message.into(),
            rule: Some(rule.to_owned()),
            fields: Vec::new(),
        }
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
        match self.kind {
            ErrorKind::Validation => "validation",
            ErrorKind::NotFound => "not_found",
            ErrorKind::Conflict => "conflict",
            ErrorKind::RuleViolation => "rule_violation",
            ErrorKind::Forbidden => "forbidden",
            ErrorKind::Locked => "locked",
            ErrorKind::Internal => "internal",
        }
    }
}

impl From<DomainError> for AppError {
    fn from(e: DomainError) -> Self {
        match e {
            DomainError::Rule { rule, message } => Self::rule(rule.as_str(), message),
            DomainError::Invalid {
                field,
                rule,
                message,
            } => Self {
                kind: ErrorKind::Validation,
                fields: vec![FieldError {
                    field,
                    message: message.clone(),
                }],
                message,
                rule: Some(rule.as_str().to_owned()),
            },
        }
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        let message = e.to_string();
        match e {
            StoreError::Duplicate { what } => Self::rule("R7.2", format!("{what}已存在")),
            StoreError::RecordNotFound { .. } | StoreError::NotFound { .. } => {
                Self::new(ErrorKind::NotFound, message)
            }
            StoreError::Invalid(m) => Self::new(ErrorKind::Validation, m),
            StoreError::Locked => Self::new(ErrorKind::Locked, message),
            StoreError::AlreadyExists { .. } | StoreError::BackupExists { .. } => {
                Self::new(ErrorKind::Conflict, message)
            }
            StoreError::WrongRecoveryCode | StoreError::MalformedRecoveryCode => {
                Self::validation("recovery_code", message)
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
        assert_eq!(e.rule.as_deref(), Some("R13.5"));
        assert_eq!(e.to_string(), "学生在休学期间不办理转学手续（R13.5）");
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
        assert_eq!(e.rule.as_deref(), Some("R7.2"));
        assert_eq!(e.kind, ErrorKind::RuleViolation);
    }
}

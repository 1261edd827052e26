//! The one error type that crosses the IPC boundary: `{ kind, message, ruleId?, fields? }`.
//!
//! Every command returns `Result<T, IpcError>`. Library errors are mapped into it here, so the UI
//! only ever sees a closed set of kinds, a Chinese message for the registrar, the rule id when the
//! law refused something, and per-field messages for forms.

use std::collections::BTreeMap;

use serde::Serialize;

/// The closed set of error kinds the UI handles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum ErrorKind {
    /// Input the registrar can correct (bad ID number, missing field).
    Validation,
    /// The record asked for does not exist.
    NotFound,
    /// The write conflicts with existing data (duplicate 学籍, stale edit).
    Conflict,
    /// The law forbids it; `rule_id` says which rule.
    RuleViolation,
    /// The user's role does not allow it.
    Forbidden,
    /// The database or the account is locked.
    Locked,
    /// A fault in the program or the machine; details are in the log, not here.
    Internal,
}

/// The error every command returns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type, thiserror::Error)]
#[serde(rename_all = "camelCase")]
#[error("{message}")]
pub struct IpcError {
    pub kind: ErrorKind,
    /// A Chinese message for the registrar.
    pub message: String,
    /// The rule id from RULES.md (`R13.5`) when the law refused the action.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[specta(optional)]
    pub rule_id: Option<String>,
    /// The rule's short title from the catalogue, when `rule_id` is set.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[specta(optional)]
    pub rule_title: Option<String>,
    /// The law's article behind the rule (`《…办法》第十三条 …`), when `rule_id` is set.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[specta(optional)]
    pub law_text: Option<String>,
    /// Per-field messages for a form, keyed by the input's field name (boxed: every command
    /// returns this error, and a small `Err` keeps their results small).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[specta(optional)]
    pub fields: Option<Box<BTreeMap<String, String>>>,
}

impl IpcError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
            rule_id: None,
            rule_title: None,
            law_text: None,
            fields: None,
        }
    }

    /// A refusal by the law, naming its rule.
    pub fn rule(rule_id: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(ErrorKind::RuleViolation, message).citing(rule_id.into())
    }

    /// Names the rule behind the error, with its title and the law's article for the UI.
    #[must_use]
    pub fn citing(mut self, rule_id: String) -> Self {
        if let Some(citation) = xueji_domain::law::cite(&rule_id) {
            self.rule_title = Some(citation.title.to_owned());
            self.law_text = Some(format!(
                "{}{}",
                xueji_domain::law::SHORT_NAME,
                citation.text
            ));
        }
        self.rule_id = Some(rule_id);
        self
    }

    /// A fault the registrar cannot fix. The cause goes to the log (never personal data); the
    /// message stays generic.
    pub fn internal(cause: &dyn std::fmt::Display) -> Self {
        tracing::error!(%cause, "internal error");
        Self::new(
            ErrorKind::Internal,
            "程序内部错误，详情已写入日志。请联系技术支持。",
        )
    }

    #[must_use]
    pub fn with_field(mut self, field: impl Into<String>, message: impl Into<String>) -> Self {
        self.fields
            .get_or_insert_with(Box::default)
            .insert(field.into(), message.into());
        self
    }
}

impl From<xueji_app::AppError> for IpcError {
    fn from(e: xueji_app::AppError) -> Self {
        use xueji_app::ErrorKind as K;
        let kind = match e.kind {
            K::Validation => ErrorKind::Validation,
            K::NotFound => ErrorKind::NotFound,
            K::Conflict => ErrorKind::Conflict,
            K::RuleViolation => ErrorKind::RuleViolation,
            K::Forbidden => ErrorKind::Forbidden,
            K::Locked => ErrorKind::Locked,
            K::Internal => return Self::internal(&e.message),
        };
        let mut err = Self::new(kind, e.message);
        if let Some(rule) = e.rule {
            err = err.citing(rule);
        }
        for f in e.fields {
            err = err.with_field(f.field, f.message);
        }
        err
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn json_shape_of_a_rule_violation_is_pinned() {
        let err = IpcError::rule("R13.5", "休学期间不得转学。");
        let value = serde_json::to_value(&err).unwrap();
        let law = value["lawText"].as_str().unwrap().to_owned();
        assert!(
            law.starts_with("《浙江省义务教育阶段学生学籍管理办法》第十三条"),
            "{law}"
        );
        assert_eq!(
            value,
            json!({
                "kind": "ruleViolation",
                "message": "休学期间不得转学。",
                "ruleId": "R13.5",
                "ruleTitle": xueji_domain::rules::CATALOGUE
                    .iter()
                    .find(|(id, _)| id.as_str() == "R13.5")
                    .unwrap()
                    .1,
                "lawText": law,
            })
        );
    }

    #[test]
    fn json_shape_of_a_validation_error_with_fields_is_pinned() {
        let err = IpcError::new(ErrorKind::Validation, "请更正标红的项目。")
            .with_field("idCardNumber", "身份证号校验位不正确");
        assert_eq!(
            serde_json::to_value(&err).unwrap(),
            json!({
                "kind": "validation",
                "message": "请更正标红的项目。",
                "fields": { "idCardNumber": "身份证号校验位不正确" }
            })
        );
    }

    #[test]
    fn every_kind_serialises_to_its_camel_case_name() {
        let kinds = [
            (ErrorKind::Validation, "validation"),
            (ErrorKind::NotFound, "notFound"),
            (ErrorKind::Conflict, "conflict"),
            (ErrorKind::RuleViolation, "ruleViolation"),
            (ErrorKind::Forbidden, "forbidden"),
            (ErrorKind::Locked, "locked"),
            (ErrorKind::Internal, "internal"),
        ];
        for (kind, name) in kinds {
            assert_eq!(serde_json::to_value(kind).unwrap(), json!(name));
        }
    }

    #[test]
    fn app_errors_keep_rule_and_fields() {
        let e = xueji_app::AppError::rule("R13.5", "学生在休学期间不办理转学手续");
        let ipc = IpcError::from(e);
        assert_eq!(ipc.kind, ErrorKind::RuleViolation);
        assert_eq!(ipc.rule_id.as_deref(), Some("R13.5"));
        let v = IpcError::from(xueji_app::AppError::validation("idNumber", "校验位不正确"));
        assert_eq!(v.fields.unwrap()["idNumber"], "校验位不正确");
    }

    #[test]
    fn internal_errors_do_not_leak_their_cause() {
        let err = IpcError::internal(&"disk /home/张三/secret failed");
        assert_eq!(err.kind, ErrorKind::Internal);
        assert!(!err.message.contains("张三"));
    }
}

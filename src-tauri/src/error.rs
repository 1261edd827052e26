//! The one error type that crosses the IPC boundary:
//! `{ kind, code, message, ruleId?, ruleTitle?, article?, lawSentence?, lawText?, fields? }`.
//!
//! Every command returns `Result<T, IpcError>`. It is the app's error (`xueji_app::AppError`: the
//! same kinds and machine codes, the rule's citation from the app layer) in the shape the UI
//! reads, so the UI matches `code`, never message text.

use std::collections::BTreeMap;

use serde::Serialize;
pub use xueji_app::{ErrorCode, ErrorKind};

/// The error every command returns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type, thiserror::Error)]
#[serde(rename_all = "camelCase")]
#[error("{message}")]
pub struct IpcError {
    pub kind: ErrorKind,
    /// A stable machine code (`key_missing`, `duplicate_record`); the UI matches it.
    pub code: ErrorCode,
    /// A Chinese message for the registrar.
    pub message: String,
    /// The rule id from RULES.md (`R13.5`) when the law refused the action.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[specta(optional)]
    pub rule_id: Option<Box<str>>,
    /// The rule's short title from the catalogue, when `rule_id` is set.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[specta(optional)]
    pub rule_title: Option<Box<str>>,
    /// The article behind the rule (`第十三条`), when `rule_id` is set.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[specta(optional)]
    pub article: Option<Box<str>>,
    /// The sentence of the article the rule comes from, when `rule_id` is set.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[specta(optional)]
    pub law_sentence: Option<Box<str>>,
    /// The whole article (`《…办法》第十三条 …`), when `rule_id` is set.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[specta(optional)]
    pub law_text: Option<Box<str>>,
    /// Per-field messages for a form, keyed by the input's field name. (Boxed, as the texts above
    /// are `Box<str>`: every command returns this error, and a small `Err` keeps results small.)
    #[serde(skip_serializing_if = "Option::is_none")]
    #[specta(optional)]
    pub fields: Option<Box<BTreeMap<String, String>>>,
}

impl IpcError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            code: kind.code(),
            message: message.into(),
            rule_id: None,
            rule_title: None,
            article: None,
            law_sentence: None,
            law_text: None,
            fields: None,
        }
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
        if e.kind == ErrorKind::Internal {
            let mut internal = Self::internal(&e.message);
            internal.code = e.code;
            return internal;
        }
        let citation = e.citation();
        let mut err = Self::new(e.kind, e.message);
        err.code = e.code;
        err.rule_id = e.rule.map(|r| r.as_str().into());
        if let Some(c) = citation {
            err.rule_title = Some(c.rule_title.into());
            err.article = c.article.map(Into::into);
            err.law_sentence = Some(c.sentence.into());
            err.law_text = Some(c.text.into());
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
        let err = IpcError::from(xueji_app::AppError::rule(
            xueji_domain::rules::R13_5,
            "休学期间不得转学。",
        ));
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
                "code": "rule_violation",
                "message": "休学期间不得转学。",
                "ruleId": "R13.5",
                "ruleTitle": xueji_domain::rules::CATALOGUE
                    .iter()
                    .find(|(id, _)| id.as_str() == "R13.5")
                    .unwrap()
                    .1,
                "article": "第十三条",
                "lawSentence": "学生在转学时不得变更就读年级，学生在休学期间不办理转学手续。",
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
                "code": "validation",
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
        let e =
            xueji_app::AppError::rule(xueji_domain::rules::R13_5, "学生在休学期间不办理转学手续");
        let ipc = IpcError::from(e);
        assert_eq!(ipc.kind, ErrorKind::RuleViolation);
        assert_eq!(ipc.rule_id.as_deref(), Some("R13.5"));
        let v = IpcError::from(xueji_app::AppError::validation("idNumber", "校验位不正确"));
        assert_eq!(v.fields.unwrap()["idNumber"], "校验位不正确");
    }

    #[test]
    fn a_missing_key_keeps_its_code_across_the_boundary() {
        let e = IpcError::from(xueji_app::AppError::from(
            xueji_store::StoreError::KeyMissing,
        ));
        assert_eq!(e.code, ErrorCode::KeyMissing);
        assert_eq!(serde_json::to_value(&e).unwrap()["code"], "key_missing");
    }

    #[test]
    fn internal_errors_do_not_leak_their_cause() {
        let err = IpcError::internal(&"disk /home/张三/secret failed");
        assert_eq!(err.kind, ErrorKind::Internal);
        assert!(!err.message.contains("张三"));
    }
}

//! Printing results as text (Chinese) or JSON (`--json`).

use serde_json::{Value, json};

use crate::error::CliError;

/// Prints a success: the text for people, or `{"ok": true, …fields}`.
pub fn success(json_mode: bool, text: &str, fields: Value) {
    if json_mode {
        let mut obj = json!({ "ok": true });
        if let (Some(o), Value::Object(extra)) = (obj.as_object_mut(), fields) {
            o.extend(extra);
        }
        println!("{obj}");
    } else {
        println!("{text}");
    }
}

/// Every failure with `--json` (schema `error`): the same object for a usage error, a refusal by
/// the law, a missing permission or a broken audit chain.
#[derive(Debug, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Failure {
    /// Always false.
    pub ok: bool,
    /// The error's kind: `usage`, `validation`, `rule_violation`, `forbidden` …
    pub kind: String,
    /// The stable code scripts match (`duplicate_record`, `usage`, `read` …).
    pub code: String,
    /// The message in Chinese, with the rule id when a rule refused.
    pub message: String,
    /// The fields to correct.
    pub fields: Vec<xueji_app::FieldError>,
    /// The process's exit status (2 usage, 3 integrity, 4 the law, 5 not permitted, 1 else).
    pub exit_code: i32,
    /// The rule (`R7.2`) when one refused.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule_title: Option<String>,
    /// The article (`第七条`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    /// The article's sentence the rule comes from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub law_sentence: Option<String>,
}

impl Failure {
    /// The failure of `err`.
    pub fn of(err: &CliError) -> Self {
        let mut f = Self {
            ok: false,
            kind: err.kind().to_owned(),
            code: err.code().to_owned(),
            message: err.to_string(),
            fields: err.fields(),
            exit_code: err.exit_code(),
            rule_id: None,
            rule_title: None,
            article: None,
            law_sentence: None,
        };
        if let CliError::App(e) = err {
            if let Some(c) = e.citation() {
                f.rule_id = Some(c.rule_id);
                f.rule_title = Some(c.rule_title);
                f.article = c.article;
                f.law_sentence = Some(c.sentence);
            } else {
                f.rule_id = e.rule_id().map(str::to_owned);
            }
        }
        f
    }

    /// The object, with `extra` fields (`rows`, `firstProblem` of a broken chain).
    pub fn to_json(&self, extra: Value) -> Value {
        let mut v = serde_json::to_value(self).unwrap_or_default();
        if let (Some(o), Value::Object(extra)) = (v.as_object_mut(), extra) {
            o.extend(extra);
        }
        v
    }
}

/// Prints a failure: to stderr as text, or the [`Failure`] object on stdout.
pub fn failure(json_mode: bool, err: &CliError) {
    if json_mode {
        println!("{}", Failure::of(err).to_json(Value::Null));
    } else {
        eprintln!("错误：{err}");
    }
}

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

/// Prints a failure: to stderr as text, or `{"ok": false, "kind", "code", "message"}` on stdout,
/// with `ruleId`, `ruleTitle`, `article` (`第十三条`) and `lawSentence` when the law refused, and
/// the fields to correct.
pub fn failure(json_mode: bool, err: &CliError) {
    if json_mode {
        let mut obj = json!({
            "ok": false,
            "kind": err.kind(),
            "code": err.code(),
            "message": err.to_string(),
        });
        if let Some(o) = obj.as_object_mut() {
            if let CliError::App(e) = err {
                if let Some(c) = e.citation() {
                    o.insert("ruleId".to_owned(), json!(c.rule_id));
                    o.insert("ruleTitle".to_owned(), json!(c.rule_title));
                    o.insert("article".to_owned(), json!(c.article));
                    o.insert("lawSentence".to_owned(), json!(c.sentence));
                } else if let Some(rule) = e.rule_id() {
                    o.insert("ruleId".to_owned(), json!(rule));
                }
            }
            o.insert("fields".to_owned(), json!(err.fields()));
            o.insert("exitCode".to_owned(), json!(err.exit_code()));
        }
        println!("{obj}");
    } else {
        eprintln!("错误：{err}");
    }
}

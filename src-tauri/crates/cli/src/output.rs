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

/// Prints a failure: to stderr as text, or `{"ok": false, "kind", "message"}` on stdout.
pub fn failure(json_mode: bool, err: &CliError) {
    if json_mode {
        let mut obj = json!({ "ok": false, "kind": err.kind(), "message": err.to_string() });
        if let (CliError::App(e), Some(o)) = (err, obj.as_object_mut()) {
            o.insert("rule".to_owned(), json!(e.rule));
            o.insert("fields".to_owned(), json!(e.fields));
        }
        println!("{obj}");
    } else {
        eprintln!("错误：{err}");
    }
}

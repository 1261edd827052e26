//! The JSON files named on the command line (`student add --from`, `change submit --from`,
//! `graduate --results`, `hardship apply --from`): an unreadable file is a file error, and a file
//! that does not fit says so in Chinese with the line, the column and the field, never in serde's
//! English (issue 18).

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::error::{CliError, Result};

/// The file's text; a file error names the path.
pub fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|source| CliError::Read {
        path: path.display().to_string(),
        source,
    })
}

/// Reads and parses `path` as `T`; `what` names the file for the message (`变动内容`).
pub fn parse<T: DeserializeOwned>(path: &Path, what: &str) -> Result<T> {
    let text = read_text(path)?;
    serde_json::from_str(&text).map_err(|e| invalid(what, &e))
}

/// The error for a JSON input that does not fit.
pub fn invalid(what: &str, e: &serde_json::Error) -> CliError {
    let (reason, field) = explain(e);
    let at = if e.line() > 0 {
        format!("第 {} 行第 {} 列：", e.line(), e.column())
    } else {
        String::new()
    };
    CliError::Input {
        message: format!("{what} JSON 格式不正确：{at}{reason}"),
        field,
    }
}

/// serde's message in Chinese, and the field it names when it names one.
pub fn explain(e: &serde_json::Error) -> (String, Option<String>) {
    use serde_json::error::Category;
    match e.classify() {
        Category::Eof => ("文件提前结束（括号或引号没有配对）".to_owned(), None),
        Category::Syntax => ("不是合法的 JSON（检查逗号、引号和括号）".to_owned(), None),
        Category::Io => ("无法读取".to_owned(), None),
        Category::Data => data_reason(&message_of(e)),
    }
}

/// serde's message without serde_json's " at line L column C".
fn message_of(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rsplit_once(" at line ") {
        Some((msg, _)) => msg.to_owned(),
        None => text,
    }
}

/// The names between backquotes: `a`, `b`.
fn quoted(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

fn data_reason(msg: &str) -> (String, Option<String>) {
    let names = quoted(msg);
    let first = names.first().map(|s| (*s).to_owned());
    let valid = || {
        if names.len() > 1 {
            format!("（可用：{}）", names[1..].join("、"))
        } else {
            String::new()
        }
    };
    if msg.starts_with("missing field") {
        let f = first.unwrap_or_default();
        (format!("缺少字段 {f}"), Some(f))
    } else if msg.starts_with("unknown field") {
        let f = first.unwrap_or_default();
        (format!("未知的字段 {f}{}", valid()), Some(f))
    } else if msg.starts_with("unknown variant") {
        let v = first.unwrap_or_default();
        (format!("未知的取值 {v}{}", valid()), None)
    } else if msg.starts_with("duplicate field") {
        let f = first.unwrap_or_default();
        (format!("字段 {f} 重复"), Some(f))
    } else if let Some(rest) = msg.strip_prefix("invalid type: ") {
        let (got, want) = rest.split_once(", expected ").unwrap_or((rest, ""));
        (
            format!("类型不对：应为{}，实际是{}", type_zh(want), type_zh(got)),
            None,
        )
    } else if msg.starts_with("invalid length") {
        ("列表的长度不对".to_owned(), None)
    } else if !msg.is_ascii() {
        // Our own types' messages are Chinese already (a date, a code).
        (msg.to_owned(), None)
    } else if msg.contains("input contains invalid characters")
        || msg.contains("premature end of input")
        || msg.contains("input is out of range")
        || msg.contains("trailing input")
    {
        ("日期格式应为 YYYY-MM-DD".to_owned(), None)
    } else {
        ("取值无效".to_owned(), None)
    }
}

/// serde's name of a type or value in Chinese.
fn type_zh(text: &str) -> &'static str {
    let t = text.to_ascii_lowercase();
    if t.contains("string") || t.contains("char") || t.contains("date") {
        "文本"
    } else if t.contains("bool") {
        "true 或 false"
    } else if t.contains("float") {
        "数字"
    } else if t.contains("null") || t.contains("unit") || t.contains("option") {
        "空值 null"
    } else if t.contains("integer") || t.starts_with('i') || t.starts_with('u') {
        "整数"
    } else if t.contains("sequence") || t.contains("vec") || t.contains("tuple") {
        "列表 [...]"
    } else if t.contains("map") || t.contains("struct") {
        "对象 {...}"
    } else {
        "其他类型"
    }
}

#[cfg(test)]
mod tests {
    use super::explain;

    #[derive(Debug, serde::Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    #[allow(dead_code)]
    struct Input {
        kind: Kind,
        effective_on: chrono::NaiveDate,
        count: u32,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        Leave,
        TransferOut,
    }

    fn reason(text: &str) -> (String, Option<String>) {
        let e = serde_json::from_str::<Input>(text).expect_err("invalid");
        explain(&e)
    }

    #[test]
    fn serde_messages_are_told_in_chinese_with_the_field() {
        let (r, f) = reason(r#"{"kind": "leave", "count": 1}"#);
        assert_eq!(r, "缺少字段 effectiveOn");
        assert_eq!(f.as_deref(), Some("effectiveOn"));
        let (r, f) =
            reason(r#"{"kind": "leave", "effectiveOn": "2026-12-04", "count": 1, "x": 2}"#);
        assert!(
            r.starts_with("未知的字段 x（可用：kind、effectiveOn、count"),
            "{r}"
        );
        assert_eq!(f.as_deref(), Some("x"));
        let (r, _) = reason(r#"{"kind": "stay", "effectiveOn": "2026-12-04", "count": 1}"#);
        assert_eq!(r, "未知的取值 stay（可用：leave、transfer_out）");
        let (r, _) = reason(r#"{"kind": "leave", "effectiveOn": "2026-12-04", "count": "1"}"#);
        assert_eq!(r, "类型不对：应为整数，实际是文本");
        let (r, _) = reason(r#"{"kind": "leave", "effectiveOn": "4.12.2026", "count": 1}"#);
        assert_eq!(r, "日期格式应为 YYYY-MM-DD");
        let (r, _) = reason(r#"{"kind": "leave", "#);
        assert!(r.starts_with("文件提前结束"), "{r}");
        let (r, _) = reason(r#"{"kind" "leave"}"#);
        assert!(r.starts_with("不是合法的 JSON"), "{r}");
        for text in [r#"{"count": true}"#, "[1]"] {
            let (r, _) = reason(text);
            assert!(!r.is_ascii(), "{text}: {r}");
        }
    }
}

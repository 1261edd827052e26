//! The schemas of what the commands print with `--json`: `{"ok": true, …}` with the values of the
//! use cases' own types, under the names the commands print them.

use serde_json::{Map, Value, json};
use xueji_app::{
    audit_log, auth, changes, dashboard, documents, hardship, settings_view, students,
};

use super::convert::Builder;
use super::describes;

/// `{"ok": true, name: …}` for each `(name, schema)`, all required.
fn envelope(b: Builder, title: &str, fields: Vec<(&str, Value)>) -> Value {
    let mut properties = Map::new();
    properties.insert("ok".to_owned(), json!({ "const": true }));
    let mut required = vec![json!("ok")];
    for (name, schema) in fields {
        properties.insert(name.to_owned(), schema);
        required.push(json!(name));
    }
    let root = json!({ "type": "object", "properties": properties, "required": required });
    b.finish(title, describes(title), root)
}

/// `{"ok": true, name: T}`.
fn one<T: specta::Type>(title: &str, name: &str) -> Value {
    let mut b = Builder::default();
    let value = b.add::<T>();
    envelope(b, title, vec![(name, value)])
}

pub fn application_page() -> Value {
    one::<xueji_app::views::Page<changes::ApplicationRow>>("application-page", "page")
}

pub fn enrolment() -> Value {
    one::<students::EnrolView>("enrolment", "enrolment")
}

pub fn archive() -> Value {
    one::<students::ArchiveView>("archive", "archive")
}

pub fn student() -> Value {
    one::<students::StudentView>("student", "student")
}

pub fn student_page() -> Value {
    one::<xueji_app::views::Page<students::StudentRow>>("student-page", "page")
}

pub fn todo() -> Value {
    let mut b = Builder::default();
    let fields = vec![
        ("today", b.add::<chrono::NaiveDate>()),
        ("rows", b.add::<Vec<dashboard::TodoView>>()),
        ("total", b.add::<u64>()),
        ("notes", b.add::<Vec<String>>()),
    ];
    envelope(b, "todo", fields)
}

pub fn findings() -> Value {
    let mut b = Builder::default();
    let fields = vec![
        ("today", b.add::<chrono::NaiveDate>()),
        ("findings", b.add::<Vec<dashboard::FindingView>>()),
        ("complete", b.add::<bool>()),
        ("notes", b.add::<Vec<String>>()),
    ];
    envelope(b, "findings", fields)
}

pub fn settings() -> Value {
    one::<settings_view::SettingsView>("settings", "settings")
}

pub fn audit_page() -> Value {
    one::<xueji_app::views::Page<audit_log::AuditRowView>>("audit-page", "page")
}

pub fn documents() -> Value {
    let mut b = Builder::default();
    let fields = vec![
        ("total", b.add::<u64>()),
        ("rows", b.add::<Vec<documents::IssuedDocumentRow>>()),
    ];
    envelope(b, "documents", fields)
}

pub fn document() -> Value {
    one::<documents::IssuedDocumentRow>("document", "document")
}

pub fn user() -> Value {
    one::<auth::UserView>("user", "user")
}

pub fn users() -> Value {
    one::<Vec<auth::UserView>>("users", "users")
}

pub fn hardship() -> Value {
    one::<hardship::HardshipView>("hardship", "hardship")
}

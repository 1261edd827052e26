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

/// `{"ok": true, …}` with each named value of the Rust type given.
macro_rules! fields {
    ($title:expr, $($name:literal: $ty:ty),+ $(,)?) => {{
        let mut b = Builder::default();
        let fields = vec![$(($name, b.add::<$ty>())),+];
        envelope(b, $title, fields)
    }};
}

/// Either of two outputs (`--dry-run`'s preview, or the result).
fn either(title: &str, a: Value, b: Value) -> Value {
    let mut defs = Map::new();
    for v in [&a, &b] {
        if let Some(d) = v.get("$defs").and_then(Value::as_object) {
            defs.extend(d.clone());
        }
    }
    let strip = |mut v: Value| {
        if let Some(o) = v.as_object_mut() {
            for k in ["$defs", "$schema", "title", "description"] {
                o.remove(k);
            }
        }
        v
    };
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        "description": describes(title),
        "anyOf": [strip(a), strip(b)],
        "$defs": defs,
    })
}

pub fn init() -> Value {
    fields!("init", "database": String, "recoveryCode": String)
}

pub fn terms() -> Value {
    fields!("terms", "terms": Vec<settings_view::TermView>)
}

pub fn school() -> Value {
    fields!("school", "school": xueji_app::SchoolProfile)
}

pub fn settings_set() -> Value {
    fields!("settings-set", "changed": Vec<crate::commands::settings::Changed>, "dryRun": bool)
}

pub fn calendar() -> Value {
    fields!("calendar", "calendar": xueji_app::calendar::CalendarView)
}

pub fn calendar_load() -> Value {
    fields!(
        "calendar-load",
        "preview": xueji_app::calendar::NoticePreview,
        "saved": Option<xueji_app::calendar::CalendarSaved>,
    )
}

pub fn calendar_saved() -> Value {
    fields!("calendar-saved", "saved": xueji_app::calendar::CalendarSaved)
}

pub fn keys() -> Value {
    fields!("keys", "keys": xueji_app::package::SchoolKeysView)
}

pub fn trusted() -> Value {
    fields!("trusted", "trusted": xueji_app::package::TrustedSchoolView)
}

pub fn promotion() -> Value {
    either(
        "promotion",
        fields!("promotion", "preview": xueji_app::batches::PromotionPreview),
        fields!("promotion", "result": xueji_app::batches::PromotionResult),
    )
}

pub fn graduation() -> Value {
    either(
        "graduation",
        fields!("graduation", "preview": xueji_app::batches::GraduationPreview),
        fields!("graduation", "result": xueji_app::batches::GraduationResult),
    )
}

pub fn aid() -> Value {
    fields!("aid", "aid": hardship::AidView)
}

pub fn hardship_page() -> Value {
    fields!(
        "hardship-page",
        "schoolYear": i32,
        "total": u64,
        "rows": Vec<hardship::HardshipRow>,
    )
}

pub fn pdf() -> Value {
    fields!("pdf", "out": String, "bytes": u64)
}

/// `print KIND`'s result, or with `--list` the kinds.
pub fn print() -> Value {
    either(
        "print",
        fields!("print", "out": String, "documents": u32, "serials": Vec<String>, "bytes": u64),
        kinds("print"),
    )
}

/// `print sample`'s result, or with `--list` the kinds.
pub fn print_sample() -> Value {
    either(
        "print-sample",
        fields!(
            "print-sample",
            "kind": String,
            "variant": Option<String>,
            "out": String,
            "bytes": u64,
        ),
        kinds("print-sample"),
    )
}

fn kinds(title: &str) -> Value {
    fields!(title, "kinds": Vec<crate::commands::print::KindItem>)
}

/// `db info`: the store's facts at the top level, beside `ok`.
pub fn db_info() -> Value {
    let mut b = Builder::default();
    let mut root = b.add::<xueji_store::DbInfo>();
    if let Some(o) = root.as_object_mut() {
        if let Some(p) = o.get_mut("properties").and_then(Value::as_object_mut) {
            p.insert("ok".to_owned(), json!({ "const": true }));
        }
        if let Some(r) = o.get_mut("required").and_then(Value::as_array_mut) {
            r.insert(0, json!("ok"));
        }
    }
    b.finish("db-info", describes("db-info"), root)
}

pub fn package() -> Value {
    fields!("package", "package": crate::commands::package::PackageSummary)
}

pub fn package_import() -> Value {
    fields!(
        "package-import",
        "studentIds": Vec<i64>,
        "package": crate::commands::package::PackageSummary,
    )
}

pub fn import() -> Value {
    fields!(
        "import",
        "rows": u32,
        "validRows": u32,
        "committed": bool,
        "imported": u32,
        "problems": Vec<crate::commands::import::Problem>,
    )
}

pub fn schemas() -> Value {
    fields!("schemas", "schemas": Vec<super::SchemaItem>)
}

pub fn file() -> Value {
    fields!("file", "file": String, "bytes": u64)
}

pub fn export() -> Value {
    fields!("export", "file": String, "rows": u32)
}

pub fn backup() -> Value {
    fields!("backup", "backup": String, "sizeBytes": u64)
}

pub fn backup_check() -> Value {
    fields!("backup-check", "backup": String, "auditRows": u64)
}

pub fn restore() -> Value {
    fields!(
        "restore",
        "restoredFrom": String,
        "previousSavedAs": Option<String>,
        "auditRows": u64,
    )
}

pub fn audit_actions() -> Value {
    fields!("audit-actions", "actions": Vec<audit_log::AuditActionView>)
}

pub fn audit_verify() -> Value {
    fields!("audit-verify", "rows": u64)
}

pub fn recover() -> Value {
    fields!("recover", "database": String)
}

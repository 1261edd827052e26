//! The export commands through the real IPC path on Tauri's mock runtime, with a real SQLCipher
//! database: an export is checked (R30.2, R30.1) before the save dialog opens, and made and
//! audited only once the registrar has chosen where it goes; a cancelled save leaves no trace.

mod common;

use std::path::{Path, PathBuf};

use common::{MockApp, Window, call, school_app};
use serde_json::{Value, json};
use tauri::Manager;
use xueji_desktop_lib::SaveDialog;

/// A set-up school, the registrar logged in; the save dialog always answers `answer`.
fn school(tmp: &Path, answer: Option<PathBuf>) -> (MockApp, Window) {
    let (app, w) = school_app(tmp);
    app.manage(SaveDialog::answering(answer));
    (app, w)
}

fn export_rows(w: &Window) -> Vec<String> {
    let page = call(
        w,
        "audit_list",
        json!({ "filter": { "user": null, "action": "export", "from": null, "to": null } }),
    )
    .unwrap();
    page["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["target"].as_str().unwrap_or_default().to_owned())
        .collect()
}

fn export(
    w: &Window,
    kind: &str,
    approval_ref: &str,
    approved_on: Option<&str>,
) -> Result<Value, Value> {
    call(
        w,
        "export_save",
        json!({ "kind": kind, "request": {
            "approvalRef": approval_ref,
            "approvedOn": approved_on,
            "purpose": "区教育局年报",
        } }),
    )
}

#[test]
fn r30_2_export_checked_before_the_dialog_and_a_cancelled_save_exports_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let (_app, w) = school(tmp.path(), None);
    // Refused before the dialog: a dialog that cancels would have answered null instead.
    let refused = export(&w, "roster", "  ", None).unwrap_err();
    assert_eq!(refused["ruleId"], "R30.2", "{refused}");
    let undated = export(&w, "roster", "西教〔2026〕12号", None).unwrap_err();
    assert!(undated["fields"]["approvedOn"].is_string(), "{undated}");
    // Checked, then cancelled in the dialog: nothing made, nothing audited.
    let approved = export(&w, "roster", "西教〔2026〕12号", Some("2026-12-01"));
    assert_eq!(approved.unwrap(), Value::Null);
    assert!(export_rows(&w).is_empty(), "{:?}", export_rows(&w));
}

#[test]
fn r30_1_export_made_and_audited_once_the_location_is_chosen() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("统计.xlsx");
    let (_app, w) = school(tmp.path(), Some(target.clone()));
    // Statistics hold no personal data: no approval needed (R30.2), the purpose still recorded.
    let saved = export(&w, "statistics", "", None).unwrap();
    assert_eq!(saved["path"], target.display().to_string());
    assert!(std::fs::read(&target).unwrap().starts_with(b"PK"));
    let rows = export_rows(&w);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(
        rows[0].contains("disclosure:no_personal_data approval:-"),
        "{rows:?}"
    );
    assert!(rows[0].contains("purpose:区教育局年报"), "{rows:?}");
}

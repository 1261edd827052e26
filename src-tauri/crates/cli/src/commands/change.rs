//! `xueji change submit|decide|list|show|withdraw|appeal|proof`: the same applications as the desktop's 学籍变动 wizards.

use std::fmt::Write as _;
use std::path::Path;

use chrono::NaiveDate;
use serde_json::json;
use xueji_app::changes::{
    AppealDecisionInput, AppealInput, ApplicationView, ChangeInput, ChangeListInput, ChangeRequest,
    DecideInput, Decision, ProofAddInput, ProofKind, ProofUpload,
};
use xueji_app::picked_file::PickedKind;
use xueji_app::{App, Session};

use crate::error::{CliError, Result};
use crate::output;

/// The JSON file of `change submit --from`: a change request without the student (schema
/// `change-submit`).
#[derive(serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub(crate) struct SubmitFile {
    /// The change: `type` names it (`approve_enrolment`, `leave`, `transfer_out` …).
    change: ChangeRequest,
    /// The date the change takes effect (the application's date).
    effective_on: NaiveDate,
    /// Why, in the registrar's words.
    note: Option<String>,
}

/// What a change command prints (schema `application`).
#[derive(serde::Serialize, specta::Type)]
pub(crate) struct ApplicationOut {
    pub ok: bool,
    pub application: ApplicationView,
}

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding (the IPC format of uploads).
fn base64(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(BASE64[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn mime(path: &Path) -> &'static str {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("pdf") => "application/pdf",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("png") => "image/png",
        _ => "application/octet-stream",
    }
}

fn upload(kind: Option<ProofKind>, path: &Path) -> Result<ProofUpload> {
    let data = crate::commands::read_picked(path, PickedKind::Attachment)?;
    Ok(ProofUpload {
        kind,
        file_name: path
            .file_name()
            .map_or_else(|| "file".to_owned(), |n| n.to_string_lossy().into_owned()),
        mime: mime(path).to_owned(),
        data_base64: base64(&data),
    })
}

pub(crate) fn date(app: &App, text: Option<&str>) -> Result<NaiveDate> {
    text.map_or_else(
        || Ok(app.today()),
        |t| {
            NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d")
                .map_err(|_| CliError::Usage(format!("日期格式应为 YYYY-MM-DD：{t}")))
        },
    )
}

/// The JSON of a change command: `{"ok": true, "application": …}` (schema `application`).
fn shown(v: ApplicationView) -> serde_json::Value {
    serde_json::to_value(ApplicationOut {
        ok: true,
        application: v,
    })
    .unwrap_or_default()
}

fn describe(v: &ApplicationView) -> String {
    let mut text = format!(
        "申请 {}：{} {}（{}）",
        v.row.id, v.row.student_name, v.row.change_label, v.row.state_label
    );
    for s in &v.steps {
        let _ = write!(
            text,
            "\n  [{}] {} {}{}{}",
            s.ordinal,
            s.label,
            s.wording.decision_zh(s.decision),
            s.decided_on.map(|d| format!(" {d}")).unwrap_or_default(),
            s.reference
                .as_deref()
                .map(|r| format!(" {r}"))
                .unwrap_or_default()
        );
    }
    for m in &v.missing_proofs {
        let _ = write!(text, "\n  缺少材料：{}", m.label);
    }
    if let Some(o) = &v.overdue {
        let _ = write!(
            text,
            "\n  已逾期 {} 个工作日（R13.3）",
            o.overdue_working_days
        );
    }
    if let Some(a) = &v.appeal {
        let outcome = match a.upheld {
            None => "待复查".to_owned(),
            Some(true) => format!(
                "{} 维持处分",
                a.decided_on.map(|d| d.to_string()).unwrap_or_default()
            ),
            Some(false) => format!(
                "{} 撤销处分",
                a.decided_on.map(|d| d.to_string()).unwrap_or_default()
            ),
        };
        let _ = write!(text, "\n  申诉：{} 提出，{outcome}", a.filed_on);
    }
    for w in &v.warnings {
        let _ = write!(text, "\n  提示：{}（{}）", w.message, w.rule);
    }
    text
}

pub async fn submit(
    app: &App,
    session: &Session,
    json: bool,
    student: Option<&str>,
    from: &Path,
    proofs: &[String],
) -> Result<()> {
    let file: SubmitFile = crate::json_file::parse(from, "变动内容")?;
    let student_id = match student {
        Some(key) => Some(super::student::resolve(app, session, key).await?),
        None => None,
    };
    let proofs = proofs
        .iter()
        .map(|kv| {
            let (kind, path) = kv
                .split_once('=')
                .ok_or_else(|| CliError::Usage(format!("--proof 应为 种类=文件：{kv}")))?;
            let kind: ProofKind = serde_json::from_value(json!(kind.trim()))
                .map_err(|_| CliError::Usage(format!("未知的证明材料种类：{kind}")))?;
            upload(Some(kind), Path::new(path))
        })
        .collect::<Result<Vec<_>>>()?;
    let v = app
        .change_submit(
            session,
            &ChangeInput {
                student_id,
                change: file.change,
                effective_on: file.effective_on,
                proofs,
                note: file.note,
            },
        )
        .await?;
    output::success(json, &describe(&v), shown(v));
    Ok(())
}

/// A step's decision as the command line gives it.
pub struct Decided {
    pub application: i64,
    pub step: u32,
    /// The reason of a rejection.
    pub reject: Option<String>,
    pub skip: bool,
    pub on: Option<String>,
    pub reference: Option<String>,
}

/// `change decide`: `proof` is the scanned decision, or with its kind a proof still missing.
pub async fn decide(
    app: &App,
    session: &Session,
    json: bool,
    d: Decided,
    proof: Option<(&Path, Option<ProofKind>)>,
) -> Result<()> {
    let decision = match (&d.reject, d.skip) {
        (Some(_), _) => Decision::Reject,
        (None, true) => Decision::Skip,
        (None, false) => Decision::Approve,
    };
    let v = app
        .change_decide(
            session,
            &DecideInput {
                application_id: d.application,
                step: d.step,
                decision,
                on: date(app, d.on.as_deref())?,
                reference: d.reference,
                reason: d.reject,
                proof: proof.map(|(p, kind)| upload(kind, p)).transpose()?,
            },
        )
        .await?;
    output::success(json, &describe(&v), shown(v));
    Ok(())
}

/// `change appeal file`: the family's appeal against a sanction (R22.2).
pub async fn appeal_file(
    app: &App,
    session: &Session,
    json: bool,
    application: i64,
    grounds: &str,
    on: Option<NaiveDate>,
) -> Result<()> {
    let v = app
        .change_appeal_file(
            session,
            &AppealInput {
                application_id: application,
                on: on.unwrap_or_else(|| app.today()),
                grounds: grounds.to_owned(),
            },
        )
        .await?;
    output::success(json, &format!("已登记申诉。{}", describe(&v)), shown(v));
    Ok(())
}

/// `change appeal decide`: the bureau's decision; a revoked sanction is lifted from that day.
pub async fn appeal_decide(
    app: &App,
    session: &Session,
    json: bool,
    application: i64,
    upheld: bool,
    on: Option<NaiveDate>,
) -> Result<()> {
    let v = app
        .change_appeal_decide(
            session,
            &AppealDecisionInput {
                application_id: application,
                on: on.unwrap_or_else(|| app.today()),
                upheld,
            },
        )
        .await?;
    let what = if upheld {
        "复查决定：维持处分。"
    } else {
        "复查决定：撤销处分。"
    };
    output::success(json, &format!("{what}{}", describe(&v)), shown(v));
    Ok(())
}

/// `change proof add`: a proof added to an application in progress.
pub async fn proof_add(
    app: &App,
    session: &Session,
    json: bool,
    application: i64,
    kind: ProofKind,
    file: &Path,
) -> Result<()> {
    let v = app
        .change_proof_add(
            session,
            &ProofAddInput {
                application_id: application,
                proof: upload(Some(kind), file)?,
            },
        )
        .await?;
    output::success(json, &format!("已补交材料。{}", describe(&v)), shown(v));
    Ok(())
}

pub async fn list(
    app: &App,
    session: &Session,
    json: bool,
    student: Option<&str>,
    mut input: ChangeListInput,
) -> Result<()> {
    if let Some(key) = student {
        input.student_id = Some(super::student::resolve(app, session, key).await?);
    }
    let page = app.change_list(session, &input).await?;
    let mut text = format!("共 {} 项", page.total);
    for r in &page.rows {
        let _ = write!(
            text,
            "\n{}\t{}\t{}\t{}\t{}{}",
            r.id,
            r.student_name,
            r.change_label,
            r.state_label,
            r.current_step_label.as_deref().unwrap_or(""),
            r.overdue_working_days
                .map(|d| format!("（逾期 {d} 个工作日）"))
                .unwrap_or_default()
        );
    }
    output::success(json, &text, json!({ "page": page }));
    Ok(())
}

/// `change withdraw`: withdraws an application not yet decided, with the reason.
pub async fn withdraw(
    app: &App,
    session: &Session,
    json: bool,
    application: i64,
    reason: &str,
) -> Result<()> {
    let v = app
        .change_withdraw(
            session,
            &xueji_app::changes::WithdrawInput {
                application_id: application,
                reason: reason.to_owned(),
            },
        )
        .await?;
    output::success(json, &format!("已撤回。{}", describe(&v)), shown(v));
    Ok(())
}

pub async fn show(app: &App, session: &Session, json: bool, application: i64) -> Result<()> {
    let v = app.change_show(session, application).await?;
    output::success(json, &describe(&v), shown(v));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::base64;

    #[test]
    fn base64_matches_the_standard_alphabet_and_padding() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64("学籍".as_bytes()), "5a2m57GN");
    }
}

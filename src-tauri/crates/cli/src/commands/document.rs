//! `xueji document list|void|hand-out`: the issued-document log (文书发放登记). Every print is
//! numbered there; a spoiled one is voided with its reason; a certificate's hand-out is recorded,
//! after which it is never voided or reprinted (R26.2).

use std::fmt::Write as _;

use serde_json::json;
use xueji_app::documents::{DocumentLogFilter, IssuedDocumentRow};
use xueji_app::{App, Session};

use crate::args::DocumentCommand;
use crate::error::Result;
use crate::output;

fn line(r: &IssuedDocumentRow) -> String {
    let mut text = format!(
        "{}\t{}\t学生 {}\t{} {}",
        r.serial,
        r.kind_label,
        r.student_id
            .map_or_else(|| "—".to_owned(), |id| id.to_string()),
        r.issued_at.format("%Y-%m-%d"),
        r.issued_by
    );
    if r.voided {
        let _ = write!(
            text,
            "\t已作废（{}）",
            r.void_reason.as_deref().unwrap_or_default()
        );
    }
    if let Some(on) = r.handed_out_on {
        let _ = write!(text, "\t{on} 已发放");
    }
    text
}

pub async fn run(app: &App, session: &Session, json: bool, cmd: DocumentCommand) -> Result<()> {
    match cmd {
        DocumentCommand::List {
            kind,
            student,
            year,
            include_voided,
            page,
            page_size,
        } => {
            let student_id = match student.as_deref() {
                Some(key) => Some(super::student::resolve(app, session, key).await?),
                None => None,
            };
            let filter = DocumentLogFilter {
                kind,
                student_id,
                year,
                include_voided,
                page,
                page_size,
            };
            let found = app.document_log(session, &filter).await?;
            let mut text = format!("共 {} 份", found.total);
            for r in &found.rows {
                let _ = write!(text, "\n{}", line(r));
            }
            output::success(
                json,
                &text,
                json!({ "total": found.total, "rows": found.rows }),
            );
        }
        DocumentCommand::Void { serial, reason } => {
            let r = app.document_void(session, &serial, &reason).await?;
            output::success(
                json,
                &format!("已作废：{}", line(&r)),
                json!({ "document": r }),
            );
        }
        DocumentCommand::HandOut { serial, on } => {
            let on = super::change::date(app, on.as_deref())?;
            let r = app.document_hand_out(session, &serial, on).await?;
            output::success(
                json,
                &format!("已登记发放：{}", line(&r)),
                json!({ "document": r }),
            );
        }
    }
    Ok(())
}

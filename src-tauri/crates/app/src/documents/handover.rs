//! The 学籍档案移交清单 of a hand-over (R9.1 升学, R18.2 随迁子女辍学), filled from the records
//! handed over: one row per archive, the receiver named at the top.

use chrono::NaiveDate;
use xueji_domain::PrintKind;
use xueji_print::documents::handover_list::{HandoverEntry, HandoverKind, HandoverList};

use super::fill::{self, StudentData};
use crate::error::{AppError, Result};
use crate::settings::SchoolProfile;

/// The list of `kind` for `students`, handed to `receiver`, numbered `serial`.
pub(crate) fn list(
    kind: PrintKind,
    students: &[StudentData],
    school: &SchoolProfile,
    receiver: &str,
    serial: &str,
    today: NaiveDate,
) -> Result<HandoverList> {
    let list_kind = match kind {
        PrintKind::ProgressionHandoverList => HandoverKind::Progression,
        PrintKind::MigrantHandoverList => HandoverKind::MigrantDropout,
        _ => return Err(AppError::internal("不是移交清单")),
    };
    let receiver = receiver.trim();
    if receiver.is_empty() {
        return Err(AppError::validation("receiver", "请填写接收单位"));
    }
    let mut entries = Vec::with_capacity(students.len());
    for d in students {
        let detail = match list_kind {
            HandoverKind::Progression => {
                let status = crate::record::status_of(&d.row)?;
                let on = d
                    .completion
                    .as_ref()
                    .map(|c| c.on_date)
                    .or(d.row.last_change_on);
                match on {
                    Some(on) => format!(
                        "{}（{}）",
                        status.label_zh(),
                        xueji_print::layout::date_zh(on)
                    ),
                    None => status.label_zh().to_owned(),
                }
            }
            HandoverKind::MigrantDropout => d.row.hukou_address.clone(),
        };
        entries.push(HandoverEntry {
            student: fill::student_block(&d.row, school, today)?,
            detail,
        });
    }
    Ok(HandoverList {
        kind: list_kind,
        serial: serial.to_owned(),
        school: school.name.clone(),
        receiver: receiver.to_owned(),
        entries,
        printed_on: today,
    })
}

//! Printing (item 8): every document of the print crate filled from the database, numbered in the
//! `issued_document` log (`2025-CERT-000123`: per kind per year) and audited (R30.1: action
//! `print`, the kind, the student ids and the serials; never a name). A lost certificate is never
//! reprinted (R26.2): the completion proof is printed instead; a spoiled print is voided with a
//! reason and may then be printed again.

mod application_form;
mod approval_form;
pub mod fill;
mod handover;
pub mod kinds;
pub(crate) mod leave_order;
mod load;
mod register;
mod reprint;
pub(crate) mod sanction;

pub use kinds::PrintKind;
pub(crate) use load::{load_students, select_ids};
pub(crate) use register::log_issue;
use register::next_serials;
use xueji_domain::AuditAction;

use std::collections::BTreeMap;
use xueji_domain::rules;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use sea_orm::{ConnectionTrait, TransactionTrait};
use xueji_domain::ChangeKind;
use xueji_print::Document;
use xueji_print::documents::change_statistics::ChangeStatistics;
use xueji_store::entities::{application, issued_document};
use xueji_store::repo::{applications, documents, users};

use crate::app::App;
use crate::audit;
use crate::auth::{Permission, Session};
use crate::disclosure::{self, ApprovalInput};
use crate::error::{AppError, Result};
use crate::views::{Page, snake};
use fill::StudentData;
use xueji_domain::security::Disclosure;

/// Ids per `IN (…)` list.
pub(crate) const ID_CHUNK: usize = 5000;

/// Which students a batch print covers when no ids are given.
#[derive(Clone, Debug, Default, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BatchFilter {
    pub grade: Option<u8>,
    pub class_name: Option<String>,
    /// Status codes (`enrolled`, `graduated` …); empty means any.
    #[serde(default)]
    pub statuses: Vec<String>,
    /// Include archived (ended, transferred-out) records.
    #[serde(default)]
    pub include_archived: bool,
}

/// What to print.
#[derive(Clone, Debug, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DocumentRequest {
    pub kind: PrintKind,
    /// The students; when empty, `filter` selects them (ignored by the change statistics).
    #[serde(default)]
    pub student_ids: Vec<i64>,
    pub filter: Option<BatchFilter>,
    /// For certificates: 整页打印 or 套打 and the printer whose offset applies; the print
    /// settings when empty.
    #[serde(default)]
    pub certificate: Option<crate::printing::CertificatePrint>,
    /// The bureau's written approval, needed to print the whole school (R30.2); a grade, a class
    /// or chosen students need none.
    #[serde(default)]
    pub approval: Option<ApprovalInput>,
}

/// The printed PDF and the serials it was numbered with.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PrintedView {
    pub kind: PrintKind,
    pub pdf: Vec<u8>,
    pub serials: Vec<String>,
    pub documents: u32,
}

/// A hand-out to record: the document's serial and the day it was handed out.
#[derive(Clone, Debug, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct HandOutInput {
    pub serial: String,
    pub on: NaiveDate,
}

/// Filters of the issued-document log.
#[derive(Clone, Debug, Default, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DocumentLogFilter {
    pub kind: Option<PrintKind>,
    pub student_id: Option<i64>,
    /// Calendar year of issue.
    pub year: Option<i32>,
    #[serde(default)]
    pub include_voided: bool,
    /// 1-based.
    pub page: u32,
    pub page_size: u32,
}

/// One line of the issued-document log.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct IssuedDocumentRow {
    pub id: i64,
    pub serial: String,
    pub kind: PrintKind,
    pub kind_label: String,
    pub student_id: Option<i64>,
    pub target: Option<String>,
    pub issued_at: DateTime<Utc>,
    pub issued_by: String,
    pub voided: bool,
    pub voided_at: Option<DateTime<Utc>>,
    pub voided_by: Option<String>,
    pub void_reason: Option<String>,
    /// When it was handed out (certificates and proofs, R26.2).
    pub handed_out_on: Option<NaiveDate>,
    pub handed_out_by: Option<String>,
    /// The approver who agreed to reprint this voided certificate.
    pub reprint_approved_by: Option<String>,
    /// The serial printed in its place.
    pub replaced_by: Option<String>,
}

impl From<issued_document::Model> for IssuedDocumentRow {
    fn from(d: issued_document::Model) -> Self {
        Self {
            id: d.id,
            kind_label: d.kind.label_zh().to_owned(),
            serial: d.serial,
            kind: d.kind,
            student_id: d.student_id,
            target: d.target,
            issued_at: d.issued_at,
            issued_by: d.issued_by,
            voided: d.voided,
            voided_at: d.voided_at,
            voided_by: d.voided_by,
            void_reason: d.void_reason,
            handed_out_on: d.handed_out_on,
            handed_out_by: d.handed_out_by,
            reprint_approved_by: d.reprint_approved_by,
            replaced_by: d.replaced_by,
        }
    }
}

fn print_error(e: xueji_print::PrintError) -> AppError {
    match e {
        xueji_print::PrintError::MissingGlyph { ref field, .. } => {
            AppError::validation(field, e.to_string())
        }
        other => AppError::internal(other.to_string()),
    }
}

/// `students:1,2,3` (ids only).
fn id_list(students: &[StudentData]) -> String {
    let ids: Vec<String> = students.iter().map(|d| d.row.id.to_string()).collect();
    format!("students:{}", ids.join(","))
}

/// The change counts per kind for the four semesters up to today (R4.1).
async fn change_statistics<C: ConnectionTrait>(
    db: &C,
    school: &str,
    today: NaiveDate,
) -> Result<ChangeStatistics> {
    let year = xueji_domain::SchoolYear::containing(today).start_year();
    let date = |y: i32, m: u32| NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(today);
    // (label, from, until): 第一学期 September–January, 第二学期 February–August.
    let semesters: Vec<(String, NaiveDate, NaiveDate)> = [year - 1, year]
        .into_iter()
        .flat_map(|y| {
            [
                (format!("{y}学年第一学期"), date(y, 9), date(y + 1, 2)),
                (format!("{y}学年第二学期"), date(y + 1, 2), date(y + 1, 9)),
            ]
        })
        .collect();
    let from = semesters[0].1;
    let until = semesters[semesters.len() - 1].2;
    let events = xueji_store::repo::events::kinds_between(db, from, until).await?;
    let mut counts: BTreeMap<usize, Vec<u32>> = BTreeMap::new();
    for (kind, on) in events {
        let Some(pos) = ChangeKind::ALL.iter().position(|x| x.code() == kind) else {
            continue;
        };
        if let Some(s) = semesters.iter().position(|(_, a, b)| on >= *a && on < *b) {
            counts
                .entry(pos)
                .or_insert_with(|| vec![0; semesters.len()])[s] += 1;
        }
    }
    Ok(ChangeStatistics {
        school: school.to_owned(),
        semesters: semesters.iter().map(|(l, _, _)| l.clone()).collect(),
        rows: counts
            .into_iter()
            .map(|(pos, c)| (ChangeKind::ALL[pos].label_zh().to_owned(), c))
            .collect(),
        printed_on: today,
    })
}

impl App {
    /// Prints a document for students (or a batch selected by a filter), numbered and audited.
    pub async fn document_print(
        &self,
        session: &Session,
        request: &DocumentRequest,
    ) -> Result<PrintedView> {
        self.document_print_with_progress(session, request, &mut |_, _| {})
            .await
    }

    /// Like [`App::document_print`], reporting `progress(done, total)` per document drawn.
    pub async fn document_print_with_progress(
        &self,
        session: &Session,
        request: &DocumentRequest,
        progress: &mut (dyn FnMut(usize, usize) + Send),
    ) -> Result<PrintedView> {
        self.authorize(session, Permission::PrintDocuments).await?;
        let kind = request.kind;
        if !kind.on_print_page() {
            return Err(AppError::validation(
                "kind",
                format!("{}随移交一并打印：请在“档案交换”中打印", kind.label_zh()),
            ));
        }
        let (ids, target) = if kind == PrintKind::ChangeStatistics {
            (Vec::new(), "school".to_owned())
        } else if request.student_ids.is_empty() {
            let f = request.filter.clone().unwrap_or_default();
            let ids = select_ids(self.db(), &f).await?;
            let grade = f.grade.map(|g| format!("grade:{g} ")).unwrap_or_default();
            let class = f
                .class_name
                .as_deref()
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(|c| format!("class:{c} "))
                .unwrap_or_default();
            (ids, format!("{grade}{class}"))
        } else {
            let mut seen = std::collections::HashSet::new();
            let ids: Vec<i64> = request
                .student_ids
                .iter()
                .copied()
                .filter(|id| seen.insert(*id))
                .collect();
            (ids, String::new())
        };
        if kind != PrintKind::ChangeStatistics && ids.is_empty() {
            return Err(AppError::validation("studentIds", "没有要打印的学生"));
        }
        let whole_school = kind != PrintKind::ChangeStatistics
            && request.student_ids.is_empty()
            && target.is_empty();
        let target = if whole_school {
            // Every record of the school at once is 对外提供 in bulk (R30.2).
            let approval = disclosure::check(
                Disclosure::External,
                u32::try_from(ids.len()).unwrap_or(u32::MAX),
                &request.approval.clone().unwrap_or_default(),
                self.today(),
            )
            .map_err(|e| {
                let message = format!("打印全校学生的{}：{}", kind.label_zh(), e.message);
                AppError { message, ..e }
            })?;
            format!(
                "whole_school disclosure:external {} ",
                disclosure::audit_words(approval.as_ref())
            )
        } else {
            target
        };
        let students = load_students(self.db(), &ids).await?;
        let target = if kind == PrintKind::ChangeStatistics {
            target
        } else {
            format!("{target}{}", id_list(&students))
        };
        let mode = self.certificate_mode(request.certificate.as_ref()).await?;
        self.print_students(session, kind, &students, &target, None, mode, progress)
            .await
    }

    /// Numbers, renders, logs and audits documents of one kind for loaded students. `receiver`
    /// names who receives a hand-over list.
    #[allow(clippy::too_many_arguments)]
    pub(crate) async fn print_students(
        &self,
        session: &Session,
        kind: PrintKind,
        students: &[StudentData],
        target: &str,
        receiver: Option<&str>,
        mode: xueji_print::documents::certificate::PrintMode,
        progress: &mut (dyn FnMut(usize, usize) + Send),
    ) -> Result<PrintedView> {
        let config = self.config();
        let school = &config.school_profile;
        let today = self.today();
        let now = self.now();
        let txn = self.db().begin().await?;
        // R26.2: a certificate is printed once; a voided misprint again only after approval.
        let replaces = if kind == PrintKind::Certificate {
            reprint::certificate_permits(&txn, students).await?
        } else {
            Vec::new()
        };
        let n = if kind.per_student() {
            students.len()
        } else {
            1
        };
        let serials = next_serials(&txn, kind, today.year(), n).await?;
        let mut docs: Vec<Box<dyn Document + Send>> = Vec::with_capacity(n);
        match kind {
            PrintKind::Roster => {
                let class = students
                    .first()
                    .map(|d| fill::class_label(&d.row))
                    .unwrap_or_default();
                docs.push(Box::new(fill::roster(students, school, &class, today)?));
            }
            PrintKind::ChangeStatistics => {
                docs.push(Box::new(
                    change_statistics(&txn, &school.name, today).await?,
                ));
            }
            PrintKind::MigrantHandoverList | PrintKind::ProgressionHandoverList => {
                let serial = serials.first().map(String::as_str).unwrap_or_default();
                docs.push(Box::new(handover::list(
                    kind,
                    students,
                    school,
                    receiver.unwrap_or_default(),
                    serial,
                    today,
                )?));
            }
            _ => {
                let recorded = if kinds::approval(kind).is_some() {
                    let app_ids: Vec<i64> = students
                        .iter()
                        .flat_map(|d| d.applications.iter().map(|a| a.id))
                        .collect();
                    approval_form::Recorded {
                        steps: applications::steps_of_many(&txn, app_ids).await?,
                        names: users::all(&txn)
                            .await?
                            .into_iter()
                            .map(|u| (u.username, u.display_name))
                            .collect(),
                    }
                } else {
                    approval_form::Recorded::default()
                };
                for (d, serial) in students.iter().zip(&serials) {
                    docs.push(
                        self.student_document(&txn, kind, d, serial, &recorded, today, mode)
                            .await?,
                    );
                }
            }
        }
        // The borrowed list ends before the next await: the future stays `Send` (Tauri runs
        // commands on a thread pool).
        let pdf = {
            let refs: Vec<&dyn Document> =
                docs.iter().map(|d| d.as_ref() as &dyn Document).collect();
            xueji_print::batch::render(&refs, progress).map_err(print_error)?
        };
        let documents = u32::try_from(docs.len()).unwrap_or(u32::MAX);
        drop(docs);
        let rows: Vec<issued_document::Model> = serials
            .iter()
            .enumerate()
            .map(|(i, serial)| issued_document::Model {
                id: 0,
                serial: serial.clone(),
                kind,
                student_id: if kind.per_student() {
                    students.get(i).map(|d| d.row.id)
                } else {
                    None
                },
                issued_at: now,
                issued_by: session.username.clone(),
                voided: false,
                target: (!kind.per_student()).then(|| target.to_owned()),
                voided_at: None,
                voided_by: None,
                void_reason: None,
                handed_out_on: None,
                handed_out_by: None,
                reprint_approved_by: None,
                reprint_approved_at: None,
                replaced_by: None,
            })
            .collect();
        documents::insert_many(&txn, rows).await?;
        for (old, new) in replaces.iter().zip(&serials) {
            if let Some(old) = old {
                documents::set_replaced_by(&txn, old, new).await?;
            }
        }
        let range = match (serials.first(), serials.last()) {
            (Some(a), Some(b)) if a != b => format!("{a}..{b}"),
            (Some(a), _) => a.clone(),
            _ => String::new(),
        };
        audit::append(
            &txn,
            &session.username,
            AuditAction::Print,
            &format!("kind:{} {target} serials:{range}", snake(&kind)),
        )
        .await?;
        txn.commit().await?;
        Ok(PrintedView {
            kind,
            pdf,
            serials,
            documents,
        })
    }

    /// One student's document of `kind`.
    // The certificate's print mode joins the document's context; bundling the eight would only
    // rename them.
    #[allow(clippy::too_many_arguments)]
    async fn student_document<C: ConnectionTrait>(
        &self,
        db: &C,
        kind: PrintKind,
        d: &StudentData,
        serial: &str,
        recorded: &approval_form::Recorded,
        today: NaiveDate,
        mode: xueji_print::documents::certificate::PrintMode,
    ) -> Result<Box<dyn Document + Send>> {
        let config = self.config();
        let school = &config.school_profile;
        if let Some((form, change)) = kinds::approval(kind) {
            let cx = approval_form::FormContext {
                school,
                serial,
                today,
                steps: &recorded.steps,
                names: &recorded.names,
                leave_months: config.profile.leave_months,
                application: None,
            };
            return Ok(Box::new(approval_form::approval_form(
                d, form, change, &cx,
            )?));
        }
        Ok(match kind {
            PrintKind::RecordCard => Box::new(fill::record_card(d, school, today)?),
            PrintKind::Certificate => {
                Box::new(fill::certificate(d, school, &config.profile, today, mode)?)
            }
            PrintKind::CompletionProof => Box::new(fill::completion_proof(
                d,
                school,
                &config.profile,
                serial,
                today,
            )?),
            PrintKind::AttendanceStatement => {
                Box::new(fill::attendance_statement(d, school, serial, today)?)
            }
            PrintKind::DropoutReport => Box::new(fill::dropout_report(d, school, serial, today)?),
            PrintKind::CancellationReport => {
                Box::new(fill::cancellation_report(d, school, serial, today)?)
            }
            PrintKind::SanctionDecision => {
                let row = d.sanctions.last().ok_or_else(|| {
                    AppError::rule(
                        rules::R23_3,
                        "该生没有处分记录（或处分记录已随毕业、结业、肄业消灭）",
                    )
                })?;
                let block = fill::student_block(&d.row, school, today)?;
                Box::new(
                    sanction::decision(db, row, block, serial.to_owned(), &school.county_bureau)
                        .await?,
                )
            }
            PrintKind::LeaveOrder => {
                // R14.2: the student's latest approved ordered leave.
                let a = d
                    .applications
                    .iter()
                    .rev()
                    .find(|a| {
                        a.change_kind == ChangeKind::OrderedLeave.into()
                            && a.state == application::ApplicationState::Approved
                    })
                    .ok_or_else(|| AppError::rule(rules::R14_2, "该生没有已核准的责令休学"))?;
                let block = fill::student_block(&d.row, school, today)?;
                Box::new(leave_order::order(a, &d.row, block, serial.to_owned())?)
            }
            PrintKind::SanctionLiftNotice => {
                let decision =
                    documents::latest_issued_to(db, PrintKind::SanctionDecision, d.row.id)
                        .await?
                        .map(|x| x.serial)
                        .unwrap_or_default();
                Box::new(fill::sanction_lift_notice(
                    d, school, serial, &decision, today,
                )?)
            }
            _ => return Err(AppError::internal("该文书不按学生逐份打印")),
        })
    }

    /// Prints the 毕（结、肄）业证明书 for a student whose certificate is lost (R26.2).
    pub async fn completion_proof(
        &self,
        session: &Session,
        student_id: i64,
    ) -> Result<PrintedView> {
        self.document_print(
            session,
            &DocumentRequest {
                approval: None,
                kind: PrintKind::CompletionProof,
                student_ids: vec![student_id],
                filter: None,
                certificate: None,
            },
        )
        .await
    }

    /// The issued-document log, newest first.
    pub async fn document_log(
        &self,
        session: &Session,
        filter: &DocumentLogFilter,
    ) -> Result<Page<IssuedDocumentRow>> {
        self.authorize(session, Permission::PrintDocuments).await?;
        let page_size = filter.page_size.clamp(1, 200);
        let page = filter.page.max(1);
        let (total, rows) = documents::page(
            self.db(),
            &documents::Filter {
                kind: filter.kind,
                student_id: filter.student_id,
                year: filter.year,
                include_voided: filter.include_voided,
            },
            page,
            page_size,
        )
        .await?;
        audit::record(
            self.db(),
            &session.username,
            AuditAction::View,
            &format!("document_log -> {} of {total}", rows.len()),
        )
        .await?;
        Ok(Page {
            total,
            page,
            page_size,
            rows: rows.into_iter().map(IssuedDocumentRow::from).collect(),
        })
    }
}

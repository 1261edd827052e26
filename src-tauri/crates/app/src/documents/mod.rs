//! Printing (item 8): every document of the print crate filled from the database, numbered in the
//! `issued_document` log (`2025-CERT-000123`: per kind per year) and audited (R30.1: action
//! `print`, the kind, the student ids and the serials; never a name). A lost certificate is never
//! reprinted (R26.2): the completion proof is printed instead; a spoiled print is voided with a
//! reason and may then be printed again.

pub mod fill;

use std::collections::{BTreeMap, HashMap};
use xueji_domain::rules;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, TransactionTrait,
};
use xueji_domain::ChangeKind;
use xueji_print::Document;
use xueji_print::documents::approval::ApprovalKind;
use xueji_print::documents::change_statistics::ChangeStatistics;
use xueji_store::entities::{
    application, application_step, class_placement, completion, family_member, issued_document,
    sanction, student, student_event,
};

use crate::app::App;
use crate::audit;
use crate::auth::{Permission, Session};
use crate::error::{AppError, Result};
use crate::views::{Page, parse_snake, snake};
use fill::StudentData;

/// Ids per `IN (…)` list.
const ID_CHUNK: usize = 5000;

/// Every document the office prints.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, specta::Type,
)]
#[serde(rename_all = "snake_case")]
pub enum PrintKind {
    /// 学籍卡 (R8.2)
    RecordCard,
    /// 班级花名册
    Roster,
    /// 《浙江省义务教育证书》 (R24.1, R26.1)
    Certificate,
    /// 毕（结、肄）业证明书 (R26.2)
    CompletionProof,
    /// 写实性证明 (R27.1)
    AttendanceStatement,
    TransferForm,
    LeaveForm,
    ResumeForm,
    DeferralForm,
    SkipForm,
    RepeatForm,
    BasicDataChangeForm,
    KeyDataChangeForm,
    WithdrawalForm,
    /// 辍学情况报告 (R18.1)
    DropoutReport,
    /// 学籍注销报告 (R19.1)
    CancellationReport,
    /// 处分决定书 (R22.2)
    SanctionDecision,
    /// 解除处分通知书 (R23.2)
    SanctionLiftNotice,
    /// 学籍变动统计表 (R4.1)
    ChangeStatistics,
}

impl PrintKind {
    pub const ALL: [PrintKind; 19] = [
        Self::RecordCard,
        Self::Roster,
        Self::Certificate,
        Self::CompletionProof,
        Self::AttendanceStatement,
        Self::TransferForm,
        Self::LeaveForm,
        Self::ResumeForm,
        Self::DeferralForm,
        Self::SkipForm,
        Self::RepeatForm,
        Self::BasicDataChangeForm,
        Self::KeyDataChangeForm,
        Self::WithdrawalForm,
        Self::DropoutReport,
        Self::CancellationReport,
        Self::SanctionDecision,
        Self::SanctionLiftNotice,
        Self::ChangeStatistics,
    ];

    /// The serial's middle part (`2025-CERT-000123`).
    pub fn code(self) -> &'static str {
        match self {
            Self::RecordCard => "CARD",
            Self::Roster => "ROSTER",
            Self::Certificate => "CERT",
            Self::CompletionProof => "PROOF",
            Self::AttendanceStatement => "ATTEST",
            Self::TransferForm => "TRANSFER",
            Self::LeaveForm => "LEAVE",
            Self::ResumeForm => "RESUME",
            Self::DeferralForm => "DEFER",
            Self::SkipForm => "SKIP",
            Self::RepeatForm => "REPEAT",
            Self::BasicDataChangeForm => "DATA",
            Self::KeyDataChangeForm => "KEYDATA",
            Self::WithdrawalForm => "WITHDRAW",
            Self::DropoutReport => "DROPOUT",
            Self::CancellationReport => "CANCEL",
            Self::SanctionDecision => "SANCTION",
            Self::SanctionLiftNotice => "LIFT",
            Self::ChangeStatistics => "STATS",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Self::RecordCard => "学籍卡",
            Self::Roster => "班级花名册",
            Self::Certificate => "浙江省义务教育证书",
            Self::CompletionProof => "毕（结、肄）业证明书",
            Self::AttendanceStatement => "写实性证明",
            Self::TransferForm => "转学申请表",
            Self::LeaveForm => "休学申请审批表",
            Self::ResumeForm => "复学申请表",
            Self::DeferralForm => "缓学申请审批表",
            Self::SkipForm => "跳级申请审批表",
            Self::RepeatForm => "留级申请审批表",
            Self::BasicDataChangeForm => "学生基础信息变更申请表",
            Self::KeyDataChangeForm => "学生基础信息变更申请表（姓名、身份证件号码）",
            Self::WithdrawalForm => "退学申请审批表",
            Self::DropoutReport => "辍学情况报告",
            Self::CancellationReport => "学籍注销报告",
            Self::SanctionDecision => "处分决定书",
            Self::SanctionLiftNotice => "解除处分通知书",
            Self::ChangeStatistics => "学籍变动统计表",
        }
    }

    /// One document (and one serial) per student; the roster and the statistics are one each.
    pub fn per_student(self) -> bool {
        !matches!(self, Self::Roster | Self::ChangeStatistics)
    }

    /// The approval form and the change it is for.
    fn approval(self) -> Option<(ApprovalKind, ChangeKind)> {
        Some(match self {
            Self::TransferForm => (ApprovalKind::Transfer, ChangeKind::TransferOut),
            Self::LeaveForm => (ApprovalKind::Leave, ChangeKind::Leave),
            Self::ResumeForm => (ApprovalKind::Resume, ChangeKind::Resume),
            Self::DeferralForm => (ApprovalKind::Deferral, ChangeKind::Defer),
            Self::SkipForm => (ApprovalKind::Skip, ChangeKind::Skip),
            Self::RepeatForm => (ApprovalKind::Repeat, ChangeKind::Repeat),
            Self::BasicDataChangeForm => {
                (ApprovalKind::BasicDataChange, ChangeKind::CorrectBasicData)
            }
            Self::KeyDataChangeForm => (ApprovalKind::KeyDataChange, ChangeKind::CorrectKeyData),
            Self::WithdrawalForm => (ApprovalKind::Withdrawal, ChangeKind::Withdraw),
            _ => return None,
        })
    }
}

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
    pub kind: String,
    pub kind_label: String,
    pub student_id: Option<i64>,
    pub target: Option<String>,
    pub issued_at: DateTime<Utc>,
    pub issued_by: String,
    pub voided: bool,
    pub voided_at: Option<DateTime<Utc>>,
    pub voided_by: Option<String>,
    pub void_reason: Option<String>,
}

impl From<issued_document::Model> for IssuedDocumentRow {
    fn from(d: issued_document::Model) -> Self {
        Self {
            id: d.id,
            kind_label: parse_snake::<PrintKind>(&d.kind)
                .map_or_else(|| d.kind.clone(), |k| k.label_zh().to_owned()),
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
        }
    }
}

/// Loads everything a document may print about these students, in the order of `ids`.
pub(crate) async fn load_students<C: ConnectionTrait>(
    db: &C,
    ids: &[i64],
) -> Result<Vec<StudentData>> {
    let mut rows: HashMap<i64, StudentData> = HashMap::with_capacity(ids.len());
    for part in ids.chunks(ID_CHUNK) {
        let part = part.to_vec();
        for m in student::Entity::find()
            .filter(student::Column::Id.is_in(part.clone()))
            .all(db)
            .await?
        {
            rows.insert(
                m.id,
                StudentData {
                    row: m,
                    family: Vec::new(),
                    events: Vec::new(),
                    placements: Vec::new(),
                    completion: None,
                    sanctions: Vec::new(),
                    applications: Vec::new(),
                },
            );
        }
        for f in family_member::Entity::find()
            .filter(family_member::Column::StudentId.is_in(part.clone()))
            .order_by_asc(family_member::Column::Ordinal)
            .all(db)
            .await?
        {
            if let Some(d) = rows.get_mut(&f.student_id) {
                d.family.push(f);
            }
        }
        for e in student_event::Entity::find()
            .filter(student_event::Column::StudentId.is_in(part.clone()))
            .order_by_asc(student_event::Column::OnDate)
            .order_by_asc(student_event::Column::Id)
            .all(db)
            .await?
        {
            if let Some(d) = rows.get_mut(&e.student_id) {
                d.events.push(e);
            }
        }
        for p in class_placement::Entity::find()
            .filter(class_placement::Column::StudentId.is_in(part.clone()))
            .order_by_asc(class_placement::Column::SchoolYear)
            .all(db)
            .await?
        {
            if let Some(d) = rows.get_mut(&p.student_id) {
                d.placements.push(p);
            }
        }
        for c in completion::Entity::find()
            .filter(completion::Column::StudentId.is_in(part.clone()))
            .order_by_asc(completion::Column::Id)
            .all(db)
            .await?
        {
            if let Some(d) = rows.get_mut(&c.student_id) {
                d.completion = Some(c);
            }
        }
        for s in sanction::Entity::find()
            .filter(sanction::Column::StudentId.is_in(part.clone()))
            .order_by_asc(sanction::Column::DecidedOn)
            .all(db)
            .await?
        {
            if let Some(d) = rows.get_mut(&s.student_id) {
                d.sanctions.push(s);
            }
        }
        for a in application::Entity::find()
            .filter(application::Column::StudentId.is_in(part))
            .order_by_asc(application::Column::OpenedOn)
            .order_by_asc(application::Column::Id)
            .all(db)
            .await?
        {
            if let Some(d) = a.student_id.and_then(|id| rows.get_mut(&id)) {
                d.applications.push(a);
            }
        }
    }
    ids.iter()
        .map(|id| {
            rows.remove(id)
                .ok_or_else(|| AppError::not_found(format!("学生（编号 {id}）")))
        })
        .collect()
}

/// The ids a filter selects, ordered by grade, class and name.
pub(crate) async fn select_ids<C: ConnectionTrait>(db: &C, f: &BatchFilter) -> Result<Vec<i64>> {
    let mut q = student::Entity::find()
        .select_only()
        .column(student::Column::Id);
    if let Some(g) = f.grade {
        q = q.filter(student::Column::Grade.eq(i32::from(g)));
    }
    if let Some(c) = f
        .class_name
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        q = q.filter(student::Column::ClassName.eq(c));
    }
    if !f.statuses.is_empty() {
        q = q.filter(student::Column::Status.is_in(f.statuses.clone()));
    }
    if !f.include_archived {
        q = q.filter(student::Column::Archived.eq(false));
    }
    Ok(q.order_by_asc(student::Column::Grade)
        .order_by_asc(student::Column::ClassName)
        .order_by_asc(student::Column::NameSearch)
        .order_by_asc(student::Column::Id)
        .into_tuple::<i64>()
        .all(db)
        .await?)
}

/// The next `n` serials of a kind in a year: `2025-CERT-000001` …
async fn next_serials<C: ConnectionTrait>(
    db: &C,
    kind: PrintKind,
    year: i32,
    n: usize,
) -> Result<Vec<String>> {
    let prefix = format!("{year}-{}-", kind.code());
    let last = issued_document::Entity::find()
        .filter(issued_document::Column::Serial.starts_with(&prefix))
        .order_by_desc(issued_document::Column::Serial)
        .one(db)
        .await?;
    let start: u64 = last
        .and_then(|d| d.serial[prefix.len()..].parse().ok())
        .unwrap_or(0);
    Ok((1..=n as u64)
        .map(|i| format!("{prefix}{:06}", start + i))
        .collect())
}

/// Numbers one printed document in the issued-document log (inside the caller's transaction) and
/// returns its serial; for documents printed outside [`App::document_print`].
pub(crate) async fn log_issue<C: ConnectionTrait>(
    db: &C,
    kind: PrintKind,
    student_id: Option<i64>,
    user: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<String> {
    use chrono::Datelike;
    let serial = next_serials(db, kind, now.year(), 1)
        .await?
        .pop()
        .ok_or_else(|| AppError::internal("无法生成文书编号"))?;
    issued_document::ActiveModel {
        serial: Set(serial.clone()),
        kind: Set(snake(&kind)),
        student_id: Set(student_id),
        issued_at: Set(now),
        issued_by: Set(user.to_owned()),
        voided: Set(false),
        target: Set(None),
        voided_at: Set(None),
        voided_by: Set(None),
        void_reason: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(serial)
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
    let events: Vec<(String, NaiveDate)> = student_event::Entity::find()
        .select_only()
        .column(student_event::Column::Kind)
        .column(student_event::Column::OnDate)
        .filter(student_event::Column::OnDate.gte(from))
        .filter(student_event::Column::OnDate.lt(until))
        .into_tuple()
        .all(db)
        .await?;
    let mut counts: BTreeMap<usize, Vec<u32>> = BTreeMap::new();
    for (kind, on) in events {
        let Some(k) = parse_snake::<ChangeKind>(&kind) else {
            continue;
        };
        let Some(pos) = ChangeKind::ALL.iter().position(|x| *x == k) else {
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
        let students = load_students(self.db(), &ids).await?;
        let target = if kind == PrintKind::ChangeStatistics {
            target
        } else {
            format!("{target}{}", id_list(&students))
        };
        self.print_students(session, kind, &students, &target, progress)
            .await
    }

    /// Numbers, renders, logs and audits documents of one kind for loaded students.
    pub(crate) async fn print_students(
        &self,
        session: &Session,
        kind: PrintKind,
        students: &[StudentData],
        target: &str,
        progress: &mut (dyn FnMut(usize, usize) + Send),
    ) -> Result<PrintedView> {
        let config = self.config();
        let school = &config.school_profile;
        let today = self.today();
        let now = self.now();
        let txn = self.db().begin().await?;
        if kind == PrintKind::Certificate {
            // R26.2: a certificate is issued once; a lost one is replaced by a completion proof.
            let ids: Vec<i64> = students.iter().map(|d| d.row.id).collect();
            let mut issued = 0;
            for part in ids.chunks(ID_CHUNK) {
                issued += issued_document::Entity::find()
                    .filter(issued_document::Column::Kind.eq(snake(&kind)))
                    .filter(issued_document::Column::Voided.eq(false))
                    .filter(issued_document::Column::StudentId.is_in(part.to_vec()))
                    .count(&txn)
                    .await?;
            }
            if issued > 0 {
                return Err(AppError::rule(
                    rules::R26_2,
                    format!(
                        "其中{issued}名学生的证书已经发放，证书不补发；遗失的可开具毕（结、肄）业证明书"
                    ),
                ));
            }
        }
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
            _ => {
                let steps = if kind.approval().is_some() {
                    let app_ids: Vec<i64> = students
                        .iter()
                        .flat_map(|d| d.applications.iter().map(|a| a.id))
                        .collect();
                    application_step::Entity::find()
                        .filter(application_step::Column::ApplicationId.is_in(app_ids))
                        .order_by_asc(application_step::Column::Ordinal)
                        .all(&txn)
                        .await?
                } else {
                    Vec::new()
                };
                for (d, serial) in students.iter().zip(&serials) {
                    docs.push(
                        self.student_document(&txn, kind, d, serial, &steps, today)
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
        let rows: Vec<issued_document::ActiveModel> = serials
            .iter()
            .enumerate()
            .map(|(i, serial)| issued_document::ActiveModel {
                serial: Set(serial.clone()),
                kind: Set(snake(&kind)),
                student_id: Set(if kind.per_student() {
                    students.get(i).map(|d| d.row.id)
                } else {
                    None
                }),
                issued_at: Set(now),
                issued_by: Set(session.username.clone()),
                voided: Set(false),
                target: Set((!kind.per_student()).then(|| target.to_owned())),
                voided_at: Set(None),
                voided_by: Set(None),
                void_reason: Set(None),
                ..Default::default()
            })
            .collect();
        for part in rows.chunks(1000) {
            issued_document::Entity::insert_many(part.to_vec())
                .exec_without_returning(&txn)
                .await?;
        }
        let range = match (serials.first(), serials.last()) {
            (Some(a), Some(b)) if a != b => format!("{a}..{b}"),
            (Some(a), _) => a.clone(),
            _ => String::new(),
        };
        audit::append(
            &txn,
            &session.username,
            "print",
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
    async fn student_document<C: ConnectionTrait>(
        &self,
        db: &C,
        kind: PrintKind,
        d: &StudentData,
        serial: &str,
        steps: &[application_step::Model],
        today: NaiveDate,
    ) -> Result<Box<dyn Document + Send>> {
        let config = self.config();
        let school = &config.school_profile;
        if let Some((form, change)) = kind.approval() {
            return Ok(Box::new(fill::approval_form(
                d, form, change, school, serial, today, steps,
            )?));
        }
        Ok(match kind {
            PrintKind::RecordCard => Box::new(fill::record_card(d, school, today)?),
            PrintKind::Certificate => {
                Box::new(fill::certificate(d, school, &config.profile, today)?)
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
                Box::new(fill::sanction_decision(d, school, serial, today)?)
            }
            PrintKind::SanctionLiftNotice => {
                let decision = issued_document::Entity::find()
                    .filter(issued_document::Column::StudentId.eq(d.row.id))
                    .filter(issued_document::Column::Kind.eq(snake(&PrintKind::SanctionDecision)))
                    .filter(issued_document::Column::Voided.eq(false))
                    .order_by_desc(issued_document::Column::Id)
                    .one(db)
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
                kind: PrintKind::CompletionProof,
                student_ids: vec![student_id],
                filter: None,
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
        let mut q = issued_document::Entity::find();
        if let Some(k) = filter.kind {
            q = q.filter(issued_document::Column::Kind.eq(snake(&k)));
        }
        if let Some(id) = filter.student_id {
            q = q.filter(issued_document::Column::StudentId.eq(id));
        }
        if let Some(y) = filter.year {
            q = q.filter(issued_document::Column::Serial.starts_with(format!("{y}-")));
        }
        if !filter.include_voided {
            q = q.filter(issued_document::Column::Voided.eq(false));
        }
        let total = q.clone().count(self.db()).await?;
        let rows = q
            .order_by_desc(issued_document::Column::Id)
            .offset(u64::from(page - 1) * u64::from(page_size))
            .limit(u64::from(page_size))
            .all(self.db())
            .await?;
        audit::record(
            self.db(),
            &session.username,
            "view",
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

    /// Voids an issued document (spoiled or wrong), with the reason. The serial stays in the log.
    pub async fn document_void(
        &self,
        session: &Session,
        serial: &str,
        reason: &str,
    ) -> Result<IssuedDocumentRow> {
        self.authorize(session, Permission::PrintDocuments).await?;
        if reason.trim().is_empty() {
            return Err(AppError::validation("reason", "请填写作废原因"));
        }
        let txn = self.db().begin().await?;
        let row = issued_document::Entity::find()
            .filter(issued_document::Column::Serial.eq(serial.trim()))
            .one(&txn)
            .await?
            .ok_or_else(|| AppError::not_found(format!("编号为{}的文书", serial.trim())))?;
        if row.voided {
            return Err(AppError::conflict(format!("文书{}已作废", row.serial)));
        }
        let mut am = row.into_active_model();
        am.voided = Set(true);
        am.voided_at = Set(Some(self.now()));
        am.voided_by = Set(Some(session.username.clone()));
        am.void_reason = Set(Some(reason.trim().to_owned()));
        let saved = am.update(&txn).await?;
        audit::append(
            &txn,
            &session.username,
            "document_void",
            &format!("serial:{}", saved.serial),
        )
        .await?;
        txn.commit().await?;
        Ok(saved.into())
    }
}

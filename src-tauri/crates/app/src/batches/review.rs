//! The semester review (学期核查, R29.1; the bureau's check of the semester's changes, R4.1): the
//! registrar opens the term's checklist with one line per record on the books, checks the lines,
//! and the school approver signs off — refused while a line is unchecked (`review.rs` of the
//! domain decides).

use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, TransactionTrait};
use xueji_domain::AuditAction;
use xueji_domain::record::StudentRef;
use xueji_domain::review::{Reviewer, SemesterReview};
use xueji_domain::rules;
use xueji_domain::school::{Semester, Term};
use xueji_domain::{SchoolYear, Status};
use xueji_store::entities::semester_review;
use xueji_store::repo::{reviews, student_lists, students};

use crate::app::App;
use crate::audit;
use crate::auth::{Permission, Session};
use crate::error::{AppError, Result};

/// Unchecked lines listed in the progress view.
const LISTED: u64 = 200;

/// Which term to review.
#[derive(Clone, Debug, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ReviewOpenInput {
    /// Start year of the school year.
    pub school_year: i32,
    pub semester: Semester,
}

/// An unchecked line.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ReviewItemView {
    pub student_id: i64,
    pub name: String,
    pub grade: Option<i32>,
    pub class_name: Option<String>,
}

/// Where a review stands.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ReviewProgress {
    pub review_id: i64,
    pub term_label: String,
    pub total: u32,
    pub checked: u32,
    pub unchecked: u32,
    pub signed_off_on: Option<NaiveDate>,
    pub signed_off_by: Option<String>,
    /// The first unchecked lines (up to 200).
    pub unchecked_items: Vec<ReviewItemView>,
}

fn term_of(r: &semester_review::Model) -> Term {
    Term {
        year: SchoolYear(r.school_year),
        semester: r.semester,
        start: r.term_start,
        end: r.term_end,
    }
}

async fn load_review<C: ConnectionTrait>(db: &C, id: i64) -> Result<semester_review::Model> {
    reviews::find(db, id)
        .await?
        .ok_or_else(|| AppError::not_found(format!("学期核查（编号 {id}）")))
}

async fn progress<C: ConnectionTrait>(
    db: &C,
    r: &semester_review::Model,
) -> Result<ReviewProgress> {
    let total = reviews::count_lines(db, r.id).await?;
    let checked = reviews::count_checked(db, r.id).await?;
    let ids = reviews::unchecked_students(db, r.id, LISTED).await?;
    let unchecked_items = students::by_ids_in_id_order(db, ids)
        .await?
        .into_iter()
        .map(|m| ReviewItemView {
            student_id: m.id,
            name: m.name,
            grade: m.grade,
            class_name: m.class_name,
        })
        .collect();
    let n = |x: u64| u32::try_from(x).unwrap_or(u32::MAX);
    Ok(ReviewProgress {
        review_id: r.id,
        term_label: term_of(r).label_zh(),
        total: n(total),
        checked: n(checked),
        unchecked: n(total - checked),
        signed_off_on: r.signed_off_on,
        signed_off_by: r.signed_off_by.clone(),
        unchecked_items,
    })
}

impl App {
    /// Opens the school's review of a term (R29.1): one unchecked line per record on the books.
    pub async fn review_open(
        &self,
        session: &Session,
        input: &ReviewOpenInput,
    ) -> Result<ReviewProgress> {
        self.authorize(session, Permission::ReviewRecords).await?;
        let semester = input.semester;
        let config = self.config();
        let term = config
            .terms
            .iter()
            .find(|t| t.year == SchoolYear(input.school_year) && t.semester == semester)
            .copied()
            .ok_or_else(|| {
                AppError::validation("semester", "请先在“设置—学期”中填写该学期的起止日期")
            })?;
        let txn = self.db().begin().await?;
        let existing =
            reviews::of_term(&txn, input.school_year, semester, Reviewer::School).await?;
        if let Some(r) = existing {
            return Err(AppError::conflict(format!(
                "{}的学籍核查已经开始（编号 {}）",
                term.label_zh(),
                r.id
            )));
        }
        let review = reviews::insert(
            &txn,
            semester_review::Model {
                id: 0,
                school_year: input.school_year,
                semester,
                term_start: term.start,
                term_end: term.end,
                reviewer: Reviewer::School,
                opened_on: self.today(),
                opened_by: session.username.clone(),
                signed_off_on: None,
                signed_off_by: None,
            },
        )
        .await?;
        let read_only: Vec<Status> = Status::ALL
            .into_iter()
            .filter(|s| s.is_read_only())
            .collect();
        let ids = student_lists::on_the_books(&txn, read_only).await?;
        reviews::add_lines(&txn, review.id, &ids).await?;
        audit::append(
            &txn,
            &session.username,
            AuditAction::ReviewOpen,
            &format!("review:{} items:{}", review.id, ids.len()),
        )
        .await?;
        let view = progress(&txn, &review).await?;
        txn.commit().await?;
        Ok(view)
    }

    /// Marks a student's line checked, with an optional note.
    pub async fn review_check(
        &self,
        session: &Session,
        review_id: i64,
        student_id: i64,
        note: Option<&str>,
    ) -> Result<ReviewProgress> {
        self.authorize(session, Permission::ReviewRecords).await?;
        let txn = self.db().begin().await?;
        let review = load_review(&txn, review_id).await?;
        if review.signed_off_on.is_some() {
            return Err(AppError::rule(
                rules::R29_1,
                "本学期核查已经签字确认，不能再修改",
            ));
        }
        let item = reviews::line(&txn, review_id, student_id)
            .await?
            .ok_or_else(|| AppError::not_found(format!("核查清单中的学生（编号 {student_id}）")))?;
        let note = note
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_owned);
        reviews::check(&txn, item, note, &session.username, self.now()).await?;
        audit::append(
            &txn,
            &session.username,
            AuditAction::ReviewCheck,
            &format!("review:{review_id} student:{student_id}"),
        )
        .await?;
        let view = progress(&txn, &review).await?;
        txn.commit().await?;
        Ok(view)
    }

    /// Where a review stands.
    pub async fn review_progress(
        &self,
        session: &Session,
        review_id: i64,
    ) -> Result<ReviewProgress> {
        self.authorize(session, Permission::ViewStudents).await?;
        let review = load_review(self.db(), review_id).await?;
        progress(self.db(), &review).await
    }

    /// Signs the review off (school approver); refused while a line is unchecked (R29.1).
    pub async fn review_sign_off(
        &self,
        session: &Session,
        review_id: i64,
    ) -> Result<ReviewProgress> {
        self.authorize(session, Permission::SignOffReview).await?;
        let txn = self.db().begin().await?;
        let review = load_review(&txn, review_id).await?;
        let items = reviews::lines(&txn, review_id).await?;
        let reviewer = review.reviewer;
        let mut domain = SemesterReview::new(
            term_of(&review),
            reviewer,
            items.iter().map(|(id, _)| StudentRef {
                id: id.to_string(),
                name: String::new(),
            }),
        );
        for (id, checked) in &items {
            if *checked {
                domain.check(&id.to_string(), None);
            }
        }
        if let (Some(on), Some(by)) = (review.signed_off_on, review.signed_off_by.clone()) {
            domain.signed_off = Some((on, by));
        }
        let today = self.today();
        domain.sign_off(today, &session.display_name)?;
        let saved = reviews::sign_off(&txn, review, today, &session.display_name).await?;
        audit::append(
            &txn,
            &session.username,
            AuditAction::ReviewSignOff,
            &format!("review:{review_id} items:{}", items.len()),
        )
        .await?;
        let view = progress(&txn, &saved).await?;
        txn.commit().await?;
        Ok(view)
    }
}

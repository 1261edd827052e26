//! The graduation batch (R24–R26, R23.3): the registrar enters each last-grade student's results
//! and 学籍辅号; the preview computes 毕业 / 结业 / 肄业 (R25.1–R25.3) and flags a missing or
//! malformed 辅号 (R26.1) and students not in the last grade; the confirmation records the school's
//! review and the bureau's approval (its 文号) for every student, applies the `Finish` change
//! through the domain and `record::apply_effects` (status, permanent archive, sanctions purged as
//! the effect says, R23.3), stores the 辅号 and a `completion` row whose certificate number is the
//! 辅号 (R26.1) — all in one transaction, or nothing. The certificates print afterwards, one per
//! student, never reissued (R26.2).

use std::collections::{HashMap, HashSet};
use xueji_domain::AuditAction;
use xueji_domain::rules;

use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, TransactionTrait};
use xueji_domain::completion::{self, CompletionFacts};
use xueji_domain::{AuxNumber, Change, Grade, Status, engine};
use xueji_store::entities::student;
use xueji_store::repo::students;

use crate::app::App;
use crate::audit;
use crate::auth::{Permission, Session};
use crate::documents::{self, PrintKind, PrintedView};
use crate::error::{AppError, Result};
use crate::record;
use crate::views::{grade_label, snake};

/// One student's results as the registrar enters them.
#[derive(Clone, Debug, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct GraduationResultInput {
    pub student_id: i64,
    /// 按课程计划规定完成学业
    pub programme_completed: bool,
    /// 综合素质评价合格
    pub overall_quality_passed: bool,
    /// Graduation-exam subjects still failed after make-up exams.
    pub failed_subjects_after_makeup: u32,
    /// 学籍辅号 (R26.1); the stored one is used when empty.
    pub aux_number: Option<String>,
}

/// The batch.
#[derive(Clone, Debug, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct GraduationInput {
    /// The school's last grade.
    pub grade: u8,
    pub results: Vec<GraduationResultInput>,
    /// The date studies end.
    pub on: NaiveDate,
    /// 主管教育行政部门核准文号 (needed to confirm).
    pub bureau_reference: Option<String>,
}

/// Why a student cannot be finished in this batch.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct GraduationProblem {
    pub field: String,
    pub rule: String,
    pub message: String,
}

/// One student of the preview.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct GraduationRow {
    pub student_id: i64,
    pub name: String,
    pub class_name: Option<String>,
    pub grade_label: String,
    /// `graduated`, `completed`, `incomplete`.
    pub outcome: String,
    pub outcome_label: String,
    /// The rule that decided the outcome (R25.1, R25.2, R25.3).
    pub rule: String,
    /// The 学籍辅号 as it will be stored (upper case), if valid.
    pub aux_number: Option<String>,
    /// Sanctions on the record are purged (R23.3).
    pub purges_sanctions: bool,
    pub problems: Vec<GraduationProblem>,
}

/// A student of the grade with no results entered.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MissingStudent {
    pub student_id: i64,
    pub name: String,
    pub class_name: Option<String>,
}

/// What the batch would do.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct GraduationPreview {
    pub grade: u8,
    pub on: NaiveDate,
    pub rows: Vec<GraduationRow>,
    pub graduated: u32,
    pub completed: u32,
    pub incomplete: u32,
    /// Rows with a problem (the confirmation is refused while any remains).
    pub with_problems: u32,
    /// 在读 students of the grade without results.
    pub missing: Vec<MissingStudent>,
}

/// What the batch did.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct GraduationResult {
    pub on: NaiveDate,
    pub finished: u32,
    pub graduated: u32,
    pub completed: u32,
    pub incomplete: u32,
    pub rows: Vec<GraduationRow>,
}

/// Which certificates to print: listed students, or every finished student of a grade.
#[derive(Clone, Debug, Default, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CertificatesInput {
    pub grade: Option<u8>,
    #[serde(default)]
    pub student_ids: Vec<i64>,
    /// 整页打印 or 套打 and the printer; the print settings when empty.
    #[serde(default)]
    pub certificate: Option<crate::printing::CertificatePrint>,
}

/// A checked row and what confirming it needs.
struct Checked {
    row: GraduationRow,
    model: Option<student::Model>,
    facts: CompletionFacts,
    aux: Option<AuxNumber>,
}

fn problem(field: &str, rule: &str, message: impl Into<String>) -> GraduationProblem {
    GraduationProblem {
        field: field.to_owned(),
        rule: rule.to_owned(),
        message: message.into(),
    }
}

impl App {
    async fn graduation_check<C: ConnectionTrait>(
        &self,
        db: &C,
        input: &GraduationInput,
    ) -> Result<(Vec<Checked>, Vec<MissingStudent>)> {
        let config = self.config();
        let today = self.today();
        let ctx = config.ctx(today);
        let grade = Grade::new(input.grade).map_err(AppError::from)?;
        let ids: Vec<i64> = input.results.iter().map(|r| r.student_id).collect();
        let models: HashMap<i64, student::Model> = students::by_ids(db, ids.clone())
            .await?
            .into_iter()
            .map(|m| (m.id, m))
            .collect();
        // Aux numbers already held by other students (the certificate number is unique).
        let wanted: Vec<String> = input
            .results
            .iter()
            .filter_map(|r| r.aux_number.as_deref())
            .map(|a| a.trim().to_uppercase())
            .filter(|a| !a.is_empty())
            .collect();
        let taken: HashMap<String, i64> = students::with_aux_numbers(db, wanted)
            .await?
            .into_iter()
            .filter_map(|m| m.aux_number.clone().map(|a| (a, m.id)))
            .collect();
        let mut seen_ids = HashSet::new();
        let mut seen_aux = HashSet::new();
        let mut checked = Vec::with_capacity(input.results.len());
        for r in &input.results {
            let facts = CompletionFacts {
                programme_completed: r.programme_completed,
                overall_quality_passed: r.overall_quality_passed,
                failed_subjects_after_makeup: r.failed_subjects_after_makeup,
            };
            let (outcome, rule) = completion::outcome(&facts, &config.profile);
            let model = models.get(&r.student_id).cloned();
            let mut problems = Vec::new();
            if !seen_ids.insert(r.student_id) {
                problems.push(problem(
                    "studentId",
                    rules::R25_1.as_str(),
                    "同一学生重复录入",
                ));
            }
            let mut aux = None;
            if let Some(m) = &model {
                if m.grade != Some(i32::from(grade.number())) {
                    problems.push(problem(
                        "grade",
                        rules::R25_1.as_str(),
                        format!("该生在{}，不在{}", grade_label(m.grade), grade.label_zh()),
                    ));
                }
                if !config.school.is_last_grade(grade) {
                    problems.push(problem(
                        "grade",
                        rules::R25_1.as_str(),
                        format!(
                            "{}不是本校最高年级，只有最高年级学生办理毕业、结业或肄业",
                            grade.label_zh()
                        ),
                    ));
                }
                let text = r
                    .aux_number
                    .as_deref()
                    .filter(|a| !a.trim().is_empty())
                    .or(m.aux_number.as_deref());
                if let Some(text) = text {
                    match AuxNumber::parse(text, &config.profile.aux_pattern) {
                        Ok(a) => {
                            if let Some(other) = taken.get(a.as_str()).filter(|o| **o != m.id) {
                                problems.push(problem(
                                    "auxNumber",
                                    rules::R26_1.as_str(),
                                    format!("学籍辅号{}已登记给学生（编号 {other}）", a.as_str()),
                                ));
                            } else if !seen_aux.insert(a.as_str().to_owned()) {
                                problems.push(problem(
                                    "auxNumber",
                                    rules::R26_1.as_str(),
                                    format!("学籍辅号{}在本批中重复", a.as_str()),
                                ));
                            }
                            aux = Some(a);
                        }
                        Err(e) => {
                            let e = AppError::from(e);
                            let rule = e.rule.clone().unwrap_or(rules::R26_1);
                            problems.push(problem("auxNumber", rule.as_str(), e.message));
                        }
                    }
                }
                let mut snap = record::snapshot(m, &config.profile, today)?;
                if aux.is_some() {
                    snap.aux_number.clone_from(&aux);
                }
                let change = Change::Finish(facts);
                if let Err(e) = engine::check(&ctx, &snap, &change, input.on) {
                    let e = AppError::from(e);
                    let rule = e.rule.clone().unwrap_or(rules::R26_1);
                    let field = if rule == rules::R26_1 {
                        "auxNumber"
                    } else {
                        "status"
                    };
                    // The domain repeats what is already flagged (last grade, aux number).
                    if !problems
                        .iter()
                        .any(|p| p.rule == rule.as_str() || p.field == field)
                    {
                        problems.push(problem(field, rule.as_str(), e.message));
                    }
                }
            } else {
                problems.push(problem(
                    "studentId",
                    "",
                    format!("找不到学生（编号 {}）", r.student_id),
                ));
            }
            checked.push(Checked {
                row: GraduationRow {
                    student_id: r.student_id,
                    name: model.as_ref().map(|m| m.name.clone()).unwrap_or_default(),
                    class_name: model.as_ref().and_then(|m| m.class_name.clone()),
                    grade_label: model
                        .as_ref()
                        .map(|m| grade_label(m.grade))
                        .unwrap_or_default(),
                    outcome: snake(&outcome),
                    outcome_label: outcome.label_zh().to_owned(),
                    rule: rule.as_str().to_owned(),
                    aux_number: aux.as_ref().map(|a| a.as_str().to_owned()),
                    purges_sanctions: completion::purges_sanctions(outcome, &config.profile),
                    problems,
                },
                model,
                facts,
                aux,
            });
        }
        let missing = students::enrolled_in_grade(db, i32::from(grade.number()))
            .await?
            .into_iter()
            .filter(|m| !seen_ids.contains(&m.id))
            .map(|m| MissingStudent {
                student_id: m.id,
                name: m.name,
                class_name: m.class_name,
            })
            .collect();
        Ok((checked, missing))
    }

    /// Computes 毕业 / 结业 / 肄业 for each student (R25.1–R25.3) and flags what would refuse the
    /// batch (R26.1 aux number, last grade, status).
    pub async fn graduation_preview(
        &self,
        session: &Session,
        input: &GraduationInput,
    ) -> Result<GraduationPreview> {
        self.authorize(session, Permission::RunBatches).await?;
        let (checked, missing) = self.graduation_check(self.db(), input).await?;
        let rows: Vec<GraduationRow> = checked.into_iter().map(|c| c.row).collect();
        crate::audit::record(
            self.db(),
            &session.username,
            AuditAction::View,
            &format!(
                "graduation_preview grade:{} {}",
                input.grade,
                crate::audit::seen(rows.iter().map(|r| r.student_id))
            ),
        )
        .await?;
        let count = |o: &str| u32::try_from(rows.iter().filter(|r| r.outcome == o).count());
        Ok(GraduationPreview {
            grade: input.grade,
            on: input.on,
            graduated: count("graduated").unwrap_or(u32::MAX),
            completed: count("completed").unwrap_or(u32::MAX),
            incomplete: count("incomplete").unwrap_or(u32::MAX),
            with_problems: u32::try_from(rows.iter().filter(|r| !r.problems.is_empty()).count())
                .unwrap_or(u32::MAX),
            rows,
            missing,
        })
    }

    /// Finishes every listed student: school review and bureau approval recorded, the `Finish`
    /// change applied, the 辅号 and the completion stored — one transaction. Refused, writing
    /// nothing, while any row has a problem.
    pub async fn graduation_confirm(
        &self,
        session: &Session,
        input: &GraduationInput,
    ) -> Result<GraduationResult> {
        self.authorize(session, Permission::RunBatches).await?;
        let reference = input
            .bureau_reference
            .as_deref()
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .ok_or_else(|| {
                AppError::validation("bureauReference", "请填写主管教育行政部门核准文号")
            })?;
        if input.results.is_empty() {
            return Err(AppError::validation("results", "请录入学生的毕业信息"));
        }
        let config = self.config();
        let today = self.today();
        let ctx = config.ctx(today);
        let actor = session.username.as_str();
        let now = self.now();
        let txn = self.db().begin().await?;
        let (checked, _) = self.graduation_check(&txn, input).await?;
        let bad: Vec<&GraduationProblem> =
            checked.iter().flat_map(|c| c.row.problems.iter()).collect();
        if let Some(first) = bad.first() {
            let n = checked
                .iter()
                .filter(|c| !c.row.problems.is_empty())
                .count();
            let mut e = AppError::new(
                crate::error::ErrorKind::RuleViolation,
                format!("{n}名学生不能办理：{}", first.message),
            );
            e.rule = xueji_domain::RuleId::find(&first.rule);
            e.fields = vec![crate::error::FieldError {
                field: first.field.clone(),
                message: first.message.clone(),
            }];
            return Err(e);
        }
        let mut rows = Vec::with_capacity(checked.len());
        let finishing = super::finish::Finishing {
            actor,
            on: input.on,
            reference,
            now,
        };
        for c in checked {
            let Some(m) = c.model else { continue };
            super::finish::record_completion(
                &txn,
                &ctx,
                &finishing,
                &m,
                c.aux.as_ref(),
                Change::Finish(c.facts),
                &c.row.outcome,
                input.on,
            )
            .await?;
            rows.push(c.row);
        }
        let count = |o: &str| {
            u32::try_from(rows.iter().filter(|r| r.outcome == o).count()).unwrap_or(u32::MAX)
        };
        let (graduated, completed, incomplete) =
            (count("graduated"), count("completed"), count("incomplete"));
        audit::append(
            &txn,
            actor,
            AuditAction::Graduation,
            &format!(
                "grade:{} finished:{} graduated:{graduated} completed:{completed} incomplete:{incomplete}",
                input.grade,
                rows.len()
            ),
        )
        .await?;
        txn.commit().await?;
        Ok(GraduationResult {
            on: input.on,
            finished: u32::try_from(rows.len()).unwrap_or(u32::MAX),
            graduated,
            completed,
            incomplete,
            rows,
        })
    }

    /// The 《浙江省义务教育证书》 of finished students, one PDF (R24.1, number = 辅号 R26.1),
    /// numbered and audited; a certificate already issued is refused (R26.2).
    pub async fn graduation_certificates(
        &self,
        session: &Session,
        input: &CertificatesInput,
    ) -> Result<PrintedView> {
        self.graduation_certificates_with_progress(session, input, &mut |_, _| {})
            .await
    }

    /// Like [`App::graduation_certificates`], reporting `progress(done, total)`.
    pub async fn graduation_certificates_with_progress(
        &self,
        session: &Session,
        input: &CertificatesInput,
        progress: &mut (dyn FnMut(usize, usize) + Send),
    ) -> Result<PrintedView> {
        self.authorize(session, Permission::PrintDocuments).await?;
        let ids = if input.student_ids.is_empty() {
            let grade = input
                .grade
                .ok_or_else(|| AppError::validation("grade", "请选择年级或学生"))?;
            documents::select_ids(
                self.db(),
                &documents::BatchFilter {
                    grade: Some(grade),
                    class_name: None,
                    statuses: [Status::Graduated, Status::Completed, Status::Incomplete]
                        .iter()
                        .map(snake)
                        .collect(),
                    include_archived: true,
                },
            )
            .await?
        } else {
            input.student_ids.clone()
        };
        if ids.is_empty() {
            return Err(AppError::validation("studentIds", "没有可打印证书的学生"));
        }
        let students = documents::load_students(self.db(), &ids).await?;
        let ids: Vec<String> = students.iter().map(|d| d.row.id.to_string()).collect();
        let target = format!("students:{}", ids.join(","));
        let mode = self.certificate_mode(input.certificate.as_ref()).await?;
        self.print_students(
            session,
            PrintKind::Certificate,
            &students,
            &target,
            None,
            mode,
            progress,
        )
        .await
    }
}

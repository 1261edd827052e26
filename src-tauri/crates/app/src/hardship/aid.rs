//! Aid granted per semester on an assessment in force, recorded in archive section R8.2(6).

use sea_orm::TransactionTrait;
use serde_json::json;
use xueji_domain::AuditAction;
use xueji_domain::SchoolYear;
use xueji_domain::archive::ArchiveSection;
use xueji_store::entities::{archive_item, hardship_aid};
use xueji_store::repo::{aid, archive_items};

use crate::app::App;
use crate::audit;
use crate::auth::{Permission, Session};
use crate::error::{AppError, Result};
use crate::hardship::assess::{self, State};
use crate::hardship::query::aid_view;
use crate::hardship::types::{AidGrantInput, AidView, semester_label, yuan};
use crate::record;

/// The largest single grant accepted (a typing guard): 100 000 yuan.
const MAX_AMOUNT_FEN: i64 = 10_000_000;

impl App {
    /// Grants aid for a semester on an assessment that is in force: effective (its notice ended
    /// without a sustained objection) and of the school year the grant falls in.
    pub async fn hardship_aid_grant(
        &self,
        session: &Session,
        input: &AidGrantInput,
    ) -> Result<AidView> {
        self.authorize(session, Permission::EditHardship).await?;
        self.hardship_settle().await?;
        let today = self.today();
        let m = assess::load(self.db(), input.application_id).await?;
        let year = SchoolYear(m.school_year);
        match m.state {
            State::Effective => {}
            State::NotRecognised => {
                return Err(AppError::conflict(
                    "学校认定该生不属于家庭经济困难学生，不能发放资助",
                ));
            }
            State::InNotice => {
                return Err(AppError::conflict(format!(
                    "该认定尚在公示期或有待处理的异议，公示期满（{}）且无异议后方可发放资助",
                    m.notice_until.map(|d| d.to_string()).unwrap_or_default()
                )));
            }
            State::Applied | State::ClassAssessed => {
                return Err(AppError::conflict(
                    "该申请尚未完成认定（班级评议、学校认定和公示），不能发放资助",
                ));
            }
        }
        let granted_on = input.granted_on.unwrap_or(today);
        if granted_on > today {
            return Err(AppError::validation("grantedOn", "发放日期不能晚于今天"));
        }
        if granted_on < year.start() || granted_on > year.end() {
            return Err(AppError::conflict(format!(
                "认定只在{}内有效；其他学年的资助须先重新申请认定",
                year.label_zh()
            )));
        }
        if m.effective_on.is_some_and(|e| granted_on < e) {
            return Err(AppError::validation(
                "grantedOn",
                "发放日期不能早于认定生效日期",
            ));
        }
        let kind = input.kind.trim();
        if kind.is_empty() {
            return Err(AppError::validation("kind", "请填写资助项目"));
        }
        if input.amount_fen <= 0 || input.amount_fen > MAX_AMOUNT_FEN {
            return Err(AppError::validation(
                "amountFen",
                "资助金额应大于0且不超过100000元",
            ));
        }
        let student = record::load(self.db(), m.student_id).await?;
        record::ensure_writable(&student)?;
        let semester = input.semester;
        let twice = aid::count_of_kind(self.db(), m.id, semester, kind).await?;
        if twice > 0 {
            return Err(AppError::conflict(format!(
                "{}已发放过“{kind}”",
                semester_label(m.school_year, input.semester)
            )));
        }
        let now = self.now();
        let note = input
            .note
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_owned);
        let txn = self.db().begin().await?;
        let saved = aid::insert(
            &txn,
            hardship_aid::Model {
                id: 0,
                student_id: m.student_id,
                application_id: m.id,
                school_year: m.school_year,
                semester,
                kind: kind.to_owned(),
                amount_fen: input.amount_fen,
                granted_on,
                note,
                created_by: session.username.clone(),
                created_at: now,
            },
        )
        .await?;
        let label = semester_label(m.school_year, input.semester);
        archive_items::insert(
            &txn,
            archive_item::Model {
                id: 0,
                student_id: m.student_id,
                section: ArchiveSection::FinancialAid,
                kind: "aid".to_owned(),
                title: format!("{label}{kind}{}元", yuan(input.amount_fen)),
                recorded_on: granted_on,
                content: serde_json::to_string(&json!({
                    "aidId": saved.id,
                    "applicationId": m.id,
                    "schoolYear": m.school_year,
                    "semester": semester,
                    "kind": kind,
                    "amountFen": input.amount_fen,
                    "level": m.level,
                }))?,
                attachment_id: None,
                created_at: now,
                created_by: session.username.clone(),
            },
        )
        .await?;
        audit::append(
            &txn,
            &session.username,
            AuditAction::HardshipAid,
            &format!(
                "hardship_aid:{} hardship:{} student:{}",
                saved.id, m.id, m.student_id
            ),
        )
        .await?;
        txn.commit().await?;
        Ok(aid_view(&saved))
    }
}

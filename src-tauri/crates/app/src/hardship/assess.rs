//! The assessment's steps: application, class assessment, school decision, public notice with
//! objections, and the settling that makes an assessment effective once its notice has ended.

use chrono::{Days, NaiveDate};
use sea_orm::{ConnectionTrait, TransactionTrait};
use xueji_domain::AuditAction;
use xueji_domain::SchoolYear;
use xueji_domain::archive::ArchiveSection;
use xueji_store::entities::{archive_item, hardship_application as row};
use xueji_store::repo::archive_items;
use xueji_store::repo::hardship::{self, Decision};

use crate::app::App;
use crate::audit;
use crate::auth::{Permission, Session};
use crate::error::{AppError, Result};
use crate::hardship::types::{
    ClassAssessInput, HardshipApplyInput, HardshipData, HardshipDecideInput, HardshipFactor,
    HardshipLevel, HardshipView, LevelView, ObjectInput, ObjectionDecideInput, ObjectionView,
};
use crate::hardship::{
    DEFAULT_NOTICE_WORKING_DAYS, NOTICE_DAYS_RANGE, NOTICE_DAYS_SETTING, SETTLE_ACTOR,
};
use crate::record;
use crate::settings;

pub(crate) use xueji_store::entities::hardship_application::HardshipState as State;

pub(crate) fn objections_of(m: &row::Model) -> Result<Vec<ObjectionView>> {
    if m.objections.trim().is_empty() {
        return Ok(Vec::new());
    }
    Ok(serde_json::from_str(&m.objections)?)
}

pub(crate) fn data_of(m: &row::Model) -> Result<HardshipData> {
    Ok(serde_json::from_str(&m.data)?)
}

/// The status shown on `today`: the stored state read against the clock.
pub(crate) fn status_on(m: &row::Model, today: NaiveDate) -> Result<LevelView> {
    let pending = objections_of(m)?.iter().any(|o| o.sustained.is_none());
    let (code, label) = match m.state {
        State::Applied => ("applied", "待班级评议"),
        State::ClassAssessed => ("class_assessed", "待学校认定"),
        State::InNotice if pending => ("objection_pending", "公示异议待处理"),
        State::InNotice if m.notice_until.is_some_and(|u| today > u) => ("effective", "已生效"),
        State::InNotice => ("in_notice", "公示中"),
        State::Effective if today > SchoolYear(m.school_year).end() => {
            ("expired", "已过期（学年已结束，需重新认定）")
        }
        State::Effective => ("effective", "已生效"),
        State::NotRecognised => ("not_recognised", "不予认定"),
    };
    Ok(LevelView {
        code: code.to_owned(),
        label: label.to_owned(),
    })
}

/// Loads an assessment or says it does not exist.
pub(crate) async fn load<C: ConnectionTrait>(db: &C, id: i64) -> Result<row::Model> {
    hardship::find(db, id)
        .await?
        .ok_or_else(|| AppError::not_found(format!("家庭经济困难认定（编号 {id}）")))
}

fn non_empty(field: &str, value: &str, message: &str) -> Result<String> {
    let v = value.trim();
    if v.is_empty() {
        return Err(AppError::validation(field, message));
    }
    Ok(v.to_owned())
}

fn not_after_today(field: &str, date: NaiveDate, today: NaiveDate) -> Result<NaiveDate> {
    if date > today {
        return Err(AppError::validation(field, "日期不能晚于今天"));
    }
    Ok(date)
}

/// The archive entry (section 6) of an assessment that took effect.
pub(crate) fn effective_item(
    m: &row::Model,
    level: HardshipLevel,
    on: NaiveDate,
    actor: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<archive_item::Model> {
    let year = SchoolYear(m.school_year);
    let content = serde_json::json!({
        "applicationId": m.id,
        "schoolYear": m.school_year,
        "level": level,
        "levelLabel": level.label_zh(),
        "effectiveOn": on,
        "noticeFrom": m.notice_from,
        "noticeUntil": m.notice_until,
    });
    Ok(archive_item::Model {
        id: 0,
        student_id: m.student_id,
        section: ArchiveSection::FinancialAid,
        kind: "hardship_assessment".to_owned(),
        title: format!("{}家庭经济困难认定：{}", year.label_zh(), level.label_zh()),
        recorded_on: on,
        content: serde_json::to_string(&content)?,
        attachment_id: None,
        created_at: now,
        created_by: actor.to_owned(),
    })
}

impl App {
    /// The notice period in working days (the school's setting, default 5).
    pub async fn hardship_notice_days(&self) -> Result<u32> {
        Ok(settings::get::<_, u32>(self.db(), NOTICE_DAYS_SETTING)
            .await?
            .unwrap_or(DEFAULT_NOTICE_WORKING_DAYS))
    }

    /// Sets the notice period in working days (1–30).
    pub async fn hardship_notice_days_set(&self, session: &Session, days: u32) -> Result<()> {
        self.authorize(session, Permission::ManageSettings).await?;
        if !NOTICE_DAYS_RANGE.contains(&days) {
            return Err(AppError::validation(
                "noticeWorkingDays",
                "公示期应为1至30个工作日",
            ));
        }
        let txn = self.db().begin().await?;
        settings::put(&txn, NOTICE_DAYS_SETTING, &days).await?;
        audit::append(
            &txn,
            &session.username,
            AuditAction::SettingsChange,
            NOTICE_DAYS_SETTING,
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// Makes effective every assessment whose notice ended before today with no objection
    /// pending: writes `effective_on`, the archive entry of section 6 and an audit row. Called
    /// first by every hardship use case, so what they show and allow follows the clock.
    /// The audit rows and the archive entries name [`SETTLE_ACTOR`]: the clock, not a user,
    /// makes an assessment effective.
    pub async fn hardship_settle(&self) -> Result<u32> {
        let actor = SETTLE_ACTOR;
        let today = self.today();
        let due = hardship::notice_ended(self.db(), today).await?;
        if due.is_empty() {
            return Ok(0);
        }
        let now = self.now();
        let txn = self.db().begin().await?;
        let mut n = 0;
        for m in due {
            let objections = objections_of(&m)?;
            if objections.iter().any(|o| o.sustained.is_none()) {
                continue;
            }
            let (Some(until), Some(level)) = (m.notice_until, m.level) else {
                continue;
            };
            // The day after the notice, or the day the last objection was dismissed.
            let after = until.checked_add_days(Days::new(1)).unwrap_or(until);
            let on = objections
                .iter()
                .filter_map(|o| o.ruled_on)
                .fold(after, NaiveDate::max)
                .min(today);
            archive_items::insert(&txn, effective_item(&m, level, on, actor, now)?).await?;
            let target = format!("hardship:{} student:{}", m.id, m.student_id);
            hardship::make_effective(&txn, m, on, now).await?;
            audit::append(&txn, actor, AuditAction::HardshipEffective, &target).await?;
            n += 1;
        }
        txn.commit().await?;
        Ok(n)
    }

    /// Records the guardian's application for a school year (the current one or the next).
    pub async fn hardship_apply(
        &self,
        session: &Session,
        input: &HardshipApplyInput,
    ) -> Result<HardshipView> {
        self.authorize(session, Permission::EditHardship).await?;
        let today = self.today();
        let student = record::load(self.db(), input.student_id).await?;
        record::ensure_writable(&student)?;
        let current = SchoolYear::containing(today);
        let year = input.school_year.map_or(current, SchoolYear);
        if year != current && year != current.next() {
            return Err(AppError::validation(
                "schoolYear",
                format!(
                    "认定只对其学年有效，只能申请本学年（{}）或下一学年的认定",
                    current.label_zh()
                ),
            ));
        }
        let applied_on = not_after_today("appliedOn", input.applied_on.unwrap_or(today), today)?;
        let guardian_name = non_empty("guardianName", &input.guardian_name, "请填写监护人姓名")?;
        let guardian_relation = non_empty(
            "guardianRelation",
            &input.guardian_relation,
            "请填写监护人与学生的关系",
        )?;
        let reason = non_empty("reason", &input.reason, "请填写家庭经济困难情况")?;
        if input.members.is_empty() {
            return Err(AppError::validation("members", "请填写家庭成员情况"));
        }
        let mut members = input.members.clone();
        for (i, member) in members.iter_mut().enumerate() {
            member.name = non_empty(
                &format!("members[{i}].name"),
                &member.name,
                "请填写家庭成员姓名",
            )?;
            member.relation = non_empty(
                &format!("members[{i}].relation"),
                &member.relation,
                "请填写家庭成员与学生的关系",
            )?;
            if member.age > 130 {
                return Err(AppError::validation(
                    &format!("members[{i}].age"),
                    "年龄不正确",
                ));
            }
        }
        let summed = members
            .iter()
            .map(|m| u64::from(m.annual_income_yuan))
            .sum::<u64>();
        let household = input
            .household_income_yuan
            .unwrap_or_else(|| u32::try_from(summed).unwrap_or(u32::MAX));
        if !(1..=30).contains(&input.household_size) {
            return Err(AppError::validation(
                "householdSize",
                "请填写家庭人口数（含学生本人，1 至 30 人）",
            ));
        }
        let mut groups = input.groups.clone();
        groups.dedup();
        // The checklist in the guideline's order; a special group is itself a factor.
        let factors: Vec<HardshipFactor> = HardshipFactor::ALL
            .into_iter()
            .filter(|f| {
                input.factors.contains(f)
                    || (*f == HardshipFactor::SpecialGroup
                        && !(groups.is_empty() && input.other_groups.is_empty()))
            })
            .collect();
        if factors.is_empty() {
            return Err(AppError::validation(
                "factors",
                "请勾选至少一项认定因素（教财〔2018〕16号：家庭经济、特殊群体、地域、突发状况、学生消费或其他因素）",
            ));
        }
        let data = HardshipData {
            guardian_name,
            guardian_relation,
            guardian_phone: input.guardian_phone.trim().to_owned(),
            members,
            household_income_yuan: household,
            household_size: Some(input.household_size),
            factors,
            groups,
            other_groups: input
                .other_groups
                .iter()
                .map(|g| g.trim().to_owned())
                .filter(|g| !g.is_empty())
                .collect(),
            reason,
        };
        self.hardship_settle().await?;
        let existing =
            hardship::of_student_year(self.db(), input.student_id, year.start_year()).await?;
        if let Some(e) = existing.first() {
            return Err(AppError::conflict(format!(
                "该生{}已有家庭经济困难认定申请（编号 {}），同一学年不重复申请",
                year.label_zh(),
                e.id
            )));
        }
        let now = self.now();
        let txn = self.db().begin().await?;
        let saved = hardship::insert(
            &txn,
            row::Model {
                id: 0,
                student_id: input.student_id,
                school_year: year.start_year(),
                state: State::Applied,
                applied_on,
                data: serde_json::to_string(&data)?,
                class_result: None,
                class_note: None,
                class_assessed_on: None,
                level: None,
                decision_note: None,
                decided_on: None,
                decided_by: None,
                notice_from: None,
                notice_until: None,
                effective_on: None,
                objections: "[]".to_owned(),
                created_by: session.username.clone(),
                created_at: now,
                updated_at: now,
            },
        )
        .await?;
        audit::append(
            &txn,
            &session.username,
            AuditAction::HardshipApply,
            &format!("hardship:{} student:{}", saved.id, saved.student_id),
        )
        .await?;
        txn.commit().await?;
        self.hardship_view(saved.id).await
    }

    /// Records the class assessment (班级评议): the suggested level and the group's note.
    pub async fn hardship_class_assess(
        &self,
        session: &Session,
        id: i64,
        input: &ClassAssessInput,
    ) -> Result<HardshipView> {
        self.authorize(session, Permission::EditHardship).await?;
        let today = self.today();
        let m = load(self.db(), id).await?;
        if !matches!(m.state, State::Applied | State::ClassAssessed) {
            return Err(AppError::conflict(
                "学校已作出认定决定，不能再修改班级评议结果",
            ));
        }
        let note = non_empty("note", &input.note, "请填写班级认定小组意见")?;
        let on = not_after_today("assessedOn", input.assessed_on.unwrap_or(today), today)?;
        if on < m.applied_on {
            return Err(AppError::validation(
                "assessedOn",
                "评议日期不能早于申请日期",
            ));
        }
        let now = self.now();
        let txn = self.db().begin().await?;
        let saved = hardship::record_class_assessment(&txn, m, input.result, note, on, now).await?;
        audit::append(
            &txn,
            &session.username,
            AuditAction::HardshipClassAssess,
            &format!("hardship:{id} student:{}", saved.student_id),
        )
        .await?;
        txn.commit().await?;
        self.hardship_view(id).await
    }

    /// The school's decision. A recognised level starts the public notice (working days from the
    /// school's settings); 不认定 ends the application.
    pub async fn hardship_decide(
        &self,
        session: &Session,
        id: i64,
        input: &HardshipDecideInput,
    ) -> Result<HardshipView> {
        self.authorize(session, Permission::DecideSchoolSteps)
            .await?;
        let today = self.today();
        let m = load(self.db(), id).await?;
        if m.state != State::ClassAssessed {
            return Err(AppError::conflict(match m.state {
                State::Applied => "尚未进行班级评议，学校不能作出认定",
                _ => "学校已作出认定决定",
            }));
        }
        let decided_on = not_after_today("decidedOn", input.decided_on.unwrap_or(today), today)?;
        if m.class_assessed_on.is_some_and(|c| decided_on < c) {
            return Err(AppError::validation(
                "decidedOn",
                "认定日期不能早于班级评议日期",
            ));
        }
        let now = self.now();
        let mut decision = Decision {
            state: State::NotRecognised,
            level: input.level,
            note: input
                .note
                .as_deref()
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(str::to_owned),
            decided_on,
            decided_by: session.username.clone(),
            notice_from: None,
            notice_until: None,
        };
        if input.level.recognised() {
            let from = input.notice_from.unwrap_or(decided_on);
            if from < decided_on {
                return Err(AppError::validation(
                    "noticeFrom",
                    "公示不能早于学校认定日期开始",
                ));
            }
            let days = self.hardship_notice_days().await?.max(1);
            let config = self.config();
            let calendar = &config.calendar;
            let start = calendar.working_day_on_or_after(from)?;
            let until = calendar.add_working_days(start, days - 1)?;
            decision.state = State::InNotice;
            decision.notice_from = Some(start);
            decision.notice_until = Some(until);
        }
        let txn = self.db().begin().await?;
        let saved = hardship::record_decision(&txn, m, decision, now).await?;
        audit::append(
            &txn,
            &session.username,
            AuditAction::HardshipDecide,
            &format!("hardship:{id} student:{}", saved.student_id),
        )
        .await?;
        txn.commit().await?;
        self.hardship_settle().await?;
        self.hardship_view(id).await
    }

    /// Records an objection raised during the public notice. While it is pending the assessment
    /// does not take effect.
    pub async fn hardship_object(
        &self,
        session: &Session,
        id: i64,
        input: &ObjectInput,
    ) -> Result<HardshipView> {
        self.authorize(session, Permission::EditHardship).await?;
        self.hardship_settle().await?;
        let today = self.today();
        let m = load(self.db(), id).await?;
        let (Some(from), Some(until)) = (m.notice_from, m.notice_until) else {
            return Err(AppError::conflict("该认定不在公示期，不能登记异议"));
        };
        if m.state != State::InNotice {
            return Err(AppError::conflict(
                "公示期已结束，认定已生效，不能再登记公示异议",
            ));
        }
        let raised_on = not_after_today("raisedOn", input.raised_on.unwrap_or(today), today)?;
        // A decision made on a rest day is published that day, and its notice counted from the
        // next working day: an objection raised in between is an objection, not too early.
        let published = m.decided_on.map_or(from, |d| d.min(from));
        if raised_on < published || raised_on > until {
            return Err(AppError::validation(
                "raisedOn",
                format!("异议须在公示期内（{from}至{until}）提出"),
            ));
        }
        let content = non_empty("content", &input.content, "请填写异议内容")?;
        let raised_by = input.raised_by.trim();
        let mut objections = objections_of(&m)?;
        let number = u32::try_from(objections.len()).unwrap_or(u32::MAX - 1) + 1;
        objections.push(ObjectionView {
            number,
            raised_on,
            raised_by: if raised_by.is_empty() {
                "匿名".to_owned()
            } else {
                raised_by.to_owned()
            },
            content,
            recorded_by: session.username.clone(),
            sustained: None,
            ruling_note: None,
            ruled_on: None,
            ruled_by: None,
        });
        let txn = self.db().begin().await?;
        let saved =
            hardship::set_objections(&txn, m, serde_json::to_string(&objections)?, self.now())
                .await?;
        audit::append(
            &txn,
            &session.username,
            AuditAction::HardshipObject,
            &format!(
                "hardship:{id} student:{} objection:{number}",
                saved.student_id
            ),
        )
        .await?;
        txn.commit().await?;
        self.hardship_view(id).await
    }

    /// The school's ruling on an objection. Sustained: the decision and its notice are void and
    /// the school decides again (a new notice follows). Dismissed: the notice stands, and the
    /// assessment takes effect once the notice has ended and nothing is pending.
    pub async fn hardship_objection_decide(
        &self,
        session: &Session,
        id: i64,
        input: &ObjectionDecideInput,
    ) -> Result<HardshipView> {
        self.authorize(session, Permission::DecideSchoolSteps)
            .await?;
        let today = self.today();
        let m = load(self.db(), id).await?;
        if m.state != State::InNotice {
            return Err(AppError::conflict("该认定不在公示期，没有待处理的异议"));
        }
        let note = non_empty("note", &input.note, "请填写处理意见")?;
        let mut objections = objections_of(&m)?;
        let Some(o) = objections
            .iter_mut()
            .find(|o| o.number == input.number && o.sustained.is_none())
        else {
            return Err(AppError::not_found(format!(
                "待处理的异议（第 {} 条）",
                input.number
            )));
        };
        o.sustained = Some(input.sustained);
        o.ruling_note = Some(note);
        o.ruled_on = Some(today);
        o.ruled_by = Some(session.username.clone());
        let objections = serde_json::to_string(&objections)?;
        let now = self.now();
        let txn = self.db().begin().await?;
        let saved = if input.sustained {
            hardship::reopen(&txn, m, objections, now).await?
        } else {
            hardship::set_objections(&txn, m, objections, now).await?
        };
        audit::append(
            &txn,
            &session.username,
            AuditAction::HardshipObjectionDecide,
            &format!(
                "hardship:{id} student:{} objection:{} {}",
                saved.student_id,
                input.number,
                if input.sustained {
                    "sustained"
                } else {
                    "dismissed"
                }
            ),
        )
        .await?;
        txn.commit().await?;
        self.hardship_settle().await?;
        self.hardship_view(id).await
    }
}

//! Checks that depend on a change's facts, after the status table has allowed the pair.
//! Each refusal names its rule.

use chrono::{Months, NaiveDate};

use crate::change::{Change, CheckResult, KeyField, LeaveReason, TransferKind};
use crate::deadlines;
use crate::effects::Warning;
use crate::error::{DomainError, Result};
use crate::id_card::{self, IdCardNumber};
use crate::name::PersonName;
use crate::record::{Context, StudentSnapshot};
use crate::rules;
use crate::sanction::SanctionRecord;
use crate::school::{Grade, SchoolKind, SchoolYear, StudyMode};
use crate::status::Status;

/// Field names that are R11.2 key fields and cannot change through R11.1.
const KEY_FIELDS: [&str; 6] = [
    "name",
    "姓名",
    "id_card_number",
    "身份证号",
    "xueji_number",
    "学籍号",
];

/// Checks common to every change: not in the future (R10.1), not before the last change (R5.1).
pub(crate) fn common(ctx: &Context<'_>, record: &StudentSnapshot, on: NaiveDate) -> Result<()> {
    if on > ctx.today {
        return Err(DomainError::rule(
            rules::R10_1,
            format!(
                "变动生效日期{on}晚于今天（{}），变动应在发生时记录",
                ctx.today
            ),
        ));
    }
    if let Some(last) = record.last_change_on.filter(|last| on < *last) {
        return Err(DomainError::rule(
            rules::R5_1,
            format!("变动日期{on}早于上一次变动（{last}），学籍信息须保持连续"),
        ));
    }
    Ok(())
}

/// The judgment has taken effect (R13.8): only then may a held record move on.
fn judgment_effective(record: &StudentSnapshot) -> Result<()> {
    if record.status == Status::Held && record.hold.and_then(|h| h.judgment_effective_on).is_none()
    {
        return Err(DomainError::rule(
            rules::R13_8,
            "人民法院判决生效前，学校应为其保留学籍",
        ));
    }
    Ok(())
}

#[allow(clippy::too_many_lines)] // one arm per change type reads best as one table
pub(crate) fn check(
    ctx: &Context<'_>,
    record: &StudentSnapshot,
    change: &Change,
    on: NaiveDate,
) -> Result<Vec<Warning>> {
    let school = ctx.school;
    let mut warnings = Vec::new();
    match change {
        Change::ApproveEnrolment
        | Change::EndDeferral
        | Change::Restore
        | Change::OrderedLeave { .. }
        | Change::GoAbroad
        | Change::ReturnFromAbroad
        | Change::Dropout { .. }
        | Change::ReturnFromDropout => {}
        Change::StudyMode { mode } => {
            if *mode == record.study_mode {
                return Err(DomainError::rule(
                    rules::R13_6,
                    format!("该生的就读方式已是“{}”", mode.label_zh()),
                ));
            }
            if *mode == StudyMode::HomeTeaching
                && !(school.offers_home_teaching || school.kind == SchoolKind::SpecialEducation)
            {
                return Err(DomainError::rule(
                    rules::R7_4,
                    "本校不承担送教上门，送教上门的学生由承担送教上门的学校或特殊教育学校建立学籍",
                ));
            }
        }
        Change::ReturnFromPlacement => {
            if record.placed_elsewhere.is_none() {
                return Err(DomainError::rule(
                    rules::R13_6,
                    "该生没有在校外安置（特殊教育学校或工读学校就读而学籍留在本校），无需办理",
                ));
            }
        }
        Change::Defer {
            school_year,
            applied_on,
        } => {
            if record.grade != Grade::FIRST {
                return Err(DomainError::rule(rules::R6_2, "缓学只适用于一年级新生"));
            }
            deadlines::check_deferral_application(*school_year, *applied_on)?;
        }
        Change::RenewDeferral {
            school_year,
            applied_on,
        } => {
            if record.deferred_for.map(SchoolYear::next) != Some(*school_year) {
                return Err(DomainError::rule(
                    rules::R6_2,
                    "缓学期为一学年；续缓学须为缓学期满后的下一学年重新提出申请",
                ));
            }
            deadlines::check_deferral_application(*school_year, *applied_on)?;
        }
        Change::CorrectBasicData {
            field,
            before,
            after,
        } => {
            if KEY_FIELDS.contains(&field.trim()) {
                return Err(DomainError::rule(
                    rules::R11_2,
                    "姓名、身份证号（学籍号）是关键信息，须按关键信息变更办理",
                ));
            }
            if field.trim() == "id_type" {
                return Err(DomainError::rule(
                    rules::R11_2,
                    "身份证件类型随证件号码一起变更，须按关键信息（身份证件号码）变更办理",
                ));
            }
            if record.resident_id && matches!(field.trim(), "sex" | "birth_date") {
                return Err(DomainError::rule(
                    rules::R11_2,
                    "性别、出生日期以居民身份证号码为准，不能单独变更；号码有误的，请按关键信息（身份证件号码）变更办理，性别和出生日期随之更正",
                ));
            }
            if after.trim().is_empty() {
                return Err(DomainError::rule(rules::R11_1, "变更后的信息不能为空"));
            }
            if before.trim() == after.trim() {
                return Err(DomainError::rule(rules::R11_1, "变更前后信息相同"));
            }
        }
        Change::CorrectKeyData {
            field,
            before,
            after,
            recheck,
        } => {
            match field {
                KeyField::Name => {
                    PersonName::parse(after)?;
                }
                KeyField::IdCardNumber => {
                    IdCardNumber::parse(after, ctx.today)?;
                }
            }
            if id_card::normalise(before) == id_card::normalise(after) {
                return Err(DomainError::rule(rules::R11_2, "变更前后信息相同"));
            }
            // The recheck is the application's own last step (`workflow::steps_for`); only an
            // application stored before that carries a claimed result, which must be 通过.
            if recheck.is_some_and(|r| r != CheckResult::Passed) {
                return Err(DomainError::rule(
                    rules::R11_2,
                    "关键信息变更经核准后，须重新通过全国查重和身份比对方可生效",
                ));
            }
        }
        Change::Promote { into } => {
            if *into != record.grade_year.next() {
                return Err(DomainError::rule(
                    rules::R12_1,
                    format!(
                        "一学年升一级：{}的学生只能升入{}",
                        record.grade_year.label_zh(),
                        record.grade_year.next().label_zh()
                    ),
                ));
            }
            if school.is_last_grade(record.grade) || record.grade.next().is_none() {
                return Err(DomainError::rule(
                    rules::R12_1,
                    "已是本校最高年级，应办理毕业、结业或肄业",
                ));
            }
        }
        Change::Skip { to } => {
            if school.is_graduating(record.grade) {
                return Err(DomainError::rule(rules::R12_2, "毕业班学生不予跳级"));
            }
            if *to <= record.grade || !school.has_grade(*to) {
                return Err(DomainError::rule(
                    rules::R12_2,
                    "跳级的目标年级应高于当前年级且为本校开设的年级",
                ));
            }
            if school
                .graduating_grades
                .iter()
                .any(|g| *g > record.grade && *g <= *to)
            {
                return Err(DomainError::rule(rules::R12_2, "不得跳级升入毕业班"));
            }
        }
        Change::Repeat => {
            if !(record.study_mode == StudyMode::Inclusive
                || school.kind == SchoolKind::SpecialEducation)
            {
                return Err(DomainError::rule(
                    rules::R12_3,
                    "义务教育阶段原则上不留级；只有随班就读和特殊教育学校学生可申请留级",
                ));
            }
            if school.is_graduating(record.grade) {
                return Err(DomainError::rule(rules::R12_3, "毕业班学生一律不留级"));
            }
        }
        Change::TransferOut(details) => {
            if details.grade != record.grade {
                return Err(DomainError::rule(
                    rules::R13_4,
                    format!(
                        "学生在转学时不得变更就读年级（现为{}）",
                        record.grade.label_zh()
                    ),
                ));
            }
            match details.kind {
                TransferKind::Regular => {}
                TransferKind::SpecialInclusive { .. } => {
                    if !(school.kind == SchoolKind::SpecialEducation
                        || record.study_mode == StudyMode::Inclusive)
                    {
                        return Err(DomainError::rule(
                            rules::R13_6,
                            "只有特殊教育学校学生或随班就读学生适用此类转学",
                        ));
                    }
                }
                TransferKind::ReturnFromReformSchool { .. } => {
                    return Err(DomainError::rule(
                        rules::R13_7,
                        "从工读学校转回由接收学校按转入办理",
                    ));
                }
            }
            if details.receiving_school.trim().is_empty() {
                return Err(DomainError::rule(rules::R13_1, "须填写转入学校"));
            }
            warnings.extend(deadlines::transfer_window_warning(
                ctx.profile,
                ctx.terms,
                on,
            ));
        }
        Change::ReformSchoolPlacement { school: place, .. } => {
            judgment_effective(record)?;
            if place.trim().is_empty() {
                return Err(DomainError::rule(rules::R13_7, "须填写工读学校"));
            }
        }
        Change::Hold {
            since,
            judgment_effective_on,
        } => {
            if *since > on || judgment_effective_on.is_some_and(|j| j < *since || j > on) {
                return Err(DomainError::rule(
                    rules::R13_8,
                    "强制措施开始日期或判决生效日期有误",
                ));
            }
        }
        Change::Leave { reason } => match reason {
            LeaveReason::Illness { sick_since } => {
                let months = ctx.profile.sick_leave_min_months;
                let enough = sick_since
                    .checked_add_months(Months::new(months))
                    .is_some_and(|d| d <= on);
                if !enough {
                    return Err(DomainError::rule(
                        rules::R14_1,
                        format!(
                            "因病休学须连续病假{months}个月以上（自{sick_since}起不足{months}个月）"
                        ),
                    ));
                }
            }
            LeaveReason::Other { description } => {
                if description.trim().is_empty() {
                    return Err(DomainError::rule(
                        rules::R14_1,
                        "须说明无法坚持正常学习的特殊原因",
                    ));
                }
            }
        },
        Change::ExtendLeave => {
            if record.leave_until.is_none() {
                return Err(DomainError::rule(rules::R14_3, "没有当前休学期限的记录"));
            }
        }
        Change::Resume { grade } => {
            let near = grade.number().abs_diff(record.grade.number()) <= 1;
            if !school.has_grade(*grade) || !near {
                return Err(DomainError::rule(
                    rules::R15_1,
                    format!(
                        "复学应安排在相应年级（休学前为{}）",
                        record.grade.label_zh()
                    ),
                ));
            }
        }
        Change::Withdraw => {
            let age = id_card::age_on(record.birth_date, on);
            if age < ctx.profile.adult_age {
                return Err(DomainError::rule(
                    rules::R17_1,
                    format!(
                        "年龄不足{}周岁、未受完九年义务教育的学生，不予办理退学手续（现年{age}周岁）",
                        ctx.profile.adult_age
                    ),
                ));
            }
            judgment_effective(record)?;
        }
        Change::Death { died_on } => {
            if *died_on > on {
                return Err(DomainError::rule(rules::R19_1, "死亡日期不能晚于注销日期"));
            }
        }
        Change::Award(award) => {
            if award.title.trim().is_empty() || award.issuer.trim().is_empty() {
                return Err(DomainError::rule(rules::R21_1, "须填写奖励名称和颁奖单位"));
            }
            if award.awarded_on > ctx.today {
                return Err(DomainError::rule(rules::R21_1, "获奖日期不能晚于今天"));
            }
        }
        Change::Sanction {
            level,
            shortened_to,
            shortened_reason,
        } => {
            SanctionRecord::new(
                *level,
                on,
                ctx.profile,
                *shortened_to,
                shortened_reason.as_deref(),
            )?;
        }
        Change::LiftSanction {
            sanction,
            reformed,
            reoffended,
        } => {
            sanction.check_lift(on, *reformed, *reoffended)?;
        }
        Change::CertifyIncomplete => {
            // R26.1: the certificate that says 肄业 is numbered with the 学籍辅号, whatever the
            // grade the student left from (R25.3: 未完成九年义务教育者).
            if record.aux_number.is_none() {
                return Err(DomainError::rule(
                    rules::R26_1,
                    "证书编号同学籍辅号，请先登记学生的学籍辅号",
                ));
            }
        }
        Change::Finish(_) => {
            if !school.is_last_grade(record.grade) {
                return Err(DomainError::rule(
                    rules::R25_1,
                    "只有本校最高年级学生办理毕业、结业或肄业",
                ));
            }
            if record.grade == Grade::LAST && record.aux_number.is_none() {
                return Err(DomainError::rule(
                    rules::R26_1,
                    "证书编号同学籍辅号，请先登记学生的学籍辅号",
                ));
            }
        }
    }
    Ok(warnings)
}

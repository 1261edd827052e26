//! Samples of the reports and the discipline documents.

use xueji_domain::sanction::SanctionLevel;

use super::people::{BUREAU, day, guardian, strings, student};
use crate::documents::approval::StudentBlock;
use crate::documents::cancellation_report::CancellationReport;
use crate::documents::dropout_report::DropoutReport;
use crate::documents::sanction_decision::SanctionDecision;
use crate::documents::sanction_lift_notice::SanctionLiftNotice;
use crate::error::Result;

/// A dropout report.
pub fn dropout_report() -> Result<DropoutReport> {
    Ok(DropoutReport {
        serial: "西文学〔2025〕14号".to_owned(),
        township: "杭州市西湖区转塘街道办事处".to_owned(),
        bureau: BUREAU.to_owned(),
        student: student(2, "八年级（2）班")?,
        guardian: guardian()?,
        absent_since: day(2025, 3, 3),
        circumstances: "该生开学后一直未到校，经了解系随亲属外出务工。".to_owned(),
        measures: vec![
            (
                day(2025, 3, 4),
                "班主任电话联系监护人，监护人表示将督促返校，学生未返校。".to_owned(),
            ),
            (
                day(2025, 3, 7),
                "班主任和年级组长家访，向监护人宣传《义务教育法》，学生仍在外地，未返校。"
                    .to_owned(),
            ),
            (
                day(2025, 3, 12),
                "学校向监护人送达书面返校通知，监护人签收，学生未返校。".to_owned(),
            ),
        ],
        reported_on: day(2025, 3, 14),
    })
}

/// A cancellation report after a death.
pub fn cancellation_report() -> Result<CancellationReport> {
    Ok(CancellationReport {
        serial: "西文学〔2025〕21号".to_owned(),
        bureau: BUREAU.to_owned(),
        student: student(2, "六年级（1）班")?,
        died_on: day(2025, 4, 2),
        proofs: strings(&["居民死亡医学证明（推断）书复印件", "户口注销证明复印件"]),
        reported_on: day(2025, 4, 9),
    })
}

fn sanction_student() -> Result<StudentBlock> {
    student(0, "八年级（3）班")
}

/// A sanction decision.
pub fn sanction_decision() -> Result<SanctionDecision> {
    Ok(SanctionDecision {
        serial: "西文学处〔2025〕2号".to_owned(),
        student: sanction_student()?,
        level: SanctionLevel::SeriousWarning,
        facts: "该生于2025年3月18日在校内与同学发生争执并动手打人，致一名同学轻微受伤，经教育后能承认错误。".to_owned(),
        hearing: Some(xueji_domain::hearing::Hearing::Held {
            on: day(2025, 3, 25),
        }),
        decided_on: day(2025, 3, 28),
        period_from: day(2025, 3, 28),
        period_to: day(2025, 9, 27),
        bureau: BUREAU.to_owned(),
    })
}

/// A notice lifting that sanction.
pub fn sanction_lift_notice() -> Result<SanctionLiftNotice> {
    Ok(SanctionLiftNotice {
        serial: "西文学处〔2025〕9号".to_owned(),
        student: sanction_student()?,
        level: SanctionLevel::SeriousWarning,
        decision_serial: "西文学处〔2025〕2号".to_owned(),
        decided_on: day(2025, 3, 28),
        period_to: day(2025, 9, 27),
        lifted_on: day(2025, 9, 29),
    })
}

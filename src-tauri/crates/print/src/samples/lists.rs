//! Samples of the ordered-leave notice and the two archive hand-over lists.

use xueji_domain::change::OrderedLeaveReason;

use super::people::{SCHOOL, day, student, today};
use crate::documents::handover_list::{HandoverEntry, HandoverKind, HandoverList};
use crate::documents::leave_order::LeaveOrder;
use crate::error::Result;

/// A 责令休学通知书 (R14.2) for a pupil with an infectious disease.
pub fn leave_order() -> Result<LeaveOrder> {
    Ok(LeaveOrder {
        serial: "西文学〔2025〕17号".to_owned(),
        student: student(1, "八年级（1）班")?,
        reason: OrderedLeaveReason::InfectiousDisease,
        approved_on: day(2025, 3, 10),
        approval_reference: Some("西教学〔2025〕11号".to_owned()),
        from: day(2025, 3, 11),
        until: Some(day(2026, 3, 10)),
    })
}

/// A hand-over list of three archives: to the 初中 the graduates enter (R9.1), or to the county
/// of household registration (R18.2).
pub fn handover_list(kind: HandoverKind) -> Result<HandoverList> {
    let (serial, receiver, details) = match kind {
        HandoverKind::Progression => (
            "2025-PROGRESS-000001",
            "杭州市西湖区文溪中学",
            ["毕业（2025年6月30日）"; 3].map(str::to_owned),
        ),
        HandoverKind::MigrantDropout => (
            "2025-MIGRANT-000001",
            "安徽省阜阳市颍州区教育局",
            [
                "安徽省阜阳市颍州区西湖镇",
                "安徽省阜阳市颍州区三合镇",
                "河南省周口市川汇区",
            ]
            .map(str::to_owned),
        ),
    };
    let class = match kind {
        HandoverKind::Progression => "六年级（1）班",
        HandoverKind::MigrantDropout => "八年级（2）班",
    };
    let mut entries = Vec::new();
    for (i, detail) in details.into_iter().enumerate() {
        entries.push(HandoverEntry {
            student: student(i, class)?,
            detail,
        });
    }
    Ok(HandoverList {
        kind,
        serial: serial.to_owned(),
        school: SCHOOL.to_owned(),
        receiver: receiver.to_owned(),
        entries,
        printed_on: today(),
    })
}

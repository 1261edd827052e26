//! The status table: for every (status, change kind) pair, allowed or refused with a rule id and
//! a Chinese message. Checks that depend on the change's facts (age, grade, dates …) come after
//! this table, in `guards`.

use crate::change::ChangeKind;
use crate::error::DomainError;
use crate::rules::{self, RuleId};
use crate::status::Status;

/// The table's answer for one pair.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Verdict {
    Allowed,
    Refused { rule: RuleId, message: &'static str },
}

impl Verdict {
    pub fn is_allowed(&self) -> bool {
        matches!(self, Self::Allowed)
    }

    pub fn into_result(self) -> crate::Result<()> {
        match self {
            Self::Allowed => Ok(()),
            Self::Refused { rule, message } => Err(DomainError::rule(rule, message)),
        }
    }
}

const fn refuse(rule: RuleId, message: &'static str) -> Verdict {
    Verdict::Refused { rule, message }
}

/// The status table.
pub fn verdict(status: Status, kind: ChangeKind) -> Verdict {
    use ChangeKind as K;
    if kind == K::CertifyIncomplete {
        return certify_incomplete(status);
    }
    match status {
        Status::Withdrawn
        | Status::Deceased
        | Status::Graduated
        | Status::Completed
        | Status::Incomplete => refuse(
            rules::R9_2,
            "学业已终止，学籍档案已永久归档，只读，不能再办理变动",
        ),
        Status::TransferredOut => refuse(
            rules::R7_3,
            "学籍已随学生转出（籍随人走），本校只保留只读备份",
        ),
        Status::PendingApproval => match kind {
            K::ApproveEnrolment
            | K::Defer
            | K::CorrectBasicData
            | K::CorrectKeyData
            | K::Dropout
            | K::Death => Verdict::Allowed,
            _ => refuse(
                rules::R6_1,
                "学籍尚待主管教育行政部门核准，核准后方可办理此项变动",
            ),
        },
        Status::Enrolled => enrolled(kind),
        Status::Deferred => match kind {
            K::RenewDeferral
            | K::EndDeferral
            | K::CorrectBasicData
            | K::CorrectKeyData
            | K::Death => Verdict::Allowed,
            _ => refuse(rules::R6_2, "缓学期间只能办理续缓学或缓学期满入学"),
        },
        Status::OnLeave => on_leave(kind),
        Status::Abroad => match kind {
            K::ReturnFromAbroad
            | K::CorrectBasicData
            | K::CorrectKeyData
            | K::Withdraw
            | K::Death => Verdict::Allowed,
            _ => refuse(
                rules::R16_1,
                "境外就读期间不能办理此项变动，回国后请先接续学籍",
            ),
        },
        Status::DroppedOut => match kind {
            K::ReturnFromDropout
            | K::TransferOut
            | K::CorrectBasicData
            | K::CorrectKeyData
            | K::Withdraw
            | K::Death => Verdict::Allowed,
            _ => refuse(rules::R18_1, "辍学学生的学籍予以保留，请先办理辍学返校"),
        },
        Status::Held => match kind {
            K::Hold
            | K::Restore
            | K::ReformSchoolPlacement
            | K::CorrectBasicData
            | K::CorrectKeyData
            | K::Withdraw
            | K::Death
            | K::LiftSanction => Verdict::Allowed,
            _ => refuse(
                rules::R13_8,
                "保留学籍期间不能办理此项变动，解除强制措施后请先恢复学籍",
            ),
        },
    }
}

fn enrolled(kind: ChangeKind) -> Verdict {
    use ChangeKind as K;
    match kind {
        K::ApproveEnrolment => refuse(rules::R6_1, "学籍已经核准"),
        K::Defer | K::RenewDeferral | K::EndDeferral => {
            refuse(rules::R6_2, "缓学只适用于尚未入学的新生")
        }
        K::Restore => refuse(rules::R13_8, "学籍未处于保留状态，无需恢复"),
        K::ExtendLeave => refuse(rules::R14_3, "学生不在休学期，不能办理继续休学"),
        K::Resume => refuse(rules::R15_1, "学生不在休学期，不能办理复学"),
        K::ReturnFromAbroad => refuse(rules::R16_1, "学生不在境外就读"),
        K::ReturnFromDropout => refuse(rules::R18_1, "学生不是辍学状态"),
        K::CertifyIncomplete => certify_incomplete(Status::Enrolled),
        K::CorrectBasicData
        | K::CorrectKeyData
        | K::Promote
        | K::Skip
        | K::Repeat
        | K::TransferOut
        | K::ReformSchoolPlacement
        | K::Hold
        | K::Leave
        | K::OrderedLeave
        | K::GoAbroad
        | K::Withdraw
        | K::Dropout
        | K::Death
        | K::Award
        | K::Sanction
        | K::LiftSanction
        | K::Finish
        | K::StudyMode
        | K::ReturnFromPlacement => Verdict::Allowed,
    }
}

fn on_leave(kind: ChangeKind) -> Verdict {
    use ChangeKind as K;
    match kind {
        K::ExtendLeave
        | K::Resume
        | K::CorrectBasicData
        | K::CorrectKeyData
        | K::Hold
        | K::Withdraw
        | K::Dropout
        | K::Death
        | K::Award
        | K::LiftSanction => Verdict::Allowed,
        K::TransferOut | K::ReformSchoolPlacement => {
            refuse(rules::R13_5, "学生在休学期间不办理转学手续")
        }
        K::Leave | K::OrderedLeave => refuse(
            rules::R14_3,
            "学生已在休学；休学期满仍不能坚持学习的，请办理继续休学",
        ),
        _ => refuse(rules::R15_1, "休学期间不能办理此项变动，请先办理复学"),
    }
}

/// 肄业 for an early leaver (R25.3: 未完成九年义务教育者，在《证书》上注明“肄业”). Only a
/// student whose studies here ended by 退学 (R17.1, at 18 or over) qualifies: that ending is
/// final, so the outcome of the unfinished studies is recorded on the archived record — the one
/// exception to R9.2's read-only rule, and 第十条 asks the school to keep the record up to date
/// when a student 肄业. A dropout does not qualify: 第十八条 keeps a dropout's 学籍 within the
/// compulsory years (R18.1), the studies have not ended; one who is 18 and will not return is
/// first withdrawn (R17.1). A student in the last grade gets 肄业 in the graduation batch.
fn certify_incomplete(status: Status) -> Verdict {
    match status {
        Status::Withdrawn => Verdict::Allowed,
        Status::DroppedOut => refuse(
            rules::R18_1,
            "辍学学生在义务教育年限内保留学籍，学业未终止，不办理肄业；年满18周岁不再返校的，请先办理退学",
        ),
        Status::Incomplete => refuse(rules::R9_2, "学生已经肄业，学籍档案已永久归档"),
        Status::Deceased | Status::Graduated | Status::Completed => refuse(
            rules::R9_2,
            "学业已终止，学籍档案已永久归档，只读，不能再办理变动",
        ),
        Status::TransferredOut => refuse(
            rules::R7_3,
            "学籍已随学生转出（籍随人走），本校只保留只读备份",
        ),
        Status::PendingApproval
        | Status::Enrolled
        | Status::Deferred
        | Status::OnLeave
        | Status::Abroad
        | Status::Held => refuse(
            rules::R25_3,
            "肄业（提前离校）只适用于已办理退学的学生；最高年级学生的肄业在毕业批处理中办理",
        ),
    }
}

/// Every pair with its verdict, for the settings page and the tests.
pub fn table() -> Vec<(Status, ChangeKind, Verdict)> {
    Status::ALL
        .iter()
        .flat_map(|&s| ChangeKind::ALL.iter().map(move |&k| (s, k, verdict(s, k))))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table written out again, independently: allowed kinds per status, and the rule of
    /// every refusal.
    #[allow(clippy::match_same_arms, clippy::too_many_lines)] // a literal listing, rule by rule
    fn expected(status: Status, kind: ChangeKind) -> Option<RuleId> {
        use ChangeKind as K;
        let allowed: &[ChangeKind] = match status {
            Status::PendingApproval => &[
                K::ApproveEnrolment,
                K::Defer,
                K::CorrectBasicData,
                K::CorrectKeyData,
                K::Dropout,
                K::Death,
            ],
            Status::Enrolled => &[
                K::CorrectBasicData,
                K::CorrectKeyData,
                K::Promote,
                K::Skip,
                K::Repeat,
                K::TransferOut,
                K::ReformSchoolPlacement,
                K::Hold,
                K::Leave,
                K::OrderedLeave,
                K::GoAbroad,
                K::Withdraw,
                K::Dropout,
                K::Death,
                K::Award,
                K::Sanction,
                K::LiftSanction,
                K::Finish,
                K::StudyMode,
                K::ReturnFromPlacement,
            ],
            Status::Deferred => &[
                K::RenewDeferral,
                K::EndDeferral,
                K::CorrectBasicData,
                K::CorrectKeyData,
                K::Death,
            ],
            Status::OnLeave => &[
                K::ExtendLeave,
                K::Resume,
                K::CorrectBasicData,
                K::CorrectKeyData,
                K::Hold,
                K::Withdraw,
                K::Dropout,
                K::Death,
                K::Award,
                K::LiftSanction,
            ],
            Status::Abroad => &[
                K::ReturnFromAbroad,
                K::CorrectBasicData,
                K::CorrectKeyData,
                K::Withdraw,
                K::Death,
            ],
            Status::DroppedOut => &[
                K::ReturnFromDropout,
                K::TransferOut,
                K::CorrectBasicData,
                K::CorrectKeyData,
                K::Withdraw,
                K::Death,
            ],
            Status::Held => &[
                K::Hold,
                K::Restore,
                K::ReformSchoolPlacement,
                K::CorrectBasicData,
                K::CorrectKeyData,
                K::Withdraw,
                K::Death,
                K::LiftSanction,
            ],
            _ => &[],
        };
        if kind == K::CertifyIncomplete {
            return match status {
                Status::Withdrawn => None,
                Status::DroppedOut => Some(rules::R18_1),
                Status::TransferredOut => Some(rules::R7_3),
                Status::Deceased | Status::Graduated | Status::Completed | Status::Incomplete => {
                    Some(rules::R9_2)
                }
                _ => Some(rules::R25_3),
            };
        }
        if allowed.contains(&kind) {
            return None;
        }
        Some(match (status, kind) {
            (
                Status::Withdrawn
                | Status::Deceased
                | Status::Graduated
                | Status::Completed
                | Status::Incomplete,
                _,
            ) => rules::R9_2,
            (Status::TransferredOut, _) => rules::R7_3,
            (Status::PendingApproval, _) => rules::R6_1,
            (Status::Deferred, _) => rules::R6_2,
            (Status::Abroad, _) => rules::R16_1,
            (Status::DroppedOut, _) => rules::R18_1,
            (Status::Held, _) => rules::R13_8,
            (Status::OnLeave, K::TransferOut | K::ReformSchoolPlacement) => rules::R13_5,
            (Status::OnLeave, K::Leave | K::OrderedLeave) => rules::R14_3,
            (Status::OnLeave, _) => rules::R15_1,
            (Status::Enrolled, K::ApproveEnrolment) => rules::R6_1,
            (Status::Enrolled, K::Defer | K::RenewDeferral | K::EndDeferral) => rules::R6_2,
            (Status::Enrolled, K::Restore) => rules::R13_8,
            (Status::Enrolled, K::ExtendLeave) => rules::R14_3,
            (Status::Enrolled, K::Resume) => rules::R15_1,
            (Status::Enrolled, K::ReturnFromAbroad) => rules::R16_1,
            (Status::Enrolled, _) => rules::R18_1,
        })
    }

    #[test]
    fn every_status_change_pair_matches_the_written_table() {
        let all = table();
        assert_eq!(all.len(), Status::ALL.len() * ChangeKind::ALL.len());
        for (status, kind, verdict) in all {
            match (expected(status, kind), verdict) {
                (None, Verdict::Allowed) => {}
                (Some(rule), Verdict::Refused { rule: got, message }) => {
                    assert_eq!(got, rule, "{status:?} × {kind:?}");
                    assert!(!message.is_empty());
                    assert!(rules::title(&got).is_some());
                }
                (want, got) => panic!("{status:?} × {kind:?}: expected {want:?}, got {got:?}"),
            }
        }
    }

    #[test]
    fn r13_5_transfer_refused_while_on_leave() {
        let err = verdict(Status::OnLeave, ChangeKind::TransferOut)
            .into_result()
            .expect_err("refused");
        assert_eq!(err.rule_id(), Some(&rules::R13_5));
        assert_eq!(err.to_string(), "学生在休学期间不办理转学手续（R13.5）");
        assert!(verdict(Status::Enrolled, ChangeKind::TransferOut).is_allowed());
    }

    #[test]
    fn r9_2_ended_records_are_read_only() {
        for status in [
            Status::Graduated,
            Status::Completed,
            Status::Incomplete,
            Status::Withdrawn,
            Status::Deceased,
        ] {
            for kind in ChangeKind::ALL {
                let v = verdict(status, kind);
                if (status, kind) == (Status::Withdrawn, ChangeKind::CertifyIncomplete) {
                    // the one exception: the 肄业 outcome of a withdrawn early leaver (R25.3)
                    assert!(v.is_allowed());
                    continue;
                }
                assert!(
                    matches!(v, Verdict::Refused { ref rule, .. } if *rule == rules::R9_2),
                    "{status:?} {kind:?}"
                );
            }
        }
        assert!(verdict(Status::Enrolled, ChangeKind::Finish).is_allowed());
    }

    #[test]
    fn r7_3_transferred_out_record_follows_the_student() {
        for kind in ChangeKind::ALL {
            assert!(!verdict(Status::TransferredOut, kind).is_allowed());
        }
        assert!(verdict(Status::DroppedOut, ChangeKind::TransferOut).is_allowed());
    }
}

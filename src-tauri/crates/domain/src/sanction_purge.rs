//! 处分消灭 (R23.3): "在学生毕业时，所有的处分记录从学生学籍档案中撤除". What counts as a
//! discipline record, so the store removes every trace of it and nothing else: the applications
//! of these kinds (with their steps, proofs, facts, appeal and deadlines), their events, the
//! sanction deadlines, and the link between the student and the written decisions and notices.
//! The serials of those documents stay in the register (never reused), voided and unlinked.

use crate::change::ChangeKind;
use crate::effects::DeadlineKind;
use crate::print_kind::PrintKind;

/// Applications that are discipline records.
pub const CHANGE_KINDS: [ChangeKind; 2] = [ChangeKind::Sanction, ChangeKind::LiftSanction];

/// Deadlines that exist only because of a sanction.
pub const DEADLINE_KINDS: [DeadlineKind; 1] = [DeadlineKind::SanctionPeriodEnds];

/// Documents that state a sanction.
pub const DOCUMENT_KINDS: [PrintKind; 2] =
    [PrintKind::SanctionDecision, PrintKind::SanctionLiftNotice];

/// Why a purged document's serial is voided in the register.
pub const VOID_REASON: &str = "毕业时处分记录撤除（处分消灭，R23.3）";

/// The history label a purged version of the record keeps instead of the discipline change.
pub const HISTORY_LABEL: &str = "purged";

/// Whether an application of `kind` is a discipline record the purge removes.
pub fn is_discipline(kind: ChangeKind) -> bool {
    CHANGE_KINDS.contains(&kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r23_3_every_discipline_record_is_purged_and_nothing_else() {
        // 第二十二条 and 第二十三条: a sanction and its lifting are the discipline records.
        for kind in ChangeKind::ALL {
            let discipline = matches!(kind, ChangeKind::Sanction | ChangeKind::LiftSanction);
            assert_eq!(is_discipline(kind), discipline, "{kind:?}");
        }
        // Awards are the other half of 第二十一条's archive and stay.
        assert!(!is_discipline(ChangeKind::Award));
        for kind in PrintKind::ALL {
            let states_a_sanction = kind.label_zh().contains("处分");
            assert_eq!(
                DOCUMENT_KINDS.contains(&kind),
                states_a_sanction,
                "{kind:?}"
            );
        }
        assert_eq!(DEADLINE_KINDS, [DeadlineKind::SanctionPeriodEnds]);
    }
}

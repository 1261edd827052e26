//! Which approval form belongs to which change; the kinds themselves are the domain's
//! (`xueji_domain::PrintKind`).

use xueji_domain::ChangeKind;
pub use xueji_domain::PrintKind;
use xueji_print::documents::approval::ApprovalKind;

/// The approval form and the change it is for.
pub(crate) fn approval(kind: PrintKind) -> Option<(ApprovalKind, ChangeKind)> {
    Some(match kind {
        PrintKind::TransferForm => (ApprovalKind::Transfer, ChangeKind::TransferOut),
        PrintKind::LeaveForm => (ApprovalKind::Leave, ChangeKind::Leave),
        PrintKind::ResumeForm => (ApprovalKind::Resume, ChangeKind::Resume),
        PrintKind::DeferralForm => (ApprovalKind::Deferral, ChangeKind::Defer),
        PrintKind::SkipForm => (ApprovalKind::Skip, ChangeKind::Skip),
        PrintKind::RepeatForm => (ApprovalKind::Repeat, ChangeKind::Repeat),
        PrintKind::BasicDataChangeForm => {
            (ApprovalKind::BasicDataChange, ChangeKind::CorrectBasicData)
        }
        PrintKind::KeyDataChangeForm => (ApprovalKind::KeyDataChange, ChangeKind::CorrectKeyData),
        PrintKind::WithdrawalForm => (ApprovalKind::Withdrawal, ChangeKind::Withdraw),
        PrintKind::EnrolmentApprovalForm => (
            ApprovalKind::EnrolmentApproval,
            ChangeKind::ApproveEnrolment,
        ),
        PrintKind::ReformSchoolForm => (
            ApprovalKind::ReformSchool,
            ChangeKind::ReformSchoolPlacement,
        ),
        PrintKind::AbroadForm => (ApprovalKind::Abroad, ChangeKind::GoAbroad),
        _ => return None,
    })
}

//! The documents a change or a completion calls for (the printing is the app's and the print
//! crate's). Re-exported by [`crate::effects`], where they are listed among a change's effects.

use crate::rules::RuleId;

/// Documents to print.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(
    feature = "sea-orm",
    derive(sea_orm::DeriveValueType),
    sea_orm(
        value_type = "String",
        from_str = "crate::stored::parse",
        to_str = "crate::stored::text"
    )
)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    EnrolmentApprovalForm,
    DeferralApprovalForm,
    DataChangeForm,
    SkipApprovalForm,
    RepeatApprovalForm,
    TransferForm,
    ReformSchoolTransferForm,
    LeaveApprovalForm,
    LeaveOrder,
    ResumeFilingForm,
    AbroadForm,
    WithdrawalForm,
    DropoutReport,
    DeathCancellationForm,
    AwardRecord,
    SanctionDecision,
    SanctionLiftNotice,
    /// 《浙江省义务教育证书》 annotated 毕业 / 结业 / 肄业 (R24.1, R25).
    Certificate,
    /// 毕(结、肄)业证明书 for a lost certificate (R26.2).
    CompletionProof,
    /// 写实性证明 for a foreign student (R27.1).
    AttendanceStatement,
    /// Semester-end archive handover list for migrant dropouts (R18.2).
    MigrantDropoutHandoverList,
}

impl DocumentKind {
    pub fn title_zh(self) -> &'static str {
        match self {
            Self::EnrolmentApprovalForm => "学籍核准表",
            Self::DeferralApprovalForm => "缓学审批表",
            Self::DataChangeForm => "学籍信息变更审批表",
            Self::SkipApprovalForm => "跳级审批表",
            Self::RepeatApprovalForm => "留级审批表",
            Self::TransferForm => "转学联系单",
            Self::ReformSchoolTransferForm => "工读学校转学审批表",
            Self::LeaveApprovalForm => "休学审批表",
            Self::LeaveOrder => "责令休学通知书",
            Self::ResumeFilingForm => "复学备案表",
            Self::AbroadForm => "出境就读登记表",
            Self::WithdrawalForm => "退学审批表",
            Self::DropoutReport => "辍学情况书面报告",
            Self::DeathCancellationForm => "学籍注销申请表",
            Self::AwardRecord => "奖励记录",
            Self::SanctionDecision => "处分决定书",
            Self::SanctionLiftNotice => "解除处分通知书",
            Self::Certificate => "浙江省义务教育证书",
            Self::CompletionProof => "毕（结、肄）业证明书",
            Self::AttendanceStatement => "写实性证明",
            Self::MigrantDropoutHandoverList => "随迁子女辍学学籍档案移交清单",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Document {
    pub kind: DocumentKind,
    pub rule: RuleId,
    /// Extra text printed on it, e.g. the certificate's 毕业 / 结业 / 肄业 annotation.
    pub annotation: Option<String>,
}

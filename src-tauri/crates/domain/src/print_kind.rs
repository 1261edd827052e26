//! Every document the office prints, as the register of issued documents stores it (its serde
//! name, `completion_proof`): its Chinese name and the middle part of its serial number.

/// Every document the office prints.
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
pub enum PrintKind {
    /// 学籍卡 (R8.2)
    RecordCard,
    /// 班级花名册
    Roster,
    /// 《浙江省义务教育证书》 (R24.1, R26.1)
    Certificate,
    /// 毕（结、肄）业证明书 (R26.2)
    CompletionProof,
    /// 写实性证明 (R27.1)
    AttendanceStatement,
    TransferForm,
    LeaveForm,
    ResumeForm,
    DeferralForm,
    SkipForm,
    RepeatForm,
    BasicDataChangeForm,
    KeyDataChangeForm,
    WithdrawalForm,
    /// 辍学情况报告 (R18.1)
    DropoutReport,
    /// 学籍注销报告 (R19.1)
    CancellationReport,
    /// 处分决定书 (R22.2)
    SanctionDecision,
    /// 解除处分通知书 (R23.2)
    SanctionLiftNotice,
    /// 学籍变动统计表 (R4.1)
    ChangeStatistics,
    /// 学籍核准表 (R6.1, R7.1): the school reports a new record, the bureau approves it
    EnrolmentApprovalForm,
    /// 工读学校转学审批表 (R13.7)
    ReformSchoolForm,
    /// 出境就读登记表 (R16.1)
    AbroadForm,
    /// 责令休学通知书 (R14.2)
    LeaveOrder,
    /// 随迁子女辍学学籍档案移交清单 (R18.2): one list per hand-over
    MigrantHandoverList,
    /// 小学毕业生升学学籍档案移交清单 (R9.1): one list per receiving 初中
    ProgressionHandoverList,
}

impl PrintKind {
    pub const ALL: [PrintKind; 25] = [
        Self::RecordCard,
        Self::Roster,
        Self::Certificate,
        Self::CompletionProof,
        Self::AttendanceStatement,
        Self::TransferForm,
        Self::LeaveForm,
        Self::ResumeForm,
        Self::DeferralForm,
        Self::SkipForm,
        Self::RepeatForm,
        Self::BasicDataChangeForm,
        Self::KeyDataChangeForm,
        Self::WithdrawalForm,
        Self::DropoutReport,
        Self::CancellationReport,
        Self::SanctionDecision,
        Self::SanctionLiftNotice,
        Self::ChangeStatistics,
        Self::EnrolmentApprovalForm,
        Self::ReformSchoolForm,
        Self::AbroadForm,
        Self::LeaveOrder,
        Self::MigrantHandoverList,
        Self::ProgressionHandoverList,
    ];

    /// The name the register stores and the command line takes (`completion_proof`).
    pub fn name(self) -> String {
        crate::stored::text(&self)
    }

    /// The kind named `name`, if any.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The serial's middle part (`2025-CERT-000123`).
    pub fn code(self) -> &'static str {
        match self {
            Self::RecordCard => "CARD",
            Self::Roster => "ROSTER",
            Self::Certificate => "CERT",
            Self::CompletionProof => "PROOF",
            Self::AttendanceStatement => "ATTEST",
            Self::TransferForm => "TRANSFER",
            Self::LeaveForm => "LEAVE",
            Self::ResumeForm => "RESUME",
            Self::DeferralForm => "DEFER",
            Self::SkipForm => "SKIP",
            Self::RepeatForm => "REPEAT",
            Self::BasicDataChangeForm => "DATA",
            Self::KeyDataChangeForm => "KEYDATA",
            Self::WithdrawalForm => "WITHDRAW",
            Self::DropoutReport => "DROPOUT",
            Self::CancellationReport => "CANCEL",
            Self::SanctionDecision => "SANCTION",
            Self::SanctionLiftNotice => "LIFT",
            Self::ChangeStatistics => "STATS",
            Self::EnrolmentApprovalForm => "ENROL",
            Self::ReformSchoolForm => "REFORM",
            Self::AbroadForm => "ABROAD",
            Self::LeaveOrder => "ORDER",
            Self::MigrantHandoverList => "MIGRANT",
            Self::ProgressionHandoverList => "PROGRESS",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Self::RecordCard => "学籍卡",
            Self::Roster => "班级花名册",
            Self::Certificate => "浙江省义务教育证书",
            Self::CompletionProof => "毕（结、肄）业证明书",
            Self::AttendanceStatement => "写实性证明",
            Self::TransferForm => "转学申请表",
            Self::LeaveForm => "休学申请审批表",
            Self::ResumeForm => "复学申请表",
            Self::DeferralForm => "缓学申请审批表",
            Self::SkipForm => "跳级申请审批表",
            Self::RepeatForm => "留级申请审批表",
            Self::BasicDataChangeForm => "学生基础信息变更申请表",
            Self::KeyDataChangeForm => "学生基础信息变更申请表（姓名、身份证件号码）",
            Self::WithdrawalForm => "退学申请审批表",
            Self::DropoutReport => "辍学情况报告",
            Self::CancellationReport => "学籍注销报告",
            Self::SanctionDecision => "处分决定书",
            Self::SanctionLiftNotice => "解除处分通知书",
            Self::ChangeStatistics => "学籍变动统计表",
            Self::EnrolmentApprovalForm => "学籍核准表",
            Self::ReformSchoolForm => "工读学校转学审批表",
            Self::AbroadForm => "出境就读登记表",
            Self::LeaveOrder => "责令休学通知书",
            Self::MigrantHandoverList => "随迁子女辍学学籍档案移交清单",
            Self::ProgressionHandoverList => "小学毕业生升学学籍档案移交清单",
        }
    }

    /// One document (and one serial) per student; the roster and the statistics are one each.
    pub fn per_student(self) -> bool {
        !matches!(
            self,
            Self::Roster
                | Self::ChangeStatistics
                | Self::MigrantHandoverList
                | Self::ProgressionHandoverList
        )
    }

    /// Printed from the print page. The hand-over lists go with their hand-over, on the exchange
    /// page, where the receiver is known.
    pub fn on_print_page(self) -> bool {
        !matches!(
            self,
            Self::MigrantHandoverList | Self::ProgressionHandoverList
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_own_serial_part_and_name_and_is_stored_by_its_serde_name() {
        let parts: std::collections::BTreeSet<_> =
            PrintKind::ALL.iter().map(|k| k.code()).collect();
        let names: std::collections::BTreeSet<_> =
            PrintKind::ALL.iter().map(|k| k.label_zh()).collect();
        assert_eq!(parts.len(), PrintKind::ALL.len());
        assert_eq!(names.len(), PrintKind::ALL.len());
        assert_eq!(
            crate::stored::text(&PrintKind::CompletionProof),
            "completion_proof"
        );
        for k in PrintKind::ALL {
            assert_eq!(
                crate::stored::parse::<PrintKind>(&crate::stored::text(&k)).ok(),
                Some(k)
            );
            assert_eq!(PrintKind::from_name(&k.name()), Some(k));
        }
        assert_eq!(PrintKind::from_name("record-card"), None);
    }
}

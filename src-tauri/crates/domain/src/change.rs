//! Every change type of the law (学籍变动), as a fieldless kind for the status table and as a
//! value with the facts the rules need.

use chrono::NaiveDate;

use crate::completion::CompletionFacts;
use crate::rules::{self, RuleId};
use crate::sanction::{SanctionLevel, SanctionRecord};
use crate::school::{Grade, SchoolYear, StudyMode};

/// The kinds of change, one per row of the law's chapter 3–5 procedures.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
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
pub enum ChangeKind {
    /// 学籍核准 (R6.1)
    ApproveEnrolment,
    /// 缓学 (R6.2)
    Defer,
    /// 续缓学 (R6.2)
    RenewDeferral,
    /// 缓学期满入学 (R6.2)
    EndDeferral,
    /// 基础信息变更 (R11.1)
    CorrectBasicData,
    /// 关键信息（姓名、身份证号）变更 (R11.2)
    CorrectKeyData,
    /// 升级 (R12.1)
    Promote,
    /// 跳级 (R12.2)
    Skip,
    /// 留级 (R12.3)
    Repeat,
    /// 转学 (R13.1)
    TransferOut,
    /// 转入工读学校 (R13.7)
    ReformSchoolPlacement,
    /// 保留学籍 (R13.8)
    Hold,
    /// 恢复学籍 (R13.8)
    Restore,
    /// 休学 (R14.1)
    Leave,
    /// 责令休学 (R14.2)
    OrderedLeave,
    /// 继续休学 (R14.3)
    ExtendLeave,
    /// 复学 (R15.1)
    Resume,
    /// 境外就读 (R16.1)
    GoAbroad,
    /// 境外返回 (R16.1)
    ReturnFromAbroad,
    /// 退学 (R17.1)
    Withdraw,
    /// 辍学 (R18.1)
    Dropout,
    /// 辍学返校 (R18.1)
    ReturnFromDropout,
    /// 死亡注销 (R19.1)
    Death,
    /// 奖励 (R21.1)
    Award,
    /// 处分 (R22.2)
    Sanction,
    /// 解除处分 (R23.2)
    LiftSanction,
    /// 毕业、结业、肄业 (R25)
    Finish,
    /// 就读方式变更: 随班就读 found after enrolment, or its end (R13.6, R12.3)
    StudyMode,
    /// 结束校外安置: back from a placement elsewhere while the record stayed here (R13.6, R13.7)
    ReturnFromPlacement,
    /// 肄业 of an early leaver (R25.3): a student whose studies here ended by 退学 (R17.1) before
    /// completing nine years is given the 肄业 outcome and its certificate.
    CertifyIncomplete,
}

impl ChangeKind {
    pub const ALL: [ChangeKind; 30] = [
        Self::ApproveEnrolment,
        Self::Defer,
        Self::RenewDeferral,
        Self::EndDeferral,
        Self::CorrectBasicData,
        Self::CorrectKeyData,
        Self::Promote,
        Self::Skip,
        Self::Repeat,
        Self::TransferOut,
        Self::ReformSchoolPlacement,
        Self::Hold,
        Self::Restore,
        Self::Leave,
        Self::OrderedLeave,
        Self::ExtendLeave,
        Self::Resume,
        Self::GoAbroad,
        Self::ReturnFromAbroad,
        Self::Withdraw,
        Self::Dropout,
        Self::ReturnFromDropout,
        Self::Death,
        Self::Award,
        Self::Sanction,
        Self::LiftSanction,
        Self::Finish,
        Self::StudyMode,
        Self::ReturnFromPlacement,
        Self::CertifyIncomplete,
    ];

    /// The stable name stored and sent for this kind (its serde name): `transfer_out` ….
    pub fn code(self) -> &'static str {
        match self {
            Self::ApproveEnrolment => "approve_enrolment",
            Self::Defer => "defer",
            Self::RenewDeferral => "renew_deferral",
            Self::EndDeferral => "end_deferral",
            Self::CorrectBasicData => "correct_basic_data",
            Self::CorrectKeyData => "correct_key_data",
            Self::Promote => "promote",
            Self::Skip => "skip",
            Self::Repeat => "repeat",
            Self::TransferOut => "transfer_out",
            Self::ReformSchoolPlacement => "reform_school_placement",
            Self::Hold => "hold",
            Self::Restore => "restore",
            Self::Leave => "leave",
            Self::OrderedLeave => "ordered_leave",
            Self::ExtendLeave => "extend_leave",
            Self::Resume => "resume",
            Self::GoAbroad => "go_abroad",
            Self::ReturnFromAbroad => "return_from_abroad",
            Self::Withdraw => "withdraw",
            Self::Dropout => "dropout",
            Self::ReturnFromDropout => "return_from_dropout",
            Self::Death => "death",
            Self::Award => "award",
            Self::Sanction => "sanction",
            Self::LiftSanction => "lift_sanction",
            Self::Finish => "finish",
            Self::StudyMode => "study_mode",
            Self::ReturnFromPlacement => "return_from_placement",
            Self::CertifyIncomplete => "certify_incomplete",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Self::ApproveEnrolment => "学籍核准",
            Self::Defer => "缓学",
            Self::RenewDeferral => "续缓学",
            Self::EndDeferral => "缓学期满入学",
            Self::CorrectBasicData => "基础信息变更",
            Self::CorrectKeyData => "关键信息变更",
            Self::Promote => "升级",
            Self::Skip => "跳级",
            Self::Repeat => "留级",
            Self::TransferOut => "转学",
            Self::ReformSchoolPlacement => "转入工读学校",
            Self::Hold => "保留学籍",
            Self::Restore => "恢复学籍",
            Self::Leave => "休学",
            Self::OrderedLeave => "责令休学",
            Self::ExtendLeave => "继续休学",
            Self::Resume => "复学",
            Self::GoAbroad => "境外就读",
            Self::ReturnFromAbroad => "境外返回",
            Self::Withdraw => "退学",
            Self::Dropout => "辍学",
            Self::ReturnFromDropout => "辍学返校",
            Self::Death => "死亡注销",
            Self::Award => "奖励",
            Self::Sanction => "处分",
            Self::LiftSanction => "解除处分",
            Self::Finish => "毕业",
            Self::StudyMode => "就读方式变更",
            Self::ReturnFromPlacement => "结束校外安置",
            Self::CertifyIncomplete => "肄业（提前离校）",
        }
    }

    /// The rule that governs this change's procedure.
    pub fn rule(self) -> RuleId {
        match self {
            Self::ApproveEnrolment => rules::R6_1,
            Self::Defer | Self::RenewDeferral | Self::EndDeferral => rules::R6_2,
            Self::CorrectBasicData => rules::R11_1,
            Self::CorrectKeyData => rules::R11_2,
            Self::Promote => rules::R12_1,
            Self::Skip => rules::R12_2,
            Self::Repeat => rules::R12_3,
            Self::TransferOut => rules::R13_1,
            Self::ReformSchoolPlacement => rules::R13_7,
            Self::Hold | Self::Restore => rules::R13_8,
            Self::Leave => rules::R14_1,
            Self::OrderedLeave => rules::R14_2,
            Self::ExtendLeave => rules::R14_3,
            Self::Resume => rules::R15_1,
            Self::GoAbroad | Self::ReturnFromAbroad => rules::R16_1,
            Self::Withdraw => rules::R17_1,
            Self::Dropout | Self::ReturnFromDropout => rules::R18_1,
            Self::Death => rules::R19_1,
            Self::Award => rules::R21_1,
            Self::Sanction => rules::R22_2,
            Self::LiftSanction => rules::R23_2,
            Self::Finish => rules::R25_1,
            Self::StudyMode | Self::ReturnFromPlacement => rules::R13_6,
            Self::CertifyIncomplete => rules::R25_3,
        }
    }
}

/// What an application is for: a change of one of the school's records, or a student transferring
/// in (whose record the school does not have yet). Stored and sent as one snake-case name:
/// a [`ChangeKind`]'s (`transfer_out` …) or `transfer_in`.
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
#[serde(untagged)]
pub enum ApplicationKind {
    Change(ChangeKind),
    TransferIn(IncomingTransfer),
}

/// The name of a transfer-in application (`transfer_in`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum IncomingTransfer {
    /// 转入
    TransferIn,
}

impl ApplicationKind {
    /// A student transferring in (转入).
    pub const TRANSFER_IN: Self = Self::TransferIn(IncomingTransfer::TransferIn);

    /// The change, unless this is a transfer in.
    pub fn change(self) -> Option<ChangeKind> {
        match self {
            Self::Change(k) => Some(k),
            Self::TransferIn(_) => None,
        }
    }

    /// The stable name stored and sent: a change kind's ([`ChangeKind::code`]) or `transfer_in`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Change(k) => k.code(),
            Self::TransferIn(_) => "transfer_in",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Self::Change(k) => k.label_zh(),
            Self::TransferIn(_) => "转入",
        }
    }
}

impl From<ChangeKind> for ApplicationKind {
    fn from(kind: ChangeKind) -> Self {
        Self::Change(kind)
    }
}

/// Why a student asks for leave (R14.1).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum LeaveReason {
    /// Consecutive sick leave since a date.
    Illness { sick_since: NaiveDate },
    /// 其他特殊原因
    Other { description: String },
}

/// Why the school orders leave (R14.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum OrderedLeaveReason {
    /// A notifiable infectious disease needing isolation.
    InfectiousDisease,
    /// An illness diagnosed by a county-level or higher hospital that prevents study at school.
    IllnessPreventingStudy,
}

/// Kinds of transfer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum TransferKind {
    /// An ordinary transfer (R13.1).
    Regular,
    /// Special-education school ↔ 随班就读 at a regular school; the record may move or stay (R13.6).
    SpecialInclusive { record_moves: bool },
    /// From a 工读 school back to a school; the original school must accept (R13.7).
    ReturnFromReformSchool { to_original_school: bool },
}

/// Whether the two schools answer to one bureau or two, which decides who 核办 a transfer and in
/// what order (R13.1, as the national system runs it): within one county the receiving school,
/// the sending school, then the one bureau; across counties the receiving school and its bureau,
/// then the sending school and its bureau.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum TransferRoute {
    /// Both schools in one county (市、区): one bureau.
    WithinCounty,
    /// The schools in two counties: each side's bureau. The default for applications stored
    /// before the route was asked.
    #[default]
    AcrossCounties,
}

impl TransferRoute {
    pub fn label_zh(self) -> &'static str {
        match self {
            Self::WithinCounty => "县（市、区）内转学",
            Self::AcrossCounties => "跨县（市、区）转学",
        }
    }
}

/// A transfer request, as the sending school sees it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TransferDetails {
    pub kind: TransferKind,
    /// The grade at the receiving school: must be the current grade (R13.4).
    pub grade: Grade,
    pub receiving_school: String,
    #[serde(default)]
    pub route: TransferRoute,
}

/// The key fields of R11.2.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum KeyField {
    Name,
    IdCardNumber,
}

/// Result of the national duplicate check and identity check (R7.5, R11.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckResult {
    NotDone,
    Passed,
    Failed,
}

/// Levels of award (R21.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum AwardLevel {
    School,
    County,
    City,
    Province,
    National,
}

/// An award for the growth archive (R21.1).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Award {
    pub level: AwardLevel,
    pub title: String,
    pub issuer: String,
    pub awarded_on: NaiveDate,
}

/// A change with its facts.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Change {
    ApproveEnrolment,
    Defer {
        school_year: SchoolYear,
        applied_on: NaiveDate,
    },
    RenewDeferral {
        school_year: SchoolYear,
        applied_on: NaiveDate,
    },
    EndDeferral,
    CorrectBasicData {
        field: String,
        before: String,
        after: String,
    },
    CorrectKeyData {
        field: KeyField,
        before: String,
        after: String,
        /// A result claimed with the request, as applications stored before the national
        /// recheck became a step of its own carry it (those keep their two steps, and the claim
        /// must read 通过 for the change to take effect). `None` in every application opened
        /// since: the recheck is then the application's last step, recorded once it has
        /// happened (R11.2).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        recheck: Option<CheckResult>,
    },
    Promote {
        into: SchoolYear,
    },
    Skip {
        to: Grade,
    },
    Repeat,
    TransferOut(TransferDetails),
    ReformSchoolPlacement {
        /// Agreed by the original school and the guardian (R13.7).
        record_moves: bool,
        school: String,
    },
    Hold {
        since: NaiveDate,
        judgment_effective_on: Option<NaiveDate>,
    },
    Restore,
    Leave {
        reason: LeaveReason,
    },
    OrderedLeave {
        reason: OrderedLeaveReason,
    },
    ExtendLeave,
    Resume {
        grade: Grade,
    },
    GoAbroad,
    ReturnFromAbroad,
    Withdraw,
    Dropout {
        /// 随迁子女 (R18.2).
        migrant: bool,
    },
    ReturnFromDropout,
    Death {
        died_on: NaiveDate,
    },
    Award(Award),
    Sanction {
        level: SanctionLevel,
        shortened_to: Option<NaiveDate>,
        shortened_reason: Option<String>,
    },
    LiftSanction {
        sanction: SanctionRecord,
        reformed: bool,
        reoffended: bool,
    },
    Finish(CompletionFacts),
    /// 随班就读 recorded after enrolment (or ended), on an assessment (R13.6, R12.3).
    StudyMode {
        mode: StudyMode,
    },
    /// Back from a placement elsewhere (a special school, R13.6; a 工读学校, R13.7).
    ReturnFromPlacement,
    /// 肄业 after 退学 (R25.3): the outcome for a student whose studies here ended early.
    CertifyIncomplete,
}

impl Change {
    pub fn kind(&self) -> ChangeKind {
        match self {
            Self::ApproveEnrolment => ChangeKind::ApproveEnrolment,
            Self::Defer { .. } => ChangeKind::Defer,
            Self::RenewDeferral { .. } => ChangeKind::RenewDeferral,
            Self::EndDeferral => ChangeKind::EndDeferral,
            Self::CorrectBasicData { .. } => ChangeKind::CorrectBasicData,
            Self::CorrectKeyData { .. } => ChangeKind::CorrectKeyData,
            Self::Promote { .. } => ChangeKind::Promote,
            Self::Skip { .. } => ChangeKind::Skip,
            Self::Repeat => ChangeKind::Repeat,
            Self::TransferOut(_) => ChangeKind::TransferOut,
            Self::ReformSchoolPlacement { .. } => ChangeKind::ReformSchoolPlacement,
            Self::Hold { .. } => ChangeKind::Hold,
            Self::Restore => ChangeKind::Restore,
            Self::Leave { .. } => ChangeKind::Leave,
            Self::OrderedLeave { .. } => ChangeKind::OrderedLeave,
            Self::ExtendLeave => ChangeKind::ExtendLeave,
            Self::Resume { .. } => ChangeKind::Resume,
            Self::GoAbroad => ChangeKind::GoAbroad,
            Self::ReturnFromAbroad => ChangeKind::ReturnFromAbroad,
            Self::Withdraw => ChangeKind::Withdraw,
            Self::Dropout { .. } => ChangeKind::Dropout,
            Self::ReturnFromDropout => ChangeKind::ReturnFromDropout,
            Self::Death { .. } => ChangeKind::Death,
            Self::Award(_) => ChangeKind::Award,
            Self::Sanction { .. } => ChangeKind::Sanction,
            Self::LiftSanction { .. } => ChangeKind::LiftSanction,
            Self::Finish(_) => ChangeKind::Finish,
            Self::StudyMode { .. } => ChangeKind::StudyMode,
            Self::ReturnFromPlacement => ChangeKind::ReturnFromPlacement,
            Self::CertifyIncomplete => ChangeKind::CertifyIncomplete,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn change_kinds_have_unique_labels_and_catalogued_rules() {
        let labels: std::collections::BTreeSet<_> =
            ChangeKind::ALL.iter().map(|k| k.label_zh()).collect();
        assert_eq!(labels.len(), ChangeKind::ALL.len());
        for k in ChangeKind::ALL {
            assert!(rules::title(&k.rule()).is_some(), "{k:?}");
        }
    }

    #[test]
    fn a_kind_is_stored_and_sent_by_its_serde_name() {
        for k in ChangeKind::ALL {
            let json = serde_json::to_string(&k).unwrap();
            assert_eq!(json, format!("\"{}\"", k.code()));
            let as_application = ApplicationKind::from(k);
            assert_eq!(serde_json::to_string(&as_application).unwrap(), json);
            assert_eq!(
                serde_json::from_str::<ApplicationKind>(&json).unwrap(),
                as_application
            );
        }
        let incoming = serde_json::to_string(&ApplicationKind::TRANSFER_IN).unwrap();
        assert_eq!(incoming, "\"transfer_in\"");
        assert_eq!(
            serde_json::from_str::<ApplicationKind>(&incoming).unwrap(),
            ApplicationKind::TRANSFER_IN
        );
        assert_eq!(ApplicationKind::TRANSFER_IN.change(), None);
        assert!(serde_json::from_str::<ApplicationKind>("\"nonsense\"").is_err());
    }
}

//! One step of an application: who acts (the party), what the step does, how it ended, and its
//! working-day limit (R13.3).

use chrono::NaiveDate;

/// Who acts in a step.
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
pub enum Party {
    /// 监护人 (or the adult student)
    Guardian,
    /// 本校 (registrar and school approver)
    School,
    /// 转入学校
    ReceivingSchool,
    /// 转出学校
    SendingSchool,
    /// 转入地主管教育行政部门
    ReceivingBureau,
    /// 转出地主管教育行政部门
    SendingBureau,
    /// 主管教育行政部门
    Bureau,
    /// 工读学校
    ReformSchool,
    /// 德育部门
    MoralEducationOffice,
    /// 校务会议
    SchoolCouncil,
    /// 校长
    Principal,
    /// 全国中小学生学籍信息管理系统: its duplicate check and identity comparison, re-run after the
    /// bureau approves a key-field change (R11.2); the registrar records its result.
    NationalSystem,
}

impl Party {
    pub fn label_zh(self) -> &'static str {
        match self {
            Self::Guardian => "监护人",
            Self::School => "学校",
            Self::ReceivingSchool => "转入学校",
            Self::SendingSchool => "转出学校",
            Self::ReceivingBureau => "转入地主管教育行政部门",
            Self::SendingBureau => "转出地主管教育行政部门",
            Self::Bureau => "主管教育行政部门",
            Self::ReformSchool => "工读学校",
            Self::MoralEducationOffice => "德育部门",
            Self::SchoolCouncil => "校务会议",
            Self::Principal => "校长",
            Self::NationalSystem => "全国学籍系统",
        }
    }
}

/// What a step does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum StepAction {
    /// 提出申请
    Apply,
    /// 上报
    Report,
    /// 核办
    Review,
    /// 核准
    Approve,
    /// 备案
    File,
    /// 同意接收
    Agree,
    /// 提出处分意见
    Propose,
    /// 告知并听取意见
    NotifyAndHear,
    /// 听证会
    Hearing,
    /// 决定
    Decide,
    /// 签署公布
    SignAndPublish,
    /// 责令
    Order,
    /// 重新进行全国查重和身份比对 (R11.2): approved when the check passes, rejected (with the
    /// reason) when it fails.
    Recheck,
}

impl StepAction {
    pub fn label_zh(self) -> &'static str {
        match self {
            Self::Apply => "提出申请",
            Self::Report => "上报",
            Self::Review => "核办",
            Self::Approve => "核准",
            Self::File => "备案",
            Self::Agree => "同意接收",
            Self::Propose => "提出处分意见",
            Self::NotifyAndHear => "告知并听取意见",
            Self::Hearing => "举行听证会",
            Self::Decide => "决定",
            Self::SignAndPublish => "签署公布",
            Self::Order => "责令执行",
            Self::Recheck => "查重及身份比对",
        }
    }

    /// Whether the step records the result of a check (通过 / 未通过) rather than a party's
    /// decision (同意 / 不同意).
    pub fn is_check(self) -> bool {
        matches!(self, Self::Recheck)
    }
}

/// How a step ended, if it has.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum StepOutcome {
    Pending,
    /// Approved; `reference` is e.g. the bureau's 文号.
    Approved {
        on: NaiveDate,
        reference: Option<String>,
    },
    Rejected {
        on: NaiveDate,
        reason: String,
    },
    /// An optional step not needed (e.g. no hearing was asked for).
    Skipped {
        on: NaiveDate,
    },
}

/// One step.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Step {
    pub party: Party,
    pub action: StepAction,
    pub optional: bool,
    /// Working days the party has once the step is reached (R13.3).
    pub working_days: Option<u32>,
    pub outcome: StepOutcome,
}

impl Step {
    pub(crate) fn new(party: Party, action: StepAction) -> Self {
        Self {
            party,
            action,
            optional: false,
            working_days: None,
            outcome: StepOutcome::Pending,
        }
    }

    pub(crate) fn within(mut self, days: u32) -> Self {
        self.working_days = Some(days);
        self
    }

    pub(crate) fn optional(mut self) -> Self {
        self.optional = true;
        self
    }

    pub fn label_zh(&self) -> String {
        format!("{}{}", self.party.label_zh(), self.action.label_zh())
    }

    pub(crate) fn decided_on(&self) -> Option<NaiveDate> {
        match &self.outcome {
            StepOutcome::Pending => None,
            StepOutcome::Approved { on, .. }
            | StepOutcome::Rejected { on, .. }
            | StepOutcome::Skipped { on } => Some(*on),
        }
    }
}

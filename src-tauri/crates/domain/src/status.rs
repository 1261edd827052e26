//! A student's 学籍 status.

/// Every status a record can have.
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
pub enum Status {
    /// 待核准: record built, bureau approval pending (R6.1). The student attends (R3.1).
    PendingApproval,
    /// 在读
    Enrolled,
    /// 缓学 (R6.2)
    Deferred,
    /// 休学 (R14)
    OnLeave,
    /// 境外就读 (R16.1)
    Abroad,
    /// 转出: the record went with the student; a read-only copy stays (R7.3, R9.1).
    TransferredOut,
    /// 辍学: the record is kept (R18.1).
    DroppedOut,
    /// 保留学籍 during criminal compulsory measures (R13.8).
    Held,
    /// 退学 (R17.1)
    Withdrawn,
    /// 死亡注销 (R19.1)
    Deceased,
    /// 毕业 (R25.1)
    Graduated,
    /// 结业 (R25.2)
    Completed,
    /// 肄业 (R25.3)
    Incomplete,
}

impl Status {
    pub const ALL: [Status; 13] = [
        Self::PendingApproval,
        Self::Enrolled,
        Self::Deferred,
        Self::OnLeave,
        Self::Abroad,
        Self::TransferredOut,
        Self::DroppedOut,
        Self::Held,
        Self::Withdrawn,
        Self::Deceased,
        Self::Graduated,
        Self::Completed,
        Self::Incomplete,
    ];

    pub fn label_zh(self) -> &'static str {
        match self {
            Self::PendingApproval => "待核准",
            Self::Enrolled => "在读",
            Self::Deferred => "缓学",
            Self::OnLeave => "休学",
            Self::Abroad => "境外就读",
            Self::TransferredOut => "转出",
            Self::DroppedOut => "辍学",
            Self::Held => "保留学籍",
            Self::Withdrawn => "退学",
            Self::Deceased => "死亡注销",
            Self::Graduated => "毕业",
            Self::Completed => "结业",
            Self::Incomplete => "肄业",
        }
    }

    /// Studies ended here: the record is archived permanently and read-only (R9.2).
    pub fn is_ended(self) -> bool {
        matches!(
            self,
            Self::Withdrawn | Self::Deceased | Self::Graduated | Self::Completed | Self::Incomplete
        )
    }

    /// The record is read-only at this school: ended, or transferred out (R9.1).
    pub fn is_read_only(self) -> bool {
        self.is_ended() || self == Self::TransferredOut
    }

    /// The student is attending lessons at this school.
    pub fn is_attending(self) -> bool {
        matches!(self, Self::PendingApproval | Self::Enrolled)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_labels_are_unique() {
        let labels: std::collections::BTreeSet<_> =
            Status::ALL.iter().map(|s| s.label_zh()).collect();
        assert_eq!(labels.len(), Status::ALL.len());
    }
}

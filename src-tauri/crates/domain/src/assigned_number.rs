//! The 学籍号 as the national system issues it (R7.1, 第七条: "经学校主管教育行政部门核准后上报
//! 教育部获取全国学籍号"). A record's number is one of three things: none yet (待分配: a student
//! without a resident ID gets the L or J number the national system returns, never one invented
//! here); provisional (the G number derived from the resident ID while the bureau has not yet
//! approved the record); or national (approved, or entered as the national system returned it).
//! Printed documents show a provisional number as such, never as if final.

use crate::error::{DomainError, Result};
use crate::id_card::IdCardNumber;
use crate::rules;
use crate::status::Status;
use crate::xueji_number::XuejiNumber;

/// A record's 学籍号 and how final it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AssignedNumber {
    /// 待分配: the national system has not returned one yet.
    Pending,
    /// Derived from the resident ID; final once the bureau approves the record.
    Provisional(XuejiNumber),
    /// As the national system holds it.
    National(XuejiNumber),
}

impl AssignedNumber {
    /// What a record holds: its number (if any) in its status. Before the bureau's approval
    /// (待核准) a number is provisional.
    pub fn of(number: Option<XuejiNumber>, status: Status) -> Self {
        match number {
            None => Self::Pending,
            Some(n) if status == Status::PendingApproval => Self::Provisional(n),
            Some(n) => Self::National(n),
        }
    }

    pub fn number(&self) -> Option<&XuejiNumber> {
        match self {
            Self::Pending => None,
            Self::Provisional(n) | Self::National(n) => Some(n),
        }
    }

    /// As documents and pages print it: `待分配`, `G…（暂定）`, or the number.
    pub fn printed(&self) -> String {
        match self {
            Self::Pending => "待分配".to_owned(),
            Self::Provisional(n) => format!("{n}（暂定）"),
            Self::National(n) => n.to_string(),
        }
    }
}

/// Checks the 学籍号 the national system returned for a record that has none (R7.1): with a
/// resident ID it can only be `G` + that ID (one person, one number); without one it is the
/// `L` or `J` number as issued. A record whose number exists changes it only through a key-data
/// change (R11.2).
pub fn check_national(
    entered: &str,
    id_card: Option<&IdCardNumber>,
    current: Option<&XuejiNumber>,
) -> Result<XuejiNumber> {
    if let Some(n) = current {
        return Err(DomainError::rule(
            rules::R7_1,
            format!(
                "该生已有学籍号{n}，一人一号、终身不变；确需更正请办理关键信息变更（第十一条）"
            ),
        ));
    }
    let number = XuejiNumber::parse(entered)?;
    if let Some(id) = id_card
        && number != XuejiNumber::from_id_card(id)
    {
        return Err(DomainError::rule(
            rules::R7_1,
            format!(
                "学籍号以学生居民身份证号为基础生成：该生的学籍号应为{}",
                XuejiNumber::from_id_card(id)
            ),
        ));
    }
    Ok(number)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::id_card::tests::{SAMPLE, d};

    #[test]
    fn r7_1_a_number_is_provisional_until_the_bureau_approves_and_none_is_invented() {
        // 第七条: 经学校主管教育行政部门核准后上报教育部获取全国学籍号.
        let id = IdCardNumber::parse(SAMPLE, d(2024, 1, 1)).expect("id");
        let g = XuejiNumber::from_id_card(&id);
        let waiting = AssignedNumber::of(Some(g.clone()), Status::PendingApproval);
        assert_eq!(waiting, AssignedNumber::Provisional(g.clone()));
        assert_eq!(waiting.printed(), format!("G{SAMPLE}（暂定）"));
        let approved = AssignedNumber::of(Some(g.clone()), Status::Enrolled);
        assert_eq!(approved.printed(), format!("G{SAMPLE}"));
        assert_eq!(approved.number(), Some(&g));
        let none = AssignedNumber::of(None, Status::Enrolled);
        assert_eq!(none.printed(), "待分配");
        assert_eq!(none.number(), None);
    }

    #[test]
    fn r7_1_the_national_number_entered_is_checked() {
        let id = IdCardNumber::parse(SAMPLE, d(2024, 1, 1)).expect("id");
        // With a resident ID only G + that ID.
        let ok = check_national(&format!("g{SAMPLE}"), Some(&id), None).expect("G + ID");
        assert_eq!(ok, XuejiNumber::from_id_card(&id));
        let other = check_national("J330106201503070010", Some(&id), None).expect_err("not G+ID");
        assert_eq!(other.rule_id(), Some(&rules::R7_1));
        // Without one, the L or J number as the national system issued it.
        let j = check_national("J330106201503070010", None, None).expect("J");
        assert_eq!(j.as_str(), "J330106201503070010");
        assert!(
            check_national("J330106201503070011", None, None).is_err(),
            "bad check"
        );
        // Once a record has a number it never changes here (R11.2 instead).
        let err = check_national("J330106201503070010", None, Some(&j)).expect_err("has one");
        assert_eq!(err.rule_id(), Some(&rules::R7_1));
    }
}

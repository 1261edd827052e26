//! The registrar (学籍管理员): trained before duty, stable, not changed mid-year (R28.1).

use chrono::NaiveDate;

use crate::effects::Warning;
use crate::error::{DomainError, Result};
use crate::rules;
use crate::school::SchoolYear;

/// A registrar's register entry.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Registrar {
    pub name: String,
    pub trained_on: Option<NaiveDate>,
    pub on_duty_from: NaiveDate,
}

/// Refuses a registrar without training completed by the first day of duty; warns when the
/// change of registrar falls in the middle of a school year (it should happen between years).
pub fn check_appointment(new: &Registrar, previous: Option<&Registrar>) -> Result<Vec<Warning>> {
    if new.name.trim().is_empty() {
        return Err(DomainError::rule(rules::R28_1, "须填写学籍管理员姓名"));
    }
    match new.trained_on {
        Some(trained) if trained <= new.on_duty_from => {}
        _ => {
            return Err(DomainError::rule(
                rules::R28_1,
                "学籍管理员应先培训后上岗：请先登记培训日期",
            ));
        }
    }
    let mut warnings = Vec::new();
    if previous.is_some() {
        let year = SchoolYear::containing(new.on_duty_from);
        let start = year.start();
        if new.on_duty_from > start {
            warnings.push(Warning {
                rule: rules::R28_1,
                message: format!(
                    "学籍管理员原则上学年中途不更换（{}已开始），请记录原因并报主管教育行政部门",
                    year.label_zh()
                ),
            });
        }
    }
    Ok(warnings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::id_card::tests::d;

    fn registrar(trained: Option<NaiveDate>, from: NaiveDate) -> Registrar {
        Registrar {
            name: "张老师".into(),
            trained_on: trained,
            on_duty_from: from,
        }
    }

    #[test]
    fn r28_1_trained_before_duty_and_not_changed_mid_year() {
        let old = registrar(Some(d(2020, 8, 1)), d(2020, 9, 1));
        assert_eq!(
            check_appointment(&registrar(Some(d(2024, 8, 20)), d(2024, 9, 1)), Some(&old)),
            Ok(vec![])
        );
        let err =
            check_appointment(&registrar(None, d(2024, 9, 1)), Some(&old)).expect_err("untrained");
        assert_eq!(err.rule_id(), Some(&rules::R28_1));
        assert!(check_appointment(&registrar(Some(d(2024, 9, 2)), d(2024, 9, 1)), None).is_err());
        let mid = check_appointment(&registrar(Some(d(2024, 11, 1)), d(2024, 11, 4)), Some(&old))
            .expect("allowed");
        assert_eq!(mid.len(), 1);
        assert_eq!(mid[0].rule, rules::R28_1);
        assert!(
            check_appointment(&registrar(Some(d(2024, 11, 1)), d(2024, 11, 4)), None)
                .expect("first")
                .is_empty()
        );
    }
}

//! The hearing of a sanction procedure (R22.2): "当事学生及其父母或其他监护人可申请举行听证会".
//! The procedure's optional hearing step records what happened: held at the family's request
//! (the step approved on the day it was held), or not asked for (the step recorded as not held,
//! with the school's remark, e.g. 监护人书面表示不申请听证). The 处分决定书 states it.

use chrono::{Datelike, NaiveDate};

use crate::step::StepOutcome;

/// What happened about a hearing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Hearing {
    /// The student and guardian did not ask for one; `remark` is what the school noted.
    NotRequested { remark: Option<String> },
    /// Held at their request on `on`.
    Held { on: NaiveDate },
}

impl Hearing {
    /// From the hearing step's outcome and its remark; `None` while the step is undecided (or
    /// was refused, which ends the procedure).
    pub fn from_step(outcome: &StepOutcome, remark: Option<&str>) -> Option<Self> {
        match outcome {
            StepOutcome::Approved { on, .. } => Some(Self::Held { on: *on }),
            StepOutcome::Skipped { .. } => Some(Self::NotRequested {
                remark: remark
                    .map(str::trim)
                    .filter(|r| !r.is_empty())
                    .map(str::to_owned),
            }),
            StepOutcome::Pending | StepOutcome::Rejected { .. } => None,
        }
    }

    /// The sentence the written decision states.
    pub fn statement(&self) -> String {
        match self {
            Self::Held { on } => format!(
                "应学生及其监护人申请，学校已于{}年{}月{}日举行听证会",
                on.year(),
                on.month(),
                on.day()
            ),
            Self::NotRequested { remark: None } => "学生及其监护人未申请举行听证会".to_owned(),
            Self::NotRequested { remark: Some(r) } => {
                format!("学生及其监护人未申请举行听证会（{r}）")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn r22_2_the_decision_states_whether_a_hearing_was_asked_for_and_held() {
        let held = Hearing::from_step(
            &StepOutcome::Approved {
                on: d(2026, 3, 12),
                reference: None,
            },
            None,
        )
        .expect("decided");
        assert_eq!(held, Hearing::Held { on: d(2026, 3, 12) });
        assert!(held.statement().contains("2026年3月12日举行听证会"));
        let waived = Hearing::from_step(
            &StepOutcome::Skipped { on: d(2026, 3, 11) },
            Some(" 监护人书面表示不申请听证 "),
        )
        .expect("decided");
        assert_eq!(
            waived.statement(),
            "学生及其监护人未申请举行听证会（监护人书面表示不申请听证）"
        );
        let silent = Hearing::from_step(&StepOutcome::Skipped { on: d(2026, 3, 11) }, Some(""))
            .expect("decided");
        assert_eq!(silent.statement(), "学生及其监护人未申请举行听证会");
        assert_eq!(Hearing::from_step(&StepOutcome::Pending, None), None);
    }
}

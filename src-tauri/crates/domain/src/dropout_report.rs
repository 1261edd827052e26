//! The school's written report of a dropout (R18.1): the school reports to the township
//! government and the county or supervising education bureau; once it has, its duty is done and
//! the R32 finding (4) for an unreported dropout clears. The record stays (kept within the
//! compulsory years).

use chrono::NaiveDate;

use crate::error::{DomainError, Result};
use crate::rules;
use crate::status::Status;

/// The kind of the history event that keeps the report.
pub const EVENT_KIND: &str = "dropout_reported";

/// What the registrar records of the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DropoutReport {
    pub reported_on: NaiveDate,
    /// 乡镇人民政府, 县教育局 …
    pub reported_to: String,
    /// 文号 of the report, if it has one.
    pub reference: Option<String>,
}

impl DropoutReport {
    /// The history's one line: 书面报告已上报（…，文号 …）.
    pub fn summary(&self) -> String {
        match self
            .reference
            .as_deref()
            .map(str::trim)
            .filter(|r| !r.is_empty())
        {
            Some(r) => format!("辍学书面报告已上报{}（{r}）", self.reported_to.trim()),
            None => format!("辍学书面报告已上报{}", self.reported_to.trim()),
        }
    }
}

/// Whether the report can be recorded for a student in `status` who dropped out on
/// `dropped_out_on`, on `today`.
pub fn check(
    status: Status,
    dropped_out_on: Option<NaiveDate>,
    report: &DropoutReport,
    today: NaiveDate,
) -> Result<()> {
    if status != Status::DroppedOut {
        return Err(DomainError::rule(
            rules::R18_1,
            format!(
                "学生当前为{}，不是辍学状态，无需登记辍学书面报告",
                status.label_zh()
            ),
        ));
    }
    if report.reported_to.trim().is_empty() {
        return Err(DomainError::rule(
            rules::R18_1,
            "须写明报告对象（乡镇人民政府、县级教育行政部门或主管教育行政部门）",
        ));
    }
    if report.reported_on > today {
        return Err(DomainError::rule(
            rules::R10_1,
            format!("报告日期{}晚于今天（{today}）", report.reported_on),
        ));
    }
    if let Some(on) = dropped_out_on.filter(|on| report.reported_on < *on) {
        return Err(DomainError::rule(
            rules::R18_1,
            format!("报告日期{}早于辍学日期{on}", report.reported_on),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    fn report(on: NaiveDate, to: &str) -> DropoutReport {
        DropoutReport {
            reported_on: on,
            reported_to: to.to_owned(),
            reference: Some("西教〔2026〕5号".to_owned()),
        }
    }

    #[test]
    fn r18_1_the_written_report_names_whom_it_went_to_and_follows_the_dropout() {
        let today = d(2026, 12, 3);
        let dropped = Some(d(2026, 11, 20));
        let ok = report(d(2026, 11, 25), "转塘街道办事处、西湖区教育局");
        assert!(check(Status::DroppedOut, dropped, &ok, today).is_ok());
        assert_eq!(
            ok.summary(),
            "辍学书面报告已上报转塘街道办事处、西湖区教育局（西教〔2026〕5号）"
        );
        let refused = |r: Result<()>, rule| match r {
            Err(e) => assert_eq!(e.rule_id(), Some(&rule), "{e}"),
            Ok(()) => panic!("expected {rule}"),
        };
        refused(check(Status::Enrolled, dropped, &ok, today), rules::R18_1);
        refused(
            check(
                Status::DroppedOut,
                dropped,
                &report(d(2026, 11, 25), " "),
                today,
            ),
            rules::R18_1,
        );
        refused(
            check(
                Status::DroppedOut,
                dropped,
                &report(d(2026, 12, 4), "乡政府"),
                today,
            ),
            rules::R10_1,
        );
        refused(
            check(
                Status::DroppedOut,
                dropped,
                &report(d(2026, 11, 19), "乡政府"),
                today,
            ),
            rules::R18_1,
        );
    }
}

//! R30.2 at every door personal data leaves by: an export, a whole-school print and the whole
//! school's archive package are checked by the domain's `ExportRequest` (未经主管教育行政部门书面
//! 核准，任何单位与个人一律不得向外提供学籍信息): the bureau's 文号 in its official form and the date
//! the document bears, not after today. Statistics and the 查重 list sent to the bureau itself are
//! not 对外提供 and need none.

use chrono::NaiveDate;
use xueji_domain::rules;
use xueji_domain::security::{BureauApproval, Disclosure, ExportRequest};

use crate::error::{AppError, Result};

/// The bureau's written approval as the registrar enters it.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ApprovalInput {
    /// 批准文号 (`西教籍〔2026〕5号`; 〔〕 may be typed as [] or （）).
    #[serde(default)]
    pub approval_ref: String,
    /// The date the approval document bears (落款日期).
    #[serde(default)]
    pub approved_on: Option<NaiveDate>,
}

/// Checks a disclosure of `records` records on `today`; the checked approval, if one was given.
pub(crate) fn check(
    disclosure: Disclosure,
    records: u32,
    input: &ApprovalInput,
    today: NaiveDate,
) -> Result<Option<BureauApproval>> {
    let reference = input.approval_ref.trim();
    let approval = match (reference.is_empty(), input.approved_on) {
        (true, None) => None,
        (true, Some(_)) => {
            return Err(
                AppError::rule(rules::R30_2, "请填写批准文号").with_field_message("approvalRef")
            );
        }
        (false, None) => {
            return Err(
                AppError::rule(rules::R30_2, "请填写核准日期（批准文件的落款日期）")
                    .with_field_message("approvedOn"),
            );
        }
        (false, Some(on)) => Some(
            BureauApproval::new(reference, on)
                .map_err(|e| AppError::from(e).with_field_message("approvalRef"))?,
        ),
    };
    let field = if approval.is_some() {
        "approvedOn"
    } else {
        "approvalRef"
    };
    let request = ExportRequest::new(disclosure, records, approval, today)
        .map_err(|e| AppError::from(e).with_field_message(field))?;
    Ok(request.approval)
}

/// The approval in an audit row's words: `approval:西教籍〔2026〕5号 approved:2026-12-01`, or
/// `approval:- approved:-` when none was needed (the dashboard's R32.7 check reads them back).
pub(crate) fn audit_words(approval: Option<&BureauApproval>) -> String {
    match approval {
        Some(a) => format!("approval:{} approved:{}", a.reference, a.approved_on),
        None => "approval:- approved:-".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn input(reference: &str, on: Option<NaiveDate>) -> ApprovalInput {
        ApprovalInput {
            approval_ref: reference.to_owned(),
            approved_on: on,
        }
    }

    #[test]
    fn r30_2_each_missing_or_wrong_part_names_its_field() {
        let today = d(2026, 12, 4);
        let field = |e: AppError| e.fields[0].field.clone();
        let none = check(Disclosure::External, 3, &input("", None), today).unwrap_err();
        assert_eq!(none.rule_id(), Some("R30.2"));
        assert_eq!(field(none), "approvalRef");
        let no_date = check(
            Disclosure::External,
            3,
            &input("西教籍〔2026〕5号", None),
            today,
        );
        assert_eq!(field(no_date.unwrap_err()), "approvedOn");
        let bad_form = check(Disclosure::External, 3, &input("同意", Some(today)), today);
        assert_eq!(field(bad_form.unwrap_err()), "approvalRef");
        let later = input("西教籍〔2026〕5号", Some(d(2026, 12, 7)));
        assert_eq!(
            field(check(Disclosure::External, 3, &later, today).unwrap_err()),
            "approvedOn"
        );
        let ok = check(
            Disclosure::External,
            3,
            &input("西教籍[2026]5号", Some(today)),
            today,
        )
        .unwrap()
        .unwrap();
        assert_eq!(
            audit_words(Some(&ok)),
            "approval:西教籍〔2026〕5号 approved:2026-12-04"
        );
        assert_eq!(
            check(Disclosure::ToBureau, 3, &input("", None), today).unwrap(),
            None
        );
        assert_eq!(audit_words(None), "approval:- approved:-");
    }
}

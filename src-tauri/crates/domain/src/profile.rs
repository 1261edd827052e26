//! Rule profiles: every number the rules use. A new regulation is a new profile, not new code.
//! `zhejiang-2017` (the seed law) is the default; `national-2025` follows the reissued national
//! 《中小学生学籍管理办法》 (2 months to create the archive) and is otherwise Zhejiang's until
//! confirmed.

use crate::aux_number::AuxPattern;
use crate::law::Law;

/// The numbers of one regulation.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RuleProfile {
    /// Stable id, e.g. `zhejiang-2017`.
    pub id: String,
    /// Chinese name for the settings page.
    pub name: String,
    /// R8.1: months from entry to create the archive.
    pub archive_deadline_months: u32,
    /// R6.2: length of a deferral, in school years.
    pub deferral_school_years: u32,
    /// R13.3: working days each transfer party has.
    pub transfer_step_working_days: u32,
    /// R13.2: calendar days after the start of a semester that still count as 开学初.
    pub transfer_window_days_after_term_start: u32,
    /// R14.1: consecutive months of sick leave before a health leave is possible.
    pub sick_leave_min_months: u32,
    /// R14.3: months of one leave period.
    pub leave_months: u32,
    /// R17.1 and R13.8: the age of majority for withdrawal and for ending a held record.
    pub adult_age: u32,
    /// R18.1: working days to report a dropout in writing ("及时": product decision).
    pub dropout_report_working_days: u32,
    /// R19.1: working days to cancel the record of a deceased student.
    pub death_cancellation_working_days: u32,
    /// R10.1: working days, on the school's calendar, within which a change is written into the
    /// record after it took effect ("及时": product decision — 10, as a transfer party's limit in
    /// R13.3 and a death's cancellation in R19.1; the same in both shipped profiles). Later is an
    /// R32.3 finding (`compliance::late_recordings`).
    pub change_record_working_days: u32,
    /// R23.1: months of a sanction's period.
    pub sanction_months: u32,
    /// R25.2: subjects still failed after make-up exams that make the outcome 结业.
    pub failed_subjects_for_completed: u32,
    /// R24.1, R25.3: years of compulsory education.
    pub compulsory_years: u32,
    /// R23.3: purge sanctions for every completion outcome (true) or only for 毕业 (false).
    pub purge_sanctions_on_any_completion: bool,
    /// R26.1: the shape of the 学籍辅号.
    pub aux_pattern: AuxPattern,
    /// The law a refusal cites.
    pub law: Law,
    /// R24.1: the certificate of completed compulsory education, as printed (the province's).
    pub certificate_title: String,
}

impl RuleProfile {
    pub const ZHEJIANG_2017: &'static str = "zhejiang-2017";
    pub const NATIONAL_2025: &'static str = "national-2025";

    /// 《浙江省义务教育阶段学生学籍管理办法》 (2017): the default.
    pub fn zhejiang_2017() -> Self {
        Self {
            id: Self::ZHEJIANG_2017.to_owned(),
            name: "浙江省义务教育阶段学生学籍管理办法（2017）".to_owned(),
            archive_deadline_months: 1,
            deferral_school_years: 1,
            transfer_step_working_days: 10,
            transfer_window_days_after_term_start: 14,
            sick_leave_min_months: 3,
            leave_months: 12,
            adult_age: 18,
            dropout_report_working_days: 5,
            death_cancellation_working_days: 10,
            change_record_working_days: 10,
            sanction_months: 6,
            failed_subjects_for_completed: 3,
            compulsory_years: 9,
            purge_sanctions_on_any_completion: true,
            aux_pattern: AuxPattern::Alphanumeric {
                min_len: 1,
                max_len: 30,
            },
            law: Law::Zhejiang2017,
            certificate_title: "浙江省义务教育证书".to_owned(),
        }
    }

    /// 《中小学生学籍管理办法》 (2025): 2 months to create the archive, refusals cite the national
    /// law; the numbers and the province's certificate (a Zhejiang school still issues
    /// 《浙江省义务教育证书》 numbered by 辅号) as Zhejiang 2017 until confirmed.
    pub fn national_2025() -> Self {
        Self {
            id: Self::NATIONAL_2025.to_owned(),
            name: "中小学生学籍管理办法（2025）".to_owned(),
            archive_deadline_months: 2,
            law: Law::National2025,
            ..Self::zhejiang_2017()
        }
    }

    /// Every shipped profile.
    pub fn shipped() -> Vec<Self> {
        vec![Self::zhejiang_2017(), Self::national_2025()]
    }

    /// A shipped profile by id.
    pub fn by_id(id: &str) -> Option<Self> {
        Self::shipped().into_iter().find(|p| p.id == id)
    }
}

impl Default for RuleProfile {
    fn default() -> Self {
        Self::zhejiang_2017()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profiles_differ_only_in_the_archive_deadline_and_the_law_they_cite() {
        let zj = RuleProfile::default();
        assert_eq!(zj.id, "zhejiang-2017");
        let nat = RuleProfile::by_id("national-2025").expect("shipped");
        assert_eq!(zj.archive_deadline_months, 1);
        assert_eq!(nat.archive_deadline_months, 2);
        assert_eq!(zj.law, Law::Zhejiang2017);
        assert_eq!(nat.law, Law::National2025);
        assert_eq!(zj.certificate_title, "浙江省义务教育证书");
        let nat_as_zj = RuleProfile {
            id: zj.id.clone(),
            name: zj.name.clone(),
            archive_deadline_months: 1,
            law: Law::Zhejiang2017,
            ..nat
        };
        assert_eq!(nat_as_zj, zj);
        assert!(RuleProfile::by_id("nowhere").is_none());
    }
}

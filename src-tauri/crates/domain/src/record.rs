//! The facts of one student's record that the rules read, and the context of a decision.

use chrono::NaiveDate;

use crate::aux_number::AuxNumber;
use crate::calendar::WorkCalendar;
use crate::profile::RuleProfile;
use crate::school::{Grade, School, SchoolYear, StudyMode, Term};
use crate::status::Status;

/// Criminal compulsory measures on a held record (R13.8).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct HoldFacts {
    pub since: NaiveDate,
    /// When the court's judgment took effect, once it has.
    pub judgment_effective_on: Option<NaiveDate>,
}

/// What the rules need to know about a student's record.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StudentSnapshot {
    pub status: Status,
    pub grade: Grade,
    /// The school year the current grade applies to.
    pub grade_year: SchoolYear,
    pub study_mode: StudyMode,
    pub birth_date: NaiveDate,
    /// A foreign national (R6.3, R27.1).
    pub foreign: bool,
    /// End of the current leave (R14.3).
    pub leave_until: Option<NaiveDate>,
    /// The school year of the current deferral (R6.2).
    pub deferred_for: Option<SchoolYear>,
    pub hold: Option<HoldFacts>,
    /// Effective date of the last change in the record's history (R5.1).
    pub last_change_on: Option<NaiveDate>,
    pub aux_number: Option<AuxNumber>,
    /// The record's ID is a resident ID card (居民身份证): its sex and birth date are read from the
    /// number and change only with it (R11.2).
    #[serde(default)]
    pub resident_id: bool,
    /// Where the pupil studies while the record stays here (R13.6, R13.7), if elsewhere.
    #[serde(default)]
    pub placed_elsewhere: Option<String>,
}

impl StudentSnapshot {
    /// A plain enrolled student; handy for callers building a snapshot field by field.
    pub fn enrolled(grade: Grade, grade_year: SchoolYear, birth_date: NaiveDate) -> Self {
        Self {
            status: Status::Enrolled,
            grade,
            grade_year,
            study_mode: StudyMode::Regular,
            birth_date,
            foreign: false,
            leave_until: None,
            deferred_for: None,
            hold: None,
            last_change_on: None,
            aux_number: None,
            resident_id: false,
            placed_elsewhere: None,
        }
    }
}

/// Everything a decision depends on besides the record: the rule numbers, the working-day
/// calendar, the school's settings and terms, and today's date (never read from a clock here).
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    pub profile: &'a RuleProfile,
    pub calendar: &'a WorkCalendar,
    pub school: &'a School,
    /// The school's semesters (for R13.2 and R18.2); may be empty.
    pub terms: &'a [Term],
    pub today: NaiveDate,
}

/// How the store names a student in messages and findings.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct StudentRef {
    /// The store's id.
    pub id: String,
    pub name: String,
}

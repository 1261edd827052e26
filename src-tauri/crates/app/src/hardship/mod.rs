//! Hardship assessment and financial aid (家庭经济困难学生认定与资助, archive section R8.2(6)).
//!
//! The path: the guardian's application (family members, income, special groups, reason) →
//! the class assessment (班级评议) → the school's decision with a level (特别困难 / 困难 /
//! 一般困难, or 不认定) → a public notice (公示) of a number of working days → the assessment
//! takes effect when the notice has ended without a pending or sustained objection → aid per
//! semester. An assessment is valid for its school year only: the next year needs a new
//! application. Effectiveness follows the clock: every hardship use case first settles the
//! assessments whose notice has ended (writing `effective_on` and the archive entry), so the
//! status shown always reflects today.
//!
//! Access: seeing anything needs [`Permission::ViewHardship`](crate::Permission::ViewHardship)
//! and every view is audited (ids only); entering data needs `EditHardship`; the school's
//! decision and the ruling on an objection need `DecideSchoolSteps`.

pub mod aid;
pub mod assess;
pub mod form;
pub mod query;
pub mod types;

pub use types::{
    AidGrantInput, AidView, ClassAssessInput, FamilyMemberInput, HardshipApplyInput, HardshipData,
    HardshipDecideInput, HardshipFactor, HardshipFilter, HardshipLevel, HardshipRow, HardshipView,
    LevelView, ObjectInput, ObjectionDecideInput, ObjectionView, SpecialGroup,
};

/// The setting holding the notice period in working days.
pub const NOTICE_DAYS_SETTING: &str = "hardship.notice_working_days";

/// The notice period when the school has not set one (公示 5 个工作日).
pub const DEFAULT_NOTICE_WORKING_DAYS: u32 = 5;
/// The notice periods a school may set, in working days.
pub const NOTICE_DAYS_RANGE: std::ops::RangeInclusive<u32> = 1..=30;

/// Who the audit log names when the clock makes an assessment effective.
pub const SETTLE_ACTOR: &str = "system";

//! Students: enrolment, search, everyday edits, the archive.

pub mod archive;
pub mod dropout_report;
pub mod edit;
pub mod enrol;
pub mod national_number;
pub mod photo;
pub mod search;
pub mod views;

pub use archive::{ArchiveItemInput, ArchiveView};
pub use dropout_report::DropoutReportInput;
pub use edit::{FieldValue, StudentEditInput};
pub use enrol::{EnrolInput, EnrolKind, EnrolView, NationalCheck};
pub use national_number::NationalNumberInput;
pub use search::{ClassOption, FLAGS, SearchInput};
pub use views::{FamilyMemberView, StudentRow, StudentView};

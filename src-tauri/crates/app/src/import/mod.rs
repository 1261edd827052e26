//! Data in: the Excel import of student lists (issue 8). Reading and checking are pure
//! ([`students::read_workbook`]); the use cases check against the database and write in one
//! transaction only when nothing is wrong.

pub mod codes;
pub mod report;
pub mod students;

pub use report::{ImportCommitView, ImportProblem, ImportReport};

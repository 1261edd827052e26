//! Data in: the Excel import of student lists (issue 8). Reading (`sheet.rs`) and checking
//! (`check.rs`, [`students::read_workbook`]) are pure; the use cases (`students.rs`) check against
//! the database and write in one transaction only when nothing is wrong.

mod check;
pub mod codes;
pub mod report;
mod sheet;
pub mod students;
pub mod xlsx;

pub use report::{ImportCommitView, ImportProblem, ImportReport};

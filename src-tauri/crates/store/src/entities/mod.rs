//! sea-orm entities: one file per table. Personal data lives only in `student`,
//! `family_member`, the archive tables and attachments; every change keeps history and nothing
//! about a student is ever hard-deleted (R5.1, R9.2): rows are archived, not removed.

pub mod application;
pub mod application_step;
pub mod archive_item;
pub mod attachment;
pub mod audit_head;
pub mod audit_log;
pub mod bureau_check;
pub mod class_placement;
pub mod completion;
pub mod deadline;
pub mod family_member;
pub mod hardship_aid;
pub mod hardship_application;
pub mod issued_document;
pub mod registrar;
pub mod sanction;
pub mod school;
pub mod semester_review;
pub mod semester_review_item;
pub mod setting;
pub mod student;
pub mod student_event;
pub mod student_history;
pub mod user;

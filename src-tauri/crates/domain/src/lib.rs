//! `XueJi` domain: the rules of 《浙江省义务教育阶段学生学籍管理办法》 (2017), pure and without IO.
//!
//! Everything here is a value in, value out: no database, no files, no clock (today is passed in).
//! The store, the app and the UI ask this crate what is allowed and what follows; transitions
//! return their effects (new status, grade, events, deadlines, documents) and never perform them.
//! See `README.md` for each rule id, the function that enforces it and its test.
//!
//! Entry points:
//! - identity: [`IdCardNumber`], [`XuejiNumber`], [`AuxNumber`], [`PersonName`];
//! - admission and record creation: [`admission::admit`], [`admission::check_creation`];
//! - changes: [`transitions::verdict`] (the status table), [`engine::check`], [`Workflow`],
//!   [`engine::apply`], [`engine::apply_direct`];
//! - deadlines: [`WorkCalendar`], [`deadlines`];
//! - completion: [`completion`]; compliance: [`compliance::findings`].

pub mod admission;
pub mod archive;
pub mod assigned_number;
pub mod audit_action;
pub mod aux_number;
pub mod bureau_check;
pub mod calendar;
pub mod certificate;
pub mod change;
pub mod completion;
pub mod compliance;
pub mod deadlines;
mod document;
pub mod dropout_report;
pub mod effects;
pub mod engine;
pub mod error;
mod guards;
pub mod hearing;
pub mod id_card;
pub mod law;
pub mod name;
mod outcomes;
pub mod print_kind;
pub mod profile;
pub mod progression;
pub mod proofs;
pub mod record;
pub mod registrar;
pub mod review;
pub mod rules;
pub mod sanction;
pub mod sanction_purge;
pub mod school;
pub mod security;
pub mod status;
mod step;
#[cfg(feature = "sea-orm")]
pub mod stored;
pub mod transitions;
pub mod workflow;
pub mod xueji_number;

#[cfg(test)]
mod engine_tests;

pub use audit_action::AuditAction;
pub use aux_number::{AuxNumber, AuxPattern};
pub use calendar::WorkCalendar;
pub use change::{ApplicationKind, Change, ChangeKind, IncomingTransfer};
pub use effects::Effects;
pub use error::{DomainError, Result};
pub use id_card::IdCardNumber;
pub use name::PersonName;
pub use print_kind::PrintKind;
pub use profile::RuleProfile;
pub use record::{Context, StudentSnapshot};
pub use rules::RuleId;
pub use school::{Grade, School, SchoolKind, SchoolYear, StudyMode};
pub use status::Status;
pub use workflow::Workflow;
pub use xueji_number::XuejiNumber;

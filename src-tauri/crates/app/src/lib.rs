//! `xueji-app`: every action a school office takes, as one method of [`App`] that checks the
//! session's permission, asks the domain, writes the change with its event and audit row in one
//! transaction, and returns what the UI shows. The desktop's Tauri commands and the `xueji` CLI are
//! thin calls into it. Time comes from an injectable [`Clock`].

// A use case reads as one script (check, decide, write in one transaction); splitting it to fit a
// line count would scatter the transaction.
#![allow(clippy::too_many_lines)]

pub mod app;
pub mod audit;
pub mod audit_log;
pub mod auth;
pub mod backup;
pub mod backup_offsite;
pub mod batches;
pub mod calendar;
pub mod changes;
pub mod clock;
pub mod dashboard;
pub mod disclosure;
pub mod documents;
pub mod error;
pub mod export;
pub mod hardship;
pub mod import;
pub mod package;
pub mod picked_file;
pub mod print_service;
pub mod printing;
pub mod record;
pub mod rule_profile;
pub mod settings;
pub mod settings_view;
pub mod statistics;
pub mod students;
pub mod views;

pub use app::{App, InitInput};
pub use auth::{Permission, Role, Session, SessionView};
pub use clock::{Clock, ManualClock, SystemClock};
pub use error::{AppError, Citation, ErrorCode, ErrorKind, FieldError, Result, law_in_force};
pub use settings::{Config, SchoolProfile};

//! Signed, encrypted transfer packages between schools (issue 8 item 3; R7.3, R9.1, R13.4).
//!
//! Each school has an Ed25519 signing key and an age X25519 identity, generated at first use and
//! kept in the encrypted database (`keys`). A completed transfer out produces one file: the whole
//! archive as JSON, signed by the sender over the exact payload bytes, then encrypted to the
//! receiving school's age recipient (`create`). The receiving school decrypts it, verifies the
//! signature against the keys it trusts, checks it is the receiver, and imports the record with its
//! history and grade (`open`).
//!
//! The same signed format carries a whole school's archive for a merger or dissolution (R9.3) and
//! the semester-end hand-over of migrant dropouts' archives to the county of household
//! registration (R18.2); `PackageKind` says which, and how the receiver imports it.

pub mod create;
pub mod format;
mod handover_list;
pub mod keys;
pub mod open;
pub mod progression;

pub use create::{MigrantDropoutView, MigrantListInput};
pub use format::{MAX_DECRYPTED_BYTES, MAX_PACKAGE_FILE_BYTES, PackageKind};
pub use keys::{SchoolKeysView, TrustedSchoolView};
pub use open::{PackageImportView, PackageStudentView, PackageView};
pub use progression::{ProgressionGraduateView, ProgressionListInput};

//! `xueji-store`: the encrypted store of XueJi 学籍.
//!
//! - [`connection`]: SQLCipher files opened with a random 256-bit raw key as the first pragma,
//!   WAL and foreign keys on, and one error kind per failure ([`StoreError`]); all SQLite-specific
//!   SQL lives there.
//! - [`keystore`]: the key in the OS keyring (persistent on every OS) or in a key file named by
//!   `XUEJI_DB_KEY_FILE`; [`recovery`]: the recovery code wrapping the key (Argon2id).
//! - [`audit`]: the append-only SHA-256 chained audit log, sealed by HMACs under a key derived
//!   from the database key and anchored in a signed file outside the database (R30.1).
//! - [`migration`], [`entities`], [`repo`]: forward-only schema and sea-orm repositories
//!   (query builder only; nothing about a student is ever deleted, R5.1, R9.2).
//! - [`backup`]: online encrypted backups, daily automatic copies, checked restore.
//! - [`Store`]: init, open, recover, change key, new recovery code.

pub mod audit;
mod audit_anchor;
mod audit_mac;
mod audit_seal;
mod audit_verify;
pub mod backup;
mod backup_files;
pub mod backup_format;
pub mod connection;
mod disaster;
pub mod entities;
pub mod error;
mod exit_wait;
mod fsutil;
mod info;
pub mod key;
pub mod keystore;
pub mod migration;
pub mod paths;
pub mod recovery;
pub mod repo;
pub mod store;

pub use audit::AuditRecord;
pub use audit_verify::{AuditProblem, AuditReport};
pub use connection::Limits;
pub use error::{Result, StoreError, io_reason};
pub use info::DbInfo;
pub use key::DbKey;
pub use keystore::KeyStore;
pub use paths::DataDir;
pub use recovery::RecoveryCode;
pub use store::{InitOptions, OpenOptions, Store};

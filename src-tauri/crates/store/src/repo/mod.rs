//! Repositories: sea-orm query builder only (no SQL text), so the same code can run on
//! PostgreSQL later; where SQLite text is needed for speed (`compliance::duplicate_identities`,
//! the promotion's bulk writes) the function says so. Every write records its audit row through
//! the same transaction.

pub mod aid;
pub mod applications;
pub mod archive_items;
pub mod attachments;
pub mod bureau_checks;
pub mod completions;
pub mod compliance;
pub mod dashboard;
pub mod deadlines;
pub mod documents;
pub mod events;
pub mod family;
pub mod files;
pub mod hardship;
pub mod placements;
pub mod promotion;
pub mod purge;
pub mod registrars;
pub mod reviews;
pub mod sanctions;
pub mod school;
pub mod settings;
pub mod statistics;
pub mod student_lists;
pub mod students;
pub mod users;

//! `db info`: schema version, cipher version and row counts — never personal data.

use std::collections::BTreeMap;

use sea_orm::{ConnectionTrait, EntityTrait, PaginatorTrait};
use serde::Serialize;

use crate::entities::{
    application, application_step, archive_item, attachment, audit_log, class_placement,
    completion, family_member, issued_document, sanction, school, setting, student,
    student_history, user,
};
use crate::error::Result;
use crate::migration;
use crate::store::Store;

/// Facts about the database, safe to print.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct DbInfo {
    /// The last applied migration.
    pub schema_version: Option<String>,
    /// The last migration this build knows.
    pub app_schema_version: Option<String>,
    pub cipher_version: String,
    /// Rows per table.
    pub row_counts: BTreeMap<&'static str, u64>,
}

async fn count<E: EntityTrait, C: ConnectionTrait>(db: &C, e: E) -> Result<u64>
where
    E::Model: Sync,
{
    let _ = e;
    Ok(E::find().count(db).await?)
}

impl Store {
    /// Schema and cipher versions and row counts.
    pub async fn info(&self) -> Result<DbInfo> {
        let db = self.db();
        let mut rows = BTreeMap::new();
        rows.insert("school", count(db, school::Entity).await?);
        rows.insert("setting", count(db, setting::Entity).await?);
        rows.insert("user", count(db, user::Entity).await?);
        rows.insert("student", count(db, student::Entity).await?);
        rows.insert("family_member", count(db, family_member::Entity).await?);
        rows.insert("student_history", count(db, student_history::Entity).await?);
        rows.insert("class_placement", count(db, class_placement::Entity).await?);
        rows.insert("attachment", count(db, attachment::Entity).await?);
        rows.insert("archive_item", count(db, archive_item::Entity).await?);
        rows.insert("application", count(db, application::Entity).await?);
        rows.insert(
            "application_step",
            count(db, application_step::Entity).await?,
        );
        rows.insert("sanction", count(db, sanction::Entity).await?);
        rows.insert("completion", count(db, completion::Entity).await?);
        rows.insert("issued_document", count(db, issued_document::Entity).await?);
        rows.insert("audit_log", count(db, audit_log::Entity).await?);
        Ok(DbInfo {
            schema_version: migration::applied_versions(db).await?.pop(),
            app_schema_version: migration::known_versions().pop(),
            cipher_version: self.cipher_version().await?,
            row_counts: rows,
        })
    }
}

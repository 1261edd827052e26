//! Forward-only schema migrations (sea-orm-migration). `down` is never implemented: a database
//! only moves forward, and a backup is taken before every migration of an existing database.

mod m0001_initial;
mod m0002_search_indexes;
mod m0003_provisional_deadlines;
mod m0004_graduation_workflows;
mod m0005_dashboard_indexes;
mod m0006_drop_calendar_day;
mod m0007_bureau_check;
mod m0008_certificates;
mod m0009_audit_mac;

use sea_orm::{DatabaseConnection, EntityTrait, QueryOrder};
use sea_orm_migration::{MigrationTrait, MigratorTrait, seaql_migrations};

use crate::error::{Result, StoreError};

/// The app's migrations, in order.
pub struct Migrator;

#[sea_orm_migration::async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m0001_initial::Migration),
            Box::new(m0002_search_indexes::Migration),
            Box::new(m0003_provisional_deadlines::Migration),
            Box::new(m0004_graduation_workflows::Migration),
            Box::new(m0005_dashboard_indexes::Migration),
            Box::new(m0006_drop_calendar_day::Migration),
            Box::new(m0007_bureau_check::Migration),
            Box::new(m0008_certificates::Migration),
            Box::new(m0009_audit_mac::Migration),
        ]
    }
}

/// The names of the migrations this build knows.
pub fn known_versions() -> Vec<String> {
    Migrator::migrations()
        .iter()
        .map(|m| m.name().to_owned())
        .collect()
}

/// The migrations applied to the database, in order (empty for a new file).
pub(crate) async fn applied_versions(db: &DatabaseConnection) -> Result<Vec<String>> {
    if !table_exists(db).await? {
        return Ok(Vec::new());
    }
    let rows = seaql_migrations::Entity::find()
        .order_by_asc(seaql_migrations::Column::Version)
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|r| r.version).collect())
}

async fn table_exists(db: &DatabaseConnection) -> Result<bool> {
    let manager = sea_orm_migration::SchemaManager::new(db);
    Ok(manager.has_table("seaql_migrations").await?)
}

/// What opening has to do with the schema.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum SchemaState {
    /// No migration applied yet (a new database).
    Empty,
    /// Everything applied.
    Current,
    /// Older: these migrations are pending.
    Behind(usize),
}

/// Compares the database with this build; `SchemaTooNew` when it holds a migration we don't know.
pub(crate) async fn state(db: &DatabaseConnection) -> Result<SchemaState> {
    let applied = applied_versions(db).await?;
    let known = known_versions();
    if let Some(unknown) = applied.iter().find(|v| !known.contains(v)) {
        return Err(StoreError::SchemaTooNew {
            found: unknown.clone(),
        });
    }
    if applied.is_empty() {
        return Ok(SchemaState::Empty);
    }
    let pending = known.iter().filter(|k| !applied.contains(k)).count();
    Ok(if pending == 0 {
        SchemaState::Current
    } else {
        SchemaState::Behind(pending)
    })
}

/// Applies every pending migration.
pub(crate) async fn migrate(db: &DatabaseConnection) -> Result<()> {
    Migrator::up(db, None).await?;
    Ok(())
}

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

use sea_orm::{DatabaseConnection, EntityTrait, QueryOrder, TransactionTrait};
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

/// Applies every pending migration in one transaction: a failure half-way (a full disk, a
/// crash) leaves the schema as it was, with no migration recorded, and the next open tries again
/// (issue 15; SQLite's DDL is transactional).
pub(crate) async fn migrate(db: &DatabaseConnection) -> Result<()> {
    migrate_with::<Migrator>(db).await
}

async fn migrate_with<M: MigratorTrait>(db: &DatabaseConnection) -> Result<()> {
    let txn = db.begin().await?;
    // On an error the transaction is dropped, which rolls it back.
    M::up(&txn, None).await?;
    txn.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use sea_orm_migration::prelude::*;

    use super::migrate_with;
    use crate::connection::{self, Limits, OpenMode};
    use crate::key::DbKey;

    /// A migration that creates table `name`, then fails when `fail` is set.
    struct Step {
        name: &'static str,
        table: &'static str,
        fail: bool,
    }

    impl MigrationName for Step {
        fn name(&self) -> &str {
            self.name
        }
    }

    #[async_trait::async_trait]
    impl MigrationTrait for Step {
        async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
            manager
                .create_table(
                    Table::create()
                        .table(Alias::new(self.table))
                        .col(ColumnDef::new(Alias::new("id")).integer().primary_key())
                        .to_owned(),
                )
                .await?;
            if self.fail {
                return Err(DbErr::Migration("the disk filled up half-way".to_owned()));
            }
            Ok(())
        }
    }

    struct Failing;
    struct Fixed;

    #[async_trait::async_trait]
    impl MigratorTrait for Failing {
        fn migrations() -> Vec<Box<dyn MigrationTrait>> {
            vec![
                Box::new(Step {
                    name: "m1",
                    table: "one",
                    fail: false,
                }),
                Box::new(Step {
                    name: "m2",
                    table: "two",
                    fail: true,
                }),
            ]
        }
    }

    #[async_trait::async_trait]
    impl MigratorTrait for Fixed {
        fn migrations() -> Vec<Box<dyn MigrationTrait>> {
            vec![
                Box::new(Step {
                    name: "m1",
                    table: "one",
                    fail: false,
                }),
                Box::new(Step {
                    name: "m2",
                    table: "two",
                    fail: false,
                }),
            ]
        }
    }

    /// Every column of `E` exists in its table.
    async fn has_every_column<E: sea_orm::EntityTrait>(manager: &SchemaManager<'_>, entity: E)
    where
        E::Column: sea_orm::Iterable,
    {
        use sea_orm::Iterable;
        for column in E::Column::iter() {
            let name = sea_orm::IdenStatic::as_str(&column).to_owned();
            assert!(
                manager
                    .has_column(entity.table_name(), &name)
                    .await
                    .expect("probe"),
                "{}.{name} is created by no migration",
                entity.table_name()
            );
        }
    }

    #[tokio::test]
    async fn every_entity_column_exists_after_the_migrations() {
        use crate::entities::*;
        let dir = tempfile::tempdir().expect("temp dir");
        let conn = connection::open(
            &dir.path().join("m.db"),
            &DbKey::generate(),
            OpenMode::Create,
            None,
            Limits::default(),
        )
        .await
        .expect("open");
        super::migrate(&conn.orm).await.expect("migrate");
        let m = SchemaManager::new(&conn.orm);
        has_every_column(&m, application::Entity).await;
        has_every_column(&m, application_step::Entity).await;
        has_every_column(&m, archive_item::Entity).await;
        has_every_column(&m, attachment::Entity).await;
        has_every_column(&m, audit_head::Entity).await;
        has_every_column(&m, audit_log::Entity).await;
        has_every_column(&m, bureau_check::Entity).await;
        has_every_column(&m, class_placement::Entity).await;
        has_every_column(&m, completion::Entity).await;
        has_every_column(&m, deadline::Entity).await;
        has_every_column(&m, family_member::Entity).await;
        has_every_column(&m, hardship_aid::Entity).await;
        has_every_column(&m, hardship_application::Entity).await;
        has_every_column(&m, issued_document::Entity).await;
        has_every_column(&m, registrar::Entity).await;
        has_every_column(&m, sanction::Entity).await;
        has_every_column(&m, school::Entity).await;
        has_every_column(&m, semester_review::Entity).await;
        has_every_column(&m, semester_review_item::Entity).await;
        has_every_column(&m, setting::Entity).await;
        has_every_column(&m, student::Entity).await;
        has_every_column(&m, student_event::Entity).await;
        has_every_column(&m, student_history::Entity).await;
        has_every_column(&m, user::Entity).await;
        conn.close().await;
    }

    #[tokio::test]
    async fn a_migration_failing_half_way_leaves_nothing_and_the_next_open_applies_them_all() {
        let dir = tempfile::tempdir().expect("temp dir");
        let key = DbKey::generate();
        let conn = connection::open(
            &dir.path().join("m.db"),
            &key,
            OpenMode::Create,
            None,
            Limits::default(),
        )
        .await
        .expect("open");
        let db = &conn.orm;
        assert!(migrate_with::<Failing>(db).await.is_err());
        let manager = SchemaManager::new(db);
        assert!(
            !manager.has_table("one").await.expect("probe"),
            "m1 rolled back too"
        );
        assert!(!manager.has_table("two").await.expect("probe"));
        assert!(
            Failing::get_applied_migrations(db)
                .await
                .expect("list")
                .is_empty()
        );
        migrate_with::<Fixed>(db).await.expect("the next open");
        assert!(manager.has_table("two").await.expect("probe"));
        assert_eq!(
            Fixed::get_applied_migrations(db).await.expect("list").len(),
            2
        );
        conn.close().await;
    }
}

//! Backups from the settings page on a real SQLCipher database: create, list, verify, restore
//! (password asked again, the copy checked first, the replaced database kept, the app reopened
//! and the user logged in again), the automatic schedule on open, and the refusals.

mod common;

use std::sync::Arc;

use common::{ADMIN, PASSWORD, TestApp, d};
use xueji_app::auth::NewUserInput;
use xueji_app::backup::{BackupSchedule, RestoreInput};
use xueji_app::{App, ErrorKind, Role};

fn new_user(name: &str) -> NewUserInput {
    NewUserInput {
        username: name.to_owned(),
        display_name: format!("{name}老师"),
        password: PASSWORD.to_owned(),
        role: Role::ReadOnly,
    }
}

async fn usernames(app: &App, session: &xueji_app::Session) -> Vec<String> {
    app.user_list(session)
        .await
        .unwrap()
        .into_iter()
        .map(|u| u.username)
        .collect()
}

#[tokio::test]
async fn a_backup_restored_undoes_what_came_after_it() {
    let TestApp {
        app, admin, dir, ..
    } = TestApp::new(d(2026, 3, 2)).await;
    let backup = app.backup_create(&admin, None).await.expect("backup");
    assert_eq!(backup.kind, "manual");
    assert!(backup.name.starts_with("manual-") && backup.size_bytes > 0);
    let listed = app.backup_list(&admin).await.unwrap();
    assert_eq!(listed.backups.len(), 1);
    assert_eq!(listed.backups[0].name, backup.name);
    assert_eq!(listed.schedule, BackupSchedule::default());
    let checked = app.backup_verify(&admin, &backup.name).await.unwrap();
    assert!(checked.audit_rows > 0);

    // A change after the backup.
    app.user_add(&admin, &new_user("later")).await.unwrap();
    assert!(usernames(&app, &admin).await.contains(&"later".to_owned()));

    // A wrong password changes nothing and keeps the app.
    let refused = app
        .backup_restore(
            &admin,
            &RestoreInput {
                file: backup.name.clone(),
                password: "wrong-password1".to_owned(),
            },
        )
        .await;
    let err = refused.result.expect_err("wrong password");
    assert_eq!(err.kind, ErrorKind::Validation);
    assert_eq!(err.fields[0].field, "password");
    assert!(refused.session.is_none());
    let app = refused.app.expect("the app stays open");
    assert!(usernames(&app, &admin).await.contains(&"later".to_owned()));

    let done = app
        .backup_restore(
            &admin,
            &RestoreInput {
                file: backup.name.clone(),
                password: PASSWORD.to_owned(),
            },
        )
        .await;
    let view = done.result.expect("restored");
    assert!(view.session_kept);
    let kept = view
        .previous_saved_as
        .expect("the replaced database is kept");
    assert!(kept.contains("pre-restore-"));
    let app = done.app.expect("reopened");
    let session = done.session.expect("logged in again");
    assert_eq!(session.username, ADMIN);
    assert!(
        !usernames(&app, &session)
            .await
            .contains(&"later".to_owned())
    );
    // The chain of the restored database is intact and records the restore.
    let check = app.audit_verify(&session).await.unwrap();
    assert!(check.intact, "{:?}", check.problem);
    let names: Vec<String> = app
        .backup_list(&session)
        .await
        .unwrap()
        .backups
        .into_iter()
        .map(|b| b.kind)
        .collect();
    assert!(names.contains(&"pre_restore".to_owned()));
    app.close().await;
    drop(dir);
}

#[tokio::test]
async fn a_damaged_copy_is_refused_before_anything_changes() {
    let TestApp {
        app, admin, dir, ..
    } = TestApp::new(d(2026, 3, 2)).await;
    let backup = app.backup_create(&admin, None).await.unwrap();
    let mut bytes = std::fs::read(&backup.path).unwrap();
    let mid = bytes.len() / 2;
    for b in &mut bytes[mid..mid + 64] {
        *b ^= 0x5a;
    }
    std::fs::write(&backup.path, bytes).unwrap();
    let err = app.backup_verify(&admin, &backup.name).await.unwrap_err();
    assert_eq!(err.kind, ErrorKind::Validation);
    assert!(err.message.contains("未通过校验"), "{}", err.message);

    app.user_add(&admin, &new_user("kept")).await.unwrap();
    let refused = app
        .backup_restore(
            &admin,
            &RestoreInput {
                file: backup.name.clone(),
                password: PASSWORD.to_owned(),
            },
        )
        .await;
    assert!(refused.result.is_err());
    let app = refused.app.expect("still open");
    assert!(usernames(&app, &admin).await.contains(&"kept".to_owned()));
    // A file that is not there, and a relative path, are field errors.
    for file in ["nope.db", "sub/x.db"] {
        let e = app.backup_verify(&admin, file).await.unwrap_err();
        assert_eq!(e.fields[0].field, "file", "{file}");
    }
    app.close().await;
    drop(dir);
}

#[tokio::test]
async fn only_the_registrar_backs_up_and_restores() {
    let t = TestApp::new(d(2026, 3, 2)).await;
    let approver = t.user("shenhe", Role::Approver).await;
    let e = t.app.backup_create(&approver, None).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Forbidden);
    let e = t.app.backup_list(&approver).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Forbidden);
    let e = t
        .app
        .backup_schedule_set(
            &approver,
            &BackupSchedule {
                daily: false,
                keep: 3,
            },
        )
        .await
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Forbidden);
}

#[tokio::test]
async fn the_schedule_takes_one_copy_a_day_on_open_and_keeps_the_last_n() {
    let TestApp {
        app,
        admin,
        dir,
        clock,
    } = TestApp::new(d(2026, 3, 2)).await;
    let e = app
        .backup_schedule_set(
            &admin,
            &BackupSchedule {
                daily: true,
                keep: 0,
            },
        )
        .await
        .unwrap_err();
    assert_eq!(e.fields[0].field, "keep");
    app.backup_schedule_set(
        &admin,
        &BackupSchedule {
            daily: true,
            keep: 2,
        },
    )
    .await
    .unwrap();
    // Three older automatic copies, named as the store names them.
    let backups = dir.path().join("data").join("backups");
    std::fs::create_dir_all(&backups).unwrap();
    let existing = app.backup_create(&admin, None).await.unwrap();
    for day in ["20240101", "20240102", "20240103"] {
        std::fs::copy(
            &existing.path,
            backups.join(format!("auto-{day}-080000.000.db")),
        )
        .unwrap();
    }
    app.close().await;

    let app = App::open(
        common::data(dir.path()),
        common::keys(dir.path()),
        Arc::new(clock.clone()),
    )
    .await
    .expect("open");
    let admin = app.login(ADMIN, PASSWORD).await.unwrap();
    let list = app.backup_list(&admin).await.unwrap();
    let autos: Vec<&str> = list
        .backups
        .iter()
        .filter(|b| b.kind == "auto")
        .map(|b| b.name.as_str())
        .collect();
    assert_eq!(autos.len(), 2, "{autos:?}");
    assert!(autos.contains(&"auto-20240103-080000.000.db"));
    assert!(
        list.last_auto
            .as_deref()
            .is_some_and(|n| n.contains("已自动备份")),
        "{:?}",
        list.last_auto
    );
    assert_eq!(
        list.backups.iter().filter(|b| b.kind == "manual").count(),
        1
    );
    app.backup_schedule_set(
        &admin,
        &BackupSchedule {
            daily: false,
            keep: 2,
        },
    )
    .await
    .unwrap();
    app.close().await;

    // Turned off: opening takes no copy.
    let app = App::open(
        common::data(dir.path()),
        common::keys(dir.path()),
        Arc::new(clock.clone()),
    )
    .await
    .unwrap();
    let admin = app.login(ADMIN, PASSWORD).await.unwrap();
    let list = app.backup_list(&admin).await.unwrap();
    assert_eq!(list.backups.iter().filter(|b| b.kind == "auto").count(), 2);
    assert_eq!(list.last_auto.as_deref(), Some("自动备份已关闭"));
    app.close().await;
}

#[tokio::test]
async fn the_settings_page_shows_profile_calendar_terms_and_schedule() {
    let t = TestApp::new(d(2026, 3, 2)).await;
    let v = t.app.settings_get(&t.admin).await.unwrap();
    assert_eq!(v.school.rule_profile, "zhejiang-2017");
    assert_eq!(v.rule_profiles.len(), 2);
    assert!(v.calendar.years.contains(&2026));
    assert_eq!(v.calendar.last_year, Some(2026));
    assert_eq!(v.calendar.added, 0);
    assert_eq!(v.hardship_notice_days, 5);
    assert!(v.backup_schedule.daily);

    assert_eq!(v.calendar.provisional_year, Some(2027));
    assert!(!v.calendar.provisional_days.is_empty());
    // The school loads the 2026 notice as published (it replaces the shipped copy).
    let preview = t
        .app
        .calendar_preview(
            &t.admin,
            include_str!("../../domain/tests/data/notices/2026.txt"),
        )
        .await
        .unwrap();
    let saved = t
        .app
        .calendar_save(
            &t.admin,
            &xueji_app::calendar::NoticeInput {
                year: preview.year,
                title: preview.title,
                entries: preview.days,
                adjustments: Vec::new(),
            },
        )
        .await
        .unwrap();
    assert_eq!(saved.calendar.added, 1);
    let terms = t
        .app
        .terms_update(
            &t.admin,
            &[xueji_app::settings_view::TermView {
                school_year: 2025,
                semester: xueji_domain::school::Semester::Second,
                label: String::new(),
                start: d(2026, 2, 24),
                end: d(2026, 7, 3),
            }],
        )
        .await
        .unwrap();
    assert_eq!(terms[0].label, "2025—2026学年第二学期");
    let v = t.app.settings_get(&t.admin).await.unwrap();
    assert_eq!(v.calendar.last_year, Some(2026));
    assert_eq!(v.calendar.added, 1);
    assert_eq!(v.terms.len(), 1);
    let twice = t
        .app
        .terms_update(&t.admin, &[terms[0].clone(), terms[0].clone()])
        .await
        .unwrap_err();
    assert_eq!(twice.fields[0].field, "terms");
}

/// Issue 15, disaster recovery: copies outside the data folder are what survive a dead disk.
/// 首页 reminds the registrar (not a read-only user) when there has never been one, or when the
/// last is more than 7 days old; copies inside the data folder do not count.
#[tokio::test]
async fn home_reminds_when_the_last_copy_outside_the_data_folder_is_older_than_a_week() {
    let t = TestApp::new(d(2026, 12, 4)).await;
    let reader = t.user("chakan", Role::ReadOnly).await;
    let reminder = t.app.dashboard(&t.admin).await.unwrap().backup_reminder;
    assert!(reminder.unwrap().contains("还没有存到本机以外的备份"));
    assert_eq!(
        t.app.dashboard(&reader).await.unwrap().backup_reminder,
        None
    );

    let refused = t
        .app
        .backup_offsite_now(&t.admin)
        .await
        .expect_err("no folder yet");
    assert_eq!(refused.kind, ErrorKind::Validation);
    let inside = t.dir.path().join("data").join("backups");
    std::fs::create_dir_all(&inside).unwrap();
    let refused = t
        .app
        .backup_offsite_folder_set(&t.admin, Some(&inside.display().to_string()))
        .await
        .expect_err("inside the data folder");
    assert!(refused.message.contains("数据文件夹之内"), "{refused:?}");
    let refused = t
        .app
        .backup_offsite_folder_set(&t.admin, Some("usb/xueji"))
        .await
        .expect_err("relative");
    assert_eq!(refused.kind, ErrorKind::Validation);
    let usb = tempfile::tempdir().unwrap();
    let folder = usb.path().display().to_string();
    let set = t
        .app
        .backup_offsite_folder_set(&t.admin, Some(&folder))
        .await
        .unwrap();
    assert_eq!(set.folder.as_deref(), Some(folder.as_str()));
    assert!(
        t.app
            .backup_offsite_folder_set(&reader, Some(&folder))
            .await
            .is_err(),
        "a read-only user may not choose it"
    );

    // A copy inside the data folder is not an off-site copy.
    t.app.backup_create(&t.admin, None).await.unwrap();
    assert!(
        t.app
            .dashboard(&t.admin)
            .await
            .unwrap()
            .backup_reminder
            .is_some()
    );
    let copy = t.app.backup_offsite_now(&t.admin).await.unwrap();
    assert!(copy.path.starts_with(&folder), "{}", copy.path);
    assert!(std::path::Path::new(&copy.path).is_file());
    let listed = t.app.backup_list(&t.admin).await.unwrap();
    assert_eq!(listed.offsite.last_copy_at, Some(t.app.now()));
    assert_eq!(
        t.app.dashboard(&t.admin).await.unwrap().backup_reminder,
        None
    );

    t.clock.set_date(d(2026, 12, 11));
    assert_eq!(
        t.app.dashboard(&t.admin).await.unwrap().backup_reminder,
        None,
        "7 days is still in time"
    );
    t.clock.set_date(d(2026, 12, 14));
    let late = t.app.dashboard(&t.admin).await.unwrap().backup_reminder;
    assert!(late.unwrap().contains("已 10 天（2026-12-04）"));
    t.close().await;
}

/// Issue 15 item 3: the audit chain is anchored outside the database. When rows are cut off
/// behind the anchor (even with the database's own head moved over the cut), 首页 says so to the
/// users who may read the log, and the full check names it too.
#[tokio::test]
async fn r30_1_home_shows_the_audit_alarm_when_the_chain_was_cut_behind_its_anchor() {
    use sea_orm::{ActiveValue, ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    use xueji_store::entities::{audit_head, audit_log};

    let t = TestApp::new(d(2026, 12, 4)).await;
    let reader = t.user("chakan", Role::ReadOnly).await;
    assert_eq!(t.app.dashboard(&t.admin).await.unwrap().audit_alarm, None);
    assert_eq!(t.app.store().seal_audit().await.unwrap(), None);
    let rows = audit_log::Entity::find()
        .order_by_desc(audit_log::Column::Seq)
        .all(t.app.db())
        .await
        .unwrap();
    let kept = rows[3].clone();
    audit_log::Entity::delete_many()
        .filter(audit_log::Column::Seq.gt(kept.seq))
        .exec(t.app.db())
        .await
        .unwrap();
    audit_head::Entity::update(audit_head::ActiveModel {
        id: ActiveValue::Unchanged(1),
        seq: ActiveValue::Set(kept.seq),
        hash: ActiveValue::Set(kept.hash.clone()),
    })
    .exec(t.app.db())
    .await
    .unwrap();
    let alarm = t.app.dashboard(&t.admin).await.unwrap().audit_alarm;
    let alarm = alarm.expect("the cut is named on 首页");
    assert!(alarm.starts_with("审计日志异常："), "{alarm}");
    assert!(alarm.contains("记录缺失"), "{alarm}");
    assert_eq!(t.app.dashboard(&reader).await.unwrap().audit_alarm, None);
    let check = t.app.audit_verify(&t.admin).await.unwrap();
    assert!(!check.intact);
    assert!(check.problem.unwrap().contains("记录缺失"));
}

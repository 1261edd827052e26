//! Accounts: lockout after five wrong passwords for 15 minutes, password policy, idle lock,
//! registrar register (R28.1, R30.3).

mod common;

use chrono::Duration;
use common::{ADMIN, PASSWORD, TestApp, d};
use xueji_app::auth::{NewUserInput, RegistrarInput};
use xueji_app::{ErrorKind, Role};

#[tokio::test]
async fn r30_3_an_unknown_user_and_a_wrong_password_get_the_same_answer() {
    let t = TestApp::new(d(2025, 9, 10)).await;
    let unknown = t
        .app
        .login("nobody-here", "wrong-password1")
        .await
        .expect_err("unknown user");
    let wrong = t
        .app
        .login(ADMIN, "wrong-password1")
        .await
        .expect_err("wrong password");
    assert_eq!(unknown.kind, ErrorKind::Validation);
    assert_eq!(wrong.kind, ErrorKind::Validation);
    assert_eq!(
        unknown.message, wrong.message,
        "the answer names no account"
    );
    assert_eq!(unknown.rule_id(), Some("R30.3"));
    assert_eq!(
        wrong.message,
        "用户名或密码不正确（连续输错5次，账户将锁定15分钟）"
    );
    // A second wrong password says the same: no count of tries left to compare.
    let again = t
        .app
        .login(ADMIN, "wrong-password2")
        .await
        .expect_err("wrong again");
    assert_eq!(again.message, wrong.message);
}

#[tokio::test]
async fn r30_1_the_audit_logs_own_actor_names_cannot_be_user_names() {
    let t = TestApp::new(d(2025, 9, 10)).await;
    for name in ["system", "anonymous", "System", "ANONYMOUS"] {
        let e = t
            .app
            .user_add(
                &t.admin,
                &NewUserInput {
                    username: name.to_owned(),
                    display_name: "保留".to_owned(),
                    password: "Reserved-2025".to_owned(),
                    role: Role::Registrar,
                },
            )
            .await
            .expect_err(name);
        assert!(e.message.contains("保留"), "{name}: {}", e.message);
    }
}

#[tokio::test]
async fn r30_3_five_wrong_passwords_lock_the_account_for_fifteen_minutes() {
    let t = TestApp::new(d(2025, 9, 10)).await;
    for i in 1..=4 {
        let e = t
            .app
            .login(ADMIN, "wrong-password1")
            .await
            .expect_err("wrong");
        assert_eq!(e.kind, ErrorKind::Validation, "attempt {i}");
    }
    let locked = t
        .app
        .login(ADMIN, "wrong-password1")
        .await
        .expect_err("fifth");
    assert_eq!(locked.kind, ErrorKind::Locked);
    assert_eq!(locked.rule_id(), Some("R30.3"));
    assert!(
        locked.message.ends_with("请15分钟后再试"),
        "a fresh lock says 15 minutes: {}",
        locked.message
    );
    t.clock.advance(Duration::seconds(14 * 60 + 1));
    let last_minute = t
        .app
        .login(ADMIN, PASSWORD)
        .await
        .expect_err("still locked in the last minute");
    assert!(
        last_minute.message.ends_with("请1分钟后再试"),
        "{}",
        last_minute.message
    );
    let still = t
        .app
        .login(ADMIN, PASSWORD)
        .await
        .expect_err("locked even with the right password");
    assert_eq!(still.kind, ErrorKind::Locked);
    t.clock.advance(Duration::minutes(1));
    t.app
        .login(ADMIN, PASSWORD)
        .await
        .expect("unlocked after 15 minutes");
}

#[tokio::test]
async fn r30_3_passwords_need_eight_characters_with_letters_and_digits() {
    let t = TestApp::new(d(2025, 9, 10)).await;
    for bad in ["short1", "onlyletters", "1234567890"] {
        let e = t
            .app
            .user_add(
                &t.admin,
                &NewUserInput {
                    username: "li".into(),
                    display_name: "李老师".into(),
                    password: bad.into(),
                    role: Role::Approver,
                },
            )
            .await
            .expect_err(bad);
        assert_eq!(e.rule_id(), Some("R30.3"), "{bad}");
        assert_eq!(e.fields[0].field, "password");
    }
}

#[tokio::test]
async fn r30_3_the_session_locks_after_the_idle_time_and_unlocks_with_the_password() {
    let t = TestApp::new(d(2025, 9, 10)).await;
    t.app.idle_lock_set(&t.admin, 5).await.expect("set idle");
    t.clock.advance(Duration::minutes(6));
    let e = t.app.registrar_list(&t.admin).await.expect_err("idle");
    assert_eq!(e.kind, ErrorKind::Locked);
    let wrong = t
        .app
        .unlock(&t.admin, "nope12345")
        .await
        .expect_err("wrong");
    assert_eq!(wrong.kind, ErrorKind::Validation);
    t.app.unlock(&t.admin, PASSWORD).await.expect("unlock");
    t.app.registrar_list(&t.admin).await.expect("active again");
}

#[tokio::test]
async fn r30_3_the_idle_lock_is_one_to_sixty_minutes_and_cannot_be_turned_off() {
    let t = TestApp::new(d(2026, 12, 4)).await;
    for minutes in [0, 61, 240] {
        let e = t
            .app
            .idle_lock_set(&t.admin, minutes)
            .await
            .expect_err("out of range");
        assert_eq!(e.rule_id(), Some("R30.3"), "{minutes}: {e}");
        assert_eq!(e.fields[0].field, "idleLockMinutes");
    }
    t.app.idle_lock_set(&t.admin, 60).await.expect("an hour");
    t.app.idle_lock_set(&t.admin, 1).await.expect("a minute");
    // A new calendar day set on the test clock is not idleness; two minutes passing is.
    t.clock.set_date(d(2026, 12, 7));
    t.app.registrar_list(&t.admin).await.expect("not idle");
    t.clock.advance(Duration::minutes(2));
    let e = t.app.registrar_list(&t.admin).await.expect_err("idle");
    assert_eq!(e.kind, ErrorKind::Locked);
}

#[tokio::test]
async fn locked_accounts_cannot_log_in_until_unlocked() {
    let t = TestApp::new(d(2025, 9, 10)).await;
    t.user("shenhe", Role::Approver).await;
    t.app.user_lock(&t.admin, "shenhe").await.expect("lock");
    assert_eq!(
        t.app
            .login("shenhe", PASSWORD)
            .await
            .expect_err("disabled")
            .kind,
        ErrorKind::Forbidden
    );
    t.app.user_unlock(&t.admin, "shenhe").await.expect("unlock");
    t.app.login("shenhe", PASSWORD).await.expect("login");
}

#[tokio::test]
async fn r28_1_registrar_trained_before_duty_and_a_mid_year_change_warns() {
    let t = TestApp::new(d(2025, 11, 10)).await;
    let untrained = t
        .app
        .registrar_appoint(
            &t.admin,
            &RegistrarInput {
                name: "王老师".into(),
                username: None,
                trained_on: None,
                on_duty_from: d(2025, 9, 1),
            },
        )
        .await
        .expect_err("untrained");
    assert_eq!(untrained.rule_id(), Some("R28.1"));
    let first = t
        .app
        .registrar_appoint(
            &t.admin,
            &RegistrarInput {
                name: "王老师".into(),
                username: Some(ADMIN.into()),
                trained_on: Some(d(2025, 8, 20)),
                on_duty_from: d(2025, 9, 1),
            },
        )
        .await
        .expect("first");
    assert!(first.warnings.is_empty());
    let second = t
        .app
        .registrar_appoint(
            &t.admin,
            &RegistrarInput {
                name: "李老师".into(),
                username: None,
                trained_on: Some(d(2025, 11, 1)),
                on_duty_from: d(2025, 11, 10),
            },
        )
        .await
        .expect("second");
    assert_eq!(second.warnings[0].rule, "R28.1");
    let list = t.app.registrar_list(&t.admin).await.expect("list");
    assert_eq!(list.len(), 2);
    assert_eq!(list[1].on_duty_until, Some(d(2025, 11, 9)));
}

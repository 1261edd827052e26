//! Signed, encrypted transfer packages between two real schools (issue 8 item 3; R7.3, R9.1,
//! R13.4, R7.2): school A transfers a student out through the four-party procedure, packs the
//! archive for school B, and B inspects and imports it. Altered, untrusted or misaddressed
//! packages are refused and nothing is imported.

mod common;
mod common_changes;

use common::{TestApp, d};
use common_changes::World;
use xueji_app::audit_log::AuditFilter;
use xueji_app::changes::ApplicationState;
use xueji_app::changes::{ChangeRequest, ProofKind as P, TransferKindInput};
use xueji_app::package::PackageKind;
use xueji_app::{ErrorKind, Session};
use xueji_domain::AuditAction;
use xueji_domain::SchoolKind;
use xueji_domain::Status;

fn today() -> chrono::NaiveDate {
    d(2025, 3, 10)
}

fn transfer(grade: u8) -> ChangeRequest {
    ChangeRequest::TransferOut {
        kind: TransferKindInput::Regular,
        grade,
        receiving_school: "杭州市上城区胜利小学".to_owned(),
        route: xueji_app::changes::TransferRoute::AcrossCounties,
    }
}

/// `to` trusts `from` under `name`; returns the trusted id in `to`'s list.
async fn trust(from: &TestApp, to: &TestApp, name: &str) -> i64 {
    let keys = from.app.keys_show(&from.admin).await.expect("keys");
    assert!(keys.text.starts_with("xueji1:"));
    to.app
        .keys_trust(&to.admin, &keys.text, name)
        .await
        .expect("trusted")
        .id
}

async fn school() -> TestApp {
    let t = TestApp::of_kind(today(), SchoolKind::NineYear).await;
    t.app.idle_lock_set(&t.admin, 0).await.expect("no lock");
    t
}

/// School A with a grade-4 student transferred out; returns (world, student id).
async fn transferred_out() -> (World, i64) {
    let w = World::new(today()).await;
    let id = w.pupil("张包", d(2015, 4, 4), 31, 4).await;
    let done = w
        .run(id, transfer(4), today(), &[P::WrittenApplication])
        .await;
    assert_eq!(done.row.state, ApplicationState::Approved);
    assert_eq!(w.status(id).await, Status::TransferredOut);
    (w, id)
}

async fn refused_import(b: &TestApp, admin: &Session, bytes: &[u8], kind: ErrorKind) -> String {
    let before = b.count("student").await;
    let events = b.count("student_event").await;
    let err = b
        .app
        .package_inspect(admin, bytes)
        .await
        .expect_err("inspect refused");
    assert_eq!(err.kind, kind, "{err}");
    let err2 = b
        .app
        .package_import(admin, bytes)
        .await
        .expect_err("import refused");
    assert_eq!(err2.kind, kind, "{err2}");
    assert_eq!(b.count("student").await, before, "nothing imported");
    assert_eq!(b.count("student_event").await, events, "no event");
    let refusals = b
        .app
        .audit_list(
            admin,
            &AuditFilter {
                action: Some(AuditAction::PackageRefused),
                ..Default::default()
            },
        )
        .await
        .expect("audit");
    assert!(refusals.total >= 2, "each refusal is in the audit log");
    err.message
}

#[tokio::test]
async fn round_trip_the_record_continues_at_the_receiving_school_with_its_history_and_grade() {
    let (w, id) = Box::pin(transferred_out()).await;
    let a = &w.t;
    let b = school().await;
    let b_in_a = trust(&b, a, "杭州市上城区胜利小学").await;
    let a_in_b = trust(a, &b, "杭州市西湖区某学校").await;
    let sent = a.app.student_archive(&a.admin, id).await.expect("archive");
    let bytes = a
        .app
        .package_create(&a.admin, id, b_in_a)
        .await
        .expect("package");
    // what B sees before importing
    let view = b.app.package_inspect(&b.admin, &bytes).await.expect("view");
    assert_eq!(view.sender_id, a_in_b);
    assert_eq!(view.kind, PackageKind::Transfer);
    assert_eq!(view.students.len(), 1);
    let one = &view.students[0];
    assert_eq!(one.name, "张包");
    assert_eq!(one.grade, Some(4));
    assert_eq!(one.status, Status::TransferredOut);
    assert_eq!(one.events as usize, sent.events.len());
    assert!(one.attachments >= 1, "the proofs travel with the record");
    assert_eq!(one.existing_student_id, None);
    let before = b.count("student").await;
    let imported = b
        .app
        .package_import(&b.admin, &bytes)
        .await
        .expect("imported");
    assert_eq!(b.count("student").await, before + 1);
    let got = b
        .app
        .student_archive(&b.admin, imported.student_ids[0])
        .await
        .expect("archive at B");
    assert_eq!(got.student.status.code, Status::Enrolled, "在读 at B");
    assert_eq!(got.student.grade, Some(4), "R13.4: same grade");
    assert!(!got.student.read_only);
    let kinds: Vec<_> = got.events.iter().map(|e| e.kind.as_str()).collect();
    assert!(kinds.contains(&"transfer_out"), "history kept: {kinds:?}");
    assert!(
        kinds.contains(&"transfer_in"),
        "arrival recorded: {kinds:?}"
    );
    assert_eq!(got.events.len(), sent.events.len() + 1);
    assert_eq!(got.attachments.len(), sent.attachments.len());
    // A keeps its read-only copy (R9.1)
    let kept = a.app.student_archive(&a.admin, id).await.expect("copy");
    assert!(kept.student.read_only);
    // R7.2: a second import of the same student is refused, naming the record
    let err = b
        .app
        .package_import(&b.admin, &bytes)
        .await
        .expect_err("duplicate");
    assert_eq!(err.rule_id(), Some("R7.2"), "{err}");
    assert!(err.message.contains(&imported.student_ids[0].to_string()));
    assert_eq!(b.count("student").await, before + 1);
}

#[tokio::test]
async fn r7_3_no_package_before_the_transfer_out_is_complete() {
    let w = World::new(today()).await;
    let b = school().await;
    let b_in_a = trust(&b, &w.t, "接收学校").await;
    let id = w.pupil("李未", d(2015, 5, 5), 32, 4).await;
    let err =
        w.t.app
            .package_create(&w.t.admin, id, b_in_a)
            .await
            .expect_err("refused");
    assert_eq!(err.rule_id(), Some("R7.3"), "{err}");
    let err =
        w.t.app
            .package_create(&w.t.admin, id, 99)
            .await
            .expect_err("unknown school");
    assert_eq!(err.kind, ErrorKind::NotFound);
}

#[tokio::test]
async fn altered_untrusted_or_misaddressed_packages_are_refused_and_nothing_is_imported() {
    let (w, id) = Box::pin(transferred_out()).await;
    let a = &w.t;
    let b = school().await;
    let c = school().await;
    let b_in_a = trust(&b, a, "乙校").await;
    let c_in_a = trust(&c, a, "丙校").await;
    trust(a, &b, "甲校").await;
    let good = a
        .app
        .package_create(&a.admin, id, b_in_a)
        .await
        .expect("package");
    // one byte altered, in the header, in the middle and at the end
    for pos in [20, good.len() / 2, good.len() - 1] {
        let mut bad = good.clone();
        bad[pos] ^= 0x01;
        let msg = refused_import(&b, &b.admin, &bad, ErrorKind::Validation).await;
        assert!(msg.contains("档案包"), "{msg}");
    }
    // addressed to another school (C): B cannot read it
    let to_c = a
        .app
        .package_create(&a.admin, id, c_in_a)
        .await
        .expect("package for C");
    let msg = refused_import(&b, &b.admin, &to_c, ErrorKind::Forbidden).await;
    assert!(msg.contains("不是发给本校"), "{msg}");
    // signed by a school B does not trust: C trusts A and sends to... A trusts C, C does not
    // appear in B's list; C packs a package for B after trusting B
    let (w2, id2) = Box::pin(transferred_out()).await;
    let b_in_w2 = trust(&b, &w2.t, "乙校").await;
    let untrusted =
        w2.t.app
            .package_create(&w2.t.admin, id2, b_in_w2)
            .await
            .expect("package from an untrusted school");
    let msg = refused_import(&b, &b.admin, &untrusted, ErrorKind::Forbidden).await;
    assert!(msg.contains("信任"), "{msg}");
    // the genuine package still imports
    b.app
        .package_import(&b.admin, &good)
        .await
        .expect("the original imports");
}

#[tokio::test]
async fn keys_are_stable_and_only_the_registrar_manages_them() {
    let a = school().await;
    let first = a.app.keys_show(&a.admin).await.expect("keys");
    let again = a.app.keys_show(&a.admin).await.expect("keys");
    assert_eq!(first, again, "generated once");
    let err = a
        .app
        .keys_trust(&a.admin, &first.text, "本校")
        .await
        .expect_err("own keys");
    assert_eq!(err.kind, ErrorKind::Validation);
    let err = a
        .app
        .keys_trust(&a.admin, "xueji1:abc", "某校")
        .await
        .expect_err("bad text");
    assert_eq!(err.kind, ErrorKind::Validation);
    let reader = a.user("chaxun", xueji_app::Role::ReadOnly).await;
    let err = a.app.keys_show(&reader).await.expect_err("forbidden");
    assert_eq!(err.kind, ErrorKind::Forbidden);
}

#[tokio::test]
async fn r9_3_a_merging_school_hands_over_every_record_as_it_was() {
    let w = World::new(today()).await;
    let a = &w.t;
    let kept = w.pupil("王并", d(2015, 6, 6), 33, 4).await;
    let left = w.pupil("赵并", d(2014, 7, 7), 34, 5).await;
    w.submit(
        Some(left),
        ChangeRequest::Dropout { migrant: false },
        today(),
        &[],
    )
    .await
    .expect("dropout");
    let b = school().await;
    let b_in_a = trust(&b, a, "合并后的学校").await;
    trust(a, &b, "被合并的学校").await;
    let bytes = a
        .app
        .package_school_archive(&a.admin, b_in_a)
        .await
        .expect("archive");
    let view = b.app.package_inspect(&b.admin, &bytes).await.expect("view");
    assert_eq!(view.kind, PackageKind::SchoolArchive);
    assert_eq!(view.students.len(), 2);
    let imported = b
        .app
        .package_import(&b.admin, &bytes)
        .await
        .expect("imported");
    assert_eq!(imported.student_ids.len(), 2);
    let mut statuses = Vec::new();
    for id in &imported.student_ids {
        let got = b.app.student_archive(&b.admin, *id).await.expect("archive");
        assert!(
            got.events.iter().any(|e| e.kind == "archive_received"),
            "arrival recorded"
        );
        statuses.push((got.student.grade, got.student.status.code));
    }
    statuses.sort();
    assert_eq!(
        statuses,
        [(Some(4), Status::Enrolled), (Some(5), Status::DroppedOut)],
        "R9.3: grade and status kept"
    );
    // The sending school's records are untouched (its copy).
    assert_eq!(w.status(kept).await, Status::Enrolled);
    // R7.2: the same archive again is refused whole.
    let before = b.count("student").await;
    let err = b
        .app
        .package_import(&b.admin, &bytes)
        .await
        .expect_err("duplicate");
    assert_eq!(err.rule_id(), Some("R7.2"), "{err}");
    assert_eq!(b.count("student").await, before);
}

#[tokio::test]
async fn r30_2_personal_data_provided_without_the_bureaus_approval_is_a_finding() {
    // 第三十条: 未经主管教育行政部门书面同意，不得对外提供学生学籍信息. An approved export is no
    // finding; a whole-school archive package (which records no approval) is one (R32.7).
    let w = World::new(today()).await;
    let a = &w.t;
    w.pupil("王供", d(2015, 6, 6), 35, 4).await;
    let r30_2 = |v: &xueji_app::dashboard::DashboardView| {
        v.findings
            .iter()
            .filter(|f| f.basis == "R30.2" && f.rule == "R32.7")
            .count()
    };
    a.app
        .export(
            &a.admin,
            xueji_app::export::ExportKind::Roster,
            &xueji_app::export::ExportRequest {
                approval_ref: "西教学〔2025〕12号".to_owned(),
                purpose: "区教育局学期核查".to_owned(),
                ..Default::default()
            },
        )
        .await
        .expect("approved export");
    let dash = a.app.dashboard(&a.admin).await.expect("dashboard");
    assert_eq!(r30_2(&dash), 0, "{:?}", dash.findings);
    let b = school().await;
    let b_in_a = trust(&b, a, "合并后的学校").await;
    a.app
        .package_school_archive(&a.admin, b_in_a)
        .await
        .expect("archive");
    let dash = a.app.dashboard(&a.admin).await.expect("dashboard");
    assert_eq!(r30_2(&dash), 1, "{:?}", dash.findings);
    let f = dash
        .findings
        .iter()
        .find(|f| f.basis == "R30.2")
        .expect("finding");
    assert!(
        f.message.contains("未经主管教育行政部门书面核准"),
        "{}",
        f.message
    );
}

#[tokio::test]
async fn r18_2_migrant_dropouts_archives_are_handed_over_once_and_kept_read_only() {
    let w = World::new(today()).await;
    let a = &w.t;
    let migrant = w.pupil("钱迁", d(2011, 8, 8), 35, 8).await;
    let local = w.pupil("孙本", d(2011, 9, 9), 36, 8).await;
    w.pupil("李读", d(2011, 10, 10), 37, 8).await;
    for (id, m) in [(migrant, true), (local, false)] {
        w.submit(
            Some(id),
            ChangeRequest::Dropout { migrant: m },
            today(),
            &[],
        )
        .await
        .expect("dropout");
    }
    let list = a.app.migrant_dropouts(&a.admin).await.expect("list");
    assert_eq!(list.len(), 1, "only the migrant dropout");
    assert_eq!(list[0].student_id, migrant);
    assert_eq!(list[0].handed_over_on, None);
    let county = school().await;
    let county_in_a = trust(&county, a, "户籍所在地县教育局").await;
    trust(a, &county, "就读学校").await;
    let bytes = a
        .app
        .package_migrant_handover(&a.admin, county_in_a)
        .await
        .expect("hand-over");
    let list = a.app.migrant_dropouts(&a.admin).await.expect("list");
    assert_eq!(list[0].handed_over_on, Some(today()));
    let err = a
        .app
        .package_migrant_handover(&a.admin, county_in_a)
        .await
        .expect_err("nothing left to hand over");
    assert_eq!(err.kind, ErrorKind::Validation);
    let imported = county
        .app
        .package_import(&county.admin, &bytes)
        .await
        .expect("imported");
    assert_eq!(imported.package.kind, PackageKind::MigrantHandover);
    assert_eq!(imported.student_ids.len(), 1);
    let got = county
        .app
        .student_archive(&county.admin, imported.student_ids[0])
        .await
        .expect("archive");
    assert_eq!(got.student.status.code, Status::DroppedOut);
    assert!(got.student.read_only, "kept, not continued");
    assert!(
        got.events
            .iter()
            .any(|e| e.kind == "archive_received" && e.rule == "R18.2")
    );
}

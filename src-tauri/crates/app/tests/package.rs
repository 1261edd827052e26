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

const PHOTO: &[u8] = include_bytes!("../../print/tests/assets/photo.jpg");

fn today() -> chrono::NaiveDate {
    d(2025, 3, 10)
}

/// The bureau's approval of a merger's hand-over (R30.2).
fn merger_approval() -> xueji_app::disclosure::ApprovalInput {
    xueji_app::disclosure::ApprovalInput {
        approval_ref: "西教学〔2025〕8号".to_owned(),
        approved_on: Some(d(2025, 3, 3)),
    }
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
        .keys_trust(&to.approver().await, &keys.text, name)
        .await
        .expect("trusted")
        .id
}

async fn school() -> TestApp {
    TestApp::of_kind(today(), SchoolKind::NineYear).await
}

/// School A with a grade-4 student transferred out; returns (world, student id).
async fn transferred_out() -> (World, i64) {
    let w = World::new(today()).await;
    let id = w.pupil("张包", d(2015, 4, 4), 31, 4).await;
    w.t.app
        .student_photo_set(&w.t.admin, id, PHOTO)
        .await
        .expect("photo on file");
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
    let photo = b
        .app
        .student_photo(&b.admin, imported.student_ids[0])
        .await
        .expect("photo")
        .expect("the photo travels with the record");
    assert_eq!(photo.data, PHOTO);
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
async fn keys_are_stable_and_only_the_approver_trusts_a_school() {
    let a = school().await;
    let first = a.app.keys_show(&a.admin).await.expect("keys");
    let again = a.app.keys_show(&a.admin).await.expect("keys");
    assert_eq!(first, again, "generated once");
    let err = a
        .app
        .keys_trust(&a.approver().await, &first.text, "本校")
        .await
        .expect_err("own keys");
    assert_eq!(err.kind, ErrorKind::Validation);
    let err = a
        .app
        .keys_trust(&a.approver().await, "xueji1:abc", "某校")
        .await
        .expect_err("bad text");
    assert_eq!(err.kind, ErrorKind::Validation);
    let reader = a.user("chaxun", xueji_app::Role::ReadOnly).await;
    let err = a.app.keys_show(&reader).await.expect_err("forbidden");
    assert_eq!(err.kind, ErrorKind::Forbidden);
    // Trusting a school decides where records may go: the approver's step, not the registrar's.
    let other = school().await;
    let theirs = other.app.keys_show(&other.admin).await.expect("keys");
    let err = a
        .app
        .keys_trust(&a.admin, &theirs.text, "某校")
        .await
        .expect_err("the registrar may not trust");
    assert_eq!(err.kind, ErrorKind::Forbidden);
    let approver = a.approver().await;
    assert_eq!(a.app.keys_show(&approver).await.expect("keys"), first);
    a.app
        .keys_trust(&approver, &theirs.text, "某校")
        .await
        .expect("the approver trusts");
    assert_eq!(a.app.keys_trusted(&a.admin).await.expect("list").len(), 1);
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
        .package_school_archive(&a.admin, b_in_a, &merger_approval())
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
async fn r30_2_the_whole_schools_archive_leaves_only_with_the_bureaus_written_approval() {
    // 第三十条: 未经主管教育行政部门书面核准，任何单位与个人一律不得向外提供学籍信息. The whole
    // school's archive package is every record leaving at once: refused without the 文号 in its
    // official form and a date not after today; with them, made, recorded, and no R32.7 finding.
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
                approved_on: Some(d(2025, 3, 3)),
                purpose: "区教育局学期核查".to_owned(),
                ..Default::default()
            },
        )
        .await
        .expect("approved export");
    let b = school().await;
    let b_in_a = trust(&b, a, "合并后的学校").await;
    let approval = |reference: &str, on| xueji_app::disclosure::ApprovalInput {
        approval_ref: reference.to_owned(),
        approved_on: on,
    };
    for (input, field) in [
        (approval("", None), "approvalRef"),
        (approval("同意合并", Some(d(2025, 3, 1))), "approvalRef"),
        (approval("西教学〔2025〕30号", None), "approvedOn"),
        (
            approval("西教学〔2025〕30号", Some(d(2025, 3, 11))),
            "approvedOn",
        ),
    ] {
        let err = a
            .app
            .package_school_archive(&a.admin, b_in_a, &input)
            .await
            .expect_err("not approved");
        assert_eq!(err.rule_id(), Some("R30.2"), "{err}");
        assert_eq!(err.fields[0].field, field, "{err}");
    }
    let bytes = a
        .app
        .package_school_archive(
            &a.admin,
            b_in_a,
            &approval("西教学[2025]30号", Some(d(2025, 3, 7))),
        )
        .await
        .expect("approved archive");
    assert!(!bytes.is_empty());
    let dash = a.app.dashboard(&a.admin).await.expect("dashboard");
    assert_eq!(r30_2(&dash), 0, "{:?}", dash.findings);
    let page = a
        .app
        .audit_list(
            &a.admin,
            &xueji_app::audit_log::AuditFilter {
                action: Some(xueji_domain::AuditAction::PackageCreateSchoolArchive),
                ..Default::default()
            },
        )
        .await
        .expect("audit");
    assert_eq!(page.rows.len(), 1);
    assert!(
        page.rows[0]
            .target
            .contains("approval:西教学〔2025〕30号 approved:2025-03-07"),
        "{}",
        page.rows[0].target
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

/// A 小学 (a real primary-school profile) whose grade-6 class of two graduates on 2026-07-01
/// (the bureau's 文号 recorded); one classmate is still in grade 6. Returns the world, the two
/// graduates and the classmate.
async fn primary_graduates() -> (World, [i64; 2], i64) {
    let w = World::of_kind(d(2026, 3, 10), SchoolKind::Primary).await;
    let first = w.pupil("周升", d(2014, 5, 5), 41, 6).await;
    let second = w.pupil("吴升", d(2014, 6, 6), 42, 6).await;
    let stays = w.pupil("郑留", d(2014, 7, 7), 43, 6).await;
    w.t.clock.set_date(d(2026, 7, 10));
    let result = |student_id, aux: &str| xueji_app::batches::GraduationResultInput {
        student_id,
        programme_completed: true,
        overall_quality_passed: true,
        failed_subjects_after_makeup: 0,
        aux_number: Some(aux.to_owned()),
    };
    w.t.app
        .graduation_confirm(
            &w.t.admin,
            &xueji_app::batches::GraduationInput {
                grade: 6,
                results: vec![
                    result(first, "ZJ2026000141"),
                    result(second, "ZJ2026000142"),
                ],
                on: d(2026, 7, 1),
                bureau_reference: Some("西教学〔2026〕21号".to_owned()),
            },
        )
        .await
        .expect("graduated");
    (w, [first, second], stays)
}

/// 第九条: "学生转学或升学的，学籍档案转至转入学校或升入学校". The primary school packs its
/// graduates' archives for the 初中 they enter; the 初中 imports them into grade 7 with the junior
/// stage starting on 1 September; nothing goes twice, a pupil still in grade 6 does not go, and a
/// 小学 cannot take a progression package.
#[tokio::test]
async fn r9_1_a_primary_graduating_class_goes_to_the_junior_school_in_a_signed_package() {
    let (w, [first, second], stays) = primary_graduates().await;
    let a = &w.t;
    let list = a
        .app
        .progression_graduates(&a.admin)
        .await
        .expect("graduates");
    assert_eq!(
        list.iter().map(|g| g.student_id).collect::<Vec<_>>(),
        vec![first, second],
        "only the graduates of grade 6"
    );
    assert!(
        list.iter()
            .all(|g| g.handed_over_on.is_none() && g.outcome_label == "毕业")
    );

    let junior = TestApp::of_kind(d(2026, 7, 15), SchoolKind::Junior).await;
    let junior_in_a = trust(&junior, a, "西湖区第一初级中学").await;
    trust(a, &junior, "西湖区文三路小学").await;

    let err = a
        .app
        .package_progression(&a.admin, &[first, stays], junior_in_a)
        .await
        .expect_err("a pupil still in grade 6 does not go");
    assert_eq!(err.rule_id(), Some("R9.1"), "{err}");
    let bytes = a
        .app
        .package_progression(&a.admin, &[first, second], junior_in_a)
        .await
        .expect("package");
    let list = a
        .app
        .progression_graduates(&a.admin)
        .await
        .expect("graduates");
    assert!(
        list.iter()
            .all(|g| g.handed_over_on == Some(d(2026, 7, 10)))
    );
    assert!(
        list[0]
            .handed_over_note
            .as_deref()
            .is_some_and(|n| n.contains("西湖区第一初级中学")),
        "{list:?}"
    );
    let err = a
        .app
        .package_progression(&a.admin, &[first], junior_in_a)
        .await
        .expect_err("nothing goes twice");
    assert_eq!(err.rule_id(), Some("R9.1"), "{err}");
    assert!(err.message.contains("2026年7月10日"), "{err}");

    let imported = junior
        .app
        .package_import(&junior.admin, &bytes)
        .await
        .expect("imported");
    assert_eq!(imported.package.kind, PackageKind::Progression);
    assert_eq!(imported.student_ids.len(), 2);
    for id in &imported.student_ids {
        let got = junior
            .app
            .student_archive(&junior.admin, *id)
            .await
            .expect("archive");
        assert_eq!(got.student.status.code, Status::Enrolled);
        assert_eq!(got.student.grade, Some(7));
        assert!(!got.student.read_only, "continues here");
        assert_eq!(got.student.entry_date, Some(d(2026, 9, 1)));
        assert!(
            got.events
                .iter()
                .any(|e| e.kind == "progression_in" && e.rule == "R9.1"),
            "{:?}",
            got.events
        );
    }
}

/// 第九条 sends the archive to the school the pupil 升入: a 小学 has no grade 7, so a progression
/// package sent to one is refused whole.
#[tokio::test]
async fn r9_1_a_primary_school_cannot_take_a_progression_package() {
    let (w2, [third, _], _) = primary_graduates().await;
    let other_primary = TestApp::of_kind(d(2026, 7, 15), SchoolKind::Primary).await;
    let primary_in_w2 = trust(&other_primary, &w2.t, "另一所小学").await;
    trust(&w2.t, &other_primary, "西湖区文三路小学").await;
    let bytes =
        w2.t.app
            .package_progression(&w2.t.admin, &[third], primary_in_w2)
            .await
            .expect("package");
    let before = other_primary.count("student").await;
    let err = other_primary
        .app
        .package_import(&other_primary.admin, &bytes)
        .await
        .expect_err("no grade 7 here");
    assert_eq!(err.rule_id(), Some("R9.1"), "{err}");
    assert_eq!(
        other_primary.count("student").await,
        before,
        "nothing imported"
    );
}

/// 第九条 where the 初中 has no XueJi: the printed 小学毕业生升学学籍档案移交清单 lists each archive
/// with its 学籍号 and outcome, names both sides, is numbered in the document log, and is itself
/// the hand-over (each record shows it went; the generic print path refuses the list).
#[tokio::test]
async fn r9_1_the_printed_hand_over_list_is_the_hand_over_where_the_junior_school_has_no_xueji() {
    let (w, [first, second], _) = primary_graduates().await;
    let a = &w.t;
    let printed = a
        .app
        .progression_handover_list(
            &a.admin,
            &xueji_app::package::ProgressionListInput {
                student_ids: vec![first, second],
                receiver: "杭州市西湖区第二初级中学".to_owned(),
            },
        )
        .await
        .expect("list");
    assert_eq!(printed.serials.len(), 1);
    assert!(
        printed.serials[0].contains("-PROGRESS-"),
        "{:?}",
        printed.serials
    );
    let text: String = common::pdf_text("progression-list", &printed.pdf)
        .split_whitespace()
        .collect();
    for needle in [
        "小学毕业生升学学籍档案移交清单",
        "杭州市西湖区第二初级中学",
        "周升",
        "吴升",
        "毕业（2026年7月1日）",
        "共2人",
        "接收人（签字）",
        "第九条",
        printed.serials[0].as_str(),
    ] {
        assert!(text.contains(needle), "{needle}: {text}");
    }
    let list = a
        .app
        .progression_graduates(&a.admin)
        .await
        .expect("graduates");
    assert!(
        list.iter()
            .all(|g| g.handed_over_on == Some(d(2026, 7, 10)))
    );
    let err = a
        .app
        .document_print(
            &a.admin,
            &xueji_app::documents::DocumentRequest {
                approval: None,
                kind: xueji_app::documents::PrintKind::ProgressionHandoverList,
                student_ids: vec![first],
                filter: None,
                certificate: None,
            },
        )
        .await
        .expect_err("the list goes with its hand-over");
    assert_eq!(err.kind, ErrorKind::Validation);
}

/// 第十八条: "随迁子女辍学的，学期末……将其学籍档案转交户籍所在地县级教育行政部门". The printed
/// 随迁子女辍学学籍档案移交清单 names the county it goes to and each archive's 户口所在地; printing
/// it hands the archives over (the R18.2 hand-over is met) when the county has no XueJi.
#[tokio::test]
async fn r18_2_the_printed_migrant_hand_over_list_names_where_each_archive_goes() {
    let w = World::new(today()).await;
    let a = &w.t;
    let migrant = w.pupil("钱迁", d(2011, 8, 8), 35, 8).await;
    w.submit(
        Some(migrant),
        ChangeRequest::Dropout { migrant: true },
        today(),
        &[],
    )
    .await
    .expect("dropout");
    let printed = a
        .app
        .migrant_handover_list(
            &a.admin,
            &xueji_app::package::MigrantListInput {
                student_ids: Vec::new(),
                receiver: "安徽省阜阳市临泉县教育局".to_owned(),
            },
        )
        .await
        .expect("list");
    assert!(
        printed.serials[0].contains("-MIGRANT-"),
        "{:?}",
        printed.serials
    );
    let text: String = common::pdf_text("migrant-list", &printed.pdf)
        .split_whitespace()
        .collect();
    for needle in [
        "随迁子女辍学学籍档案移交清单",
        "安徽省阜阳市临泉县教育局",
        "钱迁",
        "户口所在地",
        "第十八条",
    ] {
        assert!(text.contains(needle), "{needle}: {text}");
    }
    let list = a.app.migrant_dropouts(&a.admin).await.expect("list");
    assert_eq!(list[0].handed_over_on, Some(today()));
    let err = a
        .app
        .migrant_handover_list(
            &a.admin,
            &xueji_app::package::MigrantListInput {
                student_ids: Vec::new(),
                receiver: "安徽省阜阳市临泉县教育局".to_owned(),
            },
        )
        .await
        .expect_err("nothing left to hand over");
    assert_eq!(err.kind, ErrorKind::Validation);
}

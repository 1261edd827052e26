//! Helpers for the change tests: roles, proofs, submitting and deciding every step.
#![allow(dead_code)]

use chrono::NaiveDate;
use xueji_app::changes::ApplicationState;
use xueji_app::changes::{
    ApplicationView, ChangeInput, ChangeRequest, DecideInput, Decision, ProofKind, ProofUpload,
};
use xueji_app::documents::{DocumentRequest, PrintKind};
use xueji_app::students::EnrolInput;
use xueji_app::{AppError, Role, Session};
use xueji_domain::SchoolKind;

use crate::common::{TestApp, transfer_free};

/// `%PDF-1.4` and a newline.
pub const SCAN: &str = "JVBERi0xLjQK";

/// The app with the three other roles logged in, and no idle lock (the clock jumps days).
pub struct World {
    pub t: TestApp,
    pub approver: Session,
    pub moral: Session,
    pub reader: Session,
}

impl World {
    pub async fn new(today: NaiveDate) -> Self {
        Self::of_kind(today, SchoolKind::NineYear).await
    }

    pub async fn of_kind(today: NaiveDate, kind: SchoolKind) -> Self {
        let t = TestApp::of_kind(today, kind).await;
        let approver = t.user("shenhe", Role::Approver).await;
        let moral = t.user("deyu", Role::MoralEducation).await;
        let reader = t.user("chaxun", Role::ReadOnly).await;
        Self {
            t,
            approver,
            moral,
            reader,
        }
    }

    /// The session that records a step needing `permission`.
    pub fn who(&self, permission: &str) -> &Session {
        match permission {
            "decide_school_steps" => &self.approver,
            "propose_sanctions" => &self.moral,
            _ => &self.t.admin,
        }
    }

    pub async fn submit(
        &self,
        student_id: Option<i64>,
        change: ChangeRequest,
        on: NaiveDate,
        proofs: &[ProofKind],
    ) -> Result<ApplicationView, AppError> {
        self.submit_as(&self.t.admin, student_id, change, on, proofs)
            .await
    }

    pub async fn submit_as(
        &self,
        session: &Session,
        student_id: Option<i64>,
        change: ChangeRequest,
        on: NaiveDate,
        proofs: &[ProofKind],
    ) -> Result<ApplicationView, AppError> {
        self.t
            .app
            .change_submit(
                session,
                &ChangeInput {
                    student_id,
                    change,
                    effective_on: on,
                    proofs: proofs.iter().map(|k| proof(*k)).collect(),
                    note: None,
                },
            )
            .await
    }

    pub async fn decide(
        &self,
        session: &Session,
        application_id: i64,
        step: u32,
        decision: Decision,
        on: NaiveDate,
    ) -> Result<ApplicationView, AppError> {
        self.t
            .app
            .change_decide(
                session,
                &DecideInput {
                    application_id,
                    step,
                    decision,
                    on,
                    reference: Some(format!("西教籍〔2025〕{step}号")),
                    reason: (decision == Decision::Reject).then(|| "不符合条件".to_owned()),
                    proof: None,
                },
            )
            .await
    }

    /// Decides every remaining step by the right role on `on`, skipping optional ones.
    pub async fn complete(&self, view: ApplicationView, on: NaiveDate) -> ApplicationView {
        let mut view = view;
        while view.row.state == ApplicationState::Open {
            let step = view.row.current_step.expect("waiting step");
            let s = &view.steps[usize::try_from(step).expect("index")];
            let decision = if s.optional {
                Decision::Skip
            } else {
                Decision::Approve
            };
            view = self
                .decide(self.who(&s.permission), view.row.id, step, decision, on)
                .await
                .unwrap_or_else(|e| panic!("step {step} ({}): {e}", s.label));
        }
        view
    }

    /// Submits and completes a change.
    pub async fn run(
        &self,
        student_id: i64,
        change: ChangeRequest,
        on: NaiveDate,
        proofs: &[ProofKind],
    ) -> ApplicationView {
        let view = self
            .submit(Some(student_id), change, on, proofs)
            .await
            .expect("submitted");
        self.complete(view, on).await
    }

    /// Enrols a student (R7.5) and records the bureau's approval (R6.1): 在读.
    pub async fn enrolled(&self, input: &EnrolInput, on: NaiveDate) -> i64 {
        let v = self
            .t
            .app
            .student_enrol(&self.t.admin, input)
            .await
            .expect("enrolled");
        let id = v.student.id;
        let done = self.run(id, ChangeRequest::ApproveEnrolment, on, &[]).await;
        assert_eq!(done.row.state, ApplicationState::Approved);
        id
    }

    /// A student in `grade`, 在读 from `on`.
    pub async fn pupil(&self, name: &str, birth: NaiveDate, seq: u16, grade: u8) -> i64 {
        let today = self.t.app.today();
        let entry = xueji_domain::SchoolYear::containing(today).start() + chrono::Days::new(1);
        self.enrolled(&transfer_free(name, birth, seq, grade, entry), today)
            .await
    }

    pub async fn status(&self, id: i64) -> xueji_domain::Status {
        self.t
            .app
            .student_archive(&self.t.admin, id)
            .await
            .expect("archive")
            .student
            .status
            .code
    }

    /// A sanction (a `ChangeRequest::Sanction`) through the whole procedure (R22.2) on `on`: the
    /// 德育处 proposes, the school hears the family (the record of it attached), holds the hearing,
    /// the council decides and the principal signs. Returns the application's id.
    pub async fn sanction(&self, id: i64, request: ChangeRequest, on: NaiveDate) -> i64 {
        let app = self
            .submit_as(&self.moral, Some(id), request, on, &[])
            .await
            .expect("proposed by the 德育处");
        let app_id = app.row.id;
        self.decide(&self.moral, app_id, 0, Decision::Approve, on)
            .await
            .expect("proposal");
        self.t
            .app
            .change_decide(
                &self.approver,
                &DecideInput {
                    application_id: app_id,
                    step: 1,
                    decision: Decision::Approve,
                    on,
                    reference: None,
                    reason: None,
                    proof: Some(proof(ProofKind::OtherProof)),
                },
            )
            .await
            .expect("heard, the record attached");
        for step in 2..=4 {
            self.decide(&self.approver, app_id, step, Decision::Approve, on)
                .await
                .expect("hearing, council, signature");
        }
        app_id
    }

    /// The text of the student's document of `kind` (white space removed), kept as `name` when
    /// `XUEJI_TEST_PDF_DIR` is set.
    pub async fn printed_form(&self, kind: PrintKind, id: i64, name: &str) -> String {
        let printed = self
            .t
            .app
            .document_print(
                &self.t.admin,
                &DocumentRequest {
                    approval: None,
                    kind,
                    student_ids: vec![id],
                    filter: None,
                    certificate: None,
                },
            )
            .await
            .expect("form");
        crate::common::pdf_text(name, &printed.pdf)
    }

    /// (application, student_event) rows: a refusal must leave both unchanged.
    pub async fn counts(&self) -> (i64, i64) {
        (
            self.t.count("application").await,
            self.t.count("student_event").await,
        )
    }
}

pub fn proof(kind: ProofKind) -> ProofUpload {
    ProofUpload {
        kind: Some(kind),
        file_name: "scan.pdf".to_owned(),
        mime: "application/pdf".to_owned(),
        data_base64: SCAN.to_owned(),
    }
}

/// Asserts a refusal by `rule` that wrote no application and no event.
pub async fn refused(
    w: &World,
    before: (i64, i64),
    result: Result<ApplicationView, AppError>,
    rule: &str,
) {
    let err = result.expect_err("refused");
    assert_eq!(err.rule_id(), Some(rule), "{err}");
    assert_eq!(w.counts().await, before, "nothing written: {err}");
}

/// The text of a form after `label` up to the next of `ends` (or the end).
pub fn block<'a>(text: &'a str, label: &str, ends: &[&str]) -> &'a str {
    let start = text
        .find(label)
        .unwrap_or_else(|| panic!("no block {label}: {text}"))
        + label.len();
    let rest = &text[start..];
    let end = ends
        .iter()
        .filter_map(|e| rest.find(e))
        .min()
        .unwrap_or(rest.len());
    &rest[..end]
}

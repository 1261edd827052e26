//! Compliance findings (R32): given the records' facts and today's date, every current breach —
//! each with the R32 item, the rule behind it, the due date and how many working days it is late.
//! [`findings`] lists only ongoing breaches (something still not done); [`late_recordings`] lists
//! changes that were done but written into the record later than R10.1 allows.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::calendar::{Counting, Due, Provisional, WorkCalendar};
use crate::deadlines;
use crate::error::Result;
use crate::profile::RuleProfile;
use crate::record::StudentRef;
use crate::rules::{self, RuleId};
use crate::sanction::SanctionRecord;
use crate::school::SchoolYear;
use crate::status::Status;
use crate::workflow::Workflow;

/// A transfer-in: admitted, and whether the transfer procedure was started (R32.5).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TransferInFacts {
    pub admitted_on: NaiveDate,
    pub procedure_started_on: Option<NaiveDate>,
}

/// A completed transfer-out and the archive's dispatch (R32.6, R9.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TransferOutFacts {
    pub completed_on: NaiveDate,
    pub archive_sent_on: Option<NaiveDate>,
}

/// A dropout and its report (R18.1) and, for migrant children, the archive handover (R18.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DropoutFacts {
    pub dropped_out_on: NaiveDate,
    pub reported_on: Option<NaiveDate>,
    pub migrant: bool,
    /// End of the semester of the dropout, from the school's terms.
    pub semester_end: Option<NaiveDate>,
    pub archive_handed_over_on: Option<NaiveDate>,
}

/// A death and the cancellation of the record (R19.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DeathFacts {
    pub died_on: NaiveDate,
    pub cancelled_on: Option<NaiveDate>,
}

/// A sanction and whether the school decided on it after its period (R23.2).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SanctionFacts {
    pub sanction: SanctionRecord,
    /// Date the school decided not to lift it yet (lifting is `sanction.lifted_on`).
    pub reviewed_on: Option<NaiveDate>,
}

/// Something that happened but is not yet recorded as a change (R10.1).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct UnrecordedChange {
    pub what: String,
    pub happened_on: NaiveDate,
}

/// The facts of one record that compliance needs.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RecordFacts {
    pub student: StudentRef,
    pub status: Status,
    pub entry_date: NaiveDate,
    pub archive_created_on: Option<NaiveDate>,
    /// ID number or the 18 characters after the 学籍号's prefix, for duplicate detection.
    pub identity: Option<String>,
    pub transfer_in: Option<TransferInFacts>,
    pub transfer_out: Option<TransferOutFacts>,
    pub dropout: Option<DropoutFacts>,
    pub death: Option<DeathFacts>,
    pub leave_until: Option<NaiveDate>,
    pub deferred_for: Option<SchoolYear>,
    pub sanctions: Vec<SanctionFacts>,
    pub unrecorded: Vec<UnrecordedChange>,
    /// Open applications (transfers and others) with their steps.
    pub applications: Vec<Workflow>,
}

impl RecordFacts {
    /// Facts with nothing pending, for building up field by field.
    pub fn new(student: StudentRef, status: Status, entry_date: NaiveDate) -> Self {
        Self {
            student,
            status,
            entry_date,
            archive_created_on: Some(entry_date),
            identity: None,
            transfer_in: None,
            transfer_out: None,
            dropout: None,
            death: None,
            leave_until: None,
            deferred_for: None,
            sanctions: Vec::new(),
            unrecorded: Vec::new(),
            applications: Vec::new(),
        }
    }
}

/// An export that left the school (R32.7, R30.2).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ExportFacts {
    pub on: NaiveDate,
    pub user: String,
    pub records: u32,
    pub external: bool,
    pub approval_reference: Option<String>,
}

/// How sure a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// A breach: late under any holiday arrangement.
    Breach,
    /// Past a provisional due date, but the missing notice may still move that date past today:
    /// a warning until it is certain (see [`Due::surely_passed`]).
    Warning,
}

/// One current breach (or, against a provisional due date, a warning).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Finding {
    pub student: Option<StudentRef>,
    /// The R32 item.
    pub rule: RuleId,
    /// The rule whose deadline or duty is breached.
    pub basis: RuleId,
    pub due: Option<NaiveDate>,
    /// Working days late (provisionally counted when `provisional` is set).
    pub overdue_working_days: Option<u32>,
    pub message: String,
    pub severity: Severity,
    /// Set when the due date was counted past the loaded holiday notices.
    pub provisional: Option<Provisional>,
}

struct Checker<'a> {
    profile: &'a RuleProfile,
    calendar: &'a WorkCalendar,
    today: NaiveDate,
    out: Vec<Finding>,
}

impl Checker<'_> {
    /// Records a finding if `due` is past: a breach when it is past under any holiday
    /// arrangement, a warning while a missing notice could still move it past today.
    fn overdue(
        &mut self,
        student: &StudentRef,
        (rule, basis): (RuleId, RuleId),
        due: &Due,
        message: &str,
    ) -> Result<()> {
        if self.today <= due.date {
            return Ok(());
        }
        let late = deadlines::overdue_working_days(self.calendar, due.date, self.today)?;
        if late == 0 {
            return Ok(());
        }
        let severity = if due.surely_passed(self.today) {
            Severity::Breach
        } else {
            Severity::Warning
        };
        let date = due.date;
        let mut message = format!("{}：{message}（期限{date}）", student.name);
        if severity == Severity::Warning {
            message.push_str("；期限为暂定，待节假日通知载入后确定");
        }
        self.out.push(Finding {
            student: Some(student.clone()),
            rule,
            basis,
            due: Some(date),
            overdue_working_days: Some(late),
            message,
            severity,
            provisional: due.provisional.clone(),
        });
        Ok(())
    }

    fn working_days(&self, from: NaiveDate, n: u32) -> Result<Due> {
        Counting::working_days(from, n).due(self.calendar)
    }

    /// A stored date that was counted on the calendar (a leave's end): provisional when its own
    /// year's notice is missing.
    fn counted(&self, date: NaiveDate) -> Due {
        Due {
            date,
            provisional: self.calendar.provisional(date, date),
        }
    }

    #[allow(clippy::too_many_lines)] // one block per breach of Art. 32
    fn record(&mut self, r: &RecordFacts) -> Result<()> {
        let s = &r.student;
        let p = self.profile;
        // (1) no archive for an admitted student
        if r.archive_created_on.is_none() && !r.status.is_read_only() {
            let due = deadlines::archive_due(p, self.calendar, r.entry_date)?;
            self.overdue(
                s,
                (rules::R32_1, rules::R8_1),
                &due,
                "入学后未按期建立学籍档案",
            )?;
        }
        // (3) a change that happened is not recorded
        for u in &r.unrecorded {
            let due = self.working_days(u.happened_on, p.change_record_working_days)?;
            self.overdue(
                s,
                (rules::R32_3, rules::R10_1),
                &due,
                &format!("{}未及时纳入学籍档案", u.what),
            )?;
        }
        // (4) dropout not reported; migrant archive not handed over (6)
        if let Some(d) = r.dropout {
            if d.reported_on.is_none() {
                let due = self.working_days(d.dropped_out_on, p.dropout_report_working_days)?;
                self.overdue(s, (rules::R32_4, rules::R18_1), &due, "辍学情况未书面报告")?;
            }
            if let (true, Some(end), None) = (d.migrant, d.semester_end, d.archive_handed_over_on) {
                self.overdue(
                    s,
                    (rules::R32_6, rules::R18_2),
                    &Due::fixed(end),
                    "随迁子女辍学，学期末未移交学籍档案",
                )?;
            }
        }
        // (5) admitted by transfer without starting the transfer procedure
        if let Some(t) = r.transfer_in
            && t.procedure_started_on.is_none()
        {
            let due = self.working_days(t.admitted_on, p.transfer_step_working_days)?;
            self.overdue(
                s,
                (rules::R32_5, rules::R13_1),
                &due,
                "已接收转入学生但未办理转学手续",
            )?;
        }
        // (6) archive not sent after a transfer-out
        if let Some(t) = r.transfer_out
            && t.archive_sent_on.is_none()
        {
            let due = self.working_days(t.completed_on, p.transfer_step_working_days)?;
            self.overdue(s, (rules::R32_6, rules::R9_1), &due, "转出后未转接学籍档案")?;
        }
        // (8) other breaches: transfer steps, death, leave, deferral, sanctions
        for app in &r.applications {
            if let Some(step) = app.overdue_step(self.calendar, self.today)? {
                let due = Due {
                    date: step.due,
                    provisional: step.provisional.clone(),
                };
                let what = format!(
                    "{}超过{}个工作日未办理",
                    step.party.label_zh(),
                    p.transfer_step_working_days
                );
                self.overdue(s, (rules::R32_8, rules::R13_3), &due, &what)?;
            }
        }
        if let Some(d) = r.death
            && d.cancelled_on.is_none()
        {
            let due = self.working_days(d.died_on, p.death_cancellation_working_days)?;
            self.overdue(
                s,
                (rules::R32_8, rules::R19_1),
                &due,
                "学生死亡后未按期注销学籍",
            )?;
        }
        if let (Status::OnLeave, Some(until)) = (r.status, r.leave_until) {
            self.overdue(
                s,
                (rules::R32_8, rules::R14_3),
                &self.counted(until),
                "休学期满未复学也未申请继续休学",
            )?;
        }
        if let (Status::Deferred, Some(year)) = (r.status, r.deferred_for) {
            self.overdue(
                s,
                (rules::R32_8, rules::R6_2),
                &Due::fixed(year.end()),
                "缓学期满未入学也未重新申请缓学",
            )?;
        }
        for f in &r.sanctions {
            if f.sanction.is_active() && f.reviewed_on.is_none() {
                let end = f.sanction.period_ends;
                self.overdue(
                    s,
                    (rules::R32_8, rules::R23_2),
                    &Due::fixed(end),
                    &format!(
                        "{}处分期满未作出是否解除的决定",
                        f.sanction.level.label_zh()
                    ),
                )?;
            }
        }
        Ok(())
    }
}

/// Every current breach, sorted by R32 item then student.
pub fn findings(
    profile: &RuleProfile,
    calendar: &WorkCalendar,
    today: NaiveDate,
    records: &[RecordFacts],
    exports: &[ExportFacts],
) -> Result<Vec<Finding>> {
    let mut c = Checker {
        profile,
        calendar,
        today,
        out: Vec::new(),
    };
    for r in records {
        c.record(r)?;
    }
    // (2) duplicate records: the same identity twice
    let mut by_identity: BTreeMap<&str, Vec<&RecordFacts>> = BTreeMap::new();
    for r in records {
        if let Some(id) = r.identity.as_deref() {
            by_identity.entry(id).or_default().push(r);
        }
    }
    for group in by_identity.values().filter(|g| g.len() > 1) {
        let names = group
            .iter()
            .map(|r| r.student.name.as_str())
            .collect::<Vec<_>>()
            .join("、");
        for r in group {
            c.out.push(Finding {
                student: Some(r.student.clone()),
                rule: rules::R32_2,
                basis: rules::R7_2,
                due: None,
                overdue_working_days: None,
                message: format!("同一身份重复建立学籍：{names}"),
                severity: Severity::Breach,
                provisional: None,
            });
        }
    }
    // (7) personal data provided outside without the bureau's written approval (R30.2); what
    // went to the bureau itself, or counts without personal data, need none
    for e in exports {
        let needs = e.external;
        let approved = e
            .approval_reference
            .as_deref()
            .is_some_and(|a| !a.trim().is_empty());
        if needs && !approved {
            c.out.push(Finding {
                student: None,
                rule: rules::R32_7,
                basis: rules::R30_2,
                due: None,
                overdue_working_days: None,
                message: format!(
                    "{} 用户{}导出{}条学籍信息，未经主管教育行政部门书面核准",
                    e.on, e.user, e.records
                ),
                severity: Severity::Breach,
                provisional: None,
            });
        }
    }
    let mut out = c.out;
    out.sort_by(|a, b| {
        (a.rule.clone(), a.student.as_ref().map(|s| s.name.clone()))
            .cmp(&(b.rule.clone(), b.student.as_ref().map(|s| s.name.clone())))
    });
    Ok(out)
}

/// A change as it was recorded: the day it took effect and the day it was written (R10.1).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RecordedChange {
    pub student: StudentRef,
    /// The change's name (转学, 休学 …).
    pub what: String,
    /// The day it took effect.
    pub happened_on: NaiveDate,
    /// The day it was written into the record (Beijing time).
    pub recorded_on: NaiveDate,
}

/// 第十条 (R10.1): 学生学籍信息发生变化 … 学校应及时维护学籍系统中的有关信息; 第三十二条（三）
/// (R32.3): 不及时把学籍变动信息纳入学籍档案. Each change written more than the profile's
/// `change_record_working_days` working days (the school's calendar, 调休 included) after it took
/// effect is a finding, though done: how late it was is what the bureau's semester check (R4.1)
/// looks at. A breach when it was late under any holiday arrangement, a warning while the due date
/// was counted past the loaded notices.
pub fn late_recordings(
    profile: &RuleProfile,
    calendar: &WorkCalendar,
    changes: &[RecordedChange],
) -> Result<Vec<Finding>> {
    let limit = profile.change_record_working_days;
    let mut out = Vec::new();
    for c in changes {
        let due = Counting::working_days(c.happened_on, limit).due(calendar)?;
        let late = deadlines::overdue_working_days(calendar, due.date, c.recorded_on)?;
        if late == 0 {
            continue;
        }
        let severity = if due.surely_passed(c.recorded_on) {
            Severity::Breach
        } else {
            Severity::Warning
        };
        let mut message = format!(
            "{}：{}于{}生效，{}才记录，超过{limit}个工作日（期限{}）",
            c.student.name, c.what, c.happened_on, c.recorded_on, due.date
        );
        if severity == Severity::Warning {
            message.push_str("；期限为暂定，待节假日通知载入后确定");
        }
        out.push(Finding {
            student: Some(c.student.clone()),
            rule: rules::R32_3,
            basis: rules::R10_1,
            due: Some(due.date),
            overdue_working_days: Some(late),
            message,
            severity,
            provisional: due.provisional.clone(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::{Change, TransferDetails, TransferKind, TransferRoute};
    use crate::id_card::tests::d;
    use crate::proofs::ProofKind;
    use crate::sanction::SanctionLevel;
    use crate::school::Grade;

    fn who(name: &str) -> StudentRef {
        StudentRef {
            id: name.into(),
            name: name.into(),
        }
    }

    fn run(today: NaiveDate, records: &[RecordFacts], exports: &[ExportFacts]) -> Vec<Finding> {
        findings(
            &RuleProfile::default(),
            &WorkCalendar::official(),
            today,
            records,
            exports,
        )
        .unwrap_or_else(|e| panic!("{e}"))
    }

    fn only(findings: &[Finding], rule: &RuleId) -> Vec<String> {
        findings
            .iter()
            .filter(|f| f.rule == *rule)
            .filter_map(|f| f.student.as_ref().map(|s| s.name.clone()))
            .collect()
    }

    #[test]
    fn r32_1_admitted_student_without_archive_past_the_deadline() {
        let mut late = RecordFacts::new(who("甲"), Status::PendingApproval, d(2024, 9, 2));
        late.archive_created_on = None;
        let mut in_time = RecordFacts::new(who("乙"), Status::PendingApproval, d(2024, 9, 20));
        in_time.archive_created_on = None;
        let done = RecordFacts::new(who("丙"), Status::Enrolled, d(2024, 9, 2));
        let f = run(d(2024, 10, 14), &[late, in_time, done], &[]);
        assert_eq!(only(&f, &rules::R32_1), vec!["甲"]);
        let hit = f.iter().find(|x| x.rule == rules::R32_1).expect("finding");
        assert_eq!(
            (hit.basis.clone(), hit.due, hit.overdue_working_days),
            (rules::R8_1, Some(d(2024, 10, 8)), Some(5))
        );
    }

    #[test]
    fn r32_2_the_same_identity_twice_is_a_false_record() {
        let mut a = RecordFacts::new(who("甲"), Status::Enrolled, d(2024, 9, 2));
        a.identity = Some("330106201503070010".into());
        let mut b = RecordFacts::new(who("乙"), Status::Graduated, d(2018, 9, 2));
        b.identity = Some("330106201503070010".into());
        let mut c = RecordFacts::new(who("丙"), Status::Enrolled, d(2024, 9, 2));
        c.identity = Some("330106201209100039".into());
        let f = run(d(2024, 10, 14), &[a, b, c], &[]);
        assert_eq!(only(&f, &rules::R32_2), vec!["乙", "甲"]);
    }

    #[test]
    fn r32_3_change_not_recorded_promptly() {
        let mut r = RecordFacts::new(who("甲"), Status::Enrolled, d(2024, 9, 2));
        r.unrecorded.push(UnrecordedChange {
            what: "户籍迁移".into(),
            happened_on: d(2025, 3, 3),
        });
        assert!(
            only(
                &run(d(2025, 3, 17), std::slice::from_ref(&r), &[]),
                &rules::R32_3
            )
            .is_empty()
        );
        assert_eq!(
            only(&run(d(2025, 3, 18), &[r], &[]), &rules::R32_3),
            vec!["甲"]
        );
    }

    /// 第十条: 学生学籍信息发生变化 … 学校应及时维护 — a change written more than ten working days
    /// (the Zhejiang profile's limit) after it took effect is a finding, though done.
    #[test]
    fn r10_1_a_change_recorded_later_than_the_limit_after_it_took_effect_is_a_finding() {
        let change = |recorded_on| RecordedChange {
            student: who("乙"),
            what: "休学".into(),
            happened_on: d(2026, 3, 2),
            recorded_on,
        };
        let p = RuleProfile::default();
        let cal = WorkCalendar::official();
        // 2026-03-02 (Mon) + 10 working days = 2026-03-16
        assert!(
            late_recordings(&p, &cal, &[change(d(2026, 3, 16))])
                .expect("ok")
                .is_empty(),
            "on the last day is in time"
        );
        let found = late_recordings(&p, &cal, &[change(d(2026, 3, 18))]).expect("ok");
        assert_eq!(found.len(), 1);
        let f = &found[0];
        assert_eq!(
            (f.rule.clone(), f.basis.clone()),
            (rules::R32_3, rules::R10_1)
        );
        assert_eq!(f.due, Some(d(2026, 3, 16)));
        assert_eq!(f.overdue_working_days, Some(2));
        assert_eq!(f.severity, Severity::Breach);
        assert!(f.message.starts_with("乙："), "{}", f.message);
        // the limit is the profile's, in working days
        let short = RuleProfile {
            change_record_working_days: 1,
            ..RuleProfile::default()
        };
        assert_eq!(
            late_recordings(&short, &cal, &[change(d(2026, 3, 4))])
                .expect("ok")
                .len(),
            1
        );
    }

    #[test]
    fn r10_1_late_recording_counts_working_days_across_a_holiday() {
        let cal = WorkCalendar::official();
        let p = RuleProfile::default();
        let due = Counting::working_days(d(2026, 9, 28), p.change_record_working_days)
            .due(&cal)
            .expect("counted");
        assert!(
            due.date > d(2026, 10, 12),
            "the 国庆 holiday is not counted: {}",
            due.date
        );
        let change = RecordedChange {
            student: who("丙"),
            what: "转学".into(),
            happened_on: d(2026, 9, 28),
            recorded_on: due.date,
        };
        assert!(late_recordings(&p, &cal, &[change]).expect("ok").is_empty());
    }

    #[test]
    fn r32_4_dropout_not_reported() {
        let facts = |reported_on| DropoutFacts {
            dropped_out_on: d(2025, 4, 29),
            reported_on,
            migrant: false,
            semester_end: None,
            archive_handed_over_on: None,
        };
        let mut unreported = RecordFacts::new(who("甲"), Status::DroppedOut, d(2022, 9, 1));
        unreported.dropout = Some(facts(None));
        let mut reported = RecordFacts::new(who("乙"), Status::DroppedOut, d(2022, 9, 1));
        reported.dropout = Some(facts(Some(d(2025, 5, 6))));
        let f = run(d(2025, 5, 12), &[unreported.clone(), reported], &[]);
        assert_eq!(only(&f, &rules::R32_4), vec!["甲"]);
        assert!(
            only(&run(d(2025, 5, 9), &[unreported], &[]), &rules::R32_4).is_empty(),
            "due 9 May"
        );
    }

    #[test]
    fn r32_5_admitted_by_transfer_without_the_transfer_procedure() {
        let mut none = RecordFacts::new(who("甲"), Status::PendingApproval, d(2025, 3, 3));
        none.transfer_in = Some(TransferInFacts {
            admitted_on: d(2025, 3, 3),
            procedure_started_on: None,
        });
        let mut started = RecordFacts::new(who("乙"), Status::PendingApproval, d(2025, 3, 3));
        started.transfer_in = Some(TransferInFacts {
            admitted_on: d(2025, 3, 3),
            procedure_started_on: Some(d(2025, 3, 5)),
        });
        let f = run(d(2025, 3, 20), &[none, started], &[]);
        assert_eq!(only(&f, &rules::R32_5), vec!["甲"]);
    }

    #[test]
    fn r32_6_archive_not_transferred() {
        let mut unsent = RecordFacts::new(who("甲"), Status::TransferredOut, d(2022, 9, 1));
        unsent.transfer_out = Some(TransferOutFacts {
            completed_on: d(2025, 3, 3),
            archive_sent_on: None,
        });
        let mut sent = RecordFacts::new(who("乙"), Status::TransferredOut, d(2022, 9, 1));
        sent.transfer_out = Some(TransferOutFacts {
            completed_on: d(2025, 3, 3),
            archive_sent_on: Some(d(2025, 3, 4)),
        });
        let mut migrant = RecordFacts::new(who("丙"), Status::DroppedOut, d(2022, 9, 1));
        migrant.dropout = Some(DropoutFacts {
            dropped_out_on: d(2025, 4, 29),
            reported_on: Some(d(2025, 4, 30)),
            migrant: true,
            semester_end: Some(d(2025, 6, 27)),
            archive_handed_over_on: None,
        });
        let f = run(d(2025, 7, 2), &[unsent, sent, migrant], &[]);
        assert_eq!(only(&f, &rules::R32_6), vec!["丙", "甲"]);
    }

    #[test]
    fn r32_7_export_without_written_approval() {
        let export = |reference: Option<&str>, external, records| ExportFacts {
            on: d(2025, 3, 3),
            user: "zhang".into(),
            records,
            external,
            approval_reference: reference.map(str::to_owned),
        };
        let f = run(
            d(2025, 3, 3),
            &[],
            &[
                export(None, true, 1),
                export(Some("西教〔2025〕3号"), true, 300),
                export(None, false, 1),
                // The 查重 list of 300 candidates sent to the bureau itself.
                export(None, false, 300),
            ],
        );
        assert_eq!(f.iter().filter(|x| x.rule == rules::R32_7).count(), 1);
        assert!(f.iter().all(|x| x.basis == rules::R30_2));
    }

    #[test]
    fn r32_8_transfer_step_death_leave_deferral_and_sanction_breaches() {
        let p = RuleProfile::default();
        let today = d(2025, 6, 30);
        // a transfer stuck at the sending school for more than 10 working days
        let mut app = Workflow::open(
            Change::TransferOut(TransferDetails {
                kind: TransferKind::Regular,
                grade: Grade::new(4).unwrap_or(Grade::FIRST),
                receiving_school: "某校".into(),
                route: TransferRoute::AcrossCounties,
            }),
            d(2025, 6, 3),
            &p,
        );
        app.attach_proof(ProofKind::WrittenApplication);
        app.approve(0, d(2025, 6, 3), None)
            .unwrap_or_else(|e| panic!("{e}"));
        app.approve(1, d(2025, 6, 4), None)
            .unwrap_or_else(|e| panic!("{e}"));
        let mut stuck = RecordFacts::new(who("甲"), Status::Enrolled, d(2022, 9, 1));
        stuck.applications.push(app);
        let mut dead = RecordFacts::new(who("乙"), Status::Enrolled, d(2022, 9, 1));
        dead.death = Some(DeathFacts {
            died_on: d(2025, 6, 2),
            cancelled_on: None,
        });
        let mut leave = RecordFacts::new(who("丙"), Status::OnLeave, d(2022, 9, 1));
        leave.leave_until = Some(d(2025, 6, 3));
        let mut deferred = RecordFacts::new(who("丁"), Status::Deferred, d(2023, 9, 1));
        deferred.deferred_for = Some(SchoolYear(2023));
        let sanction = SanctionRecord::new(SanctionLevel::Warning, d(2024, 11, 4), &p, None, None)
            .unwrap_or_else(|e| panic!("{e}"));
        let mut sanctioned = RecordFacts::new(who("戊"), Status::Enrolled, d(2022, 9, 1));
        sanctioned.sanctions.push(SanctionFacts {
            sanction: sanction.clone(),
            reviewed_on: None,
        });
        let f = run(today, &[stuck, dead, leave, deferred, sanctioned], &[]);
        let bases: Vec<_> = f
            .iter()
            .filter(|x| x.rule == rules::R32_8)
            .map(|x| x.basis.clone())
            .collect();
        for basis in [
            rules::R13_3,
            rules::R19_1,
            rules::R14_3,
            rules::R6_2,
            rules::R23_2,
        ] {
            assert!(bases.contains(&basis), "{basis} in {bases:?}");
        }
        // the same facts, each settled: no finding
        let mut fine_dead = RecordFacts::new(who("乙"), Status::Deceased, d(2022, 9, 1));
        fine_dead.death = Some(DeathFacts {
            died_on: d(2025, 6, 2),
            cancelled_on: Some(d(2025, 6, 9)),
        });
        let mut fine_leave = RecordFacts::new(who("丙"), Status::OnLeave, d(2022, 9, 1));
        fine_leave.leave_until = Some(d(2025, 9, 1));
        let mut reviewed = RecordFacts::new(who("戊"), Status::Enrolled, d(2022, 9, 1));
        reviewed.sanctions.push(SanctionFacts {
            sanction,
            reviewed_on: Some(d(2025, 5, 6)),
        });
        assert!(run(today, &[fine_dead, fine_leave, reviewed], &[]).is_empty());
    }

    #[test]
    fn findings_survive_dates_before_the_calendar() {
        let mut old = RecordFacts::new(who("甲"), Status::Enrolled, d(2016, 9, 1));
        old.archive_created_on = None;
        let f = run(d(2025, 3, 3), &[old], &[]);
        assert_eq!(f.len(), 1);
        // 1 Oct 2016 is 国庆节 (1–3 Oct, the weekend made up on 4 and 5 Oct): counted with the
        // statutory days, 2016's notice not being loaded; long past any arrangement, a breach
        assert_eq!(f[0].due, Some(d(2016, 10, 6)));
        assert!(f[0].overdue_working_days.is_some());
        assert_eq!(f[0].severity, Severity::Breach);
        assert_eq!(
            f[0].provisional.as_ref().map(|p| p.years.clone()),
            Some(vec![2016])
        );
    }
}

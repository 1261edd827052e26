//! Compliance findings (R32) from the store: the facts of the records that may be in breach are
//! gathered with bounded queries and handed to `xueji_domain::compliance::findings`. What the
//! domain cannot rebuild from the stored data (a deadline whose starting event is not stored) is
//! reported straight from the open deadline, which the domain computed when the change was made.
//!
//! Derived: R32.1 (archive not created: open `archive_creation` deadline past due), R32.2 (the
//! same identity twice: ID number or the 学籍号's body), R32.3 (`record_change` deadlines),
//! R32.4 (dropout not reported: the `dropout` event and its open `dropout_report` deadline),
//! R32.6 (migrant dropout's archive not handed over), R32.8 (leave or deferral expired, sanction
//! period ended without a decision, a death not cancelled, an application step overdue).
//! R32.7 (personal data provided outside without the bureau's written approval, R30.2) from the
//! audit log of the last year: every export and every whole-school archive package, with the
//! approval each names (statistics and the 查重 list sent to the bureau need none).
//! R32.3 also for a change written into the record more than the profile's R10.1 limit (working
//! days) after it took effect, from the events recorded in the last year
//! (`compliance::late_recordings`): done, but late.
//! Not derivable yet: R32.5 (no record of a transfer-in admitted without the procedure), R32.6
//! for transfers out (no record of the archive being sent).

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use xueji_domain::calendar::{Due, Provisional};
use xueji_domain::compliance::{
    self, DropoutFacts, ExportFacts, Finding, RecordFacts, RecordedChange, SanctionFacts, Severity,
};
use xueji_domain::deadlines::overdue_working_days;
use xueji_domain::effects::DeadlineKind;
use xueji_domain::record::StudentRef;
use xueji_domain::sanction::SanctionRecord;
use xueji_domain::{SchoolYear, Status, Workflow, rules};
use xueji_store::entities::student;
use xueji_store::repo::compliance as repo;

use crate::app::App;
use crate::calendar::stored_provisional;
use crate::dashboard::FindingView;
use crate::dashboard::todos::change_rule;
use xueji_domain::AuditAction;

use crate::error::Result;
use crate::record::status_of;
use crate::views::snake;

/// The audit actions of data leaving the school (R30.2): an export and a whole-school archive
/// package (their targets name the rows, the kind of disclosure and the approval).
const DISCLOSURES: [AuditAction; 2] =
    [AuditAction::Export, AuditAction::PackageCreateSchoolArchive];

/// The number after `key:` in an audit target (`roster rows:12 approval:…`).
fn target_number(target: &str, key: &str) -> Option<u32> {
    target
        .split_whitespace()
        .find_map(|w| w.strip_prefix(key))
        .and_then(|n| n.parse().ok())
}

/// The approval reference an export's or package's audit target names (`approval:…`, up to the
/// next ` approved:` or ` purpose:`); `-` is none.
fn approval_in(target: &str) -> Option<String> {
    let (_, rest) = target.split_once(" approval:")?;
    let end = [" approved:", " purpose:"]
        .iter()
        .filter_map(|w| rest.find(w))
        .min()
        .unwrap_or(rest.len());
    let reference = rest[..end].trim();
    (!reference.is_empty() && reference != "-").then(|| reference.to_owned())
}

/// What an export's or package's audit row says about R30.2.
fn export_facts(row: &xueji_store::entities::audit_log::Model) -> Option<ExportFacts> {
    let at = chrono::DateTime::parse_from_rfc3339(&row.at).ok()?;
    let on = (at.with_timezone(&chrono::Utc) + chrono::Duration::hours(8)).date_naive();
    let records = if row.action == AuditAction::Export.code() {
        target_number(&row.target, "rows:")?
    } else {
        target_number(&row.target, "students:")?
    };
    // Statistics and the 查重 list sent to the bureau are not provided outside (rows written
    // before the disclosure was recorded all carried an approval).
    let external = !row
        .target
        .split_whitespace()
        .any(|w| w == "disclosure:to_bureau" || w == "disclosure:no_personal_data");
    Some(ExportFacts {
        on,
        user: row.user.clone(),
        records,
        external,
        approval_reference: approval_in(&row.target),
    })
}

/// Midnight at the start of a Beijing day, in UTC.
fn beijing_midnight(day: NaiveDate) -> chrono::DateTime<chrono::Utc> {
    day.and_hms_opt(0, 0, 0)
        .map_or_else(chrono::Utc::now, |t| t.and_utc())
        - chrono::Duration::hours(8)
}

/// How many candidates of each kind are checked (the oldest first).
const CANDIDATES: u64 = 2000;

fn student_ref(id: i64, name: &str) -> StudentRef {
    StudentRef {
        id: format!("s{id}"),
        name: name.to_owned(),
    }
}

fn view_of(f: &Finding) -> FindingView {
    let link = f.student.as_ref().map_or("", |s| s.id.as_str());
    let num = |prefix: char| {
        link.strip_prefix(prefix)
            .and_then(|n| n.parse::<i64>().ok())
    };
    FindingView {
        rule: f.rule.as_str().to_owned(),
        basis: f.basis.as_str().to_owned(),
        message: f.message.clone(),
        due: f.due,
        overdue_working_days: f.overdue_working_days,
        severity: snake(&f.severity),
        provisional_reason: f.provisional.as_ref().map(Provisional::reason_zh),
        student_id: num('s'),
        application_id: num('a'),
    }
}

/// The R32 item a deadline's breach falls under.
fn item_of(kind: Option<DeadlineKind>) -> xueji_domain::RuleId {
    match kind {
        Some(DeadlineKind::ArchiveCreation) => rules::R32_1,
        Some(DeadlineKind::RecordChange) => rules::R32_3,
        Some(DeadlineKind::DropoutReport) => rules::R32_4,
        Some(DeadlineKind::MigrantArchiveHandover) => rules::R32_6,
        _ => rules::R32_8,
    }
}

/// A finding for a stored due date that is past: a breach when past under any holiday
/// arrangement, a warning while it is 暂定 and could still move past today.
fn past(
    calendar: &xueji_domain::WorkCalendar,
    today: NaiveDate,
    due: &Due,
    student: StudentRef,
    (rule, basis): (xueji_domain::RuleId, xueji_domain::RuleId),
    message: String,
) -> Result<Option<Finding>> {
    let late = overdue_working_days(calendar, due.date, today)?;
    if late == 0 {
        return Ok(None);
    }
    let severity = if due.surely_passed(today) {
        Severity::Breach
    } else {
        Severity::Warning
    };
    Ok(Some(Finding {
        student: Some(student),
        rule,
        basis,
        due: Some(due.date),
        overdue_working_days: Some(late),
        message,
        severity,
        provisional: due.provisional.clone(),
    }))
}

impl App {
    /// Every current breach found in the store, and whether every candidate was checked.
    pub(crate) async fn dashboard_findings(
        &self,
        today: NaiveDate,
        notes: &mut Vec<String>,
    ) -> Result<(Vec<FindingView>, bool)> {
        let config = self.config();
        let db = self.db();
        let mut complete = true;
        let mut cut = |rows: usize| {
            if rows as u64 >= CANDIDATES {
                complete = false;
            }
        };

        // Candidates.
        let overdue = repo::overdue_deadlines(db, today, CANDIDATES).await?;
        cut(overdue.len());
        let on_leave = repo::expired_leaves(db, today, CANDIDATES).await?;
        cut(on_leave.len());
        let deferred =
            repo::expired_deferrals(db, SchoolYear::containing(today).start_year(), CANDIDATES)
                .await?;
        cut(deferred.len());
        let sanctions = repo::sanctions_past_period(db, today, CANDIDATES).await?;
        cut(sanctions.len());
        let duplicates = repo::duplicate_identities(db, CANDIDATES).await?;
        let open_apps = repo::open_applications(db, CANDIDATES).await?;
        cut(open_apps.len());
        // Changes written later than the profile's limit after they took effect (R10.1), among
        // those recorded in the last year.
        let late_events = repo::late_recorded_events(
            db,
            beijing_midnight(today - chrono::Days::new(366)),
            config.profile.change_record_working_days,
            CANDIDATES,
        )
        .await?;
        cut(late_events.len());

        // The students concerned.
        let mut ids: Vec<i64> = overdue.iter().map(|d| d.student_id).collect();
        ids.extend(sanctions.iter().map(|s| s.student_id));
        ids.extend(duplicates.iter().map(|(id, _)| *id));
        ids.sort_unstable();
        ids.dedup();
        let mut students: HashMap<i64, student::Model> = repo::students_by_ids(db, &ids)
            .await?
            .into_iter()
            .map(|s| (s.id, s))
            .collect();
        for s in on_leave.into_iter().chain(deferred) {
            students.insert(s.id, s);
        }
        let dropout_ids: Vec<i64> = overdue
            .iter()
            .filter(|d| {
                matches!(
                    d.kind,
                    DeadlineKind::DropoutReport | DeadlineKind::MigrantArchiveHandover
                )
            })
            .map(|d| d.student_id)
            .collect();
        let dropped_on: HashMap<i64, NaiveDate> =
            repo::event_dates(db, &dropout_ids, &snake(&xueji_domain::ChangeKind::Dropout))
                .await?
                .into_iter()
                .collect();

        let mut facts: BTreeMap<i64, RecordFacts> = BTreeMap::new();
        let fact = |facts: &mut BTreeMap<i64, RecordFacts>, s: &student::Model| -> Result<()> {
            if let std::collections::btree_map::Entry::Vacant(slot) = facts.entry(s.id) {
                let entry = s.entry_date.unwrap_or_else(|| s.created_at.date_naive());
                let mut f = RecordFacts::new(student_ref(s.id, &s.name), status_of(s)?, entry);
                f.leave_until = s.leave_until;
                f.deferred_for = s.deferred_for.map(SchoolYear);
                slot.insert(f);
            }
            Ok(())
        };
        for s in students.values() {
            let status = status_of(s)?;
            if (status == Status::OnLeave && s.leave_until.is_some_and(|u| u < today))
                || status == Status::Deferred
            {
                fact(&mut facts, s)?;
            }
        }
        for (id, identity) in &duplicates {
            if let Some(s) = students.get(id) {
                fact(&mut facts, s)?;
                if let Some(f) = facts.get_mut(id) {
                    f.identity = Some(identity.clone());
                }
            }
        }
        for row in &sanctions {
            let (Some(s), level) = (students.get(&row.student_id), row.level) else {
                continue;
            };
            fact(&mut facts, s)?;
            if let Some(f) = facts.get_mut(&s.id) {
                f.sanctions.push(SanctionFacts {
                    sanction: SanctionRecord {
                        level,
                        decided_on: row.decided_on,
                        period_ends: row.period_ends,
                        shortened_reason: row.shortened_reason.clone(),
                        lifted_on: None,
                    },
                    reviewed_on: None,
                });
            }
        }

        // Deadlines: as facts where the domain can rebuild them, else reported directly.
        let mut direct: Vec<Finding> = Vec::new();
        for d in &overdue {
            let Some(s) = students.get(&d.student_id) else {
                continue;
            };
            let kind = Some(d.kind);
            let status = status_of(s)?;
            let covered = match kind {
                Some(DeadlineKind::ArchiveCreation) if s.entry_date.is_some() => {
                    fact(&mut facts, s)?;
                    if let Some(f) = facts.get_mut(&s.id) {
                        f.archive_created_on = None;
                    }
                    true
                }
                Some(DeadlineKind::DropoutReport | DeadlineKind::MigrantArchiveHandover) => {
                    match dropped_on.get(&s.id) {
                        Some(on) => {
                            fact(&mut facts, s)?;
                            if let Some(f) = facts.get_mut(&s.id) {
                                let mut dropout = f.dropout.unwrap_or(DropoutFacts {
                                    dropped_out_on: *on,
                                    reported_on: Some(*on),
                                    migrant: false,
                                    semester_end: None,
                                    archive_handed_over_on: None,
                                });
                                if kind == Some(DeadlineKind::DropoutReport) {
                                    dropout.reported_on = None;
                                } else {
                                    dropout.migrant = true;
                                    dropout.semester_end = Some(d.due_on);
                                }
                                f.dropout = Some(dropout);
                            }
                            true
                        }
                        None => false,
                    }
                }
                Some(DeadlineKind::LeaveEnds) => {
                    status == Status::OnLeave && s.leave_until.is_some()
                }
                Some(DeadlineKind::DeferralEnds) => {
                    status == Status::Deferred && s.deferred_for.is_some()
                }
                Some(DeadlineKind::SanctionPeriodEnds) => sanctions
                    .iter()
                    .any(|x| x.student_id == s.id && x.period_ends == d.due_on),
                // Overdue steps are found from the applications.
                Some(DeadlineKind::TransferStep) => d.application_id.is_some(),
                _ => false,
            };
            if covered {
                continue;
            }
            let due = Due {
                date: d.due_on,
                provisional: stored_provisional(d.provisional.as_deref()),
            };
            if let Some(f) = past(
                &config.calendar,
                today,
                &due,
                student_ref(s.id, &s.name),
                (
                    item_of(kind),
                    xueji_domain::RuleId::find(&d.rule).unwrap_or(rules::R32_8),
                ),
                format!("{}：{}（期限{}）", s.name, d.label, d.due_on),
            )? {
                direct.push(f);
            }
        }

        // Applications: the workflow when stored, else the waiting step's due date.
        let app_names = self
            .student_names(
                &open_apps
                    .iter()
                    .filter_map(|a| a.student_id)
                    .collect::<Vec<_>>(),
            )
            .await?;
        for a in &open_apps {
            let name = a
                .student_id
                .and_then(|id| app_names.get(&id).cloned())
                .unwrap_or_else(|| "（转入申请）".to_owned());
            let who = StudentRef {
                id: format!("a{}", a.id),
                name: name.clone(),
            };
            if let Ok(workflow) = serde_json::from_str::<Workflow>(&a.data) {
                let mut f = RecordFacts::new(who, Status::Enrolled, a.opened_on);
                f.applications.push(workflow);
                facts.insert(-a.id, f);
            } else if let Some(date) = a.due_on.filter(|d| *d < today) {
                let (_, kind_label) = change_rule(a.change_kind);
                let due = Due {
                    date,
                    provisional: config.calendar.provisional(date, date),
                };
                if let Some(f) = past(
                    &config.calendar,
                    today,
                    &due,
                    who,
                    (rules::R32_8, rules::R13_3),
                    format!("{name}：{kind_label}申请超过期限未办理（期限{date}）"),
                )? {
                    direct.push(f);
                }
            }
        }

        let records: Vec<RecordFacts> = facts.into_values().collect();
        // Exports and whole-school packages of the last year (R32.7, R30.2).
        let since = (today - chrono::Days::new(366))
            .and_hms_opt(0, 0, 0)
            .map(|t| {
                t.and_utc()
                    .to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
            })
            .unwrap_or_default();
        let exports: Vec<ExportFacts> =
            xueji_store::audit::rows_with_actions(db, &DISCLOSURES, &since)
                .await?
                .iter()
                .filter_map(export_facts)
                .collect();
        let mut found =
            compliance::findings(&config.profile, &config.calendar, today, &records, &exports)?;
        found.extend(direct);
        let late_names = self
            .student_names(&late_events.iter().map(|e| e.student_id).collect::<Vec<_>>())
            .await?;
        let recorded: Vec<RecordedChange> = late_events
            .iter()
            .map(|e| RecordedChange {
                student: student_ref(
                    e.student_id,
                    late_names.get(&e.student_id).map_or("", String::as_str),
                ),
                what: crate::views::event_kind_label(&e.kind),
                happened_on: e.on_date,
                recorded_on: (e.recorded_at + chrono::Duration::hours(8)).date_naive(),
            })
            .collect();
        found.extend(compliance::late_recordings(
            &config.profile,
            &config.calendar,
            &recorded,
        )?);
        let mut out: Vec<FindingView> = found.iter().map(view_of).collect();
        out.sort_by(|a, b| (&a.rule, a.due, &a.message).cmp(&(&b.rule, b.due, &b.message)));
        if !complete {
            notes.push(format!(
                "待核查记录较多，合规检查只核查了每类最早的{CANDIDATES}条"
            ));
        }
        Ok((out, complete))
    }
}

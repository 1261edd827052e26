//! What a change causes, as values. The store and the app perform them; this crate never does.
//! Nothing here deletes: the only ways a record ends are a status and an archive action (R5.1,
//! R9.2).

use chrono::NaiveDate;

use crate::calendar::{Counting, Provisional, WorkCalendar};
use crate::change::{Award, ChangeKind};
use crate::error::Result;
use crate::record::HoldFacts;
use crate::rules::RuleId;
use crate::sanction::SanctionRecord;
use crate::school::{Grade, SchoolYear, StudyMode};
use crate::status::Status;

pub use crate::document::{Document, DocumentKind};

/// What an event records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(tag = "type", content = "change", rename_all = "snake_case")]
pub enum EventKind {
    /// The student was admitted and attends (R3.1).
    Admitted,
    /// The 学籍 was created (R6.1, R7.5).
    RecordCreated,
    Change(ChangeKind),
}

/// One entry of the record's history (R5.1, R10.1): what changed, when, before and after. Who
/// did it is added by the app layer.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Event {
    pub kind: EventKind,
    /// The date the change takes effect.
    pub on: NaiveDate,
    pub rule: RuleId,
    pub status_before: Status,
    pub status_after: Status,
    pub grade_before: Grade,
    pub grade_after: Grade,
    /// A Chinese one-line summary for the history view.
    pub summary: String,
}

/// Something that must happen by a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(
    feature = "sea-orm",
    derive(sea_orm::DeriveValueType),
    sea_orm(
        value_type = "String",
        from_str = "crate::stored::parse",
        to_str = "crate::stored::text"
    )
)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    /// R8.1
    ArchiveCreation,
    /// R6.2: the deferral ends with the school year.
    DeferralEnds,
    /// R13.3
    TransferStep,
    /// R14.3
    LeaveEnds,
    /// R18.1
    DropoutReport,
    /// R18.2
    MigrantArchiveHandover,
    /// R19.1
    DeathCancellation,
    /// R23.1, R23.2: the sanction's period ends; the school decides whether to lift it.
    SanctionPeriodEnds,
    /// R10.1
    RecordChange,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Deadline {
    pub kind: DeadlineKind,
    pub due: NaiveDate,
    pub rule: RuleId,
    /// Chinese label for the dashboard.
    pub label: String,
    /// How `due` was counted, so a notice loaded later can count it again.
    pub basis: Counting,
    /// Set when `due` was counted past the loaded holiday notices.
    pub provisional: Option<Provisional>,
}

/// What happens to the archive.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ArchiveAction {
    /// R7.3, R9.1: the archive goes to the receiving school.
    SendToReceivingSchool,
    /// R9.1: the sending school keeps an electronic backup and the necessary paper copies, read-only.
    KeepReadOnlyCopy,
    /// R9.2: studies ended here; archive permanently, read-only, never delete.
    ArchivePermanently,
    /// R16.1: the student is back; the same archive continues.
    Continue,
    /// R23.3: remove every sanction from the archive and from every export and print; the audit
    /// log keeps the fact that a purge happened.
    PurgeSanctions,
}

/// A change to a field of the record other than status and grade.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum RecordUpdate {
    /// The grade now applies from this school year.
    GradeYear(SchoolYear),
    LeaveUntil(NaiveDate),
    ClearLeave,
    DeferredFor(SchoolYear),
    ClearDeferral,
    /// R12.2: skipped years count toward the compulsory years.
    CreditCompulsoryYears(u8),
    /// R13.6, R13.7: the student now studies elsewhere while the record stays here.
    PlacedElsewhere {
        place: String,
    },
    /// R13.6, R13.7: back from the placement elsewhere.
    ClearPlacement,
    StudyMode(StudyMode),
    AddSanction(SanctionRecord),
    /// R23.2: the sanction with this decision date is lifted.
    LiftSanction {
        decided_on: NaiveDate,
    },
    /// R11.1, R11.2: a data field takes a new value; the old one stays in the event history.
    SetField {
        field: String,
        before: String,
        after: String,
    },
    /// R11.2: the 学籍号 follows a corrected ID number.
    NewXuejiNumber(String),
    /// R11.2: the birth date and sex follow a corrected resident ID number (and the ID type is the
    /// resident ID card).
    IdentityFromIdCard {
        birth_date: NaiveDate,
        sex: crate::id_card::Sex,
    },
    /// R13.8
    Hold(HoldFacts),
    ClearHold,
    /// R21.1: into the growth archive.
    AddAward(Award),
}

/// Advice that does not refuse (e.g. R13.2 transfer outside the usual window).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Warning {
    pub rule: RuleId,
    pub message: String,
}

/// Everything a change causes.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Effects {
    /// The new status, if it changes.
    pub status: Option<Status>,
    /// The new grade, if it changes.
    pub grade: Option<Grade>,
    pub updates: Vec<RecordUpdate>,
    pub events: Vec<Event>,
    pub deadlines: Vec<Deadline>,
    pub documents: Vec<Document>,
    pub archive: Vec<ArchiveAction>,
    pub warnings: Vec<Warning>,
}

impl Effects {
    pub fn has_document(&self, kind: DocumentKind) -> bool {
        self.documents.iter().any(|d| d.kind == kind)
    }

    pub fn deadline(&self, kind: DeadlineKind) -> Option<&Deadline> {
        self.deadlines.iter().find(|d| d.kind == kind)
    }

    pub(crate) fn document(&mut self, kind: DocumentKind, rule: RuleId) {
        self.documents.push(Document {
            kind,
            rule,
            annotation: None,
        });
    }

    /// A deadline on a fixed date (the end of a school year or a term).
    pub(crate) fn deadline_at(
        &mut self,
        kind: DeadlineKind,
        due: NaiveDate,
        rule: RuleId,
        label: impl Into<String>,
    ) {
        self.deadlines.push(Deadline {
            kind,
            due,
            rule,
            label: label.into(),
            basis: Counting::fixed(due),
            provisional: None,
        });
    }

    /// A deadline counted on the calendar; returns its due date.
    pub(crate) fn deadline_counted(
        &mut self,
        kind: DeadlineKind,
        basis: Counting,
        calendar: &WorkCalendar,
        rule: RuleId,
        label: impl Into<String>,
    ) -> Result<NaiveDate> {
        let due = basis.due(calendar)?;
        self.deadlines.push(Deadline {
            kind,
            due: due.date,
            rule,
            label: label.into(),
            basis,
            provisional: due.provisional,
        });
        Ok(due.date)
    }
}

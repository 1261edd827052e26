//! What each allowed change causes. Called only after the table and the guards have passed.

use chrono::NaiveDate;

use crate::calendar::Counting;
use crate::change::{Change, KeyField, TransferKind};
use crate::completion;
use crate::deadlines;
use crate::effects::{
    ArchiveAction, DeadlineKind, DocumentKind, Effects, Event, EventKind, RecordUpdate, Warning,
};
use crate::error::Result;
use crate::id_card::{self, IdCardNumber};
use crate::record::{Context, HoldFacts, StudentSnapshot};
use crate::rules::{self, RuleId};
use crate::sanction::SanctionRecord;
use crate::school::{Grade, SchoolYear};
use crate::status::Status;
use crate::xueji_number::XuejiNumber;

fn moves_record(fx: &mut Effects) {
    fx.status = Some(Status::TransferredOut);
    fx.archive.push(ArchiveAction::SendToReceivingSchool);
    fx.archive.push(ArchiveAction::KeepReadOnlyCopy);
}

fn leave_until(ctx: &Context<'_>, fx: &mut Effects, from: NaiveDate, rule: RuleId) -> Result<()> {
    let until = fx.deadline_counted(
        DeadlineKind::LeaveEnds,
        Counting::months(from, ctx.profile.leave_months),
        ctx.calendar,
        rule,
        "休学期满：复学或申请继续休学",
    )?;
    fx.updates.push(RecordUpdate::LeaveUntil(until));
    Ok(())
}

#[allow(clippy::too_many_lines)] // one arm per change type reads best as one table
pub(crate) fn effects(
    ctx: &Context<'_>,
    record: &StudentSnapshot,
    change: &Change,
    on: NaiveDate,
) -> Result<Effects> {
    let mut fx = Effects::default();
    let mut rule = change.kind().rule();
    match change {
        Change::ApproveEnrolment => {
            fx.status = Some(Status::Enrolled);
            fx.document(DocumentKind::EnrolmentApprovalForm, rules::R6_1);
        }
        Change::Defer { school_year, .. } | Change::RenewDeferral { school_year, .. } => {
            fx.status = Some(Status::Deferred);
            fx.updates.push(RecordUpdate::DeferredFor(*school_year));
            fx.deadline_at(
                DeadlineKind::DeferralEnds,
                school_year.end(),
                rules::R6_2,
                format!(
                    "缓学期满（{}结束）：入学或重新申请缓学",
                    school_year.label_zh()
                ),
            );
            fx.document(DocumentKind::DeferralApprovalForm, rules::R6_2);
        }
        Change::EndDeferral => {
            fx.status = Some(Status::PendingApproval);
            fx.updates.push(RecordUpdate::ClearDeferral);
            fx.updates
                .push(RecordUpdate::GradeYear(SchoolYear::containing(on)));
        }
        Change::CorrectBasicData {
            field,
            before,
            after,
        } => {
            fx.updates.push(RecordUpdate::SetField {
                field: field.trim().to_owned(),
                before: before.clone(),
                after: after.trim().to_owned(),
            });
            fx.document(DocumentKind::DataChangeForm, rules::R11_1);
        }
        Change::CorrectKeyData {
            field,
            before,
            after,
            ..
        } => {
            let (name, after) = match field {
                KeyField::Name => ("name", after.trim().to_owned()),
                KeyField::IdCardNumber => ("id_card_number", id_card::normalise(after)),
            };
            if *field == KeyField::IdCardNumber {
                let id = IdCardNumber::parse(&after, ctx.today)?;
                fx.updates.push(RecordUpdate::NewXuejiNumber(
                    XuejiNumber::from_id_card(&id).as_str().to_owned(),
                ));
                fx.updates.push(RecordUpdate::IdentityFromIdCard {
                    birth_date: id.birth_date(),
                    sex: id.sex(),
                });
            }
            fx.updates.push(RecordUpdate::SetField {
                field: name.to_owned(),
                before: before.clone(),
                after,
            });
            fx.document(DocumentKind::DataChangeForm, rules::R11_2);
        }
        Change::Promote { into } => {
            fx.grade = record.grade.next();
            fx.updates.push(RecordUpdate::GradeYear(*into));
        }
        Change::Skip { to } => {
            fx.grade = Some(*to);
            fx.updates.push(RecordUpdate::CreditCompulsoryYears(
                to.number().saturating_sub(record.grade.number()),
            ));
            fx.document(DocumentKind::SkipApprovalForm, rules::R12_2);
        }
        Change::Repeat => {
            fx.updates
                .push(RecordUpdate::GradeYear(record.grade_year.next()));
            fx.document(DocumentKind::RepeatApprovalForm, rules::R12_3);
        }
        Change::TransferOut(details) => {
            match details.kind {
                TransferKind::SpecialInclusive {
                    record_moves: false,
                } => {
                    rule = rules::R13_6;
                    fx.updates.push(RecordUpdate::PlacedElsewhere {
                        place: details.receiving_school.trim().to_owned(),
                    });
                }
                TransferKind::SpecialInclusive { record_moves: true } => {
                    rule = rules::R13_6;
                    moves_record(&mut fx);
                }
                TransferKind::Regular | TransferKind::ReturnFromReformSchool { .. } => {
                    moves_record(&mut fx);
                }
            }
            fx.document(DocumentKind::TransferForm, rules::R13_1);
        }
        Change::ReformSchoolPlacement {
            record_moves,
            school,
        } => {
            if *record_moves {
                moves_record(&mut fx);
            } else {
                if record.status == Status::Held {
                    fx.status = Some(Status::Enrolled);
                    fx.updates.push(RecordUpdate::ClearHold);
                }
                fx.updates.push(RecordUpdate::PlacedElsewhere {
                    place: school.trim().to_owned(),
                });
            }
            fx.document(DocumentKind::ReformSchoolTransferForm, rules::R13_7);
        }
        Change::Hold {
            since,
            judgment_effective_on,
        } => {
            fx.status = Some(Status::Held);
            fx.updates.push(RecordUpdate::Hold(HoldFacts {
                since: *since,
                judgment_effective_on: *judgment_effective_on,
            }));
        }
        Change::Restore => {
            fx.status = Some(Status::Enrolled);
            fx.updates.push(RecordUpdate::ClearHold);
            fx.archive.push(ArchiveAction::Continue);
        }
        Change::Leave { .. } => {
            fx.status = Some(Status::OnLeave);
            leave_until(ctx, &mut fx, on, rules::R14_3)?;
            fx.document(DocumentKind::LeaveApprovalForm, rules::R14_1);
        }
        Change::OrderedLeave { .. } => {
            fx.status = Some(Status::OnLeave);
            leave_until(ctx, &mut fx, on, rules::R14_3)?;
            fx.document(DocumentKind::LeaveOrder, rules::R14_2);
        }
        Change::ExtendLeave => {
            let from = record.leave_until.unwrap_or(on);
            leave_until(ctx, &mut fx, from, rules::R14_3)?;
            fx.document(DocumentKind::LeaveApprovalForm, rules::R14_3);
        }
        Change::Resume { grade } => {
            fx.status = Some(Status::Enrolled);
            fx.grade = Some(*grade);
            fx.updates.push(RecordUpdate::ClearLeave);
            fx.updates
                .push(RecordUpdate::GradeYear(SchoolYear::containing(on)));
            fx.document(DocumentKind::ResumeFilingForm, rules::R15_1);
        }
        Change::GoAbroad => {
            fx.status = Some(Status::Abroad);
            fx.document(DocumentKind::AbroadForm, rules::R16_1);
        }
        Change::ReturnFromAbroad | Change::ReturnFromDropout => {
            fx.status = Some(Status::Enrolled);
            fx.archive.push(ArchiveAction::Continue);
        }
        Change::StudyMode { mode } => fx.updates.push(RecordUpdate::StudyMode(*mode)),
        Change::ReturnFromPlacement => fx.updates.push(RecordUpdate::ClearPlacement),
        Change::Withdraw => {
            fx.status = Some(Status::Withdrawn);
            fx.archive.push(ArchiveAction::ArchivePermanently);
            fx.document(DocumentKind::WithdrawalForm, rules::R17_1);
        }
        Change::Dropout { migrant } => {
            fx.status = Some(Status::DroppedOut);
            fx.deadline_counted(
                DeadlineKind::DropoutReport,
                deadlines::dropout_report_basis(ctx.profile, on),
                ctx.calendar,
                rules::R18_1,
                "书面报告乡镇人民政府和县级教育行政部门",
            )?;
            fx.document(DocumentKind::DropoutReport, rules::R18_1);
            if *migrant {
                match deadlines::semester_end(ctx.terms, on) {
                    Some(end) => fx.deadline_at(
                        DeadlineKind::MigrantArchiveHandover,
                        end,
                        rules::R18_2,
                        "学期末将学籍档案转交户籍所在地县级教育行政部门",
                    ),
                    None => fx.warnings.push(Warning {
                        rule: rules::R18_2,
                        message: "未设置学期日期，无法确定随迁子女辍学档案的移交期限".to_owned(),
                    }),
                }
            }
        }
        Change::Death { died_on } => {
            fx.status = Some(Status::Deceased);
            fx.archive.push(ArchiveAction::ArchivePermanently);
            fx.deadline_counted(
                DeadlineKind::DeathCancellation,
                deadlines::death_cancellation_basis(ctx.profile, *died_on),
                ctx.calendar,
                rules::R19_1,
                "报主管教育行政部门注销学籍",
            )?;
            fx.document(DocumentKind::DeathCancellationForm, rules::R19_1);
        }
        Change::Award(award) => {
            fx.updates.push(RecordUpdate::AddAward(award.clone()));
            fx.document(DocumentKind::AwardRecord, rules::R21_1);
        }
        Change::Sanction {
            level,
            shortened_to,
            shortened_reason,
        } => {
            let sanction = SanctionRecord::new(
                *level,
                on,
                ctx.profile,
                *shortened_to,
                shortened_reason.as_deref(),
            )?;
            fx.deadline_at(
                DeadlineKind::SanctionPeriodEnds,
                sanction.period_ends,
                rules::R23_2,
                "处分期满：决定是否解除处分",
            );
            fx.updates.push(RecordUpdate::AddSanction(sanction));
            fx.document(DocumentKind::SanctionDecision, rules::R22_2);
        }
        Change::LiftSanction { sanction, .. } => {
            fx.updates.push(RecordUpdate::LiftSanction {
                decided_on: sanction.decided_on,
            });
            fx.document(DocumentKind::SanctionLiftNotice, rules::R23_2);
        }
        Change::Finish(facts) => {
            let (outcome, decided_by) = completion::outcome(facts, ctx.profile);
            rule = decided_by;
            fx.status = Some(outcome.status());
            if record.grade == Grade::LAST {
                fx.archive.push(ArchiveAction::ArchivePermanently);
                fx.documents.push(completion::certificate(
                    outcome.status(),
                    record.aux_number.as_ref(),
                )?);
            } else {
                // progression to the next school: the archive goes with the student (R9.1)
                fx.archive.push(ArchiveAction::SendToReceivingSchool);
                fx.archive.push(ArchiveAction::KeepReadOnlyCopy);
            }
            if completion::purges_sanctions(outcome, ctx.profile) {
                fx.archive.push(ArchiveAction::PurgeSanctions);
            }
            if record.foreign && !facts.programme_completed {
                fx.documents
                    .push(completion::attendance_statement(true, false)?);
            }
        }
        Change::CertifyIncomplete => {
            // R25.3: 未完成九年义务教育者 … 注明“肄业”; the archive is already permanent (R9.2).
            let outcome = completion::Outcome::Incomplete;
            fx.status = Some(outcome.status());
            fx.documents.push(completion::certificate(
                outcome.status(),
                record.aux_number.as_ref(),
            )?);
            if completion::purges_sanctions(outcome, ctx.profile) {
                fx.archive.push(ArchiveAction::PurgeSanctions);
            }
            if record.foreign {
                fx.documents
                    .push(completion::attendance_statement(true, false)?);
            }
        }
    }
    let status_after = fx.status.unwrap_or(record.status);
    let grade_after = fx.grade.unwrap_or(record.grade);
    let summary = if let Change::StudyMode { mode } = change {
        format!(
            "{}：{} → {}",
            change.kind().label_zh(),
            record.study_mode.label_zh(),
            mode.label_zh()
        )
    } else if status_after == record.status {
        format!("{}（{}）", change.kind().label_zh(), grade_after.label_zh())
    } else {
        format!(
            "{}：{} → {}",
            change.kind().label_zh(),
            record.status.label_zh(),
            status_after.label_zh()
        )
    };
    fx.events.push(Event {
        kind: EventKind::Change(change.kind()),
        on,
        rule,
        status_before: record.status,
        status_after,
        grade_before: record.grade,
        grade_after,
        summary,
    });
    Ok(fx)
}

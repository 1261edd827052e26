//! What the change forms send: one typed request per change kind (mirroring
//! `xueji_domain::Change`, which has no TS bindings), the proofs, the decisions.

use chrono::NaiveDate;
use sea_orm::ConnectionTrait;
use xueji_domain::change::{
    Award, AwardLevel, KeyField, LeaveReason, OrderedLeaveReason, TransferDetails, TransferKind,
    TransferRoute,
};
use xueji_domain::proofs::ProofKind;
use xueji_domain::sanction::{SanctionLevel, SanctionRecord};
use xueji_domain::{Change, Grade, SchoolYear};
use xueji_store::entities::{sanction, student};
use xueji_store::repo::sanctions;

use super::fields::{BASIC_FIELDS, field_value};
use crate::error::{AppError, Result};
use crate::students::EnrolInput;

/// A file uploaded with a request or a decision; kept encrypted inside the database.
#[derive(Clone, Debug, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ProofUpload {
    /// Which required proof it is; `None` for another file (e.g. the scanned decision of a step).
    pub kind: Option<ProofKind>,
    pub file_name: String,
    pub mime: String,
    /// The file's bytes, standard base64.
    pub data_base64: String,
}

/// Why a student asks for leave (R14.1).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, specta::Type)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum LeaveReasonInput {
    /// Consecutive sick leave since a date (3 months at least).
    #[serde(rename_all = "camelCase")]
    Illness { sick_since: NaiveDate },
    /// 其他特殊原因
    Other { description: String },
}

/// Kinds of transfer (R13.1, R13.6, R13.7).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, specta::Type)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum TransferKindInput {
    Regular,
    #[serde(rename_all = "camelCase")]
    SpecialInclusive {
        record_moves: bool,
    },
    #[serde(rename_all = "camelCase")]
    ReturnFromReformSchool {
        to_original_school: bool,
    },
}

impl TransferKindInput {
    pub fn to_domain(self) -> TransferKind {
        match self {
            Self::Regular => TransferKind::Regular,
            Self::SpecialInclusive { record_moves } => {
                TransferKind::SpecialInclusive { record_moves }
            }
            Self::ReturnFromReformSchool { to_original_school } => {
                TransferKind::ReturnFromReformSchool { to_original_school }
            }
        }
    }
}

/// One change with its facts, as the wizard builds it. Promotion and graduation are batches and
/// are not requested here.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize, specta::Type)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ChangeRequest {
    /// 学籍核准 (R6.1): recorded with the bureau's 文号.
    ApproveEnrolment,
    /// 缓学 (R6.2) for a school year (its start year); applied for on the effective date.
    #[serde(rename_all = "camelCase")]
    Defer { school_year: i32 },
    /// 续缓学 (R6.2)
    #[serde(rename_all = "camelCase")]
    RenewDeferral { school_year: i32 },
    /// 缓学期满入学 (R6.2)
    EndDeferral,
    /// 基础信息变更 (R11.1): `field` as stored (`hukou_address`, `ethnicity` …); the old value
    /// is read from the record.
    CorrectBasicData { field: String, after: String },
    /// 关键信息变更 (R11.2). The national duplicate check and identity comparison are not part of
    /// the request: they are re-run after the bureau's approval and recorded as the
    /// application's last step. A `recheck` in a request stored or written before (a claimed
    /// result) is read and ignored.
    CorrectKeyData { field: KeyField, after: String },
    /// 跳级 (R12.2)
    Skip { to: u8 },
    /// 留级 (R12.3)
    Repeat,
    /// 转学（转出） (R13.1): `grade` must be the current one (R13.4).
    #[serde(rename_all = "camelCase")]
    TransferOut {
        kind: TransferKindInput,
        grade: u8,
        receiving_school: String,
        /// Within one county or across two (who 核办, in what order). Stored requests made
        /// before it was asked read as across counties.
        #[serde(default)]
        route: TransferRoute,
    },
    /// 转入 (R13.1): no record here yet; it is created when the last party approves.
    #[serde(rename_all = "camelCase")]
    TransferIn {
        kind: TransferKindInput,
        sending_school: String,
        student: Box<EnrolInput>,
        #[serde(default)]
        route: TransferRoute,
        /// First entry into this stage at the sending school (the certificate's 入学年月,
        /// R24.1); counted back from the grade when empty.
        #[serde(default)]
        stage_entry_date: Option<NaiveDate>,
    },
    /// 转入工读学校 (R13.7)
    #[serde(rename_all = "camelCase")]
    ReformSchoolPlacement { record_moves: bool, school: String },
    /// 保留学籍 (R13.8)
    #[serde(rename_all = "camelCase")]
    Hold {
        since: NaiveDate,
        judgment_effective_on: Option<NaiveDate>,
    },
    /// 恢复学籍 (R13.8)
    Restore,
    /// 休学 (R14.1)
    Leave { reason: LeaveReasonInput },
    /// 责令休学 (R14.2)
    OrderedLeave { reason: OrderedLeaveReason },
    /// 继续休学 (R14.3)
    ExtendLeave,
    /// 复学 (R15.1)
    Resume { grade: u8 },
    /// 境外就读 (R16.1)
    GoAbroad,
    /// 境外返回 (R16.1)
    ReturnFromAbroad,
    /// 退学 (R17.1)
    Withdraw,
    /// 辍学 (R18.1); a migrant child's archive goes home at semester end (R18.2).
    Dropout { migrant: bool },
    /// 辍学返校 (R18.1)
    ReturnFromDropout,
    /// 就读方式变更: 随班就读 found after enrolment, or its end, on an assessment (R13.6, R12.3).
    StudyMode { mode: xueji_domain::StudyMode },
    /// 结束校外安置: back from a special school or 工读学校 while the record stayed (R13.6, R13.7).
    ReturnFromPlacement,
    /// 死亡注销 (R19.1)
    #[serde(rename_all = "camelCase")]
    Death { died_on: NaiveDate },
    /// 奖励 (R21.1)
    #[serde(rename_all = "camelCase")]
    Award {
        level: AwardLevel,
        title: String,
        issuer: String,
        awarded_on: NaiveDate,
    },
    /// 处分 (R22.2): `facts` are printed in the decision.
    #[serde(rename_all = "camelCase")]
    Sanction {
        level: SanctionLevel,
        facts: String,
        shortened_to: Option<NaiveDate>,
        shortened_reason: Option<String>,
    },
    /// 解除处分 (R23.2) of one of the student's sanctions.
    #[serde(rename_all = "camelCase")]
    LiftSanction {
        sanction_id: i64,
        reformed: bool,
        reoffended: bool,
    },
}

/// A request for a change (or a transfer in, with `student_id` empty).
#[derive(Clone, Debug, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ChangeInput {
    pub student_id: Option<i64>,
    pub change: ChangeRequest,
    /// The date of the application, or of the change itself for changes without a procedure.
    pub effective_on: NaiveDate,
    #[serde(default)]
    pub proofs: Vec<ProofUpload>,
    pub note: Option<String>,
}

/// A party's decision on a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Approve,
    Reject,
    /// Only an optional step (the hearing, R22.2).
    Skip,
}

/// One step's decision as recorded.
#[derive(Clone, Debug, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DecideInput {
    pub application_id: i64,
    /// The step's ordinal (0-based).
    pub step: u32,
    pub decision: Decision,
    pub on: NaiveDate,
    /// 文号 of the decision (e.g. the bureau's approval).
    pub reference: Option<String>,
    /// Required for a rejection.
    pub reason: Option<String>,
    /// The scanned decision, or a proof still missing at the first step.
    pub proof: Option<ProofUpload>,
}

/// A proof added to an application in progress (`xueji change proof add`).
#[derive(Clone, Debug, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ProofAddInput {
    pub application_id: i64,
    /// Its `kind` is required: a proof that meets no requirement belongs to a step's decision.
    pub proof: ProofUpload,
}

/// Withdrawing an application in progress.
#[derive(Clone, Debug, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct WithdrawInput {
    pub application_id: i64,
    pub reason: String,
}

/// An appeal against a published sanction (R22.2).
#[derive(Clone, Debug, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AppealInput {
    pub application_id: i64,
    pub on: NaiveDate,
    pub grounds: String,
}

/// The bureau's decision on an appeal (R22.2).
#[derive(Clone, Debug, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AppealDecisionInput {
    pub application_id: i64,
    pub on: NaiveDate,
    /// True if the sanction stands.
    pub upheld: bool,
}

/// Filters of the application list.
#[derive(Clone, Debug, Default, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ChangeListInput {
    pub student_id: Option<i64>,
    pub kind: Option<xueji_domain::ApplicationKind>,
    pub state: Option<xueji_store::entities::application::ApplicationState>,
    /// The party of the waiting step.
    pub waiting_on: Option<xueji_domain::workflow::Party>,
    /// Only applications whose waiting party is past its working-day limit (R13.3).
    #[serde(default)]
    pub overdue_only: bool,
    /// 1-based; 0 means 1.
    #[serde(default)]
    pub page: u32,
    /// 0 means 50.
    #[serde(default)]
    pub page_size: u32,
}

/// The stored `details` of an application.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize, Default)]
pub(crate) struct Details {
    /// What was requested; `None` for a batch's application (a graduation outcome, R25.1).
    #[serde(default)]
    pub request: Option<ChangeRequest>,
    pub note: Option<String>,
    #[serde(default)]
    pub warnings: Vec<(String, String)>,
}

fn grade(n: u8, field: &str) -> Result<Grade> {
    Grade::new(n).map_err(|e| {
        let mut err = AppError::from(e);
        err.fields = vec![crate::error::FieldError {
            field: field.to_owned(),
            message: err.message.clone(),
        }];
        err
    })
}

/// A sanction row as the rules see it.
pub(crate) fn sanction_record(row: &sanction::Model) -> SanctionRecord {
    SanctionRecord {
        level: row.level,
        decided_on: row.decided_on,
        period_ends: row.period_ends,
        shortened_reason: row.shortened_reason.clone(),
        lifted_on: row.lifted_on,
    }
}

impl ChangeRequest {
    /// The change for student `m`, the old values read from the record. A transfer in has none.
    pub(crate) async fn to_change<C: ConnectionTrait>(
        &self,
        db: &C,
        m: &student::Model,
        on: NaiveDate,
    ) -> Result<Change> {
        Ok(match self {
            Self::ApproveEnrolment => Change::ApproveEnrolment,
            Self::Defer { school_year } => Change::Defer {
                school_year: SchoolYear(*school_year),
                applied_on: on,
            },
            Self::RenewDeferral { school_year } => Change::RenewDeferral {
                school_year: SchoolYear(*school_year),
                applied_on: on,
            },
            Self::EndDeferral => Change::EndDeferral,
            Self::CorrectBasicData { field, after } => {
                let field = match field.trim() {
                    "id_number" => "id_card_number",
                    f => f,
                };
                let before = field_value(m, field).ok_or_else(|| {
                    AppError::validation("field", format!("不能通过信息变更修改该项：{field}"))
                })?;
                if !BASIC_FIELDS.contains(&field) && field != "name" && field != "id_card_number" {
                    return Err(AppError::validation(
                        "field",
                        format!("不能通过信息变更修改该项：{field}"),
                    ));
                }
                Change::CorrectBasicData {
                    field: field.to_owned(),
                    before,
                    after: after.clone(),
                }
            }
            Self::CorrectKeyData { field, after } => {
                let field: KeyField = *field;
                let before = match field {
                    KeyField::Name => m.name.clone(),
                    KeyField::IdCardNumber => m.id_number.clone(),
                };
                Change::CorrectKeyData {
                    field,
                    before,
                    after: after.clone(),
                    recheck: None,
                }
            }
            Self::Skip { to } => Change::Skip {
                to: grade(*to, "to")?,
            },
            Self::Repeat => Change::Repeat,
            Self::TransferOut {
                kind,
                grade: g,
                receiving_school,
                route,
            } => Change::TransferOut(TransferDetails {
                kind: kind.to_domain(),
                grade: grade(*g, "grade")?,
                receiving_school: receiving_school.clone(),
                route: *route,
            }),
            Self::TransferIn { .. } => {
                return Err(AppError::validation(
                    "studentId",
                    "转入申请不针对本校已有学籍，请勿选择学生",
                ));
            }
            Self::ReformSchoolPlacement {
                record_moves,
                school,
            } => Change::ReformSchoolPlacement {
                record_moves: *record_moves,
                school: school.clone(),
            },
            Self::Hold {
                since,
                judgment_effective_on,
            } => Change::Hold {
                since: *since,
                judgment_effective_on: *judgment_effective_on,
            },
            Self::Restore => Change::Restore,
            Self::Leave { reason } => Change::Leave {
                reason: match reason {
                    LeaveReasonInput::Illness { sick_since } => LeaveReason::Illness {
                        sick_since: *sick_since,
                    },
                    LeaveReasonInput::Other { description } => LeaveReason::Other {
                        description: description.clone(),
                    },
                },
            },
            Self::OrderedLeave { reason } => Change::OrderedLeave { reason: *reason },
            Self::ExtendLeave => Change::ExtendLeave,
            Self::Resume { grade: g } => Change::Resume {
                grade: grade(*g, "grade")?,
            },
            Self::GoAbroad => Change::GoAbroad,
            Self::ReturnFromAbroad => Change::ReturnFromAbroad,
            Self::Withdraw => Change::Withdraw,
            Self::Dropout { migrant } => Change::Dropout { migrant: *migrant },
            Self::ReturnFromDropout => Change::ReturnFromDropout,
            Self::StudyMode { mode } => Change::StudyMode { mode: *mode },
            Self::ReturnFromPlacement => Change::ReturnFromPlacement,
            Self::Death { died_on } => Change::Death { died_on: *died_on },
            Self::Award {
                level,
                title,
                issuer,
                awarded_on,
            } => Change::Award(Award {
                level: *level,
                title: title.trim().to_owned(),
                issuer: issuer.trim().to_owned(),
                awarded_on: *awarded_on,
            }),
            Self::Sanction {
                level,
                facts,
                shortened_to,
                shortened_reason,
            } => {
                if facts.trim().is_empty() {
                    return Err(AppError::validation("facts", "请填写违纪事实"));
                }
                Change::Sanction {
                    level: *level,
                    shortened_to: *shortened_to,
                    shortened_reason: shortened_reason.clone(),
                }
            }
            Self::LiftSanction {
                sanction_id,
                reformed,
                reoffended,
            } => {
                let row = sanctions::find(db, *sanction_id)
                    .await?
                    .filter(|r| r.student_id == m.id)
                    .ok_or_else(|| AppError::not_found("该生的这项处分"))?;
                Change::LiftSanction {
                    sanction: sanction_record(&row),
                    reformed: *reformed,
                    reoffended: *reoffended,
                }
            }
        })
    }
}

/// Decodes base64 (the standard or the URL-safe alphabet, padding optional, whitespace ignored).
pub(crate) fn decode_base64(text: &str) -> Result<Vec<u8>> {
    use base64::Engine;
    use base64::alphabet::{STANDARD, URL_SAFE};
    use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
    let config =
        GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent);
    let compact: String = text.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    GeneralPurpose::new(&STANDARD, config)
        .decode(&compact)
        .or_else(|_| GeneralPurpose::new(&URL_SAFE, config).decode(&compact))
        .map_err(|_| AppError::validation("dataBase64", "文件内容编码有误"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_decodes_with_and_without_padding() {
        assert_eq!(decode_base64("aGVsbG8=").expect("ok"), b"hello");
        assert_eq!(decode_base64("aGVsbG8").expect("ok"), b"hello");
        assert_eq!(decode_base64("5Lit5paH").expect("ok"), "中文".as_bytes());
        assert!(decode_base64("a$b").is_err());
        assert_eq!(decode_base64("aGVs\nbG8=").expect("ok"), b"hello");
        assert_eq!(decode_base64("+/8=").expect("ok"), [0xfb, 0xff]);
        assert_eq!(decode_base64("-_8").expect("ok"), [0xfb, 0xff]);
        assert!(
            decode_base64("aGVsbG8=x").is_err(),
            "nothing after the padding"
        );
    }

    #[test]
    fn r11_2_a_key_data_request_with_a_claimed_recheck_still_reads() {
        // Requests stored (and `change submit --from` files written) while the request carried
        // the recheck's result: the claim is read and ignored, the recheck is a step now.
        for claim in ["passed", "not_done", "failed"] {
            let json = format!(
                r#"{{"type":"correct_key_data","field":"name","after":"王晓明","recheck":"{claim}"}}"#
            );
            let request: ChangeRequest = serde_json::from_str(&json).expect("reads");
            assert!(matches!(
                request,
                ChangeRequest::CorrectKeyData { field: KeyField::Name, ref after } if after == "王晓明"
            ));
        }
        let written = serde_json::to_string(&ChangeRequest::CorrectKeyData {
            field: KeyField::IdCardNumber,
            after: "330106201209100039".to_owned(),
        })
        .expect("json");
        assert!(!written.contains("recheck"), "{written}");
    }
}

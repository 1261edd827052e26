//! Proof materials each change needs, as data (R6.2, R11.1, R13.8, R14.1, R14.2, R16.1, R19.1 …).

use crate::change::{Change, ChangeKind, LeaveReason};

/// A kind of proof material in the archive (R8.2 section 2).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
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
pub enum ProofKind {
    /// 监护人（或年满18周岁的学生本人）书面申请
    WrittenApplication,
    /// 居民户口簿
    HouseholdRegister,
    /// 其他有效证明材料
    OtherProof,
    /// 县级及以上医疗单位证明
    CountyHospitalCertificate,
    /// 需隔离治疗的传染病诊断证明
    InfectiousDiseaseDiagnosis,
    /// 出境有效证件
    TravelDocument,
    /// 死亡证明
    DeathCertificate,
    /// 刑事强制措施、判决或解除措施的文书
    CourtOrPoliceDocument,
    /// 残疾人证或残疾评估（鉴定）意见: what makes a pupil 随班就读 (R13.6, R12.3)
    DisabilityAssessment,
}

impl ProofKind {
    /// Every kind, in the order above.
    pub const ALL: [Self; 9] = [
        Self::WrittenApplication,
        Self::HouseholdRegister,
        Self::OtherProof,
        Self::CountyHospitalCertificate,
        Self::InfectiousDiseaseDiagnosis,
        Self::TravelDocument,
        Self::DeathCertificate,
        Self::CourtOrPoliceDocument,
        Self::DisabilityAssessment,
    ];

    /// The stored and sent name (the serde name).
    pub const fn code(self) -> &'static str {
        match self {
            Self::WrittenApplication => "written_application",
            Self::HouseholdRegister => "household_register",
            Self::OtherProof => "other_proof",
            Self::CountyHospitalCertificate => "county_hospital_certificate",
            Self::InfectiousDiseaseDiagnosis => "infectious_disease_diagnosis",
            Self::TravelDocument => "travel_document",
            Self::DeathCertificate => "death_certificate",
            Self::CourtOrPoliceDocument => "court_or_police_document",
            Self::DisabilityAssessment => "disability_assessment",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Self::WrittenApplication => "监护人书面申请",
            Self::HouseholdRegister => "居民户口簿",
            Self::OtherProof => "其他有效证明材料",
            Self::CountyHospitalCertificate => "县级及以上医疗单位证明",
            Self::InfectiousDiseaseDiagnosis => "传染病诊断证明",
            Self::TravelDocument => "出境有效证件",
            Self::DeathCertificate => "死亡证明",
            Self::CourtOrPoliceDocument => "司法机关相关文书",
            Self::DisabilityAssessment => "残疾人证或残疾评估（鉴定）意见",
        }
    }
}

/// One requirement: any one of these proofs satisfies it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ProofRequirement {
    pub any_of: Vec<ProofKind>,
}

impl ProofRequirement {
    fn one(kind: ProofKind) -> Self {
        Self { any_of: vec![kind] }
    }

    fn either(a: ProofKind, b: ProofKind) -> Self {
        Self { any_of: vec![a, b] }
    }

    pub fn is_met_by(&self, attached: &[ProofKind]) -> bool {
        self.any_of.iter().any(|k| attached.contains(k))
    }

    pub fn label_zh(&self) -> String {
        self.any_of
            .iter()
            .map(|k| k.label_zh())
            .collect::<Vec<_>>()
            .join("或")
    }
}

/// What decides the proofs a change needs: its kind, and for a 休学 (R14.1) whether it is for
/// illness (a hospital certificate) or for another special reason (any other proof).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProofCase {
    /// Any change of this kind (a 休学: for illness).
    Kind(ChangeKind),
    /// A 休学 for another special reason than illness.
    LeaveForOtherReason,
}

impl ProofCase {
    /// The case a change falls in.
    pub fn of(change: &Change) -> Self {
        match change {
            Change::Leave {
                reason: LeaveReason::Other { .. },
            } => Self::LeaveForOtherReason,
            c => Self::Kind(c.kind()),
        }
    }

    /// Every case: each change kind, then the 休学 for another reason.
    pub fn all() -> impl Iterator<Item = Self> {
        ChangeKind::ALL
            .into_iter()
            .map(Self::Kind)
            .chain([Self::LeaveForOtherReason])
    }

    /// The name the UI looks the case up by: the kind's stored name, or
    /// `leave_for_other_reason`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Kind(k) => k.code(),
            Self::LeaveForOtherReason => "leave_for_other_reason",
        }
    }
}

/// The proofs a change needs. Every requirement must be met.
pub fn required_proofs(change: &Change) -> Vec<ProofRequirement> {
    required_for(ProofCase::of(change))
}

/// The proofs a case needs, as the law lists them.
pub fn required_for(case: ProofCase) -> Vec<ProofRequirement> {
    use ChangeKind as K;
    use ProofKind as P;
    let kind = match case {
        ProofCase::LeaveForOtherReason => {
            return vec![
                ProofRequirement::one(P::WrittenApplication),
                ProofRequirement::one(P::OtherProof),
            ];
        }
        ProofCase::Kind(kind) => kind,
    };
    match kind {
        K::Defer | K::RenewDeferral | K::Leave => vec![
            ProofRequirement::one(P::WrittenApplication),
            ProofRequirement::one(P::CountyHospitalCertificate),
        ],
        K::CorrectBasicData => vec![
            ProofRequirement::one(P::WrittenApplication),
            ProofRequirement::either(P::HouseholdRegister, P::OtherProof),
        ],
        K::CorrectKeyData => vec![ProofRequirement::either(
            P::HouseholdRegister,
            P::OtherProof,
        )],
        K::Skip
        | K::Repeat
        | K::TransferOut
        | K::ReformSchoolPlacement
        | K::Resume
        | K::Withdraw => {
            vec![ProofRequirement::one(P::WrittenApplication)]
        }
        K::Hold | K::Restore => vec![ProofRequirement::one(P::CourtOrPoliceDocument)],
        K::OrderedLeave => vec![ProofRequirement::either(
            P::InfectiousDiseaseDiagnosis,
            P::CountyHospitalCertificate,
        )],
        K::ExtendLeave => vec![
            ProofRequirement::one(P::WrittenApplication),
            ProofRequirement::either(P::CountyHospitalCertificate, P::OtherProof),
        ],
        K::GoAbroad => vec![ProofRequirement::one(P::TravelDocument)],
        // Whether a pupil learns 随班就读 (or no longer does) rests on an assessment (R13.6).
        K::StudyMode => vec![
            ProofRequirement::one(P::WrittenApplication),
            ProofRequirement::one(P::DisabilityAssessment),
        ],
        K::ReturnFromPlacement => vec![ProofRequirement::one(P::WrittenApplication)],
        K::Death => vec![ProofRequirement::one(P::DeathCertificate)],
        K::ApproveEnrolment
        | K::EndDeferral
        | K::Promote
        | K::ReturnFromAbroad
        | K::Dropout
        | K::ReturnFromDropout
        | K::Award
        | K::Sanction
        | K::LiftSanction
        | K::Finish
        | K::CertifyIncomplete => Vec::new(),
    }
}

/// The requirements not met by the attached proofs.
pub fn missing_proofs(change: &Change, attached: &[ProofKind]) -> Vec<ProofRequirement> {
    required_proofs(change)
        .into_iter()
        .filter(|r| !r.is_met_by(attached))
        .collect()
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    #[test]
    fn r14_1_a_leave_for_illness_needs_a_hospital_certificate_and_another_reason_any_proof() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap_or_default();
        let illness = Change::Leave {
            reason: LeaveReason::Illness { sick_since: day },
        };
        let other = Change::Leave {
            reason: LeaveReason::Other {
                description: "家庭变故".to_owned(),
            },
        };
        assert_eq!(ProofCase::of(&illness), ProofCase::Kind(ChangeKind::Leave));
        assert_eq!(ProofCase::of(&other), ProofCase::LeaveForOtherReason);
        let written = ProofRequirement::one(ProofKind::WrittenApplication);
        assert_eq!(
            required_proofs(&illness),
            [
                written.clone(),
                ProofRequirement::one(ProofKind::CountyHospitalCertificate)
            ]
        );
        assert_eq!(
            required_proofs(&other),
            [written, ProofRequirement::one(ProofKind::OtherProof)]
        );
        assert!(
            missing_proofs(
                &other,
                &[ProofKind::WrittenApplication, ProofKind::OtherProof]
            )
            .is_empty()
        );
    }

    #[test]
    fn every_case_has_its_own_name() {
        let cases: Vec<_> = ProofCase::all().collect();
        let names: std::collections::BTreeSet<_> = cases.iter().map(|c| c.code()).collect();
        assert_eq!(names.len(), cases.len());
        assert_eq!(cases.len(), ChangeKind::ALL.len() + 1);
    }
}

//! Proof materials each change needs, as data (R6.2, R11.1, R13.8, R14.1, R14.2, R16.1, R19.1 …).

use crate::change::{Change, LeaveReason};

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
}

impl ProofKind {
    /// Every kind, in the order above.
    pub const ALL: [Self; 8] = [
        Self::WrittenApplication,
        Self::HouseholdRegister,
        Self::OtherProof,
        Self::CountyHospitalCertificate,
        Self::InfectiousDiseaseDiagnosis,
        Self::TravelDocument,
        Self::DeathCertificate,
        Self::CourtOrPoliceDocument,
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

/// The proofs a change needs. Every requirement must be met.
pub fn required_proofs(change: &Change) -> Vec<ProofRequirement> {
    use ProofKind as P;
    match change {
        Change::Defer { .. }
        | Change::RenewDeferral { .. }
        | Change::Leave {
            reason: LeaveReason::Illness { .. },
        } => vec![
            ProofRequirement::one(P::WrittenApplication),
            ProofRequirement::one(P::CountyHospitalCertificate),
        ],
        Change::CorrectBasicData { .. } => vec![
            ProofRequirement::one(P::WrittenApplication),
            ProofRequirement::either(P::HouseholdRegister, P::OtherProof),
        ],
        Change::CorrectKeyData { .. } => {
            vec![ProofRequirement::either(
                P::HouseholdRegister,
                P::OtherProof,
            )]
        }
        Change::Skip { .. }
        | Change::Repeat
        | Change::TransferOut(_)
        | Change::ReformSchoolPlacement { .. }
        | Change::Resume { .. }
        | Change::Withdraw => vec![ProofRequirement::one(P::WrittenApplication)],
        Change::Hold { .. } | Change::Restore => {
            vec![ProofRequirement::one(P::CourtOrPoliceDocument)]
        }
        Change::Leave {
            reason: LeaveReason::Other { .. },
        } => vec![
            ProofRequirement::one(P::WrittenApplication),
            ProofRequirement::one(P::OtherProof),
        ],
        Change::OrderedLeave { .. } => vec![ProofRequirement::either(
            P::InfectiousDiseaseDiagnosis,
            P::CountyHospitalCertificate,
        )],
        Change::ExtendLeave => vec![
            ProofRequirement::one(P::WrittenApplication),
            ProofRequirement::either(P::CountyHospitalCertificate, P::OtherProof),
        ],
        Change::GoAbroad => vec![ProofRequirement::one(P::TravelDocument)],
        Change::Death { .. } => vec![ProofRequirement::one(P::DeathCertificate)],
        Change::ApproveEnrolment
        | Change::EndDeferral
        | Change::Promote { .. }
        | Change::ReturnFromAbroad
        | Change::Dropout { .. }
        | Change::ReturnFromDropout
        | Change::Award(_)
        | Change::Sanction { .. }
        | Change::LiftSanction { .. }
        | Change::Finish(_) => Vec::new(),
    }
}

/// The requirements not met by the attached proofs.
pub fn missing_proofs(change: &Change, attached: &[ProofKind]) -> Vec<ProofRequirement> {
    required_proofs(change)
        .into_iter()
        .filter(|r| !r.is_met_by(attached))
        .collect()
}

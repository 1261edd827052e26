//! What the UI is told of the law's vocabulary, so it never keeps its own copy: each application
//! kind's Chinese name and the rule it follows, each proof's name, the proofs each kind needs, and
//! the basic-data fields a data change may name (R11.1). Exported once into `bindings.ts` as a constant.

use std::collections::BTreeMap;

use xueji_domain::proofs::{ProofCase, ProofKind, required_for};
use xueji_domain::{ApplicationKind, ChangeKind, rules};

use super::fields::{BASIC_FIELDS, field_label};
use super::views::ProofRequirementView;

/// An application kind as the UI shows it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
pub struct KindInfo {
    /// 转出, 休学 …
    pub label: &'static str,
    /// The rule whose procedure it follows (`R13.1`).
    pub rule: String,
}

/// A field a form may offer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
pub struct FieldInfo {
    /// The stored name (`hukou_address`).
    pub value: &'static str,
    pub label: &'static str,
}

/// All of it, as one value (`LAW_VOCABULARY` in `bindings.ts`: one constant, so the generated file
/// does not depend on the order the exporter keeps its constants in).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Vocabulary {
    pub change_kinds: BTreeMap<&'static str, KindInfo>,
    pub proof_labels: BTreeMap<&'static str, &'static str>,
    /// The proofs each case needs (`xueji_domain::proofs::required_for`), by the case's name: each
    /// application kind's stored name, and `leave_for_other_reason` for a 休学 for another reason
    /// than illness.
    pub required_proofs: BTreeMap<&'static str, Vec<ProofRequirementView>>,
    pub basic_fields: Vec<FieldInfo>,
}

/// The vocabulary the UI is told.
pub fn vocabulary() -> Vocabulary {
    Vocabulary {
        change_kinds: change_kinds(),
        proof_labels: proof_labels(),
        required_proofs: required_proofs(),
        basic_fields: basic_fields(),
    }
}

/// Every application kind (each change kind and the transfer in), by its stored name.
pub fn change_kinds() -> BTreeMap<&'static str, KindInfo> {
    ChangeKind::ALL
        .iter()
        .map(|k| ApplicationKind::Change(*k))
        .chain([ApplicationKind::TRANSFER_IN])
        .map(|k| {
            let rule = k.change().map_or(rules::R13_1, ChangeKind::rule);
            (
                k.code(),
                KindInfo {
                    label: k.label_zh(),
                    rule: rule.as_str().to_owned(),
                },
            )
        })
        .collect()
}

/// Every kind of proof, by its stored name, with its Chinese name.
pub fn proof_labels() -> BTreeMap<&'static str, &'static str> {
    ProofKind::ALL
        .iter()
        .map(|p| (p.code(), p.label_zh()))
        .collect()
}

/// The proofs each case needs; a transfer in needs none here (the sending school holds the
/// student's papers).
pub fn required_proofs() -> BTreeMap<&'static str, Vec<ProofRequirementView>> {
    ProofCase::all()
        .map(|c| {
            let needs = required_for(c).iter().map(Into::into).collect();
            (c.code(), needs)
        })
        .chain([(ApplicationKind::TRANSFER_IN.code(), Vec::new())])
        .collect()
}

/// The basic-data fields R11.1 lets a data change name, in the order the form lists them.
pub fn basic_fields() -> Vec<FieldInfo> {
    BASIC_FIELDS
        .iter()
        .map(|f| FieldInfo {
            value: f,
            label: field_label(f),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_and_proof_is_named_once_with_its_rule() {
        let kinds = change_kinds();
        assert_eq!(kinds.len(), ChangeKind::ALL.len() + 1);
        assert_eq!(kinds["transfer_in"].rule, "R13.1");
        assert_eq!(kinds["transfer_out"].label, "转学");
        assert!(
            kinds
                .values()
                .all(|k| !k.label.is_empty() && k.rule.starts_with('R'))
        );
        assert_eq!(proof_labels().len(), ProofKind::ALL.len());
        for p in ProofKind::ALL {
            assert_eq!(
                serde_json::to_value(p).ok(),
                Some(serde_json::json!(p.code()))
            );
        }
        let proofs = required_proofs();
        assert_eq!(proofs.len(), kinds.len() + 1);
        assert!(kinds.keys().all(|k| proofs.contains_key(k)));
        assert_eq!(
            proofs["leave"][1].any_of,
            [ProofKind::CountyHospitalCertificate]
        );
        assert_eq!(
            proofs["leave_for_other_reason"][1].any_of,
            [ProofKind::OtherProof]
        );
        assert_eq!(basic_fields().len(), BASIC_FIELDS.len());
        assert!(basic_fields().iter().all(|f| f.label != f.value));
    }
}

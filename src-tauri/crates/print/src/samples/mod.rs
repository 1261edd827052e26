//! Built-in sample data for every document kind, so anyone can preview each template without a
//! database (`xueji print sample --kind <kind>`), under the names `xueji print` takes. The samples exercise the hard cases: a name with
//! a middle dot, a rare character the font has (䶮), a long address, many rows.

mod completion;
mod forms;
mod letters;
mod lists;
mod people;
mod records;

pub use completion::{attendance_statement, certificate, completion_proof};
pub use forms::{approval, hardship};
pub use letters::{cancellation_report, dropout_report, sanction_decision, sanction_lift_notice};
pub use lists::{handover_list, leave_order};
pub use people::photo_png;
pub use records::{change_statistics, record_card, roster};

use crate::documents::Document;
use crate::documents::approval::ApprovalKind;
use crate::documents::handover_list::HandoverKind;
use crate::error::{PrintError, Result};

/// One sample: its key and the Chinese title. The key is the document kind as the register and
/// the command line spell it (`record_card`, [`PrintKind::name`]; and `hardship_form`, which
/// `xueji hardship form` prints), with `:variant` for a second sample of the same kind
/// (`record_card:graduated`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SampleKind {
    pub key: &'static str,
    pub title: &'static str,
}

impl SampleKind {
    /// The document kind (`record_card`).
    pub fn kind(&self) -> &'static str {
        self.key.split_once(':').map_or(self.key, |(k, _)| k)
    }

    /// The variant (`graduated`), if this is not the kind's plain sample.
    pub fn variant(&self) -> Option<&'static str> {
        self.key.split_once(':').map(|(_, v)| v)
    }
}

/// The hardship application's kind: a document of its own use case, not in the register's list.
pub const HARDSHIP_FORM: &str = "hardship_form";

const fn k(key: &'static str, title: &'static str) -> SampleKind {
    SampleKind { key, title }
}

const KINDS: &[SampleKind] = &[
    k("record_card", "学籍卡"),
    k("record_card:graduated", "学籍卡（毕业后，处分记录已消灭）"),
    k("roster", "班级花名册"),
    k("certificate", "浙江省义务教育证书"),
    k("certificate:batch", "浙江省义务教育证书（批量，3份）"),
    k("completion_proof", "毕（结、肄）业证明书"),
    k("attendance_statement", "写实性证明"),
    k("transfer_form", "转学申请表"),
    k("leave_form", "休学申请审批表"),
    k("resume_form", "复学申请表"),
    k("deferral_form", "缓学申请审批表"),
    k("skip_form", "跳级申请审批表"),
    k("repeat_form", "留级申请审批表"),
    k("basic_data_change_form", "学生基础信息变更申请表"),
    k(
        "key_data_change_form",
        "学生基础信息变更申请表（姓名、身份证件号码）",
    ),
    k("withdrawal_form", "退学申请审批表"),
    k("dropout_report", "辍学情况报告"),
    k("cancellation_report", "学籍注销报告"),
    k("sanction_decision", "处分决定书"),
    k("sanction_lift_notice", "解除处分通知书"),
    k("change_statistics", "学籍变动统计表"),
    k("enrolment_approval_form", "学籍核准表"),
    k("reform_school_form", "工读学校转学审批表"),
    k("abroad_form", "出境就读登记表"),
    k("leave_order", "责令休学通知书"),
    k("migrant_handover_list", "随迁子女辍学学籍档案移交清单"),
    k(
        "progression_handover_list",
        "小学毕业生升学学籍档案移交清单",
    ),
    k(HARDSHIP_FORM, "家庭经济困难学生认定申请表"),
];

/// Every sample kind, in the order they are listed.
pub fn list() -> &'static [SampleKind] {
    KINDS
}

/// Renders the sample of `key` (`record_card`, `record_card:graduated`) to PDF bytes.
pub fn render(key: &str) -> Result<Vec<u8>> {
    let docs = documents(key)?;
    let refs: Vec<&dyn Document> = docs.iter().map(AsRef::as_ref).collect();
    crate::batch::render(&refs, &mut |_, _| {})
}

fn one(doc: impl Document + 'static) -> Vec<Box<dyn Document>> {
    vec![Box::new(doc)]
}

/// The sample documents of `key` (one, or several for a batch).
pub fn documents(key: &str) -> Result<Vec<Box<dyn Document>>> {
    use ApprovalKind as A;
    Ok(match key {
        "record_card" => one(record_card(false)?),
        "record_card:graduated" => one(record_card(true)?),
        "roster" => one(roster()?),
        "certificate" => one(certificate(0)?),
        "certificate:batch" => {
            let mut docs: Vec<Box<dyn Document>> = Vec::new();
            for i in 0..3 {
                docs.push(Box::new(certificate(i)?));
            }
            docs
        }
        "completion_proof" => one(completion_proof()?),
        "attendance_statement" => one(attendance_statement()?),
        "transfer_form" => one(approval(A::Transfer)?),
        "leave_form" => one(approval(A::Leave)?),
        "resume_form" => one(approval(A::Resume)?),
        "deferral_form" => one(approval(A::Deferral)?),
        "skip_form" => one(approval(A::Skip)?),
        "repeat_form" => one(approval(A::Repeat)?),
        "basic_data_change_form" => one(approval(A::BasicDataChange)?),
        "key_data_change_form" => one(approval(A::KeyDataChange)?),
        "withdrawal_form" => one(approval(A::Withdrawal)?),
        "dropout_report" => one(dropout_report()?),
        "cancellation_report" => one(cancellation_report()?),
        "sanction_decision" => one(sanction_decision()?),
        "sanction_lift_notice" => one(sanction_lift_notice()?),
        "change_statistics" => one(change_statistics()),
        "enrolment_approval_form" => one(approval(A::EnrolmentApproval)?),
        "reform_school_form" => one(approval(A::ReformSchool)?),
        "abroad_form" => one(approval(A::Abroad)?),
        "leave_order" => one(leave_order()?),
        "migrant_handover_list" => one(handover_list(HandoverKind::MigrantDropout)?),
        "progression_handover_list" => one(handover_list(HandoverKind::Progression)?),
        HARDSHIP_FORM => one(hardship()?),
        other => return Err(PrintError::UnknownSample(other.to_owned())),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_kind_renders_and_unknown_kinds_are_refused() {
        for kind in list() {
            let pdf = render(kind.key).expect(kind.key);
            assert!(pdf.starts_with(b"%PDF"), "{}", kind.key);
        }
        assert_eq!(
            render("nope"),
            Err(PrintError::UnknownSample("nope".to_owned()))
        );
    }

    #[test]
    fn every_document_kind_has_a_sample_under_its_register_name() {
        let plain: Vec<&str> = list()
            .iter()
            .filter(|k| k.variant().is_none())
            .map(SampleKind::kind)
            .collect();
        for kind in xueji_domain::PrintKind::ALL {
            assert!(
                plain.contains(&kind.name().as_str()),
                "no sample of {kind:?}"
            );
        }
        assert_eq!(
            plain.len(),
            xueji_domain::PrintKind::ALL.len() + 1,
            "and the hardship form"
        );
        for k in list() {
            match xueji_domain::PrintKind::from_name(k.kind()) {
                Some(kind) if k.variant().is_none() => assert_eq!(k.title, kind.label_zh()),
                Some(kind) => assert!(k.title.starts_with(kind.label_zh()), "{}", k.key),
                None => assert_eq!(k.kind(), HARDSHIP_FORM),
            }
        }
    }
}

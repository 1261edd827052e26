//! Built-in sample data for every document kind, so anyone can preview each template without a
//! database (`xueji print sample --kind <kind>`). The samples exercise the hard cases: a name with
//! a middle dot, a rare character the font has (䶮), a long address, many rows.

mod completion;
mod forms;
mod letters;
mod people;
mod records;

pub use completion::{attendance_statement, certificate, completion_proof};
pub use forms::{approval, hardship};
pub use letters::{cancellation_report, dropout_report, sanction_decision, sanction_lift_notice};
pub use people::photo_png;
pub use records::{change_statistics, record_card, roster};

use crate::documents::Document;
use crate::documents::approval::ApprovalKind;
use crate::error::{PrintError, Result};

/// One sample kind: the key used on the command line and the Chinese title.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SampleKind {
    pub key: &'static str,
    pub title: &'static str,
}

const KINDS: &[SampleKind] = &[
    SampleKind {
        key: "certificate",
        title: "浙江省义务教育证书",
    },
    SampleKind {
        key: "certificate-batch",
        title: "浙江省义务教育证书（批量，3份）",
    },
    SampleKind {
        key: "completion-proof",
        title: "毕（结、肄）业证明书",
    },
    SampleKind {
        key: "attendance-statement",
        title: "写实性证明",
    },
    SampleKind {
        key: "transfer-application",
        title: "转学申请表",
    },
    SampleKind {
        key: "leave-application",
        title: "休学申请审批表",
    },
    SampleKind {
        key: "resume-application",
        title: "复学申请表",
    },
    SampleKind {
        key: "deferral-application",
        title: "缓学申请审批表",
    },
    SampleKind {
        key: "skip-application",
        title: "跳级申请审批表",
    },
    SampleKind {
        key: "repeat-application",
        title: "留级申请审批表",
    },
    SampleKind {
        key: "basic-data-change",
        title: "学生基础信息变更申请表",
    },
    SampleKind {
        key: "key-data-change",
        title: "学生基础信息变更申请表（姓名、身份证件号码）",
    },
    SampleKind {
        key: "withdrawal-application",
        title: "退学申请审批表",
    },
    SampleKind {
        key: "record-card",
        title: "学籍卡",
    },
    SampleKind {
        key: "record-card-graduated",
        title: "学籍卡（毕业后，处分记录已消灭）",
    },
    SampleKind {
        key: "hardship-application",
        title: "家庭经济困难学生认定申请表",
    },
    SampleKind {
        key: "class-roster",
        title: "班级花名册",
    },
    SampleKind {
        key: "change-statistics",
        title: "学籍变动统计表",
    },
    SampleKind {
        key: "dropout-report",
        title: "辍学情况报告",
    },
    SampleKind {
        key: "cancellation-report",
        title: "学籍注销报告",
    },
    SampleKind {
        key: "sanction-decision",
        title: "处分决定书",
    },
    SampleKind {
        key: "sanction-lift-notice",
        title: "解除处分通知书",
    },
];

/// Every sample kind, in the order they are listed.
pub fn list() -> &'static [SampleKind] {
    KINDS
}

/// Renders the sample of `kind` to PDF bytes.
pub fn render(kind: &str) -> Result<Vec<u8>> {
    let docs = documents(kind)?;
    let refs: Vec<&dyn Document> = docs.iter().map(AsRef::as_ref).collect();
    crate::batch::render(&refs, &mut |_, _| {})
}

/// The sample documents of `kind` (one, or several for batch kinds).
pub fn documents(kind: &str) -> Result<Vec<Box<dyn Document>>> {
    Ok(match kind {
        "certificate" => vec![Box::new(certificate(0)?)],
        "certificate-batch" => {
            let mut docs: Vec<Box<dyn Document>> = Vec::new();
            for i in 0..3 {
                docs.push(Box::new(certificate(i)?));
            }
            docs
        }
        "completion-proof" => vec![Box::new(completion_proof()?)],
        "attendance-statement" => vec![Box::new(attendance_statement()?)],
        "transfer-application" => vec![Box::new(approval(ApprovalKind::Transfer)?)],
        "leave-application" => vec![Box::new(approval(ApprovalKind::Leave)?)],
        "resume-application" => vec![Box::new(approval(ApprovalKind::Resume)?)],
        "deferral-application" => vec![Box::new(approval(ApprovalKind::Deferral)?)],
        "skip-application" => vec![Box::new(approval(ApprovalKind::Skip)?)],
        "repeat-application" => vec![Box::new(approval(ApprovalKind::Repeat)?)],
        "basic-data-change" => vec![Box::new(approval(ApprovalKind::BasicDataChange)?)],
        "key-data-change" => vec![Box::new(approval(ApprovalKind::KeyDataChange)?)],
        "withdrawal-application" => vec![Box::new(approval(ApprovalKind::Withdrawal)?)],
        "record-card" => vec![Box::new(record_card(false)?)],
        "record-card-graduated" => vec![Box::new(record_card(true)?)],
        "hardship-application" => vec![Box::new(hardship()?)],
        "class-roster" => vec![Box::new(roster()?)],
        "change-statistics" => vec![Box::new(change_statistics())],
        "dropout-report" => vec![Box::new(dropout_report()?)],
        "cancellation-report" => vec![Box::new(cancellation_report()?)],
        "sanction-decision" => vec![Box::new(sanction_decision()?)],
        "sanction-lift-notice" => vec![Box::new(sanction_lift_notice()?)],
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
}

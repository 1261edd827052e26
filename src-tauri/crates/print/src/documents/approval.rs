//! Approval forms (申请表 / 审批表): student and guardian blocks, kind-specific details, the
//! reasons with the applicant's signature, the required proofs, and an opinion, signature, seal
//! and date block per approving party. One template, one table of kinds:
//! 转学 (four parties, R13.1), 休学 (R14.1), 复学 (filing, R15.1), 缓学 (R6.2), 跳级 (R12.2),
//! 留级 (R12.3), 学生基础信息变更 (R11.1) with its key-field variant (R11.2: the school, the
//! bureau, then the result of the national duplicate check and identity comparison), 退学 (R17.1).

use chrono::NaiveDate;
use xueji_domain::assigned_number::AssignedNumber;
use xueji_domain::id_card::Sex;
use xueji_domain::proofs::ProofRequirement;
use xueji_domain::workflow::Party as Role;
use xueji_domain::{IdCardNumber, PersonName};

use crate::documents::{Document, date};
use crate::error::Result;
use crate::layout::grid::{Cell, Grid, Row};
use crate::layout::text::{Align, TextStyle};
use crate::layout::{PageSize, Sheets};

/// Which application form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ApprovalKind {
    Transfer,
    Leave,
    Resume,
    Deferral,
    Skip,
    Repeat,
    BasicDataChange,
    /// 姓名 or 身份证件号码 (R11.2): proof, approval, then national duplicate check and identity
    /// comparison again.
    KeyDataChange,
    Withdrawal,
    /// 学籍核准 (R6.1, R7.1): the school reports, the bureau approves.
    EnrolmentApproval,
    /// 转入工读学校 (R13.7): the guardian applies, the 工读学校 agrees, the bureau 核办.
    ReformSchool,
    /// 境外就读 (R16.1): the guardian applies, the school registers it.
    Abroad,
}

/// One approving party's block on a form: who it is in the workflow, the cell's label, who
/// signs it and whether it is sealed (a party's opinion is; the national system's recheck result,
/// which the registrar records, is signed only).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Party {
    pub role: Role,
    pub label: &'static str,
    pub signer: &'static str,
    pub seal: bool,
}

const SCHOOL: Party = Party {
    role: Role::School,
    label: "学校意见",
    signer: "负责人签字",
    seal: true,
};
const BUREAU: Party = Party {
    role: Role::Bureau,
    label: "主管教育行政部门意见",
    signer: "经办人签字",
    seal: true,
};
/// The national duplicate check and identity comparison re-run after the bureau's approval of a
/// key-field change (R11.2): 通过 with its date, or 未通过 with the reason.
const RECHECK: Party = Party {
    role: Role::NationalSystem,
    label: "全国查重和身份比对结果",
    signer: "学籍管理员签字",
    seal: false,
};

impl ApprovalKind {
    pub const ALL: [Self; 12] = [
        Self::Transfer,
        Self::Leave,
        Self::Resume,
        Self::Deferral,
        Self::Skip,
        Self::Repeat,
        Self::BasicDataChange,
        Self::KeyDataChange,
        Self::Withdrawal,
        Self::EnrolmentApproval,
        Self::ReformSchool,
        Self::Abroad,
    ];

    /// The printed form title.
    pub fn title(self) -> &'static str {
        match self {
            Self::Transfer => "义务教育阶段学生转学申请表",
            Self::Leave => "义务教育阶段学生休学申请审批表",
            Self::Resume => "义务教育阶段学生复学申请表",
            Self::Deferral => "义务教育阶段适龄儿童缓学申请审批表",
            Self::Skip => "义务教育阶段学生跳级申请审批表",
            Self::Repeat => "义务教育阶段学生留级申请审批表",
            Self::BasicDataChange => "学生基础信息变更申请表",
            Self::KeyDataChange => "学生基础信息变更申请表（姓名、身份证件号码）",
            Self::Withdrawal => "学生退学申请审批表",
            Self::EnrolmentApproval => "义务教育阶段学生学籍核准表",
            Self::ReformSchool => "工读学校转学审批表",
            Self::Abroad => "义务教育阶段学生出境就读登记表",
        }
    }

    /// The article of the law the form rests on.
    fn basis(self) -> &'static str {
        match self {
            Self::Transfer | Self::ReformSchool => "第十三条",
            Self::Leave => "第十四条",
            Self::Resume => "第十五条",
            Self::Deferral => "第六条",
            Self::Skip | Self::Repeat => "第十二条",
            Self::BasicDataChange | Self::KeyDataChange => "第十一条",
            Self::Withdrawal => "第十七条",
            Self::EnrolmentApproval => "第六条、第七条",
            Self::Abroad => "第十六条",
        }
    }

    /// The approving parties' blocks of a blank form, in the order the workflow reaches them (a
    /// transfer across counties: the receiving side, then the sending side).
    pub fn parties(self) -> Vec<Party> {
        match self {
            Self::Transfer => [
                Role::ReceivingSchool,
                Role::ReceivingBureau,
                Role::SendingSchool,
                Role::SendingBureau,
            ]
            .into_iter()
            .filter_map(|r| self.party(r))
            .collect(),
            Self::Resume => {
                vec![
                    SCHOOL,
                    Party {
                        label: "主管教育行政部门备案",
                        ..BUREAU
                    },
                ]
            }
            Self::KeyDataChange => vec![
                Party {
                    label: "学校核实意见",
                    ..SCHOOL
                },
                Party {
                    label: "主管教育行政部门核准意见",
                    ..BUREAU
                },
                RECHECK,
            ],
            Self::EnrolmentApproval => vec![
                Party {
                    label: "学校上报意见",
                    ..SCHOOL
                },
                Party {
                    label: "主管教育行政部门核准意见",
                    ..BUREAU
                },
            ],
            Self::ReformSchool => vec![
                Party {
                    role: Role::ReformSchool,
                    label: "工读学校意见",
                    ..SCHOOL
                },
                Party {
                    label: "主管教育行政部门核办意见",
                    ..BUREAU
                },
            ],
            // 第十六条: the school registers it; no bureau step.
            Self::Abroad => vec![Party {
                label: "学校登记意见",
                ..SCHOOL
            }],
            _ => vec![SCHOOL, BUREAU],
        }
    }

    /// The block of the party acting as `role` on this form, if it has one (the guardian's
    /// application is the reasons row, not a block).
    pub fn party(self, role: Role) -> Option<Party> {
        let school = |label| Party {
            role,
            label,
            signer: "负责人签字",
            seal: true,
        };
        let bureau = |label| Party {
            role,
            label,
            signer: "经办人签字",
            seal: true,
        };
        match (self, role) {
            (Self::Transfer, Role::ReceivingSchool) => Some(school("转入学校意见")),
            (Self::Transfer, Role::SendingSchool) => Some(school("转出学校意见")),
            (Self::Transfer, Role::ReceivingBureau) => Some(bureau("转入学校主管教育行政部门意见")),
            (Self::Transfer, Role::SendingBureau) => Some(bureau("转出学校主管教育行政部门意见")),
            (Self::Transfer, Role::Bureau) => Some(bureau("主管教育行政部门意见")),
            (Self::Transfer, _) => None,
            (_, role) => self.parties().into_iter().find(|p| p.role == role),
        }
    }

    /// Who signs the reasons.
    fn applicant(self) -> &'static str {
        match self {
            Self::Withdrawal => "申请人签字",
            _ => "监护人签字",
        }
    }
}

/// Label and value column widths of full-width rows, in mm.
const L: f32 = 30.0;
const W: f32 = 140.0;

/// The student as printed at the top of every form.
#[derive(Clone, Debug, PartialEq)]
pub struct StudentBlock {
    pub name: PersonName,
    pub sex: Sex,
    pub birth_date: NaiveDate,
    pub id_number: Option<IdCardNumber>,
    /// 待分配, provisional (printed as such) or national (R7.1).
    pub xueji_number: AssignedNumber,
    pub school: String,
    /// e.g. 七年级（3）班
    pub class: String,
    pub address: String,
}

/// The guardian (or the adult applicant).
#[derive(Clone, Debug, PartialEq)]
pub struct Guardian {
    pub name: PersonName,
    pub relation: String,
    pub phone: String,
}

/// What one party recorded, printed in its block: the opinion (同意 / 不同意 and why, the 文号)
/// and the day. An empty text leaves the block for handwriting.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Opinion {
    pub text: String,
    pub on: Option<NaiveDate>,
}

/// One proof line: what the law asks and whether it is in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProofLine {
    pub label: String,
    /// `Some(true)` attached, `Some(false)` still missing, `None` on a blank form.
    pub attached: Option<bool>,
}

/// An application form with its data.
#[derive(Clone, Debug, PartialEq)]
pub struct ApprovalForm {
    pub kind: ApprovalKind,
    /// Serial number from the issued-document log, if the office numbers this form.
    pub serial: Option<String>,
    pub student: StudentBlock,
    pub guardian: Guardian,
    /// Kind-specific rows (label, value), e.g. 转入学校, 休学起止日期, 原内容 / 变更后内容.
    pub details: Vec<(String, String)>,
    pub reason: String,
    /// The proofs required for this change (from the domain's proof list), each marked attached
    /// or missing.
    pub proofs: Vec<ProofLine>,
    /// The approving parties' blocks in the order of the application's steps (`kind.parties()` on a
    /// blank form).
    pub parties: Vec<Party>,
    /// Opinions already recorded, one per block of `parties` in that order; missing or empty ones
    /// stay blank for handwriting.
    pub opinions: Vec<Opinion>,
    pub applied_on: NaiveDate,
}

impl ApprovalForm {
    /// The footnote: the article, and who keeps a copy (a form no bureau signs, 第十六条's
    /// registration of a pupil going abroad, stays at the school).
    fn note(&self) -> String {
        let copies = if self
            .parties
            .iter()
            .any(|p| p.label.contains("教育行政部门"))
        {
            "本表一式两份，学校和主管教育行政部门各存一份，并归入学生学籍档案。"
        } else {
            "本表由学校留存，并归入学生学籍档案。"
        };
        format!(
            "注：依据《浙江省义务教育阶段学生学籍管理办法》{}。{copies}",
            self.kind.basis()
        )
    }

    /// The proof lines for a change from the domain's requirements
    /// (`xueji_domain::proofs::required_proofs`), e.g. "县级及以上医疗单位证明".
    pub fn proof_labels(requirements: &[ProofRequirement]) -> Vec<String> {
        requirements
            .iter()
            .map(ProofRequirement::label_zh)
            .collect()
    }

    /// The proof lines of a blank form: what the law asks, nothing marked.
    pub fn blank_proofs(requirements: &[ProofRequirement]) -> Vec<ProofLine> {
        requirements
            .iter()
            .map(|r| ProofLine {
                label: r.label_zh(),
                attached: None,
            })
            .collect()
    }

    fn id_text(&self) -> String {
        self.student
            .id_number
            .as_ref()
            .map_or_else(|| "无".to_owned(), |id| id.as_str().to_owned())
    }

    fn proofs_text(&self) -> String {
        self.proofs
            .iter()
            .map(ProofLine::text)
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// The kind-specific rows: two short pairs share a row (现就读年级 | 学籍状态), a long value has a
/// row of its own, so a four-party form keeps to one page. 原内容 always starts a row, so the
/// before and the after of a data change read together.
fn detail_rows(details: &[(String, String)]) -> Vec<Row> {
    const SHORT: usize = 14;
    let short = |(label, value): &(String, String)| {
        label.chars().count() <= 6 && value.chars().count() <= SHORT
    };
    let mut rows = Vec::new();
    let mut i = 0;
    while i < details.len() {
        let (label, value) = &details[i];
        match details.get(i + 1) {
            Some(next) if short(&details[i]) && short(next) && next.0 != "原内容" => {
                rows.push(Row::new(vec![
                    Cell::label(L, label),
                    Cell::value(55.0, value),
                    Cell::label(30.0, &next.0),
                    Cell::value(W - 85.0, &next.1),
                ]));
                i += 2;
            }
            _ => {
                rows.push(Row::new(vec![Cell::label(L, label), Cell::value(W, value)]));
                i += 1;
            }
        }
    }
    rows
}

impl ProofLine {
    /// `□ 居民户口簿` on a blank form; `已附：…` or `未附：…` once the file is known.
    fn text(&self) -> String {
        match self.attached {
            None => format!("□ {}", self.label),
            Some(true) => format!("已附：{}", self.label),
            Some(false) => format!("未附：{}", self.label),
        }
    }
}

impl Document for ApprovalForm {
    fn title(&self) -> String {
        self.kind.title().to_owned()
    }

    fn fields(&self) -> Vec<(&'static str, String)> {
        let s = &self.student;
        let mut out = Vec::new();
        if let Some(serial) = &self.serial {
            out.push(("编号", serial.clone()));
        }
        out.extend([
            ("申请日期", date(self.applied_on)),
            ("学生姓名", s.name.as_str().to_owned()),
            ("性别", s.sex.label_zh().to_owned()),
            ("出生日期", date(s.birth_date)),
            ("身份证件号码", self.id_text()),
            ("学籍号", s.xueji_number.printed()),
            ("就读学校", s.school.clone()),
            ("年级班级", s.class.clone()),
            ("家庭住址", s.address.clone()),
            ("监护人姓名", self.guardian.name.as_str().to_owned()),
            ("与学生关系", self.guardian.relation.clone()),
            ("联系电话", self.guardian.phone.clone()),
        ]);
        for (_, value) in &self.details {
            out.push(("申请事项", value.clone()));
        }
        out.push(("申请理由", self.reason.clone()));
        for proof in &self.proofs {
            out.push(("证明材料", proof.text()));
        }
        for (party, opinion) in self.parties.iter().zip(&self.opinions) {
            out.push(("审核部门", party.label.to_owned()));
            if !opinion.text.is_empty() {
                out.push(("审核意见", opinion.text.clone()));
            }
        }
        out
    }

    fn draw(&self, sheets: &mut Sheets) -> Result<()> {
        let size = PageSize::A4;
        let page = sheets.new_page(size);
        page.text(
            105.0,
            28.0,
            TextStyle::plain(16.0).bold().spaced(0.5),
            Align::Center,
            self.kind.title(),
        );
        if let Some(serial) = &self.serial {
            page.text(
                190.0,
                38.0,
                TextStyle::SMALL,
                Align::Right,
                &format!("编号：{serial}"),
            );
        }
        let applied = format!("申请日期：{}", date(self.applied_on));
        page.text(20.0, 38.0, TextStyle::SMALL, Align::Left, &applied);

        let s = &self.student;
        let mut rows = vec![
            Row::new(vec![
                Cell::label(L, "学生姓名"),
                Cell::value(38.0, s.name.as_str()),
                Cell::label(14.0, "性别"),
                Cell::value(14.0, s.sex.label_zh()),
                Cell::label(22.0, "出生日期"),
                Cell::value(52.0, &date(s.birth_date)),
            ]),
            Row::new(vec![
                Cell::label(L, "身份证件号码"),
                Cell::value(66.0, &self.id_text()),
                Cell::label(22.0, "学籍号"),
                Cell::value(52.0, &s.xueji_number.printed()),
            ]),
            Row::new(vec![
                Cell::label(L, "就读学校"),
                Cell::value(66.0, &s.school),
                Cell::label(22.0, "年级班级"),
                Cell::value(52.0, &s.class),
            ]),
            Row::new(vec![Cell::label(L, "家庭住址"), Cell::value(W, &s.address)]),
            Row::new(vec![
                Cell::label(L, "监护人姓名"),
                Cell::value(38.0, self.guardian.name.as_str()),
                Cell::label(28.0, "与学生关系"),
                Cell::value(16.0, &self.guardian.relation),
                Cell::label(22.0, "联系电话"),
                Cell::value(36.0, &self.guardian.phone),
            ]),
        ];
        rows.extend(detail_rows(&self.details));
        let four = self.kind == ApprovalKind::Transfer;
        rows.push(Row::tall(
            vec![
                Cell::label(L, "申请理由"),
                Cell::opinion(W, &self.reason, self.kind.applicant(), false),
            ],
            if four { 26.0 } else { 32.0 },
        ));
        rows.push(Row::new(vec![
            Cell::label(L, "证明材料"),
            Cell::value(W, &self.proofs_text()),
        ]));
        let many = self.parties.len() > 3;
        for (i, party) in self.parties.iter().enumerate() {
            let opinion = self.opinions.get(i).cloned().unwrap_or_default();
            rows.push(Row::tall(
                vec![
                    Cell::label(L, party.label),
                    Cell::opinion(W, &opinion.text, party.signer, party.seal).dated(opinion.on),
                ],
                // A recheck's result has no seal to leave room for.
                if many || !party.seal { 27.0 } else { 36.0 },
            ));
        }
        let bottom = Grid::new(20.0, rows).draw(sheets, 42.0, size);
        let note = self.note();
        let page = sheets.page();
        crate::layout::wrap::paragraph(
            page,
            20.0,
            bottom + 5.0,
            170.0,
            TextStyle::plain(8.0),
            4.0,
            &note,
        );
        Ok(())
    }

    fn numbered(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use xueji_domain::change::{Change, LeaveReason};
    use xueji_domain::proofs::required_proofs;

    #[test]
    fn proof_lines_come_from_the_domain_requirements() {
        let sick_since = chrono::NaiveDate::from_ymd_opt(2024, 11, 1).expect("date");
        let leave = Change::Leave {
            reason: LeaveReason::Illness { sick_since },
        };
        let labels = ApprovalForm::proof_labels(&required_proofs(&leave));
        assert!(
            labels.iter().any(|l| l.contains("县级及以上医疗单位证明")),
            "{labels:?}"
        );
    }

    #[test]
    fn every_kind_has_a_title_and_its_parties() {
        for kind in ApprovalKind::ALL {
            let parties = kind.parties().len();
            let expected = match kind {
                ApprovalKind::Transfer => 4,
                // R11.2: the school, the bureau, then the national recheck's result.
                ApprovalKind::KeyDataChange => 3,
                ApprovalKind::Abroad => 1,
                _ => 2,
            };
            assert_eq!(parties, expected, "{kind:?}");
            assert!(kind.title().ends_with('表') || kind.title().ends_with('）'));
        }
        assert_eq!(
            ApprovalKind::KeyDataChange.party(Role::NationalSystem),
            Some(RECHECK)
        );
        assert_eq!(ApprovalKind::Leave.party(Role::NationalSystem), None);
    }
}

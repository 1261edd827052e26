//! Samples of the approval forms and the hardship application.

use super::people::{ADDRESS, SCHOOL, day, guardian, pairs, strings, student};
use crate::documents::approval::{ApprovalForm, ApprovalKind, Opinion, ProofLine};
use crate::documents::hardship::{Earner, HardshipApplication, HardshipLevel};
use crate::error::{PrintError, Result};

/// What a sample application says, per kind.
struct Case {
    kind: ApprovalKind,
    person: usize,
    class: &'static str,
    details: &'static [(&'static str, &'static str)],
    reason: &'static str,
    proofs: &'static [&'static str],
}

const CASES: [Case; 12] = [
    Case {
        kind: ApprovalKind::Transfer,
        person: 0,
        class: "七年级（3）班",
        details: &[
            ("转出学校", SCHOOL),
            ("转入学校", "宁波市鄞州区东钱湖镇中心学校（七年级）"),
        ],
        reason: "因父母工作调动至宁波市鄞州区，全家随迁，申请转入户籍所在地学校就读。",
        proofs: &["监护人书面申请", "户口簿或居住证明", "转入学校同意接收证明"],
    },
    Case {
        kind: ApprovalKind::Leave,
        person: 1,
        class: "八年级（1）班",
        details: &[
            ("休学期限", "2025年3月1日至2026年2月28日"),
            ("休学类型", "病休（连续病休已满三个月）"),
        ],
        reason: "学生于2024年11月确诊肺结核，经医院诊断需居家隔离治疗，无法坚持正常学习，申请休学一年。",
        proofs: &["监护人书面申请", "县级及以上医院诊断证明"],
    },
    Case {
        kind: ApprovalKind::Resume,
        person: 1,
        class: "八年级（1）班",
        details: &[
            ("原休学期限", "2025年3月1日至2026年2月28日"),
            ("复学年级", "八年级"),
        ],
        reason: "休学期满，经医院复查已痊愈，可以正常学习，申请复学。",
        proofs: &["监护人书面申请", "县级及以上医院康复证明"],
    },
    Case {
        kind: ApprovalKind::Deferral,
        person: 2,
        class: "一年级新生",
        details: &[("缓学期限", "2025学年（2025年9月1日至2026年8月31日）")],
        reason: "儿童患先天性心脏病，于2025年5月手术，术后需休养一年，申请缓学一年。",
        proofs: &["监护人书面申请", "县级及以上医院诊断证明"],
    },
    Case {
        kind: ApprovalKind::Skip,
        person: 2,
        class: "四年级（2）班",
        details: &[
            ("现就读年级", "四年级"),
            ("申请跳入年级", "五年级（非毕业年级）"),
        ],
        reason: "学生学业成绩优异，经学校测评已全面达到五年级课程要求，身心发展良好，申请跳级。",
        proofs: &["监护人书面申请", "学校学业测评材料"],
    },
    Case {
        kind: ApprovalKind::Repeat,
        person: 1,
        class: "四年级（2）班",
        details: &[
            ("就读方式", "随班就读（智力残疾三级）"),
            ("申请留级年级", "四年级"),
        ],
        reason: "学生为随班就读学生，本学年学习困难明显，经资源教师评估，申请留级一年。",
        proofs: &[
            "监护人书面申请",
            "残疾证或县级及以上医院诊断证明",
            "资源教师评估意见",
        ],
    },
    Case {
        kind: ApprovalKind::BasicDataChange,
        person: 0,
        class: "七年级（3）班",
        details: &[
            ("变更项目", "家庭住址"),
            ("原内容", "浙江省杭州市西湖区古荡湾新村12幢3单元402室"),
            ("变更后内容", ADDRESS),
        ],
        reason: "家庭搬迁，户口簿地址已变更，申请更正学籍家庭住址。",
        proofs: &["监护人书面申请", "户口簿"],
    },
    Case {
        kind: ApprovalKind::KeyDataChange,
        person: 1,
        class: "八年级（1）班",
        details: &[
            ("变更项目", "姓名"),
            ("原内容", "阿依古丽"),
            ("变更后内容", "阿依古丽·买买提"),
        ],
        reason: "户籍登记姓名已按身份证件更正，申请同步更正学籍姓名。",
        proofs: &["监护人书面申请", "户口簿及公安机关更名证明", "居民身份证"],
    },
    Case {
        kind: ApprovalKind::Withdrawal,
        person: 3,
        class: "九年级（4）班",
        details: &[("申请时年龄", "年满18周岁（2007年1月15日出生）")],
        reason: "本人已年满十八周岁，因家庭原因不宜继续在校学习，申请退学。",
        proofs: &["本人书面申请", "居民身份证"],
    },
    Case {
        kind: ApprovalKind::EnrolmentApproval,
        person: 0,
        class: "一年级（2）班",
        details: &[("入学日期", "2025年9月1日"), ("入学方式", "小学一年级新生")],
        reason: "",
        proofs: &[],
    },
    Case {
        kind: ApprovalKind::ReformSchool,
        person: 2,
        class: "八年级（2）班",
        details: &[
            ("转入工读学校", "杭州市西湖区工读学校"),
            ("学籍", "保留在原校"),
        ],
        reason: "经原学校和监护人同意，转入工读学校接受教育。",
        proofs: &["监护人书面申请"],
    },
    Case {
        kind: ApprovalKind::Abroad,
        person: 1,
        class: "五年级（3）班",
        details: &[("出境就读", "随父母赴新加坡就读")],
        reason: "随父母工作调动出境就读。",
        proofs: &["出境有效证件"],
    },
];

/// A sample application form of `kind`.
pub fn approval(kind: ApprovalKind) -> Result<ApprovalForm> {
    let case = CASES
        .iter()
        .find(|c| c.kind == kind)
        .ok_or_else(|| PrintError::UnknownSample(kind.title().to_owned()))?;
    let transfer = kind == ApprovalKind::Transfer;
    Ok(ApprovalForm {
        kind,
        serial: transfer.then(|| "西文学转〔2025〕第023号".to_owned()),
        student: student(case.person, case.class)?,
        guardian: guardian()?,
        details: pairs(case.details),
        reason: case.reason.to_owned(),
        proofs: case
            .proofs
            .iter()
            .map(|p| ProofLine {
                label: (*p).to_owned(),
                attached: Some(true),
            })
            .collect(),
        parties: kind.parties(),
        opinions: if transfer {
            vec![Opinion {
                text: "同意接收。".to_owned(),
                on: Some(day(2025, 6, 23)),
            }]
        } else {
            Vec::new()
        },
        applied_on: day(2025, 6, 20),
    })
}
/// A hardship assessment application.
pub fn hardship() -> Result<HardshipApplication> {
    let earner =
        |name: &str, relation: &str, age: u32, work: &str, yearly_income: u32, health: &str| {
            Earner {
                name: name.to_owned(),
                relation: relation.to_owned(),
                age,
                work: work.to_owned(),
                yearly_income,
                health: health.to_owned(),
            }
        };
    Ok(HardshipApplication {
        school_year: "2025—2026学年".to_owned(),
        student: student(1, "八年级（1）班")?,
        guardian: guardian()?,
        family: vec![
            earner(
                "欧阳建国",
                "父亲",
                46,
                "杭州市西湖区转塘街道个体运输户（务工）",
                32_000,
                "慢性肾病",
            ),
            earner("林秀英", "母亲", 44, "无固定工作", 6_000, "健康"),
            earner("欧阳明", "祖父", 75, "无", 2_400, "残疾（肢体二级）"),
        ],
        household_income: 40_400,
        household_size: Some(4),
        factors: strings(&["家庭经济因素", "特殊群体因素", "突发状况因素"]),
        groups: strings(&["低保边缘家庭", "残疾学生或残疾人子女"]),
        circumstances:
            "父亲患慢性肾病需长期透析，家庭主要收入来源减少，祖父残疾需要照料，医疗支出较大。"
                .to_owned(),
        class_opinion: "经班级认定小组评议，该生家庭经济困难情况属实，建议认定为困难。".to_owned(),
        level: Some(HardshipLevel::Hardship),
        aid: "家庭经济困难学生生活补助1250元/学期".to_owned(),
        applied_on: day(2025, 9, 10),
    })
}

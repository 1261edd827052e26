//! The student archive (学籍档案): its seven sections (R8.2), and the handover of a whole
//! school's archives when it merges or is dissolved (R9.3).

use crate::error::{DomainError, Result};
use crate::rules;

/// The seven sections of R8.2.
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
pub enum ArchiveSection {
    /// （一）学籍基本信息及信息变动情况
    BasicDataAndHistory,
    /// （二）学籍信息证明材料
    Proofs,
    /// （三）综合素质发展报告
    QualityReport,
    /// （四）体质健康测试、健康体检、预防接种
    Health,
    /// （五）获奖信息
    Awards,
    /// （六）享受资助信息
    FinancialAid,
    /// （七）主管教育行政部门规定的其他信息
    Other,
}

impl ArchiveSection {
    pub const ALL: [ArchiveSection; 7] = [
        Self::BasicDataAndHistory,
        Self::Proofs,
        Self::QualityReport,
        Self::Health,
        Self::Awards,
        Self::FinancialAid,
        Self::Other,
    ];

    pub fn label_zh(self) -> &'static str {
        match self {
            Self::BasicDataAndHistory => "学籍基本信息及信息变动情况",
            Self::Proofs => "学籍信息证明材料",
            Self::QualityReport => "综合素质发展报告",
            Self::Health => "体质健康测试及健康体检信息、预防接种信息",
            Self::Awards => "在校期间的获奖信息",
            Self::FinancialAid => "享受资助信息",
            Self::Other => "主管教育行政部门规定的其他信息和材料",
        }
    }
}

/// The five parts of the 综合素质发展报告.
pub const QUALITY_REPORT_PARTS: [&str; 5] =
    ["品德表现", "学业水平", "运动健康", "艺术素养", "创新实践"];

/// Sections not yet present. Section (7) is only required when the bureau requires something.
pub fn missing_sections(
    present: &[ArchiveSection],
    bureau_requires_other: bool,
) -> Vec<ArchiveSection> {
    ArchiveSection::ALL
        .into_iter()
        .filter(|s| !present.contains(s))
        .filter(|s| *s != ArchiveSection::Other || bureau_requires_other)
        .collect()
}

/// Refuses to call an archive complete while a section is missing (R8.2).
pub fn check_complete(present: &[ArchiveSection], bureau_requires_other: bool) -> Result<()> {
    let missing = missing_sections(present, bureau_requires_other);
    if missing.is_empty() {
        Ok(())
    } else {
        let list = missing
            .iter()
            .map(|s| s.label_zh())
            .collect::<Vec<_>>()
            .join("、");
        Err(DomainError::rule(
            rules::R8_2,
            format!("学籍档案缺少：{list}"),
        ))
    }
}

/// What happens to a school (R9.3).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum SchoolEvent {
    /// 合并: archives go to the absorbing school.
    Merger { absorbing_school: String },
    /// 撤销: archives go to the unit the bureau designates.
    Dissolution { designated_unit: Option<String> },
}

/// Who receives every archive of the school (R9.3).
pub fn archive_recipient(event: &SchoolEvent) -> Result<String> {
    let (name, missing) = match event {
        SchoolEvent::Merger { absorbing_school } => (
            absorbing_school.trim(),
            "学校合并的，学籍档案移交并入的学校：请填写并入学校",
        ),
        SchoolEvent::Dissolution { designated_unit } => (
            designated_unit.as_deref().map_or("", str::trim),
            "学校撤销的，学籍档案移交主管教育行政部门指定的单位：请先取得指定单位",
        ),
    };
    if name.is_empty() {
        Err(DomainError::rule(rules::R9_3, missing))
    } else {
        Ok(name.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r8_2_archive_has_all_seven_sections() {
        assert_eq!(ArchiveSection::ALL.len(), 7);
        assert_eq!(QUALITY_REPORT_PARTS.len(), 5);
        let six: Vec<_> = ArchiveSection::ALL
            .into_iter()
            .filter(|s| *s != ArchiveSection::Other)
            .collect();
        assert!(check_complete(&six, false).is_ok());
        assert!(check_complete(&ArchiveSection::ALL, true).is_ok());
        let err = check_complete(&six, true).expect_err("bureau requires section 7");
        assert_eq!(err.rule_id(), Some(&rules::R8_2));
        let err =
            check_complete(&[ArchiveSection::BasicDataAndHistory], false).expect_err("incomplete");
        assert!(err.to_string().contains("综合素质发展报告"));
    }

    #[test]
    fn r9_3_merger_and_dissolution_hand_archives_over() {
        assert_eq!(
            archive_recipient(&SchoolEvent::Merger {
                absorbing_school: "某中心小学".into()
            }),
            Ok("某中心小学".to_owned())
        );
        assert!(
            archive_recipient(&SchoolEvent::Dissolution {
                designated_unit: Some("区教育局档案室".into())
            })
            .is_ok()
        );
        let err = archive_recipient(&SchoolEvent::Dissolution {
            designated_unit: None,
        })
        .expect_err("no unit");
        assert_eq!(err.rule_id(), Some(&rules::R9_3));
        assert!(
            archive_recipient(&SchoolEvent::Merger {
                absorbing_school: " ".into()
            })
            .is_err()
        );
    }
}

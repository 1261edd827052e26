//! Rule ids of `regulation/RULES.md` (`R<article>.<n>`), one constant each, with a short
//! Chinese title. Code, tests and error messages name rules only through these constants.

use std::borrow::Cow;
use std::fmt;

/// A rule id such as `R13.5`.
#[derive(
    Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(transparent)]
pub struct RuleId(Cow<'static, str>);

impl RuleId {
    /// A rule id from a literal.
    pub const fn new(id: &'static str) -> Self {
        Self(Cow::Borrowed(id))
    }

    /// The catalogue's rule of that id (`"R13.5"`), if there is one.
    pub fn find(id: &str) -> Option<Self> {
        CATALOGUE
            .iter()
            .find(|(rule, _)| rule.as_str() == id)
            .map(|(rule, _)| rule.clone())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

macro_rules! rules {
    ($($name:ident = $id:literal : $title:literal;)*) => {
        $(
            #[doc = $title]
            pub const $name: RuleId = RuleId::new($id);
        )*
        /// Every rule of the catalogue with its Chinese title, in catalogue order.
        pub const CATALOGUE: &[(RuleId, &str)] = &[$(($name, $title)),*];
    };
}

rules! {
    R3_1 = "R3.1": "学籍不是入学、转学的前提条件";
    R4_1 = "R4.1": "主管教育行政部门每学期核查学籍变动";
    R5_1 = "R5.1": "学籍信息真实、准确、连续、完整";
    R6_1 = "R6.1": "一年级新生建立学籍，主管部门核准";
    R6_2 = "R6.2": "缓学：学年开始前申请，附县级及以上医疗单位证明，期限一学年";
    R6_3 = "R6.3": "须具备接收外国学生资格方可接收外国学生";
    R7_1 = "R7.1": "学籍号以身份证号为基础生成，一人一号，终身不变";
    R7_2 = "R7.2": "不得以虚假信息建立学籍，不得重复建立学籍";
    R7_3 = "R7.3": "籍随人走";
    R7_4 = "R7.4": "送教上门或特殊教育学校为重度残疾学生建立学籍";
    R7_5 = "R7.5": "非一年级无学籍学生须全国查重，通过后方可新建学籍";
    R8_1 = "R8.1": "入学之日起一个月内建立学籍档案";
    R8_2 = "R8.2": "学籍档案的七项内容";
    R9_1 = "R9.1": "转学、升学时档案随转，转出学校保留电子备份";
    R9_2 = "R9.2": "终止学业时学籍档案归档并永久保存";
    R9_3 = "R9.3": "学校合并、撤销时档案移交";
    R10_1 = "R10.1": "学籍变动及时维护";
    R11_1 = "R11.1": "基础信息变更：监护人申请，学校核对，主管部门核准";
    R11_2 = "R11.2": "姓名、身份证号为关键信息，核准后重新查重和身份比对";
    R12_1 = "R12.1": "一学年升一级";
    R12_2 = "R12.2": "跳级：不得升入毕业班，毕业班不得跳级";
    R12_3 = "R12.3": "留级：仅随班就读和特殊教育学校学生，毕业班不留级";
    R13_1 = "R13.1": "转学：转入、转出学校和双方主管部门核办";
    R13_2 = "R13.2": "转学一般在学期结束后至新学期开学初办理";
    R13_3 = "R13.3": "各方在10个工作日内完成学籍转接";
    R13_4 = "R13.4": "转学时不得变更就读年级";
    R13_5 = "R13.5": "休学期间不办理转学手续";
    R13_6 = "R13.6": "特殊教育学校与随班就读互转，学籍可转可留";
    R13_7 = "R13.7": "工读学校转学施教";
    R13_8 = "R13.8": "被采取刑事强制措施的未成年学生保留学籍";
    R14_1 = "R14.1": "休学：连续病假三个月以上或其他特殊原因，附证明";
    R14_2 = "R14.2": "责令休学";
    R14_3 = "R14.3": "休学期原则上一年，继续休学须重新申请";
    R15_1 = "R15.1": "复学：安排相应年级，报主管部门备案";
    R16_1 = "R16.1": "境外就读及回国接续学籍";
    R17_1 = "R17.1": "未满18周岁不予退学";
    R18_1 = "R18.1": "辍学及时书面报告，保留学籍";
    R18_2 = "R18.2": "随迁子女辍学，学期末档案转交户籍地";
    R19_1 = "R19.1": "学生死亡后10个工作日内注销学籍";
    R21_1 = "R21.1": "奖励记入成长档案";
    R22_1 = "R22.1": "处分仅警告、严重警告、记过，不得开除未成年学生";
    R22_2 = "R22.2": "处分程序：提出、告知听取意见、听证、校务会议决定、校长签署公布";
    R23_1 = "R23.1": "处分期限一般为六个月，可适当缩短";
    R23_2 = "R23.2": "处分期满解除处分并书面通知";
    R23_3 = "R23.3": "毕业时撤除全部处分记录";
    R24_1 = "R24.1": "完成九年义务教育发给《浙江省义务教育证书》";
    R25_1 = "R25.1": "毕业";
    R25_2 = "R25.2": "结业";
    R25_3 = "R25.3": "肄业";
    R26_1 = "R26.1": "证书编号同学籍辅号";
    R26_2 = "R26.2": "证书遗失不补发，可开具证明书";
    R27_1 = "R27.1": "外国学生写实性证明";
    R28_1 = "R28.1": "学籍管理员先培训后上岗，学年中途原则上不更换";
    R29_1 = "R29.1": "学校每学期复核学籍";
    R30_1 = "R30.1": "谁使用、谁负责：查询导出可追溯";
    R30_2 = "R30.2": "未经主管部门书面核准不得向外提供学籍信息";
    R30_3 = "R30.3": "账号与密码保护";
    R32_1 = "R32.1": "不为已接收学生建立学籍档案";
    R32_2 = "R32.2": "以虚假信息建立学籍或学籍档案";
    R32_3 = "R32.3": "不及时把学籍变动信息纳入学籍档案";
    R32_4 = "R32.4": "不及时报告学生辍学情况";
    R32_5 = "R32.5": "接收学生不为其办理转学手续";
    R32_6 = "R32.6": "不按规定为学生转接学籍档案";
    R32_7 = "R32.7": "泄露或非法使用学生学籍信息";
    R32_8 = "R32.8": "违反本办法规定的其他行为";
}

/// The Chinese title of a rule id, if it is in the catalogue.
pub fn title(rule: &RuleId) -> Option<&'static str> {
    CATALOGUE
        .iter()
        .find(|(id, _)| id == rule)
        .map(|(_, title)| *title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_ids_are_unique_and_well_formed() {
        let mut seen = std::collections::BTreeSet::new();
        for (id, title) in CATALOGUE {
            assert!(seen.insert(id.clone()), "duplicate {id}");
            assert!(id.as_str().starts_with('R') && id.as_str().contains('.'));
            assert!(!title.is_empty());
        }
        assert_eq!(CATALOGUE.len(), 65);
        assert_eq!(title(&R13_5), Some("休学期间不办理转学手续"));
        assert_eq!(title(&RuleId::new("R99.9")), None);
    }
}

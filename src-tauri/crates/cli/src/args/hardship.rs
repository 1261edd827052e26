//! `xueji hardship …`: the arguments of the hardship assessment (家庭经济困难学生认定) and aid.

use std::path::PathBuf;

use clap::{ArgGroup, Subcommand};
use xueji_app::hardship::HardshipLevel;
use xueji_domain::school::Semester;

/// The statuses `hardship list --status` takes (as the list shows them).
pub const STATUSES: [&str; 7] = [
    "applied",
    "class_assessed",
    "in_notice",
    "objection_pending",
    "effective",
    "expired",
    "not_recognised",
];

const LEVELS: [(&str, HardshipLevel); 4] = [
    ("special", HardshipLevel::Special),
    ("hardship", HardshipLevel::Hardship),
    ("ordinary", HardshipLevel::Ordinary),
    ("not_recognised", HardshipLevel::NotRecognised),
];

#[derive(Debug, Subcommand)]
pub enum HardshipCommand {
    /// 列出一个学年的认定（默认本学年）
    List {
        /// 学年（起始年份，如 2026 表示 2026—2027 学年；默认本学年）
        #[arg(long)]
        year: Option<i32>,
        /// 状态：applied、class_assessed、in_notice、objection_pending、effective、expired、not_recognised；可重复
        #[arg(long = "status", value_parser = status)]
        statuses: Vec<String>,
        /// 认定等级：special、hardship、ordinary、not_recognised
        #[arg(long, value_parser = level)]
        level: Option<HardshipLevel>,
        /// 年级（1–9）
        #[arg(long)]
        grade: Option<u8>,
        /// 班级
        #[arg(long)]
        class: Option<String>,
        /// 学生（学籍号、身份证件号或学生编号）
        #[arg(long)]
        student: Option<String>,
        #[arg(long, default_value_t = 1)]
        page: u32,
        #[arg(long, default_value_t = 50)]
        page_size: u32,
    },
    /// 查看一项认定：申请、班级评议、学校认定、公示、异议与资助
    Show {
        /// 认定编号
        id: i64,
    },
    /// 登记监护人的认定申请（JSON 文件，字段同桌面程序的申请表）
    Apply {
        /// 学生（学籍号、身份证件号或学生编号）；省略时取文件中的 studentId
        #[arg(long)]
        student: Option<String>,
        /// 申请 JSON 文件（字段同桌面程序的申请表：guardianName、members、householdSize、factors、groups、reason …）
        #[arg(long, value_name = "FILE")]
        from: PathBuf,
        /// 申请日期（YYYY-MM-DD，默认今天；给出时取代文件中的 appliedOn）
        #[arg(long)]
        on: Option<String>,
    },
    /// 记录班级评议（认定小组意见和建议等级）
    Assess {
        /// 认定编号
        id: i64,
        /// 建议等级：special、hardship、ordinary、not_recognised
        #[arg(long, value_parser = level)]
        result: HardshipLevel,
        /// 班级认定小组意见
        #[arg(long)]
        note: String,
        /// 评议日期（YYYY-MM-DD，默认今天）
        #[arg(long)]
        on: Option<String>,
    },
    /// 学校认定（学校审核人）：认定等级后开始公示；not_recognised 则办结
    Decide {
        /// 认定编号
        id: i64,
        /// 认定等级：special、hardship、ordinary、not_recognised
        #[arg(long, value_parser = level)]
        level: HardshipLevel,
        /// 认定意见
        #[arg(long)]
        note: Option<String>,
        /// 认定日期（YYYY-MM-DD，默认今天）
        #[arg(long)]
        on: Option<String>,
        /// 公示开始日期（YYYY-MM-DD，默认认定当天，非工作日顺延）
        #[arg(long)]
        notice_from: Option<String>,
    },
    /// 登记公示期内提出的异议
    Object {
        /// 认定编号
        id: i64,
        /// 异议内容
        #[arg(long)]
        content: String,
        /// 提出人（默认匿名）
        #[arg(long, default_value = "")]
        by: String,
        /// 提出日期（YYYY-MM-DD，默认今天；须在公示期内）
        #[arg(long)]
        on: Option<String>,
    },
    /// 学校处理异议（学校审核人；必须写明 --sustain 或 --dismiss）
    #[command(group(ArgGroup::new("ruling").required(true).args(["sustain", "dismiss"])))]
    ObjectionDecide {
        /// 认定编号
        id: i64,
        /// 异议序号（从 1 开始，见 hardship show）
        #[arg(long)]
        number: u32,
        /// 异议成立：原认定作废，学校重新认定
        #[arg(long)]
        sustain: bool,
        /// 异议不成立：公示继续
        #[arg(long)]
        dismiss: bool,
        /// 处理意见
        #[arg(long)]
        note: String,
    },
    /// 按学期登记资助（认定生效后，在其学年内）
    Aid {
        /// 认定编号
        id: i64,
        /// 学期：first（第一学期）、second（第二学期）
        #[arg(long, value_parser = semester)]
        semester: Semester,
        /// 资助项目，如 生活补助
        #[arg(long)]
        kind: String,
        /// 金额（元，最多两位小数），如 1250 或 1250.50
        #[arg(long)]
        amount: String,
        /// 发放日期（YYYY-MM-DD，默认今天）
        #[arg(long)]
        on: Option<String>,
        /// 备注
        #[arg(long)]
        note: Option<String>,
    },
    /// 打印家庭经济困难学生认定申请表（PDF）
    Form {
        /// 认定编号
        id: i64,
        /// 输出的 PDF 文件
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

fn status(s: &str) -> Result<String, String> {
    STATUSES
        .iter()
        .find(|v| **v == s)
        .map(|v| (*v).to_owned())
        .ok_or_else(|| format!("未知的状态 {s}，可用：{}", STATUSES.join("、")))
}

fn level(s: &str) -> Result<HardshipLevel, String> {
    LEVELS
        .iter()
        .find(|(code, _)| *code == s)
        .map(|(_, l)| *l)
        .ok_or_else(|| {
            let valid: Vec<&str> = LEVELS.iter().map(|(code, _)| *code).collect();
            format!("未知的认定等级 {s}，可用：{}", valid.join("、"))
        })
}

fn semester(s: &str) -> Result<Semester, String> {
    match s {
        "first" => Ok(Semester::First),
        "second" => Ok(Semester::Second),
        _ => Err(format!("未知的学期 {s}，可用：first、second")),
    }
}

//! `xueji settings …` and `xueji audit list`: the 设置 page and the audit log viewer.

use chrono::NaiveDate;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum SettingsCommand {
    /// 查看设置：学校信息、适用的规则版本、学期、工作日历、空闲锁定、资助公示期、备份计划
    Show,
    /// 修改学校信息与安全设置：只改给出的项；--dry-run 只显示将修改什么
    Set(Box<SettingsSetArgs>),
    /// 设置一个学期的开学和结束日期（该学期已设置则替换），--remove 删除该学期
    Term {
        /// 学年的起始年份（2026 表示 2026—2027 学年）
        #[arg(long)]
        school_year: i32,
        /// 学期：first（第一学期）或 second（第二学期）
        #[arg(long, value_parser = semester)]
        semester: xueji_domain::school::Semester,
        /// 开学日期 YYYY-MM-DD
        #[arg(long, required_unless_present = "remove")]
        start: Option<NaiveDate>,
        /// 学期结束日期 YYYY-MM-DD
        #[arg(long, required_unless_present = "remove")]
        end: Option<NaiveDate>,
        /// 删除该学期
        #[arg(long, conflicts_with_all = ["start", "end"])]
        remove: bool,
    },
    /// 更改适用的规则版本（学校审核人；须写明理由，如主管教育行政部门的通知）
    RuleProfile {
        /// 规则版本：zhejiang-2017 或 national-2025（见 settings show）
        profile: String,
        /// 理由
        #[arg(long)]
        reason: String,
    },
}

/// The settings `settings set` may change; each one left out stays as it is.
#[derive(Debug, Default, clap::Args)]
pub struct SettingsSetArgs {
    /// 学校标识码
    #[arg(long)]
    pub school_code: Option<String>,
    /// 主管教育行政部门，如 杭州市西湖区教育局
    #[arg(long)]
    pub county_bureau: Option<String>,
    /// 乡镇人民政府（街道办事处）
    #[arg(long)]
    pub township: Option<String>,
    /// 毕业年级，逗号分隔，如 6 或 6,9
    #[arg(long, value_delimiter = ',', num_args = 1..)]
    pub graduating_grades: Option<Vec<u8>>,
    /// 具有招收外籍学生资质（第六条）：true 或 false
    #[arg(long)]
    pub may_admit_foreign: Option<bool>,
    /// 开展送教上门（第七条）：true 或 false
    #[arg(long)]
    pub home_teaching: Option<bool>,
    /// 空闲多少分钟后锁定（1–60，第三十条）
    #[arg(long, value_name = "MINUTES")]
    pub idle_lock: Option<u32>,
    /// 家庭经济困难认定的公示期（工作日）
    #[arg(long, value_name = "DAYS")]
    pub hardship_notice_days: Option<u32>,
    /// 只显示将修改什么，不保存
    #[arg(long)]
    pub dry_run: bool,
}

/// `audit list`'s filters.
#[derive(Debug, clap::Args)]
pub struct AuditListArgs {
    /// 操作用户名
    #[arg(long)]
    pub user: Option<String>,
    /// 操作类型（如 change_decide、print；可用的见 audit actions）
    #[arg(long, value_parser = audit_action)]
    pub action: Option<xueji_domain::AuditAction>,
    /// 起始日期 YYYY-MM-DD（含，UTC）
    #[arg(long)]
    pub from: Option<NaiveDate>,
    /// 截止日期 YYYY-MM-DD（含，UTC）
    #[arg(long)]
    pub to: Option<NaiveDate>,
    /// 只列记录了这个学生的条目（学籍号、身份证件号或学生编号）
    #[arg(long)]
    pub student: Option<String>,
    #[arg(long, default_value_t = 1)]
    pub page: u32,
    #[arg(long, default_value_t = 50)]
    pub page_size: u32,
}

/// An audit action code; an unknown one names the valid ones.
fn audit_action(s: &str) -> Result<xueji_domain::AuditAction, String> {
    use xueji_domain::AuditAction;
    AuditAction::from_code(s).ok_or_else(|| {
        let valid: Vec<&str> = AuditAction::ALL.iter().map(|a| a.code()).collect();
        format!("未知的操作类型 {s}，可用：{}", valid.join("、"))
    })
}

/// `first` or `second`.
fn semester(s: &str) -> Result<xueji_domain::school::Semester, String> {
    use xueji_domain::school::Semester;
    match s {
        "first" => Ok(Semester::First),
        "second" => Ok(Semester::Second),
        _ => Err(format!("未知的学期 {s}，可用：first、second")),
    }
}

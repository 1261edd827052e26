//! Command-line arguments.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

mod admin;
mod approval;
mod change;
mod hardship;
mod help;
mod print;
pub use admin::{AuditListArgs, SettingsCommand, SettingsSetArgs};
pub use approval::ApprovalArgs;
pub use change::{AppealCommand, ChangeCommand, ProofCommand};
pub use hardship::HardshipCommand;
pub use help::command;
pub use print::{PrintArgs, PrintCommand};

#[derive(Debug, Parser)]
#[command(
    name = "xueji",
    version,
    about = "学籍管理 XueJi 命令行：备份、导入、批量打印与校验。",
    long_about = None
)]
pub struct Cli {
    /// 数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// 以 JSON 输出结果
    #[arg(long, global = true)]
    pub json: bool,
    /// 操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行
    #[arg(long, global = true, value_name = "USER")]
    pub user: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// 创建加密数据库（管理员密码从标准输入读取两次），只显示一次恢复码
    Init {
        /// 学校名称
        #[arg(long)]
        school_name: String,
        /// 学校类型：小学、初中、九年一贯制、特殊教育
        #[arg(long)]
        school_kind: String,
        /// 管理员用户名
        #[arg(long)]
        admin: String,
    },
    /// 用恢复码（从标准输入读取）解锁数据库，并把密钥重新存入钥匙串；
    /// 新电脑上加 --from-backup FILE：用备份文件和当时的恢复码重建数据文件夹
    Recover {
        /// 备份文件（新电脑、数据文件夹为空时）
        #[arg(long, value_name = "FILE")]
        from_backup: Option<PathBuf>,
    },
    /// 备份
    #[command(subcommand)]
    Backup(BackupCommand),
    /// 审计日志
    #[command(subcommand)]
    Audit(AuditCommand),
    /// 数据库
    #[command(subcommand)]
    Db(DbCommand),
    /// 打印文书：xueji print <种类> --student <学籍号> --out FILE；样张：xueji print sample
    Print(Box<PrintArgs>),
    /// 年末升级（R12.1）：先用 --dry-run 查看例外名单
    Promote {
        /// 升入的学年（起始年份，如 2026 表示 2026—2027 学年）
        #[arg(long)]
        into: i32,
        /// 只预览，不写入
        #[arg(long)]
        dry_run: bool,
    },
    /// 毕业（R25）：按成绩结果计算毕业、结业、肄业；先用 --dry-run 预览
    Graduate {
        /// 毕业年级（6 或 9）
        #[arg(long)]
        grade: u8,
        /// 成绩结果 JSON 文件：[{"student": "学籍号", "programmeCompleted": true, "overallQualityPassed": true, "failedSubjectsAfterMakeup": 0, "auxNumber": "…"}]（student 也可写学生编号 studentId）
        #[arg(long, value_name = "FILE")]
        results: PathBuf,
        /// 毕业日期（YYYY-MM-DD，默认今天）
        #[arg(long)]
        on: Option<String>,
        /// 主管教育行政部门核准文号
        #[arg(long)]
        reference: Option<String>,
        /// 只预览，不写入
        #[arg(long)]
        dry_run: bool,
    },
    /// 学生：登记、查看、查询、修改
    #[command(subcommand)]
    Student(Box<StudentCommand>),
    /// 账户：新增、停用、启用、列表
    #[command(subcommand)]
    User(UserCommand),
    /// 学籍变动：提交申请、记录审批、列表、查看
    #[command(subcommand)]
    Change(Box<ChangeCommand>),
    /// 导入：学生名单 Excel（默认只检查；--commit 在没有问题时写入）
    #[command(subcommand)]
    Import(ImportCommand),
    /// 导出 Excel（须填写主管教育行政部门的批准文号和用途，记入审计日志）
    Export(Box<ExportArgs>),
    /// 学籍档案包：转学包、全校档案包、随迁子女辍学档案移交包（签名并加密，籍随人走）
    #[command(subcommand)]
    Package(PackageCommand),
    /// 本校公钥与信任学校
    #[command(subcommand)]
    Keys(KeysCommand),
    /// 工作日历：国务院节假日安排通知（未载入的年份按法定节假日暂定计算）
    #[command(subcommand)]
    Calendar(CalendarCommand),
    /// 文书发放登记：查看、作废、登记发放
    #[command(subcommand)]
    Document(DocumentCommand),
    /// 家庭经济困难学生认定与资助：申请、评议、认定、异议、资助、打印认定表
    #[command(subcommand)]
    Hardship(Box<HardshipCommand>),
    /// 设置：学校信息、规则版本、学期、空闲锁定、资助公示期
    #[command(subcommand)]
    Settings(Box<SettingsCommand>),
    /// 待办：等待本校办理的申请和未完成的期限，按到期日排序（工作日）
    Todo {
        /// 只列已逾期的
        #[arg(long)]
        overdue: bool,
    },
    /// 期限：未完成的法定期限（建档、辍学报告、注销 …），按到期日排序（工作日）
    Deadlines {
        /// 只列已逾期的
        #[arg(long)]
        overdue: bool,
    },
    /// 合规检查（第三十二条）：逾期未办、档案不全等问题，及应去哪里处理
    Findings,
    /// 输出 shell 补全脚本（bash、zsh、fish），如 xueji completions bash > /etc/bash_completion.d/xueji
    Completions {
        /// shell：bash、zsh 或 fish
        #[arg(value_enum)]
        shell: ShellArg,
    },
    /// 输出 man 手册页（roff），如 xueji man > xueji.1
    Man,
    /// 输出 JSON 输入文件与 --json 输出的 JSON Schema，如 xueji schema change-submit
    Schema {
        /// 名称（见 --list）
        #[arg(required_unless_present = "list")]
        name: Option<String>,
        /// 列出全部
        #[arg(long, conflicts_with = "name")]
        list: bool,
    },
}

/// The shells `xueji completions` writes for.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ShellArg {
    Bash,
    Zsh,
    Fish,
}

#[derive(Debug, Subcommand)]
pub enum DocumentCommand {
    /// 列出已打印的文书（编号、种类、学生、作废与发放情况）
    List {
        /// 文书种类（certificate、record_card、completion_proof …）
        #[arg(long, value_parser = print_kind)]
        kind: Option<xueji_domain::PrintKind>,
        /// 学生（学籍号、身份证件号或学生编号）
        #[arg(long)]
        student: Option<String>,
        /// 打印年份
        #[arg(long)]
        year: Option<i32>,
        /// 也列出已作废的
        #[arg(long)]
        include_voided: bool,
        #[arg(long, default_value_t = 1)]
        page: u32,
        #[arg(long, default_value_t = 50)]
        page_size: u32,
    },
    /// 作废一份文书（须写明原因；证书只能在发放前因印错作废，第二十六条）
    Void {
        /// 文书编号（如 2026-CERT-000001）
        serial: String,
        /// 作废原因
        #[arg(long)]
        reason: String,
    },
    /// 登记证书或证明书已发放（发放后证书不再作废、重印，第二十六条）
    HandOut {
        /// 文书编号
        serial: String,
        /// 发放日期（YYYY-MM-DD，默认今天）
        #[arg(long)]
        on: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum CalendarCommand {
    /// 显示已载入的通知和暂定计算的年份
    Show,
    /// 载入通知：文件为国务院办公厅通知的原文（《国务院办公厅关于20XX年部分节假日安排的通知》）；
    /// 同名通知被替换，未完成的期限按新日历重新计算
    Load {
        /// 通知原文的文本文件（UTF-8）
        #[arg(long, value_name = "FILE")]
        from: PathBuf,
        /// 只读取并显示放假、上班日期，不保存
        #[arg(long)]
        dry_run: bool,
    },
    /// 删除本校载入的某年通知（该年重新按法定节假日暂定计算，或恢复软件自带的通知）
    Remove {
        /// 年份
        year: i32,
        /// 只删除这一份通知（通知名称）；省略时删除该年全部
        #[arg(long)]
        title: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// 导入学生名单（.xlsx 第一个工作表，中文表头）
    Students {
        /// 学生名单 Excel 文件
        file: PathBuf,
        /// 检查无误后写入（一个事务；有任何问题则不写入）
        #[arg(long)]
        commit: bool,
        /// 把检查报告（问题单元格标红）另存为 .xlsx
        #[arg(long, value_name = "OUT.xlsx")]
        report: Option<PathBuf>,
    },
}

/// What `xueji export` writes.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ExportKindArg {
    /// 班级花名册（每班一个工作表）
    Roster,
    /// 全国查重名单（第七条；候选学生名单用 --candidates 给出）
    DuplicateCheck,
    /// 学籍统计表
    Statistics,
    /// 学籍变动清单
    Changes,
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// 导出内容
    #[arg(value_enum)]
    pub kind: ExportKindArg,
    #[command(flatten)]
    pub approval: ApprovalArgs,
    /// 用途
    #[arg(long)]
    pub purpose: String,
    /// 输出的 .xlsx 文件
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// 花名册：只导出该年级（1–9）
    #[arg(long)]
    pub grade: Option<i32>,
    /// 花名册：只导出该班级，如 2班
    #[arg(long = "class")]
    pub class_name: Option<String>,
    /// 变动清单：起始日期 YYYY-MM-DD
    #[arg(long)]
    pub from: Option<chrono::NaiveDate>,
    /// 变动清单：截止日期 YYYY-MM-DD
    #[arg(long)]
    pub to: Option<chrono::NaiveDate>,
    /// 查重名单：候选学生名单 Excel（学生名单模板）
    #[arg(long, value_name = "FILE")]
    pub candidates: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum PackageCommand {
    /// 为转出已办结的学生生成转学包
    Create {
        /// 学生（学籍号、身份证件号或学生编号）
        #[arg(long)]
        student: String,
        /// 接收学校的信任编号（见 keys trust）
        #[arg(long)]
        to: i64,
        /// 输出文件
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// 全校学籍档案包：学校合并或撤销时整体移交（第九条）
    SchoolArchive {
        /// 接收单位的信任编号（见 keys trust）
        #[arg(long)]
        to: i64,
        /// 输出文件
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        #[command(flatten)]
        approval: ApprovalArgs,
    },
    /// 学期末移交随迁子女辍学学籍档案到户籍所在地（第十八条）
    Handover {
        /// 接收单位的信任编号（见 keys trust）
        #[arg(long)]
        to: i64,
        /// 输出文件
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// 解密、验证并查看转学包内容
    Inspect {
        /// 转学包文件
        file: PathBuf,
    },
    /// 验证后导入转学包，学生在原年级续读
    Import {
        /// 转学包文件
        file: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum KeysCommand {
    /// 显示本校公钥文本（交给其他学校）
    Show,
    /// 信任另一所学校的公钥文本
    Trust {
        /// 对方的公钥文本 xueji1:…
        text: String,
        /// 对方学校名称
        #[arg(long)]
        name: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum StudentCommand {
    /// 登记新生（一年级）或经全国查重的非一年级学生
    Add(Box<StudentAddArgs>),
    /// 查看一个学生的学籍档案
    Show {
        /// 学籍号、身份证件号或学生编号
        student: String,
    },
    /// 查询学生（姓名、拼音首字母、身份证件号、学籍号）
    Search {
        /// 查询内容；省略则列出全部
        query: Option<String>,
        /// 年级（1–9）
        #[arg(long)]
        grade: Option<u8>,
        /// 班级
        #[arg(long)]
        class: Option<String>,
        /// 学籍状态（enrolled、on_leave …），可重复
        #[arg(long, value_parser = status_code)]
        status: Vec<String>,
        /// 包括已归档（毕业、转出等）学生
        #[arg(long)]
        all: bool,
        #[arg(long, default_value_t = 1)]
        page: u32,
        #[arg(long, default_value_t = 20)]
        page_size: u32,
    },
    /// 修改日常信息（现住址、班级、随迁子女、留守儿童、孤儿）
    Edit {
        /// 学籍号、身份证件号或学生编号
        student: String,
        /// 字段=值，如 current_address=杭州市…；可重复
        #[arg(long = "set", value_name = "FIELD=VALUE", required = true)]
        set: Vec<String>,
    },
}

#[derive(Debug, clap::Args)]
pub struct StudentAddArgs {
    /// 从 JSON 文件读取完整的登记信息（字段同桌面程序的登记表）
    #[arg(long, value_name = "FILE", conflicts_with_all = ["name", "id_number"])]
    pub from: Option<PathBuf>,
    /// 姓名
    #[arg(long, required_unless_present = "from")]
    pub name: Option<String>,
    /// 居民身份证号
    #[arg(long, required_unless_present = "from")]
    pub id_number: Option<String>,
    /// 年级（1–9）
    #[arg(long, default_value_t = 1)]
    pub grade: u8,
    /// 班级
    #[arg(long)]
    pub class: Option<String>,
    /// 入学日期（YYYY-MM-DD，默认今天）
    #[arg(long)]
    pub entry_date: Option<String>,
    /// 非一年级无学籍学生的全国查重结果：passed、failed、not_done
    #[arg(long)]
    pub national_check: Option<String>,
    #[arg(long, default_value = "汉族")]
    pub ethnicity: String,
    #[arg(long, default_value = "非农业户口")]
    pub hukou_kind: String,
    /// 户口所在地
    #[arg(long, default_value = "")]
    pub hukou_address: String,
    /// 现住址
    #[arg(long, default_value = "")]
    pub current_address: String,
    /// 监护人姓名
    #[arg(long)]
    pub guardian: Option<String>,
    /// 监护人与学生关系
    #[arg(long, default_value = "父亲")]
    pub guardian_relation: String,
    /// 监护人电话
    #[arg(long)]
    pub guardian_phone: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// 新增账户（新账户的密码取自 XUEJI_NEW_PASSWORD，否则从标准输入读下一行）
    Add {
        /// 用户名
        username: String,
        /// 姓名
        #[arg(long)]
        name: String,
        /// 角色：registrar（学籍管理员）、approver（学校审核人）、moral_education（德育处）、read_only（只读查询）
        #[arg(long)]
        role: String,
    },
    /// 停用账户
    Lock { username: String },
    /// 启用账户并解除密码错误锁定
    Unlock { username: String },
    /// 列出账户
    List,
}

#[derive(Debug, Subcommand)]
pub enum BackupCommand {
    /// 在线创建加密备份
    Create {
        /// 备份文件（不得已存在）
        #[arg(long, value_name = "FILE")]
        to: PathBuf,
    },
    /// 校验后从备份恢复（当前数据库先另存）
    Restore {
        /// 备份文件
        #[arg(long, value_name = "FILE")]
        from: PathBuf,
    },
    /// 校验备份文件（完整性、加密页校验、审计链）
    Verify {
        /// 备份文件
        file: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// 校验审计日志哈希链
    Verify,
    /// 查看审计日志（最新的在前），可按用户、操作、日期、学生筛选
    List(AuditListArgs),
    /// 列出审计日志的操作类型及其中文名称
    Actions,
}

#[derive(Debug, Subcommand)]
pub enum DbCommand {
    /// 结构版本、加密版本与各表行数（不含个人信息）
    Info,
}

fn print_kind(s: &str) -> Result<xueji_domain::PrintKind, String> {
    use xueji_domain::PrintKind;
    let code = |k: &PrintKind| {
        serde_json::to_value(k)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    };
    PrintKind::ALL
        .iter()
        .find(|k| code(k) == s)
        .copied()
        .ok_or_else(|| {
            let valid: Vec<String> = PrintKind::ALL.iter().map(code).collect();
            format!("未知的文书种类 {s}，可用：{}", valid.join("、"))
        })
}

/// A 学籍状态 code (`enrolled`, `on_leave` …): an unknown one is a usage error naming the valid
/// ones, never an empty list (issue 18).
fn status_code(s: &str) -> Result<String, String> {
    let codes: Vec<String> = xueji_domain::Status::ALL
        .iter()
        .filter_map(|v| serde_json::to_value(v).ok()?.as_str().map(str::to_owned))
        .collect();
    if codes.iter().any(|c| c == s) {
        Ok(s.to_owned())
    } else {
        Err(format!("未知的学籍状态 {s}，可用：{}", codes.join("、")))
    }
}

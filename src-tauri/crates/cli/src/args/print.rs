//! `xueji print`: documents from the database, and `print sample`.

use std::path::PathBuf;

use clap::Subcommand;

use super::ApprovalArgs;

#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct PrintArgs {
    #[command(subcommand)]
    pub sample: Option<PrintCommand>,
    /// 文书种类：record_card、roster、certificate、completion_proof、leave_form …
    pub kind: Option<String>,
    /// 学生（学籍号、身份证件号或学生编号）；可重复
    #[arg(long)]
    pub student: Vec<String>,
    /// 按年级选学生
    #[arg(long)]
    pub grade: Option<u8>,
    /// 按班级选学生
    #[arg(long)]
    pub class: Option<String>,
    /// 输出的 PDF 文件
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// 打印全校（不选学生、年级或班级）须经主管教育行政部门书面核准（第三十条）
    #[command(flatten)]
    pub approval: ApprovalArgs,
}

#[derive(Debug, Subcommand)]
pub enum PrintCommand {
    /// 用内置示例数据生成文书样张（不需要数据库），用于预览每一种模板
    Sample {
        /// 列出全部文书种类
        #[arg(long, conflicts_with_all = ["kind", "out"])]
        list: bool,
        /// 文书种类（见 --list）
        #[arg(long, required_unless_present = "list")]
        kind: Option<String>,
        /// 输出的 PDF 文件
        #[arg(long, value_name = "FILE", required_unless_present = "list")]
        out: Option<PathBuf>,
    },
}

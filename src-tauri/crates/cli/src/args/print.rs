//! `xueji print`: documents from the database, and `print sample`. Both take the same kinds,
//! spelt as the register of issued documents stores them (`record_card`); `--list` on both.

use std::path::PathBuf;

use clap::Subcommand;

use super::ApprovalArgs;

#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct PrintArgs {
    #[command(subcommand)]
    pub sample: Option<PrintCommand>,
    /// 文书种类：record_card、roster、certificate、completion_proof、leave_form …（见 --list）
    #[arg(required_unless_present = "list")]
    pub kind: Option<String>,
    /// 列出全部文书种类
    #[arg(long, conflicts_with_all = ["kind", "out"])]
    pub list: bool,
    /// 学生（学籍号、身份证件号或学生编号）；可重复
    #[arg(long)]
    pub student: Vec<String>,
    /// 按年级选学生
    #[arg(long)]
    pub grade: Option<u8>,
    /// 按班级选学生
    #[arg(long)]
    pub class: Option<String>,
    /// 移交清单的接收方：升入的初中，或户籍所在地县级教育行政部门
    #[arg(long)]
    pub receiver: Option<String>,
    /// 输出的 PDF 文件
    #[arg(long, value_name = "FILE", required_unless_present = "list")]
    pub out: Option<PathBuf>,
    /// 打印全校（不选学生、年级或班级）须经主管教育行政部门书面核准（第三十条）
    #[command(flatten)]
    pub approval: ApprovalArgs,
}

#[derive(Debug, Subcommand)]
pub enum PrintCommand {
    /// 用内置示例数据生成文书样张（不需要数据库），用于预览每一种模板
    Sample {
        /// 列出全部文书种类（与 xueji print --list 相同）
        #[arg(long, conflicts_with_all = ["kind", "out", "variant"])]
        list: bool,
        /// 文书种类（见 --list）
        #[arg(long, required_unless_present = "list")]
        kind: Option<String>,
        /// 同一种类的另一份样张：record_card 的 graduated、certificate 的 batch
        #[arg(long)]
        variant: Option<String>,
        /// 输出的 PDF 文件
        #[arg(long, value_name = "FILE", required_unless_present = "list")]
        out: Option<PathBuf>,
    },
}

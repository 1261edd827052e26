//! Command-line arguments.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

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
    /// 用恢复码（从标准输入读取）解锁数据库，并把密钥重新存入钥匙串
    Recover,
    /// 备份
    #[command(subcommand)]
    Backup(BackupCommand),
    /// 审计日志
    #[command(subcommand)]
    Audit(AuditCommand),
    /// 数据库
    #[command(subcommand)]
    Db(DbCommand),
    /// 打印文书
    #[command(subcommand)]
    Print(PrintCommand),
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
}

#[derive(Debug, Subcommand)]
pub enum DbCommand {
    /// 结构版本、加密版本与各表行数（不含个人信息）
    Info,
}

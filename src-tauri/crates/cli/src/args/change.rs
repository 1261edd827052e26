//! `xueji change …`: applications, their decisions, appeals and proofs.

use std::path::PathBuf;

use clap::{ArgGroup, Subcommand};

#[derive(Debug, Subcommand)]
pub enum ChangeCommand {
    /// 提交学籍变动申请（无需审批的变动立即生效）
    Submit {
        /// 学生（学籍号、身份证件号或学生编号）；转入申请省略
        #[arg(long)]
        student: Option<String>,
        /// 变动内容 JSON 文件：{"change": {"type": "leave", …}, "effectiveOn": "2025-10-08", "note": …}
        #[arg(long, value_name = "FILE")]
        from: PathBuf,
        /// 证明材料：种类=文件，如 written_application=申请书.pdf；可重复
        #[arg(long = "proof", value_name = "KIND=FILE")]
        proofs: Vec<String>,
    },
    /// 记录一个审批环节的决定（必须写明 --approve、--reject 或 --skip 其中之一）
    #[command(group(ArgGroup::new("decision").required(true).args(["approve", "reject", "skip"])))]
    Decide {
        /// 申请编号
        application: i64,
        /// 环节序号（从 0 开始，见 change show）
        #[arg(long)]
        step: u32,
        /// 同意
        #[arg(long)]
        approve: bool,
        /// 不同意，并说明理由
        #[arg(long, value_name = "REASON")]
        reject: Option<String>,
        /// 跳过可选环节（如未申请听证）
        #[arg(long)]
        skip: bool,
        /// 决定日期（YYYY-MM-DD，默认今天）
        #[arg(long)]
        on: Option<String>,
        /// 文号
        #[arg(long)]
        reference: Option<String>,
        /// 决定文书扫描件，或审批时补交的证明材料（同时给出 --proof-kind）
        #[arg(long, value_name = "FILE")]
        proof: Option<PathBuf>,
        /// --proof 是哪一种证明材料（如 household_register）；省略则为决定文书
        #[arg(long, value_name = "KIND", value_parser = proof_kind, requires = "proof")]
        proof_kind: Option<xueji_app::changes::ProofKind>,
    },
    /// 列出申请
    List {
        /// 学生（学籍号、身份证件号或学生编号）
        #[arg(long)]
        student: Option<String>,
        /// 变动类型（leave、transfer_out、transfer_in …）
        #[arg(long, value_parser = application_kind)]
        kind: Option<xueji_domain::ApplicationKind>,
        /// 状态：open、approved、rejected、withdrawn、applied
        #[arg(long, value_parser = application_state)]
        state: Option<xueji_store::entities::application::ApplicationState>,
        /// 只列逾期未办的（R13.3）
        #[arg(long)]
        overdue: bool,
        #[arg(long, default_value_t = 1)]
        page: u32,
        #[arg(long, default_value_t = 50)]
        page_size: u32,
    },
    /// 查看一项申请的各环节与材料
    Show {
        /// 申请编号
        application: i64,
    },
    /// 撤回尚未办结的申请（须写明原因），之后可重新申请
    Withdraw {
        /// 申请编号
        application: i64,
        /// 撤回原因
        #[arg(long)]
        reason: String,
    },
    /// 处分决定的申诉（第二十二条）：登记申诉、登记教育局的复查决定
    #[command(subcommand)]
    Appeal(AppealCommand),
    /// 证明材料：给办理中的申请补交材料
    #[command(subcommand)]
    Proof(ProofCommand),
}

#[derive(Debug, Subcommand)]
pub enum AppealCommand {
    /// 登记学生或家长对处分决定的申诉（R22.2）
    File {
        /// 处分申请的编号
        application: i64,
        /// 申诉理由
        #[arg(long)]
        grounds: String,
        /// 申诉日期（YYYY-MM-DD，默认今天）
        #[arg(long)]
        on: Option<chrono::NaiveDate>,
    },
    /// 登记主管教育行政部门对申诉的复查决定：--upheld 维持处分，--revoked 撤销处分
    #[command(group(ArgGroup::new("outcome").required(true).args(["upheld", "revoked"])))]
    Decide {
        /// 处分申请的编号
        application: i64,
        /// 维持处分
        #[arg(long)]
        upheld: bool,
        /// 撤销处分（处分自决定之日起撤销）
        #[arg(long)]
        revoked: bool,
        /// 决定日期（YYYY-MM-DD，默认今天）
        #[arg(long)]
        on: Option<chrono::NaiveDate>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ProofCommand {
    /// 给办理中的申请补交一份证明材料（PDF、JPG、PNG，不超过 20MB）
    Add {
        /// 申请编号
        application: i64,
        /// 材料种类，如 household_register（户籍证明）、written_application（书面申请）
        #[arg(long, value_parser = proof_kind)]
        kind: xueji_app::changes::ProofKind,
        /// 材料文件
        file: PathBuf,
    },
}

/// An application state as the store spells it; an unknown one is a usage error naming the
/// valid values.
fn application_kind(s: &str) -> Result<xueji_domain::ApplicationKind, String> {
    use xueji_domain::{ApplicationKind, ChangeKind};
    let all: Vec<ApplicationKind> = ChangeKind::ALL
        .into_iter()
        .map(ApplicationKind::from)
        .chain([ApplicationKind::TRANSFER_IN])
        .collect();
    all.iter().copied().find(|k| k.code() == s).ok_or_else(|| {
        let valid: Vec<&str> = all.iter().map(|k| k.code()).collect();
        format!("未知的变动类型 {s}，可用：{}", valid.join("、"))
    })
}

fn application_state(
    s: &str,
) -> Result<xueji_store::entities::application::ApplicationState, String> {
    use xueji_store::entities::application::ApplicationState as State;
    State::ALL
        .into_iter()
        .find(|v| v.as_str() == s)
        .ok_or_else(|| {
            let valid: Vec<&str> = State::ALL.iter().map(|v| v.as_str()).collect();
            format!("未知的状态 {s}，可用：{}", valid.join("、"))
        })
}

/// A proof kind (`household_register` …): an unknown one names the valid ones.
fn proof_kind(s: &str) -> Result<xueji_app::changes::ProofKind, String> {
    use xueji_app::changes::ProofKind;
    let code = |k: &ProofKind| xueji_app::views::snake(k);
    ProofKind::ALL
        .iter()
        .find(|k| code(k) == s)
        .copied()
        .ok_or_else(|| {
            let valid: Vec<String> = ProofKind::ALL.iter().map(code).collect();
            format!("未知的证明材料种类 {s}，可用：{}", valid.join("、"))
        })
}

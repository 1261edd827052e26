//! The bureau's written approval as command-line options (R30.2).

/// The bureau's written approval of personal data provided outside the school (R30.2).
#[derive(Debug, Default, clap::Args)]
pub struct ApprovalArgs {
    /// 主管教育行政部门书面核准的批准文号，如 西教籍〔2026〕5号（第三十条；统计表和报送教育局的查重名单无需）
    #[arg(long, default_value = "")]
    pub approval_ref: String,
    /// 核准日期（批准文件的落款日期）YYYY-MM-DD
    #[arg(long)]
    pub approved_on: Option<chrono::NaiveDate>,
}

impl From<ApprovalArgs> for xueji_app::disclosure::ApprovalInput {
    fn from(a: ApprovalArgs) -> Self {
        Self {
            approval_ref: a.approval_ref,
            approved_on: a.approved_on,
        }
    }
}

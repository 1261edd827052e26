//! Changing the rule profile in force (which law's numbers the checks use and which law refusals
//! cite): the school approver's decision, with a reason, audited with both profiles. The
//! registrar's settings form cannot change it.

use sea_orm::TransactionTrait;
use xueji_domain::AuditAction;
use xueji_domain::profile::RuleProfile;

use crate::app::App;
use crate::audit;
use crate::auth::{Permission, Session};
use crate::error::{AppError, Result};
use crate::settings::{self, SchoolProfile};

/// The longest reason kept.
const REASON_MAX_CHARS: usize = 200;

/// The approver's change of the rule profile.
#[derive(Clone, Debug, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RuleProfileChangeInput {
    /// `zhejiang-2017` or `national-2025`.
    pub profile: String,
    /// Why (e.g. the bureau's notice that the national rules now apply).
    pub reason: String,
}

impl App {
    /// Puts `input.profile` in force: the approver's step, with the reason; audited as
    /// `rule_profile_change` with both profiles and the reason.
    pub async fn rule_profile_change(
        &self,
        session: &Session,
        input: &RuleProfileChangeInput,
    ) -> Result<SchoolProfile> {
        self.authorize(session, Permission::DecideSchoolSteps)
            .await?;
        let Some(wanted) = RuleProfile::by_id(input.profile.trim()) else {
            return Err(AppError::validation("profile", "未知的规则版本"));
        };
        let reason = input.reason.trim();
        if reason.is_empty() {
            return Err(AppError::validation(
                "reason",
                "请说明更改规则版本的理由（如主管教育行政部门的通知）",
            ));
        }
        if reason.chars().count() > REASON_MAX_CHARS {
            return Err(AppError::validation(
                "reason",
                format!("理由不超过 {REASON_MAX_CHARS} 个字"),
            ));
        }
        let mut school = self.config().school_profile.clone();
        let from = school.rule_profile.clone();
        if from == wanted.id {
            return Err(AppError::validation(
                "profile",
                format!("本校已适用《{}》", wanted.name),
            ));
        }
        school.rule_profile = wanted.id.clone();
        let txn = self.db().begin().await?;
        settings::put(&txn, settings::SCHOOL_PROFILE, &school).await?;
        audit::append(
            &txn,
            &session.username,
            AuditAction::RuleProfileChange,
            &format!("from:{from} to:{} reason:{reason}", wanted.id),
        )
        .await?;
        txn.commit().await?;
        self.reload_config().await?;
        Ok(self.config().school_profile.clone())
    }
}

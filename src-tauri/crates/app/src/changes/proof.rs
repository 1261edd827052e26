//! Adding a proof to an application in progress: the 户籍证明 or the written application that
//! came after the application was filed, so a missing required proof can be supplied without a
//! step's decision.

use sea_orm::TransactionTrait;
use xueji_domain::AuditAction;

use super::{ApplicationView, ProofAddInput};
use crate::app::App;
use crate::audit;
use crate::auth::{Permission, Session};
use crate::error::{AppError, Result};

impl App {
    /// Stores the proof with the application and counts it toward the proofs the change needs;
    /// refused once the application is over (decided, rejected or withdrawn).
    pub async fn change_proof_add(
        &self,
        session: &Session,
        input: &ProofAddInput,
    ) -> Result<ApplicationView> {
        self.authorize(session, Permission::SubmitChanges).await?;
        let Some(kind) = input.proof.kind else {
            return Err(AppError::validation("kind", "请说明这是哪一种证明材料"));
        };
        let upload = super::decode_upload(&input.proof)?;
        let (a, mut w, details) = super::load(self.db(), input.application_id).await?;
        w.add_proof(kind)?;
        let today = self.today();
        let config = self.config();
        let actor = session.username.as_str();
        let txn = self.db().begin().await?;
        let file = super::save_upload(&txn, actor, a.student_id, a.id, &upload, self.now()).await?;
        let a = super::save_progress(&txn, &a, &w, &details, &config.calendar, today).await?;
        audit::append(
            &txn,
            actor,
            AuditAction::ChangeProofAdd,
            &format!(
                "application:{} attachment:{} {}",
                a.id,
                file.id,
                crate::views::snake(&kind)
            ),
        )
        .await?;
        let view = super::build_view(&txn, &config.calendar, today, &a, &w, &details).await?;
        txn.commit().await?;
        Ok(view)
    }
}

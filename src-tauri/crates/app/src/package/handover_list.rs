//! The printed hand-over lists (升学 R9.1, 随迁子女辍学 R18.2): numbered, logged and audited like
//! every document; where the receiver has no XueJi the signed list is the hand-over itself, so
//! each record not yet handed over gets its hand-over event after the list is printed.

use sea_orm::TransactionTrait;
use xueji_domain::PrintKind;
use xueji_store::entities::student;
use xueji_store::repo::events;

use super::create::HANDED_OVER;
use super::format::PackageKind;
use crate::app::App;
use crate::audit;
use crate::auth::Session;
use crate::documents::{PrintedView, load_students};
use crate::error::Result;

impl App {
    /// Prints the list of the `package` hand-over of `ids` to `receiver` and records the
    /// hand-over of those not yet handed over. `to` words the event (升入学校 for 升学).
    pub(super) async fn print_handover_list(
        &self,
        session: &Session,
        package: PackageKind,
        ids: &[i64],
        receiver: &str,
        to: &str,
    ) -> Result<PrintedView> {
        let kind = match package {
            PackageKind::Progression => PrintKind::ProgressionHandoverList,
            _ => PrintKind::MigrantHandoverList,
        };
        let loaded = load_students(self.db(), ids).await?;
        let target = format!(
            "students:{}",
            ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
        );
        let printed = self
            .print_students(
                session,
                kind,
                &loaded,
                &target,
                Some(receiver),
                xueji_print::documents::certificate::PrintMode::default(),
                &mut |_, _| {},
            )
            .await?;
        let handed = events::of_students_of_kind(self.db(), ids.to_vec(), HANDED_OVER).await?;
        let fresh: Vec<&student::Model> = loaded
            .iter()
            .map(|d| &d.row)
            .filter(|s| !handed.iter().any(|e| e.student_id == s.id))
            .collect();
        let summary = format!(
            "学籍档案已移交{to}{receiver}（移交清单 {}）",
            printed
                .serials
                .first()
                .map(String::as_str)
                .unwrap_or_default()
        );
        let txn = self.db().begin().await?;
        self.record_hand_over(&txn, session, package, &fresh, &summary)
            .await?;
        audit::append(
            &txn,
            &session.username,
            package.audit_action(),
            &format!("{target} list:{}", printed.serials.join(",")),
        )
        .await?;
        txn.commit().await?;
        Ok(printed)
    }
}

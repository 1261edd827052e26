//! The registrar register (R28.1): each registrar with the training date; trained before duty;
//! a change in the middle of a school year warns.

use chrono::NaiveDate;
use sea_orm::TransactionTrait;
use xueji_domain::AuditAction;
use xueji_domain::registrar::{self, Registrar};
use xueji_store::entities::registrar as row;
use xueji_store::repo::registrars;

use crate::app::App;
use crate::audit;
use crate::auth::role::Permission;
use crate::auth::session::Session;
use crate::error::Result;
use crate::views::WarningView;

/// A registrar to record.
#[derive(Clone, Debug, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RegistrarInput {
    pub name: String,
    pub username: Option<String>,
    pub trained_on: Option<NaiveDate>,
    pub on_duty_from: NaiveDate,
}

/// One entry of the register.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RegistrarView {
    pub id: i64,
    pub name: String,
    pub username: Option<String>,
    pub trained_on: NaiveDate,
    pub on_duty_from: NaiveDate,
    pub on_duty_until: Option<NaiveDate>,
}

/// The result of an appointment: the register entry and any warning (R28.1).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AppointmentView {
    pub registrar: RegistrarView,
    pub warnings: Vec<WarningView>,
}

fn view(m: &row::Model) -> RegistrarView {
    RegistrarView {
        id: m.id,
        name: m.name.clone(),
        username: m.username.clone(),
        trained_on: m.trained_on,
        on_duty_from: m.on_duty_from,
        on_duty_until: m.on_duty_until,
    }
}

impl App {
    /// Appoints a registrar; the one on duty leaves duty the day before.
    pub async fn registrar_appoint(
        &self,
        session: &Session,
        input: &RegistrarInput,
    ) -> Result<AppointmentView> {
        self.authorize(session, Permission::ManageUsers).await?;
        let current = registrars::on_duty(self.db()).await?;
        let new = Registrar {
            name: input.name.trim().to_owned(),
            trained_on: input.trained_on,
            on_duty_from: input.on_duty_from,
        };
        let previous = current.as_ref().map(|c| Registrar {
            name: c.name.clone(),
            trained_on: Some(c.trained_on),
            on_duty_from: c.on_duty_from,
        });
        let warnings = registrar::check_appointment(&new, previous.as_ref())?;
        let trained_on = new.trained_on.unwrap_or(new.on_duty_from);
        let txn = self.db().begin().await?;
        if let Some(c) = current {
            registrars::end_duty(&txn, c, input.on_duty_from.pred_opt()).await?;
        }
        let row = row::Model {
            id: 0,
            name: new.name.clone(),
            username: input.username.clone().filter(|u| !u.trim().is_empty()),
            trained_on,
            on_duty_from: new.on_duty_from,
            on_duty_until: None,
            created_at: self.now(),
            created_by: session.username.clone(),
        };
        let saved = registrars::insert(&txn, row).await?;
        audit::append(
            &txn,
            &session.username,
            AuditAction::RegistrarAppoint,
            &format!("registrar:{}", saved.id),
        )
        .await?;
        txn.commit().await?;
        Ok(AppointmentView {
            registrar: view(&saved),
            warnings: warnings.iter().map(WarningView::from).collect(),
        })
    }

    /// The register, newest first.
    pub async fn registrar_list(&self, session: &Session) -> Result<Vec<RegistrarView>> {
        self.authorize(session, Permission::ViewStudents).await?;
        Ok(registrars::all(self.db()).await?.iter().map(view).collect())
    }
}

//! The logged-in user: who, which role, when last active, whether locked.

use std::sync::Mutex;

use chrono::{DateTime, Utc};

use crate::auth::role::{Permission, Role};

/// A logged-in user. The desktop keeps one; the CLI makes one per command.
#[derive(Debug)]
pub struct Session {
    pub user_id: i64,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub(crate) last_active: Mutex<DateTime<Utc>>,
    pub(crate) locked: Mutex<bool>,
}

/// Who is logged in, for the UI.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SessionView {
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub role_label: String,
    pub permissions: Vec<Permission>,
    pub idle_lock_minutes: u32,
}

impl Session {
    pub fn view(&self, idle_lock_minutes: u32) -> SessionView {
        SessionView {
            username: self.username.clone(),
            display_name: self.display_name.clone(),
            role: self.role,
            role_label: self.role.label_zh().to_owned(),
            permissions: Permission::ALL
                .into_iter()
                .filter(|p| self.role.may(*p))
                .collect(),
            idle_lock_minutes,
        }
    }

    pub fn is_locked(&self) -> bool {
        *self
            .locked
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub(crate) fn set_locked(&self, locked: bool) {
        *self
            .locked
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = locked;
    }

    pub(crate) fn last_active(&self) -> DateTime<Utc> {
        *self
            .last_active
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub(crate) fn touch(&self, now: DateTime<Utc>) {
        *self
            .last_active
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = now;
    }
}

//! Accounts, roles, sessions and the registrar register (R28.1, R30.1, R30.3).

pub mod accounts;
mod login;
pub mod registrars;
pub mod role;
pub mod session;

pub use accounts::{NewUserInput, UserView};
pub use registrars::{AppointmentView, RegistrarInput, RegistrarView};
pub use role::{Permission, Role};
pub use session::{Session, SessionView};

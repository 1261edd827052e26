//! Tauri commands: thin, one use case each, named `<area>_<verb>`.
//!
//! Tauri hands `State` and inputs to commands by value, and every command returns
//! `Result<_, IpcError>` so the generated bindings have one shape: hence the two allowances.
#![allow(clippy::needless_pass_by_value, clippy::unnecessary_wraps)]

pub mod app;

//! Tauri commands: thin, one use case each, named `<area>_<verb>`.

pub mod app;

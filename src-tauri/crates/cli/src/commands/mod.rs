//! One file per command group; each opens what it needs and prints its result.

pub mod audit;
pub mod backup;
pub mod batch;
pub mod calendar;
pub mod change;
pub mod dashboard;
pub mod db;
pub mod document;
pub mod export;
pub mod hardship;
pub mod import;
pub mod init;
pub mod manual;
pub mod package;
pub mod print;
pub mod recover;
pub mod session;
pub mod settings;
pub mod student;
pub mod user;

use xueji_store::{DataDir, KeyStore, OpenOptions, Store};

use crate::error::Result;

/// What every command gets.
pub struct Ctx {
    pub data: DataDir,
    pub keys: KeyStore,
    pub json: bool,
    /// `--user`, for commands that act as a named user.
    pub user: Option<String>,
}

/// Opens the store (the CLI takes no automatic daily backup; the app does).
pub async fn open(ctx: &Ctx) -> Result<Store> {
    let opts = OpenOptions::default();
    Ok(Store::open(ctx.data.clone(), ctx.keys.clone(), opts).await?)
}

/// Reads a file named on the command line, refusing one over `kind`'s size cap before reading it.
pub(crate) fn read_picked(
    path: &std::path::Path,
    kind: xueji_app::picked_file::PickedKind,
) -> Result<Vec<u8>> {
    match xueji_app::picked_file::read_at_most(path, kind) {
        Ok(Some(bytes)) => Ok(bytes),
        Ok(None) => Err(kind.too_large("file").into()),
        Err(source) => Err(crate::error::CliError::Read {
            path: path.display().to_string(),
            source,
        }),
    }
}

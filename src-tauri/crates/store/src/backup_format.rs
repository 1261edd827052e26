//! The backup file (issue 15, disaster recovery): a short plain header, then the SQLCipher copy.
//!
//! ```text
//! "XueJi backup v1\n" (16 bytes) | header length, u32 LE | header JSON | SQLCipher database
//! ```
//!
//! The header carries the key's fingerprint and the recovery file of the moment (the database key
//! wrapped by the recovery code, which is safe to keep in the clear), so a backup alone and the
//! recovery code open the data on a new computer, after the old disk is gone. Files without the
//! magic are the plain SQLCipher copies of earlier versions; they still restore with the key.

use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Result, StoreError};
use crate::fsutil::{create_private, sibling};
use crate::key::DbKey;
use crate::recovery::RecoveryFile;

const MAGIC: &[u8; 16] = b"XueJi backup v1\n";
const FORMAT: &str = "xueji-backup";
/// A real header is under 1 KiB; anything longer is not ours (and is never allocated).
const MAX_HEADER: u32 = 64 * 1024;

/// What the plain header of a backup says.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct BackupHeader {
    format: String,
    version: u32,
    /// Fingerprint of the key the copy is encrypted with.
    pub key_fingerprint: String,
    /// The key wrapped by the recovery code, when the data folder had its recovery file.
    pub recovery: Option<RecoveryFile>,
}

impl BackupHeader {
    /// The header for a copy encrypted with `key`; `recovery` only when it wraps that key.
    pub(crate) fn new(key: &DbKey, recovery: Option<RecoveryFile>) -> Self {
        let fingerprint = key.fingerprint();
        Self {
            format: FORMAT.to_owned(),
            version: 1,
            recovery: recovery.filter(|r| r.key_fingerprint == fingerprint),
            key_fingerprint: fingerprint,
        }
    }
}

/// Writes `header` and then the SQLCipher file `db` into the new file `target` (owner-only).
pub(crate) fn pack(header: &BackupHeader, db: &Path, target: &Path) -> Result<()> {
    let json = serde_json::to_vec(header).map_err(|e| StoreError::Invalid(e.to_string()))?;
    let len = u32::try_from(json.len())
        .ok()
        .filter(|l| *l <= MAX_HEADER)
        .ok_or_else(|| StoreError::Invalid("备份文件头过长".to_owned()))?;
    let mut out = create_private(target)?;
    let mut input = File::open(db).map_err(|e| StoreError::io(db, e))?;
    let written = (|| {
        out.write_all(MAGIC)?;
        out.write_all(&len.to_le_bytes())?;
        out.write_all(&json)?;
        std::io::copy(&mut input, &mut out)?;
        out.sync_all()
    })();
    written.map_err(|e| StoreError::io(target, e))
}

/// The header of `path` and where the database starts, or `None` for a plain SQLCipher copy.
pub fn read_header(path: &Path) -> Result<Option<BackupHeader>> {
    Ok(open_body(path)?.0)
}

/// Opens `path` positioned at the database bytes, with the header when there is one.
fn open_body(path: &Path) -> Result<(Option<BackupHeader>, File)> {
    let invalid = |reason: &str| StoreError::BackupInvalid {
        reason: reason.to_owned(),
    };
    let mut file = File::open(path).map_err(|e| StoreError::io(path, e))?;
    let mut magic = [0u8; 16];
    let read = read_up_to(&mut file, &mut magic).map_err(|e| StoreError::io(path, e))?;
    if read < magic.len() || &magic != MAGIC {
        let plain = File::open(path).map_err(|e| StoreError::io(path, e))?;
        return Ok((None, plain));
    }
    let mut len = [0u8; 4];
    file.read_exact(&mut len)
        .map_err(|_| invalid("备份文件头不完整"))?;
    let len = u32::from_le_bytes(len);
    if len > MAX_HEADER {
        return Err(invalid("备份文件头长度异常"));
    }
    let mut json = vec![0u8; len as usize];
    file.read_exact(&mut json)
        .map_err(|_| invalid("备份文件头不完整"))?;
    let header: BackupHeader =
        serde_json::from_slice(&json).map_err(|_| invalid("备份文件头已损坏"))?;
    if header.format != FORMAT || header.version != 1 {
        return Err(invalid("不支持的备份文件版本"));
    }
    Ok((Some(header), file))
}

fn read_up_to(file: &mut File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match file.read(&mut buf[filled..])? {
            0 => break,
            n => filled += n,
        }
    }
    Ok(filled)
}

/// Copies the database inside the backup `from` to the new file `to` (owner-only, synced) and
/// returns the header. A plain copy is copied whole.
/// Whether a file without the backup header could still be a database: SQLCipher writes whole
/// pages (512 bytes at the least), so text or a truncated copy cannot be one.
pub fn could_be_database(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.len() > 0 && m.len() % 512 == 0)
}

pub fn unpack(from: &Path, to: &Path) -> Result<Option<BackupHeader>> {
    let (header, mut body) = open_body(from)?;
    let mut out = create_private(to)?;
    let copied = std::io::copy(&mut body, &mut out).and_then(|_| out.sync_all());
    if let Err(e) = copied {
        drop(out);
        let _ = std::fs::remove_file(to);
        return Err(StoreError::io(to, e));
    }
    Ok(header)
}

/// A file removed when dropped (the unpacked database of a backup being checked).
pub(crate) struct Scratch(pub(crate) PathBuf);

impl Scratch {
    /// A fresh name in the system's temporary folder.
    pub(crate) fn in_temp() -> Self {
        use chacha20poly1305::aead::OsRng;
        use chacha20poly1305::aead::rand_core::RngCore;
        let tag = OsRng.next_u64();
        Self(std::env::temp_dir().join(format!("xueji-check-{tag:016x}.db")))
    }

    /// `<path>.<suffix>`, beside the file it will become.
    pub(crate) fn beside(path: &Path, suffix: &str) -> Self {
        Self(sibling(path, suffix))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        for path in std::iter::once(self.0.clone()).chain(crate::paths::companions(&self.0)) {
            let _ = std::fs::remove_file(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recovery::RecoveryCode;

    #[test]
    fn a_packed_backup_unpacks_to_the_same_bytes_and_keeps_the_wrapped_key() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("raw.db");
        let body: Vec<u8> = (0..10_000u32).map(|i| (i % 251) as u8).collect();
        std::fs::write(&db, &body).expect("write raw");
        let key = DbKey::generate();
        let code = RecoveryCode::generate();
        let wrapped = RecoveryFile::wrap(&key, &code).expect("wrap");
        let packed = dir.path().join("b.db");
        pack(&BackupHeader::new(&key, Some(wrapped)), &db, &packed).expect("pack");
        let back = dir.path().join("back.db");
        let header = unpack(&packed, &back)
            .expect("unpack")
            .expect("has a header");
        assert_eq!(std::fs::read(&back).expect("read"), body);
        assert_eq!(header.key_fingerprint, key.fingerprint());
        let recovery = header.recovery.expect("carries the wrapped key");
        assert_eq!(recovery.unwrap_key(&code, &packed).expect("unwraps"), key);
        let text = std::fs::read(&packed).expect("read packed");
        let hex = key.to_hex();
        assert!(
            !text.windows(hex.len()).any(|w| w == hex.as_bytes()),
            "the key itself is never in the header"
        );
    }

    #[test]
    fn a_recovery_file_of_another_key_is_not_carried() {
        let key = DbKey::generate();
        let other = RecoveryFile::wrap(&DbKey::generate(), &RecoveryCode::generate()).expect("w");
        assert!(BackupHeader::new(&key, Some(other)).recovery.is_none());
    }

    #[test]
    fn plain_copies_have_no_header_and_lying_headers_are_refused_without_allocating() {
        let dir = tempfile::tempdir().expect("temp dir");
        let plain = dir.path().join("plain.db");
        std::fs::write(&plain, b"SQLite format 3\0rest").expect("write");
        assert!(read_header(&plain).expect("reads").is_none());
        let huge = dir.path().join("huge.db");
        let mut bytes = MAGIC.to_vec();
        bytes.extend_from_slice(&u32::MAX.to_le_bytes());
        std::fs::write(&huge, bytes).expect("write");
        assert!(matches!(
            read_header(&huge),
            Err(StoreError::BackupInvalid { .. })
        ));
    }
}

//! The audit anchor: the chain's last sealed row (seq, hash), kept outside the database in a file
//! of the data folder and signed with the audit key. A database whose chain was cut off, wiped,
//! recomputed or swapped for an older copy no longer reaches the anchor. The anchor also remembers
//! the heads of the last backups, so a swapped-in backup is named as such.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::audit_mac::AuditKey;
use crate::error::{Result, StoreError};
use crate::fsutil::write_atomic;

/// How many backup heads the anchor remembers.
const KEEP_BACKUPS: usize = 100;

/// The head of the audit chain of a backup taken from this database.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct BackupHead {
    pub seq: i64,
    pub hash: String,
    /// When the backup was taken (RFC 3339 UTC).
    pub at: String,
}

/// The anchor file's content.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Anchor {
    pub version: u32,
    pub seq: i64,
    pub hash: String,
    #[serde(default)]
    pub backups: Vec<BackupHead>,
    pub mac: String,
}

/// What reading the anchor file found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum AnchorRead {
    /// No anchor file.
    Missing,
    /// A file that does not parse or whose MAC does not match the audit key.
    Forged,
    Found(Anchor),
}

impl Anchor {
    fn signed(key: &AuditKey, seq: i64, hash: &str, backups: Vec<BackupHead>) -> Self {
        let mut anchor = Self {
            version: 1,
            seq,
            hash: hash.to_owned(),
            backups,
            mac: String::new(),
        };
        anchor.mac = anchor.expected_mac(key);
        anchor
    }

    fn expected_mac(&self, key: &AuditKey) -> String {
        let seq = self.seq.to_le_bytes();
        let mut fields: Vec<Vec<u8>> = vec![
            self.version.to_le_bytes().to_vec(),
            seq.to_vec(),
            self.hash.as_bytes().to_vec(),
        ];
        for b in &self.backups {
            fields.push(b.seq.to_le_bytes().to_vec());
            fields.push(b.hash.as_bytes().to_vec());
            fields.push(b.at.as_bytes().to_vec());
        }
        let refs: Vec<&[u8]> = fields.iter().map(Vec::as_slice).collect();
        key.fields_mac(b"xueji audit anchor", &refs)
    }

    /// The backup whose chain ended at (seq, hash), if one was taken.
    pub(crate) fn backup_with_head(&self, seq: i64, hash: &str) -> Option<&BackupHead> {
        self.backups
            .iter()
            .rev()
            .find(|b| b.seq == seq && b.hash == hash)
    }
}

/// Reads and checks the anchor file.
pub(crate) fn read(path: &Path, key: &AuditKey) -> Result<AnchorRead> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(AnchorRead::Missing),
        Err(e) if e.kind() == std::io::ErrorKind::InvalidData => return Ok(AnchorRead::Forged),
        Err(e) => return Err(StoreError::io(path, e)),
    };
    let Ok(anchor) = serde_json::from_str::<Anchor>(&text) else {
        return Ok(AnchorRead::Forged);
    };
    if anchor.version != 1 || anchor.mac != anchor.expected_mac(key) {
        return Ok(AnchorRead::Forged);
    }
    Ok(AnchorRead::Found(anchor))
}

/// Writes the anchor (seq, hash), keeping `backups` (the most recent [`KEEP_BACKUPS`]).
pub(crate) fn write(
    path: &Path,
    key: &AuditKey,
    seq: i64,
    hash: &str,
    mut backups: Vec<BackupHead>,
) -> Result<()> {
    if backups.len() > KEEP_BACKUPS {
        backups.drain(..backups.len() - KEEP_BACKUPS);
    }
    let anchor = Anchor::signed(key, seq, hash, backups);
    let text =
        serde_json::to_string_pretty(&anchor).map_err(|e| StoreError::Invalid(e.to_string()))?;
    write_atomic(path, text.as_bytes(), true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::key::DbKey;

    #[test]
    fn an_anchor_reads_back_and_any_edit_or_other_key_is_forged() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("anchor.json");
        let key = AuditKey::derive(&DbKey::from_bytes([3; 32]));
        assert_eq!(read(&path, &key).expect("read"), AnchorRead::Missing);
        let backup = BackupHead {
            seq: 4,
            hash: "b".repeat(64),
            at: "2026-12-04T08:00:00Z".to_owned(),
        };
        write(&path, &key, 9, &"a".repeat(64), vec![backup.clone()]).expect("write");
        let AnchorRead::Found(anchor) = read(&path, &key).expect("read") else {
            panic!("anchor not found");
        };
        assert_eq!((anchor.seq, anchor.backups.len()), (9, 1));
        assert_eq!(anchor.backup_with_head(4, &backup.hash), Some(&backup));
        let other = AuditKey::derive(&DbKey::from_bytes([4; 32]));
        assert_eq!(read(&path, &other).expect("read"), AnchorRead::Forged);
        let text = std::fs::read_to_string(&path).expect("text");
        std::fs::write(&path, text.replace("\"seq\": 9", "\"seq\": 12")).expect("edit");
        assert_eq!(read(&path, &key).expect("read"), AnchorRead::Forged);
        std::fs::write(&path, "not json").expect("garbage");
        assert_eq!(read(&path, &key).expect("read"), AnchorRead::Forged);
    }
}

//! The audit key: an HMAC-SHA256 key derived from the database key, so it is never stored in the
//! database and whoever has only the file (or a row-level writer without the keyring secret)
//! cannot recompute a row's MAC or the anchor's. Rows are sealed with a MAC over their sequence
//! number and chained hash (which covers every field and the row before).

use hmac::{Hmac, Mac};
use sha2::Sha256;
use zeroize::Zeroize;

use crate::key::{DbKey, hex_encode};

type HmacSha256 = Hmac<Sha256>;

/// The key of the audit MACs.
pub(crate) struct AuditKey([u8; 32]);

impl AuditKey {
    /// `HMAC(database key, "xueji audit mac v1")`.
    pub(crate) fn derive(key: &DbKey) -> Self {
        let mut mac = new_mac(key.as_bytes());
        mac.update(b"xueji audit mac v1");
        Self(mac.finalize().into_bytes().into())
    }

    /// The MAC that seals row `seq` with chained hash `hash`.
    pub(crate) fn row_mac(&self, seq: i64, hash: &str) -> String {
        let mut mac = new_mac(&self.0);
        mac.update(b"row");
        mac.update(&seq.to_le_bytes());
        mac.update(hash.as_bytes());
        hex_encode(&mac.finalize().into_bytes())
    }

    /// The MAC of length-prefixed fields under a domain label.
    pub(crate) fn fields_mac(&self, label: &[u8], fields: &[&[u8]]) -> String {
        let mut mac = new_mac(&self.0);
        mac.update(label);
        for field in fields {
            mac.update(&(field.len() as u64).to_le_bytes());
            mac.update(field);
        }
        hex_encode(&mac.finalize().into_bytes())
    }
}

impl Drop for AuditKey {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl std::fmt::Debug for AuditKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AuditKey(…)")
    }
}

fn new_mac(key: &[u8]) -> HmacSha256 {
    // HMAC takes a key of any length; the error type exists only for the trait's sake.
    <HmacSha256 as Mac>::new_from_slice(key)
        .unwrap_or_else(|_| unreachable!("HMAC accepts any key length"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_audit_key_depends_on_the_database_key_and_seals_seq_and_hash() {
        let a = AuditKey::derive(&DbKey::from_bytes([1; 32]));
        let b = AuditKey::derive(&DbKey::from_bytes([2; 32]));
        assert_ne!(a.row_mac(1, "h"), b.row_mac(1, "h"));
        assert_ne!(a.row_mac(1, "h"), a.row_mac(2, "h"));
        assert_ne!(a.row_mac(1, "h"), a.row_mac(1, "g"));
        assert_eq!(a.row_mac(7, "h"), a.row_mac(7, "h"));
        assert_eq!(a.row_mac(7, "h").len(), 64);
        // Length prefixes: moving a byte from one field to the next changes the MAC.
        assert_ne!(
            a.fields_mac(b"x", &[b"ab", b"c"]),
            a.fields_mac(b"x", &[b"a", b"bc"])
        );
    }
}

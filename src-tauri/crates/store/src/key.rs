//! The database key: 32 random bytes, passed to SQLCipher as a raw key (`x'…'`), so no
//! passphrase KDF runs on every open. The bytes are wiped from memory when dropped.

use std::fmt;

use chacha20poly1305::aead::OsRng;
use chacha20poly1305::aead::rand_core::RngCore;
use sha2::{Digest, Sha256};
use zeroize::Zeroize;

use crate::error::{Result, StoreError};

/// Length of the raw SQLCipher key.
pub const KEY_LEN: usize = 32;

/// A 256-bit database key.
#[derive(Clone, PartialEq, Eq)]
pub struct DbKey([u8; KEY_LEN]);

impl DbKey {
    /// A fresh key from the OS random generator.
    pub fn generate() -> Self {
        let mut bytes = [0u8; KEY_LEN];
        OsRng.fill_bytes(&mut bytes);
        Self(bytes)
    }

    pub fn from_bytes(bytes: [u8; KEY_LEN]) -> Self {
        Self(bytes)
    }

    pub fn as_bytes(&self) -> &[u8; KEY_LEN] {
        &self.0
    }

    /// Lower-case hex, as kept in the keyring or the key file.
    pub fn to_hex(&self) -> String {
        hex_encode(&self.0)
    }

    /// Parses the 64 hex digits kept in the keyring or the key file (blanks around are ignored).
    pub fn from_hex(text: &str) -> Option<Self> {
        let text = text.trim();
        if text.len() != KEY_LEN * 2 {
            return None;
        }
        let mut bytes = [0u8; KEY_LEN];
        for (i, byte) in bytes.iter_mut().enumerate() {
            *byte = u8::from_str_radix(text.get(2 * i..2 * i + 2)?, 16).ok()?;
        }
        Some(Self(bytes))
    }

    /// The value of `PRAGMA key` / `PRAGMA rekey` for a raw key: `"x'<64 hex>'"`.
    pub(crate) fn pragma_literal(&self) -> String {
        format!("\"x'{}'\"", self.to_hex())
    }

    /// A public fingerprint of the key (not the key): tells a wrong key from a damaged file.
    pub fn fingerprint(&self) -> String {
        let mut h = Sha256::new();
        h.update(b"xueji-db-key-id-v1");
        h.update(self.0);
        hex_encode(&h.finalize()[..8])
    }
}

impl Drop for DbKey {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl fmt::Debug for DbKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DbKey({})", self.fingerprint())
    }
}

/// Lower-case hex of bytes.
pub(crate) fn hex_encode(bytes: &[u8]) -> String {
    use fmt::Write;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// Parses a hex key or reports the file it came from.
pub(crate) fn parse_key_text(text: &str, path: &std::path::Path) -> Result<DbKey> {
    DbKey::from_hex(text).ok_or_else(|| StoreError::BadKeyFile {
        path: path.to_path_buf(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trip_and_literal() {
        let k = DbKey::generate();
        let back = DbKey::from_hex(&k.to_hex()).expect("hex of a key parses");
        assert_eq!(k, back);
        let lit = k.pragma_literal();
        assert!(lit.starts_with("\"x'") && lit.ends_with("'\"") && lit.len() == 64 + 5);
        assert_ne!(DbKey::generate(), k, "two keys are different");
    }

    #[test]
    fn malformed_hex_is_refused() {
        assert!(DbKey::from_hex("abc").is_none());
        assert!(DbKey::from_hex(&"zz".repeat(32)).is_none());
        assert!(DbKey::from_hex(&"é".repeat(32)).is_none());
    }

    #[test]
    fn debug_never_shows_the_key() {
        let k = DbKey::generate();
        assert!(!format!("{k:?}").contains(&k.to_hex()));
    }
}

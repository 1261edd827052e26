//! The recovery code: shown once, it unwraps a copy of the database key kept in a small file
//! beside the database (Argon2id-derived key, ChaCha20-Poly1305), so a lost keyring entry or a
//! new computer never loses the data.

use std::path::Path;

use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::rand_core::RngCore;
use chacha20poly1305::aead::{Aead, KeyInit, OsRng, Payload};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use serde::{Deserialize, Serialize};
use zeroize::{Zeroize, Zeroizing};

use crate::error::{Result, StoreError};
use crate::fsutil::write_atomic;
use crate::key::{DbKey, KEY_LEN, hex_encode};

/// Crockford base32: no I, L, O, U, so the code reads and types without confusion.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// 30 characters = 150 bits.
pub const CODE_CHARS: usize = 30;
const GROUP: usize = 5;
const AAD: &[u8] = b"xueji-recovery-v1";
const FORMAT: &str = "xueji-recovery";

/// Argon2id cost of unwrapping (once per recovery, never per open).
const M_KIB: u32 = 64 * 1024;
const T_COST: u32 = 3;
const P_COST: u32 = 1;

/// A recovery code, e.g. `7K3QD-…` (6 groups of 5). Wiped from memory when dropped.
#[derive(Clone, PartialEq, Eq)]
pub struct RecoveryCode(Zeroizing<String>);

impl RecoveryCode {
    /// A fresh random code.
    pub fn generate() -> Self {
        let mut raw = [0u8; CODE_CHARS];
        OsRng.fill_bytes(&mut raw);
        let code: String = raw
            .iter()
            .map(|b| char::from(ALPHABET[usize::from(b & 31)]))
            .collect();
        raw.zeroize();
        Self(Zeroizing::new(code))
    }

    /// Parses typed input: case, blanks and dashes ignored; I/L read as 1 and O as 0.
    pub fn parse(input: &str) -> Result<Self> {
        let mut code = String::with_capacity(CODE_CHARS);
        for c in input.chars() {
            let c = match c.to_ascii_uppercase() {
                ' ' | '-' | '\t' | '\r' | '\n' => continue,
                'I' | 'L' => '1',
                'O' => '0',
                other => other,
            };
            if !c.is_ascii() || !ALPHABET.contains(&(c as u8)) {
                return Err(StoreError::MalformedRecoveryCode);
            }
            code.push(c);
        }
        if code.len() != CODE_CHARS {
            return Err(StoreError::MalformedRecoveryCode);
        }
        Ok(Self(Zeroizing::new(code)))
    }

    /// The code in groups of five for display: `XXXXX-XXXXX-…`.
    pub fn grouped(&self) -> String {
        let chars: Vec<char> = self.0.chars().collect();
        chars
            .chunks(GROUP)
            .map(|g| g.iter().collect::<String>())
            .collect::<Vec<_>>()
            .join("-")
    }
}

impl std::fmt::Debug for RecoveryCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RecoveryCode(…)")
    }
}

/// The file beside the database.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct RecoveryFile {
    format: String,
    version: u32,
    kdf: String,
    m_kib: u32,
    t_cost: u32,
    p_cost: u32,
    salt: String,
    nonce: String,
    wrapped_key: String,
    /// Fingerprint of the wrapped key: tells a wrong key from a damaged database.
    pub key_fingerprint: String,
}

fn derive(code: &RecoveryCode, salt: &[u8], m: u32, t: u32, p: u32) -> Result<Zeroizing<[u8; 32]>> {
    let params = Params::new(m, t, p, Some(32)).map_err(|e| StoreError::Invalid(e.to_string()))?;
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
    let mut out = Zeroizing::new([0u8; 32]);
    argon
        .hash_password_into(code.0.as_bytes(), salt, out.as_mut())
        .map_err(|e| StoreError::Invalid(e.to_string()))?;
    Ok(out)
}

impl RecoveryFile {
    /// Wraps `key` with `code`.
    pub fn wrap(key: &DbKey, code: &RecoveryCode) -> Result<Self> {
        let mut salt = [0u8; 16];
        let mut nonce = [0u8; 12];
        OsRng.fill_bytes(&mut salt);
        OsRng.fill_bytes(&mut nonce);
        let kek = derive(code, &salt, M_KIB, T_COST, P_COST)?;
        let cipher = ChaCha20Poly1305::new(Key::from_slice(kek.as_ref()));
        let wrapped = cipher
            .encrypt(
                Nonce::from_slice(&nonce),
                Payload {
                    msg: key.as_bytes(),
                    aad: AAD,
                },
            )
            .map_err(|_| StoreError::Invalid("无法加密恢复文件".to_owned()))?;
        Ok(Self {
            format: FORMAT.to_owned(),
            version: 1,
            kdf: "argon2id".to_owned(),
            m_kib: M_KIB,
            t_cost: T_COST,
            p_cost: P_COST,
            salt: hex_encode(&salt),
            nonce: hex_encode(&nonce),
            wrapped_key: hex_encode(&wrapped),
            key_fingerprint: key.fingerprint(),
        })
    }

    /// Unwraps the key; `WrongRecoveryCode` when the code does not fit.
    pub fn unwrap_key(&self, code: &RecoveryCode, path: &Path) -> Result<DbKey> {
        let damaged = || StoreError::RecoveryFileDamaged {
            path: path.to_path_buf(),
        };
        if self.format != FORMAT || self.version != 1 || self.kdf != "argon2id" {
            return Err(damaged());
        }
        let salt = hex_decode(&self.salt).ok_or_else(damaged)?;
        let nonce = hex_decode(&self.nonce).ok_or_else(damaged)?;
        let wrapped = hex_decode(&self.wrapped_key).ok_or_else(damaged)?;
        if nonce.len() != 12 {
            return Err(damaged());
        }
        let kek = derive(code, &salt, self.m_kib, self.t_cost, self.p_cost)?;
        let cipher = ChaCha20Poly1305::new(Key::from_slice(kek.as_ref()));
        let plain = Zeroizing::new(
            cipher
                .decrypt(
                    Nonce::from_slice(&nonce),
                    Payload {
                        msg: &wrapped,
                        aad: AAD,
                    },
                )
                .map_err(|_| StoreError::WrongRecoveryCode)?,
        );
        let bytes: [u8; KEY_LEN] = plain.as_slice().try_into().map_err(|_| damaged())?;
        Ok(DbKey::from_bytes(bytes))
    }

    /// Reads the file; `RecoveryFileMissing` / `RecoveryFileDamaged` otherwise.
    pub fn read(path: &Path) -> Result<Self> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(StoreError::RecoveryFileMissing {
                    path: path.to_path_buf(),
                });
            }
            Err(e) => return Err(StoreError::io(path, e)),
        };
        serde_json::from_str(&text).map_err(|_| StoreError::RecoveryFileDamaged {
            path: path.to_path_buf(),
        })
    }

    /// Writes the file atomically (`replace` allows replacing an existing one).
    pub fn write(&self, path: &Path, replace: bool) -> Result<()> {
        let text =
            serde_json::to_string_pretty(self).map_err(|e| StoreError::Invalid(e.to_string()))?;
        write_atomic(path, text.as_bytes(), replace)
    }
}

fn hex_decode(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_is_thirty_base32_chars_in_groups() {
        let code = RecoveryCode::generate();
        let shown = code.grouped();
        assert_eq!(shown.len(), 35);
        assert_eq!(shown.split('-').count(), 6);
        assert_eq!(
            RecoveryCode::parse(&shown.to_lowercase()).expect("parses"),
            code
        );
        assert_ne!(RecoveryCode::generate(), code);
    }

    #[test]
    fn malformed_codes_are_refused() {
        assert!(matches!(
            RecoveryCode::parse("ABC"),
            Err(StoreError::MalformedRecoveryCode)
        ));
        assert!(matches!(
            RecoveryCode::parse(&"U".repeat(30)),
            Err(StoreError::MalformedRecoveryCode)
        ));
        assert!(matches!(
            RecoveryCode::parse(&"中".repeat(30)),
            Err(StoreError::MalformedRecoveryCode)
        ));
    }

    #[test]
    fn wrap_unwrap_and_wrong_code() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("r.json");
        let key = DbKey::generate();
        let code = RecoveryCode::generate();
        RecoveryFile::wrap(&key, &code)
            .expect("wrap")
            .write(&path, false)
            .expect("write");
        let file = RecoveryFile::read(&path).expect("read");
        assert_eq!(file.key_fingerprint, key.fingerprint());
        assert_eq!(file.unwrap_key(&code, &path).expect("unwrap"), key);
        let other = RecoveryCode::generate();
        assert!(matches!(
            file.unwrap_key(&other, &path),
            Err(StoreError::WrongRecoveryCode)
        ));
        let text = std::fs::read_to_string(&path).expect("read text");
        assert!(
            !text.contains(&key.to_hex()),
            "the key is never stored in clear"
        );
        std::fs::write(&path, "{").expect("write");
        assert!(matches!(
            RecoveryFile::read(&path),
            Err(StoreError::RecoveryFileDamaged { .. })
        ));
    }
}

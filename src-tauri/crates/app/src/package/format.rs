//! The package format: a JSON payload (the whole archive), signed over its exact bytes with the
//! sender's Ed25519 key, wrapped in a JSON envelope and encrypted with age to the receiver.

use std::io::{Read, Write};
use xueji_domain::AuditAction;
use xueji_domain::rules;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use chrono::{DateTime, Utc};
use ed25519_dalek::{Signature, Signer};
use xueji_store::entities::{
    application, application_step, archive_item, attachment, family_member, sanction, student,
    student_event,
};

use super::keys::{Own, PublicKeys, Trusted, verifying_key_of};
use crate::error::{AppError, Result};

/// The format's name and version, inside the signed payload.
pub const FORMAT: &str = "xueji-package-1";

/// An application with its steps.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub(crate) struct ApplicationEntry {
    pub application: application::Model,
    pub steps: Vec<application_step::Model>,
}

/// Why a package was made, which decides how the receiver imports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum PackageKind {
    /// One student whose transfer out is complete (R7.3, R9.1, R13.4): continues at the receiver.
    Transfer,
    /// Every record of a school that merges into another or is dissolved (R9.3).
    SchoolArchive,
    /// The semester-end hand-over of migrant children's dropout archives to the county of
    /// household registration (R18.2): kept there read-only.
    MigrantHandover,
    /// A 小学 graduating class's archives for the 初中 the pupils enter (R9.1): they continue
    /// there in grade 7.
    Progression,
}

impl PackageKind {
    pub fn label_zh(self) -> &'static str {
        match self {
            Self::Transfer => "转学包",
            Self::SchoolArchive => "全校学籍档案包",
            Self::MigrantHandover => "随迁子女辍学档案移交包",
            Self::Progression => "升学学籍档案包",
        }
    }

    pub(crate) fn rule(self) -> rules::RuleId {
        match self {
            Self::Transfer => rules::R13_4,
            Self::SchoolArchive => rules::R9_3,
            Self::MigrantHandover => rules::R18_2,
            Self::Progression => rules::R9_1,
        }
    }

    /// The audit action of making a package of this kind.
    pub(crate) fn audit_action(self) -> AuditAction {
        match self {
            Self::Transfer => AuditAction::PackageCreateTransfer,
            Self::SchoolArchive => AuditAction::PackageCreateSchoolArchive,
            Self::MigrantHandover => AuditAction::PackageCreateMigrantHandover,
            Self::Progression => AuditAction::PackageCreateProgression,
        }
    }
}

/// One student's whole archive: the record, family, history, applications, sanctions, archive
/// items and attachments (with their encrypted content).
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub(crate) struct StudentArchive {
    pub student: student::Model,
    pub family: Vec<family_member::Model>,
    pub events: Vec<student_event::Model>,
    pub applications: Vec<ApplicationEntry>,
    pub sanctions: Vec<sanction::Model>,
    pub archive_items: Vec<archive_item::Model>,
    pub attachments: Vec<attachment::Model>,
}

/// What is signed: the archives and who sends them to whom, and why.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub(crate) struct Payload {
    pub format: String,
    pub kind: PackageKind,
    pub sender: PublicKeys,
    pub receiver: PublicKeys,
    pub created_at: DateTime<Utc>,
    pub records: Vec<StudentArchive>,
}

/// The largest decrypted package accepted (the JSON envelope: the signed payload in base64 and
/// its signature). A whole school's archive with its scanned proofs stays well below.
pub const MAX_DECRYPTED_BYTES: u64 = 512 * 1024 * 1024;

/// The largest package file read: the decrypted cap plus age's overhead (a header, and 16 bytes
/// per 64 KiB chunk).
pub const MAX_PACKAGE_FILE_BYTES: u64 =
    MAX_DECRYPTED_BYTES + MAX_DECRYPTED_BYTES / 4096 + 64 * 1024;

/// A reader that fails once more than `left` bytes pass through it, and says so in `over`.
struct Capped<R> {
    inner: R,
    left: u64,
    over: bool,
}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        // One byte more than allowed is asked for, so reaching the cap exactly is not "over".
        let want = usize::try_from(self.left.saturating_add(1))
            .unwrap_or(usize::MAX)
            .min(buf.len());
        let n = self.inner.read(&mut buf[..want])?;
        let n64 = u64::try_from(n).unwrap_or(u64::MAX);
        if n64 > self.left {
            self.over = true;
            return Err(std::io::Error::other("package too large"));
        }
        self.left -= n64;
        Ok(n)
    }
}

/// What is encrypted: the payload bytes and their signature.
#[derive(serde::Serialize, serde::Deserialize)]
struct Envelope {
    /// The signer's Ed25519 verifying key, base64 (looked up among trusted schools).
    signer: String,
    /// The payload's exact bytes, base64.
    payload: String,
    /// Ed25519 signature over the payload bytes, base64.
    signature: String,
}

/// Serialises, signs and encrypts a payload for `receiver`.
pub(crate) fn seal(payload: &Payload, own: &Own, receiver: &PublicKeys) -> Result<Vec<u8>> {
    let bytes = serde_json::to_vec(payload)?;
    let signature = own.signing.sign(&bytes);
    let envelope = Envelope {
        signer: own.public.verifying_key.clone(),
        payload: B64.encode(&bytes),
        signature: B64.encode(signature.to_bytes()),
    };
    let plain = serde_json::to_vec(&envelope)?;
    let recipient = receiver
        .recipient
        .parse::<age::x25519::Recipient>()
        .map_err(|_| AppError::internal("接收学校的加密公钥无效"))?;
    let encryptor =
        age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
            .map_err(|e| AppError::internal(format!("无法加密：{e}")))?;
    let mut out = Vec::new();
    let mut w = encryptor
        .wrap_output(&mut out)
        .map_err(|e| AppError::internal(format!("无法加密：{e}")))?;
    w.write_all(&plain)
        .map_err(|e| AppError::internal(format!("无法加密：{e}")))?;
    w.finish()
        .map_err(|e| AppError::internal(format!("无法加密：{e}")))?;
    Ok(out)
}

/// Decrypts with our identity, verifies the signature against a trusted school's key and checks
/// that we are the receiver. Returns the payload and the trusted sender.
pub(crate) fn open(bytes: &[u8], own: &Own, trusted: &[Trusted]) -> Result<(Payload, Trusted)> {
    open_capped(bytes, own, trusted, MAX_DECRYPTED_BYTES)
}

/// [`open`] refusing a package whose decrypted content passes `cap` bytes.
fn open_capped(
    bytes: &[u8],
    own: &Own,
    trusted: &[Trusted],
    cap: u64,
) -> Result<(Payload, Trusted)> {
    let damaged = || {
        AppError::validation(
            "package",
            "学籍档案包无法解密：文件已损坏或被篡改，或不是发给本校的，请向发送学校索取原文件",
        )
    };
    let decryptor = age::Decryptor::new(bytes).map_err(|_| damaged())?;
    let reader = decryptor
        .decrypt(std::iter::once(&own.identity as &dyn age::Identity))
        .map_err(|e| match e {
            age::DecryptError::NoMatchingKeys => {
                AppError::forbidden("该档案包不是发给本校的（无法用本校密钥解密），不能导入")
            }
            _ => damaged(),
        })?;
    // Streamed: the envelope is parsed as it is decrypted, never held decrypted whole, and a
    // package whose decrypted content passes the cap is refused at the first byte past it.
    let mut capped = Capped {
        inner: reader,
        left: cap,
        over: false,
    };
    let parsed: std::result::Result<Envelope, _> =
        serde_json::from_reader(std::io::BufReader::new(&mut capped));
    if capped.over {
        return Err(AppError::validation(
            "package",
            format!(
                "学籍档案包过大：解密后超过 {} MB，已拒绝导入",
                cap / 1024 / 1024
            ),
        ));
    }
    let envelope = parsed.map_err(|_| damaged())?;
    let sender = trusted
        .iter()
        .find(|t| t.keys.verifying_key == envelope.signer)
        .ok_or_else(|| {
            AppError::forbidden("档案包的签名学校不在本校信任列表中，不能确认发送方，已拒绝")
        })?;
    let key = verifying_key_of(&sender.keys.verifying_key)?;
    let payload_bytes = B64.decode(&envelope.payload).map_err(|_| damaged())?;
    drop(envelope.payload);
    let signature = B64
        .decode(&envelope.signature)
        .ok()
        .and_then(|b| Signature::from_slice(&b).ok())
        .ok_or_else(damaged)?;
    key.verify_strict(&payload_bytes, &signature).map_err(|_| {
        AppError::validation("package", "学籍档案包签名验证失败：内容已被改动，已拒绝")
    })?;
    let payload: Payload = serde_json::from_slice(&payload_bytes).map_err(|_| damaged())?;
    if payload.format != FORMAT {
        return Err(AppError::validation(
            "package",
            format!("不支持的档案包格式：{}", payload.format),
        ));
    }
    if payload.sender.verifying_key != sender.keys.verifying_key {
        return Err(AppError::forbidden(
            "档案包声明的发送学校与签名学校不一致，已拒绝",
        ));
    }
    if payload.receiver.recipient != own.public.recipient
        || payload.receiver.verifying_key != own.public.verifying_key
    {
        return Err(AppError::forbidden("该档案包的接收学校不是本校，不能导入"));
    }
    Ok((payload, sender.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn school(name: &str) -> Own {
        let mut seed = [0u8; 32];
        getrandom::getrandom(&mut seed).expect("random");
        let signing = ed25519_dalek::SigningKey::from_bytes(&seed);
        let identity = age::x25519::Identity::generate();
        let public = PublicKeys {
            school: name.to_owned(),
            verifying_key: B64.encode(signing.verifying_key().as_bytes()),
            recipient: identity.to_public().to_string(),
        };
        Own {
            signing,
            identity,
            public,
        }
    }

    #[test]
    fn a_package_past_the_decrypted_cap_is_refused_while_streaming() {
        let (a, b) = (school("甲校"), school("乙校"));
        let payload = Payload {
            format: FORMAT.to_owned(),
            kind: PackageKind::Transfer,
            sender: a.public.clone(),
            receiver: b.public.clone(),
            created_at: DateTime::<Utc>::from_timestamp(1_700_000_000, 0).expect("time"),
            records: Vec::new(),
        };
        let sealed = seal(&payload, &a, &b.public).expect("seal");
        let trusted = [Trusted {
            id: 1,
            name: "甲校".to_owned(),
            keys: a.public.clone(),
        }];
        // The envelope's exact size opens; one byte less is refused as too large, before the
        // signature is looked at and without being decrypted whole.
        let plain = {
            let d = age::Decryptor::new(sealed.as_slice()).expect("age");
            let mut r = d
                .decrypt(std::iter::once(&b.identity as &dyn age::Identity))
                .expect("decrypt");
            std::io::copy(&mut r, &mut std::io::sink()).expect("read")
        };
        let (opened, from) = open_capped(&sealed, &b, &trusted, plain).expect("at the cap");
        assert_eq!((opened.records.len(), from.id), (0, 1));
        let e = open_capped(&sealed, &b, &trusted, plain - 1).expect_err("past the cap");
        assert!(e.message.contains("过大"), "{}", e.message);
        assert!(open(&sealed, &b, &trusted).is_ok());
    }
}

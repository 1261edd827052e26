//! The school's own keys and the schools it trusts, as settings rows of the encrypted database.

use age::secrecy::ExposeSecret;
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use ed25519_dalek::{SigningKey, VerifyingKey};
use sea_orm::{ConnectionTrait, TransactionTrait};
use xueji_domain::AuditAction;

use crate::app::App;
use crate::audit;
use crate::auth::{Permission, Session};
use crate::error::{AppError, Result};
use crate::settings;

/// Setting holding our secret keys (never shown).
pub const OWN_KEYS: &str = "package.own_keys";
/// Setting holding the schools we trust.
pub const TRUSTED: &str = "package.trusted_schools";
/// Prefix and version of the public key text.
pub const KEY_TEXT_PREFIX: &str = "xueji1";

#[derive(Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct OwnKeys {
    /// Ed25519 seed, base64.
    signing_seed: String,
    /// `AGE-SECRET-KEY-1…`
    age_identity: String,
}

/// A school's public keys.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct PublicKeys {
    /// School code (学校标识码) or name.
    pub school: String,
    /// Ed25519 verifying key, base64.
    pub verifying_key: String,
    /// `age1…`
    pub recipient: String,
}

impl PublicKeys {
    pub(crate) fn text(&self) -> String {
        format!(
            "{KEY_TEXT_PREFIX}:{}:{}:{}",
            self.school, self.verifying_key, self.recipient
        )
    }

    /// Parses `xueji1:<school>:<ed25519 base64>:<age recipient>`; the school may hold colons.
    pub(crate) fn parse(text: &str) -> Result<Self> {
        let bad = || {
            AppError::validation(
                "text",
                "公钥文本格式不正确，应为 xueji1:学校:签名公钥:加密公钥",
            )
        };
        let text = text.trim();
        let rest = text
            .strip_prefix(KEY_TEXT_PREFIX)
            .and_then(|r| r.strip_prefix(':'))
            .ok_or_else(bad)?;
        let mut parts = rest.rsplitn(3, ':');
        let recipient = parts.next().ok_or_else(bad)?.trim().to_owned();
        let verifying_key = parts.next().ok_or_else(bad)?.trim().to_owned();
        let school = parts.next().ok_or_else(bad)?.trim().to_owned();
        if school.is_empty() {
            return Err(bad());
        }
        verifying_key_of(&verifying_key).map_err(|_| bad())?;
        recipient
            .parse::<age::x25519::Recipient>()
            .map_err(|_| bad())?;
        Ok(Self {
            school,
            verifying_key,
            recipient,
        })
    }
}

/// A school whose packages we accept and to which we may send.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Trusted {
    pub id: i64,
    pub name: String,
    pub keys: PublicKeys,
}

/// Our public keys, as one text to give to another school.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SchoolKeysView {
    /// `xueji1:<school>:<ed25519 public key base64>:<age recipient>`
    pub text: String,
    pub school: String,
    pub verifying_key: String,
    pub recipient: String,
}

/// A trusted school.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TrustedSchoolView {
    pub id: i64,
    pub name: String,
    pub text: String,
}

impl From<&Trusted> for TrustedSchoolView {
    fn from(t: &Trusted) -> Self {
        Self {
            id: t.id,
            name: t.name.clone(),
            text: t.keys.text(),
        }
    }
}

pub(crate) fn verifying_key_of(b64: &str) -> Result<VerifyingKey> {
    let bytes = B64
        .decode(b64.trim())
        .map_err(|_| AppError::validation("verifyingKey", "签名公钥不是有效的 base64"))?;
    let arr: [u8; 32] = bytes
        .try_into()
        .map_err(|_| AppError::validation("verifyingKey", "签名公钥长度不正确"))?;
    VerifyingKey::from_bytes(&arr).map_err(|_| AppError::validation("verifyingKey", "签名公钥无效"))
}

/// Our secret keys, ready to use.
pub(crate) struct Own {
    pub signing: SigningKey,
    pub identity: age::x25519::Identity,
    pub public: PublicKeys,
}

fn own_from(keys: &OwnKeys, school: &str) -> Result<Own> {
    let seed: [u8; 32] = B64
        .decode(&keys.signing_seed)
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| AppError::internal("本校签名密钥已损坏"))?;
    let signing = SigningKey::from_bytes(&seed);
    let identity = keys
        .age_identity
        .parse::<age::x25519::Identity>()
        .map_err(|_| AppError::internal("本校加密密钥已损坏"))?;
    let public = PublicKeys {
        school: school.to_owned(),
        verifying_key: B64.encode(signing.verifying_key().as_bytes()),
        recipient: identity.to_public().to_string(),
    };
    Ok(Own {
        signing,
        identity,
        public,
    })
}

impl App {
    /// The school's identifier in key texts and packages: its code, else its name.
    pub(crate) fn school_label(&self) -> String {
        let config = self.config();
        let profile = &config.school_profile;
        profile
            .code
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map_or_else(|| profile.name.clone(), str::to_owned)
    }

    /// Our keys, generated and stored at first use (inside the caller's transaction).
    pub(crate) async fn own_keys<C: ConnectionTrait>(&self, db: &C) -> Result<Own> {
        let keys = if let Some(k) = settings::get::<_, OwnKeys>(db, OWN_KEYS).await? {
            k
        } else {
            let mut seed = [0u8; 32];
            getrandom::getrandom(&mut seed)
                .map_err(|e| AppError::internal(format!("无法生成随机密钥：{e}")))?;
            let identity = age::x25519::Identity::generate();
            let k = OwnKeys {
                signing_seed: B64.encode(seed),
                age_identity: identity.to_string().expose_secret().to_owned(),
            };
            settings::put(db, OWN_KEYS, &k).await?;
            k
        };
        own_from(&keys, &self.school_label())
    }

    pub(crate) async fn trusted<C: ConnectionTrait>(db: &C) -> Result<Vec<Trusted>> {
        Ok(settings::get::<_, Vec<Trusted>>(db, TRUSTED)
            .await?
            .unwrap_or_default())
    }

    /// Shows our public keys (generating them at first use).
    pub async fn keys_show(&self, session: &Session) -> Result<SchoolKeysView> {
        self.authorize(session, keys_permission(session)).await?;
        let txn = self.db().begin().await?;
        let own = self.own_keys(&txn).await?;
        audit::append(
            &txn,
            &session.username,
            AuditAction::KeysShow,
            "school_keys",
        )
        .await?;
        txn.commit().await?;
        Ok(SchoolKeysView {
            text: own.public.text(),
            school: own.public.school,
            verifying_key: own.public.verifying_key,
            recipient: own.public.recipient,
        })
    }

    /// Records another school's public keys under `school_name`; a school already trusted with
    /// the same keys is returned unchanged. Trusting a school decides to whom this school's
    /// records may be sent, so it is the approver's step (issue 15), not the registrar's.
    pub async fn keys_trust(
        &self,
        session: &Session,
        text: &str,
        school_name: &str,
    ) -> Result<TrustedSchoolView> {
        self.authorize(session, Permission::DecideSchoolSteps)
            .await?;
        let keys = PublicKeys::parse(text)?;
        let name = school_name.trim();
        if name.is_empty() {
            return Err(AppError::validation("schoolName", "请填写学校名称"));
        }
        let txn = self.db().begin().await?;
        let own = self.own_keys(&txn).await?;
        if own.public.verifying_key == keys.verifying_key || own.public.recipient == keys.recipient
        {
            return Err(AppError::validation("text", "这是本校自己的公钥"));
        }
        let mut list = Self::trusted(&txn).await?;
        if let Some(t) = list.iter().find(|t| {
            t.keys.verifying_key == keys.verifying_key || t.keys.recipient == keys.recipient
        }) {
            if t.keys == keys {
                let view = TrustedSchoolView::from(t);
                txn.commit().await?;
                return Ok(view);
            }
            return Err(AppError::conflict(format!(
                "该公钥已登记给信任学校（编号 {}），且内容不同，请核对",
                t.id
            )));
        }
        let id = list.iter().map(|t| t.id).max().unwrap_or(0) + 1;
        let t = Trusted {
            id,
            name: name.to_owned(),
            keys,
        };
        list.push(t.clone());
        settings::put(&txn, TRUSTED, &list).await?;
        audit::append(
            &txn,
            &session.username,
            AuditAction::KeysTrust,
            &format!("trusted_school:{id}"),
        )
        .await?;
        txn.commit().await?;
        Ok(TrustedSchoolView::from(&t))
    }

    /// The schools we trust.
    pub async fn keys_trusted(&self, session: &Session) -> Result<Vec<TrustedSchoolView>> {
        self.authorize(session, keys_permission(session)).await?;
        Ok(Self::trusted(self.db())
            .await?
            .iter()
            .map(TrustedSchoolView::from)
            .collect())
    }
}

/// Who may read the keys: the registrar, who sends packages, and the approver, who decides whom
/// to trust.
fn keys_permission(session: &Session) -> Permission {
    if session.role.may(Permission::DecideSchoolSteps) {
        Permission::DecideSchoolSteps
    } else {
        Permission::ManageSettings
    }
}

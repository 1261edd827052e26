//! The archive's photo: kept on file (an attachment of the student, inside the encrypted
//! database), printed on the 学籍卡 and the certificate (R24.1). A JPEG or PNG, checked before it
//! is kept: type, size and pixel dimensions, and that it decodes.

use sea_orm::TransactionTrait;
use sha2::{Digest, Sha256};
use xueji_store::entities::attachment;
use xueji_store::repo::{attachments, students as repo};

use xueji_domain::AuditAction;

use crate::app::App;
use crate::audit;
use crate::auth::{Permission, Session};
use crate::error::{AppError, Result};
use crate::record;

/// The largest photo file kept.
pub const PHOTO_MAX_BYTES: usize = 2 * 1024 * 1024;

/// A photo on file.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PhotoView {
    pub mime: String,
    pub width: u32,
    pub height: u32,
    pub data: Vec<u8>,
}

fn mime_of(bytes: &[u8]) -> &'static str {
    if bytes.starts_with(b"\x89PNG") {
        "image/png"
    } else {
        "image/jpeg"
    }
}

impl App {
    /// Keeps `bytes` as the student's photo (replacing any before); the record's history and the
    /// audit log say so, never what the photo shows.
    pub async fn student_photo_set(
        &self,
        session: &Session,
        student_id: i64,
        bytes: &[u8],
    ) -> Result<PhotoView> {
        self.authorize(session, Permission::EditStudents).await?;
        let m = record::load(self.db(), student_id).await?;
        record::ensure_writable(&m)?;
        if bytes.len() > PHOTO_MAX_BYTES {
            return Err(AppError::validation(
                "photo",
                format!(
                    "照片文件为 {} KB，不能超过 2 MB（2048 KB）",
                    bytes.len().div_ceil(1024)
                ),
            ));
        }
        let (width, height) = xueji_print::layout::photo_check::check_photo(bytes)
            .map_err(|e| AppError::validation("photo", e.to_string()))?;
        let mime = mime_of(bytes);
        let sha256 = Sha256::digest(bytes)
            .iter()
            .fold(String::new(), |mut s, b| {
                use std::fmt::Write as _;
                let _ = write!(s, "{b:02x}");
                s
            });
        let txn = self.db().begin().await?;
        let saved = attachments::insert(
            &txn,
            attachment::Model {
                id: 0,
                student_id: Some(student_id),
                application_id: None,
                proof_kind: None,
                file_name: if mime == "image/png" {
                    "学籍照片.png".to_owned()
                } else {
                    "学籍照片.jpg".to_owned()
                },
                mime: mime.to_owned(),
                sha256,
                data: bytes.to_vec(),
                created_at: self.now(),
                created_by: session.username.clone(),
            },
        )
        .await?;
        repo::update(&txn, &session.username, student_id, "photo", |row| {
            row.photo_attachment_id = Some(saved.id);
        })
        .await?;
        txn.commit().await?;
        Ok(PhotoView {
            mime: mime.to_owned(),
            width,
            height,
            data: bytes.to_vec(),
        })
    }

    /// The student's photo, if one is on file.
    pub async fn student_photo(
        &self,
        session: &Session,
        student_id: i64,
    ) -> Result<Option<PhotoView>> {
        self.authorize(session, Permission::ViewStudents).await?;
        let m = record::load(self.db(), student_id).await?;
        let Some(id) = m.photo_attachment_id else {
            return Ok(None);
        };
        let Some(f) = attachments::find(self.db(), id).await? else {
            return Ok(None);
        };
        let (width, height) =
            xueji_print::layout::photo_check::check_photo(&f.data).unwrap_or((0, 0));
        // A child's face is personal data: who looked is recorded (R30.1).
        audit::record(
            self.db(),
            &session.username,
            AuditAction::View,
            &format!("student:{student_id} photo"),
        )
        .await?;
        Ok(Some(PhotoView {
            mime: f.mime,
            width,
            height,
            data: f.data,
        }))
    }
}

/// The photo bytes of a record, for printing.
pub(crate) async fn photo_bytes<C: sea_orm::ConnectionTrait>(
    db: &C,
    m: &xueji_store::entities::student::Model,
) -> Result<Option<Vec<u8>>> {
    match m.photo_attachment_id {
        Some(id) => Ok(attachments::find(db, id).await?.map(|f| f.data)),
        None => Ok(None),
    }
}

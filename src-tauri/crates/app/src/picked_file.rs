//! Reading a file the user picked (a student list, a package, a proof) with a size cap checked
//! before the bytes are read: a 10 GB file picked by mistake is refused, never loaded.

use std::io::Read;
use std::path::Path;

use crate::error::AppError;

/// What is read, and its cap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PickedKind {
    /// A student list (.xlsx) to import or to check for duplicates.
    Workbook,
    /// A signed archive package (.xjpkg).
    Package,
    /// A proof scan or other attachment of an application.
    Attachment,
}

impl PickedKind {
    /// The largest file of this kind read.
    pub fn max_bytes(self) -> u64 {
        match self {
            Self::Workbook => u64_of(crate::import::xlsx::MAX_FILE_BYTES),
            Self::Package => crate::package::MAX_PACKAGE_FILE_BYTES,
            Self::Attachment => u64_of(crate::changes::MAX_FILE_BYTES),
        }
    }

    fn label_zh(self) -> &'static str {
        match self {
            Self::Workbook => "学生名单文件",
            Self::Package => "学籍档案包",
            Self::Attachment => "附件",
        }
    }

    /// The refusal of a file over the cap, for the input `field`.
    pub fn too_large(self, field: &str) -> AppError {
        AppError::validation(
            field,
            format!(
                "{}过大：不能超过 {} MB，已拒绝读取",
                self.label_zh(),
                self.max_bytes() / 1024 / 1024
            ),
        )
    }
}

fn u64_of(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}

/// Reads `path` whole unless it is larger than `kind`'s cap: `Ok(None)` then, without reading it
/// (nor more than the cap of a file that grows while it is read).
pub fn read_at_most(path: &Path, kind: PickedKind) -> std::io::Result<Option<Vec<u8>>> {
    let max = kind.max_bytes();
    let file = std::fs::File::open(path)?;
    let len = file.metadata()?.len();
    if len > max {
        return Ok(None);
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    file.take(max + 1).read_to_end(&mut bytes)?;
    if u64_of(bytes.len()) > max {
        return Ok(None);
    }
    Ok(Some(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_over_the_cap_is_not_read() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("big.xlsx");
        let f = std::fs::File::create(&path).expect("create");
        // Sparse: no disk space used.
        f.set_len(PickedKind::Workbook.max_bytes() + 1)
            .expect("len");
        assert!(
            read_at_most(&path, PickedKind::Workbook)
                .expect("read")
                .is_none()
        );
        f.set_len(10).expect("len");
        assert_eq!(
            read_at_most(&path, PickedKind::Workbook)
                .expect("read")
                .map(|b| b.len()),
            Some(10)
        );
        let e = PickedKind::Attachment.too_large("path");
        assert!(e.message.contains("不能超过 20 MB"), "{}", e.message);
        let e = PickedKind::Workbook.too_large("path");
        assert!(e.message.contains("不能超过 50 MB"), "{}", e.message);
        let e = PickedKind::Package.too_large("path");
        assert!(e.message.contains("不能超过 512 MB"), "{}", e.message);
    }
}

//! Checking a photo before it is kept on file: JPEG or PNG, no side longer than
//! [`PHOTO_MAX_SIDE`] pixels (read from the header, before anything is decoded, so a small file
//! that claims a huge picture allocates nothing), then decoded with the same decoder the documents
//! print with.

use printpdf::{PdfWarnMsg, RawImage};

use crate::error::{PrintError, Result};

/// The longest side accepted, in pixels (a 2-inch photo at 600 dpi is about 830 × 1160).
pub const PHOTO_MAX_SIDE: u32 = 4000;

fn bad(message: impl Into<String>) -> PrintError {
    PrintError::Image {
        field: "照片".to_owned(),
        message: message.into(),
    }
}

fn be16(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from(u16::from_be_bytes([
        *b.get(at)?,
        *b.get(at + 1)?,
    ])))
}

fn be32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes([
        *b.get(at)?,
        *b.get(at + 1)?,
        *b.get(at + 2)?,
        *b.get(at + 3)?,
    ]))
}

/// Width and height from a PNG's IHDR or a JPEG's start-of-frame marker.
fn header_size(b: &[u8]) -> Option<(u32, u32)> {
    if b.starts_with(b"\x89PNG\r\n\x1a\n") {
        return (b.get(12..16)? == b"IHDR").then_some((be32(b, 16)?, be32(b, 20)?));
    }
    if !b.starts_with(&[0xFF, 0xD8]) {
        return None;
    }
    let mut i = 2;
    loop {
        while *b.get(i)? == 0xFF && *b.get(i + 1)? == 0xFF {
            i += 1;
        }
        if *b.get(i)? != 0xFF {
            return None;
        }
        let marker = *b.get(i + 1)?;
        let is_frame = (0xC0..=0xCF).contains(&marker) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
        if is_frame {
            return Some((be16(b, i + 7)?, be16(b, i + 5)?));
        }
        let len = usize::try_from(be16(b, i + 2)?).ok()?;
        i += 2 + len;
    }
}

/// Checks a photo; returns its width and height in pixels.
pub fn check_photo(bytes: &[u8]) -> Result<(u32, u32)> {
    let (w, h) = header_size(bytes).ok_or_else(|| bad("照片须为 JPEG 或 PNG 图片"))?;
    if w == 0 || h == 0 || w > PHOTO_MAX_SIDE || h > PHOTO_MAX_SIDE {
        return Err(bad(format!(
            "照片尺寸为 {w}×{h} 像素，应在 1 至 {PHOTO_MAX_SIDE} 像素之间"
        )));
    }
    let mut warnings: Vec<PdfWarnMsg> = Vec::new();
    RawImage::decode_from_bytes(bytes, &mut warnings).map_err(bad)?;
    Ok((w, h))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_real_jpeg_and_png_pass_and_a_lying_header_is_refused_before_decoding() {
        let jpeg = include_bytes!("../../tests/assets/photo.jpg");
        assert!(check_photo(jpeg).is_ok());
        let png = include_bytes!("../../assets/sample-photo.png");
        assert!(check_photo(png).is_ok());
        assert!(check_photo(b"GIF89a").is_err());
        // A PNG header claiming 100000 × 100000 pixels: refused from the header alone.
        let mut huge = png.to_vec();
        huge[16..20].copy_from_slice(&100_000u32.to_be_bytes());
        huge[20..24].copy_from_slice(&100_000u32.to_be_bytes());
        let err = check_photo(&huge).expect_err("too large");
        assert!(err.to_string().contains("100000×100000"), "{err}");
        assert!(check_photo(&jpeg[..40]).is_err(), "a cut file");
    }
}

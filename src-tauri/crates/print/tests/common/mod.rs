//! Helpers for the PDF tests: poppler-utils (`pdftotext`, `pdftoppm`) on temporary files.

#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Command;

/// A per-test scratch folder under the system temp dir.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join("xueji-print-tests").join(name);
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}

/// Where the page-1 PNGs go: `$XUEJI_PRINT_PNG_DIR`, or `<temp>/xueji-print-png`.
pub fn png_dir() -> PathBuf {
    let dir = std::env::var_os("XUEJI_PRINT_PNG_DIR").map_or_else(
        || std::env::temp_dir().join("xueji-print-png"),
        PathBuf::from,
    );
    std::fs::create_dir_all(&dir).expect("create png dir");
    dir
}

/// Writes `pdf` to a file of its own: tests run in parallel, and two of them may render the same
/// sample (one file per name let pdftotext read a file another test was rewriting).
fn write_pdf(name: &str, pdf: &[u8]) -> PathBuf {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let path = scratch(name).join(format!("doc-{}-{n}.pdf", std::process::id()));
    std::fs::write(&path, pdf).expect("write pdf");
    path
}

fn run(cmd: &mut Command) -> Vec<u8> {
    let out = cmd
        .output()
        .expect("poppler-utils (pdftotext/pdftoppm) must be installed");
    assert!(
        out.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// The text in content-stream order (`pdftotext -raw`).
pub fn text(name: &str, pdf: &[u8]) -> String {
    let path = write_pdf(name, pdf);
    String::from_utf8(run(Command::new("pdftotext")
        .arg("-raw")
        .arg(&path)
        .arg("-")))
    .expect("utf-8")
}

/// Strips every kind of white space (line breaks inserted by wrapping, spaces poppler adds).
pub fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Asserts that every value appears in `text`, each after the previous one. Values made of
/// Latin letters, digits and `-` (ID numbers, 学籍号, certificate numbers, phone numbers) must
/// also appear unbroken on one line: wrapping never splits them.
pub fn assert_in_order(text: &str, fields: &[(&'static str, String)]) {
    for (field, value) in fields {
        let atomic =
            value.len() >= 6 && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        assert!(
            !atomic || text.contains(value.as_str()),
            "{field} = {value:?} is split across lines"
        );
    }
    let hay = squash(text);
    let mut from = 0;
    for (field, value) in fields {
        let needle = squash(value);
        match hay[from..].find(&needle) {
            Some(at) => from += at + needle.len(),
            None => panic!("field {field} = {value:?} not found after byte {from} in:\n{hay}"),
        }
    }
}

/// A word box from `pdftotext -bbox` (points, top-left origin).
#[derive(Debug, Clone)]
pub struct Word {
    pub text: String,
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

fn attr(tag: &str, name: &str) -> f32 {
    let key = format!("{name}=\"");
    let start = tag.find(&key).expect("attribute") + key.len();
    let end = tag[start..].find('"').expect("quote") + start;
    tag[start..end].parse().expect("number")
}

/// Word boxes of page 1.
pub fn words_page1(name: &str, pdf: &[u8]) -> Vec<Word> {
    let path = write_pdf(name, pdf);
    let html = String::from_utf8(run(Command::new("pdftotext")
        .args(["-bbox", "-f", "1", "-l", "1"])
        .arg(&path)
        .arg("-")))
    .expect("utf-8");
    html.split("<word ")
        .skip(1)
        .map(|chunk| {
            let (tag, rest) = chunk.split_once('>').expect("tag");
            let text = rest.split("</word>").next().unwrap_or_default().to_owned();
            Word {
                text,
                x0: attr(tag, "xMin"),
                y0: attr(tag, "yMin"),
                x1: attr(tag, "xMax"),
                y1: attr(tag, "yMax"),
            }
        })
        .collect()
}

/// Renders page 1 to `<png_dir>/<name>.png` (for people) and returns a greyscale PGM raster
/// (width, height, pixels) of it at 50 dpi (for the blank check).
pub fn render_page1(name: &str, pdf: &[u8]) -> (PathBuf, usize, usize, Vec<u8>) {
    let path = write_pdf(name, pdf);
    let png_base = png_dir().join(name);
    run(Command::new("pdftoppm")
        .args(["-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile"])
        .arg(&path)
        .arg(&png_base));
    let pgm = run(Command::new("pdftoppm")
        .args(["-gray", "-r", "50", "-f", "1", "-l", "1", "-singlefile"])
        .arg(&path));
    let (w, h, pixels) = parse_pgm(&pgm);
    (png_base.with_extension("png"), w, h, pixels)
}

fn parse_pgm(bytes: &[u8]) -> (usize, usize, Vec<u8>) {
    // "P5\n<w> <h>\n255\n" then w*h bytes.
    let mut fields = Vec::new();
    let mut i = 0;
    while fields.len() < 4 {
        while bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let start = i;
        while !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        fields.push(String::from_utf8_lossy(&bytes[start..i]).into_owned());
    }
    assert_eq!(fields[0], "P5");
    let w: usize = fields[1].parse().expect("width");
    let h: usize = fields[2].parse().expect("height");
    (w, h, bytes[i + 1..].to_vec())
}

/// The number of images in the PDF (`pdfimages -list`).
pub fn image_count(name: &str, pdf: &[u8]) -> usize {
    let path = write_pdf(name, pdf);
    let list =
        String::from_utf8(run(Command::new("pdfimages").arg("-list").arg(&path))).expect("utf-8");
    // Two header lines, then one line per image.
    list.lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .count()
}

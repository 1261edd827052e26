//! Many documents into one PDF: the font is parsed once per process and subset once per PDF;
//! every document is glyph-checked before any page is drawn; progress is reported per document.

use crate::documents::{Document, check_glyphs, draw_all};
use crate::error::Result;
use crate::layout::{PageLayout, Sheets};

/// Renders `docs` into one PDF, calling `progress(done, total)` after each document.
pub fn render(docs: &[&dyn Document], progress: &mut dyn FnMut(usize, usize)) -> Result<Vec<u8>> {
    for doc in docs {
        check_glyphs(*doc)?;
    }
    let title = docs
        .first()
        .map_or_else(|| "学籍文书".to_owned(), |d| d.title());
    let mut sheets = Sheets::new(&title)?;
    draw_all(&mut sheets, docs, progress)?;
    Ok(sheets.finish())
}

/// Like [`render`], also returning every page's text runs (for layout checks and previews).
pub fn render_with_runs(docs: &[&dyn Document]) -> Result<(Vec<u8>, Vec<PageLayout>)> {
    for doc in docs {
        check_glyphs(*doc)?;
    }
    let mut sheets = Sheets::new("学籍文书")?;
    draw_all(&mut sheets, docs, &mut |_, _| {})?;
    Ok(sheets.into_parts())
}

/// Like [`render`] for a slice of one document type (e.g. a class's certificates).
pub fn render_all<D: Document>(
    docs: &[D],
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Vec<u8>> {
    let refs: Vec<&dyn Document> = docs.iter().map(|d| d as &dyn Document).collect();
    render(&refs, progress)
}

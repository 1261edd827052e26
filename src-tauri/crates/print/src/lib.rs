//! `XueJi` printable documents: the 《浙江省义务教育证书》, proofs and approval forms as A4 PDFs
//! with the embedded Noto Serif SC font (SIL OFL 1.1, `fonts/OFL.txt`), subset in every PDF.
//!
//! - [`documents`]: one module per document; each is data in, pages out ([`documents::Document`]).
//! - [`batch`]: many documents into one PDF with a progress callback.
//! - [`samples`]: built-in sample data for every kind (`xueji print sample`).
//! - [`font`]: the font, parsed once per process, and the missing-glyph check (生僻字).
//! - [`layout`]: measured text, wrapping, ruled grids and tables, photo/signature/seal boxes.

pub mod batch;
pub mod documents;
pub mod error;
pub mod font;
pub mod layout;
pub mod samples;

pub use documents::{Document, render};
pub use error::{PrintError, Result};

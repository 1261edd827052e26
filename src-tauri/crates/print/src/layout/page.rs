//! Pages being drawn (`Page`) and the document they go into (`Sheets`): one font per PDF, added
//! once, subset when saved; page numbers per document; every text run kept for overlap tests.

use printpdf::{
    FontId, ImageCompression, ImageOptimizationOptions, Op, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, PdfWarnMsg, Point, Pt, RawImage, TextItem, TextRenderingMode, XObjectId,
};

use crate::error::{PrintError, Result};
use crate::font::{Font, font};
use crate::layout::text::{Align, TextStyle, black, width};
use crate::layout::{PT_PER_MM, pt_to_mm};

/// A page size in millimetres.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PageSize {
    pub width: f32,
    pub height: f32,
}

impl PageSize {
    /// A4 portrait.
    pub const A4: Self = Self {
        width: 210.0,
        height: 297.0,
    };
    /// A4 landscape.
    pub const A4_LANDSCAPE: Self = Self {
        width: 297.0,
        height: 210.0,
    };
}

/// The box a drawn text run covers (ideographic em box), in millimetres from the top-left.
#[derive(Clone, Debug, PartialEq)]
pub struct TextRun {
    pub x: f32,
    pub top: f32,
    pub width: f32,
    pub height: f32,
    pub text: String,
}

impl TextRun {
    /// Whether two runs' boxes intersect by more than `tolerance` mm on both axes.
    pub fn overlaps(&self, other: &Self, tolerance: f32) -> bool {
        let dx = (self.x + self.width).min(other.x + other.width) - self.x.max(other.x);
        let dy = (self.top + self.height).min(other.top + other.height) - self.top.max(other.top);
        dx > tolerance && dy > tolerance
    }
}

/// What was laid out on one page: text runs and keep-out areas.
#[derive(Clone, Debug, PartialEq)]
pub struct PageLayout {
    pub runs: Vec<TextRun>,
    pub keep_outs: Vec<TextRun>,
}

impl TextRun {
    /// Whether `other` lies entirely inside this box.
    pub fn contains(&self, other: &Self) -> bool {
        other.x >= self.x - 0.01
            && other.top >= self.top - 0.01
            && other.x + other.width <= self.x + self.width + 0.01
            && other.top + other.height <= self.top + self.height + 0.01
    }
}

/// One page being drawn.
#[derive(Debug)]
pub struct Page {
    pub size: PageSize,
    pub(crate) ops: Vec<Op>,
    pub(crate) runs: Vec<TextRun>,
    pub(crate) keep_outs: Vec<TextRun>,
    pub(crate) font: &'static Font,
    pub(crate) font_id: FontId,
    /// Where everything drawn on the page moves, in mm (right, down): a printer's offset when
    /// over-printing onto a pre-printed blank.
    pub(crate) offset: (f32, f32),
}

impl Page {
    /// Converts a point in millimetres from the top-left into PDF points from the bottom-left,
    /// moved by the page's offset.
    pub(crate) fn point(&self, x: f32, y: f32) -> Point {
        Point {
            x: Pt((x + self.offset.0) * PT_PER_MM),
            y: Pt((self.size.height - y - self.offset.1) * PT_PER_MM),
        }
    }

    /// Moves everything drawn on this page from now on by (`right`, `down`) millimetres.
    pub fn shift(&mut self, right: f32, down: f32) {
        self.offset = (right, down);
    }

    /// A filled rectangle with its top-left corner at (`x`, `y`).
    pub fn fill_rect(&mut self, x: f32, y: f32, w: f32, h: f32) {
        let ring: Vec<printpdf::LinePoint> = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
            .into_iter()
            .map(|(px, py)| printpdf::LinePoint {
                p: self.point(px, py),
                bezier: false,
            })
            .collect();
        self.ops.push(Op::SaveGraphicsState);
        self.ops.push(Op::SetFillColor { col: black() });
        self.ops.push(Op::DrawPolygon {
            polygon: printpdf::Polygon {
                rings: vec![printpdf::PolygonRing { points: ring }],
                mode: printpdf::PaintMode::Fill,
                winding_order: printpdf::WindingOrder::NonZero,
            },
        });
        self.ops.push(Op::RestoreGraphicsState);
    }

    /// The font in use.
    pub fn font(&self) -> &'static Font {
        self.font
    }

    /// The text runs drawn so far.
    pub fn runs(&self) -> &[TextRun] {
        &self.runs
    }

    /// Areas no text may enter (seal areas, photo boxes), named by their label.
    pub fn keep_outs(&self) -> &[TextRun] {
        &self.keep_outs
    }

    /// Marks an area (seal, photo) that other text must not overlap; text drawn inside it before
    /// this call (its own label) is allowed.
    pub fn keep_out(&mut self, x: f32, top: f32, width: f32, height: f32, label: &str) {
        self.keep_outs.push(TextRun {
            x,
            top,
            width,
            height,
            text: label.to_owned(),
        });
    }

    /// Draws `text` aligned at `x` (left edge, centre or right edge) on the baseline `baseline`.
    /// Returns the run's width in mm.
    pub fn text(
        &mut self,
        x: f32,
        baseline: f32,
        style: TextStyle,
        align: Align,
        text: &str,
    ) -> f32 {
        let w = width(self.font, style, text);
        if text.is_empty() {
            return 0.0;
        }
        let left = match align {
            Align::Left => x,
            Align::Center => x - w / 2.0,
            Align::Right => x - w,
        };
        let size_mm = pt_to_mm(style.size);
        self.runs.push(TextRun {
            x: left,
            top: baseline - 0.88 * size_mm,
            width: w,
            height: size_mm,
            text: text.to_owned(),
        });
        let font = PdfFontHandle::External(self.font_id.clone());
        self.ops.push(Op::StartTextSection);
        self.ops.push(Op::SetFont {
            font,
            size: Pt(style.size),
        });
        if style.bold {
            self.ops.push(Op::SetTextRenderingMode {
                mode: TextRenderingMode::FillStroke,
            });
            self.ops.push(Op::SetOutlineThickness {
                pt: Pt(style.size * 0.035),
            });
            self.ops.push(Op::SetOutlineColor { col: black() });
        }
        self.ops.push(Op::SetTextCursor {
            pos: self.point(left, baseline),
        });
        if style.spacing > 0.0 {
            // `Td` moves the line start relatively: step one letter-spaced character at a time.
            for ch in text.chars() {
                let s = ch.to_string();
                let advance = pt_to_mm(self.font.width_pt(&s, style.size)) + style.spacing;
                self.ops.push(Op::ShowText {
                    items: vec![TextItem::Text(s)],
                });
                let pos = Point {
                    x: Pt(advance * PT_PER_MM),
                    y: Pt(0.0),
                };
                self.ops.push(Op::SetTextCursor { pos });
            }
        } else {
            self.ops.push(Op::ShowText {
                items: vec![TextItem::Text(text.to_owned())],
            });
        }
        if style.bold {
            self.ops.push(Op::SetTextRenderingMode {
                mode: TextRenderingMode::Fill,
            });
        }
        self.ops.push(Op::EndTextSection);
        w
    }
}

/// The pages of one PDF, which may hold many documents (a batch).
#[derive(Debug)]
pub struct Sheets {
    doc: PdfDocument,
    font: &'static Font,
    font_id: FontId,
    pages: Vec<Page>,
    /// Index of the first page of the document being drawn.
    doc_start: usize,
}

impl Sheets {
    /// A new PDF with the embedded font added once.
    pub fn new(title: &str) -> Result<Self> {
        let font = font()?;
        let mut doc = PdfDocument::new(title);
        let font_id = doc.add_font(font.parsed());
        Ok(Self {
            doc,
            font,
            font_id,
            pages: Vec::new(),
            doc_start: 0,
        })
    }

    /// Starts a new document in this PDF (page numbers restart).
    pub fn begin_document(&mut self) {
        self.doc_start = self.pages.len();
    }

    /// Adds a page and returns it for drawing.
    pub fn new_page(&mut self, size: PageSize) -> &mut Page {
        self.pages.push(Page {
            size,
            ops: Vec::new(),
            runs: Vec::new(),
            keep_outs: Vec::new(),
            font: self.font,
            font_id: self.font_id.clone(),
            offset: (0.0, 0.0),
        });
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// The page being drawn; a new A4 page if there is none yet.
    pub fn page(&mut self) -> &mut Page {
        if self.pages.len() == self.doc_start {
            return self.new_page(PageSize::A4);
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Pages of the current document so far.
    pub fn pages_in_document(&self) -> usize {
        self.pages.len() - self.doc_start
    }

    /// All pages drawn so far.
    pub fn pages(&self) -> &[Page] {
        &self.pages
    }

    /// Adds a photo (JPEG or PNG) to the PDF's resources.
    pub fn add_image(&mut self, field: &str, bytes: &[u8]) -> Result<(XObjectId, f32, f32)> {
        let mut warnings: Vec<PdfWarnMsg> = Vec::new();
        let image = RawImage::decode_from_bytes(bytes, &mut warnings).map_err(|message| {
            PrintError::Image {
                field: field.to_owned(),
                message,
            }
        })?;
        #[allow(clippy::cast_precision_loss)]
        let (w, h) = (image.width as f32, image.height as f32);
        Ok((self.doc.add_image(&image), w, h))
    }

    /// Writes "第 i 页 共 n 页" at the foot of every page of the current document.
    pub fn number_pages(&mut self) {
        let total = self.pages.len() - self.doc_start;
        for (i, page) in self.pages[self.doc_start..].iter_mut().enumerate() {
            let label = format!("第 {} 页  共 {} 页", i + 1, total);
            let (x, y) = (page.size.width / 2.0, page.size.height - 8.0);
            page.text(x, y, TextStyle::SMALL, Align::Center, &label);
        }
    }

    /// Serialises the PDF with the font subset to the glyphs used.
    pub fn finish(self) -> Vec<u8> {
        self.into_parts().0
    }

    /// Serialises the PDF and hands back every page's text runs and keep-out areas (for layout
    /// tests).
    pub fn into_parts(self) -> (Vec<u8>, Vec<PageLayout>) {
        let Self { mut doc, pages, .. } = self;
        let mut runs = Vec::with_capacity(pages.len());
        let pdf_pages = pages
            .into_iter()
            .map(|p| {
                runs.push(PageLayout {
                    runs: p.runs,
                    keep_outs: p.keep_outs,
                });
                PdfPage::new(
                    printpdf::Mm(p.size.width),
                    printpdf::Mm(p.size.height),
                    p.ops,
                )
            })
            .collect();
        doc.with_pages(pdf_pages);
        let options = PdfSaveOptions {
            subset_fonts: true,
            // Photos: lossless Flate without the automatic analysis pass (≈3× faster per photo).
            image_optimization: Some(ImageOptimizationOptions {
                auto_optimize: Some(false),
                format: Some(ImageCompression::Flate),
                ..ImageOptimizationOptions::default()
            }),
            ..PdfSaveOptions::default()
        };
        let bytes = doc.save(&options, &mut Vec::new());
        (bytes, runs)
    }
}

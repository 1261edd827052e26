//! Ruling: lines, rectangles and circles (solid or dashed), in millimetres from the top-left.

use printpdf::{Line, LineDashPattern, LinePoint, Op};

use crate::layout::page::Page;
use crate::layout::text::{black, mm_pt};

/// Line weights in millimetres.
pub const THIN: f32 = 0.2;
pub const THICK: f32 = 0.5;

impl Page {
    fn stroke(&mut self, points: Vec<LinePoint>, closed: bool, weight: f32, dashed: bool) {
        let pattern: &[f32] = if dashed { &[3.0, 2.0] } else { &[] };
        self.ops.push(Op::SaveGraphicsState);
        self.ops.push(Op::SetOutlineColor { col: black() });
        self.ops.push(Op::SetOutlineThickness { pt: mm_pt(weight) });
        self.ops.push(Op::SetLineDashPattern {
            dash: LineDashPattern::new(0.0, pattern),
        });
        self.ops.push(Op::DrawLine {
            line: Line {
                points,
                is_closed: closed,
            },
        });
        self.ops.push(Op::RestoreGraphicsState);
    }

    fn corner(&self, x: f32, y: f32) -> LinePoint {
        LinePoint {
            p: self.point(x, y),
            bezier: false,
        }
    }

    /// A straight line.
    pub fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, weight: f32) {
        let points = vec![self.corner(x1, y1), self.corner(x2, y2)];
        self.stroke(points, false, weight, false);
    }

    /// A dashed straight line.
    pub fn dashed_line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, weight: f32) {
        let points = vec![self.corner(x1, y1), self.corner(x2, y2)];
        self.stroke(points, false, weight, true);
    }

    /// A rectangle outline with its top-left corner at (`x`, `y`).
    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, weight: f32, dashed: bool) {
        let points = vec![
            self.corner(x, y),
            self.corner(x + w, y),
            self.corner(x + w, y + h),
            self.corner(x, y + h),
        ];
        self.stroke(points, true, weight, dashed);
    }

    /// A circle outline (four cubic Béziers) centred at (`cx`, `cy`).
    pub fn circle(&mut self, cx: f32, cy: f32, r: f32, weight: f32, dashed: bool) {
        const K: f32 = 0.552_284_8;
        let k = r * K;
        let pt = |page: &Self, x: f32, y: f32, bezier: bool| LinePoint {
            p: page.point(x, y),
            bezier,
        };
        let points = vec![
            pt(self, cx + r, cy, false),
            pt(self, cx + r, cy + k, true),
            pt(self, cx + k, cy + r, true),
            pt(self, cx, cy + r, false),
            pt(self, cx - k, cy + r, true),
            pt(self, cx - r, cy + k, true),
            pt(self, cx - r, cy, false),
            pt(self, cx - r, cy - k, true),
            pt(self, cx - k, cy - r, true),
            pt(self, cx, cy - r, false),
            pt(self, cx + k, cy - r, true),
            pt(self, cx + r, cy - k, true),
            pt(self, cx + r, cy, false),
        ];
        self.stroke(points, false, weight, dashed);
    }
}

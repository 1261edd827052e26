//! Line breaking for Chinese text: any gap between two Chinese characters may break, but never
//! inside a run of Latin letters and digits (an ID number, a 学籍号, a date like 2024-09-01), never
//! around the middle dot of a name, never before closing or after opening punctuation.

use crate::font::Font;
use crate::layout::page::Page;
use crate::layout::text::{Align, TextStyle, width};

/// Characters that form unbreakable runs with their neighbours of the same class.
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '/' | '_' | '@' | '#' | '+' | '×' | '%')
}

/// Punctuation that must not start a line.
fn is_closing(c: char) -> bool {
    "，。、；：？！）》」』”’〕】…—%,.;:?!)]".contains(c)
}

/// Punctuation that must not end a line.
fn is_opening(c: char) -> bool {
    "（《「『“‘〔【([".contains(c)
}

/// Whether a line may break between `a` and `b`.
fn may_break(a: char, b: char) -> bool {
    if a == ' ' || a == '\u{3000}' {
        return true;
    }
    !(is_word_char(a) && is_word_char(b)
        || is_closing(b)
        || is_opening(a)
        || a == '·'
        || b == '·'
        || b == ' ')
}

/// Splits `text` into the unbreakable pieces between break opportunities.
fn segments(paragraph: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut prev: Option<char> = None;
    for c in paragraph.chars() {
        if let Some(p) = prev
            && may_break(p, c)
        {
            out.push(std::mem::take(&mut current));
        }
        current.push(c);
        prev = Some(c);
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Wraps `text` into lines no wider than `max_width` mm; `\n` starts a new line. A single piece
/// wider than a whole line (only a pathological value) is split by characters as a last resort.
pub fn wrap(font: &Font, style: TextStyle, text: &str, max_width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for seg in segments(paragraph) {
            let candidate = format!("{line}{seg}");
            if width(font, style, candidate.trim_end()) <= max_width || line.is_empty() {
                line = candidate;
            } else {
                lines.push(line.trim_end().to_owned());
                seg.trim_start().clone_into(&mut line);
            }
            while width(font, style, line.trim_end()) > max_width && line.chars().count() > 1 {
                let (head, tail) = split_to_fit(font, style, &line, max_width);
                lines.push(head);
                line = tail;
            }
        }
        lines.push(line.trim_end().to_owned());
    }
    lines
}

/// Draws `text` wrapped to `width` mm from `x`, first baseline at `baseline`, lines `pitch` mm
/// apart; returns the baseline after the last line.
pub fn paragraph(
    page: &mut Page,
    x: f32,
    baseline: f32,
    width: f32,
    style: TextStyle,
    pitch: f32,
    text: &str,
) -> f32 {
    let mut y = baseline;
    for line in wrap(page.font(), style, text, width) {
        page.text(x, y, style, Align::Left, &line);
        y += pitch;
    }
    y
}

/// The longest prefix (at least one character) that fits, and the rest.
fn split_to_fit(font: &Font, style: TextStyle, line: &str, max_width: f32) -> (String, String) {
    let mut head = String::new();
    for (i, c) in line.char_indices() {
        let mut next = head.clone();
        next.push(c);
        if !head.is_empty() && width(font, style, &next) > max_width {
            return (head, line[i..].to_owned());
        }
        head = next;
    }
    (head, String::new())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::font::font;

    const STYLE: TextStyle = TextStyle::BODY;

    fn f() -> &'static Font {
        font().expect("embedded font parses")
    }

    #[test]
    fn short_text_stays_on_one_line() {
        assert_eq!(
            wrap(f(), STYLE, "浙江省教育厅", 100.0),
            vec!["浙江省教育厅"]
        );
    }

    #[test]
    fn every_line_fits_and_nothing_is_lost() {
        let text = "杭州市西湖区文三路四百七十八号华星时代广场A座十二楼一二零八室，邮编310012，联系电话0571-88886666。";
        let lines = wrap(f(), STYLE, text, 40.0);
        assert!(lines.len() > 2, "{lines:?}");
        for line in &lines {
            assert!(width(f(), STYLE, line) <= 40.0 + 0.01, "{line}");
        }
        assert_eq!(lines.concat(), text);
    }

    #[test]
    fn an_id_number_is_never_split() {
        let id = "33010620150301002X";
        let text = format!("学生身份证件号码为{id}，学籍号G{id}。");
        for max in [45.0, 50.0, 61.0, 75.0, 90.0] {
            let lines = wrap(f(), STYLE, &text, max);
            assert!(
                lines.iter().filter(|l| l.contains(id)).count() == 2,
                "{max}: {lines:?}"
            );
        }
    }

    #[test]
    fn closing_punctuation_never_starts_a_line_and_names_keep_their_dot() {
        let text = "申请人阿依古丽·买买提，因家庭住址变更，申请转学。";
        for max in 10..60 {
            #[allow(clippy::cast_precision_loss)]
            let lines = wrap(f(), STYLE, text, max as f32);
            for line in &lines {
                let first = line.chars().next().unwrap_or(' ');
                assert!(!is_closing(first), "{max}: {lines:?}");
                assert!(
                    !line.starts_with('·') && !line.ends_with('·'),
                    "{max}: {lines:?}"
                );
            }
        }
    }

    #[test]
    fn newlines_start_new_lines() {
        assert_eq!(wrap(f(), STYLE, "一\n二", 100.0), vec!["一", "二"]);
    }

    #[test]
    fn an_overlong_number_is_split_only_as_a_last_resort() {
        let lines = wrap(f(), STYLE, "12345678901234567890", 10.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), "12345678901234567890");
    }
}

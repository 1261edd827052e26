//! The text of the law itself (《浙江省义务教育阶段学生学籍管理办法》, 2017), so that a refusal can
//! show the article behind its rule id. The file is the official text, kept verbatim in `law/`.

use crate::rules::{CATALOGUE, RuleId};

/// The law's full text.
pub const TEXT: &str = include_str!("../law/zhejiang-2017-xueji-banfa.txt");

/// The law's short name, as a refusal cites it.
pub const SHORT_NAME: &str = "《浙江省义务教育阶段学生学籍管理办法》";

/// One rule as a refusal shows it: its id, its title and the article it comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleCitation {
    pub rule: RuleId,
    /// The rule's short Chinese title from the catalogue.
    pub title: &'static str,
    /// The article number (`13` for `R13.5`).
    pub article: u32,
    /// The article's whole text, starting with `第十三条`, paragraphs joined by newlines.
    pub text: String,
}

/// The citation of a rule id, or `None` when the id is not in the catalogue or the article is
/// not in the text.
pub fn cite(rule_id: &str) -> Option<RuleCitation> {
    let (rule, title) = CATALOGUE.iter().find(|(id, _)| id.as_str() == rule_id)?;
    let article = rule_id
        .strip_prefix('R')?
        .split('.')
        .next()?
        .parse::<u32>()
        .ok()?;
    Some(RuleCitation {
        rule: rule.clone(),
        title,
        article,
        text: article_text(article)?,
    })
}

/// The text of article `n` (第n条): its first line and every paragraph up to the next article
/// or chapter heading.
pub fn article_text(n: u32) -> Option<String> {
    let head = format!("第{}条", chinese_number(n));
    let mut lines = TEXT.lines().map(str::trim);
    let first = lines.find(|l| {
        l.strip_prefix(head.as_str())
            .is_some_and(|rest| rest.starts_with(char::is_whitespace) || rest.is_empty())
    })?;
    let mut text = first.to_owned();
    for line in lines {
        if is_heading(line) {
            break;
        }
        if !line.is_empty() {
            text.push('\n');
            text.push_str(line);
        }
    }
    Some(text)
}

/// An article (`第…条`) or chapter (`第…章`) heading line.
fn is_heading(line: &str) -> bool {
    let Some(rest) = line.strip_prefix('第') else {
        return false;
    };
    let digits: String = rest
        .chars()
        .take_while(|c| "零一二三四五六七八九十百".contains(*c))
        .collect();
    !digits.is_empty() && matches!(rest[digits.len()..].chars().next(), Some('条' | '章'))
}

/// 1 → 一, 13 → 十三, 20 → 二十, 32 → 三十二 (the law has fewer than 100 articles).
fn chinese_number(n: u32) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let (tens, ones) = (n / 10, n % 10);
    let mut s = String::new();
    if tens > 1 {
        s.push_str(DIGITS[tens as usize]);
    }
    if tens > 0 {
        s.push('十');
    }
    if ones > 0 || tens == 0 {
        s.push_str(DIGITS[ones as usize]);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_as_the_law_writes_them() {
        assert_eq!(chinese_number(1), "一");
        assert_eq!(chinese_number(10), "十");
        assert_eq!(chinese_number(13), "十三");
        assert_eq!(chinese_number(20), "二十");
        assert_eq!(chinese_number(32), "三十二");
    }

    #[test]
    fn article_13_is_the_transfer_article_and_stops_before_article_14() {
        let text = article_text(13).unwrap();
        assert!(text.starts_with("第十三条"), "{text}");
        assert!(text.contains("转学"));
        assert!(!text.contains("第十四条"));
    }

    #[test]
    fn article_1_is_not_confused_with_article_10_to_19() {
        assert!(article_text(1).unwrap().starts_with("第一条"));
        assert!(article_text(10).unwrap().starts_with("第十条"));
    }

    #[test]
    fn a_multi_paragraph_article_keeps_its_paragraphs_and_stops_at_the_chapter() {
        let text = article_text(4).unwrap();
        assert!(text.lines().count() > 1, "{text}");
        assert!(!text.contains("第二章"));
    }

    #[test]
    fn every_rule_of_the_catalogue_cites_its_article() {
        for (id, title) in CATALOGUE {
            let citation = cite(id.as_str()).unwrap_or_else(|| panic!("{id} has no article"));
            assert_eq!(citation.title, *title);
            assert!(citation.text.starts_with('第'));
        }
    }

    #[test]
    fn an_unknown_rule_has_no_citation() {
        assert!(cite("R99.1").is_none());
        assert!(cite("nonsense").is_none());
    }
}

//! The text of the law itself (《浙江省义务教育阶段学生学籍管理办法》, 2017), so that a refusal can
//! show the article behind its rule id. The file is the official text, kept verbatim in `law/`.

use crate::rules::{CATALOGUE, RuleId};

/// The law's full text.
pub const TEXT: &str = include_str!("../law/zhejiang-2017-xueji-banfa.txt");

/// The law's short name, as a refusal cites it.
pub const SHORT_NAME: &str = "《浙江省义务教育阶段学生学籍管理办法》";

/// The regulation a rule profile follows: the law a refusal cites.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Law {
    /// 《浙江省义务教育阶段学生学籍管理办法》 (2017): its text ships with the app.
    Zhejiang2017,
    /// 《中小学生学籍管理办法》 as the Ministry of Education reissued it in 2025. Its text does not
    /// ship with the app (no verified copy is in the repository), so a refusal names the law and
    /// the rule and never quotes the Zhejiang text as if it were this one.
    National2025,
}

impl Law {
    /// The law's name as a refusal cites it.
    pub fn short_name(self) -> &'static str {
        match self {
            Self::Zhejiang2017 => SHORT_NAME,
            Self::National2025 => "《中小学生学籍管理办法》",
        }
    }

    /// The law's official text, where it ships with the app.
    pub fn text(self) -> Option<&'static str> {
        match self {
            Self::Zhejiang2017 => Some(TEXT),
            Self::National2025 => None,
        }
    }

    /// The citation of a rule under this law: the article quoted where the text ships, else
    /// the rule's title with the law's name and where its text is found.
    pub fn cite(self, rule_id: &str) -> Option<LawCitation> {
        match self {
            Self::Zhejiang2017 => cite(rule_id).map(|c| LawCitation {
                rule: c.rule.clone(),
                title: c.title,
                article: Some(c.article_label()),
                sentence: c.sentence.clone(),
                text: format!("{SHORT_NAME}{}", c.text),
            }),
            Self::National2025 => {
                let (rule, title) = CATALOGUE.iter().find(|(id, _)| id.as_str() == rule_id)?;
                Some(LawCitation {
                    rule: rule.clone(),
                    title,
                    article: None,
                    sentence: (*title).to_owned(),
                    text: format!(
                        "本校适用{name}（2025年修订）。本软件未收录该办法原文，{rule}“{title}”的条文请以教育部印发的文本为准。",
                        name = self.short_name()
                    ),
                })
            }
        }
    }
}

/// A rule as a refusal under a profile's law shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LawCitation {
    pub rule: RuleId,
    pub title: &'static str,
    /// `第十三条`, where the law's text ships with the app.
    pub article: Option<String>,
    /// The sentence quoted, or the rule's title where the text does not ship.
    pub sentence: String,
    /// The whole article prefixed with the law's name, or the note saying where the text is.
    pub text: String,
}

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
    /// The one sentence of the article the rule comes from (the sentence closest to the rule's
    /// title), for a refusal to quote; the whole text stays one click away.
    pub sentence: String,
}

impl RuleCitation {
    /// The article as the law numbers it: `第十三条`.
    pub fn article_label(&self) -> String {
        format!("第{}条", chinese_number(self.article))
    }
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
    let text = article_text(article)?;
    Some(RuleCitation {
        rule: rule.clone(),
        title,
        article,
        sentence: closest_sentence(&text, title),
        text,
    })
}

/// The sentences of an article's text (ended by 。, ； or a line break), without the leading
/// `第十三条` of the first line.
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for line in text.lines() {
        let line = match line.strip_prefix('第') {
            Some(_) if is_heading(line) => line
                .split_once(char::is_whitespace)
                .map_or("", |(_, rest)| rest.trim_start()),
            _ => line,
        };
        let mut start = 0;
        for (i, c) in line.char_indices() {
            if matches!(c, '。' | '；') {
                let end = i + c.len_utf8();
                out.push(line[start..end].trim());
                start = end;
            }
        }
        if !line[start..].trim().is_empty() {
            out.push(line[start..].trim());
        }
    }
    out.retain(|s| !s.is_empty());
    out
}

/// The sentence sharing the most character pairs with the rule's title (ties: the earlier one).
fn closest_sentence(text: &str, title: &str) -> String {
    let pairs = |s: &str| {
        let chars: Vec<char> = s.chars().filter(|c| !c.is_ascii_punctuation()).collect();
        chars
            .windows(2)
            .map(|w| (w[0], w[1]))
            .collect::<std::collections::BTreeSet<_>>()
    };
    let wanted = pairs(title);
    let mut best: Option<(usize, &str)> = None;
    for s in sentences(text) {
        let score = pairs(s).intersection(&wanted).count();
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, s));
        }
    }
    best.map(|(_, s)| s.to_owned()).unwrap_or_default()
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
    fn a_refusal_under_each_profile_cites_that_profiles_law_and_never_the_other() {
        let zj = Law::Zhejiang2017.cite("R13.5").expect("zhejiang");
        assert_eq!(zj.article.as_deref(), Some("第十三条"));
        assert!(
            zj.text
                .starts_with("《浙江省义务教育阶段学生学籍管理办法》第十三条")
        );
        let national = Law::National2025.cite("R13.5").expect("national");
        assert_eq!(national.article, None);
        assert_eq!(national.title, zj.title);
        assert!(
            national.text.contains("《中小学生学籍管理办法》"),
            "{}",
            national.text
        );
        assert!(!national.text.contains("浙江省"), "{}", national.text);
        assert!(!national.text.contains(&zj.sentence), "{}", national.text);
        assert!(Law::National2025.cite("R99.9").is_none());
    }

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
    fn a_citation_quotes_the_sentence_its_rule_comes_from() {
        let c = cite("R13.5").unwrap();
        assert_eq!(c.article_label(), "第十三条");
        assert_eq!(
            c.sentence,
            "学生在转学时不得变更就读年级，学生在休学期间不办理转学手续。"
        );
        let c = cite("R13.3").unwrap();
        assert!(c.sentence.contains("10个工作日内"), "{}", c.sentence);
        let c = cite("R23.3").unwrap();
        assert!(c.sentence.contains("毕业"), "{}", c.sentence);
        // The first sentence loses its 第…条 heading.
        let c = cite("R3.1").unwrap();
        assert!(!c.sentence.starts_with('第'), "{}", c.sentence);
    }

    #[test]
    fn every_rule_quotes_one_sentence_of_its_own_article() {
        for (id, _) in CATALOGUE {
            let c = cite(id.as_str()).unwrap();
            assert!(!c.sentence.is_empty(), "{id}");
            assert!(c.text.contains(&c.sentence), "{id}: {}", c.sentence);
        }
    }

    #[test]
    fn an_unknown_rule_has_no_citation() {
        assert!(cite("R99.1").is_none());
        assert!(cite("nonsense").is_none());
    }
}

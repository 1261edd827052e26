//! Reads a State Council holiday notice as published (《国务院办公厅关于20XX年部分节假日安排的
//! 通知》, and the amendments that adjust or extend a holiday), so the registrar loads next year's
//! notice by pasting it, never by retyping its dates.
//!
//! What is read, item by item (一、元旦：… 二、春节：…):
//! - "M月D日至[M月]D日放假（调休）" and "M月D日放假": days off; "D日（星期一）补休": a day off;
//! - "与周末连休": the weekend next to the day off is off too;
//! - "M月D日（星期六）、M月D日（星期日）上班": make-up workdays;
//! - "延长20XX年春节假期至M月D日": the holiday runs on to that day (the 2020 extension);
//! - "共N天": checked against the days read;
//! - a weekday in brackets ("（星期六）", "（周六）") is checked against the date.
//!
//! Full-width and half-width punctuation are both accepted; dates without a year are in the
//! notice's year (a December date under 元旦 in the year before).

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::{Notice, NoticeDayKind, NoticeEntry, NoticeOrigin, WorkCalendar};
use crate::error::{DomainError, Result};
use crate::rules;

const FIELD: &str = "notice_text";
const FESTIVALS: [&str; 7] = [
    "元旦",
    "春节",
    "清明节",
    "劳动节",
    "端午节",
    "中秋节",
    "国庆节",
];
const NUMERALS: &str = "一二三四五六七八九十";

/// A notice read from its text.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ParsedNotice {
    pub year: i32,
    /// The title with its 文号, e.g. 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）.
    pub title: String,
    pub entries: Vec<NoticeEntry>,
}

impl ParsedNotice {
    /// The school's notice, before any adjustment.
    pub fn into_notice(self) -> Notice {
        Notice {
            year: self.year,
            title: self.title,
            origin: NoticeOrigin::School,
            entries: self.entries,
            adjustments: Vec::new(),
        }
    }
}

fn invalid(message: impl Into<String>) -> DomainError {
    DomainError::invalid(FIELD, rules::R13_3, message)
}

/// One text form: full-width punctuation, ASCII digits, no spaces; separators inside brackets
/// become `/` so that a bracketed note never splits a clause or looks like an item number.
fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0u32;
    for c in text.chars() {
        let c = match c {
            ':' => '：',
            ',' => '，',
            ';' => '；',
            '(' => '（',
            ')' => '）',
            '０'..='９' => char::from_digit(u32::from(c) - u32::from('０'), 10).unwrap_or(c),
            '\r' | ' ' | '\t' | '\u{3000}' | '\u{a0}' => continue,
            _ => c,
        };
        match c {
            '（' => depth += 1,
            '）' => depth = depth.saturating_sub(1),
            _ => {}
        }
        out.push(
            if depth > 0 && matches!(c, '，' | '、' | '。' | '；' | '：') {
                '/'
            } else {
                c
            },
        );
    }
    out
}

fn first_number(s: &str, digits: usize) -> Option<i32> {
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            if i - start == digits {
                return chars[start..i].iter().collect::<String>().parse().ok();
            }
        } else {
            i += 1;
        }
    }
    None
}

/// The title (国务院办公厅关于…的通知), if the text has one.
fn title_of(text: &str) -> Option<String> {
    let start = text.find("国务院办公厅关于")?;
    let rest = &text[start..];
    let end = rest.find("通知")? + "通知".len();
    Some(rest[..end].to_owned())
}

/// The 文号, e.g. 国办发明电〔2024〕12号.
fn doc_number_of(text: &str) -> Option<String> {
    let start = text.find("国办发明电")?;
    let rest: String = text[start..].chars().take(20).collect();
    let end = rest.find('号')? + '号'.len_utf8();
    let number: String = rest[..end]
        .chars()
        .map(|c| match c {
            '[' | '【' | '（' | '［' => '〔',
            ']' | '】' | '）' | '］' => '〕',
            _ => c,
        })
        .collect();
    Some(number)
}

fn weekday_zh(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "星期一",
        Weekday::Tue => "星期二",
        Weekday::Wed => "星期三",
        Weekday::Thu => "星期四",
        Weekday::Fri => "星期五",
        Weekday::Sat => "星期六",
        Weekday::Sun => "星期日",
    }
}

/// The weekday a bracketed note names (星期六, 周日, 礼拜天), if any.
fn weekday_in(note: &str) -> Option<Weekday> {
    for marker in ["星期", "礼拜", "周"] {
        if let Some(pos) = note.find(marker) {
            let day = note[pos + marker.len()..].chars().next()?;
            return Some(match day {
                '一' => Weekday::Mon,
                '二' => Weekday::Tue,
                '三' => Weekday::Wed,
                '四' => Weekday::Thu,
                '五' => Weekday::Fri,
                '六' => Weekday::Sat,
                '日' | '天' => Weekday::Sun,
                _ => continue,
            });
        }
    }
    None
}

/// A date as written: the parts given, and the bracketed note after it.
#[derive(Clone, Debug)]
struct Written {
    year: Option<i32>,
    month: Option<u32>,
    day: u32,
    note: Option<String>,
}

#[derive(Clone, Debug)]
enum Token {
    Date(Written),
    /// 至
    To,
    Other,
}

fn tokens(clause: &str) -> Vec<Token> {
    let chars: Vec<char> = clause.chars().collect();
    let mut out = Vec::new();
    let (mut year, mut month) = (None, None);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            let n: u32 = chars[start..i]
                .iter()
                .collect::<String>()
                .parse()
                .unwrap_or(0);
            match chars.get(i) {
                Some('年') => year = i32::try_from(n).ok(),
                Some('月') => month = Some(n),
                Some('日') => {
                    out.push(Token::Date(Written {
                        year: year.take(),
                        month: month.take(),
                        day: n,
                        note: None,
                    }));
                }
                _ => {
                    year = None;
                    month = None;
                    out.push(Token::Other);
                    continue;
                }
            }
            i += 1;
            continue;
        }
        match c {
            '（' => {
                let start = i + 1;
                while i < chars.len() && chars[i] != '）' {
                    i += 1;
                }
                let note: String = chars[start..i.min(chars.len())].iter().collect();
                if let Some(Token::Date(w)) = out.last_mut() {
                    w.note = Some(note);
                }
            }
            '至' | '到' => out.push(Token::To),
            _ => {
                if !matches!(out.last(), Some(Token::Other)) {
                    out.push(Token::Other);
                }
            }
        }
        i += 1;
    }
    out
}

/// Where an item stands, for messages and for dates without a year.
struct Item<'a> {
    /// 第二项（春节）
    name: String,
    festival: String,
    year: i32,
    content: &'a str,
}

impl Item<'_> {
    fn resolve(&self, w: &Written, after: Option<NaiveDate>) -> Result<NaiveDate> {
        let month = w
            .month
            .or_else(|| after.map(|d| d.month()))
            .ok_or_else(|| invalid(format!("{}：“{}日”缺少月份", self.name, w.day)))?;
        let mut year = w.year.unwrap_or_else(|| match after {
            Some(start) => start.year(),
            None if month == 12 && self.festival.contains("元旦") => self.year - 1,
            None => self.year,
        });
        let mut date = NaiveDate::from_ymd_opt(year, month, w.day)
            .ok_or_else(|| invalid(format!("{}：{month}月{}日不是有效日期", self.name, w.day)))?;
        if let Some(start) = after
            && w.year.is_none()
            && date < start
        {
            year += 1;
            date = NaiveDate::from_ymd_opt(year, month, w.day).ok_or_else(|| {
                invalid(format!("{}：{month}月{}日不是有效日期", self.name, w.day))
            })?;
        }
        if let Some(written) = w.note.as_deref().and_then(weekday_in)
            && written != date.weekday()
        {
            return Err(invalid(format!(
                "{}：{}是{}，通知写的是{}，请核对粘贴的文字",
                self.name,
                date,
                weekday_zh(date.weekday()),
                weekday_zh(written)
            )));
        }
        Ok(date)
    }

    /// The dates of a clause: single dates and `A至B` ranges, in order.
    fn dates(&self, clause: &str) -> Result<Vec<NaiveDate>> {
        let toks = tokens(clause);
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            if let Token::Date(w) = &toks[i] {
                let from = self.resolve(w, None)?;
                if let (Some(Token::To), Some(Token::Date(end))) =
                    (toks.get(i + 1), toks.get(i + 2))
                {
                    let to = self.resolve(end, Some(from))?;
                    let span = (to - from).num_days();
                    if !(0..15).contains(&span) {
                        return Err(invalid(format!(
                            "{}：{from}至{to}的日期范围无效",
                            self.name
                        )));
                    }
                    let mut d = from;
                    while d <= to {
                        out.push(d);
                        d = d.succ_opt().ok_or_else(|| invalid("日期超出范围"))?;
                    }
                    i += 3;
                    continue;
                }
                out.push(from);
            }
            i += 1;
        }
        Ok(out)
    }
}

/// The numbered items (一、… 二、…), each with its festival label if it has one.
fn items(text: &str) -> Vec<(String, Option<String>, usize, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut starts = Vec::new();
    for (k, (pos, c)) in chars.iter().enumerate() {
        if !NUMERALS.contains(*c) {
            continue;
        }
        let boundary = k == 0 || matches!(chars[k - 1].1, '\n' | '。' | '：');
        if !boundary {
            continue;
        }
        let mut j = k;
        while j < chars.len() && NUMERALS.contains(chars[j].1) {
            j += 1;
        }
        if chars.get(j).map(|x| x.1) != Some('、') {
            continue;
        }
        let ordinal: String = chars[k..j].iter().map(|x| x.1).collect();
        let after = chars.get(j + 1).map_or(text.len(), |x| x.0);
        // A festival label: festival names joined by 、, then ：
        let rest = &text[after..];
        let (label, content) = match rest.find('：') {
            Some(colon)
                if rest[..colon].chars().count() <= 16
                    && rest[..colon].split('、').all(|p| FESTIVALS.contains(&p)) =>
            {
                (
                    Some(rest[..colon].to_owned()),
                    after + colon + '：'.len_utf8(),
                )
            }
            _ => (None, after),
        };
        starts.push((ordinal, label, *pos, content));
    }
    let mut out = Vec::new();
    for (n, (ordinal, label, _, content)) in starts.iter().enumerate() {
        let end = starts.get(n + 1).map_or(text.len(), |next| next.2);
        out.push((ordinal.clone(), label.clone(), *content, end));
    }
    out
}

fn count_days(clause: &str) -> Option<usize> {
    let start = clause.find('共')? + '共'.len_utf8();
    let rest = &clause[start..];
    let end = rest.find('天')?;
    rest[..end].parse().ok()
}

/// Reads a notice's text. `base` is the calendar it amends (an extension names only its new last
/// day; the days before come from the notice it extends).
pub fn parse_notice(text: &str, base: &WorkCalendar) -> Result<ParsedNotice> {
    let text = normalize(text);
    let title = title_of(&text);
    let year = title
        .as_deref()
        .and_then(|t| first_number(t, 4))
        .or_else(|| text.find("现将").and_then(|p| first_number(&text[p..], 4)))
        .filter(|y| (2000..=2200).contains(y))
        .ok_or_else(|| {
            invalid("未找到通知的年份：请连同标题（国务院办公厅关于××××年部分节假日安排的通知）一起粘贴")
        })?;
    let title = title.unwrap_or_else(|| format!("国务院办公厅关于{year}年部分节假日安排的通知"));
    let title_festival = FESTIVALS.iter().find(|f| title.contains(**f)).copied();
    let title = match doc_number_of(&text) {
        Some(number) if !title.contains(&number) => format!("{title}（{number}）"),
        _ => title,
    };

    let mut found = items(&text);
    if found.is_empty() {
        found.push((String::new(), None, 0, text.len()));
    }
    let mut entries: Vec<NoticeEntry> = Vec::new();
    for (ordinal, label, from, to) in found {
        let festival = label
            .clone()
            .or_else(|| title_festival.map(str::to_owned))
            .unwrap_or_else(|| "节假日".to_owned());
        let name = if ordinal.is_empty() {
            "通知".to_owned()
        } else {
            format!("第{ordinal}项（{festival}）")
        };
        let item = Item {
            name,
            festival,
            year,
            content: &text[from..to],
        };
        entries.extend(read_item(&item, base)?);
    }
    let mut seen = std::collections::BTreeSet::new();
    for e in &entries {
        if !seen.insert(e.date) {
            return Err(invalid(format!("{}在通知中出现了两次，请核对", e.date)));
        }
    }
    if entries.is_empty() {
        return Err(invalid(
            "没有读到任何放假或上班日期：请粘贴通知的全文（含“一、元旦：……”各项）",
        ));
    }
    entries.sort_by_key(|e| e.date);
    let notice = ParsedNotice {
        year,
        title,
        entries,
    };
    notice.clone().into_notice().validate()?;
    Ok(notice)
}

fn read_item(item: &Item<'_>, base: &WorkCalendar) -> Result<Vec<NoticeEntry>> {
    let mut holidays: Vec<NaiveDate> = Vec::new();
    let mut makeups: Vec<NaiveDate> = Vec::new();
    let mut extension: Vec<NaiveDate> = Vec::new();
    let mut with_weekend = false;
    let mut stated: Option<usize> = None;
    for clause in item.content.split(['。', '，', '；', '\n']) {
        if clause.contains("正常上班") {
            continue;
        }
        if clause.contains("与周末连休") {
            with_weekend = true;
        }
        if let Some(n) = count_days(clause) {
            stated = Some(n);
        }
        let dates = item.dates(clause)?;
        let Some(last) = dates.last().copied() else {
            continue;
        };
        if clause.contains("延长") {
            extension.extend(extend(item, base, clause, last)?);
        } else if clause.contains("放假") || clause.contains("补休") {
            holidays.extend(dates);
        } else if clause.contains("上班") {
            makeups.extend(dates);
        }
    }
    if with_weekend {
        join_weekend(&mut holidays);
    }
    holidays.sort_unstable();
    holidays.dedup();
    if let Some(n) = stated
        && n != holidays.len()
        && extension.is_empty()
    {
        return Err(invalid(format!(
            "{}：读到的放假日期共{}天，与通知所写“共{n}天”不符，请核对",
            item.name,
            holidays.len()
        )));
    }
    let festival = &item.festival;
    let mut out: Vec<NoticeEntry> = holidays
        .into_iter()
        .map(|date| NoticeEntry {
            date,
            kind: NoticeDayKind::Holiday,
            festival: festival.clone(),
        })
        .collect();
    out.extend(extension.into_iter().map(|date| NoticeEntry {
        date,
        kind: NoticeDayKind::Holiday,
        festival: format!("{festival}（延长）"),
    }));
    out.extend(makeups.into_iter().map(|date| NoticeEntry {
        date,
        kind: NoticeDayKind::MakeupWorkday,
        festival: festival.clone(),
    }));
    Ok(out)
}

/// "与周末连休": a Monday off joins the weekend before it, a Friday off the weekend after.
fn join_weekend(holidays: &mut Vec<NaiveDate>) {
    let (Some(first), Some(last)) = (
        holidays.iter().min().copied(),
        holidays.iter().max().copied(),
    ) else {
        return;
    };
    if first.weekday() == Weekday::Mon {
        holidays.extend(
            [2u64, 1]
                .iter()
                .filter_map(|n| first.checked_sub_days(Days::new(*n))),
        );
    }
    if last.weekday() == Weekday::Fri {
        holidays.extend(
            [1u64, 2]
                .iter()
                .filter_map(|n| last.checked_add_days(Days::new(*n))),
        );
    }
}

/// "延长…假期至M月D日": the days after the holiday's last day in `base`, up to `until`.
fn extend(
    item: &Item<'_>,
    base: &WorkCalendar,
    clause: &str,
    until: NaiveDate,
) -> Result<Vec<NaiveDate>> {
    let festival = FESTIVALS
        .iter()
        .find(|f| clause.contains(**f))
        .copied()
        .unwrap_or(item.festival.as_str());
    let last = base
        .entries()
        .filter(|d| {
            d.kind == NoticeDayKind::Holiday
                && d.festival.contains(festival)
                && !d.festival.contains("延长")
                && d.date < until
                && (until - d.date).num_days() <= 30
        })
        .map(|d| d.date)
        .max()
        .ok_or_else(|| {
            invalid(format!(
                "{}：未找到要延长的{festival}假期，请先载入{}年的节假日安排通知",
                item.name, item.year
            ))
        })?;
    let mut out = Vec::new();
    let mut d = last;
    while d < until {
        d = d.succ_opt().ok_or_else(|| invalid("日期超出范围"))?;
        out.push(d);
    }
    Ok(out)
}

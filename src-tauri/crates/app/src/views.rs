//! Small views shared by several use cases.

use xueji_domain::calendar::Provisional;
use xueji_domain::effects::{Deadline, DeadlineKind, Warning};
use xueji_domain::{Grade, Status};
use xueji_store::entities::deadline;

/// Advice that did not refuse (e.g. R13.2, R28.1).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct WarningView {
    pub rule: String,
    pub message: String,
}

impl From<&Warning> for WarningView {
    fn from(w: &Warning) -> Self {
        Self {
            rule: w.rule.as_str().to_owned(),
            message: w.message.clone(),
        }
    }
}

/// A deadline set by a change.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DeadlineView {
    pub kind: DeadlineKind,
    pub due: chrono::NaiveDate,
    pub rule: String,
    pub label: String,
    /// True when `due` was counted past the loaded holiday notices (shown as 暂定).
    pub provisional: bool,
    /// Which notice is missing and how the date was counted, for the 暂定 tooltip.
    pub provisional_reason: Option<String>,
}

impl From<&Deadline> for DeadlineView {
    fn from(d: &Deadline) -> Self {
        Self {
            kind: d.kind,
            due: d.due,
            rule: d.rule.as_str().to_owned(),
            label: d.label.clone(),
            provisional: d.provisional.is_some(),
            provisional_reason: d.provisional.as_ref().map(Provisional::reason_zh),
        }
    }
}

impl DeadlineView {
    /// A stored deadline: marked as it was counted; a row stored before deadlines kept how they
    /// were counted is marked from the notices loaded now.
    pub fn of_row(d: &deadline::Model, calendar: &xueji_domain::WorkCalendar) -> Self {
        let provisional = if d.start_on.is_some() {
            stored_provisional(d.provisional.as_deref())
        } else {
            calendar.provisional(d.due_on, d.due_on)
        };
        Self {
            kind: d.kind,
            due: d.due_on,
            rule: d.rule.clone(),
            label: d.label.clone(),
            provisional: provisional.is_some(),
            provisional_reason: provisional.as_ref().map(Provisional::reason_zh),
        }
    }
}

/// The 暂定 reason of a date counted on the calendar (a step's or a leave's end), from the
/// notices loaded now; `None` when the date is final.
pub fn provisional_reason(
    calendar: &xueji_domain::WorkCalendar,
    due: chrono::NaiveDate,
) -> Option<String> {
    calendar
        .provisional(due, due)
        .as_ref()
        .map(Provisional::reason_zh)
}

/// One page of results with the total.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Page<T> {
    pub total: u64,
    /// 1-based.
    pub page: u32,
    pub page_size: u32,
    pub rows: Vec<T>,
}

/// A status with its Chinese label.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct StatusView {
    pub code: Status,
    pub label: String,
}

impl From<Status> for StatusView {
    fn from(s: Status) -> Self {
        Self {
            code: s,
            label: s.label_zh().to_owned(),
        }
    }
}

/// 入学, 建立学籍, 休学 … for a stored event kind (a change kind's name or a record event's).
pub fn event_kind_label(kind: &str) -> String {
    match kind {
        "admitted" => "入学".to_owned(),
        "record_created" => "建立学籍".to_owned(),
        xueji_domain::dropout_report::EVENT_KIND => "辍学书面报告已上报".to_owned(),
        other => xueji_domain::stored::parse::<xueji_domain::ApplicationKind>(other)
            .map_or_else(|_| other.to_owned(), |k| k.label_zh().to_owned()),
    }
}

/// The snake-case name a serde enum serialises to.
pub fn snake<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| match v {
            serde_json::Value::String(s) => Some(s),
            serde_json::Value::Object(map) => {
                map.get("type").and_then(|t| t.as_str().map(str::to_owned))
            }
            _ => None,
        })
        .unwrap_or_default()
}

/// `一年级` for a stored grade number.
pub fn grade_label(grade: Option<i32>) -> String {
    grade
        .and_then(|g| u8::try_from(g).ok())
        .and_then(|g| Grade::new(g).ok())
        .map(|g| g.label_zh().to_owned())
        .unwrap_or_default()
}

/// An ID number with the middle hidden (`330106********1234`) for lists.
pub fn mask_id(id: &str) -> String {
    let chars: Vec<char> = id.chars().collect();
    if chars.len() <= 8 {
        return "*".repeat(chars.len());
    }
    let head: String = chars[..6].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}{}{tail}", "*".repeat(chars.len() - 10))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_masked_in_lists() {
        assert_eq!(mask_id("330106201501011234"), "330106********1234");
        assert_eq!(mask_id("E1234"), "*****");
    }

    #[test]
    fn enums_are_named_by_their_snake_names() {
        assert_eq!(snake(&Status::OnLeave), "on_leave");
        assert_eq!(
            xueji_domain::stored::parse::<Status>("on_leave").ok(),
            Some(Status::OnLeave)
        );
    }
}

/// A proof or other file (content fetched separately).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AttachmentView {
    pub id: i64,
    pub file_name: String,
    pub mime: String,
    pub proof_kind: Option<xueji_domain::proofs::ProofKind>,
    /// 居民户口簿 …
    pub proof_kind_label: Option<String>,
    pub application_id: Option<i64>,
    pub size: u32,
}

/// Reads the stored mark (`2027` or `2027,2028`).
pub fn stored_provisional(code: Option<&str>) -> Option<Provisional> {
    let years: Vec<i32> = code?
        .split(',')
        .filter_map(|y| y.trim().parse().ok())
        .collect();
    Provisional::of(years)
}

/// The stored form of a mark.
pub fn provisional_code(p: Option<&Provisional>) -> Option<String> {
    p.map(|p| {
        p.years
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(",")
    })
}

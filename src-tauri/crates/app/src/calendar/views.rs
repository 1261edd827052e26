//! What the 工作日历 page and the command line show and send.

use chrono::NaiveDate;
use xueji_domain::WorkCalendar;
use xueji_domain::calendar::{
    DayAdjustment, Notice, NoticeDayKind, NoticeEntry, NoticeOrigin, statutory,
};

use crate::error::{AppError, Result};

/// A day a notice names.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct NoticeDayView {
    pub date: NaiveDate,
    /// `holiday` (放假) or `makeup_workday` (调休上班).
    pub kind: String,
    pub festival: String,
}

/// A day the registrar marked or unmarked, with the reason.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DayAdjustmentView {
    pub date: NaiveDate,
    /// `holiday`, `makeup_workday`, or `None` for an ordinary day.
    pub kind: Option<String>,
    pub reason: String,
}

/// A holiday notice.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct NoticeView {
    pub year: i32,
    pub title: String,
    /// `shipped` (with the software) or `school` (loaded here).
    pub origin: String,
    /// A shipped notice the school's notices for its year replace.
    pub replaced: bool,
    /// The days in force, after the adjustments.
    pub days: Vec<NoticeDayView>,
    /// The days as read from the notice.
    pub entries: Vec<NoticeDayView>,
    pub adjustments: Vec<DayAdjustmentView>,
}

/// The working-day calendar.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CalendarView {
    /// Years whose State Council notice is loaded, ascending.
    pub years: Vec<i32>,
    /// The last loaded year; dates after it are counted provisionally (暂定).
    pub last_year: Option<i32>,
    /// Every notice: in force, then the shipped ones the school replaced.
    pub notices: Vec<NoticeView>,
    /// How many notices the school loaded.
    pub added: u32,
    /// The first year after the loaded ones, counted provisionally.
    pub provisional_year: Option<i32>,
    /// That year's statutory days off (《全国年节及纪念日放假办法》, with 补假), as counted
    /// until its notice is loaded.
    pub provisional_days: Vec<NoticeDayView>,
}

/// A pasted notice as read, before it is saved.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct NoticePreview {
    pub year: i32,
    pub title: String,
    pub days: Vec<NoticeDayView>,
    /// The notice in force it would replace (same title), if any.
    pub replaces: Option<String>,
    /// Other notices of the same year that stay in force beside it.
    pub alongside: Vec<String>,
}

/// A notice to save: as previewed, with the registrar's adjustments.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct NoticeInput {
    pub year: i32,
    pub title: String,
    pub entries: Vec<NoticeDayView>,
    #[serde(default)]
    pub adjustments: Vec<DayAdjustmentView>,
}

/// A deadline that moved when the calendar changed.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MovedDeadlineView {
    pub student_id: i64,
    pub label: String,
    pub before: NaiveDate,
    pub after: NaiveDate,
    /// Still 暂定 after the change.
    pub provisional: bool,
}

/// What saving or removing a notice did.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CalendarSaved {
    pub calendar: CalendarView,
    /// Open deadlines counted again.
    pub recomputed: u32,
    pub moved: Vec<MovedDeadlineView>,
    /// For the registrar, e.g. "3 个期限已按2027年通知重新计算".
    pub summary: String,
}

fn kind_code(kind: NoticeDayKind) -> &'static str {
    match kind {
        NoticeDayKind::Holiday => "holiday",
        NoticeDayKind::MakeupWorkday => "makeup_workday",
    }
}

fn parse_kind(code: &str) -> Result<NoticeDayKind> {
    match code {
        "holiday" => Ok(NoticeDayKind::Holiday),
        "makeup_workday" => Ok(NoticeDayKind::MakeupWorkday),
        _ => Err(AppError::validation("kind", "日期类型应为放假或调休上班")),
    }
}

impl From<&NoticeEntry> for NoticeDayView {
    fn from(e: &NoticeEntry) -> Self {
        Self {
            date: e.date,
            kind: kind_code(e.kind).to_owned(),
            festival: e.festival.clone(),
        }
    }
}

impl From<&DayAdjustment> for DayAdjustmentView {
    fn from(a: &DayAdjustment) -> Self {
        Self {
            date: a.date,
            kind: a.kind.map(|k| kind_code(k).to_owned()),
            reason: a.reason.clone(),
        }
    }
}

impl NoticeView {
    fn of(n: &Notice, replaced: bool) -> Self {
        Self {
            year: n.year,
            title: n.title.clone(),
            origin: match n.origin {
                NoticeOrigin::Shipped => "shipped",
                NoticeOrigin::School => "school",
            }
            .to_owned(),
            replaced,
            days: n.days().iter().map(NoticeDayView::from).collect(),
            entries: n.entries.iter().map(NoticeDayView::from).collect(),
            adjustments: n.adjustments.iter().map(DayAdjustmentView::from).collect(),
        }
    }
}

impl CalendarView {
    /// The calendar as the page shows it.
    pub fn of(calendar: &WorkCalendar) -> Self {
        let in_force = calendar.notices();
        let mut notices: Vec<NoticeView> =
            in_force.iter().map(|n| NoticeView::of(n, false)).collect();
        notices.extend(
            calendar
                .shipped_notices()
                .iter()
                .filter(|n| {
                    !in_force
                        .iter()
                        .any(|f| f.origin == NoticeOrigin::Shipped && f.title == n.title)
                })
                .map(|n| NoticeView::of(n, true)),
        );
        let last_year = calendar.last_year();
        let provisional_year = last_year.map(|y| y + 1);
        let provisional_days = provisional_year
            .map(|y| {
                statutory::holidays(y)
                    .iter()
                    .map(|(date, festival)| NoticeDayView {
                        date: *date,
                        kind: "holiday".to_owned(),
                        festival: (*festival).to_owned(),
                    })
                    .collect()
            })
            .unwrap_or_default();
        Self {
            years: calendar.covered_years().into_iter().collect(),
            last_year,
            notices,
            added: u32::try_from(calendar.school_notices().len()).unwrap_or(u32::MAX),
            provisional_year,
            provisional_days,
        }
    }
}

impl NoticeInput {
    /// The domain's notice (checked by the calendar when saved).
    pub fn notice(&self) -> Result<Notice> {
        let entries = self
            .entries
            .iter()
            .map(|e| {
                Ok(NoticeEntry {
                    date: e.date,
                    kind: parse_kind(&e.kind)?,
                    festival: e.festival.trim().to_owned(),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let adjustments = self
            .adjustments
            .iter()
            .map(|a| {
                Ok(DayAdjustment {
                    date: a.date,
                    kind: a.kind.as_deref().map(parse_kind).transpose()?,
                    reason: a.reason.trim().to_owned(),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let notice = Notice {
            year: self.year,
            title: self.title.trim().to_owned(),
            origin: NoticeOrigin::School,
            entries,
            adjustments,
        };
        notice.validate()?;
        Ok(notice)
    }
}

//! Leaves ending soon or past, and counts by status and grade (one SQL `GROUP BY`, nothing loaded
//! row by row).

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use xueji_domain::Status;
use xueji_domain::school::Term;
use xueji_store::entities::student;
use xueji_store::repo::dashboard as repo;

use crate::app::App;
use crate::dashboard::{CountView, LIST_LIMIT, LeaveView, ReviewSummaryView};
use crate::error::Result;
use crate::views::grade_label;

fn leave_view(s: &student::Model, today: NaiveDate) -> Option<LeaveView> {
    let until = s.leave_until?;
    Some(LeaveView {
        student_id: s.id,
        student_name: s.name.clone(),
        grade_label: grade_label(s.grade),
        class_name: s.class_name.clone(),
        leave_until: until,
        days_left: (until - today).num_days(),
    })
}

impl App {
    /// Students on leave whose leave ends within `within_days`, and those already past it.
    pub(crate) async fn dashboard_leaves(
        &self,
        today: NaiveDate,
        within_days: u32,
    ) -> Result<(Vec<LeaveView>, Vec<LeaveView>)> {
        let limit = u64::try_from(LIST_LIMIT).unwrap_or(u64::MAX);
        let horizon = today
            .checked_add_days(Days::new(u64::from(within_days)))
            .unwrap_or(today);
        let ending = repo::leaves_ending(self.db(), today, horizon, limit).await?;
        let past = repo::leaves_past(self.db(), today, limit).await?;
        Ok((
            ending.iter().filter_map(|s| leave_view(s, today)).collect(),
            past.iter().filter_map(|s| leave_view(s, today)).collect(),
        ))
    }

    /// Records by status (all), by grade (not archived), and the total.
    pub(crate) async fn dashboard_counts(&self) -> Result<(Vec<CountView>, Vec<CountView>, u64)> {
        // One pass over the covering index: every record by status, the records not archived
        // by grade (no grade first).
        let rank = |s: Status| {
            Status::ALL
                .iter()
                .position(|x| *x == s)
                .unwrap_or(usize::MAX)
        };
        // By the order of the status machine, not alphabetically.
        let mut statuses: BTreeMap<usize, (Status, u64)> = BTreeMap::new();
        let mut grades: BTreeMap<Option<i32>, u64> = BTreeMap::new();
        for c in repo::student_counts(self.db()).await? {
            statuses.entry(rank(c.status)).or_insert((c.status, 0)).1 += c.count;
            if !c.archived {
                *grades.entry(c.grade).or_default() += c.count;
            }
        }
        let total = statuses.values().map(|(_, n)| n).sum();
        let by_status: Vec<CountView> = statuses
            .into_values()
            .map(|(status, count)| CountView {
                code: xueji_domain::stored::text(&status),
                label: status.label_zh().to_owned(),
                count,
            })
            .collect();
        let by_grade = grades
            .into_iter()
            .map(|(grade, count)| CountView {
                code: grade.map(|g| g.to_string()).unwrap_or_default(),
                label: match grade {
                    Some(_) => grade_label(grade),
                    None => "未分年级".to_owned(),
                },
                count,
            })
            .collect();
        Ok((by_status, by_grade, total))
    }

    /// The latest semester review and how far its checks have come.
    pub(crate) async fn dashboard_review(
        &self,
        today: NaiveDate,
    ) -> Result<Option<ReviewSummaryView>> {
        let Some(r) = repo::latest_review(self.db()).await? else {
            return Ok(None);
        };
        let (total, checked) = repo::review_progress(self.db(), r.id).await?;
        let term = Term {
            year: xueji_domain::SchoolYear(r.school_year),
            semester: r.semester,
            start: r.term_start,
            end: r.term_end,
        };
        // Current: today falls between this term's start and the start of the next one (the
        // holidays after a term still belong to it).
        let current = r.term_start <= today
            && today
                <= r.term_end
                    .checked_add_days(Days::new(62))
                    .unwrap_or(r.term_end);
        Ok(Some(ReviewSummaryView {
            review_id: r.id,
            term_label: term.label_zh(),
            total,
            checked,
            signed_off_on: r.signed_off_on,
            current,
        }))
    }
}

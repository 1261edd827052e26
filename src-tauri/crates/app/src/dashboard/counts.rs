//! Leaves ending soon or past, and counts by status and grade (SQL `GROUP BY`, nothing loaded
//! row by row).

use chrono::{Days, NaiveDate};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};
use xueji_domain::Status;
use xueji_domain::school::Term;
use xueji_store::entities::{semester_review, semester_review_item, student};

use crate::app::App;
use crate::dashboard::{CountView, LIST_LIMIT, LeaveView, ReviewSummaryView};
use crate::error::Result;
use crate::views::{grade_label, snake};

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
        let on_leave = || {
            student::Entity::find()
                .filter(student::Column::Status.eq(snake(&Status::OnLeave)))
                .filter(student::Column::LeaveUntil.is_not_null())
        };
        let ending = on_leave()
            .filter(student::Column::LeaveUntil.gte(today))
            .filter(student::Column::LeaveUntil.lte(horizon))
            .order_by_asc(student::Column::LeaveUntil)
            .limit(limit)
            .all(self.db())
            .await?;
        let past = on_leave()
            .filter(student::Column::LeaveUntil.lt(today))
            .order_by_asc(student::Column::LeaveUntil)
            .limit(limit)
            .all(self.db())
            .await?;
        Ok((
            ending.iter().filter_map(|s| leave_view(s, today)).collect(),
            past.iter().filter_map(|s| leave_view(s, today)).collect(),
        ))
    }

    /// Records by status (all), by grade (not archived), and the total.
    pub(crate) async fn dashboard_counts(&self) -> Result<(Vec<CountView>, Vec<CountView>, u64)> {
        let count = |n: i64| u64::try_from(n).unwrap_or(0);
        let statuses: Vec<(Status, i64)> = student::Entity::find()
            .select_only()
            .column(student::Column::Status)
            .column_as(student::Column::Id.count(), "n")
            .group_by(student::Column::Status)
            .into_tuple()
            .all(self.db())
            .await?;
        let grades: Vec<(Option<i32>, i64)> = student::Entity::find()
            .select_only()
            .column(student::Column::Grade)
            .column_as(student::Column::Id.count(), "n")
            .filter(student::Column::Archived.eq(false))
            .group_by(student::Column::Grade)
            .order_by_asc(student::Column::Grade)
            .into_tuple()
            .all(self.db())
            .await?;
        let total = statuses.iter().map(|(_, n)| count(*n)).sum();
        // In the order of the status machine, not alphabetically.
        let mut by_status: Vec<CountView> = statuses
            .into_iter()
            .map(|(status, n)| CountView {
                code: xueji_domain::stored::text(&status),
                label: status.label_zh().to_owned(),
                count: count(n),
            })
            .collect();
        let rank = |code: &str| {
            Status::ALL
                .iter()
                .position(|s| snake(s) == code)
                .unwrap_or(usize::MAX)
        };
        by_status.sort_by_key(|c| rank(&c.code));
        let by_grade = grades
            .into_iter()
            .map(|(grade, n)| CountView {
                code: grade.map(|g| g.to_string()).unwrap_or_default(),
                label: match grade {
                    Some(_) => grade_label(grade),
                    None => "未分年级".to_owned(),
                },
                count: count(n),
            })
            .collect();
        Ok((by_status, by_grade, total))
    }

    /// The latest semester review and how far its checks have come.
    pub(crate) async fn dashboard_review(
        &self,
        today: NaiveDate,
    ) -> Result<Option<ReviewSummaryView>> {
        let Some(r) = semester_review::Entity::find()
            .order_by_desc(semester_review::Column::TermStart)
            .order_by_desc(semester_review::Column::Id)
            .one(self.db())
            .await?
        else {
            return Ok(None);
        };
        let items = semester_review_item::Entity::find()
            .filter(semester_review_item::Column::ReviewId.eq(r.id));
        let total = items.clone().count(self.db()).await?;
        let checked = items
            .filter(semester_review_item::Column::Checked.eq(true))
            .count(self.db())
            .await?;
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

//! 解除处分通知书 (R23.2): after the period, a reformed student's sanction is lifted and the
//! student and guardian are told in writing.

use chrono::NaiveDate;
use xueji_domain::sanction::SanctionLevel;

use crate::documents::approval::StudentBlock;
use crate::documents::letter;
use crate::documents::{Document, date};
use crate::error::Result;
use crate::layout::{PageSize, Sheets};

/// The data printed in a lift notice.
#[derive(Clone, Debug, PartialEq)]
pub struct SanctionLiftNotice {
    pub serial: String,
    pub student: StudentBlock,
    pub level: SanctionLevel,
    /// The decision being lifted (its serial number) and its date.
    pub decision_serial: String,
    pub decided_on: NaiveDate,
    pub period_to: NaiveDate,
    pub lifted_on: NaiveDate,
}

impl Document for SanctionLiftNotice {
    fn title(&self) -> String {
        "解除处分通知书".to_owned()
    }

    fn fields(&self) -> Vec<(&'static str, String)> {
        let s = &self.student;
        vec![
            ("文号", self.serial.clone()),
            ("学生姓名", s.name.as_str().to_owned()),
            ("处分日期", date(self.decided_on)),
            ("处分级别", self.level.label_zh().to_owned()),
            ("原决定文号", self.decision_serial.clone()),
            ("处分期满日期", date(self.period_to)),
            ("解除日期", date(self.lifted_on)),
            ("学校名称", s.school.clone()),
            ("通知日期", date(self.lifted_on)),
        ]
    }

    fn draw(&self, sheets: &mut Sheets) -> Result<()> {
        let s = &self.student;
        let page = sheets.new_page(PageSize::A4);
        let mut y = letter::head(page, "解除处分通知书", Some(&self.serial));
        y = letter::addressee(page, y, &format!("{}同学及其监护人", s.name.as_str()));
        let text = format!(
            "你于{}受到{}处分（{}），处分期限已于{}届满。处分期间，你能够认识错误，确有悔改表现，未再违纪。根据《浙江省义务教育阶段学生学籍管理办法》第二十三条的规定，经学校研究，决定自{}起解除对你的{}处分。",
            date(self.decided_on),
            self.level.label_zh(),
            self.decision_serial,
            date(self.period_to),
            date(self.lifted_on),
            self.level.label_zh(),
        );
        y = letter::body(page, y, &text);
        y = letter::body(page, y, "希望你今后继续严格要求自己，努力学习，全面发展。");
        y = letter::body(page, y, "特此通知。");
        letter::closing(page, y, &s.school, self.lifted_on, "学校盖章");
        Ok(())
    }
}

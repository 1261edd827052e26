//! 责令休学通知书 (R14.2, 第十四条第二款): a pupil with a notifiable infectious disease needing
//! isolation, or an illness a county-level or higher hospital finds prevents study at school, is
//! ordered on leave by the school once the bureau has approved; the pupil and guardian are told
//! in writing, with the period and the way back (复学, 第十五条).

use chrono::NaiveDate;
use xueji_domain::change::OrderedLeaveReason;

use crate::documents::approval::StudentBlock;
use crate::documents::letter;
use crate::documents::{Document, date};
use crate::error::Result;
use crate::layout::{PageSize, Sheets};

/// The data printed in a leave order.
#[derive(Clone, Debug, PartialEq)]
pub struct LeaveOrder {
    pub serial: String,
    pub student: StudentBlock,
    pub reason: OrderedLeaveReason,
    /// The bureau's approval: its date and 文号.
    pub approved_on: NaiveDate,
    pub approval_reference: Option<String>,
    /// The leave runs from the school's order to the end of the period (one year in principle).
    pub from: NaiveDate,
    pub until: Option<NaiveDate>,
}

impl LeaveOrder {
    fn reason_text(&self) -> &'static str {
        match self.reason {
            OrderedLeaveReason::InfectiousDisease => {
                "患有《中华人民共和国传染病防治法》规定的需要隔离治疗的传染病"
            }
            OrderedLeaveReason::IllnessPreventingStudy => {
                "经县级及以上医疗单位诊断，患有不能在学校进行学习的疾病"
            }
        }
    }
}

impl Document for LeaveOrder {
    fn title(&self) -> String {
        "责令休学通知书".to_owned()
    }

    fn fields(&self) -> Vec<(&'static str, String)> {
        let s = &self.student;
        vec![
            ("文号", self.serial.clone()),
            ("学生姓名", s.name.as_str().to_owned()),
            ("年级班级", s.class.clone()),
            ("休学原因", self.reason_text().to_owned()),
            ("核准日期", date(self.approved_on)),
            (
                "核准文号",
                self.approval_reference.clone().unwrap_or_default(),
            ),
            ("休学起始日期", date(self.from)),
            ("休学截止日期", self.until.map(date).unwrap_or_default()),
            ("学校名称", s.school.clone()),
            ("通知日期", date(self.from)),
        ]
    }

    fn draw(&self, sheets: &mut Sheets) -> Result<()> {
        let s = &self.student;
        let page = sheets.new_page(PageSize::A4);
        let mut y = letter::head(page, "责令休学通知书", Some(&self.serial));
        y = letter::addressee(page, y, &format!("{}同学及其监护人", s.name.as_str()));
        let approval = match &self.approval_reference {
            Some(r) => format!("经主管教育行政部门于{}核准（{r}）", date(self.approved_on)),
            None => format!("经主管教育行政部门于{}核准", date(self.approved_on)),
        };
        let period = match self.until {
            Some(until) => format!("自{}起至{}", date(self.from), date(until)),
            None => format!("自{}起，休学期原则上为一年", date(self.from)),
        };
        let text = format!(
            "{}学生{}{}。根据《浙江省义务教育阶段学生学籍管理办法》第十四条第二款的规定，{approval}，学校责令其休学，{period}。",
            s.class,
            s.name.as_str(),
            self.reason_text(),
        );
        y = letter::body(page, y, &text);
        y = letter::body(
            page,
            y,
            "休学期间学籍予以保留。休学期满，应及时凭医疗单位证明申请复学；仍不能坚持正常学习的，应申请继续休学。",
        );
        y = letter::body(page, y, "特此通知。");
        letter::closing(page, y, &s.school, self.from, "学校盖章");
        Ok(())
    }
}

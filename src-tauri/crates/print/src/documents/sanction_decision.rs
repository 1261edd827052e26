//! 处分决定书 (R22.2): proposed by the moral-education office, the student and guardian told and
//! heard (a hearing if asked), decided by the school affairs meeting, signed by the principal;
//! the appeal route to the bureau is stated. Levels are only 警告 / 严重警告 / 记过 (R22.1).

use chrono::NaiveDate;
use xueji_domain::hearing::Hearing;
use xueji_domain::sanction::SanctionLevel;

use crate::documents::approval::StudentBlock;
use crate::documents::letter::{self, LEFT};
use crate::documents::{Document, date};
use crate::error::Result;
use crate::layout::boxes::signature_line;
use crate::layout::{PageSize, Sheets};

/// The data printed in a sanction decision.
#[derive(Clone, Debug, PartialEq)]
pub struct SanctionDecision {
    pub serial: String,
    pub student: StudentBlock,
    pub level: SanctionLevel,
    /// What the student did.
    pub facts: String,
    /// What happened about a hearing (听证会); `None` when not known (a record from before the
    /// procedure was kept, e.g. received in a package without its application).
    pub hearing: Option<Hearing>,
    /// Date of the school affairs meeting (校务会议) that decided.
    pub decided_on: NaiveDate,
    pub period_from: NaiveDate,
    pub period_to: NaiveDate,
    /// The bureau an appeal goes to.
    pub bureau: String,
}

impl SanctionDecision {
    fn heading(&self) -> String {
        format!(
            "关于给予{}同学{}处分的决定",
            self.student.name.as_str(),
            self.level.label_zh()
        )
    }
}

impl Document for SanctionDecision {
    fn title(&self) -> String {
        "处分决定书".to_owned()
    }

    fn fields(&self) -> Vec<(&'static str, String)> {
        let s = &self.student;
        vec![
            ("文号", self.serial.clone()),
            ("学生姓名", s.name.as_str().to_owned()),
            ("处分级别", self.level.label_zh().to_owned()),
            ("年级班级", s.class.clone()),
            ("学籍号", s.xueji_number.printed()),
            ("违纪事实", self.facts.clone()),
            ("校务会议日期", date(self.decided_on)),
            ("处分期限起", date(self.period_from)),
            ("处分期限止", date(self.period_to)),
            ("申诉受理部门", self.bureau.clone()),
            ("学校名称", s.school.clone()),
            ("决定日期", date(self.decided_on)),
        ]
    }

    fn draw(&self, sheets: &mut Sheets) -> Result<()> {
        let s = &self.student;
        let page = sheets.new_page(PageSize::A4);
        let mut y = letter::head(page, "处分决定书", Some(&self.serial));
        y = letter::centered(page, y, letter::BODY.bold(), &self.heading());
        y += 3.0;
        y = letter::body(
            page,
            y,
            &format!(
                "学生{}，{}，学籍号{}。",
                s.name.as_str(),
                s.class,
                s.xueji_number.printed()
            ),
        );
        y = letter::body(page, y, &format!("经查：{}", self.facts));
        let hearing = self
            .hearing
            .as_ref()
            .map(|h| format!("，{}", h.statement()))
            .unwrap_or_default();
        y = letter::body(
            page,
            y,
            &format!(
                "经学校德育部门提议，学校已将拟处分的事实、理由和依据告知学生及其监护人，听取了其陈述和申辩{hearing}。经{}校务会议研究，根据《浙江省义务教育阶段学生学籍管理办法》第二十二条的规定，决定给予该生{}处分，处分期限自{}至{}。",
                date(self.decided_on),
                self.level.label_zh(),
                date(self.period_from),
                date(self.period_to),
            ),
        );
        y = letter::body(
            page,
            y,
            &format!(
                "处分期满，该生确有悔改表现且未再违纪的，学校将予以解除。学生及其监护人对本决定不服的，可以向{}提出申诉。",
                self.bureau
            ),
        );
        let end = letter::closing(page, y, &s.school, self.decided_on, "学校盖章");
        signature_line(page, LEFT, y + letter::ISSUER_OFFSET, "校长签发：", 32.0);
        let receipt = end + 6.0;
        let x = signature_line(page, LEFT, receipt, "学生签收：", 28.0);
        signature_line(page, x + 6.0, receipt, "监护人签收：", 28.0);
        Ok(())
    }
}

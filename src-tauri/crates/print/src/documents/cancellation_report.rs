//! 学籍注销报告 (R19.1): after a student's death the school reports to the bureau, with proof,
//! within 10 working days, asking for the record to be cancelled.

use chrono::NaiveDate;

use crate::documents::approval::StudentBlock;
use crate::documents::letter;
use crate::documents::{Document, date};
use crate::error::Result;
use crate::layout::{PageSize, Sheets};

/// The data printed in a cancellation report.
#[derive(Clone, Debug, PartialEq)]
pub struct CancellationReport {
    pub serial: String,
    pub bureau: String,
    pub student: StudentBlock,
    pub died_on: NaiveDate,
    /// The proof attached, e.g. 居民死亡医学证明（推断）书.
    pub proofs: Vec<String>,
    pub reported_on: NaiveDate,
}

const TITLE: &str = "关于注销学生学籍的报告";

impl Document for CancellationReport {
    fn title(&self) -> String {
        TITLE.to_owned()
    }

    fn fields(&self) -> Vec<(&'static str, String)> {
        let s = &self.student;
        let mut out = vec![
            ("文号", self.serial.clone()),
            ("主管教育行政部门", self.bureau.clone()),
            ("年级班级", s.class.clone()),
            ("学生姓名", s.name.as_str().to_owned()),
            ("性别", s.sex.label_zh().to_owned()),
            ("出生日期", date(s.birth_date)),
            ("学籍号", s.xueji_number.printed()),
            ("死亡日期", date(self.died_on)),
        ];
        out.extend(self.proofs.iter().map(|p| ("证明材料", p.clone())));
        out.push(("学校名称", s.school.clone()));
        out.push(("报告日期", date(self.reported_on)));
        out
    }

    fn draw(&self, sheets: &mut Sheets) -> Result<()> {
        let s = &self.student;
        let page = sheets.new_page(PageSize::A4);
        let mut y = letter::head(page, TITLE, Some(&self.serial));
        y = letter::addressee(page, y, &self.bureau);
        let text = format!(
            "我校{}学生{}（{}，{}出生，学籍号{}）于{}不幸死亡。根据《浙江省义务教育阶段学生学籍管理办法》第十九条的规定，特申请注销该生学籍，请予审核。",
            s.class,
            s.name.as_str(),
            s.sex.label_zh(),
            date(s.birth_date),
            s.xueji_number.printed(),
            date(self.died_on),
        );
        y = letter::body(page, y, &text);
        y += 4.0;
        let list: Vec<String> = self
            .proofs
            .iter()
            .enumerate()
            .map(|(i, p)| format!("{}. {p}", i + 1))
            .collect();
        y = letter::body(page, y, &format!("附件：{}", list.join("；")));
        letter::closing(page, y, &s.school, self.reported_on, "学校盖章");
        Ok(())
    }
}

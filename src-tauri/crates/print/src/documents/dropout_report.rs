//! 辍学情况报告 (R18.1): a written report to the township government and the county bureau, with
//! the school's efforts to bring the student back; the record is kept.

use chrono::NaiveDate;

use crate::documents::approval::{Guardian, StudentBlock};
use crate::documents::letter::{self, LEFT};
use crate::documents::{Document, date};
use crate::error::Result;
use crate::layout::table::{Column, Table};
use crate::layout::text::Align;
use crate::layout::{PageSize, Sheets};

/// The data printed in a dropout report.
#[derive(Clone, Debug, PartialEq)]
pub struct DropoutReport {
    pub serial: String,
    /// The township (乡镇人民政府 / 街道办事处) addressed.
    pub township: String,
    /// The county bureau addressed.
    pub bureau: String,
    pub student: StudentBlock,
    pub guardian: Guardian,
    pub absent_since: NaiveDate,
    pub circumstances: String,
    /// What the school did to bring the student back: (date, measure and result).
    pub measures: Vec<(NaiveDate, String)>,
    pub reported_on: NaiveDate,
}

const TITLE: &str = "关于学生辍学情况的报告";

impl Document for DropoutReport {
    fn title(&self) -> String {
        TITLE.to_owned()
    }

    fn fields(&self) -> Vec<(&'static str, String)> {
        let s = &self.student;
        let mut out = vec![
            ("文号", self.serial.clone()),
            ("乡镇人民政府", self.township.clone()),
            ("主管教育行政部门", self.bureau.clone()),
            ("年级班级", s.class.clone()),
            ("学生姓名", s.name.as_str().to_owned()),
            ("性别", s.sex.label_zh().to_owned()),
            ("出生日期", date(s.birth_date)),
            ("学籍号", s.xueji_number.printed()),
            ("家庭住址", s.address.clone()),
            ("监护人姓名", self.guardian.name.as_str().to_owned()),
            ("联系电话", self.guardian.phone.clone()),
            ("辍学日期", date(self.absent_since)),
            ("辍学情况", self.circumstances.clone()),
        ];
        for (on, measure) in &self.measures {
            out.push(("劝返日期", date(*on)));
            out.push(("劝返措施", measure.clone()));
        }
        out.push(("学校名称", s.school.clone()));
        out.push(("报告日期", date(self.reported_on)));
        out
    }

    fn draw(&self, sheets: &mut Sheets) -> Result<()> {
        let s = &self.student;
        let size = PageSize::A4;
        let page = sheets.new_page(size);
        let mut y = letter::head(page, TITLE, Some(&self.serial));
        y = letter::addressee(page, y, &format!("{}、{}", self.township, self.bureau));
        let text = format!(
            "我校{}学生{}（{}，{}出生，学籍号{}），家住{}，监护人{}（联系电话{}），自{}起未到校上课。{}",
            s.class,
            s.name.as_str(),
            s.sex.label_zh(),
            date(s.birth_date),
            s.xueji_number.printed(),
            s.address,
            self.guardian.name.as_str(),
            self.guardian.phone,
            date(self.absent_since),
            self.circumstances,
        );
        y = letter::body(page, y, &text);
        y = letter::body(page, y, "学校已采取以下劝返措施：");
        let table = Table::new(
            LEFT,
            vec![
                Column::new("日期", 38.0, Align::Center),
                Column::new("劝返措施及结果", 122.0, Align::Left),
            ],
        );
        let rows: Vec<Vec<String>> = self
            .measures
            .iter()
            .map(|(on, m)| vec![date(*on), m.clone()])
            .collect();
        let bottom = table.draw(sheets, y - 4.0, size, &rows, &|_| 20.0);
        let page = sheets.page();
        let y = letter::body(
            page,
            bottom + 9.0,
            "根据《浙江省义务教育阶段学生学籍管理办法》第十八条的规定，现将该生辍学情况书面报告，请予督促其监护人送子女返校就读。该生学籍在义务教育年限内予以保留。",
        );
        letter::closing(page, y, &s.school, self.reported_on, "学校盖章");
        Ok(())
    }
}

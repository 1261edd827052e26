//! 写实性证明 (R27.1): a factual statement of attendance for a foreign student who did not
//! complete the programme, checked (核定) by the bureau.

use chrono::NaiveDate;
use xueji_domain::assigned_number::AssignedNumber;
use xueji_domain::id_card::Sex;
use xueji_domain::{Grade, PersonName};

use crate::documents::letter::{self, LEFT};
use crate::documents::{Document, date, year_month};
use crate::error::Result;
use crate::layout::boxes::seal_box;
use crate::layout::{PageSize, Sheets};

/// The data printed on an attendance statement.
#[derive(Clone, Debug, PartialEq)]
pub struct AttendanceStatement {
    /// Serial number from the issued-document log.
    pub serial: String,
    pub name: PersonName,
    pub sex: Sex,
    pub birth_date: NaiveDate,
    pub nationality: String,
    /// Passport or other travel document number.
    pub passport_number: String,
    /// 待分配, provisional (printed as such) or national (R7.1).
    pub xueji_number: AssignedNumber,
    pub school: String,
    pub study_from: NaiveDate,
    pub study_to: NaiveDate,
    pub first_grade: Grade,
    pub last_grade: Grade,
    /// Why the studies ended, e.g. 随父母回国.
    pub reason: String,
    pub issued_on: NaiveDate,
}

const TITLE: &str = "写实性证明";

impl Document for AttendanceStatement {
    fn title(&self) -> String {
        TITLE.to_owned()
    }

    fn fields(&self) -> Vec<(&'static str, String)> {
        vec![
            ("编号", self.serial.clone()),
            ("姓名", self.name.as_str().to_owned()),
            ("国籍", self.nationality.clone()),
            ("护照号码", self.passport_number.clone()),
            ("性别", self.sex.label_zh().to_owned()),
            ("出生日期", date(self.birth_date)),
            ("学籍号", self.xueji_number.printed()),
            ("入学年月", year_month(self.study_from)),
            ("离校年月", year_month(self.study_to)),
            ("学校名称", self.school.clone()),
            ("起始年级", self.first_grade.label_zh().to_owned()),
            ("结束年级", self.last_grade.label_zh().to_owned()),
            ("离校原因", self.reason.clone()),
            ("学校名称", self.school.clone()),
            ("开具日期", date(self.issued_on)),
        ]
    }

    fn draw(&self, sheets: &mut Sheets) -> Result<()> {
        let page = sheets.new_page(PageSize::A4);
        let serial = format!("编号：{}", self.serial);
        let mut y = letter::head(page, TITLE, Some(&serial));
        let text = format!(
            "兹证明{}（国籍：{}，护照号码：{}），{}，{}出生，学籍号{}，于{}至{}在{}就读，就读年级为{}至{}。该生因{}离校，未完成义务教育阶段全部学业。",
            self.name.as_str(),
            self.nationality,
            self.passport_number,
            self.sex.label_zh(),
            date(self.birth_date),
            self.xueji_number.printed(),
            year_month(self.study_from),
            year_month(self.study_to),
            self.school,
            self.first_grade.label_zh(),
            self.last_grade.label_zh(),
            self.reason,
        );
        y = letter::body(page, y, &text);
        y = letter::body(
            page,
            y,
            "本证明如实记载该生在我校的学习经历，不作为毕业、结业或肄业证书使用，经主管教育行政部门核定后有效。",
        );
        y = letter::body(page, y, "特此证明。");
        seal_box(page, LEFT, y + 4.0, 62.0, 44.0, "主管教育行政部门核定盖章");
        letter::closing(page, y, &self.school, self.issued_on, "学校盖章");
        Ok(())
    }
}

//! Checking a student list row by row without the database: codes, required fields, the ID
//! number's check character (R7.1), the birth date against the ID, duplicates within the file
//! (R7.2). Pure: the use cases in `students.rs` add what only the database knows.

use std::collections::HashMap;
use std::io::Cursor;

use calamine::{Reader, Xlsx};
use chrono::NaiveDate;
use xueji_domain::{
    Grade, IdCardNumber, PersonName, SchoolYear, Status, StudyMode, XuejiNumber, rules,
};
use xueji_store::repo::students::{NewFamilyMember, NewStudent, Placement};

use super::codes;
use super::report::{ImportProblem, ImportReport, Sheet};
use super::sheet::{Cell, Col, REQUIRED_COLUMNS, column_for, label, parse_date};
use super::xlsx;
use crate::error::{AppError, Result};

/// A sheet read and checked without the database: the students ready to insert (one per row,
/// `None` for a row with a problem) and the report so far.
pub struct Checked {
    pub report: ImportReport,
    pub students: Vec<Option<NewStudent>>,
}

/// Reads the first sheet of an .xlsx file and checks every row (codes, required fields, ID check
/// character R7.1, birth date against the ID, duplicates within the file R7.2). Pure: no
/// database. An unreadable or empty file, or a sheet without the required headers, is an error.
pub fn read_workbook(bytes: &[u8], today: NaiveDate) -> Result<Checked> {
    if bytes.is_empty() {
        return Err(AppError::validation(
            "file",
            "文件为空，请选择学生名单 Excel 文件（.xlsx）",
        ));
    }
    // calamine can panic on a damaged file (found by the property test); a damaged file is
    // an error for the user, never a crash. Memory is bounded by `xlsx`'s caps, checked before
    // calamine opens the file, so what is left to catch is errors and panics.
    let read = std::panic::catch_unwind(|| {
        xlsx::check_package(bytes)?;
        let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|_| {
            AppError::validation("file", "无法读取该文件：请使用 Excel 工作簿（.xlsx）格式")
        })?;
        xlsx::read_first_sheet(&mut book)
    });
    let sheet =
        read.unwrap_or_else(|_| Err(AppError::validation("file", "文件已损坏，无法读取")))?;
    let mut rows = sheet.into_iter();
    let Some((_, header_cells)) = rows.next() else {
        return Err(AppError::validation(
            "file",
            "第一个工作表是空的，没有表头和学生数据",
        ));
    };
    let headers: Vec<String> = header_cells.iter().map(|c| c.text.clone()).collect();
    let mut index: HashMap<Col, usize> = HashMap::new();
    for (i, h) in headers.iter().enumerate() {
        if let Some(col) = column_for(h) {
            index.entry(col).or_insert(i);
        }
    }
    let missing: Vec<&str> = REQUIRED_COLUMNS
        .iter()
        .filter(|c| !index.contains_key(c))
        .map(|c| label(*c))
        .collect();
    if !missing.is_empty() {
        return Err(AppError::validation(
            "file",
            format!(
                "表头不符合学生名单模板：缺少“{}”列（第一行应为表头，如 姓名、身份证件号、民族 …）",
                missing.join("”“")
            ),
        ));
    }
    let data: Vec<(u32, Vec<Cell>)> = rows.collect();
    if data.is_empty() {
        return Err(AppError::validation("file", "表中只有表头，没有学生数据"));
    }
    let mut report = ImportReport {
        rows: u32::try_from(data.len()).unwrap_or(u32::MAX),
        ..Default::default()
    };
    let mut students = Vec::with_capacity(data.len());
    let mut seen_id: HashMap<String, u32> = HashMap::new();
    let mut seen_xueji: HashMap<String, u32> = HashMap::new();
    for (excel_row, cells) in &data {
        let mut row = RowCheck {
            row: *excel_row,
            headers: &headers,
            index: &index,
            cells,
            problems: Vec::new(),
        };
        let s = row.student(today);
        if let Some(s) = &s {
            if let Some(first) = seen_id.get(&s.id_number) {
                row.problem(
                    Col::IdNumber,
                    Some(rules::R7_2.as_str()),
                    format!("与第{first}行的身份证件号重复：同一学生不得重复建立学籍"),
                );
            } else {
                seen_id.insert(s.id_number.clone(), *excel_row);
            }
            // A 学籍号 derived from a repeated ID number is the same repeat: reported once.
            if let Some(x) = &s.xueji_number
                && row.problems.is_empty()
            {
                if let Some(first) = seen_xueji.get(x) {
                    row.problem(
                        Col::XuejiNumber,
                        Some(rules::R7_2.as_str()),
                        format!("与第{first}行的学籍号重复"),
                    );
                } else {
                    seen_xueji.insert(x.clone(), *excel_row);
                }
            }
        }
        let ok = row.problems.is_empty();
        report.problems.append(&mut row.problems);
        students.push(if ok { s } else { None });
    }
    report.sheet = Sheet {
        headers,
        rows: data
            .into_iter()
            .map(|(r, cells)| (r, cells.into_iter().map(|c| c.text).collect()))
            .collect(),
    };
    report.valid_rows =
        u32::try_from(students.iter().filter(|s| s.is_some()).count()).unwrap_or(u32::MAX);
    Ok(Checked { report, students })
}

pub(super) struct RowCheck<'a> {
    row: u32,
    headers: &'a [String],
    index: &'a HashMap<Col, usize>,
    cells: &'a [Cell],
    problems: Vec<ImportProblem>,
}

impl RowCheck<'_> {
    fn get(&self, col: Col) -> Option<&Cell> {
        self.index.get(&col).and_then(|i| self.cells.get(*i))
    }

    fn text(&self, col: Col) -> &str {
        self.get(col).map_or("", |c| c.text.as_str())
    }

    fn problem(&mut self, col: Col, rule: Option<&str>, message: impl Into<String>) {
        let column = self
            .index
            .get(&col)
            .and_then(|i| self.headers.get(*i))
            .cloned()
            .unwrap_or_else(|| label(col).to_owned());
        self.problems.push(ImportProblem {
            row: self.row,
            column,
            value: self.text(col).to_owned(),
            rule: rule.map(str::to_owned),
            message: message.into(),
        });
    }

    fn required(&mut self, col: Col) -> Option<String> {
        let v = self.text(col).to_owned();
        if v.is_empty() {
            self.problem(col, None, format!("请填写{}", label(col)));
            None
        } else {
            Some(v)
        }
    }

    fn code<T>(&mut self, col: Col, f: impl Fn(&str) -> Option<T>, hint: &str) -> Option<T> {
        let v = self.text(col).to_owned();
        let parsed = f(&v);
        if parsed.is_none() {
            self.problem(
                col,
                None,
                format!("“{}”不是有效的{}：{hint}", v, label(col)),
            );
        }
        parsed
    }

    /// The date in a column: `Ok(None)` when absent or blank, `Err(())` when unreadable
    /// (the problem is recorded).
    fn date(&mut self, col: Col) -> std::result::Result<Option<NaiveDate>, ()> {
        let Some(c) = self.get(col) else {
            return Ok(None);
        };
        if c.text.is_empty() {
            return Ok(None);
        }
        let d = parse_date(c);
        if d.is_none() {
            self.problem(
                col,
                None,
                format!("{}无法识别，请写作 2015-03-07", label(col)),
            );
            return Err(());
        }
        Ok(d)
    }

    /// Checks the row; `None` when it has a problem (the problems are in `self.problems`).
    fn student(&mut self, today: NaiveDate) -> Option<NewStudent> {
        let name = self
            .required(Col::Name)
            .and_then(|n| match PersonName::parse(&n) {
                Ok(n) => Some(n),
                Err(e) => {
                    self.problem(Col::Name, None, e.message().clone());
                    None
                }
            });
        let id_type = self.code(
            Col::IdType,
            codes::id_type,
            "居民身份证、护照、港澳居民来往内地通行证、台湾居民来往大陆通行证或其他",
        );
        let id_cell_numeric = self.get(Col::IdNumber).is_some_and(|c| c.numeric);
        let id_text = self.required(Col::IdNumber);
        let birth_cell = self.date(Col::BirthDate);
        let sex_text = self.text(Col::Sex).to_owned();
        let sex = match sex_text.as_str() {
            "" => None,
            "男" | "male" => Some("male"),
            "女" | "female" => Some("female"),
            _ => {
                self.problem(Col::Sex, None, "性别应为“男”或“女”");
                None
            }
        };
        let mut identity: Option<(String, NaiveDate, String, Option<String>)> = None;
        if let (Some(id_text), Some(id_type)) = (id_text, id_type) {
            if id_cell_numeric {
                let lost = if id_text.len() > 15 {
                    "超过15位的数字会被 Excel 改写（末几位变成0或以科学计数法显示），号码已经丢失了数字"
                } else {
                    "数字格式会丢失开头的0和末位的X"
                };
                self.problem(
                    Col::IdNumber,
                    Some(rules::R7_1.as_str()),
                    format!(
                        "身份证件号保存成了数字：{lost}。请把该列设为“文本”格式后重新填写原号码"
                    ),
                );
            } else if id_type == "resident_id" {
                match IdCardNumber::parse(&id_text, today) {
                    Ok(id) => {
                        let derived_sex = match id.sex() {
                            xueji_domain::id_card::Sex::Male => "male",
                            xueji_domain::id_card::Sex::Female => "female",
                        };
                        if let Ok(Some(b)) = birth_cell
                            && b != id.birth_date()
                        {
                            self.problem(
                                Col::BirthDate,
                                Some(rules::R7_2.as_str()),
                                format!(
                                    "出生日期与身份证号不一致（身份证号中为 {}）",
                                    id.birth_date()
                                ),
                            );
                        }
                        if sex.is_some_and(|s| s != derived_sex) {
                            self.problem(
                                Col::Sex,
                                Some(rules::R7_2.as_str()),
                                "性别与身份证号不一致",
                            );
                        }
                        let x = XuejiNumber::from_id_card(&id);
                        identity = Some((
                            id.as_str().to_owned(),
                            id.birth_date(),
                            derived_sex.to_owned(),
                            Some(x.as_str().to_owned()),
                        ));
                    }
                    Err(e) => {
                        self.problem(
                            Col::IdNumber,
                            Some(rules::R7_1.as_str()),
                            e.message().clone(),
                        );
                    }
                }
            } else {
                match (birth_cell, sex) {
                    (Ok(Some(b)), Some(s)) => {
                        identity = Some((id_text, b, s.to_owned(), None));
                    }
                    (b, s) => {
                        if !matches!(b, Ok(Some(_))) {
                            self.problem(Col::BirthDate, None, "非居民身份证的学生须填写出生日期");
                        }
                        if s.is_none() && sex_text.is_empty() {
                            self.problem(Col::Sex, None, "非居民身份证的学生须填写性别");
                        }
                    }
                }
            }
        }
        let xueji_text = self.text(Col::XuejiNumber).to_owned();
        let xueji = if xueji_text.is_empty() {
            identity.as_ref().and_then(|i| i.3.clone())
        } else {
            match XuejiNumber::parse(&xueji_text) {
                Ok(x) => Some(x.as_str().to_owned()),
                Err(e) => {
                    self.problem(
                        Col::XuejiNumber,
                        Some(rules::R7_1.as_str()),
                        e.message().clone(),
                    );
                    None
                }
            }
        };
        let ethnicity = self.required(Col::Ethnicity).and_then(|_| {
            self.code(
                Col::Ethnicity,
                codes::ethnicity,
                "应为56个民族之一，或“其他”“外国血统”",
            )
        });
        let nationality = match self.text(Col::Nationality) {
            "" => "中国".to_owned(),
            v => v.to_owned(),
        };
        let hukou_kind = self.required(Col::HukouKind).and_then(|_| {
            self.code(
                Col::HukouKind,
                codes::hukou_kind,
                "应为“农业户口”或“非农业户口”",
            )
        });
        let hukou_address = self.required(Col::HukouAddress);
        let current_address = self.required(Col::CurrentAddress);
        let grade = self
            .required(Col::Grade)
            .and_then(|_| self.code(Col::Grade, codes::grade, "应为1至9年级，如“三年级”“初一”"))
            .and_then(|g| Grade::new(g).ok());
        let class_name = Some(self.text(Col::Class).to_owned()).filter(|s| !s.is_empty());
        let entry_date = self.date(Col::EntryDate).ok().flatten();
        let yes_no = "应为“是”或“否”";
        let migrant = self.code(Col::Migrant, codes::yes_no, yes_no);
        let left_behind = self.code(Col::LeftBehind, codes::yes_no, yes_no);
        let orphan = self.code(Col::Orphan, codes::yes_no, yes_no);
        let disability = match self.text(Col::Disability) {
            "" | "无" | "否" => Some(None),
            _ => self
                .code(
                    Col::Disability,
                    codes::disability_kind,
                    "应为视力、听力、言语、肢体、智力、精神、多重或其他",
                )
                .map(Some),
        };
        let study_mode = self.code(
            Col::StudyMode,
            codes::study_mode,
            "应为正常、随班就读或送教上门",
        );
        let guardian_name = self.text(Col::GuardianName).to_owned();
        let mut family = Vec::new();
        if !guardian_name.is_empty() {
            let relation = self.required(Col::GuardianRelation);
            family.push(NewFamilyMember {
                name: guardian_name,
                relation: relation.unwrap_or_default(),
                phone: Some(self.text(Col::GuardianPhone).to_owned()).filter(|s| !s.is_empty()),
                id_number: None,
                employer: None,
                guardian: true,
            });
        }
        if !self.problems.is_empty() {
            return None;
        }
        let (id_number, birth_date, sex, _) = identity?;
        let grade = grade?;
        let study_mode = study_mode?;
        let year = SchoolYear::containing(today);
        Some(NewStudent {
            xueji_number: xueji,
            id_type: id_type?.to_owned(),
            id_number,
            name: name?,
            former_name: None,
            sex,
            birth_date,
            ethnicity: ethnicity?.to_owned(),
            nationality,
            hukou_kind: hukou_kind?.to_owned(),
            hukou_address: hukou_address?,
            current_address: current_address?,
            migrant_child: migrant?,
            left_behind: left_behind?,
            orphan: orphan?,
            disability_kind: disability?.map(str::to_owned),
            inclusive_placement: study_mode == StudyMode::Inclusive,
            status: Status::Enrolled,
            grade: Some(grade),
            placement: Placement {
                grade_year: Some(year.start_year()),
                class_name,
                entry_date,
                stage_entry_date: None,
                study_mode,
                foreign_national: nationality_is_foreign(self.text(Col::Nationality)),
                aux_number: None,
            },
            family,
        })
    }
}

pub(super) fn nationality_is_foreign(v: &str) -> bool {
    !matches!(v, "" | "中国" | "中华人民共和国" | "CHN")
}

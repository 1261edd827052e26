//! Samples of the record card, the class roster and the change statistics.

use chrono::NaiveDate;
use xueji_domain::{SchoolYear, StudyMode};

use super::people::{
    ADDRESS, PEOPLE, SCHOOL, day, grade, pairs, person, person_with, photo_png, strings, student,
};
use crate::documents::approval::StudentBlock;
use crate::documents::change_statistics::ChangeStatistics;
use crate::documents::record_card::{ChangeEntry, FamilyMember, Placement, RecordCard};
use crate::documents::roster::{Roster, RosterEntry};
use crate::error::Result;

/// A record card; `graduated` purges the discipline entries (R23.3).
pub fn record_card(graduated: bool) -> Result<RecordCard> {
    let placements = placements(if graduated { 9 } else { 7 })?;
    let changes = changes(graduated);
    let p = person(0)?;
    Ok(RecordCard {
        student: StudentBlock {
            name: p.name,
            sex: p.sex,
            birth_date: p.birth,
            id_number: p.id,
            xueji_number: xueji_domain::assigned_number::AssignedNumber::National(p.xueji),
            school: SCHOOL.to_owned(),
            class: placements
                .last()
                .map_or_else(String::new, |pl| pl.class.clone()),
            address: ADDRESS.to_owned(),
        },
        photo: Some(photo_png()),
        ethnicity: "汉族".to_owned(),
        nationality: "中国".to_owned(),
        birthplace: "浙江省杭州市".to_owned(),
        household_registration: "浙江省杭州市西湖区转塘街道".to_owned(),
        health: "健康".to_owned(),
        study_mode: StudyMode::Regular,
        entered_on: day(2016, 9, 1),
        other_items: pairs(&[
            ("户口性质", "非农业户口"),
            ("是否独生子女", "否"),
            ("是否随迁子女", "否"),
            ("是否留守儿童", "否"),
            ("乘坐校车", "否"),
        ]),
        family: family(),
        placements,
        changes,
        sanctions_purged: graduated,
    })
}

/// The classes of the first `years` school years.
fn placements(years: usize) -> Result<Vec<Placement>> {
    let teachers = [
        "周文静",
        "周文静",
        "李海燕",
        "李海燕",
        "王建华",
        "王建华",
        "徐立新",
        "徐立新",
        "徐立新",
    ];
    let classes = [
        "（2）班",
        "（2）班",
        "（2）班",
        "（2）班",
        "（2）班",
        "（2）班",
        "（3）班",
        "（3）班",
        "（3）班",
    ];
    let mut placements = Vec::new();
    for (i, (teacher, class)) in teachers.iter().zip(classes).take(years).enumerate() {
        let n = u8::try_from(i + 1).unwrap_or(1);
        placements.push(Placement {
            year: SchoolYear(2016 + i32::from(n) - 1),
            grade: grade(n)?,
            class: format!("{}{class}", grade(n)?.label_zh()),
            head_teacher: (*teacher).to_owned(),
        });
    }
    Ok(placements)
}

/// The change history, with the discipline entries a graduation purges.
fn changes(graduated: bool) -> Vec<ChangeEntry> {
    let entry = |date: NaiveDate, kind: &str, detail: &str, reference: &str, is_sanction: bool| {
        ChangeEntry {
            date,
            kind: kind.to_owned(),
            detail: detail.to_owned(),
            reference: reference.to_owned(),
            is_sanction,
        }
    };
    let mut changes = vec![
        entry(
            day(2016, 9, 1),
            "新生入学",
            "一年级新生入学，建立学籍",
            "西教学〔2016〕58号",
            false,
        ),
        entry(
            day(2019, 3, 1),
            "休学",
            "病休一年（2019年3月1日至2020年2月29日）",
            "西教学〔2019〕12号",
            false,
        ),
        entry(
            day(2020, 2, 24),
            "复学",
            "休学期满复学，编入三年级（2）班",
            "备案",
            false,
        ),
        entry(
            day(2023, 3, 28),
            "处分",
            "严重警告处分，期限六个月",
            "西文学处〔2023〕2号",
            true,
        ),
        entry(
            day(2023, 9, 29),
            "解除处分",
            "处分期满，确有悔改表现，解除严重警告处分",
            "西文学处〔2023〕9号",
            true,
        ),
        entry(
            day(2024, 5, 10),
            "信息变更",
            "家庭住址变更",
            "西教学〔2024〕33号",
            false,
        ),
    ];
    if graduated {
        changes.push(entry(
            day(2025, 6, 30),
            "毕业",
            "修完义务教育阶段规定课程，成绩合格，准予毕业",
            "ZJ2025003301",
            false,
        ));
    }
    changes
}

/// The family members and guardians.
fn family() -> Vec<FamilyMember> {
    vec![
        FamilyMember {
            name: "欧阳建国".to_owned(),
            relation: "父亲".to_owned(),
            employer: "杭州市西湖区三墩镇农业技术推广服务中心".to_owned(),
            phone: "13805712345".to_owned(),
            is_guardian: true,
        },
        FamilyMember {
            name: "林秀英".to_owned(),
            relation: "母亲".to_owned(),
            employer: "浙江省杭州市第一人民医院".to_owned(),
            phone: "13906543210".to_owned(),
            is_guardian: true,
        },
        FamilyMember {
            name: "欧阳明".to_owned(),
            relation: "祖父".to_owned(),
            employer: "退休".to_owned(),
            phone: "0571-87654321".to_owned(),
            is_guardian: false,
        },
    ]
}

/// A class roster long enough to need three pages.
pub fn roster() -> Result<Roster> {
    let surnames = [
        "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高",
    ];
    let given = [
        "子涵", "梓轩", "欣怡", "浩然", "雨桐", "一诺", "思远", "佳怡", "俊杰", "诗涵",
    ];
    let mut entries = Vec::new();
    for i in 0..46_usize {
        let mut s = student(i % PEOPLE.len(), "七年级（3）班")?;
        if i >= PEOPLE.len() {
            let name = format!("{}{}", surnames[i % surnames.len()], given[i % given.len()]);
            let p = person_with(
                &name,
                &format!("3301062012{:02}{:02}{:03}", 1 + i % 12, 1 + i % 28, 100 + i),
            )?;
            s.name = p.name;
            s.sex = p.sex;
            s.birth_date = p.birth;
            s.xueji_number = xueji_domain::assigned_number::AssignedNumber::National(p.xueji);
            s.id_number = p.id;
        }
        if !i.is_multiple_of(4) {
            s.address = format!("浙江省杭州市西湖区转塘街道{}号", 100 + i);
        }
        entries.push(RosterEntry {
            student: s,
            ethnicity: if i == 1 { "维吾尔族" } else { "汉族" }.to_owned(),
            guardian: "欧阳建国".to_owned(),
            phone: format!("138057{:05}", 12_345 + i),
            status: if i == 5 {
                xueji_domain::Status::OnLeave
            } else {
                xueji_domain::Status::Enrolled
            },
        });
    }
    Ok(Roster {
        school: SCHOOL.to_owned(),
        school_year: "2025—2026学年".to_owned(),
        class: "七年级（3）班".to_owned(),
        head_teacher: "徐立新".to_owned(),
        entries,
        printed_on: day(2025, 9, 15),
    })
}

/// Change statistics for two school years.
pub fn change_statistics() -> ChangeStatistics {
    let kinds: [(&str, [u32; 4]); 11] = [
        ("转入", [6, 3, 5, 2]),
        ("转出", [4, 2, 3, 1]),
        ("休学", [1, 0, 2, 1]),
        ("复学", [0, 1, 1, 1]),
        ("缓学", [1, 0, 0, 0]),
        ("跳级", [0, 0, 1, 0]),
        ("留级", [0, 1, 0, 0]),
        ("退学", [0, 0, 0, 1]),
        ("辍学", [0, 1, 0, 0]),
        ("死亡注销", [0, 0, 1, 0]),
        ("信息变更", [3, 5, 2, 4]),
    ];
    ChangeStatistics {
        school: SCHOOL.to_owned(),
        semesters: strings(&[
            "2023学年第一学期",
            "2023学年第二学期",
            "2024学年第一学期",
            "2024学年第二学期",
        ]),
        rows: kinds
            .iter()
            .map(|(k, c)| ((*k).to_owned(), c.to_vec()))
            .collect(),
        printed_on: day(2025, 7, 1),
    }
}

//! Samples of the certificate, the completion proof and the attendance statement.

use xueji_domain::completion::Outcome;
use xueji_domain::id_card::Sex;
use xueji_domain::{PersonName, XuejiNumber};

use super::people::{SCHOOL, aux, day, grade, invalid, person, photo_png};
use crate::documents::attendance_statement::AttendanceStatement;
use crate::documents::certificate::{Certificate, ZHEJIANG_TITLE};
use crate::documents::completion_proof::CompletionProof;
use crate::error::Result;

/// The `i`-th sample certificate.
pub fn certificate(i: usize) -> Result<Certificate> {
    let p = person(i)?;
    let outcome = [Outcome::Graduated, Outcome::Completed, Outcome::Incomplete][i % 3];
    Ok(Certificate {
        title: ZHEJIANG_TITLE.to_owned(),
        name: p.name,
        sex: p.sex,
        birth_date: p.birth,
        id_number: p.id,
        xueji_number: p.xueji,
        school: SCHOOL.to_owned(),
        study_from: day(2016, 9, 1),
        study_to: day(2025, 6, 30),
        outcome,
        number: aux(i)?,
        issued_on: day(2025, 6, 30),
        photo: i.is_multiple_of(2).then(photo_png),
        mode: crate::documents::certificate::PrintMode::Full,
    })
}

/// A completion proof for a lost certificate.
pub fn completion_proof() -> Result<CompletionProof> {
    let p = person(2)?;
    Ok(CompletionProof {
        serial: "西文学证〔2025〕第007号".to_owned(),
        name: p.name,
        sex: p.sex,
        birth_date: p.birth,
        id_number: p.id,
        xueji_number: p.xueji,
        school: SCHOOL.to_owned(),
        study_from: day(2015, 9, 1),
        study_to: day(2024, 6, 30),
        outcome: Outcome::Graduated,
        certificate_number: Some(aux(17)?),
        issued_on: day(2025, 6, 12),
        photo: Some(photo_png()),
    })
}

/// An attendance statement for a foreign student.
pub fn attendance_statement() -> Result<AttendanceStatement> {
    let birth = day(2012, 5, 9);
    Ok(AttendanceStatement {
        serial: "西文学证〔2025〕第011号".to_owned(),
        name: PersonName::parse("Anna Schmidt").map_err(|e| invalid("姓名", &e.to_string()))?,
        sex: Sex::Female,
        birth_date: birth,
        nationality: "德意志联邦共和国".to_owned(),
        passport_number: "C01X00T47".to_owned(),
        xueji_number: xueji_domain::assigned_number::AssignedNumber::National(
            XuejiNumber::without_id("330106", birth, 1)
                .map_err(|e| invalid("学籍号", &e.to_string()))?,
        ),
        school: SCHOOL.to_owned(),
        study_from: day(2019, 9, 1),
        study_to: day(2025, 1, 20),
        first_grade: grade(2)?,
        last_grade: grade(7)?,
        reason: "随父母回国".to_owned(),
        issued_on: day(2025, 1, 24),
    })
}

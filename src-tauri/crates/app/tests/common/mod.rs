//! A real application on a real SQLCipher file in a temp folder, with a manual clock; and the text
//! of a PDF it printed.
#![allow(dead_code)]

use std::sync::Arc;

use chrono::NaiveDate;
use xueji_app::auth::NewUserInput;
use xueji_app::students::{EnrolInput, EnrolKind, FamilyMemberView};
use xueji_app::{App, InitInput, ManualClock, Role, SchoolProfile, Session};
use xueji_domain::SchoolKind;
use xueji_store::{DataDir, KeyStore};

pub const ADMIN: &str = "registrar";
pub const PASSWORD: &str = "xueji2024";

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

/// An app with its temp folder and clock.
pub struct TestApp {
    pub app: App,
    pub clock: ManualClock,
    pub admin: Session,
    pub dir: tempfile::TempDir,
}

pub fn keys(dir: &std::path::Path) -> KeyStore {
    KeyStore::file(dir.join("test.key"))
}

pub fn data(dir: &std::path::Path) -> DataDir {
    DataDir::new(dir.join("data"))
}

pub fn init_input(kind: SchoolKind) -> InitInput {
    let school = SchoolProfile {
        county_bureau: "杭州市西湖区教育局".to_owned(),
        township: "西湖区文新街道办事处".to_owned(),
        ..SchoolProfile::new("杭州市西湖区文三路小学", kind)
    };
    InitInput {
        school,
        admin_username: ADMIN.to_owned(),
        admin_display_name: "王老师".to_owned(),
        admin_password: PASSWORD.to_owned(),
    }
}

impl TestApp {
    /// A nine-year school on `today`, logged in as the registrar.
    pub async fn new(today: NaiveDate) -> Self {
        Self::of_kind(today, SchoolKind::NineYear).await
    }

    pub async fn of_kind(today: NaiveDate, kind: SchoolKind) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let clock = ManualClock::at(today);
        let (app, _code) = App::init(
            data(dir.path()),
            keys(dir.path()),
            &init_input(kind),
            Arc::new(clock.clone()),
        )
        .await
        .expect("init");
        let admin = app.login(ADMIN, PASSWORD).await.expect("login");
        Self {
            app,
            clock,
            admin,
            dir,
        }
    }

    /// Closes the database and waits for it, so that no connection is still closing (and
    /// checkpointing its WAL) on another thread when the test process exits.
    pub async fn close(self) {
        self.app.close().await;
    }

    /// Adds a user with a role and logs them in.
    pub async fn user(&self, username: &str, role: Role) -> Session {
        self.app
            .user_add(
                &self.admin,
                &NewUserInput {
                    username: username.to_owned(),
                    display_name: format!("{username}老师"),
                    password: PASSWORD.to_owned(),
                    role,
                },
            )
            .await
            .expect("user add");
        self.app.login(username, PASSWORD).await.expect("login")
    }

    /// The school's approver (审核人), added on first use: trusting a school's key is theirs.
    pub async fn approver(&self) -> Session {
        const APPROVER: &str = "keyapprover";
        if let Ok(session) = self.app.login(APPROVER, PASSWORD).await {
            return session;
        }
        self.user(APPROVER, Role::Approver).await
    }

    /// Rows of a table (for "nothing was written" checks).
    pub async fn count(&self, table: &str) -> i64 {
        use sea_orm::{ConnectionTrait, Statement};
        let db = self.app.db();
        let row = db
            .query_one_raw(Statement::from_string(
                db.get_database_backend(),
                format!("SELECT COUNT(*) AS n FROM {table}"),
            ))
            .await
            .expect("count")
            .expect("row");
        row.try_get::<i64>("", "n").expect("n")
    }
}

/// A valid resident ID number for a birth date and a sequence (check character computed).
pub fn id_number(birth: NaiveDate, seq: u16) -> String {
    let first17 = format!("330106{}{:03}", birth.format("%Y%m%d"), seq % 1000);
    let check = xueji_domain::id_card::check_character(&first17).expect("17 digits");
    format!("{first17}{check}")
}

/// A grade-1 newcomer.
pub fn newcomer(name: &str, birth: NaiveDate, seq: u16, entry: NaiveDate) -> EnrolInput {
    EnrolInput {
        kind: EnrolKind::GradeOne,
        national_check: None,
        id_type: "resident_id".to_owned(),
        id_number: id_number(birth, seq),
        name: name.to_owned(),
        former_name: None,
        sex: None,
        birth_date: None,
        ethnicity: "汉族".to_owned(),
        nationality: "中国".to_owned(),
        hukou_kind: "非农业户口".to_owned(),
        hukou_address: "浙江省杭州市西湖区文三路1号".to_owned(),
        current_address: "浙江省杭州市西湖区文三路1号".to_owned(),
        migrant_child: false,
        left_behind: false,
        orphan: false,
        disability_kind: None,
        study_mode: xueji_domain::StudyMode::Regular,
        foreign_national: false,
        grade: 1,
        class_name: Some("1班".to_owned()),
        entry_date: entry,
        family: vec![FamilyMemberView {
            name: "张大山".to_owned(),
            relation: "父亲".to_owned(),
            phone: Some("13800000000".to_owned()),
            id_number: None,
            employer: None,
            guardian: true,
        }],
    }
}

/// A student of any grade with no prior record and a passed national check (R7.5).
pub fn transfer_free(
    name: &str,
    birth: NaiveDate,
    seq: u16,
    grade: u8,
    entry: NaiveDate,
) -> EnrolInput {
    EnrolInput {
        kind: EnrolKind::NoPriorRecord,
        national_check: Some(xueji_app::students::NationalCheck::Passed),
        grade,
        ..newcomer(name, birth, seq, entry)
    }
}

/// The text of a PDF (`pdftotext -raw`), white space removed.
pub fn pdf_text(name: &str, pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(format!("{name}.pdf"));
    std::fs::write(&path, pdf).expect("write pdf");
    // To look at what a test printed: XUEJI_TEST_PDF_DIR=/tmp/pdfs keeps a copy of each PDF.
    if let Some(keep) = std::env::var_os("XUEJI_TEST_PDF_DIR") {
        let keep = std::path::Path::new(&keep);
        std::fs::create_dir_all(keep).expect("PDF folder");
        std::fs::write(keep.join(format!("{name}.pdf")), pdf).expect("keep pdf");
    }
    let out = std::process::Command::new("pdftotext")
        .arg("-raw")
        .arg(&path)
        .arg("-")
        .output()
        .expect("poppler-utils (pdftotext) must be installed");
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

//! A student with the national data items. Never deleted: `archived` marks ended records (R9.2).
use sea_orm::entity::prelude::*;

// The national data items carry several yes/no flags (随迁子女, 留守儿童, 孤儿, 随班就读).
#[allow(clippy::struct_excessive_bools)]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "student")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// 学籍号 (G/L/J); unique across the whole database (R7.2).
    #[sea_orm(unique)]
    pub xueji_number: Option<String>,
    /// 身份证件类型: resident_id, passport, hk_macao_pass, taiwan_pass, other.
    pub id_type: String,
    /// 身份证件号; unique across the whole database, archived students included (R7.2).
    #[sea_orm(unique)]
    pub id_number: String,
    pub name: String,
    /// Normalised name for prefix search (indexed range scan, portable).
    #[sea_orm(indexed)]
    pub name_search: String,
    /// Pinyin initials of the name (`zs` for 张三) for prefix search.
    #[sea_orm(indexed)]
    pub name_initials: String,
    /// 曾用名
    pub former_name: Option<String>,
    pub sex: String,
    pub birth_date: Date,
    /// 民族
    pub ethnicity: String,
    /// 国籍/地区
    pub nationality: String,
    /// 户口性质
    pub hukou_kind: String,
    /// 户口所在地
    pub hukou_address: String,
    /// 现住址
    pub current_address: String,
    /// 随迁子女
    pub migrant_child: bool,
    /// 留守儿童
    pub left_behind: bool,
    /// 孤儿
    pub orphan: bool,
    /// 残疾类型
    pub disability_kind: Option<String>,
    /// 随班就读
    pub inclusive_placement: bool,
    /// `xueji_domain::Status` in snake case.
    #[sea_orm(indexed)]
    pub status: xueji_domain::Status,
    #[sea_orm(indexed)]
    pub grade: Option<i32>,
    /// The school year (its start year) the grade applies to.
    pub grade_year: Option<i32>,
    /// 班级, e.g. `3班`.
    #[sea_orm(indexed)]
    pub class_name: Option<String>,
    /// 入学日期 at this school.
    pub entry_date: Option<Date>,
    /// First entry into this stage (小学 or 初中 or the nine years), at the sending school for a
    /// pupil who transferred in: the certificate's 入学年月 (R24.1). Empty for records made
    /// before it was kept (then `entry_date`).
    pub stage_entry_date: Option<Date>,
    /// The archive's photo (an `attachment` of this student, JPEG or PNG), printed on the 学籍卡
    /// and the certificate.
    pub photo_attachment_id: Option<i64>,
    /// `xueji_domain::StudyMode` in snake case.
    pub study_mode: xueji_domain::school::StudyMode,
    /// A foreign national (R6.3, R27.1).
    pub foreign_national: bool,
    /// End of the current leave (R14.3).
    pub leave_until: Option<Date>,
    /// School year (start year) of the current deferral (R6.2).
    pub deferred_for: Option<i32>,
    /// Criminal compulsory measures since (R13.8).
    pub hold_since: Option<Date>,
    /// When the judgment took effect (R13.8).
    pub hold_judgment_on: Option<Date>,
    /// Effective date of the last change (R5.1).
    pub last_change_on: Option<Date>,
    /// 学籍辅号 (R26.1).
    pub aux_number: Option<String>,
    /// Where the student studies while the record stays here (R13.6, R13.7).
    pub placed_elsewhere: Option<String>,
    /// Years credited toward the compulsory years by a skip (R12.2).
    pub compulsory_credit: i32,
    pub archived: bool,
    /// Incremented on every change; the history keeps each version.
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

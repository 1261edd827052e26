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
    pub status: String,
    pub grade: Option<i32>,
    pub archived: bool,
    /// Incremented on every change; the history keeps each version.
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

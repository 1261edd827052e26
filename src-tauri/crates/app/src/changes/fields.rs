//! The record's fields a data change may name (R11.1, R11.2): which ones, their Chinese labels,
//! their stored values and how the forms print them.

use xueji_store::entities::student;

/// The basic data fields R11.1 may change, as stored.
/// 身份证件类型 is not one of them: it changes with the number, as a key-field change (R11.2).
/// 性别 and 出生日期 are, for a student without a resident ID card; with one, the domain refuses
/// them (they follow the number).
pub(crate) const BASIC_FIELDS: [&str; 10] = [
    "former_name",
    "sex",
    "birth_date",
    "ethnicity",
    "nationality",
    "hukou_kind",
    "hukou_address",
    "current_address",
    "disability_kind",
    "class_name",
];

/// The Chinese label of a field a data change may name, as the forms print it.
pub(crate) fn field_label(field: &str) -> &str {
    match field {
        "name" => "姓名",
        "id_card_number" | "id_number" => "身份证件号码",
        "former_name" => "曾用名",
        "sex" => "性别",
        "birth_date" => "出生日期",
        "ethnicity" => "民族",
        "nationality" => "国籍/地区",
        "hukou_kind" => "户口性质",
        "hukou_address" => "户口所在地",
        "current_address" => "现住址",
        "disability_kind" => "残疾类型",
        "id_type" => "身份证件类型",
        "class_name" => "班级",
        other => other,
    }
}

/// A stored value as the forms print it (`male` → 男).
pub(crate) fn field_display(field: &str, value: &str) -> String {
    match (field, value) {
        ("sex", "male") => "男".to_owned(),
        ("sex", "female") => "女".to_owned(),
        _ => value.to_owned(),
    }
}

/// The stored value of a field, for the `before` of a data change.
pub(crate) fn field_value(m: &student::Model, field: &str) -> Option<String> {
    Some(match field {
        "name" => m.name.clone(),
        "id_card_number" | "id_number" => m.id_number.clone(),
        "former_name" => m.former_name.clone().unwrap_or_default(),
        "sex" => m.sex.clone(),
        "birth_date" => m.birth_date.format("%Y-%m-%d").to_string(),
        "ethnicity" => m.ethnicity.clone(),
        "nationality" => m.nationality.clone(),
        "hukou_kind" => m.hukou_kind.clone(),
        "hukou_address" => m.hukou_address.clone(),
        "current_address" => m.current_address.clone(),
        "disability_kind" => m.disability_kind.clone().unwrap_or_default(),
        "id_type" => m.id_type.clone(),
        "class_name" => m.class_name.clone().unwrap_or_default(),
        _ => return None,
    })
}

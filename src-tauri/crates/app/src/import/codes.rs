//! The fixed code lists a student list is checked against.

use xueji_domain::StudyMode;

/// The 56 ethnic groups, then the two other values of the national code list.
pub const ETHNIC_GROUPS: [&str; 58] = [
    "汉族",
    "蒙古族",
    "回族",
    "藏族",
    "维吾尔族",
    "苗族",
    "彝族",
    "壮族",
    "布依族",
    "朝鲜族",
    "满族",
    "侗族",
    "瑶族",
    "白族",
    "土家族",
    "哈尼族",
    "哈萨克族",
    "傣族",
    "黎族",
    "傈僳族",
    "佤族",
    "畲族",
    "高山族",
    "拉祜族",
    "水族",
    "东乡族",
    "纳西族",
    "景颇族",
    "柯尔克孜族",
    "土族",
    "达斡尔族",
    "仫佬族",
    "羌族",
    "布朗族",
    "撒拉族",
    "毛南族",
    "仡佬族",
    "锡伯族",
    "阿昌族",
    "普米族",
    "塔吉克族",
    "怒族",
    "乌孜别克族",
    "俄罗斯族",
    "鄂温克族",
    "德昂族",
    "保安族",
    "裕固族",
    "京族",
    "塔塔尔族",
    "独龙族",
    "鄂伦春族",
    "赫哲族",
    "门巴族",
    "珞巴族",
    "基诺族",
    "其他",
    "外国血统",
];

/// 户口性质.
pub const HUKOU_KINDS: [&str; 2] = ["农业户口", "非农业户口"];

/// 残疾类型.
pub const DISABILITY_KINDS: [&str; 8] = [
    "视力", "听力", "言语", "肢体", "智力", "精神", "多重", "其他",
];

/// The canonical ethnic group for a cell (`汉` → `汉族`), if it is on the list.
pub fn ethnicity(value: &str) -> Option<&'static str> {
    ETHNIC_GROUPS
        .iter()
        .find(|g| **g == value || (g.strip_suffix('族') == Some(value) && !value.is_empty()))
        .copied()
}

/// The canonical 户口性质 (`农业` → `农业户口`).
pub fn hukou_kind(value: &str) -> Option<&'static str> {
    HUKOU_KINDS
        .iter()
        .find(|k| **k == value || k.strip_suffix("户口") == Some(value))
        .copied()
}

/// The canonical 残疾类型 (`视力残疾` → `视力`).
pub fn disability_kind(value: &str) -> Option<&'static str> {
    let v = value.strip_suffix("残疾").unwrap_or(value);
    DISABILITY_KINDS.iter().find(|k| **k == v).copied()
}

/// The stored identity document type for its Chinese name.
pub fn id_type(value: &str) -> Option<&'static str> {
    Some(match value {
        "" | "居民身份证" | "身份证" | "resident_id" => "resident_id",
        "护照" | "passport" => "passport",
        "港澳居民来往内地通行证" | "港澳通行证" | "港澳居民居住证" | "hk_macao_pass" => {
            "hk_macao_pass"
        }
        "台湾居民来往大陆通行证" | "台胞证" | "台湾居民居住证" | "taiwan_pass" => {
            "taiwan_pass"
        }
        "其他" | "other" => "other",
        _ => return None,
    })
}

/// The stored study mode for 就读方式.
pub fn study_mode(value: &str) -> Option<StudyMode> {
    Some(match value {
        "" | "正常" | "普通" | "正常入学" | "regular" => StudyMode::Regular,
        "随班就读" | "inclusive" => StudyMode::Inclusive,
        "送教上门" | "home_teaching" => StudyMode::HomeTeaching,
        _ => return None,
    })
}

/// A yes/no cell: empty is no.
pub fn yes_no(value: &str) -> Option<bool> {
    match value {
        "是" | "Y" | "y" | "1" | "TRUE" | "true" | "有" => Some(true),
        "" | "否" | "N" | "n" | "0" | "FALSE" | "false" | "无" => Some(false),
        _ => None,
    }
}

/// A grade cell: `3`, `三年级`, `初一`, `七年级`.
pub fn grade(value: &str) -> Option<u8> {
    const ZH: [char; 9] = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];
    let v = value.trim_end_matches("年级");
    if let Some(rest) = v.strip_prefix('初') {
        let n = ZH.iter().position(|c| rest == c.to_string())?;
        return u8::try_from(n + 7).ok().filter(|g| *g <= 9);
    }
    if let Ok(n) = v.parse::<u8>() {
        return (1..=9).contains(&n).then_some(n);
    }
    let mut chars = v.chars();
    let c = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    ZH.iter()
        .position(|z| *z == c)
        .and_then(|n| u8::try_from(n + 1).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_and_variants() {
        assert_eq!(ETHNIC_GROUPS.len() - 2, 56);
        assert_eq!(ethnicity("汉"), Some("汉族"));
        assert_eq!(ethnicity("火星族"), None);
        assert_eq!(hukou_kind("农业"), Some("农业户口"));
        assert_eq!(disability_kind("视力残疾"), Some("视力"));
        assert_eq!(grade("初二"), Some(8));
        assert_eq!(grade("三年级"), Some(3));
        assert_eq!(grade("10"), None);
    }
}

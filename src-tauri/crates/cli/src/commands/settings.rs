//! `xueji settings show|set|term|rule-profile`: the 设置 page from a script. Each change is the
//! desktop's use case, with its permission and its audit row.

use std::fmt::Write as _;

use chrono::NaiveDate;
use serde_json::json;
use xueji_app::settings_view::{SettingsView, TermView};
use xueji_app::{App, AppError, SchoolProfile, Session};
use xueji_domain::school::Semester;

use crate::args::SettingsSetArgs;
use crate::error::Result;
use crate::output;

fn yes_no(b: bool) -> &'static str {
    if b { "是" } else { "否" }
}

fn grades_text(grades: &[u8]) -> String {
    let names: Vec<String> = grades.iter().map(|g| format!("{g} 年级")).collect();
    names.join("、")
}

fn show_text(v: &SettingsView) -> String {
    let s = &v.school;
    let profile = v
        .rule_profiles
        .iter()
        .find(|p| p.id == s.rule_profile)
        .map_or(s.rule_profile.as_str(), |p| p.name.as_str());
    let mut text = format!(
        "学校：{}（{}）\n学校标识码：{}\n主管教育行政部门：{}\n乡镇（街道）：{}\n毕业年级：{}\n\
         招收外籍学生资质：{}\n送教上门：{}\n适用规则：{profile}（{}）\n空闲锁定：{} 分钟\n\
         困难认定公示期：{} 个工作日\n自动备份：{}，保留 {} 份\n学期：",
        s.name,
        s.school_kind().map_or(s.kind.as_str(), |k| k.label_zh()),
        s.code.as_deref().unwrap_or("未填"),
        s.county_bureau,
        s.township,
        grades_text(&s.graduating_grades),
        yes_no(s.may_admit_foreign),
        yes_no(s.offers_home_teaching),
        s.rule_profile,
        v.idle_lock_minutes,
        v.hardship_notice_days,
        if v.backup_schedule.daily {
            "每天"
        } else {
            "关闭"
        },
        v.backup_schedule.keep
    );
    if v.terms.is_empty() {
        text.push_str("未设置");
    }
    for t in &v.terms {
        let _ = write!(text, "\n  {} {} 至 {}", t.label, t.start, t.end);
    }
    let _ = write!(
        text,
        "\n工作日历：\n{}",
        super::calendar::calendar_text(&v.calendar)
    );
    text
}

pub async fn show(app: &App, session: &Session, json: bool) -> Result<()> {
    let v = app.settings_get(session).await?;
    output::success(json, &show_text(&v), json!({ "settings": v }));
    Ok(())
}

/// One setting that `settings set` changes: its name, before and after (schema `settings-set`).
#[derive(serde::Serialize, specta::Type)]
pub(crate) struct Changed {
    /// The option's name in camelCase (`idleLockMinutes`).
    setting: &'static str,
    /// Its name on the 设置 page.
    label: &'static str,
    /// The value before, as text (`10`, `6、9`, `是`; empty when there was none).
    before: String,
    /// The value after, as text.
    after: String,
}

/// A setting's value as text.
fn text_of<T: serde::Serialize>(value: &T) -> String {
    match json!(value) {
        serde_json::Value::String(s) => s,
        serde_json::Value::Null => String::new(),
        serde_json::Value::Bool(b) => yes_no(b).to_owned(),
        serde_json::Value::Array(items) => items
            .iter()
            .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_owned))
            .collect::<Vec<_>>()
            .join("、"),
        other => other.to_string(),
    }
}

fn changed<T: serde::Serialize + PartialEq>(
    out: &mut Vec<Changed>,
    setting: &'static str,
    label: &'static str,
    before: &T,
    after: Option<&T>,
) {
    if let Some(after) = after.filter(|a| *a != before) {
        out.push(Changed {
            setting,
            label,
            before: text_of(before),
            after: text_of(after),
        });
    }
}

/// The school profile with `a`'s changes.
fn edited_profile(before: &SchoolProfile, a: &SettingsSetArgs) -> SchoolProfile {
    let mut profile = before.clone();
    if let Some(c) = &a.school_code {
        profile.code = Some(c.trim().to_owned()).filter(|c| !c.is_empty());
    }
    if let Some(b) = &a.county_bureau {
        b.trim().clone_into(&mut profile.county_bureau);
    }
    if let Some(t) = &a.township {
        t.trim().clone_into(&mut profile.township);
    }
    if let Some(g) = &a.graduating_grades {
        profile.graduating_grades.clone_from(g);
    }
    if let Some(f) = a.may_admit_foreign {
        profile.may_admit_foreign = f;
    }
    if let Some(h) = a.home_teaching {
        profile.offers_home_teaching = h;
    }
    profile
}

/// What would change, setting by setting.
fn changes_of(before: &SettingsView, after: &SchoolProfile, a: &SettingsSetArgs) -> Vec<Changed> {
    let s = &before.school;
    let mut out = Vec::new();
    let c = &mut out;
    changed(c, "schoolCode", "学校标识码", &s.code, Some(&after.code));
    changed(
        c,
        "countyBureau",
        "主管教育行政部门",
        &s.county_bureau,
        Some(&after.county_bureau),
    );
    changed(
        c,
        "township",
        "乡镇（街道）",
        &s.township,
        Some(&after.township),
    );
    changed(
        c,
        "graduatingGrades",
        "毕业年级",
        &s.graduating_grades,
        Some(&after.graduating_grades),
    );
    changed(
        c,
        "mayAdmitForeign",
        "招收外籍学生资质",
        &s.may_admit_foreign,
        Some(&after.may_admit_foreign),
    );
    changed(
        c,
        "offersHomeTeaching",
        "送教上门",
        &s.offers_home_teaching,
        Some(&after.offers_home_teaching),
    );
    changed(
        c,
        "idleLockMinutes",
        "空闲锁定（分钟）",
        &before.idle_lock_minutes,
        a.idle_lock.as_ref(),
    );
    changed(
        c,
        "hardshipNoticeDays",
        "困难认定公示期（工作日）",
        &before.hardship_notice_days,
        a.hardship_notice_days.as_ref(),
    );
    out
}

/// Every value checked before anything is saved, so a refusal saves nothing.
fn check(profile: &SchoolProfile, a: &SettingsSetArgs) -> Result<()> {
    profile.school()?;
    if let Some(m) = a.idle_lock {
        xueji_domain::security::AccountPolicy::check_idle_lock(m)
            .map_err(|e| AppError::from(e).with_field_message("idleLockMinutes"))?;
    }
    if let Some(d) = a.hardship_notice_days
        && !xueji_app::hardship::NOTICE_DAYS_RANGE.contains(&d)
    {
        return Err(AppError::validation("hardshipNoticeDays", "公示期应为1至30个工作日").into());
    }
    Ok(())
}

/// `settings set`: checks every value first; then the school profile, the idle lock and the
/// notice period, each through its use case (its permission, its audit row).
pub async fn set(app: &App, session: &Session, json: bool, a: &SettingsSetArgs) -> Result<()> {
    let before = app.settings_get(session).await?;
    let profile = edited_profile(&before.school, a);
    let changes = changes_of(&before, &profile, a);
    check(&profile, a)?;
    let mut text = String::new();
    for c in &changes {
        let _ = write!(text, "\n  {}：{} → {}", c.label, c.before, c.after);
    }
    if changes.is_empty() {
        let fields = json!({ "changed": [], "dryRun": a.dry_run });
        output::success(json, "没有需要修改的设置。", fields);
        return Ok(());
    }
    if a.dry_run {
        let fields = json!({ "changed": changes, "dryRun": true });
        output::success(json, &format!("将修改（未保存）：{text}"), fields);
        return Ok(());
    }
    if profile != before.school {
        app.school_update(session, &profile).await?;
    }
    if let Some(m) = a.idle_lock.filter(|m| *m != before.idle_lock_minutes) {
        app.idle_lock_set(session, m).await?;
    }
    if let Some(d) = a
        .hardship_notice_days
        .filter(|d| *d != before.hardship_notice_days)
    {
        app.hardship_notice_days_set(session, d).await?;
    }
    let fields = json!({ "changed": changes, "dryRun": false });
    output::success(json, &format!("已修改：{text}"), fields);
    Ok(())
}

/// `settings term`: sets (or with `dates` `None` removes) one term, keeping the others.
pub async fn term(
    app: &App,
    session: &Session,
    json: bool,
    school_year: i32,
    semester: Semester,
    dates: Option<(NaiveDate, NaiveDate)>,
) -> Result<()> {
    let before = app.settings_get(session).await?;
    let same = |t: &TermView| t.school_year == school_year && t.semester == semester;
    let existed = before.terms.iter().any(same);
    let mut rows: Vec<TermView> = before.terms.iter().filter(|t| !same(t)).cloned().collect();
    if let Some((start, end)) = dates {
        rows.push(TermView {
            school_year,
            semester,
            label: String::new(),
            start,
            end,
        });
    } else if !existed {
        return Err(AppError::not_found(format!(
            "{}—{} 学年{}尚未设置",
            school_year,
            school_year + 1,
            semester.label_zh()
        ))
        .into());
    }
    let terms = app.terms_update(session, &rows).await?;
    let label = format!(
        "{}—{} 学年{}",
        school_year,
        school_year + 1,
        semester.label_zh()
    );
    let text = match dates {
        Some((start, end)) if existed => format!("已修改{label}：{start} 至 {end}"),
        Some((start, end)) => format!("已设置{label}：{start} 至 {end}"),
        None => format!("已删除{label}"),
    };
    output::success(json, &text, json!({ "terms": terms }));
    Ok(())
}

/// `settings rule-profile`: the approver puts another rule profile in force, with the reason.
pub async fn rule_profile(
    app: &App,
    session: &Session,
    json: bool,
    profile: &str,
    reason: &str,
) -> Result<()> {
    let school = app
        .rule_profile_change(
            session,
            &xueji_app::rule_profile::RuleProfileChangeInput {
                profile: profile.to_owned(),
                reason: reason.to_owned(),
            },
        )
        .await?;
    output::success(
        json,
        &format!("已改为适用规则：{}", school.rule_profile),
        json!({ "school": school }),
    );
    Ok(())
}

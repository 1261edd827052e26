//! Helpers for the hardship and dashboard tests.
#![allow(dead_code)]

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use xueji_app::hardship::{FamilyMemberInput, HardshipApplyInput, HardshipFactor, SpecialGroup};
use xueji_store::entities::audit_log;

use crate::common::TestApp;

/// A complete application for a student.
pub fn apply_input(student_id: i64) -> HardshipApplyInput {
    let member = |name: &str, relation: &str, age, occupation: &str, income, health: &str| {
        FamilyMemberInput {
            name: name.to_owned(),
            relation: relation.to_owned(),
            age,
            occupation: occupation.to_owned(),
            annual_income_yuan: income,
            health: health.to_owned(),
        }
    };
    HardshipApplyInput {
        student_id,
        school_year: None,
        applied_on: None,
        guardian_name: "张大山".to_owned(),
        guardian_relation: "父亲".to_owned(),
        guardian_phone: "13800000000".to_owned(),
        members: vec![
            member("张大山", "父亲", 42, "个体运输（务工）", 24_000, "慢性肾病"),
            member("李秀英", "母亲", 40, "无固定工作", 6_000, "健康"),
        ],
        household_income_yuan: None,
        household_size: 3,
        factors: vec![HardshipFactor::FamilyFinances, HardshipFactor::Emergency],
        groups: vec![SpecialGroup::MinimumLivingAllowance],
        other_groups: Vec::new(),
        reason: "父亲患慢性肾病需长期透析，家庭收入减少，医疗支出较大。".to_owned(),
    }
}

/// Audit rows (user, target) of an action, oldest first.
pub async fn audit_rows(t: &TestApp, action: &str) -> Vec<(String, String)> {
    audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq(action))
        .order_by_asc(audit_log::Column::Seq)
        .all(t.app.db())
        .await
        .expect("audit rows")
        .into_iter()
        .map(|r| (r.user, r.target))
        .collect()
}

/// A test app on `today` (a date jump of the test clock does not idle its sessions).
pub async fn app(today: chrono::NaiveDate) -> TestApp {
    TestApp::new(today).await
}

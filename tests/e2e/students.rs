//! 学生: enrol a grade-1 student through the form, find them by pinyin initials, 学籍号 and name,
//! open the archive with its seven sections; a second enrolment of the same ID number is refused
//! naming rule R7.2. Screenshots of the list, the archive and the form with an ID error go to
//! `/tmp/shots/` (or `XUEJI_SHOTS_DIR`). A second test previews an image and a PDF proof.

use std::time::{Duration, Instant};

use fantoccini::Locator;
use fantoccini::key::Key;
use serde_json::json;
use xueji_e2e::seed::{self, Pupil, id_number};
use xueji_e2e::{AppHandle, with_app};

type Res<T = ()> = Result<T, fantoccini::error::CmdError>;

const SECTIONS: [&str; 7] = [
    "（一）",
    "（二）",
    "（三）",
    "（四）",
    "（五）",
    "（六）",
    "（七）",
];

/// The names in the list as shown (read in the page: the rows re-render while typing).
async fn listed_names(app: &AppHandle) -> Res<Vec<String>> {
    let names = app
        .client
        .execute(
            "return [...document.querySelectorAll('[data-test=student-name]')].map((e) => e.textContent.trim())",
            vec![],
        )
        .await?;
    Ok(names
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default())
}

async fn search_for(app: &AppHandle, query: &str, expect: &str) -> Res {
    app.fill("input[data-test=student-search]", query).await?;
    let deadline = Instant::now() + xueji_e2e::STEP_TIMEOUT;
    loop {
        let names = listed_names(app).await?;
        if names.iter().any(|n| n == expect) {
            return Ok(());
        }
        assert!(
            Instant::now() < deadline,
            "searching by {query:?} did not list the student: {names:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Enrols a grade-1 student through the command itself (data for the list's screenshot).
async fn enrol_by_ipc(app: &AppHandle, name: &str, id: &str, class: &str) {
    let pupil = Pupil::with_id_number(name, id, 1).in_class(class);
    seed::enrol(app, &pupil, "2026-09-01").await;
}

/// Fills the enrolment form for a grade-1 newcomer who entered on 1 September 2026.
async fn fill_enrolment(app: &AppHandle, name: &str, id: &str) -> Res {
    fill_enrolment_on(app, name, id, "2026-09-01").await
}

/// Fills the enrolment form for a grade-1 newcomer who entered on `entry`.
async fn fill_enrolment_on(app: &AppHandle, name: &str, id: &str, entry: &str) -> Res {
    app.fill("input[data-test=enrol-id-number]", id).await?;
    app.fill("input[data-test=enrol-name]", name).await?;
    app.choose("[data-test=enrol-hukou-kind]", "非农业户口")
        .await?;
    app.fill(
        "input[data-test=enrol-hukou-address]",
        "浙江省杭州市西湖区文三路1号",
    )
    .await?;
    app.click("[data-test=enrol-same-address]").await?;
    app.fill("input[data-test=enrol-class]", "1班").await?;
    app.fill("input[data-test=enrol-entry-date]", entry).await?;
    app.fill("input[data-test=enrol-family-0-name]", "张大山")
        .await?;
    app.choose("[data-test=enrol-family-0-relation]", "父亲")
        .await
}

async fn submit_enrolment(app: &AppHandle) -> Res {
    app.click("[data-test=enrol-submit]").await?;
    // The confirmation before an irreversible step.
    app.confirm_message_box().await
}

#[tokio::test(flavor = "multi_thread")]
async fn enrol_find_and_open_the_archive_and_a_duplicate_is_refused_with_r7_2() {
    with_app("students", |app: AppHandle| async move {
        app.first_run_and_login().await?;
        app.click("[data-test=nav-students]").await?;
        app.find("[data-test=student-table]").await?;
        let focused = app
            .client
            .execute(
                "return document.activeElement && document.activeElement.dataset.test",
                vec![],
            )
            .await?;
        assert_eq!(
            focused,
            json!("student-search"),
            "the search box has the focus"
        );

        // The form checks the ID number as typed and says what is wrong.
        app.click("[data-test=enrol-button]").await?;
        app.wait_text_where("[data-test=page-title]", |t| t == "新生注册")
            .await?;
        let id = id_number("20200301", 1);
        let wrong = format!("{}{}", &id[..17], if id.ends_with('1') { '2' } else { '1' });
        app.fill("input[data-test=enrol-id-number]", &wrong).await?;
        app.wait_text("[data-test=enrol-form]", "身份证号校验码错误")
            .await?;
        app.shot("enrol-form-id-error").await;
        app.fill("input[data-test=enrol-id-number]", &id).await?;
        assert_eq!(
            app.text("[data-test=enrol-derived-birth]").await?,
            "2020-03-01"
        );
        assert_eq!(app.text("[data-test=enrol-derived-sex]").await?, "男");

        // Enrol a grade-1 newcomer through the form.
        fill_enrolment(&app, "张小明", &id).await?;
        submit_enrolment(&app).await?;
        let xueji = app.text("[data-test=enrol-result-xueji]").await?;
        assert_eq!(xueji, format!("G{id}"));
        assert!(
            app.text("[data-test=enrol-result]")
                .await?
                .contains("待主管教育行政部门核准")
        );

        // More students for the list (through the command, not the form).
        for (i, (name, class)) in [
            ("李思远", "1班"),
            ("王佳怡", "2班"),
            ("赵宇航", "2班"),
            ("陈诗涵", "1班"),
            ("欧阳晨", "3班"),
        ]
        .into_iter()
        .enumerate()
        {
            let other = id_number(
                &format!("2020040{}", i + 1),
                u32::try_from(i + 2).expect("a sequence"),
            );
            enrol_by_ipc(&app, name, &other, class).await;
        }

        // Find them by pinyin initials, by 学籍号 and by name.
        app.click("[data-test=nav-students]").await?;
        search_for(&app, "zxm", "张小明").await?;
        search_for(&app, &xueji, "张小明").await?;
        search_for(&app, "张小", "张小明").await?;
        app.fill("input[data-test=student-search]", "").await?;
        app.wait_text("[data-test=student-pagination]", "共 6 条")
            .await?;
        app.shot("students-list").await;

        // Enter opens the first result: the archive with its seven sections.
        app.fill("input[data-test=student-search]", "zxm").await?;
        search_for(&app, "zxm", "张小明").await?;
        app.find("input[data-test=student-search]")
            .await?
            .send_keys(&Key::Enter.to_string())
            .await?;
        assert_eq!(app.text("[data-test=archive-name]").await?, "张小明");
        app.wait_text_where("[data-test=page-title]", |t| t == "学籍档案")
            .await?;
        let mut titles = Vec::new();
        for e in app
            .client
            .find_all(Locator::Css("[data-test=archive-section-title]"))
            .await?
        {
            titles.push(e.text().await?);
        }
        assert_eq!(titles.len(), 7, "seven sections: {titles:?}");
        for (title, number) in titles.iter().zip(SECTIONS) {
            assert!(title.starts_with(number), "{title}");
        }
        app.wait_text("[data-test=archive-head]", "待核准").await?;
        app.shot("student-archive").await;

        // The same ID number again: refused with R7.2, naming the existing record.
        app.click("[data-test=nav-students]").await?;
        app.click("[data-test=enrol-button]").await?;
        fill_enrolment(&app, "张小明", &id).await?;
        submit_enrolment(&app).await?;
        let refusal = app.text("[data-test=enrol-refusal-text]").await?;
        assert!(refusal.contains("R7.2"), "{refusal}");
        assert!(refusal.contains("张小明"), "{refusal}");
        app.shot("enrol-refused-r7-2").await;
        app.click("[data-test=enrol-open-existing]").await?;
        assert_eq!(app.text("[data-test=archive-name]").await?, "张小明");
        Ok(())
    })
    .await;
}

/// R13.3 with only the shipped notices (2017–2026): a student enrolled today (from 2026-12-02 on)
/// has the archive due in 2027 (R8.1); it is counted on the statutory holidays and marked 暂定,
/// with the missing notice named, on the enrolment result and on the archive page.
#[tokio::test(flavor = "multi_thread")]
async fn an_enrolment_dated_today_has_a_provisional_archive_deadline() {
    with_app("students-provisional", |app: AppHandle| async move {
        app.first_run_and_login().await?;
        let today = app.today().await;
        app.click("[data-test=nav-students]").await?;
        app.click("[data-test=enrol-button]").await?;
        app.wait_text_where("[data-test=page-title]", |t| t == "新生注册")
            .await?;
        let id = id_number("20200601", 2);
        fill_enrolment_on(&app, "周暂定", &id, &today).await?;
        submit_enrolment(&app).await?;
        let deadline = app.wait_text("[data-test=enrol-deadline]", "暂定").await?;
        assert!(deadline.contains("为学生建立学籍档案"), "{deadline}");
        let tag = app
            .find("[data-test=enrol-deadline] [data-test=provisional-tag]")
            .await?;
        let reason = tag.attr("aria-label").await?.unwrap_or_default();
        assert!(
            reason.contains("年部分节假日安排的通知》"),
            "the tooltip names the missing notice: {reason}"
        );
        app.shot("enrol-provisional-deadline").await;
        app.click("[data-test=enrol-open-archive]").await?;
        app.wait_text_where("[data-test=page-title]", |t| t == "学籍档案")
            .await?;
        let due = app
            .wait_text("[data-test=archive-deadline]", "暂定")
            .await?;
        assert!(due.contains("（R8.1）"), "{due}");
        app.shot("archive-provisional-deadline").await;
        Ok(())
    })
    .await;
}

/// A one-page PDF with a line of text, as base64 (built in the page: btoa).
const PDF: &str = "%PDF-1.4
1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj
2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj
3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 420 300]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj
4 0 obj<</Length 58>>stream
BT /F1 28 Tf 40 150 Td (Household register, page 1) Tj ET
endstream endobj
5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj
trailer<</Root 1 0 R>>
%%EOF
";

#[tokio::test(flavor = "multi_thread")]
async fn the_archive_previews_an_image_and_a_pdf_proof() {
    with_app("students-attachments", |app: AppHandle| async move {
        app.first_run_and_login().await?;
        let id = id_number("20200301", 5);
        enrol_by_ipc(&app, "李小红", &id, "1班").await;
        let found = app
            .call(
                "student_search",
                json!({ "input": { "query": id, "grade": null, "className": null, "page": 1, "pageSize": 1 } }),
            )
            .await;
        let student_id = found["rows"][0]["id"].as_i64().expect("the enrolled student");
        // Proofs made in the page: a drawn image and a small PDF.
        let files = app
            .client
            .execute(
                "const c = document.createElement('canvas'); c.width = 480; c.height = 300;
                 const g = c.getContext('2d'); g.fillStyle = '#f4efe1'; g.fillRect(0, 0, 480, 300);
                 g.fillStyle = '#8a1c1c'; g.font = '36px sans-serif'; g.fillText('居民户口簿（样例）', 60, 160);
                 return { png: c.toDataURL('image/png').split(',')[1], pdf: btoa(arguments[0]) };",
                vec![json!(PDF)],
            )
            .await?;
        app.call(
            "change_submit",
            json!({ "input": {
                "studentId": student_id,
                "change": { "type": "correct_basic_data", "field": "hukou_address", "after": "浙江省杭州市西湖区文一路2号" },
                "effectiveOn": "2026-09-10",
                "proofs": [
                    { "kind": "household_register", "fileName": "户口簿.png", "mime": "image/png", "dataBase64": files["png"] },
                    { "kind": "written_application", "fileName": "书面申请.pdf", "mime": "application/pdf", "dataBase64": files["pdf"] }
                ],
                "note": null
            } }),
        )
        .await;

        app.goto(&format!("/students/{student_id}")).await?;
        assert_eq!(app.text("[data-test=archive-name]").await?, "李小红");
        let timeline = app.text("[data-test=archive-tabs]").await?;
        assert!(timeline.contains("附件（2）"), "{timeline}");
        app.click("#tab-attachments").await?;
        // The image shows inline (attachments in the order they were stored).
        app.js_click("[data-test=attachment-open-0]").await?;
        app.find("[data-test=attachment-image]").await?;
        let deadline = Instant::now() + xueji_e2e::STEP_TIMEOUT;
        while app
            .client
            .execute(
                "return document.querySelector('[data-test=attachment-image]').naturalWidth",
                vec![],
            )
            .await?
            != json!(480)
        {
            assert!(Instant::now() < deadline, "the image never loaded");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        app.shot("attachment-image").await;
        app.js_click("[data-test=attachment-close]").await?;
        tokio::time::sleep(Duration::from_millis(500)).await;
        // The PDF is shown in the window.
        app.js_click("[data-test=attachment-open-1]").await?;
        app.find("[data-test=attachment-pdf]").await?;
        tokio::time::sleep(Duration::from_millis(1500)).await;
        app.shot("attachment-pdf").await;
        Ok(())
    })
    .await;
}

/// The hardship application of a student, as the registrar types it from the guardian's paper
/// form: recorded `applied` (a date before today), then the class assessment on the same day.
async fn apply_for_hardship(
    app: &AppHandle,
    name: &str,
    student_id: i64,
    applied: &str,
) -> Res<i64> {
    app.click("[data-test=nav-hardship]").await?;
    app.find("[data-test=hardship-list]").await?;
    app.click("[data-test=hardship-new]").await?;
    app.wait_text_where("[data-test=page-title]", |t| t == "登记认定申请")
        .await?;
    app.fill("input[data-test=student-search]", name).await?;
    app.click(&format!("[data-test=student-row-{student_id}]"))
        .await?;
    app.find("[data-test=chosen-student]").await?;
    app.set_date("[data-test=apply-applied-on]", applied)
        .await?;
    app.fill("input[data-test=apply-guardian-name]", "张大山")
        .await?;
    app.fill("input[data-test=apply-guardian-relation]", "父亲")
        .await?;
    app.fill("input[data-test=apply-guardian-phone]", "13800000000")
        .await?;
    app.fill("input[data-test=apply-member-0-name]", "张大山")
        .await?;
    app.fill("input[data-test=apply-member-0-relation]", "父亲")
        .await?;
    app.fill("[data-test=apply-member-0-age] input", "42")
        .await?;
    app.fill("input[data-test=apply-member-0-occupation]", "务工")
        .await?;
    app.fill("[data-test=apply-member-0-income] input", "24000")
        .await?;
    app.fill("input[data-test=apply-member-0-health]", "慢性肾病")
        .await?;
    app.fill("[data-test=apply-household-size] input", "3")
        .await?;
    app.paste(
        "textarea[data-test=apply-reason]",
        "父亲患慢性肾病需长期透析，家庭收入减少，医疗支出较大。",
    )
    .await?;
    // No factor yet: the form says so before anything is sent.
    app.click("[data-test=apply-submit]").await?;
    app.wait_text("[data-test=apply-problem]", "请勾选至少一项认定因素")
        .await?;
    app.click("[data-test=apply-factor-family_finances]")
        .await?;
    app.click("[data-test=apply-group-minimum_living_allowance]")
        .await?;
    app.click("[data-test=apply-submit]").await?;
    app.wait_text("[data-test=hardship-status]", "待班级评议")
        .await?;
    let hash = app
        .client
        .execute("return window.location.hash", vec![])
        .await?;
    let id = hash
        .as_str()
        .and_then(|h| h.rsplit('/').next())
        .and_then(|n| n.parse().ok())
        .expect("the detail page's id");
    app.wait_text(
        "[data-test=hardship-facts-factors]",
        "家庭经济因素、特殊群体因素",
    )
    .await?;
    // 班级评议 on the day of the application.
    app.click("[data-test=class-level-special]").await?;
    app.fill(
        "input[data-test=class-note]",
        "经班级认定小组评议，情况属实",
    )
    .await?;
    app.set_date("[data-test=class-on]", applied).await?;
    app.click("[data-test=class-save]").await?;
    app.wait_text("[data-test=class-result]", "特别困难")
        .await?;
    app.wait_text("[data-test=hardship-status]", "待学校认定")
        .await?;
    Ok(id)
}

/// Aid on an assessment in force: a second student's, recorded from paper through the commands
/// (its notice ended weeks ago), granted through the page; the list shows it.
async fn aid_on_an_assessment_in_force(app: &AppHandle, today: &str) -> Res {
    use xueji_e2e::{ADMIN_PASSWORD, ADMIN_USERNAME, APPROVER, STAFF_PASSWORD, dates};
    app.backend_login_registrar().await;
    // Back to the usual five working days: this one's notice ended weeks ago.
    app.call("hardship_notice_days_set", json!({ "days": 5 }))
        .await;
    let other = Pupil::new("吴资助", "2019-06-01", 32, 2);
    let other_id = seed::enrol(app, &other, "2025-09-01").await;
    let application = app
        .call(
            "hardship_apply",
            json!({ "input": {
                "studentId": other_id, "schoolYear": null, "appliedOn": dates::days_before(today, 25),
                "guardianName": "吴大海", "guardianRelation": "母亲", "guardianPhone": "",
                "members": [{ "name": "吴大海", "relation": "母亲", "age": 38, "occupation": "务农",
                              "annualIncomeYuan": 9000, "health": "健康" }],
                "householdIncomeYuan": null, "householdSize": 2, "factors": ["emergency"],
                "groups": [], "otherGroups": [], "reason": "家中房屋遭受台风损毁。" } }),
        )
        .await;
    let other_app = application["id"].clone();
    app.call(
        "hardship_class_assess",
        json!({ "id": other_app, "input": { "result": "hardship", "note": "评议属实",
            "assessedOn": dates::days_before(today, 24) } }),
    )
    .await;
    app.backend_login(APPROVER, STAFF_PASSWORD).await;
    let decided = app
        .call(
            "hardship_decide",
            json!({ "id": other_app, "input": { "level": "hardship", "note": null,
                "decidedOn": dates::days_before(today, 23), "noticeFrom": null } }),
        )
        .await;
    assert_eq!(decided["status"]["code"], "effective", "{decided}");
    app.logout().await?;
    app.login(ADMIN_USERNAME, ADMIN_PASSWORD).await?;
    app.goto(&format!("/hardship/{other_app}")).await?;
    app.wait_text("[data-test=hardship-status]", "已生效")
        .await?;
    app.fill("input[data-test=aid-kind]", "生活补助").await?;
    app.fill("[data-test=aid-amount] input", "1250").await?;
    app.click("[data-test=aid-save]").await?;
    app.wait_text("[data-test=aid-list]", "1250.00").await?;
    app.shot("hardship-aid").await;
    app.click("[data-test=nav-hardship]").await?;
    app.wait_text("[data-test=hardship-list]", "吴资助").await?;
    Ok(())
}

/// 家庭经济困难学生认定 (R8.2(6)) through the page: the registrar records the application of a
/// seeded student from the guardian's form (a factor is required) and the class assessment; the
/// approver decides (the notice begins); an objection is recorded and dismissed; the form is
/// printed and saved. A second assessment, recorded through the commands and in force, gets its
/// semester's aid through the page. The menu entry is not shown to 德育处.
#[tokio::test(flavor = "multi_thread")]
async fn a_hardship_assessment_is_walked_through_its_steps_and_its_form_printed() {
    use xueji_e2e::{
        ADMIN_PASSWORD, ADMIN_USERNAME, APPROVER, MORAL, STAFF_PASSWORD, dates, files,
    };
    with_app("students-hardship", |app: AppHandle| async move {
        app.first_run_and_login().await?;
        app.add_users().await;
        let today = app.today().await;
        // A notice of twenty working days, decided ten days ago, has begun and not ended on any
        // real date: no run of days off (weekends, 春节) is longer than nine days.
        app.call("hardship_notice_days_set", json!({ "days": 20 }))
            .await;
        let pupil = Pupil::new("周困难", "2019-05-01", 31, 2);
        let student_id = seed::enrol(&app, &pupil, "2025-09-01").await;

        // The application and the class assessment, recorded from paper three weeks on.
        let applied = dates::days_before(&today, 20);
        let id = apply_for_hardship(&app, &pupil.name, student_id, &applied).await?;
        app.shot("hardship-class-assessed").await;

        // The school's decision, taken ten days ago: its notice is on today.
        app.logout().await?;
        app.login(APPROVER, STAFF_PASSWORD).await?;
        app.goto(&format!("/hardship/{id}")).await?;
        app.click("[data-test=decide-level-special]").await?;
        app.fill("input[data-test=decide-note]", "经学校认定工作组审核")
            .await?;
        app.set_date("[data-test=decide-on]", &dates::days_before(&today, 10))
            .await?;
        app.confirm("[data-test=decide-save]").await?;
        app.wait_text("[data-test=hardship-status]", "公示中")
            .await?;
        app.wait_text("[data-test=decide-level]", "特别困难")
            .await?;
        app.find("[data-test=notice-period]").await?;

        // An objection during the notice holds it until the approver rules.
        app.logout().await?;
        app.login(ADMIN_USERNAME, ADMIN_PASSWORD).await?;
        app.goto(&format!("/hardship/{id}")).await?;
        app.fill("input[data-test=object-content]", "家庭收入与实际情况不符")
            .await?;
        app.click("[data-test=object-save]").await?;
        app.wait_text("[data-test=hardship-status]", "公示异议待处理")
            .await?;
        app.find("[data-test=objection-waiting]").await?;
        app.logout().await?;
        app.login(APPROVER, STAFF_PASSWORD).await?;
        app.goto(&format!("/hardship/{id}")).await?;
        app.fill(
            "input[data-test=objection-note]",
            "经核实，家庭收入情况属实，异议不成立",
        )
        .await?;
        app.click("[data-test=objection-dismiss]").await?;
        app.wait_text("[data-test=objection-1-ruling]", "不成立")
            .await?;
        app.wait_text("[data-test=hardship-status]", "公示中")
            .await?;
        app.shot("hardship-objection-dismissed").await;

        // 打印认定表: the form, saved where the registrar chooses.
        app.click("[data-test=hardship-print]").await?;
        app.find("[data-test=pdf-preview]").await?;
        app.click("[data-test=pdf-save]").await?;
        let line = app.text("[data-test=pdf-saved-path]").await?;
        let pdf = files::saved_pdf(&app, &line);
        let text: String = files::pdf_text(&pdf)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        for expected in [
            "家庭经济困难学生认定申请表",
            "家庭人口数3人",
            "■特别困难",
            "■家庭经济因素",
            "■特殊群体因素",
        ] {
            assert!(text.contains(expected), "{expected}: {text}");
        }
        app.js_click(".el-dialog__headerbtn").await?;
        app.gone("[data-test=pdf-preview]").await?;

        aid_on_an_assessment_in_force(&app, &today).await?;

        // 德育处 does not see the entry.
        app.logout().await?;
        app.login(MORAL, STAFF_PASSWORD).await?;
        let sidebar = app.text("[data-test=sidebar]").await?;
        assert!(!sidebar.contains("困难认定"), "{sidebar}");
        Ok(())
    })
    .await;
}

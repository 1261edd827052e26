//! The steps every test starts with: the first-run wizard and the login, as a registrar does them
//! in the real app. Use `app.first_run_and_login().await?` at the top of a test body.

use fantoccini::error::CmdError;
use fantoccini::key::Key;

use crate::AppHandle;

/// The first registrar account of every test run.
pub const ADMIN_USERNAME: &str = "xjgly";
pub const ADMIN_DISPLAY_NAME: &str = "王老师";
/// Meets the policy: 8+ characters, letters and digits, not the user name.
pub const ADMIN_PASSWORD: &str = "Xueji2024test";

/// The school profile typed into the wizard's first step.
#[derive(Clone, Debug)]
pub struct SchoolSetup {
    pub name: &'static str,
    /// 学校标识码, ten digits.
    pub code: &'static str,
    /// `primary`, `junior`, `nine_year` or `special_education`.
    pub kind: &'static str,
    pub county_bureau: &'static str,
    pub township: &'static str,
}

impl Default for SchoolSetup {
    /// A 九年一贯制 school (grades 1–9, graduating 6 and 9), so every test can use any grade.
    fn default() -> Self {
        Self {
            name: "杭州市西湖区文溪九年一贯制学校",
            code: "3133001234",
            kind: "nine_year",
            county_bureau: "杭州市西湖区教育局",
            township: "西湖区文新街道办事处",
        }
    }
}

/// What the first run leaves a test.
#[derive(Clone, Debug)]
pub struct FirstRun {
    /// The recovery code as shown: `XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX`.
    pub recovery_code: String,
}

impl FirstRun {
    /// The six groups of the code.
    pub fn groups(&self) -> Vec<&str> {
        self.recovery_code.split('-').collect()
    }
}

impl AppHandle {
    /// Wizard step 1: the school profile, then 下一步.
    pub async fn setup_school(&self, school: &SchoolSetup) -> Result<(), CmdError> {
        self.find("[data-test=setup-page]").await?;
        self.fill("[data-test=school-name]", school.name).await?;
        self.fill("[data-test=school-code]", school.code).await?;
        self.click(&format!("[data-test=school-kind-{}]", school.kind))
            .await?;
        self.fill("[data-test=school-county-bureau]", school.county_bureau)
            .await?;
        self.fill("[data-test=school-township]", school.township)
            .await?;
        self.click("[data-test=school-next]").await?;
        self.find("[data-test=admin-form]").await?;
        Ok(())
    }

    /// Wizard step 2: the first registrar account, 创建数据库 and its confirmation; returns the
    /// recovery code the next step shows.
    pub async fn setup_admin(
        &self,
        username: &str,
        display_name: &str,
        password: &str,
    ) -> Result<FirstRun, CmdError> {
        self.fill("[data-test=admin-username]", username).await?;
        self.fill("[data-test=admin-display-name]", display_name)
            .await?;
        self.fill("[data-test=admin-password]", password).await?;
        self.fill("[data-test=admin-password-confirm]", password)
            .await?;
        self.click("[data-test=admin-create]").await?;
        self.confirm_message_box().await?;
        self.find("[data-test=recovery-code]").await?;
        let mut groups = Vec::new();
        for i in 0..6 {
            groups.push(
                self.text(&format!("[data-test=recovery-group-{i}]"))
                    .await?
                    .trim()
                    .to_owned(),
            );
        }
        Ok(FirstRun {
            recovery_code: groups.join("-"),
        })
    }

    /// Wizard step 3 → 4: ticks "kept" and goes on to the confirmation.
    pub async fn setup_recovery_kept(&self) -> Result<(), CmdError> {
        self.click("[data-test=recovery-kept]").await?;
        self.click("[data-test=recovery-next]").await?;
        self.find("[data-test=confirm-step]").await?;
        Ok(())
    }

    /// The group positions (0-based) the confirmation step asks for, in order.
    pub async fn asked_groups(&self) -> Result<Vec<usize>, CmdError> {
        let mut positions = Vec::new();
        for i in 0..3 {
            let input = self.find(&format!("[data-test=confirm-group-{i}]")).await?;
            let p = input
                .attr("data-group")
                .await?
                .and_then(|v| v.parse().ok())
                .expect("each asked group names its position");
            positions.push(p);
        }
        Ok(positions)
    }

    /// Wizard step 4: types the asked groups from `code` and submits.
    pub async fn setup_confirm_groups(&self, run: &FirstRun) -> Result<(), CmdError> {
        let groups = run.groups();
        let asked = self.asked_groups().await?;
        for (i, p) in asked.into_iter().enumerate() {
            self.fill(&format!("[data-test=confirm-group-{i}]"), groups[p])
                .await?;
        }
        self.click("[data-test=confirm-submit]").await
    }

    /// The whole first-run wizard with the given school and account; ends on the login page.
    pub async fn first_run_with(
        &self,
        school: &SchoolSetup,
        username: &str,
        display_name: &str,
        password: &str,
    ) -> Result<FirstRun, CmdError> {
        self.setup_school(school).await?;
        let run = self.setup_admin(username, display_name, password).await?;
        self.setup_recovery_kept().await?;
        self.setup_confirm_groups(&run).await?;
        self.find("[data-test=login-page]").await?;
        Ok(run)
    }

    /// The first-run wizard with the test school and [`ADMIN_USERNAME`]; ends on the login page.
    pub async fn first_run(&self) -> Result<FirstRun, CmdError> {
        self.first_run_with(
            &SchoolSetup::default(),
            ADMIN_USERNAME,
            ADMIN_DISPLAY_NAME,
            ADMIN_PASSWORD,
        )
        .await
    }

    /// Types a user name and password on the login page and submits (Enter); does not wait.
    pub async fn submit_login(&self, username: &str, password: &str) -> Result<(), CmdError> {
        self.find("[data-test=login-page]").await?;
        self.fill("[data-test=login-username]", username).await?;
        let pw = self.fill("[data-test=login-password]", password).await?;
        pw.send_keys(&char::from(Key::Enter).to_string()).await
    }

    /// Logs in and waits for the frame (the header names the user).
    pub async fn login(&self, username: &str, password: &str) -> Result<(), CmdError> {
        self.submit_login(username, password).await?;
        self.find("[data-test=current-user]").await?;
        Ok(())
    }

    /// First run with the test school and account, then login as that registrar, with only the
    /// holiday notices the app ships (dates past them are counted provisionally, 暂定): the app is
    /// on 首页 afterwards. Returns the recovery code.
    pub async fn first_run_and_login(&self) -> Result<FirstRun, CmdError> {
        let run = self.first_run().await?;
        self.login(ADMIN_USERNAME, ADMIN_PASSWORD).await?;
        Ok(run)
    }
}

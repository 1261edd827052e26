//! Picking an option of an Element Plus select: WebKitWebDriver's click on the teleported
//! option fails, so the option is clicked through the page's own `click()`.
#![allow(dead_code)]

use std::time::Duration;

use fantoccini::error::CmdError;
use serde_json::json;
use xueji_e2e::AppHandle;

/// Opens the select matching `select_css` and picks the visible option showing `text`.
pub async fn choose(app: &AppHandle, select_css: &str, text: &str) -> Result<(), CmdError> {
    app.click(select_css).await?;
    let deadline = std::time::Instant::now() + xueji_e2e::STEP_TIMEOUT;
    loop {
        tokio::time::sleep(Duration::from_millis(300)).await;
        let clicked = app
            .client
            .execute(
                "const item = [...document.querySelectorAll('.el-select-dropdown__item')]
                   .find((li) => li.offsetParent !== null && li.textContent.trim() === arguments[0]);
                 if (item) item.click();
                 return Boolean(item);",
                vec![json!(text)],
            )
            .await?;
        if clicked == json!(true) {
            return Ok(());
        }
        assert!(
            std::time::Instant::now() <= deadline,
            "no option {text} in {select_css}"
        );
    }
}

/// Waits for the message box whose text contains `needle` (another may still be fading out) and
/// clicks its primary button.
pub async fn confirm_box_with(app: &AppHandle, needle: &str) -> Result<(), CmdError> {
    let deadline = std::time::Instant::now() + xueji_e2e::STEP_TIMEOUT * 3;
    loop {
        let clicked = app
            .client
            .execute(
                "const box = [...document.querySelectorAll('.el-message-box')]
                   .find((b) => b.innerText.includes(arguments[0]));
                 const button = box && box.querySelector('.el-message-box__btns .el-button--primary');
                 if (button) button.click();
                 return Boolean(button);",
                vec![json!(needle)],
            )
            .await?;
        if clicked == json!(true) {
            return Ok(());
        }
        assert!(
            std::time::Instant::now() <= deadline,
            "no message box showing {needle}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

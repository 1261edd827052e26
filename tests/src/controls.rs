//! The Element Plus controls as a registrar works them: a select's option, a date typed into a
//! date picker, the message box that confirms an irreversible step, and closing what a field
//! opened over the page.
//!
//! WebKitWebDriver cannot click what Element Plus teleports to the end of the page (a select's
//! options, a message box's buttons, when a mask lies over them) as reliably as a person: where a
//! WebDriver click fails, these helpers click through the page's own `click()`.

use std::time::{Duration, Instant};

use fantoccini::Locator;
use fantoccini::error::CmdError;
use fantoccini::key::Key;
use serde_json::json;

use crate::{AppHandle, STEP_TIMEOUT};

impl AppHandle {
    /// Opens the select matching `select_css` and picks the visible option showing `text`.
    pub async fn choose(&self, select_css: &str, text: &str) -> Result<(), CmdError> {
        self.click(select_css).await?;
        let deadline = Instant::now() + STEP_TIMEOUT;
        loop {
            tokio::time::sleep(Duration::from_millis(300)).await;
            let clicked = self
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
                Instant::now() <= deadline,
                "no option {text} in {select_css}"
            );
        }
    }

    /// Picks the option matching the CSS selector `option` (its `data-test`) of the select
    /// `select`, and waits until the select shows it (a click while the list still slides open
    /// can land on its neighbour: then the pick is made again).
    pub async fn pick(&self, select: &str, option: &str) -> Result<(), CmdError> {
        for _ in 0..3 {
            self.click(select).await?;
            let deadline = Instant::now() + Duration::from_secs(10);
            let label = loop {
                if let Ok(el) = self.client.find(Locator::Css(option)).await
                    && el.is_displayed().await.unwrap_or(false)
                {
                    // Let the list finish sliding open before the click.
                    tokio::time::sleep(Duration::from_millis(300)).await;
                    let label = el.text().await?;
                    el.click().await?;
                    break label;
                }
                if Instant::now() > deadline {
                    return Err(CmdError::WaitTimeout);
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            };
            let shown_by = Instant::now() + Duration::from_secs(2);
            while Instant::now() < shown_by {
                let shown = self.text(select).await.unwrap_or_default();
                if !label.trim().is_empty() && shown.contains(label.trim()) {
                    return Ok(());
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            self.close_popups().await;
        }
        Err(CmdError::WaitTimeout)
    }

    /// Types a date into the Element Plus date picker inside `css` (the picker drops attributes,
    /// so the pages put `data-test` on a wrapper) and confirms it with Enter.
    pub async fn set_date(&self, css: &str, date: &str) -> Result<(), CmdError> {
        // The panel of the date typed before may still hang over this field.
        self.close_popups().await;
        // Another field's calendar panel may lie over this one (it opens below its field): then
        // `fill` focuses the input as the Tab key would.
        let input = self.fill(&format!("{css} input"), "").await?;
        input
            .send_keys(&format!("{date}{}", char::from(Key::Enter)))
            .await?;
        // Leave the field so the calendar closes (not Escape: that would close a dialog around it).
        input.send_keys(&char::from(Key::Tab).to_string()).await?;
        self.close_popups().await;
        Ok(())
    }

    /// Closes what a focused field opened over the page (a date picker's panel, a select's list)
    /// the way a click elsewhere does: Element Plus listens for mousedown and mouseup on the
    /// document.
    pub async fn close_popups(&self) {
        let script = r"
            if (document.activeElement) document.activeElement.blur();
            for (const type of ['mousedown', 'mouseup']) {
                document.body.dispatchEvent(new MouseEvent(type, { bubbles: true }));
            }
        ";
        let _ = self.client.execute(script, vec![]).await;
    }

    /// Clicks the primary button of the open `ElMessageBox.confirm` (确定 / the confirm text) and
    /// waits until the box is gone.
    pub async fn confirm_message_box(&self) -> Result<(), CmdError> {
        self.click(".el-message-box .el-message-box__btns .el-button--primary")
            .await?;
        self.gone(".el-message-box").await
    }

    /// Presses a button that asks for a confirmation, and confirms. A press that went nowhere (it
    /// landed while a date panel was closing over the dialog) is made again.
    pub async fn confirm(&self, css: &str) -> Result<(), CmdError> {
        for _ in 0..3 {
            self.click(css).await?;
            let asked_by = Instant::now() + Duration::from_secs(5);
            while Instant::now() < asked_by {
                if let Ok(found) = self.client.find_all(Locator::Css(".el-message-box")).await
                    && !found.is_empty()
                {
                    return self.confirm_message_box().await;
                }
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            self.close_popups().await;
        }
        Err(CmdError::WaitTimeout)
    }

    /// Waits for the message box whose text contains `needle` (another may still be fading out)
    /// and clicks its primary button (through the page: the box may come and go while WebDriver
    /// looks for it). Waits up to three steps: a box may follow a slow step.
    pub async fn confirm_box_with(&self, needle: &str) -> Result<(), CmdError> {
        let deadline = Instant::now() + STEP_TIMEOUT * 3;
        loop {
            let clicked = self
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
                Instant::now() <= deadline,
                "no message box showing {needle}"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }
}

//! What a registrar does on a page, one helper each: find, click, type, read, wait for a text,
//! count, navigate, log out and take a screenshot. The Element Plus controls (selects, date
//! pickers, message boxes) are in `controls.rs`.
//!
//! Two readings of a page's text: [`AppHandle::text`] is WebDriver's element text (for exact
//! values); [`AppHandle::inner_text`] and the waits read the DOM's `innerText`, because
//! WebKitWebDriver's element text leaves out the plain text of Element Plus table cells (it
//! returned only the buttons of a row).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use fantoccini::Locator;
use fantoccini::elements::Element;
use fantoccini::error::{CmdError, ErrorStatus};
use fantoccini::key::Key;
use serde_json::json;

use crate::{AppHandle, STEP_TIMEOUT};

/// A WebDriver error that a moment later may not happen again: the element was replaced by a
/// re-render, or something (an animation, a closing dialog) lay over it.
pub fn transient(e: &CmdError) -> bool {
    matches!(e, CmdError::Standard(w) if matches!(
        w.error,
        ErrorStatus::StaleElementReference
            | ErrorStatus::ElementClickIntercepted
            | ErrorStatus::ElementNotInteractable
    ))
}

/// Ctrl+A then Backspace: WebDriver `clear` does not reach a Vue `v-model`.
fn select_all_and_delete() -> String {
    format!(
        "{}a{}{}",
        char::from(Key::Control),
        char::from(Key::Null),
        char::from(Key::Backspace)
    )
}

/// Lets the window repaint before a screenshot: WebKitGTK without GPU compositing (Xvfb) paints
/// about once a second, so a shot taken at once can show the page before the last change.
pub async fn settle() {
    tokio::time::sleep(Duration::from_millis(1500)).await;
}

impl AppHandle {
    /// Waits for the element matching a CSS selector.
    pub async fn find(&self, css: &str) -> Result<Element, CmdError> {
        self.client
            .wait()
            .at_most(STEP_TIMEOUT)
            .for_element(Locator::Css(css))
            .await
    }

    /// Waits for an element and returns its WebDriver text (again if Vue replaced the element
    /// while it was read).
    pub async fn text(&self, css: &str) -> Result<String, CmdError> {
        let deadline = Instant::now() + STEP_TIMEOUT;
        loop {
            match self.find(css).await?.text().await {
                Err(e) if transient(&e) && Instant::now() < deadline => {
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                other => return other,
            }
        }
    }

    /// Waits for an element and returns the `innerText` of the first element matching `css`.
    pub async fn inner_text(&self, css: &str) -> Result<String, CmdError> {
        self.find(css).await?;
        Ok(self.read_inner_text(css).await?.unwrap_or_default())
    }

    /// The `innerText` of the first element matching `css`, `None` when there is none.
    async fn read_inner_text(&self, css: &str) -> Result<Option<String>, CmdError> {
        let text = self
            .client
            .execute(
                "const e = document.querySelector(arguments[0]); return e ? e.innerText : null;",
                vec![json!(css)],
            )
            .await?;
        Ok(text.as_str().map(str::to_owned))
    }

    /// Waits until the `innerText` of the element matching `css` contains `needle`; returns it.
    /// Panics, naming what it shows, when it does not within [`STEP_TIMEOUT`].
    pub async fn wait_text(&self, css: &str, needle: &str) -> Result<String, CmdError> {
        self.wait_inner_text(css, &format!("never showed {needle:?}"), |t| {
            t.contains(needle)
        })
        .await
    }

    /// Waits until the `innerText` of the element matching `css` no longer contains `needle`
    /// (the element still there); returns it.
    pub async fn wait_text_gone(&self, css: &str, needle: &str) -> Result<String, CmdError> {
        self.wait_inner_text(css, &format!("still shows {needle:?}"), |t| {
            !t.contains(needle)
        })
        .await
    }

    /// Waits until `check` holds for the `innerText` of the element matching `css`, trimmed;
    /// returns it.
    pub async fn wait_text_where(
        &self,
        css: &str,
        check: impl Fn(&str) -> bool,
    ) -> Result<String, CmdError> {
        self.wait_inner_text(css, "never showed what was expected", |t| check(t.trim()))
            .await
    }

    async fn wait_inner_text(
        &self,
        css: &str,
        failure: &str,
        check: impl Fn(&str) -> bool,
    ) -> Result<String, CmdError> {
        let deadline = Instant::now() + STEP_TIMEOUT;
        loop {
            // While the element is missing or the page is between documents, keep waiting.
            let text = self.read_inner_text(css).await.ok().flatten();
            if let Some(text) = &text
                && check(text)
            {
                return Ok(text.clone());
            }
            assert!(
                Instant::now() <= deadline,
                "{css} {failure}; it shows {text:?}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until `n` elements match `css` and returns them.
    pub async fn count(&self, css: &str, n: usize) -> Result<Vec<Element>, CmdError> {
        let deadline = Instant::now() + STEP_TIMEOUT;
        loop {
            let found = self.client.find_all(Locator::Css(css)).await?;
            if found.len() == n {
                return Ok(found);
            }
            assert!(
                Instant::now() < deadline,
                "{css}: {} elements, not {n}",
                found.len()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until no element matches `css` any more.
    pub async fn gone(&self, css: &str) -> Result<(), CmdError> {
        let deadline = Instant::now() + STEP_TIMEOUT;
        loop {
            match self.client.find_all(Locator::Css(css)).await {
                Ok(found) if found.is_empty() => return Ok(()),
                Ok(_) => {}
                // The element went while it was being looked at.
                Err(e) if transient(&e) => {}
                Err(e) => return Err(e),
            }
            if Instant::now() > deadline {
                return Err(CmdError::WaitTimeout);
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Clicks the element matching `css` once it is there and can take the click: a click that
    /// lands while Vue re-renders it, or while something covers it (a loading mask, a closing
    /// popper), is tried again.
    pub async fn click(&self, css: &str) -> Result<(), CmdError> {
        let deadline = Instant::now() + STEP_TIMEOUT;
        let mut intercepted = 0;
        loop {
            let el = self.find(css).await?;
            let result = if intercepted >= 5 {
                // WebKitWebDriver keeps reporting the click as intercepted while a date picker's
                // panel is open elsewhere on the page (no window manager under Xvfb): the button
                // is visible and enabled, so press it the way the keyboard would.
                self.client
                    .execute("arguments[0].click()", vec![serde_json::to_value(&el)?])
                    .await
                    .map(drop)
            } else {
                el.click().await
            };
            match result {
                Ok(()) => return Ok(()),
                Err(e) if transient(&e) && Instant::now() < deadline => {
                    if matches!(&e, CmdError::Standard(w) if w.error == ErrorStatus::ElementClickIntercepted)
                    {
                        intercepted += 1;
                        self.close_popups().await;
                    }
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// Clicks the element matching `css` through the page's own `click()` (an Element Plus
    /// dialog's buttons sit under a mask WebDriver's click may hit first).
    pub async fn js_click(&self, css: &str) -> Result<(), CmdError> {
        self.find(css).await?;
        self.client
            .execute(
                "document.querySelector(arguments[0]).click()",
                vec![json!(css)],
            )
            .await?;
        Ok(())
    }

    /// Replaces the text of the input matching `css` by `text`, as typed.
    pub async fn fill(&self, css: &str, text: &str) -> Result<Element, CmdError> {
        let input = self.find(css).await?;
        match input.click().await {
            // A message or a field's popup lies over the input: focus it as the Tab key would.
            Err(e) if transient(&e) => {
                self.client
                    .execute("arguments[0].focus()", vec![serde_json::to_value(&input)?])
                    .await?;
            }
            other => other?,
        }
        input.send_keys(&select_all_and_delete()).await?;
        if !text.is_empty() {
            input.send_keys(text).await?;
        }
        Ok(input)
    }

    /// Puts `text` into a text field at once and tells Vue, as a paste does (typing hundreds of
    /// characters key by key takes minutes).
    pub async fn paste(&self, css: &str, text: &str) -> Result<(), CmdError> {
        self.find(css).await?;
        self.client
            .execute(
                "const el = document.querySelector(arguments[0]);
                 el.focus();
                 el.value = arguments[1];
                 el.dispatchEvent(new Event('input', { bubbles: true }));",
                vec![json!(css), json!(text)],
            )
            .await?;
        Ok(())
    }

    /// Navigates inside the app (hash routes) and waits until the router is there (a redirect
    /// still running, e.g. the one after login, could otherwise take it elsewhere).
    pub async fn goto(&self, route: &str) -> Result<(), CmdError> {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            self.client
                .execute(&format!("window.location.hash = '#{route}'"), vec![])
                .await?;
            tokio::time::sleep(Duration::from_millis(400)).await;
            let here = self
                .client
                .execute("return window.location.hash", vec![])
                .await?;
            if here.as_str() == Some(&format!("#{route}")) {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(CmdError::WaitTimeout);
            }
        }
    }

    /// Logs out through the header's button and waits for the login page.
    pub async fn logout(&self) -> Result<(), CmdError> {
        self.click("[data-test=logout-button]").await?;
        let deadline = Instant::now() + STEP_TIMEOUT;
        loop {
            // The page may be between documents while the app goes to the login page: errors of
            // that moment are not failures.
            if let Ok(found) = self
                .client
                .find_all(Locator::Css("[data-test=login-page]"))
                .await
                && !found.is_empty()
            {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(CmdError::WaitTimeout);
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    /// Saves a screenshot of the window as `<name>.png` in `XUEJI_SHOTS_DIR` (default
    /// `/tmp/shots`), for people to look at; returns its path. A screenshot is a record, never a
    /// reason for a test to fail: an error is printed and `None` returned.
    pub async fn shot(&self, name: &str) -> Option<PathBuf> {
        match self.take_shot(name).await {
            Ok(path) => Some(path),
            Err(e) => {
                eprintln!("no screenshot {name}: {e}");
                None
            }
        }
    }

    async fn take_shot(&self, name: &str) -> Result<PathBuf, CmdError> {
        // Let transitions and fonts settle.
        tokio::time::sleep(Duration::from_millis(600)).await;
        // WebKit's WebDriver takes the screenshot at the window's next paint. The app runs without
        // accelerated compositing (see src-tauri/src/main.rs), where a page with nothing moving
        // never paints again and the screenshot would wait forever: a 1-pixel, all but
        // transparent square blinks in a corner for a second meanwhile.
        self.client
            .execute(
                "const d = document.createElement('div');\
                 d.style.cssText = 'position:fixed;right:0;bottom:0;width:1px;height:1px;\
                 pointer-events:none;opacity:0.01;background:#000;z-index:99999';\
                 document.body.appendChild(d);\
                 let n = 0;\
                 const t = setInterval(() => {\
                   d.style.background = n++ % 2 ? '#000' : '#fff';\
                   if (n > 40) { clearInterval(t); d.remove(); }\
                 }, 25);",
                vec![],
            )
            .await?;
        let png = self.client.screenshot().await?;
        let dir = std::env::var_os("XUEJI_SHOTS_DIR")
            .map_or_else(|| PathBuf::from("/tmp/shots"), PathBuf::from);
        std::fs::create_dir_all(&dir).expect("the screenshot folder");
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png).expect("the screenshot is written");
        Ok(path)
    }
}

//! Reading what a page shows through `innerText`: WebKitWebDriver's element text leaves out the
//! plain text of Element Plus table cells (it returned only the buttons of a row).
#![allow(dead_code)]

use fantoccini::error::CmdError;
use serde_json::json;
use xueji_e2e::AppHandle;

/// The `innerText` of the first element matching `css` (waits for it to exist).
pub async fn inner_text(app: &AppHandle, css: &str) -> Result<String, CmdError> {
    app.find(css).await?;
    let v = app
        .client
        .execute(
            "const e = document.querySelector(arguments[0]); return e ? e.innerText : '';",
            vec![json!(css)],
        )
        .await?;
    Ok(v.as_str().unwrap_or_default().to_owned())
}

/// Waits until the element's `innerText` contains (`present`) or lacks `needle`.
pub async fn wait_inner(
    app: &AppHandle,
    css: &str,
    needle: &str,
    present: bool,
) -> Result<String, CmdError> {
    let deadline = std::time::Instant::now() + xueji_e2e::STEP_TIMEOUT;
    loop {
        let text = inner_text(app, css).await?;
        if text.contains(needle) == present {
            return Ok(text);
        }
        assert!(
            std::time::Instant::now() <= deadline,
            "{css} {} {needle:?}; it shows {text:?}",
            if present {
                "never showed"
            } else {
                "still shows"
            }
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

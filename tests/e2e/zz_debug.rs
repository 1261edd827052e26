use xueji_e2e::{AppHandle, with_app};

#[tokio::test(flavor = "multi_thread")]
async fn debug_table() {
    with_app("debug", |app: AppHandle| async move {
        app.first_run_and_login().await?;
        app.click("[data-test=nav-settings]").await?;
        app.click("[data-test=settings-tab-backup]").await?;
        app.click("[data-test=backup-create]").await?;
        tokio::time::sleep(std::time::Duration::from_secs(4)).await;
        eprintln!("TEXT {:?}", app.text("[data-test=backup-table]").await?);
        let h = app.client.execute("const e = document.querySelector('[data-test=backup-table]'); return [e.tagName, e.className, e.innerText, e.textContent.slice(0, 300)]", vec![]).await?;
        eprintln!("JS {h}");
        Ok(())
    })
    .await;
}

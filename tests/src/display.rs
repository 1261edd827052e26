//! An X display for the app: the user's own when `DISPLAY` is set, else a private Xvfb.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Display {
    pub name: String,
    xvfb: Option<Child>,
}

impl Display {
    pub fn start() -> Self {
        if let Ok(name) = std::env::var("DISPLAY")
            && !name.is_empty()
        {
            return Self { name, xvfb: None };
        }
        let n = (99..400)
            .find(|n| {
                !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
                    && !Path::new(&format!("/tmp/.X{n}-lock")).exists()
            })
            .expect("no free X display number");
        let name = format!(":{n}");
        let xvfb = Command::new("Xvfb")
            .args([&name, "-screen", "0", "1366x768x24", "-nolisten", "tcp"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb starts (install the xvfb package: `cargo xtask test` does)");
        let socket = format!("/tmp/.X11-unix/X{n}");
        let deadline = Instant::now() + Duration::from_secs(10);
        while !Path::new(&socket).exists() {
            assert!(Instant::now() < deadline, "Xvfb did not open {name}");
            std::thread::sleep(Duration::from_millis(50));
        }
        Self {
            name,
            xvfb: Some(xvfb),
        }
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        if let Some(child) = self.xvfb.as_mut() {
            super::terminate(child.id());
            super::wait_or_kill(child, Duration::from_secs(5));
        }
    }
}

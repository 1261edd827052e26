//! `tauri-driver`: the WebDriver server that starts the app through WebKitWebDriver.

use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Driver {
    pub port: u16,
    child: Child,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free local port")
}

impl Driver {
    pub fn start(env: &[(String, String)]) -> Self {
        let program = super::required_path(
            "XUEJI_TAURI_DRIVER",
            "the path of the tauri-driver binary (ui/node_modules/.bin/tauri-driver)",
        );
        let port = free_port();
        let native_port = free_port();
        let child = Command::new(&program)
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .envs(env.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("tauri-driver did not start ({}): {e}", program.display()));
        let deadline = Instant::now() + Duration::from_secs(15);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "tauri-driver did not listen on {port}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Self { port, child }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        // SIGTERM, not SIGKILL: tauri-driver then stops WebKitWebDriver and the app too.
        super::terminate(self.child.id());
        super::wait_or_kill(&mut self.child, Duration::from_secs(10));
    }
}

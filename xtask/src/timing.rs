//! Wall and CPU time of each stage of a task, printed as a table at the end (also after a failure),
//! so that CI's log says where the time went.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use crate::sh::Result;

struct Row {
    name: &'static str,
    wall: Duration,
    cpu: Option<Duration>,
    ok: bool,
}

pub struct Stages {
    started: Instant,
    rows: Vec<Row>,
}

impl Stages {
    pub fn new() -> Self {
        Self {
            started: Instant::now(),
            rows: Vec::new(),
        }
    }

    /// Runs one stage and records its times.
    pub fn stage<T>(&mut self, name: &'static str, f: impl FnOnce() -> Result<T>) -> Result<T> {
        let cpu_before = children_cpu();
        let started = Instant::now();
        let result = f();
        let wall = started.elapsed();
        let cpu = children_cpu()
            .zip(cpu_before)
            .map(|(after, before)| after.saturating_sub(before));
        self.rows.push(Row {
            name,
            wall,
            cpu,
            ok: result.is_ok(),
        });
        result
    }

    /// The table: each stage's wall time and the CPU time (user + system) of the processes it ran.
    pub fn table(&self) -> String {
        let width = self
            .rows
            .iter()
            .map(|r| r.name.chars().count())
            .max()
            .unwrap_or(0)
            .max("total".len());
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{:<width$}  {:>9}  {:>9}",
            "stage", "wall", "CPU (u+s)"
        );
        for r in &self.rows {
            let _ = writeln!(
                out,
                "{:<width$}  {:>9}  {:>9}{}",
                r.name,
                clock(r.wall),
                r.cpu.map_or_else(|| "-".to_owned(), clock),
                if r.ok { "" } else { "  FAILED" }
            );
        }
        let cpu: Option<Duration> = self.rows.iter().map(|r| r.cpu).sum();
        let _ = writeln!(
            out,
            "{:<width$}  {:>9}  {:>9}",
            "total",
            clock(self.started.elapsed()),
            cpu.map_or_else(|| "-".to_owned(), clock)
        );
        out
    }
}

/// `m:ss`, or `h:mm:ss` past an hour.
fn clock(d: Duration) -> String {
    let s = d.as_secs();
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{}:{:02}", s / 60, s % 60)
    }
}

/// CPU time (user + system) of the child processes this process has waited for, and of theirs:
/// fields 16 and 17 (`cutime`, `cstime`) of `/proc/self/stat`, in clock ticks of 1/100 s (Linux's
/// USER_HZ). Daemons a stage leaves running or that nobody waits for are not counted. `None`
/// off Linux.
fn children_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The command name (field 2) is in parentheses and may contain spaces: count after it.
    let rest = &stat[stat.rfind(')')? + 1..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = fields.get(13)?.parse::<u64>().ok()? + fields.get(14)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_shows_minutes_and_hours() {
        assert_eq!(clock(Duration::from_secs(59)), "0:59");
        assert_eq!(clock(Duration::from_secs(61 * 60 + 5)), "1:01:05");
    }

    #[test]
    fn a_failed_stage_is_marked_and_counted() {
        let mut stages = Stages::new();
        let _ = stages.stage("fine", || Ok(()));
        let _: Result = stages.stage("broken", || Err("no".to_owned()));
        let table = stages.table();
        assert!(
            table
                .lines()
                .any(|l| l.starts_with("broken") && l.ends_with("FAILED"))
        );
        assert!(
            table
                .lines()
                .any(|l| l.starts_with("fine") && !l.contains("FAILED"))
        );
        assert!(table.lines().last().is_some_and(|l| l.starts_with("total")));
    }
}

//! `xueji completions SHELL`, `xueji man` and `xueji schema NAME`: generated from the same clap definition the
//! command line parses with, so they cannot drift from it. The .deb installs the copies kept in
//! `dist/` (a test keeps them equal to what the binary prints).

use crate::args::ShellArg;
use crate::error::{CliError, Result};

/// The completion script for `shell`.
pub fn completions(shell: ShellArg) -> String {
    use clap_complete::Shell;
    let shell = match shell {
        ShellArg::Bash => Shell::Bash,
        ShellArg::Zsh => Shell::Zsh,
        ShellArg::Fish => Shell::Fish,
    };
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut crate::args::command(), "xueji", &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// The man page (section 1): the synopsis, the global options and every command with its
/// summary (`xueji <command> --help` has each command's options).
pub fn man() -> Result<String> {
    let mut out = Vec::new();
    clap_mangen::Man::new(crate::args::command())
        .render(&mut out)
        .map_err(CliError::Runtime)?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// `xueji schema NAME` prints the schema; `--list` the names with what each describes.
pub fn schema(json: bool, name: Option<&str>, list: bool) -> Result<()> {
    if list {
        let text: Vec<String> = crate::schema::ALL
            .iter()
            .map(|n| format!("{}\t{}", n.name, n.describes))
            .collect();
        let items: Vec<crate::schema::SchemaItem> = crate::schema::ALL
            .iter()
            .map(|n| crate::schema::SchemaItem {
                name: n.name,
                describes: n.describes,
                commands: n.commands,
            })
            .collect();
        crate::output::success(
            json,
            &text.join("\n"),
            serde_json::json!({ "schemas": items }),
        );
        return Ok(());
    }
    let name = name.unwrap_or_default();
    let named = crate::schema::find(name).ok_or_else(|| {
        let names: Vec<&str> = crate::schema::ALL.iter().map(|n| n.name).collect();
        CliError::Usage(format!(
            "未知的 schema：{name}（可用：{}）",
            names.join("、")
        ))
    })?;
    // The schema itself, as a JSON document, with or without --json.
    println!(
        "{}",
        serde_json::to_string_pretty(&named.schema()).unwrap_or_default()
    );
    Ok(())
}

//! `cargo xtask lint-modules`: no import cycle between the modules of a crate, and no source file
//! over [`MAX_LINES`] lines outside its tests.
//!
//! The crates are `src-tauri/crates/*/src` and `src-tauri/src` (the desktop shell). The source
//! text is read by hand (xtask has no dependencies), which is enough for these rules:
//!
//! - Each `.rs` file under `src/` is a module: `lib.rs`/`main.rs` the crate root, `a/mod.rs` and
//!   `a.rs` the module `a`, `a/b.rs` the module `a::b`. Where `src/` has both `lib.rs` and
//!   `main.rs`, `main.rs` is a crate of its own (the binary) and every other file belongs to the
//!   library.
//! - The test part of a file is every item under `#[cfg(test)]`, from the attribute to the item's
//!   `;` or the `}` closing its body: a test module at the end of a file is everything from its
//!   `#[cfg(test)]` line on; a `#[cfg(test)]` helper method is that method. A module declared
//!   `#[cfg(test)] mod tests;` has a test-only file, as has a file starting with `#![cfg(test)]`.
//!   Test-only files (those, their submodules, and every `tests.rs` and `*_tests.rs`) are left
//!   out of both rules.
//! - In the rest of each file (comments, string literals and `$crate::` macro paths left out), a
//!   reference is a path starting with `crate::`, `super::` (from the module the path is in,
//!   inline modules included), `self::`, or the name of a module declared in the current module
//!   (`mod child;` then `child::f()` or `pub use child::X;`), in `use` items (grouped ones
//!   expanded: `use crate::{a::b, c}` is two references) and anywhere else in the code. Each
//!   reference belongs to the deepest module file that is a prefix of its path.
//! - A file's module A depends on module B when it references B, B is not A and B is not an
//!   ancestor of A (a child using its parent's items, `super::X`, is normal). An import cycle is a
//!   strongly connected component of more than one module (Tarjan); it is reported as cycles
//!   `crate: a → b → a` covering every dependency inside the component, with the file:line of the
//!   first reference of each.
//! - A source file may have at most [`MAX_LINES`] lines outside its test part, except the files
//!   of [`LONG_FILES`] (each with its reason); an entry there that no longer applies is an error
//!   too. Test files (test-only files above, `tests/`, `benches/`) are exempt.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::fmt::Write as _;
use std::path::Path;

use crate::sh::{self, Result};

/// The most lines a source file may have outside its test part.
pub const MAX_LINES: usize = 600;

/// Source files allowed over [`MAX_LINES`]: the path from the workspace root and why (a data
/// table, say). Keep it short: a long file is usually several modules.
const LONG_FILES: &[(&str, &str)] = &[];

/// Runs the lint on the workspace; an error if anything is found, after printing it.
pub fn run() -> Result {
    println!(
        "\n==> module lint: no import cycle between modules, no file over {MAX_LINES} lines outside its tests"
    );
    let findings = lint_workspace(&sh::root(), LONG_FILES)?;
    if findings.is_empty() {
        println!("no import cycle, no file over {MAX_LINES} lines");
        return Ok(());
    }
    print!("{}", findings.report());
    let mut parts = Vec::new();
    if !findings.cycles.is_empty() {
        let groups: BTreeSet<_> = findings
            .cycles
            .iter()
            .map(|c| (&c.krate, c.group))
            .collect();
        parts.push(format!(
            "{} import cycle(s) in {} group(s) of modules",
            findings.cycles.len(),
            groups.len()
        ));
    }
    if !findings.long_files.is_empty() {
        parts.push(format!(
            "{} file(s) over {MAX_LINES} lines",
            findings.long_files.len()
        ));
    }
    if !findings.stale_allowances.is_empty() {
        parts.push(format!(
            "{} allowlist entry(ies) no longer needed",
            findings.stale_allowances.len()
        ));
    }
    Err(format!("module lint: {}", parts.join(", ")))
}

/// What the lint found.
#[derive(Debug, Default)]
struct Findings {
    cycles: Vec<Cycle>,
    long_files: Vec<LongFile>,
    /// Entries of the allowlist whose file is gone or no longer over the limit.
    stale_allowances: Vec<String>,
}

/// One import cycle: `modules` is closed (its last element is its first).
#[derive(Debug, PartialEq, Eq)]
struct Cycle {
    krate: String,
    /// The strongly connected component of the crate the cycle is in (its index), and all of it.
    group: usize,
    group_modules: Vec<String>,
    modules: Vec<String>,
    /// The first reference of each dependency of the cycle, in order: `path:line`.
    references: Vec<String>,
}

#[derive(Debug, PartialEq, Eq)]
struct LongFile {
    path: String,
    lines: usize,
}

impl Findings {
    fn is_empty(&self) -> bool {
        self.cycles.is_empty() && self.long_files.is_empty() && self.stale_allowances.is_empty()
    }

    fn report(&self) -> String {
        let mut out = String::new();
        if !self.cycles.is_empty() {
            let _ = writeln!(out, "\nimport cycles ({}):", self.cycles.len());
        }
        let mut group = None;
        for cycle in &self.cycles {
            if group != Some((&cycle.krate, cycle.group)) {
                group = Some((&cycle.krate, cycle.group));
                let _ = writeln!(
                    out,
                    "  {}: {} modules depend on each other: {}",
                    cycle.krate,
                    cycle.group_modules.len(),
                    cycle.group_modules.join(", ")
                );
            }
            let _ = writeln!(out, "    {}: {}", cycle.krate, cycle.modules.join(" → "));
            for (pair, at) in cycle.modules.windows(2).zip(&cycle.references) {
                let _ = writeln!(out, "        {} → {}: {at}", pair[0], pair[1]);
            }
        }
        if !self.long_files.is_empty() {
            let _ = writeln!(
                out,
                "\nfiles over {MAX_LINES} lines outside their tests ({}):",
                self.long_files.len()
            );
        }
        for file in &self.long_files {
            let _ = writeln!(out, "  {}: {} lines", file.path, file.lines);
        }
        for entry in &self.stale_allowances {
            let _ = writeln!(out, "\nallowlist entry no longer needed: {entry}");
        }
        out
    }
}

/// One source file under a crate's `src/`.
struct Source {
    /// The path shown in reports: from the workspace root, `/`-separated.
    shown: String,
    /// The path inside `src/`, `/`-separated (`a/b.rs`).
    in_src: String,
    text: String,
}

/// Every crate of the workspace: `src-tauri/src` and `src-tauri/crates/*/src`.
fn lint_workspace(root: &Path, allowed: &[(&str, &str)]) -> Result<Findings> {
    let mut crate_dirs = vec![root.join("src-tauri")];
    let crates = root.join("src-tauri").join("crates");
    let mut members: Vec<_> = std::fs::read_dir(&crates)
        .map_err(|e| format!("{}: {e}", crates.display()))?
        .filter_map(|entry| Some(entry.ok()?.path()))
        .filter(|dir| dir.join("src").is_dir())
        .collect();
    members.sort();
    crate_dirs.extend(members);

    let mut findings = Findings::default();
    let mut measured = BTreeMap::new();
    for dir in crate_dirs {
        let name = package_name(&dir);
        let sources = read_sources(root, &dir.join("src"))?;
        for (unit, files) in crate_units(&name, sources) {
            let checked = check_crate(&unit, &files);
            findings.cycles.extend(checked.cycles);
            measured.extend(checked.lengths);
        }
    }
    let (long_files, stale) = over_limit(&measured, allowed);
    findings.long_files = long_files;
    findings.stale_allowances = stale;
    Ok(findings)
}

/// The `name` of the `[package]` table of `dir/Cargo.toml`, else the folder's name.
fn package_name(dir: &Path) -> String {
    let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).unwrap_or_default();
    let package = manifest
        .split("\n[")
        .find_map(|table| table.trim_start_matches('[').strip_prefix("package]"));
    package
        .and_then(|body| {
            body.lines().find_map(|line| {
                let (key, value) = line.split_once('=')?;
                (key.trim() == "name").then(|| value.trim().trim_matches('"').to_owned())
            })
        })
        .unwrap_or_else(|| {
            dir.file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
        })
}

/// Every `.rs` file under `src`, sorted by path.
fn read_sources(root: &Path, src: &Path) -> Result<Vec<Source>> {
    let mut pending = vec![src.to_path_buf()];
    let mut sources = Vec::new();
    while let Some(dir) = pending.pop() {
        let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path)
                    .map_err(|e| format!("{}: {e}", path.display()))?;
                let slashed = |p: &Path| {
                    p.components()
                        .map(|c| c.as_os_str().to_string_lossy().into_owned())
                        .collect::<Vec<_>>()
                        .join("/")
                };
                sources.push(Source {
                    shown: slashed(path.strip_prefix(root).unwrap_or(&path)),
                    in_src: slashed(path.strip_prefix(src).unwrap_or(&path)),
                    text,
                });
            }
        }
    }
    sources.sort_by(|a, b| a.in_src.cmp(&b.in_src));
    Ok(sources)
}

/// The crates of one `src/`: itself, or its library and its `main.rs` binary when it has both.
fn crate_units(name: &str, sources: Vec<Source>) -> Vec<(String, Vec<Source>)> {
    let has = |file: &str| sources.iter().any(|s| s.in_src == file);
    if !(has("lib.rs") && has("main.rs")) {
        return vec![(name.to_owned(), sources)];
    }
    let (main, lib): (Vec<_>, Vec<_>) = sources.into_iter().partition(|s| s.in_src == "main.rs");
    vec![(name.to_owned(), lib), (format!("{name} (main.rs)"), main)]
}

/// What one crate's check gives: its cycles, and the length before the tests of each file that is
/// not test-only.
struct Checked {
    cycles: Vec<Cycle>,
    lengths: BTreeMap<String, usize>,
}

/// A module path: `[]` is the crate root.
type ModPath = Vec<String>;

fn shown_module(path: &[String]) -> String {
    if path.is_empty() {
        "crate".to_owned()
    } else {
        path.join("::")
    }
}

/// The module of a file, from its path inside `src/`.
fn module_of(in_src: &str) -> ModPath {
    let mut parts: Vec<&str> = in_src.split('/').collect();
    let file = parts.pop().unwrap_or_default();
    let stem = file.strip_suffix(".rs").unwrap_or(file);
    let root = parts.is_empty() && (stem == "lib" || stem == "main");
    let mut path: ModPath = parts.into_iter().map(str::to_owned).collect();
    if !root && stem != "mod" {
        path.push(stem.to_owned());
    }
    path
}

fn check_crate(krate: &str, sources: &[Source]) -> Checked {
    let tokens: Vec<Vec<(Tok, usize)>> = sources.iter().map(|s| tokenize(&s.text)).collect();
    let splits: Vec<Split> = sources
        .iter()
        .zip(&tokens)
        .map(|(s, toks)| split_tests(&s.text, toks))
        .collect();
    let modules: Vec<ModPath> = sources.iter().map(|s| module_of(&s.in_src)).collect();
    // Modules declared `#[cfg(test)] mod name;`: their files, and everything under them.
    let test_modules: BTreeSet<ModPath> = modules
        .iter()
        .zip(&splits)
        .flat_map(|(module, split)| {
            split.test_modules.iter().map(move |name| {
                let mut child = module.clone();
                child.push(name.clone());
                child
            })
        })
        .collect();
    let test_only = |index: usize, source: &Source, module: &ModPath| {
        let file = source.in_src.rsplit('/').next().unwrap_or_default();
        file == "tests.rs"
            || file.ends_with("_tests.rs")
            || splits[index].test_file
            || (1..=module.len()).any(|n| test_modules.contains(&module[..n]))
    };

    let mut files = Vec::new();
    let mut lengths = BTreeMap::new();
    for (index, ((source, module), split)) in sources.iter().zip(&modules).zip(&splits).enumerate()
    {
        if test_only(index, source, module) {
            continue;
        }
        lengths.insert(source.shown.clone(), split.code_lines);
        let code: Vec<(Tok, usize)> = tokens[index]
            .iter()
            .filter(|(_, line)| !split.is_test_line(*line))
            .cloned()
            .collect();
        files.push((source, module, code));
    }
    let file_modules: BTreeSet<ModPath> = files.iter().map(|(_, m, _)| (*m).clone()).collect();

    // Dependencies, each with its first reference.
    let mut edges: BTreeMap<(ModPath, ModPath), String> = BTreeMap::new();
    for (source, module, code) in &files {
        for reference in references(code, module, &file_modules) {
            let target = owner(&reference.path, &file_modules);
            if target == **module || module.starts_with(&target) {
                continue;
            }
            edges
                .entry(((*module).clone(), target))
                .or_insert_with(|| format!("{}:{}", source.shown, reference.line));
        }
    }
    Checked {
        cycles: cycles(krate, &file_modules, &edges),
        lengths,
    }
}

/// The files over the limit and not allowed, and the allowances that no longer apply.
fn over_limit(
    lengths: &BTreeMap<String, usize>,
    allowed: &[(&str, &str)],
) -> (Vec<LongFile>, Vec<String>) {
    let is_allowed = |path: &str| allowed.iter().any(|(p, _)| *p == path);
    let long = lengths
        .iter()
        .filter(|(path, lines)| **lines > MAX_LINES && !is_allowed(path))
        .map(|(path, lines)| LongFile {
            path: path.clone(),
            lines: *lines,
        })
        .collect();
    let stale = allowed
        .iter()
        .filter(|(path, _)| lengths.get(*path).is_none_or(|lines| *lines <= MAX_LINES))
        .map(|(path, reason)| format!("{path} ({reason})"))
        .collect();
    (long, stale)
}

/// The test part of a file: every item under `#[cfg(test)]`.
#[derive(Debug, Default, PartialEq, Eq)]
struct Split {
    /// Each item under `#[cfg(test)]`: its first line (the attribute's) and its last, 1-based.
    test_items: Vec<(usize, usize)>,
    /// The modules declared `#[cfg(test)] mod name;`: their files are test-only.
    test_modules: Vec<String>,
    /// The file starts with `#![cfg(test)]`: all of it is test code.
    test_file: bool,
    /// The lines outside the test items.
    code_lines: usize,
}

impl Split {
    /// Whether a line is in a test item.
    fn is_test_line(&self, line: usize) -> bool {
        self.test_file
            || self
                .test_items
                .iter()
                .any(|(first, last)| (*first..=*last).contains(&line))
    }
}

/// Finds the items under `#[cfg(test)]`: from the attribute to the item's `;`, or to the `}` that
/// closes its body (a test module at the end of a file is everything from its `#[cfg(test)]` line
/// on).
fn split_tests(text: &str, toks: &[(Tok, usize)]) -> Split {
    let mut split = Split::default();
    let mut i = 0;
    while i < toks.len() {
        let Some((after, inner)) = cfg_test_at(toks, i) else {
            i += 1;
            continue;
        };
        if inner {
            split.test_file = true;
            break;
        }
        let item = skip_attributes(toks, after);
        if let Some(name) = out_of_line_module(toks, item) {
            split.test_modules.push(name);
        }
        let end = item_end(toks, item);
        split.test_items.push((toks[i].1, toks[end].1));
        i = end + 1;
    }
    let lines = text.lines().count();
    split.code_lines = if split.test_file {
        0
    } else {
        (1..=lines)
            .filter(|line| !split.is_test_line(*line))
            .count()
    };
    split
}

fn is(toks: &[(Tok, usize)], i: usize, punct: char) -> bool {
    matches!(toks.get(i), Some((Tok::Punct(c), _)) if *c == punct)
}

fn is_word(toks: &[(Tok, usize)], i: usize, word: &str) -> bool {
    matches!(toks.get(i), Some((Tok::Ident(w), _)) if w == word)
}

/// At `#[cfg(test)]` (or `#![cfg(test)]`, inner): the index after it, and whether it is inner.
fn cfg_test_at(toks: &[(Tok, usize)], i: usize) -> Option<(usize, bool)> {
    if !is(toks, i, '#') {
        return None;
    }
    let inner = is(toks, i + 1, '!');
    let j = i + 1 + usize::from(inner);
    let attribute = is(toks, j, '[')
        && is_word(toks, j + 1, "cfg")
        && is(toks, j + 2, '(')
        && is_word(toks, j + 3, "test")
        && is(toks, j + 4, ')')
        && is(toks, j + 5, ']');
    attribute.then_some((j + 6, inner))
}

/// The index after the outer attributes (`#[…]`) starting at `i`.
fn skip_attributes(toks: &[(Tok, usize)], mut i: usize) -> usize {
    while is(toks, i, '#') && is(toks, i + 1, '[') {
        let mut depth = 0;
        i += 1;
        while i < toks.len() {
            if is(toks, i, '[') {
                depth += 1;
            } else if is(toks, i, ']') {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            i += 1;
        }
        i += 1;
    }
    i
}

/// At `[pub[(…)]] mod name;`: the name.
fn out_of_line_module(toks: &[(Tok, usize)], mut i: usize) -> Option<String> {
    if is_word(toks, i, "pub") {
        i += 1;
        if is(toks, i, '(') {
            while i < toks.len() && !is(toks, i, ')') {
                i += 1;
            }
            i += 1;
        }
    }
    match (toks.get(i), toks.get(i + 1)) {
        (Some((Tok::Ident(m), _)), Some((Tok::Ident(name), _)))
            if m == "mod" && is(toks, i + 2, ';') =>
        {
            Some(name.clone())
        }
        _ => None,
    }
}

/// The index of the last token of the item starting at `i`: its `;` at the top level, or the `}`
/// that closes its body (or the `;` right after that `}`); before a `}` that closes the block the
/// item is in.
fn item_end(toks: &[(Tok, usize)], i: usize) -> usize {
    let mut depth = 0usize;
    for k in i..toks.len() {
        match &toks[k].0 {
            Tok::Punct('{' | '(' | '[') => depth += 1,
            Tok::Punct(close @ ('}' | ')' | ']')) => {
                if depth == 0 {
                    return k.saturating_sub(1).max(i);
                }
                depth -= 1;
                if depth == 0 && *close == '}' {
                    return if is(toks, k + 1, ';') { k + 1 } else { k };
                }
            }
            Tok::Punct(';') if depth == 0 => return k,
            _ => {}
        }
    }
    toks.len().saturating_sub(1)
}

/// The deepest module of `modules` that is a prefix of `path` (the root at least).
fn owner(path: &[String], modules: &BTreeSet<ModPath>) -> ModPath {
    (0..=path.len())
        .rev()
        .map(|n| &path[..n])
        .find(|prefix| modules.contains(*prefix))
        .map_or_else(Vec::new, <[String]>::to_vec)
}

// ---------------------------------------------------------------------------------------------
// Tokens

#[derive(Clone, Debug, PartialEq, Eq)]
enum Tok {
    Ident(String),
    /// `::`
    PathSep,
    /// Any other punctuation character: `{`, `;`, `#`, …
    Punct(char),
    /// A number.
    Number,
}

/// The tokens of Rust source with their line numbers; comments (doc comments too), string, byte
/// and character literals are left out.
fn tokenize(text: &str) -> Vec<(Tok, usize)> {
    let c: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut line = 1;
    let mut i = 0;
    while i < c.len() {
        let ch = c[i];
        let next = c.get(i + 1).copied();
        match ch {
            '\n' => {
                line += 1;
                i += 1;
            }
            _ if ch.is_whitespace() => i += 1,
            '/' if next == Some('/') => {
                while i < c.len() && c[i] != '\n' {
                    i += 1;
                }
            }
            '/' if next == Some('*') => i = skip_block_comment(&c, i, &mut line),
            '"' => i = skip_string(&c, i + 1, &mut line),
            '\'' => i = skip_char_or_lifetime(&c, i, &mut line),
            _ if ch == '_' || ch.is_alphabetic() => {
                if let Some(end) = prefixed_literal(&c, i, &mut line) {
                    i = end;
                    continue;
                }
                // A raw identifier, r#name.
                let start = if ch == 'r'
                    && next == Some('#')
                    && c.get(i + 2).is_some_and(|x| *x == '_' || x.is_alphabetic())
                {
                    i + 2
                } else {
                    i
                };
                let mut end = start;
                while end < c.len() && (c[end] == '_' || c[end].is_alphanumeric()) {
                    end += 1;
                }
                out.push((Tok::Ident(c[start..end].iter().collect()), line));
                i = end;
            }
            _ if ch.is_ascii_digit() => {
                while i < c.len() && (c[i] == '_' || c[i].is_alphanumeric()) {
                    i += 1;
                }
                out.push((Tok::Number, line));
            }
            _ => {
                let tok = if ch == ':' && next == Some(':') {
                    i += 1;
                    Tok::PathSep
                } else {
                    Tok::Punct(ch)
                };
                out.push((tok, line));
                i += 1;
            }
        }
    }
    out
}

/// From `/*` to after its `*/`, nested comments included.
fn skip_block_comment(c: &[char], mut i: usize, line: &mut usize) -> usize {
    let mut depth = 0;
    while i < c.len() {
        if c[i] == '/' && c.get(i + 1) == Some(&'*') {
            depth += 1;
            i += 2;
        } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
            depth -= 1;
            i += 2;
            if depth == 0 {
                break;
            }
        } else {
            if c[i] == '\n' {
                *line += 1;
            }
            i += 1;
        }
    }
    i
}

/// From inside a `"…"` literal (after its opening quote) to after its closing quote.
fn skip_string(c: &[char], mut i: usize, line: &mut usize) -> usize {
    while i < c.len() {
        match c[i] {
            '\\' => {
                if c.get(i + 1) == Some(&'\n') {
                    *line += 1;
                }
                i += 2;
            }
            '"' => return i + 1,
            '\n' => {
                *line += 1;
                i += 1;
            }
            _ => i += 1,
        }
    }
    i
}

/// At a `'`: after the character literal, or after the quote of a lifetime or label.
fn skip_char_or_lifetime(c: &[char], i: usize, line: &mut usize) -> usize {
    if c.get(i + 1) == Some(&'\\') {
        // An escape: '\n', '\'', '\u{4e2d}'.
        let mut j = i + 3;
        while j < c.len() && c[j] != '\'' && c[j] != '\n' {
            j += 1;
        }
        j + 1
    } else if c.get(i + 2) == Some(&'\'') {
        if c.get(i + 1) == Some(&'\n') {
            *line += 1;
        }
        i + 3
    } else {
        i + 1
    }
}

/// At a literal with a prefix (`b"…"`, `b'…'`, `c"…"`, `r"…"`, `r#"…"#`, `br#"…"#`, `cr"…"`): the
/// index after it; `None` at an identifier.
fn prefixed_literal(c: &[char], i: usize, line: &mut usize) -> Option<usize> {
    let mut j = i;
    if matches!(c[j], 'b' | 'c') {
        j += 1;
    }
    let raw = c.get(j) == Some(&'r');
    if raw {
        j += 1;
    }
    if j == i {
        return None;
    }
    if raw {
        let hashes_from = j;
        while c.get(j) == Some(&'#') {
            j += 1;
        }
        let hashes = j - hashes_from;
        if c.get(j) != Some(&'"') {
            return None;
        }
        j += 1;
        while j < c.len() {
            if c[j] == '"' && (1..=hashes).all(|k| c.get(j + k) == Some(&'#')) {
                return Some(j + 1 + hashes);
            }
            if c[j] == '\n' {
                *line += 1;
            }
            j += 1;
        }
        return Some(j);
    }
    match c.get(j) {
        Some('"') => Some(skip_string(c, j + 1, line)),
        Some('\'') if c[i] == 'b' => Some(skip_char_or_lifetime(c, j, line)),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// References

/// A path into the crate, from the root, and the line of its last segment.
#[derive(Debug, PartialEq, Eq)]
struct Reference {
    path: ModPath,
    line: usize,
}

/// Follows the braces of a file: the module the code at each token is in (inline modules too).
struct Scopes {
    /// Each open module and the brace depth inside it.
    stack: Vec<(ModPath, usize)>,
    depth: usize,
}

impl Scopes {
    fn new(module: &[String]) -> Self {
        Self {
            stack: vec![(module.to_vec(), 0)],
            depth: 0,
        }
    }

    fn current(&self) -> &[String] {
        &self.stack[self.stack.len() - 1].0
    }

    /// Takes token `i` into account; at the `{` of `mod name {`, the module opened.
    fn step(&mut self, toks: &[(Tok, usize)], i: usize) -> Option<ModPath> {
        match &toks[i].0 {
            Tok::Punct('{') => {
                self.depth += 1;
                if let (Some((Tok::Ident(m), _)), Some((Tok::Ident(name), _))) = (
                    i.checked_sub(2).map(|j| &toks[j]),
                    i.checked_sub(1).map(|j| &toks[j]),
                ) && m == "mod"
                {
                    let mut module = self.current().to_vec();
                    module.push(name.clone());
                    self.stack.push((module.clone(), self.depth));
                    return Some(module);
                }
            }
            Tok::Punct('}') => {
                if self.stack.len() > 1 && self.stack[self.stack.len() - 1].1 == self.depth {
                    self.stack.pop();
                }
                self.depth = self.depth.saturating_sub(1);
            }
            _ => {}
        }
        None
    }
}

/// Every reference of the code of a file whose module is `module`; `modules` are the crate's
/// file modules (for paths that start with a child module's name).
fn references(
    toks: &[(Tok, usize)],
    module: &[String],
    modules: &BTreeSet<ModPath>,
) -> Vec<Reference> {
    let mut known = modules.clone();
    let mut scopes = Scopes::new(module);
    for i in 0..toks.len() {
        if let Some(inline) = scopes.step(toks, i) {
            known.insert(inline);
        }
    }

    let mut out = Vec::new();
    let mut scopes = Scopes::new(module);
    let mut i = 0;
    while i < toks.len() {
        scopes.step(toks, i);
        let scope = scopes.current().to_vec();
        let Tok::Ident(word) = &toks[i].0 else {
            i += 1;
            continue;
        };
        if word == "use" {
            let mut paths = Vec::new();
            let next = use_tree(toks, i + 1, &[], &mut paths);
            for (segments, line) in paths {
                if let Some(path) = resolve(&segments, &scope, &known) {
                    out.push(Reference { path, line });
                }
            }
            // The tree's braces are balanced: `scopes` needs none of its tokens.
            i = next.max(i + 1);
            continue;
        }
        let starts_path = toks.get(i + 1).is_some_and(|t| t.0 == Tok::PathSep)
            && matches!(toks.get(i + 2), Some((Tok::Ident(_), _)));
        let previous_is_path = i > 0 && matches!(toks[i - 1].0, Tok::PathSep | Tok::Punct('$'));
        if !starts_path || previous_is_path {
            i += 1;
            continue;
        }
        let mut segments = vec![word.clone()];
        let mut line = toks[i].1;
        let mut j = i + 1;
        while toks.get(j).is_some_and(|t| t.0 == Tok::PathSep) {
            let Some((Tok::Ident(segment), at)) = toks.get(j + 1) else {
                break;
            };
            segments.push(segment.clone());
            line = *at;
            j += 2;
        }
        if let Some(path) = resolve(&segments, &scope, &known) {
            out.push(Reference { path, line });
        }
        // Step the scopes over the path's tokens too (none is a brace).
        i = j;
    }
    out
}

/// Reads one use tree at `i` under `prefix` (raw segments), adding each full path with the line of
/// its last segment; returns the index after the tree.
fn use_tree(
    toks: &[(Tok, usize)],
    mut i: usize,
    prefix: &[String],
    paths: &mut Vec<(Vec<String>, usize)>,
) -> usize {
    let mut segments = prefix.to_vec();
    let mut line = toks.get(i).map_or(0, |t| t.1);
    let mut external = false;
    loop {
        match toks.get(i) {
            Some((Tok::PathSep, _)) => {
                // A leading `::`: an external crate.
                if segments.len() == prefix.len() {
                    external = true;
                }
                i += 1;
            }
            Some((Tok::Ident(word), at)) if word != "as" => {
                segments.push(word.clone());
                line = *at;
                i += 1;
                if toks.get(i).is_some_and(|t| t.0 == Tok::PathSep) {
                    i += 1;
                } else {
                    break;
                }
            }
            Some((Tok::Punct('{'), _)) => {
                i += 1;
                while let Some((tok, _)) = toks.get(i) {
                    match tok {
                        Tok::Punct('}') => {
                            i += 1;
                            break;
                        }
                        Tok::Punct(',') => i += 1,
                        _ => {
                            let next = use_tree(toks, i, &segments, paths);
                            // Never stuck on a token the tree does not take.
                            i = next.max(i + 1);
                        }
                    }
                }
                return i;
            }
            Some((Tok::Punct('*'), at)) => {
                line = *at;
                i += 1;
                break;
            }
            _ => break,
        }
    }
    // `as name`
    if matches!(toks.get(i), Some((Tok::Ident(word), _)) if word == "as") {
        i += 2;
    }
    if !external && segments.len() > prefix.len() {
        paths.push((segments, line));
    }
    i
}

/// The path from the crate root of raw segments read in `scope`; `None` for a path outside the
/// crate (another crate, a type's associated item).
fn resolve(segments: &[String], scope: &[String], known: &BTreeSet<ModPath>) -> Option<ModPath> {
    let (first, rest) = segments.split_first()?;
    let mut path: ModPath;
    let mut rest = rest;
    match first.as_str() {
        "crate" => path = Vec::new(),
        "self" => path = scope.to_vec(),
        "super" => {
            path = scope.to_vec();
            path.pop()?;
            while rest.first().is_some_and(|s| s == "super") {
                path.pop()?;
                rest = &rest[1..];
            }
        }
        name => {
            path = scope.to_vec();
            path.push(name.to_owned());
            if !known.contains(&path) {
                return None;
            }
        }
    }
    path.extend(rest.iter().filter(|s| *s != "self").cloned());
    Some(path)
}

// ---------------------------------------------------------------------------------------------
// Cycles

/// The import cycles of a crate's dependency graph: for each strongly connected component of more
/// than one module, shortest cycles until every dependency inside it is shown in one.
fn cycles(
    krate: &str,
    modules: &BTreeSet<ModPath>,
    edges: &BTreeMap<(ModPath, ModPath), String>,
) -> Vec<Cycle> {
    let nodes: Vec<&ModPath> = modules.iter().collect();
    let index: BTreeMap<&ModPath, usize> = nodes.iter().enumerate().map(|(i, m)| (*m, i)).collect();
    let mut next: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    for (from, to) in edges.keys() {
        if let (Some(&a), Some(&b)) = (index.get(from), index.get(to)) {
            next[a].push(b);
        }
    }
    let mut out = Vec::new();
    let components = strongly_connected(&next)
        .into_iter()
        .filter(|c| c.len() > 1);
    for (group, component) in components.enumerate() {
        let group_modules: Vec<String> =
            component.iter().map(|&m| shown_module(nodes[m])).collect();
        let inside: BTreeSet<usize> = component.iter().copied().collect();
        let mut uncovered: BTreeSet<(usize, usize)> = component
            .iter()
            .flat_map(|&a| next[a].iter().map(move |&b| (a, b)))
            .filter(|(_, b)| inside.contains(b))
            .collect();
        while let Some(&(a, b)) = uncovered.iter().next() {
            let mut walk = vec![a];
            walk.extend(shortest_path(&next, &inside, b, a));
            for pair in walk.windows(2) {
                uncovered.remove(&(pair[0], pair[1]));
            }
            out.push(Cycle {
                krate: krate.to_owned(),
                group,
                group_modules: group_modules.clone(),
                modules: walk.iter().map(|&m| shown_module(nodes[m])).collect(),
                references: walk
                    .windows(2)
                    .map(|pair| edges[&(nodes[pair[0]].clone(), nodes[pair[1]].clone())].clone())
                    .collect(),
            });
        }
    }
    out
}

/// The shortest path from `from` to `to` within `inside` (both ends included), breadth first.
fn shortest_path(
    next: &[Vec<usize>],
    inside: &BTreeSet<usize>,
    from: usize,
    to: usize,
) -> Vec<usize> {
    let mut came_from: BTreeMap<usize, usize> = BTreeMap::new();
    let mut queue = VecDeque::from([from]);
    let mut seen = BTreeSet::from([from]);
    while let Some(node) = queue.pop_front() {
        if node == to {
            break;
        }
        for &n in &next[node] {
            if inside.contains(&n) && seen.insert(n) {
                came_from.insert(n, node);
                queue.push_back(n);
            }
        }
    }
    let mut path = vec![to];
    let mut node = to;
    while node != from {
        node = came_from[&node];
        path.push(node);
    }
    path.reverse();
    path
}

/// Tarjan's strongly connected components of a graph given as each node's successors.
fn strongly_connected(next: &[Vec<usize>]) -> Vec<Vec<usize>> {
    struct State<'a> {
        next: &'a [Vec<usize>],
        index: Vec<Option<usize>>,
        low: Vec<usize>,
        on_stack: Vec<bool>,
        stack: Vec<usize>,
        counter: usize,
        components: Vec<Vec<usize>>,
    }
    fn visit(s: &mut State, v: usize) {
        s.index[v] = Some(s.counter);
        s.low[v] = s.counter;
        s.counter += 1;
        s.stack.push(v);
        s.on_stack[v] = true;
        for &w in &s.next[v] {
            match s.index[w] {
                None => {
                    visit(s, w);
                    s.low[v] = s.low[v].min(s.low[w]);
                }
                Some(iw) if s.on_stack[w] => s.low[v] = s.low[v].min(iw),
                Some(_) => {}
            }
        }
        if Some(s.low[v]) == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack[w] = false;
                component.push(w);
                if w == v {
                    break;
                }
            }
            component.sort_unstable();
            s.components.push(component);
        }
    }
    let n = next.len();
    let mut state = State {
        next,
        index: vec![None; n],
        low: vec![0; n],
        on_stack: vec![false; n],
        stack: Vec::new(),
        counter: 0,
        components: Vec::new(),
    };
    for v in 0..n {
        if state.index[v].is_none() {
            visit(&mut state, v);
        }
    }
    state.components.sort();
    state.components
}

#[cfg(test)]
mod tests {
    use super::*;

    fn modules(list: &[&str]) -> BTreeSet<ModPath> {
        list.iter()
            .map(|m| {
                if m.is_empty() {
                    Vec::new()
                } else {
                    m.split("::").map(str::to_owned).collect()
                }
            })
            .collect()
    }

    /// The modules referenced by `code` in module `module` of a crate with `crate_modules`, with
    /// the line of each reference.
    fn refs(code: &str, module: &str, crate_modules: &[&str]) -> Vec<(String, usize)> {
        let known = modules(crate_modules);
        let here = modules(&[module]).into_iter().next().unwrap_or_default();
        references(&tokenize(code), &here, &known)
            .into_iter()
            .map(|r| (shown_module(&owner(&r.path, &known)), r.line))
            .collect()
    }

    fn source(in_src: &str, text: &str) -> Source {
        Source {
            shown: format!("src/{in_src}"),
            in_src: in_src.to_owned(),
            text: text.to_owned(),
        }
    }

    #[test]
    fn files_map_to_modules() {
        assert_eq!(module_of("lib.rs"), ModPath::new());
        assert_eq!(module_of("main.rs"), ModPath::new());
        assert_eq!(module_of("a/mod.rs"), ["a"]);
        assert_eq!(module_of("a.rs"), ["a"]);
        assert_eq!(module_of("a/b.rs"), ["a", "b"]);
        assert_eq!(module_of("a/lib.rs"), ["a", "lib"]);
    }

    #[test]
    fn grouped_uses_are_expanded() {
        let all = ["", "a", "a::b", "c", "d", "e"];
        let code = "use crate::{\n    a::b::{Thing, f},\n    c,\n    d::{self, Other as O},\n};\nuse crate::e::*;\n";
        assert_eq!(
            refs(code, "", &all),
            [
                ("a::b".to_owned(), 2),
                ("a::b".to_owned(), 2),
                ("c".to_owned(), 3),
                ("d".to_owned(), 4),
                ("d".to_owned(), 4),
                ("e".to_owned(), 6),
            ]
        );
    }

    #[test]
    fn super_is_resolved_from_the_module() {
        let all = ["", "a", "a::b", "a::c", "d"];
        let code = "use super::c::Thing;\nuse super::*;\nfn f() { super::super::d::g(); }\n";
        assert_eq!(
            refs(code, "a::b", &all),
            [
                ("a::c".to_owned(), 1),
                ("a".to_owned(), 2),
                ("d".to_owned(), 3)
            ]
        );
        // Inside an inline module, `super` is the file's module.
        let code = "mod inner {\n    use super::Thing;\n    use super::super::c::X;\n}\n";
        assert_eq!(
            refs(code, "a::b", &all),
            [("a::b".to_owned(), 2), ("a::c".to_owned(), 3)]
        );
    }

    #[test]
    fn inline_paths_are_references() {
        let all = ["", "changes", "changes::views", "views", "child"];
        let code = "fn f(k: &str) -> String {\n    let x = crate::changes::views::kind_label(k);\n    \
                    crate::views::parse_snake::<Kind>(k);\n    child::g();\n    self::child::h();\n    \
                    std::fmt::format(x)\n}\n";
        assert_eq!(
            refs(code, "", &all),
            [
                ("changes::views".to_owned(), 2),
                ("views".to_owned(), 3),
                ("child".to_owned(), 4),
                ("child".to_owned(), 5),
            ]
        );
        // A segment named like a module but inside another path is not a reference.
        assert!(
            refs(
                "use std::views::X;\nfn f() { core::views::y() }\n",
                "",
                &all
            )
            .is_empty()
        );
    }

    #[test]
    fn comments_strings_and_macro_paths_are_not_references() {
        let all = ["", "a", "b"];
        let code = "//! See [`crate::a::X`].\n/* crate::a::y() /* nested */ crate::b */\n\
                    const S: &str = \"crate::a::z\";\nconst R: &str = r#\"use crate::b;\"#;\n\
                    const C: char = '\"';\nfn f<'a>(x: &'a str) {}\nmacro_rules! m { () => { $crate::b::f() } }\n\
                    use crate::b::Thing;\n";
        assert_eq!(refs(code, "", &all), [("b".to_owned(), 8)]);
    }

    #[test]
    fn the_test_part_is_the_items_under_cfg_test() {
        let split = |text: &str| split_tests(text, &tokenize(text));
        let text = "use x;\n#[cfg(test)]\nmod tests;\n\nfn a() {}\n#[cfg(test)]\n#[allow(dead_code)]\n\
                    pub(crate) mod more_tests;\n#[cfg(test)]\nimpl X {\n    fn t() -> [u8; 2] { [0; 2] }\n}\n\
                    fn b() {}\n#[cfg(test)]\nuse crate::{\n    c,\n};\n#[cfg(test)]\nmod tests {\n    use crate::b::X;\n}\n";
        assert_eq!(
            split(text),
            Split {
                test_items: vec![(2, 3), (6, 8), (9, 12), (14, 17), (18, 21)],
                test_modules: vec!["tests".to_owned(), "more_tests".to_owned()],
                test_file: false,
                code_lines: 4,
            }
        );
        assert_eq!(split("fn a() {}\nfn b() {}\n").code_lines, 2);
        // The usual case: everything from the test module's `#[cfg(test)]` on.
        assert_eq!(
            split("fn a() {}\n\n#[cfg(test)] pub(crate) mod t {\n    #[test]\n    fn f() {}\n}\n")
                .code_lines,
            2
        );
        // In an impl: the test-only method only.
        assert_eq!(
            split("impl X {\n    #[cfg(test)]\n    fn t(&self) {}\n    fn u(&self) {}\n}\n")
                .test_items,
            [(2, 3)]
        );
        // Not code: the attribute in a comment or a string.
        assert_eq!(
            split("// #[cfg(test)]\nconst S: &str = \"#[cfg(test)]\";\n").code_lines,
            2
        );
        assert!(split("//! Test helpers.\n#![cfg(test)]\nuse crate::a;\n").test_file);
    }

    #[test]
    fn test_items_are_not_references() {
        let sources = [
            source("lib.rs", "pub mod a;\npub mod b;\n"),
            source("a.rs", "use crate::b::B;\npub struct A;\n"),
            source(
                "b.rs",
                "pub struct B;\n#[cfg(test)]\nimpl B {\n    fn a() -> crate::a::A { crate::a::A }\n}\n\
                 #[cfg(test)]\nuse crate::a::A;\n",
            ),
            source("helpers.rs", "#![cfg(test)]\nuse crate::a::A;\n"),
        ];
        let checked = check_crate("k", &sources);
        assert!(checked.cycles.is_empty(), "{:?}", checked.cycles);
        assert_eq!(checked.lengths["src/b.rs"], 1);
        assert!(!checked.lengths.contains_key("src/helpers.rs"));
    }

    #[test]
    fn test_modules_and_test_files_are_left_out() {
        let sources = [
            source(
                "lib.rs",
                "mod a;\nmod b;\n#[cfg(test)]\nmod engine_tests;\n",
            ),
            // a → b in the code; b → a only in the tests.
            source("a.rs", "use crate::b::X;\n"),
            source(
                "b.rs",
                "pub struct X;\n#[cfg(test)]\nmod tests {\n    use crate::a::Y;\n}\n",
            ),
            source("engine_tests.rs", "use crate::a::Y;\nuse crate::b::X;\n"),
            source("b/tests.rs", "use crate::a::Y;\n"),
        ];
        let checked = check_crate("k", &sources);
        assert!(checked.cycles.is_empty(), "{:?}", checked.cycles);
        assert_eq!(
            checked.lengths.keys().collect::<Vec<_>>(),
            ["src/a.rs", "src/b.rs", "src/lib.rs"]
        );
        assert_eq!(checked.lengths["src/b.rs"], 1);
    }

    #[test]
    fn a_three_module_cycle_is_found_with_its_references() {
        let sources = [
            source("lib.rs", "pub mod a;\npub mod b;\npub mod c;\npub mod d;\n"),
            source("a.rs", "//! A.\n\nuse crate::b::B;\n"),
            source("b.rs", "use crate::{\n    c::C,\n    d::D,\n};\n"),
            source("c.rs", "fn f() {\n    crate::a::g();\n}\n"),
            source("d.rs", "use crate::a::A;\n"),
        ];
        let checked = check_crate("k", &sources);
        let found: Vec<_> = checked
            .cycles
            .iter()
            .map(|c| (c.modules.join(" → "), c.references.clone()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "a → b → c → a".to_owned(),
                    vec![
                        "src/a.rs:3".to_owned(),
                        "src/b.rs:2".to_owned(),
                        "src/c.rs:2".to_owned()
                    ]
                ),
                (
                    "b → d → a → b".to_owned(),
                    vec![
                        "src/b.rs:3".to_owned(),
                        "src/d.rs:1".to_owned(),
                        "src/a.rs:3".to_owned()
                    ]
                ),
            ]
        );
        assert!(checked.cycles.iter().all(|c| c.group == 0));
        assert_eq!(checked.cycles[0].group_modules, ["a", "b", "c", "d"]);
    }

    #[test]
    fn parents_and_their_children_are_no_cycle() {
        let sources = [
            source("lib.rs", "pub mod a;\npub use a::X;\n"),
            source("a/mod.rs", "mod b;\nmod c;\npub use b::X;\npub struct Y;\n"),
            source("a/b.rs", "use super::Y;\nuse super::c::Z;\npub struct X;\n"),
            source("a/c.rs", "use crate::a::Y;\npub struct Z;\n"),
        ];
        assert!(check_crate("k", &sources).cycles.is_empty());
        // Siblings using each other are.
        let sources = [
            source("lib.rs", "pub mod a;\n"),
            source("a/mod.rs", "mod b;\nmod c;\npub use b::X;\n"),
            source("a/b.rs", "use super::c::Z;\npub struct X;\n"),
            source("a/c.rs", "use super::b::X;\npub struct Z;\n"),
        ];
        let cycles = check_crate("k", &sources).cycles;
        assert_eq!(cycles.len(), 1);
        assert_eq!(cycles[0].modules, ["a::b", "a::c", "a::b"]);
    }

    #[test]
    fn the_tarjan_components() {
        // 0 → 1 → 2 → 0, 2 → 3, 3 → 4 → 3, 5 alone.
        let next = vec![vec![1], vec![2], vec![0, 3], vec![4], vec![3], vec![]];
        assert_eq!(
            strongly_connected(&next),
            [vec![0, 1, 2], vec![3, 4], vec![5]]
        );
    }

    #[test]
    fn long_files_fail_unless_allowed() {
        let lengths = BTreeMap::from([
            ("x/long.rs".to_owned(), MAX_LINES + 1),
            ("x/table.rs".to_owned(), 900),
            ("x/short.rs".to_owned(), MAX_LINES),
        ]);
        let allowed = [
            ("x/table.rs", "a data table"),
            ("x/short.rs", "was long"),
            ("x/gone.rs", "removed"),
        ];
        let (long, stale) = over_limit(&lengths, &allowed);
        assert_eq!(
            long,
            [LongFile {
                path: "x/long.rs".to_owned(),
                lines: MAX_LINES + 1
            }]
        );
        assert_eq!(stale, ["x/short.rs (was long)", "x/gone.rs (removed)"]);
    }

    #[test]
    fn a_library_and_its_binary_are_two_crates() {
        let sources = vec![
            source("lib.rs", "mod a;\n"),
            source("a.rs", ""),
            source("main.rs", "fn main() {}\n"),
        ];
        let units: Vec<_> = crate_units("k", sources)
            .into_iter()
            .map(|(name, files)| (name, files.len()))
            .collect();
        assert_eq!(units, [("k".to_owned(), 2), ("k (main.rs)".to_owned(), 1)]);
    }
}

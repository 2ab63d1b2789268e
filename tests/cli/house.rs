//! The shape of the code (#28), held by a test so that it does not drift back: a command is a
//! file per verb with a short handler over one core call, and no production function grows
//! past what a reader takes in at once. Measured on the source as rustfmt leaves it (CI checks
//! the formatting): a function runs from its `fn` line to the `}` at its own indentation,
//! comments and blank lines included; test modules and `tests.rs` files are not production.

use std::path::{Path, PathBuf};

/// A command file: Args, Report and a handler (`src/commands/<noun>/<verb>.rs`).
const COMMAND_FILE_LINES: usize = 300;
/// A function in `src/commands/`: builds a core options struct, makes one core call, prints.
const HANDLER_LINES: usize = 60;
const FUNCTION_LINES: usize = 80;
/// Tables, not logic: one arm (or one seeded record) a line, read as a list.
const TABLES: &[&str] = &[
    // every error kind and fix worded as a hint
    "src/hints.rs::hint",
    // the sandbox's seeded tenants and users
    "crates/cx2fa-sandbox/src/seed.rs::build",
];

struct Function {
    file: String,
    name: String,
    lines: usize,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy();
        if path.is_dir() {
            if name != "tests" {
                rust_files(&path, out);
            }
        } else if name.ends_with(".rs") && name != "tests.rs" {
            out.push(path);
        }
    }
}

/// The production part of a file: everything before its `#[cfg(test)] mod …`.
fn production_lines(text: &str) -> Vec<&str> {
    let lines: Vec<&str> = text.lines().collect();
    let end = lines
        .windows(2)
        .position(|w| w[0].trim() == "#[cfg(test)]" && w[1].trim_start().starts_with("mod "))
        .unwrap_or(lines.len());
    lines[..end].to_vec()
}

/// The name of the function a line declares, if it does.
fn declared_fn(line: &str) -> Option<&str> {
    let mut rest = line.trim_start();
    for prefix in [
        "pub(crate) ",
        "pub(super) ",
        "pub ",
        "const ",
        "async ",
        "unsafe ",
    ] {
        rest = rest.strip_prefix(prefix).unwrap_or(rest);
    }
    let rest = rest.strip_prefix("fn ")?;
    let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_'))?;
    Some(&rest[..end])
}

fn functions(file: &str, lines: &[&str]) -> Vec<Function> {
    let mut out = vec![];
    for (start, line) in lines.iter().enumerate() {
        let Some(name) = declared_fn(line) else {
            continue;
        };
        let indent = &line[..line.len() - line.trim_start().len()];
        // The signature ends at the first line ending in `{` (a body) or `;` (none).
        let Some(open) = (start..lines.len()).find(|&i| {
            let l = lines[i].trim_end();
            l.ends_with('{') || l.ends_with(';') || l.ends_with('}')
        }) else {
            continue;
        };
        let open_line = lines[open].trim_end();
        if open_line.ends_with(';') {
            continue;
        }
        let end = if open_line.ends_with('}') {
            open
        } else {
            (open + 1..lines.len())
                .find(|&i| {
                    lines[i]
                        .strip_prefix(indent)
                        .is_some_and(|l| l.starts_with('}'))
                })
                .unwrap_or_else(|| panic!("{file}: no end found for fn {name}"))
        };
        out.push(Function {
            file: file.to_string(),
            name: name.to_string(),
            lines: end - start + 1,
        });
    }
    out
}

#[test]
fn the_house_keeps_its_sizes() {
    let root = root();
    let mut files = vec![];
    rust_files(&root.join("src"), &mut files);
    rust_files(&root.join("crates"), &mut files);
    let mut problems = vec![];
    let mut all = vec![];
    for path in &files {
        let rel = path
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let text = std::fs::read_to_string(path).unwrap();
        let lines = production_lines(&text);
        let command = rel.starts_with("src/commands/");
        if command && lines.len() > COMMAND_FILE_LINES {
            problems.push(format!(
                "{rel}: {} lines (a command file holds at most {COMMAND_FILE_LINES}: move the work into core)",
                lines.len()
            ));
        }
        for f in functions(&rel, &lines) {
            let key = format!("{}::{}", f.file, f.name);
            let limit = if command {
                HANDLER_LINES
            } else {
                FUNCTION_LINES
            };
            if f.lines > limit && !TABLES.contains(&key.as_str()) {
                problems.push(format!("{key}: {} lines (at most {limit})", f.lines));
            }
            all.push((key, f.lines));
        }
    }
    // The measure itself must see the code: a parser that found nothing would pass everything.
    assert!(all.len() > 500, "only {} functions found", all.len());
    for table in TABLES {
        let (_, lines) = all
            .iter()
            .find(|(k, _)| k == table)
            .unwrap_or_else(|| panic!("{table} is listed as a table but no longer exists"));
        assert!(
            *lines > FUNCTION_LINES,
            "{table} is {lines} lines: take it off the list of tables"
        );
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_measure_counts_what_a_reader_sees() {
    let src = "\
pub(crate) async fn one(
    a: u8,
) -> u8 {
    // a comment counts
    a
}

fn short() -> u8 { 1 }

trait T {
    fn bodiless(&self);
    fn with_body(&self) {
        let _ = 1;
    }
}
";
    let lines: Vec<&str> = src.lines().collect();
    let found: Vec<(String, usize)> = functions("x.rs", &lines)
        .into_iter()
        .map(|f| (f.name, f.lines))
        .collect();
    assert_eq!(
        found,
        [
            ("one".to_string(), 6),
            ("short".to_string(), 1),
            ("with_body".to_string(), 3)
        ]
    );
    let with_tests = "fn a() {}\n#[cfg(test)]\nmod tests {\n    fn long() {}\n}\n";
    assert_eq!(production_lines(with_tests), ["fn a() {}"]);
}

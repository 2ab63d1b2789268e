//! Every `--help` as a snapshot, and the checked-in completions and man pages kept current.

use clap::CommandFactory;
use cx2fa::commands::completions::{file_name, man_pages, script, SHELLS};
use std::path::Path;

fn all_paths(cmd: &clap::Command, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(prefix.clone());
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        let mut p = prefix.clone();
        p.push(sub.get_name().to_string());
        all_paths(sub, p, out);
    }
}

#[test]
fn help_snapshots() {
    let mut paths = vec![];
    all_paths(&cx2fa::cli::Cli::command(), vec![], &mut paths);
    for p in paths {
        let mut c = assert_cmd::Command::cargo_bin("cx2fa").unwrap();
        let o = c
            .env_clear()
            .env("COLUMNS", "100")
            .args(&p)
            .arg("--help")
            .output()
            .unwrap();
        assert!(o.status.success(), "{p:?}");
        let name = if p.is_empty() {
            "cx2fa".to_string()
        } else {
            format!("cx2fa-{}", p.join("-"))
        };
        insta::assert_snapshot!(name, String::from_utf8_lossy(&o.stdout));
    }
}

const REGENERATE: &str = "CX2FA_REGENERATE=1 cargo test --test cli reference::generated";

fn check_or_write(path: &Path, want: &str) {
    if std::env::var_os("CX2FA_REGENERATE").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, want).unwrap();
        return;
    }
    let have = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        have == want,
        "`{}` is stale; regenerate with `{REGENERATE}`",
        path.display()
    );
}

#[test]
fn generated_completions_and_man_pages_are_current() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for shell in SHELLS {
        check_or_write(
            &root.join("completions").join(file_name(shell)),
            &script(shell),
        );
    }
    let pages = man_pages();
    assert!(pages.iter().any(|(n, _)| n == "cx2fa-user-reset.1"));
    for (name, text) in &pages {
        check_or_write(&root.join("man").join(name), text);
    }
    let on_disk = std::fs::read_dir(root.join("man")).unwrap().count();
    assert_eq!(on_disk, pages.len(), "man/ has pages for commands that no longer exist; regenerate with `{REGENERATE}` after removing man/");
    let top = pages.iter().find(|(n, _)| n == "cx2fa.1").unwrap();
    assert!(
        top.1.contains("Exit codes"),
        "the man page documents exit codes"
    );
}

fn long_abouts(cmd: &clap::Command, out: &mut Vec<String>) {
    if let Some(a) = cmd.get_long_about() {
        out.push(a.to_string());
    }
    for sub in cmd.get_subcommands() {
        long_abouts(sub, out);
    }
}

#[test]
fn every_help_example_parses() {
    // A renamed flag breaks this test, not the reader who copies the example.
    let mut docs = vec![];
    long_abouts(&cx2fa::cli::Cli::command(), &mut docs);
    let mut n = 0;
    for doc in docs {
        let examples = doc
            .lines()
            .skip_while(|l| !l.trim_start().starts_with("Examples:"))
            .skip(1)
            .take_while(|l| !l.trim().is_empty());
        for line in examples.filter(|l| l.contains("cx2fa ")) {
            let line = line
                .split(" | ")
                .last()
                .unwrap()
                .split(" > ")
                .next()
                .unwrap()
                .trim();
            let line = &line[line.find("cx2fa ").unwrap()..];
            let words = line.split_whitespace().map(|w| w.replace('*', "x"));
            let parsed = <cx2fa::cli::Cli as clap::Parser>::try_parse_from(words);
            assert!(
                parsed.is_ok(),
                "example `{line}` does not parse: {}",
                parsed.err().unwrap()
            );
            n += 1;
        }
    }
    assert!(n >= 20, "only {n} examples");
}

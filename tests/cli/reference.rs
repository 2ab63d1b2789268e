//! Every `--help` as a snapshot, and the checked-in completions and man pages kept current.

use crate::support::TestEnv;
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
    let env = TestEnv::new();
    for p in paths {
        let o = env.cx2fa().args(&p).arg("--help").output().unwrap();
        assert!(o.status.success(), "{p:?}");
        let name = if p.is_empty() {
            "cx2fa".to_string()
        } else {
            format!("cx2fa-{}", p.join("-"))
        };
        insta::assert_snapshot!(name, String::from_utf8_lossy(&o.stdout));
    }
}

/// `-h` is what people type first: it shows the examples, and a verb's page names the global
/// options in one line instead of describing all 20 of them again (`cx2fa --help` does).
#[test]
fn short_help_shows_examples_and_names_the_global_options_once() {
    let mut paths = vec![];
    all_paths(&cx2fa::cli::Cli::command(), vec![], &mut paths);
    let env = TestEnv::new();
    for p in paths {
        for flag in ["-h", "--help"] {
            let o = env.cx2fa().args(&p).arg(flag).output().unwrap();
            let text = String::from_utf8_lossy(&o.stdout);
            assert!(o.status.success(), "{p:?} {flag}");
            assert!(
                text.contains("\nExamples:\n  cx2fa "),
                "{p:?} {flag}:\n{text}"
            );
            if p.is_empty() {
                assert!(text.contains("CX2FA_URL"), "{text}");
                continue;
            }
            assert!(
                !text.contains("CX2FA_URL") && text.contains("Global options: --profile, --url"),
                "{p:?} {flag}:\n{text}"
            );
        }
    }
    // `help VERB` is the same page.
    let o = env
        .cx2fa()
        .args(["help", "user", "reset"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("Examples:") && !text.contains("CX2FA_URL"),
        "{text}"
    );
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
    for heading in [
        ".SH \"EXIT STATUS\"",
        ".SH FILES",
        ".SH ENVIRONMENT",
        ".SH EXAMPLES",
    ] {
        assert!(top.1.contains(heading), "cx2fa.1 has no `{heading}`");
    }
    for (name, text) in &pages {
        // Markdown backquotes are not roff: literals are bold.
        assert!(!text.contains('`'), "{name} shows a backquote");
        assert!(text.contains(".SH EXAMPLES"), "{name} has no EXAMPLES");
        if name != "cx2fa.1" {
            // The 20 global options are described once, in cx2fa(1).
            assert!(
                !text.contains("CX2FA_URL"),
                "{name} repeats the global options"
            );
            assert!(text.contains(".SH \"GLOBAL OPTIONS\""), "{name}");
        }
    }
}

fn long_abouts(cmd: &clap::Command, out: &mut Vec<String>) {
    if let Some(a) = cmd.get_long_about() {
        out.push(a.to_string());
    }
    for sub in cmd.get_subcommands() {
        long_abouts(sub, out);
    }
}

/// Runs every help example against a sandbox, from a directory holding the files they name.
/// An example may fail for a reason of its own (a missing backup, an unreachable host), but
/// never as a usage error or a crash: that would mean the example itself is wrong.
#[test]
fn every_help_example_runs() {
    let sb = crate::support::Sandbox::start();
    let work = tempfile::tempdir().unwrap();
    let w = work.path();
    std::fs::write(w.join("payload.json"), crate::support::UPDATE_EMAIL).unwrap();
    let mut doc = sb.tenant("acme");
    doc["tenantId"] = "example-new".into();
    doc["tenantSettings"]["keyCloak"]["realm"] = "example-new".into();
    std::fs::write(w.join("tenant.json"), doc.to_string()).unwrap();
    std::fs::write(w.join("logo.png"), b"\x89PNG\r\n").unwrap();
    std::fs::write(w.join("users.csv"), "username\nagent.stale\n").unwrap();
    std::fs::create_dir_all(w.join("tenants")).unwrap();
    std::fs::write(
        w.join("probe.toml"),
        "[[tenant]]\nid = \"expertflow\"\nuser = \"agent.email\"\ncontact = \"agent.email@example.test\"\npassword = { env = \"CX2FA_USER_PASSWORD\" }\notp = { outbox = true }\n",
    )
    .unwrap();
    std::fs::write(w.join("tenants/a.json"), crate::support::UPDATE_EMAIL).unwrap();
    let config = sb.state.path().join("config/cx2fa");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("config.toml"),
        format!("[profiles.staging]\nurl = \"{}\"\n", sb.url),
    )
    .unwrap();
    let bin_dir = assert_cmd::cargo::cargo_bin("cx2fa")
        .parent()
        .unwrap()
        .to_path_buf();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );

    let mut docs = vec![];
    long_abouts(&cx2fa::cli::Cli::command(), &mut docs);
    let mut ran = 0;
    for doc in docs {
        let examples = doc
            .lines()
            .skip_while(|l| !l.trim_start().starts_with("Examples:"))
            .skip(1)
            .take_while(|l| !l.trim().is_empty());
        for line in examples.map(str::trim).filter(|l| l.contains("cx2fa ")) {
            // Long-running servers (the sandbox, a scheduled probe) and the tour are exercised by
            // their own tests, and so are the completion scripts (whose examples install into
            // the home directory).
            if line.starts_with("cx2fa sandbox") && !line.contains("rsa-code")
                || line.starts_with("cx2fa tour")
                || line.starts_with("cx2fa completions")
                || line.contains(" --every ")
            {
                continue;
            }
            let mut c = sb.shell(line);
            c.current_dir(w)
                .env("PATH", &path)
                .env("PW", &sb.admin_password)
                .env("SECRET", "sandbox-ci-secret")
                .env("APP_SECRET", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
                .env("XDG_DATA_HOME", w.join("data"))
                // An example that writes under `~` writes into the test's directory.
                .env("HOME", w)
                .timeout(std::time::Duration::from_secs(60));
            let o = crate::support::run(&mut c);
            let needs_terminal = o.stderr.contains("no terminal to ask on");
            assert!(
                o.status != 2 || needs_terminal,
                "example `{line}` is a usage error:\n{o}"
            );
            assert!(
                o.status != 101 && !o.stderr.contains("panicked"),
                "example `{line}` crashed:\n{o}"
            );
            ran += 1;
        }
    }
    assert!(ran >= 20, "only {ran} examples ran");
}

fn shell_available(name: &str) -> bool {
    let ok = std::process::Command::new(name)
        .arg("-c")
        .arg("true")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        ok || std::env::var_os("CI").is_none(),
        "CI must install {name} (see .ci/run)"
    );
    ok
}

fn shell_output(shell: &str, script: &str) -> String {
    let root = env!("CARGO_MANIFEST_DIR");
    let o = std::process::Command::new(shell)
        .arg("-c")
        .arg(script)
        .current_dir(root)
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "{shell}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn completions_load_and_complete_in_bash_zsh_and_fish() {
    // The scripts ask the installed binary at each Tab: this one, first on the PATH.
    let bin = assert_cmd::cargo::cargo_bin("cx2fa");
    let dir = bin.parent().unwrap().display().to_string();
    let path = format!("PATH='{dir}':\"$PATH\"");
    if shell_available("bash") {
        let out = shell_output("bash", &format!("{path}; source completions/cx2fa.bash; COMP_WORDS=(cx2fa user re); COMP_CWORD=2; _clap_complete_cx2fa cx2fa re user; echo \"${{COMPREPLY[@]}}\""));
        assert_eq!(out.trim(), "reset");
    }
    if shell_available("zsh") {
        let out = shell_output("zsh", "autoload -U compinit && compinit -u && source completions/_cx2fa && print $_comps[cx2fa]");
        assert_eq!(out.trim(), "_clap_dynamic_completer_cx2fa");
    }
    if shell_available("fish") {
        let out = shell_output(
            "fish",
            &format!(
                "set PATH '{dir}' $PATH; source completions/cx2fa.fish; complete -C 'cx2fa pol'"
            ),
        );
        assert!(out.starts_with("policy\t"), "{out}");
    }
}

#[test]
fn the_man_page_renders() {
    if !std::process::Command::new("man")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
    {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install man-db (see .ci/run)"
        );
        return;
    }
    let out = shell_output("sh", "MANWIDTH=80 man -l man/cx2fa.1 | col -b");
    assert!(
        out.contains("NAME") && out.contains("cx2fa - Administer two-factor authentication"),
        "{out}"
    );
    for section in [
        "EXAMPLES",
        "ENVIRONMENT",
        "FILES",
        "EXIT STATUS",
        "SEE ALSO",
    ] {
        assert!(
            out.contains(&format!("\n{section}\n")),
            "no {section}:\n{out}"
        );
    }
    // Literals are bold, not Markdown: no backquote reaches the reader.
    assert!(!out.contains('`'), "{out}");
    let verb = shell_output("sh", "MANWIDTH=80 man -l man/cx2fa-user-reset.1 | col -b");
    assert!(
        verb.contains("\nEXAMPLES\n")
            && verb.contains("cx2fa user reset -t expertflow agent.stale"),
        "{verb}"
    );
    assert!(!verb.contains("CX2FA_URL"), "{verb}");
}

/// Tab completes what only the deployment or this machine knows: tenant ids after `-t`,
/// usernames after `user status`/`user reset` (of the tenant on the line), and backups after
/// `tenant restore`, through the checked-in bash script as a shell would load it.
#[test]
fn completion_offers_tenants_users_and_backups() {
    if !shell_available("bash") {
        return;
    }
    let sb = crate::support::Sandbox::start();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions/cx2fa.bash");
    let complete = |line: &str| -> Vec<String> {
        let words: Vec<&str> = line.split(' ').collect();
        let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
        let body = format!(
            "source '{}'; COMP_WORDS=({}); COMP_CWORD={}; COMP_TYPE=9; _clap_complete_cx2fa cx2fa '{}' '{}'; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            script.display(),
            quoted.join(" "),
            words.len() - 1,
            words[words.len() - 1],
            words[words.len().saturating_sub(2)],
        );
        let mut c = sb.shell(&format!("bash -c {}", shell_quote(&body)));
        let o = crate::support::run(&mut c);
        assert_eq!(o.status, 0, "{o}");
        assert!(o.stderr.is_empty(), "completion printed on stderr: {o}");
        o.stdout
            .lines()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect()
    };
    let tenants = complete("cx2fa user status -t ");
    assert!(tenants.contains(&"expertflow".to_string()), "{tenants:?}");
    assert!(tenants.contains(&"acme".to_string()), "{tenants:?}");
    assert_eq!(complete("cx2fa user status -t acm"), ["acme"]);
    let users = complete("cx2fa user reset -t expertflow agent.em");
    assert_eq!(users, ["agent.email"]);
    let users = complete("cx2fa --tenant=expertflow user status agent.");
    assert!(
        users.len() > 3 && users.iter().all(|u| u.starts_with("agent.")),
        "{users:?}"
    );
    // A backup, as `policy disable` keeps one before it writes.
    let o = crate::support::run(
        sb.cmd()
            .args(["policy", "disable", "-t", "expertflow", "--yes"]),
    );
    assert_eq!(o.status, 0, "{o}");
    // With nothing typed yet, the options are offered too.
    let backups: Vec<String> = complete("cx2fa tenant restore ")
        .into_iter()
        .filter(|c| !c.starts_with('-'))
        .collect();
    assert!(
        backups.len() == 1
            && backups[0].starts_with("expertflow-")
            && backups[0].ends_with(".json"),
        "{backups:?}"
    );
    // Commands and options still come from the binary.
    assert_eq!(complete("cx2fa user re"), ["reset"]);
}

fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

//! Another account on the same machine: a planted directory, symlink or state file, a core
//! dump, a child process, an open sandbox. Issue #27's local items; each test fails without
//! the fix it names. The second account is `nobody` (`setpriv`, as `inputs.rs` does), so
//! the tests that need it run only as root and say so otherwise.

use crate::support::{run, Sandbox};
use std::io::{BufRead, BufReader};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::time::Duration;

const LIMIT: Duration = Duration::from_secs(120);

fn root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

/// `program` run as `nobody`, a second local account.
fn as_nobody(program: impl AsRef<std::ffi::OsStr>) -> std::process::Command {
    let mut c = std::process::Command::new("setpriv");
    c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(program);
    c
}

fn chmod(p: &Path, mode: u32) {
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
}

fn bin() -> std::path::PathBuf {
    assert_cmd::cargo::cargo_bin("cx2fa")
}

/// Item 1: `cx2fa tour` as root, after another account planted `cx2fa-tour-<pid>` with
/// `payload.json` linked to a root-owned file. The tour runs as PID 1 of its own PID namespace,
/// so the planted name is the one it would have used.
#[test]
fn the_tour_never_writes_through_a_planted_directory() {
    if !root() {
        eprintln!("skipped: needs root (a second account and a PID namespace)");
        return;
    }
    let d = tempfile::tempdir().unwrap();
    chmod(d.path(), 0o755);
    let tmp = d.path().join("tmp");
    std::fs::create_dir(&tmp).unwrap();
    chmod(&tmp, 0o1777);
    let victim = d.path().join("victim");
    std::fs::write(&victim, "root's file\n").unwrap();
    let planted = tmp.join("cx2fa-tour-1");
    let ok = as_nobody("sh")
        .arg("-c")
        .arg(format!(
            "mkdir -m 777 {p} && ln -s {v} {p}/payload.json",
            p = planted.display(),
            v = victim.display()
        ))
        .status()
        .unwrap()
        .success();
    assert!(ok, "nobody plants the directory");
    let home = d.path().join("home");
    std::fs::create_dir(&home).unwrap();
    let mut c = std::process::Command::new("unshare");
    c.args(["--pid", "--fork"]).arg(bin()).arg("tour");
    let (code, _, err) = run(assert_cmd::Command::from_std(c)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", &home)
        .env("TMPDIR", &tmp)
        .env("NO_COLOR", "1")
        .timeout(LIMIT));
    assert_eq!(
        std::fs::read_to_string(&victim).unwrap(),
        "root's file\n",
        "the tour wrote through the planted link"
    );
    assert_eq!(code, 0, "{err}");
    let names: Vec<_> = std::fs::read_dir(&planted)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        names,
        ["payload.json"],
        "nothing added to the planted directory"
    );
    let left: Vec<_> = std::fs::read_dir(&tmp)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        left,
        ["cx2fa-tour-1"],
        "the tour's own directory is removed"
    );
}

/// Item 16: the `--otp-cmd` child gets an allow-listed environment: none of cx2fa's secrets,
/// not the `--print-curl` ones, not the TOTP secret's variable.
#[test]
fn otp_cmd_children_get_an_allow_listed_environment() {
    let sb = Sandbox::start();
    let d = tempfile::tempdir().unwrap();
    let env_file = d.path().join("env");
    let (code, _, err) = run(sb
        .cmd()
        .env("CX2FA_TENANT_CLIENT_SECRET", "Tenant-Secret-1")
        .env("CX2FA_RSA_CLIENT_KEY", "Rsa-Key-2")
        .env("CX2FA_REFRESH_TOKEN", "Refresh-3")
        .env("CX2FA_SECRET_OTPCODE", "Secret-4")
        .env("PROBE_TOTP", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
        .env("LANG", "C.UTF-8")
        .args([
            "simulate-login",
            "--user",
            "agent.email",
            "--totp-secret-env",
            "PROBE_TOTP",
            "--otp-cmd",
            &format!("env > {}; echo 000000", env_file.display()),
            "--expect",
            "invalid-otp",
        ]));
    assert_eq!(code, 0, "{err}");
    let env = std::fs::read_to_string(&env_file).unwrap();
    for leaked in [
        "Tenant-Secret-1",
        "Rsa-Key-2",
        "Refresh-3",
        "Secret-4",
        "JBSWY3DPEHPK3PXP",
        "agent-pass",
        "CX2FA_",
    ] {
        assert!(
            !env.contains(leaked),
            "`{leaked}` passed to the child:\n{env}"
        );
    }
    for kept in ["PATH=", "HOME=", "LANG=C.UTF-8"] {
        assert!(env.contains(kept), "`{kept}` kept:\n{env}");
    }
}

/// Item 14: the process is not dumpable, so another process (even of the same account) cannot
/// read its memory, its environment, or get a core dump with the admin password in it.
#[test]
fn the_process_is_not_dumpable() {
    if !root() {
        eprintln!("skipped: needs root (a second account)");
        return;
    }
    let home = tempfile::tempdir().unwrap();
    chmod(home.path(), 0o777);
    let mut child = as_nobody(bin())
        .env_clear()
        .env("HOME", home.path())
        .env("NO_COLOR", "1")
        .env("CX2FA_PASSWORD", "Dump-Me-Pass-42")
        .args(["sandbox", "--port", "0"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // The banner is read whole and its pipe kept open: a closed pipe would end the process.
    let mut banner = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    while !line.contains("Ctrl-C") {
        line.clear();
        assert!(
            banner.read_line(&mut line).unwrap() > 0,
            "the sandbox ended"
        );
    }
    // `setpriv` exec'ed cx2fa in place: the child's PID is cx2fa's.
    let pid = child.id();
    let environ = as_nobody("cat")
        .arg(format!("/proc/{pid}/environ"))
        .output()
        .unwrap();
    let owner = std::fs::metadata(format!("/proc/{pid}/environ"))
        .unwrap()
        .uid();
    let _ = std::process::Command::new("kill")
        .args(["-INT", &pid.to_string()])
        .status();
    let _ = child.wait();
    assert!(
        !String::from_utf8_lossy(&environ.stdout).contains("Dump-Me-Pass-42"),
        "another process of the account read the password"
    );
    assert_eq!(
        owner, 0,
        "a dumpable process's /proc files belong to its account"
    );
}

/// Item 10: `--report` never follows a planted symlink, is 0600 whatever the umask, and
/// `--resume` refuses rows that do not say where they were worked, and says how many it skips.
#[test]
fn report_files_are_private_and_resume_rows_are_checked() {
    let sb = Sandbox::start();
    let d = tempfile::tempdir().unwrap();
    let victim = d.path().join("victim");
    std::fs::write(&victim, "untouched").unwrap();
    let link = d.path().join("planted.ndjson");
    std::os::unix::fs::symlink(&victim, &link).unwrap();
    let (code, _, err) = run(sb
        .cmd()
        .args(["user", "reset", "agent.stale", "--yes", "--report"])
        .arg(&link));
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "untouched");
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("symlink to a file"), "{err}");
    // Under `umask 000`, a new report is still 0600.
    let report = d.path().join("report.ndjson");
    let (code, _, err) = run(&mut sb.shell(&format!(
        "umask 000; cx2fa user reset agent.stale --yes --report {}",
        report.display()
    )));
    assert_eq!(code, 0, "{err}");
    let mode = std::fs::metadata(&report).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    // A forged row without tenant and realm would skip `agent.sms` silently.
    let forged = d.path().join("forged.ndjson");
    std::fs::write(
        &forged,
        "{\"schemaVersion\":1,\"username\":\"agent.sms\",\"outcome\":\"reset\",\"attempts\":1}\n",
    )
    .unwrap();
    let out = d.path().join("out.ndjson");
    let (code, _, err) = run(sb
        .cmd()
        .args(["user", "reset", "agent.sms", "--yes", "--resume"])
        .arg(&forged)
        .arg("--report")
        .arg(&out));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("line 1") && err.contains("tenant"), "{err}");
    // A real report: the users it finished are skipped, and the run says how many.
    let (code, _, err) = run(sb
        .cmd()
        .args([
            "user",
            "reset",
            "agent.stale",
            "agent.sms",
            "--yes",
            "--resume",
        ])
        .arg(&report)
        .arg("--report")
        .arg(&out));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("1 user(s) already finished"), "{err}");
}

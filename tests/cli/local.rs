//! Another account on the same machine: a planted directory, symlink or state file, a core
//! dump, a child process, an open sandbox. Issue #27's local items; each test fails without
//! the fix it names. The second account is `nobody` (`setpriv`, as `inputs.rs` does), so
//! the tests that need it run only as root and say so otherwise.

use crate::support::servers::{env_of, sandbox_banner};
use crate::support::{bin, run, Sandbox, TestEnv};
use std::io::{BufRead, BufReader};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::time::Duration;

const LIMIT: Duration = Duration::from_secs(120);
const NOBODY: u32 = 65534;

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
    let mut c = TestEnv::at(&home).set("TMPDIR", &tmp).command("unshare");
    c.args(["--pid", "--fork"]).arg(bin()).arg("tour");
    let o = run(assert_cmd::Command::from_std(c).timeout(LIMIT));
    assert_eq!(
        std::fs::read_to_string(&victim).unwrap(),
        "root's file\n",
        "the tour wrote through the planted link"
    );
    assert_eq!(o.status, 0, "{o}");
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
    let o = run(sb
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
    assert_eq!(o.status, 0, "{o}");
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
    let mut child = as_nobody(bin());
    TestEnv::at(home.path())
        .set("CX2FA_PASSWORD", "Dump-Me-Pass-42")
        .apply(&mut child);
    let mut child = child
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
    let o = run(sb
        .cmd()
        .args(["user", "reset", "agent.stale", "--yes", "--report"])
        .arg(&link));
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "untouched");
    assert_eq!(o.status, 2, "{o}");
    assert!(o.stderr.contains("symlink"), "{o}");
    // Under `umask 000`, a new report is still 0600.
    let report = d.path().join("report.ndjson");
    let o = run(&mut sb.shell(&format!(
        "umask 000; cx2fa user reset agent.stale --yes --report {}",
        report.display()
    )));
    assert_eq!(o.status, 0, "{o}");
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
    let o = run(sb
        .cmd()
        .args(["user", "reset", "agent.sms", "--yes", "--resume"])
        .arg(&forged)
        .arg("--report")
        .arg(&out));
    assert_eq!(o.status, 2, "{o}");
    assert!(
        o.stderr.contains("line 1") && o.stderr.contains("tenant"),
        "{o}"
    );
    // A real report: the users it finished are skipped, and the run says how many.
    let o = run(sb
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
    assert_eq!(o.status, 0, "{o}");
    assert!(o.stderr.contains("1 user(s) already finished"), "{o}");
}

/// The sandbox's banner as JSON, from `cx2fa sandbox ARGS -o json`; the child keeps running.
fn banner(args: &[&str], home: &Path) -> (std::process::Child, serde_json::Value) {
    sandbox_banner(&TestEnv::at(home), args, std::process::Stdio::piped())
}

fn stop(child: std::process::Child) -> (i32, String) {
    let _ = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status();
    let o = child.wait_with_output().unwrap();
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stderr).into(),
    )
}

/// Item 15: the sandbox's admin password is made per run, its `/sandbox/*` helpers need the
/// run's token, and a state file another account could have written is refused.
#[test]
fn the_sandbox_is_closed_to_other_accounts() {
    let home = tempfile::tempdir().unwrap();
    let (child, b) = banner(&[], home.path());
    let url = b["url"].as_str().unwrap().to_string();
    let password = env_of(&b, "CX2FA_PASSWORD").unwrap();
    let token = env_of(&b, "CX2FA_SANDBOX_TOKEN");
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let client = reqwest::Client::new();
    let grant = |p: &str| {
        let req = client
            .post(format!(
                "{url}/auth/realms/master/protocol/openid-connect/token"
            ))
            .form(&[
                ("grant_type", "password"),
                ("client_id", "admin-cli"),
                ("username", "admin"),
                ("password", p),
            ]);
        rt.block_on(req.send()).unwrap().status().as_u16()
    };
    let helper = |path: &str, t: Option<&str>| {
        let mut r = client.get(format!("{url}{path}"));
        if let Some(t) = t {
            r = r.header("X-Sandbox-Token", t);
        }
        rt.block_on(r.send()).unwrap().status().as_u16()
    };
    let seed_grant = grant("sandbox-admin-pass");
    let run_grant = grant(&password);
    let open = helper("/sandbox/outbox", None);
    let with_token = token.as_deref().map(|t| helper("/sandbox/outbox", Some(t)));
    let health = helper("/sandbox/health", None);
    let (second, b2) = banner(&[], home.path());
    stop(second);
    stop(child);
    assert_ne!(
        password, "sandbox-admin-pass",
        "the seed's password is public"
    );
    assert_ne!(
        env_of(&b2, "CX2FA_PASSWORD").unwrap(),
        password,
        "one password per run"
    );
    assert_eq!(seed_grant, 401, "the public password logs in");
    assert_eq!(run_grant, 200);
    assert_eq!(open, 401, "`/sandbox/outbox` without the run's token");
    assert_eq!(with_token, Some(200), "with it");
    assert_eq!(health, 200, "a readiness check needs no token");

    // A state file: made by a run, then planted (owned by another account, or writable by
    // every account) with a password of the planter's choosing.
    let state = home.path().join("state.json");
    let (child, _) = banner(&["--state", state.to_str().unwrap()], home.path());
    let (code, err) = stop(child);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&state).unwrap();
    let planted = serde_json::to_string(&{
        let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
        for u in v["realms"]["master"]["users"]
            .as_object_mut()
            .unwrap()
            .values_mut()
        {
            u["password"] = "Planted-Pass-77".into();
        }
        v
    })
    .unwrap();
    std::fs::write(&state, &planted).unwrap();
    let mut cases = vec![("writable by others", 0o666, None)];
    if root() {
        cases.push(("owned by another account", 0o600, Some(NOBODY)));
    }
    for (what, mode, owner) in cases {
        chmod(&state, mode);
        if let Some(uid) = owner {
            std::os::unix::fs::chown(&state, Some(uid), Some(uid)).unwrap();
        }
        let o = run(TestEnv::at(home.path())
            .cx2fa()
            .args(["sandbox", "--port", "0", "--state"])
            .arg(&state)
            .timeout(Duration::from_secs(5)));
        assert_eq!(o.status, 2, "{what}: {o}");
        assert!(!o.stdout.contains("Planted-Pass-77"), "{what}: loaded: {o}");
        assert!(
            o.stderr.contains(&state.display().to_string()),
            "{what}: {o}"
        );
        std::os::unix::fs::chown(&state, Some(0), Some(0)).ok();
    }
}

//! Support's job: user status and reset, one and many, under faults.

use crate::support::{file, run, Sandbox};
use cx2fa_sandbox::Config;
use serde_json::Value;

#[test]
fn status_shows_masked_contacts_and_never_secrets() {
    let sb = Sandbox::start();
    let o = run(sb.cmd().args(["user", "status", "agent.sms"]));
    assert_eq!(o.status, 0);
    assert!(
        o.stdout.contains("+1555****222") && !o.stdout.contains("+15550100222"),
        "{o}"
    );
    let o = run(sb.cmd().args(["user", "status", "agent.app", "-o", "json"]));
    assert_eq!(o.status, 0);
    assert!(!o.stdout.contains("JBSWY3DPEHPK3PXP"), "{o}");
    assert_eq!(run(sb.cmd().args(["user", "status", "ghost"])).status, 1);
}

#[test]
fn posture_and_filters() {
    let sb = Sandbox::start();
    let out = run(sb.cmd().args(["user", "status", "-o", "json"])).stdout;
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["posture"]["users"], 12);
    assert_eq!(v["posture"]["sharedContacts"], 2);
    let names = |f: &str| -> Vec<String> {
        let out = run(sb
            .cmd()
            .args(["user", "status", "--filter", f, "-o", "json"]))
        .stdout;
        let v: Value = serde_json::from_str(&out).unwrap();
        v["users"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u["username"].as_str().unwrap().to_string())
            .collect()
    };
    // Stale: the next login fails or differs (registered for a channel the tenant no longer
    // uses, or a stale identifier), and the bypassed `agent.legacy` (lower-case `sms`).
    assert_eq!(
        names("stale"),
        [
            "agent.app",
            "agent.legacy",
            "agent.rsa",
            "agent.sms",
            "agent.stale"
        ]
    );
    assert_eq!(names("shared-contact"), ["agent.shared1", "agent.shared2"]);
    assert_eq!(names("channel=SMS"), ["agent.legacy", "agent.sms"]);
    assert!(names("unregistered").contains(&"agent.pending".to_string()));
    let csv = run(sb.cmd().args(["user", "status", "-o", "csv"])).stdout;
    assert!(
        csv.starts_with("username,channel,registered,contact,stale,staleFields,sharedWith\n"),
        "{csv}"
    );
    // The whole refusal: an exit status of 2 alone would pass for any usage error.
    insta::assert_snapshot!(
        sb.run(sb.cmd().args(["user", "status", "--filter", "weird"])),
        @r"
        ------- stderr -------
        error: unknown filter `weird`

        hint: use unregistered, stale, shared-contact or channel=EMAIL|SMS|APP|RSA
        [exit status: 2]
    "
    );
}

#[test]
fn reset_keeps_other_attributes_and_is_idempotent() {
    let sb = Sandbox::start();
    let o = run(sb.cmd().args(["user", "reset", "agent.stale", "--yes"]));
    assert_eq!(o.status, 0, "{o}");
    assert!(o.stdout.contains("reset"), "{o}");
    assert_eq!(
        sb.attrs("expertflow", "agent.stale"),
        serde_json::json!({"department": ["support"], "locale": ["de"]})
    );
    insta::assert_snapshot!(sb.run(sb.cmd().args(["user", "reset", "agent.stale", "--yes"])), @r"
        ┌─────────────┬───────────────┬──────────────────┐
        │ username    ┆ outcome       ┆ removed / reason │
        ╞═════════════╪═══════════════╪══════════════════╡
        │ agent.stale ┆ already-clean ┆                  │
        └─────────────┴───────────────┴──────────────────┘
        1 row(s): 0 reset, 1 already clean, 0 not found, 0 would reset, 0 failed
        ------- stderr -------
        nothing to reset
        [exit status: 0]
    ");
    let o = run(sb.cmd().args(["user", "reset", "agent.app", "--dry-run"]));
    assert_eq!(o.status, 0);
    assert!(
        o.stdout.contains("would-reset") && o.stdout.contains("otpSecret"),
        "{o}"
    );
    assert!(
        sb.attrs("expertflow", "agent.app")["otpSecret"].is_array(),
        "dry run writes nothing"
    );
    // No terminal, no --yes.
    insta::assert_snapshot!(sb.run(sb.cmd().args(["user", "reset", "agent.app"])), @r"
        ------- stderr -------
        agent.app: remove is2FARegistered, twoFAChannel, otpSecret
        error: confirmation is needed but there is no terminal to ask on

        hint: pass `--yes`
        [exit status: 2]
    ");
    // Not found: a single named user is a plain failure.
    insta::assert_snapshot!(sb.run(sb.cmd().args(["user", "reset", "agent.nobody", "--yes"])), @r"
        ┌──────────────┬───────────┬──────────────────┐
        │ username     ┆ outcome   ┆ removed / reason │
        ╞══════════════╪═══════════╪══════════════════╡
        │ agent.nobody ┆ not-found ┆                  │
        └──────────────┴───────────┴──────────────────┘
        1 row(s): 0 reset, 0 already clean, 1 not found, 0 would reset, 0 failed
        ------- stderr -------
        error: no user of that name in realm `expertflow`

        hint: check the spelling; `cx2fa user status` lists the realm's users
        [exit status: 1]
    ");
}

#[test]
fn pipeline_from_status_to_reset() {
    let sb = Sandbox::start();
    let json = run(sb
        .cmd()
        .args(["user", "status", "--filter", "stale", "-o", "json"]))
    .stdout;
    let o = run(sb
        .cmd()
        .args(["user", "reset", "--from", "-", "--yes", "-o", "json"])
        .write_stdin(json));
    assert_eq!(o.status, 0, "{o}");
    let v: Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(v["summary"]["reset"], 5);
    let out = run(sb
        .cmd()
        .args(["user", "status", "--filter", "stale", "-o", "json"]))
    .stdout;
    assert_eq!(
        serde_json::from_str::<Value>(&out).unwrap()["users"],
        serde_json::json!([])
    );
}

#[test]
fn bulk_under_faults_reports_every_row_once_and_loses_nothing() {
    let spec = "rate=0.2,kinds=500|429|reset|500-after-write,seed=3"
        .parse()
        .unwrap();
    let sb = Sandbox::with(Config {
        faults: Some(spec),
        users: 300,
        ..Default::default()
    });
    let mut names: Vec<String> = (1..=300).map(|i| format!("user{i:06}")).collect();
    names.push("ghost".into());
    let (_d, input) = file(format!("username\n{}\n", names.join("\n")).as_bytes());
    let report = sb.state.path().join("report.ndjson");
    let o = run(sb.cmd().args([
        "user",
        "reset",
        "--from",
        &input,
        "--report",
        report.to_str().unwrap(),
        "--yes",
    ]));
    assert!(o.status == 0 || o.status == 5, "{o}");
    let rows: Vec<Value> = std::fs::read_to_string(&report)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mut seen: Vec<String> = rows
        .iter()
        .map(|r| r["username"].as_str().unwrap().to_string())
        .collect();
    seen.sort();
    let mut want = names.clone();
    want.sort();
    assert_eq!(seen, want, "every row exactly once");
    // Resume until done; then the truth matches the report.
    for _ in 0..5 {
        if run(sb.cmd().args([
            "user",
            "reset",
            "--from",
            &input,
            "--resume",
            report.to_str().unwrap(),
            "--yes",
        ]))
        .status
            == 0
        {
            break;
        }
    }
    let clean = Sandbox::with(Config {
        users: 300,
        ..Default::default()
    });
    for n in names.iter().take(300).step_by(7) {
        let got = sb.attrs("expertflow", n);
        let seed = clean.attrs("expertflow", n);
        assert_eq!(got["department"], seed["department"], "{n}");
        assert_eq!(got["agentExtension"], seed["agentExtension"], "{n}");
        assert!(got.get("is2FARegistered").is_none(), "{n}: {got}");
    }
}

#[test]
fn progress_is_hidden_on_a_pipe() {
    let sb = Sandbox::with(Config {
        users: 50,
        ..Default::default()
    });
    let (_d, input) = generated_names(50);
    let o = run(sb.cmd().args(["user", "reset", "--from", &input, "--yes"]));
    assert_eq!(o.status, 0);
    assert!(!o.stderr.contains("eta") && !o.stderr.contains('\r'), "{o}");
}

#[test]
fn ctrl_c_stops_cleanly_and_resume_finishes() {
    // A slow deployment, so that the run is still going when interrupted.
    let sb = Sandbox::with(Config {
        users: 400,
        latency_ms: 15,
        ..Default::default()
    });
    let (_d, input) = generated_names(400);
    let report = sb.state.path().join("report.ndjson");
    let mut c = sb.test_env().cx2fa_process();
    c.args([
        "user",
        "reset",
        "--from",
        &input,
        "--report",
        report.to_str().unwrap(),
        "--yes",
        // Few at once, so that the run (about 4.5 s) is still going when interrupted.
        "--concurrency",
        "4",
    ]);
    c.stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped());
    let child = c.spawn().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1500));
    std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{err}");
    assert!(err.contains("--resume"), "{err}");
    let lines: Vec<Value> = std::fs::read_to_string(&report)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("every report line is whole"))
        .collect();
    assert!(
        !lines.is_empty() && lines.len() < 400,
        "{} rows before the interrupt",
        lines.len()
    );
    // Resume does only what is left; then every row is accounted for exactly once.
    let o = run(sb.cmd().args([
        "user",
        "reset",
        "--from",
        &input,
        "--resume",
        report.to_str().unwrap(),
        "--yes",
    ]));
    assert_eq!(o.status, 0, "{o}");
    let (before, names) = crate::support::report_usernames(&report);
    assert_eq!(
        before, 400,
        "each row once across the interrupted run and the resume"
    );
    assert_eq!(names.len(), 400);
}

/// A file naming the sandbox's first `n` generated users, one per line.
fn generated_names(n: usize) -> (tempfile::TempDir, String) {
    let names: String = (1..=n).map(|i| format!("user{i:06}\n")).collect();
    file(names.as_bytes())
}

/// #26: a tenant document with the configuration guide's weak example credentials
/// (`PASSWORD_ADMIN`/`MASTER_PASSWORD` = `admin`, `adminPass` = `pass`) does not make cx2fa hide
/// every "admin" and "pass" it prints: the user `admin` is still in the CSV, and the values
/// themselves stay masked in their fields.
#[test]
fn weak_credentials_in_a_tenant_document_do_not_mangle_output() {
    let sb = Sandbox::start();
    let mut doc = sb.tenant("expertflow");
    doc["tenantSettings"]["keyCloak"]["PASSWORD_ADMIN"] = serde_json::json!("admin");
    doc["tenantSettings"]["keyCloak"]["MASTER_PASSWORD"] = serde_json::json!("admin");
    doc["tenantSettings"]["adminPass"] = serde_json::json!("pass");
    let status = sb.put_tenant("expertflow", &doc);
    assert_eq!(status, 200);
    let o = run(sb.cmd().args(["user", "status", "-o", "csv"]));
    assert_eq!(o.status, 0, "{o}");
    assert!(o.stdout.lines().any(|l| l.starts_with("admin,")), "{o}");
    assert!(!o.stdout.contains("********"), "{o}");
    let o = run(sb.cmd().args(["tenant", "show", "-o", "json"]));
    assert_eq!(o.status, 0, "{o}");
    let v: Value = serde_json::from_str(&o.stdout).unwrap();
    let kc = &v["tenant"]["tenantSettings"]["keyCloak"];
    assert_eq!(kc["PASSWORD_ADMIN"], "********", "{o}");
    assert_eq!(v["tenant"]["tenantSettings"]["adminPass"], "********");
    assert_eq!(kc["GRANT_TYPE"], "password", "{o}");
}

/// #26.5: bulk input as support staff have it, and a summary that names what went wrong.
#[test]
fn bulk_input_and_summary_as_support_staff_need_them() {
    let sb = Sandbox::start();
    // A European spreadsheet's export (`;`), with a duplicate in another case and a typo.
    let (_d, csv) = crate::support::file(
        "Username;Email\nagent.stale;s@x.io\nAGENT.STALE;s@x.io\nagent.nobody;n@x.io\n".as_bytes(),
    );
    // A dry run shows its table of what it would do.
    let o = run(sb
        .cmd()
        .args(["user", "reset", "--from", &csv, "--dry-run"]));
    assert_eq!(o.status, 5, "{o}");
    assert!(
        o.stdout.contains("agent.stale") && o.stdout.contains("would-reset"),
        "{o}"
    );
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("r.ndjson");
    // Partial: the not-found row is named, with why; the duplicate was worked once.
    let o = sb.run(sb.cmd().args([
        "user",
        "reset",
        "--from",
        &csv,
        "--yes",
        "--report",
        report.to_str().unwrap(),
    ]));
    insta::assert_snapshot!(o, @r"
        ┌──────────────┬───────────┬───────────────────────────────────┐
        │ user         ┆ outcome   ┆ reason                            │
        ╞══════════════╪═══════════╪═══════════════════════════════════╡
        │ agent.nobody ┆ not-found ┆ no user of that name in the realm │
        └──────────────┴───────────┴───────────────────────────────────┘
        2 row(s): 1 reset, 0 already clean, 1 not found, 0 would reset, 0 failed; 1 duplicate name(s) worked once
        ------- stderr -------
        error: 1 of 2 row(s) were not reset: 1 not found

        hint: check the spelling; `cx2fa user status` lists the realm's users
        [exit status: 5]
    ");
    let (rows, _) = crate::support::report_usernames(&report);
    assert_eq!(rows, 2, "agent.stale once, agent.nobody once");
    // Resuming says how many rows it skipped.
    let o = sb.run(sb.cmd().args([
        "user",
        "reset",
        "--from",
        &csv,
        "--yes",
        "--resume",
        report.to_str().unwrap(),
    ]));
    insta::assert_snapshot!(o, @r"
        0 row(s): 0 reset, 0 already clean, 0 not found, 0 would reset, 0 failed; 3 skipped: finished in the --resume report
        ------- stderr -------
        `--resume [TEMP]/r.ndjson`: 2 user(s) already finished there; skipped if listed
        [exit status: 0]
    ");
    // Columns without `username` are refused, never read as names.
    let (_d2, bad) = crate::support::file("login,mail\nagent.stale,s@x.io\n".as_bytes());
    insta::assert_snapshot!(sb.run(sb.cmd().args(["user", "reset", "--from", &bad, "--yes"])), @r"
        ------- stderr -------
        error: `--from [TEMP]/input.json`: the input looks like CSV (columns: login, mail) but has no `username` column

        hint: name the column of usernames `username` (any case), or give one name per line
        [exit status: 2]
    ");
}

/// #26.9: who shares a contact is named, in the list and in the single-user view (asked of
/// Keycloak with one query), and a user never counts as sharing with itself.
#[test]
fn a_shared_contact_is_named_in_both_views() {
    let sb = Sandbox::start();
    let o = run(sb
        .cmd()
        .args(["user", "status", "agent.shared1", "-o", "json"]));
    assert_eq!(o.status, 0, "{o}");
    let v: Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(v["sharedWith"], 2, "{v}");
    assert_eq!(
        v["sharedWithUsers"],
        serde_json::json!(["agent.shared2"]),
        "{v}"
    );
    let out = run(sb.cmd().args(["user", "status", "agent.shared1"])).stdout;
    assert!(out.contains("yes, with agent.shared2"), "{out}");
    let out = run(sb.cmd().args(["user", "status", "-o", "json"])).stdout;
    let v: Value = serde_json::from_str(&out).unwrap();
    let u = v["users"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["username"] == "agent.shared2")
        .unwrap();
    assert_eq!(
        u["sharedWithUsers"],
        serde_json::json!(["agent.shared1"]),
        "{u}"
    );
    let out = run(sb
        .cmd()
        .args(["user", "status", "agent.email", "-o", "json"]))
    .stdout;
    let v: Value = serde_json::from_str(&out).unwrap();
    assert!(v.get("sharedWithUsers").is_none(), "{v}");
}

/// #26.10: boolean variables take the usual spellings (`1`, `yes`, `true`), as
/// `CX2FA_INSECURE` always did; a phone number in CSV stays a number.
#[test]
fn boolean_environment_and_csv_numbers_as_ci_scripts_expect() {
    let sb = Sandbox::start();
    let o = run(sb
        .cmd()
        .env("CX2FA_YES", "1")
        .env("CX2FA_QUIET", "yes")
        .args(["user", "reset", "agent.stale"]));
    assert_eq!(o.status, 0, "{o}");
    let code = run(sb
        .cmd()
        .env("CX2FA_YES", "0")
        .args(["user", "reset", "agent.sms"]))
    .status;
    assert_eq!(
        code, 2,
        "0 is no: without a terminal the confirmation is missing"
    );
    let csv = run(sb.cmd().args(["user", "status", "-o", "csv"])).stdout;
    assert!(csv.contains(",+1555****222,"), "{csv}");
    assert!(!csv.contains("'+1555"), "{csv}");
}

//! `cx2fa probe` (#29): a healthy tenant and broken ones as metrics, the probe user's
//! hygiene, the probe file's errors, the /metrics server, SIGTERM between runs.
//!
//! The sandbox is seeded with `tests/probe/seed.json` (tenants `healthy`, `otpdown` and
//! `badtotp`, each with a dedicated probe user) and probed with `tests/probe/probe.toml`, the
//! files `.ci/prometheus` uses against a real Prometheus.

use crate::support::servers::free_port;
use crate::support::{run, signal, wait_at_most, Sandbox, TestEnv};
use cx2fa_sandbox::Config;
use serde_json::Value;
use std::path::PathBuf;
use std::time::Duration;

fn repo(p: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(p)
}

/// The probe users' password and a TOTP secret that is not the one `probe.app` registered.
const ENV: [(&str, &str); 2] = [
    ("CX2FA_PROBE_PASSWORD", "probe-pass"),
    ("CX2FA_PROBE_TOTP_SECRET", "KRSXG5CTMVRXEZLU"),
];

fn seeded(latency_ms: u64) -> Sandbox {
    Sandbox::with(Config {
        seed: Some(repo("tests/probe/seed.json")),
        latency_ms,
        ..Config::default()
    })
}

fn probe_file() -> String {
    repo("tests/probe/probe.toml").display().to_string()
}

fn metric(text: &str, series: &str) -> Option<f64> {
    text.lines()
        .find_map(|l| l.strip_prefix(series)?.strip_prefix(' ')?.parse().ok())
}

#[test]
fn probe_once_tells_a_healthy_tenant_from_broken_ones_with_the_cause() {
    let sb = seeded(0);
    let dir = tempfile::tempdir().unwrap();
    let mut c = sb.cmd();
    c.args(["probe", "--once", "--file", &probe_file(), "-o", "json"])
        .arg("--textfile")
        .arg(dir.path())
        .envs(ENV);
    let o = run(&mut c);
    assert_eq!(o.status, 5, "two of three tenants are broken: {o}");
    let v: Value = serde_json::from_str(&o.stdout).unwrap();
    let t = |id: &str| {
        v["tenants"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["tenant"] == id)
            .cloned()
            .unwrap()
    };
    assert_eq!(t("healthy")["healthy"], true, "{o}");
    assert_eq!(t("healthy")["login"]["ending"], "success");
    assert_eq!(t("otpdown")["login"]["cause"], "otp-manager-unreachable");
    assert_eq!(t("badtotp")["login"]["ending"], "invalid-otp");
    // The log lines are JSON with `-o json`, one per tenant.
    let logs: Vec<Value> = o
        .stderr
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert_eq!(
        logs.iter().filter(|l| l["event"] == "probe").count(),
        3,
        "{o}"
    );

    let m = std::fs::read_to_string(dir.path().join("cx2fa_probe.prom")).unwrap();
    assert!(m.ends_with("# EOF\n"), "OpenMetrics ends with # EOF");
    let ok = r#"cx2fa_probe_login_success{tenant="healthy",channel="EMAIL"}"#;
    assert_eq!(metric(&m, ok), Some(1.0), "{m}");
    let down = r#"cx2fa_probe_login_success{tenant="otpdown",channel="EMAIL"}"#;
    assert_eq!(metric(&m, down), Some(0.0), "{m}");
    let cause =
        r#"cx2fa_probe_error{tenant="otpdown",stage="login",cause="otp-manager-unreachable"}"#;
    assert_eq!(metric(&m, cause), Some(1.0), "{m}");
    let invalid =
        r#"cx2fa_probe_login_outcome{tenant="badtotp",channel="APP",outcome="invalid-otp"}"#;
    assert_eq!(metric(&m, invalid), Some(1.0), "{m}");
    assert_eq!(
        metric(&m, r#"cx2fa_probe_healthy{tenant="healthy"}"#),
        Some(1.0)
    );
    assert_eq!(
        metric(&m, r#"cx2fa_probe_ready{tenant="healthy"}"#),
        Some(1.0)
    );
    let registered = r#"cx2fa_probe_users{tenant="healthy",state="registered"}"#;
    assert_eq!(metric(&m, registered), Some(2.0), "{m}");
    let bypass =
        r#"cx2fa_probe_audit_findings{tenant="healthy",kind="bypass",severity="critical"}"#;
    assert_eq!(metric(&m, bypass), Some(0.0), "{m}");
    assert!(
        m.contains(r#"cx2fa_probe_login_step_duration_seconds{tenant="healthy",channel="EMAIL",step="verify"}"#),
        "{m}"
    );
}

/// Labels are tenant, channel, step, outcome, check, state, kind, severity, stage, cause: never
/// a username, a contact or a secret, whatever happened in the run.
#[test]
fn metrics_never_carry_a_username_a_contact_or_a_secret() {
    let sb = seeded(0);
    let dir = tempfile::tempdir().unwrap();
    let mut c = sb.cmd();
    c.args(["probe", "--once", "--file", &probe_file()])
        .arg("--textfile")
        .arg(dir.path())
        .envs(ENV);
    run(&mut c);
    let m = std::fs::read_to_string(dir.path().join("cx2fa_probe.prom")).unwrap();
    let seed = std::fs::read_to_string(repo("tests/probe/seed.json")).unwrap();
    let seed: Value = serde_json::from_str(&seed).unwrap();
    let mut forbidden: Vec<String> = vec![
        "probe-pass".into(),
        "KRSXG5CTMVRXEZLU".into(),
        "sandbox-admin-pass".into(),
        "agent-pass".into(),
    ];
    for users in seed["users"].as_object().unwrap().values() {
        for u in users.as_array().unwrap() {
            forbidden.push(u["username"].as_str().unwrap().into());
            forbidden.extend(u["email"].as_str().map(str::to_string));
            for (_, vals) in u["attributes"].as_object().into_iter().flatten() {
                for v in vals.as_array().unwrap() {
                    let v = v.as_str().unwrap();
                    // Attribute values of the probe users (contacts, secrets), not flags.
                    if v.len() > 6 && v != "EMAIL" {
                        forbidden.push(v.into());
                    }
                }
            }
        }
    }
    for t in seed["tenants"].as_array().unwrap() {
        let kc = &t["tenantSettings"]["keyCloak"];
        forbidden.extend(kc["credentials"]["secret"].as_str().map(str::to_string));
        forbidden.extend(kc["RSA_Client_Key"].as_str().map(str::to_string));
        forbidden.extend(kc["PASSWORD_ADMIN"].as_str().map(str::to_string));
    }
    forbidden.retain(|f| f.len() > 2);
    for f in &forbidden {
        // `admin` is a username and a word in help texts; look for it as a label value only.
        let needle = if f == "admin" {
            "\"admin\"".to_string()
        } else {
            f.clone()
        };
        assert!(!m.contains(&needle), "the metrics contain `{f}`:\n{m}");
    }
    // Every label value comes from a bounded vocabulary or the probe file's tenant ids.
    let label = regex_lite_labels(&m);
    for (k, v) in label {
        assert!(
            [
                "tenant", "channel", "step", "outcome", "check", "status", "state", "kind",
                "severity", "stage", "cause"
            ]
            .contains(&k.as_str()),
            "unexpected label `{k}={v}`"
        );
        if k == "tenant" {
            assert!(
                ["healthy", "otpdown", "badtotp"].contains(&v.as_str()),
                "{v}"
            );
        }
    }
}

/// (name, value) of every label in an OpenMetrics text.
fn regex_lite_labels(m: &str) -> Vec<(String, String)> {
    let mut out = vec![];
    for line in m.lines().filter(|l| !l.starts_with('#')) {
        let Some(open) = line.find('{') else { continue };
        let Some(close) = line.rfind('}') else {
            continue;
        };
        for pair in line[open + 1..close].split("\",").filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once("=\"").unwrap();
            out.push((k.to_string(), v.trim_end_matches('"').to_string()));
        }
    }
    out
}

/// A user whose contact is not the probe's is refused before any password attempt or OTP:
/// a probe must never lock out or spam a real agent.
#[test]
fn a_user_that_is_not_dedicated_is_refused_before_any_attempt() {
    let sb = Sandbox::start();
    let o = run(sb.cmd().args([
        "probe",
        "--once",
        "--user",
        "agent.email",
        "--contact",
        "probe@example.test",
        "--otp-from-outbox",
        "-o",
        "json",
    ]));
    assert_eq!(o.status, 1, "{o}");
    let v: Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(v["tenants"][0]["login"]["cause"], "not-dedicated", "{o}");
    assert!(v["tenants"][0]["login"]["steps"]
        .as_array()
        .unwrap()
        .is_empty());
    let (_, sent) = sb.get("/sandbox/outbox?to=agent.email%40example.test", None);
    assert_eq!(sent, serde_json::json!([]), "no OTP was sent to the agent");
}

/// An unregistered probe user is not registered behind the operator's back.
#[test]
fn an_unregistered_probe_user_is_left_alone_without_register() {
    let sb = Sandbox::start();
    let before = sb.stored_attrs("expertflow", "agent.none");
    let o = run(sb.cmd().args([
        "probe",
        "--once",
        "--user",
        "agent.none",
        "--contact",
        "none@example.test",
        "--otp-from-outbox",
        "-o",
        "json",
    ]));
    assert_eq!(o.status, 1, "{o}");
    let v: Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(v["tenants"][0]["login"]["cause"], "not-registered", "{o}");
    assert_eq!(sb.stored_attrs("expertflow", "agent.none"), before);
}

#[test]
fn probe_file_problems_are_reported_at_line_and_column() {
    let d = tempfile::tempdir().unwrap();
    let f = d.path().join("probe.toml");
    let name = f.display().to_string();
    let check = |text: &str| {
        std::fs::write(&f, text).unwrap();
        run(TestEnv::new()
            .cx2fa()
            .args(["probe", "--once", "--file"])
            .arg(&f))
    };
    // A secret's value where a reference goes is the parse error, at its place.
    let o = check("[[tenant]]\nid = \"t1\"\nuser = \"p\"\ncontact = \"not a contact\"\npassword = \"in-clear\"\notp = { outbox = true }\n");
    assert!(o.stderr.contains(&format!("{name}:5:12:")), "{o}");
    insta::assert_snapshot!(o, @r"
        ------- stderr -------
        error: `[TEMP]/probe.toml` is not a valid probe file (1 problem)

        Caused by:
            [TEMP]/probe.toml:5:12: unknown variant `in-clear`, expected one of `env`, `file`, `command`
        [exit status: 2]
    ");
    let o = check("[[tenant]]\nid = \"t1\"\nuser = \"p\"\ncontact = \"not a contact\"\npassword = { env = \"P\" }\notp = { outbox = true, command = \"x\" }\n");
    assert!(o.stderr.contains(&format!("{name}:4:11: `contact`")), "{o}");
    insta::assert_snapshot!(o, @r"
        ------- stderr -------
        error: `[TEMP]/probe.toml` is not a valid probe file (2 problems)

        Caused by:
            [TEMP]/probe.toml:4:11: `contact`: Invalid customerChannelIdentifier: `not a contact`; give the probe's own e-mail address or 7–15 digits
            [TEMP]/probe.toml:6:7: `otp` names several sources: give exactly one
        [exit status: 2]
    ");
}

fn wait_for(path: &std::path::Path, limit: Duration) {
    let start = std::time::Instant::now();
    while !path.exists() {
        assert!(start.elapsed() < limit, "{} never appeared", path.display());
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn term(child: &std::process::Child) {
    signal(child, "TERM");
}

/// The server answers GET /metrics only: read-only, nothing else served.
#[test]
fn the_metrics_server_is_read_only() {
    let sb = seeded(0);
    let dir = tempfile::tempdir().unwrap();
    let port = free_port().to_string();
    let d = dir.path().display().to_string();
    let child = sb.spawn_env(
        &[
            "probe",
            "--every",
            "1m",
            "--file",
            &probe_file(),
            "--listen",
            &port,
            "--textfile",
            &d,
        ],
        &ENV,
    );
    wait_for(
        &dir.path().join("cx2fa_probe.prom"),
        Duration::from_secs(30),
    );
    let base = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::new();
    let (get, ctype, body, post, other) = sb.block(async move {
        let r = client.get(format!("{base}/metrics")).send().await.unwrap();
        let ctype = r.headers()["content-type"].to_str().unwrap().to_string();
        let get = r.status().as_u16();
        let body = r.text().await.unwrap();
        let post = client
            .post(format!("{base}/metrics"))
            .body("x")
            .send()
            .await
            .unwrap();
        let other = client.get(format!("{base}/")).send().await.unwrap();
        (
            get,
            ctype,
            body,
            post.status().as_u16(),
            other.status().as_u16(),
        )
    });
    term(&child);
    let (o, _) = wait_at_most(child, Duration::from_secs(10));
    assert_eq!(o.status, 0, "{o}");
    assert_eq!(get, 200);
    assert!(ctype.starts_with("application/openmetrics-text"), "{ctype}");
    assert!(
        body.contains(r#"cx2fa_probe_login_success{tenant="healthy",channel="EMAIL"} 1.0"#),
        "{body}"
    );
    assert!(body.contains("cx2fa_probe_interval_seconds 60.0"), "{body}");
    assert_eq!((post, other), (405, 404));
}

/// SIGTERM in the middle of a run lets the run finish (its metrics are written) and ends the
/// probe before the next one; between runs it ends the probe at once.
#[test]
fn sigterm_ends_the_probe_between_runs() {
    // Slow answers, so that the first run is still going when the signal comes.
    let sb = seeded(150);
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().display().to_string();
    let args = [
        "probe",
        "--every",
        "10s",
        "--file",
        &probe_file(),
        "--textfile",
        &d,
        "--log-format",
        "json",
    ];
    let child = sb.spawn_env(&args, &ENV);
    std::thread::sleep(Duration::from_millis(700));
    let textfile = dir.path().join("cx2fa_probe.prom");
    assert!(!textfile.exists(), "the first run is still going");
    term(&child);
    let (o, _) = wait_at_most(child, Duration::from_secs(60));
    assert_eq!(o.status, 0, "{o}");
    let logs: Vec<Value> = o
        .stderr
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        logs.iter().filter(|l| l["event"] == "probe").count(),
        3,
        "the run finished: {o}"
    );
    assert_eq!(logs.last().unwrap()["event"], "stop", "{o}");
    assert_eq!(logs.last().unwrap()["runs"], 1, "{o}");
    assert!(textfile.exists(), "the run's metrics were written");

    // Between runs: at once.
    let sb = seeded(0);
    let child = sb.spawn_env(&args, &ENV);
    wait_for(&textfile, Duration::from_secs(30));
    std::thread::sleep(Duration::from_millis(200));
    term(&child);
    let (o, waited) = wait_at_most(child, Duration::from_secs(10));
    assert_eq!(o.status, 0, "{o}");
    assert!(waited < Duration::from_secs(3), "{waited:?}");
    assert!(o.stderr.lines().last().unwrap().contains("\"stop\""), "{o}");
}

/// Exactly one password attempt a run: with Keycloak locking a user out after 2 failures, a
/// run with a wrong password leaves the probe user able to log in at the next run.
#[test]
fn one_password_attempt_a_run_never_trips_the_lockout() {
    let sb = Sandbox::with(Config {
        keycloak: cx2fa_sandbox::variant::Keycloak {
            lockout_after: 2,
            ..Default::default()
        },
        ..Config::default()
    });
    let probe = |password: &str| {
        let o = run(sb.cmd().env("CX2FA_USER_PASSWORD", password).args([
            "probe",
            "--once",
            "--user",
            "agent.email",
            "--contact",
            "agent.email@example.test",
            "--otp-from-outbox",
            "-o",
            "json",
        ]));
        let v: Value = serde_json::from_str(&o.stdout).unwrap_or_else(|e| panic!("{e}: {o}"));
        (o.status, v["tenants"][0]["login"]["ending"].clone())
    };
    assert_eq!(probe("wrong").1, "wrong-password");
    assert_eq!(
        probe("agent-pass").1,
        "success",
        "not locked out by the probe"
    );
}

//! The Keycloak versions real deployments run (docs/deployment-contract.md §8), each emulated by
//! the sandbox: against every variant cx2fa either does the job or refuses before writing,
//! naming the cause and the fix. Never a silent wrong answer.

use crate::support::{file, run, Sandbox};
use cx2fa_sandbox::variant::{Keycloak, Unmanaged, UserProfile};
use cx2fa_sandbox::Config;
use serde_json::{json, Value};
use std::time::Duration;

fn with_keycloak(keycloak: Keycloak) -> Sandbox {
    Sandbox::with(Config {
        keycloak,
        ..Config::default()
    })
}

fn profile(unmanaged: Unmanaged, declared: bool) -> Sandbox {
    with_keycloak(Keycloak {
        profile: Some(UserProfile {
            unmanaged,
            declared: if declared {
                cx2fa_core::enrolment::ENROLMENT_ATTRS
                    .iter()
                    .map(|s| s.to_string())
                    .collect()
            } else {
                vec![]
            },
        }),
        ..Keycloak::default()
    })
}

/// The sandbox itself, with plain HTTP: what each profile variant shows and keeps.
#[test]
fn contract_user_profile_variants() {
    // Before 24: no profile endpoint.
    let sb = Sandbox::start();
    let t = sb.admin_token();
    let (status, _) = sb.get("/auth/admin/realms/expertflow/users/profile", Some(&t));
    assert_eq!(status, 404);

    for (policy, visible, writable) in [
        (Unmanaged::Absent, false, false),
        (Unmanaged::AdminView, true, false),
        (Unmanaged::AdminEdit, true, true),
        (Unmanaged::Enabled, true, true),
    ] {
        let sb = profile(policy, false);
        let t = sb.admin_token();
        let (status, p) = sb.get("/auth/admin/realms/expertflow/users/profile", Some(&t));
        assert_eq!(status, 200);
        assert_eq!(
            p.get("unmanagedAttributePolicy").is_some(),
            policy != Unmanaged::Absent
        );
        let shown = sb.attrs("expertflow", "agent.app");
        assert_eq!(
            shown.get("otpSecret").is_some(),
            visible,
            "{policy:?}: {shown}"
        );
        // A PUT without the enrolment: 204 in every case; kept only where writable.
        let (_, users) = sb.get(
            "/auth/admin/realms/expertflow/users?username=agent.app&exact=true",
            Some(&t),
        );
        let mut u = users[0].clone();
        u["attributes"] = json!({"department": ["qa"]});
        let id = u["id"].as_str().unwrap().to_string();
        let status = sb.block(async {
            reqwest::Client::new()
                .put(format!(
                    "{}/auth/admin/realms/expertflow/users/{id}",
                    sb.url
                ))
                .bearer_auth(&t)
                .json(&u)
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        });
        assert_eq!(status, 204, "{policy:?}");
        let stored = sb.stored_attrs("expertflow", "agent.app");
        assert_eq!(
            stored.get("otpSecret").is_none(),
            writable,
            "{policy:?}: {stored}"
        );
    }
}

/// The new 24+ realm: enrolment hidden. Every command refuses, naming the realm and the fix,
/// and nothing is written.
#[test]
fn a_hidden_enrolment_is_refused_everywhere() {
    let sb = profile(Unmanaged::Absent, false);
    let before = sb.stored_attrs("expertflow", "agent.app");
    let refused = |args: &[&str]| {
        let o = run(sb.cmd().args(args));
        assert_eq!(o.status, 1, "{args:?}: {o}");
        assert!(
            o.stderr
                .contains("realm `expertflow` hides the 2FA enrolment attributes")
                && o.stderr.contains("ADMIN_EDIT")
                && o.stderr.contains("User profile"),
            "{args:?}: {o}"
        );
        o.final_error()
    };
    // The refusal and its fix, word for word once; every other command says the same.
    insta::assert_snapshot!(refused(&["user", "status", "agent.app"]), @r#"
        error: realm `expertflow` hides the 2FA enrolment attributes is2FARegistered, twoFAChannel, tempOTPSecret, otpSecret, customerChannelIdentifier, phoneNumber, channelServiceIdentifier, otpExpiry, otpMaxAttempts, channelType from the admin API (Keycloak 24+ user profile); cx2fa cannot see or change users' enrolment there, and refuses rather than give a wrong answer

        hint: declare them in the realm's user profile with admin view and edit (admin console: Realm settings → User profile → Create attribute, permissions "Who can view/edit: admin"), or let admins edit unmanaged attributes (Realm settings → General → Unmanaged attributes: "Admin can edit"; API: `PUT /admin/realms/expertflow/users/profile` with `"unmanagedAttributePolicy": "ADMIN_EDIT"` added to the current configuration)
    "#);
    refused(&["user", "status"]);
    refused(&["user", "reset", "agent.app", "--yes"]);
    let (_d, names) = file(b"agent.app\nagent.sms\n");
    let report = tempfile::tempdir().unwrap();
    let report = report.path().join("r.ndjson");
    refused(&[
        "user",
        "reset",
        "--from",
        &names,
        "--yes",
        "--report",
        report.to_str().unwrap(),
    ]);
    assert!(
        std::fs::read_to_string(&report)
            .unwrap_or_default()
            .is_empty(),
        "refused before the first row"
    );
    refused(&["simulate-login", "--user", "agent.app", "--otp", "000000"]);
    assert_eq!(sb.stored_attrs("expertflow", "agent.app"), before);
    // doctor names it per realm; policy show warns and does not count users it cannot see.
    let o = run(sb.cmd().args(["doctor"]));
    assert_ne!(o.status, 0);
    assert!(
        o.stdout.contains("user profile: expertflow") && o.stdout.contains("hides"),
        "{o}"
    );
    let o = run(sb.cmd().args(["policy", "show", "-o", "json"]));
    assert_eq!(o.status, 0, "{o}");
    let v: Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(v["users"], Value::Null);
    let users = v["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "users")
        .unwrap()
        .clone();
    assert_eq!(users["status"], "warn");
}

/// `ADMIN_VIEW`: reading works with a warning; every write is refused before it is tried.
#[test]
fn read_only_enrolment_reads_with_a_warning_and_refuses_writes() {
    let sb = profile(Unmanaged::AdminView, false);
    let o = run(sb.cmd().args(["user", "status", "agent.app"]));
    assert_eq!(o.status, 0, "{o}");
    assert!(o.stdout.contains("APP"), "{o}");
    assert!(
        o.stderr.contains("warning") && o.stderr.contains("read-only"),
        "{o}"
    );
    let o = run(sb.cmd().args(["user", "reset", "agent.stale", "--yes"]));
    assert_eq!(o.status, 1, "{o}");
    assert!(o.stderr.contains("lets admins only read"), "{o}");
    let o = run(sb.cmd().args(["user", "reset", "agent.stale", "--dry-run"]));
    assert_eq!(o.status, 0, "a dry run only reads: {o}");
    // The same through a filtered (fleet) reset: the tenant is refused before its first row.
    let o = run(sb
        .cmd()
        .args(["user", "reset", "--filter", "stale", "--yes", "-o", "json"]));
    assert_eq!(o.status, 5, "{o}");
    let v: Value = serde_json::from_str(&o.stdout).unwrap();
    assert!(
        v["tenantErrors"][0]["error"]
            .as_str()
            .unwrap()
            .contains("lets admins only read"),
        "{v}"
    );
    assert_eq!(v["summary"]["rows"], 0);
    assert!(sb.stored_attrs("expertflow", "agent.stale")["is2FARegistered"].is_array());
    // Registration would write: refused. A registered APP user logs in (nothing written).
    let o = run(sb.cmd().args([
        "simulate-login",
        "--user",
        "agent.none",
        "--register-contact",
        "a@example.test",
        "--otp-from-outbox",
    ]));
    assert_eq!(o.status, 1, "{o}");
    assert!(sb
        .stored_attrs("expertflow", "agent.none")
        .get("twoFAChannel")
        .is_none());
    let o = run(sb
        .cmd()
        .env("APP", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
        .args([
            "simulate-login",
            "--user",
            "agent.app",
            "--totp-secret-env",
            "APP",
        ]));
    assert_eq!(o.status, 0, "{o}");
}

/// The fixes the refusal names: declared attributes, or `ADMIN_EDIT`/`ENABLED`; then status,
/// reset (single and bulk), doctor and registration all work.
#[test]
fn declared_or_editable_enrolment_works() {
    for sb in [
        profile(Unmanaged::Absent, true),
        profile(Unmanaged::AdminEdit, false),
        profile(Unmanaged::Enabled, false),
    ] {
        let o = run(sb.cmd().args(["user", "status", "agent.app"]));
        assert_eq!(o.status, 0, "{o}");
        assert!(o.stdout.contains("APP"), "{o}");
        let o = run(sb.cmd().args(["user", "reset", "agent.stale", "--yes"]));
        assert_eq!(o.status, 0, "{o}");
        assert_eq!(
            sb.stored_attrs("expertflow", "agent.stale"),
            json!({"department": ["support"], "locale": ["de"]})
        );
        let (_d, names) = file(b"agent.sms\nagent.app\n");
        let o = run(sb.cmd().args(["user", "reset", "--from", &names, "--yes"]));
        assert_eq!(o.status, 0, "{o}");
        assert!(o.stdout.contains("2 reset"), "{o}");
        let out = run(sb.cmd().args(["doctor"])).stdout;
        assert!(out.contains("visible and writable"), "{out}");
        let o = run(sb.cmd().args([
            "simulate-login",
            "--user",
            "agent.none",
            "--register-contact",
            "new@example.test",
            "--otp-from-outbox",
        ]));
        assert_eq!(o.status, 0, "{o}");
        assert_eq!(
            sb.stored_attrs("expertflow", "agent.none")["is2FARegistered"],
            json!(["true"])
        );
    }
}

/// Keycloak 17+ at the root: found without `--keycloak-url`, and `doctor` says where.
#[test]
fn keycloak_at_the_root_is_found() {
    let sb = with_keycloak(Keycloak {
        root_path: true,
        ..Keycloak::default()
    });
    let (status, _) = sb.get("/auth/realms/master/.well-known/openid-configuration", None);
    assert_eq!(status, 404);
    let o = run(sb.cmd().args(["user", "status", "agent.app"]));
    assert_eq!(o.status, 0, "{o}");
    assert!(o.stdout.contains("APP"), "{o}");
    let out = run(sb.cmd().args(["doctor"])).stdout;
    assert!(out.contains(&format!("found at `{}/`", sb.url)), "{out}");
    // Found once at `auth login` and stored with the credentials.
    let o = run(sb
        .cmd()
        .env_remove("CX2FA_PASSWORD")
        .args(["auth", "login", "--store", "file", "--password-stdin"])
        .write_stdin(sb.admin_password.clone()));
    assert_eq!(o.status, 0, "{o}");
    let out = run(sb
        .cmd()
        .env_remove("CX2FA_USERNAME")
        .env_remove("CX2FA_PASSWORD")
        .args(["doctor"]))
    .stdout;
    assert!(out.contains("found at `auth login`"), "{out}");
}

/// The password grant's failure shapes, each its own outcome.
#[test]
fn password_grant_failures_are_told_apart() {
    // Brute-force lockout: after 2 failures even the right password is refused, alike.
    let sb = with_keycloak(Keycloak {
        lockout_after: 2,
        ..Keycloak::default()
    });
    let probe = |sb: &Sandbox, password: &str, expect: &str| {
        run(sb.cmd().env("CX2FA_USER_PASSWORD", password).args([
            "simulate-login",
            "--user",
            "agent.email",
            "--expect",
            expect,
            "-o",
            "json",
        ]))
    };
    for _ in 0..2 {
        assert_eq!(probe(&sb, "wrong", "wrong-password").status, 0);
    }
    let o = probe(&sb, "agent-pass", "wrong-password");
    assert_eq!(o.status, 0, "locked out looks like a wrong password: {o}");
    assert!(o.stdout.contains("locked out"), "{o}");

    let sb = Sandbox::with(Config {
        required_actions: vec![("agent.email".into(), "VERIFY_PROFILE".into())],
        ..Config::default()
    });
    let output = probe(&sb, "agent-pass", "account-not-set-up");
    assert_eq!(output.status, 0, "{output}");
    assert!(
        output.stdout.contains("pending: VERIFY_PROFILE"),
        "{output}"
    );
    let o = run(sb
        .cmd()
        .args(["simulate-login", "--user", "agent.email", "--otp", "1"]));
    assert_eq!(
        o.status, 3,
        "unasserted, a refusal is an authentication failure: {o}"
    );
    assert!(o.stderr.contains("not fully set up"), "{o}");

    let sb = with_keycloak(Keycloak {
        no_direct_grants: true,
        ..Keycloak::default()
    });
    let o = probe(&sb, "agent-pass", "direct-grant-off");
    assert_eq!(o.status, 0, "{o}");

    // A disabled account.
    let sb = Sandbox::start();
    let t = sb.admin_token();
    sb.block(async {
        let c = reqwest::Client::new();
        let users: Value = c
            .get(format!(
                "{}/auth/admin/realms/expertflow/users?username=agent.email&exact=true",
                sb.url
            ))
            .bearer_auth(&t)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let mut u = users[0].clone();
        u["enabled"] = json!(false);
        let id = u["id"].as_str().unwrap().to_string();
        c.put(format!(
            "{}/auth/admin/realms/expertflow/users/{id}",
            sb.url
        ))
        .bearer_auth(&t)
        .json(&u)
        .send()
        .await
        .unwrap();
    });
    assert_eq!(probe(&sb, "agent-pass", "account-disabled").status, 0);
}

/// A ready token (`CX2FA_TOKEN`): a JWT past its `exp` is refused before it is sent, and a
/// token that expires in the middle of a bulk run stops the run at once (exit 3), the report
/// holding exactly the rows done, so that `--resume` finishes the rest.
#[test]
fn an_expired_ready_token_stops_a_bulk_run_at_once() {
    use base64::Engine;
    let sb = Sandbox::with(Config {
        users: 1200,
        ..Config::default()
    });
    let b64 = |v: Value| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(v.to_string());
    let jwt = format!(
        "{}.{}.sig",
        b64(json!({"alg": "none"})),
        b64(json!({"exp": 1_000_000_000}))
    );
    let o = run(sb
        .cmd()
        .env_remove("CX2FA_USERNAME")
        .env_remove("CX2FA_PASSWORD")
        .env("CX2FA_TOKEN", &jwt)
        .args(["tenant", "list"]));
    assert_eq!(o.status, 3, "{o}");
    // The token's own expiry date, which the snapshot's normalising hides.
    assert!(o.stderr.contains("expired at 2001-09-09"), "{o}");
    insta::assert_snapshot!(o.final_error(), @r"
        error: the token given in `CX2FA_TOKEN` expired at [TIME]

        hint: get a fresh token, or give credentials cx2fa can renew a token with: `CX2FA_USERNAME`/`CX2FA_PASSWORD`, `CX2FA_CLIENT_ID`/`CX2FA_CLIENT_SECRET`, or `cx2fa auth login`
    ");

    let names: String = (1..=1200).map(|i| format!("user{i:06}\n")).collect();
    let (_d, list) = file(names.as_bytes());
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("r.ndjson");
    let token = sb.admin_token();
    // Expire the token (advance the sandbox's clock past its lifetime) once 50 rows are done.
    let (url, helper_token) = (sb.url.clone(), sb.token.clone());
    let watched = report.clone();
    let expirer = std::thread::spawn(move || {
        let rt = tokio::runtime::Runtime::new().unwrap();
        for _ in 0..4000 {
            let done = std::fs::read_to_string(&watched)
                .map(|t| t.lines().count())
                .unwrap_or(0);
            if done >= 50 {
                rt.block_on(async {
                    reqwest::Client::new()
                        .post(format!("{url}/sandbox/clock"))
                        .header("X-Sandbox-Token", &helper_token)
                        .json(&json!({"advanceSeconds": 3600}))
                        .send()
                        .await
                        .unwrap();
                });
                return;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
    });
    let o = run(sb
        .cmd()
        .env_remove("CX2FA_USERNAME")
        .env_remove("CX2FA_PASSWORD")
        .env("CX2FA_TOKEN", &token)
        .args([
            "user",
            "reset",
            "--from",
            &list,
            "--yes",
            "--concurrency",
            "1",
            "--report",
            report.to_str().unwrap(),
        ])
        .timeout(Duration::from_secs(120)));
    expirer.join().unwrap();
    let rows: Vec<Value> = std::fs::read_to_string(&report)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    if rows.len() == 1200 {
        // The run finished before the clock moved (a very fast machine): nothing to assert.
        eprintln!("the bulk run finished before the token expired; mid-run expiry not exercised");
        return;
    }
    assert_eq!(o.status, 3, "{o}");
    assert!(o.stderr.contains("stopped at once"), "{o}");
    assert!(
        rows.iter().all(|r| r["outcome"] != "failed"),
        "no row blamed"
    );
    // Resume with renewable credentials: every row once.
    let o = run(sb.cmd().args([
        "user",
        "reset",
        "--from",
        &list,
        "--yes",
        "--resume",
        report.to_str().unwrap(),
    ]));
    assert_eq!(o.status, 0, "{o}");
    let (n, names) = crate::support::report_usernames(&report);
    assert_eq!((n, names.len()), (1200, 1200), "every row exactly once");
}

/// The token endpoint of each variant, with plain HTTP.
#[test]
fn contract_password_grant_variants() {
    let grant = |sb: &Sandbox, password: &str| -> (u16, Value) {
        let url = format!(
            "{}{}/realms/expertflow/protocol/openid-connect/token",
            sb.url,
            sb.kc()
        );
        let form = [
            ("grant_type", "password"),
            ("client_id", "cim"),
            ("client_secret", "ef61df80-061c-4c29-b9ac-387e6bf67052"),
            ("username", "agent.email"),
            ("password", password),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()));
        sb.block(async move {
            let r = reqwest::Client::new()
                .post(url)
                .form(&form)
                .send()
                .await
                .unwrap();
            (r.status().as_u16(), r.json().await.unwrap_or(Value::Null))
        })
    };
    let error = |v: &Value| {
        format!(
            "{} {}",
            v["error"].as_str().unwrap_or(""),
            v["error_description"].as_str().unwrap_or("")
        )
    };
    let sb = with_keycloak(Keycloak {
        root_path: true,
        lockout_after: 1,
        ..Keycloak::default()
    });
    assert_eq!(grant(&sb, "agent-pass").0, 200, "served at the root");
    let (s, v) = grant(&sb, "wrong");
    assert_eq!(
        (s, error(&v)),
        (401, "invalid_grant Invalid user credentials".into())
    );
    let (s, v) = grant(&sb, "agent-pass");
    assert_eq!(
        (s, error(&v)),
        (401, "invalid_grant Invalid user credentials".into()),
        "locked out: the same answer"
    );
    let sb = Sandbox::with(Config {
        required_actions: vec![("agent.email".into(), "UPDATE_PASSWORD".into())],
        ..Config::default()
    });
    let (s, v) = grant(&sb, "agent-pass");
    assert_eq!(
        (s, error(&v)),
        (400, "invalid_grant Account is not fully set up".into())
    );
    let t = sb.admin_token();
    let (_, users) = sb.get(
        "/auth/admin/realms/expertflow/users?username=agent.email&exact=true",
        Some(&t),
    );
    assert_eq!(users[0]["requiredActions"], json!(["UPDATE_PASSWORD"]));
    let sb = with_keycloak(Keycloak {
        no_direct_grants: true,
        ..Keycloak::default()
    });
    let (s, v) = grant(&sb, "agent-pass");
    assert_eq!(
        (s, error(&v)),
        (
            400,
            "unauthorized_client Client not allowed for direct access grants".into()
        )
    );
}

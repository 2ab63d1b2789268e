//! The same jobs against a real Keycloak: the sandbox fronts it (`--keycloak-upstream`), so the
//! tenant API, channel manager, OTP manager and RSA server are emulated while every user read,
//! write, password grant and profile check is the real server's.
//!
//! Selected by `CX2FA_TEST_KEYCLOAK` (`name=URL,name=URL`, e.g.
//! `kc264=http://127.0.0.1:18080/auth,kc267=http://127.0.0.1:18081`) and
//! `CX2FA_TEST_KEYCLOAK_ADMIN_PASSWORD` (its master admin `admin`), which `.ci/run` sets after
//! `.ci/keycloak start`. Unset, each test says so and passes without a Keycloak (a developer's
//! `cargo test` needs no Java); in CI (`CI=true`) an unset variable is a failure.

use crate::support::{run, Sandbox};
use cx2fa_sandbox::upstream::Upstream;
use cx2fa_sandbox::Config;
use serde_json::{json, Value};

/// The real Keycloaks to test against: (name, base URL).
fn servers() -> Vec<(String, String)> {
    let Ok(list) = std::env::var("CX2FA_TEST_KEYCLOAK") else {
        assert!(
            std::env::var("CI").is_err(),
            "CI must run the real-Keycloak suite: CX2FA_TEST_KEYCLOAK is unset (see .ci/run)"
        );
        eprintln!("CX2FA_TEST_KEYCLOAK is unset: real-Keycloak test skipped (.ci/run sets it)");
        return vec![];
    };
    list.split(',')
        .filter_map(|p| p.split_once('='))
        .map(|(n, u)| (n.to_string(), u.trim_end_matches('/').to_string()))
        .collect()
}

fn admin_password() -> String {
    std::env::var("CX2FA_TEST_KEYCLOAK_ADMIN_PASSWORD")
        .expect("CX2FA_TEST_KEYCLOAK_ADMIN_PASSWORD goes with CX2FA_TEST_KEYCLOAK")
}

/// A sandbox in front of the real Keycloak at `url`, its realms given `unmanaged` as
/// `unmanagedAttributePolicy` (`None`: left absent, a new realm's default).
fn fronting(url: &str, unmanaged: Option<&str>) -> (Sandbox, Real) {
    let up = Upstream {
        url: url.to_string(),
        admin: ("admin".into(), admin_password()),
        suffix: Upstream::random_suffix(),
        unmanaged: unmanaged.map(str::to_string),
    };
    let suffix = up.suffix.clone();
    let sb = Sandbox::with(Config {
        upstream: Some(up),
        ..Config::default()
    });
    let real = Real {
        url: url.to_string(),
        realm: format!("expertflow{suffix}"),
    };
    (sb, real)
}

/// Keycloak's admin API, spoken directly (an independent check of what cx2fa did).
struct Real {
    url: String,
    realm: String,
}

impl Real {
    fn call(
        &self,
        sb: &Sandbox,
        method: reqwest::Method,
        path: &str,
        body: Option<Value>,
    ) -> (u16, Value) {
        let base = self.url.clone();
        let realm = self.realm.clone();
        let path = path.to_string();
        sb.block(async move {
            let c = reqwest::Client::new();
            let t: Value = c
                .post(format!(
                    "{base}/realms/master/protocol/openid-connect/token"
                ))
                .form(&[
                    ("grant_type", "password"),
                    ("client_id", "admin-cli"),
                    ("username", "admin"),
                    ("password", &admin_password()),
                ])
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            let mut r = c
                .request(method, format!("{base}/admin/realms/{realm}{path}"))
                .bearer_auth(t["access_token"].as_str().unwrap());
            if let Some(b) = body {
                r = r.json(&b);
            }
            let r = r.send().await.unwrap();
            let status = r.status().as_u16();
            (status, r.json().await.unwrap_or(Value::Null))
        })
    }
    fn set_policy(&self, sb: &Sandbox, policy: &str) {
        let (_, mut p) = self.call(sb, reqwest::Method::GET, "/users/profile", None);
        p["unmanagedAttributePolicy"] = json!(policy);
        let (s, v) = self.call(sb, reqwest::Method::PUT, "/users/profile", Some(p));
        assert_eq!(s, 200, "{v}");
    }
    fn user(&self, sb: &Sandbox, username: &str) -> Value {
        let (_, v) = self.call(
            sb,
            reqwest::Method::GET,
            &format!("/users?username={username}&exact=true"),
            None,
        );
        v[0].clone()
    }
}

fn json_of(out: &str) -> Value {
    serde_json::from_str(out).unwrap_or(Value::Null)
}

/// Status, posture and a reset, on each real Keycloak: the service account that Keycloak lists
/// is never counted or reset, and a reset keeps e-mail, names and unrelated attributes.
#[test]
fn status_and_reset_on_a_real_keycloak() {
    for (name, url) in servers() {
        let (sb, real) = fronting(&url, Some("ENABLED"));
        let (code, out, err) = run(sb.cmd().args(["user", "status", "-o", "json"]));
        assert_eq!(code, 0, "{name}: {err}");
        let v = json_of(&out);
        let users = v["users"].as_array().unwrap();
        assert!(
            users.iter().all(|u| !u["username"]
                .as_str()
                .unwrap()
                .starts_with("service-account-")),
            "{name}: {out}"
        );
        assert_eq!(users.len(), 12, "{name}: the seed's 12 users: {out}");
        let stale = users
            .iter()
            .find(|u| u["username"] == "agent.stale")
            .unwrap();
        assert!(
            stale["stale"].as_bool().unwrap_or(false)
                || !stale["staleFields"].as_array().unwrap().is_empty(),
            "{name}: {stale}"
        );

        let (code, _, err) = run(sb.cmd().args(["user", "reset", "agent.email", "--yes"]));
        assert_eq!(code, 0, "{name}: {err}");
        let u = real.user(&sb, "agent.email");
        assert_eq!(u["email"], "agent.email@example.test", "{name}: {u}");
        assert_eq!(u["firstName"], "agent.email", "{name}: {u}");
        assert_eq!(
            u["lastName"], "Sandbox",
            "{name}: the PUT never clears profile fields: {u}"
        );
        assert_eq!(
            u["attributes"],
            json!({"department": ["support"]}),
            "{name}: {u}"
        );

        let (code, out, err) =
            run(sb
                .cmd()
                .args(["user", "reset", "service-account-cim", "--yes"]));
        assert_ne!(code, 0, "{name}: a service account is never reset");
        assert!(out.contains("service account"), "{name}: {out} {err}");
    }
}

/// The whole login on each real Keycloak: EMAIL registration then return, the authenticator
/// app, RSA, and a wrong password (401 before 26.6, 400 since) as `wrong-password`.
#[test]
fn simulate_login_on_a_real_keycloak() {
    for (name, url) in servers() {
        let (sb, real) = fronting(&url, Some("ENABLED"));
        let login = |args: &[&str]| {
            let (code, out, err) = run(sb
                .cmd()
                .arg("simulate-login")
                .args(args)
                .args(["-o", "json"]));
            (code, json_of(&out), err)
        };
        let (code, t, err) = login(&[
            "--user",
            "agent.none",
            "--register-contact",
            "none@example.test",
            "--otp-from-outbox",
        ]);
        assert_eq!(code, 0, "{name}: {err}");
        assert_eq!(t["flow"], "registration", "{name}: {t}");
        let u = real.user(&sb, "agent.none");
        assert_eq!(
            u["attributes"]["is2FARegistered"],
            json!(["true"]),
            "{name}: {u}"
        );
        assert_eq!(
            u["email"], "none@example.test",
            "{name}: registration keeps the e-mail: {u}"
        );
        let (code, t, err) = login(&["--user", "agent.none", "--otp-from-outbox"]);
        assert_eq!(code, 0, "{name}: {err}");
        assert_eq!(t["flow"], "returning", "{name}: {t}");

        let (code, _, err) = run(sb
            .cmd()
            .env("APP", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
            .args([
                "simulate-login",
                "--user",
                "agent.app",
                "--totp-secret-env",
                "APP",
            ]));
        assert_eq!(code, 0, "{name}: {err}");

        let (_, tokencode, _) = run(sb.cmd().args(["sandbox", "rsa-code", "agent.rsa"]));
        let (code, _, err) = run(sb
            .cmd()
            .env("RSA", format!("rsapin01{}", tokencode.trim()))
            .args([
                "simulate-login",
                "--user",
                "agent.rsa",
                "--rsa-passcode-env",
                "RSA",
            ]));
        assert_eq!(code, 0, "{name}: {err}");

        let (code, t, err) = run(sb
            .cmd()
            .env("CX2FA_USER_PASSWORD", "not-the-password")
            .args([
                "simulate-login",
                "--user",
                "agent.email",
                "--expect",
                "wrong-password",
                "-o",
                "json",
            ]))
        .clone();
        assert_eq!(code, 0, "{name}: {err}");
        let t = json_of(&t);
        assert_eq!(
            t["steps"].as_array().unwrap().len(),
            1,
            "{name}: one attempt: {t}"
        );
    }
}

/// A disabled user and a user with a required action, as the real Keycloak answers them.
#[test]
fn refused_accounts_on_a_real_keycloak() {
    for (name, url) in servers() {
        let (sb, real) = fronting(&url, Some("ENABLED"));
        let mut u = real.user(&sb, "agent.sms");
        u["enabled"] = json!(false);
        let id = u["id"].as_str().unwrap().to_string();
        let (s, _) = real.call(&sb, reqwest::Method::PUT, &format!("/users/{id}"), Some(u));
        assert_eq!(s, 204, "{name}");
        let (code, _, err) = run(sb.cmd().args([
            "simulate-login",
            "--user",
            "agent.sms",
            "--expect",
            "account-disabled",
        ]));
        assert_eq!(code, 0, "{name}: {err}");

        let mut u = real.user(&sb, "agent.legacy");
        u["requiredActions"] = json!(["UPDATE_PASSWORD"]);
        let id = u["id"].as_str().unwrap().to_string();
        let (s, _) = real.call(&sb, reqwest::Method::PUT, &format!("/users/{id}"), Some(u));
        assert_eq!(s, 204, "{name}");
        let (code, _, err) = run(sb.cmd().args([
            "simulate-login",
            "--user",
            "agent.legacy",
            "--expect",
            "account-not-set-up",
        ]));
        assert_eq!(code, 0, "{name}: {err}");
    }
}

/// The user profile, configured for real: a new realm's absent policy hides the enrolment
/// attributes (cx2fa refuses rather than report everyone "not enrolled"); under ADMIN_VIEW
/// writes are refused before they are silently dropped (26.5.2+) or applied (before).
#[test]
fn user_profile_policies_on_a_real_keycloak() {
    for (name, url) in servers() {
        let (sb, _real) = fronting(&url, None);
        let (code, _, err) = run(sb.cmd().args(["user", "status", "agent.email"]));
        assert_eq!(code, 1, "{name}: hidden attributes are refused: {err}");
        assert!(
            err.contains("unmanagedAttributePolicy") || err.contains("user profile"),
            "{name}: {err}"
        );
        drop(sb);

        // Seeded writable, then made read-only (from 26.5.2 ADMIN_VIEW also drops the
        // attributes of a user being created).
        let (sb, real) = fronting(&url, Some("ENABLED"));
        real.set_policy(&sb, "ADMIN_VIEW");
        let (code, _, err) = run(sb.cmd().args(["user", "reset", "agent.email", "--yes"]));
        assert_eq!(
            code, 1,
            "{name}: read-only attributes are not written: {err}"
        );
        let u = real.user(&sb, "agent.email");
        assert_eq!(
            u["attributes"]["twoFAChannel"],
            json!(["EMAIL"]),
            "{name}: untouched: {u}"
        );
    }
}

//! The same jobs against a real Keycloak: the sandbox fronts it (`--keycloak-upstream`), so the
//! tenant API, channel manager, OTP manager and RSA server are emulated while every user read,
//! write, password grant and profile check is the real server's.
//!
//! Selected by `CX2FA_TEST_KEYCLOAK` (see `real.rs`).

use crate::real::{fronting, servers};
use crate::support::run;
use serde_json::{json, Value};

fn json_of(out: &str) -> Value {
    serde_json::from_str(out).unwrap_or(Value::Null)
}

/// Status, posture and a reset, on each real Keycloak: the service account that Keycloak lists
/// is never counted or reset, and a reset keeps e-mail, names and unrelated attributes.
#[test]
fn status_and_reset_on_a_real_keycloak() {
    for (name, url) in servers("real-Keycloak suite") {
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
    for (name, url) in servers("real-Keycloak suite") {
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
    for (name, url) in servers("real-Keycloak suite") {
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
    for (name, url) in servers("real-Keycloak suite") {
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

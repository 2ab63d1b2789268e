//! The same jobs against a real Keycloak: the sandbox fronts it (`--keycloak-upstream`), so the
//! tenant API, channel manager, OTP manager and RSA server are emulated while every user read,
//! write, password grant and profile check is the real server's.
//!
//! Selected by `CX2FA_TEST_KEYCLOAK` (see `real.rs`).

use crate::real::{fronting, fronting_with, servers};
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
        let o = run(sb.cmd().args(["user", "status", "-o", "json"]));
        assert_eq!(o.status, 0, "{name}: {o}");
        let v = json_of(&o.stdout);
        let users = v["users"].as_array().unwrap();
        assert!(
            users.iter().all(|u| !u["username"]
                .as_str()
                .unwrap()
                .starts_with("service-account-")),
            "{name}: {o}"
        );
        assert_eq!(users.len(), 12, "{name}: the seed's 12 users: {o}");
        let stale = users
            .iter()
            .find(|u| u["username"] == "agent.stale")
            .unwrap();
        assert!(
            stale["stale"].as_bool().unwrap_or(false)
                || !stale["staleFields"].as_array().unwrap().is_empty(),
            "{name}: {stale}"
        );

        let o = run(sb.cmd().args(["user", "reset", "agent.email", "--yes"]));
        assert_eq!(o.status, 0, "{name}: {o}");
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

        let o = run(sb
            .cmd()
            .args(["user", "reset", "service-account-cim", "--yes"]));
        assert_ne!(o.status, 0, "{name}: a service account is never reset");
        assert!(o.stdout.contains("service account"), "{name}: {o}");
    }
}

/// The whole login on each real Keycloak: EMAIL registration then return, the authenticator
/// app, RSA, and a wrong password (401 before 26.6, 400 since) as `wrong-password`.
#[test]
fn simulate_login_on_a_real_keycloak() {
    for (name, url) in servers("real-Keycloak suite") {
        let (sb, real) = fronting(&url, Some("ENABLED"));
        let login = |args: &[&str]| {
            let o = run(sb
                .cmd()
                .arg("simulate-login")
                .args(args)
                .args(["-o", "json"]));
            (o.status, json_of(&o.stdout), o.stderr)
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
        assert_eq!(o.status, 0, "{name}: {o}");

        let tokencode = run(sb.cmd().args(["sandbox", "rsa-code", "agent.rsa"])).stdout;
        let o = run(sb
            .cmd()
            .env("RSA", format!("rsapin01{}", tokencode.trim()))
            .args([
                "simulate-login",
                "--user",
                "agent.rsa",
                "--rsa-passcode-env",
                "RSA",
            ]));
        assert_eq!(o.status, 0, "{name}: {o}");

        let o = run(sb
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
        assert_eq!(o.status, 0, "{name}: {o}");
        let t = json_of(&o.stdout);
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
        let o = run(sb.cmd().args([
            "simulate-login",
            "--user",
            "agent.sms",
            "--expect",
            "account-disabled",
        ]));
        assert_eq!(o.status, 0, "{name}: {o}");

        let mut u = real.user(&sb, "agent.legacy");
        u["requiredActions"] = json!(["UPDATE_PASSWORD"]);
        let id = u["id"].as_str().unwrap().to_string();
        let (s, _) = real.call(&sb, reqwest::Method::PUT, &format!("/users/{id}"), Some(u));
        assert_eq!(s, 204, "{name}");
        let o = run(sb.cmd().args([
            "simulate-login",
            "--user",
            "agent.legacy",
            "--expect",
            "account-not-set-up",
        ]));
        assert_eq!(o.status, 0, "{name}: {o}");
    }
}

/// The user profile, configured for real: a new realm's absent policy hides the enrolment
/// attributes (cx2fa refuses rather than report everyone "not enrolled"); under ADMIN_VIEW
/// writes are refused before they are silently dropped (26.5.2+) or applied (before).
#[test]
fn user_profile_policies_on_a_real_keycloak() {
    for (name, url) in servers("real-Keycloak suite") {
        let (sb, _real) = fronting(&url, None);
        let o = run(sb.cmd().args(["user", "status", "agent.email"]));
        assert_eq!(o.status, 1, "{name}: hidden attributes are refused: {o}");
        assert!(
            o.stderr.contains("unmanagedAttributePolicy") || o.stderr.contains("user profile"),
            "{name}: {o}"
        );
        drop(sb);

        // Seeded writable, then made read-only (from 26.5.2 ADMIN_VIEW also drops the
        // attributes of a user being created).
        let (sb, real) = fronting(&url, Some("ENABLED"));
        real.set_policy(&sb, "ADMIN_VIEW");
        let o = run(sb.cmd().args(["user", "reset", "agent.email", "--yes"]));
        assert_eq!(
            o.status, 1,
            "{name}: read-only attributes are not written: {o}"
        );
        let u = real.user(&sb, "agent.email");
        assert_eq!(
            u["attributes"]["twoFAChannel"],
            json!(["EMAIL"]),
            "{name}: untouched: {u}"
        );
    }
}

/// The user profile's two ways to let the platform work, configured for real: an
/// `ADMIN_EDIT` policy, and (the fix a Keycloak admin would choose) the enrolment attributes
/// declared in the profile with admin view and edit and no unmanaged policy at all. Both read
/// and reset as on a Keycloak before 24.
#[test]
fn admin_edit_and_declared_attributes_on_a_real_keycloak() {
    for (name, url) in servers("real-Keycloak suite") {
        let (sb, real) = fronting(&url, Some("ADMIN_EDIT"));
        let o = run(sb
            .cmd()
            .args(["user", "status", "agent.email", "-o", "json"]));
        assert_eq!(o.status, 0, "{name}: {o}");
        assert_eq!(json_of(&o.stdout)["registered"], true, "{name}: {o}");
        let o = run(sb.cmd().args(["user", "reset", "agent.email", "--yes"]));
        assert_eq!(o.status, 0, "{name}: ADMIN_EDIT is writable: {o}");
        let u = real.user(&sb, "agent.email");
        assert!(u["attributes"].get("twoFAChannel").is_none(), "{name}: {u}");
        assert_eq!(u["email"], "agent.email@example.test", "{name}: {u}");
        drop(sb);

        let (sb, real) = fronting(&url, Some("ENABLED"));
        let (_, mut p) = real.call(&sb, reqwest::Method::GET, "/users/profile", None);
        let attrs = p["attributes"].as_array_mut().unwrap();
        for a in cx2fa_core::enrolment::ENROLMENT_ATTRS {
            attrs.push(json!({
                "name": a,
                "displayName": a,
                "permissions": {"view": ["admin"], "edit": ["admin"]},
                "multivalued": false
            }));
        }
        p.as_object_mut()
            .unwrap()
            .remove("unmanagedAttributePolicy");
        let (s, v) = real.call(&sb, reqwest::Method::PUT, "/users/profile", Some(p));
        assert_eq!(s, 200, "{name}: {v}");
        let o = run(sb.cmd().args(["user", "status", "agent.sms", "-o", "json"]));
        assert_eq!(o.status, 0, "{name}: declared attributes are read: {o}");
        assert_eq!(json_of(&o.stdout)["channel"], "SMS", "{name}: {o}");
        let o = run(sb.cmd().args(["user", "reset", "agent.sms", "--yes"]));
        assert_eq!(o.status, 0, "{name}: and written: {o}");
        // Undeclared attributes are hidden without an unmanaged policy: shown again to check
        // that the reset kept them.
        real.set_policy(&sb, "ENABLED");
        let u = real.user(&sb, "agent.sms");
        assert!(
            u["attributes"].get("twoFAChannel").is_none()
                && u["attributes"]["department"] == json!(["support"]),
            "{name}: enrolment gone, the rest kept: {u}"
        );
    }
}

/// Brute-force detection turned on in the realm: after the failures allowed, even the right
/// password is answered as a wrong one (Keycloak does not tell a locked account apart on the
/// password grant), which is what the sandbox's `lockout_after` emulates
/// (fidelity.rs `password_grant_failures_are_told_apart`); cx2fa says a lockout may be the
/// cause. A client with direct access grants off is told apart (`direct-grant-off`).
#[test]
fn lockout_and_direct_grants_off_on_a_real_keycloak() {
    for (name, url) in servers("real-Keycloak suite") {
        let (sb, real) = fronting(&url, Some("ENABLED"));
        real.patch_realm(
            &sb,
            json!({"bruteForceProtected": true, "failureFactor": 2, "permanentLockout": false,
                   "waitIncrementSeconds": 300, "maxFailureWaitSeconds": 900}),
        );
        let probe = |password: &str, expect: &str| {
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
            let o = probe("wrong", "wrong-password");
            assert_eq!(o.status, 0, "{name}: {o}");
        }
        let output = probe("agent-pass", "wrong-password");
        assert_eq!(
            output.status, 0,
            "{name}: locked out looks like a wrong password: {output}"
        );
        assert!(output.stdout.contains("locked out"), "{name}: {output}");

        // The tenant's client without direct access grants.
        let (_, clients) = real.call(&sb, reqwest::Method::GET, "/clients?clientId=cim", None);
        let mut c = clients[0].clone();
        c["directAccessGrantsEnabled"] = json!(false);
        let id = c["id"].as_str().unwrap().to_string();
        let (s, v) = real.call(
            &sb,
            reqwest::Method::PUT,
            &format!("/clients/{id}"),
            Some(c),
        );
        assert_eq!(s, 204, "{name}: {v}");
        let o = run(sb.cmd().env("CX2FA_USER_PASSWORD", "agent-pass").args([
            "simulate-login",
            "--user",
            "agent.sms",
            "--expect",
            "direct-grant-off",
            "-o",
            "json",
        ]));
        assert_eq!(o.status, 0, "{name}: {o}");
    }
}

/// The admin's token expires in the middle of a bulk run: here a client of the master realm
/// whose tokens live 30 s (Keycloak's default is 60 s, the case; shorter keeps CI
/// fast, and 10 s proved too short on a loaded CI machine, where a request could wait in
/// Keycloak's queue past a token's whole life), used with client credentials, which come
/// without a refresh token. cx2fa gets a new token and every row is done once, as the server
/// shows.
#[test]
fn admin_token_expiring_during_a_bulk_run_on_a_real_keycloak() {
    for (name, url) in servers("real-Keycloak suite") {
        let (sb, real) = fronting_with(
            &url,
            Some("ENABLED"),
            cx2fa_sandbox::Config {
                users: 40,
                ..cx2fa_sandbox::Config::default()
            },
        );
        let client_id = format!("cx2fa-short{}", real.suffix);
        let secret = "short-lived-secret-0123456789";
        let (s, v) = real.call_in(
            &sb,
            "master",
            reqwest::Method::POST,
            "/clients",
            Some(json!({
                "clientId": client_id,
                "publicClient": false,
                "secret": secret,
                "serviceAccountsEnabled": true,
                "standardFlowEnabled": false,
                "directAccessGrantsEnabled": false,
                "attributes": {"access.token.lifespan": "30"}
            })),
        );
        assert_eq!(s, 201, "{name}: {v}");
        let id = v["location"]
            .as_str()
            .unwrap()
            .rsplit('/')
            .next()
            .unwrap()
            .to_string();
        let (_, account) = real.call_in(
            &sb,
            "master",
            reqwest::Method::GET,
            &format!("/clients/{id}/service-account-user"),
            None,
        );
        let (_, admin_role) =
            real.call_in(&sb, "master", reqwest::Method::GET, "/roles/admin", None);
        let (s, v) = real.call_in(
            &sb,
            "master",
            reqwest::Method::POST,
            &format!(
                "/users/{}/role-mappings/realm",
                account["id"].as_str().unwrap()
            ),
            Some(json!([admin_role])),
        );
        assert_eq!(s, 204, "{name}: {v}");

        // 30 enrolled generated users, two requests each at one a second: a minute or more,
        // two lifetimes at least.
        let names: String = (1..=40)
            .filter(|i| i % 4 != 1)
            .take(30)
            .map(|i| format!("user{i:06}\n"))
            .collect();
        let (_d, names) = crate::support::file(names.as_bytes());
        let dir = tempfile::tempdir().unwrap();
        let report = dir.path().join("r.ndjson");
        let o = run(sb
            .cmd()
            .env_remove("CX2FA_USERNAME")
            .env_remove("CX2FA_PASSWORD")
            .env("CX2FA_CLIENT_ID", &client_id)
            .env("CX2FA_CLIENT_SECRET", secret)
            .args([
                "user",
                "reset",
                "--from",
                &names,
                "--yes",
                "--rate",
                "1",
                "--debug",
                "--report",
                report.to_str().unwrap(),
            ]));
        let tail: Vec<&str> = o.stderr.lines().rev().take(25).collect();
        assert_eq!(
            o.status,
            0,
            "{name}: {} ... {}",
            o.stdout,
            tail.into_iter().rev().collect::<Vec<_>>().join("\n")
        );
        let grants = o
            .stderr
            .lines()
            .filter(|l| l.contains("/realms/master/protocol/openid-connect/token"))
            .count();
        assert!(
            grants >= 2,
            "{name}: {grants} token request(s) in a run of two lifetimes"
        );
        let (total, done) = crate::support::report_usernames(&report);
        assert_eq!((total, done.len()), (30, 30), "{name}: every row once");
        for u in &done {
            assert!(
                real.user(&sb, u)["attributes"]
                    .get("twoFAChannel")
                    .is_none(),
                "{name}: {u} reset on the server"
            );
        }
        real.call_in(
            &sb,
            "master",
            reqwest::Method::DELETE,
            &format!("/clients/{id}"),
            None,
        );
    }
}

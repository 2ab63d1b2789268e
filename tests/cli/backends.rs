//! The same test bodies on every backend (#23): the plain sandbox, and the sandbox fronting
//! each real Keycloak `.ci/run` started (`real.rs`), where every user read and write, password
//! grant and profile check is the real server's. What passes on the emulation alone proves only
//! that cx2fa agrees with itself; these bodies must hold on both.

use crate::real::{fronting, servers};
use crate::support::{file, policy_to_sms, run, Sandbox};
use serde_json::Value;

/// (name, sandbox): the plain sandbox first, then one fronting each real Keycloak.
fn backends(suite: &str) -> Vec<(String, Sandbox)> {
    let mut out = vec![("sandbox".to_string(), Sandbox::start())];
    for (name, url) in servers(suite) {
        out.push((name, fronting(&url, Some("ENABLED")).0));
    }
    out
}

fn json(out: &str) -> Value {
    serde_json::from_str(out).unwrap_or(Value::Null)
}

/// `user status` of one user, as JSON.
fn status(sb: &Sandbox, tenant: &str, user: &str) -> Value {
    let o = run(sb
        .cmd()
        .args(["user", "status", "-t", tenant, user, "-o", "json"]));
    assert_eq!(o.status, 0, "{o}");
    json(&o.stdout)
}

/// Whether the user has any enrolment left (a reset removes it all).
fn enrolled(sb: &Sandbox, tenant: &str, user: &str) -> bool {
    let v = status(sb, tenant, user);
    assert!(v["enrolled"].is_boolean(), "{v}");
    v["enrolled"] == true
}

/// Reset: one user, a list with a name that does not exist (partial, exit 5), a resumed run
/// that skips what the report has finished, and a fleet run by filter over every tenant.
#[test]
fn reset_one_bulk_resume_and_fleet_on_every_backend() {
    for (name, sb) in backends("same-bodies suite") {
        for u in ["agent.stale", "agent.email", "agent.sms", "agent.app"] {
            assert!(
                enrolled(&sb, "expertflow", u),
                "{name}: {u} is seeded enrolled"
            );
        }
        let o = run(sb
            .cmd()
            .args(["user", "reset", "-t", "expertflow", "agent.stale", "--yes"]));
        assert_eq!(o.status, 0, "{name}: {o}");
        assert!(!enrolled(&sb, "expertflow", "agent.stale"), "{name}");

        let dir = tempfile::tempdir().unwrap();
        let report = dir.path().join("r.ndjson");
        let (_d, names) = file(b"username\nagent.email\nagent.sms\nnobody.here\n");
        let o = run(sb.cmd().args([
            "user",
            "reset",
            "-t",
            "expertflow",
            "--from",
            &names,
            "--yes",
            "--report",
            report.to_str().unwrap(),
            "-o",
            "json",
        ]));
        assert_eq!(
            o.status, 5,
            "{name}: a name not found makes the run partial: {o}"
        );
        let v = json(&o.stdout);
        assert_eq!(
            (&v["summary"]["reset"], &v["summary"]["notFound"]),
            (&Value::from(2), &Value::from(1)),
            "{name}: {v}"
        );
        assert_eq!(v["failed"][0]["username"], "nobody.here", "{name}: {v}");
        for u in ["agent.email", "agent.sms"] {
            assert!(!enrolled(&sb, "expertflow", u), "{name}: {u}");
        }

        // The same list again with one more name: only the new one is worked.
        let (_d2, more) = file(b"username\nagent.email\nagent.sms\nagent.app\n");
        let o = run(sb.cmd().args([
            "user",
            "reset",
            "-t",
            "expertflow",
            "--from",
            &more,
            "--resume",
            report.to_str().unwrap(),
            "--yes",
            "-o",
            "json",
        ]));
        assert_eq!(o.status, 0, "{name}: {o}");
        let v = json(&o.stdout);
        assert_eq!(
            (&v["summary"]["resumed"], &v["summary"]["reset"]),
            (&Value::from(2), &Value::from(1)),
            "{name}: {v}"
        );
        assert!(!enrolled(&sb, "expertflow", "agent.app"), "{name}");

        // Every tenant by filter: what is still stale (the bypassed and the RSA user) goes.
        let o = run(sb.cmd().args([
            "user",
            "reset",
            "--all-tenants",
            "--filter",
            "stale",
            "--yes",
            "-o",
            "json",
        ]));
        assert_eq!(o.status, 0, "{name}: {o}");
        let v = json(&o.stdout);
        assert!(v["summary"]["reset"].as_u64().unwrap() >= 2, "{name}: {v}");
        let o = run(sb
            .cmd()
            .args(["user", "status", "--all-tenants", "-o", "json"]));
        assert_eq!(o.status, 0, "{name}: {o}");
        let v = json(&o.stdout);
        let left: u64 = v["tenants"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                t["posture"]["stale"].as_u64().unwrap_or(0)
                    + t["posture"]["bypassed"].as_u64().unwrap_or(0)
            })
            .sum();
        assert_eq!(left, 0, "{name}: nothing stale left: {v}");
    }
}

/// Policy: the readiness verdict, a plan that shows a pending change (exit 10), the apply, and
/// the verdict after it, all reading the realm's users through the backend.
#[test]
fn policy_show_plan_apply_on_every_backend() {
    for (name, sb) in backends("same-bodies suite") {
        let o = run(sb
            .cmd()
            .args(["policy", "show", "-t", "expertflow", "-o", "json"]));
        // The seed has a bypassed user: NOT ready, exit 1.
        assert_eq!(o.status, 1, "{name}: {o}");
        let v = json(&o.stdout);
        assert_eq!(v["ready"], false, "{name}: {v}");

        let o = policy_to_sms(&sb, "plan", &["--exit-code"]);
        assert_eq!(o.status, 10, "{name}: {o}");
        let o = policy_to_sms(&sb, "enable", &["--yes"]);
        assert_eq!(o.status, 0, "{name}: {o}");
        let out = run(sb
            .cmd()
            .args(["policy", "show", "-t", "expertflow", "-o", "json"]))
        .stdout;
        let v = json(&out);
        assert_eq!(
            v["policy"]["channelType"], "SMS",
            "{name}: the tenant now uses SMS: {v}"
        );
        // The users registered for EMAIL are now the stale ones.
        let out = run(sb.cmd().args([
            "user",
            "status",
            "-t",
            "expertflow",
            "--filter",
            "stale",
            "-o",
            "json",
        ]))
        .stdout;
        let stale: Vec<String> = json(&out)["users"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u["username"].as_str().unwrap().to_string())
            .collect();
        assert!(
            stale.contains(&"agent.email".to_string()) && !stale.contains(&"agent.sms".to_string()),
            "{name}: {stale:?}"
        );
    }
}

/// `doctor`: every check of the deployment passes on each backend (the sandbox's Keycloak and
/// a real one behind it), and it says which Keycloak it found.
#[test]
fn doctor_on_every_backend() {
    for (name, sb) in backends("same-bodies suite") {
        let o = run(sb.cmd().args(["doctor", "-t", "acme", "-o", "json"]));
        let v = json(&o.stdout);
        let failed: Vec<&Value> = v["findings"]
            .as_array()
            .map(|f| f.iter().filter(|f| f["level"] == "fail").collect())
            .unwrap_or_default();
        assert!(failed.is_empty(), "{name}: {failed:?} {o}");
        assert_eq!(o.status, 0, "{name}: {o}");
    }
}

/// The whole login on every channel, registration then return, as `simulate-login` runs it:
/// EMAIL and SMS codes from the sandbox's outbox, the authenticator app from a known secret,
/// RSA SecurID from the emulated server's tokencode. What each login wrote is read back with
/// `user status` (on the real Keycloak: from the real server).
#[test]
fn simulate_login_every_channel_registration_and_return_on_every_backend() {
    const APP_SECRET: &str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    for (name, sb) in backends("same-bodies suite") {
        let login = |tenant: &str, user: &str, args: &[&str], env: &[(&str, String)]| {
            let mut c = sb.cmd();
            for (k, v) in env {
                c.env(k, v);
            }
            let o = run(c
                .args(["simulate-login", "-t", tenant, "--user", user])
                .args(args)
                .args(["-o", "json"]));
            assert_eq!(o.status, 0, "{name}: {tenant}/{user} {args:?}: {o}");
            let t = json(&o.stdout);
            assert_eq!(t["ending"], "success", "{name}: {tenant}/{user}: {t}");
            t["flow"].as_str().unwrap_or("").to_string()
        };
        let registered = |tenant: &str, user: &str, channel: &str| {
            let v = status(&sb, tenant, user);
            assert!(
                v["registered"] == true && v["channel"] == channel,
                "{name}: {tenant}/{user}: {v}"
            );
        };
        let enable = |tenant: &str, args: &[&str]| {
            let o = run(sb
                .cmd()
                .args(["policy", "enable", "-t", tenant, "--yes"])
                .args(args));
            assert_eq!(o.status, 0, "{name}: {o}");
        };
        let app = [("APP", APP_SECRET.to_string())];
        let rsa = || {
            let code = run(sb.cmd().args(["sandbox", "rsa-code", "agent.rsa"])).stdout;
            [("RSA", format!("rsapin01{}", code.trim()))]
        };

        // EMAIL (expertflow's channel).
        let reg = [
            "--register-contact",
            "none@example.test",
            "--otp-from-outbox",
        ];
        assert_eq!(login("expertflow", "agent.none", &reg, &[]), "registration");
        registered("expertflow", "agent.none", "EMAIL");
        assert_eq!(
            login("expertflow", "agent.none", &["--otp-from-outbox"], &[]),
            "returning"
        );

        // APP: acme turns it on; its agent registers with a secret the test knows.
        enable("acme", &["--channel", "APP"]);
        let totp = ["--totp-secret-env", "APP"];
        let reg = ["--register", "--totp-secret-env", "APP"];
        assert_eq!(login("acme", "acme.agent", &reg, &app), "registration");
        registered("acme", "acme.agent", "APP");
        assert_eq!(login("acme", "acme.agent", &totp, &app), "returning");

        // SMS: expertflow moves to SMS; a registered SMS user returns, a new one registers
        // with a phone number as the platform takes it (digits, no `+`).
        enable(
            "expertflow",
            &["--channel", "SMS", "--identifier", "+15550001000"],
        );
        assert_eq!(
            login("expertflow", "agent.sms", &["--otp-from-outbox"], &[]),
            "returning"
        );
        let reg = ["--register-contact", "15550100777", "--otp-from-outbox"];
        assert_eq!(
            login("expertflow", "agent.noattrs", &reg, &[]),
            "registration"
        );
        registered("expertflow", "agent.noattrs", "SMS");

        // RSA: expertflow moves to RSA; its RSA user, reset first, registers, then returns.
        enable("expertflow", &["--channel", "RSA"]);
        let o = run(sb
            .cmd()
            .args(["user", "reset", "-t", "expertflow", "agent.rsa", "--yes"]));
        assert_eq!(o.status, 0, "{name}: {o}");
        let pass = ["--register", "--rsa-passcode-env", "RSA"];
        assert_eq!(
            login("expertflow", "agent.rsa", &pass, &rsa()),
            "registration"
        );
        registered("expertflow", "agent.rsa", "RSA");
        // A new tokencode: the one just used is spent.
        std::thread::sleep(std::time::Duration::from_millis(50));
        assert_eq!(
            login(
                "expertflow",
                "agent.rsa",
                &["--rsa-passcode-env", "RSA"],
                &rsa()
            ),
            "returning"
        );
    }
}

//! `doctor` names the broken piece of a setup.

use crate::support::{run, Sandbox};
use serde_json::Value;

fn findings(out: &str) -> Vec<(String, String)> {
    let v: Value = serde_json::from_str(out).unwrap();
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["check"].as_str().unwrap().into(),
                f["level"].as_str().unwrap().into(),
            )
        })
        .collect()
}

#[test]
fn a_working_setup_passes() {
    let sb = Sandbox::start();
    let o = run(sb.cmd().args(["doctor", "-o", "json"]));
    assert_eq!(o.status, 0, "{o}");
    let f = findings(&o.stdout);
    for check in [
        "deployment URL",
        "credentials",
        "admin token",
        "tenant API",
        "clock",
        "channel manager",
        "OTP manager",
        "RSA SecurID",
    ] {
        assert!(
            f.contains(&(check.to_string(), "ok".to_string())),
            "{check}: {f:?}"
        );
    }
}

#[test]
fn each_broken_piece_is_named_with_its_fix() {
    let sb = Sandbox::start();
    let o = run(sb
        .cmd()
        .env_remove("CX2FA_OTP_MANAGER_URL")
        .args(["doctor", "-o", "json"]));
    assert_eq!(o.status, 1);
    assert!(findings(&o.stdout).contains(&("OTP manager".into(), "fail".into())));
    assert!(
        o.stdout
            .contains("--otp-manager-url http://localhost:<port>/"),
        "{o}"
    );
    let o = run(sb
        .cmd()
        .env("CX2FA_PASSWORD", "nope")
        .args(["doctor", "-o", "json"]));
    assert_eq!(o.status, 1);
    assert!(
        findings(&o.stdout).contains(&("admin token".into(), "fail".into())),
        "{o}"
    );
    let o = run(sb
        .cmd()
        .env("CX2FA_URL", "http://127.0.0.1:9")
        .args(["doctor", "-o", "json"]));
    assert_eq!(o.status, 1);
    assert!(o.stdout.contains("cannot reach"), "{o}");
    let o = run(sb
        .cmd()
        .env_remove("CX2FA_URL")
        .args(["doctor", "-o", "json"]));
    assert_eq!(o.status, 1);
    assert!(
        findings(&o.stdout).contains(&("deployment URL".into(), "fail".into())),
        "{o}"
    );
}

/// #24: a realm whose user profile makes the enrolment read-only (ADMIN_VIEW) is a failure:
/// the platform's own registration writes are dropped, so nobody can register.
#[test]
fn a_read_only_enrolment_is_a_failure() {
    let sb = crate::support::Sandbox::with(cx2fa_sandbox::Config {
        keycloak: cx2fa_sandbox::variant::Keycloak {
            profile: Some(cx2fa_sandbox::variant::UserProfile {
                unmanaged: cx2fa_sandbox::variant::Unmanaged::AdminView,
                declared: vec![],
            }),
            ..Default::default()
        },
        ..Default::default()
    });
    let o = crate::support::run(sb.cmd().args(["doctor", "-o", "json"]));
    assert_ne!(o.status, 0, "{o}");
    let v: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    let row = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["check"] == "user profile: expertflow")
        .unwrap();
    assert_eq!(row["level"], "fail", "{row}");
    let o = crate::support::run(sb.cmd().args(["policy", "show"]));
    assert_eq!(o.status, 1, "{o}");
}

/// #24: the RSA texts are the platform's (connector 1.9.3-RC8) for a refused passcode.
#[test]
fn a_refused_rsa_passcode_shows_the_platforms_words() {
    let sb = crate::support::Sandbox::start();
    let o = crate::support::run(sb.cmd().env("RSA", "rsapin01000000").args([
        "simulate-login",
        "--user",
        "agent.rsa",
        "--rsa-passcode-env",
        "RSA",
        "--expect",
        "invalid-otp",
    ]));
    assert_eq!(o.status, 0, "{o}");
    assert!(
        o.stderr
            .contains("Invalid verification code. Please try again."),
        "{o}"
    );
}

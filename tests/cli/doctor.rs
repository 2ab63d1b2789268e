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
    let (code, out, err) = run(sb.cmd().args(["doctor", "-o", "json"]));
    assert_eq!(code, 0, "{out}{err}");
    let f = findings(&out);
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
    let (code, out, _) = run(sb
        .cmd()
        .env_remove("CX2FA_OTP_MANAGER_URL")
        .args(["doctor", "-o", "json"]));
    assert_eq!(code, 1);
    assert!(findings(&out).contains(&("OTP manager".into(), "fail".into())));
    assert!(
        out.contains("--otp-manager-url http://localhost:<port>/"),
        "{out}"
    );
    let (code, out, _) = run(sb
        .cmd()
        .env("CX2FA_PASSWORD", "nope")
        .args(["doctor", "-o", "json"]));
    assert_eq!(code, 1);
    assert!(
        findings(&out).contains(&("admin token".into(), "fail".into())),
        "{out}"
    );
    let (code, out, _) = run(sb
        .cmd()
        .env("CX2FA_URL", "http://127.0.0.1:9")
        .args(["doctor", "-o", "json"]));
    assert_eq!(code, 1);
    assert!(out.contains("cannot reach"), "{out}");
    let (code, out, _) = run(sb
        .cmd()
        .env_remove("CX2FA_URL")
        .args(["doctor", "-o", "json"]));
    assert_eq!(code, 1);
    assert!(
        findings(&out).contains(&("deployment URL".into(), "fail".into())),
        "{out}"
    );
}

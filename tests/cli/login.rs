//! simulate-login, scripted, for every channel and every documented ending.

use crate::support::{run, Sandbox};
use serde_json::Value;

fn login(sb: &Sandbox, args: &[&str]) -> (i32, Value, String) {
    let o = run(sb
        .cmd()
        .arg("simulate-login")
        .args(args)
        .args(["-o", "json"]));
    (
        o.status,
        serde_json::from_str(&o.stdout).unwrap_or(Value::Null),
        o.stderr,
    )
}

#[test]
fn email_registration_then_return() {
    let sb = Sandbox::start();
    let (code, t, err) = login(
        &sb,
        &[
            "--user",
            "agent.none",
            "--register-contact",
            "none@example.test",
            "--otp-from-outbox",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(t["flow"], "registration");
    assert_eq!(t["ending"], "success");
    let a = sb.attrs("expertflow", "agent.none");
    assert_eq!(a["is2FARegistered"], serde_json::json!(["true"]));
    assert_eq!(
        a["customerChannelIdentifier"],
        serde_json::json!(["none@example.test"])
    );
    assert_eq!(
        a["department"],
        serde_json::json!(["sales"]),
        "unrelated attributes survive"
    );
    let (code, t, _) = login(&sb, &["--user", "agent.none", "--otp-from-outbox"]);
    assert_eq!(code, 0);
    assert_eq!(t["flow"], "returning");
}

#[test]
fn every_expectation_holds_or_fails() {
    let sb = Sandbox::start();
    assert_eq!(
        login(
            &sb,
            &[
                "--user",
                "agent.email",
                "--otp",
                "000000",
                "--expect",
                "invalid-otp"
            ]
        )
        .0,
        0
    );
    assert_eq!(
        login(
            &sb,
            &[
                "--user",
                "agent.email",
                "--otp",
                "000000",
                "--expect",
                "max-attempts"
            ]
        )
        .0,
        0
    );
    let (code, _, err) = login(
        &sb,
        &[
            "--user",
            "agent.email",
            "--otp",
            "000000",
            "--expect",
            "success",
        ],
    );
    assert_eq!(code, 1);
    assert!(err.contains("expected the login to end `success`"), "{err}");
    // Expired: the --otp-cmd moves the sandbox's clock past the expiry, then reads the code.
    // The child gets no CX2FA_ variable: the helpers' token is on its command line.
    let cmd = format!("curl -s -H 'X-Sandbox-Token: {t}' -X POST -d '{{\"advanceSeconds\": 120}}' {u}/sandbox/clock >/dev/null; curl -s -H 'X-Sandbox-Token: {t}' {u}/sandbox/outbox | grep -o '\"code\":\"[0-9]*\"' | tail -1 | tr -dc 0-9", u = sb.url, t = sb.token);
    let (code, t, err) = login(
        &sb,
        &[
            "--user",
            "agent.email",
            "--otp-cmd",
            &cmd,
            "--expect",
            "expired",
        ],
    );
    assert_eq!(code, 0, "{t} {err}");
}

#[test]
fn app_and_rsa() {
    let sb = Sandbox::start();
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
    let tokencode = run(sb.cmd().args(["sandbox", "rsa-code", "agent.rsa"])).stdout;
    let pass = format!("rsapin01{}", tokencode.trim());
    let o = run(sb.cmd().env("RSA", &pass).args([
        "simulate-login",
        "--user",
        "agent.rsa",
        "--rsa-passcode-env",
        "RSA",
    ]));
    assert_eq!(o.status, 0, "{o}");
    let o = run(sb.cmd().env("RSA", "rsapin01000000").args([
        "simulate-login",
        "--user",
        "agent.rsa",
        "--rsa-passcode-env",
        "RSA",
        "--expect",
        "invalid-otp",
    ]));
    assert_eq!(
        o.status, 0,
        "a rejected passcode is `invalid-otp`, as for every channel"
    );
    assert!(o.stdout.contains("wrong PIN or tokencode"), "{o}");
    // An RSA server that cannot be reached decided nothing: no expectation is satisfied.
    for expect in ["invalid-otp", "success"] {
        let o = run(sb
            .cmd()
            .env("RSA", &pass)
            .env("CX2FA_RSA_URL", "http://127.0.0.1:9/")
            .args([
                "simulate-login",
                "--user",
                "agent.rsa",
                "--rsa-passcode-env",
                "RSA",
                "--expect",
                expect,
            ]));
        assert_eq!(o.status, 4, "--expect {expect} with RSA down: {o}");
        assert!(o.stderr.contains("unreachable"), "{o}");
    }
    let o = run(sb.cmd().env("RSA", &pass).args([
        "simulate-login",
        "--user",
        "agent.rsa",
        "--rsa-passcode-env",
        "RSA",
        "--expect",
        "rsa-failed",
    ]));
    assert_eq!(o.status, 2, "`rsa-failed` is gone: {o}");
    let o = run(sb.cmd().env("RSA", "short").args([
        "simulate-login",
        "--user",
        "agent.rsa",
        "--rsa-passcode-env",
        "RSA",
    ]));
    assert_eq!(
        o.status, 1,
        "a malformed scripted passcode is refused before sending: {o}"
    );
    insta::assert_snapshot!(o.final_error(), @r"
        error: the RSA passcode from the environment is malformed; nothing was sent to the RSA server

        Caused by:
            no enrolment attribute was written
    ");
    // An APP registration with a secret the script keeps, once the tenant's channel is APP.
    assert_eq!(
        run(sb
            .cmd()
            .args(["policy", "enable", "--channel", "APP", "--yes"]))
        .status,
        0
    );
    let o = run(sb
        .cmd()
        .env("APP", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
        .args([
            "simulate-login",
            "--user",
            "agent.noattrs",
            "--totp-secret-env",
            "APP",
            "--register",
        ]));
    assert_eq!(o.status, 0, "{o}");
    let a = sb.attrs("expertflow", "agent.noattrs");
    assert_eq!(
        a["otpSecret"],
        serde_json::json!(["GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"])
    );
    assert!(
        a.get("tempOTPSecret").is_none() && a["is2FARegistered"] == serde_json::json!(["true"])
    );
}

#[test]
fn bad_input_and_disabled_2fa() {
    let sb = Sandbox::start();
    let o = run(sb.cmd().env("CX2FA_USER_PASSWORD", "nope").args([
        "simulate-login",
        "--user",
        "agent.email",
        "--otp",
        "1",
    ]));
    assert_eq!(o.status, 3, "{o}");
    let o = run(sb.cmd().args([
        "simulate-login",
        "--user",
        "agent.none",
        "--register-contact",
        "not-an-email",
        "--otp-from-outbox",
    ]));
    assert_eq!(o.status, 1, "{o}");
    insta::assert_snapshot!(o.final_error(), @r"
        error: the address given with `--register-contact` was refused

        hint: pass an email address or 7–15 digits with no `+` (the platform's rule)
    ");
    let o = run(sb.cmd().args([
        "simulate-login",
        "-t",
        "acme",
        "--user",
        "acme.agent",
        "--otp",
        "1",
    ]));
    assert_eq!(o.status, 0);
    assert!(o.stdout.contains("2FA disabled"), "{o}");
    let o = run(sb
        .cmd()
        .env("CX2FA_OTP_MANAGER_URL", "http://127.0.0.1:9/")
        .args(["simulate-login", "--user", "agent.email", "--otp", "1"]));
    assert_eq!(o.status, 4, "{o}");
    insta::assert_snapshot!(o.final_error(), @r"
        error: cannot reach `http://127.0.0.1:9/otp/generate`

        Caused by:
            error sending request for url (http://127.0.0.1:9/otp/generate): client error (Connect): tcp connect error: Connection refused (os error 111)
            no enrolment attribute was written

        hint: the OTP manager is usually in-cluster: port-forward it and pass `--otp-manager-url http://localhost:PORT/`
    ");
    // The OTP manager down never satisfies an expectation either.
    let o = run(sb
        .cmd()
        .env("CX2FA_OTP_MANAGER_URL", "http://127.0.0.1:9/")
        .args([
            "simulate-login",
            "--user",
            "agent.email",
            "--otp",
            "000000",
            "--expect",
            "invalid-otp",
        ]));
    assert_eq!(o.status, 4, "{o}");
}

#[test]
fn a_refused_password_is_an_outcome_that_can_be_expected_in_one_attempt() {
    let sb = Sandbox::start();
    let o = run(sb.cmd().env("CX2FA_USER_PASSWORD", "nope").args([
        "simulate-login",
        "--user",
        "agent.email",
        "--expect",
        "wrong-password",
        "-o",
        "json",
    ]));
    assert_eq!(o.status, 0, "{o}");
    let v: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(v["ending"], "wrong-password");
    assert_eq!(v["steps"].as_array().unwrap().len(), 1, "one attempt: {o}");
    // Expecting success, a wrong password is a mismatch (exit 1); unasserted it stays exit 3.
    let o = run(sb.cmd().env("CX2FA_USER_PASSWORD", "nope").args([
        "simulate-login",
        "--user",
        "agent.email",
        "--expect",
        "success",
    ]));
    assert_eq!(o.status, 1, "{o}");
    assert!(o.stderr.contains("wrong-password"), "{o}");
}

/// Keycloak 26.6+ answers a wrong password 400 (401 before): still `wrong-password`, in one
/// attempt, never a platform error.
#[test]
fn a_wrong_password_answered_400_as_keycloak_26_6_does_is_still_wrong_password() {
    let sb = Sandbox::with(cx2fa_sandbox::Config {
        keycloak: cx2fa_sandbox::variant::Keycloak {
            wrong_password_400: true,
            ..Default::default()
        },
        ..Default::default()
    });
    let o = run(sb.cmd().env("CX2FA_USER_PASSWORD", "nope").args([
        "simulate-login",
        "--user",
        "agent.email",
        "--expect",
        "wrong-password",
        "-o",
        "json",
    ]));
    assert_eq!(o.status, 0, "{o}");
    let v: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(v["ending"], "wrong-password", "{o}");
    assert_eq!(v["steps"].as_array().unwrap().len(), 1, "{o}");
}

/// #24/#25: simulate-login decides as the platform's own login (connector 1.9.3-RC8) does,
/// never reporting success where that login would fail or be bypassed.
#[test]
fn the_platforms_own_decisions_are_reproduced() {
    let sb = Sandbox::start();
    // Registered for SMS on a tenant that now uses EMAIL: the platform generates an EMAIL OTP
    // for the tenant's identifier and verifies against the user's SMS copy.
    let (code, t, err) = login(&sb, &["--user", "agent.sms", "--otp-from-outbox"]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(t["ending"], "would-fail", "{t}");
    assert!(
        t["message"]
            .as_str()
            .unwrap()
            .contains("the tenant now uses EMAIL"),
        "{t}"
    );
    // A lower-case channel written by connector 1.7.x: no OTP is asked, any code passes.
    let (code, t, err) = login(&sb, &["--user", "agent.legacy", "--otp", "000000"]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(t["ending"], "bypassed", "{t}");
    let (code, _, err) = login(
        &sb,
        &[
            "--user",
            "agent.legacy",
            "--otp",
            "000000",
            "--expect",
            "bypassed",
        ],
    );
    assert_eq!(code, 0, "a probe can assert it: {err}");
    // A stale identifier: generated for the tenant's, verified against the user's copy.
    let (code, t, err) = login(&sb, &["--user", "agent.stale", "--otp-from-outbox"]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(t["ending"], "invalid-otp", "{t}");
    let steps = t["steps"].as_array().unwrap();
    assert!(
        steps
            .iter()
            .any(|s| s["step"] == "platform" && s["outcome"] == "mismatch"),
        "{t}"
    );
}

/// #26.4: a scripted login of an unregistered user stops before writing anything unless it
/// is told to register them.
#[test]
fn a_scripted_login_registers_only_when_told_to() {
    let sb = Sandbox::start();
    let o = run(sb
        .cmd()
        .env("APP", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
        .args([
            "simulate-login",
            "--user",
            "agent.noattrs",
            "--totp-secret-env",
            "APP",
        ]));
    assert_eq!(o.status, 1, "{o}");
    insta::assert_snapshot!(o.final_error(), @r"
        error: `agent.noattrs` is not registered for 2FA: this login would register them for EMAIL, writing their enrolment in Keycloak

        hint: pass `--register` (or `--register-contact ADDR`) to register them; nothing was written
    ");
    assert!(
        sb.attrs("expertflow", "agent.noattrs")
            .get("twoFAChannel")
            .is_none(),
        "nothing written"
    );
}

/// #24: the tenant's own Otp_Manager_Url without its `/` breaks the platform's requests even
/// where cx2fa can work around it: never a success.
#[test]
fn a_tenant_url_the_platform_cannot_use_is_not_a_success() {
    let sb = Sandbox::start();
    let mut doc = sb.tenant("expertflow");
    doc["tenantSettings"]["keyCloak"]["Otp_Manager_Url"] =
        "http://ef-cx-otp-manager-svc:3000".into();
    let status = sb.put_tenant("expertflow", &doc);
    assert_eq!(status, 200);
    let (code, t, err) = login(&sb, &["--user", "agent.email", "--otp-from-outbox"]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(t["ending"], "would-fail", "{t}");
    assert!(
        t["message"].as_str().unwrap().contains("3000otp/generate"),
        "{t}"
    );
}

/// #24: the platform (speakeasy, window 0) takes only the current 30 s step's code: the
/// previous step's code, which a ±1 window would take, is refused.
#[test]
fn only_the_current_totp_step_is_accepted() {
    let sb = Sandbox::start();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    let previous = cx2fa_core::totp::code(secret, 30, now - 30).unwrap();
    let current = cx2fa_core::totp::code(secret, 30, now).unwrap();
    if previous == current {
        return; // one chance in a million: nothing to tell apart
    }
    let (code, t, err) = login(
        &sb,
        &[
            "--user",
            "agent.app",
            "--otp",
            &previous,
            "--expect",
            "invalid-otp",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(t["ending"], "invalid-otp", "{t}");
}

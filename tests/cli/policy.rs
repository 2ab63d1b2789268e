//! The admin's job against the sandbox: plan, apply, idempotency, nothing lost, bad input.

use crate::support::{file, run, Sandbox, UPDATE_EMAIL};
use cx2fa_sandbox::Config;
use serde_json::Value;

/// Every field outside the intended ones, compared textually.
fn without_2fa(mut doc: Value) -> String {
    let s = doc["tenantSettings"].as_object_mut().unwrap();
    s.remove("twoFAConfigs");
    s["keyCloak"]
        .as_object_mut()
        .unwrap()
        .remove("Otp_Manager_Url");
    serde_json::to_string(&doc).unwrap()
}

#[test]
fn off_to_email_to_sms_and_back_loses_nothing() {
    let sb = Sandbox::start();
    let before = sb.tenant("expertflow");
    let rest = without_2fa(before.clone());
    assert!(
        rest.contains(r#""sampleRate":1.10,"exportId":123456789012345678901234567890"#),
        "seed keeps number text"
    );

    let (code, _, err) = run(sb
        .cmd()
        .args(["policy", "disable", "-t", "expertflow", "--yes"]));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("disabling 2FA affects 12 user(s)"), "{err}");
    let (_d, email) = file(UPDATE_EMAIL.as_bytes());
    let (code, out, _) = run(sb.cmd().args([
        "policy",
        "plan",
        "-t",
        "expertflow",
        "-f",
        &email,
        "--exit-code",
    ]));
    assert_eq!(code, 10, "{out}");
    assert!(out.contains(r#"/tenantSettings/twoFAConfigs/channelServiceIdentifier ┆ "otp-mail@example.test" ┆ "support@example.test""#), "{out}");
    let (code, out, err) = run(sb.cmd().args([
        "policy",
        "apply",
        "-t",
        "expertflow",
        "-f",
        &email,
        "--yes",
        "-o",
        "json",
    ]));
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["tenants"][0]["status"], "applied");
    assert!(std::path::Path::new(v["tenants"][0]["backup"].as_str().unwrap()).exists());

    let (code, _, err) = run(sb.cmd().args([
        "policy",
        "enable",
        "-t",
        "expertflow",
        "--channel",
        "SMS",
        "--identifier",
        "+15550001000",
        "--expiry",
        "90",
        "--yes",
    ]));
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("enrolled user(s) will hold a policy copy"),
        "{err}"
    );
    let after = sb.tenant("expertflow");
    assert_eq!(
        after["tenantSettings"]["twoFAConfigs"],
        serde_json::json!({"is2FAEnabled": true, "channelType": "SMS", "channelServiceIdentifier": "+15550001000", "otpExpiry": 90, "otpMaxAttempts": 3})
    );
    assert_eq!(without_2fa(after), rest, "every other byte survives");

    // The same again writes nothing.
    let n = std::fs::read_dir(sb.backups()).unwrap().count();
    let (code, out, err) = run(sb.cmd().args([
        "policy",
        "enable",
        "-t",
        "expertflow",
        "--channel",
        "SMS",
        "--identifier",
        "+15550001000",
        "--expiry",
        "90",
        "--yes",
    ]));
    assert_eq!(code, 0);
    assert!(
        out.contains("no-changes") && err.contains("no changes"),
        "{out}{err}"
    );
    assert_eq!(
        std::fs::read_dir(sb.backups()).unwrap().count(),
        n,
        "no write, no backup"
    );

    // Back to the original through a backup.
    let first = std::fs::read_dir(sb.backups())
        .unwrap()
        .map(|e| e.unwrap().path())
        .min()
        .unwrap();
    // A path is `--file`; the positional argument is a name in the backup directory only,
    // so a same-named file in the current directory can never stand in for a backup.
    let name = first.file_name().unwrap().to_str().unwrap().to_string();
    let decoy = tempfile::tempdir().unwrap();
    std::fs::write(decoy.path().join(&name), r#"{"tenantId":"expertflow"}"#).unwrap();
    let (code, out, err) =
        run(sb
            .cmd()
            .current_dir(decoy.path())
            .args(["tenant", "restore", &name, "--dry-run"]));
    assert_eq!(code, 0, "{err}");
    // The plan is the command's output (#26.10: a report in every mode, on stdout).
    assert!(
        out.contains("twoFAConfigs")
            && !out.contains("tenantName")
            && out.contains("would be restored"),
        "the backup was planned, not the decoy: {out}"
    );
    let (_, out, _) = run(sb
        .cmd()
        .args(["tenant", "restore", &name, "--dry-run", "-o", "json"]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["status"], "would-restore", "{v}");
    let (code, _, err) =
        run(sb
            .cmd()
            .args(["tenant", "restore", first.to_str().unwrap(), "--yes"]));
    assert_eq!(code, 2, "a path is not a name: {err}");
    // Onto another deployment: refused without `--force`, naming both.
    let (code, _, err) = run(sb.cmd().args([
        "tenant",
        "restore",
        &name,
        "--yes",
        "--url",
        "http://127.0.0.1:9",
    ]));
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(&sb.url) && err.contains("http://127.0.0.1:9/"),
        "{err}"
    );
    let (code, _, err) = run(sb.cmd().args([
        "tenant",
        "restore",
        "--file",
        first.to_str().unwrap(),
        "--yes",
    ]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        serde_json::to_string(&sb.tenant("expertflow")).unwrap(),
        serde_json::to_string(&before).unwrap()
    );
}

#[test]
fn backups_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let sb = Sandbox::start();
    assert_eq!(run(sb.cmd().args(["policy", "disable", "--yes"])).0, 0);
    let f = std::fs::read_dir(sb.backups())
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    assert_eq!(
        std::fs::metadata(&f).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let (code, out, _) = run(sb.cmd().args(["tenant", "backups"]));
    assert_eq!(code, 0);
    assert!(out.contains("expertflow-"), "{out}");
}

#[test]
fn refusals_have_the_documented_exit_codes() {
    let sb = Sandbox::start();
    let (_d, email) = file(
        UPDATE_EMAIL
            .replace("support@example.test", "nobody@example.test")
            .as_bytes(),
    );
    let (code, _, err) = run(sb
        .cmd()
        .args(["policy", "apply", "-t", "acme", "-f", &email, "--yes"]));
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("no channel with service identifier `nobody@example.test`"),
        "{err}"
    );
    let (_e, sms_as_email) = file(
        UPDATE_EMAIL
            .replace("support@example.test", "web-widget@example.test")
            .as_bytes(),
    );
    assert_eq!(
        run(sb.cmd().args([
            "policy",
            "apply",
            "-t",
            "acme",
            "-f",
            &sms_as_email,
            "--yes"
        ]))
        .0,
        1
    );
    let (_f, ok) = file(UPDATE_EMAIL.as_bytes());
    let (code, _, err) = run(sb.cmd().args(["policy", "apply", "-t", "acme", "-f", &ok]));
    assert_eq!(code, 2, "no terminal, no --yes: {err}");
    assert!(err.contains("pass `--yes`"));
    let (code, _, err) = run(sb.cmd().args([
        "policy",
        "enable",
        "-t",
        "acme",
        "--channel",
        "EMAIL",
        "--identifier",
        "support@example.test",
        "--yes",
    ]));
    assert_eq!(code, 1, "acme has no Otp_Manager_Url: {err}");
    assert!(err.contains("Otp_Manager_Url"), "{err}");
    let (code, _, err) = run(sb.cmd().args(["policy", "show", "-t", "acmee"]));
    assert_eq!(code, 1);
    assert!(err.contains("did you mean `acme`?"), "{err}");
    let (code, _, err) = run(sb
        .cmd()
        .env("CX2FA_PASSWORD", "wrong")
        .args(["policy", "show"]));
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("Invalid user credentials"), "{err}");
    let (code, _, err) = run(sb
        .cmd()
        .env("CX2FA_URL", "http://127.0.0.1:9")
        .args(["tenant", "list"]));
    assert_eq!(code, 4, "{err}");
    assert!(
        err.contains(
            "cannot reach `http://127.0.0.1:9/auth/realms/master/protocol/openid-connect/token`"
        ),
        "{err}"
    );
    let (code, _, err) = run(sb
        .cmd()
        .env_remove("CX2FA_PASSWORD")
        .args(["tenant", "list"]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("CX2FA_PASSWORD"));
    // Not one of those changed the tenant.
    assert_eq!(
        sb.tenant("acme")["tenantSettings"]["twoFAConfigs"],
        serde_json::json!({"is2FAEnabled": false})
    );
}

#[test]
fn many_tenants_in_one_run_with_a_summary() {
    let sb = Sandbox::start();
    let (_d, email) = file(UPDATE_EMAIL.as_bytes());
    let (code, out, err) = run(sb.cmd().args([
        "policy",
        "apply",
        "-t",
        "acme",
        "-t",
        "expertflow",
        "-t",
        "ghost",
        "-f",
        &email,
        "--yes",
    ]));
    assert_eq!(code, 5, "{out}{err}");
    assert!(
        out.contains("tenant `acme`: applied")
            && out.contains("tenant `expertflow`: applied")
            && out.contains("tenant `ghost`: failed"),
        "{out}"
    );
    assert_eq!(
        sb.tenant("acme")["tenantSettings"]["twoFAConfigs"]["channelServiceIdentifier"],
        "support@example.test"
    );
}

#[test]
fn list_endpoint_missing_falls_back_to_the_probe() {
    let sb = Sandbox::with(Config {
        no_channel_list: true,
        ..Default::default()
    });
    let (code, out, _) = run(sb.cmd().args(["channel", "check"]));
    assert_eq!(code, 0);
    assert!(out.contains("its type was not verified"), "{out}");
}

#[test]
fn writes_survive_faults_without_half_changes() {
    let spec = "rate=0.3,kinds=500|429|reset|500-after-write,seed=11"
        .parse()
        .unwrap();
    let sb = Sandbox::with(Config {
        faults: Some(spec),
        ..Default::default()
    });
    let rest = without_2fa(sb.tenant("expertflow"));
    for channel in ["SMS", "EMAIL", "SMS", "EMAIL", "SMS"] {
        let id = if channel == "SMS" {
            "+15550001000"
        } else {
            "support@example.test"
        };
        let (code, _, err) = run(sb.cmd().args([
            "policy",
            "enable",
            "--channel",
            channel,
            "--identifier",
            id,
            "--yes",
            "--skip-channel-check",
        ]));
        let now = sb.tenant("expertflow");
        let cfg = &now["tenantSettings"]["twoFAConfigs"];
        if code == 0 {
            assert_eq!(cfg["channelType"], channel, "{err}");
        } else {
            assert!([1, 3, 4].contains(&code), "{code}: {err}");
        }
        assert!(
            cfg["channelType"] == "SMS" && cfg["channelServiceIdentifier"] == "+15550001000"
                || cfg["channelType"] == "EMAIL"
                    && cfg["channelServiceIdentifier"] != "+15550001000",
            "never half: {cfg}"
        );
        assert_eq!(without_2fa(now), rest);
    }
}

#[test]
fn tenant_show_masks_secrets_and_create_verifies() {
    let sb = Sandbox::start();
    let (code, out, _) = run(sb.cmd().args(["tenant", "show"]));
    assert_eq!(code, 0);
    assert!(
        !out.contains("ef61df80-061c-4c29-b9ac-387e6bf67052")
            && !out.contains("Expertflow123")
            && out.contains("********")
    );
    assert!(out.contains("\"realm\": \"expertflow\""));
    assert_eq!(
        run(sb.cmd().args(["tenant", "show", "--show-secrets"])).0,
        2
    );
    let mut doc = sb.tenant("acme");
    doc["tenantId"] = "newco".into();
    doc["tenantName"] = "NewCo".into();
    doc["tenantSettings"]["keyCloak"]["realm"] = "newco".into();
    let (_d, p) = file(doc.to_string().as_bytes());
    let (code, _, err) = run(sb.cmd().args(["tenant", "create", "-f", &p, "--yes"]));
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run(sb.cmd().args(["tenant", "create", "-f", &p, "--yes"]));
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("already exists"));
    let sb2 = Sandbox::with(Config {
        require_logo: true,
        ..Default::default()
    });
    let (code, _, err) = run(sb2.cmd().args(["tenant", "create", "-f", &p, "--yes"]));
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("--logo"), "{err}");
}

#[test]
fn the_tour_runs_every_step() {
    let home = tempfile::tempdir().unwrap();
    let (code, _, err) = run(assert_cmd::Command::cargo_bin("cx2fa")
        .unwrap()
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", home.path())
        .env("NO_COLOR", "1")
        .arg("tour")
        .timeout(std::time::Duration::from_secs(120)));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("tour finished: every step worked"), "{err}");
}

/// A proxy in front of the deployment answering HTML instead of JSON.
fn html_server(status: u16) -> (tokio::runtime::Runtime, String) {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let listener = rt
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let app = axum::Router::new().fallback(move || async move {
        let page = "<html><head><title>Sign in</title></head><body>Corporate proxy: please sign in</body></html>";
        (axum::http::StatusCode::from_u16(status).unwrap(), [("content-type", "text/html")], page)
    });
    rt.spawn(async move { axum::serve(listener, app).await });
    (rt, url)
}

#[test]
fn html_answers_get_one_clear_message() {
    let sb = Sandbox::start();
    for (status, code, want) in [
        (200, 4, "answered 200 with a body that is not JSON"),
        (502, 4, "answered 502"),
    ] {
        let (_rt, url) = html_server(status);
        let (got, _, err) = run(sb.cmd().env("CX2FA_URL", &url).args(["policy", "show"]));
        assert_eq!(got, code, "{err}");
        assert!(
            err.contains(want) && err.contains("Corporate proxy: please sign in"),
            "{err}"
        );
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[test]
fn an_invalid_input_file_is_refused_with_located_causes() {
    let sb = Sandbox::start();
    let (_d, bad) = file(
        UPDATE_EMAIL
            .replace("\"otpExpiry\": 60", "\"otpExpiry\": \"sixty\"")
            .as_bytes(),
    );
    let (code, _, err) = run(sb
        .cmd()
        .args(["policy", "apply", "-t", "acme", "-f", &bad, "--yes"]));
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("is not a valid 2FA configuration; nothing was changed"),
        "{err}"
    );
    assert!(err.contains(&format!("{bad}:10:26: \"sixty\" does not match \"^[1-9][0-9]*$\" [/tenantSettings/twoFAConfigs/otpExpiry]")), "{err}");
    assert_eq!(
        sb.tenant("acme")["tenantSettings"]["twoFAConfigs"],
        serde_json::json!({"is2FAEnabled": false})
    );
}

/// #26.8: a plan checks the channel as apply will: a change apply refuses is refused by the
/// plan too (exit 1 naming the channel), never "changes pending" (exit 10).
#[test]
fn plan_refuses_what_apply_would_refuse() {
    let sb = Sandbox::start();
    let (code, _, err) = run(sb.cmd().args([
        "policy",
        "plan",
        "--channel",
        "EMAIL",
        "--identifier",
        "nobody@example.test",
        "--exit-code",
    ]));
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("nobody@example.test"), "{err}");
    assert!(!err.contains("skipped"), "{err}");
}

/// #26.3: `tenant create` runs `policy apply`'s pre-flight, also with `--dry-run`: the OTP
/// channel must exist, the realm must not, and the realm name must be one of its own.
#[test]
fn tenant_create_checks_channel_and_realm_first() {
    let sb = Sandbox::start();
    let mut doc = sb.tenant("expertflow");
    doc["tenantId"] = "newco".into();
    doc["tenantName"] = "NewCo".into();
    doc["tenantSettings"]["keyCloak"]["realm"] = "newco".into();
    doc["tenantSettings"]["twoFAConfigs"]["channelServiceIdentifier"] =
        "nobody@example.test".into();
    let (_d, p) = file(doc.to_string().as_bytes());
    for extra in [&["--dry-run"][..], &["--yes"][..]] {
        let (code, _, err) = run(sb.cmd().args(["tenant", "create", "-f", &p]).args(extra));
        assert_eq!(code, 1, "{extra:?}: {err}");
        assert!(
            err.contains("nobody@example.test") && err.contains("--skip-channel-check"),
            "{err}"
        );
    }
    assert!(!run(sb.cmd().args(["tenant", "list"])).1.contains("newco"));
    // A realm that exists already (another tenant's) is refused before anything is sent.
    doc["tenantSettings"]["twoFAConfigs"]["channelServiceIdentifier"] =
        "otp-mail@example.test".into();
    doc["tenantSettings"]["keyCloak"]["realm"] = "expertflow".into();
    let (_d2, p2) = file(doc.to_string().as_bytes());
    let (code, _, err) = run(sb.cmd().args(["tenant", "create", "-f", &p2, "--dry-run"]));
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("realm `expertflow` already exists") && err.contains("keyCloak.realm"),
        "{err}"
    );
    for bad in ["master", ".."] {
        doc["tenantSettings"]["keyCloak"]["realm"] = bad.into();
        let (_d3, p3) = file(doc.to_string().as_bytes());
        let (code, _, err) = run(sb.cmd().args(["tenant", "create", "-f", &p3, "--dry-run"]));
        assert_eq!(code, 1, "{bad}: {err}");
    }
}

/// #26.10: `channel check` on a tenant that uses RSA (or APP) answers "nothing to check", exit
/// 0, so that a script can check every tenant alike.
#[test]
fn channel_check_on_an_rsa_tenant_has_nothing_to_check() {
    let sb = Sandbox::start();
    assert_eq!(
        run(sb
            .cmd()
            .args(["policy", "enable", "--channel", "RSA", "--yes"]))
        .0,
        0
    );
    let (code, out, err) = run(sb.cmd().args(["channel", "check", "-o", "json"]));
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["ok"], true, "{v}");
    assert!(
        v["message"].as_str().unwrap().contains("nothing to check"),
        "{v}"
    );
}

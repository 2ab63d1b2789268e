//! The admin's job against the sandbox: plan, apply, idempotency, nothing lost, bad input.

use crate::support::{file, policy_to_sms, run, Sandbox, TestEnv, UPDATE_EMAIL};
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

    let o = run(sb
        .cmd()
        .args(["policy", "disable", "-t", "expertflow", "--yes"]));
    assert_eq!(o.status, 0, "{o}");
    assert!(o.stderr.contains("disabling 2FA affects 12 user(s)"), "{o}");
    let (_d, email) = file(UPDATE_EMAIL.as_bytes());
    // Changes pending: the plan's whole table.
    let o = sb.run(sb.cmd().args([
        "policy",
        "plan",
        "-t",
        "expertflow",
        "-f",
        &email,
        "--exit-code",
    ]));
    insta::assert_snapshot!(o, @r#"
        tenant `expertflow`: planned
        ┌───────────────────────────────────────────────────────┬─────────────────────────┬────────────────────────┐
        │ field                                                 ┆ before                  ┆ after                  │
        ╞═══════════════════════════════════════════════════════╪═════════════════════════╪════════════════════════╡
        │ /tenantSettings/twoFAConfigs/is2FAEnabled             ┆ false                   ┆ true                   │
        │ /tenantSettings/twoFAConfigs/channelServiceIdentifier ┆ "otp-mail@example.test" ┆ "support@example.test" │
        └───────────────────────────────────────────────────────┴─────────────────────────┴────────────────────────┘
          channel: EMAIL channel `support@example.test` exists (Support mail)
        ------- stderr -------
        warning: tenant `expertflow`: 7 enrolled user(s) will hold a policy copy that differs from the new policy and may fail OTP verification; reset them with `cx2fa user status -t expertflow --filter stale -o json | cx2fa user reset -t expertflow --from - --yes`
        warning: tenant `expertflow`: the tenant admin `admin` is not enrolled in 2FA: enabling it may lock them out until they register; try `cx2fa simulate-login -t expertflow --user admin` first
        changes pending for 1 tenant(s) (exit code 10)
        [exit status: 10]
    "#);
    let o = run(sb.cmd().args([
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
    assert_eq!(o.status, 0, "{o}");
    let v: Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(v["tenants"][0]["status"], "applied");
    assert!(std::path::Path::new(v["tenants"][0]["backup"].as_str().unwrap()).exists());

    let o = policy_to_sms(&sb, "enable", &["--expiry", "90", "--yes"]);
    assert_eq!(o.status, 0, "{o}");
    assert!(
        o.stderr
            .contains("enrolled user(s) will hold a policy copy"),
        "{o}"
    );
    let after = sb.tenant("expertflow");
    assert_eq!(
        after["tenantSettings"]["twoFAConfigs"],
        serde_json::json!({"is2FAEnabled": true, "channelType": "SMS", "channelServiceIdentifier": "+15550001000", "otpExpiry": 90, "otpMaxAttempts": 3})
    );
    assert_eq!(without_2fa(after), rest, "every other byte survives");

    // The same again writes nothing.
    let n = std::fs::read_dir(sb.backups()).unwrap().count();
    let o = policy_to_sms(&sb, "enable", &["--expiry", "90", "--yes"]);
    assert_eq!(o.status, 0);
    assert!(
        o.stdout.contains("no-changes") && o.stderr.contains("no changes"),
        "{o}"
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
    let o = run(sb
        .cmd()
        .current_dir(decoy.path())
        .args(["tenant", "restore", &name, "--dry-run"]));
    assert_eq!(o.status, 0, "{o}");
    // The plan is the command's output (#26.10: a report in every mode, on stdout).
    assert!(
        o.stdout.contains("twoFAConfigs")
            && !o.stdout.contains("tenantName")
            && o.stdout.contains("would be restored"),
        "the backup was planned, not the decoy: {o}"
    );
    let out = run(sb
        .cmd()
        .args(["tenant", "restore", &name, "--dry-run", "-o", "json"]))
    .stdout;
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["status"], "would-restore", "{v}");
    let o = run(sb
        .cmd()
        .args(["tenant", "restore", first.to_str().unwrap(), "--yes"]));
    assert_eq!(o.status, 2, "a path is not a name: {o}");
    // Onto another deployment: refused without `--force`, naming both.
    let o = run(sb.cmd().args([
        "tenant",
        "restore",
        &name,
        "--yes",
        "--url",
        "http://127.0.0.1:9",
    ]));
    assert_eq!(o.status, 1, "{o}");
    assert!(
        o.stderr.contains(&sb.url) && o.stderr.contains("http://127.0.0.1:9/"),
        "{o}"
    );
    let o = run(sb.cmd().args([
        "tenant",
        "restore",
        "--file",
        first.to_str().unwrap(),
        "--yes",
    ]));
    assert_eq!(o.status, 0, "{o}");
    assert_eq!(
        serde_json::to_string(&sb.tenant("expertflow")).unwrap(),
        serde_json::to_string(&before).unwrap()
    );
}

#[test]
fn backups_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let sb = Sandbox::start();
    assert_eq!(run(sb.cmd().args(["policy", "disable", "--yes"])).status, 0);
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
    let o = run(sb.cmd().args(["tenant", "backups"]));
    assert_eq!(o.status, 0);
    assert!(o.stdout.contains("expertflow-"), "{o}");
}

#[test]
fn refusals_have_the_documented_exit_codes() {
    let sb = Sandbox::start();
    let (_d, email) = file(
        UPDATE_EMAIL
            .replace("support@example.test", "nobody@example.test")
            .as_bytes(),
    );
    insta::assert_snapshot!(
        sb.run(sb.cmd().args(["policy", "apply", "-t", "acme", "-f", &email, "--yes"])),
        @r"
        tenant `acme`: failed
          error: tenant `acme`: no channel with service identifier `nobody@example.test`; EMAIL channels: otp-mail@example.test, support@example.test; nothing was changed
        ------- stderr -------
        error: tenant `acme`: no channel with service identifier `nobody@example.test`; EMAIL channels: otp-mail@example.test, support@example.test; nothing was changed

        hint: create the channel first (`cx2fa channel list` shows them), or pass `--skip-channel-check`
        [exit status: 1]
    "
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
        .status,
        1
    );
    let (_f, ok) = file(UPDATE_EMAIL.as_bytes());
    // No terminal, no --yes.
    insta::assert_snapshot!(
        sb.run(sb.cmd().args(["policy", "apply", "-t", "acme", "-f", &ok])),
        @r#"
        ------- stderr -------
        warning: tenant `acme`: the tenant admin `admin` is not enrolled in 2FA: enabling it may lock them out until they register; try `cx2fa simulate-login -t acme --user admin` first
        tenant `acme`:
        ┌───────────────────────────────────────────────────────┬──────────┬──────────────────────────────────────┐
        │ field                                                 ┆ before   ┆ after                                │
        ╞═══════════════════════════════════════════════════════╪══════════╪══════════════════════════════════════╡
        │ /tenantSettings/keyCloak/Otp_Manager_Url              ┆ (absent) ┆ "http://ef-cx-otp-manager-svc:3000/" │
        │ /tenantSettings/twoFAConfigs/is2FAEnabled             ┆ false    ┆ true                                 │
        │ /tenantSettings/twoFAConfigs/channelType              ┆ (absent) ┆ "EMAIL"                              │
        │ /tenantSettings/twoFAConfigs/channelServiceIdentifier ┆ (absent) ┆ "support@example.test"               │
        │ /tenantSettings/twoFAConfigs/otpExpiry                ┆ (absent) ┆ 60                                   │
        │ /tenantSettings/twoFAConfigs/otpMaxAttempts           ┆ (absent) ┆ 3                                    │
        └───────────────────────────────────────────────────────┴──────────┴──────────────────────────────────────┘
        error: confirmation is needed but there is no terminal to ask on

        hint: pass `--yes`
        [exit status: 2]
    "#
    );
    let o = sb.run(sb.cmd().args([
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
    // acme has no Otp_Manager_Url.
    insta::assert_snapshot!(o, @r"
        tenant `acme`: failed
          error: the resulting 2FA settings of tenant `acme` are invalid; nothing was changed
            /tenantSettings/keyCloak/Otp_Manager_Url: `keyCloak.Otp_Manager_Url` is required when is2FAEnabled is true with channelType EMAIL
        ------- stderr -------
        error: the resulting 2FA settings of tenant `acme` are invalid; nothing was changed

        Caused by:
            /tenantSettings/keyCloak/Otp_Manager_Url: `keyCloak.Otp_Manager_Url` is required when is2FAEnabled is true with channelType EMAIL

        hint: fix the input, or pass the missing setting (e.g. `--set-otp-manager-url`)
        [exit status: 1]
    ");
    // Not found, with the near name.
    insta::assert_snapshot!(sb.run(sb.cmd().args(["policy", "show", "-t", "acmee"])), @r"
        ------- stderr -------
        error: no tenant `acmee` on this deployment

        hint: did you mean `acme`? (`cx2fa tenant list` shows them all)
        [exit status: 1]
    ");
    // Authentication.
    insta::assert_snapshot!(
        sb.run(sb.cmd().env("CX2FA_PASSWORD", "wrong").args(["policy", "show"])),
        @r"
        ------- stderr -------
        error: `POST [SANDBOX_URL]/auth/realms/master/protocol/openid-connect/token` answered 401

        Caused by:
            Invalid user credentials

        hint: check the admin credentials (`CX2FA_USERNAME`/`CX2FA_PASSWORD`, or `cx2fa auth login`)
        [exit status: 3]
    "
    );
    // Network: nothing listens on port 9.
    insta::assert_snapshot!(
        sb.run(sb.cmd().env("CX2FA_URL", "http://127.0.0.1:9").args(["tenant", "list"])),
        @r"
        ------- stderr -------
        error: cannot reach `http://127.0.0.1:9/auth/realms/master/protocol/openid-connect/token`

        Caused by:
            error sending request for url (http://127.0.0.1:9/auth/realms/master/protocol/openid-connect/token): client error (Connect): tcp connect error: Connection refused (os error 111)

        hint: check `--url` and that the service is running; in-cluster URLs need a port-forward and an override
        [exit status: 4]
    "
    );
    // Usage: a password is needed and there is no terminal to ask for it.
    insta::assert_snapshot!(
        sb.run(sb.cmd().env_remove("CX2FA_PASSWORD").args(["tenant", "list"])),
        @r"
        ------- stderr -------
        error: admin credentials are needed but there is no terminal to ask on

        hint: run `cx2fa auth login` once, set `CX2FA_USERNAME` and `CX2FA_PASSWORD` (or `CX2FA_CLIENT_ID`/`CX2FA_CLIENT_SECRET`), or pass `--password-stdin`
        [exit status: 2]
    "
    );
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
    let o = run(sb.cmd().args([
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
    assert_eq!(o.status, 5, "{o}");
    assert!(
        o.stdout.contains("tenant `acme`: applied")
            && o.stdout.contains("tenant `expertflow`: applied")
            && o.stdout.contains("tenant `ghost`: failed"),
        "{o}"
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
    let o = run(sb.cmd().args(["channel", "check"]));
    assert_eq!(o.status, 0);
    assert!(o.stdout.contains("its type was not verified"), "{o}");
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
        let o = run(sb.cmd().args([
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
        if o.status == 0 {
            assert_eq!(cfg["channelType"], channel, "{o}");
        } else {
            assert!([1, 3, 4].contains(&o.status), "{o}");
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
    let o = run(sb.cmd().args(["tenant", "show"]));
    assert_eq!(o.status, 0);
    assert!(
        !o.stdout.contains("ef61df80-061c-4c29-b9ac-387e6bf67052")
            && !o.stdout.contains("Expertflow123")
            && o.stdout.contains("********")
    );
    assert!(o.stdout.contains("\"realm\": \"expertflow\""));
    assert_eq!(
        run(sb.cmd().args(["tenant", "show", "--show-secrets"])).status,
        2
    );
    let mut doc = sb.tenant("acme");
    doc["tenantId"] = "newco".into();
    doc["tenantName"] = "NewCo".into();
    doc["tenantSettings"]["keyCloak"]["realm"] = "newco".into();
    let (_d, p) = file(doc.to_string().as_bytes());
    let o = run(sb.cmd().args(["tenant", "create", "-f", &p, "--yes"]));
    assert_eq!(o.status, 0, "{o}");
    // Conflict.
    insta::assert_snapshot!(sb.run(sb.cmd().args(["tenant", "create", "-f", &p, "--yes"])), @r"
        ------- stderr -------
        error: tenant `newco` already exists; nothing was created

        hint: change it with `cx2fa policy apply`, or pick another tenantId
        [exit status: 1]
    ");
    let sb2 = Sandbox::with(Config {
        require_logo: true,
        ..Default::default()
    });
    insta::assert_snapshot!(sb2.run(sb2.cmd().args(["tenant", "create", "-f", &p, "--yes"])), @r"
        ------- stderr -------
        error: `POST [SANDBOX_URL]/cx-tenant/tenant` answered 400

        Caused by:
            tenantLogo is required

        hint: this release requires a logo: pass `--logo FILE.png`
        [exit status: 1]
    ");
}

#[test]
fn the_tour_runs_every_step() {
    let home = tempfile::tempdir().unwrap();
    let o = run(TestEnv::at(home.path())
        .cx2fa()
        .arg("tour")
        .timeout(std::time::Duration::from_secs(120)));
    assert_eq!(o.status, 0, "{o}");
    assert!(o.stderr.contains("tour finished: every step worked"), "{o}");
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
        let o = run(sb.cmd().env("CX2FA_URL", &url).args(["policy", "show"]));
        assert_eq!(o.status, code, "{o}");
        assert!(
            o.stderr.contains(want) && o.stderr.contains("Corporate proxy: please sign in"),
            "{o}"
        );
        assert!(!o.stderr.contains("panicked"), "{o}");
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
    let o = sb.run(
        sb.cmd()
            .args(["policy", "apply", "-t", "acme", "-f", &bad, "--yes"]),
    );
    assert!(o.stderr.contains(&format!("{bad}:10:26:")), "{o}");
    insta::assert_snapshot!(o, @r#"
        ------- stderr -------
        error: [TEMP]/input.json is not a valid 2FA configuration; nothing was changed

        Caused by:
            [TEMP]/input.json:10:26: "sixty" does not match "^[1-9][0-9]*$" [/tenantSettings/twoFAConfigs/otpExpiry]

        hint: `cx2fa config validate [TEMP]/input.json` shows every finding
        [exit status: 1]
    "#);
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
    let o = sb.run(sb.cmd().args([
        "policy",
        "plan",
        "--channel",
        "EMAIL",
        "--identifier",
        "nobody@example.test",
        "--exit-code",
    ]));
    insta::assert_snapshot!(o, @r"
        tenant `expertflow`: failed
          error: tenant `expertflow`: no channel with service identifier `nobody@example.test`; EMAIL channels: otp-mail@example.test, support@example.test; nothing was changed
        ------- stderr -------
        error: tenant `expertflow`: no channel with service identifier `nobody@example.test`; EMAIL channels: otp-mail@example.test, support@example.test; nothing was changed

        hint: create the channel first (`cx2fa channel list` shows them), or pass `--skip-channel-check`
        [exit status: 1]
    ");
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
        let o = run(sb.cmd().args(["tenant", "create", "-f", &p]).args(extra));
        assert_eq!(o.status, 1, "{extra:?}: {o}");
        assert!(
            o.stderr.contains("nobody@example.test") && o.stderr.contains("--skip-channel-check"),
            "{o}"
        );
    }
    assert!(!run(sb.cmd().args(["tenant", "list"]))
        .stdout
        .contains("newco"));
    // A realm that exists already (another tenant's) is refused before anything is sent.
    doc["tenantSettings"]["twoFAConfigs"]["channelServiceIdentifier"] =
        "otp-mail@example.test".into();
    doc["tenantSettings"]["keyCloak"]["realm"] = "expertflow".into();
    let (_d2, p2) = file(doc.to_string().as_bytes());
    let o = run(sb.cmd().args(["tenant", "create", "-f", &p2, "--dry-run"]));
    assert_eq!(o.status, 1, "{o}");
    assert!(
        o.stderr.contains("realm `expertflow` already exists")
            && o.stderr.contains("keyCloak.realm"),
        "{o}"
    );
    for bad in ["master", ".."] {
        doc["tenantSettings"]["keyCloak"]["realm"] = bad.into();
        let (_d3, p3) = file(doc.to_string().as_bytes());
        let o = run(sb.cmd().args(["tenant", "create", "-f", &p3, "--dry-run"]));
        assert_eq!(o.status, 1, "{bad}: {o}");
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
        .status,
        0
    );
    let o = run(sb.cmd().args(["channel", "check", "-o", "json"]));
    assert_eq!(o.status, 0, "{o}");
    let v: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(v["ok"], true, "{v}");
    assert!(
        v["message"].as_str().unwrap().contains("nothing to check"),
        "{v}"
    );
}

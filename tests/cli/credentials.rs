//! `auth login|status|logout`: file store, token cache, refusals, and the real Secret Service.

use crate::support::{run, Sandbox};

fn logged_out(sb: &Sandbox) -> assert_cmd::Command {
    let mut c = sb.cmd();
    c.env_remove("CX2FA_USERNAME").env_remove("CX2FA_PASSWORD");
    c
}

fn cred_file(sb: &Sandbox) -> std::path::PathBuf {
    sb.state.path().join("data/cx2fa/credentials/default.json")
}

#[test]
fn file_store_login_once_then_no_prompts() {
    let sb = Sandbox::start();
    let o = run(logged_out(&sb)
        .args([
            "auth",
            "login",
            "--username",
            "admin",
            "--password-stdin",
            "--store",
            "file",
        ])
        .write_stdin("wrong"));
    assert_eq!(o.status, 3, "{o}");
    assert!(!cred_file(&sb).exists(), "a wrong password is not stored");
    let o = run(logged_out(&sb)
        .args([
            "auth",
            "login",
            "--username",
            "admin",
            "--password-stdin",
            "--store",
            "file",
        ])
        .write_stdin(format!("{}\n", sb.admin_password)));
    assert_eq!(o.status, 0, "{o}");
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(cred_file(&sb))
            .unwrap()
            .permissions()
            .mode()
            & 0o777,
        0o600
    );
    let token_before: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(cred_file(&sb)).unwrap()).unwrap();
    let o = run(logged_out(&sb).args(["tenant", "list"]));
    assert_eq!(o.status, 0, "{o}");
    assert!(o.stdout.contains("expertflow"));
    let token_after: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(cred_file(&sb)).unwrap()).unwrap();
    assert_eq!(
        token_before["token"], token_after["token"],
        "the cached token was reused"
    );
    // Once it expires, a new one is fetched and cached.
    sb.block(
        sb.helper(reqwest::Method::POST, "/sandbox/clock")
            .json(&serde_json::json!({"advanceSeconds": 120}))
            .send(),
    )
    .unwrap();
    assert_eq!(run(logged_out(&sb).args(["tenant", "list"])).status, 0);
    let token_new: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(cred_file(&sb)).unwrap()).unwrap();
    assert_ne!(
        token_new["token"]["access"],
        token_before["token"]["access"]
    );
    let out = run(logged_out(&sb).args(["auth", "status", "-o", "json"])).stdout;
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["source"], "file");
    assert_eq!(v["principal"], "admin");
    assert!(!out.contains(&sb.admin_password));
    // Too open: refused with the fix.
    std::fs::set_permissions(cred_file(&sb), std::fs::Permissions::from_mode(0o644)).unwrap();
    insta::assert_snapshot!(sb.run(logged_out(&sb).args(["tenant", "list"])), @r"
        ------- stderr -------
        error: `[HOME]/data/cx2fa/credentials/default.json` is readable by others (mode 644)

        hint: run `chmod 600 [HOME]/data/cx2fa/credentials/default.json`, or `cx2fa auth login` again
        [exit status: 1]
    ");
    let o = run(logged_out(&sb).args(["auth", "logout"]));
    assert_eq!(o.status, 0, "{o}");
    assert!(!cred_file(&sb).exists());
    assert_eq!(
        run(logged_out(&sb).args(["tenant", "list"])).status,
        2,
        "logged out, no terminal: usage error"
    );
}

#[test]
fn client_credentials_login() {
    let sb = Sandbox::start();
    let o = run(logged_out(&sb)
        .args([
            "auth",
            "login",
            "--client-id",
            "cx2fa-ci",
            "--client-secret-stdin",
            "--store",
            "file",
        ])
        .write_stdin("sandbox-ci-secret"));
    assert_eq!(o.status, 0, "{o}");
    assert_eq!(run(logged_out(&sb).args(["tenant", "show"])).status, 0);
}

/// A profile names the automation client (`client_id`); its secret comes only from the
/// environment, as a profile's `username` pairs with `CX2FA_PASSWORD`.
#[test]
fn profile_client_id_pairs_with_the_secret_in_the_environment() {
    let sb = Sandbox::start();
    let config = sb.state.path().join("config/cx2fa");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("config.toml"),
        "[profiles.ci]\nclient_id = \"cx2fa-ci\"\n",
    )
    .unwrap();
    let ci = || {
        let mut c = logged_out(&sb);
        c.env("CX2FA_PROFILE", "ci");
        c
    };
    let o = run(ci()
        .env("CX2FA_CLIENT_SECRET", "sandbox-ci-secret")
        .args(["tenant", "show"]));
    assert_eq!(o.status, 0, "{o}");
    let o = run(ci()
        .env("CX2FA_CLIENT_SECRET", "not-the-secret")
        .args(["policy", "show"]));
    assert_eq!(o.status, 3, "{o}");
    // Without the secret there is nothing to log in with and no terminal to ask on.
    let o = run(ci().args(["policy", "show"]));
    assert_eq!(o.status, 2, "{o}");
}

#[test]
fn no_keyring_means_an_explicit_choice() {
    let sb = Sandbox::start();
    let o = sb.run(
        logged_out(&sb)
            .env_remove("DBUS_SESSION_BUS_ADDRESS")
            .args(["auth", "login", "--username", "admin", "--password-stdin"])
            .write_stdin(sb.admin_password.clone()),
    );
    insta::assert_snapshot!(o, @r"
        ------- stderr -------
        error: the OS keyring is not available: no secret service provider or dbus session found

        hint: on a desktop, unlock your keyring; headless, choose explicitly: `cx2fa auth login --store file` (a 0600 file) or environment variables (`CX2FA_USERNAME`/`CX2FA_PASSWORD`)
        [exit status: 1]
    ");
    assert!(
        !sb.state
            .path()
            .join("data/cx2fa/credentials")
            .read_dir()
            .map(|mut d| d.next().is_some())
            .unwrap_or(false),
        "nothing stored silently"
    );
}

/// With a real Secret Service: `.ci/run` starts gnome-keyring in a D-Bus session and sets
/// `CX2FA_TEST_KEYRING=1`. Elsewhere this is skipped, except in CI, where it must run.
#[test]
fn real_secret_service() {
    if std::env::var_os("CX2FA_TEST_KEYRING").is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must run this with a keyring daemon (see .ci/run)"
        );
        eprintln!("skipped: no test keyring (run under .ci/run)");
        return;
    }
    let sb = Sandbox::start();
    let bus = std::env::var("DBUS_SESSION_BUS_ADDRESS").expect("a D-Bus session");
    // The profile gives the URL: no CX2FA_URL in the environment.
    let config = sb.state.path().join("config/cx2fa");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("config.toml"),
        format!(
            "[profiles.keyring-test]\nurl = \"{}\"\ntenant = \"expertflow\"\n",
            sb.url
        ),
    )
    .unwrap();
    let with_bus = || {
        let mut c = logged_out(&sb);
        c.env("DBUS_SESSION_BUS_ADDRESS", &bus)
            .env("CX2FA_PROFILE", "keyring-test")
            .env_remove("CX2FA_URL")
            .env_remove("CX2FA_TENANT");
        c
    };
    let o = run(with_bus()
        .args(["auth", "login", "--username", "admin", "--password-stdin"])
        .write_stdin(sb.admin_password.clone()));
    assert_eq!(o.status, 0, "{o}");
    let dir = sb.state.path().join("data/cx2fa/credentials");
    assert!(
        dir.join("keyring-test.keyring").exists() && !dir.join("keyring-test.json").exists(),
        "the secret is in the keyring, not a file"
    );
    let o = run(with_bus().args(["tenant", "list"]));
    assert_eq!(o.status, 0, "{o}");
    assert!(o.stdout.contains("expertflow"));
    let out = run(with_bus().args(["auth", "status", "-o", "json"])).stdout;
    assert!(out.contains("\"source\": \"keyring\""), "{out}");
    assert_eq!(run(with_bus().args(["auth", "logout"])).status, 0);
    assert_eq!(run(with_bus().args(["tenant", "list"])).status, 2);
}

/// #26.6: `auth login --url U` remembers U for the profile's later commands; a ready token in
/// the environment is reported as what will be used; a keyring that cannot store is found
/// before the password is read.
#[test]
fn login_remembers_the_deployment_and_status_tells_the_truth() {
    let sb = Sandbox::start();
    let o = run(logged_out(&sb)
        .env_remove("CX2FA_URL")
        .args([
            "auth",
            "login",
            "--username",
            "admin",
            "--password-stdin",
            "--store",
            "file",
            "--url",
            &sb.url,
        ])
        .write_stdin(sb.admin_password.clone()));
    assert_eq!(o.status, 0, "{o}");
    let o = run(logged_out(&sb)
        .env_remove("CX2FA_URL")
        .args(["tenant", "list"]));
    assert_eq!(o.status, 0, "no --url needed after login: {o}");
    assert!(o.stdout.contains("expertflow"), "{o}");
    let out = run(logged_out(&sb)
        .env_remove("CX2FA_URL")
        .env("CX2FA_TOKEN", "a-ready-token-value")
        .args(["auth", "status", "-o", "json"]))
    .stdout;
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["source"], "environment", "{v}");
    assert_eq!(v["url"], format!("{}/", sb.url), "{v}");
    // No keyring here (no D-Bus session): refused before the password is read from stdin.
    let o = run(logged_out(&sb)
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .args([
            "auth",
            "login",
            "--username",
            "admin",
            "--password-stdin",
            "--store",
            "keyring",
        ])
        .write_stdin(sb.admin_password.clone()));
    if std::env::var_os("CX2FA_TEST_KEYRING").is_none() {
        assert_ne!(o.status, 0, "{o}");
        assert!(o.stderr.contains("keyring"), "{o}");
    }
}

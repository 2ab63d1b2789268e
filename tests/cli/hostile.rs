//! A hostile or mistaken server, a planted value, a mistyped URL: cx2fa holds master-realm
//! admin credentials, and none of these may leak them, inject into a terminal or a shell,
//! exhaust memory or panic. Each test fails without the fix it names (issue #16's items).

use crate::support::servers::{env_of, respond, sandbox_banner, serve, serve_on, Seen};
use crate::support::{file, run, CommandOutput, Sandbox, TestEnv};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const LIMIT: Duration = Duration::from_secs(30);
const ADMIN_PASSWORD: &str = "admin-Pa55-word";

/// A crafted deployment: a token for anyone, then `tenants` for the tenant list.
fn deployment(
    tenants: impl Fn(&Seen, &mut TcpStream) + Send + Sync + 'static,
) -> (String, Arc<Mutex<Vec<Seen>>>) {
    serve(move |req, stream| {
        if req.path.contains("/protocol/openid-connect/token") {
            respond(
                stream,
                "200 OK",
                "",
                r#"{"access_token":"tok-123456","expires_in":60,"token_type":"Bearer"}"#,
            );
        } else {
            tenants(req, stream)
        }
    })
}

/// `cx2fa` with only what a test gives it: a private home, admin credentials, no profile.
fn cx2fa(home: &std::path::Path) -> assert_cmd::Command {
    let mut c = TestEnv::at(home)
        .set("CX2FA_USERNAME", "admin")
        .set("CX2FA_PASSWORD", ADMIN_PASSWORD)
        .cx2fa();
    c.timeout(LIMIT);
    c
}

/// `cx2fa user reset -t t1 --url URL --yes --report REPORT OPTIONS NAMES` in a private home:
/// its output, how long it took, and how many rows its report holds.
fn bulk_reset(url: &str, options: &[&str], names: &[String]) -> (CommandOutput, Duration, usize) {
    let home = tempfile::tempdir().unwrap();
    let report = home.path().join("r.ndjson");
    let started = Instant::now();
    let o = run(cx2fa(home.path())
        .args([
            "user", "reset", "-t", "t1", "--url", url, "--yes", "--report",
        ])
        .arg(&report)
        .args(options)
        .args(names));
    let took = started.elapsed();
    let rows = std::fs::read_to_string(&report)
        .map(|r| r.lines().count())
        .unwrap_or(0);
    (o, took, rows)
}

/// Item 1: a 307 on the token request would resend the form (the password) to its target.
#[test]
fn redirects_are_never_followed_and_carry_nothing() {
    let (target, stolen) = serve(|_, s| respond(s, "200 OK", "", "{}"));
    let to = format!("{target}/steal");
    let (url, asked) = serve(move |_, s| {
        respond(
            s,
            "307 Temporary Redirect",
            &format!("Location: {to}\r\n"),
            "",
        )
    });
    let home = tempfile::tempdir().unwrap();
    let o = run(cx2fa(home.path()).args(["tenant", "list", "--url", &url]));
    assert_eq!(o.status, 1, "{o}");
    assert!(
        o.stderr.contains(&url) && o.stderr.contains(&target),
        "both addresses: {o}"
    );
    assert!(o.stderr.contains("not followed"), "{o}");
    assert!(
        stolen.lock().unwrap().is_empty(),
        "the target got a request"
    );
    assert!(!o.stderr.contains(ADMIN_PASSWORD));
    // What a followed 307 would have resent: the password grant's form.
    let first = asked
        .lock()
        .unwrap()
        .iter()
        .find(|s| s.path.contains("/token"))
        .cloned()
        .expect("the token request");
    assert_eq!(first.method, "POST");
    assert!(first.body.contains("grant_type=password"), "{}", first.body);

    // The RSA server's redirect would carry the client key and the passcode.
    let sb = Sandbox::start();
    let to = format!("{target}/steal");
    let (rsa, rsa_asked) = serve(move |_, s| {
        respond(
            s,
            "308 Permanent Redirect",
            &format!("Location: {to}\r\n"),
            "",
        )
    });
    let o = run(sb
        .cmd()
        .env("RSA", "rsapin01123456")
        .env("CX2FA_RSA_URL", format!("{rsa}/"))
        .args([
            "simulate-login",
            "--user",
            "agent.rsa",
            "--rsa-passcode-env",
            "RSA",
        ])
        .timeout(LIMIT));
    assert_ne!(o.status, 0, "{o}");
    assert!(
        stolen.lock().unwrap().is_empty(),
        "the RSA target got a request"
    );
    let rsa_first = rsa_asked.lock().unwrap()[0].clone();
    assert!(
        rsa_first.head.to_ascii_lowercase().contains("client-key:"),
        "{}",
        rsa_first.head
    );
}

/// Items 2 and 3: `--print-curl` quotes hostile values and never prints a TOTP seed.
#[test]
fn print_curl_prints_no_seed_and_quotes_planted_values() {
    let sb = Sandbox::start();
    assert_eq!(
        run(sb
            .cmd()
            .args(["policy", "enable", "--channel", "APP", "--yes"]))
        .status,
        0
    );
    let seed = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    let o = run(sb.cmd().env("APP", seed).args([
        "simulate-login",
        "--user",
        "agent.noattrs",
        "--totp-secret-env",
        "APP",
        "--register",
        "--print-curl",
    ]));
    assert_eq!(o.status, 0, "{o}");
    assert!(o.stderr.contains("curl "), "{o}");
    assert!(!o.stderr.contains(seed), "a seed in --print-curl: {o}");
    assert!(
        o.stderr.contains("$CX2FA_SECRET_TEMPOTPSECRET")
            || o.stderr.contains("$CX2FA_SECRET_OTPSECRET"),
        "{o}"
    );
    // The agent's password and the tenant client's secret have names of their own.
    assert!(
        o.stderr.contains("$CX2FA_USER_PASSWORD")
            && o.stderr.contains("$CX2FA_TENANT_CLIENT_SECRET"),
        "{o}"
    );
    assert!(
        !o.stderr.contains("password=\"$CX2FA_PASSWORD\"") || o.stderr.contains("realms/master"),
        "{o}"
    );
}

/// Item 4: stored credentials are for their deployment only.
#[test]
fn stored_credentials_stay_with_their_deployment() {
    let sb = Sandbox::start();
    let login = run(sb
        .cmd()
        .env_remove("CX2FA_PASSWORD")
        .args(["auth", "login", "--store", "file", "--password-stdin"])
        .write_stdin(sb.admin_password.clone()));
    assert_eq!(login.status, 0, "{login}");
    let (other, seen) = deployment(|_, s| respond(s, "200 OK", "", "[]"));
    let o = run(sb
        .cmd()
        .env_remove("CX2FA_USERNAME")
        .env_remove("CX2FA_PASSWORD")
        .args(["tenant", "list", "--url", &other])
        .timeout(LIMIT));
    assert_eq!(o.status, 3, "{o}");
    assert!(
        o.stderr.contains("profile `default`")
            && o.stderr.contains(&sb.url)
            && o.stderr.contains(&other),
        "{o}"
    );
    assert!(
        seen.lock().unwrap().is_empty(),
        "the other host got a request"
    );
    // The same deployment still works with the stored credentials.
    let o = run(sb
        .cmd()
        .env_remove("CX2FA_USERNAME")
        .env_remove("CX2FA_PASSWORD")
        .args(["tenant", "list"]));
    assert_eq!(o.status, 0, "{o}");
}

/// Items 5 and 6: server strings reach the terminal escaped, and error bodies are redacted
/// and capped.
#[test]
fn server_strings_are_escaped_and_error_bodies_redacted() {
    let hostile = "evil\u{1b}]52;c;ZXZpbA==\u{7}\u{1b}[2J\u{202e}name";
    let doc = serde_json::json!([{"tenantId": "t1", "tenantName": hostile,
        "tenantSettings": {"keyCloak": {"realm": "t1"}}}]);
    let (url, _) = deployment(move |_, s| respond(s, "200 OK", "", &doc.to_string()));
    let home = tempfile::tempdir().unwrap();
    let o = run(cx2fa(home.path()).args(["tenant", "list", "--url", &url]));
    assert_eq!(o.status, 0, "{o}");
    for bad in ['\u{1b}', '\u{7}', '\u{202e}'] {
        assert!(
            !o.stdout.contains(bad) && !o.stderr.contains(bad),
            "{bad:?} raw in {o}"
        );
    }
    assert!(o.stdout.contains("evil\\u{1b}]52"), "{o}");

    // An error echoing the request: secrets by key and by value, control characters, length.
    let echo = serde_json::json!({
        "error_message": format!("bad request from {ADMIN_PASSWORD}\u{1b}[2J"),
        "error_detail": "x".repeat(5000),
        "tenantSettings": {"keyCloak": {"credentials": {"secret": "SEKRET-987"}}},
    });
    let (url, _) =
        deployment(move |_, s| respond(s, "500 Internal Server Error", "", &echo.to_string()));
    let o = run(cx2fa(home.path()).args(["tenant", "list", "--url", &url]));
    assert_eq!(o.status, 4, "{o}");
    assert!(
        !o.stderr.contains(ADMIN_PASSWORD) && !o.stderr.contains("SEKRET-987"),
        "{o}"
    );
    assert!(!o.stderr.contains('\u{1b}'), "{o}");
    assert!(o.stderr.len() < 2000, "capped: {} bytes", o.stderr.len());
    // The same through --debug, and an HTML page.
    let page =
        format!("<html><body>proxy error; upstream said password={ADMIN_PASSWORD}</body></html>");
    let (url, _) = deployment(move |_, s| {
        let _ = write!(s, "HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{page}", page.len());
    });
    let o = run(cx2fa(home.path()).args(["tenant", "list", "--url", &url, "--debug"]));
    assert_eq!(o.status, 4, "{o}");
    assert!(!o.stderr.contains(ADMIN_PASSWORD), "{o}");
}

/// #27 item 11: with colour on, a server's SGR escapes (`ESC[8m` hides the rest of the row)
/// are shown escaped; only the printer's own styling reaches the terminal.
#[test]
fn server_sgr_escapes_never_reach_a_coloured_terminal() {
    let doc = serde_json::json!([{"tenantId": "t1", "tenantName": "hidden\u{1b}[8m",
        "tenantSettings": {"keyCloak": {"realm": "t1"}}},
        {"tenantId": "t2", "tenantName": "red\u{1b}[1;31mFAILED\u{1b}[0m",
        "tenantSettings": {"keyCloak": {"realm": "t2"}}}]);
    let (url, _) = deployment(move |_, s| respond(s, "200 OK", "", &doc.to_string()));
    let home = tempfile::tempdir().unwrap();
    let o = run(cx2fa(home.path())
        .env_remove("NO_COLOR")
        .args(["tenant", "list", "--url", &url, "--color", "always"]));
    assert_eq!(o.status, 0, "{o}");
    assert!(!o.stdout.contains('\u{1b}'), "{o}");
    assert!(o.stdout.contains("hidden\\u{1b}[8m"), "{o}");
    // The printer's own colours still come through (a doctor row is painted).
    let out = run(cx2fa(home.path())
        .env_remove("NO_COLOR")
        .args(["doctor", "-t", "t1", "--url", &url, "--color", "always"]))
    .stdout;
    assert!(out.contains("\u{1b}["), "{out:?}");
    assert!(!out.contains("\u{1b}[8m"), "{out:?}");
}

/// Item 7: an endless answer is cut off at its cap, exit 4, never an out-of-memory abort.
#[test]
fn endless_bodies_are_cut_off() {
    let (url, seen) = deployment(|_, s| {
        let _ = write!(s, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        let chunk = format!("{:x}\r\n{}\r\n", 1 << 16, "[".repeat(1 << 16));
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(20) {
            if s.write_all(chunk.as_bytes()).is_err() {
                return;
            }
        }
    });
    let home = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let o = run(cx2fa(home.path()).args(["tenant", "list", "--url", &url]));
    assert_eq!(o.status, 4, "{o}");
    assert!(o.stderr.contains("more than 64 MiB"), "{o}");
    assert!(started.elapsed() < Duration::from_secs(20));
    let lists = seen
        .lock()
        .unwrap()
        .iter()
        .filter(|s| s.path.contains("cx-tenant"))
        .count();
    assert_eq!(lists, 1, "an over-long answer is not fetched again");
}

/// Item 11: a token lifetime of 2^64-1 seconds is clamped, not added to the clock.
#[test]
fn absurd_token_lifetimes_do_not_panic() {
    let (url, _) = serve(|req, s| {
        if req.path.contains("/token") {
            respond(
                s,
                "200 OK",
                "",
                r#"{"access_token":"tok-123456","expires_in":18446744073709551615}"#,
            );
        } else {
            respond(s, "200 OK", "", "[]");
        }
    });
    let home = tempfile::tempdir().unwrap();
    let o = run(cx2fa(home.path()).args(["tenant", "list", "--url", &url]));
    assert_eq!(o.status, 0, "{o}");
    assert!(!o.stderr.contains("panicked"), "{o}");
}

/// Item 8: an IMAP server that accepts and never speaks does not hang the probe.
#[test]
fn a_silent_imap_server_times_out() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        let mut held = vec![];
        for s in listener.incoming().flatten() {
            held.push(s);
        }
    });
    let sb = Sandbox::start();
    let started = Instant::now();
    let o = run(sb
        .cmd()
        .env("CX2FA_IMAP_PASSWORD", "imap-pass")
        .args([
            "simulate-login",
            "--user",
            "agent.email",
            "--timeout",
            "2",
            "--otp-from-imap",
            &format!("imaps://probe@127.0.0.1:{port}/INBOX"),
        ])
        .timeout(LIMIT));
    assert_eq!(o.status, 4, "{o}");
    assert!(o.stderr.contains("no answer within 2 s"), "{o}");
    assert!(started.elapsed() < Duration::from_secs(20));
}

/// Item 9: plural keys, objects and numbers under secret keys, and URL credentials are masked.
#[test]
fn tenant_show_masks_subtrees_numbers_and_url_credentials() {
    let doc = serde_json::json!([{"tenantId": "t1", "tenantSettings": {
        "keyCloak": {"realm": "t1"},
        "integrations": {"apiKeys": ["AK-111111", "AK-222222"], "token": {"value": "TV-333333"}, "pin": {"secretNumber": 98765432}},
        "mongo": {"url": "mongodb://root:MongoPass99@db1:27017,db2:27017/cx"}}}]);
    let (url, _) = deployment(move |_, s| respond(s, "200 OK", "", &doc.to_string()));
    let home = tempfile::tempdir().unwrap();
    for format in ["table", "json"] {
        let o =
            run(cx2fa(home.path())
                .args(["tenant", "show", "-t", "t1", "--url", &url, "-o", format]));
        assert_eq!(o.status, 0, "{o}");
        for s in ["AK-111111", "TV-333333", "98765432", "MongoPass99"] {
            assert!(!o.stdout.contains(s), "{s} in {format}: {o}");
        }
        assert!(o.stdout.contains("mongodb://root:********@db1"), "{o}");
    }
}

/// Item 12: the credentials file is written through no planted symlink, 0600, and parallel
/// runs caching tokens never corrupt it.
#[test]
fn the_credentials_file_is_written_safely() {
    use std::os::unix::fs::PermissionsExt;
    let sb = Sandbox::start();
    let data = sb.state.path().join("data");
    let creds = data.join("cx2fa/credentials");
    std::fs::create_dir_all(&creds).unwrap();
    let victim = sb.state.path().join("victim");
    std::fs::write(&victim, "untouched").unwrap();
    std::os::unix::fs::symlink(&victim, creds.join("default.json")).unwrap();
    std::os::unix::fs::symlink(&victim, creds.join("default.tmp")).unwrap();
    let login = |sb: &Sandbox| {
        run(sb
            .shell("umask 000; printf %s \"$PW\" | cx2fa auth login --store file --password-stdin")
            .env("PW", &sb.admin_password)
            .env("XDG_DATA_HOME", &data)
            .env_remove("CX2FA_PASSWORD"))
    };
    let o = login(&sb);
    assert_eq!(o.status, 0, "{o}");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "untouched");
    let meta = std::fs::symlink_metadata(creds.join("default.json")).unwrap();
    assert!(meta.file_type().is_file());
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    let mode = |d: &std::path::Path| std::fs::metadata(d).unwrap().permissions().mode() & 0o777;
    assert_eq!(
        mode(&creds),
        0o700,
        "an existing credentials directory is made private"
    );
    // Item 13: fresh data and state directories under umask 000 are 0700, not 0777.
    let fresh = sb.state.path().join("fresh");
    let output = run(sb
        .shell("umask 000; printf %s \"$PW\" | cx2fa auth login --store file --password-stdin && cx2fa policy disable --yes")
        .env("PW", &sb.admin_password)
        .env("XDG_DATA_HOME", fresh.join("data"))
        .env("XDG_STATE_HOME", fresh.join("state"))
        .env_remove("CX2FA_PASSWORD"));
    assert_eq!(output.status, 0, "{output}");
    for d in [
        "data/cx2fa",
        "data/cx2fa/credentials",
        "state/cx2fa",
        "state/cx2fa/backups",
    ] {
        assert_eq!(mode(&fresh.join(d)), 0o700, "{d} under umask 000");
    }
    // Many runs at once, each caching a fresh token (the sandbox's lifetime is 60 s, so force
    // expiry by advancing its clock).
    sb.block(async {
        sb.helper(reqwest::Method::POST, "/sandbox/clock")
            .json(&serde_json::json!({"advanceSeconds": 3600}))
            .send()
            .await
            .unwrap();
    });
    let children: Vec<_> = (0..24)
        .map(|_| {
            let mut c = sb
                .test_env()
                .without("CX2FA_USERNAME")
                .without("CX2FA_PASSWORD")
                .cx2fa_process();
            c.args(["tenant", "list", "-o", "json"])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for ch in children {
        let o = ch.wait_with_output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    let text = std::fs::read_to_string(creds.join("default.json")).unwrap();
    let v: serde_json::Value =
        serde_json::from_str(&text).expect("whole JSON after parallel caching");
    assert_eq!(v["principal"], "admin");
    let leftovers: Vec<_> = std::fs::read_dir(&creds)
        .unwrap()
        .flatten()
        .filter(|e| {
            e.file_name().to_string_lossy().ends_with(".tmp") && e.file_name() != "default.tmp"
        })
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// Item 13: the sandbox's CA goes to a private temporary directory, removed on exit.
#[test]
fn the_sandbox_ca_is_private_and_removed() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().unwrap();
    let (mut child, v) = sandbox_banner(
        &TestEnv::at(home.path()),
        &["--tls"],
        std::process::Stdio::null(),
    );
    let ca = env_of(&v, "CX2FA_CA_CERT").unwrap();
    let dir = std::path::Path::new(&ca).parent().unwrap().to_path_buf();
    assert!(
        !ca.contains(&child.id().to_string()),
        "predictable name: {ca}"
    );
    assert_eq!(
        std::fs::metadata(&dir).unwrap().permissions().mode() & 0o777,
        0o700
    );
    let _ = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status();
    let _ = child.wait();
    assert!(!dir.exists(), "{} left behind", dir.display());
}

/// Item 15: no credentials in URLs, a code from stdin, a child without cx2fa's secrets.
#[test]
fn secrets_stay_off_command_lines_and_out_of_children() {
    let sb = Sandbox::start();
    let o = run(sb.cmd().args([
        "tenant",
        "list",
        "--url",
        "http://admin:UrlPass77@127.0.0.1:9",
        "--debug",
        "--print-curl",
    ]));
    assert_eq!(o.status, 2, "{o}");
    assert!(
        !o.stdout.contains("UrlPass77") && !o.stderr.contains("UrlPass77"),
        "{o}"
    );
    // `--otp-stdin` answers the OTP prompt; `--expect invalid-otp` proves it was used.
    let o = run(sb
        .cmd()
        .args([
            "simulate-login",
            "--user",
            "agent.email",
            "--otp-stdin",
            "--expect",
            "invalid-otp",
        ])
        .write_stdin("000000\n"));
    assert_eq!(o.status, 0, "{o}");
    // The `--otp-cmd` child does not inherit cx2fa's secrets.
    let d = tempfile::tempdir().unwrap();
    let env_file = d.path().join("env");
    let o = run(sb.cmd().args([
        "simulate-login",
        "--user",
        "agent.email",
        "--otp-cmd",
        &format!("env > {}; echo 000000", env_file.display()),
        "--expect",
        "invalid-otp",
    ]));
    assert_eq!(o.status, 0, "{o}");
    let env = std::fs::read_to_string(&env_file).unwrap();
    for var in ["CX2FA_PASSWORD", "CX2FA_USER_PASSWORD"] {
        assert!(
            !env.contains(&format!("{var}=")),
            "{var} passed to the child"
        );
    }
    assert!(!env.contains(&sb.admin_password) && !env.contains("agent-pass"));
}

/// Item 16: CA files that are not certificates, the profile's `insecure` overridden, duplicate
/// keys, and the sandbox refusing foreign Host names.
#[test]
fn assorted_refusals() {
    let sb = Sandbox::start();
    let (_d, key) =
        file(b"-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----\n");
    let o = run(sb.cmd().args(["--ca-cert", &key, "tenant", "list"]));
    assert_eq!(o.status, 2, "{o}");
    assert!(o.stderr.contains("private key"), "{o}");
    let (_e, empty) = file(b"");
    let o = run(sb.cmd().args(["--ca-cert", &empty, "tenant", "list"]));
    assert_eq!(o.status, 2, "{o}");
    // A profile's `insecure = true` gives way to `CX2FA_INSECURE=false`.
    let cfg = sb.state.path().join("config/cx2fa");
    std::fs::create_dir_all(&cfg).unwrap();
    std::fs::write(
        cfg.join("config.toml"),
        "[profiles.default]\ninsecure = true\n",
    )
    .unwrap();
    let o = run(sb.cmd().args(["tenant", "list"]));
    assert_eq!(o.status, 0, "{o}");
    assert!(
        o.stderr.contains("--insecure"),
        "the profile's setting warns: {o}"
    );
    let o = run(sb
        .cmd()
        .env("CX2FA_INSECURE", "false")
        .args(["tenant", "list"]));
    assert_eq!(o.status, 0, "{o}");
    assert!(!o.stderr.contains("--insecure"), "overridden: {o}");
    std::fs::remove_file(cfg.join("config.toml")).unwrap();
    // Duplicate keys are reported, not resolved silently.
    let (_p, payload) = file(
        br#"{"tenantSettings": {"keyCloak": {"Otp_Manager_Url": "http://otp:3000/"},
        "twoFAConfigs": {"is2FAEnabled": true, "channelType": "SMS", "channelType": "EMAIL",
        "channelServiceIdentifier": "support@example.test", "otpExpiry": 60, "otpMaxAttempts": 3}}}"#,
    );
    let o = run(sb.cmd().args(["config", "validate", &payload]));
    assert_eq!(o.status, 1, "{o}");
    assert!(o.stdout.contains("duplicate key `channelType`"), "{o}");
    // DNS rebinding: a foreign Host name is refused by the sandbox.
    let status = sb.block(async {
        reqwest::Client::new()
            .get(format!("{}/sandbox/health", sb.url))
            .header("Host", "rebind.attacker.example")
            .send()
            .await
            .unwrap()
            .status()
            .as_u16()
    });
    assert_eq!(status, 421);
}

// Issue #27 ("Security, second review"): each test below fails without the fix it names.

/// A crafted deployment of one tenant `t1` (realm `t1`) whose Keycloak answers `users` calls
/// with `users`: the token, the tenant list and the user profile (none: before Keycloak 24)
/// are answered as a deployment would.
fn realm_server(
    users: impl Fn(&Seen, &mut TcpStream) + Send + Sync + 'static,
) -> (String, Arc<Mutex<Vec<Seen>>>) {
    deployment(move |req, s| {
        if req.path.contains("cx-tenant") {
            let doc = serde_json::json!([{"tenantId": "t1", "tenantName": "t1",
                "tenantSettings": {"keyCloak": {"realm": "t1"}}}]);
            respond(s, "200 OK", "", &doc.to_string());
        } else if req.path.contains("/admin/realms/t1/users") && !req.path.contains("/profile") {
            users(req, s)
        } else {
            respond(s, "404 Not Found", "", "{}");
        }
    })
}

/// #27.13: `Retry-After` as an HTTP-date is waited out (it was ignored: retried after 0.15 s).
#[test]
fn retry_after_as_an_http_date_is_waited_out() {
    let times = Arc::new(Mutex::new(vec![]));
    let t = times.clone();
    let (url, _) = deployment(move |req, s| {
        if !req.path.contains("cx-tenant") {
            return respond(s, "404 Not Found", "", "{}");
        }
        let mut t = t.lock().unwrap();
        t.push(Instant::now());
        if t.len() == 1 {
            // Three seconds from now, as a date: the wait is over 2 s whatever the sub-second.
            let at = std::time::SystemTime::now() + Duration::from_secs(3);
            let date = chrono_free_http_date(at);
            respond(
                s,
                "429 Too Many Requests",
                &format!("Retry-After: {date}\r\n"),
                "{}",
            );
        } else {
            respond(s, "200 OK", "", "[]");
        }
    });
    let home = tempfile::tempdir().unwrap();
    let o = run(cx2fa(home.path()).args(["tenant", "list", "--url", &url]));
    assert_eq!(o.status, 0, "{o}");
    let t = times.lock().unwrap();
    assert_eq!(t.len(), 2, "{o}");
    let gap = t[1] - t[0];
    assert!(gap >= Duration::from_millis(1900), "retried after {gap:?}");
    assert!(gap < Duration::from_secs(10), "retried after {gap:?}");
}

/// An IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) without a date library.
fn chrono_free_http_date(at: std::time::SystemTime) -> String {
    let secs = at.duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    let (days, rest) = (secs / 86_400, secs % 86_400);
    // Civil from days (Howard Hinnant's algorithm).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    let wd = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][(days % 7) as usize];
    let mon = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ][(m - 1) as usize];
    format!(
        "{wd}, {d:02} {mon} {y} {:02}:{:02}:{:02} GMT",
        rest / 3600,
        rest / 60 % 60,
        rest % 60
    )
}

/// #27.7: every request refused with `Retry-After: 3600`: a 3-row reset ends at once with the
/// time to come back (it took 361 s, retrying each row four times after 30 s waits).
#[test]
fn a_bulk_run_against_an_hour_long_retry_after_stops_at_once() {
    let (url, seen) = realm_server(|_, s| {
        respond(
            s,
            "429 Too Many Requests",
            "Retry-After: 3600\r\n",
            r#"{"error":"slow down"}"#,
        )
    });
    let names = ["u1", "u2", "u3"].map(String::from);
    let (o, took, _) = bulk_reset(&url, &[], &names);
    assert!(took < Duration::from_secs(10), "took {took:?}");
    assert_eq!(o.status, 4, "{o}");
    // Rows run side by side: whichever asked first is refused first.
    let user = regex::Regex::new(r"username=u\d").unwrap();
    insta::assert_snapshot!(user.replace(&o.final_error(), "username=[USER]"), @r"
        error: `GET http://127.0.0.1:[PORT]/auth/admin/realms/t1/users?username=[USER]&exact=true` answered 429

        Caused by:
            slow down
            the server asked to wait 3600 s before asking again (Retry-After); cx2fa waits at most 60 s
            the run stopped at once: 0 row(s) done and in the report; the rest were not attempted

        hint: the server is limiting requests: run again in 60 min (a bulk run continues with `--resume REPORT`)
    ");
    // One request each at most: nothing was asked again against the server's word.
    let asked = seen
        .lock()
        .unwrap()
        .iter()
        .filter(|s| s.path.contains("/users?"))
        .count();
    assert!(asked <= 3, "{asked} user requests");
}

/// #27.7: a server that takes every connection and never answers: the breaker stops a
/// one-at-a-time run after a few rows, not a `--timeout` per row and retry (10 rows took 321 s).
#[test]
fn a_bulk_run_against_a_server_that_never_answers_stops() {
    let (url, _) = realm_server(|_, s| {
        // Holds the connection without a byte until the client gives up.
        let mut buf = [0u8; 1];
        let _ = s.set_read_timeout(Some(Duration::from_secs(30)));
        let _ = s.read(&mut buf);
    });
    let names: Vec<String> = (0..30).map(|i| format!("u{i}")).collect();
    let (o, took, rows) = bulk_reset(&url, &["--timeout", "1", "--concurrency", "1"], &names);
    assert_eq!(o.status, 4, "{o}");
    insta::assert_snapshot!(o.final_error(), @r"
        error: 8 rows in a row failed talking to the server; the run stopped

        Caused by:
            the last: `GET http://127.0.0.1:[PORT]/auth/admin/realms/t1/users?username=u7&exact=true`: no answer within 1 s: waited 1 s in all for this request
            the run stopped at once: 8 row(s) done and in the report; the rest were not attempted

        hint: check the deployment (`cx2fa doctor`), then continue with `--resume REPORT` (failed rows and rows not started are done again)
    ");
    assert!(took < Duration::from_secs(25), "took {took:?}: {o}");
    assert!(rows < 30, "{rows} rows were tried");
}

/// #27.5: a Keycloak answering full pages of fresh users forever (its count says 5): the scan
/// stops near the count, instead of filling memory without end.
#[test]
fn endless_pages_of_fresh_users_stop_at_the_count() {
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let (url, seen) = realm_server(move |req, s| {
        if req.path.contains("/users/count") {
            return respond(s, "200 OK", "", "5");
        }
        let max: usize = req
            .path
            .split("max=")
            .nth(1)
            .and_then(|m| m.split('&').next())
            .and_then(|m| m.parse().ok())
            .unwrap_or(100);
        let page: Vec<serde_json::Value> = (0..max)
            .map(|_| {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                serde_json::json!({"id": format!("id-{i}"), "username": format!("u{i}")})
            })
            .collect();
        respond(s, "200 OK", "", &serde_json::Value::Array(page).to_string());
    });
    let home = tempfile::tempdir().unwrap();
    let o = run(cx2fa(home.path()).args(["user", "status", "-t", "t1", "--url", &url]));
    assert_eq!(o.status, 4, "{o}");
    assert!(o.stderr.contains("far more than its count (5)"), "{o}");
    let pages = seen
        .lock()
        .unwrap()
        .iter()
        .filter(|s| s.path.contains("/users?"))
        .count();
    assert!(pages <= 3, "{pages} pages read");
}

/// A crafted deployment serving `tenants` (id, realm), whose realms are empty.
fn tenants_server(tenants: &[(&str, &str)]) -> (String, Arc<Mutex<Vec<Seen>>>) {
    let docs: Vec<serde_json::Value> = tenants
        .iter()
        .map(|(id, realm)| {
            serde_json::json!({"tenantId": id, "tenantName": id,
                "tenantSettings": {"keyCloak": {"realm": realm}}})
        })
        .collect();
    let docs = serde_json::Value::Array(docs).to_string();
    deployment(move |req, s| {
        if req.path.contains("cx-tenant") {
            respond(s, "200 OK", "", &docs)
        } else if req.path.contains("/users/count") {
            respond(s, "200 OK", "", "0")
        } else if req.path.contains("/users?") {
            respond(s, "200 OK", "", "[]")
        } else {
            respond(s, "404 Not Found", "", "{}")
        }
    })
}

/// #27.3: a tenant whose realm is `master`, `.` or `..` is refused before any admin call (a
/// reset in `master` wrote master-realm users; `..` reached `admin/users`).
#[test]
fn tenant_realms_master_and_dot_segments_are_refused() {
    for realm in ["master", ".", ".."] {
        let (url, seen) = tenants_server(&[("t1", realm)]);
        let home = tempfile::tempdir().unwrap();
        for args in [
            &["user", "status", "-t", "t1"][..],
            &["user", "reset", "-t", "t1", "--yes", "agent"][..],
        ] {
            let o = run(cx2fa(home.path()).args(args).args(["--url", &url]));
            assert_eq!(o.status, 1, "{realm}: {o}");
            assert!(
                o.stderr.contains(&format!(
                    "realm `{realm}`, which no tenant operation works in"
                )),
                "{realm}: {o}"
            );
        }
        let admin: Vec<String> = seen
            .lock()
            .unwrap()
            .iter()
            .filter(|s| s.path.contains("/admin/"))
            .map(|s| s.path.clone())
            .collect();
        assert!(admin.is_empty(), "{realm}: {admin:?}");
    }
}

/// #27.3: two tenants sharing a realm are refused in a fleet run (they were worked twice), a
/// single-tenant run names the others, and the fleet table shows each tenant's realm.
#[test]
fn shared_realms_are_refused_in_fleets_and_named_elsewhere() {
    let (url, seen) = tenants_server(&[("t1", "shared"), ("t2", "shared"), ("t3", "own")]);
    let home = tempfile::tempdir().unwrap();
    let o = run(cx2fa(home.path()).args(["user", "status", "--all-tenants", "--url", &url]));
    assert_eq!(o.status, 5, "{o}");
    assert!(
        o.stdout
            .contains("realm `shared` is shared by tenants `t1`, `t2`"),
        "{o}"
    );
    assert!(
        o.stdout.contains("realm") && o.stdout.contains("own"),
        "{o}"
    );
    let shared_calls = seen
        .lock()
        .unwrap()
        .iter()
        .filter(|s| s.path.contains("/realms/shared/"))
        .count();
    assert_eq!(shared_calls, 0, "the shared realm was scanned");
    let o = run(cx2fa(home.path()).args(["user", "status", "-t", "t1", "--url", &url]));
    assert_eq!(o.status, 0, "{o}");
    assert!(
        o.stderr
            .contains("realm `shared` is also the realm of tenant(s) `t2`"),
        "{o}"
    );
}

/// #27.2: the tenant document sends the OTP manager to another host: the OTP and the code go
/// there and its 200 decides the verdict. cx2fa now says where each service is and where the
/// address came from, warns, and `doctor` flags it; the RSA call (it carries the client key)
/// is refused over plain http to anything but this machine.
#[test]
fn service_addresses_from_the_tenant_document_are_shown_and_flagged() {
    // Another host: 127.0.0.2 is not the deployment's 127.0.0.1. It accepts every code.
    let (evil, got) = serve_on("127.0.0.2:0", |_, s| respond(s, "200 OK", "", "{}"));
    let sb = Sandbox::start();
    let mut doc = sb.tenant("expertflow");
    doc["tenantSettings"]["keyCloak"]["Otp_Manager_Url"] = format!("{evil}/").into();
    doc["tenantSettings"]["keyCloak"]["RSA_Server_URL"] = "http://rsa.example.test:7002/".into();
    assert_eq!(sb.put_tenant("expertflow", &doc), 200);
    let o = run(sb
        .cmd()
        .env_remove("CX2FA_OTP_MANAGER_URL")
        .env_remove("CX2FA_RSA_URL")
        .args(["simulate-login", "--user", "agent.email", "--otp", "000000"]));
    // The other host said yes; the admin is told whose yes it was.
    assert_eq!(o.status, 0, "{o}");
    assert!(
        !got.lock().unwrap().is_empty(),
        "the document's OTP manager was asked"
    );
    assert!(
        o.stderr.contains("warning: the OTP manager address")
            && o.stderr.contains(&evil)
            && o.stderr
                .contains("points neither at the deployment nor at an in-cluster name"),
        "{o}"
    );
    assert!(
        o.stdout
            .contains("from the tenant document's `keyCloak.Otp_Manager_Url`"),
        "{o}"
    );
    // RSA over plain http to another host: refused before anything is sent or written.
    let o = run(sb
        .cmd()
        .env_remove("CX2FA_RSA_URL")
        .env("RSA", "rsapin01123456")
        .args([
            "simulate-login",
            "--user",
            "agent.rsa",
            "--rsa-passcode-env",
            "RSA",
        ]));
    assert_eq!(o.status, 1, "{o}");
    assert!(
        o.stderr.contains("is plain http") && o.stderr.contains("--allow-plain-http-rsa"),
        "{o}"
    );
    // doctor flags both.
    let o = run(sb
        .cmd()
        .env_remove("CX2FA_OTP_MANAGER_URL")
        .env_remove("CX2FA_RSA_URL")
        .args(["doctor", "-t", "expertflow", "-o", "json"]));
    let v: serde_json::Value = serde_json::from_str(&o.stdout).unwrap_or_else(|_| panic!("{o}"));
    let warns: Vec<String> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["level"] == "warn")
        .map(|f| format!("{}: {}", f["check"], f["detail"]))
        .collect();
    assert!(
        warns
            .iter()
            .any(|w| w.contains("OTP manager") && w.contains("points neither")),
        "{warns:?}"
    );
    assert!(
        warns
            .iter()
            .any(|w| w.contains("RSA SecurID") && w.contains("plain http")),
        "{warns:?}"
    );
}

/// #27.7: an overall deadline: a slow server (0.7 s an answer) and 20 rows one at a time stop
/// starting rows at `--max-time 2`, with the report of what was done.
#[test]
fn a_bulk_run_stops_at_its_deadline() {
    let (url, _) = realm_server(|_, s| {
        std::thread::sleep(Duration::from_millis(700));
        respond(s, "200 OK", "", "[]")
    });
    let names: Vec<String> = (0..20).map(|i| format!("u{i}")).collect();
    let (o, took, rows) = bulk_reset(&url, &["--concurrency", "1", "--max-time", "2"], &names);
    assert_eq!(o.status, 5, "{o}");
    // How many rows fit in the time varies with the machine.
    let rows_done = regex::Regex::new(r"\d+ row\(s\) done").unwrap();
    insta::assert_snapshot!(rows_done.replace(&o.final_error(), "[N] row(s) done"), @r"
        error: the run reached its time limit with rows not started

        Caused by:
            the run stopped at once: [N] row(s) done and in the report; the rest were not attempted

        hint: continue with `--resume REPORT` (rows not started are not in the report)
    ");
    assert!(took < Duration::from_secs(10), "took {took:?}");
    assert!((1..20).contains(&rows), "{rows} rows in the report");
}

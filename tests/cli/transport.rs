//! HTTPS against the sandbox's `--tls`: trusted with its CA, refused without.

use crate::support::{run, Sandbox, TestEnv};
use cx2fa_sandbox::Config;

#[test]
fn tls_with_the_generated_ca_and_refusal_without() {
    let dir = tempfile::tempdir().unwrap();
    let ca = dir.path().join("ca.pem");
    let sb = Sandbox::with(Config {
        tls_ca: Some(ca.clone()),
        ..Default::default()
    });
    assert!(sb.url.starts_with("https://127.0.0.1:"));
    let o = run(sb.cmd().args(["tenant", "list"]));
    assert_eq!(o.status, 0, "{o}");
    assert!(o.stdout.contains("expertflow"));
    let o = run(sb
        .cmd()
        .env_remove("CX2FA_CA_CERT")
        .args(["tenant", "list"]));
    assert_eq!(o.status, 4, "{o}");
    assert!(
        o.stderr.contains("TLS failed for `https://127.0.0.1:") && o.stderr.contains("--ca-cert"),
        "{o}"
    );
    let o = run(sb
        .cmd()
        .env_remove("CX2FA_CA_CERT")
        .args(["tenant", "list", "--insecure"]));
    assert_eq!(o.status, 0, "{o}");
    assert!(o.stderr.contains("warning: `--insecure`"), "{o}");
    let o = run(sb
        .cmd()
        .env("CX2FA_CA_CERT", dir.path().join("missing.pem"))
        .args(["tenant", "list"]));
    assert_eq!(o.status, 2, "{o}");
    assert!(
        o.stderr.contains("--ca-cert")
            && o.stderr.contains("missing.pem")
            && o.stderr.contains("no such file"),
        "{o}"
    );
}

/// An ingress that sends plain HTTP to HTTPS: reported with the address to use, not followed.
#[test]
fn a_redirect_to_https_is_reported_with_the_address_to_use() {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(&stream);
            let mut request_line = String::new();
            reader.read_line(&mut request_line).unwrap_or_default();
            let path = request_line.split(' ').nth(1).unwrap_or("/").to_string();
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                line.clear();
            }
            let _ = write!(
                &stream,
                "HTTP/1.1 308 Permanent Redirect\r\nLocation: https://127.0.0.1:{port}{path}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
        }
    });
    let o = run(TestEnv::new()
        .set("CX2FA_USERNAME", "admin")
        .set("CX2FA_PASSWORD", "secret-pass")
        .cx2fa()
        .args([
            "tenant",
            "list",
            "--url",
            &format!("http://127.0.0.1:{port}"),
        ]));
    assert!(!o.stderr.contains("secret-pass"), "{o}");
    insta::assert_snapshot!(o, @r"
        ------- stderr -------
        error: `POST http://127.0.0.1:[PORT]/auth/realms/master/protocol/openid-connect/token` answered 308, a redirect to `https://127.0.0.1:[PORT]/auth/realms/master/protocol/openid-connect/token`; not followed

        hint: cx2fa never follows redirects; if the new address is right, use it (e.g. `--url https://…`)
        [exit status: 1]
    ");
}

/// #26.7: a server that takes the connection and never answers costs one `--timeout`, not
/// one per prefix and retry (it was 2 min 31 s at 30 s), and the message says so.
#[test]
fn a_hung_server_costs_one_timeout_and_says_what_happened() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    // Accepts and holds every connection, never writing a byte.
    std::thread::spawn(move || {
        let mut held = vec![];
        for c in listener.incoming().flatten() {
            held.push(c);
        }
    });
    let env = TestEnv::new()
        .set("CX2FA_USERNAME", "admin")
        .set("CX2FA_PASSWORD", "a-password-1");
    let started = std::time::Instant::now();
    let o = run(env
        .cx2fa()
        .args(["user", "status", "-t", "t1", "--timeout", "2", "--url"])
        .arg(format!("http://127.0.0.1:{port}"))
        .timeout(std::time::Duration::from_secs(60)));
    let took = started.elapsed();
    assert!(
        took < std::time::Duration::from_secs(6),
        "took {took:?}: {o}"
    );
    // Network: one `--timeout` in all, and the hint says what happened.
    insta::assert_snapshot!(o, @r"
        ------- stderr -------
        error: `GET http://127.0.0.1:[PORT]/auth/realms/master/.well-known/openid-configuration`: no answer within 2 s

        Caused by:
            waited 2 s in all for this request

        hint: the server took the connection but did not answer: check that the URL is the deployment's and that the service is up (`cx2fa doctor`); `--timeout SECS` waits longer
        [exit status: 4]
    ");
}

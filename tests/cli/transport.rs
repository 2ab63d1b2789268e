//! HTTPS against the sandbox's `--tls`: trusted with its CA, refused without.

use crate::support::{run, Sandbox};
use cx2fa::sandbox::Config;

#[test]
fn tls_with_the_generated_ca_and_refusal_without() {
    let dir = tempfile::tempdir().unwrap();
    let ca = dir.path().join("ca.pem");
    let sb = Sandbox::with(Config {
        tls_ca: Some(ca.clone()),
        ..Default::default()
    });
    assert!(sb.url.starts_with("https://127.0.0.1:"));
    let (code, out, err) = run(sb.cmd().args(["tenant", "list"]));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("expertflow"));
    let (code, _, err) = run(sb
        .cmd()
        .env_remove("CX2FA_CA_CERT")
        .args(["tenant", "list"]));
    assert_eq!(code, 4, "{err}");
    assert!(
        err.contains("TLS failed for `https://127.0.0.1:") && err.contains("--ca-cert"),
        "{err}"
    );
    let (code, _, err) =
        run(sb
            .cmd()
            .env_remove("CX2FA_CA_CERT")
            .args(["tenant", "list", "--insecure"]));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("warning: `--insecure`"), "{err}");
    let (code, _, err) = run(sb
        .cmd()
        .env("CX2FA_CA_CERT", dir.path().join("missing.pem"))
        .args(["tenant", "list"]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("cannot read CA certificate"), "{err}");
}

//! No known secret of the sandbox appears in any output, `--debug` included.

use crate::support::{file, run, Sandbox, UPDATE_EMAIL};

const SECRETS: &[&str] = &[
    "sandbox-admin-pass",
    "ef61df80-061c-4c29-b9ac-387e6bf67052",
    "tenant-admin-pass",
    "Expertflow123",
    "31bea9d152d6c1dd053cd4a8481fc234",
    "AC99cffb57f6d7e3c3da5f0f149ddc2b47",
    "sandbox-rsa-client-key",
    "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
    "smtp-channel-pass",
    "finesse-pass",
    "agent-pass",
];

#[test]
fn debug_output_of_every_command_is_redacted() {
    let sb = Sandbox::start();
    let (_d, p) = file(UPDATE_EMAIL.as_bytes());
    let code = run(sb.cmd().args(["sandbox", "rsa-code", "agent.rsa"])).stdout;
    let pass = format!("rsapin01{}", code.trim());
    let runs: Vec<Vec<&str>> = vec![
        vec!["tenant", "list"],
        vec!["tenant", "show"],
        vec!["policy", "show"],
        vec!["policy", "plan", "-f", &p],
        vec!["policy", "apply", "-t", "acme", "-f", &p, "--yes"],
        vec!["channel", "list"],
        vec!["channel", "check"],
        vec!["user", "status"],
        vec!["user", "status", "agent.app"],
        vec!["user", "reset", "agent.stale", "--yes"],
        vec![
            "simulate-login",
            "--user",
            "agent.email",
            "--otp-from-outbox",
        ],
        vec![
            "simulate-login",
            "--user",
            "agent.app",
            "--totp-secret-env",
            "APP",
        ],
        vec![
            "simulate-login",
            "--user",
            "agent.rsa",
            "--rsa-passcode-env",
            "RSA",
        ],
        vec!["tenant", "restore", "nope.json"],
        vec!["tenant", "backups"],
        vec!["user", "status", "--all-tenants"],
        vec!["audit", "--all-tenants"],
        vec!["audit", "-t", "globex", "--fix", "--yes"],
        vec!["doctor"],
        vec!["auth", "status"],
        vec!["config", "validate", &p],
        vec![
            "probe",
            "--once",
            "--user",
            "agent.email",
            "--contact",
            "agent.email@example.test",
            "--otp-from-outbox",
        ],
    ];
    // Every encoding a secret could leave in: as is, percent-encoded (a form or URL), base64
    // (a Basic header, `user:pass` included), JSON- and HTML-escaped.
    use base64::Engine;
    let b64 = |s: &str| base64::engine::general_purpose::STANDARD.encode(s);
    let own = [sb.admin_password.clone(), sb.token.clone()];
    let mut planted: Vec<String> = vec![];
    for s in SECRETS
        .iter()
        .copied()
        .chain(own.iter().map(String::as_str))
    {
        planted.push(s.to_string());
        planted.push(b64(s));
        planted.push(b64(&format!("admin:{s}")));
        planted.push(
            s.bytes()
                .map(|b| match b {
                    b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                        (b as char).to_string()
                    }
                    _ => format!("%{b:02X}"),
                })
                .collect(),
        );
        planted.push(
            serde_json::to_string(s)
                .unwrap()
                .trim_matches('"')
                .to_string(),
        );
        planted.push(s.replace('&', "&amp;").replace('<', "&lt;"));
    }
    planted.push(pass.clone());
    planted.push(b64(&pass));
    for args in runs {
        for format in ["table", "json", "csv"] {
            let mut c = sb.cmd();
            c.env("APP", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
                .env("RSA", &pass)
                .arg("--debug")
                .arg("--print-curl")
                .args(&args)
                .args(["-o", format]);
            let o = run(&mut c);
            let offline = args[0] == "tenant" && matches!(args[1], "restore" | "backups")
                || args[0] == "config"
                || args[0] == "auth";
            assert!(
                o.stderr.contains("debug:") || offline || format == "csv",
                "{args:?} -o {format} traced nothing: {o}"
            );
            for s in &planted {
                assert!(
                    !o.stdout.contains(s.as_str()) && !o.stderr.contains(s.as_str()),
                    "{args:?} -o {format} leaked `{s}`:\n{o}"
                );
            }
        }
    }
}

/// #26.10: the `--print-curl` lines run as printed, in order: the master token request sets
/// `$CX2FA_TOKEN`, which the later requests send (a password login never set it before).
#[test]
fn print_curl_lines_run_as_printed() {
    let sb = Sandbox::start();
    let o = run(sb.cmd().args(["tenant", "list", "--print-curl"]));
    assert_eq!(o.status, 0, "{o}");
    assert!(o.stderr.contains("export CX2FA_TOKEN=\"$(curl "), "{o}");
    let out = std::process::Command::new("bash")
        .args(["-c", &format!("set -e\n{}", o.stderr)])
        .env("CX2FA_PASSWORD", &sb.admin_password)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("\"tenantId\":\"expertflow\""), "{stdout}");
}

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
    let (_, code, _) = run(sb.cmd().args(["sandbox", "rsa-code", "agent.rsa"]));
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
    ];
    for args in runs {
        for json in [false, true] {
            let mut c = sb.cmd();
            c.env("APP", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
                .env("RSA", &pass)
                .arg("--debug")
                .arg("--print-curl")
                .args(&args);
            if json {
                c.args(["-o", "json"]);
            }
            let (_, out, err) = run(&mut c);
            assert!(
                err.contains("debug:") || args[0] == "tenant" && args[1] == "restore",
                "{args:?} traced nothing: {err}"
            );
            // The run's own: the admin password and the helpers' token are drawn per run.
            for s in SECRETS
                .iter()
                .chain(&[sb.admin_password.as_str(), sb.token.as_str()])
            {
                assert!(
                    !out.contains(s) && !err.contains(s),
                    "{args:?} leaked `{s}`:\n{out}\n{err}"
                );
            }
            assert!(!err.contains(&pass), "{args:?} leaked the RSA passcode");
        }
    }
}

/// #26.10: the `--print-curl` lines run as printed, in order: the master token request sets
/// `$CX2FA_TOKEN`, which the later requests send (a password login never set it before).
#[test]
fn print_curl_lines_run_as_printed() {
    let sb = Sandbox::start();
    let (code, _, err) = run(sb.cmd().args(["tenant", "list", "--print-curl"]));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("export CX2FA_TOKEN=\"$(curl "), "{err}");
    let out = std::process::Command::new("bash")
        .args(["-c", &format!("set -e\n{err}")])
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

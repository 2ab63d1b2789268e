//! `cx2fa tour`: the main jobs, run with the real commands against an in-process sandbox.

use crate::ctx::Ctx;
use crate::error::{CommandError, Kind};
use clap::Args;
use cx2fa_sandbox as sandbox;
use std::io::Write;

/// A guided run of the main jobs against a built-in sandbox
///
/// Starts a sandbox on a free port, then runs the commands an admin, a CI script and support
/// staff would type, showing each command line. Nothing outside a temporary directory is touched.
///
/// Examples:
///   cx2fa tour
///   cx2fa tour --interactive
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct TourArgs {
    /// Hand the simulate-login step to the person at the terminal
    #[arg(long)]
    pub interactive: bool,
}

const PAYLOAD: &str = r#"{
    "tenantSettings": {
        "keyCloak": {
            "Otp_Manager_Url": "http://ef-cx-otp-manager-svc:3000/", // must be inside keyCloak
        },
        "twoFAConfigs": {
            "is2FAEnabled": true,
            "channelType": "EMAIL",
            "channelServiceIdentifier": "support@example.test",
            "otpExpiry": 60,
            "otpMaxAttempts": 3
        }
    }
}
"#;

pub async fn run(ctx: &Ctx, a: TourArgs) -> Result<(), CommandError> {
    // A fresh private directory (0700, random name, created exclusively), as the sandbox's CA
    // gets: a name derived from the PID could be planted in a shared /tmp by another account,
    // with links the tour (often run as root) would write through.
    let dir = cx2fa_core::private::TempDir::new("cx2fa-tour").map_err(|e| {
        CommandError::failed(format!("cannot create a private temporary directory: {e}"))
    })?;
    let payload = dir.path().join("payload.json");
    cx2fa_core::private::create_new(&payload)?
        .write_all(PAYLOAD.replace(", // ", ",\u{a0}// ").as_bytes())?;
    let running = sandbox::start(sandbox::Config {
        files: std::sync::Arc::new(crate::sandbox_edge::CheckedFiles),
        ..Default::default()
    })
    .await
    .map_err(crate::sandbox_edge::error)?;
    let exe = std::env::current_exe()
        .map_err(|e| CommandError::failed(format!("cannot find the cx2fa binary: {e}")))?;
    let env = crate::sandbox_edge::env_lines(&running.exports());
    banner(&ctx.out, &env);
    let p = payload.display().to_string();
    let interactive = a.interactive && ctx.can_prompt();
    let mut failed = vec![];
    for (i, (what, args, want)) in steps(&p, interactive).iter().enumerate() {
        let code = step(
            &ctx.out,
            i + 1,
            what,
            args,
            (&exe, &env, dir.path()),
            interactive,
        )
        .await?;
        if code != Some(*want) {
            failed.push(format!(
                "step {}: `cx2fa {}` exited {} (expected {want})",
                i + 1,
                args.join(" "),
                code.unwrap_or(-1)
            ));
        }
    }
    running.stop().await.map_err(crate::sandbox_edge::error)?;
    drop(dir);
    finish(&ctx.out, failed)
}

/// What the tour runs against, with the secrets left to `cx2fa sandbox` to print.
fn banner(out: &crate::output::Printer, env: &[(String, String)]) {
    out.status(format!("{}\n", out.paint("cx2fa tour: a sandbox deployment is running at the URL below; every step is a real command.", "1")));
    for (k, v) in env {
        if k != cx2fa_core::env::PASSWORD && k != cx2fa_core::env::SANDBOX_TOKEN {
            out.status(format!("  export {k}={v}"));
        } else {
            out.status(format!("  export {k}=…   (printed by `cx2fa sandbox`)"));
        }
    }
}

/// The tour's steps: what each shows, its command line, and the exit code it ends with.
fn steps(p: &str, interactive: bool) -> Vec<(&'static str, Vec<&str>, i32)> {
    let login: Vec<&str> = if interactive {
        vec![
            "simulate-login",
            "-t",
            "expertflow",
            "--user",
            "agent.pending",
        ]
    } else {
        vec![
            "simulate-login",
            "-t",
            "expertflow",
            "--user",
            "agent.email",
            "--otp-from-outbox",
        ]
    };
    // Each step with the exit code it is expected to end with: the seed has a user whom the
    // platform logs in with any code, so the first verdict is "NOT ready" (exit 1) until the
    // reset step, and the tour shows both.
    vec![
        ("Admin: validate a payload pasted from the configuration guide (non-breaking spaces, // comments and all)", vec!["config", "validate", p], 0),
        ("Admin: is tenant `expertflow` ready for 2FA? (not yet: expect exit 1, and why)", vec!["policy", "show", "-t", "expertflow"], 1),
        ("Admin: does its OTP channel exist, with the right type?", vec!["channel", "check", "-t", "expertflow"], 0),
        ("Admin: tenant `acme` has 2FA off. What would the payload change?", vec!["policy", "plan", "-t", "acme", "-f", p], 0),
        ("CI: apply it without a terminal (backup, concurrency check, whole-document write, verify)", vec!["policy", "apply", "-t", "acme", "-f", p, "--yes"], 0),
        ("CI: run it again: idempotent", vec!["policy", "apply", "-t", "acme", "-f", p, "--yes"], 0),
        ("Support: whose enrolment is stale, bypassed or shares a contact point?", vec!["user", "status", "-t", "expertflow"], 0),
        ("Everyone: log in as agent.email with its emailed OTP (read from the sandbox's outbox)", login, 0),
        ("Support: audit the tenant: who is bypassed, or fails at the next login? (expect exit 11)", vec!["audit", "-t", "expertflow"], 11),
        ("Support: fix what a reset repairs, so those users register again", vec!["audit", "-t", "expertflow", "--fix", "--yes"], 0),
        ("Admin: ready now?", vec!["policy", "show", "-t", "expertflow"], 0),
    ]
}

/// Runs one step as a child cx2fa against the sandbox (`exe`, its `env`, backups in `dir`);
/// its exit code.
async fn step(
    out: &crate::output::Printer,
    n: usize,
    what: &str,
    args: &[&str],
    (exe, env, dir): (&std::path::Path, &[(String, String)], &std::path::Path),
    interactive: bool,
) -> Result<Option<i32>, CommandError> {
    out.status(format!("\n{} {what}", out.paint(&format!("{n}."), "1;36")));
    out.status(format!(
        "  $ {}",
        out.paint(&format!("cx2fa {}", args.join(" ")), "1")
    ));
    // tokio's process API: the sandbox shares this runtime and must keep serving meanwhile.
    let mut cmd = tokio::process::Command::new(exe);
    cmd.args(args)
        .envs(env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .env(cx2fa_core::env::USER_PASSWORD, "agent-pass")
        .env("XDG_STATE_HOME", dir)
        .env_remove(cx2fa_core::env::PROFILE);
    if !interactive {
        cmd.stdin(std::process::Stdio::null());
    }
    let status = cmd
        .status()
        .await
        .map_err(|e| CommandError::failed(format!("cannot run cx2fa: {e}")))?;
    Ok(status.code())
}

/// What to do next, and the tour's verdict.
fn finish(out: &crate::output::Printer, failed: Vec<String>) -> Result<(), CommandError> {
    out.status(format!(
        "\n{}\n  Keep a sandbox running:   cx2fa sandbox   (then paste the export lines it prints)\n  \
         Point at a deployment:    export CX2FA_URL=https://<ingress> CX2FA_TENANT=<tenantId> CX2FA_USERNAME=<master admin>\n                            \
         and CX2FA_PASSWORD, or let cx2fa prompt; in-cluster OTP manager: --otp-manager-url http://localhost:<port-forward>/",
        out.paint("Next:", "1")
    ));
    if failed.is_empty() {
        out.status(out.paint("tour finished: every step worked", "32"));
        Ok(())
    } else {
        let mut e = CommandError::new(
            Kind::Failed,
            format!("{} tour step(s) failed", failed.len()),
        );
        for f in failed {
            e = e.with_cause(f);
        }
        Err(e)
    }
}

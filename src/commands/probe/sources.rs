//! Secret references resolved at the edge: an environment variable, a file, a command.
//! Errors name the reference, never a value.

use cx2fa_core::api::Secret;
use cx2fa_core::error::Error;
use cx2fa_core::probe::{SecretRef, Sources};
use std::time::{Duration, Instant};

/// The most a secret file or command output may hold: a password or a code, not a document.
const MAX: usize = 64 * 1024;
/// A command that does not answer within this is stopped: the run must end.
const COMMAND_TIMEOUT: Duration = Duration::from_secs(30);

pub struct Resolver;

impl Sources for Resolver {
    fn sandbox_token(&self) -> Option<Secret> {
        std::env::var(cx2fa_core::env::SANDBOX_TOKEN)
            .ok()
            .filter(|t| !t.is_empty())
            .map(Secret::new)
    }
    fn secret(&self, r: &SecretRef) -> Result<Secret, Error> {
        let value = match r {
            SecretRef::Env(var) => std::env::var(var).map_err(|_| {
                Error::usage(format!(
                    "environment variable `{var}` (a probe secret) is not set"
                ))
            })?,
            SecretRef::File(path) => {
                let text = cx2fa_core::input::read_text(
                    &path.display().to_string(),
                    "probe secret file",
                    MAX as u64,
                )?;
                text.trim().to_string()
            }
            SecretRef::Command(cmd) => run(cmd)?,
        };
        if value.is_empty() {
            return Err(Error::usage(format!(
                "the probe secret from {} is empty",
                describe(r)
            )));
        }
        // Known to the redactor from now on: scrubbed from every line cx2fa prints.
        Ok(Secret::new(value))
    }
}

fn describe(r: &SecretRef) -> String {
    match r {
        SecretRef::Env(v) => format!("`{v}`"),
        SecretRef::File(p) => format!("`{}`", p.display()),
        SecretRef::Command(_) => "its command".into(),
    }
}

/// Runs `cmd` with `sh -c`, without cx2fa's own secret variables; its trimmed output.
fn run(cmd: &str) -> Result<String, Error> {
    let mut c = std::process::Command::new("sh");
    c.arg("-c")
        .arg(cmd)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null());
    for var in cx2fa_core::auth::SECRET_ENV {
        c.env_remove(var);
    }
    let mut child = c
        .spawn()
        .map_err(|e| Error::failed(format!("cannot run a probe secret command: {e}")))?;
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if started.elapsed() > COMMAND_TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(Error::failed(format!(
                    "a probe secret command did not finish within {} s",
                    COMMAND_TIMEOUT.as_secs()
                )));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => return Err(Error::failed(format!("a probe secret command: {e}"))),
        }
    }
    let out = child
        .wait_with_output()
        .map_err(|e| Error::failed(format!("a probe secret command: {e}")))?;
    if !out.status.success() {
        return Err(Error::failed(format!(
            "a probe secret command exited with {}",
            out.status
        )));
    }
    if out.stdout.len() > MAX {
        return Err(Error::failed(
            "a probe secret command printed more than 64 KiB",
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

//! The sandbox at the command line's edge: cx2fa's checked, private file handling for the
//! files it is given, and its errors turned into messages with hints and exit codes.

use crate::error::CommandError;
use cx2fa_sandbox::{FileError, Files};
use std::path::Path;

/// Sandbox file access through cx2fa's own checks (`input`: no directories, FIFOs or binary
/// files; `private`: 0600, atomic, never through a symlink).
#[derive(Debug, Default)]
pub struct CheckedFiles;

impl Files for CheckedFiles {
    fn read_text(&self, path: &Path, flag: &str, limit: u64) -> Result<String, FileError> {
        cx2fa_core::input::read_text(&path.display().to_string(), flag, limit)
            .map_err(|e| Box::new(cx2fa_core::error::Error::from(e)) as FileError)
    }
    fn is_regular_file(&self, path: &Path, flag: &str) -> Result<bool, FileError> {
        let shape = cx2fa_core::input::shape(&path.display().to_string(), flag)
            .map_err(|e| Box::new(cx2fa_core::error::Error::from(e)) as FileError)?;
        Ok(shape == cx2fa_core::input::Shape::File)
    }
    fn write_private(&self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        cx2fa_core::private::write(path, bytes)
    }
}

/// The environment variables that point cx2fa at a running sandbox, in the order the banner
/// prints them.
pub fn env_lines(x: &cx2fa_sandbox::Exports) -> Vec<(String, String)> {
    use cx2fa_core::env;
    let mut v = vec![
        (env::URL.to_string(), x.url.clone()),
        (env::TENANT.to_string(), x.tenant.clone()),
        (env::OTP_MANAGER_URL.to_string(), x.otp_manager_url.clone()),
        (env::RSA_URL.to_string(), x.rsa_url.clone()),
    ];
    if let Some(ca) = &x.ca_cert {
        v.push((env::CA_CERT.to_string(), ca.display().to_string()));
    }
    if let Some(k) = &x.keycloak_url {
        v.push((env::KEYCLOAK_URL.to_string(), k.clone()));
    }
    // Before the admin's lines: scripts wait for `CX2FA_PASSWORD`, the last one.
    v.push((env::SANDBOX_TOKEN.to_string(), x.helper_token.clone()));
    if let Some((user, password)) = &x.admin {
        v.push((env::USERNAME.to_string(), user.clone()));
        v.push((env::PASSWORD.to_string(), password.clone()));
    }
    v
}

/// A sandbox failure as the command line shows it.
pub fn error(e: cx2fa_sandbox::SandboxError) -> CommandError {
    use cx2fa_sandbox::SandboxError as S;
    let message = e.to_string();
    match e {
        S::Config(_) => CommandError::usage(message),
        S::UnknownFaultKind(_) => {
            CommandError::usage(message).with_hint("kinds are 500|429|reset|slow|500-after-write")
        }
        S::UnknownFaultKey(_) => CommandError::usage(message).with_hint("use rate=, kinds=, seed="),
        S::BadSeed { .. } => CommandError::usage(message)
            .with_hint("see the built-in seed with `cx2fa sandbox --print-seed` for the format"),
        S::BadState { .. } => {
            CommandError::usage(message).with_hint("delete it to start from the seed again")
        }
        S::UntrustedState { .. } => CommandError::usage(message).with_hint(
            "keep the state in a directory of yours, e.g. `--state ~/.local/state/cx2fa/sandbox.json`, or delete the file",
        ),
        S::Listen { .. } => {
            CommandError::usage(message).with_hint("pick another `--port`, or `--port 0` for a free one")
        }
        // Our own `CheckedFiles` failed: its error (core's, with its remedy) is the one to show.
        S::File(inner) => match inner.downcast::<cx2fa_core::error::Error>() {
            Ok(e) => (*e).into(),
            Err(other) => CommandError::usage(other.to_string()),
        },
        S::Failed(_) | S::Io(_) => CommandError::failed(message),
    }
}

//! Profiles and where admin credentials come from.

pub mod profile;
pub mod store;

use crate::api::{Credentials, Secret};
use crate::error::{Error, Fix};
use std::io::Read;

/// Reads one secret from stdin (trailing newline removed).
pub fn read_stdin_secret(what: &str) -> Result<Secret, Error> {
    let mut s = String::new();
    std::io::stdin()
        .read_to_string(&mut s)
        .map_err(|e| Error::usage(format!("cannot read {what} from stdin: {e}")))?;
    let s = s.trim_end_matches(['\n', '\r']).to_string();
    if s.is_empty() {
        return Err(Error::usage(format!("stdin held no {what}")));
    }
    Ok(Secret::new(s))
}

/// The environment variables that carry secrets to cx2fa: never passed on to a child process.
pub use crate::env::SECRETS as SECRET_ENV;

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// Where credentials come from, in order: `--password-stdin`, then the environment
/// (`CX2FA_USERNAME`/`CX2FA_PASSWORD`, `CX2FA_CLIENT_ID`/`CX2FA_CLIENT_SECRET`, `CX2FA_TOKEN`),
/// then a prompt when there is a terminal. `None` means "ask, if you can". A profile may name
/// the user (`username`) or the automation client (`client_id`); their secrets never live in
/// the config file, only in the environment (or the credential store).
pub fn from_env_or_stdin(
    password_stdin: bool,
    profile_username: Option<&str>,
    profile_client_id: Option<&str>,
) -> Result<Option<Credentials>, Error> {
    let username = env(crate::env::USERNAME).or_else(|| profile_username.map(str::to_string));
    if password_stdin {
        let username = username.ok_or_else(|| {
            Error::usage("`--password-stdin` needs a username")
                .with_fix(Fix::UsernameForPasswordStdin)
        })?;
        return Ok(Some(Credentials::Password {
            username,
            password: read_stdin_secret("password")?,
        }));
    }
    if let (Some(u), Some(p)) = (username.clone(), env(crate::env::PASSWORD)) {
        return Ok(Some(Credentials::Password {
            username: u,
            password: Secret::new(p),
        }));
    }
    let client_id = env(crate::env::CLIENT_ID).or_else(|| profile_client_id.map(str::to_string));
    if let (Some(id), Some(s)) = (client_id, env(crate::env::CLIENT_SECRET)) {
        return Ok(Some(Credentials::Client {
            id,
            secret: Secret::new(s),
        }));
    }
    if let Some(t) = env(crate::env::TOKEN) {
        return Ok(Some(Credentials::Token(Secret::new(t))));
    }
    Ok(None)
}

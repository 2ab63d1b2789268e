//! Profiles: per-deployment defaults in `$XDG_CONFIG_HOME/cx2fa/config.toml` (the caller
//! passes where that is: [`crate::paths::Dirs::config_file`]).
//!
//! ```toml
//! [profiles.default]
//! url = "https://tenant1.example.com"
//! tenant = "tenant1"
//! username = "admin"
//! otp_manager_url = "http://localhost:3000/"   # a port-forward to the in-cluster service
//! ```

use crate::error::{Error, Fix};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One profile; every field optional.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub url: Option<String>,
    pub tenant: Option<String>,
    pub keycloak_url: Option<String>,
    pub otp_manager_url: Option<String>,
    pub rsa_url: Option<String>,
    /// The master-realm admin whose password is in `CX2FA_PASSWORD` (or asked for).
    pub username: Option<String>,
    /// The automation client whose secret is in `CX2FA_CLIENT_SECRET` (client-credentials).
    pub client_id: Option<String>,
    pub ca_cert: Option<PathBuf>,
    pub insecure: Option<bool>,
    pub timeout: Option<u64>,
    /// The most requests at once (`--concurrency`).
    pub concurrency: Option<usize>,
    /// The most requests a second (`--rate`), e.g. during business hours.
    pub rate: Option<f64>,
}

#[derive(Debug, Default, Deserialize)]
struct ConfigFile {
    #[serde(default)]
    profiles: BTreeMap<String, Profile>,
}

/// Loads `name` (or `default`) from the config file at `path` (none: no defaults). A named
/// profile that does not exist is an error; a missing `default` simply means no defaults.
pub fn load(path: Option<&Path>, name: Option<&str>) -> Result<Profile, Error> {
    let Some(path) = path else {
        return Ok(Profile::default());
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return match name {
                Some(n) if n != "default" => Err(Error::usage(format!(
                    "profile `{n}` does not exist: there is no `{}`",
                    path.display()
                ))
                .with_fix(Fix::CreateProfile)),
                _ => Ok(Profile::default()),
            };
        }
        Err(e) => {
            return Err(Error::usage(format!(
                "cannot read `{}`: {e}",
                path.display()
            )))
        }
    };
    let file: ConfigFile = toml::from_str(&text).map_err(|e| {
        Error::usage(format!("`{}` is not a valid cx2fa config", path.display()))
            .with_cause(e.to_string().trim().to_string())
            .with_fix(Fix::ProfileFormat)
    })?;
    let want = name.unwrap_or("default");
    match file.profiles.get(want) {
        Some(p) => Ok(p.clone()),
        None if name.is_none() => Ok(Profile::default()),
        None => Err(
            Error::usage(format!("no profile `{want}` in `{}`", path.display()))
                .with_fix(Fix::KnownProfiles(file.profiles.keys().cloned().collect())),
        ),
    }
}

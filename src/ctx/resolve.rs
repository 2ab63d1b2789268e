//! What is resolved once per run, as pure functions of the parsed command line, the profile
//! and an [`Env`]: the options (flag > environment > profile > default), the directories, and
//! who logs in with what.

use crate::cli::Global;
use crate::error::CommandError;
use cx2fa_core::api::{Credentials, Secret};
use cx2fa_core::auth::profile::Profile;
use cx2fa_core::env as var;
use cx2fa_core::paths::Dirs;
use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::PathBuf;
use std::time::Duration;

/// The default ceiling of requests at once: above the capacity of the Keycloaks cx2fa meets,
/// so that the limiter, not this number, finds the pace.
pub const DEFAULT_CONCURRENCY: usize = 128;

/// The environment as this run found it, read once; tests build one from pairs.
#[derive(Debug, Clone, Default)]
pub struct Env(BTreeMap<String, OsString>);

impl Env {
    /// The process environment.
    pub fn from_process() -> Self {
        Env(std::env::vars_os()
            .filter_map(|(k, v)| Some((k.into_string().ok()?, v)))
            .collect())
    }
    /// An environment of exactly these variables.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        Env(pairs
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.into()))
            .collect())
    }
    /// A variable's value; unset, empty and non-UTF-8 are all "not given".
    pub fn get(&self, name: &str) -> Option<String> {
        self.0
            .get(name)
            .and_then(|v| v.to_str())
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    }
    /// Whether a variable is set at all (even empty).
    pub fn is_set(&self, name: &str) -> bool {
        self.0.contains_key(name)
    }
    fn path(&self, name: &str) -> Option<PathBuf> {
        self.0
            .get(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    }
}

/// cx2fa's base directories: `XDG_*` when set, else the platform's.
impl From<&Env> for Dirs {
    fn from(env: &Env) -> Self {
        Dirs {
            config: env.path("XDG_CONFIG_HOME").or_else(dirs::config_dir),
            data: env.path("XDG_DATA_HOME").or_else(dirs::data_dir),
            state: env
                .path("XDG_STATE_HOME")
                .or_else(dirs::state_dir)
                .or_else(|| dirs::home_dir().map(|h| h.join(".local/state"))),
        }
    }
}

/// The options read from both the command line (flag or environment) and the profile,
/// resolved once, in one place: flag > environment > profile > default. Each may say no as
/// well as yes (`--insecure=false` beats `insecure = true` in a profile).
#[derive(Debug, Clone)]
pub struct RunSettings {
    pub url: Option<String>,
    pub keycloak_url: Option<String>,
    pub otp_manager_url: Option<String>,
    pub rsa_url: Option<String>,
    /// `-t` (repeatable, comma-separated), else the profile's tenant; trimmed, deduplicated.
    pub tenants: Vec<String>,
    pub timeout: Duration,
    pub ca_cert: Option<std::path::PathBuf>,
    pub insecure: bool,
    /// The ceiling of requests at once.
    pub concurrency: usize,
    /// The most requests a second.
    pub rate: Option<f64>,
    /// Who logs in, when only a secret comes from elsewhere.
    pub username: Option<String>,
    pub client_id: Option<String>,
}

impl RunSettings {
    /// `g` holds flags and, through clap's `env`, their variables: flag > environment is
    /// clap's; this adds the profile and the defaults.
    pub fn resolve(g: &Global, p: Profile) -> Self {
        let mut tenants: Vec<String> = g
            .tenants
            .iter()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        if tenants.is_empty() {
            tenants.extend(p.tenant);
        }
        tenants.dedup();
        RunSettings {
            url: g.url.clone().or(p.url),
            keycloak_url: g.keycloak_url.clone().or(p.keycloak_url),
            otp_manager_url: g.otp_manager_url.clone().or(p.otp_manager_url),
            rsa_url: g.rsa_url.clone().or(p.rsa_url),
            tenants,
            timeout: Duration::from_secs(g.timeout.or(p.timeout).unwrap_or(30).max(1)),
            ca_cert: g.ca_cert.clone().or(p.ca_cert),
            insecure: g.insecure.or(p.insecure).unwrap_or(false),
            concurrency: g
                .concurrency
                .map(|n| n as usize)
                .or(p.concurrency)
                .unwrap_or(DEFAULT_CONCURRENCY)
                .clamp(1, 1024),
            rate: g.rate.or(p.rate),
            username: p.username,
            client_id: p.client_id,
        }
    }
}

/// Who logs in, and with what: answered once per run, for sessions, `auth status` and
/// `doctor` alike.
#[derive(Debug, Clone)]
pub enum Login {
    /// `--password-stdin`: the password of `username` (environment, else profile) is read
    /// from standard input when a session is first needed.
    PasswordStdin { username: Option<String> },
    /// Complete credentials from the environment (the secret always comes from there; the
    /// username or client id may come from the profile).
    Environment(Credentials),
    /// Nothing complete was given: the credentials stored by `auth login`, else a prompt.
    /// `CX2FA_USERNAME` is used as given; the profile's `username` is the prompt's default.
    Stored {
        env_username: Option<String>,
        profile_username: Option<String>,
    },
}

impl Login {
    /// In order: `--password-stdin`, then `CX2FA_USERNAME`/`CX2FA_PASSWORD`, then
    /// `CX2FA_CLIENT_ID`/`CX2FA_CLIENT_SECRET`, then `CX2FA_TOKEN`, then the store. A profile
    /// may name the user (`username`) or the automation client (`client_id`), never a secret;
    /// the environment's name beats the profile's.
    pub fn resolve(env: &Env, password_stdin: bool, s: &RunSettings) -> Self {
        let env_username = env.get(var::USERNAME);
        let username = env_username.clone().or_else(|| s.username.clone());
        if password_stdin {
            return Login::PasswordStdin { username };
        }
        if let (Some(username), Some(p)) = (username.clone(), env.get(var::PASSWORD)) {
            return Login::Environment(Credentials::Password {
                username,
                password: Secret::new(p),
            });
        }
        let client_id = env.get(var::CLIENT_ID).or_else(|| s.client_id.clone());
        if let (Some(id), Some(secret)) = (client_id, env.get(var::CLIENT_SECRET)) {
            return Login::Environment(Credentials::Client {
                id,
                secret: Secret::new(secret),
            });
        }
        if let Some(t) = env.get(var::TOKEN) {
            return Login::Environment(Credentials::Token(Secret::new(t)));
        }
        Login::Stored {
            env_username,
            profile_username: s.username.clone(),
        }
    }
}

/// The admin username `auth login` uses: `--username`, else `CX2FA_USERNAME`, else the
/// profile's; `None` means ask.
pub fn login_username(flag: Option<String>, env: &Env, s: &RunSettings) -> Option<String> {
    flag.or_else(|| env.get(var::USERNAME))
        .or_else(|| s.username.clone())
}

/// Reads one secret from standard input (trailing newline removed).
pub fn read_stdin_secret(what: &str) -> Result<Secret, CommandError> {
    use std::io::Read;
    let mut s = String::new();
    std::io::stdin()
        .read_to_string(&mut s)
        .map_err(|e| CommandError::usage(format!("cannot read {what} from stdin: {e}")))?;
    let s = s.trim_end_matches(['\n', '\r']).to_string();
    if s.is_empty() {
        return Err(CommandError::usage(format!("stdin held no {what}")));
    }
    Ok(Secret::new(s))
}

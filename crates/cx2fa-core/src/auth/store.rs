//! Where `auth login` keeps a profile's secret and its cached token: the OS keyring, or, when
//! the user chooses it explicitly, a 0600 file. Never a silent plaintext fallback.

use crate::api::keycloak::Token;
use crate::api::{Credentials, Secret};
use crate::error::{Error, Fix};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// The keyring service name entries are filed under.
const SERVICE: &str = "cx2fa";

/// Which store holds a profile's secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
#[serde(rename_all = "lowercase")]
pub enum StoreKind {
    /// The OS keyring (Secret Service on Linux, Keychain on macOS, Credential Manager on Windows).
    Keyring,
    /// A file readable only by you, under `$XDG_DATA_HOME/cx2fa/credentials/`.
    File,
}

/// A cached access token, with wall-clock expiry so it survives between runs.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CachedToken {
    pub access: String,
    pub expires_at: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh: Option<String>,
}

/// Which master-realm grant stored credentials are for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GrantKind {
    /// An admin's username and password.
    Password,
    /// An automation client's id and secret (client credentials).
    Client,
}

/// What is stored for a profile.
#[derive(Clone, Serialize, Deserialize)]
pub struct Stored {
    pub grant: GrantKind,
    /// The username, or the client id.
    pub principal: String,
    pub secret: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<CachedToken>,
    /// The deployment these credentials (and the token) belong to: its base URL and its
    /// Keycloak URL, as cx2fa computed them at `auth login`. They are used for nothing else.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keycloak_url: Option<String>,
}

impl std::fmt::Debug for Stored {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Stored {{ grant: {:?}, principal: {}, secret: REDACTED }}",
            self.grant, self.principal
        )
    }
}

impl Stored {
    pub fn from_credentials(c: &Credentials) -> Option<Self> {
        match c {
            Credentials::Password { username, password } => Some(Stored {
                grant: GrantKind::Password,
                principal: username.clone(),
                secret: password.expose().into(),
                token: None,
                url: None,
                keycloak_url: None,
            }),
            Credentials::Client { id, secret } => Some(Stored {
                grant: GrantKind::Client,
                principal: id.clone(),
                secret: secret.expose().into(),
                token: None,
                url: None,
                keycloak_url: None,
            }),
            Credentials::Token(_) => None,
        }
    }
    pub fn credentials(&self) -> Credentials {
        match self.grant {
            GrantKind::Client => Credentials::Client {
                id: self.principal.clone(),
                secret: Secret::new(&self.secret),
            },
            GrantKind::Password => Credentials::Password {
                username: self.principal.clone(),
                password: Secret::new(&self.secret),
            },
        }
    }
    /// Refuses to use these credentials for any deployment but the one they were stored for:
    /// a mistyped deployment URL must not receive the admin password (or the cached token).
    pub fn check_deployment(&self, profile: &str, ep: &crate::api::Endpoints) -> Result<(), Error> {
        let same = self.url.as_deref() == Some(ep.base.as_str())
            && self.keycloak_url.as_deref() == Some(ep.keycloak.as_str());
        if same {
            return Ok(());
        }
        let stored = match (&self.url, &self.keycloak_url) {
            (Some(u), Some(k)) => format!("`{u}` (Keycloak `{k}`)"),
            _ => "a deployment it does not record (stored by an older cx2fa)".into(),
        };
        Err(Error::auth(format!(
            "profile `{profile}` holds credentials for {stored}; this command is for `{}` (Keycloak `{}`); nothing was sent",
            ep.base, ep.keycloak
        ))
        .with_fix(Fix::CredentialsForOtherDeployment {
            base: ep.base.clone(),
        }))
    }

    /// The cached token, when it is still valid for a while.
    pub fn live_token(&self) -> Option<Token> {
        let t = self.token.as_ref()?;
        let left = t.expires_at.checked_sub(unix_now())?;
        // A cache file is not a server, but it can be edited: no unchecked clock arithmetic.
        let left = Duration::from_secs(left.min(24 * 3600));
        Some(Token {
            access: Secret::new(&t.access),
            expires_at: Instant::now() + left,
            refresh: t.refresh.as_deref().map(Secret::new),
        })
    }
}

pub fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// Converts a live token to its cached form.
pub fn cache(t: &Token) -> CachedToken {
    let left = t
        .expires_at
        .saturating_duration_since(Instant::now())
        .as_secs();
    CachedToken {
        access: t.access.expose().into(),
        expires_at: unix_now().saturating_add(left),
        refresh: t.refresh.as_ref().map(|r| r.expose().into()),
    }
}

/// The credential store of one user account: the directory of its files and markers
/// (`$XDG_DATA_HOME/cx2fa/credentials`, [`crate::paths::Dirs::credentials`], given by the
/// caller), and the OS keyring.
#[derive(Debug, Clone)]
pub struct Store {
    dir: Option<PathBuf>,
}

impl Store {
    /// A store whose files live in `dir`; `None` when there is no data directory.
    pub fn new(dir: Option<PathBuf>) -> Self {
        Store { dir }
    }

    /// The credentials directory.
    pub fn dir(&self) -> Result<PathBuf, Error> {
        self.dir.clone().ok_or_else(|| {
            Error::failed("cannot find a data directory for credentials").with_fix(Fix::SetDataHome)
        })
    }

    fn file_path(&self, profile: &str) -> Result<PathBuf, Error> {
        Ok(self.dir()?.join(format!("{profile}.json")))
    }

    /// A marker (no secret in it) saying that the profile's secret is in the keyring, so that
    /// commands do not probe the keyring for profiles that never stored anything there.
    fn marker_path(&self, profile: &str) -> Result<PathBuf, Error> {
        Ok(self.dir()?.join(format!("{profile}.keyring")))
    }
}

/// Like [`keyring`], with the keyring's "no such entry" as `None` (by its error variant).
fn keyring_entry<T: Send + 'static>(
    f: impl FnOnce() -> keyring::Result<T> + Send + 'static,
) -> Result<Option<T>, Error> {
    keyring(move || match f() {
        Ok(v) => Ok(Some(v)),
        Err(keyring::Error::NoEntry) => Ok(None),
        Err(e) => Err(e),
    })
}

/// Runs a keyring call on its own thread with a deadline: a missing D-Bus can block for long.
fn keyring<T: Send + 'static>(
    f: impl FnOnce() -> keyring::Result<T> + Send + 'static,
) -> Result<T, Error> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(Duration::from_secs(10)) {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(keyring_error(e)),
        Err(_) => Err(keyring_unavailable(
            "the keyring did not answer within 10 s",
        )),
    }
}

fn keyring_unavailable(why: &str) -> Error {
    Error::failed(format!("the OS keyring is not available: {why}"))
        .with_fix(Fix::KeyringUnavailable)
}

fn keyring_error(e: keyring::Error) -> Error {
    match e {
        keyring::Error::NoStorageAccess(inner) => {
            keyring_unavailable(&format!("it is locked or refused access ({inner})"))
        }
        keyring::Error::PlatformFailure(inner) => keyring_unavailable(&format!("{inner}")),
        other => Error::failed(format!("keyring error: {other}")),
    }
}

fn write_private(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        // cx2fa's own directory: made private even if it existed with a wider mode.
        crate::private::dir(parent)?;
    }
    crate::private::write(path, bytes)
}

impl Store {
    /// Whether `kind` can store a secret here, asked before anyone types one: a keyring that is
    /// missing, locked or refuses access is found now, not after the password prompt.
    pub fn check_available(&self, kind: StoreKind) -> Result<(), Error> {
        match kind {
            StoreKind::File => self.dir().map(|_| ()),
            StoreKind::Keyring => {
                keyring_entry(|| {
                    keyring::Entry::new(SERVICE, "cx2fa-availability-check")?.get_password()
                })?;
                Ok(())
            }
        }
    }

    /// Saves a profile's credentials in `kind`, replacing what was stored before.
    pub fn save(&self, profile: &str, kind: StoreKind, s: &Stored) -> Result<PathBuf, Error> {
        let text = serde_json::to_string(s).map_err(|e| Error::failed(e.to_string()))?;
        match kind {
            StoreKind::File => {
                let p = self.file_path(profile)?;
                // Runs caching tokens at the same time take turns; each write is atomic anyway.
                let _lock = crate::private::lock(&p)
                    .map_err(|e| Error::failed(format!("cannot lock `{}`: {e}", p.display())))?;
                write_private(&p, text.as_bytes())
                    .map_err(|e| Error::failed(format!("cannot write `{}`: {e}", p.display())))?;
                let _ = std::fs::remove_file(self.marker_path(profile)?);
                Ok(p)
            }
            StoreKind::Keyring => {
                let user = profile.to_string();
                keyring(move || keyring::Entry::new(SERVICE, &user)?.set_password(&text))?;
                // Check it reads back: some backends accept a write and keep nothing.
                let user = profile.to_string();
                keyring(move || keyring::Entry::new(SERVICE, &user)?.get_password())?;
                let m = self.marker_path(profile)?;
                write_private(&m, b"")
                    .map_err(|e| Error::failed(format!("cannot write `{}`: {e}", m.display())))?;
                let _ = std::fs::remove_file(self.file_path(profile)?);
                Ok(m)
            }
        }
    }

    /// What is stored for `profile`, and where; `None` when nothing is.
    pub fn load(&self, profile: &str) -> Result<Option<(StoreKind, Stored)>, Error> {
        let f = self.file_path(profile)?;
        if f.exists() {
            check_permissions(&f)?;
            let text = std::fs::read_to_string(&f)
                .map_err(|e| Error::failed(format!("cannot read `{}`: {e}", f.display())))?;
            let s = serde_json::from_str(&text).map_err(|e| {
                Error::failed(format!(
                    "`{}` is not a cx2fa credentials file: {e}",
                    f.display()
                ))
                .with_fix(Fix::StoreCredentialsAgain)
            })?;
            return Ok(Some((StoreKind::File, s)));
        }
        if self.marker_path(profile)?.exists() {
            let user = profile.to_string();
            let Some(text) =
                keyring_entry(move || keyring::Entry::new(SERVICE, &user)?.get_password())?
            else {
                return Ok(None);
            };
            let s = serde_json::from_str(&text).map_err(|e| {
                Error::failed(format!(
                    "the keyring entry for profile `{profile}` is unreadable: {e}"
                ))
            })?;
            return Ok(Some((StoreKind::Keyring, s)));
        }
        Ok(None)
    }

    /// Removes everything stored for `profile`; whether anything was.
    pub fn remove(&self, profile: &str) -> Result<bool, Error> {
        let mut any = false;
        let f = self.file_path(profile)?;
        if f.exists() {
            std::fs::remove_file(&f)
                .map_err(|e| Error::failed(format!("cannot remove `{}`: {e}", f.display())))?;
            any = true;
        }
        let m = self.marker_path(profile)?;
        if m.exists() {
            let user = profile.to_string();
            keyring_entry(move || keyring::Entry::new(SERVICE, &user)?.delete_credential())?;
            std::fs::remove_file(&m)
                .map_err(|e| Error::failed(format!("cannot remove `{}`: {e}", m.display())))?;
            any = true;
        }
        Ok(any)
    }

    /// Where a profile's secret lives, for `auth status`.
    pub fn location(&self, profile: &str, kind: StoreKind) -> String {
        match kind {
            StoreKind::Keyring => format!("OS keyring (service `{SERVICE}`, entry `{profile}`)"),
            StoreKind::File => self
                .file_path(profile)
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
        }
    }
}

/// A credentials file others can read is refused until fixed.
pub fn check_permissions(path: &std::path::Path) -> Result<(), Error> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path)
            .map(|m| m.permissions().mode() & 0o777)
            .unwrap_or(0);
        if mode & 0o077 != 0 {
            return Err(Error::failed(format!(
                "`{}` is readable by others (mode {mode:o})",
                path.display()
            ))
            .with_fix(Fix::CredentialsFilePermissions {
                path: path.to_path_buf(),
            }));
        }
    }
    let _ = path;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grant_is_stored_by_its_old_name() {
        let c = Credentials::Client {
            id: "ci".into(),
            secret: Secret::new("s"),
        };
        let s = Stored::from_credentials(&c).unwrap();
        let v = serde_json::to_value(&s).unwrap();
        assert_eq!(v["grant"], "client");
        let back: Stored = serde_json::from_value(
            serde_json::json!({"grant": "password", "principal": "admin", "secret": "pw"}),
        )
        .unwrap();
        assert!(
            matches!(back.credentials(), Credentials::Password { username, .. } if username == "admin")
        );
    }

    #[test]
    fn without_a_data_directory_the_file_store_says_so() {
        let e = Store::new(None).load("default").unwrap_err();
        assert_eq!(e.fix, Some(Fix::SetDataHome));
    }
}

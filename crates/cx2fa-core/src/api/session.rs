//! A ready, authenticated connection to one deployment.

use super::http::{Body, Http, Request, Response, Secretish};
use super::keycloak::{self, Grant, Token};
use super::secret::Secret;
use crate::error::{Error, Fix, Kind};
use cx2fa_platform::contract;
use serde_json::Value;
use std::time::{Duration, Instant};
use tokio::sync::Mutex;

/// Where each service lives (docs/deployment-contract.md §1). URLs end with `/`.
#[derive(Debug, Clone)]
pub struct Endpoints {
    pub base: String,
    pub keycloak: String,
    /// Override of the tenant's in-cluster `Otp_Manager_Url` (e.g. a port-forward).
    pub otp_manager: Option<String>,
    /// Override of the tenant's `RSA_Server_URL`.
    pub rsa: Option<String>,
    /// Where `keycloak` came from.
    pub keycloak_source: KeycloakSource,
}

/// Where an [`Endpoints`]' Keycloak URL came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum KeycloakSource {
    /// Given by the caller (a flag, the environment or the profile).
    Given,
    /// Stored with the credentials of a login, for this deployment.
    Stored,
    /// Found by asking the deployment ([`Endpoints::detect_keycloak`]).
    Detected,
    /// Assumed: `<base>/auth/`, unverified.
    Default,
}

/// A URL with credentials in it (`user:password@`), and the same URL without them, to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CredentialsInUrl {
    pub shown: String,
}

/// Credentials in a URL would be printed wherever the URL is (errors, traces, curl commands)
/// and sent to whoever answers: such a URL is refused, without repeating them. The caller
/// words the refusal for where the URL came from.
pub fn check_no_credentials(url: &str) -> Result<(), CredentialsInUrl> {
    let Ok(parsed) = url::Url::parse(url) else {
        return Ok(());
    };
    if parsed.username().is_empty() && parsed.password().is_none() {
        return Ok(());
    }
    let mut shown = parsed.clone();
    let _ = shown.set_username("");
    let _ = shown.set_password(None);
    Err(CredentialsInUrl {
        shown: shown.to_string(),
    })
}

/// Ensures a trailing `/` so paths can be appended.
pub fn dir_url(s: &str) -> String {
    if s.ends_with('/') {
        s.to_string()
    } else {
        format!("{s}/")
    }
}

/// The backstop of [`check_no_credentials`] for callers that did not check first.
fn refuse_userinfo(url: &str, what: &str) -> Result<(), Error> {
    check_no_credentials(url).map_err(|c| {
        Error::usage(format!(
            "the {what} holds credentials (`user:password@`); cx2fa does not take them in a URL: `{}`",
            c.shown
        ))
        .with_fix(Fix::CredentialsNotInUrl)
    })
}

impl Endpoints {
    pub fn new(base: &str, keycloak: Option<&str>) -> Result<Self, Error> {
        let parsed = url::Url::parse(base).map_err(|e| {
            Error::usage(format!("`{base}` is not a valid base URL: {e}"))
                .with_fix(Fix::BaseUrlForm)
        })?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(Error::usage(format!(
                "`{base}` must be an http or https URL"
            )));
        }
        refuse_userinfo(base, "deployment URL")?;
        if let Some(k) = keycloak {
            refuse_userinfo(k, "Keycloak URL")?;
        }
        let base = dir_url(base);
        let keycloak_source = if keycloak.is_some() {
            KeycloakSource::Given
        } else {
            KeycloakSource::Default
        };
        let keycloak = keycloak
            .map(dir_url)
            .unwrap_or_else(|| format!("{base}{}", contract::KEYCLOAK_PREFIX));
        Ok(Endpoints {
            base,
            keycloak,
            otp_manager: None,
            rsa: None,
            keycloak_source,
        })
    }

    /// Finds Keycloak when nothing said where it is: under `<url>/auth/` (the platform's
    /// documents; Keycloak before 17, or started with `--http-relative-path=/auth`) or at
    /// `<url>/` (Keycloak 17+'s default), by asking each for the master realm's OpenID
    /// configuration (docs/deployment-contract.md §8). An unreachable server stops the search:
    /// the next real call reports it.
    pub async fn detect_keycloak(&mut self, http: &Http) -> Result<(), Error> {
        if self.keycloak_source != KeycloakSource::Default {
            return Ok(());
        }
        for prefix in contract::KEYCLOAK_PREFIXES {
            let url = format!(
                "{}{prefix}{}",
                self.base,
                contract::keycloak::OPENID_CONFIGURATION.path(&["master"])
            );
            let resp = match http.send(Request::get(url).retry(false)).await {
                Ok(r) => r,
                // A server that takes the connection and never answers: asking it again (the
                // other prefix, then the token) would only multiply the wait.
                Err(e) if e.fix == Some(Fix::Timeout) => return Err(e),
                Err(e) if e.kind == crate::error::Kind::Cancelled => return Err(e),
                // Anything else the next request meets again, and reports in its own terms.
                Err(_) => return Ok(()),
            };
            let is_keycloak = resp.ok()
                && resp
                    .json()
                    .ok()
                    .is_some_and(|v| v.get("issuer").is_some_and(Value::is_string));
            if is_keycloak {
                self.keycloak = format!("{}{prefix}", self.base);
                self.keycloak_source = KeycloakSource::Detected;
                return Ok(());
            }
        }
        Ok(())
    }
    pub fn tenant_api(&self, path: &str) -> String {
        format!("{}{}{path}", self.base, contract::TENANT_PREFIX)
    }
    pub fn ccm(&self, path: &str) -> String {
        format!("{}{}{path}", self.base, contract::CCM_PREFIX)
    }
}

/// How to get a master-realm admin token.
#[derive(Debug, Clone)]
pub enum Credentials {
    Password {
        username: String,
        password: Secret,
    },
    Client {
        id: String,
        secret: Secret,
    },
    /// A ready token (`CX2FA_TOKEN`): used as is, never refreshed.
    Token(Secret),
}

/// Called with every freshly issued token (to cache it where the secret is stored).
pub type TokenHook = Box<dyn Fn(&Token) + Send + Sync>;

impl Credentials {
    /// The master-realm grant these credentials make; `None` for a ready token.
    pub fn master_grant(&self) -> Option<Grant> {
        match self {
            Credentials::Password { username, password } => Some(Grant::Password {
                client: contract::ADMIN_CLIENT_ID.into(),
                client_secret: None,
                username: username.clone(),
                password: password.clone(),
            }),
            Credentials::Client { id, secret } => Some(Grant::Client {
                id: id.clone(),
                secret: secret.clone(),
            }),
            Credentials::Token(_) => None,
        }
    }
}

pub struct Session {
    pub http: Http,
    pub ep: Endpoints,
    creds: Credentials,
    token: Mutex<Option<Token>>,
    on_token: Option<TokenHook>,
}

impl Session {
    /// The credentials' secrets are `Secret`s: the redactor knows them already.
    pub fn new(http: Http, ep: Endpoints, creds: Credentials) -> Self {
        Session {
            http,
            ep,
            creds,
            token: Mutex::new(None),
            on_token: None,
        }
    }

    /// Seeds the token cache (from the persistent store).
    pub fn with_token(self, token: Token) -> Self {
        Session {
            token: Mutex::new(Some(token)),
            ..self
        }
    }

    /// Calls `hook` with every token fetched from now on.
    pub fn on_new_token(self, hook: TokenHook) -> Self {
        Session {
            on_token: Some(hook),
            ..self
        }
    }

    /// The current token, if any, for persisting.
    pub async fn current_token(&self) -> Option<Token> {
        self.token.lock().await.clone()
    }

    async fn fetch(&self, previous: Option<&Token>) -> Result<Token, Error> {
        if let Some(refresh) = previous.and_then(|t| t.refresh.clone()) {
            let client = match &self.creds {
                Credentials::Client { id, .. } => id.clone(),
                _ => contract::ADMIN_CLIENT_ID.to_string(),
            };
            if let Ok(t) = keycloak::token(
                &self.http,
                &self.ep.keycloak,
                "master",
                &Grant::Refresh { client, refresh },
            )
            .await
            {
                return Ok(t);
            }
        }
        let grant = match self.creds.master_grant() {
            Some(g) => g,
            None => {
                let Credentials::Token(t) = &self.creds else {
                    unreachable!("only a bare token has no grant")
                };
                return ready_token(t);
            }
        };
        keycloak::token(&self.http, &self.ep.keycloak, "master", &grant)
            .await
            .map_err(|e| {
                if e.kind == Kind::Auth {
                    e.with_fix(Fix::CheckAdminCredentials)
                } else {
                    e
                }
            })
    }

    /// A valid bearer token, reusing the cached one until shortly before it expires.
    pub async fn bearer(&self) -> Result<Secret, Error> {
        let mut slot = self.token.lock().await;
        if let Some(t) = slot.as_ref() {
            if t.expires_at > Instant::now() + Duration::from_secs(5) {
                return Ok(t.access.clone());
            }
        }
        let fresh = self.fetch(slot.as_ref()).await?;
        if let Some(hook) = &self.on_token {
            hook(&fresh);
        }
        let access = fresh.access.clone();
        *slot = Some(fresh);
        Ok(access)
    }

    async fn invalidate(&self) {
        let mut slot = self.token.lock().await;
        if let Some(t) = slot.as_mut() {
            t.expires_at = Instant::now();
        }
    }

    /// Sends with the admin token; a 401 gets one fresh token and one more try. A ready token
    /// cannot be renewed: a 401 is the end of the run (exit 3), not one failed call among many.
    pub async fn authed(&self, mut req: Request) -> Result<Response, Error> {
        req.bearer = Some(self.bearer().await?);
        let resp = self.http.send_ref(&req).await?;
        if resp.status != 401 {
            return Ok(resp);
        }
        if matches!(self.creds, Credentials::Token(_)) {
            return Err(Error::auth(format!(
                "`{} {}` refused the token given in `CX2FA_TOKEN` (expired or revoked)",
                req.method, req.url
            ))
            .with_fix(Fix::RenewableCredentials));
        }
        self.invalidate().await;
        req.bearer = Some(self.bearer().await?);
        self.http.send_ref(&req).await
    }
}

/// A ready token (`CX2FA_TOKEN`): a JWT's `exp` says how long it lives; one that has expired
/// is refused before it is sent. A token that is not a JWT is used until the server refuses it.
fn ready_token(t: &Secret) -> Result<Token, Error> {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let left = match jwt_expiry(t.expose()) {
        Some(exp) if exp <= now => {
            let at = chrono::DateTime::from_timestamp(exp as i64, 0)
                .map(|d| d.to_rfc3339())
                .unwrap_or_else(|| exp.to_string());
            return Err(
                Error::auth(format!("the token given in `CX2FA_TOKEN` expired at {at}"))
                    .with_fix(Fix::RenewableCredentials),
            );
        }
        // Clamped: the token's own number is not trusted for clock arithmetic.
        Some(exp) => Duration::from_secs((exp - now).min(24 * 3600)),
        None => Duration::from_secs(24 * 3600),
    };
    Ok(Token {
        access: t.clone(),
        expires_at: Instant::now() + left,
        refresh: None,
    })
}

/// The `exp` claim of a JWT (`header.payload.signature`, base64url), unverified: it only
/// tells cx2fa when to stop using the token.
pub fn jwt_expiry(token: &str) -> Option<u64> {
    use base64::Engine;
    let payload = token.split('.').nth(1)?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .ok()?;
    serde_json::from_slice::<Value>(&bytes)
        .ok()?
        .get("exp")?
        .as_u64()
}

/// A form body from plain pairs.
pub fn form(pairs: &[(&str, &str)]) -> Body {
    Body::Form(
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), Secretish::Plain(v.to_string())))
            .collect(),
    )
}

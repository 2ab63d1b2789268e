//! `cx2fa auth login|status|logout`: log in once per deployment profile.

use super::{prompt_error, Ctx};
use crate::error::Error;
use crate::output::{kv_table, Printer, Report};
use clap::{Args, Subcommand};
use cx2fa_core::api::keycloak;
use cx2fa_core::api::{Credentials, Secret};
use cx2fa_core::auth::store::{self, Kind, Stored};
use serde::Serialize;

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum AuthCmd {
    /// Check admin credentials against the deployment and store them for this profile
    ///
    /// The secret goes to the OS keyring; where there is none (headless, no D-Bus, locked),
    /// choose explicitly: `--store file` (a 0600 file) or environment variables.
    ///
    /// Examples:
    ///   cx2fa auth login --url https://tenant1.example.com
    ///   printf '%s' "$PW" | cx2fa auth login --password-stdin --store file
    ///   printf '%s' "$SECRET" | cx2fa auth login --client-id cx2fa-ci --client-secret-stdin
    #[command(verbatim_doc_comment)]
    Login(LoginArgs),
    /// Show the profile, deployment, user, where the secret lives and the cached token's expiry
    ///
    /// Examples:
    ///   cx2fa auth status -o json
    #[command(verbatim_doc_comment)]
    Status,
    /// Remove what `auth login` stored for this profile
    ///
    /// Examples:
    ///   cx2fa auth logout --profile staging
    #[command(verbatim_doc_comment)]
    Logout,
}

#[derive(Debug, Args)]
pub struct LoginArgs {
    /// Where to keep the secret
    #[arg(long, value_enum, default_value = "keyring")]
    pub store: Kind,
    /// Master-realm admin username (default: `CX2FA_USERNAME`, the profile's, or a prompt)
    #[arg(long, value_name = "NAME", conflicts_with = "client_id")]
    pub username: Option<String>,
    /// Log in as a confidential client (client_credentials), for automation
    #[arg(long, value_name = "ID", requires = "client_secret_stdin")]
    pub client_id: Option<String>,
    /// Read the client secret from stdin
    #[arg(long)]
    pub client_secret_stdin: bool,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AuthStatus {
    pub profile: String,
    pub url: Option<String>,
    /// `environment`, `keyring`, `file`, or `none`.
    pub source: String,
    pub principal: Option<String>,
    pub location: Option<String>,
    /// Seconds the cached token is still valid, if any.
    pub token_expires_in: Option<u64>,
}

impl Report for AuthStatus {
    fn render(&self, out: &Printer) -> String {
        let o = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
        kv_table(
            out,
            &[
                ("profile", self.profile.clone()),
                ("url", o(&self.url)),
                ("credentials from", self.source.clone()),
                ("user or client", o(&self.principal)),
                ("stored in", o(&self.location)),
                (
                    "cached token",
                    self.token_expires_in
                        .map(|s| format!("valid for {s} s"))
                        .unwrap_or_else(|| "none".into()),
                ),
            ],
        )
    }
}

async fn login(ctx: &Ctx, a: LoginArgs) -> Result<(), Error> {
    // Where the secret will go must work before anyone types it.
    store::check_available(a.store)?;
    let creds = if let Some(id) = a.client_id {
        Credentials::Client {
            id,
            secret: cx2fa_core::auth::read_stdin_secret("client secret")?,
        }
    } else {
        let username = match a
            .username
            .or_else(|| std::env::var(cx2fa_core::env::USERNAME).ok())
            .or_else(|| ctx.settings.username.clone())
        {
            Some(u) => u,
            None if ctx.can_prompt() => dialoguer::Input::<String>::new()
                .with_prompt("Admin username (master realm)")
                .interact_on(&dialoguer::console::Term::stderr())
                .map_err(prompt_error)?,
            None => return Err(Error::needs_input("the admin username", "--username")),
        };
        let password = if ctx.g.password_stdin {
            cx2fa_core::auth::read_stdin_secret("password")?
        } else if ctx.can_prompt() {
            Secret::new(
                dialoguer::Password::new()
                    .with_prompt(format!("Password for {username}"))
                    .interact_on(&dialoguer::console::Term::stderr())
                    .map_err(prompt_error)?,
            )
        } else {
            return Err(Error::needs_input("the password", "--password-stdin"));
        };
        Credentials::Password { username, password }
    };
    let mut ep = ctx.endpoints()?;
    let http = ctx.http()?;
    ep.detect_keycloak(&http).await?;
    let grant = creds
        .master_grant()
        .expect("login takes a password or a client secret");
    // Check before storing: a wrong password should not be remembered.
    let token = keycloak::token(&http, &ep.keycloak, "master", &grant).await?;
    let mut stored = Stored::from_credentials(&creds).expect("password or client");
    stored.token = Some(store::cache(&token));
    stored.url = Some(ep.base.clone());
    stored.keycloak_url = Some(ep.keycloak.clone());
    let profile = ctx.profile_name();
    store::save(profile, a.store, &stored)?;
    ctx.out.status(format!(
        "logged in as `{}`; secret stored in {}",
        stored.principal,
        store::location(profile, a.store)
    ));
    status(ctx)
}

fn status(ctx: &Ctx) -> Result<(), Error> {
    let profile = ctx.profile_name().to_string();
    let url = ctx.base_url().ok();
    let env_user = std::env::var(cx2fa_core::env::USERNAME)
        .ok()
        .filter(|_| std::env::var_os(cx2fa_core::env::PASSWORD).is_some());
    let env_client = std::env::var(cx2fa_core::env::CLIENT_ID)
        .ok()
        .filter(|_| std::env::var_os(cx2fa_core::env::CLIENT_SECRET).is_some());
    let env_token = std::env::var_os(cx2fa_core::env::TOKEN).is_some();
    let report = if let Some(p) = env_user.or(env_client) {
        AuthStatus {
            profile,
            url,
            source: "environment".into(),
            principal: Some(p),
            location: None,
            token_expires_in: None,
        }
    } else if env_token {
        // A ready token: who it belongs to is the server's to say; it is what will be used.
        AuthStatus {
            profile,
            url,
            source: "environment".into(),
            principal: Some(format!("(the token in `{}`)", cx2fa_core::env::TOKEN)),
            location: None,
            token_expires_in: None,
        }
    } else {
        match store::load(&profile)? {
            Some((kind, s)) => AuthStatus {
                location: Some(store::location(&profile, kind)),
                source: serde_json::to_value(kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default(),
                token_expires_in: s
                    .token
                    .as_ref()
                    .and_then(|t| t.expires_at.checked_sub(store::unix_now())),
                principal: Some(s.principal),
                profile,
                url,
            },
            None => AuthStatus {
                profile,
                url,
                source: "none".into(),
                principal: None,
                location: None,
                token_expires_in: None,
            },
        }
    };
    ctx.out.data(&report)
}

pub async fn run(ctx: &Ctx, cmd: AuthCmd) -> Result<(), Error> {
    match cmd {
        AuthCmd::Login(a) => login(ctx, a).await,
        AuthCmd::Status => status(ctx),
        AuthCmd::Logout => {
            let profile = ctx.profile_name();
            if store::remove(profile)? {
                ctx.out.status(format!(
                    "removed the stored credentials of profile `{profile}`"
                ));
            } else {
                ctx.out
                    .status(format!("nothing was stored for profile `{profile}`"));
            }
            Ok(())
        }
    }
}

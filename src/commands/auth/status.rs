//! `cx2fa auth status`: who logs in, with what, and where it is kept.

use crate::ctx::{Ctx, Login};
use crate::error::CommandError;
use crate::output::{kv_table, Printer, Report};
use cx2fa_core::api::Credentials;
use cx2fa_core::auth::store;
use serde::Serialize;

#[derive(Debug, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AuthStatus {
    pub profile: String,
    pub url: Option<String>,
    /// `environment`, `keyring`, `file`, or `none`.
    // Published as a string (schemas/output/auth-status.schema.json); the values are fixed.
    #[schemars(with = "String")]
    pub source: CredentialSource,
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
                ("credentials from", self.source.as_str().into()),
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

/// Where a run's admin credentials come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum CredentialSource {
    /// `CX2FA_PASSWORD`, `CX2FA_CLIENT_SECRET` or `CX2FA_TOKEN`.
    Environment,
    /// Stored by `auth login` in the OS keyring.
    Keyring,
    /// Stored by `auth login` in a file.
    File,
    /// Nowhere yet: a command would ask on a terminal.
    None,
}

impl CredentialSource {
    pub fn as_str(self) -> &'static str {
        match self {
            CredentialSource::Environment => "environment",
            CredentialSource::Keyring => "keyring",
            CredentialSource::File => "file",
            CredentialSource::None => "none",
        }
    }
}

impl From<store::StoreKind> for CredentialSource {
    fn from(k: store::StoreKind) -> Self {
        match k {
            store::StoreKind::Keyring => CredentialSource::Keyring,
            store::StoreKind::File => CredentialSource::File,
        }
    }
}

/// Answers from [`Ctx::login`], the one answer sessions use too. `--password-stdin` is not
/// read here: status then shows what is stored.
pub(super) fn run(ctx: &Ctx) -> Result<(), CommandError> {
    let profile = ctx.profile_name().to_string();
    let url = ctx.base_url().ok();
    let from_env = |principal: String| AuthStatus {
        profile: profile.clone(),
        url: url.clone(),
        source: CredentialSource::Environment,
        principal: Some(principal),
        location: None,
        token_expires_in: None,
    };
    let report = match &ctx.login {
        Login::Environment(Credentials::Password { username, .. }) => from_env(username.clone()),
        Login::Environment(Credentials::Client { id, .. }) => from_env(id.clone()),
        // A ready token: who it belongs to is the server's to say; it is what will be used.
        Login::Environment(Credentials::Token(_)) => {
            from_env(format!("(the token in `{}`)", cx2fa_core::env::TOKEN))
        }
        Login::PasswordStdin { .. } | Login::Stored { .. } => match ctx.store.load(&profile)? {
            Some((kind, s)) => AuthStatus {
                location: Some(ctx.store.location(&profile, kind)),
                source: kind.into(),
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
                source: CredentialSource::None,
                principal: None,
                location: None,
                token_expires_in: None,
            },
        },
    };
    ctx.out.data(&report)
}

//! `cx2fa auth login`: check admin credentials against the deployment and store them.

use crate::ctx::{login_username, prompt_error, read_stdin_secret, Ctx};
use crate::error::CommandError;
use clap::Args;
use cx2fa_core::api::keycloak;
use cx2fa_core::api::{Credentials, Secret};
use cx2fa_core::auth::store::{self, StoreKind, Stored};

#[derive(Debug, Args)]
pub struct AuthLoginArgs {
    /// Where to keep the secret
    #[arg(long, value_enum, default_value = "keyring")]
    pub store: StoreKind,
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

pub(super) async fn run(ctx: &Ctx, a: AuthLoginArgs) -> Result<(), CommandError> {
    // Where the secret will go must work before anyone types it.
    ctx.store.check_available(a.store)?;
    let creds = match a.client_id {
        Some(id) => Credentials::Client {
            id,
            secret: read_stdin_secret("client secret")?,
        },
        None => password_credentials(ctx, a.username)?,
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
    ctx.store.save(profile, a.store, &stored)?;
    ctx.out.status(format!(
        "logged in as `{}`; secret stored in {}",
        stored.principal,
        ctx.store.location(profile, a.store)
    ));
    super::status::run(ctx)
}

/// The admin's username (flag, environment, profile, or a prompt) and password (standard
/// input or a prompt).
fn password_credentials(ctx: &Ctx, flag: Option<String>) -> Result<Credentials, CommandError> {
    let term = dialoguer::console::Term::stderr();
    let username = match login_username(flag, &ctx.env, &ctx.settings) {
        Some(u) => u,
        None if ctx.can_prompt() => dialoguer::Input::<String>::new()
            .with_prompt("Admin username (master realm)")
            .interact_on(&term)
            .map_err(prompt_error)?,
        None => {
            return Err(CommandError::needs_input(
                "the admin username",
                "--username",
            ))
        }
    };
    let password = if ctx.g.password_stdin {
        read_stdin_secret("password")?
    } else if ctx.can_prompt() {
        Secret::new(
            dialoguer::Password::new()
                .with_prompt(format!("Password for {username}"))
                .interact_on(&term)
                .map_err(prompt_error)?,
        )
    } else {
        return Err(CommandError::needs_input(
            "the password",
            "--password-stdin",
        ));
    };
    Ok(Credentials::Password { username, password })
}

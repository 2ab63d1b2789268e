//! `cx2fa auth login|status|logout`: log in once per deployment profile.

mod login;
mod logout;
mod status;

pub use login::AuthLoginArgs;
pub use status::AuthStatus;

use super::Ctx;
use crate::error::CommandError;
use clap::Subcommand;
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
    Login(AuthLoginArgs),
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

pub async fn run(ctx: &Ctx, cmd: AuthCmd) -> Result<(), CommandError> {
    match cmd {
        AuthCmd::Login(a) => login::run(ctx, a).await,
        AuthCmd::Status => status::run(ctx),
        AuthCmd::Logout => logout::run(ctx),
    }
}

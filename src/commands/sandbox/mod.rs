//! `cx2fa sandbox`: run the emulated deployment in the foreground.

mod banner;
mod rsa_code;
mod serve;

pub use banner::Banner;
pub use rsa_code::Tokencode;
pub use serve::ServeArgs;

use crate::ctx::Ctx;
use crate::error::CommandError;
use clap::{Args, Subcommand};
use std::path::PathBuf;

/// Run a local emulation of a deployment (Keycloak, tenant API, channel manager, OTP manager, RSA)
///
/// Serves on loopback until Ctrl-C and prints the `export` lines that point cx2fa at it, with
/// this run's admin password and helper token. OTPs it sends are readable at `GET
/// /sandbox/outbox`; `POST /sandbox/clock {"advanceSeconds": N}` moves its time forward; both
/// need header `X-Sandbox-Token: $CX2FA_SANDBOX_TOKEN`.
///
/// Examples:
///   cx2fa sandbox
///   cx2fa sandbox --port 0 --users 10000 --state ~/.local/state/cx2fa/sandbox.json
///   cx2fa sandbox --faults rate=0.2,kinds=500|429|reset,seed=7
///   cx2fa sandbox rsa-code agent.rsa
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, verbatim_doc_comment)]
pub struct SandboxArgs {
    #[command(subcommand)]
    pub cmd: Option<SandboxCmd>,
    #[command(flatten)]
    pub serve: ServeArgs,
}

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum SandboxCmd {
    /// Print an RSA SecurID user's current tokencode (from the state file, or the built-in seed)
    ///
    /// Examples:
    ///   cx2fa sandbox rsa-code agent.rsa
    #[command(verbatim_doc_comment)]
    RsaCode {
        /// The RSA user
        user: String,
        /// The sandbox's state file
        #[arg(long, value_name = "FILE")]
        state: Option<PathBuf>,
    },
}

pub async fn run(ctx: &Ctx, a: SandboxArgs) -> Result<(), CommandError> {
    match a.cmd {
        Some(SandboxCmd::RsaCode { user, state }) => rsa_code::run(ctx, user, state),
        None => serve::run(ctx, a.serve).await,
    }
}

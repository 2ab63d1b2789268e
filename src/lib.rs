//! cx2fa: administer two-factor authentication for Expertflow CX tenants.
//!
//! The command line over cx2fa-core: [`cli`] parses, [`run`] dispatches to [`commands`], which
//! call core's operations and print through the one printer ([`output`]). The deployment's
//! contract is cx2fa-platform's; the sandbox is cx2fa-sandbox, behind the default-on
//! `sandbox` feature.
#![deny(clippy::print_stdout, clippy::print_stderr)]
// Errors carry method, URL, status, causes and hint by design: a cold path where size does not
// matter.
#![allow(clippy::result_large_err)]

pub mod cli;
pub mod commands;
pub mod complete;
pub mod ctx;
pub mod error;
pub mod hints;
pub mod output;
#[cfg(feature = "sandbox")]
pub mod sandbox_edge;

use cli::{Cli, Command};
use commands::Ctx;
use error::CommandError;

/// Runs one parsed command line; the error is already printed when this returns it.
pub async fn run(cli: Cli) -> Result<(), CommandError> {
    let ctx = match Ctx::new(cli.global.clone()) {
        Ok(c) => c,
        Err(e) => {
            let json = cli.global.output == Some(output::Format::Json);
            let p = output::Printer::new(
                if json {
                    output::Format::Json
                } else {
                    output::Format::Table
                },
                false,
                output::ColorChoice::Auto,
            );
            p.error(&e);
            return Err(e);
        }
    };
    let result = match cli.command {
        Command::Config(c) => commands::config::run(&ctx, c).await,
        Command::Tenant(c) => commands::tenant::run(&ctx, c).await,
        Command::Policy(c) => commands::policy::run(&ctx, c).await,
        Command::Channel(c) => commands::channel::run(&ctx, c).await,
        Command::User(c) => commands::user::run(&ctx, c).await,
        Command::SimulateLogin(a) => commands::login::run(&ctx, a).await,
        Command::Audit(a) => commands::audit::run(&ctx, a).await,
        Command::Probe(a) => commands::probe::run(&ctx, a).await,
        Command::Auth(c) => commands::auth::run(&ctx, c).await,
        Command::Doctor(a) => commands::doctor::run(&ctx, a).await,
        #[cfg(feature = "sandbox")]
        Command::Sandbox(a) => commands::sandbox::run(&ctx, a).await,
        #[cfg(feature = "sandbox")]
        Command::Tour(a) => commands::tour::run(&ctx, a).await,
        Command::Completions(a) => commands::completions::run(&ctx, a),
        Command::Version(a) => commands::version::run(&ctx, a),
    };
    if let Err(e) = &result {
        ctx.out.error(e);
    }
    result
}

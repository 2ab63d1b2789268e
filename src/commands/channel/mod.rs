//! `cx2fa channel list|check`.

mod check;
mod list;

pub use check::CheckArgs;
pub use list::ChannelList;

use crate::ctx::Ctx;
use crate::error::CommandError;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum ChannelCmd {
    /// List the deployment's channels with their type and service identifier
    ///
    /// Examples:
    ///   cx2fa channel list
    #[command(verbatim_doc_comment)]
    List,
    /// Check that an OTP channel exists and has the right type (defaults: the tenant's policy)
    ///
    /// Examples:
    ///   cx2fa channel check -t expertflow
    ///   cx2fa channel check --type SMS --identifier +15550001000
    #[command(verbatim_doc_comment)]
    Check(CheckArgs),
}

pub async fn run(ctx: &Ctx, cmd: ChannelCmd) -> Result<(), CommandError> {
    let s = ctx.session().await?;
    match cmd {
        ChannelCmd::List => list::run(ctx, &s).await,
        ChannelCmd::Check(a) => check::run(ctx, &s, a).await,
    }
}

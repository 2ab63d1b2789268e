//! `cx2fa tenant list|show|create|backups|restore`.

mod backups;
mod create;
mod list;
mod restore;
mod show;

pub use backups::BackupList;
pub use create::CreateArgs;
pub use list::{TenantList, TenantRow};
pub use restore::{RestoreArgs, RestoreChange, RestoreReport, RestoreStatus};
pub use show::{ShowArgs, TenantDoc};

use crate::ctx::Ctx;
use crate::error::CommandError;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum TenantCmd {
    /// List the deployment's tenants with their 2FA state
    ///
    /// Examples:
    ///   cx2fa tenant list -o json
    #[command(verbatim_doc_comment)]
    List,
    /// Print a tenant's whole document, secrets masked
    ///
    /// Examples:
    ///   cx2fa tenant show -t expertflow
    #[command(verbatim_doc_comment)]
    Show(ShowArgs),
    /// Create a tenant from a full tenant document
    ///
    /// Examples:
    ///   cx2fa tenant create -f tenant.json --logo logo.png
    #[command(verbatim_doc_comment)]
    Create(CreateArgs),
    /// List the local backups taken before each push
    ///
    /// Examples:
    ///   cx2fa tenant backups -t expertflow
    #[command(verbatim_doc_comment)]
    Backups,
    /// Put a backup back (plan, confirm, push, verify)
    ///
    /// A backup records the deployment it was taken from; restoring it onto another one is
    /// refused unless `--force` says that is meant.
    ///
    /// Examples:
    ///   cx2fa tenant restore expertflow-20261123T101500.000Z.json --yes
    #[command(verbatim_doc_comment)]
    Restore(RestoreArgs),
}

pub async fn run(ctx: &Ctx, cmd: TenantCmd) -> Result<(), CommandError> {
    match cmd {
        TenantCmd::List => list::run(ctx).await,
        TenantCmd::Show(a) => show::run(ctx, a).await,
        TenantCmd::Create(a) => create::run(ctx, a).await,
        TenantCmd::Backups => backups::run(ctx),
        TenantCmd::Restore(a) => restore::run(ctx, a).await,
    }
}

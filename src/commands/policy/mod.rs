//! `cx2fa policy show|plan|apply|enable|disable`: one file per verb; what the pushing verbs
//! share is in `push`.

mod apply;
mod disable;
mod enable;
mod plan;
mod push;
mod show;

use super::Ctx;
use crate::error::CommandError;
use apply::ApplyArgs;
use clap::Subcommand;
use enable::EnableArgs;
use plan::PlanArgs;
use push::PushOpts;

pub use push::{PushReport, PushStatus, TenantOutcome};
pub use show::ShowReport;

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum PolicyCmd {
    /// Show a tenant's 2FA settings with a readiness verdict
    ///
    /// Examples:
    ///   cx2fa policy show -t expertflow
    #[command(verbatim_doc_comment)]
    Show,
    /// Show what a change would do, field by field, without writing
    ///
    /// Examples:
    ///   cx2fa policy plan -t expertflow -f payload.json
    ///   cx2fa policy plan -t expertflow --channel SMS --identifier +15550001000 --exit-code
    #[command(verbatim_doc_comment)]
    Plan(PlanArgs),
    /// Push a 2FA update payload (or the 2FA part of a tenant document)
    ///
    /// Examples:
    ///   cx2fa policy apply -t expertflow -f payload.json
    ///   cx2fa policy apply -t acme -t expertflow -f payload.json --yes -o json
    #[command(verbatim_doc_comment)]
    Apply(ApplyArgs),
    /// Turn 2FA on with a channel
    ///
    /// Examples:
    ///   cx2fa policy enable -t acme --channel EMAIL --identifier support@example.test --set-otp-manager-url http://ef-cx-otp-manager-svc:3000/
    #[command(verbatim_doc_comment)]
    Enable(EnableArgs),
    /// Turn 2FA off (other 2FA settings are kept, so enabling again restores them)
    ///
    /// Examples:
    ///   cx2fa policy disable -t expertflow --yes
    #[command(verbatim_doc_comment)]
    Disable(PushOpts),
}

pub async fn run(ctx: &Ctx, cmd: PolicyCmd) -> Result<(), CommandError> {
    match cmd {
        PolicyCmd::Show => show::show(ctx).await,
        PolicyCmd::Plan(a) => plan::plan(ctx, a).await,
        PolicyCmd::Apply(a) => apply::apply(ctx, a).await,
        PolicyCmd::Enable(a) => enable::enable(ctx, a).await,
        PolicyCmd::Disable(o) => disable::disable(ctx, o).await,
    }
}

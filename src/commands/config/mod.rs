//! `cx2fa config validate`.

mod validate;

pub use validate::{ValidateArgs, ValidateReport, ValidateSummary};

use crate::ctx::Ctx;
use crate::error::CommandError;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum ConfigCmd {
    /// Check 2FA update payloads or tenant documents offline: schema, platform rules, ranges
    ///
    /// Accepts the documented update payload `{"tenantSettings": {"keyCloak": {...},
    /// "twoFAConfigs": {...}}}` and whole tenant documents, as pasted (non-breaking spaces and
    /// `//` comments are ignored). Every problem is reported with its JSON pointer and line:column.
    ///
    /// Examples:
    ///   cx2fa config validate payload.json
    ///   cat payload.json | cx2fa config validate -
    ///   cx2fa config validate --strict -o json tenants/*.json
    #[command(verbatim_doc_comment)]
    Validate(ValidateArgs),
}

pub async fn run(ctx: &Ctx, cmd: ConfigCmd) -> Result<(), CommandError> {
    match cmd {
        ConfigCmd::Validate(a) => validate::run(ctx, a),
    }
}

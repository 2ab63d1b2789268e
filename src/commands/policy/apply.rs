//! `cx2fa policy apply`: push a 2FA update payload (or the 2FA part of a tenant document).

use super::push::{push, PushOpts};
use crate::commands::Ctx;
use crate::error::CommandError;
use clap::Args;
use cx2fa_core::policy::ChangeRequest;
use cx2fa_core::settings::merge::PolicyChange;
use cx2fa_core::settings::validate;

#[derive(Debug, Args)]
pub struct ApplyArgs {
    /// The update payload or tenant document (`-` for stdin)
    #[arg(short, long, value_name = "FILE")]
    pub file: String,
    #[command(flatten)]
    pub push: PushOpts,
}

pub async fn apply(ctx: &Ctx, a: ApplyArgs) -> Result<(), CommandError> {
    let change = ChangeRequest::Given(read_change_file(&a.file)?);
    push(ctx, change, &a.push, false).await
}

/// Reads and validates a policy input file (`-` = stdin, read once); findings come with
/// line:column.
pub fn read_change_file(path: &str) -> Result<PolicyChange, CommandError> {
    let text = cx2fa_core::settings::source::read_document(path)?;
    let report = validate::validate_text(&text, path)?;
    if !report.valid {
        let e = report.refusal(format!(
            "{path} is not a valid 2FA configuration; nothing was changed"
        ));
        return Err(CommandError::from(e).with_hint(format!(
            "`cx2fa config validate {path}` shows every finding"
        )));
    }
    let parsed = cx2fa_core::settings::source::parse(&text, path)?;
    Ok(PolicyChange::from_input(&parsed.value)?.1)
}

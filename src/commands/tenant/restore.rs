//! `cx2fa tenant restore`: put a backup back (plan, confirm, push, verify).

use crate::ctx::Ctx;
use crate::error::CommandError;
use crate::output::{Printer, Report};
use clap::Args;
use cx2fa_core::api::tenant::Tenants;
use cx2fa_core::backup;
use cx2fa_core::push::{self, Plan};
use serde::Serialize;
use serde_json::Value;
use std::path::PathBuf;

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("source").required(true))]
pub struct RestoreArgs {
    /// A backup's name in the backup directory (see `tenant backups`)
    #[arg(group = "source", add = clap_complete::engine::ArgValueCompleter::new(crate::complete::backups))]
    pub backup: Option<String>,
    /// Restore from this file instead (a backup copied elsewhere)
    #[arg(long, value_name = "PATH", group = "source")]
    pub file: Option<PathBuf>,
    /// Restore even onto a deployment other than the one the backup was taken from (or when
    /// the backup does not record it)
    #[arg(long)]
    pub force: bool,
    /// Plan only
    #[arg(long)]
    pub dry_run: bool,
}

/// What `tenant restore` did or would do, in every mode (a dry run, nothing to do, done).
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct RestoreReport {
    pub tenant: String,
    pub status: RestoreStatus,
    /// The fields that differ between the tenant now and the backup (secrets masked).
    pub changes: Vec<RestoreChange>,
    /// With `restored`: where the document as it was before the restore was saved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backup: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum RestoreStatus {
    /// The tenant already matches the backup.
    NoChanges,
    /// `--dry-run`: these changes would be written.
    WouldRestore,
    Restored,
}

/// One field a restore changes: a JSON pointer and its values (absent when missing).
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct RestoreChange {
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<Value>,
}

impl Report for RestoreReport {
    fn render(&self, out: &Printer) -> String {
        let changes: Vec<cx2fa_core::settings::diff::Change> = self
            .changes
            .iter()
            .map(|c| cx2fa_core::settings::diff::Change {
                path: c.path.clone(),
                before: c.before.clone(),
                after: c.after.clone(),
            })
            .collect();
        match self.status {
            RestoreStatus::NoChanges => format!(
                "tenant `{}` already matches the backup: no changes",
                self.tenant
            ),
            RestoreStatus::WouldRestore => format!(
                "{}
{} change(s) would be restored (--dry-run: nothing was written)",
                crate::output::changes_table(out, &changes),
                changes.len()
            ),
            RestoreStatus::Restored => format!(
                "{}
restored; the document before the restore is in `{}`",
                crate::output::changes_table(out, &changes),
                self.backup.clone().unwrap_or_default()
            ),
        }
    }
}

pub(super) async fn run(ctx: &Ctx, a: RestoreArgs) -> Result<(), CommandError> {
    let b = match (&a.backup, &a.file) {
        (Some(name), _) => backup::read_named(name)?,
        (None, Some(path)) => backup::read_path(path)?,
        (None, None) => unreachable!("clap requires one source"),
    };
    let shown = b.path.display().to_string();
    check_origin(ctx, b.deployment.as_deref(), &shown, a.force)?;
    let wanted = b.tenant;
    if wanted.id().is_empty() {
        return Err(CommandError::failed(format!(
            "backup `{shown}` has no tenantId"
        )));
    }
    let s = ctx.session().await?;
    let current = Tenants::new(&s).get(wanted.id()).await?;
    let plan = Plan::new(current, wanted);
    let report = |status, backup: Option<String>| RestoreReport {
        tenant: plan.tenant.clone(),
        status,
        changes: plan
            .changes
            .iter()
            .map(|c| RestoreChange {
                path: c.path.clone(),
                before: c.before.clone(),
                after: c.after.clone(),
            })
            .collect(),
        backup,
    };
    // Every outcome is a report, in table and JSON mode alike.
    if plan.is_empty() {
        return ctx.out.data(&report(RestoreStatus::NoChanges, None));
    }
    if a.dry_run {
        return ctx.out.data(&report(RestoreStatus::WouldRestore, None));
    }
    ctx.out.status(format!(
        "restoring tenant `{}`:\n{}",
        plan.tenant,
        crate::output::changes_table(&ctx.out, &plan.changes)
    ));
    ctx.confirm(&format!(
        "Restore tenant `{}` ({} change(s))?",
        plan.tenant,
        plan.changes.len()
    ))?;
    let applied = push::execute(&s, &plan).await?;
    ctx.out.data(&report(
        RestoreStatus::Restored,
        Some(applied.backup.display().to_string()),
    ))
}

/// A backup goes back onto the deployment it was taken from; elsewhere only with `--force`.
fn check_origin(
    ctx: &Ctx,
    deployment: Option<&str>,
    shown: &str,
    force: bool,
) -> Result<(), CommandError> {
    let here = ctx.endpoints()?.base;
    match (deployment, force) {
        (Some(from), _) if from == here => {}
        (_, true) => ctx.out.warn(format!(
            "`--force`: restoring a backup of {} onto `{here}`",
            deployment
                .map(|d| format!("`{d}`"))
                .unwrap_or_else(|| "an unrecorded deployment".into())
        )),
        (Some(from), false) => {
            return Err(CommandError::failed(format!(
                "backup `{shown}` was taken from `{from}`; this command is for `{here}`; nothing was changed"
            ))
            .with_hint("check `--url`; pass `--force` if restoring it onto this deployment is meant"))
        }
        (None, false) => {
            return Err(CommandError::failed(format!(
                "backup `{shown}` does not record which deployment it came from; nothing was changed"
            ))
            .with_hint(format!("pass `--force` if it belongs to `{here}`")))
        }
    }
    Ok(())
}

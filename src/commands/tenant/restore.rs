//! `cx2fa tenant restore`: put a backup back (plan, confirm, push, verify).

use crate::ctx::Ctx;
use crate::error::CommandError;
use crate::output::{Printer, Report};
use clap::Args;
use cx2fa_core::api::Session;
use cx2fa_core::error::Error as CoreError;
use cx2fa_core::push::Plan;
use cx2fa_core::restore::{self, BackupSource, Done, Restore, RestoreEdge, RestoreOptions};
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
    let source = match (a.backup, a.file) {
        (Some(name), _) => BackupSource::Named(name),
        (None, Some(path)) => BackupSource::File(path),
        (None, None) => unreachable!("clap requires one source"),
    };
    let opts = RestoreOptions {
        source,
        force: a.force,
        dry_run: a.dry_run,
    };
    let Restore { plan, done } = restore::restore(opts, &Edge(ctx)).await?;
    let (status, backup) = match done {
        Done::NoChanges => (RestoreStatus::NoChanges, None),
        Done::WouldRestore => (RestoreStatus::WouldRestore, None),
        Done::Restored { backup } => (RestoreStatus::Restored, Some(backup)),
    };
    // Every outcome is a report, in table and JSON mode alike.
    ctx.out.data(&RestoreReport {
        tenant: plan.tenant,
        status,
        changes: plan
            .changes
            .into_iter()
            .map(|c| RestoreChange {
                path: c.path,
                before: c.before,
                after: c.after,
            })
            .collect(),
        backup: backup.map(|b| b.display().to_string()),
    })
}

/// What the restore asks of this command line: the deployment, the session, the `--force`
/// warning and the confirmation.
struct Edge<'a>(&'a Ctx);

impl RestoreEdge for Edge<'_> {
    fn here(&self) -> Result<String, CoreError> {
        Ok(self.0.endpoints()?.base)
    }
    fn forced(&self, from: Option<&str>, here: &str) {
        self.0.out.warn(format!(
            "`--force`: restoring a backup of {} onto `{here}`",
            from.map(|d| format!("`{d}`"))
                .unwrap_or_else(|| "an unrecorded deployment".into())
        ));
    }
    async fn session(&self) -> Result<Session, CoreError> {
        Ok(self.0.session().await?)
    }
    fn confirm(&self, plan: &Plan) -> Result<(), CoreError> {
        let ctx = self.0;
        ctx.out.status(format!(
            "restoring tenant `{}`:\n{}",
            plan.tenant,
            crate::output::changes_table(&ctx.out, &plan.changes)
        ));
        Ok(ctx.confirm(&format!(
            "Restore tenant `{}` ({} change(s))?",
            plan.tenant,
            plan.changes.len()
        ))?)
    }
}

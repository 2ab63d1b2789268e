//! What `policy plan|apply|enable|disable` share: the push options, the report, and the one
//! call to `cx2fa_core::policy::run` (prepare every tenant, confirm here, write each).

use crate::commands::Ctx;
use crate::error::{CommandError, Kind};
use crate::hints;
use crate::output::{changes_table, Printer, Report};
use clap::Args;
use cx2fa_core::policy::{self, Prepared, Review, TenantResult};
use cx2fa_core::readiness::ChannelCheck;
use cx2fa_core::settings::diff::Change;
use serde::Serialize;
use std::path::PathBuf;

// Options shared by every command that pushes. A plain comment, not a doc comment: the verbs'
// arguments are built late (`defer`, see `cli::Command`), and a doc comment here would then
// replace the about text of every verb that flattens this.
#[derive(Debug, Args, Clone)]
pub struct PushOpts {
    /// Plan only: show the diff and write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Push even when the OTP channel cannot be found or has another type
    #[arg(long)]
    pub skip_channel_check: bool,
    /// Every tenant of the deployment
    #[arg(long)]
    pub all_tenants: bool,
}

/// Where one tenant's change ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
// Its name in the published schemas (`schemas/output/`), which predate this name.
#[schemars(rename = "Status")]
pub enum PushStatus {
    Planned,
    NoChanges,
    Applied,
    Failed,
}

impl std::fmt::Display for PushStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            PushStatus::Planned => "planned",
            PushStatus::NoChanges => "no-changes",
            PushStatus::Applied => "applied",
            PushStatus::Failed => "failed",
        })
    }
}

/// The result for one tenant.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct TenantOutcome {
    pub tenant: String,
    pub status: PushStatus,
    pub changes: Vec<Change>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<ChannelCheck>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backup: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<CommandError>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct PushReport {
    pub dry_run: bool,
    pub tenants: Vec<TenantOutcome>,
}

impl Report for PushReport {
    fn render(&self, out: &Printer) -> String {
        let mut s = vec![];
        for t in &self.tenants {
            s.push(format!("tenant `{}`: {}", t.tenant, t.status));
            if !t.changes.is_empty() {
                s.push(changes_table(out, &t.changes));
            }
            if let Some(c) = &t.channel {
                s.push(format!("  channel: {}", c.message));
            }
            if let Some(b) = &t.backup {
                s.push(format!("  backup: {}", b.display()));
            }
            if let Some(e) = &t.error {
                s.push(format!(
                    "  error: {}{}",
                    e.message,
                    e.causes
                        .iter()
                        .map(|c| format!("\n    {c}"))
                        .collect::<String>()
                ));
            }
        }
        if self.tenants.len() > 1 {
            let mut t = out.table(&["tenant", "status", "changes"]);
            for r in &self.tenants {
                t.add_row(vec![
                    r.tenant.clone(),
                    r.status.to_string(),
                    r.changes.len().to_string(),
                ]);
            }
            s.push(t.to_string());
        }
        s.join("\n")
    }
}

impl From<TenantResult> for TenantOutcome {
    fn from(r: TenantResult) -> Self {
        match r {
            TenantResult::Refused { tenant, error } => TenantOutcome {
                tenant,
                status: PushStatus::Failed,
                changes: vec![],
                warnings: vec![],
                channel: None,
                backup: None,
                error: Some(error.into()),
            },
            TenantResult::Unwritten(p) => prepared(p),
            TenantResult::Applied {
                prepared: p,
                applied,
            } => {
                let mut o = prepared(p);
                o.status = PushStatus::Applied;
                o.backup = Some(applied.backup);
                o.warnings.extend(applied.note);
                o
            }
            TenantResult::Failed { prepared: p, error } => {
                let mut o = prepared(p);
                o.status = PushStatus::Failed;
                o.error = Some(error.into());
                o
            }
        }
    }
}

/// The printed outcome of a prepared change, before it is written.
fn prepared(p: Prepared) -> TenantOutcome {
    TenantOutcome {
        tenant: p.plan.tenant.clone(),
        status: if p.plan.is_empty() {
            PushStatus::NoChanges
        } else {
            PushStatus::Planned
        },
        changes: p.plan.changes,
        warnings: p.warnings.iter().map(hints::policy_warning).collect(),
        channel: p.channel,
        backup: None,
        error: None,
    }
}

/// Before anything is written: each tenant's warnings, then (when the run writes) the
/// changes and one confirmation for every tenant.
fn review(ctx: &Ctx, r: &Review) -> Result<(), CommandError> {
    for p in r.plans.iter().flatten() {
        for w in &p.warnings {
            ctx.out.warn(format!(
                "tenant `{}`: {}",
                p.plan.tenant,
                hints::policy_warning(w)
            ));
        }
    }
    if !r.writes {
        return Ok(());
    }
    if !ctx.out.is_json() && !ctx.g.yes {
        for p in r.plans.iter().flatten().filter(|p| !p.plan.is_empty()) {
            ctx.out.status(format!(
                "tenant `{}`:\n{}",
                p.plan.tenant,
                changes_table(&ctx.out, &p.plan.changes)
            ));
        }
    }
    ctx.confirm(&format!("Apply these changes to {} tenant(s)?", r.pending))
}

/// Plans `change` for every target tenant, confirms once, writes each unless `dry_run`, and
/// reports. With `exit_code` (`policy plan --exit-code`), pending changes exit 10.
pub async fn push(
    ctx: &Ctx,
    change: policy::ChangeRequest,
    opts: &PushOpts,
    exit_code: bool,
) -> Result<(), CommandError> {
    let s = ctx.session().await?;
    let run = policy::RunOptions {
        targets: ctx.targets(&s, opts.all_tenants).await?,
        change,
        prepare: policy::PrepareOptions {
            skip_channel_check: opts.skip_channel_check,
        },
        dry_run: opts.dry_run,
    };
    let outcome = policy::run(&s, run, |r| review(ctx, r)).await?;
    let single = outcome.tenants.len() == 1;
    let report = PushReport {
        dry_run: outcome.dry_run,
        tenants: outcome.tenants.into_iter().map(Into::into).collect(),
    };
    ctx.out.data(&report)?;
    let failed: Vec<&CommandError> = report
        .tenants
        .iter()
        .filter_map(|o| o.error.as_ref())
        .collect();
    if let Some(first) = failed.first() {
        return Err(if single {
            (*first).clone()
        } else {
            CommandError::new(
                Kind::Partial,
                format!(
                    "{} of {} tenant(s) failed; the others are done",
                    failed.len(),
                    report.tenants.len()
                ),
            )
        });
    }
    if outcome.pending == 0 {
        ctx.out.status("no changes");
    } else if exit_code {
        return Err(CommandError::new(
            Kind::ChangesPending,
            format!("changes pending for {} tenant(s)", outcome.pending),
        ));
    }
    Ok(())
}

//! `cx2fa user reset --filter ...` over one tenant or many (`cx2fa_core::fleet::reset`): one
//! run whose report rows name their tenant; and the reset `audit --fix` makes of its findings.

use super::fleet::partial;
use super::report::{reset_outcome, ResetReport};
use super::reset::{row_options, ResetArgs};
use super::ui::ResetUi;
use crate::commands::Ctx;
use crate::error::CommandError;
use cx2fa_core::api::Session;
use cx2fa_core::bulk;
use cx2fa_core::enrolment::Filter;
use cx2fa_core::fleet::{self, TenantPosture, TenantWork};

pub async fn reset(ctx: &Ctx, a: ResetArgs) -> Result<(), CommandError> {
    let filters = a
        .filter
        .iter()
        .map(|f| Filter::parse(f))
        .collect::<Result<Vec<_>, _>>()?;
    if let Some(p) = &a.report {
        cx2fa_core::input::check_output(p, "--report")?;
    }
    let report = a.report.as_deref().map(bulk::open_report).transpose()?;
    let s = ctx.session().await?;
    let targets = ctx.targets(&s, a.all_tenants).await?;
    let ui = ResetUi::new(ctx, s.http.limiter(), false, a.revoke_sessions);
    let opts = fleet::FleetResetOptions {
        rows: row_options(ctx, a.dry_run, a.revoke_sessions, a.max_time),
        report,
    };
    let result = fleet::reset(&s, targets, &filters, opts, &ui).await;
    ui.finish();
    finish(ctx, result?)
}

/// `audit --fix`: resets the users of `work` (`errors`: tenants already refused).
pub(crate) async fn reset_work(
    ctx: &Ctx,
    s: &Session,
    work: Vec<TenantWork>,
    errors: Vec<TenantPosture>,
    dry_run: bool,
    report: Option<Box<dyn std::io::Write + Send>>,
) -> Result<(), CommandError> {
    let ui = ResetUi::new(ctx, s.http.limiter(), false, false);
    let opts = fleet::FleetResetOptions {
        rows: row_options(ctx, dry_run, false, None),
        report,
    };
    let result = fleet::reset_work(s, work, errors, opts, &ui).await;
    ui.finish();
    finish(ctx, result?)
}

/// Prints a fleet reset's summary and decides its exit.
fn finish(ctx: &Ctx, o: fleet::ResetOutcome) -> Result<(), CommandError> {
    let out = ResetReport {
        summary: o.summary,
        failed: o.failed,
        rows: vec![],
        tenant_errors: o.tenant_errors,
    };
    ctx.out.data(&out)?;
    if let Some(e) = o.stopped {
        return Err(e.into());
    }
    let failed_tenants: Vec<&TenantPosture> = out.tenant_errors.iter().collect();
    partial(&failed_tenants, o.tenants)?;
    reset_outcome(&out.summary, false, "the fleet", None)
}

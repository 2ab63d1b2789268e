//! `cx2fa audit`: find the users for whom 2FA is not what it seems (`cx2fa_core::audit`).

use super::Ctx;
use crate::error::{CommandError, Kind};
use crate::output::{Printer, Report};
use clap::Args;
use cx2fa_core::api::Session;
use cx2fa_core::audit::{self, AuditFinding, Counts, FindingKind, Severity, TenantSummary};
use cx2fa_core::bulk;
use cx2fa_core::fleet::{TenantPosture, TenantWork};
use serde::Serialize;
use std::path::PathBuf;

/// Find the users for whom 2FA is not what it seems (bypassed, failing, half registered)
///
/// Users bypassed, failing at their next login, half registered or sharing a contact; and
/// tenants whose settings break the platform's login.
///
/// Each finding has a kind, a severity (critical: 2FA not enforced; high: the next login
/// fails; medium; low), the evidence and the remedy. The kinds are in docs/audit.md.
///
/// Examples:
///   cx2fa audit -t expertflow
///   cx2fa audit --all-tenants -o json                     # exit 11 on any high or critical finding
///   cx2fa audit --all-tenants --fail-on critical          # cron: only bypasses fail the job
///   cx2fa audit -t expertflow --fix --dry-run             # what --fix would reset
///   cx2fa audit -t expertflow --fix --yes --report fix.ndjson
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct AuditArgs {
    /// Every tenant of the deployment (several `-t` work too)
    #[arg(long)]
    pub all_tenants: bool,
    /// Exit 11 when a finding at or above this severity exists
    #[arg(long, value_enum, value_name = "SEVERITY", default_value = "high")]
    pub fail_on: Severity,
    /// Reset the users whose finding a reset repairs (bypass, stale-identifier,
    /// channel-changed, missing-contact, two-secrets): they register again at their next
    /// login. Users without such a finding are never touched
    #[arg(long)]
    pub fix: bool,
    /// With `--fix`: show what would be reset; write nothing
    #[arg(long, requires = "fix")]
    pub dry_run: bool,
    /// With `--fix`: write one NDJSON line per reset row here
    #[arg(long, value_name = "FILE", requires = "fix")]
    pub report: Option<PathBuf>,
}

/// One finding as printed: core's finding with its remedy worded for this command line.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
// Its name in the published schemas (`schemas/output/`), which predate this name.
#[schemars(rename = "Row")]
pub struct AuditRow {
    #[serde(flatten)]
    pub finding: AuditFinding,
    pub remedy: String,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AuditReport {
    pub findings: Vec<AuditRow>,
    pub tenants: Vec<TenantSummary>,
    pub total: Counts,
}

/// The remedy for a finding, as a command where there is one.
fn remedy(f: &AuditFinding) -> String {
    use FindingKind::*;
    let t = &f.tenant;
    let user = f.user.as_deref().unwrap_or("");
    match f.kind {
        k if k.fixable() => format!("cx2fa user reset -t {t} {user}   (or: cx2fa audit -t {t} --fix)"),
        PendingRegistration => format!("none needed: `{user}` registers again at the next login; to start over: cx2fa user reset -t {t} {user}"),
        SharedContact => "confirm the shared phone or address is intended; otherwise reset the users so they register their own".into(),
        ProfileIncomplete => format!("give `{user}` an e-mail, first and last name in Keycloak (the platform's registration write clears them on Keycloak 24+)"),
        TenantChannelCase => format!("cx2fa policy enable -t {t} --channel <APP|RSA|SMS|EMAIL> ... (upper case)"),
        OtpManagerUrl => format!("cx2fa policy plan -t {t} -f payload.json with `Otp_Manager_Url` ending in `/`"),
        WeakCredentials => "change these credentials in Keycloak and in the tenant document".into(),
        EnrolmentReadOnly => format!("declare the enrolment attributes with admin edit, or set `unmanagedAttributePolicy` to `ADMIN_EDIT`, in realm `{}`", f.realm),
        AdminNotEnrolled => format!("log in once as the realm admin to register, before relying on 2FA: cx2fa simulate-login -t {t} --user <admin> --register"),
        _ => String::new(),
    }
}

impl Report for AuditReport {
    fn render(&self, out: &Printer) -> String {
        let mut t = out.table(&["tenant", "user", "severity", "kind", "evidence", "remedy"]);
        for r in &self.findings {
            let f = &r.finding;
            let sev = match f.severity {
                Severity::Critical => out.paint("CRITICAL", "1;31"),
                Severity::High => out.paint("high", "31"),
                Severity::Medium => out.paint("medium", "33"),
                Severity::Low => "low".to_string(),
            };
            t.add_row(vec![
                f.tenant.clone(),
                f.user.clone().unwrap_or_else(|| "(tenant)".into()),
                sev,
                kind_name(f.kind),
                f.evidence.clone(),
                r.remedy.clone(),
            ]);
        }
        let mut s = if self.findings.is_empty() {
            "no findings".to_string()
        } else {
            t.to_string()
        };
        for ts in &self.tenants {
            let c = &ts.findings;
            s.push_str(&match &ts.error {
                Some(e) => format!("\n{}: not audited: {e}", ts.tenant),
                None => format!(
                    "\n{}: {} users; {} critical, {} high, {} medium, {} low",
                    ts.tenant, ts.users, c.critical, c.high, c.medium, c.low
                ),
            });
        }
        let c = &self.total;
        s.push_str(&format!(
            "\ntotal: {} critical, {} high, {} medium, {} low",
            c.critical, c.high, c.medium, c.low
        ));
        s
    }
    fn csv(&self) -> Option<Vec<Vec<String>>> {
        let mut rows = vec![[
            "tenant", "realm", "user", "severity", "kind", "evidence", "remedy",
        ]
        .map(String::from)
        .to_vec()];
        for r in &self.findings {
            let f = &r.finding;
            rows.push(vec![
                f.tenant.clone(),
                f.realm.clone(),
                f.user.clone().unwrap_or_default(),
                format!("{:?}", f.severity).to_lowercase(),
                kind_name(f.kind),
                f.evidence.clone(),
                r.remedy.clone(),
            ]);
        }
        Some(rows)
    }
}

fn kind_name(k: FindingKind) -> String {
    serde_json::to_value(k)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

pub async fn run(ctx: &Ctx, a: AuditArgs) -> Result<(), CommandError> {
    let _interrupt = ctx.interruptible();
    if let Some(p) = &a.report {
        cx2fa_core::input::check_output(p, "--report")?;
    }
    let s = ctx.session().await?;
    let targets = ctx.targets(&s, a.all_tenants).await?;
    let found = audit::run(&s, targets).await?;
    // A finding `--fix` repairs (not in a dry run) does not fail the run.
    let failing = found
        .findings
        .iter()
        .filter(|f| f.severity >= a.fail_on)
        .filter(|f| !(a.fix && !a.dry_run && f.kind.fixable()))
        .count();
    ctx.out.data(&AuditReport {
        total: Counts::of(&found.findings),
        findings: found
            .findings
            .into_iter()
            .map(|f| AuditRow {
                remedy: remedy(&f),
                finding: f,
            })
            .collect(),
        tenants: found.tenants,
    })?;
    if a.fix {
        fix(ctx, &s, &a, found.fixable, found.errors.clone()).await?;
    }
    outcome(&found.errors, failing, a.fail_on)
}

/// `--fix`: resets the users whose finding a reset repairs.
async fn fix(
    ctx: &Ctx,
    s: &Session,
    a: &AuditArgs,
    work: Vec<TenantWork>,
    errors: Vec<TenantPosture>,
) -> Result<(), CommandError> {
    let report = a.report.as_deref().map(bulk::open_report).transpose()?;
    if work.is_empty() {
        ctx.out.status("--fix: nothing a reset repairs");
        return Ok(());
    }
    super::user::fleet_reset::reset_work(ctx, s, work, errors, a.dry_run, report).await
}

/// The exit of an audit: tenants not audited make it partial; findings at or above
/// `--fail-on` fail it.
fn outcome(
    errors: &[TenantPosture],
    failing: usize,
    fail_on: Severity,
) -> Result<(), CommandError> {
    if !errors.is_empty() {
        let names: Vec<&str> = errors.iter().map(|e| e.tenant.as_str()).collect();
        return Err(CommandError::new(
            Kind::Partial,
            format!(
                "{} tenant(s) not audited: {}",
                names.len(),
                names.join(", ")
            ),
        )
        .with_hint("each tenant's line says why"));
    }
    if failing > 0 {
        return Err(CommandError::new(
            Kind::Findings,
            format!(
                "{failing} finding(s) at or above `{}`",
                format!("{fail_on:?}").to_lowercase()
            ),
        )
        .with_hint("each finding names its remedy; `--fix` applies the resets"));
    }
    Ok(())
}

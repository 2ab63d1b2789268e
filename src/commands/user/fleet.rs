//! `user status` and `user reset --filter` over several tenants (`--all-tenants`, or several
//! `-t`): one posture row per tenant with a total; one reset run whose report rows name their
//! tenant. The tenants share one Keycloak, so they run concurrently through one limiter.

use super::{Bar, ResetReport};
use crate::commands::Ctx;
use crate::error::{Error, Kind};
use crate::output::{Printer, Report};
use cx2fa_core::api::keycloak::Users;
use cx2fa_core::bulk::{self, Row, SharedReport, Summary};
use cx2fa_core::enrolment::{Filter, Posture};
use cx2fa_core::error::Fix;
use cx2fa_core::fleet::{self, TenantPosture};
use serde::Serialize;

/// `user status` over several tenants.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct FleetStatus {
    pub tenants: Vec<TenantPosture>,
    pub total: Posture,
}

fn counts(p: &Posture) -> [String; 5] {
    [
        p.users.to_string(),
        (p.registered + p.unregistered).to_string(),
        p.unregistered.to_string(),
        p.stale.to_string(),
        p.shared_contacts.to_string(),
    ]
}

const HEADER: [&str; 8] = [
    "tenant",
    "realm",
    "users",
    "enrolled",
    "unregistered",
    "stale",
    "sharedContacts",
    "error",
];

impl Report for FleetStatus {
    fn render(&self, out: &Printer) -> String {
        let mut t = out.table(&HEADER);
        for r in &self.tenants {
            let mut row = vec![r.tenant.clone(), r.realm.clone().unwrap_or_default()];
            match &r.posture {
                Some(p) => row.extend(counts(p)),
                None => row.extend(std::iter::repeat_n("-".to_string(), 5)),
            }
            row.push(r.error.clone().unwrap_or_default());
            t.add_row(row);
        }
        let mut total = vec![
            format!("total ({} tenants)", self.tenants.len()),
            String::new(),
        ];
        total.extend(counts(&self.total));
        total.push(String::new());
        t.add_row(total);
        t.to_string()
    }
    fn csv(&self) -> Option<Vec<Vec<String>>> {
        let mut rows = vec![HEADER.map(String::from).to_vec()];
        for r in &self.tenants {
            let mut row = vec![r.tenant.clone(), r.realm.clone().unwrap_or_default()];
            match &r.posture {
                Some(p) => row.extend(counts(p)),
                None => row.extend(std::iter::repeat_n(String::new(), 5)),
            }
            row.push(r.error.clone().unwrap_or_default());
            rows.push(row);
        }
        Some(rows)
    }
}

/// Tenants that could not be worked make a fleet run partial (exit 5), naming them.
fn partial(failed: &[&TenantPosture], of: usize) -> Result<(), Error> {
    if failed.is_empty() {
        return Ok(());
    }
    let names: Vec<&str> = failed.iter().map(|t| t.tenant.as_str()).collect();
    Err(Error::new(
        Kind::Partial,
        format!(
            "{} of {of} tenant(s) failed: {}",
            failed.len(),
            names.join(", ")
        ),
    )
    .with_hint("each failed tenant's row says why; the others are complete"))
}

pub async fn status(ctx: &Ctx, all_tenants: bool) -> Result<(), Error> {
    let s = ctx.session().await?;
    let targets = ctx.targets(&s, all_tenants).await?;
    let rows: Vec<TenantPosture> = fleet::postures(&s, targets, false, &[], false)
        .await
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    let total = fleet::total(&rows);
    let report = FleetStatus {
        tenants: rows,
        total,
    };
    ctx.out.data(&report)?;
    let failed: Vec<&TenantPosture> = report
        .tenants
        .iter()
        .filter(|t| t.error.is_some())
        .collect();
    partial(&failed, report.tenants.len())
}

/// `user reset --filter ...` over one tenant or many.
pub async fn reset(
    ctx: &Ctx,
    all_tenants: bool,
    filters: &[Filter],
    dry_run: bool,
    revoke: bool,
    report: Option<Box<dyn std::io::Write + Send>>,
    max_time: Option<u64>,
) -> Result<(), Error> {
    let s = ctx.session().await?;
    let targets = ctx.targets(&s, all_tenants).await?;
    // Writes must stick: a tenant where they would not is refused before its first row.
    let scanned = fleet::postures(&s, targets, true, filters, !dry_run).await;
    let mut tenant_errors: Vec<TenantPosture> = vec![];
    let mut work = vec![];
    for (p, users) in scanned {
        let (Some(realm), None) = (p.realm.clone(), &p.error) else {
            tenant_errors.push(p);
            continue;
        };
        let names: Vec<String> = users
            .into_iter()
            .filter(|u| filters.iter().all(|f| f.keeps(u)))
            .map(|u| u.username)
            .collect();
        ctx.out
            .status(format!("{}: {} user(s) match", p.tenant, names.len()));
        work.push((p.tenant, realm, names));
    }
    let how = HowToReset {
        dry_run,
        revoke,
        max_time,
    };
    run_resets(ctx, &s, work, tenant_errors, how, report).await
}

/// How a fleet reset runs: the flags `user reset --filter` and `audit --fix` pass on.
pub struct HowToReset {
    pub dry_run: bool,
    /// Also end the users' sessions.
    pub revoke: bool,
    /// `--max-time SECS`: no row starts after that long.
    pub max_time: Option<u64>,
}

/// The tenants' users to reset, by tenant: (tenant, realm, usernames).
pub type Work = Vec<(String, String, Vec<String>)>;

/// Resets `work` (confirmation with the count, one report, one limiter for every tenant,
/// Ctrl-C), then prints the summary: what `user reset --filter` and `audit --fix` share.
pub async fn run_resets(
    ctx: &Ctx,
    s: &cx2fa_core::api::Session,
    work: Work,
    mut tenant_errors: Vec<TenantPosture>,
    how: HowToReset,
    report: Option<Box<dyn std::io::Write + Send>>,
) -> Result<(), Error> {
    let HowToReset {
        dry_run,
        revoke,
        max_time,
    } = how;
    let n: usize = work.iter().map(|(_, _, names)| names.len()).sum();
    let tenants = work.len() + tenant_errors.len();
    if !dry_run && n > 0 {
        // Each tenant with its realm: the realm is where the writes go.
        let which: Vec<String> = work
            .iter()
            .filter(|(_, _, names)| !names.is_empty())
            .map(|(t, realm, names)| format!("{} in `{t}` (realm `{realm}`)", names.len()))
            .collect();
        ctx.confirm(&format!(
            "Reset the 2FA enrolment of {n} user(s) in {} tenant(s): {}{}?",
            work.len(),
            which.join(", "),
            if revoke {
                " and end their sessions"
            } else {
                ""
            }
        ))?;
    }
    let shared = report.map(SharedReport::new);
    let deadline = super::deadline(max_time);
    let progress = Bar::new(ctx, Some(n as u64), s.http.limiter(), false);
    let runs = work.into_iter().map(|(tenant, realm, names)| {
        let progress = &progress;
        let stop = ctx.cancel.clone();
        let report = shared.as_ref().map(SharedReport::handle);
        async move {
            let users = Users::new(s, &realm);
            let scope = bulk::Scope {
                tenant: tenant.clone(),
                realm: realm.clone(),
            };
            let names: bulk::Names = Box::new(names.into_iter().map(Ok));
            let r = bulk::run(
                &users,
                &scope,
                names,
                Default::default(),
                ctx.rows_at_once(),
                dry_run,
                revoke,
                report,
                progress,
                stop,
                deadline,
            )
            .await;
            (tenant, r)
        }
    });
    let results = futures::future::join_all(runs).await;
    progress.finish();
    let mut summary = Summary::default();
    let mut failed: Vec<Row> = vec![];
    let mut fatal = None;
    for (tenant, r) in results {
        match r {
            Ok((m, f)) => {
                summary.absorb(&m);
                failed.extend(f);
            }
            Err(e) => {
                fatal.get_or_insert(e.clone());
                tenant_errors.push(TenantPosture {
                    tenant,
                    realm: None,
                    posture: None,
                    error: Some(e.message),
                });
            }
        }
    }
    let out = ResetReport {
        summary,
        failed,
        rows: vec![],
        tenant_errors,
    };
    ctx.out.data(&out)?;
    // What stopped a tenant's run stops the fleet's: the tenants share the server.
    let run_stopper = |e: &cx2fa_core::error::Error| {
        e.kind == Kind::Auth
            || matches!(
                e.fix,
                Some(Fix::ServerFailing | Fix::ComeBackLater { .. } | Fix::DeadlineReached)
            )
    };
    if let Some(e) = fatal.filter(run_stopper) {
        return Err(e.into());
    }
    let failed_tenants: Vec<&TenantPosture> = out.tenant_errors.iter().collect();
    partial(&failed_tenants, tenants)?;
    super::reset_outcome(&out.summary, false, "the fleet", None)
}

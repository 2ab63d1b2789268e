//! `user status` over several tenants (`--all-tenants`, or several `-t`): one posture row per
//! tenant with a total. The tenants share one Keycloak, so they are read concurrently through
//! one limiter (`cx2fa_core::fleet::postures`).

use crate::commands::Ctx;
use crate::error::{CommandError, Kind};
use crate::output::{Printer, Report};
use cx2fa_core::enrolment::Posture;
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
pub(super) fn partial(failed: &[&TenantPosture], of: usize) -> Result<(), CommandError> {
    if failed.is_empty() {
        return Ok(());
    }
    let names: Vec<&str> = failed.iter().map(|t| t.tenant.as_str()).collect();
    Err(CommandError::new(
        Kind::Partial,
        format!(
            "{} of {of} tenant(s) failed: {}",
            failed.len(),
            names.join(", ")
        ),
    )
    .with_hint("each failed tenant's row says why; the others are complete"))
}

pub async fn status(ctx: &Ctx, all_tenants: bool) -> Result<(), CommandError> {
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

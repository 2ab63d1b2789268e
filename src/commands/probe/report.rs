//! `cx2fa probe --once`'s report: each tenant's health, and why not.

use crate::output::{Printer, Report};
use cx2fa_core::probe::TenantProbe;
use serde::Serialize;

/// `probe --once -o json`.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ProbeReport {
    pub tenants: Vec<TenantProbe>,
    pub healthy: bool,
}

impl Report for ProbeReport {
    fn render(&self, out: &Printer) -> String {
        let mut t = out.table(&[
            "tenant", "health", "login", "channel", "ready", "cause", "seconds",
        ]);
        for p in &self.tenants {
            let login = p.login.as_ref();
            t.add_row(vec![
                p.tenant.clone(),
                if p.healthy {
                    out.paint("healthy", "32")
                } else {
                    out.paint("BROKEN", "31")
                },
                login
                    .and_then(|l| l.ending)
                    .map(label)
                    .unwrap_or_else(|| "error".into()),
                login
                    .and_then(|l| l.channel)
                    .map(|c| c.to_string())
                    .unwrap_or_default(),
                match p.ready {
                    Some(true) => "yes".into(),
                    Some(false) => "NO".into(),
                    None => "?".into(),
                },
                // Why it is broken: what stopped the probe, then each readiness check that
                // failed (a tenant NOT ready with a working login names them here too).
                p.errors
                    .iter()
                    .map(|e| format!("{}: {}", e.stage.as_str(), e.cause.as_str()))
                    .chain(
                        p.checks
                            .iter()
                            .filter(|c| !c.ok)
                            .map(|c| format!("readiness: {}", c.name)),
                    )
                    .collect::<Vec<_>>()
                    .join(", "),
                format!("{:.2}", p.seconds),
            ]);
        }
        t.to_string()
    }
}

pub(super) fn label(e: impl Serialize) -> String {
    serde_json::to_value(e)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

//! What a `user reset` run prints and how it exits, over one tenant or many (`reset`,
//! `fleet_reset`, and `audit --fix`).

use crate::error::{CommandError, Kind};
use crate::output::{Printer, Report};
use cx2fa_core::bulk::{self, ResetRow, ResetSummary};
use serde::Serialize;

#[derive(Debug, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ResetReport {
    pub summary: ResetSummary,
    /// Tenants of a fleet run that could not be worked, and why.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tenant_errors: Vec<cx2fa_core::fleet::TenantPosture>,
    pub failed: Vec<ResetRow>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<ResetRow>,
}

fn outcome_name(o: bulk::Outcome) -> String {
    serde_json::to_value(o)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

impl Report for ResetReport {
    fn render(&self, out: &Printer) -> String {
        let mut s = String::new();
        if !self.rows.is_empty() {
            let mut t = out.table(&["username", "outcome", "removed / reason"]);
            for r in &self.rows {
                let detail = r.reason.clone().unwrap_or_else(|| r.removed.join(", "));
                t.add_row(vec![r.username.clone(), outcome_name(r.outcome), detail]);
            }
            s.push_str(&t.to_string());
            s.push('\n');
        } else if !self.failed.is_empty() {
            // The rows that did not do what was asked, by name: "1 not found" alone says
            // nothing a support engineer can act on.
            let mut t = out.table(&["user", "outcome", "reason"]);
            for r in &self.failed {
                t.add_row(vec![
                    r.username.clone(),
                    outcome_name(r.outcome),
                    r.reason.clone().unwrap_or_else(|| match r.outcome {
                        bulk::Outcome::NotFound => "no user of that name in the realm".into(),
                        _ => String::new(),
                    }),
                ]);
            }
            s.push_str(&t.to_string());
            s.push('\n');
        }
        s.push_str(&summary_line(&self.summary));
        s
    }
}

/// The summary under the table: the counts, then what was skipped and why.
fn summary_line(m: &ResetSummary) -> String {
    let mut s = format!(
        "{} row(s): {} reset, {} already clean, {} not found, {} would reset, {} failed",
        m.rows, m.reset, m.already_clean, m.not_found, m.would_reset, m.failed,
    );
    if m.resumed > 0 {
        s.push_str(&format!(
            "; {} skipped: finished in the --resume report",
            m.resumed
        ));
    }
    if m.duplicates > 0 {
        s.push_str(&format!("; {} duplicate name(s) worked once", m.duplicates));
    }
    if m.skipped + m.unread > 0 {
        // Rows cut short by Ctrl-C before their write, and rows never read: not in the
        // report, and what `--resume` will do next.
        s.push_str(&format!("; {} not started", m.skipped + m.unread));
    }
    if m.interrupted {
        s.push_str(" (interrupted)");
    }
    s
}

/// The exit of a reset run. A single named user that was not found or failed is a plain
/// failure (exit 1); in any longer run, a row that was neither reset nor already clean makes
/// the run partial (exit 5), so that a typo in a CSV does not look like a clean run.
pub(crate) fn reset_outcome(
    m: &ResetSummary,
    few: bool,
    realm: &str,
    report: Option<&std::path::Path>,
) -> Result<(), CommandError> {
    if m.interrupted {
        return Err(CommandError::cancelled()
            .with_hint("rows not started are not in the report; continue with `--resume REPORT`"));
    }
    let unfinished = m.unfinished();
    if unfinished == 0 {
        return Ok(());
    }
    let single = few && m.rows == 1;
    let kind = match (single, m.not_found) {
        (true, 1) => Kind::NotFound,
        (true, _) => Kind::Failed,
        (false, _) => Kind::Partial,
    };
    let message = if single && m.not_found == 1 {
        format!("no user of that name in realm `{realm}`")
    } else {
        format!(
            "{unfinished} of {} row(s) were not reset: {}",
            m.rows,
            m.unfinished_detail()
        )
    };
    let hint = match (m.failed, report) {
        (0, _) => "check the spelling; `cx2fa user status` lists the realm's users".to_string(),
        (_, Some(p)) => format!("retry only the failed rows with `--resume {}`", p.display()),
        (_, None) => "pass `--report FILE` to keep a per-row record, then `--resume FILE`".into(),
    };
    Err(CommandError::new(kind, message).with_hint(hint))
}

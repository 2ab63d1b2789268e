//! The read-modify-write that pushes a tenant document: plan, back up, check for a concurrent
//! change, send the whole document, verify. A failure at any step leaves the tenant unchanged
//! or fully changed, and says which.

use crate::api::tenant::{Tenants, Unwritten};
use crate::api::Session;
use crate::backup;
use crate::error::{Error, Fix, Kind};
use crate::settings::diff::{diff, Change};
use crate::settings::model::same_meaning;
use crate::settings::Tenant;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// What a push would change.
#[derive(Debug, Clone, Serialize)]
pub struct Plan {
    pub tenant: String,
    pub changes: Vec<Change>,
    #[serde(skip)]
    pub before: Tenant,
    #[serde(skip)]
    pub after: Tenant,
}

impl Plan {
    pub fn new(before: Tenant, after: Tenant) -> Self {
        let changes = diff(&before.0, &after.0);
        Plan {
            tenant: before.id().to_string(),
            changes,
            before,
            after,
        }
    }
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

/// What happened.
#[derive(Debug, Clone, Serialize)]
pub struct Applied {
    pub tenant: String,
    pub backup: PathBuf,
    pub changes: usize,
    /// Set when the write answered an error but the re-read showed it took effect.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Executes a non-empty plan; see the module docs.
pub async fn execute(s: &Session, plan: &Plan) -> Result<Applied, Error> {
    let api = Tenants::new(s);
    let backup = backup::write(&plan.before, &s.ep.base)?;
    unchanged_since_plan(&api, plan).await?;
    let note = write(&api, plan, &backup).await?;
    verify(&api, plan, &backup).await?;
    Ok(Applied {
        tenant: plan.tenant.clone(),
        backup,
        changes: plan.changes.len(),
        note,
    })
}

/// Refuses to write when the tenant changed since the plan was made.
async fn unchanged_since_plan(api: &Tenants<'_>, plan: &Plan) -> Result<(), Error> {
    let current = api.get(&plan.tenant).await?;
    if same_meaning(&current.0, &plan.before.0) {
        return Ok(());
    }
    let moved: Vec<String> = diff(&plan.before.0, &current.0)
        .into_iter()
        .map(|c| c.path)
        .take(5)
        .collect();
    Err(Error::conflict(format!(
        "tenant `{}` changed since the plan was made; nothing was written",
        plan.tenant
    ))
    .with_cause(format!("changed meanwhile: {}", moved.join(", ")))
    .with_fix(Fix::PlanAgain))
}

/// Sends the planned document; a note when the write answered an error but took effect.
async fn write(api: &Tenants<'_>, plan: &Plan, backup: &Path) -> Result<Option<String>, Error> {
    let first = match api.update(&plan.after).await {
        Ok(()) => return Ok(None),
        Err(Unwritten::Refused { error, .. }) => {
            return Err(error.with_cause("nothing was changed"))
        }
        // A 5xx or a broken connection: the write may or may not have happened. Look
        // instead of resending blindly.
        Err(Unwritten::Unknown(e)) => e,
    };
    after_failed_write(api, plan, backup, first).await.map(Some)
}

/// What a write that failed with `first` did, read back: a note when it took effect anyway,
/// else an error saying whether the tenant is as before or neither as before nor as planned.
async fn after_failed_write(
    api: &Tenants<'_>,
    plan: &Plan,
    backup: &Path,
    first: Error,
) -> Result<String, Error> {
    let now = api.get(&plan.tenant).await.map_err(|e| {
        Error::failed(format!(
            "the write to tenant `{}` failed and its state could not be re-read",
            plan.tenant
        ))
        .with_cause(first.message.clone())
        .with_cause(e.message)
        .with_fix(Fix::CheckTenant {
            backup: backup.to_path_buf(),
        })
    })?;
    if same_meaning(&now.0, &plan.after.0) {
        Ok(format!(
            "the write answered an error ({}) but took effect",
            first.message
        ))
    } else if same_meaning(&now.0, &plan.before.0) {
        Err(Error::new(
            first.kind,
            format!(
                "the write to tenant `{}` failed; nothing was changed",
                plan.tenant
            ),
        )
        .with_cause(first.message)
        .with_fix(first.fix.unwrap_or(Fix::Retry)))
    } else {
        Err(Error::failed(format!(
            "tenant `{}` is neither as before nor as planned after a failed write",
            plan.tenant
        ))
        .with_cause(first.message)
        .with_fix(Fix::RestoreBackup {
            backup: backup.to_path_buf(),
        }))
    }
}

/// Reads the tenant back and checks that it is as planned.
async fn verify(api: &Tenants<'_>, plan: &Plan, backup: &Path) -> Result<(), Error> {
    let stored = api.get(&plan.tenant).await?;
    let off = diff(&plan.after.0, &stored.0);
    if off.is_empty() {
        return Ok(());
    }
    let paths: Vec<String> = off.iter().map(|c| c.path.clone()).take(8).collect();
    Err(Error::new(
        Kind::Failed,
        format!("the change to tenant `{}` did not verify", plan.tenant),
    )
    .with_cause(format!("differs after the write: {}", paths.join(", ")))
    .with_fix(Fix::ServerRewrites {
        backup: backup.to_path_buf(),
    }))
}

//! Putting a backup back: read it, check that it belongs to this deployment, plan against the
//! tenant as it is, confirm, push (which backs up the current document first) and verify.

use crate::api::tenant::Tenants;
use crate::api::Session;
use crate::backup;
use crate::error::{Error, Fix};
use crate::push::{self, Plan};
use std::future::Future;
use std::path::PathBuf;

/// Where the backup to restore is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupSource {
    /// A backup's name in the backup directory.
    Named(String),
    /// A backup file anywhere.
    File(PathBuf),
}

#[derive(Debug, Clone)]
pub struct RestoreOptions {
    pub source: BackupSource,
    /// Restore onto this deployment even when the backup names another, or none.
    pub force: bool,
    /// Plan only.
    pub dry_run: bool,
}

/// What a restore asks of its caller, in this order and each at most once: the caller keeps
/// its own order of failures (an unreadable backup before a missing URL or login).
pub trait RestoreEdge {
    /// The base URL of the deployment this run is for.
    fn here(&self) -> Result<String, Error>;
    /// A backup of another deployment (`from`), or of an unrecorded one (`None`), is restored
    /// onto `here` because the options force it.
    fn forced(&self, from: Option<&str>, here: &str);
    /// The admin session, asked for once the backup is known to be restorable here.
    fn session(&self) -> impl Future<Output = Result<Session, Error>>;
    /// The last chance to stop before `plan` (not empty) is written.
    fn confirm(&self, plan: &Plan) -> Result<(), Error>;
}

/// What a restore did or would do.
#[derive(Debug)]
pub struct Restore {
    pub plan: Plan,
    pub done: Done,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Done {
    /// The tenant already matches the backup.
    NoChanges,
    /// A dry run: the plan's changes would be written.
    WouldRestore,
    /// Written; the document as it was before is saved at `backup`.
    Restored { backup: PathBuf },
}

/// Restores the backup `opts.source` names; see the module docs.
pub async fn restore(opts: RestoreOptions, edge: &impl RestoreEdge) -> Result<Restore, Error> {
    let b = match &opts.source {
        BackupSource::Named(name) => backup::read_named(name)?,
        BackupSource::File(path) => backup::read_path(path)?,
    };
    let shown = b.path.display().to_string();
    let here = edge.here()?;
    let from = b.deployment.as_deref();
    if from != Some(here.as_str()) {
        if !opts.force {
            return Err(not_from_here(&shown, from, &here));
        }
        edge.forced(from, &here);
    }
    let wanted = b.tenant;
    if wanted.id().is_empty() {
        return Err(Error::failed(format!("backup `{shown}` has no tenantId")));
    }
    let s = edge.session().await?;
    let current = Tenants::new(&s).get(wanted.id()).await?;
    let plan = Plan::new(current, wanted);
    let done = if plan.is_empty() {
        Done::NoChanges
    } else if opts.dry_run {
        Done::WouldRestore
    } else {
        edge.confirm(&plan)?;
        let applied = push::execute(&s, &plan).await?;
        Done::Restored {
            backup: applied.backup,
        }
    };
    Ok(Restore { plan, done })
}

/// The refusal of a backup taken from another deployment (`from`) or an unrecorded one.
fn not_from_here(shown: &str, from: Option<&str>, here: &str) -> Error {
    match from {
        Some(from) => Error::failed(format!(
            "backup `{shown}` was taken from `{from}`; this command is for `{here}`; nothing was changed"
        ))
        .with_fix(Fix::BackupOfOtherDeployment),
        None => Error::failed(format!(
            "backup `{shown}` does not record which deployment it came from; nothing was changed"
        ))
        .with_fix(Fix::BackupOfUnrecordedDeployment {
            here: here.to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_backup_of_elsewhere_is_refused_naming_both_deployments() {
        let e = not_from_here("b.json", Some("https://a"), "https://b");
        assert_eq!(
            e.message,
            "backup `b.json` was taken from `https://a`; this command is for `https://b`; nothing was changed"
        );
        assert_eq!(e.fix, Some(Fix::BackupOfOtherDeployment));
        let e = not_from_here("b.json", None, "https://b");
        assert_eq!(
            e.fix,
            Some(Fix::BackupOfUnrecordedDeployment {
                here: "https://b".into()
            })
        );
    }
}

//! One row of a bulk reset: find the user, write the reset, verify by re-reading.

use super::{Outcome, ResetRow};
use crate::api::keycloak::{User, Users};
use crate::enrolment;
use crate::error::{Error, Fix, Kind};
use tokio_util::sync::CancellationToken;

/// Resets one user, verifying by re-reading. The row is tried once: every request in it is
/// already retried by the HTTP layer where that is safe (the one owner of retries), and a row
/// retried on top of it would multiply every wait (four row tries of four requests each, each
/// waiting out a `Retry-After`). A row that failed is in the report as `failed`; `--resume`
/// does it again. An authentication failure (the token expired, the account lost its rights)
/// is no row's fault: it comes back as `Err` and ends the run, as does a server asking for a
/// longer pause than cx2fa waits.
///
/// `stop` (Ctrl-C) ends the row at its next step: before its write it is `skipped` (nothing was
/// sent that changes anything); a write already sent is let finish and reported as what the
/// server answered, so the report is what the server received.
pub async fn reset_one(
    users: &Users<'_>,
    username: &str,
    dry_run: bool,
    revoke: bool,
    stop: &CancellationToken,
) -> Result<ResetRow, Error> {
    Ok(reset_row(users, username, dry_run, revoke, stop).await?.0)
}

/// [`reset_one`], and whether a failed row failed for a reason that may pass (the server
/// unreachable, overloaded, failing): what the run's breaker counts.
pub(super) async fn reset_row(
    users: &Users<'_>,
    username: &str,
    dry_run: bool,
    revoke: bool,
    stop: &CancellationToken,
) -> Result<(ResetRow, bool), Error> {
    let row = |outcome, reason, removed| ResetRow {
        schema_version: crate::SCHEMA_VERSION,
        tenant: None,
        realm: None,
        username: username.into(),
        outcome,
        reason,
        attempts: 1,
        removed,
    };
    let skipped = || row(Outcome::Skipped, Some(INTERRUPTED.into()), vec![]);
    if stop.is_cancelled() {
        return Ok((skipped(), false));
    }
    match reset_once(users, username, dry_run, revoke, stop).await {
        Ok(done) => Ok((row(done.outcome, done.note, done.removed), false)),
        Err(e) if e.kind == Kind::Cancelled => Ok((skipped(), false)),
        Err(e) if e.kind == Kind::Auth || matches!(e.fix, Some(Fix::ComeBackLater { .. })) => {
            Err(e)
        }
        Err(e) => Ok((
            row(Outcome::Failed, Some(e.one_line()), vec![]),
            e.kind == Kind::Network,
        )),
    }
}

/// Rows in a row that failed for a transient reason before a run stops: the server is down or
/// refusing everything, and the other rows would only fail the same way, one `--timeout` or
/// `Retry-After` each (10,000 rows against a server that never answers would take weeks).
pub const BREAKER_ROWS: usize = 8;

/// Why a row was not worked: the run was interrupted before its write.
const INTERRUPTED: &str = "interrupted before anything was written";

/// What one try of a row did.
struct Done {
    outcome: Outcome,
    removed: Vec<String>,
    /// Said in the report row when the outcome is not the whole story.
    note: Option<String>,
}

async fn reset_once(
    users: &Users<'_>,
    username: &str,
    dry_run: bool,
    revoke: bool,
    stop: &CancellationToken,
) -> Result<Done, Error> {
    let done = |outcome, removed, note: Option<&str>| Done {
        outcome,
        removed,
        note: note.map(str::to_string),
    };
    let Some(u) = users.find(username).await? else {
        return Ok(done(Outcome::NotFound, vec![], None));
    };
    if u.is_service_account() {
        return Err(Error::failed(format!(
            "`{username}` is a client's service account, not a person: it has no 2FA enrolment to reset"
        )));
    }
    let removed = enrolment::enrolled(&u);
    if removed.is_empty() {
        return Ok(done(Outcome::AlreadyClean, vec![], None));
    }
    if dry_run {
        return Ok(done(Outcome::WouldReset, removed, None));
    }
    // The last point at which an interrupted row has changed nothing.
    if stop.is_cancelled() {
        return Err(Error::cancelled());
    }
    let put = enrolment::without_enrolment(u);
    users.put(&put).await?;
    // From here the write is done: an interruption leaves it reported as done, unverified.
    match users.attribute_names(put.id()).await {
        Ok(after) => verify(&put, &after)?,
        Err(e) if e.kind == Kind::Cancelled => {
            return Ok(done(
                Outcome::Reset,
                removed,
                Some("written; not verified: the run was interrupted"),
            ))
        }
        Err(e) => return Err(e),
    }
    if revoke {
        match users.logout(put.id()).await {
            Ok(()) => {}
            Err(e) if e.kind == Kind::Cancelled => {
                return Ok(done(
                    Outcome::Reset,
                    removed,
                    Some("reset; sessions not ended: the run was interrupted"),
                ))
            }
            Err(e) => return Err(e),
        }
    }
    Ok(done(Outcome::Reset, removed, None))
}

/// Checks a re-read after a reset: no enrolment attribute left, and every attribute that was
/// sent (everything that was not enrolment) still there.
fn verify(sent: &User, after: &[String]) -> Result<(), Error> {
    let left = enrolment::leftovers(after);
    if !left.is_empty() {
        return Err(Error::failed(format!(
            "reset did not verify: still present: {}",
            left.join(", ")
        )));
    }
    let mut kept = sent.attrs().into_iter().flat_map(|m| m.keys());
    if let Some(lost) = kept.find(|k| !after.contains(k)) {
        return Err(Error::failed(format!(
            "reset did not verify: attribute `{lost}` was lost"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reset_verifies_only_when_nothing_enrolled_is_left_and_nothing_else_is_lost() {
        let sent =
            User(serde_json::json!({"id": "1", "attributes": {"department": ["x"], "ext": ["1"]}}));
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(verify(&sent, &names(&["ext", "department"])).is_ok());
        let e = verify(&sent, &names(&["department", "ext", "otpSecret"])).unwrap_err();
        assert_eq!(e.message, "reset did not verify: still present: otpSecret");
        let e = verify(&sent, &names(&["department"])).unwrap_err();
        assert_eq!(e.message, "reset did not verify: attribute `ext` was lost");
        let bare = User(serde_json::json!({"id": "1"}));
        assert!(verify(&bare, &[]).is_ok());
    }
}

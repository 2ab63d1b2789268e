//! Many tenants at once. They share one Keycloak, so they are worked concurrently through the
//! same HTTP limiter (see `limiter`): the pace is the server's, however many tenants there are.
//! A tenant that fails is a row of its own; the others still run.

use crate::api::keycloak::Users;
use crate::api::Session;
use crate::bulk::{self, Caller, Confirm, Note, ResetRow, ResetSummary, RowOptions, SharedReport};
use crate::enrolment::{self, EnrolmentStatus, Filter, Posture};
use crate::error::{Error, Fix, Kind};
use crate::settings::Tenant;
use futures::StreamExt;
use serde::Serialize;

/// One tenant's users at a glance, or why they could not be counted.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct TenantPosture {
    pub tenant: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub realm: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub posture: Option<Posture>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// Tenants worked at once: enough to keep the limiter busy; the limiter sets the real pace.
const TENANTS_AT_ONCE: usize = 16;

/// Scans every tenant's realm (refusing a realm whose user profile hides the enrolment, as a
/// single `user status` does, or with `write`, one where writes would not stick, as a single
/// `user reset` does), concurrently; `keep_users` also returns each tenant's users.
/// With `filters` that Keycloak can express (a channel), only the matching users are read,
/// filtered by the server; the posture then counts those.
pub async fn postures(
    s: &Session,
    targets: Vec<Result<Tenant, (String, Error)>>,
    keep_users: bool,
    filters: &[crate::enrolment::Filter],
    write: bool,
) -> Vec<(TenantPosture, Vec<EnrolmentStatus>)> {
    let queries = server_queries(filters);
    let queries = &queries;
    let targets = refuse_shared_realms(targets);
    let mut out: Vec<(usize, (TenantPosture, Vec<EnrolmentStatus>))> =
        futures::stream::iter(targets.into_iter().enumerate())
            .map(|(i, t)| async move { (i, one(s, t, keep_users, queries, write).await) })
            .buffer_unordered(TENANTS_AT_ONCE)
            .collect()
            .await;
    out.sort_by_key(|(i, _)| *i);
    out.into_iter().map(|(_, r)| r).collect()
}

/// The server-side queries for `filters`, when one can narrow the scan without changing the
/// answer: not with `shared-contact`, which needs every user to count shared contacts.
fn server_queries(filters: &[crate::enrolment::Filter]) -> Vec<String> {
    use crate::enrolment::Filter;
    if filters.contains(&Filter::Shared) {
        return vec![];
    }
    filters
        .iter()
        .find_map(Filter::server_queries)
        .unwrap_or_default()
}

async fn one(
    s: &Session,
    t: Result<Tenant, (String, Error)>,
    keep_users: bool,
    queries: &[String],
    write: bool,
) -> (TenantPosture, Vec<EnrolmentStatus>) {
    let t = match t {
        Ok(t) => t,
        Err((id, e)) => return (failed(id, None, &e), vec![]),
    };
    if let Err(e) = crate::api::tenant::check_realm(&t) {
        return (failed(t.id().into(), Some(t.realm().into()), &e), vec![]);
    }
    let users = Users::new(s, t.realm());
    let scanned = async {
        let access = crate::user_profile::read(&users).await?;
        if write {
            access.require_write(t.realm())?;
        } else {
            access.require_read(t.realm())?;
        }
        enrolment::scan_where(&users, &t.two_fa(), 1000, queries).await
    }
    .await;
    match scanned {
        Ok((all, posture)) => (
            TenantPosture {
                tenant: t.id().into(),
                realm: Some(t.realm().into()),
                posture: Some(posture),
                error: None,
            },
            if keep_users { all } else { vec![] },
        ),
        Err(e) => (failed(t.id().into(), Some(t.realm().into()), &e), vec![]),
    }
}

/// Tenants of one run that share a realm are each refused: worked one after the other, the
/// realm's users would be counted, or reset, once per tenant.
fn refuse_shared_realms(
    targets: Vec<Result<Tenant, (String, Error)>>,
) -> Vec<Result<Tenant, (String, Error)>> {
    let mut by_realm: std::collections::HashMap<String, Vec<String>> = Default::default();
    for t in targets.iter().flatten() {
        by_realm
            .entry(t.realm().to_string())
            .or_default()
            .push(t.id().to_string());
    }
    targets
        .into_iter()
        .map(|r| {
            let t = r?;
            match by_realm.get(t.realm()).filter(|ids| ids.len() > 1) {
                None => Ok(t),
                Some(ids) => Err((
                    t.id().to_string(),
                    Error::failed(format!(
                        "realm `{}` is shared by tenants {}: not worked in a run over several tenants",
                        t.realm(),
                        ids.iter().map(|i| format!("`{i}`")).collect::<Vec<_>>().join(", ")
                    ))
                    .with_fix(Fix::SharedRealm {
                        realm: t.realm().to_string(),
                    }),
                )),
            }
        })
        .collect()
}

fn failed(tenant: String, realm: Option<String>, e: &Error) -> TenantPosture {
    TenantPosture {
        tenant,
        realm,
        posture: None,
        error: Some(e.one_line()),
    }
}

/// The sum over tenants.
pub fn total(rows: &[TenantPosture]) -> Posture {
    let mut t = Posture::default();
    for p in rows.iter().filter_map(|r| r.posture.as_ref()) {
        t.users += p.users;
        t.unenrolled += p.unenrolled;
        t.registered += p.registered;
        t.unregistered += p.unregistered;
        t.stale += p.stale;
        t.bypassed += p.bypassed;
        t.shared_contacts += p.shared_contacts;
        for (ch, c) in &p.by_channel {
            t.by_channel.entry(ch.clone()).or_default().add(c);
        }
    }
    t
}

/// A reset over several tenants ([`reset`], [`reset_work`]).
pub struct FleetResetOptions {
    pub rows: RowOptions,
    /// One report for every tenant's rows, each naming its tenant.
    pub report: Option<Box<dyn std::io::Write + Send>>,
}

/// One tenant's users to reset.
#[derive(Debug, Clone)]
pub struct TenantWork {
    pub tenant: String,
    pub realm: String,
    pub names: Vec<String>,
}

/// What a reset over several tenants did.
#[derive(Debug)]
pub struct ResetOutcome {
    pub summary: ResetSummary,
    /// The rows that did not do what was asked.
    pub failed: Vec<ResetRow>,
    /// Tenants that could not be worked, and why.
    pub tenant_errors: Vec<TenantPosture>,
    /// What stopped a tenant's run and so stops the fleet's: the tenants share the server
    /// (authentication, a failing or limiting server, the time limit).
    pub stopped: Option<Error>,
    /// Every tenant of the run, worked or not.
    pub tenants: usize,
}

/// Resets the users that match `filters` in every target tenant: scans each realm (a tenant
/// where the writes would not stick is refused before its first row, unless it is a dry run),
/// notes each tenant's matches, then [`reset_work`].
pub async fn reset(
    s: &Session,
    targets: Vec<Result<Tenant, (String, Error)>>,
    filters: &[Filter],
    opts: FleetResetOptions,
    caller: &dyn Caller,
) -> Result<ResetOutcome, Error> {
    let scanned = postures(s, targets, true, filters, !opts.rows.dry_run).await;
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
        caller.note(Note::Matched {
            tenant: p.tenant.clone(),
            users: names.len(),
        });
        work.push(TenantWork {
            tenant: p.tenant,
            realm,
            names,
        });
    }
    reset_work(s, work, tenant_errors, opts, caller).await
}

/// Resets `work`, every tenant at once through the one limiter: one confirmation with the
/// counts (not in a dry run), one report. `tenant_errors` are tenants already refused.
pub async fn reset_work(
    s: &Session,
    work: Vec<TenantWork>,
    mut tenant_errors: Vec<TenantPosture>,
    opts: FleetResetOptions,
    caller: &dyn Caller,
) -> Result<ResetOutcome, Error> {
    let n: usize = work.iter().map(|w| w.names.len()).sum();
    let tenants = work.len() + tenant_errors.len();
    if !opts.rows.dry_run && n > 0 {
        caller.confirm(&confirmation(&work, n))?;
    }
    let shared = opts.report.map(SharedReport::new);
    caller.start(Some(n as u64));
    let rows = &opts.rows;
    let runs = work.into_iter().map(|w| {
        let report = shared.as_ref().map(SharedReport::handle);
        async move {
            let users = Users::new(s, &w.realm);
            let scope = bulk::Scope {
                tenant: w.tenant.clone(),
                realm: w.realm.clone(),
            };
            let names: bulk::Names = Box::new(w.names.into_iter().map(Ok));
            let r = bulk::run(
                &users,
                &scope,
                names,
                Default::default(),
                rows.clone(),
                report,
                caller,
            )
            .await;
            (w.tenant, r)
        }
    });
    let results = futures::future::join_all(runs).await;
    let mut out = ResetOutcome {
        summary: ResetSummary::default(),
        failed: vec![],
        tenant_errors: vec![],
        stopped: None,
        tenants,
    };
    let mut fatal = None;
    for (tenant, r) in results {
        match r {
            Ok((m, f)) => {
                out.summary.absorb(&m);
                out.failed.extend(f);
            }
            Err(e) => {
                fatal.get_or_insert(e.clone());
                // The message alone: the causes say what the run did, which the summary
                // says for every tenant.
                tenant_errors.push(TenantPosture {
                    tenant,
                    realm: None,
                    posture: None,
                    error: Some(e.message),
                });
            }
        }
    }
    out.tenant_errors = tenant_errors;
    out.stopped = fatal.filter(stops_the_fleet);
    Ok(out)
}

/// What a fleet reset asks before its first write: `n` users, each tenant with its realm (the
/// realm is where the writes go).
fn confirmation(work: &[TenantWork], n: usize) -> Confirm<'_> {
    Confirm::Tenants {
        users: n,
        tenants: work.len(),
        each: work
            .iter()
            .filter(|w| !w.names.is_empty())
            .map(|w| (w.tenant.as_str(), w.realm.as_str(), w.names.len()))
            .collect(),
    }
}

/// Whether what stopped one tenant's run stops the others': they share the server and the
/// credentials.
fn stops_the_fleet(e: &Error) -> bool {
    e.kind == Kind::Auth
        || matches!(
            e.fix,
            Some(Fix::ServerFailing | Fix::ComeBackLater { .. } | Fix::DeadlineReached)
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrolment::ChannelUsers;

    #[test]
    fn the_total_adds_each_channel_by_name() {
        let posture = |ch: &str, registered, unregistered| {
            let mut p = Posture {
                users: registered + unregistered,
                registered,
                unregistered,
                ..Posture::default()
            };
            p.by_channel.insert(
                ch.into(),
                ChannelUsers {
                    registered,
                    unregistered,
                },
            );
            TenantPosture {
                tenant: ch.into(),
                realm: None,
                posture: Some(p),
                error: None,
            }
        };
        let t = total(&[
            posture("SMS", 3, 1),
            posture("SMS", 1, 0),
            posture("APP", 2, 0),
        ]);
        assert_eq!(t.users, 7);
        assert_eq!(
            t.by_channel["SMS"],
            ChannelUsers {
                registered: 4,
                unregistered: 1
            }
        );
        assert_eq!(t.by_channel["APP"].registered, 2);
    }

    #[test]
    fn only_what_the_tenants_share_stops_the_fleet() {
        assert!(stops_the_fleet(&Error::auth("token expired")));
        assert!(stops_the_fleet(
            &Error::network("down").with_fix(Fix::ServerFailing)
        ));
        assert!(!stops_the_fleet(&Error::failed("one realm refused")));
    }

    #[test]
    fn the_confirmation_names_only_tenants_with_users() {
        let work = |t: &str, n: usize| TenantWork {
            tenant: t.into(),
            realm: format!("{t}-realm"),
            names: (0..n).map(|i| format!("u{i}")).collect(),
        };
        let work = [work("acme", 2), work("globex", 0)];
        let Confirm::Tenants {
            users,
            tenants,
            each,
        } = confirmation(&work, 2)
        else {
            panic!("a fleet asks about tenants")
        };
        assert_eq!((users, tenants), (2, 2));
        assert_eq!(each, [("acme", "acme-realm", 2)]);
    }
}

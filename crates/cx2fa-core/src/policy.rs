//! Changing a tenant's 2FA settings, before anything is written: the change merged into the
//! document, the result validated, the OTP channel checked, and what the change means for the
//! realm's users. Writing the prepared plan is [`crate::push::execute`].

use crate::api::keycloak::Users;
use crate::api::Session;
use crate::error::{Error, Fix};
use crate::push::Plan;
use crate::readiness::{self, ChannelCheck};
use crate::settings::merge::{self, PolicyChange};
use crate::settings::validate::{self, ValidationSeverity};
use crate::settings::{ChannelType, Tenant};
use crate::{enrolment, user_profile};
use cx2fa_platform::{contract, fields};

/// How to prepare.
#[derive(Debug, Clone, Copy, Default)]
pub struct PrepareOptions {
    /// Go on when the OTP channel cannot be found or has another type (a warning instead).
    pub skip_channel_check: bool,
}

/// Something an admin should know before the change is written.
#[derive(Debug, Clone, PartialEq)]
pub enum Warning {
    /// The channel check failed and was skipped on request; the channel manager's message.
    ChannelCheckSkipped(String),
    /// The channel exists but its type could not be verified; the message says why.
    ChannelTypeUnverified(String),
    /// The realm hides users' enrolment, so the effect on users is unknown; why.
    UsersUnknown(String),
    /// Disabling 2FA: these users will log in with a password only.
    DisablingAffects {
        users: usize,
        registered: usize,
        realm: String,
    },
    /// After a channel change, these enrolled users hold a policy copy that differs.
    StaleCopies { users: usize, tenant: String },
    /// Enabling 2FA while the tenant's admin is not enrolled may lock them out.
    AdminNotEnrolled { username: String, tenant: String },
}

/// A change ready to be confirmed and written.
#[derive(Debug)]
pub struct Prepared {
    pub plan: Plan,
    /// The OTP channel's check, when the result uses a channel and the plan changes anything.
    pub channel: Option<ChannelCheck>,
    pub warnings: Vec<Warning>,
}

/// Merges `change` into `current`, refuses a result that is not valid, checks the channel and
/// collects the warnings. Reads only.
pub async fn prepare(
    s: &Session,
    current: Tenant,
    change: &PolicyChange,
    opts: PrepareOptions,
) -> Result<Prepared, Error> {
    let after = merge::apply(&current, change)?;
    let (_, findings) = validate::check_value(&merge::effective_payload(&after));
    let errors: Vec<_> = findings
        .iter()
        .filter(|f| f.severity == ValidationSeverity::Error)
        .collect();
    if !errors.is_empty() {
        let mut e = Error::failed(format!(
            "the resulting 2FA settings of tenant `{}` are invalid; nothing was changed",
            current.id()
        ));
        for f in errors {
            e = e.with_cause(format!("{}: {}", f.pointer, f.message));
        }
        return Err(e.with_fix(Fix::CompleteSettings));
    }
    let plan = Plan::new(current, after);
    let mut prepared = Prepared {
        plan,
        channel: None,
        warnings: vec![],
    };
    if prepared.plan.is_empty() {
        return Ok(prepared);
    }
    let p = prepared.plan.after.two_fa();
    if let (true, Some(ct), Some(id)) = (p.enabled, p.channel_type, p.identifier.as_deref()) {
        if ct.uses_channel() {
            let check = readiness::check_channel(s, ct, id).await?;
            if !check.ok && !opts.skip_channel_check {
                return Err(Error::failed(format!(
                    "tenant `{}`: {}; nothing was changed",
                    prepared.plan.tenant, check.message
                ))
                .with_fix(Fix::CreateChannel));
            }
            if !check.ok {
                prepared
                    .warnings
                    .push(Warning::ChannelCheckSkipped(check.message.clone()));
            } else if !check.type_verified {
                prepared
                    .warnings
                    .push(Warning::ChannelTypeUnverified(check.message.clone()));
            }
            prepared.channel = Some(check);
        }
    }
    let users = user_warnings(s, &prepared.plan).await?;
    prepared.warnings.extend(users);
    Ok(prepared)
}

/// What the change means for the realm's users, when it turns 2FA on or off or changes the
/// channel.
async fn user_warnings(s: &Session, plan: &Plan) -> Result<Vec<Warning>, Error> {
    let before = plan.before.two_fa();
    let after = plan.after.two_fa();
    let mut w = vec![];
    let channel_changed =
        before.channel_type != after.channel_type || before.identifier != after.identifier;
    let turning_off = before.enabled && !after.enabled;
    let turning_on = !before.enabled && after.enabled;
    if !(channel_changed || turning_off || turning_on) {
        return Ok(w);
    }
    let users = Users::new(s, plan.after.realm());
    if let Err(e) = user_profile::read(&users).await?.require_read(&users.realm) {
        w.push(Warning::UsersUnknown(e.message));
        return Ok(w);
    }
    let (all, posture) = enrolment::scan(&users, &after, 500).await?;
    if turning_off {
        w.push(Warning::DisablingAffects {
            users: posture.users,
            registered: posture.registered,
            realm: users.realm.clone(),
        });
    }
    if channel_changed && after.enabled {
        let stale = all.iter().filter(|u| u.enrolled && u.stale).count();
        if stale > 0 {
            w.push(Warning::StaleCopies {
                users: stale,
                tenant: plan.tenant.clone(),
            });
        }
    }
    if turning_on {
        let admin_name = plan
            .after
            .kc(fields::USERNAME_ADMIN)
            .unwrap_or(contract::DEFAULT_TENANT_ADMIN)
            .to_string();
        if let Some(a) = all
            .iter()
            .find(|u| u.username.eq_ignore_ascii_case(&admin_name))
        {
            if !a.registered {
                w.push(Warning::AdminNotEnrolled {
                    username: a.username.clone(),
                    tenant: plan.tenant.clone(),
                });
            }
        }
    }
    Ok(w)
}

/// Where a run's change comes from. Enabling is worked out per tenant: what is not given is
/// kept from that tenant's own settings.
#[derive(Debug, Clone)]
pub enum ChangeRequest {
    /// The same change for every tenant (an update payload or a tenant document).
    Given(PolicyChange),
    /// Turn 2FA on with a channel.
    Enable {
        channel: ChannelType,
        identifier: Option<String>,
        otp_manager_url: Option<String>,
        expiry: Option<u64>,
        max_attempts: Option<u64>,
    },
    /// Turn 2FA off, keeping the other 2FA settings.
    Disable,
}

impl ChangeRequest {
    fn for_tenant(&self, t: &Tenant) -> Result<PolicyChange, Error> {
        match self {
            ChangeRequest::Given(c) => Ok(c.clone()),
            ChangeRequest::Enable {
                channel,
                identifier,
                otp_manager_url,
                expiry,
                max_attempts,
            } => PolicyChange::enable(
                t,
                *channel,
                identifier.clone(),
                otp_manager_url.clone(),
                *expiry,
                *max_attempts,
            ),
            ChangeRequest::Disable => Ok(PolicyChange::disable()),
        }
    }
}

/// What [`run`] works on and how.
pub struct RunOptions {
    /// The tenants, as read (an unknown one is an error of its own, so the others still run).
    pub targets: Vec<Result<Tenant, (String, Error)>>,
    pub change: ChangeRequest,
    pub prepare: PrepareOptions,
    /// Plan only: nothing is written.
    pub dry_run: bool,
}

/// One tenant's change before anything is written: prepared, or refused (tenant id, why).
pub type Planned = Result<Prepared, (String, Error)>;

/// Every tenant's plan, handed to the caller before the first write.
pub struct Review<'a> {
    pub plans: &'a [Planned],
    /// Tenants whose plan changes something.
    pub pending: usize,
    /// Whether the run is about to write (changes are pending and it is not a dry run): the
    /// moment to ask for confirmation.
    pub writes: bool,
}

/// Where one tenant's change ended.
#[derive(Debug)]
pub enum TenantResult {
    /// Not prepared: the tenant could not be read, or the change was refused.
    Refused { tenant: String, error: Error },
    /// Prepared and not written: a dry run, or nothing to change.
    Unwritten(Prepared),
    Applied {
        prepared: Prepared,
        applied: crate::push::Applied,
    },
    /// The write failed; the error says in what state it left the tenant.
    Failed { prepared: Prepared, error: Error },
}

/// What [`run`] did, tenant by tenant, in the order of the targets.
#[derive(Debug)]
pub struct RunOutcome {
    pub dry_run: bool,
    pub tenants: Vec<TenantResult>,
    /// Tenants whose plan changed something.
    pub pending: usize,
}

/// Prepares the change for every target, hands every plan to `review` (which may refuse, e.g.
/// when a person says no: nothing is written then), and writes each non-empty plan unless
/// `dry_run`. Core never asks: `review` is the caller's.
pub async fn run<E: From<Error>>(
    s: &Session,
    opts: RunOptions,
    review: impl FnOnce(&Review) -> Result<(), E>,
) -> Result<RunOutcome, E> {
    let mut plans: Vec<Planned> = vec![];
    for t in opts.targets {
        plans.push(match t {
            Ok(t) => {
                let id = t.id().to_string();
                match opts.change.for_tenant(&t) {
                    Ok(change) => prepare(s, t, &change, opts.prepare)
                        .await
                        .map_err(|e| (id, e)),
                    Err(e) => Err((id, e)),
                }
            }
            Err(refused) => Err(refused),
        });
    }
    let pending = plans
        .iter()
        .filter(|p| matches!(p, Ok(x) if !x.plan.is_empty()))
        .count();
    review(&Review {
        plans: &plans,
        pending,
        writes: pending > 0 && !opts.dry_run,
    })?;
    let mut tenants = vec![];
    for p in plans {
        tenants.push(match p {
            Err((tenant, error)) => TenantResult::Refused { tenant, error },
            Ok(p) if opts.dry_run || p.plan.is_empty() => TenantResult::Unwritten(p),
            Ok(prepared) => match crate::push::execute(s, &prepared.plan).await {
                Ok(applied) => TenantResult::Applied { prepared, applied },
                Err(error) => TenantResult::Failed { prepared, error },
            },
        });
    }
    Ok(RunOutcome {
        dry_run: opts.dry_run,
        tenants,
        pending,
    })
}

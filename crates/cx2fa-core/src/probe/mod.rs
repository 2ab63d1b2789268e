//! `cx2fa probe`: a tenant's 2FA health, measured the way agents meet it, for monitoring.
//!
//! One run probes each configured tenant: (1) a login with a dedicated probe user through
//! [`crate::login`], answering the screen from a scripted source, (2) the readiness checks of
//! `policy show`, (3) the enrolment posture and the audit counts. Every outcome is typed and
//! bounded (a tenant, a channel, a step, an ending, a [`Cause`]): the binary turns a run into
//! metrics and log lines. A failing tenant is a result of its own; it never stops the others.
//!
//! Secrets are [`SecretRef`]s, resolved by the caller's [`Sources`] at each run (core reads no
//! environment), so that a rotated password is picked up without a restart.

pub mod file;
mod io;
pub mod schedule;

use crate::api::keycloak::{User, Users};
use crate::api::{Secret, Session};
use crate::audit::{self, FindingKind, Severity};
use crate::enrolment::{self, Posture};
use crate::error::{Error, Fix, Kind};
use crate::login::{self, Ending, Target};
use crate::readiness::{self, Check, Level};
use crate::settings::{ChannelType, Tenant};
use cx2fa_platform::enrolment as attrs;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

pub use io::ProbeIo;

/// Where a secret comes from: a reference, never the value.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub enum SecretRef {
    /// An environment variable of the probe's process.
    Env(String),
    /// A file (its contents, trimmed); e.g. a Kubernetes secret mounted as a file.
    File(PathBuf),
    /// A shell command's standard output, trimmed (e.g. `pass show probe`, `vault kv get ...`).
    Command(String),
}

/// How the probe reads the code the deployment asks for: the scripted sources of
/// `simulate-login`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OtpSource {
    /// Authenticator codes computed from this base32 secret (APP).
    TotpSecret(SecretRef),
    /// The sandbox's outbox (EMAIL/SMS, sandbox only).
    Outbox,
    /// The newest code in this mailbox, `imaps://user@host[:port]/INBOX` (EMAIL).
    Imap { url: String, password: SecretRef },
    /// A shell command printing the code (its last word).
    Command(String),
    /// The RSA SecurID passcode (PIN + tokencode), read fresh at each run.
    RsaPasscode(SecretRef),
}

/// One tenant's probe: who logs in, with what, where the code comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProbeSpec {
    pub tenant: String,
    /// The dedicated probe user.
    pub user: String,
    /// The probe's own contact (e-mail address or phone number): the user's contact points
    /// must all be this one, or the probe refuses the user as not dedicated to probing.
    pub contact: String,
    pub password: SecretRef,
    pub otp: OtpSource,
    /// Reach the OTP manager here for this tenant (beside the deployment-wide setting).
    pub otp_manager_url: Option<String>,
    /// Register the probe user when it is not (only ever with `contact`).
    pub register: bool,
}

/// What the caller resolves for core: secrets behind references.
pub trait Sources {
    /// The value `r` refers to, read now. A command gets none of cx2fa's own secrets.
    fn secret(&self, r: &SecretRef) -> Result<Secret, Error>;
    /// The sandbox's per-run helper token, for the outbox (`cx2fa sandbox` prints it); `None`
    /// against a real deployment.
    fn sandbox_token(&self) -> Option<Secret> {
        None
    }
}

/// Why a probe (or a part of it) could not decide: a bounded vocabulary, a metric label.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Cause {
    /// The admin credentials were refused (the whole deployment).
    AdminAuth,
    /// Keycloak, the tenant API or the channel manager could not be reached or answered 5xx.
    Unreachable,
    /// The OTP manager could not be reached or answered 5xx.
    OtpManagerUnreachable,
    /// RSA SecurID could not be reached, or refused the tenant's client key.
    RsaUnreachable,
    /// No tenant with this id.
    TenantNotFound,
    /// The probe user does not exist in the tenant's realm.
    ProbeUserNotFound,
    /// The probe user has a contact that is not the configured probe contact: refused, as a
    /// real agent's account must never be probed.
    NotDedicated,
    /// The probe user is not registered for 2FA and `register` is off.
    NotRegistered,
    /// A secret reference could not be resolved (unset variable, unreadable file, failed command).
    Secret,
    /// The OTP could not be read from its source (mailbox, outbox, command).
    OtpSource,
    /// The probe's OTP source does not fit the channel the deployment asked a code for.
    WrongSource,
    /// The realm's user profile hides (or freezes) the enrolment attributes.
    UserProfile,
    /// The tenant's settings stop the login (e.g. 2FA on with no channel or OTP manager URL).
    TenantConfig,
    /// Anything else; the log line has the message.
    Failed,
}

impl Cause {
    pub const ALL: [Cause; 14] = [
        Cause::AdminAuth,
        Cause::Unreachable,
        Cause::OtpManagerUnreachable,
        Cause::RsaUnreachable,
        Cause::TenantNotFound,
        Cause::ProbeUserNotFound,
        Cause::NotDedicated,
        Cause::NotRegistered,
        Cause::Secret,
        Cause::OtpSource,
        Cause::WrongSource,
        Cause::UserProfile,
        Cause::TenantConfig,
        Cause::Failed,
    ];

    /// The cause of an error from core's clients (not one the probe raised itself).
    pub fn of(e: &Error) -> Cause {
        match (&e.fix, e.kind) {
            (Some(Fix::ReachOtpManager), _) => Cause::OtpManagerUnreachable,
            (Some(Fix::CheckRsaServer), _) => Cause::RsaUnreachable,
            (Some(Fix::CheckUserProfile), _) => Cause::UserProfile,
            (Some(Fix::SeePolicy { .. }), _) => Cause::TenantConfig,
            (_, Kind::Auth) => Cause::AdminAuth,
            (_, Kind::Network) => Cause::Unreachable,
            _ => Cause::Failed,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Cause::AdminAuth => "admin-auth",
            Cause::Unreachable => "unreachable",
            Cause::OtpManagerUnreachable => "otp-manager-unreachable",
            Cause::RsaUnreachable => "rsa-unreachable",
            Cause::TenantNotFound => "tenant-not-found",
            Cause::ProbeUserNotFound => "probe-user-not-found",
            Cause::NotDedicated => "not-dedicated",
            Cause::NotRegistered => "not-registered",
            Cause::Secret => "secret",
            Cause::OtpSource => "otp-source",
            Cause::WrongSource => "wrong-source",
            Cause::UserProfile => "user-profile",
            Cause::TenantConfig => "tenant-config",
            Cause::Failed => "failed",
        }
    }
}

/// The part of a run an error stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    /// Reading the tenant document (or the admin session).
    Tenant,
    /// The readiness checks, the posture scan and the audit.
    Readiness,
    /// The login probe.
    Login,
}

impl Stage {
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Tenant => "tenant",
            Stage::Readiness => "readiness",
            Stage::Login => "login",
        }
    }
}

/// An error of one stage: its cause (a label) and its message (logs only).
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ProbeError {
    pub stage: Stage,
    pub cause: Cause,
    pub message: String,
}

/// How long one step of the login took (the same step twice is summed).
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct StepTime {
    pub step: String,
    pub seconds: f64,
}

/// The login probe's result: an ending the deployment decided, or an error's cause.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct LoginResult {
    /// The channel the code went through (the tenant's, until the user's enrolment says).
    pub channel: Option<ChannelType>,
    /// `null` when an error stopped the login before the deployment decided.
    pub ending: Option<Ending>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cause: Option<Cause>,
    pub steps: Vec<StepTime>,
    pub seconds: f64,
    pub message: String,
}

impl LoginResult {
    pub fn success(&self) -> bool {
        self.ending == Some(Ending::Success)
    }
}

/// Audit findings of one kind.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct FindingCount {
    pub kind: FindingKind,
    pub severity: Severity,
    pub count: usize,
}

/// One tenant's probe in one run.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct TenantProbe {
    pub tenant: String,
    /// Unix seconds at the start of this tenant's probe.
    pub started_at: f64,
    pub seconds: f64,
    pub login: Option<LoginResult>,
    /// The readiness checks of `policy show` (the channel check is `channel`).
    pub checks: Vec<Check>,
    /// No check failed (`null` when the checks could not run).
    pub ready: Option<bool>,
    /// Users by enrolment state (`null` when the realm could not be scanned).
    pub posture: Option<Posture>,
    /// Every audit kind, with its count (zero included), when the realm was scanned.
    pub findings: Vec<FindingCount>,
    pub errors: Vec<ProbeError>,
    /// The login succeeded, no check failed, and nothing stopped the probe.
    pub healthy: bool,
}

/// Every kind of finding the audit knows, in the documented order.
pub const FINDING_KINDS: [FindingKind; 13] = [
    FindingKind::Bypass,
    FindingKind::StaleIdentifier,
    FindingKind::ChannelChanged,
    FindingKind::MissingContact,
    FindingKind::TwoSecrets,
    FindingKind::PendingRegistration,
    FindingKind::ProfileIncomplete,
    FindingKind::SharedContact,
    FindingKind::TenantChannelCase,
    FindingKind::OtpManagerUrl,
    FindingKind::EnrolmentReadOnly,
    FindingKind::WeakCredentials,
    FindingKind::AdminNotEnrolled,
];

/// What every probe of a run shares.
pub struct ProbeOptions<'a> {
    /// The CA to trust for IMAP, beside the system roots.
    pub ca: Option<PathBuf>,
    /// How `readiness::users_check` words the remedy for a tenant's stale users (the caller's
    /// command for that tenant).
    pub stale_remedy: &'a dyn Fn(&str) -> String,
}

fn unix_now() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or_default()
}

/// Probes every tenant of `specs`, one after the other (each probe makes one password attempt
/// and a code or two; their pace is the session's limiter's). `session` is the admin session,
/// or the error that stopped it, which every tenant then reports.
pub async fn run(
    session: Result<&Session, &Error>,
    specs: &[ProbeSpec],
    sources: &impl Sources,
    opts: &ProbeOptions<'_>,
) -> Vec<TenantProbe> {
    let mut out = Vec::with_capacity(specs.len());
    let s = match session {
        Ok(s) => s,
        Err(e) => {
            for spec in specs {
                let mut p = blank(&spec.tenant);
                p.errors.push(error(Stage::Tenant, Cause::of(e), e));
                out.push(p);
            }
            return out;
        }
    };
    // One read of the tenant list for the whole run.
    let list = crate::api::tenant::Tenants::new(s).list().await;
    for spec in specs {
        let doc = match &list {
            Ok(all) => crate::api::tenant::find(all.clone(), &spec.tenant).map_err(|e| {
                let cause = if e.kind == Kind::NotFound {
                    Cause::TenantNotFound
                } else {
                    Cause::of(&e)
                };
                (cause, e)
            }),
            Err(e) => Err((Cause::of(e), e.clone())),
        };
        out.push(tenant(s, doc, spec, sources, opts).await);
    }
    out
}

fn blank(tenant: &str) -> TenantProbe {
    TenantProbe {
        tenant: tenant.into(),
        started_at: unix_now(),
        seconds: 0.0,
        login: None,
        checks: vec![],
        ready: None,
        posture: None,
        findings: vec![],
        errors: vec![],
        healthy: false,
    }
}

fn error(stage: Stage, cause: Cause, e: &Error) -> ProbeError {
    ProbeError {
        stage,
        cause,
        message: e.one_line(),
    }
}

/// One tenant: readiness and posture first (read-only), then the login.
async fn tenant(
    s: &Session,
    doc: Result<Tenant, (Cause, Error)>,
    spec: &ProbeSpec,
    sources: &impl Sources,
    opts: &ProbeOptions<'_>,
) -> TenantProbe {
    let started = Instant::now();
    let mut p = blank(&spec.tenant);
    let t = match doc {
        Ok(t) => t,
        Err((cause, e)) => {
            p.errors.push(error(Stage::Tenant, cause, &e));
            p.seconds = started.elapsed().as_secs_f64();
            return p;
        }
    };
    if let Err(e) = health(s, &t, &mut p, opts).await {
        p.errors.push(error(Stage::Readiness, Cause::of(&e), &e));
    }
    let login = login_probe(s, t, spec, sources, opts).await;
    if let Some(c) = login.cause {
        p.errors.push(ProbeError {
            stage: Stage::Login,
            cause: c,
            message: login.message.clone(),
        });
    }
    p.healthy = login.success() && p.ready == Some(true) && p.errors.is_empty();
    p.login = Some(login);
    p.seconds = started.elapsed().as_secs_f64();
    p
}

/// The readiness checks of `policy show`, the posture and the audit counts.
async fn health(
    s: &Session,
    t: &Tenant,
    p: &mut TenantProbe,
    opts: &ProbeOptions<'_>,
) -> Result<(), Error> {
    let policy = t.two_fa();
    p.checks = readiness::static_checks(t);
    if let (true, Some(ct), Some(id)) = (
        policy.enabled,
        policy.channel_type,
        policy.identifier.as_deref(),
    ) {
        if ct.uses_channel() {
            // A channel manager that cannot answer fails this check; the users are still read.
            match readiness::check_channel(s, ct, id).await {
                Ok(c) => {
                    let level = if c.ok { Level::Ok } else { Level::Fail };
                    p.checks.push(Check::new("channel", level, c.message));
                }
                Err(e) => {
                    p.checks
                        .push(Check::new("channel", Level::Fail, e.one_line()));
                    p.errors.push(error(Stage::Readiness, Cause::of(&e), &e));
                }
            }
        }
    }
    let users = Users::new(s, t.realm());
    let access = crate::user_profile::read(&users).await?;
    match access.require_read(t.realm()) {
        Ok(read_only) => {
            let (all, posture) = enrolment::scan(&users, &policy, 500).await?;
            let mut c = readiness::users_check(&posture, &(opts.stale_remedy)(t.id()));
            if let Some(w) = read_only {
                c.status = Level::Fail;
                c.ok = false;
                c.detail.push_str(&format!("; {}", w.message));
            }
            p.checks.push(c);
            let found = audit::tenant(t, &all, &access);
            p.findings = FINDING_KINDS
                .iter()
                .map(|k| FindingCount {
                    kind: *k,
                    severity: k.severity(),
                    count: found.iter().filter(|f| f.kind == *k).count(),
                })
                .collect();
            p.posture = Some(posture);
        }
        // As `policy show`: the platform's login still works; cx2fa's view of users is blind.
        Err(e) => p.checks.push(Check::new("users", Level::Warn, e.message)),
    }
    p.ready = Some(p.checks.iter().all(|c| c.ok));
    Ok(())
}

/// The probe user exists in the tenant's realm and is dedicated to probing.
async fn probe_user(s: &Session, t: &Tenant, spec: &ProbeSpec) -> Result<(), (Cause, Error)> {
    let user = match Users::new(s, t.realm()).find(&spec.user).await {
        Ok(Some(u)) => u,
        Ok(None) => {
            let e = Error::not_found(format!(
                "no probe user `{}` in realm `{}`",
                spec.user,
                t.realm()
            ));
            return Err((Cause::ProbeUserNotFound, e));
        }
        Err(e) => return Err((Cause::of(&e), e)),
    };
    dedicated(&user, &spec.contact).map_err(|e| (Cause::NotDedicated, e))
}

/// The login with the probe user: refused unless the user is dedicated to probing; exactly
/// one password attempt and one code.
async fn login_probe(
    s: &Session,
    t: Tenant,
    spec: &ProbeSpec,
    sources: &impl Sources,
    opts: &ProbeOptions<'_>,
) -> LoginResult {
    let started = Instant::now();
    let mut r = LoginResult {
        channel: t.two_fa().channel_type.filter(|_| t.two_fa().enabled),
        ending: None,
        cause: None,
        steps: vec![],
        seconds: 0.0,
        message: String::new(),
    };
    let fail = |mut r: LoginResult, cause: Cause, e: &Error| {
        r.cause = Some(cause);
        r.message = e.one_line();
        r.seconds = started.elapsed().as_secs_f64();
        r
    };
    if let Err((cause, e)) = probe_user(s, &t, spec).await {
        return fail(r, cause, &e);
    }
    let password = match sources.secret(&spec.password) {
        Ok(p) => p,
        Err(e) => return fail(r, Cause::Secret, &e),
    };
    let mut io = ProbeIo::new(s, spec, sources, opts.ca.clone());
    let target = Target {
        session: s,
        tenant: t,
        username: spec.user.clone(),
        password,
        otp_manager_url: spec.otp_manager_url.clone(),
        // The probe follows the tenant's document: plain http to RSA stays refused.
        allow_plain_http_rsa: false,
    };
    let outcome = login::simulate(target, &mut io).await;
    r.seconds = started.elapsed().as_secs_f64();
    match outcome {
        Ok(tr) => {
            r.channel = tr.channel.or(r.channel);
            r.ending = Some(tr.ending);
            r.message = tr.message;
            r.steps = step_times(&tr.steps);
        }
        Err(e) => {
            let cause = io.cause().unwrap_or_else(|| Cause::of(&e));
            r = fail(r, cause, &e);
        }
    }
    r
}

/// Sums the transcript's step times by step name, in their first order.
fn step_times(steps: &[login::Step]) -> Vec<StepTime> {
    let mut out: Vec<StepTime> = vec![];
    for s in steps {
        let secs = s.ms as f64 / 1000.0;
        match out.iter_mut().find(|o| o.step == s.step) {
            Some(o) => o.seconds += secs,
            None => out.push(StepTime {
                step: s.step.clone(),
                seconds: secs,
            }),
        }
    }
    out
}

/// The same contact, as the platform would deliver to it: e-mail addresses without regard to
/// case, phone numbers by their digits (a 1.7.x `+15550100222` is `15550100222`).
fn same_contact(a: &str, b: &str) -> bool {
    let digits = |s: &str| -> Option<String> {
        let d: String = s.chars().filter(char::is_ascii_digit).collect();
        (!s.contains('@') && d.len() >= 7).then_some(d)
    };
    match (digits(a), digits(b)) {
        (Some(x), Some(y)) => x == y,
        _ => a.trim().eq_ignore_ascii_case(b.trim()),
    }
}

/// A probe user is one whose every contact point (its OTP contact, its 1.7.x phone number, its
/// Keycloak e-mail) is the probe's own, and which has at least one: anything else may be a real
/// agent, whose account a probe failing every few minutes would lock or spam.
pub fn dedicated(user: &User, contact: &str) -> Result<(), Error> {
    let email = user
        .0
        .get("email")
        .and_then(serde_json::Value::as_str)
        .map(str::to_string);
    let points: Vec<(&str, String)> = [
        (
            attrs::CUSTOMER_CHANNEL_IDENTIFIER,
            user.attr(attrs::CUSTOMER_CHANNEL_IDENTIFIER),
        ),
        (attrs::PHONE_NUMBER, user.attr(attrs::PHONE_NUMBER)),
        ("email", email),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.filter(|v| !v.is_empty()).map(|v| (k, v)))
    .collect();
    if points.is_empty() {
        return Err(Error::failed(format!(
            "probe user `{}` has no contact point: give it the probe contact `{}` as its e-mail, so that it is known as the probe's",
            user.username(),
            crate::enrolment::mask_contact(contact)
        )));
    }
    if let Some((k, v)) = points.iter().find(|(_, v)| !same_contact(v, contact)) {
        return Err(Error::failed(format!(
            "probe user `{}` is not dedicated to probing: its {k} `{}` is not the probe contact `{}`; a probe must never log in as, or send codes to, a real agent",
            user.username(),
            crate::enrolment::mask_contact(v),
            crate::enrolment::mask_contact(contact)
        )));
    }
    Ok(())
}

/// The findings as a map, for callers that look one up.
pub fn findings_by_kind(p: &TenantProbe) -> BTreeMap<String, usize> {
    p.findings
        .iter()
        .map(|f| {
            (
                serde_json::to_value(f.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default(),
                f.count,
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn contacts_compare_as_the_platform_delivers() {
        assert!(same_contact("Probe@Example.test", "probe@example.test"));
        assert!(same_contact("+15550100222", "15550100222"));
        assert!(!same_contact("15550100223", "15550100222"));
        assert!(!same_contact("agent@example.test", "probe@example.test"));
    }

    #[test]
    fn only_a_dedicated_user_is_probed() {
        let u = |v| User(v);
        let ok = u(json!({"username": "probe", "email": "probe@x.test",
            "attributes": {"customerChannelIdentifier": ["probe@x.test"]}}));
        assert!(dedicated(&ok, "probe@x.test").is_ok());
        let other = u(json!({"username": "probe", "email": "probe@x.test",
            "attributes": {"customerChannelIdentifier": ["agent@x.test"]}}));
        let e = dedicated(&other, "probe@x.test").unwrap_err();
        assert!(e.message.contains("not dedicated"), "{}", e.message);
        // The message masks the contacts it names.
        assert!(!e.message.contains("agent@x.test"), "{}", e.message);
        let none = u(json!({"username": "probe"}));
        assert!(dedicated(&none, "probe@x.test").is_err());
    }

    #[test]
    fn causes_name_the_failing_service() {
        let e = Error::network("down").with_fix(Fix::ReachOtpManager);
        assert_eq!(Cause::of(&e), Cause::OtpManagerUnreachable);
        assert_eq!(Cause::of(&Error::network("x")), Cause::Unreachable);
        assert_eq!(Cause::of(&Error::auth("x")), Cause::AdminAuth);
        assert_eq!(Cause::of(&Error::failed("x")), Cause::Failed);
        // The label is the JSON name.
        for c in Cause::ALL {
            assert_eq!(serde_json::to_value(c).unwrap(), json!(c.as_str()));
        }
    }

    #[test]
    fn step_times_sum_repeated_steps() {
        let st = |n: &str, ms| login::Step {
            step: n.into(),
            ms,
            outcome: String::new(),
            detail: String::new(),
        };
        let t = step_times(&[st("password", 100), st("verify", 20), st("verify", 30)]);
        assert_eq!(t.len(), 2);
        assert!((t[1].seconds - 0.05).abs() < 1e-9);
    }
}

//! The 2FA login flow of docs/deployment-contract.md §6, step by step, as the platform's login screen runs it.
//!
//! Who answers the screen's questions is an [`Io`]: a person at a terminal, or a script's flags.

mod app;
pub mod code_source;
mod otp;
mod rsa;

pub use otp::check_contact;

use crate::api::keycloak::{self, Grant, GrantRefusal, User, Users};
use crate::api::{Secret, Session};
use crate::error::{Error, Fix};
use crate::services::{Address, Service, Source};
use crate::settings::{ChannelType, Tenant};
use cx2fa_platform::contract;
use cx2fa_platform::enrolment as attrs;
use cx2fa_platform::fields;
use serde::Serialize;
use serde_json::{Map, Value};
use std::time::Instant;

/// An answer at the OTP prompt.
pub enum CodeAnswer {
    Code(Secret),
    Resend,
}

/// What the login screen asks.
#[allow(async_fn_in_trait)] // used with static dispatch only
pub trait Io {
    /// Shows a line of the screen.
    fn show(&mut self, line: &str);
    /// Shows the QR code, secret and URI of an authenticator registration.
    fn show_registration(&mut self, uri: &str, secret: &Secret);
    /// Agrees to register `user` for `channel` before anything is written: a registration
    /// changes the user's enrolment in Keycloak (a probe of a real user must never enrol them
    /// by surprise). `Err` stops the login with nothing written.
    fn confirm_registration(&mut self, user: &str, channel: ChannelType) -> Result<(), Error>;
    /// The email address or phone number to register.
    fn contact(&mut self, channel: ChannelType) -> Result<String, Error>;
    /// Confirms `value`; `Some(new)` when the user edited it.
    fn confirm_contact(
        &mut self,
        channel: ChannelType,
        value: &str,
    ) -> Result<Option<String>, Error>;
    /// The next OTP (or a resend request); `seconds_left` of the current one.
    async fn code(
        &mut self,
        channel: ChannelType,
        contact: &str,
        seconds_left: i64,
        attempt: u64,
    ) -> Result<CodeAnswer, Error>;
    /// An OTP was just generated (`otp/generate` answered) at `at`, to be sent from `sender`
    /// (the channel's service identifier): a code read from a mailbox must come from a
    /// message that arrived after this, from that address.
    fn otp_sent(&mut self, _at: chrono::DateTime<chrono::Utc>, _sender: &str) {}
    /// The OTP manager refused `code`: a source that reads codes (a mailbox) must not offer it
    /// again, which would only use up the user's attempts.
    fn code_refused(&mut self, _code: &Secret) {}
    /// A TOTP secret to issue instead of a random one (scripts that keep it for later logins).
    fn chosen_totp_secret(&mut self) -> Option<Secret> {
        None
    }
    /// The 14-character RSA passcode.
    fn passcode(&mut self) -> Result<Secret, Error>;
    /// Whether to keep going after an invalid code.
    fn retry_after_invalid(&mut self) -> bool {
        true
    }
    /// Whether to request a new code after an expired one.
    fn resend_after_expiry(&mut self) -> bool {
        false
    }
}

/// One step of the timeline.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Step {
    pub step: String,
    pub ms: u128,
    pub outcome: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub detail: String,
}

/// How a login ended: what the deployment decided about the user's input. A failure of the
/// deployment itself (unreachable, 5xx, TLS, misconfiguration) is never an ending: it is an
/// error with its own exit code, so that `--expect` cannot be satisfied by a broken service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
#[serde(rename_all = "kebab-case")]
pub enum Ending {
    Success,
    /// A wrong OTP, authenticator code or RSA passcode.
    InvalidOtp,
    Expired,
    MaxAttempts,
    /// Keycloak refused the password: wrong password, unknown user, or locked out (Keycloak
    /// answers all three alike).
    WrongPassword,
    /// Keycloak: "Account disabled".
    AccountDisabled,
    /// Keycloak: "Account is not fully set up" (required actions pending).
    AccountNotSetUp,
    /// The tenant's client does not allow direct access grants.
    DirectGrantOff,
    /// The platform would log this user in without checking any code: a registered user whose
    /// `twoFAChannel` is not exactly `APP`, `RSA`, `SMS` or `EMAIL` (connector 1.9.3-RC8
    /// compares upper case only; 1.7.x wrote `app`, `sms`).
    Bypassed,
    /// cx2fa could finish the flow, but the platform's own login would fail here (the reason
    /// is the transcript's message): never reported as a success.
    WouldFail,
}

impl Ending {
    /// Whether the login stopped at the password step.
    pub fn at_password(self) -> bool {
        matches!(
            self,
            Ending::WrongPassword
                | Ending::AccountDisabled
                | Ending::AccountNotSetUp
                | Ending::DirectGrantOff
        )
    }
}

/// Which screens a login went through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Flow {
    /// No 2FA: the password alone.
    Plain,
    /// A user not yet enrolled: registration, then the code.
    Registration,
    /// An enrolled user: the code.
    Returning,
}

/// The transcript of a simulated login.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Transcript {
    pub tenant: String,
    pub user: String,
    pub two_fa_enabled: bool,
    pub channel: Option<ChannelType>,
    /// `plain`, `registration` or `returning`.
    // Published as a string (schemas/output/simulate-login.schema.json); the values are fixed.
    #[schemars(with = "String")]
    pub flow: Flow,
    pub steps: Vec<Step>,
    pub ending: Ending,
    /// Enrolment attributes this run wrote, as the platform would have.
    pub written: Vec<String>,
    pub message: String,
    /// What the admin should know about this run beyond its ending: a service address from
    /// the tenant document that points away from the deployment.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// What to log in as and where.
pub struct Target<'a> {
    pub session: &'a Session,
    pub tenant: Tenant,
    pub username: String,
    pub password: Secret,
    /// Sends the RSA client key and the passcode over plain HTTP to a host other than this
    /// machine (refused otherwise).
    pub allow_plain_http_rsa: bool,
    /// Reach the OTP manager here for this login, before the session's `--otp-manager-url`
    /// and the tenant's `Otp_Manager_Url` (a probe's per-tenant setting).
    pub otp_manager_url: Option<String>,
}

struct Run<'a> {
    t: Transcript,
    users: Users<'a>,
    user: User,
    started: Instant,
    otp_manager_url: Option<String>,
}

impl Run<'_> {
    fn step(&mut self, step: &str, outcome: &str, detail: impl Into<String>) {
        self.t.steps.push(Step {
            step: step.into(),
            ms: self.started.elapsed().as_millis(),
            outcome: outcome.into(),
            detail: detail.into(),
        });
        self.started = Instant::now();
    }

    /// Records which address a service is reached at and where it came from, and warns when
    /// the tenant document sends it away from the deployment.
    fn address(&mut self, a: &Address) {
        let from = match a.source {
            Source::Given => "given for this run".to_string(),
            Source::Document => format!(
                "from the tenant document's `keyCloak.{}`",
                a.service.field()
            ),
        };
        let outcome = if a.off_deployment() {
            "elsewhere"
        } else {
            "address"
        };
        self.step(a.service.name(), outcome, format!("`{}` ({from})", a.url));
        if a.off_deployment() {
            self.t.warnings.push(format!(
                "the {} address `{}` comes from the tenant document and points neither at the deployment nor at an in-cluster name: {} go to that host, and its answers decide this login",
                a.service.name(),
                a.url,
                match a.service {
                    Service::OtpManager => "the OTP and the codes entered",
                    Service::Rsa => "the tenant's RSA client key and the passcode",
                }
            ));
        }
    }

    /// Writes attributes as the platform does: read, change, PUT the whole map.
    async fn write(&mut self, set: &[(&str, &str)], remove: &[&str]) -> Result<(), Error> {
        let fresh = self.users.get(self.user.id()).await?;
        let mut attrs: Map<String, Value> = fresh.attributes();
        for k in remove {
            attrs.remove(*k);
        }
        for (k, v) in set {
            attrs.insert(
                k.to_string(),
                Value::Array(vec![Value::String(v.to_string())]),
            );
        }
        self.users.put(&fresh.with_attributes(attrs)).await?;
        self.user = self.users.get(self.user.id()).await?;
        // A 204 is not proof: a Keycloak user profile drops writes it does not allow.
        let dropped: Vec<&str> = set
            .iter()
            .filter(|(k, v)| self.user.attr(k).as_deref() != Some(*v))
            .map(|(k, _)| *k)
            .chain(remove.iter().copied().filter(|k| self.user.has_attr(k)))
            .collect();
        if !dropped.is_empty() {
            return Err(Error::failed(format!(
                "Keycloak answered the write of `{}` with success but did not store {}",
                self.t.user,
                dropped.join(", ")
            ))
            .with_fix(Fix::CheckUserProfile));
        }
        for (k, _) in set {
            if !self.t.written.iter().any(|w| w == k) {
                self.t.written.push(k.to_string());
            }
        }
        Ok(())
    }
}

/// Adds which attributes were written to an error (Ctrl-C, failures), as the platform leaves them.
fn with_written(e: Error, written: &[String]) -> Error {
    if written.is_empty() {
        e.with_cause("no enrolment attribute was written")
    } else {
        e.with_cause(format!(
            "already written, as the platform would have: {}",
            written.join(", ")
        ))
    }
}

/// Runs the whole flow.
pub async fn simulate(target: Target<'_>, io: &mut impl Io) -> Result<Transcript, Error> {
    let s = target.session;
    let t = &target.tenant;
    let mut run = Run {
        t: Transcript {
            tenant: t.id().into(),
            user: target.username.clone(),
            two_fa_enabled: t.two_fa().enabled,
            channel: None,
            flow: Flow::Plain,
            steps: vec![],
            ending: Ending::Success,
            written: vec![],
            message: String::new(),
            warnings: vec![],
        },
        users: Users::new(s, t.realm()),
        user: User(Value::Null),
        started: Instant::now(),
        otp_manager_url: target.otp_manager_url.clone(),
    };
    if !password(&mut run, &target).await? {
        return Ok(run.t);
    }
    if !run.t.two_fa_enabled {
        run.step(
            "2fa",
            "skipped",
            "2FA is disabled for this tenant: a plain login",
        );
        run.t.message = "logged in with a password only (2FA disabled)".into();
        return Ok(run.t);
    }
    let Some((channel, registered)) = enrolment(&mut run, t, &target.username).await? else {
        return Ok(run.t);
    };
    if !registered {
        io.confirm_registration(&run.t.user, channel)?;
    }
    let result = match channel {
        ChannelType::App => app::app(&mut run, registered, io).await,
        ChannelType::Email | ChannelType::Sms => {
            otp::otp(&mut run, s, t, channel, registered, io).await
        }
        ChannelType::Rsa => {
            rsa::rsa(&mut run, s, t, registered, target.allow_plain_http_rsa, io).await
        }
    };
    match result {
        Ok(()) => Ok(run.t),
        Err(e) => Err(with_written(e, &run.t.written)),
    }
}

/// The password step, with the tenant's login client: whether the login goes on (a refusal
/// ends the transcript, naming the required actions Keycloak is waiting for).
async fn password(run: &mut Run<'_>, target: &Target<'_>) -> Result<bool, Error> {
    let (s, t) = (target.session, &target.tenant);
    let grant = Grant::Password {
        client: t
            .kc(fields::CLIENT_ID)
            .unwrap_or(contract::DEFAULT_TENANT_CLIENT_ID)
            .to_string(),
        client_secret: t
            .0
            .pointer("/tenantSettings/keyCloak/credentials/secret")
            .and_then(Value::as_str)
            .map(Secret::new),
        username: target.username.clone(),
        password: target.password.clone(),
    };
    let refusal = match keycloak::password_login(&s.http, &s.ep.keycloak, t.realm(), &grant).await?
    {
        Ok(_) => {
            run.step(
                "password",
                "ok",
                format!("password grant in realm `{}`", t.realm()),
            );
            return Ok(true);
        }
        Err(refusal) => refusal,
    };
    let (ending, outcome, message) = refused(refusal);
    let mut message = message.to_string();
    if refusal == GrantRefusal::NotFullySetUp {
        // The admin token can say which actions are pending.
        if let Ok(Some(u)) = run.users.find(&target.username).await {
            let actions: Vec<&str> =
                u.0.get("requiredActions")
                    .and_then(Value::as_array)
                    .map(|a| a.iter().filter_map(Value::as_str).collect())
                    .unwrap_or_default();
            if !actions.is_empty() {
                message.push_str(&format!("; pending: {}", actions.join(", ")));
            }
        }
    }
    run.step("password", outcome, message.clone());
    run.t.ending = ending;
    run.t.message = message;
    Ok(false)
}

/// The user's enrolment: the channel of this login and whether they are registered; `None`
/// when the platform's login ends before any code.
async fn enrolment(
    run: &mut Run<'_>,
    t: &Tenant,
    username: &str,
) -> Result<Option<(ChannelType, bool)>, Error> {
    // Enrolment must be visible (or a registered user would look new), and writable before a
    // registration writes it.
    let access = crate::user_profile::read(&run.users).await?;
    access.require_read(t.realm())?;
    run.user = run.users.require(username).await?;
    let registered = run
        .user
        .attr(attrs::IS_2FA_REGISTERED)
        .is_some_and(|v| v.eq_ignore_ascii_case("true"));
    if !registered {
        access.require_write(t.realm())?;
    }
    // What the platform's login decides before any code is asked (connector 1.9.3-RC8,
    // `authenticateUserViaKeycloak` and `validateOTP`), in its exact-case comparisons.
    if let Some(ending) = platform_verdict(run, t, registered) {
        run.t.ending = ending;
        return Ok(None);
    }
    let user_channel = run
        .user
        .attr(attrs::TWO_FA_CHANNEL)
        .and_then(|c| ChannelType::parse(&c));
    let policy = t.two_fa();
    let channel = if registered {
        user_channel.or(policy.channel_type)
    } else {
        policy.channel_type
    }
    .ok_or_else(|| {
        Error::failed(format!(
            "tenant `{}` has 2FA on but no valid channelType",
            t.id()
        ))
        .with_fix(Fix::SeePolicy {
            tenant: t.id().to_string(),
        })
    })?;
    run.t.channel = Some(channel);
    run.t.flow = if registered {
        Flow::Returning
    } else {
        Flow::Registration
    };
    run.step(
        "enrolment",
        if registered {
            "registered"
        } else {
            "not registered"
        },
        format!("channel {channel}"),
    );
    Ok(Some((channel, registered)))
}

/// Where the platform's login ends before any code, if it does: every login of a tenant whose
/// `channelType` is not exactly one of the four is refused ("channelType is empty or invalid
/// in 2FA configuration."); a registered user whose `twoFAChannel` is not exactly one of them
/// gets no OTP, and `validateOTP` then logs them in with any code.
fn platform_verdict(run: &mut Run<'_>, t: &Tenant, registered: bool) -> Option<Ending> {
    let exact = |c: &str| ChannelType::parse(c).is_some_and(|p| p.as_str() == c);
    let tenant_raw =
        t.0.pointer("/tenantSettings/twoFAConfigs/channelType")
            .and_then(Value::as_str)
            .unwrap_or("");
    if !exact(tenant_raw) {
        let m = format!(
            "the tenant's channelType `{tenant_raw}` is not exactly APP, RSA, SMS or EMAIL: the platform refuses every login of this tenant (\"channelType is empty or invalid in 2FA configuration.\")"
        );
        run.step("platform", "would-fail", m.clone());
        run.t.message = m;
        return Some(Ending::WouldFail);
    }
    if !registered {
        return None;
    }
    match run.user.attr(attrs::TWO_FA_CHANNEL) {
        Some(c) if exact(&c) => None,
        Some(c) => {
            let m = format!(
                "registered with twoFAChannel `{c}`, not exactly APP, RSA, SMS or EMAIL: the platform's login (connector 1.9.3) sends no OTP and accepts any code; reset the user so that they register again"
            );
            run.step("enrolment", "bypass", m.clone());
            run.t.message = m;
            Some(Ending::Bypassed)
        }
        None => {
            let m = "registered but without twoFAChannel: the platform's login fails reading it; reset the user".to_string();
            run.step("enrolment", "would-fail", m.clone());
            run.t.message = m;
            Some(Ending::WouldFail)
        }
    }
}

/// The ending, step outcome and message of a refused password grant.
fn refused(r: GrantRefusal) -> (Ending, &'static str, &'static str) {
    match r {
        GrantRefusal::WrongCredentials => (
            Ending::WrongPassword,
            "refused",
            "Invalid user credentials: a wrong password, an unknown user, or a user locked out after too many failures (Keycloak answers all three alike)",
        ),
        GrantRefusal::Disabled => (Ending::AccountDisabled, "refused", "Account disabled"),
        GrantRefusal::NotFullySetUp => (
            Ending::AccountNotSetUp,
            "refused",
            "Account is not fully set up: the user has required actions pending (e.g. VERIFY_PROFILE, UPDATE_PASSWORD)",
        ),
        GrantRefusal::DirectGrantsOff => (
            Ending::DirectGrantOff,
            "refused",
            "Client not allowed for direct access grants: the tenant's client has direct access grants off",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contact_rules_follow_the_platform() {
        assert!(check_contact(ChannelType::Email, "a@b.co").is_ok());
        assert!(check_contact(ChannelType::Email, "a@b").is_err());
        assert!(check_contact(ChannelType::Sms, "15550100222").is_ok());
        // The connector refuses a leading `+` and takes either form on either channel.
        assert!(check_contact(ChannelType::Sms, "+15550100222").is_err());
        assert!(check_contact(ChannelType::Email, "15550100222").is_ok());
        assert!(check_contact(ChannelType::Sms, "a@b.co").is_ok());
        assert!(check_contact(ChannelType::Sms, "555-0100").is_err());
        assert!(check_contact(ChannelType::Sms, "123456").is_err());
    }
}

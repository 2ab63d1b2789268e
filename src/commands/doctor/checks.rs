//! The checks of `cx2fa doctor`, each adding its findings.

use super::{Findings, Level};
use crate::ctx::Ctx;
use crate::error::CommandError;
use cx2fa_core::api::tenant::Tenants;
use cx2fa_core::api::{Endpoints, Session};
use cx2fa_core::env;
use cx2fa_core::services::{Address, Service, Source};
use cx2fa_core::settings::Tenant;

/// Any HTTP answer at all means the service is reachable.
pub(super) async fn reachable(
    ctx: &Ctx,
    f: &mut Findings,
    check: &str,
    address: &Address,
    from: &str,
    why_needed: &str,
    flag: &str,
) {
    let Ok(http) = ctx.http() else { return };
    let base = &address.url;
    match address.answers(&http).await {
        Ok(status) => f.add(check, Level::Ok, format!("`{base}` ({from}) answers (HTTP {status})"), None),
        Err(e) => f.add(
            check,
            Level::Fail,
            format!("`{base}` ({from}) is unreachable: {}", e.causes.first().cloned().unwrap_or(e.message)),
            Some(format!("{why_needed}; if it is in-cluster, port-forward it and pass `{flag} http://localhost:<port>/`")),
        ),
    }
}

/// One row per tenant realm (the tenants given with `-t`, else every tenant): can cx2fa see
/// and change the enrolment attributes there (a Keycloak 24+ user profile may hide them)?
pub(super) async fn user_profiles(
    f: &mut Findings,
    session: &cx2fa_core::api::Session,
    tenants: &Tenants<'_>,
    ids: &[String],
) {
    let all = match tenants.list().await {
        Ok(all) => all,
        Err(_) => return, // the tenant API row already says why
    };
    let mut realms: Vec<String> = all
        .iter()
        .filter(|t| ids.is_empty() || ids.iter().any(|i| i == t.id()))
        .map(|t| t.realm().to_string())
        .collect();
    realms.sort();
    realms.dedup();
    for realm in realms {
        let check = format!("user profile: {realm}");
        let users = cx2fa_core::api::keycloak::Users::new(session, &realm);
        match cx2fa_core::user_profile::read(&users).await {
            Ok(access) => match access.require_write(&realm) {
                Ok(()) => f.add(&check, Level::Ok, access.describe(), None),
                // Read-only (ADMIN_VIEW) fails too: the platform's own registration writes are
                // dropped (Keycloak 26.5.2+), so nobody can finish registering.
                Err(e) => f.add(
                    &check,
                    Level::Fail,
                    access.describe(),
                    CommandError::from(e).hint,
                ),
            },
            Err(e) => f.err(&check, e),
        }
    }
}

pub(super) fn config_file(ctx: &Ctx, f: &mut Findings) {
    match ctx.dirs.config_file() {
        Some(p) if p.exists() => f.add(
            "config file",
            Level::Ok,
            format!("`{}`, profile `{}`", p.display(), ctx.profile_name()),
            None,
        ),
        Some(p) => f.add(
            "config file",
            Level::Ok,
            format!("none at `{}` (optional)", p.display()),
            None,
        ),
        None => f.add(
            "config file",
            Level::Warn,
            "no config directory",
            Some("set `XDG_CONFIG_HOME`".into()),
        ),
    }
}

/// Where the credentials come from: the environment, a stored profile, or nowhere.
pub(super) fn credentials(ctx: &Ctx, f: &mut Findings) {
    // The one answer sessions use (`Ctx::login`).
    let source = if matches!(ctx.login, crate::ctx::Login::Environment(_)) {
        Ok("environment".to_string())
    } else {
        ctx.store.load(ctx.profile_name()).map(|s| match s {
            Some((k, _)) => ctx.store.location(ctx.profile_name(), k),
            None => "none".into(),
        })
    };
    match source {
        Ok(s) if s == "none" => f.add(
            "credentials",
            if ctx.can_prompt() {
                Level::Warn
            } else {
                Level::Fail
            },
            "none stored or in the environment",
            Some(format!(
                "run `cx2fa auth login`, or set `{}`/`{}`",
                env::USERNAME,
                env::PASSWORD
            )),
        ),
        Ok(s) => f.add("credentials", Level::Ok, s, None),
        Err(e) => f.err("credentials", e),
    }
}

/// Where Keycloak was found (or assumed).
pub(super) fn keycloak(f: &mut Findings, kc: &Endpoints) {
    use cx2fa_core::api::session::KeycloakSource as Source;
    let assumed = kc.keycloak_source == Source::Default;
    f.add(
        "Keycloak",
        if assumed { Level::Warn } else { Level::Ok },
        match kc.keycloak_source {
            Source::Detected => format!("found at `{}`", kc.keycloak),
            Source::Stored => format!("`{}` (found at `auth login`)", kc.keycloak),
            Source::Given => format!("`{}` (given)", kc.keycloak),
            Source::Default => format!(
                "not found under `{}auth/` or `{}`; assuming `{}`",
                kc.base, kc.base, kc.keycloak
            ),
        },
        assumed.then(|| "pass `--keycloak-url` (or `keycloak_url` in the profile)".into()),
    );
}

/// The tenant API answers, and the server's `Date` against this machine's clock (codes of
/// authenticator apps and RSA tokens depend on it).
pub(super) async fn tenant_api_and_clock(f: &mut Findings, tenants: &Tenants<'_>, ep: &Endpoints) {
    let date = match tenants.server_date().await {
        Ok(d) => d,
        Err(e) => return f.err("tenant API", e),
    };
    f.add(
        "tenant API",
        Level::Ok,
        format!("`{}` answers", ep.tenant_api("")),
        None,
    );
    let Some(d) = date else {
        return f.add(
            "clock",
            Level::Warn,
            "the server sent no Date header to compare with",
            None,
        );
    };
    let skew = (chrono::Utc::now().timestamp() - d.timestamp()).abs();
    if skew > 15 {
        f.add(
            "clock",
            Level::Fail,
            format!("this machine's clock is {skew} s off the server's"),
            Some("sync the clock (NTP): authenticator and RSA codes depend on it".into()),
        );
    } else {
        f.add(
            "clock",
            Level::Ok,
            format!("within {skew} s of the server"),
            None,
        );
    }
}

pub(super) async fn channel_manager(f: &mut Findings, session: &Session) {
    match cx2fa_core::api::channels::Channels::new(session)
        .list()
        .await
    {
        Ok(Some(c)) => f.add(
            "channel manager",
            Level::Ok,
            format!("{} channel(s) listed", c.len()),
            None,
        ),
        Ok(None) => f.add(
            "channel manager",
            Level::Warn,
            "no channel list endpoint: channel types cannot be verified",
            None,
        ),
        Err(e) => f.err("channel manager", e),
    }
}

/// The in-cluster services a login needs: the OTP manager and RSA SecurID, from the flags or
/// the tenant's settings. Each row says where its address came from; an address from the
/// tenant document that points neither at the deployment nor at an in-cluster name, and an RSA
/// address that simulate-login would refuse (plain http to another host), are warnings even
/// when they answer: they decide where OTPs, the client key and passcodes go.
pub(super) async fn services(ctx: &Ctx, f: &mut Findings, ep: &Endpoints, tenant: Option<&Tenant>) {
    for service in [Service::OtpManager, Service::Rsa] {
        let check = service.name();
        let Some(a) = Address::resolve(service, ep, tenant) else {
            match service {
                Service::OtpManager => f.add(
                    check,
                    Level::Warn,
                    "no URL: pass `-t` or `--otp-manager-url`",
                    None,
                ),
                Service::Rsa => f.add(check, Level::Ok, "not configured", None),
            }
            continue;
        };
        let (why, flag) = match service {
            Service::OtpManager => ("EMAIL and SMS logins need it", "--otp-manager-url"),
            Service::Rsa => ("RSA logins need it", "--rsa-url"),
        };
        let from = match a.source {
            Source::Given => format!("given with `{flag}`"),
            Source::Document => {
                format!("from the tenant document's `keyCloak.{}`", service.field())
            }
        };
        reachable(ctx, f, check, &a, &from, why, flag).await;
        if a.off_deployment() {
            f.add(
                check,
                Level::Warn,
                format!("`{}` ({from}) points neither at the deployment nor at an in-cluster name: logins send it {}", a.url, match service {
                    Service::OtpManager => "OTPs and the codes entered",
                    Service::Rsa => "the tenant's client key and passcodes",
                }),
                Some(format!("check who set `keyCloak.{}` (`cx2fa tenant show`); the platform's own is in-cluster", service.field())),
            );
        }
        if let Err(e) = a.check_rsa_transport(false) {
            let e: CommandError = e.into();
            f.add(check, Level::Warn, e.message, e.hint);
        }
    }
}

/// The tenant's 2FA settings, offline (`policy show` has the whole view).
pub(super) fn policy_checks(f: &mut Findings, t: &Tenant) {
    for c in cx2fa_core::readiness::static_checks(t)
        .into_iter()
        .filter(|c| !c.ok)
    {
        f.add(
            &format!("policy: {}", c.name),
            Level::Fail,
            c.detail,
            Some(format!("see `cx2fa policy show -t {}`", t.id())),
        );
    }
}

//! Is a tenant's 2FA policy usable? The channel check and the readiness verdict.

use crate::api::channels::Channels;
use crate::api::keycloak::Users;
use crate::api::Session;
use crate::enrolment::{self, Posture};
use crate::error::Error;
use crate::settings::validate::check_service_url;
use crate::settings::{ChannelType, Tenant, TwoFa};
use cx2fa_platform::fields;
use serde::Serialize;

/// The outcome of checking that an OTP channel exists and has the right type.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ChannelCheck {
    pub channel_type: ChannelType,
    pub identifier: String,
    pub exists: bool,
    /// The type the channel manager reports, when the list endpoint exists.
    pub found_type: Option<String>,
    /// Whether the type could be verified at all (the list endpoint exists).
    pub type_verified: bool,
    pub ok: bool,
    pub message: String,
}

/// Checks that a channel `identifier` of `channel_type` exists.
pub async fn check_channel(
    s: &Session,
    channel_type: ChannelType,
    identifier: &str,
) -> Result<ChannelCheck, Error> {
    let api = Channels::new(s);
    let mut c = ChannelCheck {
        channel_type,
        identifier: identifier.into(),
        exists: false,
        found_type: None,
        type_verified: false,
        ok: false,
        message: String::new(),
    };
    match api.list().await? {
        Some(list) => {
            c.type_verified = true;
            let found = list
                .iter()
                .find(|ch| ch.service_identifier == identifier)
                .or_else(|| {
                    list.iter()
                        .find(|ch| ch.service_identifier.eq_ignore_ascii_case(identifier))
                });
            match found {
                Some(ch) => {
                    c.exists = true;
                    c.found_type = Some(ch.channel_type.clone());
                    c.ok = ch.channel_type.eq_ignore_ascii_case(channel_type.as_str());
                    c.message = if c.ok {
                        format!("{channel_type} channel `{identifier}` exists ({})", ch.name)
                    } else {
                        format!(
                            "channel `{identifier}` exists but is {}, not {channel_type}",
                            ch.channel_type
                        )
                    };
                }
                None => {
                    let same: Vec<&str> = list
                        .iter()
                        .filter(|ch| ch.channel_type.eq_ignore_ascii_case(channel_type.as_str()))
                        .map(|ch| ch.service_identifier.as_str())
                        .collect();
                    c.message = format!("no channel with service identifier `{identifier}`");
                    if !same.is_empty() {
                        c.message
                            .push_str(&format!("; {channel_type} channels: {}", same.join(", ")));
                    }
                }
            }
        }
        None => {
            c.exists = api.probe(identifier).await?.is_some();
            c.ok = c.exists;
            c.message = if c.exists {
                format!("a channel `{identifier}` exists (its type was not verified: the channel list endpoint is not available)")
            } else {
                format!("no channel with service identifier `{identifier}`")
            };
        }
    }
    Ok(c)
}

/// One line of the readiness verdict.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Check {
    pub name: String,
    /// False only for a failure that makes the tenant not ready (`status` is `fail`).
    pub ok: bool,
    pub status: Level,
    pub detail: String,
}

/// How much a check matters to the verdict: only `fail` makes a tenant not ready; `warn` says
/// what enabling (or keeping) 2FA means for some users.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Ok,
    Warn,
    Fail,
}

impl Check {
    pub fn new(name: &str, level: Level, detail: String) -> Self {
        Check {
            name: name.into(),
            ok: level != Level::Fail,
            status: level,
            detail,
        }
    }
}

/// How the users' posture weighs in the verdict: bypassed users fail it (2FA is not enforced
/// for them); stale policy copies and unfinished registrations do not stop 2FA from working,
/// so they warn.
pub fn users_level(p: &Posture) -> Level {
    if p.bypassed > 0 {
        Level::Fail
    } else if p.stale > 0 || p.unregistered > 0 {
        Level::Warn
    } else {
        Level::Ok
    }
}

/// The users' side of readiness: stale policy copies and unregistered users do not stop 2FA
/// from working, so they warn, naming what they mean, and never fail the verdict.
/// `stale_remedy` is how the caller's user resets the stale ones (shown in parentheses).
pub fn users_check(p: &Posture, stale_remedy: &str) -> Check {
    let mut detail = format!(
        "{} users, {} enrolled ({} registered)",
        p.users,
        p.registered + p.unregistered,
        p.registered
    );
    let level = users_level(p);
    if p.bypassed > 0 {
        detail.push_str(&format!(
            "; {} registered with a lower-case or unknown twoFAChannel: the platform's login (connector 1.9.3) accepts any code for them; reset them ({stale_remedy})",
            p.bypassed
        ));
    }
    if p.stale > 0 {
        detail.push_str(&format!(
            "; {} stale policy copies: those users may fail OTP verification until reset ({stale_remedy})",
            p.stale
        ));
    }
    if p.unregistered > 0 {
        detail.push_str(&format!(
            "; {} started registration but never finished: they register again at their next login",
            p.unregistered
        ));
    }
    Check::new("users", level, detail)
}

/// Offline checks of the tenant's 2FA settings (the channel is checked separately).
pub fn static_checks(t: &Tenant) -> Vec<Check> {
    let p = t.two_fa();
    let mut out = vec![];
    let mut add = |name: &str, ok: bool, detail: String| {
        out.push(Check::new(
            name,
            if ok { Level::Ok } else { Level::Fail },
            detail,
        ))
    };
    if !p.enabled {
        add(
            "2FA",
            true,
            "disabled: users log in with their password only".into(),
        );
        return out;
    }
    let Some(ct) = p.channel_type else {
        add(
            fields::CHANNEL_TYPE,
            false,
            "2FA is on but channelType is missing or unknown".into(),
        );
        return out;
    };
    add(fields::CHANNEL_TYPE, true, ct.to_string());
    if ct.uses_channel() {
        match t.otp_manager_url() {
            None => add(
                fields::OTP_MANAGER_URL,
                false,
                "missing: required when 2FA is on with EMAIL or SMS".into(),
            ),
            Some(u) => match check_service_url(u) {
                Ok(()) => add(fields::OTP_MANAGER_URL, true, u.to_string()),
                Err(why) => add(fields::OTP_MANAGER_URL, false, why),
            },
        }
    }
    if ct == ChannelType::Rsa {
        for k in [
            fields::RSA_SERVER_URL,
            fields::RSA_CLIENT_KEY,
            fields::RSA_CLIENT_ID,
        ] {
            let ok = t.kc(k).is_some();
            add(
                k,
                ok,
                if ok {
                    "set".into()
                } else {
                    "missing: required for RSA".into()
                },
            );
        }
    }
    match p.otp_expiry {
        Some(n) => add(fields::OTP_EXPIRY, n > 0, format!("{n} s")),
        None => add(fields::OTP_EXPIRY, false, "missing".into()),
    }
    match p.otp_max_attempts {
        Some(n) => add(fields::OTP_MAX_ATTEMPTS, n > 0, n.to_string()),
        None => add(fields::OTP_MAX_ATTEMPTS, false, "missing".into()),
    }
    out
}

/// A tenant's readiness: the offline checks, the channel, the users, and the verdict.
#[derive(Debug)]
pub struct TenantReadiness {
    pub policy: TwoFa,
    /// Offline checks of the settings ([`static_checks`]).
    pub checks: Vec<Check>,
    /// The OTP channel's check, when 2FA is on with a channel.
    pub channel: Option<ChannelCheck>,
    pub users: UsersReadiness,
    /// Exactly "no check failed": the static checks, the channel and the users agree.
    pub ready: bool,
    /// The names of the failed checks (`users` and `channel` among them), in table order.
    pub failed: Vec<String>,
}

/// The users' side of a tenant's readiness.
#[derive(Debug)]
pub enum UsersReadiness {
    /// Counted. `read_only` is why the platform's registration writes would be dropped too
    /// (nobody can register): that fails the verdict.
    Counted {
        posture: Posture,
        read_only: Option<Error>,
    },
    /// The realm hides the enrolment attributes: the platform's own login reads users inside
    /// Keycloak and still works, only cx2fa cannot count them, so this warns.
    Hidden(Error),
}

impl UsersReadiness {
    /// The level the users' row weighs in the verdict.
    pub fn level(&self) -> Level {
        match self {
            UsersReadiness::Counted {
                read_only: Some(_), ..
            } => Level::Fail,
            UsersReadiness::Counted { posture, .. } => users_level(posture),
            UsersReadiness::Hidden(_) => Level::Warn,
        }
    }
}

/// Everything `tenant`'s readiness verdict needs, read from the deployment. Reads only.
pub async fn tenant(s: &Session, t: &Tenant) -> Result<TenantReadiness, Error> {
    let policy = t.two_fa();
    let checks = static_checks(t);
    let channel = match (
        policy.enabled,
        policy.channel_type,
        policy.identifier.as_deref(),
    ) {
        (true, Some(ct), Some(id)) if ct.uses_channel() => Some(check_channel(s, ct, id).await?),
        _ => None,
    };
    let realm_users = Users::new(s, t.realm());
    let users = match crate::user_profile::read(&realm_users)
        .await?
        .require_read(t.realm())
    {
        Ok(read_only) => {
            let (_, posture) = enrolment::scan(&realm_users, &policy, 500).await?;
            UsersReadiness::Counted { posture, read_only }
        }
        Err(e) => UsersReadiness::Hidden(e),
    };
    let failed: Vec<String> = checks
        .iter()
        .filter(|c| !c.ok)
        .map(|c| c.name.clone())
        .chain((users.level() == Level::Fail).then(|| "users".into()))
        .chain(channel.as_ref().filter(|c| !c.ok).map(|_| "channel".into()))
        .collect();
    Ok(TenantReadiness {
        policy,
        checks,
        channel,
        users,
        ready: failed.is_empty(),
        failed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_bypassed_users_fail_the_verdict() {
        let p = |bypassed, stale, unregistered| Posture {
            bypassed,
            stale,
            unregistered,
            ..Posture::default()
        };
        assert_eq!(users_level(&p(0, 0, 0)), Level::Ok);
        assert_eq!(users_level(&p(0, 2, 0)), Level::Warn);
        assert_eq!(users_level(&p(0, 0, 1)), Level::Warn);
        assert_eq!(users_level(&p(1, 2, 1)), Level::Fail);
        let hidden = UsersReadiness::Hidden(Error::failed("hidden"));
        assert_eq!(hidden.level(), Level::Warn);
        let read_only = UsersReadiness::Counted {
            posture: p(0, 0, 0),
            read_only: Some(Error::failed("read-only")),
        };
        assert_eq!(read_only.level(), Level::Fail);
    }

    #[test]
    fn a_users_check_weighs_as_its_level() {
        let p = Posture {
            users: 3,
            registered: 2,
            stale: 1,
            ..Posture::default()
        };
        let c = users_check(&p, "R");
        assert_eq!((c.status, c.ok), (Level::Warn, true));
        assert!(c.detail.ends_with("until reset (R)"), "{}", c.detail);
    }
}

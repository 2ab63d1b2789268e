//! Is a tenant's 2FA policy usable? The channel check and the readiness verdict.

use crate::api::channels::Channels;
use crate::api::Session;
use crate::error::Error;
use crate::settings::validate::check_service_url;
use crate::settings::{ChannelType, Tenant};
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
    /// The table's word for the level.
    pub fn mark(&self) -> &'static str {
        match self.status {
            Level::Ok => "yes",
            Level::Warn => "warn",
            Level::Fail => "NO",
        }
    }
}

/// The users' side of readiness: stale policy copies and unregistered users do not stop 2FA
/// from working, so they warn, naming what they mean, and never fail the verdict.
/// `stale_remedy` is how the caller's user resets the stale ones (shown in parentheses).
pub fn users_check(p: &crate::enrolment::Posture, stale_remedy: &str) -> Check {
    let mut detail = format!(
        "{} users, {} enrolled ({} registered)",
        p.users,
        p.registered + p.unregistered,
        p.registered
    );
    let mut level = Level::Ok;
    if p.bypassed > 0 {
        // 2FA is not enforced for them: the verdict cannot be "ready".
        level = Level::Fail;
        detail.push_str(&format!(
            "; {} registered with a lower-case or unknown twoFAChannel: the platform's login (connector 1.9.3) accepts any code for them; reset them ({stale_remedy})",
            p.bypassed
        ));
    }
    if p.stale > 0 {
        level = level.max(Level::Warn);
        detail.push_str(&format!(
            "; {} stale policy copies: those users may fail OTP verification until reset ({stale_remedy})",
            p.stale
        ));
    }
    if p.unregistered > 0 {
        level = level.max(Level::Warn);
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

//! The read-modify-write at the heart of every push: change only what was asked.
//!
//! A [`PolicyChange`] names the `twoFAConfigs` fields to set and, optionally, the new
//! `keyCloak.Otp_Manager_Url`. [`apply`] returns a copy of the stored document in which exactly
//! those leaves differ: existing keys keep their place, new keys go at the end of their object,
//! and everything else (unknown fields, key order, number text) is the stored value untouched.

use super::model::{ChannelType, Tenant};
use super::schema::DocKind;
use crate::error::{Error, Fix};
use cx2fa_platform::fields;
use serde::Serialize;
use serde_json::{Map, Value};

/// What a push changes.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PolicyChange {
    /// `twoFAConfigs` fields to set, in the order given.
    pub two_fa: Map<String, Value>,
    /// New `keyCloak.Otp_Manager_Url`, when given.
    pub otp_manager_url: Option<String>,
}

impl PolicyChange {
    /// Takes the change from an input file: the update payload or a whole tenant document; of a
    /// tenant document only the same two parts are used.
    pub fn from_input(v: &Value) -> Result<(DocKind, Self), Error> {
        let kind = DocKind::detect(v);
        let two_fa = v
            .pointer("/tenantSettings/twoFAConfigs")
            .and_then(Value::as_object)
            .cloned()
            .ok_or_else(|| {
                Error::failed("the input has no `tenantSettings.twoFAConfigs` object")
            })?;
        let otp_manager_url = v
            .pointer("/tenantSettings/keyCloak/Otp_Manager_Url")
            .and_then(Value::as_str)
            .map(str::to_string);
        Ok((
            kind,
            PolicyChange {
                two_fa,
                otp_manager_url,
            },
        ))
    }

    /// Turns 2FA on with the given channel; unspecified fields keep the tenant's current value,
    /// or the guide's examples (60 s, 3 attempts) where the tenant has none.
    pub fn enable(
        current: &Tenant,
        channel: ChannelType,
        identifier: Option<String>,
        otp_manager_url: Option<String>,
        expiry: Option<u64>,
        max_attempts: Option<u64>,
    ) -> Result<Self, Error> {
        let now = current.two_fa();
        let identifier = match identifier {
            Some(id) => Some(id),
            None if now.channel_type == Some(channel) => now.identifier.clone(),
            None if channel.uses_channel() => {
                return Err(Error::usage(format!(
                    "enabling {channel} needs the channel's service identifier"
                ))
                .with_fix(Fix::ChannelIdentifier))
            }
            None => None,
        };
        let mut two_fa = Map::new();
        two_fa.insert(fields::IS_2FA_ENABLED.into(), Value::Bool(true));
        two_fa.insert(
            fields::CHANNEL_TYPE.into(),
            Value::String(channel.as_str().into()),
        );
        if let Some(id) = identifier {
            two_fa.insert(fields::CHANNEL_SERVICE_IDENTIFIER.into(), Value::String(id));
        }
        let expiry = expiry.or(now.otp_expiry).unwrap_or(60);
        let attempts = max_attempts.or(now.otp_max_attempts).unwrap_or(3);
        two_fa.insert(fields::OTP_EXPIRY.into(), expiry.into());
        two_fa.insert(fields::OTP_MAX_ATTEMPTS.into(), attempts.into());
        Ok(PolicyChange {
            two_fa,
            otp_manager_url,
        })
    }

    /// Turns 2FA off and leaves every other setting as it is, so re-enabling restores it.
    pub fn disable() -> Self {
        let mut two_fa = Map::new();
        two_fa.insert(fields::IS_2FA_ENABLED.into(), Value::Bool(false));
        PolicyChange {
            two_fa,
            otp_manager_url: None,
        }
    }
}

/// Sets `key` in `map`: in place when present, at the end otherwise.
fn set(map: &mut Map<String, Value>, key: &str, value: Value) {
    if let Some(slot) = map.get_mut(key) {
        *slot = value;
    } else {
        map.insert(key.to_string(), value);
    }
}

/// The stored document with `change` applied; see the module docs.
pub fn apply(stored: &Tenant, change: &PolicyChange) -> Result<Tenant, Error> {
    stored.require_keycloak()?;
    let mut doc = stored.0.clone();
    let settings = doc
        .get_mut(fields::TENANT_SETTINGS)
        .and_then(Value::as_object_mut)
        .ok_or_else(|| {
            Error::failed(format!(
                "tenant `{}` has no `tenantSettings` object",
                stored.id()
            ))
        })?;
    if let Some(url) = &change.otp_manager_url {
        let kc = settings
            .get_mut(fields::KEYCLOAK)
            .and_then(Value::as_object_mut)
            .expect("checked above");
        set(kc, fields::OTP_MANAGER_URL, Value::String(url.clone()));
    }
    if !change.two_fa.is_empty() {
        match settings.get_mut(fields::TWO_FA_CONFIGS) {
            Some(Value::Object(cfg)) => {
                for (k, v) in &change.two_fa {
                    set(cfg, k, v.clone());
                }
            }
            Some(_) | None => set(
                settings,
                fields::TWO_FA_CONFIGS,
                Value::Object(change.two_fa.clone()),
            ),
        }
    }
    Ok(Tenant(doc))
}

/// A copy of `v` holding only what a [`PolicyChange`] may touch, for validating the result of
/// a merge with the same rules as `config validate`.
pub fn effective_payload(t: &Tenant) -> Value {
    let mut kc = t.keycloak().cloned().unwrap_or_default();
    kc.retain(|k, _| {
        matches!(
            k.as_str(),
            fields::OTP_MANAGER_URL
                | fields::RSA_SERVER_URL
                | fields::RSA_CLIENT_KEY
                | fields::RSA_CLIENT_ID
        )
    });
    let cfg = t
        .settings()
        .and_then(|s| s.get(fields::TWO_FA_CONFIGS))
        .cloned()
        .unwrap_or(Value::Object(Map::new()));
    serde_json::json!({ fields::TENANT_SETTINGS: { fields::KEYCLOAK: kc, fields::TWO_FA_CONFIGS: cfg } })
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORED: &str = r#"{"tenantName":"t","tenantId":"t","zeta":{"n":1.10,"big":123456789012345678901234567890},
      "tenantSettings":{"keyCloak":{"realm":"t","credentials":{"secret":"s"},"Otp_Manager_Url":"http://old/","x":[1,2]},
      "redis":{"password":"p"},"twoFAConfigs":{"is2FAEnabled":false,"channelType":"EMAIL","extra":true}},"status":"inActive"}"#;

    fn stored() -> Tenant {
        Tenant(serde_json::from_str(STORED).unwrap())
    }

    #[test]
    fn changes_only_the_asked_fields_and_keeps_text() {
        let change = PolicyChange::enable(
            &stored(),
            ChannelType::Sms,
            Some("+15550100".into()),
            Some("http://otp/".into()),
            None,
            Some(5),
        )
        .unwrap();
        let out = apply(&stored(), &change).unwrap();
        let text = serde_json::to_string(&out.0).unwrap();
        assert!(
            text.contains(r#""zeta":{"n":1.10,"big":123456789012345678901234567890}"#),
            "{text}"
        );
        assert!(text.contains(r#""keyCloak":{"realm":"t","credentials":{"secret":"s"},"Otp_Manager_Url":"http://otp/","x":[1,2]}"#), "{text}");
        assert!(text.contains(r#""twoFAConfigs":{"is2FAEnabled":true,"channelType":"SMS","extra":true,"channelServiceIdentifier":"+15550100","otpExpiry":60,"otpMaxAttempts":5}"#), "{text}");
        assert!(text.ends_with(r#""status":"inActive"}"#));
    }

    #[test]
    fn disable_touches_one_field() {
        let mut s = stored();
        s.0["tenantSettings"]["twoFAConfigs"]["is2FAEnabled"] = Value::Bool(true);
        let out = apply(&s, &PolicyChange::disable()).unwrap();
        assert_eq!(out, stored());
    }

    #[test]
    fn adds_a_missing_twofa_object_at_the_end() {
        let t =
            Tenant(serde_json::json!({"tenantId":"t","tenantSettings":{"keyCloak":{},"fqdn":"x"}}));
        let out = apply(&t, &PolicyChange::disable()).unwrap();
        let keys: Vec<_> = out.settings().unwrap().keys().cloned().collect();
        assert_eq!(keys, ["keyCloak", "fqdn", "twoFAConfigs"]);
    }

    #[test]
    fn refuses_a_tenant_without_keycloak() {
        let t = Tenant(serde_json::json!({"tenantId":"t","tenantSettings":{}}));
        assert!(apply(&t, &PolicyChange::disable()).is_err());
    }

    #[test]
    fn enable_email_without_identifier_is_a_usage_error() {
        let err =
            PolicyChange::enable(&stored(), ChannelType::Sms, None, None, None, None).unwrap_err();
        assert_eq!(err.kind, crate::error::Kind::Usage);
    }
}

//! The 2FA settings and a typed view over the tenant document.
//!
//! The tenant document itself stays a `serde_json::Value` (with `preserve_order` and
//! `arbitrary_precision`) so that unknown fields, key order and number text survive a
//! read-modify-write; the typed accessors here read the parts whose meaning the contract fixes.

use crate::fields as f;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::fmt;

/// How OTPs are delivered (`twoFAConfigs.channelType`, user attribute `twoFAChannel`).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    PartialOrd,
    Ord,
    schemars::JsonSchema,
)]
#[serde(rename_all = "UPPERCASE")]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
#[cfg_attr(feature = "clap", value(rename_all = "UPPERCASE"))]
pub enum ChannelType {
    Email,
    Sms,
    App,
    Rsa,
}

impl ChannelType {
    pub const ALL: [ChannelType; 4] = [
        ChannelType::Email,
        ChannelType::Sms,
        ChannelType::App,
        ChannelType::Rsa,
    ];

    /// Parses the stored form; older releases wrote lowercase (`app`, `sms`).
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|c| c.as_str().eq_ignore_ascii_case(s.trim()))
    }
    pub fn as_str(self) -> &'static str {
        match self {
            ChannelType::Email => "EMAIL",
            ChannelType::Sms => "SMS",
            ChannelType::App => "APP",
            ChannelType::Rsa => "RSA",
        }
    }
    /// EMAIL and SMS deliver OTPs through a channel of the channel manager.
    pub fn uses_channel(self) -> bool {
        matches!(self, ChannelType::Email | ChannelType::Sms)
    }
}

impl fmt::Display for ChannelType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `tenantSettings.twoFAConfigs`, read leniently: absent fields are `None`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct TwoFa {
    #[serde(rename = "is2FAEnabled")]
    pub enabled: bool,
    #[serde(rename = "channelType")]
    pub channel_type: Option<ChannelType>,
    #[serde(rename = "channelServiceIdentifier")]
    pub identifier: Option<String>,
    #[serde(rename = "otpExpiry")]
    pub otp_expiry: Option<u64>,
    #[serde(rename = "otpMaxAttempts")]
    pub otp_max_attempts: Option<u64>,
}

impl TwoFa {
    pub fn from_value(v: &Value) -> Self {
        TwoFa {
            enabled: v
                .get(f::IS_2FA_ENABLED)
                .and_then(Value::as_bool)
                .unwrap_or(false),
            channel_type: v
                .get(f::CHANNEL_TYPE)
                .and_then(Value::as_str)
                .and_then(ChannelType::parse),
            identifier: v
                .get(f::CHANNEL_SERVICE_IDENTIFIER)
                .and_then(Value::as_str)
                .map(str::to_string),
            otp_expiry: v.get(f::OTP_EXPIRY).and_then(Value::as_u64),
            otp_max_attempts: v.get(f::OTP_MAX_ATTEMPTS).and_then(Value::as_u64),
        }
    }
}

/// The tenant document: the JSON as the server sent it, with typed accessors.
#[derive(Debug, Clone, PartialEq)]
pub struct Tenant(pub Value);

fn str_at<'a>(v: &'a Value, path: &[&str]) -> Option<&'a str> {
    path.iter().try_fold(v, |v, k| v.get(k))?.as_str()
}

impl Tenant {
    pub fn id(&self) -> &str {
        self.0
            .get(f::TENANT_ID)
            .and_then(Value::as_str)
            .unwrap_or("")
    }
    pub fn name(&self) -> &str {
        self.0
            .get(f::TENANT_NAME)
            .and_then(Value::as_str)
            .unwrap_or("")
    }
    pub fn settings(&self) -> Option<&Map<String, Value>> {
        self.0.get(f::TENANT_SETTINGS)?.as_object()
    }
    pub fn keycloak(&self) -> Option<&Map<String, Value>> {
        self.settings()?.get(f::KEYCLOAK)?.as_object()
    }
    /// A keyCloak string field, empty strings counting as absent.
    pub fn kc(&self, key: &str) -> Option<&str> {
        str_at(&self.0, &[f::TENANT_SETTINGS, f::KEYCLOAK, key]).filter(|s| !s.trim().is_empty())
    }
    /// The tenant's Keycloak realm: `keyCloak.realm`, else the tenantId.
    pub fn realm(&self) -> &str {
        self.kc(f::REALM).unwrap_or_else(|| self.id())
    }
    pub fn two_fa(&self) -> TwoFa {
        self.settings()
            .and_then(|s| s.get(f::TWO_FA_CONFIGS))
            .map(TwoFa::from_value)
            .unwrap_or_default()
    }
    pub fn otp_manager_url(&self) -> Option<&str> {
        self.kc(f::OTP_MANAGER_URL)
    }
    /// The `keyCloak` object, or a clear refusal: the contract never sends a partial one.
    pub fn require_keycloak(&self) -> Result<&Map<String, Value>, DocumentError> {
        match self.settings().and_then(|s| s.get(f::KEYCLOAK)) {
            Some(Value::Object(m)) => Ok(m),
            Some(other) => Err(DocumentError::KeycloakNotObject {
                tenant: self.id().to_string(),
                found: json_type(other),
            }),
            None => Err(DocumentError::NoKeycloak {
                tenant: self.id().to_string(),
            }),
        }
    }
}

/// A tenant document that lacks what the contract says every tenant has.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocumentError {
    #[error("tenant `{tenant}`: `tenantSettings.keyCloak` is {found} instead of an object")]
    KeycloakNotObject { tenant: String, found: &'static str },
    #[error("tenant `{tenant}` has no `tenantSettings.keyCloak` object")]
    NoKeycloak { tenant: String },
    #[error("tenant `{tenant}` has no `tenantSettings` object")]
    NoSettings { tenant: String },
}

/// A JSON type name for messages.
pub fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Equality with numbers compared by value: a server may re-render `1.10` as `1.1`.
pub fn same_meaning(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (x.to_string(), y.to_string());
            x == y || decimal(&x).is_some_and(|d| decimal(&y) == Some(d))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| same_meaning(v, w)))
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(v, w)| same_meaning(v, w))
        }
        _ => a == b,
    }
}

/// A JSON number's exact decimal value, as (negative, significant digits, exponent) with no
/// leading or trailing zeros in the digits: `1.10`, `1.1` and `11e-1` are equal; 20-digit
/// integers that differ in the last digit are not (an `f64` would round both to one value and
/// let a concurrent change go unnoticed).
fn decimal(text: &str) -> Option<(bool, String, i64)> {
    let (neg, rest) = match text.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, text),
    };
    let (mantissa, exp) = match rest.find(['e', 'E']) {
        Some(i) => (&rest[..i], rest[i + 1..].parse::<i64>().ok()?),
        None => (rest, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if !(int.chars().chain(frac.chars())).all(|c| c.is_ascii_digit()) {
        return None;
    }
    let digits = format!("{int}{frac}");
    let exp = exp.checked_sub(i64::try_from(frac.len()).ok()?)?;
    let trimmed = digits.trim_start_matches('0');
    if trimmed.is_empty() {
        return Some((false, String::new(), 0));
    }
    let significant = trimmed.trim_end_matches('0');
    let exp = exp.checked_add(i64::try_from(trimmed.len() - significant.len()).ok()?)?;
    Some((neg, significant.to_string(), exp))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn numbers_are_equal_only_when_their_decimal_values_are() {
        let n = |s: &str| serde_json::from_str::<Value>(s).unwrap();
        for (a, b) in [
            ("1.10", "1.1"),
            ("11e-1", "1.1"),
            ("100", "1e2"),
            ("0", "-0.0"),
            ("0.0", "0"),
        ] {
            assert!(same_meaning(&n(a), &n(b)), "{a} = {b}");
        }
        for (a, b) in [
            ("12345678901234567890", "12345678901234567891"),
            ("1.1", "1.11"),
            ("-1", "1"),
            ("1e400", "1e401"),
        ] {
            assert!(!same_meaning(&n(a), &n(b)), "{a} != {b}");
        }
    }

    #[test]
    fn reads_policy_and_realm() {
        let t = Tenant(
            json!({"tenantId": "t1", "tenantSettings": {"keyCloak": {"realm": ""},
            "twoFAConfigs": {"is2FAEnabled": true, "channelType": "sms", "otpExpiry": 90}}}),
        );
        assert_eq!(t.realm(), "t1");
        let p = t.two_fa();
        assert!(p.enabled);
        assert_eq!(p.channel_type, Some(ChannelType::Sms));
        assert_eq!(p.otp_expiry, Some(90));
        assert_eq!(p.otp_max_attempts, None);
    }

    #[test]
    fn numbers_compare_by_value() {
        let a: Value =
            serde_json::from_str(r#"{"x": 1.10, "y": [100000000000000000000001]}"#).unwrap();
        let b: Value =
            serde_json::from_str(r#"{"x": 1.1, "y": [100000000000000000000001]}"#).unwrap();
        let c: Value =
            serde_json::from_str(r#"{"x": 1.2, "y": [100000000000000000000001]}"#).unwrap();
        assert!(same_meaning(&a, &b));
        assert!(!same_meaning(&a, &c));
    }

    #[test]
    fn keycloak_must_be_an_object() {
        let t = Tenant(json!({"tenantId": "t", "tenantSettings": {"keyCloak": "x"}}));
        assert_eq!(
            t.require_keycloak().unwrap_err(),
            DocumentError::KeycloakNotObject {
                tenant: "t".into(),
                found: "a string"
            }
        );
    }
}

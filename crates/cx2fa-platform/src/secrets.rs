//! The one registry of secret fields: which values, by their key, are secrets
//! (docs/deployment-contract.md §8). Masking and scrubbing them is the redactor's job
//! (cx2fa-core `settings::secrets`); this says only what is secret.

use serde_json::{Map, Value};

/// The platform's secret fields that the patterns below would not catch, and the login flow's
/// codes (`otpCode`, `passcode`, `code`), matched exactly, case-insensitively.
const NAMED: &[&str] = &[
    "PASSWORD_ADMIN",
    "MASTER_PASSWORD",
    "TWILIO_AUTH_TOKEN",
    "TWILIO_SID",
    "TWILIO_VERIFY_SID",
    crate::fields::RSA_CLIENT_KEY,
    "CLIENT_DB_ID",
    "adminPass",
    "otpCode",
    "passcode",
    "code",
    crate::contract::rsa::CLIENT_KEY_HEADER,
];

/// Whether a value under `key` is a secret: a named field, or a key that contains `secret`,
/// `password`, `passwd` or `token`, or ends in `key` or `keys` (case-insensitive).
pub fn is_secret_key(key: &str) -> bool {
    let k = key.to_ascii_lowercase();
    NAMED.iter().any(|n| n.eq_ignore_ascii_case(key))
        || ["secret", "password", "passwd", "token"]
            .iter()
            .any(|s| k.contains(s))
        || k.ends_with("key")
        || k.ends_with("keys")
}

/// Whether the value of `key` in the object `map` is a secret: the key names one, or the object
/// is an entry that holds a secret in `value` (the channel manager's `{"key","type","value"}`
/// with a secret `key`, a SecurID input `{"name":"SECURID","value"}`). The one rule every
/// output (tables, JSON, `--debug`, `--print-curl`) applies.
pub fn is_secret_field(map: &Map<String, Value>, key: &str) -> bool {
    is_secret_key(key)
        || (key == "value"
            && (map
                .get("key")
                .and_then(Value::as_str)
                .is_some_and(is_secret_key)
                || map.get("name").and_then(Value::as_str) == Some("SECURID")))
}

/// Whether any segment of a JSON pointer names a secret.
pub fn pointer_is_secret(pointer: &str) -> bool {
    pointer.split('/').any(is_secret_key)
}

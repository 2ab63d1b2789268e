//! Which values are secrets, and masking them for display (CONTRACT §3).

use serde_json::Value;

pub const MASK: &str = "********";

const NAMED: &[&str] = &[
    "PASSWORD_ADMIN",
    "MASTER_PASSWORD",
    "TWILIO_AUTH_TOKEN",
    "TWILIO_SID",
    "TWILIO_VERIFY_SID",
    "RSA_Client_Key",
    "CLIENT_DB_ID",
    "adminPass",
];

/// Whether a leaf under `key` holds a secret.
pub fn is_secret_key(key: &str) -> bool {
    let k = key.to_ascii_lowercase();
    NAMED.iter().any(|n| n.eq_ignore_ascii_case(key))
        || ["secret", "password", "passwd", "token"]
            .iter()
            .any(|s| k.contains(s))
        || k.ends_with("key")
}

/// A copy of `v` with every secret string leaf replaced by [`MASK`]; empty strings stay visible
/// because "not set" is useful to see and reveals nothing.
pub fn mask(v: &Value) -> Value {
    match v {
        Value::Object(map) => {
            // The channel manager's {"key","type","value"} entries name the secret in `key`.
            if let (Some(Value::String(name)), Some(Value::String(val))) =
                (map.get("key"), map.get("value"))
            {
                let mut out = map.clone();
                if is_secret_key(name) && !val.is_empty() {
                    out.insert("value".into(), Value::String(MASK.into()));
                }
                return Value::Object(out);
            }
            Value::Object(
                map.iter()
                    .map(|(k, v)| {
                        let masked = match v {
                            Value::String(s) if is_secret_key(k) && !s.is_empty() => {
                                Value::String(MASK.into())
                            }
                            // Keycloak attributes hold values as arrays of strings.
                            Value::Array(items) if is_secret_key(k) => Value::Array(
                                items
                                    .iter()
                                    .map(|i| {
                                        if i.is_string() {
                                            Value::String(MASK.into())
                                        } else {
                                            mask(i)
                                        }
                                    })
                                    .collect(),
                            ),
                            other => mask(other),
                        };
                        (k.clone(), masked)
                    })
                    .collect(),
            )
        }
        Value::Array(items) => Value::Array(items.iter().map(mask).collect()),
        other => other.clone(),
    }
}

/// Whether the last segment of a JSON pointer names a secret.
pub fn pointer_is_secret(pointer: &str) -> bool {
    pointer.rsplit('/').next().is_some_and(is_secret_key)
}

/// Every secret string value in a document, for redacting logs and for leak tests.
pub fn secret_values(v: &Value) -> Vec<String> {
    let mut out = vec![];
    collect(v, &mut out);
    out.sort();
    out.dedup();
    out
}

fn collect(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            if let (Some(Value::String(name)), Some(Value::String(val))) =
                (map.get("key"), map.get("value"))
            {
                if is_secret_key(name) && !val.is_empty() {
                    out.push(val.clone());
                }
            }
            for (k, v) in map {
                match v {
                    Value::String(s) if is_secret_key(k) && !s.is_empty() => out.push(s.clone()),
                    other => collect(other, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|i| collect(i, out)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn masks_named_and_pattern_secrets_but_not_objects() {
        let doc = json!({"keyCloak": {"credentials": {"secret": "s1"}, "PASSWORD_ADMIN": "p",
            "RSA_Client_Key": "", "CLIENT_ID": "cim", "TWILIO_SID": "AC1", "realm": "r"},
            "finesse": {"adminPass": "x", "adminUser": "u"}, "n": {"apiKey": 5}});
        let m = mask(&doc);
        assert_eq!(m["keyCloak"]["credentials"]["secret"], MASK);
        assert_eq!(m["keyCloak"]["PASSWORD_ADMIN"], MASK);
        assert_eq!(m["keyCloak"]["RSA_Client_Key"], "");
        assert_eq!(m["keyCloak"]["TWILIO_SID"], MASK);
        assert_eq!(m["keyCloak"]["CLIENT_ID"], "cim");
        assert_eq!(m["finesse"]["adminPass"], MASK);
        assert_eq!(m["finesse"]["adminUser"], "u");
        assert_eq!(m["n"]["apiKey"], 5, "only string leaves are masked");
        assert_eq!(secret_values(&doc), vec!["AC1", "p", "s1", "x"]);
    }

    #[test]
    fn masks_channel_manager_entries_by_their_key() {
        let v = json!([{"key": "SMTP-PASSWORD", "type": "String", "value": "pw"},
                       {"key": "SMTP-HOST", "type": "String", "value": "mail"}]);
        let m = mask(&v);
        assert_eq!(m[0]["value"], MASK);
        assert_eq!(m[1]["value"], "mail");
    }
}

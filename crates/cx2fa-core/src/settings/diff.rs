//! Field-level differences between two documents, secrets masked.

use super::locate::escape;
use super::model::same_meaning;
use super::secrets::{self, MASK};
use serde::Serialize;
use serde_json::Value;

/// One changed leaf (or a whole subtree added or removed).
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Change {
    /// JSON pointer.
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<Value>,
}

/// Every difference from `before` to `after`, in document order; numbers compare by value.
pub fn diff(before: &Value, after: &Value) -> Vec<Change> {
    let mut out = vec![];
    walk("", before, after, &mut out);
    out
}

fn walk(path: &str, a: &Value, b: &Value, out: &mut Vec<Change>) {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, v) in x {
                let p = format!("{path}/{}", escape(k));
                match y.get(k) {
                    Some(w) => walk(&p, v, w, out),
                    None => out.push(masked(p, Some(v), None)),
                }
            }
            for (k, w) in y.iter().filter(|(k, _)| !x.contains_key(*k)) {
                out.push(masked(format!("{path}/{}", escape(k)), None, Some(w)));
            }
        }
        _ if same_meaning(a, b) => {}
        _ => out.push(masked(path.to_string(), Some(a), Some(b))),
    }
}

fn masked(path: String, before: Option<&Value>, after: Option<&Value>) -> Change {
    let secret = secrets::pointer_is_secret(&path);
    let show = |v: &Value| match v {
        Value::String(s) if secret && !s.is_empty() => Value::String(MASK.into()),
        other => secrets::mask(other),
    };
    Change {
        path,
        before: before.map(show),
        after: after.map(show),
    }
}

/// `a → b` for display.
pub fn render_value(v: Option<&Value>) -> String {
    match v {
        None => "(absent)".into(),
        Some(v) => v.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reports_changes_additions_removals_and_masks_secrets() {
        let a = json!({"k": {"secret": "old", "n": 1.0, "gone": 1}, "same": [1]});
        let b = json!({"k": {"secret": "new", "n": 1, "added": {"password": "x"}}, "same": [1]});
        let d = diff(&a, &b);
        assert_eq!(
            d,
            vec![
                Change {
                    path: "/k/secret".into(),
                    before: Some(json!(MASK)),
                    after: Some(json!(MASK))
                },
                Change {
                    path: "/k/gone".into(),
                    before: Some(json!(1)),
                    after: None
                },
                Change {
                    path: "/k/added".into(),
                    before: None,
                    after: Some(json!({"password": MASK}))
                },
            ]
        );
    }
}

//! The debug trace: one line a request, one an answer, secrets redacted before a line leaves
//! core (showing it safely is the sink's job).

use super::request::{Body, Request, Response, Secretish};
use crate::settings::secrets;
use serde_json::Value;
use std::sync::Arc;
use std::time::Duration;

/// Where the debug trace lines and the curl commands go (the binary's printer).
/// Lines reach it redacted; showing them safely is the sink's job.
pub type Sink = Arc<dyn Fn(&str) + Send + Sync>;

/// A JSON value made safe for the debug trace: the one redactor.
pub fn redact_value(v: &Value) -> Value {
    secrets::mask(v)
}

/// A body for the trace: JSON redacted by key, anything else as an error shows it.
fn body(bytes: &[u8]) -> String {
    match serde_json::from_slice::<Value>(bytes) {
        Ok(v) => redact_value(&v).to_string(),
        Err(_) => super::error::snippet(bytes),
    }
}

/// `→ METHOD URL`, the attempt when it is not the first, headers (secrets masked) and body.
pub(super) fn request_line(r: &Request, attempt: u32) -> String {
    let mut line = format!("→ {} {}", r.method, r.url);
    if attempt > 1 {
        line.push_str(&format!(" (attempt {attempt})"));
    }
    if r.bearer.is_some() {
        line.push_str(" [Authorization: Bearer ********]");
    }
    for (k, v) in &r.headers {
        let v = if secrets::is_secret_key(k) {
            secrets::MASK
        } else {
            v
        };
        line.push_str(&format!(" [{k}: {v}]"));
    }
    line.push_str(&request_body(&r.body));
    line
}

/// The body's part of a request line, with its leading space (empty for no body).
fn request_body(b: &Body) -> String {
    match b {
        Body::Empty => String::new(),
        Body::Json(v) => format!(" {}", redact_value(v)),
        Body::Form(f) => {
            let shown: Vec<String> = f
                .iter()
                .map(|(k, v)| match v {
                    Secretish::Plain(s) if !secrets::is_secret_key(k) => format!("{k}={s}"),
                    _ => format!("{k}={}", secrets::MASK),
                })
                .collect();
            format!(" form: {}", shown.join("&"))
        }
        Body::Multipart(parts) => parts
            .iter()
            .map(|(name, file, ctype, bytes)| {
                let shown = if file.is_some() {
                    format!("<{} bytes>", bytes.len())
                } else {
                    body(bytes)
                };
                format!(" part {name} ({ctype}): {shown}")
            })
            .collect(),
    }
}

/// `← STATUS METHOD URL (N ms) BODY`.
pub(super) fn answer_line(r: &Request, resp: &Response, took: Duration) -> String {
    format!(
        "← {} {} {} ({} ms) {}",
        resp.status,
        r.method,
        r.url,
        took.as_millis(),
        body(&resp.body)
    )
}

/// `← METHOD URL failed: MESSAGE`.
pub(super) fn failure_line(r: &Request, message: &str) -> String {
    format!("← {} {} failed: {message}", r.method, r.url)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::secret::Secret;
    use serde_json::json;

    #[test]
    fn redaction_covers_tokens_otps_and_securid_inputs() {
        let v = json!({"access_token": "a", "otpCode": "123456", "subjectCredentials": [{"collectedInputs": [{"name": "SECURID", "value": "pin123456"}]}]});
        let r = redact_value(&v).to_string();
        assert!(
            !r.contains("\"a\"") && !r.contains("123456") && !r.contains("pin123456"),
            "{r}"
        );
    }

    #[test]
    fn a_request_line_masks_secret_headers_form_values_and_the_bearer() {
        let mut r = Request::post("https://x/token")
            .header("client-key", "k")
            .header("X-Note", "n")
            .bearer(Secret::new("t"));
        r.body = Body::Form(vec![
            ("username".into(), Secretish::Plain("admin".into())),
            ("password".into(), Secretish::Plain("pw".into())),
        ]);
        assert_eq!(
            request_line(&r, 2),
            "→ POST https://x/token (attempt 2) [Authorization: Bearer ********] [client-key: ********] [X-Note: n] form: username=admin&password=********"
        );
    }
}

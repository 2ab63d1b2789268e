//! The OTP manager (docs/deployment-contract.md §6) and the sandbox's outbox.

use super::state::{Otp, OutboxEntry};
use super::util::rfc3339;
use super::App;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use cx2fa_platform::contract;
use cx2fa_platform::enrolment as attrs;
use cx2fa_platform::fields;
use cx2fa_platform::fields::error_body as field;
use serde_json::{json, Value};
use std::collections::HashMap;

fn fail(message: &str) -> Response {
    let status =
        StatusCode::from_u16(contract::OTP_FAILURE_STATUS).unwrap_or(StatusCode::BAD_REQUEST);
    (status, Json(json!({ field::MESSAGE: message }))).into_response()
}

fn bad(message: String) -> Response {
    (
        StatusCode::BAD_REQUEST,
        Json(json!({ field::MESSAGE: message })),
    )
        .into_response()
}

/// The tenant named by the `tenantid` or `tenant-id` header (connector 1.9.3 sends the first,
/// older texts the second: disputed, docs/deployment-contract.md §6), which must exist.
fn tenant_of(app: &App, headers: &HeaderMap) -> Result<String, Response> {
    let Some(id) = cx2fa_platform::contract::otp_manager::TENANT_HEADERS
        .iter()
        .find_map(|h| headers.get(*h))
        .and_then(|v| v.to_str().ok())
        .filter(|s| !s.is_empty())
    else {
        return Err(bad("tenantid header is required".into()));
    };
    if app.data.lock().expect("lock").tenant(id).is_none() {
        return Err(bad(format!("unknown tenant `{id}`")));
    }
    Ok(id.to_string())
}

fn body(bytes: &[u8], required: &[&str]) -> Result<Value, Response> {
    let v: Value =
        serde_json::from_slice(bytes).map_err(|e| bad(format!("body is not JSON: {e}")))?;
    for k in required {
        if v.get(*k).and_then(Value::as_str).is_none_or(str::is_empty) {
            return Err(bad(format!("{k} is required")));
        }
    }
    Ok(v)
}

fn s<'a>(v: &'a Value, k: &str) -> &'a str {
    v.get(k).and_then(Value::as_str).unwrap_or("")
}

/// A request to the OTP manager: its tenant (from the header) and its JSON body, which must
/// hold `required` as non-empty strings.
fn request(
    app: &App,
    headers: &HeaderMap,
    bytes: &[u8],
    required: &[&str],
) -> Result<(String, Value), Response> {
    let tenant = tenant_of(app, headers)?;
    Ok((tenant, body(bytes, required)?))
}

/// Whom an OTP is for: one per tenant, contact point, channel and purpose.
struct OtpRecipient<'a> {
    tenant: String,
    contact: &'a str,
    channel_identifier: &'a str,
    purpose: &'a str,
}

impl<'a> OtpRecipient<'a> {
    fn of(tenant: String, v: &'a Value) -> Self {
        OtpRecipient {
            tenant,
            contact: s(v, attrs::CUSTOMER_CHANNEL_IDENTIFIER),
            channel_identifier: s(v, fields::CHANNEL_SERVICE_IDENTIFIER),
            purpose: s(v, "purpose"),
        }
    }
    fn is(&self, o: &Otp) -> bool {
        o.tenant == self.tenant
            && o.contact == self.contact
            && o.channel_identifier == self.channel_identifier
            && o.purpose == self.purpose
    }
}

/// A number of the body, as a number or its text.
fn num(v: &Value, k: &str, default: u64) -> u64 {
    v.get(k)
        .and_then(|n| {
            n.as_u64()
                .or_else(|| n.as_str().and_then(|s| s.parse().ok()))
        })
        .unwrap_or(default)
}

pub async fn generate(
    State(app): State<App>,
    headers: HeaderMap,
    bytes: axum::body::Bytes,
) -> Response {
    let required = [
        attrs::CUSTOMER_CHANNEL_IDENTIFIER,
        fields::CHANNEL_TYPE,
        fields::CHANNEL_SERVICE_IDENTIFIER,
        "purpose",
    ];
    let (tenant, v) = match request(&app, &headers, &bytes, &required) {
        Ok(r) => r,
        Err(r) => return r,
    };
    let expiry = num(&v, fields::OTP_EXPIRY, 60);
    let entry = issue(&app, OtpRecipient::of(tenant, &v), &v, expiry);
    app.touch();
    if entry.channel_type.eq_ignore_ascii_case("EMAIL") {
        if let Some(dir) = &app.cfg.maildir {
            write_maildir(dir, &entry, app.next(), expiry);
        }
    }
    Json(json!({ field::MESSAGE: "OTP_GENERATED" })).into_response()
}

/// Draws a code for `target`, replacing its previous one, and puts it in the outbox.
fn issue(app: &App, target: OtpRecipient<'_>, v: &Value, expiry: u64) -> OutboxEntry {
    let code = format!("{:06}", rand::random::<u32>() % 1_000_000);
    let mut d = app.data.lock().expect("lock");
    let now = d.now_ms();
    // A new OTP invalidates the previous one for the same target.
    d.otps.retain(|o| !target.is(o));
    d.otps.push(Otp {
        tenant: target.tenant.clone(),
        contact: target.contact.into(),
        channel_identifier: target.channel_identifier.into(),
        purpose: target.purpose.into(),
        code: code.clone(),
        expires_at_ms: now + expiry as i64 * 1000,
        failures: 0,
        max_attempts: num(v, fields::OTP_MAX_ATTEMPTS, 3).max(1),
        dead: false,
    });
    let entry = OutboxEntry {
        to: target.contact.into(),
        channel_type: s(v, fields::CHANNEL_TYPE).into(),
        code,
        sent_at: rfc3339(now),
        tenant: target.tenant,
        from: target.channel_identifier.into(),
    };
    d.outbox.push(entry.clone());
    entry
}

/// Writes one message into `dir/new` the Maildir way (write to tmp, rename).
fn write_maildir(dir: &std::path::Path, e: &OutboxEntry, n: u64, expiry: u64) {
    let date = chrono::Utc::now().to_rfc2822();
    let name = format!(
        "{}.{}_{n}.cx2fa-sandbox",
        chrono::Utc::now().timestamp(),
        std::process::id()
    );
    let msg = format!(
        "From: Expertflow CX <{from}>\r\nTo: <{to}>\r\nSubject: Your Expertflow CX verification code\r\nDate: {date}\r\nMessage-ID: <{name}@sandbox.invalid>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nYour verification code is {code}.\r\nIt expires in {expiry} seconds.\r\n",
        from = e.from,
        to = e.to,
        code = e.code,
    );
    let tmp = dir.join("tmp").join(&name);
    if std::fs::write(&tmp, msg).is_ok() {
        let _ = std::fs::rename(&tmp, dir.join("new").join(&name));
    }
}

pub async fn verify(
    State(app): State<App>,
    headers: HeaderMap,
    bytes: axum::body::Bytes,
) -> Response {
    let required = [
        attrs::CUSTOMER_CHANNEL_IDENTIFIER,
        fields::CHANNEL_SERVICE_IDENTIFIER,
        "otpCode",
        "purpose",
    ];
    let (tenant, v) = match request(&app, &headers, &bytes, &required) {
        Ok(r) => r,
        Err(r) => return r,
    };
    let target = OtpRecipient::of(tenant, &v);
    let mut d = app.data.lock().expect("lock");
    let now = d.now_ms();
    let Some(otp) = d.otps.iter_mut().find(|o| target.is(o)) else {
        return fail("OTP_INVALID");
    };
    let result = check(otp, s(&v, "otpCode"), now);
    drop(d);
    app.touch();
    result
}

/// The OTP manager's verdict on `code` for `otp` at `now`; a wrong code counts as a failure,
/// a right one uses the OTP up.
fn check(otp: &mut Otp, code: &str, now: i64) -> Response {
    if otp.dead {
        fail("OTP_INVALID")
    } else if otp.failures >= otp.max_attempts {
        fail("OTP_MAX_ATTEMPTS")
    } else if now >= otp.expires_at_ms {
        fail("OTP_EXPIRED")
    } else if otp.code == code.trim() {
        otp.dead = true;
        Json(json!({ field::MESSAGE: "OTP_VERIFIED" })).into_response()
    } else {
        otp.failures += 1;
        if otp.failures >= otp.max_attempts {
            fail("OTP_MAX_ATTEMPTS")
        } else {
            fail("OTP_INVALID")
        }
    }
}

/// `GET /sandbox/outbox[?to=X]`: what users would have received, newest last.
pub async fn outbox(State(app): State<App>, Query(q): Query<HashMap<String, String>>) -> Response {
    let d = app.data.lock().expect("lock");
    let items: Vec<&OutboxEntry> = d
        .outbox
        .iter()
        .filter(|e| q.get("to").is_none_or(|to| &e.to == to))
        .collect();
    Json(items).into_response()
}

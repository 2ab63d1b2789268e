//! Shared helpers for the sandbox's handlers.

use super::{App, TokenInfo};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use cx2fa_platform::fields::error_body as field;
use serde_json::{json, Value};

/// Keycloak's error body.
pub fn kc_error(status: StatusCode, error: &str, description: &str) -> Response {
    (
        status,
        Json(json!({ field::ERROR: error, field::ERROR_DESCRIPTION: description })),
    )
        .into_response()
}

/// The platform services' error body.
pub fn platform_error(status: StatusCode, message: impl Into<String>) -> Response {
    (
        status,
        Json(json!({ field::ERROR_MESSAGE: message.into() })),
    )
        .into_response()
}

pub fn bearer(headers: &HeaderMap) -> Option<String> {
    let v = headers.get("authorization")?.to_str().ok()?;
    let (scheme, token) = v.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_string())
}

/// Why a request may not use the admin APIs.
pub enum Denied {
    Unauthenticated,
    Forbidden,
}

/// The token `token` while it lives (at `now`, the sandbox's clock).
pub fn live_token(app: &App, token: &str, now: i64) -> Option<TokenInfo> {
    app.tokens
        .lock()
        .expect("lock")
        .get(token)
        .filter(|i| i.expires_ms > now)
        .cloned()
}

/// The live token a request carries as `Authorization: Bearer`, of any realm.
fn live_bearer(app: &App, headers: &HeaderMap) -> Result<TokenInfo, Denied> {
    let token = bearer(headers).ok_or(Denied::Unauthenticated)?;
    let now = app.data.lock().expect("lock").now_ms();
    live_token(app, &token, now).ok_or(Denied::Unauthenticated)
}

/// Admits live admin tokens of the master realm or of `realm`.
fn admin_of(app: &App, headers: &HeaderMap, realm: &str) -> Result<TokenInfo, Denied> {
    let info = live_bearer(app, headers)?;
    if info.admin && (info.realm == "master" || info.realm == realm) {
        Ok(info)
    } else {
        Err(Denied::Forbidden)
    }
}

/// Admits master-realm admin tokens that have not expired.
pub fn admin(app: &App, headers: &HeaderMap) -> Result<TokenInfo, Denied> {
    admin_of(app, headers, "master")
}

/// Keycloak's admin API on `realm`: a master admin, or the realm's own admin (a deployment's
/// `USERNAME_ADMIN` holds realm-management's user roles; Expertflow's connector reads and
/// writes users with its token).
pub fn kc_admin_for(app: &App, headers: &HeaderMap, realm: &str) -> Result<TokenInfo, Response> {
    kc_denied(admin_of(app, headers, realm))
}

fn kc_denied(r: Result<TokenInfo, Denied>) -> Result<TokenInfo, Response> {
    r.map_err(|d| match d {
        Denied::Unauthenticated => (
            StatusCode::UNAUTHORIZED,
            Json(json!({"error": "HTTP 401 Unauthorized"})),
        )
            .into_response(),
        Denied::Forbidden => (
            StatusCode::FORBIDDEN,
            Json(json!({"error": "HTTP 403 Forbidden"})),
        )
            .into_response(),
    })
}

/// [`admin`] with the platform's error bodies.
pub fn platform_admin(app: &App, headers: &HeaderMap) -> Result<TokenInfo, Response> {
    admin(app, headers).map_err(|d| match d {
        Denied::Unauthenticated => platform_error(
            StatusCode::UNAUTHORIZED,
            "Unauthorized: missing or expired token",
        ),
        Denied::Forbidden => platform_error(
            StatusCode::FORBIDDEN,
            "Forbidden: the token does not allow this",
        ),
    })
}

/// RFC 3339 UTC for a millisecond timestamp.
pub fn rfc3339(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
        .unwrap_or_default()
}

pub async fn clock(State(app): State<App>) -> Response {
    let d = app.data.lock().expect("lock");
    Json(json!({ "now": rfc3339(d.now_ms()), "offsetSeconds": d.clock_offset_ms / 1000 }))
        .into_response()
}

/// `POST /sandbox/clock {"advanceSeconds": N}` moves the sandbox's time forward.
pub async fn advance_clock(State(app): State<App>, body: axum::body::Bytes) -> Response {
    let v: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let Some(secs) = v.get("advanceSeconds").and_then(Value::as_i64) else {
        return platform_error(
            StatusCode::BAD_REQUEST,
            "body must be {\"advanceSeconds\": N}",
        );
    };
    {
        let mut d = app.data.lock().expect("lock");
        d.clock_offset_ms += secs * 1000;
    }
    app.touch();
    clock(State(app)).await
}

/// A secret drawn for this run (the master admin's password, the helpers' token): 128 random
/// bits as hex, easy to paste.
pub fn random_secret() -> String {
    format!("{:032x}", rand::random::<u128>())
}

/// Compares a secret in time that does not depend on where the first difference is.
pub fn same_secret(given: &[u8], expected: &[u8]) -> bool {
    given.len() == expected.len()
        && given
            .iter()
            .zip(expected)
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

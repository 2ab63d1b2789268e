//! RSA SecurID Authentication Manager (docs/deployment-contract.md §6, §7).

use super::App;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use cx2fa_platform::contract;
use serde_json::{json, Value};

/// RSA tokencodes change every minute.
pub const STEP: u64 = 60;

pub async fn initialize(
    State(app): State<App>,
    headers: HeaderMap,
    bytes: axum::body::Bytes,
) -> Response {
    let d = app.data.lock().expect("lock");
    let key = headers
        .get("client-key")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if key != d.rsa.client_key {
        return (
            StatusCode::UNAUTHORIZED,
            Json(json!({"message": "Invalid client key"})),
        )
            .into_response();
    }
    let Ok(v) = serde_json::from_slice::<Value>(&bytes) else {
        return (
            StatusCode::BAD_REQUEST,
            Json(json!({"message": "body is not JSON"})),
        )
            .into_response();
    };
    let user = v.get("subjectName").and_then(Value::as_str).unwrap_or("");
    let passcode = v
        .pointer("/subjectCredentials/0/collectedInputs/0/value")
        .and_then(Value::as_str)
        .unwrap_or("");
    let client_ok = v.get("clientId").and_then(Value::as_str) == Some(d.rsa.client_id.as_str());
    let at = (d.now_ms() / 1000).max(0) as u64;
    let ok = client_ok
        && d.rsa.users.get(user).is_some_and(|u| {
            passcode.len() == contract::RSA_PIN_LEN + contract::RSA_TOKENCODE_LEN
                && passcode.starts_with(&u.pin)
                && cx2fa_platform::totp::check(
                    &u.seed,
                    &passcode[contract::RSA_PIN_LEN..],
                    STEP,
                    1,
                    at,
                )
                .unwrap_or(false)
        });
    let attempt = format!("{:016x}", rand::random::<u64>());
    let (code, reason) = if ok {
        ("SUCCESS", "CREDENTIAL_VERIFIED")
    } else {
        ("FAIL", "AUTHN_FAILED")
    };
    Json(json!({
        "context": {"authnAttemptId": attempt, "messageId": v.pointer("/context/messageId"), "inResponseTo": v.pointer("/context/messageId")},
        "credentialValidationResults": [{"methodId": "SECURID", "methodResponseCode": code, "methodReasonCode": reason}],
        "attemptResponseCode": code,
        "attemptReasonCode": reason,
    }))
    .into_response()
}

/// `GET /sandbox/rsa-code/{username}`: the current tokencode (not the PIN).
pub async fn code(State(app): State<App>, Path(username): Path<String>) -> Response {
    let d = app.data.lock().expect("lock");
    let Some(u) = d.rsa.users.get(&username) else {
        return (
            StatusCode::NOT_FOUND,
            Json(json!({"message": format!("no RSA user `{username}`")})),
        )
            .into_response();
    };
    let at = (d.now_ms() / 1000).max(0) as u64;
    match cx2fa_platform::totp::code(&u.seed, STEP, at) {
        Ok(c) => {
            Json(json!({"username": username, "tokencode": c, "validForSeconds": STEP - at % STEP}))
                .into_response()
        }
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
    }
}

//! The tenant API (docs/deployment-contract.md §3): documents stored and returned as sent.

use super::seed::realm_for;
use super::state::Realm;
use super::util::{platform_admin, platform_error};
use super::App;
use axum::extract::{Multipart, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use cx2fa_platform::contract;
use cx2fa_platform::fields;
use serde_json::Value;
use std::collections::HashMap;

pub async fn list(State(app): State<App>, headers: HeaderMap) -> Response {
    if let Err(r) = platform_admin(&app, &headers) {
        return r;
    }
    let d = app.data.lock().expect("lock");
    Json(Value::Array(d.tenants.clone())).into_response()
}

/// The `data` part as a JSON object, and whether a logo came along.
async fn read_parts(
    mp: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<(Value, bool), Response> {
    let mut mp = mp.map_err(|e| {
        platform_error(
            StatusCode::BAD_REQUEST,
            format!("expected multipart/form-data: {e}"),
        )
    })?;
    let bad = |m: String| platform_error(StatusCode::BAD_REQUEST, m);
    let mut data = None;
    let mut logo = false;
    loop {
        match mp.next_field().await {
            Ok(Some(field)) => {
                let name = field.name().unwrap_or("").to_string();
                let bytes = field
                    .bytes()
                    .await
                    .map_err(|e| bad(format!("unreadable multipart body: {e}")))?;
                if name == contract::TENANT_DATA_PART {
                    let v: Value = serde_json::from_slice(&bytes)
                        .map_err(|e| bad(format!("part `data` is not valid JSON: {e}")))?;
                    if !v.is_object() {
                        return Err(bad("part `data` must be a JSON object".into()));
                    }
                    data = Some(v);
                } else if name == contract::TENANT_LOGO_PART && !bytes.is_empty() {
                    logo = true;
                }
            }
            Ok(None) => break,
            Err(e) => return Err(bad(format!("expected multipart/form-data: {e}"))),
        }
    }
    data.map(|d| (d, logo))
        .ok_or_else(|| bad("multipart part `data` holding the tenant JSON is required".into()))
}

pub async fn update(
    State(app): State<App>,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
    mp: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Response {
    if let Err(r) = platform_admin(&app, &headers) {
        return r;
    }
    let Some(id) = q.get("id").filter(|s| !s.is_empty()).cloned() else {
        return platform_error(StatusCode::BAD_REQUEST, "query parameter `id` is required");
    };
    let (doc, _) = match read_parts(mp).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    if let Some(body_id) = doc.get(fields::TENANT_ID).and_then(Value::as_str) {
        if body_id != id {
            return platform_error(
                StatusCode::BAD_REQUEST,
                format!("tenantId `{body_id}` in the body does not match id `{id}`"),
            );
        }
    }
    {
        let mut d = app.data.lock().expect("lock");
        let Some(slot) = d
            .tenants
            .iter_mut()
            .find(|t| t.get(fields::TENANT_ID).and_then(Value::as_str) == Some(id.as_str()))
        else {
            return platform_error(StatusCode::NOT_FOUND, format!("Tenant `{id}` not found"));
        };
        // The stored document is replaced by what was sent (the client always sends it whole).
        *slot = doc.clone();
    }
    app.touch();
    Json(doc).into_response()
}

pub async fn create(
    State(app): State<App>,
    headers: HeaderMap,
    mp: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Response {
    if let Err(r) = platform_admin(&app, &headers) {
        return r;
    }
    let (doc, logo) = match read_parts(mp).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let Some(id) = doc
        .get(fields::TENANT_ID)
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty())
        .map(str::to_string)
    else {
        return platform_error(StatusCode::BAD_REQUEST, "tenantId is required");
    };
    if app.cfg.require_logo && !logo {
        return platform_error(
            StatusCode::BAD_REQUEST,
            format!("{} is required", contract::TENANT_LOGO_PART),
        );
    }
    {
        let mut d = app.data.lock().expect("lock");
        if d.tenant(&id).is_some() {
            return platform_error(
                StatusCode::CONFLICT,
                format!("Tenant with tenantId `{id}` already exists"),
            );
        }
        let (realm, client, secret) = realm_for(&doc);
        if d.realms.contains_key(&realm) {
            return platform_error(
                StatusCode::CONFLICT,
                format!("Realm `{realm}` already exists"),
            );
        }
        let mut r = Realm::default();
        r.clients.insert(client, secret);
        d.realms.insert(realm, r);
        d.tenants.push(doc.clone());
    }
    app.touch();
    (StatusCode::CREATED, Json(doc)).into_response()
}

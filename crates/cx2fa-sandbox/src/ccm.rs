//! The channel manager (docs/deployment-contract.md §4).

use super::util::{platform_admin, platform_error};
use super::App;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;

pub async fn list(State(app): State<App>, headers: HeaderMap) -> Response {
    if let Err(r) = platform_admin(&app, &headers) {
        return r;
    }
    if app.cfg.no_channel_list {
        // What an Express-based service without the route answers.
        return (StatusCode::NOT_FOUND, "Cannot GET /ccm/channels").into_response();
    }
    let d = app.data.lock().expect("lock");
    Json(d.channels.clone()).into_response()
}

pub async fn probe(
    State(app): State<App>,
    headers: HeaderMap,
    Path(sid): Path<String>,
) -> Response {
    if let Err(r) = platform_admin(&app, &headers) {
        return r;
    }
    let d = app.data.lock().expect("lock");
    match d.channel_configs.get(&sid) {
        Some(entries) => Json(entries.clone()).into_response(),
        None => platform_error(
            StatusCode::NOT_FOUND,
            format!("No channel configuration found for serviceIdentifier `{sid}`"),
        ),
    }
}

//! A server of finite capacity (`--capacity N`, with `--latency MS`): at most N requests are
//! worked at once, each taking the latency; one more is answered 429 with `Retry-After`, or
//! waits its turn (`--capacity-mode queue`). The limit can change while running
//! (`POST /sandbox/capacity {"capacity": N}`), and `GET /sandbox/stats` counts what happened,
//! so that a benchmark can measure a client against a server it cannot see into.

use super::App;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

/// What a request beyond capacity gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CapacityMode {
    /// 429 with `Retry-After: 1`, as a rate-limiting ingress answers.
    #[default]
    Reject,
    /// It waits for a free slot: latency grows instead.
    Queue,
}

#[derive(Default)]
pub struct Capacity {
    /// 0: unlimited.
    limit: AtomicUsize,
    in_flight: Mutex<usize>,
    freed: tokio::sync::Notify,
    pub requests: AtomicU64,
    pub rejected: AtomicU64,
    pub max_in_flight: AtomicUsize,
    /// Requests per second since the first one (at most an hour), to check a client's rate.
    per_second: Mutex<(Option<std::time::Instant>, Vec<u32>)>,
}

impl Capacity {
    pub fn new(limit: usize) -> Self {
        Capacity {
            limit: AtomicUsize::new(limit),
            ..Default::default()
        }
    }
    fn try_enter(&self) -> bool {
        let limit = self.limit.load(Ordering::Relaxed);
        let mut n = self.in_flight.lock().expect("lock");
        if limit > 0 && *n >= limit {
            return false;
        }
        *n += 1;
        self.max_in_flight.fetch_max(*n, Ordering::Relaxed);
        true
    }
    fn leave(&self) {
        *self.in_flight.lock().expect("lock") -= 1;
        self.freed.notify_one();
    }
}

/// Leaves the slot however the request ends (a dropped connection included).
struct Slot<'a>(&'a Capacity);

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        self.0.leave();
    }
}

pub async fn layer(State(app): State<App>, req: Request, next: Next) -> Response {
    if req.uri().path().starts_with("/sandbox/") {
        return next.run(req).await;
    }
    let cap = &app.capacity;
    cap.requests.fetch_add(1, Ordering::Relaxed);
    {
        let mut ps = cap.per_second.lock().expect("lock");
        let start = *ps.0.get_or_insert_with(std::time::Instant::now);
        let second = start.elapsed().as_secs() as usize;
        if second < 3600 {
            if ps.1.len() <= second {
                ps.1.resize(second + 1, 0);
            }
            ps.1[second] += 1;
        }
    }
    loop {
        // Registered before the check, so that a slot freed in between is not missed.
        let freed = cap.freed.notified();
        if cap.try_enter() {
            break;
        }
        if app.cfg.capacity_mode == CapacityMode::Reject {
            cap.rejected.fetch_add(1, Ordering::Relaxed);
            return (
                StatusCode::TOO_MANY_REQUESTS,
                [("retry-after", "1")],
                "Too Many Requests: the server is at capacity",
            )
                .into_response();
        }
        freed.await;
    }
    let _slot = Slot(cap);
    let page = req.method() == axum::http::Method::GET && req.uri().path().ends_with("/users");
    let latency = match app.cfg.page_latency_ms {
        ms if ms > 0 && page => ms,
        _ => app.cfg.latency_ms,
    };
    if latency > 0 {
        tokio::time::sleep(Duration::from_millis(latency)).await;
    }
    if app.cfg.write_latency_ms > 0 && req.method() == axum::http::Method::PUT {
        tokio::time::sleep(Duration::from_millis(app.cfg.write_latency_ms)).await;
    }
    next.run(req).await
}

/// `POST /sandbox/capacity {"capacity": N}`: a server that gets smaller (or larger) mid-run.
pub async fn set(State(app): State<App>, Json(body): Json<Value>) -> Response {
    match body.get("capacity").and_then(Value::as_u64) {
        Some(n) => {
            app.capacity.limit.store(n as usize, Ordering::Relaxed);
            app.capacity.freed.notify_waiters();
            Json(json!({"capacity": n})).into_response()
        }
        None => (StatusCode::BAD_REQUEST, "body must be {\"capacity\": N}").into_response(),
    }
}

/// `GET /sandbox/stats`: requests seen, answered 429 for capacity, most at once.
pub async fn stats(State(app): State<App>) -> Json<Value> {
    let c = &app.capacity;
    Json(json!({
        "requests": c.requests.load(Ordering::Relaxed),
        "rejected": c.rejected.load(Ordering::Relaxed),
        "maxInFlight": c.max_in_flight.load(Ordering::Relaxed),
        "capacity": c.limit.load(Ordering::Relaxed),
        "perSecond": c.per_second.lock().expect("lock").1.clone(),
    }))
}

//! The HTTP core every client uses: timeouts, retries for idempotent calls, errors that name
//! the method and URL, and a `--debug` trace with secrets redacted.

use super::secret::Secret;
use crate::error::{Error, Fix, Kind};
use crate::settings::secrets;
use reqwest::Method;
use serde_json::Value;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};
use tokio_util::sync::CancellationToken;

/// A request body.
#[derive(Debug, Clone)]
pub enum Body {
    Empty,
    Json(Value),
    Form(Vec<(String, Secretish)>),
    /// Multipart parts: (name, file name, content type, bytes).
    Multipart(Vec<(String, Option<String>, String, Vec<u8>)>),
}

/// A form value that may be secret.
#[derive(Debug, Clone)]
pub enum Secretish {
    Plain(String),
    /// A secret, and the environment variable `--print-curl` refers to it by: each secret has
    /// its own name, so that a pasted command never sends one secret in place of another.
    Secret(Secret, &'static str),
}

/// One call.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: Method,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub bearer: Option<Secret>,
    pub body: Body,
    /// Safe to send again after a 429, 5xx or dropped connection.
    pub retry: bool,
    /// The largest answer accepted; a longer one is refused (exit 4) instead of filling memory.
    pub max_body: usize,
    /// The administrator's token request: its `--print-curl` line sets `$CX2FA_TOKEN` from the
    /// answer, for the commands printed after it.
    pub exports_token: bool,
}

/// The answer size cap of most calls: tokens, single users, channel checks, OTP and RSA calls
/// answer a few KiB.
pub const DEFAULT_MAX_BODY: usize = 8 << 20;
/// The cap of calls that list: the tenant list and pages of full user representations.
pub const LIST_MAX_BODY: usize = 64 << 20;

impl Request {
    pub fn new(method: Method, url: impl Into<String>) -> Self {
        let retry = method == Method::GET;
        Request {
            method,
            url: url.into(),
            headers: vec![],
            bearer: None,
            body: Body::Empty,
            retry,
            max_body: DEFAULT_MAX_BODY,
            exports_token: false,
        }
    }
    /// Accepts answers up to `bytes` (for calls that list).
    pub fn max_body(mut self, bytes: usize) -> Self {
        self.max_body = bytes;
        self
    }
    pub fn get(url: impl Into<String>) -> Self {
        Self::new(Method::GET, url)
    }
    pub fn post(url: impl Into<String>) -> Self {
        Self::new(Method::POST, url)
    }
    pub fn json(mut self, v: Value) -> Self {
        self.body = Body::Json(v);
        self
    }
    pub fn header(mut self, k: &str, v: impl Into<String>) -> Self {
        self.headers.push((k.to_string(), v.into()));
        self
    }
    pub fn bearer(mut self, token: Secret) -> Self {
        self.bearer = Some(token);
        self
    }
    pub fn retry(mut self, yes: bool) -> Self {
        self.retry = yes;
        self
    }
}

/// An answer of any status.
#[derive(Debug, Clone)]
pub struct Response {
    pub method: Method,
    pub url: String,
    pub status: u16,
    pub body: bytes::Bytes,
    /// What the server's `Retry-After` asked for (see [`super::retry::retry_after`]).
    pub retry_after: Option<Duration>,
    pub attempts: u32,
    /// The server's `Date` header, for clock-skew checks.
    pub date: Option<String>,
    /// Where a redirect points (`Location`).
    pub location: Option<String>,
}

impl Response {
    pub fn ok(&self) -> bool {
        (200..300).contains(&self.status)
    }
    /// The answer as an error when it is not a success.
    pub fn check(self) -> Result<Response, Error> {
        if self.ok() {
            Ok(self)
        } else {
            Err(status_error(&self))
        }
    }
    pub fn json(&self) -> Result<Value, Error> {
        self.json_as()
    }
    /// The body as `T`, with the same error as [`Response::json`].
    pub fn json_as<T: serde::de::DeserializeOwned>(&self) -> Result<T, Error> {
        serde_json::from_slice(&self.body).map_err(|e| {
            Error::network(format!(
                "{} {} answered {} with a body that is not JSON: {e}",
                self.method, self.url, self.status
            ))
            .with_cause(snippet(&self.body))
            .with_fix(Fix::NotTheApi)
            .with_url(&self.url)
            .with_status(self.status)
        })
    }
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// The most of a server's words an error shows.
const SNIPPET_CHARS: usize = 300;

/// The start of a body, for messages: secrets masked (by key when it is JSON, by value always),
/// control characters escaped, at most [`SNIPPET_CHARS`] characters.
pub fn snippet(body: &[u8]) -> String {
    let text = match serde_json::from_slice::<Value>(body) {
        Ok(v) => secrets::mask(&v).to_string(),
        Err(_) => String::from_utf8_lossy(body).trim().to_string(),
    };
    cap(&text)
}

/// `text` made printable: scrubbed of known secrets, sanitised, capped.
fn cap(text: &str) -> String {
    let clean = crate::text::sanitize(&secrets::scrub(text)).into_owned();
    match clean.char_indices().nth(SNIPPET_CHARS) {
        Some((end, _)) => format!("{}…", &clean[..end]),
        None => clean,
    }
}

/// The server's own explanation: `error_message` (platform), `error_description` (Keycloak),
/// `message` (OTP manager), Keycloak's validation `field`/`errors`, else the body's start.
/// Always redacted and capped, since a server may echo the request (secrets and all).
pub fn server_message(body: &[u8]) -> String {
    let Ok(v) = serde_json::from_slice::<Value>(body) else {
        return snippet(body);
    };
    let v = secrets::mask(&v);
    let mut parts = vec![];
    for k in [
        "error_message",
        "errorMessage",
        "error_description",
        "message",
        "error",
    ] {
        if let Some(s) = v.get(k).and_then(Value::as_str) {
            parts.push(s.to_string());
            break;
        }
    }
    if let Some(f) = v.get("field").and_then(Value::as_str) {
        parts.push(format!("field `{f}`"));
    }
    if let Some(errors) = v.get("errors").and_then(Value::as_array) {
        let each: Vec<String> = errors
            .iter()
            .map(|e| {
                let field = e.get("field").and_then(Value::as_str).unwrap_or("");
                let msg = e.get("errorMessage").and_then(Value::as_str).unwrap_or("");
                format!("{field}: {msg}")
            })
            .collect();
        parts.push(each.join("; "));
    }
    if let Some(d) = v.get("error_detail") {
        parts.push(
            d.as_str()
                .map(str::to_string)
                .unwrap_or_else(|| d.to_string()),
        );
    }
    if parts.is_empty() {
        return snippet(body);
    }
    cap(&parts.join(": "))
}

/// Maps a non-success answer to an error with its exit code and a hint.
pub fn status_error(r: &Response) -> Error {
    let what = server_message(&r.body);
    let head = format!("`{} {}` answered {}", r.method, r.url, r.status);
    if (300..=399).contains(&r.status) {
        // Never followed: every endpoint cx2fa calls is known, and a redirect would carry a
        // password, a client key or a token to wherever it points. It usually means the
        // configured URL is stale (http → https at the ingress).
        let to = r
            .location
            .as_deref()
            .map(cap)
            .unwrap_or_else(|| "(no Location)".into());
        return Error::new(
            Kind::Failed,
            format!("{head}, a redirect to `{to}`; not followed"),
        )
        .with_fix(Fix::RedirectRefused)
        .with_url(&r.url)
        .with_status(r.status);
    }
    let kind = match r.status {
        401 | 403 => Kind::Auth,
        404 => Kind::NotFound,
        409 => Kind::Conflict,
        429 | 500..=599 => Kind::Network,
        _ => Kind::Failed,
    };
    let mut e = Error::new(kind, head)
        .with_fix(Fix::Status(r.status))
        .with_url(&r.url)
        .with_status(r.status);
    if !what.is_empty() {
        e = e.with_cause(what);
    }
    e
}

/// A JSON value made safe for the debug trace: the one redactor.
pub fn redact_value(v: &Value) -> Value {
    secrets::mask(v)
}

/// Where the `--debug` trace lines and the `--print-curl` commands go (the binary's printer).
/// Lines reach it redacted; showing them safely is the sink's job.
pub type Sink = Arc<dyn Fn(&str) + Send + Sync>;

/// Shared HTTP machinery.
#[derive(Clone)]
pub struct Http {
    /// For `http://` URLs (a sandbox, a port-forward, in-cluster services). Built without the
    /// system's certificates, whose loading costs milliseconds that plain HTTP never needs.
    plain: reqwest::Client,
    /// For `https://` URLs, built on first use.
    tls: Arc<OnceLock<Result<reqwest::Client, String>>>,
    transport: Arc<(Transport, Option<reqwest::Certificate>)>,
    trace: Option<Sink>,
    /// `--print-curl`: print each request as a curl command.
    curl: Option<Sink>,
    /// The gate every request passes: how many at once, how many a second.
    limiter: Option<Arc<crate::limiter::Limiter>>,
    /// Ctrl-C: once cancelled, no request is started or repeated and no wait goes on.
    cancel: CancellationToken,
    pub max_retries: u32,
    pub timeout: Duration,
}

/// Transport settings.
#[derive(Debug, Clone)]
pub struct Transport {
    pub timeout: Duration,
    pub ca_cert: Option<std::path::PathBuf>,
    pub insecure: bool,
}

impl Default for Transport {
    fn default() -> Self {
        Transport {
            timeout: Duration::from_secs(30),
            ca_cert: None,
            insecure: false,
        }
    }
}

impl Http {
    pub fn new(t: &Transport, trace: Option<Sink>) -> Result<Self, Error> {
        let mut ca = None;
        if let Some(path) = &t.ca_cert {
            let pem = ca_pem(path)?;
            let cert = reqwest::Certificate::from_pem(&pem).map_err(|e| {
                Error::usage(format!(
                    "`{}` is not a PEM certificate: {e}",
                    path.display()
                ))
            })?;
            ca = Some(cert);
        }
        let plain = Self::builder(t)
            .tls_built_in_root_certs(false)
            .build()
            .map_err(|e| Error::failed(format!("cannot set up HTTP: {e}")))?;
        Ok(Http {
            plain,
            tls: Arc::default(),
            transport: Arc::new((t.clone(), ca)),
            trace,
            curl: None,
            limiter: None,
            cancel: CancellationToken::new(),
            max_retries: 3,
            timeout: t.timeout,
        })
    }

    fn builder(t: &Transport) -> reqwest::ClientBuilder {
        reqwest::Client::builder()
            .use_rustls_tls()
            .timeout(t.timeout)
            .connect_timeout(t.timeout.min(Duration::from_secs(10)))
            .user_agent(concat!("cx2fa/", env!("CARGO_PKG_VERSION")))
            // No redirect is ever followed, on any scheme: reqwest strips `Authorization` on a
            // host change but not a form body (a password) or a custom header (`client-key`).
            // A redirect comes back as an error naming both addresses.
            .redirect(reqwest::redirect::Policy::none())
            .pool_max_idle_per_host(64)
            // `send` retries by its own rules (idempotent calls, Retry-After); reqwest's layer
            // would only add a copy of every request kept in case of an HTTP/2 refusal.
            .retry(reqwest::retry::never().max_retries_per_request(0))
    }

    /// The client for `url`: plain HTTP, or TLS with the system's certificates (plus `--ca-cert`).
    fn client_for(&self, url: &str) -> Result<&reqwest::Client, Error> {
        let is_http = url
            .get(..7)
            .is_some_and(|s| s.eq_ignore_ascii_case("http://"));
        if is_http {
            return Ok(&self.plain);
        }
        self.tls
            .get_or_init(|| {
                let (t, ca) = &*self.transport;
                let mut b = Self::builder(t);
                if let Some(cert) = ca {
                    b = b.add_root_certificate(cert.clone());
                }
                if t.insecure {
                    b = b.danger_accept_invalid_certs(true);
                }
                b.build().map_err(|e| e.to_string())
            })
            .as_ref()
            .map_err(|e| Error::failed(format!("cannot set up HTTPS: {e}")))
    }

    /// Sends every request through `limiter` (adaptive concurrency, `--rate`).
    pub fn with_limiter(mut self, limiter: Arc<crate::limiter::Limiter>) -> Self {
        self.limiter = Some(limiter);
        self
    }

    /// Stops with `cancel`: waits (for a permit, a `Retry-After`, a backoff) end at once,
    /// requests that are safe to repeat are abandoned in flight, and nothing is sent again.
    /// A request that may change something (a PUT, a POST) already on the wire is let finish,
    /// bounded by the timeout, so that its outcome is known and reported.
    pub fn with_cancel(mut self, cancel: CancellationToken) -> Self {
        self.cancel = cancel;
        self
    }

    /// The token that stops this client's requests.
    pub fn cancel_token(&self) -> &CancellationToken {
        &self.cancel
    }

    /// The limiter requests go through, for progress display.
    pub fn limiter(&self) -> Option<&crate::limiter::Limiter> {
        self.limiter.as_deref()
    }

    /// Prints every request as an equivalent curl command on `p`.
    pub fn print_curl(mut self, p: Sink) -> Self {
        self.curl = Some(p);
        self
    }

    fn trace_body(&self, body: &[u8]) -> String {
        match serde_json::from_slice::<Value>(body) {
            Ok(v) => redact_value(&v).to_string(),
            Err(_) => snippet(body),
        }
    }

    fn trace_request(&self, r: &Request, attempt: u32) {
        let Some(p) = &self.trace else { return };
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
        match &r.body {
            Body::Empty => {}
            Body::Json(v) => line.push_str(&format!(" {}", redact_value(v))),
            Body::Form(f) => {
                let shown: Vec<String> = f
                    .iter()
                    .map(|(k, v)| match v {
                        Secretish::Plain(s) if !secrets::is_secret_key(k) => format!("{k}={s}"),
                        _ => format!("{k}={}", secrets::MASK),
                    })
                    .collect();
                line.push_str(&format!(" form: {}", shown.join("&")));
            }
            Body::Multipart(parts) => {
                for (name, file, ctype, bytes) in parts {
                    let shown = if file.is_some() {
                        format!("<{} bytes>", bytes.len())
                    } else {
                        self.trace_body(bytes)
                    };
                    line.push_str(&format!(" part {name} ({ctype}): {shown}"));
                }
            }
        }
        p(&line);
    }

    fn build(&self, r: &Request) -> Result<reqwest::RequestBuilder, Error> {
        let mut b = self.client_for(&r.url)?.request(r.method.clone(), &r.url);
        for (k, v) in &r.headers {
            b = b.header(k, v);
        }
        if let Some(t) = &r.bearer {
            b = b.bearer_auth(t.expose());
        }
        b = match &r.body {
            Body::Empty => b,
            Body::Json(v) => b.json(v),
            Body::Form(f) => {
                let pairs: Vec<(&str, &str)> = f
                    .iter()
                    .map(|(k, v)| match v {
                        Secretish::Plain(s) => (k.as_str(), s.as_str()),
                        Secretish::Secret(s, _) => (k.as_str(), s.expose()),
                    })
                    .collect();
                b.form(&pairs)
            }
            Body::Multipart(parts) => {
                let mut form = reqwest::multipart::Form::new();
                for (name, file, ctype, bytes) in parts {
                    let mut part = reqwest::multipart::Part::bytes(bytes.clone())
                        .mime_str(ctype)
                        .map_err(|e| Error::failed(format!("bad content type `{ctype}`: {e}")))?;
                    if let Some(f) = file {
                        part = part.file_name(f.clone());
                    }
                    form = form.part(name.clone(), part);
                }
                b.multipart(form)
            }
        };
        Ok(b)
    }

    /// Sends `r`; answers of any status come back as [`Response`]; transport failures, and
    /// 429/5xx once retries are spent, as errors. Retries only when `r.retry`.
    pub async fn send(&self, r: Request) -> Result<Response, Error> {
        self.send_ref(&r).await
    }

    /// [`Http::send`] without giving up the request, for callers that may send it again.
    pub async fn send_ref(&self, r: &Request) -> Result<Response, Error> {
        if has_dot_segment(&r.url) {
            return Err(Error::failed(format!(
                "`{} {}` has a `.` or `..` path segment, which would reach another address than the one shown; not sent",
                r.method, r.url
            ))
            .with_url(&r.url));
        }
        let mut attempt = 0;
        let began = Instant::now();
        loop {
            attempt += 1;
            if self.cancel.is_cancelled() {
                return Err(Error::cancelled().with_url(&r.url));
            }
            self.trace_request(r, attempt);
            if let (Some(p), 1) = (&self.curl, attempt) {
                p(&curl_line(r));
            }
            let started = Instant::now();
            let permit = match &self.limiter {
                Some(l) => tokio::select! {
                    p = l.acquire(crate::limiter::route(r.method.as_str(), &r.url)) => Some(p),
                    _ = self.cancel.cancelled() => return Err(Error::cancelled().with_url(&r.url)),
                },
                None => None,
            };
            // Only a read is safe to abandon: a write (even an idempotent PUT, which is safe
            // to repeat) may be being applied now, and only its answer says whether it was.
            let result = if r.method == Method::GET {
                tokio::select! {
                    res = self.attempt(r, attempt) => res,
                    _ = self.cancel.cancelled() => return Err(Error::cancelled().with_url(&r.url)),
                }
            } else {
                self.attempt(r, attempt).await
            };
            // What the answer says about the server's load.
            if let Some(p) = permit {
                match &result {
                    Ok(resp) if resp.status == 429 || resp.status == 503 => p.overload(),
                    Ok(_) => p.answered(),
                    Err(Failure::Overloaded(_)) => p.overload(),
                    Err(_) => drop(p),
                }
            }
            if let Some(p) = &self.trace {
                match &result {
                    Ok(resp) => p(&format!(
                        "← {} {} {} ({} ms) {}",
                        resp.status,
                        r.method,
                        r.url,
                        started.elapsed().as_millis(),
                        self.trace_body(&resp.body)
                    )),
                    Err(Failure::Once(e) | Failure::Transient(e) | Failure::Overloaded(e)) => {
                        p(&format!("← {} {} failed: {}", r.method, r.url, e.message))
                    }
                }
            }
            let transient = match &result {
                Ok(resp) => resp.status == 429 || resp.status >= 500,
                Err(Failure::Transient(_) | Failure::Overloaded(_)) => true,
                Err(Failure::Once(_)) => false,
            };
            // A 429 means the server did not process the request (it refused it at the door),
            // so any method may be sent again once `Retry-After` has passed; other transient
            // failures only for requests marked safe to repeat.
            let refused = matches!(&result, Ok(resp) if resp.status == 429);
            // A timeout already spent the whole `--timeout` on this request: the server took
            // the connection and did not answer, and asking again would multiply the wait.
            let timed_out = matches!(&result, Err(Failure::Overloaded(_)));
            // The server's word on when to ask again, with a refusal or an error answer.
            let asked = match &result {
                Ok(resp) if transient => resp.retry_after,
                _ => None,
            };
            if let (Some(asked), Ok(resp)) = (asked, &result) {
                if asked > super::retry::MAX_WAIT {
                    return Err(wait_refused(resp, asked));
                }
                // The pause is for this client, not for this one request, whether or not this
                // request is sent again: no other request starts before it ends (they would
                // only be refused in turn).
                if let Some(l) = &self.limiter {
                    l.hold(asked);
                }
            }
            if !((r.retry || refused) && transient && attempt <= self.max_retries && !timed_out) {
                return match result {
                    Ok(resp) if resp.status == 429 || resp.status >= 500 => {
                        let mut e = status_error(&resp);
                        if attempt > 1 {
                            e = e.with_cause(format!("gave up after {attempt} attempts"));
                        }
                        Err(e)
                    }
                    // A redirect is never what a caller asked for (see `builder`).
                    Ok(resp) if (300..400).contains(&resp.status) => Err(status_error(&resp)),
                    Ok(resp) => Ok(resp),
                    Err(Failure::Overloaded(e)) => Err(waited(e, began)),
                    Err(Failure::Once(e) | Failure::Transient(e)) => Err(e),
                };
            }
            let wait = asked.unwrap_or_else(|| backoff(attempt));
            tokio::select! {
                _ = tokio::time::sleep(wait) => {}
                _ = self.cancel.cancelled() => return Err(Error::cancelled().with_url(&r.url)),
            }
        }
    }

    /// One try of `r`: the answer of any status, its body read up to `r.max_body`.
    async fn attempt(&self, r: &Request, attempt: u32) -> Result<Response, Failure> {
        let transport = |e: reqwest::Error| {
            // A timeout is the server's load speaking, as a 429 or a 503 is.
            let overloaded = e.is_timeout();
            let e = transport_error(r, e, self.timeout);
            if overloaded {
                Failure::Overloaded(e)
            } else {
                Failure::Transient(e)
            }
        };
        let mut resp = self
            .build(r)
            .map_err(Failure::Once)?
            .send()
            .await
            .map_err(transport)?;
        let status = resp.status().as_u16();
        let header = |name| {
            resp.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let retry_after = header(reqwest::header::RETRY_AFTER)
            .map(|v| super::retry::retry_after(&v, std::time::SystemTime::now()));
        let date = header(reqwest::header::DATE);
        let location = header(reqwest::header::LOCATION);
        let too_big = || {
            Failure::Once(
                Error::network(format!(
                    "`{} {}` answered more than {} MiB; refused",
                    r.method,
                    r.url,
                    r.max_body >> 20
                ))
                .with_fix(Fix::NotTheApi)
                .with_url(&r.url),
            )
        };
        if resp.content_length().is_some_and(|n| n > r.max_body as u64) {
            return Err(too_big());
        }
        let mut body = bytes::BytesMut::new();
        while let Some(chunk) = resp.chunk().await.map_err(transport)? {
            if body.len() + chunk.len() > r.max_body {
                return Err(too_big());
            }
            body.extend_from_slice(&chunk);
        }
        Ok(Response {
            method: r.method.clone(),
            url: r.url.clone(),
            status,
            body: body.freeze(),
            retry_after,
            attempts: attempt,
            date,
            location,
        })
    }
}

/// Whether `url`'s path holds a `.` or `..` segment, written out or percent-encoded (`%2e`,
/// which URL parsing reads as a dot too): parsing removes such segments, so the request would
/// go to another path than the one cx2fa shows in errors, `--debug` and `--print-curl`.
/// Encoding cannot help: `%2E%2E` is `..` to the parser as well.
pub fn has_dot_segment(url: &str) -> bool {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let Some(start) = rest.find(['/', '\\']) else {
        return false;
    };
    let path = rest[start..].split(['?', '#']).next().unwrap_or("");
    path.split(['/', '\\']).any(|seg| {
        let s = seg.to_ascii_lowercase().replace("%2e", ".");
        s == "." || s == ".."
    })
}

/// A `Retry-After` longer than cx2fa waits: the server's answer, with when to come back.
fn wait_refused(resp: &Response, asked: Duration) -> Error {
    status_error(resp)
        .with_cause(format!(
            "the server asked to wait {} s before asking again (Retry-After); cx2fa waits at most {} s",
            asked.as_secs(),
            super::retry::MAX_WAIT.as_secs()
        ))
        .with_fix(Fix::ComeBackLater {
            seconds: asked.as_secs(),
        })
}

/// A timeout's error with the whole wait, which may be longer than one `--timeout`.
fn waited(e: Error, began: Instant) -> Error {
    e.with_cause(format!(
        "waited {:.0} s in all for this request",
        began.elapsed().as_secs_f64()
    ))
}

/// A failed try: worth repeating (a dropped connection, a timeout) or not (a body over its cap,
/// a request that cannot be built).
enum Failure {
    Transient(Error),
    /// Transient, and a sign of overload (a timeout).
    Overloaded(Error),
    Once(Error),
}

/// Reads `--ca-cert`: a PEM file holding at least one certificate. An empty file, a private
/// key or anything else is refused by name, never trusted as nothing.
pub fn ca_pem(path: &std::path::Path) -> Result<Vec<u8>, Error> {
    let name = path.display().to_string();
    let pem = crate::input::read_all(&name, "--ca-cert", 1 << 20)?;
    let mut certs = 0;
    let mut keys = 0;
    for item in rustls_pemfile::read_all(&mut pem.as_slice()) {
        match item {
            Ok(rustls_pemfile::Item::X509Certificate(_)) => certs += 1,
            Ok(
                rustls_pemfile::Item::Pkcs1Key(_)
                | rustls_pemfile::Item::Pkcs8Key(_)
                | rustls_pemfile::Item::Sec1Key(_),
            ) => keys += 1,
            Ok(_) => {}
            Err(e) => {
                return Err(Error::usage(format!(
                    "`--ca-cert {name}` is not a PEM file: {e:?}"
                )))
            }
        }
    }
    if certs == 0 {
        let what = if keys > 0 {
            "holds a private key, not a certificate"
        } else {
            "holds no PEM certificate"
        };
        return Err(
            Error::usage(format!("`--ca-cert {name}` {what}")).with_fix(Fix::PemCertificate)
        );
    }
    if keys > 0 {
        return Err(Error::usage(format!(
            "`--ca-cert {name}` also holds a private key; pass a file with the certificate only"
        )));
    }
    Ok(pem)
}

/// Single-quotes `s` for a POSIX shell: every character stands for itself inside single
/// quotes except `'`, written as `'\''`. Nothing a value holds (`$()`, backticks, newlines,
/// private-use characters) can end the quoting.
pub fn sq(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

/// `s` as a shell word: bare when every character is one a shell gives no meaning to,
/// single-quoted otherwise.
fn shell_text(s: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "_./:=@%+,-".contains(c);
    if !s.is_empty() && s.chars().all(plain) {
        s.to_string()
    } else {
        sq(s)
    }
}

/// One piece of a shell word: text that stands for itself, or a variable the shell expands.
enum Piece {
    Text(String),
    Var(String),
}

/// A shell word from pieces: text single-quoted, variables double-quoted (`"$VAR"`), side by
/// side so that the shell joins them into one argument.
fn word(pieces: &[Piece]) -> String {
    let mut out = String::new();
    let mut text = String::new();
    for p in pieces {
        match p {
            Piece::Text(t) => text.push_str(t),
            Piece::Var(v) => {
                if !text.is_empty() {
                    out.push_str(&shell_text(&std::mem::take(&mut text)));
                }
                out.push_str(&format!("\"${v}\""));
            }
        }
    }
    if !text.is_empty() || out.is_empty() {
        out.push_str(&shell_text(&text));
    }
    out
}

/// The environment variable a secret under `key` is referred to by in `--print-curl` output.
/// The names are made of `[A-Z0-9_]` only, whatever the key.
fn env_ref(key: &str) -> String {
    match key {
        "client-key" => crate::env::RSA_CLIENT_KEY.into(),
        cx2fa_platform::contract::sandbox::TOKEN_HEADER => crate::env::SANDBOX_TOKEN.into(),
        other => format!(
            "CX2FA_SECRET_{}",
            other
                .to_uppercase()
                .replace(|c: char| !c.is_ascii_alphanumeric(), "_")
        ),
    }
}

/// The `--print-curl` line of `r`. The administrator's token request sets `$CX2FA_TOKEN` from
/// its answer, so that the printed commands run as they are, in order: the later ones send
/// `Authorization: Bearer "$CX2FA_TOKEN"`, which a password login would otherwise never set.
/// Which request that is, the request says ([`Request::exports_token`]), not its URL: an
/// agent's login in a realm named `master` must not replace the administrator's token.
pub fn curl_line(r: &Request) -> String {
    let cmd = curl_command(r);
    if r.exports_token {
        format!(
            "export {}=\"$({cmd} | sed -n 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/p')\"",
            crate::env::TOKEN
        )
    } else {
        cmd
    }
}

/// JSON as shell-word pieces, with every value under a secret key replaced by a variable.
fn json_pieces(v: &Value, out: &mut Vec<Piece>) {
    let text = |out: &mut Vec<Piece>, t: String| out.push(Piece::Text(t));
    match v {
        Value::Object(map) => {
            text(out, "{".into());
            for (i, (k, val)) in map.iter().enumerate() {
                if i > 0 {
                    text(out, ",".into());
                }
                text(out, format!("{}:", Value::String(k.clone())));
                let secret = secrets::is_secret_field(map, k);
                match val {
                    Value::Null => text(out, "null".into()),
                    Value::String(s) if s.is_empty() => text(out, "\"\"".into()),
                    Value::Array(items) if secret => {
                        text(out, "[".into());
                        for j in 0..items.len() {
                            if j > 0 {
                                text(out, ",".into());
                            }
                            text(out, "\"".into());
                            out.push(Piece::Var(env_ref(k)));
                            text(out, "\"".into());
                        }
                        text(out, "]".into());
                    }
                    _ if secret => {
                        text(out, "\"".into());
                        out.push(Piece::Var(env_ref(k)));
                        text(out, "\"".into());
                    }
                    other => json_pieces(other, out),
                }
            }
            text(out, "}".into());
        }
        Value::Array(items) => {
            text(out, "[".into());
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    text(out, ",".into());
                }
                json_pieces(item, out);
            }
            text(out, "]".into());
        }
        other => text(out, other.to_string()),
    }
}

/// An equivalent curl command, built from the request's structure: every value single-quoted,
/// every secret a variable reference (`"$CX2FA_TOKEN"`), never the secret itself.
pub fn curl_command(r: &Request) -> String {
    let t = |s: &str| Piece::Text(s.to_string());
    let mut words: Vec<Vec<Piece>> = vec![
        vec![t("curl")],
        vec![t("-sS")],
        vec![t("-X")],
        vec![t(r.method.as_str())],
        vec![Piece::Text(
            secrets::mask_url_password(&r.url).unwrap_or_else(|| r.url.clone()),
        )],
    ];
    if r.bearer.is_some() {
        words.push(vec![t("-H")]);
        words.push(vec![
            t("Authorization: Bearer "),
            Piece::Var(crate::env::TOKEN.into()),
        ]);
    }
    for (k, v) in &r.headers {
        words.push(vec![t("-H")]);
        words.push(if secrets::is_secret_key(k) {
            vec![Piece::Text(format!("{k}: ")), Piece::Var(env_ref(k))]
        } else {
            vec![Piece::Text(format!("{k}: {v}"))]
        });
    }
    match &r.body {
        Body::Empty => {}
        Body::Json(v) => {
            words.push(vec![t("-H")]);
            words.push(vec![t("Content-Type: application/json")]);
            words.push(vec![t("--data-raw")]);
            let mut pieces = vec![];
            json_pieces(v, &mut pieces);
            words.push(pieces);
        }
        Body::Form(f) => {
            for (k, v) in f {
                words.push(vec![t("--data-urlencode")]);
                words.push(match v {
                    Secretish::Plain(s) if !secrets::is_secret_key(k) => {
                        vec![Piece::Text(format!("{k}={s}"))]
                    }
                    Secretish::Secret(_, var) => {
                        vec![Piece::Text(format!("{k}=")), Piece::Var(var.to_string())]
                    }
                    Secretish::Plain(_) => {
                        vec![Piece::Text(format!("{k}=")), Piece::Var(env_ref(k))]
                    }
                });
            }
        }
        Body::Multipart(parts) => {
            for (name, file, _, bytes) in parts {
                words.push(vec![t("-F")]);
                words.push(match file {
                    Some(f) => vec![Piece::Text(format!("{name}=@{f}"))],
                    None => match serde_json::from_slice::<Value>(bytes) {
                        Ok(v) => {
                            let mut pieces = vec![Piece::Text(format!("{name}="))];
                            json_pieces(&v, &mut pieces);
                            pieces
                        }
                        Err(_) => vec![Piece::Text(format!("{name}=<{} bytes>", bytes.len()))],
                    },
                });
            }
        }
    }
    words.iter().map(|w| word(w)).collect::<Vec<_>>().join(" ")
}

/// Exponential backoff with jitter: ~100 ms, 200 ms, 400 ms …, capped at 5 s.
pub fn backoff(attempt: u32) -> Duration {
    let base = 100u64.saturating_mul(1 << attempt.saturating_sub(1).min(6));
    let jitter = rand::random::<u64>() % (base / 2 + 1);
    Duration::from_millis((base + jitter).min(5_000))
}

/// Whether a transport error is TLS's: a `rustls::Error` somewhere in its chain of causes.
/// The connector wraps it in `io::Error`s (two deep with reqwest 0.12), whose `source()` skips
/// the error they wrap, so those are opened with `get_ref()`.
fn is_tls(e: &reqwest::Error) -> bool {
    let mut next: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(inner) = next {
        if inner.downcast_ref::<rustls::Error>().is_some() {
            return true;
        }
        next = match inner.downcast_ref::<std::io::Error>() {
            Some(io) => io
                .get_ref()
                .map(|i| i as &(dyn std::error::Error + 'static)),
            None => inner.source(),
        };
    }
    false
}

fn transport_error(r: &Request, e: reqwest::Error, timeout: Duration) -> Error {
    let full = {
        let mut s = e.to_string();
        let mut src = std::error::Error::source(&e);
        while let Some(inner) = src {
            s.push_str(&format!(": {inner}"));
            src = inner.source();
        }
        s
    };
    let url = &r.url;
    let e2 = if e.is_timeout() {
        Error::network(format!(
            "`{} {url}`: no answer within {} s",
            r.method,
            timeout.as_secs()
        ))
        .with_fix(Fix::Timeout)
    } else if is_tls(&e) {
        Error::network(format!("TLS failed for `{url}`"))
            .with_cause(full.clone())
            .with_fix(Fix::TrustCa)
    } else if e.is_connect() {
        Error::network(format!("cannot reach `{url}`"))
            .with_cause(full.clone())
            .with_fix(Fix::Unreachable)
    } else {
        Error::network(format!("`{} {url}` failed: the connection broke", r.method))
            .with_cause(full.clone())
            .with_fix(Fix::ConnectionBroke)
    };
    e2.with_url(url)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn server_message_prefers_the_platform_fields() {
        assert_eq!(
            server_message(br#"{"error_message":"bad","error_detail":"x"}"#),
            "bad: x"
        );
        assert_eq!(
            server_message(
                br#"{"error":"invalid_grant","error_description":"Invalid user credentials"}"#
            ),
            "Invalid user credentials"
        );
        assert_eq!(server_message(b"<html>502</html>"), "<html>502</html>");
    }

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
    fn curl_commands_refer_to_secrets_by_variable() {
        let mut r = Request::post("https://x/token");
        r.body = Body::Form(vec![
            ("username".into(), Secretish::Plain("admin".into())),
            (
                "password".into(),
                Secretish::Secret(Secret::new("pw"), crate::env::PASSWORD),
            ),
        ]);
        assert_eq!(curl_command(&r), "curl -sS -X POST https://x/token --data-urlencode username=admin --data-urlencode password=\"$CX2FA_PASSWORD\"");
        let r = Request::post("https://x/a")
            .header("client-key", "k")
            .json(json!({"a": "it's", "otpCode": "123456", "otpSecret": ["JBSWY3DP"]}))
            .bearer(Secret::new("t"));
        let c = curl_command(&r);
        assert!(
            c.contains("'Authorization: Bearer '\"$CX2FA_TOKEN\"")
                && c.contains("'client-key: '\"$CX2FA_RSA_CLIENT_KEY\""),
            "{c}"
        );
        assert!(
            c.contains(r#"'{"a":"it'\''s","otpCode":"'"$CX2FA_SECRET_OTPCODE"'","otpSecret":["'"$CX2FA_SECRET_OTPSECRET"'"]}'"#),
            "{c}"
        );
        assert!(!c.contains("123456") && !c.contains("JBSWY3DP") && !c.contains("'k'"));
    }

    /// Pastes the command into bash with `curl` replaced by a function that prints its
    /// arguments: hostile values come back as the very arguments they were, and run nothing.
    #[test]
    fn curl_commands_quote_hostile_values() {
        let dir = tempfile::tempdir().unwrap();
        let marker = dir.path().join("pwned");
        let m = marker.display();
        let hostile = [
            format!("Bob\u{e000}$(touch {m})\u{e000}"),
            format!("`touch {m}`"),
            format!("'; touch {m}; echo '"),
            format!("\"$(touch {m})\""),
            format!("line1\nline2 $(touch {m})"),
            "back\\slash \\' \\\" $HOME ${HOME} !!".into(),
        ];
        for value in hostile {
            let r = Request::new(Method::PUT, format!("https://x/u?q={value}"))
                .header("X-Note", &value)
                .json(json!({"firstName": value, "password": "p", "attributes": {"otpSecret": [value]}}));
            let cmd = curl_command(&r);
            let out = std::process::Command::new("bash")
                .arg("-c")
                .arg(format!(
                    "curl() {{ printf '%s\\0' \"$@\"; }}; CX2FA_SECRET_PASSWORD=P CX2FA_SECRET_OTPSECRET=S; {cmd}"
                ))
                .output()
                .unwrap();
            assert!(out.status.success(), "{cmd}");
            assert!(!marker.exists(), "pasting ran a command: {cmd}");
            let args: Vec<String> = String::from_utf8(out.stdout)
                .unwrap()
                .split('\0')
                .map(str::to_string)
                .collect();
            assert_eq!(args[3], format!("https://x/u?q={value}"));
            assert_eq!(args[5], format!("X-Note: {value}"));
            let body: Value = serde_json::from_str(&args[9]).unwrap();
            assert_eq!(
                body,
                json!({"firstName": value, "password": "P", "attributes": {"otpSecret": ["S"]}})
            );
        }
    }

    /// Why a dot segment is refused rather than encoded: URL parsing (WHATWG, as reqwest's
    /// `url` does it) reads `%2E%2E` as `..` and removes it with the segment before it.
    #[test]
    fn encoded_dot_segments_are_still_removed_by_url_parsing() {
        let u = url::Url::parse("https://h/admin/realms/%2E%2E/users").unwrap();
        assert_eq!(u.path(), "/admin/users");
    }

    #[test]
    fn dot_segments_are_found_however_written() {
        for u in [
            "https://h/auth/admin/realms/../users",
            "https://h/auth/admin/realms/./users",
            "https://h/auth/admin/realms/%2E%2e/users",
            "https://h/auth/admin/realms/.%2E",
            "http://h/a\\..\\b",
        ] {
            assert!(has_dot_segment(u), "{u}");
        }
        for u in [
            "https://h/auth/admin/realms/t1/users?q=..",
            "https://h/auth/admin/realms/a..b/users",
            "https://h.example.test/",
            "https://h",
        ] {
            assert!(!has_dot_segment(u), "{u}");
        }
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        assert!(backoff(1) < Duration::from_millis(200));
        assert!(backoff(10) <= Duration::from_secs(5));
    }
}

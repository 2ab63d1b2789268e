//! The HTTP core every client uses: timeouts, retries for idempotent calls, errors that name
//! the method and URL, and a `--debug` trace with secrets redacted.

use super::secret::Secret;
use crate::error::{Error, Kind};
use crate::output::Printer;
use crate::settings::secrets;
use reqwest::Method;
use serde_json::Value;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

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
    Secret(Secret),
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
}

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
        }
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
    pub retry_after: Option<u64>,
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
            Error::network(format!("{} {} answered {} with a body that is not JSON: {e}", self.method, self.url, self.status))
                .with_cause(snippet(&self.body))
                .with_hint("the URL may point at a proxy or a different service; check `--url` and run with `--debug`")
                .with_url(&self.url)
                .with_status(self.status)
        })
    }
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// The first few hundred bytes of a body, for messages.
pub fn snippet(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let text = text.trim();
    let mut end = text.len().min(300);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if end < text.len() {
        format!("{}…", &text[..end])
    } else {
        text.to_string()
    }
}

/// The server's own explanation: `error_message` (platform), `error_description` (Keycloak),
/// `message` (OTP manager), else the body's start.
pub fn server_message(body: &[u8]) -> String {
    if let Ok(v) = serde_json::from_slice::<Value>(body) {
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
        if let Some(d) = v.get("error_detail") {
            parts.push(
                d.as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| d.to_string()),
            );
        }
        if !parts.is_empty() {
            return parts.join(": ");
        }
    }
    snippet(body)
}

/// Maps a non-success answer to an error with its exit code and a hint.
pub fn status_error(r: &Response) -> Error {
    let what = server_message(&r.body);
    let head = format!("`{} {}` answered {}", r.method, r.url, r.status);
    if let (300..=399, Some(to)) = (r.status, &r.location) {
        // Not followed: a credential-bearing call should go where it was pointed, and a
        // redirect (usually http → https at the ingress) means the configured URL is stale.
        return Error::new(Kind::Failed, format!("{head}, a redirect to `{to}`"))
            .with_hint("use the address it redirects to (e.g. `--url https://…`)")
            .with_url(&r.url)
            .with_status(r.status);
    }
    let (kind, hint) = match r.status {
        401 => (Kind::Auth, "the token is missing, expired or the credentials are wrong; check `CX2FA_USERNAME`/`CX2FA_PASSWORD` or run `cx2fa auth login`"),
        403 => (Kind::Auth, "the account is not allowed to do this; use a master-realm admin"),
        404 => (Kind::NotFound, "check the name and `--url`; a proxy answering 404 usually means a wrong path prefix"),
        409 => (Kind::Conflict, "it already exists or was changed concurrently; re-read and try again"),
        429 => (Kind::Network, "the server is rate-limiting; wait and retry, or lower `--concurrency`"),
        500..=599 => (Kind::Network, "the server failed; retry later, and check the service's logs"),
        _ => (Kind::Failed, "the server refused the request; the message above says why"),
    };
    let mut e = Error::new(kind, head)
        .with_hint(hint)
        .with_url(&r.url)
        .with_status(r.status);
    if !what.is_empty() {
        e = e.with_cause(what);
    }
    e
}

/// Keys whose values the debug trace hides beyond the tenant document's secrets.
const LOG_SECRET_KEYS: &[&str] = &[
    "otpCode",
    "code",
    "passcode",
    "client_secret",
    "password",
    "refresh_token",
    "access_token",
];

/// A JSON value made safe for the debug trace.
pub fn redact_value(v: &Value) -> Value {
    let mut v = secrets::mask(v);
    fn walk(v: &mut Value) {
        match v {
            Value::Object(m) => {
                let is_input = m.get("name").and_then(Value::as_str) == Some("SECURID");
                for (k, val) in m.iter_mut() {
                    if (LOG_SECRET_KEYS.contains(&k.as_str()) || (is_input && k == "value"))
                        && val.is_string()
                    {
                        *val = Value::String(secrets::MASK.into());
                    } else {
                        walk(val);
                    }
                }
            }
            Value::Array(a) => a.iter_mut().for_each(walk),
            _ => {}
        }
    }
    walk(&mut v);
    v
}

/// Shared HTTP machinery.
#[derive(Clone)]
pub struct Http {
    /// For `http://` URLs (a sandbox, a port-forward, in-cluster services). Built without the
    /// system's certificates, whose loading costs milliseconds that plain HTTP never needs.
    plain: reqwest::Client,
    /// For `https://` URLs, built on first use.
    tls: Arc<OnceLock<Result<reqwest::Client, String>>>,
    transport: Arc<(Transport, Option<reqwest::Certificate>)>,
    trace: Option<Printer>,
    /// `--print-curl`: print each request as a curl command.
    curl: Option<Printer>,
    /// Strings never to show in the trace (passwords typed or read from the environment).
    known_secrets: Arc<Mutex<Vec<String>>>,
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
    pub fn new(t: &Transport, trace: Option<Printer>) -> Result<Self, Error> {
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
        // A redirect to https is handed back (and reported) rather than followed without the
        // certificates to check it.
        let stay_plain = reqwest::redirect::Policy::custom(|a| {
            if a.url().scheme() != "http" {
                a.stop()
            } else if a.previous().len() >= 10 {
                a.error("too many redirects")
            } else {
                a.follow()
            }
        });
        let plain = Self::builder(t)
            .tls_built_in_root_certs(false)
            .redirect(stay_plain)
            .build()
            .map_err(|e| Error::failed(format!("cannot set up HTTP: {e}")))?;
        Ok(Http {
            plain,
            tls: Arc::default(),
            transport: Arc::new((t.clone(), ca)),
            trace,
            curl: None,
            known_secrets: Arc::default(),
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

    /// Prints every request as an equivalent curl command on `p`.
    pub fn print_curl(mut self, p: Printer) -> Self {
        self.curl = Some(p);
        self
    }

    /// Registers a string that must never appear in the trace.
    pub fn forget(&self, secret: &str) {
        if secret.len() >= 3 {
            self.known_secrets
                .lock()
                .expect("lock")
                .push(secret.to_string());
        }
    }

    fn scrub(&self, text: &str) -> String {
        let mut t = text.to_string();
        for s in self.known_secrets.lock().expect("lock").iter() {
            t = t.replace(s.as_str(), secrets::MASK);
        }
        t
    }

    fn trace_body(&self, body: &[u8]) -> String {
        match serde_json::from_slice::<Value>(body) {
            Ok(v) => self.scrub(&redact_value(&v).to_string()),
            Err(_) => self.scrub(&snippet(body)),
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
            Body::Json(v) => {
                line.push_str(&format!(" {}", self.scrub(&redact_value(v).to_string())))
            }
            Body::Form(f) => {
                let shown: Vec<String> = f
                    .iter()
                    .map(|(k, v)| match v {
                        Secretish::Plain(s) if !LOG_SECRET_KEYS.contains(&k.as_str()) => {
                            format!("{k}={s}")
                        }
                        _ => format!("{k}={}", secrets::MASK),
                    })
                    .collect();
                line.push_str(&format!(" form: {}", self.scrub(&shown.join("&"))));
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
        p.debug(line);
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
                        Secretish::Secret(s) => (k.as_str(), s.expose()),
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
        let mut attempt = 0;
        loop {
            attempt += 1;
            self.trace_request(r, attempt);
            if let (Some(p), 1) = (&self.curl, attempt) {
                p.status(self.scrub(&curl_command(r)));
            }
            let started = Instant::now();
            let result = async {
                let resp = self
                    .build(r)?
                    .send()
                    .await
                    .map_err(|e| transport_error(r, e, self.timeout))?;
                let status = resp.status().as_u16();
                let retry_after = resp
                    .headers()
                    .get(reqwest::header::RETRY_AFTER)
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.trim().parse::<u64>().ok());
                let header = |name| {
                    resp.headers()
                        .get(name)
                        .and_then(|v| v.to_str().ok())
                        .map(str::to_string)
                };
                let date = header(reqwest::header::DATE);
                let location = header(reqwest::header::LOCATION);
                let body = resp
                    .bytes()
                    .await
                    .map_err(|e| transport_error(r, e, self.timeout))?;
                Ok::<_, Error>(Response {
                    method: r.method.clone(),
                    url: r.url.clone(),
                    status,
                    body,
                    retry_after,
                    attempts: attempt,
                    date,
                    location,
                })
            }
            .await;
            if let Some(p) = &self.trace {
                match &result {
                    Ok(resp) => p.debug(format!(
                        "← {} {} {} ({} ms) {}",
                        resp.status,
                        r.method,
                        r.url,
                        started.elapsed().as_millis(),
                        self.trace_body(&resp.body)
                    )),
                    Err(e) => p.debug(format!("← {} {} failed: {}", r.method, r.url, e.message)),
                }
            }
            let transient = match &result {
                Ok(resp) => resp.status == 429 || resp.status >= 500,
                Err(e) => e.kind == Kind::Network,
            };
            if !(r.retry && transient && attempt <= self.max_retries) {
                return match result {
                    Ok(mut resp) => {
                        resp.attempts = attempt;
                        if resp.status == 429 || resp.status >= 500 {
                            let mut e = status_error(&resp);
                            if attempt > 1 {
                                e = e.with_cause(format!("gave up after {attempt} attempts"));
                            }
                            return Err(e);
                        }
                        Ok(resp)
                    }
                    Err(e) => Err(e),
                };
            }
            let wait = match &result {
                Ok(resp) => resp.retry_after.map(|s| Duration::from_secs(s.min(30))),
                Err(_) => None,
            }
            .unwrap_or_else(|| backoff(attempt));
            tokio::time::sleep(wait).await;
        }
    }
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
        return Err(Error::usage(format!("`--ca-cert {name}` {what}"))
            .with_hint("pass the deployment's CA certificate (`-----BEGIN CERTIFICATE-----`)"));
    }
    if keys > 0 {
        return Err(Error::usage(format!(
            "`--ca-cert {name}` also holds a private key; pass a file with the certificate only"
        )));
    }
    Ok(pem)
}

/// Single-quotes `s` for a POSIX shell.
fn sq(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

/// The environment variable a secret field is referred to by in `--print-curl` output.
fn env_ref(key: &str) -> String {
    match key {
        "password" => "$CX2FA_PASSWORD".into(),
        "client_secret" => "$CX2FA_CLIENT_SECRET".into(),
        "refresh_token" => "$CX2FA_REFRESH_TOKEN".into(),
        "client-key" => "$CX2FA_RSA_CLIENT_KEY".into(),
        other => format!(
            "$CX2FA_SECRET_{}",
            other
                .to_uppercase()
                .replace(|c: char| !c.is_ascii_alphanumeric(), "_")
        ),
    }
}

/// JSON with secret strings replaced by `"$VAR"` references, quoted for the shell.
fn json_for_shell(v: &Value) -> String {
    // A private-use character: JSON leaves it unescaped, and no real value holds it.
    const MARK: &str = "\u{E000}";
    fn walk(v: &mut Value) {
        match v {
            Value::Object(m) => {
                let is_input = m.get("name").and_then(Value::as_str) == Some("SECURID");
                for (k, val) in m.iter_mut() {
                    let secret = secrets::is_secret_key(k)
                        || LOG_SECRET_KEYS.contains(&k.as_str())
                        || (is_input && k == "value");
                    match val {
                        Value::String(s) if secret && !s.is_empty() => {
                            *s = format!("{MARK}{}{MARK}", env_ref(k))
                        }
                        other => walk(other),
                    }
                }
            }
            Value::Array(a) => a.iter_mut().for_each(walk),
            _ => {}
        }
    }
    let mut v = v.clone();
    walk(&mut v);
    let text = v.to_string();
    // Outside the markers: single-quoted; inside: a double-quoted variable reference.
    text.split(MARK)
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 0 {
                sq(part)
            } else {
                format!("\"{part}\"")
            }
        })
        .collect()
}

/// An equivalent curl command, secrets as environment-variable references.
pub fn curl_command(r: &Request) -> String {
    let mut c = vec![
        "curl".to_string(),
        "-sS".into(),
        "-X".into(),
        r.method.to_string(),
        sq(&r.url),
    ];
    if r.bearer.is_some() {
        c.push("-H".into());
        c.push("\"Authorization: Bearer $CX2FA_TOKEN\"".into());
    }
    for (k, v) in &r.headers {
        c.push("-H".into());
        c.push(if secrets::is_secret_key(k) {
            format!("\"{k}: {}\"", env_ref(k))
        } else {
            sq(&format!("{k}: {v}"))
        });
    }
    match &r.body {
        Body::Empty => {}
        Body::Json(v) => {
            c.push("-H".into());
            c.push(sq("Content-Type: application/json"));
            c.push("--data-raw".into());
            c.push(json_for_shell(v));
        }
        Body::Form(f) => {
            for (k, v) in f {
                c.push("--data-urlencode".into());
                c.push(match v {
                    Secretish::Plain(s) if !LOG_SECRET_KEYS.contains(&k.as_str()) => {
                        sq(&format!("{k}={s}"))
                    }
                    _ => format!("\"{k}={}\"", env_ref(k)),
                });
            }
        }
        Body::Multipart(parts) => {
            for (name, file, _, bytes) in parts {
                c.push("-F".into());
                c.push(match file {
                    Some(f) => sq(&format!("{name}=@{f}")),
                    None => match serde_json::from_slice::<Value>(bytes) {
                        Ok(v) => format!("{}{}", sq(&format!("{name}=")), json_for_shell(&v)),
                        Err(_) => sq(&format!("{name}=<{} bytes>", bytes.len())),
                    },
                });
            }
        }
    }
    c.join(" ")
}

/// Exponential backoff with jitter: ~100 ms, 200 ms, 400 ms …, capped at 5 s.
pub fn backoff(attempt: u32) -> Duration {
    let base = 100u64.saturating_mul(1 << attempt.saturating_sub(1).min(6));
    let jitter = rand::random::<u64>() % (base / 2 + 1);
    Duration::from_millis((base + jitter).min(5_000))
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
    let lower = full.to_lowercase();
    let url = &r.url;
    let e2 = if e.is_timeout() {
        Error::network(format!(
            "`{} {url}` timed out after {} s",
            r.method,
            timeout.as_secs()
        ))
        .with_hint("the server is slow or unreachable; raise `--timeout` or check the network")
    } else if lower.contains("certificate") || lower.contains("tls") || lower.contains("handshake")
    {
        Error::network(format!("TLS failed for `{url}`"))
            .with_cause(full.clone())
            .with_hint(
                "pass the deployment's CA with `--ca-cert FILE` (or `ca_cert` in the profile)",
            )
    } else if e.is_connect() {
        Error::network(format!("cannot reach `{url}`"))
            .with_cause(full.clone())
            .with_hint("check `--url` and that the service is running; in-cluster URLs need a port-forward and an override")
    } else {
        Error::network(format!("`{} {url}` failed: the connection broke", r.method))
            .with_cause(full.clone())
            .with_hint("retry; if it persists, check proxies between you and the deployment")
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
            ("password".into(), Secretish::Secret(Secret::new("pw"))),
        ]);
        assert_eq!(curl_command(&r), "curl -sS -X POST 'https://x/token' --data-urlencode 'username=admin' --data-urlencode \"password=$CX2FA_PASSWORD\"");
        let r = Request::post("https://x/a")
            .header("client-key", "k")
            .json(json!({"a": "it's", "otpCode": "123456"}))
            .bearer(Secret::new("t"));
        let c = curl_command(&r);
        assert!(
            c.contains("\"Authorization: Bearer $CX2FA_TOKEN\"")
                && c.contains("\"client-key: $CX2FA_RSA_CLIENT_KEY\""),
            "{c}"
        );
        assert!(
            c.contains(r#"'{"a":"it'\''s","otpCode":"'"$CX2FA_SECRET_OTPCODE"'"}'"#),
            "{c}"
        );
        assert!(!c.contains("123456") && !c.contains(" t\"") && !c.contains("'k'"));
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        assert!(backoff(1) < Duration::from_millis(200));
        assert!(backoff(10) <= Duration::from_secs(5));
    }
}

//! What goes wrong on the wire, typed and with its sources ([`TransportError`], turned into
//! core's [`Error`] by one `From`), and what a server's error answer says ([`status_error`],
//! [`server_message`]).

use super::request::Response;
use super::tls::CaError;
use crate::error::{Error, Fix, Kind};
use crate::settings::secrets;
use cx2fa_platform::fields::error_body as field;
use reqwest::Method;
use serde_json::Value;
use std::sync::Arc;
use std::time::Duration;

/// A request that failed before it had an answer, or whose answer could not be taken.
#[derive(Debug, thiserror::Error)]
pub enum TransportError {
    /// The URL has a `.` or `..` segment (see [`super::has_dot_segment`]).
    #[error("`{method} {url}` has a `.` or `..` path segment, which would reach another address than the one shown; not sent")]
    DotSegment { method: Method, url: String },
    #[error("`{method} {url}`: no answer within {} s", .timeout.as_secs())]
    Timeout {
        method: Method,
        url: String,
        timeout: Duration,
        #[source]
        source: reqwest::Error,
    },
    #[error("TLS failed for `{url}`")]
    Tls {
        url: String,
        #[source]
        source: reqwest::Error,
    },
    #[error("cannot reach `{url}`")]
    Unreachable {
        url: String,
        #[source]
        source: reqwest::Error,
    },
    #[error("`{method} {url}` failed: the connection broke")]
    ConnectionBroke {
        method: Method,
        url: String,
        #[source]
        source: reqwest::Error,
    },
    /// The answer is longer than the request's `max_body`.
    #[error("`{method} {url}` answered more than {} MiB; refused", .max_body >> 20)]
    TooLarge {
        method: Method,
        url: String,
        max_body: usize,
    },
    #[error("{method} {url} answered {status} with a body that is not JSON: {source}")]
    NotJson {
        method: Method,
        url: String,
        status: u16,
        body: bytes::Bytes,
        #[source]
        source: serde_json::Error,
    },
    /// A multipart part's content type does not parse.
    #[error("bad content type `{content_type}`: {source}")]
    ContentType {
        content_type: String,
        #[source]
        source: reqwest::Error,
    },
    #[error("cannot set up HTTP: {source}")]
    Setup {
        #[source]
        source: reqwest::Error,
    },
    /// The HTTPS client is built once and its failure shared by every request that needs it.
    #[error("cannot set up HTTPS: {source}")]
    SetupTls {
        #[source]
        source: Arc<reqwest::Error>,
    },
    #[error(transparent)]
    Ca(#[from] CaError),
}

impl TransportError {
    /// Sorts a failed send of `method url` (no answer, or an answer broken off).
    pub fn send(method: &Method, url: &str, timeout: Duration, source: reqwest::Error) -> Self {
        let (method, url) = (method.clone(), url.to_string());
        if source.is_timeout() {
            Self::Timeout {
                method,
                url,
                timeout,
                source,
            }
        } else if is_tls(&source) {
            Self::Tls { url, source }
        } else if source.is_connect() {
            Self::Unreachable { url, source }
        } else {
            Self::ConnectionBroke {
                method,
                url,
                source,
            }
        }
    }

    fn kind(&self) -> Kind {
        match self {
            Self::DotSegment { .. } | Self::ContentType { .. } => Kind::Failed,
            Self::Setup { .. } | Self::SetupTls { .. } => Kind::Failed,
            Self::Ca(e) => e.kind(),
            _ => Kind::Network,
        }
    }

    fn fix(&self) -> Option<Fix> {
        match self {
            Self::Timeout { .. } => Some(Fix::Timeout),
            Self::Tls { .. } => Some(Fix::TrustCa),
            Self::Unreachable { .. } => Some(Fix::Unreachable),
            Self::ConnectionBroke { .. } => Some(Fix::ConnectionBroke),
            Self::TooLarge { .. } | Self::NotJson { .. } => Some(Fix::NotTheApi),
            Self::Ca(e) => e.fix(),
            _ => None,
        }
    }

    fn url(&self) -> Option<&str> {
        match self {
            Self::DotSegment { url, .. }
            | Self::Timeout { url, .. }
            | Self::Tls { url, .. }
            | Self::Unreachable { url, .. }
            | Self::ConnectionBroke { url, .. }
            | Self::TooLarge { url, .. }
            | Self::NotJson { url, .. } => Some(url),
            _ => None,
        }
    }

    /// What the message leaves out: the library's chain of causes, or the body's start.
    fn cause(&self) -> Option<String> {
        match self {
            Self::Tls { source, .. }
            | Self::Unreachable { source, .. }
            | Self::ConnectionBroke { source, .. } => Some(chain(source)),
            Self::NotJson { body, .. } => Some(snippet(body)),
            _ => None,
        }
    }
}

impl From<TransportError> for Error {
    fn from(e: TransportError) -> Self {
        let mut out = Error::new(e.kind(), e.to_string());
        if let Some(cause) = e.cause() {
            out = out.with_cause(cause);
        }
        out.fix = e.fix();
        out.url = e.url().map(str::to_string);
        if let TransportError::NotJson { status, .. } = &e {
            out = out.with_status(*status);
        }
        out.source = Some(Arc::new(e));
        out
    }
}

/// `e` and every error under it, `: `-separated.
fn chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut src = e.source();
    while let Some(inner) = src {
        s.push_str(&format!(": {inner}"));
        src = inner.source();
    }
    s
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

/// The most of a server's words an error shows.
const SNIPPET_CHARS: usize = 300;

/// The start of a body, for messages: secrets masked (by key when it is JSON, by value always),
/// control characters escaped, at most `SNIPPET_CHARS` characters.
pub fn snippet(body: &[u8]) -> String {
    let text = match serde_json::from_slice::<Value>(body) {
        Ok(v) => secrets::mask(&v).to_string(),
        Err(_) => String::from_utf8_lossy(body).trim().to_string(),
    };
    cap(&text)
}

/// `text` made printable: scrubbed of known secrets, sanitised, capped.
pub(super) fn cap(text: &str) -> String {
    let clean = crate::text::sanitize(&secrets::scrub(text)).into_owned();
    match clean.char_indices().nth(SNIPPET_CHARS) {
        Some((end, _)) => format!("{}…", &clean[..end]),
        None => clean,
    }
}

/// The server's own explanation: the first of [`field::EXPLANATIONS`] the body holds,
/// Keycloak's validation `field`/`errors`, the platform's `error_detail`, else the body's start.
/// Always redacted and capped, since a server may echo the request (secrets and all).
pub fn server_message(body: &[u8]) -> String {
    let Ok(v) = serde_json::from_slice::<Value>(body) else {
        return snippet(body);
    };
    let v = secrets::mask(&v);
    let text = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
    let mut parts: Vec<String> = field::EXPLANATIONS
        .iter()
        .find_map(|k| text(&v, k))
        .into_iter()
        .collect();
    if let Some(f) = text(&v, field::FIELD) {
        parts.push(format!("field `{f}`"));
    }
    if let Some(errors) = v.get(field::ERRORS).and_then(Value::as_array) {
        let each: Vec<String> = errors
            .iter()
            .map(|e| {
                let name = text(e, field::FIELD).unwrap_or_default();
                let msg = text(e, field::KEYCLOAK_ERROR_MESSAGE).unwrap_or_default();
                format!("{name}: {msg}")
            })
            .collect();
        parts.push(each.join("; "));
    }
    if let Some(d) = v.get(field::ERROR_DETAIL) {
        parts.push(d.as_str().map_or_else(|| d.to_string(), str::to_string));
    }
    if parts.is_empty() {
        return snippet(body);
    }
    cap(&parts.join(": "))
}

/// Maps a non-success answer to an error with its exit code and a hint.
pub fn status_error(r: &Response) -> Error {
    let head = format!("`{} {}` answered {}", r.method, r.url, r.status);
    if (300..=399).contains(&r.status) {
        return redirect_error(r, &head);
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
    let what = server_message(&r.body);
    if !what.is_empty() {
        e = e.with_cause(what);
    }
    e
}

/// A redirect, refused. Never followed: every endpoint cx2fa calls is known, and a redirect
/// would carry a password, a client key or a token to wherever it points. It usually means the
/// configured URL is stale (http → https at the ingress).
fn redirect_error(r: &Response, head: &str) -> Error {
    let to = r
        .location
        .as_deref()
        .map(cap)
        .unwrap_or_else(|| "(no Location)".into());
    Error::new(
        Kind::Failed,
        format!("{head}, a redirect to `{to}`; not followed"),
    )
    .with_fix(Fix::RedirectRefused)
    .with_url(&r.url)
    .with_status(r.status)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn server_message_reads_keycloak_validation_errors() {
        assert_eq!(
            server_message(br#"{"field":"email","errorMessage":"invalidEmailMessage"}"#),
            "invalidEmailMessage: field `email`"
        );
        assert_eq!(
            server_message(
                br#"{"errors":[{"field":"a","errorMessage":"x"},{"field":"b","errorMessage":"y"}]}"#
            ),
            "a: x; b: y"
        );
        assert_eq!(
            server_message(br#"{"error_message":"bad","error_detail":{"n":1}}"#),
            r#"bad: {"n":1}"#
        );
    }

    #[test]
    fn a_transport_error_keeps_its_message_fix_and_url_and_is_the_source() {
        let e: Error = TransportError::TooLarge {
            method: Method::GET,
            url: "https://h/x".into(),
            max_body: 8 << 20,
        }
        .into();
        assert_eq!(
            e.message,
            "`GET https://h/x` answered more than 8 MiB; refused"
        );
        assert_eq!(e.kind, Kind::Network);
        assert_eq!(e.fix, Some(Fix::NotTheApi));
        assert_eq!(e.url.as_deref(), Some("https://h/x"));
        let source = std::error::Error::source(&e).unwrap();
        assert!(source.downcast_ref::<TransportError>().is_some());
    }
}

//! The request model: what one call sends ([`Request`], [`Body`]) and what comes back
//! ([`Response`]), and how a request becomes reqwest's.

use super::error::{status_error, TransportError};
use crate::api::secret::Secret;
use crate::error::Error;
use reqwest::Method;
use serde_json::Value;
use std::time::Duration;

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
    /// A secret, and the environment variable the printed curl command refers to it by: each
    /// secret has its own name, so that a pasted command never sends one secret in place of
    /// another.
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
    /// The administrator's token request: its printed curl line sets `$CX2FA_TOKEN` from the
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

    /// This request on `client`, secrets and all (the only place they are exposed).
    pub(super) fn to_reqwest(
        &self,
        client: &reqwest::Client,
    ) -> Result<reqwest::RequestBuilder, TransportError> {
        let mut b = client.request(self.method.clone(), &self.url);
        for (k, v) in &self.headers {
            b = b.header(k, v);
        }
        if let Some(t) = &self.bearer {
            b = b.bearer_auth(t.expose());
        }
        Ok(match &self.body {
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
            Body::Multipart(parts) => b.multipart(multipart(parts)?),
        })
    }
}

/// The multipart form of `parts`.
fn multipart(
    parts: &[(String, Option<String>, String, Vec<u8>)],
) -> Result<reqwest::multipart::Form, TransportError> {
    let mut form = reqwest::multipart::Form::new();
    for (name, file, ctype, bytes) in parts {
        let mut part = reqwest::multipart::Part::bytes(bytes.clone())
            .mime_str(ctype)
            .map_err(|source| TransportError::ContentType {
                content_type: ctype.clone(),
                source,
            })?;
        if let Some(f) = file {
            part = part.file_name(f.clone());
        }
        form = form.part(name.clone(), part);
    }
    Ok(form)
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
        serde_json::from_slice(&self.body).map_err(|source| {
            TransportError::NotJson {
                method: self.method.clone(),
                url: self.url.clone(),
                status: self.status,
                body: self.body.clone(),
                source,
            }
            .into()
        })
    }
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    /// Whether the server refused the request for load: a 429 or a 503.
    pub(super) fn is_overload(&self) -> bool {
        self.status == 429 || self.status == 503
    }
    /// Whether the answer is worth asking again for: a 429 or any 5xx.
    pub(super) fn is_transient(&self) -> bool {
        self.status == 429 || self.status >= 500
    }
}

/// Whether `url`'s path holds a `.` or `..` segment, written out or percent-encoded (`%2e`,
/// which URL parsing reads as a dot too): parsing removes such segments, so the request would
/// go to another path than the one cx2fa shows in errors, the trace and the curl commands.
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn an_answer_that_is_not_json_names_the_call_and_shows_its_start() {
        let r = Response {
            method: Method::GET,
            url: "https://h/x".into(),
            status: 200,
            body: bytes::Bytes::from_static(b"<html>login</html>"),
            retry_after: None,
            attempts: 1,
            date: None,
            location: None,
        };
        let e = r.json().unwrap_err();
        assert!(
            e.message
                .starts_with("GET https://h/x answered 200 with a body that is not JSON: "),
            "{}",
            e.message
        );
        assert_eq!(e.causes, ["<html>login</html>"]);
        assert_eq!(e.fix, Some(crate::error::Fix::NotTheApi));
        assert_eq!(
            (e.url.as_deref(), e.status),
            (Some("https://h/x"), Some(200))
        );
    }
}

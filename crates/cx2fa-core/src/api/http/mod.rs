//! The HTTP core every client uses: timeouts, retries for idempotent calls, errors that name
//! the method and URL, and a debug trace with secrets redacted. One concern a file: the
//! request model ([`request`]), transport errors and server-error interpretation ([`error`]),
//! client construction and trust ([`tls`]), the trace ([`trace`]) and when to try again
//! ([`retry`]); this file is the send loop. The curl rendering is [`crate::api::curl`].

pub mod error;
pub mod request;
pub mod retry;
pub mod tls;
pub mod trace;

pub use crate::api::curl::{curl_line, sq, CurlCommand};
pub use error::{server_message, snippet, status_error, TransportError};
pub use request::{
    has_dot_segment, Body, Request, Response, Secretish, DEFAULT_MAX_BODY, LIST_MAX_BODY,
};
pub use retry::backoff;
pub use tls::{ca_pem, CaError, CaProblem, CertificateSource};
pub use trace::{redact_value, Sink};

use crate::error::Error;
use crate::limiter::{Limiter, Permit};
use reqwest::Method;
use retry::{Failure, RetryVerdict, Tried};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio_util::sync::CancellationToken;

/// Shared HTTP machinery.
#[derive(Clone)]
pub struct Http {
    clients: Arc<tls::Clients>,
    trace: Option<Sink>,
    /// Print each request as a curl command.
    curl: Option<Sink>,
    /// The gate every request passes: how many at once, how many a second.
    limiter: Option<Arc<Limiter>>,
    /// Ctrl-C: once cancelled, no request is started or repeated and no wait goes on.
    cancel: CancellationToken,
    pub max_retries: u32,
    pub timeout: Duration,
}

/// Transport settings.
#[derive(Debug, Clone)]
pub struct Transport {
    pub timeout: Duration,
    /// An extra CA to trust (a PEM file), besides the system's.
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
        Ok(Http {
            clients: Arc::new(tls::Clients::new(t)?),
            trace,
            curl: None,
            limiter: None,
            cancel: CancellationToken::new(),
            max_retries: 3,
            timeout: t.timeout,
        })
    }

    /// Sends every request through `limiter` (adaptive concurrency, a rate).
    pub fn with_limiter(mut self, limiter: Arc<Limiter>) -> Self {
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
    pub fn limiter(&self) -> Option<&Limiter> {
        self.limiter.as_deref()
    }

    /// Prints every request as an equivalent curl command on `p`.
    pub fn print_curl(mut self, p: Sink) -> Self {
        self.curl = Some(p);
        self
    }

    /// Sends `r`; answers of any status come back as [`Response`]; transport failures, and
    /// 429/5xx once retries are spent, as errors. Retries only when `r.retry`.
    pub async fn send(&self, r: Request) -> Result<Response, Error> {
        self.send_ref(&r).await
    }

    /// [`Http::send`] without giving up the request, for callers that may send it again.
    /// The one owner of retries: the loop below, by `retry::RetryVerdict`.
    pub async fn send_ref(&self, r: &Request) -> Result<Response, Error> {
        if has_dot_segment(&r.url) {
            return Err(TransportError::DotSegment {
                method: r.method.clone(),
                url: r.url.clone(),
            }
            .into());
        }
        let began = Instant::now();
        let mut attempt = 0;
        loop {
            attempt += 1;
            let result = self.try_once(r, attempt).await?;
            let verdict = RetryVerdict::of(&result);
            if let (Some(asked), Ok(resp)) = (verdict.asked, &result) {
                if asked > retry::MAX_WAIT {
                    return Err(retry::wait_refused(resp, asked));
                }
                // The pause is for this client, not for this one request, whether or not this
                // request is sent again: no other request starts before it ends (they would
                // only be refused in turn).
                if let Some(l) = &self.limiter {
                    l.hold(asked);
                }
            }
            if !verdict.again(r, attempt, self.max_retries) {
                return retry::give_up(result, attempt, began);
            }
            self.until_cancelled(r, tokio::time::sleep(verdict.wait(attempt)))
                .await?;
        }
    }

    /// `fut`'s output, or the cancelled error for `r` if the run is stopped first.
    async fn until_cancelled<T>(
        &self,
        r: &Request,
        fut: impl std::future::Future<Output = T>,
    ) -> Result<T, Error> {
        tokio::select! {
            out = fut => Ok(out),
            _ = self.cancel.cancelled() => Err(Error::cancelled().with_url(&r.url)),
        }
    }

    /// Try `attempt` of `r`, through the gate and with its trace; `Err` only when cancelled.
    async fn try_once(&self, r: &Request, attempt: u32) -> Result<Tried, Error> {
        if self.cancel.is_cancelled() {
            return Err(Error::cancelled().with_url(&r.url));
        }
        if let Some(p) = &self.trace {
            p(&trace::request_line(r, attempt));
        }
        if let (Some(p), 1) = (&self.curl, attempt) {
            p(&curl_line(r));
        }
        let started = Instant::now();
        let permit = match &self.limiter {
            Some(l) => {
                let route = crate::limiter::route(r.method.as_str(), &r.url);
                Some(self.until_cancelled(r, l.acquire(route)).await?)
            }
            None => None,
        };
        // Only a read is safe to abandon: a write (even an idempotent PUT, which is safe
        // to repeat) may be being applied now, and only its answer says whether it was.
        let result = if r.method == Method::GET {
            self.until_cancelled(r, self.attempt(r, attempt)).await?
        } else {
            self.attempt(r, attempt).await
        };
        if let Some(p) = permit {
            report_load(p, &result);
        }
        if let Some(p) = &self.trace {
            p(&match &result {
                Ok(resp) => trace::answer_line(r, resp, started.elapsed()),
                Err(f) => trace::failure_line(r, &f.error().message),
            });
        }
        Ok(result)
    }

    /// One try of `r`: the answer of any status, its body read up to `r.max_body`.
    async fn attempt(&self, r: &Request, attempt: u32) -> Tried {
        let transport = |e: reqwest::Error| {
            // A timeout is the server's load speaking, as a 429 or a 503 is.
            let overloaded = e.is_timeout();
            let e = TransportError::send(&r.method, &r.url, self.timeout, e).into();
            if overloaded {
                Failure::Overloaded(e)
            } else {
                Failure::Transient(e)
            }
        };
        let once = |e: TransportError| Failure::Once(e.into());
        let client = self.clients.client_for(&r.url).map_err(once)?;
        let mut resp = r
            .to_reqwest(client)
            .map_err(once)?
            .send()
            .await
            .map_err(transport)?;
        let too_big = || {
            once(TransportError::TooLarge {
                method: r.method.clone(),
                url: r.url.clone(),
                max_body: r.max_body,
            })
        };
        if resp.content_length().is_some_and(|n| n > r.max_body as u64) {
            return Err(too_big());
        }
        let head = Head::of(&resp);
        let mut body = bytes::BytesMut::new();
        while let Some(chunk) = resp.chunk().await.map_err(transport)? {
            if body.len() + chunk.len() > r.max_body {
                return Err(too_big());
            }
            body.extend_from_slice(&chunk);
        }
        Ok(head.response(r, body.freeze(), attempt))
    }
}

/// What the answer says about the server's load, told to the gate.
fn report_load(p: Permit<'_>, result: &Tried) {
    match result {
        Ok(resp) if resp.is_overload() => p.refused(),
        Ok(_) => p.answered(),
        Err(Failure::Overloaded(_)) => p.timed_out(),
        Err(_) => drop(p),
    }
}

/// The status and headers cx2fa reads of an answer, taken before its body is.
struct Head {
    status: u16,
    retry_after: Option<Duration>,
    date: Option<String>,
    location: Option<String>,
}

impl Head {
    fn of(resp: &reqwest::Response) -> Self {
        let header = |name| {
            resp.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        Head {
            status: resp.status().as_u16(),
            retry_after: header(reqwest::header::RETRY_AFTER)
                .map(|v| retry::retry_after(&v, std::time::SystemTime::now())),
            date: header(reqwest::header::DATE),
            location: header(reqwest::header::LOCATION),
        }
    }

    fn response(self, r: &Request, body: bytes::Bytes, attempts: u32) -> Response {
        Response {
            method: r.method.clone(),
            url: r.url.clone(),
            status: self.status,
            body,
            retry_after: self.retry_after,
            attempts,
            date: self.date,
            location: self.location,
        }
    }
}

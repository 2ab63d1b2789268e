//! When to send a request again, and how long to wait first: the one owner of retries
//! ([`super::Http::send_ref`] loops on `RetryVerdict`; no caller above it retries on its own).
//! The server's `Retry-After` is read in both of its forms (RFC 9110 §10.2.3: delay-seconds or
//! an HTTP-date).

use super::error::status_error;
use super::request::{Request, Response};
use crate::error::{Error, Fix};
use std::time::{Duration, Instant, SystemTime};

/// The longest `Retry-After` cx2fa waits out. A server asking for longer (an hour's rate-limit
/// window) is not asked again in this run: the caller gets an error saying when to come back,
/// instead of a run that sits idle, or retries early and is refused again.
pub const MAX_WAIT: Duration = Duration::from_secs(60);

/// The wait when `Retry-After` is present but neither form: the server did ask for a pause,
/// so it is not ignored (a retry 0.15 s later would be refused again), but its length is
/// unknown, so it is short and bounded.
pub const UNREADABLE_WAIT: Duration = Duration::from_secs(5);

/// What a `Retry-After` value asks for, at `now`: seconds, or the time until an HTTP-date
/// (zero for a date already past). An unreadable value is [`UNREADABLE_WAIT`]. A number too
/// large for a `u64` saturates (it is far above [`MAX_WAIT`] either way).
pub fn retry_after(value: &str, now: SystemTime) -> Duration {
    let v = value.trim();
    if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) {
        return Duration::from_secs(v.parse::<u64>().unwrap_or(u64::MAX));
    }
    match http_date(v) {
        Some(at) => at.duration_since(now).unwrap_or(Duration::ZERO),
        None => UNREADABLE_WAIT,
    }
}

/// An HTTP-date in any of its three forms: IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), the
/// obsolete RFC 850 (`Sunday, 06-Nov-94 08:49:37 GMT`) and asctime (`Sun Nov  6 08:49:37 1994`),
/// which recipients must accept (RFC 9110 §5.6.7).
pub fn http_date(v: &str) -> Option<SystemTime> {
    use chrono::NaiveDateTime;
    let at = chrono::DateTime::parse_from_rfc2822(v)
        .map(|d| d.naive_utc())
        .ok()
        .or_else(|| NaiveDateTime::parse_from_str(v, "%A, %d-%b-%y %H:%M:%S GMT").ok())
        .or_else(|| {
            // asctime pads a one-digit day with a space; split on whitespace to read either.
            let joined = v.split_whitespace().collect::<Vec<_>>().join(" ");
            NaiveDateTime::parse_from_str(&joined, "%a %b %d %H:%M:%S %Y").ok()
        })?;
    let secs = at.and_utc().timestamp();
    let secs = u64::try_from(secs).ok()?;
    SystemTime::UNIX_EPOCH.checked_add(Duration::from_secs(secs))
}

/// Exponential backoff with jitter: ~100 ms, 200 ms, 400 ms …, capped at 5 s.
pub fn backoff(attempt: u32) -> Duration {
    let base = 100u64.saturating_mul(1 << attempt.saturating_sub(1).min(6));
    let jitter = rand::random::<u64>() % (base / 2 + 1);
    Duration::from_millis((base + jitter).min(5_000))
}

/// A failed try: worth repeating (a dropped connection, a timeout) or not (a body over its cap,
/// a request that cannot be built).
pub(super) enum Failure {
    Transient(Error),
    /// Transient, and a sign of overload (a timeout).
    Overloaded(Error),
    Once(Error),
}

impl Failure {
    pub(super) fn error(&self) -> &Error {
        match self {
            Failure::Once(e) | Failure::Transient(e) | Failure::Overloaded(e) => e,
        }
    }
}

/// One try's result.
pub(super) type Tried = Result<Response, Failure>;

/// What one try's result says about sending the request again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct RetryVerdict {
    /// A 429, a 5xx, a dropped connection or a timeout: the next try may fare better.
    transient: bool,
    /// A 429 means the server did not process the request (it refused it at the door), so any
    /// method may be sent again once `Retry-After` has passed; other transient failures only
    /// for requests marked safe to repeat.
    refused: bool,
    /// A timeout already spent the whole timeout on this request: the server took the
    /// connection and did not answer, and asking again would multiply the wait.
    timed_out: bool,
    /// The server's word on when to ask again, with a refusal or an error answer.
    pub(super) asked: Option<Duration>,
}

impl RetryVerdict {
    pub(super) fn of(result: &Tried) -> Self {
        let transient = match result {
            Ok(resp) => resp.is_transient(),
            Err(Failure::Transient(_) | Failure::Overloaded(_)) => true,
            Err(Failure::Once(_)) => false,
        };
        RetryVerdict {
            transient,
            refused: matches!(result, Ok(resp) if resp.status == 429),
            timed_out: matches!(result, Err(Failure::Overloaded(_))),
            asked: match result {
                Ok(resp) if transient => resp.retry_after,
                _ => None,
            },
        }
    }

    /// Whether `r`, tried `attempt` times, goes again (at most `max_retries` more times).
    pub(super) fn again(&self, r: &Request, attempt: u32, max_retries: u32) -> bool {
        (r.retry || self.refused) && self.transient && attempt <= max_retries && !self.timed_out
    }

    /// How long to wait before the next try: what the server asked, else the backoff.
    pub(super) fn wait(&self, attempt: u32) -> Duration {
        self.asked.unwrap_or_else(|| backoff(attempt))
    }
}

/// What the caller gets of the last try, `attempt`, of a request begun at `began`.
pub(super) fn give_up(result: Tried, attempt: u32, began: Instant) -> Result<Response, Error> {
    match result {
        Ok(resp) if resp.is_transient() => {
            let mut e = status_error(&resp);
            if attempt > 1 {
                e = e.with_cause(format!("gave up after {attempt} attempts"));
            }
            Err(e)
        }
        // A redirect is never what a caller asked for (see `tls::builder`).
        Ok(resp) if (300..400).contains(&resp.status) => Err(status_error(&resp)),
        Ok(resp) => Ok(resp),
        Err(Failure::Overloaded(e)) => Err(waited(e, began)),
        Err(Failure::Once(e) | Failure::Transient(e)) => Err(e),
    }
}

/// A `Retry-After` longer than cx2fa waits: the server's answer, with when to come back.
pub(super) fn wait_refused(resp: &Response, asked: Duration) -> Error {
    status_error(resp)
        .with_cause(format!(
            "the server asked to wait {} s before asking again (Retry-After); cx2fa waits at most {} s",
            asked.as_secs(),
            MAX_WAIT.as_secs()
        ))
        .with_fix(Fix::ComeBackLater {
            seconds: asked.as_secs(),
        })
}

/// A timeout's error with the whole wait, which may be longer than one timeout.
fn waited(e: Error, began: Instant) -> Error {
    e.with_cause(format!(
        "waited {:.0} s in all for this request",
        began.elapsed().as_secs_f64()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(secs: u64) -> SystemTime {
        SystemTime::UNIX_EPOCH + Duration::from_secs(secs)
    }

    /// 784111777 is Sun, 06 Nov 1994 08:49:37 GMT, RFC 9110's example.
    #[test]
    fn both_forms_and_all_three_dates() {
        let now = at(784_111_777 - 120);
        assert_eq!(retry_after("3600", now), Duration::from_secs(3600));
        assert_eq!(retry_after(" 7 ", now), Duration::from_secs(7));
        for date in [
            "Sun, 06 Nov 1994 08:49:37 GMT",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
        ] {
            assert_eq!(retry_after(date, now), Duration::from_secs(120), "{date}");
        }
        // A date already past: no wait.
        assert_eq!(
            retry_after("Sun, 06 Nov 1994 08:49:37 GMT", at(784_111_777 + 5)),
            Duration::ZERO
        );
    }

    #[test]
    fn unreadable_and_huge_values_are_bounded() {
        let now = at(1_000_000_000);
        for v in ["", "soon", "-5", "1.5", "Sun, 32 Nov 1994 08:49:37 GMT"] {
            assert_eq!(retry_after(v, now), UNREADABLE_WAIT, "{v:?}");
        }
        assert!(retry_after("99999999999999999999999", now) > MAX_WAIT);
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        assert!(backoff(1) < Duration::from_millis(200));
        assert!(backoff(10) <= Duration::from_secs(5));
    }

    fn answer(status: u16, retry_after: Option<Duration>) -> Tried {
        Ok(Response {
            method: reqwest::Method::POST,
            url: "https://h/x".into(),
            status,
            body: bytes::Bytes::new(),
            retry_after,
            attempts: 1,
            date: None,
            location: None,
        })
    }

    /// Only reads repeat after a 5xx; any method after a 429, which the server did not
    /// process; nothing after a timeout; and never more than `max_retries` more times.
    #[test]
    fn who_goes_again() {
        let get = Request::get("https://h/x");
        let post = Request::post("https://h/x");
        let busy = RetryVerdict::of(&answer(503, None));
        assert!(busy.again(&get, 1, 3) && busy.again(&get, 3, 3) && !busy.again(&get, 4, 3));
        assert!(!busy.again(&post, 1, 3));
        let refused = RetryVerdict::of(&answer(429, Some(Duration::from_secs(2))));
        assert!(refused.again(&post, 1, 3));
        assert_eq!(refused.wait(1), Duration::from_secs(2));
        assert!(!RetryVerdict::of(&answer(404, None)).again(&get, 1, 3));
        let timeout = RetryVerdict::of(&Err(Failure::Overloaded(Error::network("t"))));
        assert!(!timeout.again(&get, 1, 3));
        let dropped = RetryVerdict::of(&Err(Failure::Transient(Error::network("d"))));
        assert!(dropped.again(&get, 1, 3) && !dropped.again(&post, 1, 3));
    }

    #[test]
    fn giving_up_on_a_transient_answer_says_how_many_tries() {
        let e = give_up(answer(503, None), 4, Instant::now()).unwrap_err();
        assert_eq!(e.causes.last().unwrap(), "gave up after 4 attempts");
        assert!(give_up(answer(302, None), 1, Instant::now()).is_err());
        assert!(give_up(answer(404, None), 1, Instant::now()).is_ok());
    }
}

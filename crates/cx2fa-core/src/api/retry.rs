//! When to send a refused request again: the server's `Retry-After`, in both of its forms
//! (RFC 9110 §10.2.3: delay-seconds or an HTTP-date). [`super::http::Http::send_ref`] is the
//! one owner of retries; this only reads what the server asked for.

use std::time::{Duration, SystemTime};

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
}

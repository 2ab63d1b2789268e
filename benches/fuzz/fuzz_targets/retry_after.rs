//! Any `Retry-After` value: read without a panic or an overflow; delay-seconds are their number;
//! an HTTP-date that reads is a whole second that reads back the same written as IMF-fixdate;
//! anything else is the bounded wait for unreadable values, never zero.
#![no_main]
use cx2fa_core::api::http::retry::{http_date, retry_after, UNREADABLE_WAIT};
use libfuzzer_sys::fuzz_target;
use std::time::{Duration, UNIX_EPOCH};

fuzz_target!(|data: &[u8]| {
    let Ok(v) = std::str::from_utf8(data) else { return };
    let now = UNIX_EPOCH + Duration::from_secs(1_700_000_000);
    let wait = retry_after(v, now);
    let t = v.trim();
    if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
        if let Ok(n) = t.parse::<u64>() {
            assert_eq!(wait, Duration::from_secs(n), "{v:?}");
        }
        return;
    }
    match http_date(t) {
        Some(at) => {
            let secs = at.duration_since(UNIX_EPOCH).unwrap().as_secs();
            let again = imf(secs);
            assert_eq!(http_date(&again), Some(at), "{v:?} -> {again}");
            assert_eq!(wait, at.duration_since(now).unwrap_or(Duration::ZERO));
        }
        None => assert_eq!(wait, UNREADABLE_WAIT, "{v:?}"),
    }
});

/// `secs` as an IMF-fixdate, by the civil-from-days algorithm (no date library here).
fn imf(secs: u64) -> String {
    let (days, rest) = (secs / 86_400, secs % 86_400);
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    let wd = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][(days % 7) as usize];
    let mon = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        [(m - 1) as usize];
    format!("{wd}, {d:02} {mon} {y:04} {:02}:{:02}:{:02} GMT", rest / 3600, rest / 60 % 60, rest % 60)
}

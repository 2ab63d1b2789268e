//! When the next run starts: every interval, jittered, never overlapping the previous run.

use std::time::Duration;

/// Why an interval was refused; the caller words it for where the interval was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BadInterval {
    /// Not of the form `30s`, `5m`, `1h`, `1h30m` or plain seconds.
    NotAnInterval(String),
    /// Shorter than [`MIN_EVERY`].
    TooShort(String),
}

/// The shortest interval: a probe logs in, and a login every few seconds is a load test.
pub const MIN_EVERY: Duration = Duration::from_secs(10);

/// Parses `30s`, `5m`, `1h`, `1h30m` or plain seconds (`300`).
pub fn parse_every(s: &str) -> Result<Duration, BadInterval> {
    let bad = || BadInterval::NotAnInterval(s.to_string());
    let s = s.trim();
    if let Ok(n) = s.parse::<u64>() {
        return check(Duration::from_secs(n), s);
    }
    let mut total = 0u64;
    let mut digits = String::new();
    for c in s.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        let n: u64 = digits.parse().map_err(|_| bad())?;
        digits.clear();
        let unit = match c {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            'd' => 86_400,
            _ => return Err(bad()),
        };
        total = n
            .checked_mul(unit)
            .and_then(|v| total.checked_add(v))
            .ok_or_else(bad)?;
    }
    if !digits.is_empty() || s.is_empty() {
        return Err(bad());
    }
    check(Duration::from_secs(total), s)
}

fn check(d: Duration, s: &str) -> Result<Duration, BadInterval> {
    if d < MIN_EVERY {
        return Err(BadInterval::TooShort(s.to_string()));
    }
    Ok(d)
}

/// The wait before the next run, measured from the start of the one that just ended: the
/// interval moved by up to a tenth either way (`unit` in [0, 1)), so that probes started
/// together (several replicas, a fleet of timers) drift apart instead of logging in at the
/// same second; less the time the run took, and never less than a tenth of the interval, so
/// that a run longer than the interval is followed by a pause rather than by another run at once.
pub fn next_wait(every: Duration, run_took: Duration, unit: f64) -> Duration {
    let factor = 0.9 + 0.2 * unit.clamp(0.0, 1.0);
    let target = every.mul_f64(factor);
    target
        .checked_sub(run_took)
        .unwrap_or_default()
        .max(every / 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_parse() {
        assert_eq!(parse_every("30s").unwrap(), Duration::from_secs(30));
        assert_eq!(parse_every("5m").unwrap(), Duration::from_secs(300));
        assert_eq!(parse_every("1h30m").unwrap(), Duration::from_secs(5400));
        assert_eq!(parse_every("120").unwrap(), Duration::from_secs(120));
        assert_eq!(
            parse_every("5"),
            Err(BadInterval::TooShort("5".into())),
            "under the minimum"
        );
        assert_eq!(
            parse_every(" 5x"),
            Err(BadInterval::NotAnInterval(" 5x".into()))
        );
        assert!(parse_every("5x").is_err());
        assert!(parse_every("m").is_err());
        assert!(parse_every("10m5").is_err());
    }

    #[test]
    fn waits_are_jittered_and_never_overlap() {
        let every = Duration::from_secs(100);
        assert_eq!(
            next_wait(every, Duration::ZERO, 0.0),
            Duration::from_secs(90)
        );
        assert_eq!(
            next_wait(every, Duration::ZERO, 1.0),
            Duration::from_secs(110)
        );
        assert_eq!(
            next_wait(every, Duration::from_secs(40), 0.5),
            Duration::from_secs(60)
        );
        // A run longer than the interval: a pause, not an immediate (overlapping) start.
        assert_eq!(
            next_wait(every, Duration::from_secs(500), 0.5),
            Duration::from_secs(10)
        );
    }
}

//! How many requests cx2fa sends at once, found from the server's answers (bulk work against a
//! server of unknown capacity that live agents share), and how many per second at most.
//!
//! The control is AIMD, as TCP congestion control: slow start (double per window of clean
//! answers) until the first sign of overload, then one more per window; on a 429, a 503 or a
//! timeout, halve (once per round trip, so that one burst of refusals counts once). Two
//! refinements keep refusals rare, which matters on a server that agents are logging in to:
//! - the level at which overload happened is remembered (`ceiling`), recovery climbs back to
//!   just below it quickly, and probing above it waits [`PROBE_AFTER`] clean windows;
//! - rising latency is overload too (a server that queues instead of refusing): an answer
//!   slower than [`SLOW_FACTOR`] × the fastest recent one shrinks the level by a tenth.
//!
//! `--concurrency N` is the ceiling it never exceeds (`1`: strictly one at a time); `--rate R`
//! is a token bucket of R requests per second, a hard cap whatever the server could take.

use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Clean windows at the remembered ceiling before trying one above it.
pub const PROBE_AFTER: u32 = 24;
/// An answer this many times slower than the fastest recent one means the server queues.
pub const SLOW_FACTOR: f64 = 2.0;

/// What became of one request, as far as load goes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Signal {
    /// Answered (any status but 429/503), in this long.
    Answered(Duration),
    /// 429, 503 or a timeout: the server is over its capacity.
    Overload,
}

/// The AIMD state machine, without a clock of its own (times are passed in): unit-testable.
#[derive(Debug, Clone)]
pub struct Aimd {
    limit: f64,
    max: f64,
    slow_start: bool,
    /// Answers since the last change, towards the next window.
    clean: f64,
    /// The level overload was last seen just above.
    ceiling: Option<f64>,
    windows_at_ceiling: u32,
    /// The level a probe above the ceiling started from: an overload during the probe puts
    /// the ceiling back there (the probe failed), not just below wherever the level got to.
    probe_from: Option<(f64, u32)>,
    min_rtt: Option<Duration>,
    min_rtt_at: Option<Instant>,
    last_decrease: Option<Instant>,
    /// When the answers of the last round trip came: how many the server serves at once.
    recent: std::collections::VecDeque<Instant>,
    /// No new request before this: a refusal comes back at once and frees its place, and
    /// without a pause the client would be refused again and again within one round trip.
    paused_until: Option<Instant>,
}

impl Aimd {
    pub fn new(max: usize) -> Self {
        let max = max.max(1) as f64;
        Aimd {
            limit: 2f64.min(max),
            max,
            slow_start: true,
            clean: 0.0,
            ceiling: None,
            windows_at_ceiling: 0,
            probe_from: None,
            min_rtt: None,
            min_rtt_at: None,
            last_decrease: None,
            recent: std::collections::VecDeque::new(),
            paused_until: None,
        }
    }

    /// How long new requests must still wait after a refusal.
    pub fn pause(&self, now: Instant) -> Option<Duration> {
        self.paused_until
            .filter(|until| *until > now)
            .map(|until| until - now)
    }

    /// Requests that may be in flight now.
    pub fn limit(&self) -> usize {
        self.limit.floor().max(1.0) as usize
    }

    pub fn on(&mut self, signal: Signal, now: Instant) {
        match signal {
            Signal::Overload => {
                let rtt = self.min_rtt.unwrap_or(Duration::from_millis(50));
                self.paused_until = Some(now + rtt);
                self.decrease(0.5, true, now)
            }
            Signal::Answered(rtt) => {
                // The baseline is the fastest answer of the last ten seconds: a server whose
                // speed changes for good is re-learnt.
                let stale = self
                    .min_rtt_at
                    .is_some_and(|at| now.duration_since(at) > Duration::from_secs(10));
                if stale || self.min_rtt.is_none_or(|m| rtt < m) {
                    self.min_rtt = Some(rtt);
                    self.min_rtt_at = Some(now);
                }
                let base = self.min_rtt.unwrap_or(rtt);
                self.recent.push_back(now);
                while self
                    .recent
                    .front()
                    .is_some_and(|t| now.duration_since(*t) >= base)
                {
                    self.recent.pop_front();
                }
                if rtt.as_secs_f64() > SLOW_FACTOR * base.as_secs_f64().max(0.001) {
                    self.decrease(0.9, false, now);
                } else {
                    self.grow();
                }
            }
        }
    }

    fn grow(&mut self) {
        self.clean += 1.0;
        if self.clean < self.limit {
            return;
        }
        // One window of clean answers at this level.
        self.clean = 0.0;
        // A probe that lasted a few windows worked: the server has grown.
        if let Some((from, n)) = self.probe_from {
            self.probe_from = (n < 3).then_some((from, n + 1));
        }
        // Doubling while below the remembered ceiling (recovering after a decrease, as TCP's
        // fast recovery) or before any overload; one more per window above it.
        // Doubling while below the remembered ceiling (recovering after a decrease, as TCP's
        // fast recovery) or before any overload; one more per window above it.
        let recovering = self.ceiling.is_some_and(|c| self.limit < c);
        let next = if self.slow_start || recovering {
            self.limit * 2.0
        } else {
            self.limit + 1.0
        };
        let next = match self.ceiling {
            // Back to just below where overload was, at once; above it, only after a while.
            Some(c) if next > c => {
                if self.limit < c {
                    c
                } else {
                    self.windows_at_ceiling += 1;
                    if self.windows_at_ceiling < PROBE_AFTER {
                        return;
                    }
                    self.windows_at_ceiling = 0;
                    self.ceiling = None;
                    self.probe_from = Some((self.limit, 0));
                    self.limit + 1.0
                }
            }
            _ => next,
        };
        self.limit = next.min(self.max);
    }

    /// `hard`: a refusal or a timeout, which also says where overload begins (the ceiling); a
    /// slow answer only eases off.
    fn decrease(&mut self, factor: f64, hard: bool, now: Instant) {
        // One decrease per round trip: the refusals of one burst are one signal.
        let rtt = self.min_rtt.unwrap_or(Duration::from_millis(50));
        if self
            .last_decrease
            .is_some_and(|t| now.duration_since(t) < rtt)
        {
            return;
        }
        self.last_decrease = Some(now);
        self.slow_start = false;
        if !hard {
            self.limit = (self.limit * factor).max(1.0);
            self.clean = 0.0;
            return;
        }
        // Where overload begins: a failed probe's starting level, or else what the server
        // answered in the last round trip (after slow start overshot to twice the capacity,
        // "one below the level" would be far too high).
        let served = self.recent.len() as f64;
        let below = match self.probe_from.take() {
            Some((from, _)) => from,
            None if served >= 1.0 => served.min(self.limit.floor() - 1.0),
            None => self.limit.floor() - 1.0,
        };
        self.ceiling = Some(below.max(1.0));
        self.windows_at_ceiling = 0;
        self.limit = (self.limit * factor).max(1.0);
        self.clean = 0.0;
    }
}

/// What the gate reports for a progress bar.
#[derive(Debug, Clone, Copy)]
pub struct Level {
    pub limit: usize,
    pub in_flight: usize,
}

/// The gate every request of a run passes: at most `limit` in flight, at most `rate` a second.
pub struct Limiter {
    state: Mutex<State>,
    changed: tokio::sync::Notify,
    /// Seconds between two requests under `--rate`.
    interval: Option<Duration>,
    fixed: bool,
}

struct State {
    aimd: Aimd,
    in_flight: usize,
    next_slot: Instant,
    /// No request starts before this: a server's `Retry-After`, which is for the whole client.
    held_until: Option<Instant>,
}

impl Limiter {
    /// `max`: the ceiling (`--concurrency`); `rate`: requests per second (`--rate`).
    pub fn new(max: usize, rate: Option<f64>) -> Self {
        Limiter {
            state: Mutex::new(State {
                aimd: Aimd::new(max),
                in_flight: 0,
                next_slot: Instant::now(),
                held_until: None,
            }),
            changed: tokio::sync::Notify::new(),
            interval: rate
                .filter(|r| *r > 0.0)
                .and_then(|r| Duration::try_from_secs_f64(1.0 / r).ok()),
            fixed: max <= 1,
        }
    }

    /// Waits for a turn: a free place under the current level, and the rate's next slot.
    pub async fn acquire(&self) -> Permit<'_> {
        loop {
            let changed = self.changed.notified();
            let wait = {
                let mut s = self.state.lock().unwrap_or_else(|p| p.into_inner());
                let now = Instant::now();
                if let Some(held) = s.held_until.filter(|until| *until > now) {
                    // Even at a fixed concurrency: this is the server's word, not a guess.
                    Some(held - now)
                } else if let Some(pause) = s.aimd.pause(now).filter(|_| !self.fixed) {
                    Some(pause)
                } else if s.in_flight < s.aimd.limit() {
                    let now = Instant::now();
                    match self.interval {
                        Some(_) if s.next_slot > now => Some(s.next_slot - now),
                        Some(step) => {
                            // A bucket of one: requests are spaced, never bunched, so any
                            // window of the run holds at most its share.
                            let floor = now.checked_sub(step).unwrap_or(now);
                            s.next_slot = s.next_slot.max(floor) + step;
                            s.in_flight += 1;
                            None
                        }
                        None => {
                            s.in_flight += 1;
                            None
                        }
                    }
                } else {
                    Some(Duration::MAX)
                }
            };
            match wait {
                None => {
                    return Permit {
                        limiter: self,
                        started: Instant::now(),
                        done: false,
                    }
                }
                Some(Duration::MAX) => changed.await,
                Some(d) => {
                    tokio::select! {
                        _ = tokio::time::sleep(d) => {}
                        _ = changed => {}
                    }
                }
            }
        }
    }

    /// Exactly `n` at once, whatever the answers (`--fixed-concurrency`).
    pub fn fixed(n: usize, rate: Option<f64>) -> Self {
        let mut l = Limiter::new(n, rate);
        {
            let s = l.state.get_mut().unwrap_or_else(|p| p.into_inner());
            s.aimd.limit = n.max(1) as f64;
        }
        l.fixed = true;
        l
    }

    /// Starts no request for `wait` (a server's `Retry-After`); a longer hold already set
    /// stays.
    pub fn hold(&self, wait: Duration) {
        let until = Instant::now() + wait;
        let mut s = self.state.lock().unwrap_or_else(|p| p.into_inner());
        s.held_until = Some(s.held_until.map_or(until, |h| h.max(until)));
    }

    pub fn level(&self) -> Level {
        let s = self.state.lock().unwrap_or_else(|p| p.into_inner());
        Level {
            limit: s.aimd.limit(),
            in_flight: s.in_flight,
        }
    }

    fn release(&self, signal: Option<Signal>) {
        {
            let mut s = self.state.lock().unwrap_or_else(|p| p.into_inner());
            s.in_flight -= 1;
            if let (Some(sig), false) = (signal, self.fixed) {
                s.aimd.on(sig, Instant::now());
            }
        }
        self.changed.notify_waiters();
    }
}

/// A turn at the gate; report how it went with [`Permit::answered`] or [`Permit::overload`]
/// (dropping it reports nothing: a failure that says nothing about load).
pub struct Permit<'a> {
    limiter: &'a Limiter,
    started: Instant,
    done: bool,
}

impl Permit<'_> {
    pub fn answered(mut self) {
        self.done = true;
        self.limiter
            .release(Some(Signal::Answered(self.started.elapsed())));
    }
    pub fn overload(mut self) {
        self.done = true;
        self.limiter.release(Some(Signal::Overload));
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        if !self.done {
            self.limiter.release(None);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A server of `cap` requests at once, `rtt` each, driven with `n` requests by a client at
    /// the AIMD's level; returns (share of the server's limit used, share refused).
    fn simulate(caps: &[(usize, usize)], n: usize, max: usize) -> (f64, f64) {
        let rtt = Duration::from_millis(20);
        let mut a = Aimd::new(max);
        let mut now = Instant::now();
        let (mut done, mut refused, mut sent, mut served_slots) = (0usize, 0usize, 0usize, 0.0);
        let mut phase = 0;
        while done < n {
            if phase + 1 < caps.len() && done >= caps[phase + 1].0 {
                phase += 1;
            }
            let cap = caps[phase].1;
            let l = a.limit();
            // One round trip: `l` requests, the first `cap` served, the rest refused.
            sent += l;
            let ok = l.min(cap);
            done += ok;
            refused += l - ok;
            served_slots += ok as f64 / cap as f64;
            for i in 0..l {
                let s = if i < cap {
                    Signal::Answered(rtt)
                } else {
                    Signal::Overload
                };
                a.on(s, now);
            }
            now += rtt;
        }
        let trips = (now - Instant::now()).as_secs_f64() / rtt.as_secs_f64();
        (served_slots / trips.max(1.0), refused as f64 / sent as f64)
    }

    #[test]
    fn finds_small_large_and_shrinking_servers_with_few_refusals() {
        for (caps, what) in [
            (vec![(0, 4)], "capacity 4"),
            (vec![(0, 64)], "capacity 64"),
            (vec![(0, 32), (20_000, 4)], "32 then 4"),
        ] {
            let (used, refused) = simulate(&caps, 40_000, 256);
            assert!(used > 0.85, "{what}: used {used:.2} of the server");
            assert!(refused < 0.02, "{what}: refused {refused:.3}");
        }
    }

    #[test]
    fn one_at_a_time_stays_one() {
        let mut a = Aimd::new(1);
        for _ in 0..100 {
            a.on(Signal::Answered(Duration::from_millis(5)), Instant::now());
        }
        assert_eq!(a.limit(), 1);
    }

    #[test]
    fn slow_answers_shrink_the_level() {
        let mut a = Aimd::new(64);
        let t = Instant::now();
        for _ in 0..200 {
            a.on(Signal::Answered(Duration::from_millis(10)), t);
        }
        let high = a.limit();
        a.on(
            Signal::Answered(Duration::from_millis(100)),
            t + Duration::from_secs(1),
        );
        assert!(a.limit() < high, "{} !< {high}", a.limit());
    }

    #[tokio::test]
    async fn the_rate_spaces_requests() {
        let l = Limiter::new(8, Some(50.0));
        let start = Instant::now();
        for _ in 0..26 {
            l.acquire().await.answered();
        }
        let took = start.elapsed();
        // 26 requests at 50/s: the first at once, then 25 intervals of 20 ms.
        assert!(took >= Duration::from_millis(480), "{took:?}");
        assert!(took < Duration::from_millis(800), "{took:?}");
    }
}

//! How many requests cx2fa sends at once, found from the server's answers (bulk work against a
//! server of unknown capacity that live agents share), and how many per second at most.
//!
//! The control is AIMD, as TCP congestion control: slow start (double per window of clean
//! answers) until the first sign of overload, then one more per window; on a 429, a 503 or a
//! timeout, halve (once per round trip, so that one burst of refusals counts once). Three
//! refinements keep refusals rare, which matters on a server that agents are logging in to, and
//! costly, since a refusal's `Retry-After` holds the whole client:
//! - where overload begins is read from the refused requests themselves: a refusal with
//!   `n - 1` requests sent before it still in flight when it comes back says the server takes
//!   fewer than `n` (`ceiling`; [`Gate::release`] says why counted then, and why a timeout or a
//!   refusal the server held first keep the count from when they were sent); recovery climbs
//!   back to it at once;
//! - probing above the ceiling waits [`PROBE_AFTER`] clean windows and, when refusals made the
//!   server ask for a pause, [`PROBE_COST`] times that pause (doubling after each failed
//!   probe), so that pauses cost a client a few percent of a run at most;
//! - rising latency is overload too (a server that queues instead of refusing): when most of a
//!   window's answers are slower than [`SLOW_FACTOR`] × the fastest recent answer *of the same
//!   kind* ([`route`]: a token call, a count and a page of users are not compared with each
//!   other), the level shrinks by a tenth. One slow answer alone (a busy machine) does not.
//!
//! `--concurrency N` is the ceiling it never exceeds (`1`: strictly one at a time); `--rate R`
//! is a token bucket of R requests per second, a hard cap whatever the server could take.

use std::collections::{BTreeSet, HashMap};
use std::hash::{Hash, Hasher};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Clean windows at the remembered ceiling before trying one above it.
pub const PROBE_AFTER: u32 = 24;
/// A probe above the ceiling waits this many times the last pause a server asked for: a failed
/// probe costs one such pause, so probes cost at most about 1/PROBE_COST of a run.
pub const PROBE_COST: u32 = 50;
/// An answer this many times slower than the fastest recent one of its kind means the server
/// queues.
pub const SLOW_FACTOR: f64 = 2.0;
/// How long a kind's fastest answer stays its baseline: a server whose speed changes for good
/// is re-learnt.
const BASELINE_FOR: Duration = Duration::from_secs(10);
/// The round trip assumed before any answer.
const FIRST_RTT: Duration = Duration::from_millis(50);

/// What became of one request, as far as load goes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Signal {
    /// Answered (any status but 429/503), in this long.
    Answered(Duration),
    /// 429 or 503, in this long: the server is over its capacity.
    Refused(Duration),
    /// No answer in time: the server is over its capacity too, but when it was full is unknown.
    TimedOut,
}

/// Where a request stood when it was sent: what its answer can teach.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Sent {
    /// Requests of this client in flight with it, itself included. For a refusal on arrival,
    /// the gate counts again when it comes back ([`Gate::release`]).
    pub level: usize,
    /// Its kind ([`route`]).
    pub route: u64,
    /// Its place in the order requests were let through.
    pub seq: u64,
}

/// A request's kind for latency comparisons: the method, the path with its identifiers
/// (segments holding a digit, and realm names) blanked, and the query's
/// parameter names. `GET /admin/realms/t1/users?first=0&max=100` and the same page of another
/// tenant are one kind; a user lookup by name and a count are others.
pub fn route(method: &str, url: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    method.hash(&mut h);
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let mut blank_next = false;
    for seg in path.split('/').skip(1) {
        let id = blank_next || seg.bytes().any(|b| b.is_ascii_digit()) || seg.len() > 24;
        if id { "*" } else { seg }.hash(&mut h);
        blank_next = seg == "realms";
    }
    for pair in query.split('&') {
        pair.split('=').next().hash(&mut h);
    }
    h.finish()
}

/// The AIMD state machine, without a clock of its own (times are passed in): unit-testable.
#[derive(Debug, Clone)]
pub struct Aimd {
    limit: f64,
    max: f64,
    slow_start: bool,
    /// Answers since the last window, clean and slow.
    clean: u32,
    slow: u32,
    /// The level overload was last seen just above.
    ceiling: Option<f64>,
    windows_at_ceiling: u32,
    /// No probe above the ceiling before this (a failed probe costs a server's pause).
    probe_not_before: Option<Instant>,
    /// Probes that failed in a row: each doubles the wait before the next.
    failed_probes: u32,
    /// The level a probe above the ceiling started from: an overload during the probe puts
    /// the ceiling back there (the probe failed), not just below wherever the level got to.
    probe_from: Option<(f64, u32)>,
    /// Per kind of request, its fastest recent answer and when that was.
    baselines: HashMap<u64, (Duration, Instant)>,
    /// A smoothed round trip over all answers: the span of "one round trip".
    srtt: Option<Duration>,
    last_decrease: Option<Instant>,
    /// The last refusal that halved the level: the others of its round trip are the same burst.
    last_refused: Option<Instant>,
    /// No new request before this: a refusal comes back at once and frees its place, and
    /// without a pause the client would be refused again and again within one round trip.
    paused_until: Option<Instant>,
    /// Why the level last changed, for the `--debug` trace.
    why: &'static str,
}

impl Aimd {
    pub fn new(max: usize) -> Self {
        let max = max.max(1) as f64;
        Aimd {
            limit: 2f64.min(max),
            max,
            slow_start: true,
            clean: 0,
            slow: 0,
            ceiling: None,
            windows_at_ceiling: 0,
            probe_not_before: None,
            failed_probes: 0,
            probe_from: None,
            baselines: HashMap::new(),
            srtt: None,
            last_decrease: None,
            last_refused: None,
            paused_until: None,
            why: "start",
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

    /// The remembered ceiling, if any.
    pub fn ceiling(&self) -> Option<usize> {
        self.ceiling.map(|c| c as usize)
    }

    fn rtt(&self) -> Duration {
        self.srtt.unwrap_or(FIRST_RTT)
    }

    pub fn on(&mut self, signal: Signal, sent: Sent, now: Instant) {
        match signal {
            Signal::Refused(_) | Signal::TimedOut => {
                self.paused_until = Some(now + self.rtt());
                self.overload(sent.level, now)
            }
            Signal::Answered(rtt) => {
                self.srtt = Some(match self.srtt {
                    Some(s) => (s * 7 + rtt) / 8,
                    None => rtt,
                });
                let base = self.baseline(sent.route, rtt, now);
                let slow = rtt.as_secs_f64() > SLOW_FACTOR * base.as_secs_f64().max(0.001);
                self.answered(slow, now);
            }
        }
    }

    /// The server asked for a pause of `wait` (`Retry-After`): probing above the ceiling is
    /// put off so that failed probes, each costing such a pause, stay a small share of the run.
    pub fn held(&mut self, wait: Duration, now: Instant) {
        let gap = wait * PROBE_COST * (1 << self.failed_probes.min(6));
        let at = now + gap.min(Duration::from_secs(600));
        self.probe_not_before = Some(self.probe_not_before.map_or(at, |p| p.max(at)));
    }

    /// A refusal that came back faster than any answer of its kind: the server refused it on
    /// arrival, rather than after holding it a while.
    fn refused_on_arrival(&self, route: u64, took: Duration) -> bool {
        self.baselines
            .get(&route)
            .is_some_and(|(fastest, _)| took < *fastest)
    }

    /// The fastest answer of this kind in the last [`BASELINE_FOR`], `rtt` included.
    fn baseline(&mut self, route: u64, rtt: Duration, now: Instant) -> Duration {
        if self.baselines.len() > 4096 {
            self.baselines
                .retain(|_, (_, at)| now.duration_since(*at) <= BASELINE_FOR);
        }
        let e = self.baselines.entry(route).or_insert((rtt, now));
        if rtt < e.0 || now.duration_since(e.1) > BASELINE_FOR {
            *e = (rtt, now);
        }
        e.0
    }

    /// One answer; at the end of a window (as many answers as the level), the level moves:
    /// up when the window was clean, down a tenth when most of it was slow.
    fn answered(&mut self, slow: bool, now: Instant) {
        if slow {
            self.slow += 1;
        } else {
            self.clean += 1;
        }
        if f64::from(self.clean + self.slow) < self.limit.floor().max(1.0) {
            return;
        }
        let (clean, slow) = (self.clean, self.slow);
        self.clean = 0;
        self.slow = 0;
        if slow > clean {
            self.ease(now);
        } else if slow <= clean / 8 {
            self.grow(now);
        }
    }

    fn grow(&mut self, now: Instant) {
        // A probe that lasted a few windows worked: the server has grown.
        if let Some((from, n)) = self.probe_from {
            self.probe_from = (n < 3).then_some((from, n + 1));
            if n >= 3 {
                self.failed_probes = 0;
            }
        }
        // Doubling while below the remembered ceiling (recovering after a decrease, as TCP's
        // fast recovery) or before any overload; one more per window above it.
        let recovering = self.ceiling.is_some_and(|c| self.limit < c);
        let next = if self.slow_start || recovering {
            self.limit * 2.0
        } else {
            self.limit + 1.0
        };
        let next = match self.ceiling {
            // Back to where overload was, at once; above it, only after a while.
            Some(c) if next > c => {
                if self.limit < c {
                    self.why = "back to the ceiling";
                    c
                } else {
                    self.windows_at_ceiling += 1;
                    let waited = self.probe_not_before.is_none_or(|t| now >= t);
                    if self.windows_at_ceiling < PROBE_AFTER || !waited {
                        return;
                    }
                    self.windows_at_ceiling = 0;
                    self.ceiling = None;
                    self.probe_from = Some((self.limit, 0));
                    self.why = "probing above the ceiling";
                    self.limit + 1.0
                }
            }
            _ => {
                self.why = if self.slow_start {
                    "slow start"
                } else {
                    "a clean window"
                };
                next
            }
        };
        self.limit = next.min(self.max);
    }

    /// Most of a window was slow: the server queues. Eases off a tenth, once per round trip.
    fn ease(&mut self, now: Instant) {
        if self.within_rtt(self.last_decrease, now) {
            return;
        }
        self.last_decrease = Some(now);
        self.slow_start = false;
        self.limit = (self.limit * 0.9).max(1.0);
        self.why = "slow answers";
    }

    fn within_rtt(&self, at: Option<Instant>, now: Instant) -> bool {
        at.is_some_and(|t| now.duration_since(t) < self.rtt())
    }

    /// A refusal or a timeout of a request at `level` (as sent, or as counted again by
    /// [`Gate::release`]): the server takes fewer than that.
    /// The first of a round trip halves the level; the others of the same burst only lower the
    /// ceiling to below the lowest refused level.
    fn overload(&mut self, level: usize, now: Instant) {
        let below = (level as f64 - 1.0).max(1.0);
        if self.within_rtt(self.last_refused, now) {
            if self.ceiling.is_some_and(|c| below < c) {
                self.ceiling = Some(below);
                self.limit = self.limit.min(below);
            }
            return;
        }
        self.last_refused = Some(now);
        self.last_decrease = Some(now);
        self.slow_start = false;
        // Where overload begins: a failed probe's starting level, or else below the level
        // this request was sent at (after slow start overshot to twice the capacity, "one
        // below the current level" would be far too high).
        let ceiling = match self.probe_from.take() {
            Some((from, _)) => {
                self.failed_probes += 1;
                from.min(below)
            }
            None => below.min((self.limit.floor() - 1.0).max(1.0)),
        };
        self.ceiling = Some(ceiling);
        self.windows_at_ceiling = 0;
        self.limit = (self.limit * 0.5).min(ceiling).max(1.0);
        self.clean = 0;
        self.slow = 0;
        self.why = "refused";
    }
}

/// What the gate reports for a progress bar.
#[derive(Debug, Clone, Copy)]
pub struct Concurrency {
    pub limit: usize,
    pub in_flight: usize,
}

/// Where a trace of the level goes (`--debug`).
pub type Trace = std::sync::Arc<dyn Fn(&str) + Send + Sync>;

/// The admission logic of a [`Limiter`], without a clock of its own (times are passed in), so
/// that the simulation tests drive exactly what a run does.
#[derive(Debug, Clone)]
pub struct Gate {
    aimd: Aimd,
    fixed: bool,
    /// The requests in flight, by their place in the order they were let through.
    in_flight: BTreeSet<u64>,
    next_seq: u64,
    next_slot: Option<Instant>,
    /// Seconds between two requests under `--rate`.
    interval: Option<Duration>,
    /// No request starts before this: a server's `Retry-After`, which is for the whole client.
    held_until: Option<Instant>,
}

impl Gate {
    pub fn new(max: usize, rate: Option<f64>) -> Self {
        Gate {
            aimd: Aimd::new(max),
            fixed: max <= 1,
            in_flight: BTreeSet::new(),
            next_seq: 0,
            next_slot: None,
            interval: rate
                .filter(|r| *r > 0.0)
                .and_then(|r| Duration::try_from_secs_f64(1.0 / r).ok()),
            held_until: None,
        }
    }

    /// Exactly `n` at once, whatever the answers.
    pub fn fixed(n: usize, rate: Option<f64>) -> Self {
        let mut g = Gate::new(n, rate);
        g.aimd.limit = n.max(1) as f64;
        g.fixed = true;
        g
    }

    /// A request may start now (it is counted in flight: `Ok` with its level and place; the
    /// caller fills in its route), or not before `Err(Some(wait))`, or not before a request
    /// ends (`Err(None)`).
    pub fn admit(&mut self, now: Instant) -> Result<Sent, Option<Duration>> {
        if let Some(held) = self.held_until.filter(|until| *until > now) {
            // Even at a fixed concurrency: this is the server's word, not a guess.
            return Err(Some(held - now));
        }
        if let Some(pause) = self.aimd.pause(now).filter(|_| !self.fixed) {
            return Err(Some(pause));
        }
        if self.in_flight.len() >= self.aimd.limit() {
            return Err(None);
        }
        if let Some(step) = self.interval {
            let next = self.next_slot.unwrap_or(now);
            if next > now {
                return Err(Some(next - now));
            }
            // A bucket of one: requests are spaced, never bunched, so any window of the run
            // holds at most its share.
            let floor = now.checked_sub(step).unwrap_or(now);
            self.next_slot = Some(next.max(floor) + step);
        }
        let seq = self.next_seq;
        self.next_seq += 1;
        self.in_flight.insert(seq);
        Ok(Sent {
            level: self.in_flight.len(),
            route: 0,
            seq,
        })
    }

    /// The server asked for a pause until `until`; a longer hold already set stays.
    pub fn hold(&mut self, until: Instant, now: Instant) {
        self.held_until = Some(self.held_until.map_or(until, |h| h.max(until)));
        self.aimd.held(until.saturating_duration_since(now), now);
    }

    /// A request sent as `sent` ended; `signal` is what it says about load, if anything.
    ///
    /// A refusal says the server was full when the request reached it. Its level when it was
    /// let through overstates what the server then held by the requests sent before it that
    /// ended at the server meanwhile: in a burst (slow start doubling, a return to the
    /// ceiling) the requests take a millisecond or more to leave, and at 3,000 answers a
    /// second several end in that time (#30: a ceiling of 65 or 66 read at capacity 64, and a
    /// second refusal and whole-client pause to correct it). So a refusal on arrival is
    /// counted at the requests sent before it that are still in flight when it comes back,
    /// itself included: answers come back in the order the server sent them, so those that
    /// ended before the refusal was sent are back and out of the count, and those still at
    /// the server are in it. A refusal that took longer than an answer (held, then refused)
    /// and a timeout keep the level they were sent at: requests sent after them may have
    /// filled the server meanwhile, and the count would be too low.
    pub fn release(&mut self, signal: Option<Signal>, sent: Sent, now: Instant) {
        let was_in_flight = self.in_flight.remove(&sent.seq);
        debug_assert!(was_in_flight, "request {} released twice", sent.seq);
        if let (Some(sig), false) = (signal, self.fixed) {
            let sent = match sig {
                Signal::Refused(took) if self.aimd.refused_on_arrival(sent.route, took) => Sent {
                    level: self.in_flight.range(..sent.seq).count() + 1,
                    ..sent
                },
                _ => sent,
            };
            self.aimd.on(sig, sent, now);
        }
    }

    pub fn level(&self) -> Concurrency {
        Concurrency {
            limit: self.aimd.limit(),
            in_flight: self.in_flight.len(),
        }
    }
}

/// The gate every request of a run passes: at most `limit` in flight, at most `rate` a second.
pub struct Limiter {
    gate: Mutex<Gate>,
    changed: tokio::sync::Notify,
    trace: Option<Trace>,
}

impl Limiter {
    /// `max`: the ceiling (`--concurrency`); `rate`: requests per second (`--rate`).
    pub fn new(max: usize, rate: Option<f64>) -> Self {
        Limiter::with_gate(Gate::new(max, rate))
    }

    /// Exactly `n` at once, whatever the answers (`--fixed-concurrency`).
    pub fn fixed(n: usize, rate: Option<f64>) -> Self {
        Limiter::with_gate(Gate::fixed(n, rate))
    }

    fn with_gate(gate: Gate) -> Self {
        Limiter {
            gate: Mutex::new(gate),
            changed: tokio::sync::Notify::new(),
            trace: None,
        }
    }

    /// Reports each change of the level, and why, to `trace` (`--debug`).
    pub fn with_trace(mut self, trace: Trace) -> Self {
        self.trace = Some(trace);
        self
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Gate> {
        self.gate.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Waits for a turn: a free place under the current level, and the rate's next slot.
    /// `route`: the request's kind ([`route`]).
    pub async fn acquire(&self, route: u64) -> Permit<'_> {
        loop {
            let changed = self.changed.notified();
            let admitted = self.lock().admit(Instant::now());
            match admitted {
                Ok(sent) => {
                    return Permit {
                        limiter: self,
                        sent: Sent { route, ..sent },
                        started: Instant::now(),
                        done: false,
                    }
                }
                Err(None) => changed.await,
                Err(Some(d)) => {
                    tokio::select! {
                        _ = tokio::time::sleep(d) => {}
                        _ = changed => {}
                    }
                }
            }
        }
    }

    /// Starts no request for `wait` (a server's `Retry-After`); a longer hold already set
    /// stays.
    pub fn hold(&self, wait: Duration) {
        let now = Instant::now();
        self.lock().hold(now + wait, now);
    }

    pub fn level(&self) -> Concurrency {
        self.lock().level()
    }

    fn release(&self, signal: Option<Signal>, sent: Sent) {
        let change = {
            let mut g = self.lock();
            let before = g.aimd.limit();
            g.release(signal, sent, Instant::now());
            let after = g.aimd.limit();
            (before != after).then(|| (before, after, g.aimd.why, g.aimd.ceiling()))
        };
        if let (Some(t), Some((before, after, why, ceiling))) = (&self.trace, change) {
            let ceiling = ceiling.map_or(String::new(), |c| format!(", ceiling {c}"));
            t(&format!(
                "limiter: {after} at once (was {before}): {why}{ceiling}"
            ));
        }
        self.changed.notify_waiters();
    }
}

/// A turn at the gate; report how it went with [`Permit::answered`], [`Permit::refused`] or
/// [`Permit::timed_out`] (dropping it reports nothing: a failure that says nothing about load).
pub struct Permit<'a> {
    limiter: &'a Limiter,
    sent: Sent,
    started: Instant,
    done: bool,
}

impl Permit<'_> {
    pub fn answered(mut self) {
        self.done = true;
        let signal = Signal::Answered(self.started.elapsed());
        self.limiter.release(Some(signal), self.sent);
    }
    /// Answered 429 or 503.
    pub fn refused(mut self) {
        self.done = true;
        let signal = Signal::Refused(self.started.elapsed());
        self.limiter.release(Some(signal), self.sent);
    }
    pub fn timed_out(mut self) {
        self.done = true;
        self.limiter.release(Some(Signal::TimedOut), self.sent);
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        if !self.done {
            self.limiter.release(None, self.sent);
        }
    }
}

#[cfg(test)]
mod tests;

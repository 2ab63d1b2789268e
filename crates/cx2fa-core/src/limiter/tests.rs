//! The limiter against simulated servers, in virtual time: each shape is run by the default
//! client and by a client told the server's capacity (fixed at it, switching when it changes),
//! in the same simulation; the default must do nearly as well with few refusals.
//! `cargo test -p cx2fa-core limiter -- --nocapture` prints each shape's figures
//! (`CX2FA_SIM_TRACE=1`: also the level over time).
#![allow(clippy::print_stderr)]

use super::*;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};

const MS: Duration = Duration::from_millis(1);

/// A server: its capacity over the run, what it does beyond it, and its answers' latencies.
struct Server {
    /// `(after this many requests done, capacity)`; capacity 0 is unlimited.
    caps: Vec<(usize, usize)>,
    /// Latency of each kind of request; request `i` is of kind `i % kinds.len()`.
    kinds: Vec<Duration>,
    /// Beyond capacity a request waits for a place (latency grows) instead of a 429.
    queue: bool,
    /// The `Retry-After` of a 429: the whole client holds for it.
    retry_after: Duration,
    /// Requests to get answered, each exactly once.
    n: usize,
}

impl Server {
    fn cap(&self, done: usize) -> usize {
        self.caps
            .iter()
            .rev()
            .find(|(after, _)| done >= *after)
            .map_or(0, |c| c.1)
    }
}

#[derive(Debug)]
struct SimOutcome {
    took: Duration,
    sent: usize,
    refused: usize,
    /// `(time, level)` at each change of the level.
    trace: Vec<(Duration, usize)>,
}

/// How long an answer or a refusal takes to reach the client once the server sent it.
const BACK: Duration = Duration::from_micros(200);

#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum Ev {
    Wake,
    /// The server is done with a request: its place is free (its answer reaches the client
    /// [`BACK`] later).
    Freed,
    /// Request `req` sent as `sent` (level, kind, place) at `started` (ns) comes back to the
    /// client, answered or refused.
    Done {
        req: usize,
        sent: (usize, u64, u64),
        started: u64,
        ok: bool,
    },
}

/// Runs `server` with a client at `gate`; `told`: the gate is fixed at the server's capacity
/// (or at `told_unlimited` when unlimited), following its changes.
fn run(server: &Server, mut gate: Gate, told: Option<usize>) -> SimOutcome {
    let t0 = Instant::now();
    let ns = |d: Duration| d.as_nanos() as u64;
    let mut now = 0u64;
    let mut events = BinaryHeap::new();
    let mut seq = 0u64;
    let mut push = |events: &mut BinaryHeap<_>, at: u64, ev: Ev| {
        seq += 1;
        events.push(Reverse((at, seq, ev)));
    };
    let mut pending: VecDeque<usize> = (0..server.n).collect();
    let mut waiting: VecDeque<(usize, (usize, u64, u64), u64)> = VecDeque::new();
    let (mut in_service, mut done, mut sent, mut refused) = (0usize, 0usize, 0usize, 0usize);
    let mut next_wake: Option<u64> = None;
    let mut trace = vec![(Duration::ZERO, gate.level().limit)];
    let mut cap = server.cap(0);
    // Each request's latency varies by up to a tenth either way (deterministically), as a real
    // server's do: answers that all came back at once would keep the client's requests in
    // step, as they never are.
    let lat = |req: usize| {
        let spread = (req as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 54; // 0..1024
        server.kinds[req % server.kinds.len()].mul_f64(0.9 + 0.2 * spread as f64 / 1024.0)
    };
    while done < server.n {
        // Every request the gate lets through now.
        while !pending.is_empty() {
            match gate.admit(t0 + Duration::from_nanos(now)) {
                Ok(s) => {
                    let req = pending.pop_front().expect("pending");
                    let kind = (req % server.kinds.len()) as u64;
                    let level = (s.level, kind, s.seq);
                    sent += 1;
                    if cap == 0 || in_service < cap {
                        in_service += 1;
                        let ev = Ev::Done {
                            req,
                            sent: level,
                            started: now,
                            ok: true,
                        };
                        push(&mut events, now + ns(lat(req)), Ev::Freed);
                        push(&mut events, now + ns(lat(req) + BACK), ev);
                    } else if server.queue {
                        waiting.push_back((req, level, now));
                    } else {
                        refused += 1;
                        let ev = Ev::Done {
                            req,
                            sent: level,
                            started: now,
                            ok: false,
                        };
                        push(&mut events, now + ns(BACK), ev);
                    }
                }
                Err(Some(d)) => {
                    let at = now + ns(d);
                    if next_wake.is_none_or(|w| w <= now || w > at) {
                        next_wake = Some(at);
                        push(&mut events, at, Ev::Wake);
                    }
                    break;
                }
                Err(None) => break,
            }
        }
        let Reverse((at, _, ev)) = events.pop().expect("a request in flight or a wake");
        now = at;
        let t = t0 + Duration::from_nanos(now);
        match ev {
            Ev::Wake => {}
            Ev::Freed => {
                in_service -= 1;
                while server.queue && (cap == 0 || in_service < cap) {
                    let Some((req, sent, started)) = waiting.pop_front() else {
                        break;
                    };
                    in_service += 1;
                    let ev = Ev::Done {
                        req,
                        sent,
                        started,
                        ok: true,
                    };
                    push(&mut events, now + ns(lat(req)), Ev::Freed);
                    push(&mut events, now + ns(lat(req) + BACK), ev);
                }
            }
            Ev::Done {
                req,
                sent: (level, route, seq),
                started,
                ok,
            } => {
                let s = Sent { level, route, seq };
                if ok {
                    done += 1;
                    let rtt = Duration::from_nanos(now - started);
                    gate.release(Some(Signal::Answered(rtt)), s, t);
                    let new_cap = server.cap(done);
                    if new_cap != cap {
                        cap = new_cap;
                        if told.is_some() {
                            gate.aimd.limit = cap as f64;
                        }
                    }
                } else {
                    let took = Duration::from_nanos(now - started);
                    gate.release(Some(Signal::Refused(took)), s, t);
                    gate.hold(t + server.retry_after, t);
                    pending.push_front(req);
                }
            }
        }
        let level = gate.level().limit;
        if trace.last().is_some_and(|(_, l)| *l != level) {
            trace.push((Duration::from_nanos(now), level));
        }
    }
    SimOutcome {
        took: Duration::from_nanos(now),
        sent,
        refused,
        trace,
    }
}

fn told_gate(server: &Server, unlimited: usize) -> (Gate, Option<usize>) {
    let n = match server.cap(0) {
        0 => unlimited,
        c => c,
    };
    (Gate::fixed(n, None), Some(n))
}

/// The default client's time as a share of the told client's (1.0: as fast), and the share of
/// its requests refused.
fn ratio(server: &Server, max: usize) -> (f64, f64, SimOutcome) {
    let (g, told) = told_gate(server, max);
    let best = run(server, g, told);
    let got = run(server, Gate::new(max, None), None);
    if std::env::var_os("CX2FA_SIM_TRACE").is_some() {
        let t: Vec<String> = got
            .trace
            .iter()
            .map(|(at, l)| format!("{}ms:{l}", at.as_millis()))
            .collect();
        eprintln!("trace: {}", t.join(" "));
    }
    let r = best.took.as_secs_f64() / got.took.as_secs_f64();
    (r, got.refused as f64 / got.sent as f64, got)
}

fn reject(caps: Vec<(usize, usize)>, kinds: Vec<Duration>, n: usize) -> Server {
    Server {
        caps,
        kinds,
        queue: false,
        retry_after: Duration::from_secs(1),
        n,
    }
}

/// Each shape's told client takes about 20 s: the one pause a first refusal costs (the
/// server's `Retry-After: 1` holds the whole client) is then 5% of the run, and the default
/// client's share of the told client's speed is at most 95%.
#[test]
fn near_the_told_client_on_every_shape() {
    let ms20 = vec![20 * MS];
    let mixed = vec![MS, 40 * MS];
    let shapes = [
        ("capacity 4", reject(vec![(0, 4)], ms20.clone(), 4_000), 0.9),
        (
            "capacity 32",
            reject(vec![(0, 32)], ms20.clone(), 32_000),
            0.9,
        ),
        (
            "capacity 64",
            reject(vec![(0, 64)], ms20.clone(), 64_000),
            0.9,
        ),
        (
            "capacity 32 then 4",
            reject(vec![(0, 32), (4_000, 4)], ms20.clone(), 8_000),
            // Three pauses of 1 s cannot be avoided here: one refusal finds the first
            // capacity, one says the server shrank, one says by how much (a refusal is the
            // only sign such a server gives). The told client (switching at the right moment)
            // takes 22.6 s: the best a client that has to find out can do is 22.6 / 25.6.
            0.88,
        ),
        (
            // The same three pauses on a run of 36 s (as `benches/adaptive.sh`'s long one).
            "capacity 32 then 4, a longer run",
            reject(vec![(0, 32), (6_400, 4)], ms20.clone(), 12_800),
            0.9,
        ),
        (
            "1 ms and 40 ms answers, capacity 16",
            reject(vec![(0, 16)], mixed.clone(), 16_000),
            0.9,
        ),
        (
            "queueing server, capacity 16",
            Server {
                caps: vec![(0, 16)],
                kinds: ms20.clone(),
                queue: true,
                retry_after: Duration::ZERO,
                n: 16_000,
            },
            0.9,
        ),
        (
            "queueing server, 1 ms and 40 ms answers",
            Server {
                caps: vec![(0, 16)],
                kinds: mixed.clone(),
                queue: true,
                retry_after: Duration::ZERO,
                n: 16_000,
            },
            0.9,
        ),
        // Against an unlimited server the told client is the ceiling, 128.
        ("unlimited", reject(vec![(0, 0)], ms20, 128_000), 0.9),
        (
            "unlimited, mixed",
            reject(vec![(0, 0)], mixed, 128_000),
            0.9,
        ),
    ];
    let mut failed = vec![];
    for (what, server, want) in &shapes {
        let (r, refused, got) = ratio(server, 128);
        eprintln!(
            "{what}: {:.1}% of the told client, {:.2}% refused, {:.2} s, {} level changes",
            100.0 * r,
            100.0 * refused,
            got.took.as_secs_f64(),
            got.trace.len()
        );
        if r < *want || refused >= 0.02 {
            failed.push(format!("{what}: {r:.3} of told, refused {refused:.4}"));
        }
    }
    assert!(failed.is_empty(), "{failed:#?}");
}

/// The first refusal of a large server says where its limit is: after it, the level sits
/// at the capacity, not at a fraction of it.
#[test]
fn the_ceiling_is_the_capacity() {
    let server = reject(vec![(0, 64)], vec![20 * MS], 20_000);
    let got = run(&server, Gate::new(128, None), None);
    let last = got.trace.last().expect("trace").1;
    assert_eq!(last, 64, "{:?}", got.trace);
    // One burst of refusals, at the end of slow start.
    assert!(got.refused <= 64, "refused {}", got.refused);
}

/// 64 requests in flight at a server of capacity 64 and a burst of three more let through;
/// two old requests end and the burst's first two take their places; the third ends as
/// `third` says, `took` after it was sent. Returns the ceiling read from it.
fn burst_at_64(third: impl Fn(Duration) -> Signal, took: Duration) -> Option<usize> {
    burst_at_64_of(third, took, 0)
}

/// [`burst_at_64`], the third request of kind `route` (the others are of kind 0).
fn burst_at_64_of(third: impl Fn(Duration) -> Signal, took: Duration, route: u64) -> Option<usize> {
    let t = Instant::now();
    let mut gate = Gate::new(128, None);
    gate.aimd.limit = 128.0;
    gate.aimd.slow_start = false;
    let old: Vec<Sent> = (0..64).map(|_| gate.admit(t).expect("room")).collect();
    let burst: Vec<Sent> = (0..3).map(|_| gate.admit(t).expect("room")).collect();
    assert_eq!(burst[2].level, 67);
    let answered = Signal::Answered(20 * MS);
    gate.release(Some(answered), old[0], t + 20 * MS);
    gate.release(Some(answered), old[1], t + 20 * MS);
    let last = Sent { route, ..burst[2] };
    gate.release(Some(third(took)), last, t + 20 * MS + took);
    assert_eq!(gate.level().in_flight, 64);
    gate.aimd.ceiling()
}

/// A burst takes time to leave: requests sent before a refused one may end at the server
/// before it arrives, and their places go to the burst's first requests. A refusal on arrival
/// is counted at what is still in flight when it comes back, not at its level when sent,
/// which would put the ceiling above the capacity (and cost a second refusal and pause).
#[test]
fn a_refusal_counts_what_is_still_in_flight_when_it_comes_back() {
    assert_eq!(burst_at_64(Signal::Refused, MS), Some(64));
}

/// A refusal slower than an answer (the server held it first) and a timeout say nothing about
/// when the server was full: requests sent after them may have filled it meanwhile. They keep
/// the level they were sent at.
#[test]
fn a_held_refusal_and_a_timeout_keep_their_level() {
    assert_eq!(burst_at_64(Signal::Refused, 30 * MS), Some(66));
    assert_eq!(burst_at_64(|_| Signal::TimedOut, 30 * MS), Some(66));
    // A kind never answered yet: nothing says the refusal came on arrival.
    assert_eq!(burst_at_64_of(Signal::Refused, MS, 7), Some(66));
}

#[test]
fn one_at_a_time_stays_one() {
    let mut a = Aimd::new(1);
    for _ in 0..100 {
        a.on(
            Signal::Answered(Duration::from_millis(5)),
            Sent::default(),
            Instant::now(),
        );
    }
    assert_eq!(a.limit(), 1);
}

#[test]
fn a_slow_window_shrinks_the_level_and_one_slow_answer_does_not() {
    let mut a = Aimd::new(64);
    let t = Instant::now();
    let s = Sent::default();
    for i in 0..200 {
        a.on(Signal::Answered(10 * MS), s, t + i * MS);
    }
    let high = a.limit();
    let t = t + Duration::from_secs(1);
    a.on(Signal::Answered(100 * MS), s, t);
    assert_eq!(a.limit(), high, "one slow answer");
    for i in 0..high as u32 {
        a.on(Signal::Answered(100 * MS), s, t + i * MS);
    }
    assert!(a.limit() < high, "{} !< {high}", a.limit());
}

#[test]
fn kinds_are_compared_with_their_own() {
    // A fast token call and slow pages: not a slow server.
    let mut a = Aimd::new(64);
    let t = Instant::now();
    let (fast, slow) = (
        Sent {
            level: 1,
            route: 1,
            seq: 0,
        },
        Sent {
            level: 1,
            route: 2,
            seq: 1,
        },
    );
    for i in 0..400u32 {
        let (sig, s) = if i % 2 == 0 {
            (Signal::Answered(MS), fast)
        } else {
            (Signal::Answered(43 * MS), slow)
        };
        a.on(sig, s, t + i * MS);
    }
    assert_eq!(a.limit(), 64);
}

#[test]
fn routes_blank_identifiers() {
    let r = |m, u| route(m, u);
    let page = "http://h/admin/realms/t1/users?first=0&max=100";
    assert_eq!(
        r("GET", page),
        r("GET", "http://h/admin/realms/other/users?first=100&max=100")
    );
    assert_eq!(
        r(
            "PUT",
            "http://h/admin/realms/a/users/0b9a2f0e-1111-4c2e-9d8e-3a1f2b3c4d5e"
        ),
        r(
            "PUT",
            "http://h/admin/realms/b/users/7c9a2f0e-2222-4c2e-9d8e-3a1f2b3c4d5e"
        )
    );
    assert_ne!(
        r("GET", page),
        r(
            "GET",
            "http://h/admin/realms/t1/users?username=x&exact=true"
        )
    );
    assert_ne!(
        r("GET", page),
        r("GET", "http://h/admin/realms/t1/users/count")
    );
    assert_ne!(r("GET", page), r("POST", page));
}

#[tokio::test]
async fn the_rate_spaces_requests() {
    let l = Limiter::new(8, Some(50.0));
    let start = Instant::now();
    for _ in 0..26 {
        l.acquire(0).await.answered();
    }
    let took = start.elapsed();
    // 26 requests at 50/s: the first at once, then 25 intervals of 20 ms.
    assert!(took >= Duration::from_millis(480), "{took:?}");
    assert!(took < Duration::from_millis(800), "{took:?}");
}

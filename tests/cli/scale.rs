//! Bulk work that finds the server's pace: 429 storms, a capacity that drops mid-run, `--rate`,
//! strictly sequential `--concurrency 1`, and fleets of tenants with one that fails.

use crate::support::{file, interrupt, run, wait_at_most, Sandbox};
use cx2fa_sandbox::capacity::CapacityMode;
use cx2fa_sandbox::Config;
use serde_json::{json, Value};
use std::time::{Duration, Instant};

fn finite(capacity: usize, latency_ms: u64, users: usize) -> Sandbox {
    Sandbox::with(Config {
        capacity,
        capacity_mode: CapacityMode::Reject,
        latency_ms,
        users,
        ..Config::default()
    })
}

fn stats(sb: &Sandbox) -> Value {
    sb.get("/sandbox/stats", None).1
}

/// Enrolled generated users (every 4th is not enrolled).
fn enrolled_names(n: usize) -> (tempfile::TempDir, String) {
    let names: String = (1..=n * 4 / 3 + 4)
        .filter(|i| i % 4 != 1)
        .take(n)
        .map(|i| format!("user{i:06}\n"))
        .collect();
    file(names.as_bytes())
}

fn report_rows(path: &std::path::Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn every_row_once(report: &std::path::Path, n: usize) {
    let (total, names) = crate::support::report_usernames(report);
    assert_eq!((total, names.len()), (n, n), "every row exactly once");
    assert!(
        report_rows(report).iter().all(|r| r["outcome"] == "reset"),
        "all reset"
    );
}

/// A server of capacity 2 refusing everything beyond: every row is done once, and cx2fa keeps
/// its refusals rare (it does not flood the server that agents share).
#[test]
fn a_small_server_is_not_flooded() {
    let n = 120;
    let sb = finite(2, 10, n * 4 / 3 + 4);
    let (_d, names) = enrolled_names(n);
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("r.ndjson");
    let o = run(sb
        .cmd()
        .args([
            "user",
            "reset",
            "--from",
            &names,
            "--yes",
            "--report",
            report.to_str().unwrap(),
        ])
        .timeout(Duration::from_secs(120)));
    assert_eq!(o.status, 0, "{o}");
    every_row_once(&report, n);
    let s = stats(&sb);
    let share = s["rejected"].as_f64().unwrap() / s["requests"].as_f64().unwrap();
    assert!(share < 0.10, "429 share {share:.3}: {s}");
    assert!(s["maxInFlight"].as_u64().unwrap() <= 2);
}

/// The capacity drops from 16 to 2 halfway: cx2fa backs off and finishes every row once.
#[test]
fn a_capacity_drop_mid_run_is_survived() {
    let n = 240;
    let sb = finite(16, 5, n * 4 / 3 + 4);
    let (_d, names) = enrolled_names(n);
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("r.ndjson");
    let watched = report.clone();
    let (url, token) = (sb.url.clone(), sb.token.clone());
    let dropper = std::thread::spawn(move || {
        let rt = tokio::runtime::Runtime::new().unwrap();
        for _ in 0..20_000 {
            let done = std::fs::read_to_string(&watched)
                .map(|t| t.lines().count())
                .unwrap_or(0);
            if done >= n / 2 {
                rt.block_on(async {
                    reqwest::Client::new()
                        .post(format!("{url}/sandbox/capacity"))
                        .header("X-Sandbox-Token", &token)
                        .json(&json!({"capacity": 2}))
                        .send()
                        .await
                        .unwrap();
                });
                return true;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        false
    });
    let o = run(sb
        .cmd()
        .args([
            "user",
            "reset",
            "--from",
            &names,
            "--yes",
            "--report",
            report.to_str().unwrap(),
        ])
        .timeout(Duration::from_secs(120)));
    assert!(
        dropper.join().unwrap(),
        "the capacity dropped during the run"
    );
    assert_eq!(o.status, 0, "{o}");
    every_row_once(&report, n);
}

/// `--rate N` caps requests per second; `--concurrency 1` is strictly one at a time.
#[test]
fn rate_and_sequential_caps_hold() {
    let sb = finite(0, 0, 60);
    let (_d, names) = enrolled_names(30);
    let started = Instant::now();
    let o = run(sb
        .cmd()
        .args(["user", "reset", "--from", &names, "--yes", "--rate", "40"])
        .timeout(Duration::from_secs(60)));
    assert_eq!(o.status, 0, "{o}");
    let s = stats(&sb);
    let requests = s["requests"].as_u64().unwrap();
    // Spaced at 25 ms: n requests take at least (n - 1) x 25 ms.
    let floor = Duration::from_millis((requests - 1) * 25);
    assert!(
        started.elapsed() >= floor,
        "{:?} < {floor:?} for {requests}",
        started.elapsed()
    );
    let busiest = s["perSecond"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap())
        .max()
        .unwrap();
    assert!(
        busiest <= 42,
        "{busiest} requests in one second at --rate 40"
    );

    for absurd in ["0", "-5", "1e-300", "NaN", "inf"] {
        let o = run(sb.cmd().args(["tenant", "list", "--rate", absurd]));
        assert_eq!(o.status, 2, "--rate {absurd}: {o}");
        assert!(!o.stderr.contains("panicked"), "{o}");
    }

    let sb = finite(0, 2, 60);
    let (_d, names) = enrolled_names(20);
    let o = run(sb.cmd().args([
        "user",
        "reset",
        "--from",
        &names,
        "--yes",
        "--concurrency",
        "1",
    ]));
    assert_eq!(o.status, 0, "{o}");
    assert_eq!(stats(&sb)["maxInFlight"], 1, "strictly sequential");
}

/// A fleet with one broken tenant: its row says why, the others are complete, exit 5.
#[test]
fn a_fleet_with_one_failing_tenant() {
    let sb = Sandbox::with(Config {
        tenants: 3,
        users: 12,
        ..Config::default()
    });
    // Point fleet0002 at a realm that does not exist.
    let mut doc = sb.tenant("fleet0002");
    doc["tenantSettings"]["keyCloak"]["realm"] = json!("gone");
    let status = sb.put_tenant("fleet0002", &doc);
    assert_eq!(status, 200);
    let o = run(sb
        .cmd()
        .args(["user", "status", "--all-tenants", "-o", "json"]));
    assert_eq!(o.status, 5, "{o}");
    let v: Value = serde_json::from_str(&o.stdout).unwrap();
    let rows = v["tenants"].as_array().unwrap();
    // The seed's four tenants and the three generated ones.
    assert_eq!(rows.len(), 7);
    let broken = rows.iter().find(|r| r["tenant"] == "fleet0002").unwrap();
    assert!(
        broken["error"].is_string() && broken["posture"].is_null(),
        "{broken}"
    );
    let ok = rows.iter().filter(|r| r["posture"]["users"] == 12).count();
    assert_eq!(ok, 2, "fleet0001 and fleet0003 complete: {v:#}");
    assert!(
        o.stderr.contains("1 of 7 tenant(s) failed: fleet0002"),
        "{o}"
    );
    let o = run(sb
        .cmd()
        .args(["user", "status", "--all-tenants", "-o", "csv"]));
    assert_eq!(o.status, 5);
    assert!(
        o.stdout
            .starts_with("tenant,realm,users,enrolled,unregistered,stale,sharedContacts,error\n"),
        "{o}"
    );

    // One reset over the fleet: rows name their tenant; the broken tenant makes it partial.
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("r.ndjson");
    let o = run(sb.cmd().args([
        "user",
        "reset",
        "--all-tenants",
        "--filter",
        "stale",
        "--yes",
        "--report",
        report.to_str().unwrap(),
        "-o",
        "json",
    ]));
    assert_eq!(o.status, 5, "{o}");
    let rows = report_rows(&report);
    let mut tenants: Vec<&str> = rows.iter().map(|r| r["tenant"].as_str().unwrap()).collect();
    tenants.sort();
    tenants.dedup();
    assert_eq!(tenants, ["expertflow", "fleet0001", "fleet0003"]);
    assert!(rows.iter().all(|r| r["outcome"] == "reset"));
    let v: Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(v["tenantErrors"][0]["tenant"], "fleet0002");
    // The same filter again finds nothing stale where it worked.
    let out = run(sb.cmd().args([
        "user",
        "status",
        "-t",
        "fleet0001",
        "--filter",
        "stale",
        "-o",
        "json",
    ]))
    .stdout;
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["users"].as_array().unwrap().len(), 0);
}

/// A filter Keycloak can express (`channel=`) is asked of the server (`q=twoFAChannel:...`,
/// both spellings releases wrote); the rows are the same as a whole scan would find.
#[test]
fn channel_filters_are_asked_of_the_server() {
    let sb = Sandbox::start();
    let o = run(sb.cmd().args([
        "user",
        "reset",
        "--filter",
        "channel=SMS",
        "--dry-run",
        "--debug",
        "-o",
        "json",
    ]));
    assert_eq!(o.status, 0, "{o}");
    assert!(
        o.stderr.contains("q=twoFAChannel%3ASMS") && o.stderr.contains("q=twoFAChannel%3Asms"),
        "{o}"
    );
    assert!(
        !o.stderr.contains("users?first=0&max=100 "),
        "no whole scan: {o}"
    );
    let v: Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(v["summary"]["wouldReset"], 2, "{v}");
    // The same users a whole scan with the same filter lists.
    let out = run(sb
        .cmd()
        .args(["user", "status", "--filter", "channel=SMS", "-o", "json"]))
    .stdout;
    let listed: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(listed["users"].as_array().unwrap().len(), 2);
}

/// Whether a user still carries enrolment, as the sandbox stores it.
fn enrolled(sb: &Sandbox, realm: &str, username: &str) -> bool {
    let a = sb.stored_attrs(realm, username);
    a.get("is2FARegistered").is_some() || a.get("twoFAChannel").is_some()
}

/// Ctrl-C 1.5 s into a bulk reset at a slow server: no new write starts, waits end, the run
/// exits 130 within a round trip, and the report is exactly what the server received: every
/// user reported `reset` is clean, every other listed user is still enrolled.
#[test]
fn ctrl_c_stops_a_bulk_reset_at_once_and_the_report_is_what_the_server_received() {
    let n = 400;
    let sb = Sandbox::with(Config {
        latency_ms: 150,
        users: n * 4 / 3 + 4,
        ..Config::default()
    });
    let (_d, names) = enrolled_names(n);
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("r.ndjson");
    let child = sb.spawn(&[
        "user",
        "reset",
        "--from",
        &names,
        "--yes",
        "--report",
        report.to_str().unwrap(),
    ]);
    std::thread::sleep(Duration::from_millis(1500));
    interrupt(&child);
    let (o, waited) = wait_at_most(child, Duration::from_secs(20));
    assert_eq!(o.status, 130, "{o}");
    // One request on the wire (150 ms) plus the verify read at most; never a retry cycle.
    assert!(waited < Duration::from_secs(2), "took {waited:?} to stop");
    assert!(o.stderr.contains("interrupted"), "{o}");
    // Cancelled: what to do next.
    insta::assert_snapshot!(o.final_error(), @r"
        cancelled

        hint: rows not started are not in the report; continue with `--resume REPORT`
    ");
    let rows = report_rows(&report);
    let reset: std::collections::HashSet<String> = rows
        .iter()
        .filter(|r| r["outcome"] == "reset")
        .map(|r| r["username"].as_str().unwrap().to_string())
        .collect();
    assert!(
        !reset.is_empty() && reset.len() < n,
        "{} reset",
        reset.len()
    );
    let listed = std::fs::read_to_string(&names).unwrap();
    for name in listed.lines() {
        assert_eq!(
            enrolled(&sb, "expertflow", name),
            !reset.contains(name),
            "{name}: the report and the server disagree"
        );
    }
    // Rows cut short before their write are not in the report: `--resume` does them.
    assert!(rows.iter().all(|r| r["outcome"] == "reset"), "{rows:?}");
    // The summary counts them, so that its numbers add up to the input.
    let not_started = n - reset.len();
    assert!(
        o.stdout
            .contains(&format!(" row(s): {} reset,", reset.len()))
            && o.stdout
                .contains(&format!("; {not_started} not started (interrupted)")),
        "{o}"
    );
}

/// The first Ctrl-C lets a write already on the wire finish (its answer says whether it
/// happened); a second one ends the run at once, here with writes that take 10 s to answer.
#[test]
fn a_second_ctrl_c_quits_at_once() {
    let sb = Sandbox::with(Config {
        write_latency_ms: 10_000,
        users: 20,
        ..Config::default()
    });
    let child = sb.spawn(&["user", "reset", "user000002", "user000003", "--yes"]);
    std::thread::sleep(Duration::from_millis(1500));
    interrupt(&child);
    std::thread::sleep(Duration::from_millis(500));
    let mut child = child;
    assert!(
        child.try_wait().unwrap().is_none(),
        "the write on the wire is waited for"
    );
    interrupt(&child);
    let (o, waited) = wait_at_most(child, Duration::from_secs(5));
    assert_eq!(o.status, 130, "{o}");
    assert!(waited < Duration::from_secs(1), "took {waited:?}");
}

/// Ctrl-C during a fleet reset stops every tenant's run and exits 130; the report holds what
/// the server received in each tenant.
#[test]
fn ctrl_c_stops_a_fleet_reset() {
    let sb = Sandbox::with(Config {
        tenants: 3,
        users: 120,
        latency_ms: 150,
        ..Config::default()
    });
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("r.ndjson");
    let child = sb.spawn(&[
        "user",
        "reset",
        "--all-tenants",
        "--filter",
        "channel=EMAIL",
        "--yes",
        "--report",
        report.to_str().unwrap(),
    ]);
    std::thread::sleep(Duration::from_millis(2500));
    interrupt(&child);
    let (o, waited) = wait_at_most(child, Duration::from_secs(20));
    assert_eq!(o.status, 130, "{o}");
    assert!(waited < Duration::from_secs(2), "took {waited:?} to stop");
    for r in report_rows(&report) {
        let (realm, name) = (
            r["realm"].as_str().unwrap(),
            r["username"].as_str().unwrap(),
        );
        assert_eq!(r["outcome"], "reset", "{r}");
        assert!(!enrolled(&sb, realm, name), "{r}");
    }
}

/// #26.7: without a terminal a bulk run is never silent for long: a progress line every
/// `CX2FA_PROGRESS_EVERY` seconds (10 by default), so CI logs and watchdogs see it alive.
#[test]
fn a_bulk_run_without_a_terminal_prints_progress_lines() {
    let n = 40;
    let sb = Sandbox::with(Config {
        latency_ms: 100,
        users: n * 4 / 3 + 4,
        ..Config::default()
    });
    let (_d, names) = enrolled_names(n);
    let o = run(sb.cmd().env("CX2FA_PROGRESS_EVERY", "1").args([
        "user",
        "reset",
        "--from",
        &names,
        "--yes",
        "--concurrency",
        "2",
        "--fixed-concurrency",
    ]));
    assert_eq!(o.status, 0, "{o}");
    let lines: Vec<&str> = o
        .stderr
        .lines()
        .filter(|l| l.starts_with("progress: "))
        .collect();
    assert!(lines.len() >= 2, "{o}");
    assert!(
        lines[0].contains(&format!(" of {n} rows done (0 failed)")),
        "{o}"
    );
}

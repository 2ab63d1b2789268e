//! The probe's runs as metrics, in the OpenMetrics text format (the `prometheus-client` crate).
//!
//! The registry is built afresh from [`State`] at each rendering: a series describes the last
//! run, so a check or a cause that went away goes away with it, and counters are kept in the
//! state. Label values are bounded: a tenant id (from the probe's configuration), a channel, a
//! login step, an outcome, a check name, a cause, an audit kind. Never a username, a contact
//! or a secret (a test greps every rendering for them).

use cx2fa_core::login::Ending;
use cx2fa_core::probe::TenantProbe;
use cx2fa_core::readiness::Level;
use prometheus_client::encoding::text::encode;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::registry::{Registry, Unit};
use std::collections::BTreeMap;
use std::sync::atomic::AtomicU64;
use std::time::Duration;

type Labels = Vec<(String, String)>;
type FGauge = Family<Labels, Gauge<f64, AtomicU64>>;

/// Every login ending, and `error` for a login an error stopped: the one-hot outcome set.
const OUTCOMES: [&str; 11] = [
    "success",
    "invalid-otp",
    "expired",
    "max-attempts",
    "wrong-password",
    "account-disabled",
    "account-not-set-up",
    "direct-grant-off",
    "bypassed",
    "would-fail",
    "error",
];

/// What the metrics say: the last probe of each tenant, and what accumulates over runs.
#[derive(Debug, Default)]
pub struct State {
    /// The configured interval (`--every`); none with `--once`.
    pub every: Option<Duration>,
    pub runs: u64,
    pub last_run_seconds: f64,
    pub last: BTreeMap<String, TenantProbe>,
    pub last_success: BTreeMap<String, f64>,
    pub errors: BTreeMap<(String, &'static str, &'static str), u64>,
}

impl State {
    /// Takes in one run's results.
    pub fn record(&mut self, probes: &[TenantProbe], took: Duration) {
        self.runs += 1;
        self.last_run_seconds = took.as_secs_f64();
        for p in probes {
            if p.login.as_ref().is_some_and(|l| l.success()) {
                self.last_success
                    .insert(p.tenant.clone(), p.started_at + p.seconds);
            }
            for e in &p.errors {
                *self
                    .errors
                    .entry((p.tenant.clone(), e.stage.as_str(), e.cause.as_str()))
                    .or_default() += 1;
            }
            self.last.insert(p.tenant.clone(), p.clone());
        }
    }
}

fn l(pairs: &[(&str, &str)]) -> Labels {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn set(f: &FGauge, labels: &[(&str, &str)], v: f64) {
    f.get_or_create(&l(labels)).set(v);
}

fn flag(b: bool) -> f64 {
    if b {
        1.0
    } else {
        0.0
    }
}

fn ending_name(e: Ending) -> String {
    serde_json::to_value(e)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn level_name(l: Level) -> &'static str {
    match l {
        Level::Ok => "ok",
        Level::Warn => "warn",
        Level::Fail => "fail",
    }
}

/// A family registered under `name` (cx2fa_probe_ is added), returned for filling.
fn gauge(r: &mut Registry, name: &str, help: &str, unit: Option<Unit>) -> FGauge {
    let f = FGauge::default();
    match unit {
        Some(u) => r.register_with_unit(name, help, u, f.clone()),
        None => r.register(name, help, f.clone()),
    }
    f
}

/// The OpenMetrics text of `state`.
pub fn render(state: &State) -> String {
    let mut r = Registry::with_prefix("cx2fa_probe");
    let runs = Counter::<u64>::default();
    runs.inc_by(state.runs);
    r.register("runs", "Probe runs completed", runs);
    let run_secs = Gauge::<f64, AtomicU64>::default();
    run_secs.set(state.last_run_seconds);
    r.register_with_unit(
        "run_duration",
        "How long the last run took",
        Unit::Seconds,
        run_secs,
    );
    if let Some(every) = state.every {
        let g = Gauge::<f64, AtomicU64>::default();
        g.set(every.as_secs_f64());
        r.register_with_unit(
            "interval",
            "The configured interval between runs (--every)",
            Unit::Seconds,
            g,
        );
    }
    let tenants = TenantFamilies::register(&mut r);
    let errors = Family::<Labels, Counter<u64>>::default();
    r.register(
        "errors",
        "Causes that stopped a part of a probe, over all runs",
        errors.clone(),
    );
    for (tenant, p) in &state.last {
        let last_ok = state.last_success.get(tenant).copied().unwrap_or(0.0);
        tenants.fill(tenant, p, last_ok);
    }
    for ((t, stage, cause), n) in &state.errors {
        errors
            .get_or_create(&l(&[("tenant", t), ("stage", stage), ("cause", cause)]))
            .inc_by(*n);
    }
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = encode(&mut out, &r);
    out
}

/// The gauges of each tenant's last probe, in the order they are published.
struct TenantFamilies {
    last_run: FGauge,
    last_ok: FGauge,
    healthy: FGauge,
    success: FGauge,
    outcome: FGauge,
    login_secs: FGauge,
    step_secs: FGauge,
    ready: FGauge,
    checks: FGauge,
    users: FGauge,
    findings: FGauge,
    error: FGauge,
}

impl TenantFamilies {
    /// Each family's name, help and unit: a table.
    fn register(r: &mut Registry) -> Self {
        let s = Some(Unit::Seconds);
        TenantFamilies {
            last_run: gauge(r, "last_run_timestamp", "When the tenant was last probed (Unix time)", s.clone()),
            last_ok: gauge(r, "last_success_timestamp", "When the tenant's probe login last succeeded (Unix time)", s.clone()),
            healthy: gauge(r, "healthy", "1 when the last probe's login succeeded, no readiness check failed and nothing stopped the probe", None),
            success: gauge(r, "login_success", "1 when the last probe login succeeded", None),
            outcome: gauge(r, "login_outcome", "The last probe login's outcome (one-hot; `error`: an error stopped it, see cx2fa_probe_error)", None),
            login_secs: gauge(r, "login_duration", "How long the last probe login took", s.clone()),
            step_secs: gauge(r, "login_step_duration", "How long each step of the last probe login took", s),
            ready: gauge(r, "ready", "1 when no readiness check of `policy show` failed", None),
            checks: gauge(r, "readiness_check", "Each readiness check's status (one-hot over ok, warn, fail)", None),
            users: gauge(r, "users", "Users of the tenant's realm by enrolment state (stale and bypassed are among registered)", None),
            findings: gauge(r, "audit_findings", "Audit findings by kind and severity (docs/audit.md)", None),
            error: gauge(r, "error", "1 for each cause that stopped a part of the last probe", None),
        }
    }

    /// One tenant's series from its last probe `p`; `last_ok` is when its login last worked.
    fn fill(&self, tenant: &str, p: &TenantProbe, last_ok: f64) {
        let t = tenant;
        set(&self.last_run, &[("tenant", t)], p.started_at);
        set(&self.last_ok, &[("tenant", t)], last_ok);
        set(&self.healthy, &[("tenant", t)], flag(p.healthy));
        if let Some(login) = &p.login {
            self.fill_login(t, login);
        }
        if let Some(rd) = p.ready {
            set(&self.ready, &[("tenant", t)], flag(rd));
        }
        for c in &p.checks {
            for lv in [Level::Ok, Level::Warn, Level::Fail] {
                let labels = [
                    ("tenant", t),
                    ("check", c.name.as_str()),
                    ("status", level_name(lv)),
                ];
                set(&self.checks, &labels, flag(c.status == lv));
            }
        }
        if let Some(po) = &p.posture {
            for (state, n) in [
                ("not-enrolled", po.unenrolled),
                ("pending", po.unregistered),
                ("registered", po.registered),
                ("stale", po.stale),
                ("bypassed", po.bypassed),
            ] {
                set(&self.users, &[("tenant", t), ("state", state)], n as f64);
            }
        }
        self.fill_findings_and_errors(t, p);
    }

    fn fill_login(&self, t: &str, login: &cx2fa_core::probe::LoginResult) {
        let channel = login.channel.map(|c| c.as_str()).unwrap_or("none");
        let tc = [("tenant", t), ("channel", channel)];
        set(&self.success, &tc, flag(login.success()));
        let current = login
            .ending
            .map(ending_name)
            .unwrap_or_else(|| "error".into());
        for o in OUTCOMES {
            set(
                &self.outcome,
                &[("tenant", t), ("channel", channel), ("outcome", o)],
                flag(o == current),
            );
        }
        set(&self.login_secs, &tc, login.seconds);
        for s in &login.steps {
            set(
                &self.step_secs,
                &[("tenant", t), ("channel", channel), ("step", &s.step)],
                s.seconds,
            );
        }
    }

    fn fill_findings_and_errors(&self, t: &str, p: &TenantProbe) {
        for f in &p.findings {
            let kind = serde_json::to_value(f.kind).ok();
            let sev = serde_json::to_value(f.severity).ok();
            if let (Some(k), Some(s)) = (kind, sev) {
                let labels = [
                    ("tenant", t),
                    ("kind", k.as_str().unwrap_or("")),
                    ("severity", s.as_str().unwrap_or("")),
                ];
                set(&self.findings, &labels, f.count as f64);
            }
        }
        for e in &p.errors {
            set(
                &self.error,
                &[
                    ("tenant", t),
                    ("stage", e.stage.as_str()),
                    ("cause", e.cause.as_str()),
                ],
                1.0,
            );
        }
    }
}

//! `cx2fa probe`: [`cx2fa_core::probe`] on a schedule, as metrics and log lines.

mod log;
mod metrics;
mod report;
mod serve;
mod sources;

use report::label;
pub use report::ProbeReport;

use crate::ctx::Ctx;
use crate::error::{CommandError, Kind};
use clap::Args;
use cx2fa_core::probe::{self, OtpSource, ProbeSpec, SecretRef, TenantProbe};
use std::path::PathBuf;
use std::time::Instant;

/// Probe each tenant's 2FA end to end, once or on a schedule, as Prometheus metrics
///
/// Per tenant, each run: (1) logs in as a dedicated probe user with exactly one password
/// attempt and one code, from a scripted source (TOTP secret, IMAP, a command, the sandbox's
/// outbox, an RSA passcode command); (2) the readiness checks of `policy show`; (3) the users
/// by enrolment state and the audit's findings by kind and severity. A failing tenant never
/// stops the others.
///
/// The probe user must be dedicated: every contact point it has (OTP contact, e-mail) must be
/// `--contact`, or it is refused, and it is only ever registered with that contact.
///
/// One tenant from flags (password in `CX2FA_USER_PASSWORD`), or many from `--file`
/// (docs/probe.md; secrets there are references: env, file, command). `--once` runs once
/// (cron, CI: exit 0 when every tenant is healthy); `--every` runs on a jittered schedule,
/// never overlapping, until SIGTERM or Ctrl-C, which end it between runs.
///
/// Metrics (docs/probe.md) at `--listen ADDR` `/metrics` (a port alone is loopback) and/or
/// atomically in `--textfile DIR` for node_exporter. Labels are tenant, channel, step,
/// outcome, check, kind, cause: never a username, a contact or a secret.
///
/// Examples:
///   cx2fa probe --once --file probe.toml                  # cron, CI: exit 0 when all are healthy
///   CX2FA_USER_PASSWORD=agent-pass cx2fa probe --once -t expertflow --user agent.email --contact agent.email@example.test --otp-from-outbox
///   cx2fa probe --file /etc/cx2fa/probe.toml --every 5m --listen 9464
///   cx2fa probe --file probe.toml --once --textfile /var/lib/prometheus/node-exporter
///   cx2fa probe --file probe.toml --every 30s --listen 0.0.0.0:9464 --log-format json
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
#[command(group(clap::ArgGroup::new("when").required(true).args(["once", "every"])))]
pub struct ProbeArgs {
    /// Run once and exit: 0 when every tenant is healthy, 1 (one tenant) or 5 (several) when not
    #[arg(long)]
    pub once: bool,
    /// Run every DURATION (`30s`, `5m`, `1h`; at least 10 s), jittered by up to a tenth
    #[arg(long, value_name = "DURATION")]
    pub every: Option<String>,
    /// Serve the metrics at `http://ADDR/metrics`; a port alone listens on loopback
    #[arg(long, value_name = "ADDR")]
    pub listen: Option<String>,
    /// Write the metrics to DIR/cx2fa_probe.prom after each run (node_exporter's textfile collector)
    #[arg(long, value_name = "DIR")]
    pub textfile: Option<PathBuf>,
    /// Log lines for each run on stderr: `text` or `json` (one JSON object a line)
    #[arg(long, value_enum, value_name = "FORMAT", default_value = "text")]
    pub log_format: LogFormat,
    /// The tenants, probe users and OTP sources (TOML; docs/probe.md); instead of `-t` and `--user`
    #[arg(long, value_name = "FILE", conflicts_with_all = ["user", "contact"])]
    pub file: Option<PathBuf>,
    /// The dedicated probe user (with `-t`; its password in `CX2FA_USER_PASSWORD`)
    #[arg(long, value_name = "USERNAME", requires = "contact")]
    pub user: Option<String>,
    /// The probe's own e-mail address or phone number: the probe user's contacts must all be this
    #[arg(long, value_name = "ADDR")]
    pub contact: Option<String>,
    /// Compute authenticator codes from the base32 secret in this environment variable
    #[arg(long, value_name = "VAR", group = "source")]
    pub totp_secret_env: Option<String>,
    /// Read the OTP from the sandbox's outbox (sandbox only)
    #[arg(long, group = "source")]
    pub otp_from_outbox: bool,
    /// Read the emailed OTP from this mailbox (password in `CX2FA_IMAP_PASSWORD`)
    #[arg(long, value_name = "URL", group = "source")]
    pub otp_from_imap: Option<String>,
    /// Run this shell command for the OTP (its last word)
    #[arg(long, value_name = "CMD", group = "source")]
    pub otp_cmd: Option<String>,
    /// Run this shell command for the RSA passcode (PIN + tokencode)
    #[arg(long, value_name = "CMD", group = "source")]
    pub rsa_passcode_cmd: Option<String>,
    /// Register the probe user (with `--contact` only) when it is not registered
    #[arg(long)]
    pub register: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

/// `--every`'s value refused, worded for the flag.
fn interval_error(e: probe::schedule::BadInterval) -> CommandError {
    use probe::schedule::BadInterval as B;
    match e {
        B::NotAnInterval(s) => CommandError::usage(format!(
            "`{s}` is not an interval: write e.g. `30s`, `5m`, `1h` or `1h30m`"
        )),
        B::TooShort(s) => CommandError::usage(format!(
            "`--every {s}`: the shortest interval is {} s (each run logs the probe users in)",
            probe::schedule::MIN_EVERY.as_secs()
        )),
    }
}

impl ProbeArgs {
    /// The probes: the file's, or one from the flags.
    fn specs(&self, ctx: &Ctx) -> Result<Vec<ProbeSpec>, CommandError> {
        if let Some(f) = &self.file {
            return Ok(probe::file::load(f)?);
        }
        let (Some(user), Some(contact)) = (&self.user, &self.contact) else {
            return Err(CommandError::usage("nothing to probe").with_hint("pass `--file probe.toml`, or `-t TENANT --user PROBE_USER --contact ADDR` with an OTP source"));
        };
        let otp = if let Some(v) = &self.totp_secret_env {
            OtpSource::TotpSecret(SecretRef::Env(v.clone()))
        } else if self.otp_from_outbox {
            OtpSource::Outbox
        } else if let Some(url) = &self.otp_from_imap {
            OtpSource::Imap {
                url: url.clone(),
                password: SecretRef::Env(cx2fa_core::env::IMAP_PASSWORD.into()),
            }
        } else if let Some(c) = &self.otp_cmd {
            OtpSource::Command(c.clone())
        } else if let Some(c) = &self.rsa_passcode_cmd {
            OtpSource::RsaPasscode(SecretRef::Command(c.clone()))
        } else {
            return Err(CommandError::needs_input("the probe's OTP source", "--totp-secret-env, --otp-from-outbox, --otp-from-imap, --otp-cmd or --rsa-passcode-cmd"));
        };
        cx2fa_core::login::check_contact(cx2fa_core::settings::ChannelType::Email, contact)?;
        Ok(vec![ProbeSpec {
            tenant: ctx.tenant_id()?,
            user: user.clone(),
            contact: contact.trim().to_string(),
            password: SecretRef::Env(cx2fa_core::env::USER_PASSWORD.into()),
            otp,
            otp_manager_url: None,
            register: self.register,
        }])
    }
}

pub async fn run(ctx: &Ctx, mut a: ProbeArgs) -> Result<(), CommandError> {
    // With `-o json` every line on stderr is a JSON object (README "Machine contract").
    if ctx.out.is_json() {
        a.log_format = LogFormat::Json;
    }
    let every = a
        .every
        .as_deref()
        .map(|s| probe::schedule::parse_every(s).map_err(interval_error))
        .transpose()?;
    let specs = a.specs(ctx)?;
    let shared = serve::SharedRendering::default();
    let mut state = metrics::State {
        every,
        ..Default::default()
    };
    *shared
        .lock()
        .map_err(|_| CommandError::failed("metrics lock"))? = metrics::render(&state);
    if let Some(addr) = &a.listen {
        let bound = serve::start(serve::listen_addr(addr)?, shared.clone()).await?;
        log::event(
            ctx,
            a.log_format,
            "listen",
            &[("metrics", format!("http://{bound}/metrics").into())],
        );
    }
    let stop = stop_signal();
    let mut session = None;
    loop {
        let started = Instant::now();
        let probes = one_run(ctx, &specs, &mut session).await?;
        state.record(&probes, started.elapsed());
        let text = metrics::render(&state);
        if let Ok(mut s) = shared.lock() {
            s.clone_from(&text);
        }
        if let Some(dir) = &a.textfile {
            if let Err(e) = serve::write_textfile(dir, &text) {
                ctx.out.warn(e.message);
            }
        }
        for p in &probes {
            log::probe(ctx, a.log_format, p);
        }
        let Some(every) = every else {
            return once_result(ctx, probes);
        };
        let wait = probe::schedule::next_wait(every, started.elapsed(), rand::random::<f64>());
        tokio::select! {
            _ = tokio::time::sleep(wait) => {}
            _ = stop.cancelled() => {}
        }
        if stop.is_cancelled() {
            log::event(ctx, a.log_format, "stop", &[("runs", state.runs.into())]);
            return Ok(());
        }
    }
}

/// One run: the admin session (made again when the last attempt failed), then every probe.
async fn one_run(
    ctx: &Ctx,
    specs: &[ProbeSpec],
    session: &mut Option<cx2fa_core::api::Session>,
) -> Result<Vec<TenantProbe>, CommandError> {
    let mut failure = None;
    if session.is_none() {
        match ctx.session().await {
            Ok(s) => *session = Some(s),
            // A command line that cannot work is not retried every interval.
            Err(e) if e.kind == Kind::Usage => return Err(e),
            Err(e) => failure = Some(cx2fa_core::error::Error::from(e)),
        }
    }
    let opts = probe::ProbeOptions {
        ca: ctx.settings.ca_cert.clone(),
        stale_remedy: &|t: &str| crate::hints::reset_stale(t),
    };
    let s = match (&*session, &failure) {
        (Some(s), _) => Ok(s),
        (None, Some(e)) => Err(e),
        (None, None) => unreachable!("a session or its error"),
    };
    Ok(probe::run(s, specs, &sources::Resolver, &opts).await)
}

fn once_result(ctx: &Ctx, probes: Vec<TenantProbe>) -> Result<(), CommandError> {
    let broken: Vec<String> = probes
        .iter()
        .filter(|p| !p.healthy)
        .map(|p| p.tenant.clone())
        .collect();
    let several = probes.len() > 1;
    ctx.out.data(&ProbeReport {
        healthy: broken.is_empty(),
        tenants: probes,
    })?;
    if broken.is_empty() {
        return Ok(());
    }
    let kind = if several { Kind::Partial } else { Kind::Failed };
    Err(CommandError::new(kind, format!("not healthy: {}", broken.join(", ")))
        .with_hint("each tenant's causes are above; `cx2fa simulate-login` and `cx2fa policy show` show the details"))
}

/// SIGTERM or Ctrl-C: the run in progress finishes, then the probe ends; a second signal ends
/// it at once.
fn stop_signal() -> tokio_util::sync::CancellationToken {
    use tokio::signal::unix::{signal, SignalKind};
    let stop = tokio_util::sync::CancellationToken::new();
    let token = stop.clone();
    tokio::spawn(async move {
        let (Ok(mut term), Ok(mut int)) = (
            signal(SignalKind::terminate()),
            signal(SignalKind::interrupt()),
        ) else {
            return;
        };
        tokio::select! { _ = term.recv() => {}, _ = int.recv() => {} }
        token.cancel();
        tokio::select! { _ = term.recv() => {}, _ = int.recv() => {} }
        std::process::exit(143);
    });
    stop
}

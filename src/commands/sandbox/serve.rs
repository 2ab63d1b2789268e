//! `cx2fa sandbox` itself: serve the emulation until Ctrl-C.

use super::banner::Banner;
use crate::ctx::Ctx;
use crate::error::CommandError;
use crate::sandbox_edge as edge;
use clap::Args;
use cx2fa_platform::fields;
use cx2fa_sandbox::{self as sandbox, FaultSpec};
use std::path::PathBuf;
use std::sync::Arc;

/// Options of a sandbox server.
#[derive(Debug, Args, Clone)]
pub struct ServeArgs {
    /// Port on 127.0.0.1; 0 picks a free one
    #[arg(long, default_value_t = 8095)]
    pub port: u16,
    /// Seed data file (format: `cx2fa sandbox --print-seed`)
    #[arg(long, value_name = "FILE")]
    pub seed: Option<PathBuf>,
    /// Add N generated users to the first tenant, for bulk work
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub users: usize,
    /// Persist state to this file (0600) and reload it on the next start; one another account
    /// owns or may write is refused
    #[arg(long, value_name = "FILE")]
    pub state: Option<PathBuf>,
    /// Inject faults: `rate=0.2,kinds=500|429|reset|slow|500-after-write,seed=N`
    #[arg(long, value_name = "SPEC")]
    pub faults: Option<String>,
    /// Delay every answer by this many milliseconds
    #[arg(long, value_name = "MS", default_value_t = 0)]
    pub latency: u64,
    /// Delay pages of users (`GET .../users`) by this many milliseconds instead of
    /// `--latency`, as a real deployment answers a page slower than a token or a count
    #[arg(long, value_name = "MS", default_value_t = 0)]
    pub page_latency: u64,
    /// Also deliver EMAIL OTPs as Maildir messages in DIR
    #[arg(long, value_name = "DIR")]
    pub maildir: Option<PathBuf>,
    /// Answer 404 on `GET /ccm/channels`, like deployments without that endpoint
    #[arg(long)]
    pub no_channel_list: bool,
    /// Refuse tenant creation without a logo, like release 5.1+
    #[arg(long)]
    pub require_logo: bool,
    /// Access-token lifetime in seconds
    #[arg(long, value_name = "SECS", default_value_t = 60)]
    pub token_lifetime: u64,
    /// Serve HTTPS with a generated CA (its path is printed; trust it with `--ca-cert`)
    #[arg(long)]
    pub tls: bool,
    /// Print the built-in seed (the `--seed` format) and exit
    #[arg(long)]
    pub print_seed: bool,
    /// Serve Keycloak under `/auth/` (before Keycloak 17, or `--http-relative-path=/auth`) or at
    /// the root (Keycloak 17+ default)
    #[arg(long, value_name = "PATH", default_value = "auth", value_parser = ["auth", "root"])]
    pub keycloak_path: String,
    /// Emulate Keycloak 24+'s declarative user profile with this `unmanagedAttributePolicy`:
    /// `absent` (a new realm: undeclared attributes hidden), `admin-view` (read-only),
    /// `admin-edit`, `enabled`; `none` is a Keycloak before 24
    #[arg(long, value_name = "POLICY", default_value = "none", value_parser = ["none", "absent", "admin-view", "admin-edit", "enabled"])]
    pub user_profile: String,
    /// With `--user-profile`: declare the 2FA enrolment attributes with admin view and edit (the fix)
    #[arg(long)]
    pub declare_enrolment: bool,
    /// Lock a user out after N failed password grants (brute-force protection; 0: off)
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub lockout_after: u32,
    /// Give USER a pending required action, e.g. `agent.email=VERIFY_PROFILE` (repeatable)
    #[arg(long, value_name = "USER=ACTION")]
    pub required_action: Vec<String>,
    /// Tenant clients do not allow direct access grants (the password grant)
    #[arg(long)]
    pub no_direct_grants: bool,
    /// Work at most N requests at once, each taking `--latency`; beyond that, 429 with
    /// `Retry-After` (or queue, with `--capacity-mode queue`). 0: unlimited
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub capacity: usize,
    /// What a request beyond `--capacity` gets
    #[arg(long, value_name = "MODE", default_value = "reject", value_parser = ["reject", "queue"])]
    pub capacity_mode: String,
    /// Add N generated tenants (`fleet0001`...), each with its own realm and `--users` users
    #[arg(id = "fleet", long = "tenants", value_name = "N", default_value_t = 0)]
    pub fleet: usize,
    /// Use this real Keycloak for identity (e.g. `http://127.0.0.1:8080/auth`): the seed's
    /// realms, clients and users are created there at start (with a random suffix) and deleted
    /// at stop; the admin's password comes from `CX2FA_UPSTREAM_ADMIN_PASSWORD`
    #[arg(long, value_name = "URL")]
    pub keycloak_upstream: Option<String>,
    /// With `--keycloak-upstream`: the master-realm admin who creates the realms
    #[arg(
        long,
        value_name = "USER",
        default_value = "admin",
        requires = "keycloak_upstream"
    )]
    pub upstream_admin: String,
    /// With `--keycloak-upstream`: the `unmanagedAttributePolicy` given to each created realm
    /// (`absent` leaves a new realm's default, which hides the enrolment attributes)
    #[arg(long, value_name = "POLICY", default_value = "ENABLED", value_parser = ["absent", "ADMIN_VIEW", "ADMIN_EDIT", "ENABLED"], requires = "keycloak_upstream")]
    pub upstream_unmanaged: String,
}

impl ServeArgs {
    /// `--user-profile` and `--declare-enrolment`: the Keycloak 24+ user profile emulated.
    fn profile(&self) -> Result<Option<sandbox::variant::UserProfile>, CommandError> {
        let profile = match self.user_profile.as_str() {
            "none" => None,
            p => Some(sandbox::variant::UserProfile {
                unmanaged: p.parse().map_err(CommandError::usage)?,
                declared: if self.declare_enrolment {
                    cx2fa_core::enrolment::ENROLMENT_ATTRS
                        .iter()
                        .map(|s| s.to_string())
                        .collect()
                } else {
                    vec![]
                },
            }),
        };
        if self.declare_enrolment && profile.is_none() {
            return Err(CommandError::usage(
                "`--declare-enrolment` needs `--user-profile`",
            ));
        }
        Ok(profile)
    }

    /// Each `--required-action USER=ACTION`.
    fn required_actions(&self) -> Result<Vec<(String, String)>, CommandError> {
        self.required_action
            .iter()
            .map(|ra| {
                ra.split_once('=')
                    .map(|(u, a)| (u.to_string(), a.to_string()))
                    .ok_or_else(|| {
                        CommandError::usage(format!(
                            "`--required-action {ra}`: use USER=ACTION, e.g. agent.email=VERIFY_PROFILE"
                        ))
                    })
            })
            .collect()
    }

    /// `--keycloak-upstream`: the real Keycloak, with its admin's password from the
    /// environment (never the command line).
    fn upstream(&self) -> Result<Option<sandbox::upstream::Upstream>, CommandError> {
        let Some(url) = &self.keycloak_upstream else {
            return Ok(None);
        };
        let password = std::env::var(cx2fa_core::env::UPSTREAM_ADMIN_PASSWORD)
            .ok()
            .filter(|p| !p.is_empty())
            .ok_or_else(|| {
                CommandError::usage("`--keycloak-upstream` needs the admin's password").with_hint(
                    format!(
                        "set `{}` (never on the command line)",
                        cx2fa_core::env::UPSTREAM_ADMIN_PASSWORD
                    ),
                )
            })?;
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            return Err(CommandError::usage(format!(
                "`--keycloak-upstream {url}`: give Keycloak's http:// or https:// URL"
            )));
        }
        Ok(Some(sandbox::upstream::Upstream {
            url: url.trim_end_matches('/').to_string(),
            admin: (self.upstream_admin.clone(), password),
            suffix: sandbox::upstream::Upstream::random_suffix(),
            unmanaged: (self.upstream_unmanaged != "absent")
                .then(|| self.upstream_unmanaged.clone()),
        }))
    }

    pub fn config(&self) -> Result<sandbox::Config, CommandError> {
        let faults = self
            .faults
            .as_deref()
            .map(str::parse::<FaultSpec>)
            .transpose()
            .map_err(edge::error)?;
        let profile = self.profile()?;
        let required_actions = self.required_actions()?;
        let upstream = self.upstream()?;
        Ok(sandbox::Config {
            upstream,
            keycloak: sandbox::variant::Keycloak {
                root_path: self.keycloak_path == "root",
                profile,
                lockout_after: self.lockout_after,
                no_direct_grants: self.no_direct_grants,
                wrong_password_400: false,
            },
            required_actions,
            capacity: self.capacity,
            capacity_mode: if self.capacity_mode == "queue" {
                sandbox::capacity::CapacityMode::Queue
            } else {
                sandbox::capacity::CapacityMode::Reject
            },
            tenants: self.fleet,
            // A seed file's author chose its admin password; the built-in one is public.
            keep_admin_password: self.seed.is_some(),
            files: Arc::new(edge::CheckedFiles),
            port: self.port,
            seed: self.seed.clone(),
            users: self.users,
            state_file: self.state.clone(),
            faults,
            latency_ms: self.latency,
            write_latency_ms: 0,
            page_latency_ms: self.page_latency,
            maildir: self.maildir.clone(),
            no_channel_list: self.no_channel_list,
            require_logo: self.require_logo,
            token_lifetime: self.token_lifetime.max(1),
            // Without a state file, the CA goes to a private temporary directory (0700, random
            // name) that `run` removes on exit: never a predictable name in a shared /tmp.
            tls_ca: self.tls.then(|| match &self.state {
                Some(s) => s.with_extension("ca.pem"),
                None => PathBuf::new(),
            }),
        })
    }
}

pub(super) async fn run(ctx: &Ctx, a: ServeArgs) -> Result<(), CommandError> {
    if a.print_seed {
        return crate::output::write_stdout(sandbox::seed::BUILTIN.trim_end());
    }
    let mut cfg = a.config()?;
    let private_dir = match &cfg.tls_ca {
        Some(p) if p.as_os_str().is_empty() => {
            let d = cx2fa_core::private::TempDir::new("cx2fa-sandbox").map_err(|e| {
                CommandError::failed(format!("cannot create a private temporary directory: {e}"))
            })?;
            cfg.tls_ca = Some(d.path().join("ca.pem"));
            Some(d)
        }
        _ => None,
    };
    // Listening for Ctrl-C before the banner says the sandbox is up: a script that reads the
    // banner and interrupts at once must still get the clean stop (state saved, CA removed).
    let mut interrupt =
        tokio::signal::unix::signal(tokio::signal::unix::SignalKind::interrupt())
            .map_err(|e| CommandError::failed(format!("cannot wait for Ctrl-C: {e}")))?;
    let running = sandbox::start(cfg).await.map_err(edge::error)?;
    let tenants = running
        .app
        .data
        .lock()
        .expect("lock")
        .tenants
        .iter()
        .filter_map(|t| t.get(fields::TENANT_ID)?.as_str().map(str::to_string))
        .collect();
    ctx.out.data(&Banner {
        url: running.url(),
        env: crate::sandbox_edge::env_lines(&running.exports()),
        tenants,
        users_password: "agent-pass",
        keycloak: running.app.cfg.keycloak.describe(),
    })?;
    interrupt.recv().await;
    ctx.out.status("stopping; state saved");
    let stopped = running.stop().await;
    drop(private_dir);
    stopped.map_err(edge::error)
}

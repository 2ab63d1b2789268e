//! One module per noun. Each verb is an Args struct beside a thin handler that calls the
//! library and hands a [`Report`](crate::output::Report) to the printer.

pub mod audit;
pub mod auth;
pub mod channel;
pub mod completions;
pub mod config;
pub mod doctor;
pub mod login;
pub mod policy;
pub mod probe;
#[cfg(feature = "sandbox")]
pub mod sandbox;
pub mod tenant;
#[cfg(feature = "sandbox")]
pub mod tour;
pub mod user;
pub mod version;

use crate::cli::Global;
use crate::error::{Error, Kind};
use crate::output::{ColorChoice, Format, Printer};
use cx2fa_core::api::http::{Http, Transport};
use cx2fa_core::api::{Endpoints, Session};
use cx2fa_core::auth::profile::Profile;
use cx2fa_core::settings::Tenant;
use std::io::IsTerminal;
use std::time::Duration;

/// The default ceiling of requests at once: above the capacity of the Keycloaks cx2fa meets,
/// so that the limiter, not this number, finds the pace.
pub const DEFAULT_CONCURRENCY: usize = 128;

/// What every handler gets: the command line as parsed (`g`), the options it resolves with
/// the profile (`settings`), the printer, and ways to reach the deployment.
pub struct Ctx {
    pub g: Global,
    pub settings: Settings,
    pub out: Printer,
    /// Ctrl-C during a long run (see [`Ctx::interruptible`]); every client of this run stops
    /// with it.
    pub cancel: tokio_util::sync::CancellationToken,
}

/// While it lives, Ctrl-C is handled by [`Ctx::interruptible`]; dropped, the watch ends.
pub struct Interruptible(tokio::task::JoinHandle<()>);

impl Drop for Interruptible {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// The options read from both the command line (flag or environment) and the profile,
/// resolved once, in one place: flag > environment > profile > default. Each may say no as
/// well as yes (`--insecure=false` beats `insecure = true` in a profile).
#[derive(Debug, Clone)]
pub struct Settings {
    pub url: Option<String>,
    pub keycloak_url: Option<String>,
    pub otp_manager_url: Option<String>,
    pub rsa_url: Option<String>,
    /// `-t` (repeatable, comma-separated), else the profile's tenant; trimmed, deduplicated.
    pub tenants: Vec<String>,
    pub timeout: Duration,
    pub ca_cert: Option<std::path::PathBuf>,
    pub insecure: bool,
    /// The ceiling of requests at once.
    pub concurrency: usize,
    /// The most requests a second.
    pub rate: Option<f64>,
    /// Who logs in, when only a secret comes from elsewhere.
    pub username: Option<String>,
    pub client_id: Option<String>,
}

impl Settings {
    pub fn resolve(g: &Global, p: Profile) -> Self {
        let mut tenants: Vec<String> = g
            .tenants
            .iter()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        if tenants.is_empty() {
            tenants.extend(p.tenant);
        }
        tenants.dedup();
        Settings {
            url: g.url.clone().or(p.url),
            keycloak_url: g.keycloak_url.clone().or(p.keycloak_url),
            otp_manager_url: g.otp_manager_url.clone().or(p.otp_manager_url),
            rsa_url: g.rsa_url.clone().or(p.rsa_url),
            tenants,
            timeout: Duration::from_secs(g.timeout.or(p.timeout).unwrap_or(30).max(1)),
            ca_cert: g.ca_cert.clone().or(p.ca_cert),
            insecure: g.insecure.or(p.insecure).unwrap_or(false),
            concurrency: g
                .concurrency
                .map(|n| n as usize)
                .or(p.concurrency)
                .unwrap_or(DEFAULT_CONCURRENCY)
                .clamp(1, 1024),
            rate: g.rate.or(p.rate),
            username: p.username,
            client_id: p.client_id,
        }
    }
}

impl Ctx {
    pub fn new(g: Global) -> Result<Self, Error> {
        let profile = cx2fa_core::auth::profile::load(g.profile.as_deref())?;
        let out = Printer::new(
            g.output.unwrap_or(Format::Table),
            g.quiet,
            g.color.unwrap_or(ColorChoice::Auto),
        );
        let settings = Settings::resolve(&g, profile);
        Ok(Ctx {
            g,
            settings,
            out,
            cancel: Default::default(),
        })
    }

    /// Makes Ctrl-C stop the run instead of killing it, while the returned guard lives: the
    /// first interrupt cancels [`Ctx::cancel`] (no new write starts, waits and retries end,
    /// and the run reports what was done, exit 130); a second one ends the process at once,
    /// as a user who presses it again expects.
    pub fn interruptible(&self) -> Interruptible {
        let cancel = self.cancel.clone();
        let out = self.out.clone();
        Interruptible(tokio::spawn(async move {
            let Ok(mut sig) =
                tokio::signal::unix::signal(tokio::signal::unix::SignalKind::interrupt())
            else {
                return;
            };
            if sig.recv().await.is_none() {
                return;
            }
            cancel.cancel();
            out.warn("interrupted: no new writes; finishing the ones on the wire (Ctrl-C again to quit at once)");
            if sig.recv().await.is_some() {
                std::process::exit(130);
            }
        }))
    }

    /// Prompts are allowed: stdin and stderr are terminals and `--no-input` is absent.
    pub fn can_prompt(&self) -> bool {
        !self.g.no_input
            && std::env::var_os(cx2fa_core::env::FORCE_NO_TTY).is_none()
            && std::io::stdin().is_terminal()
            && std::io::stderr().is_terminal()
    }

    /// Asks to go on: `--yes` says yes, a terminal asks, otherwise a usage error naming `--yes`.
    pub fn confirm(&self, question: &str) -> Result<(), Error> {
        if self.g.yes {
            return Ok(());
        }
        if !self.can_prompt() {
            return Err(Error::needs_input("confirmation", "--yes"));
        }
        // The question may name values from the server: shown escaped, like all server text.
        let yes = dialoguer::Confirm::new()
            .with_prompt(self.out.clean(question))
            .default(false)
            .interact_on(&dialoguer::console::Term::stderr())
            .map_err(prompt_error)?;
        if yes {
            Ok(())
        } else {
            Err(Error::cancelled())
        }
    }

    pub fn base_url(&self) -> Result<String, Error> {
        let hint = if cfg!(feature = "sandbox") {
            "pass `--url https://<ingress>` (or `CX2FA_URL`, or `url` in a profile); to try cx2fa, run `cx2fa sandbox` and the `export` lines it prints"
        } else {
            "pass `--url https://<ingress>` (or `CX2FA_URL`, or `url` in a profile)"
        };
        // After `auth login --url U`, the profile's later commands go to U without repeating
        // it: the credentials are stored with the deployment they were checked against.
        self.settings
            .url
            .clone()
            .or_else(|| {
                cx2fa_core::auth::store::load(self.profile_name())
                    .ok()
                    .flatten()
                    .and_then(|(_, s)| s.url)
            })
            .ok_or_else(|| Error::usage("no deployment URL").with_hint(hint))
    }

    pub fn endpoints(&self) -> Result<Endpoints, Error> {
        let mut ep = Endpoints::new(&self.base_url()?, self.settings.keycloak_url.as_deref())?;
        ep.otp_manager = self.settings.otp_manager_url.clone();
        ep.rsa = self.settings.rsa_url.clone();
        Ok(ep)
    }

    pub fn http(&self) -> Result<Http, Error> {
        let insecure = self.settings.insecure;
        if insecure {
            self.out.warn("`--insecure`: TLS certificates are not checked; anyone on the path can read credentials");
        }
        let t = Transport {
            timeout: self.settings.timeout,
            ca_cert: self.settings.ca_cert.clone(),
            insecure,
        };
        // The trace and the curl commands go through the one printer (sanitised, scrubbed).
        let trace = self.g.debug.then(|| {
            let out = self.out.clone();
            std::sync::Arc::new(move |line: &str| out.debug(line)) as cx2fa_core::api::http::Sink
        });
        let mut limiter = self.limiter()?;
        if let Some(t) = &trace {
            // The level's changes and their reasons, among the requests that caused them.
            limiter = limiter.with_trace(t.clone());
        }
        let http = Http::new(&t, trace)?
            .with_limiter(std::sync::Arc::new(limiter))
            .with_cancel(self.cancel.clone());
        Ok(if self.g.print_curl {
            let out = self.out.clone();
            http.print_curl(std::sync::Arc::new(move |cmd: &str| out.status(cmd)))
        } else {
            http
        })
    }

    /// The most requests at once: flag, environment, profile, or the default ceiling.
    pub fn concurrency(&self) -> usize {
        self.settings.concurrency
    }

    /// Rows worked at once in a bulk run: twice the request ceiling, so that rows waiting out a
    /// `Retry-After` never leave the limiter without requests to send; one at a time stays one.
    pub fn rows_at_once(&self) -> usize {
        match self.concurrency() {
            1 => 1,
            n => n * 2,
        }
    }

    fn limiter(&self) -> Result<cx2fa_core::limiter::Limiter, Error> {
        let rate = self.settings.rate;
        if let Some(r) = rate.filter(|r| !(0.01..=1_000_000.0).contains(r)) {
            return Err(Error::usage(format!(
                "`--rate {r}`: give requests per second between 0.01 and 1000000"
            )));
        }
        Ok(if self.g.fixed_concurrency {
            cx2fa_core::limiter::Limiter::fixed(self.concurrency(), rate)
        } else {
            cx2fa_core::limiter::Limiter::new(self.concurrency(), rate)
        })
    }

    /// An authenticated session; asks for credentials on a terminal when none are configured.
    pub async fn session(&self) -> Result<Session, Error> {
        let mut ep = self.endpoints()?;
        let http = self.http()?;
        let creds = match cx2fa_core::auth::from_env_or_stdin(
            self.g.password_stdin,
            self.settings.username.as_deref(),
            self.settings.client_id.as_deref(),
        )? {
            Some(c) => c,
            None => match cx2fa_core::auth::store::load(self.profile_name())? {
                Some((kind, stored)) => {
                    // Where Keycloak is was found at `auth login` and stored with the token.
                    if ep.keycloak_source == "default" && stored.url.as_deref() == Some(&ep.base) {
                        if let Some(k) = &stored.keycloak_url {
                            ep.keycloak = k.clone();
                            ep.keycloak_source = "stored";
                        }
                    }
                    stored.check_deployment(self.profile_name(), &ep)?;
                    return Ok(self.stored_session(http, ep, kind, stored));
                }
                None if self.can_prompt() => self.prompt_credentials()?,
            None => {
                return Err(Error::usage("admin credentials are needed but there is no terminal to ask on")
                    .with_hint("run `cx2fa auth login` once, set `CX2FA_USERNAME` and `CX2FA_PASSWORD` (or `CX2FA_CLIENT_ID`/`CX2FA_CLIENT_SECRET`), or pass `--password-stdin`"))
                }
            },
        };
        ep.detect_keycloak(&http).await?;
        Ok(Session::new(http, ep, creds))
    }

    /// The profile these commands use.
    pub fn profile_name(&self) -> &str {
        self.g.profile.as_deref().unwrap_or("default")
    }

    /// A session from stored credentials: reuses the cached token, and caches new ones.
    fn stored_session(
        &self,
        http: Http,
        ep: Endpoints,
        kind: cx2fa_core::auth::store::Kind,
        stored: cx2fa_core::auth::store::Stored,
    ) -> Session {
        let mut s = Session::new(http, ep, stored.credentials());
        if let Some(t) = stored.live_token() {
            s = s.with_token(t);
        }
        let profile = self.profile_name().to_string();
        let out = self.out.clone();
        s.on_new_token(Box::new(move |t| {
            let mut updated = stored.clone();
            updated.token = Some(cx2fa_core::auth::store::cache(t));
            if let Err(e) = cx2fa_core::auth::store::save(&profile, kind, &updated) {
                out.warn(format!("could not cache the token: {}", e.message));
            }
        }))
    }

    fn prompt_credentials(&self) -> Result<cx2fa_core::api::Credentials, Error> {
        let term = dialoguer::console::Term::stderr();
        // A username already given (environment) is used as given: only the password is asked.
        let username = match std::env::var(cx2fa_core::env::USERNAME)
            .ok()
            .filter(|u| !u.is_empty())
        {
            Some(u) => u,
            None => {
                let mut input =
                    dialoguer::Input::<String>::new().with_prompt("Admin username (master realm)");
                if let Some(u) = &self.settings.username {
                    input = input.default(u.clone());
                }
                input.interact_on(&term).map_err(prompt_error)?
            }
        };
        let password = dialoguer::Password::new()
            .with_prompt(format!(
                "Password of `{}` (master realm)",
                crate::output::sanitize(&username)
            ))
            .interact_on(&term)
            .map_err(prompt_error)?;
        Ok(cx2fa_core::api::Credentials::Password {
            username,
            password: cx2fa_core::api::Secret::new(password),
        })
    }

    /// The one tenant this command works on.
    pub fn tenant_id(&self) -> Result<String, Error> {
        let all = self.tenant_ids();
        match all.as_slice() {
            [one] => Ok(one.clone()),
            [] => Err(Error::usage("no tenant given").with_hint(
                "pass `-t <tenantId>` (or `CX2FA_TENANT`); `cx2fa tenant list` shows them",
            )),
            _ => Err(
                Error::usage("this command works on one tenant; several were given")
                    .with_hint("pass a single `-t`"),
            ),
        }
    }

    /// Every tenant given with `-t` (or the profile's one).
    pub fn tenant_ids(&self) -> Vec<String> {
        self.settings.tenants.clone()
    }

    /// The tenants a fleet command works on: every tenant, or each `-t` (an unknown one is an
    /// error of its own, so that the others still run).
    pub async fn targets(
        &self,
        s: &Session,
        all: bool,
    ) -> Result<Vec<Result<Tenant, (String, cx2fa_core::error::Error)>>, Error> {
        let list = cx2fa_core::api::tenant::Tenants::new(s).list().await?;
        if all {
            return Ok(list.into_iter().map(Ok).collect());
        }
        let ids = self.tenant_ids();
        if ids.is_empty() {
            return Err(Error::usage("no tenant given")
                .with_hint("pass `-t <tenantId>` (repeatable) or `--all-tenants`"));
        }
        Ok(ids
            .into_iter()
            .map(|id| cx2fa_core::api::tenant::find(list.clone(), &id).map_err(|e| (id, e)))
            .collect())
    }

    /// Reads the one tenant.
    pub async fn tenant(&self, s: &Session) -> Result<Tenant, Error> {
        Ok(cx2fa_core::api::tenant::Tenants::new(s)
            .get(&self.tenant_id()?)
            .await?)
    }

    /// Reads the one tenant whose realm's users a command works on: a realm no tenant
    /// operation works in is refused, and one that other tenants share is named in a warning.
    pub async fn tenant_for_users(&self, s: &Session) -> Result<Tenant, Error> {
        let (t, others) = cx2fa_core::api::tenant::Tenants::new(s)
            .get_for_users(&self.tenant_id()?)
            .await?;
        if !others.is_empty() {
            self.out.warn(format!(
                "realm `{}` is also the realm of tenant(s) {}: what is done here is done to their users too",
                t.realm(),
                others
                    .iter()
                    .map(|o| format!("`{o}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        Ok(t)
    }
}

/// A prompt that failed: Ctrl-C (or a closed terminal) is a cancellation.
pub fn prompt_error(e: dialoguer::Error) -> Error {
    match e {
        dialoguer::Error::IO(io) if io.kind() == std::io::ErrorKind::Interrupted => {
            Error::cancelled()
        }
        dialoguer::Error::IO(io) => Error::new(Kind::Cancelled, format!("prompt ended: {io}")),
    }
}

/// The JSON Schema of every `-o json` output (and of the NDJSON bulk report row and the JSON
/// error object), by name: `schemas/output/<name>.schema.json`. Generated from the types the
/// commands print, so that a change to a shape changes its schema; a test keeps the checked-in
/// files current and validates real outputs against them.
pub fn output_schemas() -> Vec<(&'static str, &'static str, serde_json::Value)> {
    use crate::output::SCHEMA_VERSION;
    use serde_json::{json, Value};
    fn schema<T: schemars::JsonSchema>(what: &str) -> Value {
        // The shape as printed (a field skipped when empty is not required).
        let generated = schemars::generate::SchemaSettings::draft2020_12()
            .for_serialize()
            .into_generator()
            .into_root_schema_for::<T>();
        let mut s = serde_json::to_value(generated).unwrap_or_default();
        s["description"] = json!(what);
        // `schemaVersion` first, required, and exactly this version.
        let mut props = serde_json::Map::new();
        props.insert(
            "schemaVersion".into(),
            json!({"const": SCHEMA_VERSION, "description": "the version of this shape; see README \"Machine contract\""}),
        );
        if let Some(Value::Object(p)) = s.get("properties") {
            for (k, v) in p {
                if k != "schemaVersion" {
                    props.insert(k.clone(), v.clone());
                }
            }
        }
        s["properties"] = Value::Object(props);
        let mut required: Vec<Value> = vec![json!("schemaVersion")];
        if let Some(Value::Array(r)) = s.get("required") {
            required.extend(r.iter().filter(|v| *v != "schemaVersion").cloned());
        }
        s["required"] = Value::Array(required);
        s
    }
    vec![
        (
            "config-validate",
            "`config validate -o json`",
            schema::<config::ValidateReport>("cx2fa config validate -o json"),
        ),
        (
            "tenant-list",
            "`tenant list -o json`",
            schema::<tenant::TenantList>("cx2fa tenant list -o json"),
        ),
        (
            "tenant-show",
            "`tenant show` and `tenant create`",
            schema::<tenant::TenantDoc>("cx2fa tenant show|create -o json"),
        ),
        (
            "tenant-backups",
            "`tenant backups -o json`",
            schema::<tenant::BackupList>("cx2fa tenant backups -o json"),
        ),
        (
            "tenant-restore",
            "`tenant restore -o json`",
            schema::<tenant::RestoreReport>(
                "cx2fa tenant restore -o json: no changes, what would be restored (--dry-run), or what was",
            ),
        ),
        (
            "policy-show",
            "`policy show -o json`",
            schema::<policy::ShowReport>("cx2fa policy show -o json"),
        ),
        (
            "policy-push",
            "`policy plan|apply|enable|disable -o json`",
            schema::<policy::PushReport>("cx2fa policy plan|apply|enable|disable -o json"),
        ),
        (
            "channel-list",
            "`channel list -o json`",
            schema::<channel::ChannelList>("cx2fa channel list -o json"),
        ),
        (
            "channel-check",
            "`channel check -o json`",
            schema::<cx2fa_core::readiness::ChannelCheck>("cx2fa channel check -o json"),
        ),
        (
            "user-status",
            "`user status -o json` (every user)",
            schema::<user::UserList>("cx2fa user status -o json"),
        ),
        (
            "user-status-fleet",
            "`user status --all-tenants -o json` (and several `-t`)",
            schema::<user::fleet::FleetStatus>("cx2fa user status --all-tenants -o json: one posture per tenant, with a total"),
        ),
        (
            "audit",
            "`audit -o json`",
            schema::<audit::AuditReport>(
                "cx2fa audit -o json: findings, with a summary per tenant and a total",
            ),
        ),
        (
            "user-status-one",
            "`user status USER -o json`",
            schema::<cx2fa_core::enrolment::Status>("cx2fa user status USER -o json"),
        ),
        (
            "user-reset",
            "`user reset -o json`",
            schema::<user::ResetReport>("cx2fa user reset -o json"),
        ),
        (
            "user-reset-report-row",
            "each line of `user reset --report`",
            schema::<cx2fa_core::bulk::Row>(
                "one line of the NDJSON report of cx2fa user reset --report",
            ),
        ),
        (
            "simulate-login",
            "`simulate-login -o json`",
            schema::<cx2fa_core::login::Transcript>("cx2fa simulate-login -o json"),
        ),
        (
            "probe",
            "`probe --once -o json`",
            schema::<probe::ProbeReport>("cx2fa probe --once -o json: each tenant's login, readiness, posture, audit counts and errors"),
        ),
        (
            "auth-status",
            "`auth login|status -o json`",
            schema::<auth::AuthStatus>("cx2fa auth login|status -o json"),
        ),
        (
            "doctor",
            "`doctor -o json`",
            schema::<doctor::Doctor>("cx2fa doctor -o json"),
        ),
        #[cfg(feature = "sandbox")]
        (
            "sandbox",
            "`sandbox -o json` (the banner)",
            schema::<sandbox::Banner>("cx2fa sandbox -o json"),
        ),
        #[cfg(feature = "sandbox")]
        (
            "sandbox-rsa-code",
            "`sandbox rsa-code -o json`",
            schema::<sandbox::Tokencode>("cx2fa sandbox rsa-code -o json"),
        ),
        (
            "version",
            "`version -o json`",
            schema::<version::Version>("cx2fa version -o json"),
        ),
        (
            "error",
            "the error object on stderr with `-o json`",
            schema::<crate::output::ErrorOutput>(
                "the JSON error object cx2fa writes to stderr with -o json",
            ),
        ),
    ]
}

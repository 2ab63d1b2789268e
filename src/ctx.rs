//! The resolved context of one run (ripgrep's LowArgs -> HiArgs): the parsed command line,
//! the environment and the profile, resolved once (flag > environment > profile > default);
//! who logs in and with what, answered once; one HTTP client and one limiter for the run.
//!
//! The environment is read here, at the edge, into an [`Env`]; everything below takes it (or
//! what was resolved from it) as a value, so that the precedence is a pure function and core
//! reads no environment (rustup's `impl TryFrom<&Process> for ...` shape).

mod resolve;

pub use resolve::{
    login_username, read_stdin_secret, Env, Login, RunSettings, DEFAULT_CONCURRENCY,
};

use crate::cli::Global;
use crate::error::{CommandError, Kind};
use crate::output::{ColorChoice, Format, Printer};
use cx2fa_core::api::http::{Http, Transport};
use cx2fa_core::api::session::KeycloakSource;
use cx2fa_core::api::{Credentials, Endpoints, Secret, Session};
use cx2fa_core::auth::store::Store;
use cx2fa_core::env as var;
use cx2fa_core::paths::Dirs;
use cx2fa_core::settings::Tenant;
use std::io::IsTerminal;
use std::sync::{Arc, OnceLock};

/// What every handler gets: the command line as parsed (`g`), the options it resolves with
/// the profile (`settings`), who logs in (`login`), the printer, and ways to reach the
/// deployment.
pub struct Ctx {
    pub g: Global,
    pub settings: RunSettings,
    pub login: Login,
    pub env: Env,
    pub dirs: Dirs,
    /// Where `auth login` keeps credentials.
    pub store: Store,
    pub out: Printer,
    /// Ctrl-C during a long run (see [`Ctx::interruptible`]); every client of this run stops
    /// with it.
    pub cancel: tokio_util::sync::CancellationToken,
    /// The run's one HTTP client, and with it its one limiter: built at first use.
    http: OnceLock<Http>,
}

/// While it lives, Ctrl-C is handled by [`Ctx::interruptible`]; dropped, the watch ends.
pub struct Interruptible(tokio::task::JoinHandle<()>);

impl Drop for Interruptible {
    fn drop(&mut self) {
        self.0.abort();
    }
}

impl Ctx {
    /// The context of this process: its environment, read once here.
    pub fn new(g: Global) -> Result<Self, CommandError> {
        Self::with_env(g, Env::from_process())
    }

    pub fn with_env(g: Global, env: Env) -> Result<Self, CommandError> {
        let dirs = Dirs::from(&env);
        let profile =
            cx2fa_core::auth::profile::load(dirs.config_file().as_deref(), g.profile.as_deref())?;
        cx2fa_core::backup::use_dir(dirs.backups());
        let out = Printer::new(
            g.output.unwrap_or(Format::Table),
            g.quiet,
            g.color.unwrap_or(ColorChoice::Auto),
        );
        let settings = RunSettings::resolve(&g, profile);
        let login = Login::resolve(&env, g.password_stdin, &settings);
        Ok(Ctx {
            store: Store::new(dirs.credentials()),
            g,
            settings,
            login,
            env,
            dirs,
            out,
            cancel: Default::default(),
            http: OnceLock::new(),
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
            && !self.env.is_set(var::FORCE_NO_TTY)
            && std::io::stdin().is_terminal()
            && std::io::stderr().is_terminal()
    }

    /// Asks to go on: `--yes` says yes, a terminal asks, otherwise a usage error naming `--yes`.
    pub fn confirm(&self, question: &str) -> Result<(), CommandError> {
        if self.g.yes {
            return Ok(());
        }
        if !self.can_prompt() {
            return Err(CommandError::needs_input("confirmation", "--yes"));
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
            Err(CommandError::cancelled())
        }
    }

    pub fn base_url(&self) -> Result<String, CommandError> {
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
                self.store
                    .load(self.profile_name())
                    .ok()
                    .flatten()
                    .and_then(|(_, s)| s.url)
            })
            .ok_or_else(|| CommandError::usage("no deployment URL").with_hint(hint))
    }

    pub fn endpoints(&self) -> Result<Endpoints, CommandError> {
        let base = self.base_url()?;
        refuse_credentials_in(&base, "--url")?;
        if let Some(k) = &self.settings.keycloak_url {
            refuse_credentials_in(k, "--keycloak-url")?;
        }
        let mut ep = Endpoints::new(&base, self.settings.keycloak_url.as_deref())?;
        ep.otp_manager = self.settings.otp_manager_url.clone();
        ep.rsa = self.settings.rsa_url.clone();
        Ok(ep)
    }

    /// The run's HTTP client (a clone sharing its connections, limiter and cancellation):
    /// built once, so that every request of the run passes the one limiter.
    pub fn http(&self) -> Result<Http, CommandError> {
        if let Some(h) = self.http.get() {
            return Ok(h.clone());
        }
        let built = self.build_http()?;
        Ok(self.http.get_or_init(|| built).clone())
    }

    fn build_http(&self) -> Result<Http, CommandError> {
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
            Arc::new(move |line: &str| out.debug(line)) as cx2fa_core::api::http::Sink
        });
        let mut limiter = self.limiter()?;
        if let Some(t) = &trace {
            // The level's changes and their reasons, among the requests that caused them.
            limiter = limiter.with_trace(t.clone());
        }
        let http = Http::new(&t, trace)?
            .with_limiter(Arc::new(limiter))
            .with_cancel(self.cancel.clone());
        Ok(if self.g.print_curl {
            let out = self.out.clone();
            http.print_curl(Arc::new(move |cmd: &str| out.status(cmd)))
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

    fn limiter(&self) -> Result<cx2fa_core::limiter::Limiter, CommandError> {
        let rate = self.settings.rate;
        if let Some(r) = rate.filter(|r| !(0.01..=1_000_000.0).contains(r)) {
            return Err(CommandError::usage(format!(
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
    pub async fn session(&self) -> Result<Session, CommandError> {
        let mut ep = self.endpoints()?;
        let http = self.http()?;
        let creds = match &self.login {
            Login::Environment(c) => c.clone(),
            Login::PasswordStdin { username: None } => {
                return Err(cx2fa_core::error::Error::usage("`--password-stdin` needs a username")
                    .with_fix(cx2fa_core::error::Fix::UsernameForPasswordStdin)
                    .into())
            }
            Login::PasswordStdin {
                username: Some(username),
            } => Credentials::Password {
                username: username.clone(),
                password: read_stdin_secret("password")?,
            },
            Login::Stored {
                env_username,
                profile_username,
            } => match self.store.load(self.profile_name())? {
                Some((kind, stored)) => {
                    // Where Keycloak is was found at `auth login` and stored with the token.
                    if ep.keycloak_source == KeycloakSource::Default
                        && stored.url.as_deref() == Some(&ep.base)
                    {
                        if let Some(k) = &stored.keycloak_url {
                            ep.keycloak = k.clone();
                            ep.keycloak_source = KeycloakSource::Stored;
                        }
                    }
                    stored.check_deployment(self.profile_name(), &ep)?;
                    return Ok(self.stored_session(http, ep, kind, stored));
                }
                None if self.can_prompt() => {
                    self.prompt_credentials(env_username.as_deref(), profile_username.as_deref())?
                }
                None => {
                    return Err(CommandError::usage("admin credentials are needed but there is no terminal to ask on")
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
        kind: cx2fa_core::auth::store::StoreKind,
        stored: cx2fa_core::auth::store::Stored,
    ) -> Session {
        let mut s = Session::new(http, ep, stored.credentials());
        if let Some(t) = stored.live_token() {
            s = s.with_token(t);
        }
        let profile = self.profile_name().to_string();
        let out = self.out.clone();
        let store = self.store.clone();
        s.on_new_token(Box::new(move |t| {
            let mut updated = stored.clone();
            updated.token = Some(cx2fa_core::auth::store::cache(t));
            if let Err(e) = store.save(&profile, kind, &updated) {
                out.warn(format!("could not cache the token: {}", e.message));
            }
        }))
    }

    fn prompt_credentials(
        &self,
        env_username: Option<&str>,
        profile_username: Option<&str>,
    ) -> Result<Credentials, CommandError> {
        let term = dialoguer::console::Term::stderr();
        // A username already given (environment) is used as given: only the password is asked.
        let username = match env_username {
            Some(u) => u.to_string(),
            None => {
                let mut input =
                    dialoguer::Input::<String>::new().with_prompt("Admin username (master realm)");
                if let Some(u) = profile_username {
                    input = input.default(u.to_string());
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
        Ok(Credentials::Password {
            username,
            password: Secret::new(password),
        })
    }

    /// The one tenant this command works on.
    pub fn tenant_id(&self) -> Result<String, CommandError> {
        let all = self.tenant_ids();
        match all.as_slice() {
            [one] => Ok(one.clone()),
            [] => Err(CommandError::usage("no tenant given").with_hint(
                "pass `-t <tenantId>` (or `CX2FA_TENANT`); `cx2fa tenant list` shows them",
            )),
            _ => Err(
                CommandError::usage("this command works on one tenant; several were given")
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
    ) -> Result<Vec<Result<Tenant, (String, cx2fa_core::error::Error)>>, CommandError> {
        let list = cx2fa_core::api::tenant::Tenants::new(s).list().await?;
        if all {
            return Ok(list.into_iter().map(Ok).collect());
        }
        let ids = self.tenant_ids();
        if ids.is_empty() {
            return Err(CommandError::usage("no tenant given")
                .with_hint("pass `-t <tenantId>` (repeatable) or `--all-tenants`"));
        }
        Ok(ids
            .into_iter()
            .map(|id| cx2fa_core::api::tenant::find(list.clone(), &id).map_err(|e| (id, e)))
            .collect())
    }

    /// Reads the one tenant.
    pub async fn tenant(&self, s: &Session) -> Result<Tenant, CommandError> {
        Ok(cx2fa_core::api::tenant::Tenants::new(s)
            .get(&self.tenant_id()?)
            .await?)
    }

    /// Reads the one tenant whose realm's users a command works on: a realm no tenant
    /// operation works in is refused, and one that other tenants share is named in a warning.
    pub async fn tenant_for_users(&self, s: &Session) -> Result<Tenant, CommandError> {
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

/// A URL given with credentials in it is refused, naming where it came from, without
/// repeating the credentials.
fn refuse_credentials_in(url: &str, flag: &str) -> Result<(), CommandError> {
    cx2fa_core::api::session::check_no_credentials(url).map_err(|c| {
        cx2fa_core::error::Error::usage(format!(
            "`{flag}` holds credentials (`user:password@`); cx2fa does not take them in a URL: `{}`",
            c.shown
        ))
        .with_fix(cx2fa_core::error::Fix::CredentialsNotInUrl)
        .into()
    })
}

/// A prompt that failed: Ctrl-C (or a closed terminal) is a cancellation.
pub fn prompt_error(e: dialoguer::Error) -> CommandError {
    match e {
        dialoguer::Error::IO(io) if io.kind() == std::io::ErrorKind::Interrupted => {
            CommandError::cancelled()
        }
        dialoguer::Error::IO(io) => {
            CommandError::new(Kind::Cancelled, format!("prompt ended: {io}"))
        }
    }
}

#[cfg(test)]
mod tests;

//! The sandbox: a local emulation of a deployment's APIs (docs/deployment-contract.md §2–7) on loopback.
//!
//! It is a real HTTP server (axum). Paths match a deployment's ingress: `/auth/` (Keycloak),
//! `/cx-tenant/`, `/ccm/`; the in-cluster services are served under `/otp-manager/` and `/rsa/`
//! (reach them with the CLI's overrides, as one would with a port-forward). Sandbox-only
//! helpers live under `/sandbox/` and are never relied on against a deployment.

// Handlers return a ready HTTP response as their error: a cold path where size does not matter.
#![allow(clippy::result_large_err)]

pub mod capacity;
mod ccm;
mod error;
mod faults;
mod files;
mod keycloak;
mod otp;
mod rsa;
pub mod seed;
pub mod state;
mod tenant;
mod tls;
pub mod upstream;
mod util;
pub mod variant;

pub use error::SandboxError;
pub use faults::FaultSpec;
pub use files::{check_trusted, FileError, Files, StdFiles};
/// RSA tokencodes change every minute.
pub use rsa::STEP as RSA_STEP_SECS;

use axum::routing::{get, on, post, MethodFilter};
use axum::Router;
use cx2fa_platform::contract::{self, Route};
use cx2fa_platform::fields;
use state::Data;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// How to run a sandbox.
#[derive(Debug, Clone)]
pub struct Config {
    /// 0 picks a free port.
    pub port: u16,
    pub seed: Option<PathBuf>,
    /// Generated users added to the first tenant's realm.
    pub users: usize,
    /// Persist to and reload from this file.
    pub state_file: Option<PathBuf>,
    pub faults: Option<FaultSpec>,
    pub latency_ms: u64,
    /// More delay for each PUT (a user or tenant write), as a Keycloak federated to a slow
    /// directory has: tests use it to hold a write on the wire.
    pub write_latency_ms: u64,
    /// When not 0, the delay of a page of users (`GET .../users`) instead of `latency_ms`: a
    /// real deployment answers a token or a count in a millisecond and a page in tens, and a
    /// client's concurrency limiter must not take the slow kind for a slow server.
    pub page_latency_ms: u64,
    /// Also write every EMAIL OTP as a Maildir message here.
    pub maildir: Option<PathBuf>,
    /// Answer 404 on the channel list, as deployments without that endpoint do.
    pub no_channel_list: bool,
    /// Refuse tenant creation without a `tenantLogo` part, as release 5.1+ does.
    pub require_logo: bool,
    /// Access-token lifetime in seconds.
    pub token_lifetime: u64,
    /// Serve HTTPS with a generated CA, written to this file.
    pub tls_ca: Option<PathBuf>,
    /// Which Keycloak to emulate (path, user profile, lockout, direct grants).
    pub keycloak: variant::Keycloak,
    /// Users with required actions pending: (username, action), in the first tenant's realm.
    pub required_actions: Vec<(String, String)>,
    /// Requests worked at once (0: unlimited); see [`capacity`].
    pub capacity: usize,
    pub capacity_mode: capacity::CapacityMode,
    /// Generated tenants added to the seed's (`fleet0001`...), each with `users` users.
    pub tenants: usize,
    /// How files are read and written (the binary's checked, private file handling).
    pub files: Arc<dyn Files>,
    /// Identity is this real Keycloak instead of the emulation ([`upstream`]).
    pub upstream: Option<upstream::Upstream>,
    /// Keep the master admin's password of the seed (or state) instead of drawing one for this
    /// run: only for a seed file, whose author chose it. The built-in seed's is public.
    pub keep_admin_password: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            port: 0,
            seed: None,
            users: 0,
            state_file: None,
            faults: None,
            latency_ms: 0,
            write_latency_ms: 0,
            page_latency_ms: 0,
            maildir: None,
            no_channel_list: false,
            require_logo: false,
            token_lifetime: 60,
            tls_ca: None,
            keycloak: variant::Keycloak::default(),
            required_actions: vec![],
            capacity: 0,
            capacity_mode: capacity::CapacityMode::Reject,
            tenants: 0,
            files: Arc::new(StdFiles),
            upstream: None,
            keep_admin_password: false,
        }
    }
}

/// Where a running sandbox is and how to log in to it.
#[derive(Debug, Clone)]
pub struct Exports {
    pub url: String,
    /// The first tenant of the seed.
    pub tenant: String,
    pub otp_manager_url: String,
    pub rsa_url: String,
    /// With `--tls`: the CA certificate clients must trust.
    pub ca_cert: Option<PathBuf>,
    /// The master realm's admin: (username, password).
    pub admin: Option<(String, String)>,
    /// This run's token for the `/sandbox/*` helpers (header `contract::sandbox::TOKEN_HEADER`).
    pub helper_token: String,
    /// Keycloak's URL when it is not the sandbox's own (a real Keycloak upstream).
    pub keycloak_url: Option<String>,
}

/// An issued access token.
#[derive(Debug, Clone)]
pub struct TokenInfo {
    pub realm: String,
    pub username: String,
    pub client: String,
    pub admin: bool,
    pub expires_ms: i64,
}

/// The server's shared state.
pub struct Shared {
    pub data: Mutex<Data>,
    pub tokens: Mutex<HashMap<String, TokenInfo>>,
    pub refresh: Mutex<HashMap<String, TokenInfo>>,
    pub cfg: Config,
    pub dirty: AtomicBool,
    pub counter: AtomicU64,
    pub faults: Option<Mutex<faults::FaultState>>,
    /// Failed password grants per (realm, lower-case username), for the brute-force lockout.
    pub failures: Mutex<HashMap<(String, String), u32>>,
    pub capacity: capacity::Capacity,
    /// The real Keycloak behind the sandbox, and the realms created there for this run.
    pub upstream: Option<(upstream::Admin, Vec<String>)>,
    /// Drawn at start: what `/sandbox/*` requests must carry (see [`helpers_need_token`]).
    pub helper_token: String,
}

pub type App = Arc<Shared>;

impl Shared {
    pub fn touch(&self) {
        self.dirty.store(true, Ordering::Relaxed);
    }
    pub fn next(&self) -> u64 {
        self.counter.fetch_add(1, Ordering::Relaxed)
    }
}

/// Loads the state file when it exists, else builds from the seed.
pub fn load(cfg: &Config) -> Result<Data, SandboxError> {
    if let Some(path) = &cfg.state_file {
        if path.exists() {
            let name = path.display().to_string();
            check_trusted(path).map_err(|reason| SandboxError::UntrustedState {
                path: path.clone(),
                reason,
            })?;
            // The state file is read and written back: only a regular file will do.
            if !cfg
                .files
                .is_regular_file(path, "--state")
                .map_err(SandboxError::File)?
            {
                return Err(SandboxError::Config(format!(
                    "`--state {name}` is not a regular file; the sandbox writes its state back to it"
                )));
            }
            let text = cfg
                .files
                .read_text(path, "--state", 1 << 30)
                .map_err(SandboxError::File)?;
            let mut d: Data = serde_json::from_str(&text).map_err(|e| SandboxError::BadState {
                path: path.clone(),
                reason: e.to_string(),
            })?;
            d.reindex();
            return Ok(d);
        }
    }
    let seed = match &cfg.seed {
        Some(p) => {
            let text = cfg
                .files
                .read_text(p, "--seed", 64 << 20)
                .map_err(SandboxError::File)?;
            seed::Seed::parse(&text, &p.display().to_string())?
        }
        None => seed::Seed::builtin(),
    };
    Ok(seed::build(seed, cfg.users, cfg.tenants))
}

/// Where the sandbox serves the in-cluster services a deployment does not expose through its
/// ingress (reach them with `--otp-manager-url` / `--rsa-url`, as one would a port-forward).
pub const OTP_MANAGER_MOUNT: &str = "/otp-manager/";
pub const RSA_MOUNT: &str = "/rsa/";

/// The method filter of a contract route.
fn method(r: &Route) -> MethodFilter {
    MethodFilter::try_from(r.method.clone()).expect("contract routes use standard methods")
}

/// The routes of the emulated deployment: the contract's routes (cx2fa-platform), each served
/// under its service's mount, so the sandbox serves exactly the paths and methods the client
/// calls.
pub fn router(app: App) -> Router {
    let routes = keycloak_routes(app.cfg.keycloak.prefix())
        .merge(platform_routes())
        .merge(helper_routes());
    routes
        .layer(axum::middleware::from_fn_with_state(
            app.clone(),
            faults::layer,
        ))
        .layer(axum::middleware::from_fn_with_state(
            app.clone(),
            capacity::layer,
        ))
        .layer(axum::middleware::from_fn_with_state(
            app.clone(),
            admit_upstream_tokens,
        ))
        .layer(axum::middleware::from_fn_with_state(
            app.clone(),
            helpers_need_token,
        ))
        .layer(axum::middleware::from_fn(loopback_host_only))
        .layer(axum::extract::DefaultBodyLimit::max(16 * 1024 * 1024))
        .with_state(app)
}

/// Keycloak's routes under `kc` (`/auth` or the root, as the variant says).
fn keycloak_routes(kc: &str) -> Router<App> {
    use contract::keycloak as k;
    let at_kc = |r: &Route| format!("{kc}/{}", r.template);
    Router::new()
        .route(&at_kc(&k::TOKEN), on(method(&k::TOKEN), keycloak::token))
        // Not in the platform contract: cx2fa never introspects; Expertflow's connector does
        // at every login (tests/connector), so the sandbox answers as Keycloak does.
        .route(
            &format!("{kc}/{}/introspect", k::TOKEN.template),
            axum::routing::post(keycloak::introspect),
        )
        .route(
            &format!("{kc}/{}/groups", k::USER.template),
            get(keycloak::user_groups),
        )
        .route("/team/user/{id}", get(keycloak::user_team))
        .route(
            &at_kc(&k::OPENID_CONFIGURATION),
            on(
                method(&k::OPENID_CONFIGURATION),
                keycloak::openid_configuration,
            ),
        )
        .route(
            &at_kc(&k::USERS),
            on(method(&k::USERS), keycloak::list_users),
        )
        .route(
            &at_kc(&k::USERS_COUNT),
            on(method(&k::USERS_COUNT), keycloak::count_users),
        )
        .route(
            &at_kc(&k::USER_PROFILE),
            on(method(&k::USER_PROFILE), keycloak::user_profile),
        )
        .route(
            &at_kc(&k::USER),
            on(method(&k::USER), keycloak::get_user)
                .on(method(&k::USER_UPDATE), keycloak::put_user),
        )
        .route(
            &at_kc(&k::USER_LOGOUT),
            on(method(&k::USER_LOGOUT), keycloak::logout),
        )
}

/// The platform's services: the tenant API, the channel manager, the OTP manager and RSA.
fn platform_routes() -> Router<App> {
    use contract::{ccm as c, otp_manager as o, rsa as r, tenant as t};
    let at = |mount: &str, r: &Route| format!("{mount}{}", r.template);
    let tenant_mount = format!("/{}", contract::TENANT_PREFIX);
    let ccm_mount = format!("/{}", contract::CCM_PREFIX);
    Router::new()
        .route(
            &at(&tenant_mount, &t::LIST),
            on(method(&t::LIST), tenant::list)
                .on(method(&t::UPDATE), tenant::update)
                .on(method(&t::CREATE), tenant::create),
        )
        .route(
            &at(&ccm_mount, &c::CHANNELS),
            on(method(&c::CHANNELS), ccm::list),
        )
        .route(
            &at(&ccm_mount, &c::PROBE),
            on(method(&c::PROBE), ccm::probe),
        )
        .route(
            &at(OTP_MANAGER_MOUNT, &o::GENERATE),
            on(method(&o::GENERATE), otp::generate),
        )
        .route(
            &at(OTP_MANAGER_MOUNT, &o::VERIFY),
            on(method(&o::VERIFY), otp::verify),
        )
        .route(
            &at(RSA_MOUNT, &r::AUTHN),
            on(method(&r::AUTHN), rsa::initialize),
        )
}

/// The sandbox's own helpers (`/sandbox/*`).
fn helper_routes() -> Router<App> {
    Router::new()
        .route("/sandbox/outbox", get(otp::outbox))
        .route("/sandbox/clock", get(util::clock).post(util::advance_clock))
        .route("/sandbox/rsa-code/{username}", get(rsa::code))
        .route("/sandbox/health", get(|| async { "ok" }))
        .route("/sandbox/capacity", post(capacity::set))
        .route("/sandbox/stats", get(capacity::stats))
}

/// With a real Keycloak upstream, its master admins' tokens are what clients bring to the
/// tenant API and the channel manager: a token the sandbox does not know is asked of that
/// Keycloak once, and remembered for the lifetime of a master token.
async fn admit_upstream_tokens(
    axum::extract::State(app): axum::extract::State<App>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    if let (Some((admin, _)), Some(token)) = (&app.upstream, util::bearer(req.headers())) {
        let known = app.tokens.lock().expect("lock").contains_key(&token);
        if !known && admin.admits(&token).await {
            let expires_ms = app.data.lock().expect("lock").now_ms() + 60_000;
            app.tokens.lock().expect("lock").insert(
                token,
                TokenInfo {
                    realm: "master".into(),
                    username: "upstream-admin".into(),
                    client: "admin-cli".into(),
                    admin: true,
                    expires_ms,
                },
            );
        }
    }
    next.run(req).await
}

/// The `/sandbox/*` helpers read every OTP sent and move the clock: on a shared machine, any
/// local account could otherwise log in as any seeded user. Each run draws a token, printed in
/// the banner (`CX2FA_SANDBOX_TOKEN`); a helper request without it gets 401. The readiness
/// check stays open: it tells nothing.
async fn helpers_need_token(
    axum::extract::State(app): axum::extract::State<App>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let path = req.uri().path();
    if !path.starts_with("/sandbox/") || path == contract::sandbox::HEALTH_PATH {
        return next.run(req).await;
    }
    let given = req
        .headers()
        .get(contract::sandbox::TOKEN_HEADER)
        .map(|v| v.as_bytes())
        .unwrap_or_default();
    if util::same_secret(given, app.helper_token.as_bytes()) {
        next.run(req).await
    } else {
        (
            axum::http::StatusCode::UNAUTHORIZED,
            [("content-type", "application/json")],
            serde_json::json!({fields::error_body::ERROR_MESSAGE: format!(
                "the sandbox's helpers need this run's token: send header `{}: $CX2FA_SANDBOX_TOKEN` (printed by `cx2fa sandbox`)",
                contract::sandbox::TOKEN_HEADER
            )})
            .to_string(),
        )
            .into_response()
    }
}

/// Answers only requests addressed to a loopback name. The sandbox binds 127.0.0.1, but a web
/// page could still reach it through DNS rebinding (a hostile name that resolves to 127.0.0.1):
/// such a request carries the hostile name in `Host`, and is refused.
async fn loopback_host_only(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let host = req
        .headers()
        .get(axum::http::header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(|h| {
            // `[::1]:8095` → `[::1]`; `localhost:8095` → `localhost`.
            match h.rfind(':') {
                Some(i) if !h[i..].contains(']') => &h[..i],
                _ => h,
            }
        });
    match host {
        None | Some("localhost" | "127.0.0.1" | "[::1]") => next.run(req).await,
        Some(_) => (
            axum::http::StatusCode::MISDIRECTED_REQUEST,
            "the sandbox answers requests for localhost, 127.0.0.1 and [::1] only\n",
        )
            .into_response(),
    }
}

/// A running sandbox.
pub struct Running {
    pub addr: SocketAddr,
    pub app: App,
    /// The CA certificate to trust, when serving HTTPS.
    pub ca_path: Option<PathBuf>,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    join: Option<tokio::task::JoinHandle<()>>,
}

impl Running {
    /// The base URL of the emulated deployment.
    pub fn url(&self) -> String {
        let scheme = if self.ca_path.is_some() {
            "https"
        } else {
            "http"
        };
        format!("{scheme}://{}", self.addr)
    }
    /// What a client needs to talk to this sandbox (the binary turns it into `export` lines).
    pub fn exports(&self) -> Exports {
        let d = self.app.data.lock().expect("lock");
        let admin = d
            .realms
            .get("master")
            .and_then(|r| r.users.values().find(|u| u.admin))
            .map(|u| (u.username.clone(), u.password.clone()));
        let tenant = d
            .tenants
            .first()
            .and_then(|t| t.get(cx2fa_platform::fields::TENANT_ID))
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_string();
        let url = self.url();
        let upstream = self.app.cfg.upstream.as_ref();
        let admin = match upstream {
            Some(up) => Some(up.admin.clone()),
            None => admin,
        };
        Exports {
            keycloak_url: upstream.map(|up| format!("{}/", up.url)),
            otp_manager_url: format!("{url}{OTP_MANAGER_MOUNT}"),
            rsa_url: format!("{url}{RSA_MOUNT}"),
            url,
            tenant,
            ca_cert: self.ca_path.clone(),
            admin,
            helper_token: self.app.helper_token.clone(),
        }
    }
    /// Writes the state file now (also done in the background and on stop).
    pub fn save(&self) -> Result<(), SandboxError> {
        save(&self.app)
    }
    /// Stops the server, saves the state file, and deletes the realms it created upstream.
    pub async fn stop(mut self) -> Result<(), SandboxError> {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(j) = self.join.take() {
            let _ = j.await;
        }
        let saved = save(&self.app);
        if let (Some(up), Some((_, realms))) = (&self.app.cfg.upstream, &self.app.upstream) {
            upstream::remove(up, realms).await?;
        }
        saved
    }
}

fn save(app: &App) -> Result<(), SandboxError> {
    let Some(path) = &app.cfg.state_file else {
        return Ok(());
    };
    if !app.dirty.swap(false, Ordering::Relaxed) && path.exists() {
        return Ok(());
    }
    let text = {
        let d = app.data.lock().expect("lock");
        serde_json::to_vec(&*d).map_err(|e| SandboxError::Failed(e.to_string()))?
    };
    // It holds every seeded password: 0600, written atomically, never through a symlink.
    app.cfg.files.write_private(path, &text).map_err(|e| {
        SandboxError::Failed(format!(
            "cannot write sandbox state `{}`: {e}",
            path.display()
        ))
    })
}

/// Starts a sandbox on 127.0.0.1 and returns once it accepts connections.
pub async fn start(cfg: Config) -> Result<Running, SandboxError> {
    let mut data = load(&cfg)?;
    if !cfg.keep_admin_password {
        fresh_admin_passwords(&mut data);
    }
    add_required_actions(&cfg, &mut data)?;
    if let Some(dir) = &cfg.maildir {
        make_maildir(dir)?;
    }
    let upstream = match &cfg.upstream {
        Some(up) => {
            let realms = upstream::seed(up, &mut data).await?;
            Some((upstream::Admin::connect(up).await?, realms))
        }
        None => None,
    };
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", cfg.port))
        .await
        .map_err(|source| SandboxError::Listen {
            port: cfg.port,
            source,
        })?;
    let addr = listener.local_addr()?;
    let tls = match &cfg.tls_ca {
        Some(path) => Some(tls::generate(path, &*cfg.files)?),
        None => None,
    };
    let ca_path = tls.as_ref().map(|t| t.ca_path.clone());
    let app = shared(cfg, data, upstream);
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let router = router(app.clone());
    let saver = app.clone();
    let join = tokio::spawn(async move {
        tokio::select! {
            _ = serve(listener, router, tls, rx) => {},
            _ = persist(saver) => {},
        }
    });
    Ok(Running {
        addr,
        app,
        ca_path,
        shutdown: Some(tx),
        join: Some(join),
    })
}

/// The state every handler shares, fresh for a run: no tokens yet, a new helper token.
fn shared(cfg: Config, data: Data, upstream: Option<(upstream::Admin, Vec<String>)>) -> App {
    let faults = cfg
        .faults
        .clone()
        .map(|f| Mutex::new(faults::FaultState::new(f)));
    let cfg_capacity = cfg.capacity;
    Arc::new(Shared {
        data: Mutex::new(data),
        tokens: Mutex::default(),
        refresh: Mutex::default(),
        cfg,
        dirty: AtomicBool::new(true),
        counter: AtomicU64::new(1),
        faults,
        failures: Mutex::default(),
        capacity: capacity::Capacity::new(cfg_capacity),
        upstream,
        helper_token: util::random_secret(),
    })
}

/// The built-in seed's password is public, and a state file's was printed before: a fresh one
/// per run, shown in the banner, is all another account cannot know.
fn fresh_admin_passwords(data: &mut Data) {
    if let Some(master) = data.realms.get_mut("master") {
        for u in master.users.values_mut().filter(|u| u.admin) {
            u.password = util::random_secret();
        }
    }
}

/// Gives the configured users of the first tenant's realm their required actions.
fn add_required_actions(cfg: &Config, data: &mut Data) -> Result<(), SandboxError> {
    for (user, action) in &cfg.required_actions {
        let realm = data
            .tenants
            .first()
            .and_then(|t| {
                t.pointer("/tenantSettings/keyCloak/realm")
                    .or(t.get(fields::TENANT_ID))
            })
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_string();
        let u = data
            .realms
            .get_mut(&realm)
            .and_then(|r| r.users.get_mut(&user.to_lowercase()))
            .ok_or_else(|| {
                SandboxError::Config(format!(
                    "`--required-action {user}={action}`: no user `{user}` in realm `{realm}`"
                ))
            })?;
        u.required_actions.push(action.clone());
    }
    Ok(())
}

fn make_maildir(dir: &std::path::Path) -> Result<(), SandboxError> {
    for sub in ["cur", "new", "tmp"] {
        std::fs::create_dir_all(dir.join(sub)).map_err(|e| {
            SandboxError::Config(format!("cannot create maildir `{}`: {e}", dir.display()))
        })?;
    }
    Ok(())
}

/// Serves `router` on `listener`, over TLS when `tls` is given, until `stop` fires.
async fn serve(
    listener: tokio::net::TcpListener,
    router: Router,
    tls: Option<tls::Tls>,
    stop: tokio::sync::oneshot::Receiver<()>,
) {
    match tls {
        None => {
            let _ = axum::serve(listener, router)
                .with_graceful_shutdown(async {
                    let _ = stop.await;
                })
                .await;
        }
        Some(t) => {
            let handle = axum_server::Handle::new();
            let stopper = handle.clone();
            tokio::spawn(async move {
                let _ = stop.await;
                stopper.graceful_shutdown(Some(std::time::Duration::from_secs(1)));
            });
            let Ok(std_listener) = listener.into_std() else {
                return;
            };
            let _ = axum_server::from_tcp_rustls(std_listener, t.config)
                .handle(handle)
                .serve(router.into_make_service())
                .await;
        }
    }
}

/// Writes the state file every half second (when it changed).
async fn persist(app: App) {
    loop {
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        let _ = save(&app);
    }
}

//! The sandbox: a local emulation of a deployment's APIs (docs/deployment-contract.md §2–7) on loopback.
//!
//! It is a real HTTP server (axum). Paths match a deployment's ingress: `/auth/` (Keycloak),
//! `/cx-tenant/`, `/ccm/`; the in-cluster services are served under `/otp-manager/` and `/rsa/`
//! (reach them with the CLI's overrides, as one would with a port-forward). Sandbox-only
//! helpers live under `/sandbox/` and are never relied on against a deployment.

pub mod capacity;
mod ccm;
mod faults;
mod keycloak;
mod otp;
mod rsa;
pub mod seed;
pub mod state;
mod tenant;
mod tls;
mod util;
pub mod variant;

pub use faults::FaultSpec;
/// RSA tokencodes change every minute.
pub use rsa::STEP as RSA_STEP_SECS;

use crate::error::Error;
use axum::routing::{get, post};
use axum::Router;
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
    pub capacity_mode: capacity::Mode,
    /// Generated tenants added to the seed's (`fleet0001`...), each with `users` users.
    pub tenants: usize,
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
            maildir: None,
            no_channel_list: false,
            require_logo: false,
            token_lifetime: 60,
            tls_ca: None,
            keycloak: variant::Keycloak::default(),
            required_actions: vec![],
            capacity: 0,
            capacity_mode: capacity::Mode::Reject,
            tenants: 0,
        }
    }
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
pub fn load(cfg: &Config) -> Result<Data, Error> {
    if let Some(path) = &cfg.state_file {
        if path.exists() {
            let name = path.display().to_string();
            // The state file is read and written back: only a regular file will do.
            if crate::input::shape(&name, "--state")? != crate::input::Shape::File {
                return Err(Error::usage(format!(
                    "`--state {name}` is not a regular file; the sandbox writes its state back to it"
                )));
            }
            let text = crate::input::read_text(&name, "--state", 1 << 30)?;
            let mut d: Data = serde_json::from_str(&text).map_err(|e| {
                Error::usage(format!(
                    "`{}` is not a sandbox state file: {e}",
                    path.display()
                ))
                .with_hint("delete it to start from the seed again")
            })?;
            d.reindex();
            return Ok(d);
        }
    }
    let seed = match &cfg.seed {
        Some(p) => {
            let text = crate::input::read_text(&p.display().to_string(), "--seed", 64 << 20)?;
            seed::Seed::parse(&text, &p.display().to_string())?
        }
        None => seed::Seed::builtin(),
    };
    Ok(seed::build(seed, cfg.users, cfg.tenants))
}

/// The routes of the emulated deployment.
pub fn router(app: App) -> Router {
    // Keycloak under `/auth` or at the root, as the variant says.
    let kc = app.cfg.keycloak.prefix();
    let routes = Router::new()
        .route(
            &format!("{kc}/realms/{{realm}}/protocol/openid-connect/token"),
            post(keycloak::token),
        )
        .route(
            &format!("{kc}/realms/{{realm}}/.well-known/openid-configuration"),
            get(keycloak::openid_configuration),
        )
        .route(
            &format!("{kc}/admin/realms/{{realm}}/users"),
            get(keycloak::list_users),
        )
        .route(
            &format!("{kc}/admin/realms/{{realm}}/users/count"),
            get(keycloak::count_users),
        )
        .route(
            &format!("{kc}/admin/realms/{{realm}}/users/profile"),
            get(keycloak::user_profile),
        )
        .route(
            &format!("{kc}/admin/realms/{{realm}}/users/{{id}}"),
            get(keycloak::get_user).put(keycloak::put_user),
        )
        .route(
            &format!("{kc}/admin/realms/{{realm}}/users/{{id}}/logout"),
            post(keycloak::logout),
        )
        .route(
            "/cx-tenant/tenant",
            get(tenant::list).put(tenant::update).post(tenant::create),
        )
        .route("/ccm/channels", get(ccm::list))
        .route(
            "/ccm/channel-connectors/configurations/{sid}",
            get(ccm::probe),
        )
        .route("/otp-manager/otp/generate", post(otp::generate))
        .route("/otp-manager/otp/verify", post(otp::verify))
        .route("/rsa/mfa/v1_1/authn/initialize", post(rsa::initialize))
        .route("/sandbox/outbox", get(otp::outbox))
        .route("/sandbox/clock", get(util::clock).post(util::advance_clock))
        .route("/sandbox/rsa-code/{username}", get(rsa::code))
        .route("/sandbox/health", get(|| async { "ok" }))
        .route("/sandbox/capacity", post(capacity::set))
        .route("/sandbox/stats", get(capacity::stats));
    routes
        .layer(axum::middleware::from_fn_with_state(
            app.clone(),
            faults::layer,
        ))
        .layer(axum::middleware::from_fn_with_state(
            app.clone(),
            capacity::layer,
        ))
        .layer(axum::middleware::from_fn(loopback_host_only))
        .layer(axum::extract::DefaultBodyLimit::max(16 * 1024 * 1024))
        .with_state(app)
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
    /// The `export` lines that point cx2fa at this sandbox.
    pub fn env_lines(&self) -> Vec<(String, String)> {
        let d = self.app.data.lock().expect("lock");
        let admin = d
            .realms
            .get("master")
            .and_then(|r| r.users.values().find(|u| u.admin))
            .cloned();
        let first = d
            .tenants
            .first()
            .and_then(|t| t.get("tenantId"))
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_string();
        let url = self.url();
        let mut v = vec![
            ("CX2FA_URL".into(), url.clone()),
            ("CX2FA_TENANT".into(), first),
            (
                "CX2FA_OTP_MANAGER_URL".into(),
                format!("{url}/otp-manager/"),
            ),
            ("CX2FA_RSA_URL".into(), format!("{url}/rsa/")),
        ];
        if let Some(ca) = &self.ca_path {
            v.push(("CX2FA_CA_CERT".into(), ca.display().to_string()));
        }
        if let Some(a) = admin {
            v.push(("CX2FA_USERNAME".into(), a.username));
            v.push(("CX2FA_PASSWORD".into(), a.password));
        }
        v
    }
    /// Writes the state file now (also done in the background and on stop).
    pub fn save(&self) -> Result<(), Error> {
        save(&self.app)
    }
    /// Stops the server and saves the state file.
    pub async fn stop(mut self) -> Result<(), Error> {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(j) = self.join.take() {
            let _ = j.await;
        }
        save(&self.app)
    }
}

fn save(app: &App) -> Result<(), Error> {
    let Some(path) = &app.cfg.state_file else {
        return Ok(());
    };
    if !app.dirty.swap(false, Ordering::Relaxed) && path.exists() {
        return Ok(());
    }
    let text = {
        let d = app.data.lock().expect("lock");
        serde_json::to_vec(&*d).map_err(|e| Error::failed(e.to_string()))?
    };
    // It holds every seeded password: 0600, written atomically, never through a symlink.
    crate::private::write(path, &text).map_err(|e| {
        Error::failed(format!(
            "cannot write sandbox state `{}`: {e}",
            path.display()
        ))
    })
}

/// Starts a sandbox on 127.0.0.1 and returns once it accepts connections.
pub async fn start(cfg: Config) -> Result<Running, Error> {
    let mut data = load(&cfg)?;
    for (user, action) in &cfg.required_actions {
        let realm = data
            .tenants
            .first()
            .and_then(|t| {
                t.pointer("/tenantSettings/keyCloak/realm")
                    .or(t.get("tenantId"))
            })
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_string();
        let u = data
            .realms
            .get_mut(&realm)
            .and_then(|r| r.users.get_mut(&user.to_lowercase()))
            .ok_or_else(|| {
                Error::usage(format!(
                    "`--required-action {user}={action}`: no user `{user}` in realm `{realm}`"
                ))
            })?;
        u.required_actions.push(action.clone());
    }
    if let Some(dir) = &cfg.maildir {
        for sub in ["cur", "new", "tmp"] {
            std::fs::create_dir_all(dir.join(sub)).map_err(|e| {
                Error::usage(format!("cannot create maildir `{}`: {e}", dir.display()))
            })?;
        }
    }
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", cfg.port))
        .await
        .map_err(|e| {
            Error::usage(format!("cannot listen on 127.0.0.1:{}: {e}", cfg.port))
                .with_hint("pick another `--port`, or `--port 0` for a free one")
        })?;
    let addr = listener.local_addr()?;
    let tls = match &cfg.tls_ca {
        Some(path) => Some(tls::generate(path)?),
        None => None,
    };
    let ca_path = tls.as_ref().map(|t| t.ca_path.clone());
    let faults = cfg
        .faults
        .clone()
        .map(|f| Mutex::new(faults::FaultState::new(f)));
    let cfg_capacity = cfg.capacity;
    let app = Arc::new(Shared {
        data: Mutex::new(data),
        tokens: Mutex::default(),
        refresh: Mutex::default(),
        cfg,
        dirty: AtomicBool::new(true),
        counter: AtomicU64::new(1),
        faults,
        failures: Mutex::default(),
        capacity: capacity::Capacity::new(cfg_capacity),
    });
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let router = router(app.clone());
    let saver = app.clone();
    let join = tokio::spawn(async move {
        let server = async move {
            match tls {
                None => {
                    let _ = axum::serve(listener, router)
                        .with_graceful_shutdown(async {
                            let _ = rx.await;
                        })
                        .await;
                }
                Some(t) => {
                    let handle = axum_server::Handle::new();
                    let stopper = handle.clone();
                    tokio::spawn(async move {
                        let _ = rx.await;
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
        };
        let persist = async {
            loop {
                tokio::time::sleep(std::time::Duration::from_millis(500)).await;
                let _ = save(&saver);
            }
        };
        tokio::select! {
            _ = server => {},
            _ = persist => {},
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

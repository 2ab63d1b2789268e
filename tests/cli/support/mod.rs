//! Test support: one isolated environment ([`TestEnv`]), a finished run's output
//! ([`CommandOutput`]), crafted servers, and an in-process sandbox per test with a `cx2fa`
//! command pointed at it.

mod env;
mod output;
pub mod servers;

pub use env::{bin, TestEnv};
pub use output::CommandOutput;

use assert_cmd::Command;
use cx2fa_sandbox::{self as sandbox, Config, Running};
use std::path::PathBuf;

pub struct Sandbox {
    pub url: String,
    pub env: Vec<(String, String)>,
    /// This run's master admin password (drawn at start, as `cx2fa sandbox` does).
    pub admin_password: String,
    /// This run's token for the `/sandbox/*` helpers.
    pub token: String,
    pub state: tempfile::TempDir,
    pub client: reqwest::Client,
    running: Option<Running>,
    rt: Option<tokio::runtime::Runtime>,
}

impl Sandbox {
    pub fn start() -> Self {
        Self::with(Config::default())
    }
    pub fn with(cfg: Config) -> Self {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let running = rt.block_on(sandbox::start(cfg)).expect("sandbox starts");
        let client = http_client(running.ca_path.as_deref());
        let url = running.url();
        let exports = running.exports();
        let env = cx2fa::sandbox_edge::env_lines(&exports);
        Sandbox {
            url,
            env,
            admin_password: exports.admin.map(|(_, p)| p).unwrap_or_default(),
            token: exports.helper_token,
            client,
            state: tempfile::tempdir().unwrap(),
            running: Some(running),
            rt: Some(rt),
        }
    }
    /// The environment of every `cx2fa` this sandbox's tests run: isolated in the sandbox's
    /// state directory, with its exports and an agent's password.
    pub fn test_env(&self) -> TestEnv {
        TestEnv::at(self.state.path())
            .set("CX2FA_USER_PASSWORD", "agent-pass")
            .set_all(self.env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }
    /// `cx2fa` with the sandbox's environment and a private state dir, no profile, no terminal.
    pub fn cmd(&self) -> Command {
        self.test_env().cx2fa()
    }
    /// A shell command line with the same environment as [`Sandbox::cmd`].
    /// `cx2fa` is on its `PATH`.
    pub fn shell(&self, line: &str) -> Command {
        self.test_env().shell(line)
    }
    /// `cx2fa ARGS` started in the background, with [`Sandbox::cmd`]'s environment and its
    /// output piped, for tests that signal it while it runs.
    pub fn spawn(&self, args: &[&str]) -> std::process::Child {
        self.spawn_env(args, &[])
    }
    /// [`Sandbox::spawn`] with more environment variables.
    pub fn spawn_env(&self, args: &[&str], env: &[(&str, &str)]) -> std::process::Child {
        self.test_env()
            .set_all(env.iter().copied())
            .cx2fa_process()
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    }
    /// [`run`], with this sandbox's address, admin password and helper token shown as
    /// placeholders in the output's `Display`.
    pub fn run(&self, c: &mut Command) -> CommandOutput {
        run(c)
            .redact(&self.admin_password, "[ADMIN_PASSWORD]")
            .redact(&self.token, "[SANDBOX_TOKEN]")
            .redact(&self.url, "[SANDBOX_URL]")
            .redact(&self.state.path().display().to_string(), "[HOME]")
    }
    pub fn backups(&self) -> PathBuf {
        self.state.path().join("state/cx2fa/backups")
    }
    /// A request to one of the sandbox's `/sandbox/*` helpers, with this run's token.
    pub fn helper(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        self.client
            .request(method, format!("{}{path}", self.url))
            .header("X-Sandbox-Token", &self.token)
    }
    /// A GET against the sandbox, as JSON (the helpers' token sent along).
    pub fn get(&self, path: &str, token: Option<&str>) -> (u16, serde_json::Value) {
        let url = format!("{}{path}", self.url);
        let token = token.map(str::to_string);
        let client = self.client.clone();
        let helper_token = self.token.clone();
        // Retried, so that a sandbox with injected faults can still be inspected.
        self.block(async move {
            for _ in 0..50 {
                let mut r = client.get(&url).header("X-Sandbox-Token", &helper_token);
                if let Some(t) = &token {
                    r = r.bearer_auth(t);
                }
                let Ok(resp) = r.send().await else { continue };
                let status = resp.status().as_u16();
                let Ok(body) = resp.bytes().await else {
                    continue;
                };
                if status == 429 || status >= 500 {
                    continue;
                }
                return (
                    status,
                    serde_json::from_slice(&body).unwrap_or(serde_json::Value::String(
                        String::from_utf8_lossy(&body).into(),
                    )),
                );
            }
            panic!("GET {url} kept failing");
        })
    }
    pub fn admin_token(&self) -> String {
        let url = format!(
            "{}{}/realms/master/protocol/openid-connect/token",
            self.url,
            self.kc()
        );
        let client = self.client.clone();
        let password = self.admin_password.clone();
        self.block(async move {
            for _ in 0..50 {
                let form = [
                    ("grant_type", "password"),
                    ("client_id", "admin-cli"),
                    ("username", "admin"),
                    ("password", password.as_str()),
                ];
                let Ok(r) = client.post(&url).form(&form).send().await else {
                    continue;
                };
                let Ok(v) = r.json::<serde_json::Value>().await else {
                    continue;
                };
                if let Some(t) = v["access_token"].as_str() {
                    return t.to_string();
                }
            }
            panic!("no admin token");
        })
    }
    /// Keycloak's path prefix in this sandbox (`/auth`, or nothing at the root).
    pub fn kc(&self) -> &'static str {
        self.running.as_ref().unwrap().app.cfg.keycloak.prefix()
    }
    /// A user's attributes as the sandbox stores them, whatever its user profile shows.
    pub fn stored_attrs(&self, realm: &str, username: &str) -> serde_json::Value {
        let d = self.running.as_ref().unwrap().app.data.lock().unwrap();
        d.realms[realm].users[username]
            .attributes
            .clone()
            .map(serde_json::Value::Object)
            .unwrap_or(serde_json::Value::Null)
    }
    pub fn block<F: std::future::Future>(&self, f: F) -> F::Output {
        self.rt.as_ref().unwrap().block_on(f)
    }
    /// The stored tenant document.
    pub fn tenant(&self, id: &str) -> serde_json::Value {
        let t = self.admin_token();
        let (_, list) = self.get("/cx-tenant/tenant", Some(&t));
        list.as_array()
            .unwrap()
            .iter()
            .find(|d| d["tenantId"] == id)
            .cloned()
            .unwrap()
    }
    /// Stores `doc` as tenant `id` through the tenant API, as the platform's admin UI would;
    /// the HTTP status.
    pub fn put_tenant(&self, id: &str, doc: &serde_json::Value) -> u16 {
        let t = self.admin_token();
        let url = format!("{}/cx-tenant/tenant?id={id}", self.url);
        let client = self.client.clone();
        let data = doc.to_string();
        self.block(async move {
            let form = reqwest::multipart::Form::new().text("data", data);
            client
                .put(url)
                .bearer_auth(&t)
                .multipart(form)
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        })
    }
    /// A user's attributes by username, read straight from the sandbox.
    pub fn attrs(&self, realm: &str, username: &str) -> serde_json::Value {
        let t = self.admin_token();
        let (_, v) = self.get(
            &format!(
                "{}/admin/realms/{realm}/users?username={username}&exact=true",
                self.kc()
            ),
            Some(&t),
        );
        v[0].get("attributes")
            .cloned()
            .unwrap_or(serde_json::Value::Null)
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        if let (Some(r), Some(rt)) = (self.running.take(), self.rt.take()) {
            let _ = rt.block_on(r.stop());
            rt.shutdown_background();
        }
    }
}

fn http_client(ca: Option<&std::path::Path>) -> reqwest::Client {
    let mut b = reqwest::Client::builder();
    if let Some(ca) = ca {
        b = b.add_root_certificate(
            reqwest::Certificate::from_pem(&std::fs::read(ca).unwrap()).unwrap(),
        );
    }
    b.build().unwrap()
}

/// Runs `c` to its end.
pub fn run(c: &mut Command) -> CommandOutput {
    CommandOutput::new(&c.output().unwrap())
}

/// Sends SIGINT (a Ctrl-C) to `child`.
pub fn interrupt(child: &std::process::Child) {
    signal(child, "INT");
}

/// Sends the signal `name` (`INT`, `TERM`...) to `child`.
pub fn signal(child: &std::process::Child, name: &str) {
    let ok = std::process::Command::new("kill")
        .arg(format!("-{name}"))
        .arg(child.id().to_string())
        .status()
        .unwrap()
        .success();
    assert!(ok, "kill -{name}");
}

/// Waits for `child` at most `limit`; its output and how long the wait was. A child still
/// running at the limit is killed and the test fails.
pub fn wait_at_most(
    mut child: std::process::Child,
    limit: std::time::Duration,
) -> (CommandOutput, std::time::Duration) {
    let start = std::time::Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let o = child.wait_with_output().unwrap();
            panic!(
                "still running after {limit:?}; stderr: {}",
                String::from_utf8_lossy(&o.stderr)
            );
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let waited = start.elapsed();
    let o = child.wait_with_output().unwrap();
    (CommandOutput::new(&o), waited)
}

/// Writes `text` to a temp file and returns it (kept alive by the returned dir).
pub fn file(text: &[u8]) -> (tempfile::TempDir, String) {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("input.json");
    std::fs::write(&p, text).unwrap();
    let s = p.display().to_string();
    (d, s)
}

pub const UPDATE_EMAIL: &str = r#"{
    "tenantSettings": {
        "keyCloak": {
            "Otp_Manager_Url": "http://ef-cx-otp-manager-svc:3000/"
        },
        "twoFAConfigs": {
            "is2FAEnabled": true,
            "channelType": "EMAIL",
            "channelServiceIdentifier": "support@example.test",
            "otpExpiry": 60,
            "otpMaxAttempts": 3
        }
    }
}"#;

/// The seed's SMS channel.
pub const SMS_CHANNEL: &str = "+15550001000";

/// `cx2fa policy VERB -t expertflow --channel SMS --identifier SMS_CHANNEL EXTRA...`: the
/// switch of the seed's tenant to its SMS channel, planned or made.
pub fn policy_to_sms(sb: &Sandbox, verb: &str, extra: &[&str]) -> CommandOutput {
    let to_sms = ["-t", "expertflow", "--channel", "SMS", "--identifier"];
    sb.run(
        sb.cmd()
            .args(["policy", verb])
            .args(to_sms)
            .arg(SMS_CHANNEL)
            .args(extra),
    )
}

/// The usernames of an NDJSON `user reset` report, sorted, and how many rows it has: a report
/// whose rows are each there once has as many names as rows after deduplication.
pub fn report_usernames(report: &std::path::Path) -> (usize, Vec<String>) {
    let mut names: Vec<String> = std::fs::read_to_string(report)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["username"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    names.sort();
    let rows = names.len();
    names.dedup();
    (rows, names)
}

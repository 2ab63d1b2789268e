//! The command line: global options and the command tree. Doc comments are the help text.

use crate::commands;
use crate::error::EXIT_CODES_HELP;
use crate::output::{ColorChoice, Format};
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

#[cfg(feature = "sandbox")]
const AFTER_HELP: &str = "\
Environment: every global option is also `CX2FA_<NAME>` (e.g. `CX2FA_URL`, `CX2FA_TENANT`);
credentials come from `CX2FA_USERNAME`/`CX2FA_PASSWORD`, `CX2FA_CLIENT_ID`/`CX2FA_CLIENT_SECRET`,
`CX2FA_TOKEN`, `--password-stdin`, or a prompt on a terminal. Precedence: flag > env > profile.

Start here: `cx2fa tour` runs the main jobs against a built-in sandbox.";

// Built without the sandbox: no `tour` to point at.
#[cfg(not(feature = "sandbox"))]
const AFTER_HELP: &str = "\
Environment: every global option is also `CX2FA_<NAME>` (e.g. `CX2FA_URL`, `CX2FA_TENANT`);
credentials come from `CX2FA_USERNAME`/`CX2FA_PASSWORD`, `CX2FA_CLIENT_ID`/`CX2FA_CLIENT_SECRET`,
`CX2FA_TOKEN`, `--password-stdin`, or a prompt on a terminal. Precedence: flag > env > profile.

Start here: `cx2fa doctor --url https://<ingress>` checks a deployment.";

/// Administer two-factor authentication (2FA) for Expertflow CX tenants.
#[derive(Debug, Parser)]
#[command(name = "cx2fa", version, about, long_about = None, after_long_help = format!("{AFTER_HELP}\n\n{EXIT_CODES_HELP}"), after_help = EXIT_CODES_HELP)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes, shown after a command's own under their own heading.
#[derive(Debug, Args, Clone, Default)]
#[command(next_help_heading = "Global options")]
pub struct Global {
    /// Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from
    #[arg(long, global = true, env = cx2fa_core::env::PROFILE, value_name = "NAME")]
    pub profile: Option<String>,
    /// The deployment's base URL (its ingress), e.g. `https://tenant1.example.com`
    #[arg(long, global = true, env = cx2fa_core::env::URL, value_name = "URL")]
    pub url: Option<String>,
    /// Tenant id; repeat (or comma-separate) for commands that take several
    #[arg(
        short = 't',
        long = "tenant",
        global = true,
        env = cx2fa_core::env::TENANT,
        value_name = "ID",
        value_delimiter = ','
    )]
    pub tenants: Vec<String>,
    /// Output format
    #[arg(
        short,
        long,
        global = true,
        env = cx2fa_core::env::OUTPUT,
        value_enum,
        value_name = "FORMAT"
    )]
    pub output: Option<Format>,
    /// Answer yes to every confirmation
    #[arg(short, long, global = true, env = cx2fa_core::env::YES, value_parser = clap::builder::BoolishValueParser::new())]
    pub yes: bool,
    /// Never prompt; fail with exit code 2 where input would be needed
    #[arg(long, global = true, env = cx2fa_core::env::NO_INPUT, value_parser = clap::builder::BoolishValueParser::new())]
    pub no_input: bool,
    /// Print only data and errors
    #[arg(short, long, global = true, env = cx2fa_core::env::QUIET, value_parser = clap::builder::BoolishValueParser::new())]
    pub quiet: bool,
    /// Trace every HTTP call on stderr (secrets redacted)
    #[arg(long, global = true, env = cx2fa_core::env::DEBUG, value_parser = clap::builder::BoolishValueParser::new())]
    pub debug: bool,
    /// Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)
    #[arg(long, global = true, env = cx2fa_core::env::PRINT_CURL, value_parser = clap::builder::BoolishValueParser::new())]
    pub print_curl: bool,
    /// HTTP timeout in seconds
    #[arg(long, global = true, env = cx2fa_core::env::TIMEOUT, value_name = "SECS")]
    pub timeout: Option<u64>,
    /// When to use colour (`NO_COLOR` is respected with `auto`)
    #[arg(
        long,
        global = true,
        env = cx2fa_core::env::COLOR,
        value_enum,
        value_name = "WHEN"
    )]
    pub color: Option<ColorChoice>,
    /// Keycloak's base URL when it is not `<url>/auth/`
    #[arg(long, global = true, env = cx2fa_core::env::KEYCLOAK_URL, value_name = "URL")]
    pub keycloak_url: Option<String>,
    /// Reach the OTP manager here instead of the tenant's in-cluster `Otp_Manager_Url` (e.g. a port-forward)
    #[arg(long, global = true, env = cx2fa_core::env::OTP_MANAGER_URL, value_name = "URL")]
    pub otp_manager_url: Option<String>,
    /// Reach RSA SecurID here instead of the tenant's `RSA_Server_URL`
    #[arg(long, global = true, env = cx2fa_core::env::RSA_URL, value_name = "URL")]
    pub rsa_url: Option<String>,
    /// Extra CA certificate (PEM) to trust
    #[arg(long, global = true, env = cx2fa_core::env::CA_CERT, value_name = "FILE")]
    pub ca_cert: Option<PathBuf>,
    /// Accept any TLS certificate (warns on every use); `--insecure=false` (or
    /// `CX2FA_INSECURE=false`) overrides a profile's `insecure = true`
    #[arg(
        long,
        global = true,
        env = cx2fa_core::env::INSECURE,
        num_args = 0..=1,
        require_equals = true,
        default_missing_value = "true",
        value_name = "BOOL",
        value_parser = clap::builder::BoolishValueParser::new()
    )]
    pub insecure: Option<bool>,
    /// Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)
    #[arg(long, global = true)]
    pub password_stdin: bool,
    /// The most requests at once. cx2fa finds the server's pace by itself (it starts low,
    /// grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing
    /// answers); this is the ceiling. `1` is strictly one at a time
    #[arg(long, global = true, env = cx2fa_core::env::CONCURRENCY, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1024))]
    pub concurrency: Option<u32>,
    /// Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)
    #[arg(long, global = true, requires = "concurrency")]
    pub fixed_concurrency: bool,
    /// The most requests per second, a hard cap whatever the server could take (e.g. during
    /// business hours)
    #[arg(long, global = true, env = cx2fa_core::env::RATE, value_name = "N")]
    pub rate: Option<f64>,
}

// Each noun's own enum (`config`, `policy`, `user`...) is `#[command(defer = true)]`: a verb's
// arguments are built only when that verb is used, so `cx2fa --version` or `cx2fa user reset`
// doesn't build the whole tree first (start-up time, measured by benches/run.sh).
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate 2FA configuration files offline
    #[command(subcommand)]
    Config(commands::config::ConfigCmd),
    /// Read, create, back up and restore tenant documents
    #[command(subcommand)]
    Tenant(commands::tenant::TenantCmd),
    /// Show, plan and apply a tenant's 2FA policy
    #[command(subcommand)]
    Policy(commands::policy::PolicyCmd),
    /// List and check the channels that deliver OTPs
    #[command(subcommand)]
    Channel(commands::channel::ChannelCmd),
    /// Read and reset users' 2FA enrolment
    #[command(subcommand)]
    User(commands::user::UserCmd),
    /// Run the 2FA login flow for one user, interactively or as a scripted probe
    SimulateLogin(commands::login::LoginArgs),
    /// Find the users for whom 2FA is not what it seems (bypassed, failing, half registered)
    Audit(commands::audit::AuditArgs),
    /// Log in once per deployment profile; see where credentials come from
    #[command(subcommand)]
    Auth(commands::auth::AuthCmd),
    /// Check the configuration, credentials, every service and the clock
    Doctor(commands::doctor::DoctorArgs),
    /// Run a local emulation of a deployment
    #[cfg(feature = "sandbox")]
    Sandbox(commands::sandbox::SandboxArgs),
    /// A guided run of the main jobs against a built-in sandbox
    #[cfg(feature = "sandbox")]
    Tour(commands::tour::TourArgs),
    /// Print a shell completion script
    Completions(commands::completions::CompletionsArgs),
    /// Print the version (`--verbose`: what the binary was built from, for bug reports)
    Version(commands::version::VersionArgs),
}

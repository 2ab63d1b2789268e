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

/// The main jobs, on `cx2fa -h` and in cx2fa(1).
pub const TOP_EXAMPLES: &str = "\
Examples:
  cx2fa auth login --url https://tenant1.example.com
  cx2fa policy show -t expertflow
  cx2fa policy apply -t expertflow -f payload.json
  cx2fa user reset -t expertflow agent.email
  cx2fa simulate-login -t expertflow --user agent.email
  cx2fa audit --all-tenants -o json";

/// The top page's environment paragraph and exit codes, for cx2fa(1).
pub const AFTER_HELP_AND_CODES: (&str, &str) = (AFTER_HELP, EXIT_CODES_HELP);

/// Administer two-factor authentication (2FA) for Expertflow CX tenants.
#[derive(Debug, Parser)]
#[command(name = "cx2fa", version, about, long_about = None, after_long_help = format!("{TOP_EXAMPLES}\n\n{AFTER_HELP}\n\n{EXIT_CODES_HELP}"), after_help = format!("{TOP_EXAMPLES}\n\n{EXIT_CODES_HELP}"))]
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
        value_delimiter = ',',
        add = clap_complete::engine::ArgValueCompleter::new(crate::complete::tenants)
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
    ///
    /// Examples:
    ///   cx2fa config validate payload.json
    ///   cx2fa config validate --strict -o json tenants/*.json
    #[command(subcommand, verbatim_doc_comment)]
    Config(commands::config::ConfigCmd),
    /// Read, create, back up and restore tenant documents
    ///
    /// Examples:
    ///   cx2fa tenant list
    ///   cx2fa tenant show -t expertflow -o json
    ///   cx2fa tenant backups -t expertflow
    #[command(subcommand, verbatim_doc_comment)]
    Tenant(commands::tenant::TenantCmd),
    /// Show, plan and apply a tenant's 2FA policy
    ///
    /// Examples:
    ///   cx2fa policy show -t expertflow
    ///   cx2fa policy plan -t expertflow -f payload.json
    ///   cx2fa policy apply -t expertflow -f payload.json
    #[command(subcommand, verbatim_doc_comment)]
    Policy(commands::policy::PolicyCmd),
    /// List and check the channels that deliver OTPs
    ///
    /// Examples:
    ///   cx2fa channel list
    ///   cx2fa channel check -t expertflow
    #[command(subcommand, verbatim_doc_comment)]
    Channel(commands::channel::ChannelCmd),
    /// Read and reset users' 2FA enrolment
    ///
    /// Examples:
    ///   cx2fa user status -t expertflow agent.email
    ///   cx2fa user reset -t expertflow agent.email
    #[command(subcommand, verbatim_doc_comment)]
    User(commands::user::UserCmd),
    // About, description and examples: the doc comment of its arguments' struct.
    SimulateLogin(commands::login::SimulateLoginArgs),
    // About, description and examples: the doc comment of its arguments' struct.
    Audit(commands::audit::AuditArgs),
    // About, description and examples: the doc comment of its arguments' struct.
    Probe(commands::probe::ProbeArgs),
    /// Log in once per deployment profile; see where credentials come from
    ///
    /// Examples:
    ///   cx2fa auth login --url https://tenant1.example.com
    ///   cx2fa auth status
    #[command(subcommand, verbatim_doc_comment)]
    Auth(commands::auth::AuthCmd),
    // About, description and examples: the doc comment of its arguments' struct.
    Doctor(commands::doctor::DoctorArgs),
    // About, description and examples: the doc comment of its arguments' struct.
    #[cfg(feature = "sandbox")]
    Sandbox(commands::sandbox::SandboxArgs),
    // About, description and examples: the doc comment of its arguments' struct.
    #[cfg(feature = "sandbox")]
    Tour(commands::tour::TourArgs),
    /// Print a shell completion script
    ///
    /// Examples:
    ///   cx2fa completions bash > ~/.local/share/bash-completion/completions/cx2fa
    ///   cx2fa completions zsh > ~/.zfunc/_cx2fa      # with fpath+=(~/.zfunc) in ~/.zshrc
    ///   cx2fa completions fish > ~/.config/fish/completions/cx2fa.fish
    #[command(verbatim_doc_comment)]
    Completions(commands::completions::CompletionsArgs),
    // About, description and examples: the doc comment of its arguments' struct.
    Version(commands::version::VersionArgs),
}

/// Whether the command line asks for help (`-h`, `--help`, `help`): only then is the whole
/// tree built and reshaped by [`presented`], so that other runs keep their quick start.
pub fn wants_help(args: &[std::ffi::OsString]) -> bool {
    args.iter()
        .skip(1)
        .take_while(|a| *a != "--")
        .any(|a| a == "-h" || a == "--help" || a == "help")
}

/// The command tree as people read it, in help and man pages. A verb's page shows its own
/// options, its examples (also with `-h`) and one line naming the global options, which are
/// described once, in `cx2fa --help` and cx2fa(1): before, 108 of the 154 lines of
/// `user reset --help` were the same 20 global options.
pub fn presented() -> clap::Command {
    use clap::CommandFactory;
    let mut cmd = Cli::command();
    cmd.build();
    let globals: Vec<clap::Arg> = cmd
        .get_arguments()
        .filter(|a| a.is_global_set())
        .cloned()
        .collect();
    let line = globals_line(&globals);
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for n in names {
        cmd = cmd.mut_subcommand(n, |sc| present(sc, &globals, &line));
    }
    cmd
}

fn present(mut sc: clap::Command, globals: &[clap::Arg], line: &str) -> clap::Command {
    if sc.get_name() == "help" {
        return sc;
    }
    // `mut_args` keeps the arguments' order, which the built command's lookup table indexes
    // (`mut_arg` would move the argument to the end and break it).
    sc = sc.mut_args(|a| {
        if globals.iter().any(|g| g.get_id() == a.get_id()) {
            a.hide(true)
        } else {
            a
        }
    });
    let (long_about, examples) = split_examples(sc.get_long_about().map(|s| s.to_string()));
    let after = match examples {
        Some(e) => format!("{e}\n\n{line}"),
        None => line.to_string(),
    };
    sc = match long_about {
        Some(text) => sc.long_about(text),
        None => sc.long_about(clap::builder::Resettable::Reset),
    };
    sc = sc.after_help(after.clone()).after_long_help(after);
    let names: Vec<String> = sc
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for n in names {
        sc = sc.mut_subcommand(n, |s| present(s, globals, line));
    }
    sc
}

/// Splits a verbatim long description at its `Examples:` paragraph: (description, examples).
pub fn split_examples(long_about: Option<String>) -> (Option<String>, Option<String>) {
    let Some(text) = long_about else {
        return (None, None);
    };
    match text.split_once("\n\nExamples:\n") {
        Some((description, examples)) => (
            Some(description.trim_end().to_string()),
            Some(format!("Examples:\n{}", examples.trim_end())),
        ),
        None if text.starts_with("Examples:\n") => (None, Some(text.trim_end().to_string())),
        None => (Some(text), None),
    }
}

/// `Global options: --profile, --url, -t/--tenant, …`, wrapped to 100 columns.
fn globals_line(globals: &[clap::Arg]) -> String {
    let names: Vec<String> = globals
        .iter()
        .filter(|a| !a.is_hide_set())
        .filter_map(|a| {
            let long = a.get_long()?;
            Some(match a.get_short() {
                Some(s) => format!("-{s}/--{long}"),
                None => format!("--{long}"),
            })
        })
        .collect();
    let mut out = String::from("Global options:");
    let mut width = out.len();
    for (i, n) in names.iter().enumerate() {
        let piece = if i + 1 < names.len() {
            format!(" {n},")
        } else {
            format!(" {n}")
        };
        if width + piece.len() > 100 {
            out.push_str("\n ");
            width = 1;
        }
        out.push_str(&piece);
        width += piece.len();
    }
    out.push_str("\n(described in `cx2fa --help`; each is also `CX2FA_<NAME>`)");
    out
}

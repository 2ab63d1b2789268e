//! Errors at the command line's edge (jj's `CommandError`): what is printed, with which hint,
//! and which exit code. Core reports typed errors with a [`cx2fa_core::error::Fix`]; this turns
//! each into the hint worded for this command line ([`crate::hints`]). Commands build their own
//! errors here too, with hints that may name flags.

use serde::Serialize;
use std::fmt;

/// What went wrong, coarse enough to decide the exit code: core's kinds, and the outcomes this
/// command line makes an exit code of (a partial bulk run, pending changes, audit findings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
// The published schemas (`schemas/output/`) describe it in these words.
#[schemars(description = "What went wrong, coarse enough to decide the exit code.")]
pub enum Kind {
    /// Invalid configuration, refused change, failed precondition, a change that did not verify.
    Failed,
    /// The thing asked for does not exist (tenant, user, channel).
    NotFound,
    /// Someone else changed the document, or it already exists.
    Conflict,
    /// Bad flags, or input needed but no terminal to ask on.
    Usage,
    /// Wrong credentials, expired token, forbidden.
    Auth,
    /// Unreachable, timeout, TLS, 5xx, 429 after retries, unreadable answer.
    Network,
    /// A bulk run in which some rows failed.
    Partial,
    /// `policy plan --exit-code` with changes pending.
    ChangesPending,
    /// `audit`: findings at or above `--fail-on`.
    Findings,
    /// The user cancelled at a prompt (Ctrl-C or "no").
    Cancelled,
}

impl From<cx2fa_core::error::Kind> for Kind {
    fn from(k: cx2fa_core::error::Kind) -> Self {
        use cx2fa_core::error::Kind as K;
        match k {
            K::Failed => Kind::Failed,
            K::NotFound => Kind::NotFound,
            K::Conflict => Kind::Conflict,
            K::Usage => Kind::Usage,
            K::Auth => Kind::Auth,
            K::Network => Kind::Network,
            K::Cancelled => Kind::Cancelled,
        }
    }
}

/// The exit code of each kind, as documented in `--help`, the man page and the README.
pub fn exit_code(kind: Kind) -> i32 {
    match kind {
        Kind::Failed | Kind::NotFound | Kind::Conflict => 1,
        Kind::Usage => 2,
        Kind::Auth => 3,
        Kind::Network => 4,
        Kind::Partial => 5,
        Kind::ChangesPending => 10,
        Kind::Findings => 11,
        Kind::Cancelled => 130,
    }
}

/// The exit codes as shown in `--help` and the man page.
pub const EXIT_CODES_HELP: &str = "\
Exit codes:
  0    success
  1    refused or failed: invalid config, not found, failed precondition, conflict, unverified change
  2    usage: bad flags, or input needed but no terminal
  3    authentication or authorization
  4    network or server: unreachable, timeout, TLS, 5xx, 429 after retries
  5    partial: a bulk run in which some rows failed
  10   `policy plan --exit-code` with changes pending
  11   `audit`: findings at or above `--fail-on` (default high)
  130  cancelled: Ctrl-C, or no at a prompt";

/// One reportable failure.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
// Its name in the published schemas (`schemas/output/`), which predate this type.
#[schemars(rename = "Error")]
pub struct CommandError {
    pub kind: Kind,
    pub message: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub causes: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl CommandError {
    pub fn new(kind: Kind, message: impl Into<String>) -> Self {
        CommandError {
            kind,
            message: message.into(),
            causes: vec![],
            hint: None,
            status: None,
            url: None,
        }
    }
    pub fn failed(message: impl Into<String>) -> Self {
        Self::new(Kind::Failed, message)
    }
    pub fn usage(message: impl Into<String>) -> Self {
        Self::new(Kind::Usage, message)
    }
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(Kind::NotFound, message)
    }
    pub fn conflict(message: impl Into<String>) -> Self {
        Self::new(Kind::Conflict, message)
    }
    pub fn auth(message: impl Into<String>) -> Self {
        Self::new(Kind::Auth, message)
    }
    pub fn network(message: impl Into<String>) -> Self {
        Self::new(Kind::Network, message)
    }
    pub fn cancelled() -> Self {
        Self::new(Kind::Cancelled, "cancelled")
    }
    /// Input is needed but there is no terminal to ask on: a usage error naming the flag.
    pub fn needs_input(what: &str, flag: &str) -> Self {
        Self::usage(format!(
            "{what} is needed but there is no terminal to ask on"
        ))
        .with_hint(format!("pass `{flag}`"))
    }
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
    pub fn with_cause(mut self, cause: impl Into<String>) -> Self {
        self.causes.push(cause.into());
        self
    }
    pub fn with_url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }
    pub fn with_status(mut self, status: u16) -> Self {
        self.status = Some(status);
        self
    }
    pub fn exit_code(&self) -> i32 {
        exit_code(self.kind)
    }
    /// The message and its causes on one line (`message: cause: cause`).
    pub fn one_line(&self) -> String {
        std::iter::once(self.message.as_str())
            .chain(self.causes.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join(": ")
    }
}

impl From<cx2fa_core::error::Error> for CommandError {
    fn from(e: cx2fa_core::error::Error) -> Self {
        // One of ours that went through core (a prompt's error): back as it was.
        if let Some(ours) = e
            .source
            .as_deref()
            .and_then(|s| s.downcast_ref::<CommandError>())
        {
            return ours.clone();
        }
        // Core names only the file of a refused input, resume report or CA certificate: worded
        // here with its flag.
        let source = e.source.as_deref();
        let resume = source.and_then(|s| s.downcast_ref::<cx2fa_core::bulk::ResumeError>());
        let input = source.and_then(|s| s.downcast_ref::<cx2fa_core::input::InputError>());
        let (message, hint) = match (resume, input, ca_error(&e)) {
            (Some(r), _, _) => (
                crate::hints::resume_error(r),
                e.fix.as_ref().map(crate::hints::hint),
            ),
            (None, Some(i), _) => crate::hints::input_error(i),
            (None, None, Some(ca)) => crate::hints::ca_error(ca, e.message.clone(), e.fix.as_ref()),
            (None, None, None) => (e.message.clone(), e.fix.as_ref().map(crate::hints::hint)),
        };
        // A bulk run out of time left rows not started: partial, like one with failed rows.
        let out_of_time = e
            .source
            .as_deref()
            .is_some_and(|s| s.is::<cx2fa_core::bulk::OutOfTime>());
        CommandError {
            kind: if out_of_time {
                Kind::Partial
            } else {
                e.kind.into()
            },
            message,
            causes: e.causes,
            hint,
            status: e.status,
            url: e.url,
        }
    }
}

/// The CA certificate error `e` was made from, which this command line words.
fn ca_error(e: &cx2fa_core::error::Error) -> Option<&cx2fa_core::api::http::CaError> {
    use cx2fa_core::api::http::TransportError;
    match e.source.as_deref()?.downcast_ref::<TransportError>()? {
        TransportError::Ca(ca) => Some(ca),
        _ => None,
    }
}

/// A command-line error handed to core (from a prompt of the login flow's `Io`).
impl From<CommandError> for cx2fa_core::error::Error {
    fn from(e: CommandError) -> Self {
        use cx2fa_core::error::Kind as K;
        // A prompt's error is one of core's kinds; the outcome kinds never reach a prompt.
        let kind = match e.kind {
            Kind::NotFound => K::NotFound,
            Kind::Conflict => K::Conflict,
            Kind::Usage => K::Usage,
            Kind::Auth => K::Auth,
            Kind::Network => K::Network,
            Kind::Cancelled => K::Cancelled,
            Kind::Failed | Kind::Partial | Kind::ChangesPending | Kind::Findings => K::Failed,
        };
        cx2fa_core::error::Error::external(kind, e)
    }
}

impl From<cx2fa_platform::DocumentError> for CommandError {
    fn from(e: cx2fa_platform::DocumentError) -> Self {
        cx2fa_core::error::Error::from(e).into()
    }
}

impl From<cx2fa_platform::totp::InvalidSecret> for CommandError {
    fn from(e: cx2fa_platform::totp::InvalidSecret) -> Self {
        cx2fa_core::error::Error::from(e).into()
    }
}

impl From<cx2fa_core::input::InputError> for CommandError {
    fn from(e: cx2fa_core::input::InputError) -> Self {
        cx2fa_core::error::Error::from(e).into()
    }
}

impl From<std::io::Error> for CommandError {
    fn from(e: std::io::Error) -> Self {
        CommandError::failed(e.to_string())
    }
}

/// A core error shown as a warning: its message and, when it has one, its hint.
pub fn as_warning(e: cx2fa_core::error::Error) -> String {
    let e = CommandError::from(e);
    match e.hint {
        Some(h) => format!("{}; {h}", e.message),
        None => e.message,
    }
}

impl fmt::Display for CommandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CommandError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_are_the_documented_ones() {
        let cases = [
            (Kind::Failed, 1),
            (Kind::NotFound, 1),
            (Kind::Conflict, 1),
            (Kind::Usage, 2),
            (Kind::Auth, 3),
            (Kind::Network, 4),
            (Kind::Partial, 5),
            (Kind::ChangesPending, 10),
            (Kind::Findings, 11),
            (Kind::Cancelled, 130),
        ];
        for (kind, code) in cases {
            assert_eq!(exit_code(kind), code, "{kind:?}");
            assert!(
                EXIT_CODES_HELP.contains(&format!("  {code} ")),
                "{code} undocumented"
            );
        }
    }

    #[test]
    fn core_remedies_become_hints() {
        let e: CommandError = cx2fa_core::error::Error::usage("no username")
            .with_fix(cx2fa_core::error::Fix::UsernameForPasswordStdin)
            .into();
        assert_eq!(e.kind, Kind::Usage);
        assert_eq!(
            e.hint.as_deref(),
            Some("set `CX2FA_USERNAME` or `username` in the profile")
        );
        let e = CommandError::needs_input("a password", "--password-stdin");
        assert_eq!(e.kind, Kind::Usage);
        assert_eq!(e.hint.as_deref(), Some("pass `--password-stdin`"));
    }

    /// Core names which input a refused path was given as; the message and hint name its flag,
    /// or the path alone when it is positional.
    #[test]
    fn input_refusals_name_the_flag() {
        let d = tempfile::tempdir().unwrap();
        let dir = d.path().display().to_string();
        let e: CommandError = cx2fa_core::input::shape(&dir, "--from").unwrap_err().into();
        assert_eq!(e.message, format!("`--from {dir}`: is a directory"));
        assert_eq!(
            e.hint.as_deref(),
            Some("pass a file to `--from`, not a directory")
        );
        assert_eq!(e.kind, Kind::Usage);
        let e: CommandError = cx2fa_core::input::shape(&dir, cx2fa_core::input::InputSource::Path)
            .unwrap_err()
            .into();
        assert_eq!(e.message, format!("`{dir}`: is a directory"));
        assert_eq!(e.hint.as_deref(), Some("pass a file, not a directory"));
        let missing = d.path().join("gone.json").display().to_string();
        let Err(e) = cx2fa_core::backup::read_path(std::path::Path::new(&missing)) else {
            panic!("a missing backup was read");
        };
        let e = CommandError::from(e);
        assert_eq!(e.message, format!("`--file {missing}`: no such file"));
        assert_eq!(e.hint, None);
    }

    /// Core names a CA file alone; the message and hint name it by its flag, as they always
    /// read.
    #[test]
    fn ca_certificate_errors_name_the_flag() {
        let d = tempfile::tempdir().unwrap();
        let key = d.path().join("key.pem");
        std::fs::write(
            &key,
            "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----\n",
        )
        .unwrap();
        let e: CommandError = cx2fa_core::api::http::ca_pem(&key).unwrap_err().into();
        assert_eq!(
            e.message,
            format!(
                "`--ca-cert {}` holds a private key, not a certificate",
                key.display()
            )
        );
        assert_eq!(
            e.hint.as_deref(),
            Some("pass the deployment's CA certificate (`-----BEGIN CERTIFICATE-----`)")
        );
        let e: CommandError = cx2fa_core::api::http::ca_pem(d.path()).unwrap_err().into();
        assert_eq!(
            e.message,
            format!("`--ca-cert {}`: is a directory", d.path().display())
        );
        assert_eq!(
            e.hint.as_deref(),
            Some("pass a file to `--ca-cert`, not a directory")
        );
        assert_eq!(e.kind, Kind::Usage);
    }
}

//! Error kinds, their exit codes, and how they are shown.
//!
//! Every failure the tool can report is one [`Error`]: a kind (which decides the exit code), a
//! message, optional causes, and a hint telling the user what to do next. HTTP failures also
//! carry the method, URL and status so that the message names what was called.

use serde::Serialize;
use std::fmt;

/// What went wrong, coarse enough to decide the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
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
    /// The user cancelled at a prompt (Ctrl-C or "no").
    Cancelled,
}

impl Kind {
    /// The documented exit code of this kind.
    pub fn exit_code(self) -> i32 {
        match self {
            Kind::Failed | Kind::NotFound | Kind::Conflict => 1,
            Kind::Usage => 2,
            Kind::Auth => 3,
            Kind::Network => 4,
            Kind::Partial => 5,
            Kind::ChangesPending => 10,
            Kind::Cancelled => 130,
        }
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
  130  cancelled at a prompt";

/// One reportable failure.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Error {
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

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(kind: Kind, message: impl Into<String>) -> Self {
        Error {
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
        self.kind.exit_code()
    }
    /// The message and its causes on one line (`message: cause: cause`), for a report row.
    pub fn one_line(&self) -> String {
        std::iter::once(self.message.as_str())
            .chain(self.causes.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join(": ")
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl From<cx2fa_platform::DocumentError> for Error {
    fn from(e: cx2fa_platform::DocumentError) -> Self {
        use cx2fa_platform::DocumentError as D;
        let hint = match &e {
            D::KeycloakNotObject { .. } => "fix the tenant document first (`cx2fa tenant show`); cx2fa never writes a partial keyCloak object",
            D::NoKeycloak { .. } => "the tenant must have been created with its Keycloak settings; see `cx2fa tenant show`",
            D::NoSettings { .. } => "the tenant document is not one the tenant API keeps; see `cx2fa tenant show`",
        };
        Error::failed(e.to_string()).with_hint(hint)
    }
}

impl From<cx2fa_platform::totp::InvalidSecret> for Error {
    fn from(e: cx2fa_platform::totp::InvalidSecret) -> Self {
        Error::failed(e.to_string())
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::failed(e.to_string())
    }
}

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
            (Kind::Cancelled, 130),
        ];
        for (kind, code) in cases {
            assert_eq!(kind.exit_code(), code, "{kind:?}");
            assert!(
                EXIT_CODES_HELP.contains(&format!("  {code} ")),
                "{code} undocumented"
            );
        }
    }
}

//! What went wrong in an operation, typed.
//!
//! Every failure core reports is one [`Error`]: a [`Kind`] (coarse enough for a caller to decide
//! what it means, e.g. an exit code), a message naming the field, file or URL, optional causes,
//! and what would fix it as a [`Fix`]: a remedy in the operation's terms, which the binary words
//! for its command line (flags, commands, environment variables). HTTP failures also carry the
//! URL and status. No command-line wording here.

use std::fmt;

/// What went wrong, coarse enough for a caller to tell failures apart. Outcomes that are not
/// failures of an operation (a bulk run with failed rows, a plan with changes, audit findings)
/// are typed outcomes; the binary decides what exit code each makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    /// The user cancelled at a prompt (Ctrl-C or "no").
    Cancelled,
}

/// What would let a failed operation succeed, in the operation's own terms. The binary turns
/// each into a hint worded for its command line (`src/hints.rs`); core never words one.
#[derive(Debug, Clone, PartialEq)]
pub enum Fix {
    /// A tenant of that id exists: change it instead, or pick another id.
    TenantExists,
    /// The tenant's realm name is reserved or no name: give it one of its own.
    RealmOfItsOwn,
    /// The tenant's realm exists: the platform creates it with the tenant, so name a new one.
    NewRealm,
    /// The tenant's OTP channel does not exist (or has another type): create it first, or
    /// create the tenant anyway.
    ChannelBeforeTenant,
    /// This platform release requires a logo with a new tenant.
    LogoRequired,
    /// The platform refused a new tenant because its realm exists.
    RealmTaken { realm: String },
    /// A write went through but reads back differently: inspect the tenant.
    InspectTenant,
    /// A CSV input needs a `username` column.
    UsernameColumn,
    /// The input is a directory; a file is needed.
    FileNotDirectory,
    /// The input `name` is a named pipe: the caller should stream it through standard input.
    StreamPipe { name: String },
    /// The file is not readable by this user.
    FilePermissions,
    /// A named profile does not exist because there is no config file.
    CreateProfile,
    /// The config file does not parse: its expected shape.
    ProfileFormat,
    /// No profile of that name; these exist.
    KnownProfiles(Vec<String>),
    /// Reading a password from standard input needs a username from elsewhere.
    UsernameForPasswordStdin,
    /// Admin credentials were given inside a URL.
    CredentialsNotInUrl,
    /// The stored credentials belong to another deployment (`base` is this command's).
    CredentialsForOtherDeployment { base: String },
    /// The admin credentials were refused.
    CheckAdminCredentials,
    /// A ready token was refused or expired: a fresh one, or renewable credentials.
    RenewableCredentials,
    /// No data directory for credentials.
    SetDataHome,
    /// The OS keyring cannot be used here.
    KeyringUnavailable,
    /// The stored credentials are unreadable: store them again.
    StoreCredentialsAgain,
    /// The credentials file is readable by others.
    CredentialsFilePermissions { path: std::path::PathBuf },
    /// The base URL does not parse.
    BaseUrlForm,
    /// An unknown user filter.
    KnownFilters,
    /// No state directory for backups.
    SetStateHome,
    /// The backup directory cannot be made; nothing was written.
    BackupDirectory,
    /// A backup could not be written; nothing was written to the tenant.
    NothingWritten,
    /// A path was given where a backup name is expected.
    BackupNameNotPath,
    /// No backup of that name.
    ListBackups,
    /// A backup records another deployment than this one: check which one is meant, or
    /// restore it anyway.
    BackupOfOtherDeployment,
    /// A backup records no deployment: restore it anyway if it belongs to `here`.
    BackupOfUnrecordedDeployment { here: String },
    /// No such user in the realm.
    CheckUsername,
    /// No such tenant; the closest name.
    DidYouMeanTenant(String),
    /// No such tenant; every tenant there is.
    KnownTenants(Vec<String>),
    /// The server answered with this HTTP status.
    Status(u16),
    /// The answer is not the API's (not JSON, or far too large): the URL may be wrong.
    NotTheApi,
    /// A redirect was refused.
    RedirectRefused,
    /// A CA certificate file holds no certificate.
    PemCertificate,
    /// The request timed out.
    Timeout,
    /// The server asked (`Retry-After`) for a longer pause than cx2fa waits: run again after
    /// `seconds`.
    ComeBackLater { seconds: u64 },
    /// A bulk run stopped because request after request failed (the server is down or
    /// refusing): check it, then resume.
    ServerFailing,
    /// A bulk run reached its time limit: continue from its report.
    DeadlineReached,
    /// The server's TLS certificate is not trusted.
    TrustCa,
    /// The server cannot be reached.
    Unreachable,
    /// The connection broke mid-request.
    ConnectionBroke,
    /// The mailbox URL is not `imaps://user@host[:port]/MAILBOX`.
    MailboxUrlForm,
    /// The mailbox password belongs in the environment, not the URL.
    MailboxPasswordInEnv,
    /// The mailbox server did not answer in time.
    MailboxTimeout,
    /// The mailbox server cannot be reached.
    MailboxAddress,
    /// The mailbox server's certificate is not trusted.
    MailboxTrustCa,
    /// The mailbox password was refused.
    MailboxPassword,
    /// No OTP arrived in the mailbox.
    MailboxDelivery,
    /// The settings file is empty.
    JsonDocument,
    /// The settings file has a syntax error at the position named.
    JsonSyntax,
    /// The text has typographic quotes (“ ” ‘ ’), as a word processor or chat makes them.
    TypographicQuotes,
    /// A fragment of a document (a section without the braces around it), named by its key.
    Fragment(String),
    /// Enabling EMAIL or SMS needs the channel's service identifier.
    ChannelIdentifier,
    /// A `--resume` file is not a report.
    ResumeFromReport,
    /// A `--resume` file is the report of another tenant or realm.
    ResumeMatchingTenant,
    /// Credentials died mid-run: renew them and resume from the report.
    RenewAndResume,
    /// The tenant changed since the plan: plan again.
    PlanAgain,
    /// A failed write left the tenant's state unknown.
    CheckTenant { backup: std::path::PathBuf },
    /// A failed write changed nothing: retry.
    Retry,
    /// A failed write left the tenant neither as before nor as planned.
    RestoreBackup { backup: std::path::PathBuf },
    /// The stored document differs from the one written.
    ServerRewrites { backup: std::path::PathBuf },
    /// Keycloak dropped attributes it said it stored.
    CheckUserProfile,
    /// The tenant's 2FA settings are incomplete.
    SeePolicy { tenant: String },
    /// The user's enrolment is inconsistent: reset it.
    ResetUser,
    /// The contact point entered is not valid for the channel.
    ContactForm(ChannelTypeHint),
    /// The OTP manager (usually in-cluster) cannot be reached.
    ReachOtpManager,
    /// The RSA server did not decide on the passcode.
    CheckRsaServer,
    /// The RSA server's address is plain HTTP to another host: use HTTPS, a port-forward, or
    /// allow it explicitly.
    RsaOverPlainHttp,
    /// The realm's user profile hides the enrolment attributes from admins.
    DeclareEnrolmentAttributes { realm: String },
    /// The settings after the change are incomplete: give the missing ones.
    CompleteSettings,
    /// The OTP channel does not exist (or has another type).
    CreateChannel,
    /// The tenant document lacks a valid `keyCloak` object.
    FixKeycloakObject,
    /// The tenant was created without its Keycloak settings.
    TenantNeedsKeycloak,
    /// The tenant document has no `tenantSettings`.
    TenantNeedsSettings,
    /// The tenant's realm is one no tenant operation works in (`master`, empty, `.`, `..`).
    TenantRealm { tenant: String },
    /// Tenants of one fleet run share a realm: each would be worked as many times.
    SharedRealm { realm: String },
}

/// Which kind of contact point [`Fix::ContactForm`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChannelTypeHint {
    Email,
    Phone,
}

/// One reportable failure.
#[derive(Debug, Clone)]
pub struct Error {
    pub kind: Kind,
    pub message: String,
    pub causes: Vec<String>,
    pub fix: Option<Fix>,
    pub status: Option<u16>,
    pub url: Option<String>,
    /// An error of the caller's own (e.g. a prompt that failed in an [`crate::login::Io`]),
    /// carried through core untouched so that the caller gets it back as it was; or the typed
    /// error this one was made from (e.g. [`crate::api::http::TransportError`]), with its
    /// sources.
    pub source: Option<std::sync::Arc<dyn std::error::Error + Send + Sync>>,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(kind: Kind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
            causes: vec![],
            fix: None,
            status: None,
            url: None,
            source: None,
        }
    }
    /// Carries a caller's error of `kind` through core; its text is the message.
    pub fn external(kind: Kind, e: impl std::error::Error + Send + Sync + 'static) -> Self {
        let mut err = Self::new(kind, e.to_string());
        err.source = Some(std::sync::Arc::new(e));
        err
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
    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
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

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

impl From<cx2fa_platform::DocumentError> for Error {
    fn from(e: cx2fa_platform::DocumentError) -> Self {
        use cx2fa_platform::DocumentError as D;
        let fix = match &e {
            D::KeycloakNotObject { .. } => Fix::FixKeycloakObject,
            D::NoKeycloak { .. } => Fix::TenantNeedsKeycloak,
            D::NoSettings { .. } => Fix::TenantNeedsSettings,
        };
        Error::failed(e.to_string()).with_fix(fix)
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

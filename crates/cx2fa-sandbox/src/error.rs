//! What can go wrong configuring, starting or running a sandbox. No advice here: the binary
//! turns each case into its message's hint and exit code.

use std::path::PathBuf;

/// A sandbox failure.
#[derive(Debug, thiserror::Error)]
pub enum SandboxError {
    /// The configuration cannot be used (a fault spec, a required action for a missing user, a
    /// maildir that cannot be created): the caller's input is wrong.
    #[error("{0}")]
    Config(String),
    /// A fault spec names a kind of fault the sandbox does not know.
    #[error("unknown fault kind `{0}`")]
    UnknownFaultKind(String),
    /// A fault spec has a key the sandbox does not know.
    #[error("unknown --faults key `{0}`")]
    UnknownFaultKey(String),
    /// The seed file is not a sandbox seed.
    #[error("{origin}:{line}:{column}: not a valid sandbox seed: {reason}")]
    BadSeed {
        origin: String,
        line: usize,
        column: usize,
        reason: String,
    },
    /// The state file exists but is not one a sandbox wrote.
    #[error("`{}` is not a sandbox state file: {reason}", path.display())]
    BadState { path: PathBuf, reason: String },
    /// The state file could have been written by another local account.
    #[error("`--state {}` is refused: {reason}", path.display())]
    UntrustedState { path: PathBuf, reason: String },
    /// The port is taken or not allowed.
    #[error("cannot listen on 127.0.0.1:{port}: {source}")]
    Listen {
        port: u16,
        #[source]
        source: std::io::Error,
    },
    /// A file given to the sandbox could not be read, as its [`crate::Files`] said.
    #[error(transparent)]
    File(Box<dyn std::error::Error + Send + Sync>),
    /// Anything else: a certificate that cannot be generated, a state that cannot be written.
    #[error("{0}")]
    Failed(String),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

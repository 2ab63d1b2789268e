//! One module per noun. Each verb is an Args struct beside a thin handler that calls the
//! library and hands a [`Report`](crate::output::Report) to the printer.

pub mod audit;
pub mod auth;
pub mod channel;
pub mod completions;
pub mod config;
pub mod doctor;
pub mod login;
pub mod policy;
pub mod probe;
#[cfg(feature = "sandbox")]
pub mod sandbox;
pub mod tenant;
#[cfg(feature = "sandbox")]
pub mod tour;
pub mod user;
pub mod version;

// The resolved context moved to `crate::ctx`; these paths keep every `commands::Ctx` user
// compiling.
pub use crate::ctx::{prompt_error, Ctx, Interruptible, RunSettings, DEFAULT_CONCURRENCY};

/// The schema registry, kept by `crate::output::schemas`; this path is the tests'.
pub use crate::output::schemas::output_schemas;

//! What cx2fa does, against a deployment described by cx2fa-platform: validate and plan a
//! tenant's 2FA settings ([`settings`]), push them ([`push`], with [`backup`]), judge a
//! deployment's posture ([`readiness`], [`fleet`]), read and reset users' enrolment one by one
//! or in bulk ([`enrolment`], [`bulk`]), and run the login flow ([`login`], behind its `Io`
//! trait), and monitor it continuously ([`probe`]). The typed clients are in [`api`].
//!
//! No printing and no command line here: operations return typed outcomes and [`error::Error`];
//! the binary decides how they are shown and what exit code they mean.
#![deny(clippy::print_stdout, clippy::print_stderr)]
// Errors carry method, URL, status and causes by design: a cold path where size does not matter.
#![allow(clippy::result_large_err)]

pub mod api;
pub mod audit;
pub mod auth;
pub mod backup;
pub mod bulk;
pub mod enrolment;
pub mod env;
pub mod error;
pub mod fleet;
pub mod imap;
pub mod input;
pub mod limiter;
pub mod login;
pub mod paths;
pub mod policy;
pub mod private;
pub mod probe;
pub mod push;
pub mod readiness;
pub mod restore;
pub mod services;
pub mod settings;
pub mod tenant;
pub mod text;
pub mod user_profile;

pub use cx2fa_platform as platform;
pub use cx2fa_platform::totp;

/// The version of every `-o json` shape (and of the NDJSON bulk report and the JSON error
/// object): within one version fields may be added, never removed, renamed or retyped; a
/// breaking change raises it. The schemas are in `schemas/output/`.
pub const SCHEMA_VERSION: u32 = 2;

//! Profiles and stored admin credentials. Which credentials a run uses (the command line,
//! the environment, the profile, the store) is the caller's to decide: core reads neither the
//! environment nor standard input.

pub mod profile;
pub mod store;

/// The environment variables that carry secrets to cx2fa: never passed on to a child process.
pub use crate::env::SECRETS as SECRET_ENV;

//! The 2FA settings: model, input parsing, schema, semantic checks, merge and diff.

pub mod diff;
pub mod files;
pub mod locate;
pub mod merge;
pub use cx2fa_platform::model;
pub mod schema;
pub mod secrets;
pub mod source;
pub mod validate;

pub use model::{ChannelType, Tenant, TwoFa};

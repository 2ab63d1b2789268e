//! What an Expertflow CX deployment is, as cx2fa knows it (docs/deployment-contract.md).
//!
//! Routes and methods ([`contract`]), field names ([`fields`]), the typed view of the tenant
//! document ([`model`]), the enrolment attributes ([`enrolment`]), the secret fields
//! ([`secrets`]), and every [assumed] point with its reason. The client (cx2fa-core) and the
//! sandbox (cx2fa-sandbox) both build on this crate and nothing else defines a path or a field
//! name. No I/O here.

pub mod contract;
pub mod enrolment;
pub mod fields;
pub mod model;
pub mod secrets;
pub mod totp;

pub use model::{ChannelType, DocumentError, Tenant, TwoFa};

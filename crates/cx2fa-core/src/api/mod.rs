//! One typed client per service of the deployment. No printing, no clap here.

pub mod channels;
pub mod curl;
pub use cx2fa_platform::contract;
pub mod http;
pub mod keycloak;
pub mod otp;
pub mod outbox;
pub mod rsa;
pub mod secret;
pub mod session;
pub mod tenant;

pub use secret::Secret;
pub use session::{Credentials, Endpoints, Session};

//! The platform's field names (docs/deployment-contract.md §3–5), spelled once.
//!
//! The spellings are the platform's own, inconsistent as they are (`keyCloak`,
//! `Otp_Manager_Url`, `is2FAEnabled` next to `is2FARegistered`): they are what the tenant API
//! and Keycloak store.

/// Top-level fields of a tenant document.
pub const TENANT_ID: &str = "tenantId";
pub const TENANT_NAME: &str = "tenantName";
pub const TENANT_SETTINGS: &str = "tenantSettings";

/// Objects under `tenantSettings`.
pub const TWO_FA_CONFIGS: &str = "twoFAConfigs";
pub const KEYCLOAK: &str = "keyCloak";

/// Fields of `tenantSettings.twoFAConfigs` [doc].
pub const IS_2FA_ENABLED: &str = "is2FAEnabled";
pub const CHANNEL_TYPE: &str = "channelType";
pub const CHANNEL_SERVICE_IDENTIFIER: &str = "channelServiceIdentifier";
pub const OTP_EXPIRY: &str = "otpExpiry";
pub const OTP_MAX_ATTEMPTS: &str = "otpMaxAttempts";

/// Fields of `tenantSettings.keyCloak` that cx2fa reads or writes [doc].
pub const REALM: &str = "realm";
pub const OTP_MANAGER_URL: &str = "Otp_Manager_Url";
pub const RSA_SERVER_URL: &str = "RSA_Server_URL";
pub const RSA_CLIENT_ID: &str = "RSA_Client_ID";
pub const RSA_CLIENT_KEY: &str = "RSA_Client_Key";
pub const CLIENT_ID: &str = "clientId";
/// The tenant's own admin user in its realm [doc: the configuration guide's tenant payloads].
pub const USERNAME_ADMIN: &str = "USERNAME_ADMIN";
pub const CLIENT_SECRET: &str = "clientSecret";

/// JSON pointers to the 2FA settings, for messages and diffs.
pub const TWO_FA_CONFIGS_POINTER: &str = "/tenantSettings/twoFAConfigs";
pub const OTP_MANAGER_URL_POINTER: &str = "/tenantSettings/keyCloak/Otp_Manager_Url";

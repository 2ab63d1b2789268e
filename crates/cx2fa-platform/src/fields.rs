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
/// The confidential client of the tenant's realm that logins use (with `credentials.secret`);
/// absent, [`crate::contract::DEFAULT_TENANT_CLIENT_ID`].
pub const CLIENT_ID: &str = "CLIENT_ID";
/// The tenant's own admin user in its realm [doc: the configuration guide's tenant payloads].
pub const USERNAME_ADMIN: &str = "USERNAME_ADMIN";
pub const CLIENT_SECRET: &str = "clientSecret";

/// JSON pointers to the 2FA settings, for messages and diffs.
pub const TWO_FA_CONFIGS_POINTER: &str = "/tenantSettings/twoFAConfigs";
pub const OTP_MANAGER_URL_POINTER: &str = "/tenantSettings/keyCloak/Otp_Manager_Url";

/// Fields of the services' error bodies: the platform's (§3 Errors), Keycloak's token endpoint
/// (§2) and admin API (§8), the OTP manager's (§6).
pub mod error_body {
    /// The platform's explanation [doc].
    pub const ERROR_MESSAGE: &str = "error_message";
    /// The platform's detail next to [`ERROR_MESSAGE`], a string or any JSON [doc].
    pub const ERROR_DETAIL: &str = "error_detail";
    /// Keycloak's admin API explanation, also each validation error's under [`ERRORS`].
    pub const KEYCLOAK_ERROR_MESSAGE: &str = "errorMessage";
    /// OAuth's explanation (Keycloak's token endpoint) next to its [`ERROR`] code.
    pub const ERROR_DESCRIPTION: &str = "error_description";
    /// The OTP manager's verdict (`OTP_INVALID`, `OTP_EXPIRED`, ...) [doc].
    pub const MESSAGE: &str = "message";
    /// OAuth's error code (`invalid_grant`), and Keycloak's other admin errors.
    pub const ERROR: &str = "error";
    /// The field a Keycloak validation error is about.
    pub const FIELD: &str = "field";
    /// Keycloak's list of validation errors, each with [`FIELD`] and [`KEYCLOAK_ERROR_MESSAGE`].
    pub const ERRORS: &str = "errors";

    /// Where a server puts its explanation, most specific first: the first of these a body
    /// holds as a string is the one shown.
    pub const EXPLANATIONS: [&str; 5] = [
        ERROR_MESSAGE,
        KEYCLOAK_ERROR_MESSAGE,
        ERROR_DESCRIPTION,
        MESSAGE,
        ERROR,
    ];
}

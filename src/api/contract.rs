//! Every point of `docs/deployment-contract.md` marked [assumed], in one place.
//!
//! When a real deployment disagrees, change it here: the clients and the sandbox both read
//! these, so the sandbox keeps emulating what the client expects and the `--debug` trace shows
//! the method and URL actually used.

use reqwest::Method;

/// Path prefixes under the deployment's base URL [doc].
pub const TENANT_PREFIX: &str = "cx-tenant/";
pub const KEYCLOAK_PREFIX: &str = "auth/";
/// [doc: Keycloak] Where Keycloak may be under the base URL, in the order cx2fa looks when
/// `--keycloak-url` is not given: `/auth/` (the platform's documents; Keycloak before 17 or
/// with `--http-relative-path=/auth`), then the root (Keycloak 17+'s default).
pub const KEYCLOAK_PREFIXES: [&str; 2] = [KEYCLOAK_PREFIX, ""];
pub const CCM_PREFIX: &str = "ccm/";

/// [assumed] The client id used for the master-realm password grant (Keycloak's own admin CLI
/// client, which every Keycloak has).
pub const ADMIN_CLIENT_ID: &str = "admin-cli";

/// [assumed] There is no single-tenant read: a tenant is found by `tenantId` in the list.
pub const TENANT_LIST_PATH: &str = "tenant";

/// [assumed] The update method. The docs show the path and query parameter but not the verb;
/// PUT is what the platform's other services use for whole-document updates.
pub fn tenant_update_method() -> Method {
    Method::PUT
}

/// [doc] The multipart part holding the tenant JSON.
pub const TENANT_DATA_PART: &str = "data";
/// [assumed] The multipart file part holding the logo on create (release 5.1+).
pub const TENANT_LOGO_PART: &str = "tenantLogo";

/// [assumed] The channel list endpoint; a 404 here falls back to the per-identifier probe.
pub const CCM_CHANNEL_LIST_PATH: &str = "channels";
/// [doc] The per-identifier configuration endpoint, used [assumed] as an existence probe.
pub const CCM_PROBE_PATH: &str = "channel-connectors/configurations/";

/// [assumed] OTPs are 6 digits.
pub const OTP_DIGITS: usize = 6;
/// [assumed] The HTTP status of OTP verification failures.
pub const OTP_FAILURE_STATUS: u16 = 400;
/// [doc] `purpose` of login OTPs, and `appName` [assumed: the platform's name for the agent desk].
pub const OTP_PURPOSE: &str = "LOGIN";
pub const OTP_APP_NAME: &str = "CX";

/// [doc] Authenticator-app TOTP: 30 s step, 6 digits, SHA1, issuer `EFCX`.
pub const TOTP_STEP_SECS: u64 = 30;
pub const TOTP_ISSUER: &str = "EFCX";
/// [assumed] Accepted clock drift, in steps either side (what the connector allows).
pub const TOTP_SKEW_STEPS: u8 = 1;

/// [doc: user guide] The login screen offers "Resend OTP" one minute after the previous send.
pub const RESEND_WAIT_SECS: u64 = 60;

/// [doc] RSA SecurID passcode: an 8-character PIN and a 6-digit tokencode.
pub const RSA_PIN_LEN: usize = 8;
pub const RSA_TOKENCODE_LEN: usize = 6;
/// [doc] The RSA authentication path under `RSA_Server_URL`.
pub const RSA_AUTHN_PATH: &str = "mfa/v1_1/authn/initialize";

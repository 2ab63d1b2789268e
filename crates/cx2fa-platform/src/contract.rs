//! Every point of `docs/deployment-contract.md` marked [assumed], in one place.
//!
//! When a real deployment disagrees, change it here: the clients (cx2fa-core) and the sandbox
//! (cx2fa-sandbox) both read these, so the sandbox keeps emulating what the client expects and
//! the `--debug` trace shows the method and URL actually used. Each point says whether the
//! platform's documents state it [doc] or cx2fa assumes it [assumed], and why.

use http::Method;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

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

/// [assumed] The tenant realm's login client when the tenant document's `keyCloak` names none
/// in [`crate::fields::CLIENT_ID`] (the client the platform creates with the realm).
pub const DEFAULT_TENANT_CLIENT_ID: &str = "cim";

/// One route of the deployment: a method and a path under its service's base, whose `{name}`
/// segments are filled in order. The clients fill it ([`Route::path`]); the sandbox serves the
/// template as it is (axum's syntax is the same), so both sides cannot drift apart.
#[derive(Debug, Clone)]
pub struct Route {
    pub method: Method,
    pub template: &'static str,
}

/// Characters left as they are in a path segment or query value; everything else is
/// percent-encoded (`@` → `%40`, `+` → `%2B`, `/` → `%2F`).
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Percent-encodes one path segment or query value.
pub fn seg(s: &str) -> String {
    utf8_percent_encode(s, SEGMENT).to_string()
}

impl Route {
    /// The path with each `{name}` replaced, in order, by the percent-encoded value.
    pub fn path(&self, values: &[&str]) -> String {
        let mut out = String::with_capacity(self.template.len() + 32);
        let mut rest = self.template;
        let mut values = values.iter();
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = rest[open..].find('}').map_or(rest.len(), |c| open + c + 1);
            // A template names as many values as callers pass: a missing one is a bug here.
            out.push_str(&seg(values
                .next()
                .expect("a value for every route parameter")));
            rest = &rest[close..];
        }
        out.push_str(rest);
        out
    }
}

/// Keycloak's routes, under the Keycloak base (`<url>/auth/` or `<url>/`, see
/// [`KEYCLOAK_PREFIXES`]) [doc: Keycloak admin REST API].
pub mod keycloak {
    use super::{Method, Route};
    pub const TOKEN: Route = Route {
        method: Method::POST,
        template: "realms/{realm}/protocol/openid-connect/token",
    };
    pub const OPENID_CONFIGURATION: Route = Route {
        method: Method::GET,
        template: "realms/{realm}/.well-known/openid-configuration",
    };
    /// List and search (`?username=&exact=true`, `?q=`, `?first=&max=`).
    pub const USERS: Route = Route {
        method: Method::GET,
        template: "admin/realms/{realm}/users",
    };
    pub const USERS_COUNT: Route = Route {
        method: Method::GET,
        template: "admin/realms/{realm}/users/count",
    };
    /// The declarative user profile (Keycloak 24+; 404 before).
    pub const USER_PROFILE: Route = Route {
        method: Method::GET,
        template: "admin/realms/{realm}/users/profile",
    };
    pub const USER: Route = Route {
        method: Method::GET,
        template: "admin/realms/{realm}/users/{id}",
    };
    /// Keycloak updates a user with PUT of its representation.
    pub const USER_UPDATE: Route = Route {
        method: Method::PUT,
        template: "admin/realms/{realm}/users/{id}",
    };
    pub const USER_LOGOUT: Route = Route {
        method: Method::POST,
        template: "admin/realms/{realm}/users/{id}/logout",
    };
}

/// The tenant API, under `<url>/cx-tenant/` [doc: 2FA configuration guide].
pub mod tenant {
    use super::{Method, Route};
    /// [assumed] There is no single-tenant read: a tenant is found by `tenantId` in the list.
    pub const LIST: Route = Route {
        method: Method::GET,
        template: "tenant",
    };
    /// [assumed] The update method. The docs show the path and query parameter but not the
    /// verb; PUT is what the platform's other services use for whole-document updates.
    pub const UPDATE: Route = Route {
        method: Method::PUT,
        template: "tenant",
    };
    /// [doc] The query parameter naming the tenant to update (`tenant?id=<tenantId>`).
    pub const UPDATE_ID_PARAM: &str = "id";
    /// [doc] Creation is a multipart POST on the same path.
    pub const CREATE: Route = Route {
        method: Method::POST,
        template: "tenant",
    };
}

/// The channel manager, under `<url>/ccm/`.
pub mod ccm {
    use super::{Method, Route};
    /// [assumed] The channel list endpoint; a 404 here falls back to the per-identifier probe.
    pub const CHANNELS: Route = Route {
        method: Method::GET,
        template: "channels",
    };
    /// [doc] The per-identifier configuration endpoint, used [assumed] as an existence probe.
    pub const PROBE: Route = Route {
        method: Method::GET,
        template: "channel-connectors/configurations/{identifier}",
    };
}

/// The OTP manager, under the tenant's `keyCloak.Otp_Manager_Url` [doc].
pub mod otp_manager {
    use super::{Method, Route};
    pub const GENERATE: Route = Route {
        method: Method::POST,
        template: "otp/generate",
    };
    pub const VERIFY: Route = Route {
        method: Method::POST,
        template: "otp/verify",
    };
    /// [disputed] The header naming the tenant on OTP manager calls: connector 1.9.3-RC8 sends
    /// `tenantid` (`services/keycloakService.js`, `sendOTPviaOTPManager` and
    /// `verifyOTPviaOTPManager`); an older, unpublished text of it had `tenant-id`. Which one a
    /// deployment's OTP manager reads is not known, so every call carries both and the sandbox
    /// accepts either (docs/deployment-contract.md §6).
    pub const TENANT_HEADERS: [&str; 2] = ["tenantid", "tenant-id"];
}

/// RSA SecurID, under the tenant's `keyCloak.RSA_Server_URL` [doc].
pub mod rsa {
    use super::{Method, Route};
    pub const AUTHN: Route = Route {
        method: Method::POST,
        template: "mfa/v1_1/authn/initialize",
    };
    /// [doc] The header carrying `RSA_Client_Key`.
    pub const CLIENT_KEY_HEADER: &str = "client-key";
}

/// [doc] The multipart part holding the tenant JSON.
pub const TENANT_DATA_PART: &str = "data";
/// [assumed] The multipart file part holding the logo on create (release 5.1+).
pub const TENANT_LOGO_PART: &str = "tenantLogo";

/// [assumed] The tenant admin's username when `keyCloak.USERNAME_ADMIN` is absent: Keycloak's
/// conventional `admin`. Only used to warn that enabling 2FA may lock that admin out.
pub const DEFAULT_TENANT_ADMIN: &str = "admin";

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
/// [doc: connector] Accepted clock drift, in steps either side: none. Connector 1.9.3-RC8
/// verifies with `speakeasy.totp.verify` and no `window`, whose default is 0 (`validateOTP`):
/// only the current 30 s step's code is accepted.
pub const TOTP_SKEW_STEPS: u8 = 0;

/// [doc: user guide] The login screen offers "Resend OTP" one minute after the previous send.
pub const RESEND_WAIT_SECS: u64 = 60;

/// [doc] RSA SecurID passcode: an 8-character PIN and a 6-digit tokencode.
pub const RSA_PIN_LEN: usize = 8;
pub const RSA_TOKENCODE_LEN: usize = 6;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_fill_their_parameters_percent_encoded_in_order() {
        assert_eq!(
            keycloak::USER_LOGOUT.path(&["team one", "a/b"]),
            "admin/realms/team%20one/users/a%2Fb/logout"
        );
        assert_eq!(tenant::LIST.path(&[]), "tenant");
        assert_eq!(
            ccm::PROBE.path(&["otp+1@example.test"]),
            "channel-connectors/configurations/otp%2B1%40example.test"
        );
    }
}

/// The sandbox's own helpers (`/sandbox/*`, docs/deployment-contract.md §7): never part of a
/// deployment, named here because cx2fa's `--otp-from-outbox` calls them too.
pub mod sandbox {
    use super::{Method, Route};
    /// The OTPs the sandbox would have sent, oldest first, as `[{"to", "code", ...}]`; `?to=`
    /// keeps one contact's. Under the deployment's base URL; needs [`TOKEN_HEADER`].
    pub const OUTBOX: Route = Route {
        method: Method::GET,
        template: "sandbox/outbox",
    };
    /// The header carrying the run's helper token, which every `/sandbox/*` route but
    /// `/sandbox/health` requires: the outbox and the clock are another local account's way
    /// into the sandbox's users otherwise.
    pub const TOKEN_HEADER: &str = "x-sandbox-token";
    /// The one helper open to all: a readiness check that says nothing.
    pub const HEALTH_PATH: &str = "/sandbox/health";
}

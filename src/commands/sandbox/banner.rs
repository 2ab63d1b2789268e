//! What `cx2fa sandbox` prints once it listens: where, and the lines that point cx2fa at it.

use crate::output::{Printer, Report};
use serde::Serialize;

#[derive(Debug, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Banner {
    pub url: String,
    pub env: Vec<(String, String)>,
    pub tenants: Vec<String>,
    pub users_password: &'static str,
    /// Which Keycloak is emulated (path, user profile, lockout, direct grants).
    pub keycloak: String,
}

impl Report for Banner {
    fn render(&self, _out: &Printer) -> String {
        let mut s = format!(
            "cx2fa sandbox listening on {}\n\nPoint cx2fa at it:\n",
            self.url
        );
        for (k, v) in &self.env {
            s.push_str(&format!("  export {k}={v}\n"));
        }
        s.push_str(&format!("\nKeycloak: {}.", self.keycloak));
        s.push_str(&format!(
            "\nTenants: {}. Seeded agents (agent.none, agent.email, agent.sms, agent.app, agent.rsa, ...) use password `{}`.\n\
             OTPs sent: {}/sandbox/outbox (header `X-Sandbox-Token: $CX2FA_SANDBOX_TOKEN`). Ctrl-C stops it.",
            self.tenants.join(", "),
            self.users_password,
            self.url
        ));
        s
    }
}

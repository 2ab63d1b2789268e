//! Which Keycloak the sandbox emulates (docs/deployment-contract.md §8). Real deployments run
//! different versions; each difference that changes what cx2fa sees is a setting here, chosen
//! at start. The default is the friendliest (a pre-24 Keycloak under `/auth/`), so that the
//! tour runs; the others are for tests and for trying cx2fa against a realistic realm.

use serde_json::{json, Value};

/// Keycloak 24+'s `unmanagedAttributePolicy`: what happens to attributes the user profile does
/// not declare.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unmanaged {
    /// The policy is absent (a new 24+ realm): undeclared attributes are hidden from the admin
    /// API and left unchanged by a PUT, which still answers 204.
    Absent,
    /// Visible, but read-only for the admin API (writes dropped, 204).
    AdminView,
    /// Visible and writable by admins.
    AdminEdit,
    /// Visible and writable (realms upgraded from "user profile off").
    Enabled,
}

/// A realm's declarative user profile.
#[derive(Debug, Clone, PartialEq)]
pub struct UserProfile {
    pub unmanaged: Unmanaged,
    /// Attributes declared with admin view and edit permissions.
    pub declared: Vec<String>,
}

impl UserProfile {
    pub fn visible(&self, attr: &str) -> bool {
        self.declared.iter().any(|d| d == attr) || self.unmanaged != Unmanaged::Absent
    }
    pub fn writable(&self, attr: &str) -> bool {
        self.declared.iter().any(|d| d == attr)
            || matches!(self.unmanaged, Unmanaged::AdminEdit | Unmanaged::Enabled)
    }
    /// `GET /admin/realms/{realm}/users/profile`, as Keycloak answers it.
    pub fn to_json(&self) -> Value {
        let perms = |view: &[&str], edit: &[&str]| json!({"view": view, "edit": edit});
        let mut attributes = vec![
            json!({"name": "username", "permissions": perms(&["admin", "user"], &["admin", "user"])}),
            json!({"name": "email", "permissions": perms(&["admin", "user"], &["admin", "user"])}),
            json!({"name": "firstName", "permissions": perms(&["admin", "user"], &["admin", "user"])}),
            json!({"name": "lastName", "permissions": perms(&["admin", "user"], &["admin", "user"])}),
        ];
        for d in &self.declared {
            attributes.push(json!({"name": d, "permissions": perms(&["admin"], &["admin"])}));
        }
        let mut v = json!({"attributes": attributes, "groups": []});
        let policy = match self.unmanaged {
            Unmanaged::Absent => None,
            Unmanaged::AdminView => Some("ADMIN_VIEW"),
            Unmanaged::AdminEdit => Some("ADMIN_EDIT"),
            Unmanaged::Enabled => Some("ENABLED"),
        };
        if let Some(p) = policy {
            v["unmanagedAttributePolicy"] = json!(p);
        }
        v
    }
}

/// The emulated Keycloak.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Keycloak {
    /// Serve at the root (`/realms/...`, Keycloak 17+ without `--http-relative-path=/auth`)
    /// instead of under `/auth/`.
    pub root_path: bool,
    /// `None`: before 24 (the profile endpoint answers 404; every attribute is visible and
    /// writable).
    pub profile: Option<UserProfile>,
    /// Brute-force protection: after this many failed password grants a user is locked out
    /// (0: off). A locked-out user gets the same answer as a wrong password.
    pub lockout_after: u32,
    /// Tenant realms' clients do not allow direct access grants (the password grant).
    pub no_direct_grants: bool,
    /// A wrong password is answered 400 (Keycloak 26.6 and later) instead of 401.
    pub wrong_password_400: bool,
}

impl Keycloak {
    /// Keycloak's path prefix: `/auth` or nothing.
    pub fn prefix(&self) -> &'static str {
        if self.root_path {
            ""
        } else {
            "/auth"
        }
    }
    /// One line for the banner.
    pub fn describe(&self) -> String {
        let mut parts = vec![match &self.profile {
            None => "before 24 (no user profile)".to_string(),
            Some(p) => format!(
                "24+ user profile (unmanagedAttributePolicy {}{})",
                match p.unmanaged {
                    Unmanaged::Absent => "absent",
                    Unmanaged::AdminView => "ADMIN_VIEW",
                    Unmanaged::AdminEdit => "ADMIN_EDIT",
                    Unmanaged::Enabled => "ENABLED",
                },
                if p.declared.is_empty() {
                    ""
                } else {
                    "; enrolment attributes declared"
                }
            ),
        }];
        parts.push(format!("at `{}/`", self.prefix()));
        if self.lockout_after > 0 {
            parts.push(format!("lockout after {} failures", self.lockout_after));
        }
        if self.no_direct_grants {
            parts.push("direct access grants off".into());
        }
        parts.join(", ")
    }
}

impl std::str::FromStr for Unmanaged {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "absent" => Ok(Unmanaged::Absent),
            "admin-view" => Ok(Unmanaged::AdminView),
            "admin-edit" => Ok(Unmanaged::AdminEdit),
            "enabled" => Ok(Unmanaged::Enabled),
            other => Err(format!(
                "unknown user-profile policy `{other}`: use none, absent, admin-view, admin-edit or enabled"
            )),
        }
    }
}

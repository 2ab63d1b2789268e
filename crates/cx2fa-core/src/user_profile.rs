//! Can cx2fa see and change the 2FA enrolment attributes of a realm's users?
//!
//! Keycloak 24+ (docs/deployment-contract.md §8) hides attributes its declarative user profile
//! does not declare from the admin API and ignores them on a PUT, still answering 204. Without
//! this check `user status` would call an enrolled user "not enrolled", and `user reset` would
//! report "already clean" while the enrolment stays: silent wrong answers. So before reading or
//! writing enrolment, cx2fa reads the realm's profile once and refuses what it cannot do.

use crate::api::keycloak::Users;
use crate::enrolment::ENROLMENT_ATTRS;
use crate::error::{Error, Fix};
use serde::Serialize;
use serde_json::Value;

/// What the realm lets the admin API do with the enrolment attributes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Access {
    /// Whether the realm has a declarative user profile (Keycloak 24+).
    pub profile: bool,
    /// The realm's `unmanagedAttributePolicy` (absent on a new realm).
    pub unmanaged_policy: Option<String>,
    /// Enrolment attributes the admin API does not return.
    pub hidden: Vec<String>,
    /// Enrolment attributes it returns but does not change.
    pub read_only: Vec<String>,
}

impl Access {
    /// A Keycloak before 24: every attribute visible and writable.
    pub fn unrestricted() -> Self {
        Access {
            profile: false,
            unmanaged_policy: None,
            hidden: vec![],
            read_only: vec![],
        }
    }

    /// Decides from `GET /admin/realms/{realm}/users/profile`.
    pub fn from_profile(config: &Value) -> Self {
        let policy = config
            .get("unmanagedAttributePolicy")
            .and_then(Value::as_str)
            .map(str::to_string);
        let declared = config
            .get("attributes")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let admin_in = |perms: Option<&Value>, which: &str| {
            perms
                .and_then(|p| p.get(which))
                .and_then(Value::as_array)
                .is_some_and(|roles| roles.iter().any(|r| r == "admin"))
        };
        let mut hidden = vec![];
        let mut read_only = vec![];
        for attr in ENROLMENT_ATTRS {
            let decl = declared
                .iter()
                .find(|d| d.get("name").and_then(Value::as_str) == Some(attr));
            let (view, edit) = match decl {
                // Edit implies view in Keycloak.
                Some(d) => {
                    let perms = d.get("permissions");
                    let edit = admin_in(perms, "edit");
                    (edit || admin_in(perms, "view"), edit)
                }
                None => match policy.as_deref() {
                    Some("ENABLED" | "ADMIN_EDIT") => (true, true),
                    Some("ADMIN_VIEW") => (true, false),
                    _ => (false, false),
                },
            };
            if !view {
                hidden.push(attr.to_string());
            } else if !edit {
                read_only.push(attr.to_string());
            }
        }
        Access {
            profile: true,
            unmanaged_policy: policy,
            hidden,
            read_only,
        }
    }

    /// Reading enrolment is possible: `Ok(None)`, or `Ok(Some(warning))` when it is read-only
    /// (the warning is an error the caller shows but does not stop for). Hidden attributes
    /// refuse: every answer would be wrong.
    pub fn require_read(&self, realm: &str) -> Result<Option<Error>, Error> {
        if !self.hidden.is_empty() {
            return Err(refusal(realm, "hides", &self.hidden, "see or change"));
        }
        Ok((!self.read_only.is_empty()).then(|| {
            Error::failed(format!(
                "realm `{realm}` shows the 2FA enrolment attributes read-only (Keycloak user profile): resets and registrations would not stick"
            ))
            .with_fix(Fix::DeclareEnrolmentAttributes {
                realm: realm.to_string(),
            })
        }))
    }

    /// Writing enrolment is possible, or the refusal naming what and how to fix it.
    pub fn require_write(&self, realm: &str) -> Result<(), Error> {
        self.require_read(realm)?;
        if !self.read_only.is_empty() {
            return Err(refusal(
                realm,
                "lets admins only read",
                &self.read_only,
                "change",
            ));
        }
        Ok(())
    }

    /// One line for `doctor`.
    pub fn describe(&self) -> String {
        if !self.profile {
            return "no declarative user profile (Keycloak before 24): every attribute is visible and writable".into();
        }
        let policy = self.unmanaged_policy.as_deref().unwrap_or("absent");
        if self.hidden.is_empty() && self.read_only.is_empty() {
            format!("Keycloak 24+ user profile (unmanagedAttributePolicy {policy}): the enrolment attributes are visible and writable")
        } else if !self.hidden.is_empty() {
            format!(
                "Keycloak 24+ user profile (unmanagedAttributePolicy {policy}) hides {}",
                self.hidden.join(", ")
            )
        } else {
            format!(
                "Keycloak 24+ user profile (unmanagedAttributePolicy {policy}) makes read-only: {}",
                self.read_only.join(", ")
            )
        }
    }
}

fn refusal(realm: &str, does: &str, attrs: &[String], cannot: &str) -> Error {
    Error::failed(format!(
        "realm `{realm}` {does} the 2FA enrolment attributes {} from the admin API (Keycloak 24+ user profile); cx2fa cannot {cannot} users' enrolment there, and refuses rather than give a wrong answer",
        attrs.join(", ")
    ))
    .with_fix(Fix::DeclareEnrolmentAttributes {
        realm: realm.to_string(),
    })
}

/// Reads the realm's user profile: a 404 is a Keycloak before 24.
pub async fn read(users: &Users<'_>) -> Result<Access, Error> {
    Ok(match users.profile().await? {
        None => Access::unrestricted(),
        Some(config) => Access::from_profile(&config),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn attr(name: &str, view: &[&str], edit: &[&str]) -> Value {
        json!({"name": name, "permissions": {"view": view, "edit": edit}})
    }

    #[test]
    fn each_policy_decides_what_is_visible_and_writable() {
        let none =
            Access::from_profile(&json!({"attributes": [attr("email", &["admin"], &["admin"])]}));
        assert_eq!(none.hidden.len(), ENROLMENT_ATTRS.len());
        assert!(none.require_read("r").is_err());
        let view = Access::from_profile(&json!({"unmanagedAttributePolicy": "ADMIN_VIEW"}));
        assert!(view.hidden.is_empty() && view.read_only.len() == ENROLMENT_ATTRS.len());
        assert!(view.require_read("r").unwrap().is_some());
        assert!(view.require_write("r").is_err());
        for p in ["ADMIN_EDIT", "ENABLED"] {
            let a = Access::from_profile(&json!({"unmanagedAttributePolicy": p}));
            assert!(a.require_write("r").is_ok(), "{p}");
        }
        let declared: Vec<Value> = ENROLMENT_ATTRS
            .iter()
            .map(|a| attr(a, &["admin"], &["admin"]))
            .collect();
        let ok = Access::from_profile(&json!({"attributes": declared}));
        assert!(ok.require_write("r").is_ok());
        let mut partly = declared.clone();
        partly[0] = attr(ENROLMENT_ATTRS[0], &["admin"], &[]);
        let ro = Access::from_profile(&json!({"attributes": partly}));
        assert_eq!(ro.read_only, vec![ENROLMENT_ATTRS[0].to_string()]);
        let e = ro.require_write("team").unwrap_err();
        assert!(e.message.contains("realm `team`"));
        assert_eq!(
            e.fix,
            Some(Fix::DeclareEnrolmentAttributes {
                realm: "team".into()
            })
        );
        assert!(Access::unrestricted().require_write("r").is_ok());
    }
}

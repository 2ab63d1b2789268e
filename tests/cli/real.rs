//! Real Keycloaks for the tests (#23): which ones `.ci/run` started, and a sandbox fronting
//! one (`--keycloak-upstream`), with Keycloak's admin API spoken directly beside it as an
//! independent check.
//!
//! Selected by `CX2FA_TEST_KEYCLOAK` (`name=URL,name=URL`, e.g.
//! `kc264=http://127.0.0.1:18080/auth,kc267=http://127.0.0.1:18081`) and
//! `CX2FA_TEST_KEYCLOAK_ADMIN_PASSWORD` (its master admin `admin`), which `.ci/run` sets after
//! `.ci/keycloak start`. Unset, each suite says so and runs without a Keycloak (a developer's
//! `cargo test` needs no Java); in CI (`CI=true`) an unset variable is a failure.

use crate::support::Sandbox;
use cx2fa_sandbox::upstream::Upstream;
use cx2fa_sandbox::Config;
use serde_json::{json, Value};

/// The real Keycloaks to test against: (name, base URL). `suite` names the caller in the
/// message when none is configured.
pub fn servers(suite: &str) -> Vec<(String, String)> {
    let Ok(list) = std::env::var("CX2FA_TEST_KEYCLOAK") else {
        assert!(
            std::env::var("CI").is_err(),
            "CI must run the {suite}: CX2FA_TEST_KEYCLOAK is unset (see .ci/run)"
        );
        eprintln!("CX2FA_TEST_KEYCLOAK is unset: {suite} skipped (.ci/run sets it)");
        return vec![];
    };
    list.split(',')
        .filter_map(|p| p.split_once('='))
        .map(|(n, u)| (n.to_string(), u.trim_end_matches('/').to_string()))
        .collect()
}

pub fn admin_password() -> String {
    std::env::var("CX2FA_TEST_KEYCLOAK_ADMIN_PASSWORD")
        .expect("CX2FA_TEST_KEYCLOAK_ADMIN_PASSWORD goes with CX2FA_TEST_KEYCLOAK")
}

/// A sandbox in front of the real Keycloak at `url`, its realms given `unmanaged` as
/// `unmanagedAttributePolicy` (`None`: left absent, a new realm's default).
pub fn fronting(url: &str, unmanaged: Option<&str>) -> (Sandbox, Real) {
    fronting_with(url, unmanaged, Config::default())
}

/// [`fronting`] with the rest of the sandbox's configuration given.
pub fn fronting_with(url: &str, unmanaged: Option<&str>, cfg: Config) -> (Sandbox, Real) {
    let up = Upstream {
        url: url.to_string(),
        admin: ("admin".into(), admin_password()),
        suffix: Upstream::random_suffix(),
        unmanaged: unmanaged.map(str::to_string),
    };
    let suffix = up.suffix.clone();
    let sb = Sandbox::with(Config {
        upstream: Some(up),
        ..cfg
    });
    let real = Real {
        url: url.to_string(),
        realm: format!("expertflow{suffix}"),
        suffix,
    };
    (sb, real)
}

/// Keycloak's admin API, spoken directly (an independent check of what cx2fa did).
pub struct Real {
    pub url: String,
    /// The `expertflow` tenant's realm on this Keycloak.
    pub realm: String,
    /// The run's suffix on every realm name (`acme<suffix>`...).
    pub suffix: String,
}

impl Real {
    /// A call to `/admin/realms/<realm><path>` of the `expertflow` realm.
    pub fn call(
        &self,
        sb: &Sandbox,
        method: reqwest::Method,
        path: &str,
        body: Option<Value>,
    ) -> (u16, Value) {
        self.call_in(sb, &self.realm, method, path, body)
    }
    /// A call to `/admin/realms/<realm><path>`; `realm` may be `master`.
    pub fn call_in(
        &self,
        sb: &Sandbox,
        realm: &str,
        method: reqwest::Method,
        path: &str,
        body: Option<Value>,
    ) -> (u16, Value) {
        let base = self.url.clone();
        let realm = realm.to_string();
        let path = path.to_string();
        sb.block(async move {
            let c = reqwest::Client::new();
            let t: Value = c
                .post(format!(
                    "{base}/realms/master/protocol/openid-connect/token"
                ))
                .form(&[
                    ("grant_type", "password"),
                    ("client_id", "admin-cli"),
                    ("username", "admin"),
                    ("password", &admin_password()),
                ])
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            let mut r = c
                .request(method, format!("{base}/admin/realms/{realm}{path}"))
                .bearer_auth(t["access_token"].as_str().unwrap());
            if let Some(b) = body {
                r = r.json(&b);
            }
            let r = r.send().await.unwrap();
            let status = r.status().as_u16();
            let location = r
                .headers()
                .get("location")
                .and_then(|l| l.to_str().ok())
                .map(str::to_string);
            let v = r.json().await.unwrap_or(Value::Null);
            // A 201 answers with the new object's address only.
            match (status, location) {
                (201, Some(l)) => (status, json!({ "location": l })),
                _ => (status, v),
            }
        })
    }
    pub fn set_policy(&self, sb: &Sandbox, policy: &str) {
        let (_, mut p) = self.call(sb, reqwest::Method::GET, "/users/profile", None);
        p["unmanagedAttributePolicy"] = json!(policy);
        let (s, v) = self.call(sb, reqwest::Method::PUT, "/users/profile", Some(p));
        assert_eq!(s, 200, "{v}");
    }
    pub fn user(&self, sb: &Sandbox, username: &str) -> Value {
        let (_, v) = self.call(
            sb,
            reqwest::Method::GET,
            &format!("/users?username={username}&exact=true"),
            None,
        );
        v[0].clone()
    }
    /// Changes the realm's own settings (brute-force detection, token lifespans...).
    pub fn patch_realm(&self, sb: &Sandbox, changes: Value) {
        let (_, mut r) = self.call(sb, reqwest::Method::GET, "", None);
        for (k, v) in changes.as_object().unwrap() {
            r[k] = v.clone();
        }
        let (s, v) = self.call(sb, reqwest::Method::PUT, "", Some(r));
        assert_eq!(s, 204, "{v}");
    }
}

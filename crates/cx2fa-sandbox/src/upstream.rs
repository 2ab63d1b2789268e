//! The sandbox in front of a real Keycloak (`cx2fa sandbox --keycloak-upstream URL`): the tenant
//! API, channel manager, OTP manager and RSA server stay emulated, while identity is the real
//! Keycloak. At start the seed's tenant realms are created there through Keycloak's admin API
//! (realm, the tenant's confidential client, users with their passwords and attributes), as the
//! platform's tenant service does when a tenant is registered; at stop they are deleted again.
//!
//! Each realm gets the run's suffix (`expertflow` → `expertflow-s1a2b`), written into the
//! tenant documents' `keyCloak.realm`, so that several runs can share one Keycloak and a run
//! never touches a realm it did not create.

use crate::state::{Data, SUser};
use crate::SandboxError;
use cx2fa_platform::fields;
use serde_json::{json, Value};
use std::time::Duration;

/// Where the real Keycloak is and how the sandbox administers it.
#[derive(Debug, Clone)]
pub struct Upstream {
    /// Keycloak's base URL, with `/auth` when it serves there; no trailing `/`.
    pub url: String,
    /// A master-realm admin (the bootstrap admin of a test Keycloak).
    pub admin: (String, String),
    /// Appended to every seeded realm's name.
    pub suffix: String,
    /// `unmanagedAttributePolicy` set on each created realm (`None`: left absent, as a new
    /// realm has it, which hides the enrolment attributes).
    pub unmanaged: Option<String>,
}

impl Upstream {
    /// A random suffix for one run.
    pub fn random_suffix() -> String {
        format!("-s{:05x}", rand::random::<u32>() & 0xfffff)
    }
}

/// The admin API of the upstream Keycloak, as the sandbox uses it.
pub struct Admin {
    http: reqwest::Client,
    up: Upstream,
    token: String,
}

fn failed(what: &str, e: impl std::fmt::Display) -> SandboxError {
    SandboxError::Failed(format!("upstream Keycloak: {what}: {e}"))
}

impl Admin {
    pub async fn connect(up: &Upstream) -> Result<Admin, SandboxError> {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(30))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| failed("client", e))?;
        let url = format!("{}/realms/master/protocol/openid-connect/token", up.url);
        let r = http
            .post(&url)
            .form(&[
                ("grant_type", "password"),
                ("client_id", "admin-cli"),
                ("username", up.admin.0.as_str()),
                ("password", up.admin.1.as_str()),
            ])
            .send()
            .await
            .map_err(|e| failed(&format!("cannot reach {url}"), e))?;
        let status = r.status();
        let v: Value = r.json().await.unwrap_or(Value::Null);
        let token = v["access_token"]
            .as_str()
            .ok_or_else(|| {
                failed(
                    "admin login",
                    format!("{status} {}", v[fields::error_body::ERROR_DESCRIPTION]),
                )
            })?
            .to_string();
        Ok(Admin {
            http,
            up: up.clone(),
            token,
        })
    }

    /// `method path` with `body` against `/admin/realms…`; the status and the answer.
    async fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<Value>,
    ) -> Result<(u16, Value), SandboxError> {
        let url = format!("{}/admin/realms{path}", self.up.url);
        let mut r = self
            .http
            .request(method.clone(), &url)
            .bearer_auth(&self.token);
        if let Some(b) = body {
            r = r.json(&b);
        }
        let r = r
            .send()
            .await
            .map_err(|e| failed(&format!("{method} {url}"), e))?;
        let status = r.status().as_u16();
        let text = r.text().await.unwrap_or_default();
        Ok((
            status,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        ))
    }

    async fn must(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<Value>,
    ) -> Result<Value, SandboxError> {
        let (status, v) = self.call(method.clone(), path, body).await?;
        if !(200..300).contains(&status) {
            return Err(failed(
                &format!("{method} /admin/realms{path}"),
                format!("{status} {v}"),
            ));
        }
        Ok(v)
    }

    /// Whether `token` is a master-realm admin's token of this Keycloak: it may read the
    /// realms list (what the tenant API and channel manager require of a caller).
    pub async fn admits(&self, token: &str) -> bool {
        let url = format!("{}/admin/realms/master", self.up.url);
        matches!(
            self.http.get(url).bearer_auth(token).send().await,
            Ok(r) if r.status().is_success()
        )
    }
}

/// A tenant realm to create: its new name and its admin's (name, password), if the tenant
/// document has one.
type Renamed = std::collections::BTreeMap<String, (String, Option<(String, String)>)>;

/// Creates the seed's tenant realms in the upstream Keycloak and points the tenant documents at
/// them; returns the realms created, for [`remove`]. A realm of that name that already exists
/// is an error: the run never adopts (and so never deletes) a realm it did not create.
pub async fn seed(up: &Upstream, data: &mut Data) -> Result<Vec<String>, SandboxError> {
    let admin = Admin::connect(up).await?;
    let mut created = vec![];
    for (old, (new, realm_admin)) in &rename_realms(up, data) {
        let Some(r) = data.realms.get(old) else {
            continue;
        };
        create_realm(&admin, up, new).await?;
        created.push(new.clone());
        for (client, secret) in &r.clients {
            let Some(secret) = secret else { continue };
            let body = client_representation(client, secret);
            admin
                .must(
                    reqwest::Method::POST,
                    &format!("/{new}/clients"),
                    Some(body),
                )
                .await?;
        }
        for u in r.users.values() {
            // The tenant's realm admin logs in with the tenant document's `PASSWORD_ADMIN`, as
            // in a deployment (the seed gives every user of a realm `agent-pass`).
            let password = match realm_admin {
                Some((name, p)) if *name == u.username => p,
                _ => &u.password,
            };
            admin
                .must(
                    reqwest::Method::POST,
                    &format!("/{new}/users"),
                    Some(user_representation(u, password)),
                )
                .await?;
        }
        if let Some((name, password)) = realm_admin {
            grant_realm_admin(&admin, new, name, password).await?;
        }
    }
    Ok(created)
}

/// Points each tenant document at its realm's name with the run's suffix; the realms to create.
fn rename_realms(up: &Upstream, data: &mut Data) -> Renamed {
    let mut renamed = Renamed::new();
    for doc in &mut data.tenants {
        let realm = doc
            .pointer("/tenantSettings/keyCloak/realm")
            .or(doc.get(fields::TENANT_ID))
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        if realm.is_empty() || realm == "master" {
            continue;
        }
        let new = format!("{realm}{}", up.suffix);
        let mut realm_admin = None;
        if let Some(kc) = doc
            .pointer_mut("/tenantSettings/keyCloak")
            .and_then(Value::as_object_mut)
        {
            kc.insert("realm".into(), json!(new));
            realm_admin = kc.get("PASSWORD_ADMIN").and_then(Value::as_str).map(|p| {
                let name = kc.get(fields::USERNAME_ADMIN).and_then(Value::as_str);
                let name = name.unwrap_or(cx2fa_platform::contract::DEFAULT_TENANT_ADMIN);
                (name.to_string(), p.to_string())
            });
        }
        renamed.insert(realm, (new, realm_admin));
    }
    renamed
}

/// Creates realm `new` (refusing one that exists), with the run's unmanaged-attribute policy.
async fn create_realm(admin: &Admin, up: &Upstream, new: &str) -> Result<(), SandboxError> {
    let (status, v) = admin
        .call(
            reqwest::Method::POST,
            "",
            Some(json!({"realm": new, "enabled": true})),
        )
        .await?;
    if status == 409 {
        return Err(SandboxError::Config(format!(
            "realm `{new}` already exists in the upstream Keycloak; the sandbox creates its own realms and will not adopt one"
        )));
    }
    if !(200..300).contains(&status) {
        return Err(failed(
            &format!("create realm `{new}`"),
            format!("{status} {v}"),
        ));
    }
    if let Some(policy) = &up.unmanaged {
        let path = format!("/{new}/users/profile");
        let mut profile = admin.must(reqwest::Method::GET, &path, None).await?;
        profile["unmanagedAttributePolicy"] = json!(policy);
        admin
            .must(reqwest::Method::PUT, &path, Some(profile))
            .await?;
    }
    Ok(())
}

/// A seed client as a deployment's confidential client.
fn client_representation(client: &str, secret: &str) -> Value {
    json!({
        "clientId": client,
        "secret": secret,
        "publicClient": false,
        "directAccessGrantsEnabled": true,
        // A deployment's `cim` client has a service account: Keycloak then
        // lists `service-account-cim` among the realm's users.
        "serviceAccountsEnabled": true,
        // ... and authorization services: the connector's login asks for an RPT
        // (`grant_type=urn:ietf:params:oauth:grant-type:uma-ticket`, audience
        // `cim`) after the password grant, and `validateOTP` ends with that
        // login. A deployment has its resources and policies; here one resource
        // under a permissive policy enforcement is enough for Keycloak to issue
        // the RPT (Keycloak 26.7 creates no default resource and policy).
        "authorizationServicesEnabled": true,
        "authorizationSettings": {
            "policyEnforcementMode": "PERMISSIVE",
            "resources": [{
                "name": "Default Resource",
                "type": format!("urn:{client}:resources:default"),
                "uris": ["/*"],
            }],
        },
        // The client in its own tokens' audience: the connector introspects the
        // user's token with this client, and newer Keycloaks (26.7.3 here, not
        // 26.4.7; upgrading guide: "Token introspection now validates audience
        // claim") answer `{"active": false}` to a client not in `aud`: the
        // connector then sees no realm roles and its RPT request is refused.
        "protocolMappers": [{
            "name": format!("{client}-audience"),
            "protocol": "openid-connect",
            "protocolMapper": "oidc-audience-mapper",
            "config": {
                "included.client.audience": client,
                "access.token.claim": "true",
                "id.token.claim": "false",
                "introspection.token.claim": "true",
            },
        }],
        "standardFlowEnabled": false,
    })
}

/// A seed user with `password`. Keycloak 24+ refuses a password login to a user without first
/// name, last name or e-mail ("Account is not fully set up"): the seed's agents get all three.
fn user_representation(u: &SUser, password: &str) -> Value {
    let mut body = json!({
        "username": u.username,
        "enabled": u.enabled,
        "email": u.email.clone().unwrap_or_else(|| format!("{}@sandbox.test", u.username)),
        "emailVerified": true,
        "firstName": u.first_name.clone().unwrap_or_else(|| u.username.clone()),
        "lastName": "Sandbox",
        "credentials": [{"type": "password", "value": password, "temporary": false}],
        "requiredActions": u.required_actions,
    });
    if let Some(a) = &u.attributes {
        body["attributes"] = Value::Object(a.clone());
    }
    body
}

/// Makes `name` the tenant realm's admin, as a deployment's tenant service does: the connector
/// (`getAccessToken(USERNAME_ADMIN, PASSWORD_ADMIN)`: a password grant in the tenant's realm
/// with the tenant's client) reads and writes users through the admin API with that user's
/// token, so it holds `realm-management`'s view-users, query-users and manage-users. The user
/// is created (with the document's password) when the seed has none of that name.
async fn grant_realm_admin(
    admin: &Admin,
    realm: &str,
    name: &str,
    password: &str,
) -> Result<(), SandboxError> {
    let find = format!("/{realm}/users?username={name}&exact=true");
    let mut found = admin.must(reqwest::Method::GET, &find, None).await?;
    if found[0]["id"].as_str().is_none() {
        let body = json!({
            "username": name,
            "enabled": true,
            "email": format!("{name}@sandbox.test"),
            "emailVerified": true,
            "firstName": name,
            "lastName": "Sandbox",
            "credentials": [{"type": "password", "value": password, "temporary": false}],
        });
        admin
            .must(
                reqwest::Method::POST,
                &format!("/{realm}/users"),
                Some(body),
            )
            .await?;
        found = admin.must(reqwest::Method::GET, &find, None).await?;
    }
    let user = found[0]["id"].as_str().unwrap_or_default().to_string();
    let clients = admin
        .must(
            reqwest::Method::GET,
            &format!("/{realm}/clients?clientId=realm-management"),
            None,
        )
        .await?;
    let client = clients[0]["id"].as_str().unwrap_or_default().to_string();
    let mut roles = vec![];
    for role in ["view-users", "query-users", "manage-users"] {
        let path = format!("/{realm}/clients/{client}/roles/{role}");
        roles.push(admin.must(reqwest::Method::GET, &path, None).await?);
    }
    admin
        .must(
            reqwest::Method::POST,
            &format!("/{realm}/users/{user}/role-mappings/clients/{client}"),
            Some(Value::Array(roles)),
        )
        .await?;
    Ok(())
}

/// Deletes the realms [`seed`] created.
pub async fn remove(up: &Upstream, realms: &[String]) -> Result<(), SandboxError> {
    if realms.is_empty() {
        return Ok(());
    }
    let admin = Admin::connect(up).await?;
    for r in realms {
        admin
            .must(reqwest::Method::DELETE, &format!("/{r}"), None)
            .await?;
    }
    Ok(())
}

//! Seed data: the built-in one (`seed.json` beside this file) or `--seed FILE` in the same format.

use super::state::{Data, Realm, RsaServer, RsaUser, SUser};
use crate::SandboxError;
use cx2fa_platform::contract;
use cx2fa_platform::enrolment as attrs;
use cx2fa_platform::fields;
use serde::Deserialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

pub const BUILTIN: &str = include_str!("seed.json");

#[derive(Debug, Deserialize)]
pub struct Account {
    pub username: String,
    pub password: String,
}

#[derive(Debug, Deserialize)]
pub struct Client {
    pub id: String,
    pub secret: String,
}

#[derive(Debug, Deserialize)]
pub struct SeedUser {
    pub username: String,
    pub password: String,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub attributes: Option<Map<String, Value>>,
}

#[derive(Debug, Deserialize)]
pub struct SeedRsa {
    pub client_key: String,
    pub client_id: String,
    #[serde(default)]
    pub users: BTreeMap<String, RsaUser>,
}

/// The `--seed FILE` format.
#[derive(Debug, Deserialize)]
pub struct Seed {
    pub admin: Account,
    pub automation_client: Client,
    pub tenants: Vec<Value>,
    #[serde(default)]
    pub channels: Vec<Value>,
    #[serde(default)]
    pub channel_configs: BTreeMap<String, Value>,
    /// realm → users.
    #[serde(default)]
    pub users: BTreeMap<String, Vec<SeedUser>>,
    pub rsa: SeedRsa,
}

impl Seed {
    pub fn parse(text: &str, origin: &str) -> Result<Seed, SandboxError> {
        serde_json::from_str(text).map_err(|e| SandboxError::BadSeed {
            origin: origin.to_string(),
            line: e.line(),
            column: e.column(),
            reason: e.to_string(),
        })
    }
    pub fn builtin() -> Seed {
        Seed::parse(BUILTIN, "built-in seed").expect("built-in seed parses")
    }
}

/// Deterministic ids so that test output is stable across runs.
pub fn user_id(realm: &str, n: usize) -> String {
    let h = realm
        .bytes()
        .fold(0u32, |a, b| a.wrapping_mul(31).wrapping_add(b as u32));
    format!("{h:08x}-0000-4000-8000-{n:012x}")
}

/// The realm a tenant document's realm is created as, with its confidential client.
pub fn realm_for(tenant: &Value) -> (String, String, Option<String>) {
    let kc = tenant.pointer("/tenantSettings/keyCloak");
    let s = |k: &str| {
        kc.and_then(|v| v.get(k))
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    let id = tenant
        .get(fields::TENANT_ID)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let realm = s("realm").unwrap_or(id);
    let client = s(fields::CLIENT_ID).unwrap_or_else(|| contract::DEFAULT_TENANT_CLIENT_ID.into());
    let secret = kc
        .and_then(|v| v.pointer("/credentials/secret"))
        .and_then(Value::as_str)
        .map(str::to_string);
    (realm, client, secret)
}

/// Builds the stored data from a seed, with `extra_users` generated users in the first tenant,
/// and `extra_tenants` generated tenants (a copy of the first one as `fleet0001`...), each with
/// `extra_users` users of its own: a fleet sharing one Keycloak.
pub fn build(mut seed: Seed, extra_users: usize, extra_tenants: usize) -> Data {
    if let Some(first) = seed.tenants.first().cloned() {
        for n in 1..=extra_tenants {
            let id = format!("fleet{n:04}");
            let mut t = first.clone();
            t[fields::TENANT_ID] = Value::String(id.clone());
            t[fields::TENANT_NAME] = Value::String(format!("Fleet tenant {n}"));
            if let Some(kc) = t.pointer_mut("/tenantSettings/keyCloak") {
                kc["realm"] = Value::String(id.clone());
                kc["credentials"] = serde_json::json!({"secret": format!("{id}-client-secret")});
            }
            seed.tenants.push(t);
        }
    }
    let mut d = Data::default();
    let mut master = Realm::default();
    master
        .clients
        .insert(cx2fa_platform::contract::ADMIN_CLIENT_ID.into(), None);
    master.clients.insert(
        seed.automation_client.id.clone(),
        Some(seed.automation_client.secret.clone()),
    );
    master.add(SUser {
        id: user_id("master", 0),
        username: seed.admin.username,
        email: None,
        first_name: None,
        enabled: true,
        created: 1_700_000_000_000,
        attributes: None,
        password: seed.admin.password,
        admin: true,
        required_actions: vec![],
    });
    d.realms.insert("master".into(), master);
    for t in &seed.tenants {
        let (realm, client, secret) = realm_for(t);
        let mut r = Realm::default();
        r.clients.insert(client, secret);
        d.realms.insert(realm, r);
    }
    // Each tenant realm's admin (the document's `USERNAME_ADMIN`) logs in with the document's
    // `PASSWORD_ADMIN` and may use the admin API on its realm, as in a deployment: Expertflow's
    // connector reads and writes users with that account.
    let realm_admins: std::collections::HashMap<String, (String, Option<String>)> = seed
        .tenants
        .iter()
        .map(|t| {
            let kc = |k: &str| {
                t.pointer(&format!("/tenantSettings/keyCloak/{k}"))
                    .and_then(Value::as_str)
                    .map(str::to_string)
            };
            (
                realm_for(t).0,
                (
                    kc(fields::USERNAME_ADMIN).unwrap_or_else(|| "admin".into()),
                    kc("PASSWORD_ADMIN"),
                ),
            )
        })
        .collect();
    for (realm, users) in seed.users {
        let admin = realm_admins.get(&realm);
        let r = d.realms.entry(realm.clone()).or_default();
        for (n, u) in users.into_iter().enumerate() {
            let is_admin = admin.is_some_and(|(name, _)| name.eq_ignore_ascii_case(&u.username));
            let password = match admin {
                Some((_, Some(p))) if is_admin => p.clone(),
                _ => u.password,
            };
            r.add(SUser {
                id: user_id(&realm, n + 1),
                username: u.username,
                email: u.email,
                first_name: None,
                enabled: true,
                created: 1_700_000_000_000 + n as i64,
                attributes: u.attributes,
                password,
                admin: is_admin,
                required_actions: vec![],
            });
        }
    }
    let generated = seed.tenants.iter().enumerate().filter(|(i, t)| {
        *i == 0
            || t.get(fields::TENANT_ID)
                .and_then(Value::as_str)
                .is_some_and(|id| id.starts_with("fleet"))
    });
    for (_, t) in generated {
        let (realm, _, _) = realm_for(t);
        let policy_csi = t
            .pointer("/tenantSettings/twoFAConfigs/channelServiceIdentifier")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        let r = d.realms.get_mut(&realm).expect("created above");
        let base = r.users.len();
        for i in 0..extra_users {
            r.add(generated_user(&realm, base + i + 1, i, &policy_csi));
        }
    }
    d.tenants = seed.tenants;
    d.channels = seed.channels;
    d.channel_configs = seed.channel_configs;
    d.rsa = RsaServer {
        client_key: seed.rsa.client_key,
        client_id: seed.rsa.client_id,
        users: seed.rsa.users,
    };
    d
}

/// Generated users cycle through: none, EMAIL registered, SMS registered, stale EMAIL.
fn generated_user(realm: &str, n: usize, i: usize, policy_csi: &str) -> SUser {
    let username = format!("user{:06}", i + 1);
    let arr = |s: &str| Value::Array(vec![Value::String(s.to_string())]);
    let mut a = Map::new();
    a.insert(
        "department".into(),
        arr(["sales", "support", "desk"][i % 3]),
    );
    a.insert("agentExtension".into(), arr(&format!("{}", 2000 + i)));
    match i % 4 {
        1 => {
            a.insert(attrs::IS_2FA_REGISTERED.into(), arr("true"));
            a.insert(attrs::TWO_FA_CHANNEL.into(), arr("EMAIL"));
            a.insert(
                attrs::CUSTOMER_CHANNEL_IDENTIFIER.into(),
                arr(&format!("{username}@example.test")),
            );
            a.insert(fields::CHANNEL_SERVICE_IDENTIFIER.into(), arr(policy_csi));
            a.insert(fields::OTP_EXPIRY.into(), arr("60"));
            a.insert(fields::OTP_MAX_ATTEMPTS.into(), arr("3"));
        }
        2 => {
            a.insert(attrs::IS_2FA_REGISTERED.into(), arr("true"));
            a.insert(attrs::TWO_FA_CHANNEL.into(), arr("SMS"));
            a.insert(
                attrs::CUSTOMER_CHANNEL_IDENTIFIER.into(),
                arr(&format!("+1555{:07}", i)),
            );
            a.insert(
                fields::CHANNEL_SERVICE_IDENTIFIER.into(),
                arr("+15550001000"),
            );
        }
        3 => {
            a.insert(attrs::IS_2FA_REGISTERED.into(), arr("true"));
            a.insert(attrs::TWO_FA_CHANNEL.into(), arr("EMAIL"));
            a.insert(
                attrs::CUSTOMER_CHANNEL_IDENTIFIER.into(),
                arr(&format!("{username}@example.test")),
            );
            a.insert(
                fields::CHANNEL_SERVICE_IDENTIFIER.into(),
                arr("old-otp@example.test"),
            );
        }
        _ => {}
    }
    SUser {
        id: user_id(realm, n),
        username,
        email: None,
        first_name: None,
        enabled: true,
        created: 1_700_000_000_000 + n as i64,
        attributes: Some(a),
        password: "agent-pass".into(),
        admin: false,
        required_actions: vec![],
    }
}

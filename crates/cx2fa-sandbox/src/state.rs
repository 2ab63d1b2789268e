//! The sandbox's data: what a deployment stores, plus the sandbox's clock and outbox.

use cx2fa_platform::fields;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap};

/// A Keycloak user as the sandbox stores it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SUser {
    pub id: String,
    pub username: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none", rename = "firstName")]
    pub first_name: Option<String>,
    #[serde(default = "yes")]
    pub enabled: bool,
    #[serde(default, rename = "createdTimestamp")]
    pub created: i64,
    /// `None` means the user has no `attributes` key at all, as Keycloak answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attributes: Option<Map<String, Value>>,
    pub password: String,
    /// Holds the realm-admin role (master realm admins may use the admin API).
    #[serde(default)]
    pub admin: bool,
    /// Required actions pending (e.g. `VERIFY_PROFILE`): the password grant answers "Account is
    /// not fully set up" until they are done.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        rename = "requiredActions"
    )]
    pub required_actions: Vec<String>,
}

fn yes() -> bool {
    true
}

impl SUser {
    /// The admin API's representation (never the password), as a realm with `profile` shows
    /// it: attributes the profile hides are left out.
    pub fn to_json(&self, profile: Option<&super::variant::UserProfile>) -> Value {
        let mut m = Map::new();
        m.insert("id".into(), self.id.clone().into());
        m.insert("createdTimestamp".into(), self.created.into());
        m.insert("username".into(), self.username.clone().into());
        m.insert("enabled".into(), self.enabled.into());
        m.insert("emailVerified".into(), false.into());
        if let Some(f) = &self.first_name {
            m.insert("firstName".into(), f.clone().into());
        }
        if let Some(e) = &self.email {
            m.insert("email".into(), e.clone().into());
        }
        let shown: Option<Map<String, Value>> = self.attributes.as_ref().map(|a| {
            a.iter()
                .filter(|(k, _)| profile.is_none_or(|p| p.visible(k)))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()
        });
        if let Some(a) = shown.filter(|a| !a.is_empty()) {
            m.insert("attributes".into(), Value::Object(a));
        }
        m.insert(
            "requiredActions".into(),
            Value::from(self.required_actions.clone()),
        );
        Value::Object(m)
    }
}

/// A Keycloak realm: its confidential clients and users (ordered by lower-case username).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Realm {
    /// client id → secret (`None` for public clients such as `admin-cli`).
    pub clients: BTreeMap<String, Option<String>>,
    pub users: BTreeMap<String, SUser>,
    #[serde(skip)]
    pub by_id: HashMap<String, String>,
    /// Sessions per user id, ended by logout.
    #[serde(default)]
    pub sessions: BTreeMap<String, u32>,
}

impl Realm {
    pub fn reindex(&mut self) {
        self.by_id = self
            .users
            .iter()
            .map(|(k, u)| (u.id.clone(), k.clone()))
            .collect();
    }
    pub fn add(&mut self, u: SUser) {
        let key = u.username.to_lowercase();
        self.by_id.insert(u.id.clone(), key.clone());
        self.users.insert(key, u);
    }
    pub fn by_id_mut(&mut self, id: &str) -> Option<&mut SUser> {
        let key = self.by_id.get(id)?.clone();
        self.users.get_mut(&key)
    }
}

/// An OTP the OTP manager issued.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Otp {
    pub tenant: String,
    pub contact: String,
    pub channel_identifier: String,
    pub purpose: String,
    pub code: String,
    pub expires_at_ms: i64,
    pub failures: u64,
    pub max_attempts: u64,
    /// Used, or blocked by too many failures.
    pub dead: bool,
}

/// What a real user would receive, for scripts and tests.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct OutboxEntry {
    pub to: String,
    #[serde(rename = "channelType")]
    pub channel_type: String,
    pub code: String,
    #[serde(rename = "sentAt")]
    pub sent_at: String,
    /// Which tenant and channel sent it (extra, sandbox-only detail).
    pub tenant: String,
    pub from: String,
}

/// RSA Authentication Manager settings and its users.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct RsaServer {
    pub client_key: String,
    pub client_id: String,
    /// username → (8-character PIN, base32 token seed).
    pub users: BTreeMap<String, RsaUser>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RsaUser {
    pub pin: String,
    pub seed: String,
}

/// Everything the sandbox stores; also the `--state FILE` format.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Data {
    /// Added to the wall clock, in milliseconds (`POST /sandbox/clock`).
    #[serde(default)]
    pub clock_offset_ms: i64,
    /// Tenant documents, stored and returned as sent.
    pub tenants: Vec<Value>,
    /// Realms by name, including `master`.
    pub realms: BTreeMap<String, Realm>,
    /// Channel objects in the platform's channel model.
    pub channels: Vec<Value>,
    /// serviceIdentifier → `[{"key","type","value"}]`.
    pub channel_configs: BTreeMap<String, Value>,
    pub rsa: RsaServer,
    #[serde(default)]
    pub otps: Vec<Otp>,
    #[serde(default)]
    pub outbox: Vec<OutboxEntry>,
}

impl Data {
    pub fn reindex(&mut self) {
        self.realms.values_mut().for_each(Realm::reindex);
    }
    pub fn now_ms(&self) -> i64 {
        let wall = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis() as i64)
            .unwrap_or(0);
        wall + self.clock_offset_ms
    }
    pub fn tenant(&self, id: &str) -> Option<&Value> {
        self.tenants
            .iter()
            .find(|t| t.get(fields::TENANT_ID).and_then(Value::as_str) == Some(id))
    }
}

//! Keycloak: tokens (docs/deployment-contract.md §2, §6) and the admin users API (§5).

use super::http::{Body, Http, Request, Secretish};
use super::secret::Secret;
use super::session::Session;
use crate::error::{Error, Fix};
use serde_json::{Map, Value};
use std::time::{Duration, Instant};

/// An access token and when it stops being valid.
#[derive(Debug, Clone)]
pub struct Token {
    pub access: Secret,
    pub expires_at: Instant,
    pub refresh: Option<Secret>,
}

/// An OAuth grant.
#[derive(Debug, Clone)]
pub enum Grant {
    Password {
        client: String,
        client_secret: Option<Secret>,
        username: String,
        password: Secret,
    },
    Client {
        id: String,
        secret: Secret,
    },
    Refresh {
        client: String,
        refresh: Secret,
    },
}

pub use cx2fa_platform::contract::seg;
use cx2fa_platform::contract::{keycloak as route, Route};

/// `POST {keycloak}realms/<realm>/protocol/openid-connect/token`.
pub async fn token(
    http: &Http,
    keycloak: &str,
    realm: &str,
    grant: &Grant,
) -> Result<Token, Error> {
    let resp = http
        .send(grant_request(keycloak, realm, grant, Grantee::Admin))
        .await?;
    parse_token(resp.check()?)
}

/// Whose secrets a grant sends: they decide the `--print-curl` variables and whether the grant
/// may be sent again, never the realm's name (a tenant's realm could be called `master`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grantee {
    /// The master-realm administrator (or automation client) cx2fa works as.
    Admin,
    /// A tenant's agent logging in (the login probe), through the tenant's client.
    Agent,
}

/// The token request for `grant`, sent by `who`.
pub fn grant_request(keycloak: &str, realm: &str, grant: &Grant, who: Grantee) -> Request {
    let url = format!("{keycloak}{}", route::TOKEN.path(&[realm]));
    let plain = |k: &str, v: &str| (k.to_string(), Secretish::Plain(v.to_string()));
    // Each secret has its own variable in `--print-curl`: the master admin's password is not
    // an agent's, and the tenant client's secret is not the automation client's.
    let admin = who == Grantee::Admin;
    let var = |k: &str| match (k, admin) {
        ("password", true) => crate::env::PASSWORD,
        ("password", false) => crate::env::USER_PASSWORD,
        ("client_secret", true) => crate::env::CLIENT_SECRET,
        ("client_secret", false) => crate::env::TENANT_CLIENT_SECRET,
        _ => crate::env::REFRESH_TOKEN,
    };
    let secret = |k: &str, v: &Secret| (k.to_string(), Secretish::Secret(v.clone(), var(k)));
    let fields = match grant {
        Grant::Password {
            client,
            client_secret,
            username,
            password,
        } => {
            let mut f = vec![
                plain("grant_type", "password"),
                plain("client_id", client),
                plain("username", username),
                secret("password", password),
            ];
            if let Some(s) = client_secret {
                f.push(secret("client_secret", s));
            }
            f
        }
        Grant::Client { id, secret: s } => vec![
            plain("grant_type", "client_credentials"),
            plain("client_id", id),
            secret("client_secret", s),
        ],
        Grant::Refresh { client, refresh } => vec![
            plain("grant_type", "refresh_token"),
            plain("client_id", client),
            secret("refresh_token", refresh),
        ],
    };
    // An agent's password grant (the login probe) that failed may still have counted against
    // the user in Keycloak's brute-force protection: it is never sent again (a 429, refused at
    // the door, still is). Other grants change nothing stored, so they are safe to retry.
    let repeatable = admin || !matches!(grant, Grant::Password { .. });
    let mut req = Request::post(url).retry(repeatable);
    req.body = Body::Form(fields);
    req.exports_token = admin;
    req
}

/// Why Keycloak refused a password grant, in the shapes it answers (docs/deployment-contract.md
/// §8). A wrong password, an unknown user and a brute-force lockout are deliberately one answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GrantRefusal {
    /// `invalid_grant` "Invalid user credentials": HTTP 401 before Keycloak 26.6, 400 from 26.6.0.
    WrongCredentials,
    /// 400 `invalid_grant` "Account disabled".
    Disabled,
    /// 400 `invalid_grant` "Account is not fully set up": required actions are pending.
    NotFullySetUp,
    /// `unauthorized_client`: the client does not allow direct access grants.
    DirectGrantsOff,
}

impl GrantRefusal {
    fn classify(r: &super::http::Response) -> Option<Self> {
        if !(r.status == 400 || r.status == 401) {
            return None;
        }
        let v: Value = serde_json::from_slice(&r.body).ok()?;
        let error = v.get("error").and_then(Value::as_str)?;
        let description = v
            .get("error_description")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_ascii_lowercase();
        match error {
            "unauthorized_client" => Some(Self::DirectGrantsOff),
            "invalid_grant" if description.contains("disabled") => Some(Self::Disabled),
            "invalid_grant" if description.contains("not fully set up") => {
                Some(Self::NotFullySetUp)
            }
            // The status changed (401 before 26.6, 400 since): the answer's words decide.
            "invalid_grant"
                if r.status == 401 || description.contains("invalid user credentials") =>
            {
                Some(Self::WrongCredentials)
            }
            _ => None,
        }
    }
}

/// Like [`token`], but a refusal of the user's own credentials comes back as a value: for the
/// login probe it is an outcome, not a failure of cx2fa.
pub async fn password_login(
    http: &Http,
    keycloak: &str,
    realm: &str,
    grant: &Grant,
) -> Result<Result<Token, GrantRefusal>, Error> {
    let resp = http
        .send(grant_request(keycloak, realm, grant, Grantee::Agent))
        .await?;
    if let Some(r) = GrantRefusal::classify(&resp) {
        return Ok(Err(r));
    }
    Ok(Ok(parse_token(resp.check()?)?))
}

/// The longest token lifetime believed: a server's number is clamped, never trusted for
/// arithmetic (an `expires_in` of 2^64-1 must not overflow the clock).
const MAX_TOKEN_LIFETIME: Duration = Duration::from_secs(24 * 3600);

fn parse_token(resp: super::http::Response) -> Result<Token, Error> {
    let v = resp.json()?;
    let access = v
        .get("access_token")
        .and_then(Value::as_str)
        .ok_or_else(|| {
            Error::network(format!("`{}` answered without an access_token", resp.url))
                .with_url(&resp.url)
        })?;
    // Made `Secret`s at once: from here on the redactor knows them.
    let refresh = v
        .get("refresh_token")
        .and_then(Value::as_str)
        .map(Secret::new);
    let expires = v
        .get("expires_in")
        .and_then(Value::as_u64)
        .map_or(Duration::from_secs(60), Duration::from_secs)
        .min(MAX_TOKEN_LIFETIME);
    Ok(Token {
        access: Secret::new(access),
        expires_at: Instant::now() + expires,
        refresh,
    })
}

/// A Keycloak user as the admin API returns it; every field is kept for the PUT.
#[derive(Debug, Clone, PartialEq)]
pub struct User(pub Value);

impl User {
    pub fn id(&self) -> &str {
        self.0.get("id").and_then(Value::as_str).unwrap_or("")
    }
    pub fn username(&self) -> &str {
        self.0.get("username").and_then(Value::as_str).unwrap_or("")
    }
    pub fn attributes(&self) -> Map<String, Value> {
        self.attrs().cloned().unwrap_or_default()
    }
    /// The attribute map, borrowed; `None` when the user has none.
    pub fn attrs(&self) -> Option<&Map<String, Value>> {
        self.0.get("attributes").and_then(Value::as_object)
    }
    /// Whether the user holds attribute `name` at all.
    pub fn has_attr(&self, name: &str) -> bool {
        self.attrs().is_some_and(|m| m.contains_key(name))
    }
    /// The first value of an attribute.
    pub fn attr(&self, name: &str) -> Option<String> {
        self.0
            .get("attributes")?
            .get(name)?
            .as_array()?
            .first()?
            .as_str()
            .map(str::to_string)
    }
    /// A client's service account (`service-account-<client>`), not a person: Keycloak
    /// returns them from filtered queries (`q=`, `username=`) and lists; they never log in
    /// with 2FA, so they are never counted or reset.
    pub fn is_service_account(&self) -> bool {
        self.0
            .get("serviceAccountClientId")
            .is_some_and(|v| !v.is_null())
            || self.username().starts_with("service-account-")
    }
    /// A copy with `attributes` replaced by `attrs`.
    pub fn with_attributes(&self, attrs: Map<String, Value>) -> User {
        let mut v = self.0.clone();
        if let Some(obj) = v.as_object_mut() {
            obj.insert("attributes".into(), Value::Object(attrs));
        }
        User(v)
    }
}

/// The admin users API of one realm.
pub struct Users<'a> {
    pub s: &'a Session,
    pub realm: String,
}

impl<'a> Users<'a> {
    pub fn new(s: &'a Session, realm: &str) -> Self {
        Users {
            s,
            realm: realm.to_string(),
        }
    }
    /// The request for `route` of this realm (and user `id`), with `query` appended.
    fn request(&self, route: &Route, id: Option<&str>, query: &str) -> Request {
        let path = match id {
            Some(id) => route.path(&[&self.realm, id]),
            None => route.path(&[&self.realm]),
        };
        Request::new(
            route.method.clone(),
            format!("{}{path}{query}", self.s.ep.keycloak),
        )
    }

    /// The realm's declarative user profile (`…/users/profile`, Keycloak 24+); `None` when the
    /// endpoint does not exist (before 24).
    pub async fn profile(&self) -> Result<Option<Value>, Error> {
        let resp = self
            .s
            .authed(self.request(&route::USER_PROFILE, None, ""))
            .await?;
        if resp.status == 404 {
            return Ok(None);
        }
        Ok(Some(resp.check()?.json()?))
    }

    /// Exact username search; `None` when there is no such user.
    pub async fn find(&self, username: &str) -> Result<Option<User>, Error> {
        let query = format!("?username={}&exact=true", seg(username));
        let v = self
            .s
            .authed(self.request(&route::USERS, None, &query))
            .await?
            .check()?
            .json()?;
        let Value::Array(users) = v else {
            return Ok(None);
        };
        // Keycloak lower-cases usernames; compare the same way.
        Ok(users
            .into_iter()
            .map(User)
            .find(|u| u.username().eq_ignore_ascii_case(username)))
    }

    /// Up to `max` usernames that start with `prefix` (as typed, compared without case), for a
    /// shell's completion. Keycloak's `username=` matches anywhere in the name; the prefix is
    /// kept here. Service accounts are not people to complete.
    pub async fn usernames_starting(&self, prefix: &str, max: usize) -> Result<Vec<String>, Error> {
        let query = format!(
            "?username={}&max={max}&briefRepresentation=true",
            seg(prefix)
        );
        let prefix = prefix.to_lowercase();
        Ok(self
            .list(&query)
            .await?
            .into_iter()
            .filter(|u| !u.is_service_account())
            .map(|u| u.username().to_string())
            .filter(|n| n.to_lowercase().starts_with(&prefix))
            .collect())
    }

    /// The user or a not-found error with a hint.
    pub async fn require(&self, username: &str) -> Result<User, Error> {
        self.find(username).await?.ok_or_else(|| {
            Error::not_found(format!("no user `{username}` in realm `{}`", self.realm))
                .with_fix(Fix::CheckUsername)
        })
    }

    /// One page of users, by username.
    pub async fn page(&self, first: usize, max: usize) -> Result<Vec<User>, Error> {
        self.page_where(first, max, None).await
    }

    /// A page of the users whose attributes match `q` exactly (Keycloak's `q=name:value`),
    /// filtered by the server; `None` is every user.
    pub async fn page_where(
        &self,
        first: usize,
        max: usize,
        q: Option<&str>,
    ) -> Result<Vec<User>, Error> {
        let q = q.map(|q| format!("&q={}", seg(q))).unwrap_or_default();
        self.list(&format!("?first={first}&max={max}{q}")).await
    }

    /// The users a list query (`?...`) answers, read with a list's body cap; an answer that is
    /// not a list is no users.
    async fn list(&self, query: &str) -> Result<Vec<User>, Error> {
        let v = self
            .s
            .authed(
                self.request(&route::USERS, None, query)
                    .max_body(super::http::LIST_MAX_BODY),
            )
            .await?
            .check()?
            .json()?;
        let Value::Array(users) = v else {
            return Ok(vec![]);
        };
        Ok(users.into_iter().map(User).collect())
    }

    pub async fn count(&self) -> Result<u64, Error> {
        let r = self
            .s
            .authed(self.request(&route::USERS_COUNT, None, ""))
            .await?
            .check()?;
        let v = r.json()?;
        v.as_u64()
            .ok_or_else(|| Error::network(format!("`{}` did not answer a number", r.url)))
    }

    pub async fn get(&self, id: &str) -> Result<User, Error> {
        let v = self
            .s
            .authed(self.request(&route::USER, Some(id), ""))
            .await?
            .check()?
            .json()?;
        Ok(User(v))
    }

    /// The names of the user's attributes, without building their values: all a reset's
    /// verification needs, read thousands of times in a bulk reset.
    pub async fn attribute_names(&self, id: &str) -> Result<Vec<String>, Error> {
        #[derive(serde::Deserialize)]
        struct AttributeNames {
            #[serde(default)]
            attributes: Option<std::collections::HashMap<String, serde::de::IgnoredAny>>,
        }
        let names: AttributeNames = self
            .s
            .authed(self.request(&route::USER, Some(id), ""))
            .await?
            .check()?
            .json_as()?;
        Ok(names.attributes.unwrap_or_default().into_keys().collect())
    }

    /// PUT the whole user; `attributes` replaces the stored map. A full-representation PUT is
    /// idempotent, so it may be retried.
    pub async fn put(&self, user: &User) -> Result<(), Error> {
        let req = self
            .request(&route::USER_UPDATE, Some(user.id()), "")
            .json(user.0.clone())
            .retry(true);
        self.s.authed(req).await?.check()?;
        Ok(())
    }

    /// Ends every session of the user.
    pub async fn logout(&self, id: &str) -> Result<(), Error> {
        let req = self.request(&route::USER_LOGOUT, Some(id), "").retry(true);
        self.s.authed(req).await?.check()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_segments_are_percent_encoded() {
        assert_eq!(seg("a@b.c+1 /"), "a%40b.c%2B1%20%2F");
    }

    #[test]
    fn attributes_are_read_and_replaced() {
        let u = User(
            serde_json::json!({"id": "1", "username": "u", "attributes": {"a": ["x"], "b": ["y"]}}),
        );
        assert_eq!(u.attr("a").as_deref(), Some("x"));
        let mut m = u.attributes();
        m.remove("a");
        assert_eq!(
            u.with_attributes(m).0["attributes"],
            serde_json::json!({"b": ["y"]})
        );
    }

    /// A tenant whose realm is called `master`: its agent's grant still prints the agent's
    /// variables, is not retried, and sets no `$CX2FA_TOKEN`.
    #[test]
    fn curl_variables_follow_the_grantee_not_the_realm() {
        let grant = Grant::Password {
            client: "cim".into(),
            client_secret: Some(Secret::new("tenant-client-secret")),
            username: "agent".into(),
            password: Secret::new("agent-password"),
        };
        let agent = grant_request("https://h/auth/", "master", &grant, Grantee::Agent);
        let line = crate::api::http::curl_line(&agent);
        assert!(
            line.contains("$CX2FA_USER_PASSWORD") && line.contains("$CX2FA_TENANT_CLIENT_SECRET"),
            "{line}"
        );
        assert!(!line.contains("export"), "{line}");
        assert!(!agent.retry);
        let admin = grant_request("https://h/auth/", "master", &grant, Grantee::Admin);
        let line = crate::api::http::curl_line(&admin);
        assert!(
            line.contains("\"$CX2FA_PASSWORD\"") && line.starts_with("export CX2FA_TOKEN="),
            "{line}"
        );
    }

    fn answer(status: u16, body: &str) -> crate::api::http::Response {
        crate::api::http::Response {
            method: reqwest::Method::POST,
            url: "http://kc/realms/r/protocol/openid-connect/token".into(),
            status,
            body: bytes::Bytes::from(body.to_string()),
            retry_after: None,
            attempts: 1,
            date: None,
            location: None,
        }
    }

    /// Keycloak's answers to a refused password grant, as each version gives them
    /// (docs/deployment-contract.md §8; seen on 26.4.7 and 26.7.3 by tests/cli/real_keycloak.rs).
    #[test]
    fn password_grant_refusals_are_told_apart_on_every_keycloak() {
        let wrong = r#"{"error":"invalid_grant","error_description":"Invalid user credentials"}"#;
        for status in [401, 400] {
            assert_eq!(
                GrantRefusal::classify(&answer(status, wrong)),
                Some(GrantRefusal::WrongCredentials),
                "{status}"
            );
        }
        let cases = [
            (
                r#"{"error":"invalid_grant","error_description":"Account disabled"}"#,
                Some(GrantRefusal::Disabled),
            ),
            (
                r#"{"error":"invalid_grant","error_description":"Account is not fully set up"}"#,
                Some(GrantRefusal::NotFullySetUp),
            ),
            (
                r#"{"error":"unauthorized_client","error_description":"Client not allowed for direct access grants"}"#,
                Some(GrantRefusal::DirectGrantsOff),
            ),
            // A 400 that is none of these is not a refusal of the user's credentials.
            (
                r#"{"error":"invalid_request","error_description":"Missing parameter: username"}"#,
                None,
            ),
            (
                r#"{"error":"invalid_grant","error_description":"Code not valid"}"#,
                None,
            ),
        ];
        for (body, want) in cases {
            assert_eq!(GrantRefusal::classify(&answer(400, body)), want, "{body}");
        }
        assert_eq!(GrantRefusal::classify(&answer(500, wrong)), None);
    }
}

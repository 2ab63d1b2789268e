//! Keycloak's token endpoint and admin users API, as far as docs/deployment-contract.md §2 and §5 go.

use super::state::{Realm, SUser};
use super::util::{self, kc_admin_for, kc_error};
use super::{App, TokenInfo};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Form, Json};
use serde_json::{json, Value};
use std::collections::HashMap;

fn random_token() -> String {
    let bytes: [u8; 24] = rand::random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The UMA grant (`urn:ietf:params:oauth:grant-type:uma-ticket`): the RPT Expertflow's
/// connector asks for right after the password grant, with the user's token as bearer.
const UMA_TICKET: &str = "urn:ietf:params:oauth:grant-type:uma-ticket";

/// The one resource the realms' `cim` client protects, as a deployment's authorization
/// settings give the RPT (the connector reads `authorization.permissions`).
const DEFAULT_RESOURCE: &str = "Default Resource";

pub async fn token(
    State(app): State<App>,
    Path(realm): Path<String>,
    headers: HeaderMap,
    Form(f): Form<HashMap<String, String>>,
) -> Response {
    let grant = f.get("grant_type").map(String::as_str).unwrap_or("");
    if grant == UMA_TICKET {
        return uma_grant(&app, &realm, &headers, &f);
    }
    let (now, info) = {
        let d = app.data.lock().expect("lock");
        let now = d.now_ms();
        let Some(r) = d.realms.get(&realm) else {
            return token_realm_missing();
        };
        let info = if grant == "refresh_token" {
            refresh_grant(&app, &realm, &f, now)
        } else {
            client_grant(&app, r, &realm, grant, &f)
        };
        match info {
            Ok(i) => (now, i),
            Err(refusal) => return refusal,
        }
    };
    issue(&app, grant, now, info)
}

/// The client of a form (`client_id`, `client_secret`), checked as the token endpoint does.
fn check_client(r: &Realm, f: &HashMap<String, String>) -> Result<(), Response> {
    let invalid_client = || {
        kc_error(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "Invalid client or Invalid client credentials",
        )
    };
    match r.clients.get(field(f, "client_id")) {
        Some(secret)
            if secret
                .as_deref()
                .is_none_or(|s| field(f, "client_secret") == s) =>
        {
            Ok(())
        }
        _ => Err(invalid_client()),
    }
}

/// The live token a request carries as `Authorization: Bearer`, of this realm.
fn bearer_info(app: &App, realm: &str, headers: &HeaderMap, now: i64) -> Option<TokenInfo> {
    let token = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))?;
    live_token(app, realm, token, now)
}

/// The live token `token` of this realm.
fn live_token(app: &App, realm: &str, token: &str, now: i64) -> Option<TokenInfo> {
    util::live_token(app, token, now).filter(|i| i.realm == realm)
}

/// The token endpoint's (and the realm discovery's) answer for a realm that does not exist;
/// the admin API words it otherwise ([`realm_missing`]).
fn token_realm_missing() -> Response {
    (
        StatusCode::NOT_FOUND,
        Json(json!({"error": "Realm does not exist"})),
    )
        .into_response()
}

/// An RPT for the bearer's user, with the permission on the client's one resource.
fn uma_grant(app: &App, realm: &str, headers: &HeaderMap, f: &HashMap<String, String>) -> Response {
    let now = {
        let d = app.data.lock().expect("lock");
        let Some(r) = d.realms.get(realm) else {
            return token_realm_missing();
        };
        if let Err(refusal) = check_client(r, f) {
            return refusal;
        }
        if !r.clients.contains_key(field(f, "audience")) {
            return kc_error(
                StatusCode::BAD_REQUEST,
                "invalid_request",
                "Client does not exist",
            );
        }
        d.now_ms()
    };
    match bearer_info(app, realm, headers, now) {
        Some(info) => {
            let mut body = issue_body(app, UMA_TICKET, now, info);
            // Keycloak says whether the RPT upgraded an earlier one; this one never does.
            body["upgraded"] = json!(false);
            Json(body).into_response()
        }
        None => kc_error(
            StatusCode::UNAUTHORIZED,
            "invalid_grant",
            "Invalid bearer token",
        ),
    }
}

/// `POST …/token/introspect`: what a confidential client learns of a token (RFC 7662), as
/// Keycloak answers the connector: the user, realm roles, and an RPT's permissions.
pub async fn introspect(
    State(app): State<App>,
    Path(realm): Path<String>,
    Form(f): Form<HashMap<String, String>>,
) -> Response {
    let d = app.data.lock().expect("lock");
    let Some(r) = d.realms.get(&realm) else {
        return token_realm_missing();
    };
    if let Err(refusal) = check_client(r, &f) {
        return refusal;
    }
    let now = d.now_ms();
    let Some(info) = live_token(&app, &realm, field(&f, "token"), now) else {
        return Json(json!({"active": false})).into_response();
    };
    let user = r.users.get(&info.username.to_lowercase());
    let mut body = json!({
        "active": true,
        "exp": info.expires_ms / 1000,
        "iat": now / 1000,
        "iss": format!("{}/realms/{realm}", app.cfg.keycloak.prefix()),
        "aud": [info.client],
        "typ": "Bearer",
        "azp": info.client,
        "client_id": info.client,
        "username": info.username,
        "preferred_username": info.username,
        "token_type": "Bearer",
        "scope": "profile email",
        "realm_access": {"roles": realm_roles(&realm, user.is_some_and(|u| u.admin))},
        "authorization": {"permissions": [{"rsid": "00000000-0000-4000-8000-00000000d3f1", "rsname": DEFAULT_RESOURCE}]},
    });
    if let Some(u) = user {
        body["sub"] = json!(u.id);
        body["email"] = json!(u.email);
        body["given_name"] = json!(u.first_name);
    }
    Json(body).into_response()
}

/// A tenant realm user's realm roles, as a deployment gives them: its admin `admin`, everyone
/// else `agent` (Expertflow's connector lets an agent in only with a team and a permission
/// group: [`user_groups`] and the sandbox's team API).
fn realm_roles(realm: &str, admin: bool) -> Vec<String> {
    let own = if admin { "admin" } else { "agent" };
    vec![
        "offline_access".into(),
        "uma_authorization".into(),
        format!("default-roles-{realm}"),
        own.into(),
    ]
}

/// `GET /admin/realms/{realm}/users/{id}/groups`: an agent is in `agents_permission`, the
/// permission group Expertflow's connector requires of the `agent` role.
pub async fn user_groups(
    State(app): State<App>,
    headers: HeaderMap,
    Path((realm, id)): Path<(String, String)>,
) -> Response {
    if let Err(r) = kc_admin_for(&app, &headers, &realm) {
        return r;
    }
    let d = app.data.lock().expect("lock");
    let Some(r) = d.realms.get(&realm) else {
        return realm_missing();
    };
    match r.users.values().find(|u| u.id == id) {
        Some(u) if u.admin => Json(json!([])).into_response(),
        Some(_) => Json(json!([{
            "id": "00000000-0000-4000-8000-0000000a9e47",
            "name": "agents_permission",
            "path": "/agents_permission",
            "subGroups": [],
        }]))
        .into_response(),
        None => (
            StatusCode::NOT_FOUND,
            Json(json!({"error": "User not found"})),
        )
            .into_response(),
    }
}

/// `GET {ef-server-url}team/user/{id}`: the unified admin's team API, as Expertflow's connector
/// reads it for an agent (every agent in the default team; nobody supervises one).
pub async fn user_team(Path(id): Path<String>) -> Response {
    Json(json!({
        "userTeam": {"teamId": "default-team", "teamName": "Default Team", "userId": id},
        "supervisedTeams": [],
    }))
    .into_response()
}

/// A form field, empty when absent.
fn field<'a>(f: &'a HashMap<String, String>, k: &str) -> &'a str {
    f.get(k).map(String::as_str).unwrap_or("")
}

/// `grant_type=refresh_token`: a refresh token of this realm, still valid, used once.
fn refresh_grant(
    app: &App,
    realm: &str,
    f: &HashMap<String, String>,
    now: i64,
) -> Result<TokenInfo, Response> {
    let info = app
        .refresh
        .lock()
        .expect("lock")
        .remove(field(f, "refresh_token"));
    match info {
        Some(i) if i.realm == realm && i.expires_ms > now => Ok(i),
        _ => Err(kc_error(
            StatusCode::BAD_REQUEST,
            "invalid_grant",
            "Invalid refresh token",
        )),
    }
}

/// The grants that name a client: the client (and its secret, when it has one) first, then
/// the grant itself.
fn client_grant(
    app: &App,
    r: &Realm,
    realm: &str,
    grant: &str,
    f: &HashMap<String, String>,
) -> Result<TokenInfo, Response> {
    let client_id = field(f, "client_id");
    // Keycloak's answer to an unknown client and to a wrong client secret alike.
    let invalid_client = || {
        kc_error(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "Invalid client or Invalid client credentials",
        )
    };
    let Some(secret) = r.clients.get(client_id) else {
        return Err(invalid_client());
    };
    if secret
        .as_deref()
        .is_some_and(|s| field(f, "client_secret") != s)
    {
        return Err(invalid_client());
    }
    match grant {
        "password" if app.cfg.keycloak.no_direct_grants && realm != "master" => Err(kc_error(
            StatusCode::BAD_REQUEST,
            "unauthorized_client",
            "Client not allowed for direct access grants",
        )),
        "password" => password_grant(app, r, realm, client_id, f),
        "client_credentials" if secret.is_none() => Err(kc_error(
            StatusCode::UNAUTHORIZED,
            "unauthorized_client",
            "Client not enabled to retrieve service account",
        )),
        "client_credentials" => Ok(TokenInfo {
            realm: realm.into(),
            username: format!("service-account-{client_id}"),
            client: client_id.into(),
            // A master-realm automation client is given the admin role.
            admin: realm == "master",
            expires_ms: 0,
        }),
        "" => Err(kc_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "Missing form parameter: grant_type",
        )),
        other => Err(kc_error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            &format!("Unsupported grant_type {other}"),
        )),
    }
}

/// `grant_type=password`, with Keycloak's brute-force lockout and its order of answers.
fn password_grant(
    app: &App,
    r: &Realm,
    realm: &str,
    client_id: &str,
    f: &HashMap<String, String>,
) -> Result<TokenInfo, Response> {
    let status = if app.cfg.keycloak.wrong_password_400 {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::UNAUTHORIZED
    };
    let wrong = || kc_error(status, "invalid_grant", "Invalid user credentials");
    let name = field(f, "username").to_lowercase();
    let user = r.users.get(&name);
    let right = user.is_some_and(|u| u.password == field(f, "password"));
    {
        let key = (realm.to_string(), name);
        let lockout = app.cfg.keycloak.lockout_after;
        let mut failures = app.failures.lock().expect("lock");
        let failed = failures.get(&key).copied().unwrap_or(0);
        if !right {
            *failures.entry(key).or_default() += 1;
        }
        // A locked-out user gets the wrong-password answer, right password or not: Keycloak
        // does not tell an attacker that the lockout is on.
        if lockout > 0 && failed >= lockout {
            return Err(wrong());
        }
    }
    match user {
        Some(u) if right && u.enabled && !u.required_actions.is_empty() => Err(kc_error(
            StatusCode::BAD_REQUEST,
            "invalid_grant",
            "Account is not fully set up",
        )),
        Some(u) if right && u.enabled => Ok(TokenInfo {
            realm: realm.into(),
            username: u.username.clone(),
            client: client_id.into(),
            admin: u.admin,
            expires_ms: 0,
        }),
        // Keycloak checks the password first, then tells a disabled account.
        Some(_) if right => Err(kc_error(
            StatusCode::BAD_REQUEST,
            "invalid_grant",
            "Account disabled",
        )),
        _ => Err(wrong()),
    }
}

/// Issues the access token (and, except for a service account, a refresh token and a
/// session) for `info`.
fn issue(app: &App, grant: &str, now: i64, info: TokenInfo) -> Response {
    Json(issue_body(app, grant, now, info)).into_response()
}

/// The token endpoint's answer for `info`, its tokens recorded.
fn issue_body(app: &App, grant: &str, now: i64, mut info: TokenInfo) -> Value {
    let lifetime = app.cfg.token_lifetime;
    let access = random_token();
    info.expires_ms = now + lifetime as i64 * 1000;
    let mut body = json!({
        "access_token": access,
        "expires_in": lifetime,
        "token_type": "Bearer",
        "not-before-policy": 0,
        "scope": "profile email",
    });
    if grant != "client_credentials" {
        let refresh = random_token();
        body["refresh_token"] = json!(refresh);
        body["refresh_expires_in"] = json!(1800);
        let mut r = info.clone();
        r.expires_ms = now + 1_800_000;
        app.refresh.lock().expect("lock").insert(refresh, r);
        if grant == "password" {
            let mut d = app.data.lock().expect("lock");
            if let Some(realm) = d.realms.get_mut(&info.realm) {
                if let Some(u) = realm.users.get(&info.username.to_lowercase()) {
                    let id = u.id.clone();
                    *realm.sessions.entry(id).or_default() += 1;
                }
            }
        }
    }
    app.tokens.lock().expect("lock").insert(access, info);
    body
}

/// `GET /admin/realms/{realm}/users/profile`: 404 before Keycloak 24.
pub async fn user_profile(
    State(app): State<App>,
    headers: HeaderMap,
    Path(realm): Path<String>,
) -> Response {
    if let Err(r) = kc_admin_for(&app, &headers, &realm) {
        return r;
    }
    if !app.data.lock().expect("lock").realms.contains_key(&realm) {
        return realm_missing();
    }
    match &app.cfg.keycloak.profile {
        None => (
            StatusCode::NOT_FOUND,
            Json(json!({"error": "HTTP 404 Not Found"})),
        )
            .into_response(),
        Some(p) => Json(p.to_json()).into_response(),
    }
}

/// `GET /realms/{realm}/.well-known/openid-configuration`: where Keycloak is.
pub async fn openid_configuration(
    State(app): State<App>,
    headers: HeaderMap,
    Path(realm): Path<String>,
) -> Response {
    if !app.data.lock().expect("lock").realms.contains_key(&realm) {
        return token_realm_missing();
    }
    let host = headers
        .get(axum::http::header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("localhost");
    let issuer = format!("http://{host}{}/realms/{realm}", app.cfg.keycloak.prefix());
    Json(json!({
        "issuer": issuer,
        "token_endpoint": format!("{issuer}/protocol/openid-connect/token"),
    }))
    .into_response()
}

fn realm_missing() -> Response {
    (
        StatusCode::NOT_FOUND,
        Json(json!({"error": "Realm not found."})),
    )
        .into_response()
}

fn user_missing() -> Response {
    (
        StatusCode::NOT_FOUND,
        Json(json!({"error": "User not found"})),
    )
        .into_response()
}

pub async fn list_users(
    State(app): State<App>,
    headers: HeaderMap,
    Path(realm): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    if let Err(r) = kc_admin_for(&app, &headers, &realm) {
        return r;
    }
    let profile = app.cfg.keycloak.profile.as_ref();
    let d = app.data.lock().expect("lock");
    let Some(r) = d.realms.get(&realm) else {
        return realm_missing();
    };
    let users: Vec<Value> = select(r, &q)
        .into_iter()
        .map(|u| u.to_json(profile))
        .collect();
    Json(users).into_response()
}

/// The users a `GET …/users` query selects: by username (exact, or a part of it), by `search`
/// (a part of the username or e-mail), by attribute (`q`), or all; a page of them (`first`,
/// `max`), except for an exact username.
fn select<'a>(r: &'a Realm, q: &HashMap<String, String>) -> Vec<&'a SUser> {
    let first: usize = q.get("first").and_then(|s| s.parse().ok()).unwrap_or(0);
    let max: usize = q.get("max").and_then(|s| s.parse().ok()).unwrap_or(100);
    let page = |users: &mut dyn Iterator<Item = &'a SUser>| -> Vec<&'a SUser> {
        users.skip(first).take(max).collect()
    };
    if let Some(name) = q.get("username") {
        let name = name.to_lowercase();
        if q.get("exact").is_some_and(|s| s == "true") {
            return r.users.get(&name).into_iter().collect();
        }
        let mut users = r
            .users
            .iter()
            .filter(|(k, _)| k.contains(&name))
            .map(|(_, u)| u);
        page(&mut users)
    } else if let Some(s) = q.get("search").filter(|s| !s.is_empty() && *s != "*") {
        let s = s.to_lowercase();
        page(&mut r.users.values().filter(|u| {
            u.username.to_lowercase().contains(&s)
                || u.email
                    .as_deref()
                    .is_some_and(|e| e.to_lowercase().contains(&s))
        }))
    } else if let Some(q) = q.get("q").filter(|q| !q.is_empty()) {
        let pairs: Vec<(&str, &str)> = q.split(' ').filter_map(|p| p.split_once(':')).collect();
        page(&mut r.users.values().filter(|u| has_attributes(u, &pairs)))
    } else {
        page(&mut r.users.values())
    }
}

/// Keycloak's `q=name:value name2:value2`, as 26.4 and 26.7 answer it
/// (tests/cli/differential.rs): the attribute name matches exactly, the value exactly but
/// whatever its case, and the stored values are searched, including attributes the user
/// profile hides from GET.
fn has_attributes(u: &SUser, pairs: &[(&str, &str)]) -> bool {
    pairs.iter().all(|(k, v)| {
        u.attributes
            .as_ref()
            .and_then(|a| a.get(*k))
            .and_then(Value::as_array)
            .is_some_and(|vals| {
                vals.iter()
                    .any(|x| x.as_str().is_some_and(|x| x.eq_ignore_ascii_case(v)))
            })
    })
}

pub async fn count_users(
    State(app): State<App>,
    headers: HeaderMap,
    Path(realm): Path<String>,
) -> Response {
    if let Err(r) = kc_admin_for(&app, &headers, &realm) {
        return r;
    }
    let d = app.data.lock().expect("lock");
    match d.realms.get(&realm) {
        Some(r) => Json(r.users.len()).into_response(),
        None => realm_missing(),
    }
}

pub async fn get_user(
    State(app): State<App>,
    headers: HeaderMap,
    Path((realm, id)): Path<(String, String)>,
) -> Response {
    if let Err(r) = kc_admin_for(&app, &headers, &realm) {
        return r;
    }
    let profile = app.cfg.keycloak.profile.as_ref();
    with_user(&app, &realm, &id, |u| {
        Json(u.to_json(profile)).into_response()
    })
    .unwrap_or_else(|missing| missing)
}

/// `f` of user `id` of `realm`, or Keycloak's answer for whichever of the two is missing.
fn with_user<T>(
    app: &App,
    realm: &str,
    id: &str,
    f: impl FnOnce(&mut SUser) -> T,
) -> Result<T, Response> {
    let mut d = app.data.lock().expect("lock");
    let r = d.realms.get_mut(realm).ok_or_else(realm_missing)?;
    r.by_id_mut(id).map(f).ok_or_else(user_missing)
}

/// Attribute values as Keycloak stores them: its `StringListMapDeserializer` takes a bare value
/// (`"is2FARegistered": false`, `"otpExpiry": 60`, as Expertflow's connector sends them) as a
/// one-element list of its text, and each element of an array as its text; a null element is
/// dropped. An object is refused (Keycloak fails to read it as text too).
fn string_lists(m: &serde_json::Map<String, Value>) -> Option<serde_json::Map<String, Value>> {
    let text = |v: &Value| match v {
        Value::String(s) => Some(Some(Value::String(s.clone()))),
        Value::Number(n) => Some(Some(Value::String(n.to_string()))),
        Value::Bool(b) => Some(Some(Value::String(b.to_string()))),
        Value::Null => Some(None),
        _ => None,
    };
    m.iter()
        .map(|(k, v)| {
            let values: Option<Vec<Value>> = match v {
                Value::Array(a) => a
                    .iter()
                    .map(text)
                    .collect::<Option<Vec<_>>>()
                    .map(|v| v.into_iter().flatten().collect()),
                one => text(one).map(|v| v.into_iter().collect()),
            };
            values.map(|vs| (k.clone(), Value::Array(vs)))
        })
        .collect()
}

/// PUT a user representation: fields present are updated; `attributes`, when present,
/// replaces the stored map as a whole (Keycloak's behaviour).
pub async fn put_user(
    State(app): State<App>,
    headers: HeaderMap,
    Path((realm, id)): Path<(String, String)>,
    body: axum::body::Bytes,
) -> Response {
    if let Err(r) = kc_admin_for(&app, &headers, &realm) {
        return r;
    }
    let Ok(Value::Object(rep)) = serde_json::from_slice::<Value>(&body) else {
        return kc_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "Request body must be a user representation",
        );
    };
    let attrs = match rep_attributes(&rep) {
        Ok(a) => a,
        Err(refusal) => return refusal,
    };
    let profile = app.cfg.keycloak.profile.as_ref();
    if let Err(missing) = with_user(&app, &realm, &id, |u| update(u, &rep, attrs, profile)) {
        return missing;
    }
    app.touch();
    StatusCode::NO_CONTENT.into_response()
}

type Attributes = serde_json::Map<String, Value>;

/// A representation's `attributes` as stored lists; `None` when it has none.
fn rep_attributes(rep: &Attributes) -> Result<Option<Attributes>, Response> {
    let invalid = |why| kc_error(StatusCode::BAD_REQUEST, "invalid_request", why);
    match rep.get("attributes") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Object(m)) => string_lists(m).map(Some).ok_or_else(|| {
            invalid("attribute values must be strings, numbers, booleans or arrays of them")
        }),
        Some(_) => Err(invalid("attributes must be an object")),
    }
}

/// Applies representation `rep` (its attributes already read) to `u`, under `profile`.
fn update(
    u: &mut SUser,
    rep: &Attributes,
    attrs: Option<Attributes>,
    profile: Option<&super::variant::UserProfile>,
) {
    // With a user profile, a body with `attributes` is the whole user: a core field it
    // leaves out is removed (the Keycloak 22–24 behaviour that wiped e-mails).
    let whole = profile.is_some() && attrs.is_some();
    if let Some(e) = rep.get("email").and_then(Value::as_str) {
        u.email = Some(e.to_string());
    } else if whole {
        u.email = None;
    }
    if let Some(f) = rep.get("firstName").and_then(Value::as_str) {
        u.first_name = Some(f.to_string());
    } else if whole {
        u.first_name = None;
    }
    if let Some(en) = rep.get("enabled").and_then(Value::as_bool) {
        u.enabled = en;
    }
    if let Some(a) = attrs {
        let merged = match profile {
            None => a,
            // Only writable attributes change (set, or removed when left out); the rest
            // stay as they were, and the answer is still 204.
            Some(p) => {
                let mut m = u.attributes.clone().unwrap_or_default();
                m.retain(|k, _| !p.writable(k));
                m.extend(a.into_iter().filter(|(k, _)| p.writable(k)));
                m
            }
        };
        u.attributes = (!merged.is_empty()).then_some(merged);
    }
}

pub async fn logout(
    State(app): State<App>,
    headers: HeaderMap,
    Path((realm, id)): Path<(String, String)>,
) -> Response {
    if let Err(r) = kc_admin_for(&app, &headers, &realm) {
        return r;
    }
    let mut d = app.data.lock().expect("lock");
    let Some(r) = d.realms.get_mut(&realm) else {
        return realm_missing();
    };
    if r.by_id_mut(&id).is_none() {
        return user_missing();
    }
    r.sessions.remove(&id);
    drop(d);
    app.touch();
    StatusCode::NO_CONTENT.into_response()
}

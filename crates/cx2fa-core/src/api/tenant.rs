//! The tenant API (docs/deployment-contract.md §3).

use super::http::{Body, Request, Response};
use super::keycloak::seg;
use super::session::Session;
use crate::error::{Error, Fix};
use crate::settings::secrets;
use crate::settings::Tenant;
use cx2fa_platform::contract;
use serde_json::Value;

pub struct Tenants<'a> {
    pub s: &'a Session,
}

fn data_part(doc: &Value) -> (String, Option<String>, String, Vec<u8>) {
    // serde_json with preserve_order + arbitrary_precision writes keys and numbers as read.
    let bytes = serde_json::to_vec(doc).expect("a Value always serializes");
    (
        contract::TENANT_DATA_PART.into(),
        None,
        "application/json".into(),
        bytes,
    )
}

impl<'a> Tenants<'a> {
    pub fn new(s: &'a Session) -> Self {
        Tenants { s }
    }

    /// The list endpoint's answer, of any status: for [`Tenants::list`] and
    /// [`Tenants::server_date`].
    async fn list_response(&self) -> Result<Response, Error> {
        self.s
            .authed(
                Request::new(
                    contract::tenant::LIST.method,
                    self.s.ep.tenant_api(&contract::tenant::LIST.path(&[])),
                )
                .max_body(crate::api::http::LIST_MAX_BODY),
            )
            .await
    }

    /// The server's clock, from the `Date` of the list endpoint's answer (`None` when it sent
    /// none or one that does not parse); a refusal is the list's error.
    pub async fn server_date(
        &self,
    ) -> Result<Option<chrono::DateTime<chrono::FixedOffset>>, Error> {
        let resp = self.list_response().await?.check()?;
        Ok(resp
            .date
            .as_deref()
            .and_then(|d| chrono::DateTime::parse_from_rfc2822(d).ok()))
    }

    /// Every tenant document, as the server sent it.
    pub async fn list(&self) -> Result<Vec<Tenant>, Error> {
        let resp = self.list_response().await?.check()?;
        match resp.json()? {
            Value::Array(items) => {
                // Their secrets are scrubbed from everything printed from now on: a server
                // echoing a document back in an error cannot show them.
                items.iter().for_each(secrets::remember_document);
                Ok(items.into_iter().map(Tenant).collect())
            }
            other => Err(Error::network(format!(
                "`GET {}` answered {} instead of a list of tenants",
                resp.url,
                crate::settings::model::json_type(&other)
            ))
            .with_url(&resp.url)),
        }
    }

    /// One tenant by id; an unknown id suggests the closest existing one.
    pub async fn get(&self, id: &str) -> Result<Tenant, Error> {
        let all = self.list().await?;
        find(all, id)
    }

    /// One tenant by id, to work on its realm's users: its realm checked
    /// ([`check_realm`]), and the other tenants whose realm is the same (each of them
    /// would see what is done to this one).
    pub async fn get_for_users(&self, id: &str) -> Result<(Tenant, Vec<String>), Error> {
        let all = self.list().await?;
        let others: Vec<String> = match all.iter().find(|t| t.id() == id) {
            Some(me) => sharing(me, &all),
            None => vec![],
        };
        let t = find(all, id)?;
        check_realm(&t)?;
        Ok((t, others))
    }

    /// Sends the whole document. Not retried: after a failure the caller re-reads to learn
    /// whether it took effect.
    pub async fn update(&self, doc: &Tenant) -> Result<(), Unwritten> {
        let url = self.s.ep.tenant_api(&format!(
            "{}?{}={}",
            contract::tenant::UPDATE.path(&[]),
            contract::tenant::UPDATE_ID_PARAM,
            seg(doc.id())
        ));
        secrets::remember_document(&doc.0);
        let mut req = Request::new(contract::tenant::UPDATE.method, url).retry(false);
        req.body = Body::Multipart(vec![data_part(&doc.0)]);
        written(self.s.authed(req).await)
    }

    /// Creates a tenant, with its logo when given (file name, bytes).
    pub async fn create(
        &self,
        doc: &Tenant,
        logo: Option<(String, Vec<u8>)>,
    ) -> Result<(), Unwritten> {
        secrets::remember_document(&doc.0);
        let url = self.s.ep.tenant_api(&contract::tenant::CREATE.path(&[]));
        let mut req = Request::new(contract::tenant::CREATE.method, url).retry(false);
        let mut parts = vec![data_part(&doc.0)];
        if let Some((name, bytes)) = logo {
            let ctype = if name.to_ascii_lowercase().ends_with(".png") {
                "image/png"
            } else {
                "application/octet-stream"
            };
            parts.push((
                contract::TENANT_LOGO_PART.into(),
                Some(name),
                ctype.into(),
                bytes,
            ));
        }
        req.body = Body::Multipart(parts);
        written(self.s.authed(req).await)
    }
}

/// A write (not retried) that the server did not accept, told apart by whether it may have
/// taken effect: that decides what the caller does next.
#[derive(Debug)]
pub enum Unwritten {
    /// Refused outright (a 4xx other than 429): nothing changed. The answer's status and body
    /// say why.
    Refused {
        error: Error,
        status: u16,
        body: String,
    },
    /// A 5xx, a 429 or a broken connection: it may or may not have taken effect.
    Unknown(Error),
}

impl From<Unwritten> for Error {
    fn from(u: Unwritten) -> Self {
        match u {
            Unwritten::Refused { error, .. } | Unwritten::Unknown(error) => error,
        }
    }
}

/// A write's answer as [`Unwritten`] when it is not a success.
fn written(answer: Result<Response, Error>) -> Result<(), Unwritten> {
    let resp = answer.map_err(Unwritten::Unknown)?;
    if resp.ok() {
        return Ok(());
    }
    let error = crate::api::http::status_error(&resp);
    if resp.status < 500 && resp.status != 429 {
        Err(Unwritten::Refused {
            error,
            status: resp.status,
            body: String::from_utf8_lossy(&resp.body).into_owned(),
        })
    } else {
        Err(Unwritten::Unknown(error))
    }
}

/// The realm of `t`, when a tenant operation may work in it. `master` is refused: it holds
/// the administrators whose token cx2fa uses, and a reset there would write them. An empty
/// name, `.` and `..` are no realm at all: as path segments they reach other endpoints than the
/// ones cx2fa shows (`admin/realms/../users` is `admin/users`).
pub fn check_realm(t: &Tenant) -> Result<&str, Error> {
    let realm = t.realm();
    if matches!(realm.trim(), "" | "." | ".." | "master") {
        return Err(Error::failed(format!(
            "tenant `{}` has realm `{realm}`, which no tenant operation works in",
            t.id()
        ))
        .with_fix(Fix::TenantRealm {
            tenant: t.id().to_string(),
        }));
    }
    Ok(realm)
}

/// The ids of the tenants of `all` other than `t` whose realm is `t`'s.
pub fn sharing(t: &Tenant, all: &[Tenant]) -> Vec<String> {
    all.iter()
        .filter(|o| o.id() != t.id() && o.realm() == t.realm())
        .map(|o| o.id().to_string())
        .collect()
}

/// Picks tenant `id` from a list, or a not-found error with a did-you-mean.
pub fn find(all: Vec<Tenant>, id: &str) -> Result<Tenant, Error> {
    let ids: Vec<String> = all.iter().map(|t| t.id().to_string()).collect();
    if let Some(t) = all.into_iter().find(|t| t.id() == id) {
        return Ok(t);
    }
    let mut e = Error::not_found(format!("no tenant `{id}` on this deployment"));
    let best = ids
        .iter()
        .map(|c| (c, strsim::jaro_winkler(c, id)))
        .filter(|(_, s)| *s > 0.7)
        .max_by(|a, b| a.1.total_cmp(&b.1));
    e = match best {
        Some((c, _)) => e.with_fix(Fix::DidYouMeanTenant(c.to_string())),
        None => e.with_fix(Fix::KnownTenants(
            ids.iter().map(|s| s.to_string()).collect(),
        )),
    };
    Err(e)
}

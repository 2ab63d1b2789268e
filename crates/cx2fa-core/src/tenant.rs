//! Creating a tenant (docs/deployment-contract.md §3): the checks `policy apply` makes before
//! a write, for a tenant about to exist, then the create and a read-back.

use crate::api::keycloak::Users;
use crate::api::tenant::{Tenants, Unwritten};
use crate::api::Session;
use crate::error::{Error, Fix};
use crate::settings::model::same_meaning;
use crate::settings::Tenant;

/// A logo to send with a new tenant: its file name and bytes.
pub struct Logo {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// What [`check_new`] checks.
pub struct CreateOptions<'a> {
    pub doc: &'a Tenant,
    /// Go on when the tenant's OTP channel does not exist yet (as `policy apply` allows).
    pub skip_channel_check: bool,
}

/// Whether `doc` can be created: no tenant of its id, a realm name the platform can create, a
/// realm that does not exist yet, and (2FA by EMAIL/SMS) an OTP channel that exists with the
/// right type. Writes nothing; a dry run is exactly this.
pub async fn check_new(s: &Session, o: &CreateOptions<'_>) -> Result<(), Error> {
    let doc = o.doc;
    if Tenants::new(s)
        .list()
        .await?
        .iter()
        .any(|t| t.id() == doc.id())
    {
        return Err(Error::conflict(format!(
            "tenant `{}` already exists; nothing was created",
            doc.id()
        ))
        .with_fix(Fix::TenantExists));
    }
    let realm = doc.realm();
    if matches!(realm, "" | "." | ".." | "master") {
        return Err(Error::failed(format!(
            "realm `{realm}` cannot be a tenant's realm; nothing was created"
        ))
        .with_fix(Fix::RealmOfItsOwn));
    }
    // The realm's user count answers 404 exactly when the realm does not exist.
    match Users::new(s, realm).count().await {
        Ok(_) => {
            return Err(Error::conflict(format!(
                "Keycloak realm `{realm}` already exists; nothing was created"
            ))
            .with_fix(Fix::NewRealm))
        }
        Err(e) if e.status == Some(404) => {}
        Err(e) => return Err(e),
    }
    check_channel(s, doc, o.skip_channel_check).await
}

async fn check_channel(s: &Session, doc: &Tenant, skip: bool) -> Result<(), Error> {
    let p = doc.two_fa();
    if let (true, Some(ct), Some(id)) = (p.enabled, p.channel_type, p.identifier.as_deref()) {
        if ct.uses_channel() {
            let check = crate::readiness::check_channel(s, ct, id).await?;
            if !check.ok && !skip {
                return Err(Error::failed(format!(
                    "tenant `{}`: {}; nothing was created",
                    doc.id(),
                    check.message
                ))
                .with_fix(Fix::ChannelBeforeTenant));
            }
        }
    }
    Ok(())
}

/// Creates `doc` (with `logo`) and reads it back: the tenant as stored, which must mean what
/// the document meant. A release that requires a logo, and a realm that exists already, are
/// told apart by their answers ([`Fix::LogoRequired`], [`Fix::RealmTaken`]).
pub async fn create(s: &Session, doc: &Tenant, logo: Option<Logo>) -> Result<Tenant, Error> {
    let api = Tenants::new(s);
    match api.create(doc, logo.map(|l| (l.name, l.bytes))).await {
        Ok(()) => {}
        Err(Unwritten::Refused {
            error,
            status,
            body,
        }) => {
            return Err(match refusal_fix(status, body.as_bytes(), doc.realm()) {
                Some(f) => error.with_fix(f),
                None => error,
            })
        }
        Err(Unwritten::Unknown(e)) => return Err(e),
    }
    let stored = api.get(doc.id()).await?;
    if !same_meaning(&stored.0, &doc.0) {
        return Err(Error::failed(format!(
            "tenant `{}` was created but the stored document differs from the file",
            doc.id()
        ))
        .with_fix(Fix::InspectTenant));
    }
    Ok(stored)
}

/// What a refused create asks for, read from its answer: the platform says "logo" in a 400
/// when its release requires one, and "realm" in a 409 when the realm exists.
fn refusal_fix(status: u16, body: &[u8], realm: &str) -> Option<Fix> {
    let body = String::from_utf8_lossy(body).to_lowercase();
    match status {
        400 if body.contains("logo") => Some(Fix::LogoRequired),
        409 if body.contains("realm") => Some(Fix::RealmTaken {
            realm: realm.to_string(),
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_create_is_told_apart_by_its_answer() {
        assert_eq!(
            refusal_fix(400, b"{\"message\":\"Logo is required\"}", "r"),
            Some(Fix::LogoRequired)
        );
        assert_eq!(
            refusal_fix(409, b"Realm exists", "r"),
            Some(Fix::RealmTaken { realm: "r".into() })
        );
        assert_eq!(refusal_fix(409, b"logo", "r"), None);
        assert_eq!(refusal_fix(500, b"realm logo", "r"), None);
    }
}

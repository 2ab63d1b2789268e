//! The sandbox's outbox (`cx2fa sandbox`): where the emulated OTP manager keeps the codes it
//! would have mailed or texted, so that a scripted login can read them back.

use super::http::Request;
use super::keycloak::seg;
use super::{Secret, Session};
use crate::error::Error;
use cx2fa_platform::contract::sandbox;

/// The sandbox's outbox, reached through `s`'s deployment.
pub struct Outbox<'a> {
    s: &'a Session,
    /// The sandbox run's helper token (its banner's export lines), sent in
    /// [`sandbox::TOKEN_HEADER`].
    token: Option<&'a Secret>,
}

impl<'a> Outbox<'a> {
    pub fn new(s: &'a Session, token: Option<&'a Secret>) -> Self {
        Outbox { s, token }
    }

    /// The newest code sent to `contact`; `None` when none was.
    pub async fn latest_code(&self, contact: &str) -> Result<Option<Secret>, Error> {
        let url = format!(
            "{}{}?to={}",
            self.s.ep.base,
            sandbox::OUTBOX.path(&[]),
            seg(contact)
        );
        let mut req = Request::new(sandbox::OUTBOX.method, url);
        if let Some(t) = self.token {
            req = req.header(sandbox::TOKEN_HEADER, t.expose());
        }
        let v = self.s.http.send(req).await?.check()?.json()?;
        Ok(v.as_array()
            .and_then(|a| a.last())
            .and_then(|e| e.get("code"))
            .and_then(|c| c.as_str())
            .map(Secret::new))
    }
}

//! The channel manager (docs/deployment-contract.md §4).

use super::http::Request;
use super::session::Session;
use crate::error::Error;
use cx2fa_platform::contract;
use serde::Serialize;
use serde_json::Value;

/// A channel as listed by the channel manager.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Channel {
    pub id: String,
    pub name: String,
    #[serde(rename = "serviceIdentifier")]
    pub service_identifier: String,
    /// `channelType.name`, e.g. `EMAIL`, `SMS`, `WEB`.
    #[serde(rename = "channelType")]
    pub channel_type: String,
    pub connector: String,
}

impl Channel {
    fn from_value(v: &Value) -> Self {
        let s = |p: &str| {
            v.pointer(p)
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string()
        };
        Channel {
            id: s("/id"),
            name: s("/name"),
            service_identifier: s("/serviceIdentifier"),
            channel_type: s("/channelType/name"),
            connector: s("/channelConnector/name"),
        }
    }
}

pub struct Channels<'a> {
    pub s: &'a Session,
}

impl<'a> Channels<'a> {
    pub fn new(s: &'a Session) -> Self {
        Channels { s }
    }

    /// The deployment's channels; `None` when the list endpoint does not exist (404).
    pub async fn list(&self) -> Result<Option<Vec<Channel>>, Error> {
        let resp = self
            .s
            .authed(
                Request::new(
                    contract::ccm::CHANNELS.method,
                    self.s.ep.ccm(&contract::ccm::CHANNELS.path(&[])),
                )
                .max_body(crate::api::http::LIST_MAX_BODY),
            )
            .await?;
        if resp.status == 404 {
            return Ok(None);
        }
        let v = resp.check()?.json()?;
        Ok(Some(
            v.as_array()
                .map(|a| a.iter().map(Channel::from_value).collect())
                .unwrap_or_default(),
        ))
    }

    /// Whether a channel with this service identifier exists (the configuration probe); its
    /// configuration entries when it does.
    pub async fn probe(&self, identifier: &str) -> Result<Option<Value>, Error> {
        let url = self.s.ep.ccm(&contract::ccm::PROBE.path(&[identifier]));
        let resp = self
            .s
            .authed(Request::new(contract::ccm::PROBE.method, url))
            .await?;
        if resp.status == 404 {
            return Ok(None);
        }
        Ok(Some(resp.check()?.json()?))
    }
}

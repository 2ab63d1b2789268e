//! `cx2fa channel list`: the deployment's channels with their type and service identifier.

use crate::ctx::Ctx;
use crate::error::CommandError;
use crate::output::{Printer, Report};
use cx2fa_core::api::channels::{Channel, Channels};
use cx2fa_core::api::Session;
use serde::Serialize;

#[derive(Debug, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ChannelList {
    pub channels: Vec<Channel>,
}

impl Report for ChannelList {
    fn render(&self, out: &Printer) -> String {
        let mut t = out.table(&["type", "service identifier", "name", "connector"]);
        for c in &self.channels {
            t.add_row(vec![
                c.channel_type.clone(),
                c.service_identifier.clone(),
                c.name.clone(),
                c.connector.clone(),
            ]);
        }
        t.to_string()
    }
    fn csv(&self) -> Option<Vec<Vec<String>>> {
        let mut rows = vec![vec![
            "type".into(),
            "serviceIdentifier".into(),
            "name".into(),
            "connector".into(),
        ]];
        rows.extend(self.channels.iter().map(|c| {
            vec![
                c.channel_type.clone(),
                c.service_identifier.clone(),
                c.name.clone(),
                c.connector.clone(),
            ]
        }));
        Some(rows)
    }
}

pub(super) async fn run(ctx: &Ctx, s: &Session) -> Result<(), CommandError> {
    let channels = Channels::new(s).list().await?.ok_or_else(|| {
        CommandError::not_found("this deployment's channel manager has no channel list endpoint")
            .with_hint(
            "check one identifier with `cx2fa channel check --type EMAIL --identifier <sender>`",
        )
    })?;
    ctx.out.data(&ChannelList { channels })
}

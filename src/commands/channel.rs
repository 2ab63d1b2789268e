//! `cx2fa channel list|check`.

use super::Ctx;
use crate::error::Error;
use crate::output::{Printer, Report};
use clap::{Args, Subcommand};
use cx2fa_core::api::channels::{Channel, Channels};
use cx2fa_core::readiness::{self, ChannelCheck};
use cx2fa_core::settings::ChannelType;
use serde::Serialize;

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum ChannelCmd {
    /// List the deployment's channels with their type and service identifier
    ///
    /// Examples:
    ///   cx2fa channel list
    #[command(verbatim_doc_comment)]
    List,
    /// Check that an OTP channel exists and has the right type (defaults: the tenant's policy)
    ///
    /// Examples:
    ///   cx2fa channel check -t expertflow
    ///   cx2fa channel check --type SMS --identifier +15550001000
    #[command(verbatim_doc_comment)]
    Check(CheckArgs),
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The channel type to expect
    #[arg(long = "type", value_enum)]
    pub channel_type: Option<ChannelType>,
    /// The service identifier to look for
    #[arg(long, value_name = "ID")]
    pub identifier: Option<String>,
}

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

impl Report for ChannelCheck {
    fn render(&self, out: &Printer) -> String {
        let mark = if self.ok {
            out.paint("ok", "32")
        } else {
            out.paint("FAILED", "31")
        };
        format!("{mark}: {}", self.message)
    }
}

pub async fn run(ctx: &Ctx, cmd: ChannelCmd) -> Result<(), Error> {
    let s = ctx.session().await?;
    match cmd {
        ChannelCmd::List => {
            let channels = Channels::new(&s).list().await?.ok_or_else(|| {
                Error::not_found("this deployment's channel manager has no channel list endpoint")
                    .with_hint("check one identifier with `cx2fa channel check --type EMAIL --identifier <sender>`")
            })?;
            ctx.out.data(&ChannelList { channels })
        }
        ChannelCmd::Check(a) => {
            let (ct, id) = match (a.channel_type, a.identifier) {
                (Some(ct), Some(id)) => (ct, id),
                (ct, id) => {
                    let t = ctx.tenant(&s).await?;
                    let p = t.two_fa();
                    let ct = ct.or(p.channel_type).ok_or_else(|| {
                        Error::usage(format!("tenant `{}` has no channelType", t.id()))
                            .with_hint("pass `--type`")
                    })?;
                    // A tenant on APP or RSA has no OTP channel: nothing to check is an
                    // answer, not a usage error (a script checks every tenant alike).
                    if !ct.uses_channel() {
                        return ctx.out.data(&ChannelCheck {
                            channel_type: ct,
                            identifier: String::new(),
                            exists: false,
                            found_type: None,
                            type_verified: false,
                            ok: true,
                            message: format!(
                                "tenant `{}` uses {ct}, which sends no OTP through a channel: nothing to check",
                                t.id()
                            ),
                        });
                    }
                    let id = id.or(p.identifier).ok_or_else(|| {
                        Error::usage(format!(
                            "tenant `{}` has no channelServiceIdentifier",
                            t.id()
                        ))
                        .with_hint("pass `--identifier`")
                    })?;
                    (ct, id)
                }
            };
            if !ct.uses_channel() {
                return Err(Error::usage(format!(
                    "{ct} does not use a channel of the channel manager"
                ))
                .with_hint("only EMAIL and SMS deliver OTPs through a channel"));
            }
            let check = readiness::check_channel(&s, ct, &id).await?;
            ctx.out.data(&check)?;
            if check.ok {
                Ok(())
            } else {
                Err(Error::failed(check.message)
                    .with_hint("`cx2fa channel list` shows the channels that exist"))
            }
        }
    }
}

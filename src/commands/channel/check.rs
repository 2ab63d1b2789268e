//! `cx2fa channel check`: an OTP channel exists and has the right type.

use crate::ctx::Ctx;
use crate::error::CommandError;
use crate::output::{Printer, Report};
use clap::Args;
use cx2fa_core::api::Session;
use cx2fa_core::readiness::{self, ChannelCheck};
use cx2fa_core::settings::ChannelType;

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The channel type to expect
    #[arg(long = "type", value_enum)]
    pub channel_type: Option<ChannelType>,
    /// The service identifier to look for
    #[arg(long, value_name = "ID")]
    pub identifier: Option<String>,
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

pub(super) async fn run(ctx: &Ctx, s: &Session, a: CheckArgs) -> Result<(), CommandError> {
    let (ct, id) = match (a.channel_type, a.identifier) {
        (Some(ct), Some(id)) => (ct, id),
        (ct, id) => match from_policy(ctx, s, ct, id).await? {
            Ok(wanted) => wanted,
            Err(nothing_to_check) => return ctx.out.data(&nothing_to_check),
        },
    };
    if !ct.uses_channel() {
        return Err(CommandError::usage(format!(
            "{ct} does not use a channel of the channel manager"
        ))
        .with_hint("only EMAIL and SMS deliver OTPs through a channel"));
    }
    let check = readiness::check_channel(s, ct, &id).await?;
    ctx.out.data(&check)?;
    if check.ok {
        Ok(())
    } else {
        Err(CommandError::failed(check.message)
            .with_hint("`cx2fa channel list` shows the channels that exist"))
    }
}

/// The channel type and identifier not given, from the tenant's policy; or, for a tenant on
/// APP or RSA, the answer that there is nothing to check.
async fn from_policy(
    ctx: &Ctx,
    s: &Session,
    ct: Option<ChannelType>,
    id: Option<String>,
) -> Result<Result<(ChannelType, String), ChannelCheck>, CommandError> {
    let t = ctx.tenant(s).await?;
    let p = t.two_fa();
    let ct = ct.or(p.channel_type).ok_or_else(|| {
        CommandError::usage(format!("tenant `{}` has no channelType", t.id()))
            .with_hint("pass `--type`")
    })?;
    // A tenant on APP or RSA has no OTP channel: nothing to check is an answer, not a usage
    // error (a script checks every tenant alike).
    if !ct.uses_channel() {
        return Ok(Err(ChannelCheck {
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
        }));
    }
    let id = id.or(p.identifier).ok_or_else(|| {
        CommandError::usage(format!(
            "tenant `{}` has no channelServiceIdentifier",
            t.id()
        ))
        .with_hint("pass `--identifier`")
    })?;
    Ok(Ok((ct, id)))
}

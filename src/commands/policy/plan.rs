//! `cx2fa policy plan`: what a change would do, field by field, without writing.

use super::apply::read_change_file;
use super::push::{push, PushOpts};
use crate::commands::Ctx;
use crate::error::CommandError;
use clap::Args;
use cx2fa_core::policy::ChangeRequest;
use cx2fa_core::settings::ChannelType;

#[derive(Debug, Args)]
pub struct PlanArgs {
    /// The update payload or tenant document (`-` for stdin)
    #[arg(short, long, value_name = "FILE", conflicts_with_all = ["channel", "disable"])]
    pub file: Option<String>,
    /// Plan enabling with this channel
    #[arg(long, value_enum)]
    pub channel: Option<ChannelType>,
    /// With `--channel EMAIL|SMS`: the channel's service identifier (the email channel's sender
    /// address, or the SMS channel's identifier)
    #[arg(long, value_name = "ID", requires = "channel")]
    pub identifier: Option<String>,
    /// With `--channel`: the tenant's `keyCloak.Otp_Manager_Url` to set (ending in `/`)
    #[arg(long = "set-otp-manager-url", value_name = "URL", requires = "channel")]
    pub set_otp_manager_url: Option<String>,
    /// With `--channel`: `otpExpiry`, the OTP lifetime in seconds (60–120 recommended)
    #[arg(long, value_name = "SECS", requires = "channel")]
    pub expiry: Option<u64>,
    /// With `--channel`: `otpMaxAttempts`, failed verifications before the OTP is invalidated
    #[arg(long, value_name = "N", requires = "channel")]
    pub max_attempts: Option<u64>,
    /// Plan disabling 2FA
    #[arg(long, conflicts_with = "channel")]
    pub disable: bool,
    /// Exit 10 when changes are pending, 0 when none
    #[arg(long)]
    pub exit_code: bool,
    /// Every tenant of the deployment
    #[arg(long)]
    pub all_tenants: bool,
}

pub async fn plan(ctx: &Ctx, a: PlanArgs) -> Result<(), CommandError> {
    let change = if let Some(f) = &a.file {
        ChangeRequest::Given(read_change_file(f)?)
    } else if let Some(channel) = a.channel {
        ChangeRequest::Enable {
            channel,
            identifier: a.identifier,
            otp_manager_url: a.set_otp_manager_url,
            expiry: a.expiry,
            max_attempts: a.max_attempts,
        }
    } else if a.disable {
        ChangeRequest::Disable
    } else {
        return Err(CommandError::usage("nothing to plan")
            .with_hint("pass `-f FILE`, `--channel ...`, or `--disable`"));
    };
    let opts = PushOpts {
        dry_run: true,
        // A plan checks the channel as `apply` will: a change that apply refuses is never
        // "pending" (exit 10), it is refused (exit 1).
        skip_channel_check: false,
        all_tenants: a.all_tenants,
    };
    push(ctx, change, &opts, a.exit_code).await
}

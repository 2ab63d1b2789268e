//! `cx2fa policy enable`: turn 2FA on with a channel.

use super::push::{push, PushOpts};
use crate::commands::Ctx;
use crate::error::CommandError;
use clap::Args;
use cx2fa_core::policy::ChangeRequest;
use cx2fa_core::settings::ChannelType;

#[derive(Debug, Args, Clone)]
pub struct EnableArgs {
    /// How OTPs are delivered
    #[arg(long, value_enum)]
    pub channel: ChannelType,
    /// The channel's service identifier (EMAIL: sender address; SMS: number)
    #[arg(long, value_name = "ID")]
    pub identifier: Option<String>,
    /// `keyCloak.Otp_Manager_Url` to set (must end with `/`)
    #[arg(long = "set-otp-manager-url", value_name = "URL")]
    pub set_otp_manager_url: Option<String>,
    /// OTP lifetime in seconds
    #[arg(long, value_name = "SECS")]
    pub expiry: Option<u64>,
    /// Failed verifications before an OTP is invalidated
    #[arg(long, value_name = "N")]
    pub max_attempts: Option<u64>,
    #[command(flatten)]
    pub push: PushOpts,
}

pub async fn enable(ctx: &Ctx, a: EnableArgs) -> Result<(), CommandError> {
    let change = ChangeRequest::Enable {
        channel: a.channel,
        identifier: a.identifier,
        otp_manager_url: a.set_otp_manager_url,
        expiry: a.expiry,
        max_attempts: a.max_attempts,
    };
    push(ctx, change, &a.push, false).await
}

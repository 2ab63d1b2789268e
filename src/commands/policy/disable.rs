//! `cx2fa policy disable`: turn 2FA off, keeping the other 2FA settings.

use super::push::{push, PushOpts};
use crate::commands::Ctx;
use crate::error::CommandError;
use cx2fa_core::policy::ChangeRequest;

pub async fn disable(ctx: &Ctx, o: PushOpts) -> Result<(), CommandError> {
    push(ctx, ChangeRequest::Disable, &o, false).await
}

//! `cx2fa auth logout`: remove what `auth login` stored for this profile.

use crate::ctx::Ctx;
use crate::error::CommandError;

pub(super) fn run(ctx: &Ctx) -> Result<(), CommandError> {
    let profile = ctx.profile_name();
    if ctx.store.remove(profile)? {
        ctx.out.status(format!(
            "removed the stored credentials of profile `{profile}`"
        ));
    } else {
        ctx.out
            .status(format!("nothing was stored for profile `{profile}`"));
    }
    Ok(())
}

//! `cx2fa sandbox rsa-code`: an RSA SecurID user's current tokencode.

use crate::ctx::Ctx;
use crate::error::CommandError;
use crate::output::{Printer, Report};
use crate::sandbox_edge as edge;
use cx2fa_sandbox as sandbox;
use serde::Serialize;
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Debug, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Tokencode {
    user: String,
    tokencode: String,
    valid_for_seconds: u64,
}

impl Report for Tokencode {
    fn render(&self, _out: &Printer) -> String {
        self.tokencode.clone()
    }
}

pub(super) fn run(ctx: &Ctx, user: String, state: Option<PathBuf>) -> Result<(), CommandError> {
    let cfg = sandbox::Config {
        state_file: state,
        files: Arc::new(edge::CheckedFiles),
        ..Default::default()
    };
    let data = sandbox::load(&cfg).map_err(edge::error)?;
    let u = data.rsa.users.get(&user).ok_or_else(|| {
        CommandError::not_found(format!("no RSA user `{user}` in the sandbox")).with_hint(format!(
            "RSA users: {}",
            data.rsa
                .users
                .keys()
                .cloned()
                .collect::<Vec<_>>()
                .join(", ")
        ))
    })?;
    let at = (data.now_ms() / 1000).max(0) as u64;
    let step = sandbox::RSA_STEP_SECS;
    let tokencode = cx2fa_core::totp::code(&u.seed, step, at)?;
    ctx.out.data(&Tokencode {
        user,
        tokencode,
        valid_for_seconds: step - at % step,
    })
}

//! `cx2fa tenant show`: a tenant's whole document, secrets masked.

use crate::ctx::Ctx;
use crate::error::CommandError;
use crate::output::{Printer, Report};
use clap::Args;
use cx2fa_core::settings::secrets;
use serde::Serialize;
use serde_json::Value;

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Show secrets unmasked (asks first; needs `--yes` without a terminal)
    #[arg(long)]
    pub show_secrets: bool,
}

/// A tenant document, under `tenant` in JSON: the output's own fields (`schemaVersion`) never
/// mix with the document's, so a saved output can never carry them into a tenant.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct TenantDoc {
    pub tenant: Value,
}

impl Report for TenantDoc {
    fn render(&self, _out: &Printer) -> String {
        serde_json::to_string_pretty(&self.tenant).unwrap_or_default()
    }
}

pub(super) async fn run(ctx: &Ctx, a: ShowArgs) -> Result<(), CommandError> {
    if a.show_secrets {
        ctx.confirm("Print the tenant's secrets unmasked?")?;
    }
    let s = ctx.session().await?;
    let t = ctx.tenant(&s).await?;
    ctx.out.data(&TenantDoc {
        tenant: if a.show_secrets {
            t.0
        } else {
            secrets::mask(&t.0)
        },
    })
}

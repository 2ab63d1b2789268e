//! `cx2fa tenant create`: create a tenant from a full tenant document.

use crate::ctx::Ctx;
use crate::error::CommandError;
use clap::Args;
use cx2fa_core::settings::schema::DocKind;
use cx2fa_core::settings::validate;
use cx2fa_core::settings::{secrets, Tenant};
use cx2fa_core::tenant::{CreateOptions, Logo};
use std::path::PathBuf;

use super::TenantDoc;

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// The full tenant document (`-` for stdin)
    #[arg(short, long, value_name = "FILE")]
    pub file: String,
    /// The tenant's logo (release 5.1+ requires one)
    #[arg(long, value_name = "PNG")]
    pub logo: Option<PathBuf>,
    /// Validate and check only (the same checks: tenant, realm, OTP channel)
    #[arg(long)]
    pub dry_run: bool,
    /// Create it even when its OTP channel does not exist yet (as `policy apply` allows)
    #[arg(long)]
    pub skip_channel_check: bool,
}

pub(super) async fn run(ctx: &Ctx, a: CreateArgs) -> Result<(), CommandError> {
    let doc = read_document(&a.file)?;
    let logo = a.logo.as_deref().map(read_logo).transpose()?;
    let s = ctx.session().await?;
    let options = CreateOptions {
        doc: &doc,
        skip_channel_check: a.skip_channel_check,
    };
    cx2fa_core::tenant::check_new(&s, &options).await?;
    if a.dry_run {
        ctx.out.status(format!(
            "tenant `{}` is valid, and neither it nor its realm `{}` exists yet; nothing was created (--dry-run)",
            doc.id(),
            doc.realm()
        ));
        return ctx.out.data(&TenantDoc {
            tenant: secrets::mask(&doc.0),
        });
    }
    ctx.confirm(&format!(
        "Create tenant `{}` (and its Keycloak realm `{}`)?",
        doc.id(),
        doc.realm()
    ))?;
    let stored = cx2fa_core::tenant::create(&s, &doc, logo).await?;
    ctx.out.status(format!("created tenant `{}`", doc.id()));
    ctx.out.data(&TenantDoc {
        tenant: secrets::mask(&stored.0),
    })
}

/// The file's tenant document, valid, or the refusal naming what is wrong.
fn read_document(file: &str) -> Result<Tenant, CommandError> {
    let text = cx2fa_core::settings::source::read_document(file)?;
    let report = validate::validate_text(&text, file)?;
    if report.kind != Some(DocKind::TenantDocument) {
        return Err(CommandError::failed(format!(
            "{file} is a 2FA update payload, not a tenant document"
        ))
        .with_hint("`tenant create` takes a whole tenant document with tenantId and tenantName"));
    }
    if !report.valid {
        let e = report.refusal(format!(
            "{file} is not a valid tenant document; nothing was created"
        ));
        return Err(e.into());
    }
    Ok(Tenant(
        cx2fa_core::settings::source::parse(&text, file)?.value,
    ))
}

/// The logo file, checked and capped like every file option: a FIFO or /dev/zero is refused.
fn read_logo(p: &std::path::Path) -> Result<Logo, CommandError> {
    let bytes = cx2fa_core::input::read_all(&p.display().to_string(), "--logo", 16 << 20)?;
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "logo.png".into());
    Ok(Logo { name, bytes })
}

//! `cx2fa tenant list|show|create|backups|restore`.

use super::Ctx;
use crate::error::Error;
use crate::output::{Printer, Report};
use clap::{Args, Subcommand};
use cx2fa_core::api::keycloak::Users;
use cx2fa_core::api::tenant::Tenants;
use cx2fa_core::api::Session;
use cx2fa_core::backup;
use cx2fa_core::push::{self, Plan};
use cx2fa_core::settings::model::same_meaning;
use cx2fa_core::settings::schema::DocKind;
use cx2fa_core::settings::validate;
use cx2fa_core::settings::{secrets, Tenant};
use cx2fa_platform::fields;
use serde::Serialize;
use serde_json::Value;
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum TenantCmd {
    /// List the deployment's tenants with their 2FA state
    ///
    /// Examples:
    ///   cx2fa tenant list -o json
    #[command(verbatim_doc_comment)]
    List,
    /// Print a tenant's whole document, secrets masked
    ///
    /// Examples:
    ///   cx2fa tenant show -t expertflow
    #[command(verbatim_doc_comment)]
    Show(ShowArgs),
    /// Create a tenant from a full tenant document
    ///
    /// Examples:
    ///   cx2fa tenant create -f tenant.json --logo logo.png
    #[command(verbatim_doc_comment)]
    Create(CreateArgs),
    /// List the local backups taken before each push
    ///
    /// Examples:
    ///   cx2fa tenant backups -t expertflow
    #[command(verbatim_doc_comment)]
    Backups,
    /// Put a backup back (plan, confirm, push, verify)
    ///
    /// A backup records the deployment it was taken from; restoring it onto another one is
    /// refused unless `--force` says that is meant.
    ///
    /// Examples:
    ///   cx2fa tenant restore expertflow-20261123T101500.000Z.json --yes
    #[command(verbatim_doc_comment)]
    Restore(RestoreArgs),
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Show secrets unmasked (asks first; needs `--yes` without a terminal)
    #[arg(long)]
    pub show_secrets: bool,
}

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

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("source").required(true))]
pub struct RestoreArgs {
    /// A backup's name in the backup directory (see `tenant backups`)
    #[arg(group = "source", add = clap_complete::engine::ArgValueCompleter::new(crate::complete::backups))]
    pub backup: Option<String>,
    /// Restore from this file instead (a backup copied elsewhere)
    #[arg(long, value_name = "PATH", group = "source")]
    pub file: Option<PathBuf>,
    /// Restore even onto a deployment other than the one the backup was taken from (or when
    /// the backup does not record it)
    #[arg(long)]
    pub force: bool,
    /// Plan only
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Row {
    #[serde(rename = "tenantId")]
    pub tenant_id: String,
    #[serde(rename = "tenantName")]
    pub tenant_name: String,
    pub status: String,
    #[serde(rename = "is2FAEnabled")]
    pub two_fa: bool,
    #[serde(rename = "channelType")]
    pub channel_type: Option<String>,
    pub realm: String,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct TenantList {
    pub tenants: Vec<Row>,
}

impl Report for TenantList {
    fn render(&self, out: &Printer) -> String {
        let mut t = out.table(&[
            fields::TENANT_ID,
            "name",
            "status",
            "2FA",
            "channel",
            "realm",
        ]);
        for r in &self.tenants {
            t.add_row(vec![
                r.tenant_id.clone(),
                r.tenant_name.clone(),
                r.status.clone(),
                if r.two_fa { "on".into() } else { "off".into() },
                r.channel_type.clone().unwrap_or_default(),
                r.realm.clone(),
            ]);
        }
        t.to_string()
    }
    fn csv(&self) -> Option<Vec<Vec<String>>> {
        let mut rows = vec![vec![
            fields::TENANT_ID.into(),
            fields::TENANT_NAME.into(),
            "status".into(),
            fields::IS_2FA_ENABLED.into(),
            fields::CHANNEL_TYPE.into(),
            "realm".into(),
        ]];
        rows.extend(self.tenants.iter().map(|r| {
            vec![
                r.tenant_id.clone(),
                r.tenant_name.clone(),
                r.status.clone(),
                r.two_fa.to_string(),
                r.channel_type.clone().unwrap_or_default(),
                r.realm.clone(),
            ]
        }));
        Some(rows)
    }
}

/// What `tenant restore` did or would do, in every mode (a dry run, nothing to do, done).
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct RestoreReport {
    pub tenant: String,
    pub status: RestoreStatus,
    /// The fields that differ between the tenant now and the backup (secrets masked).
    pub changes: Vec<RestoreChange>,
    /// With `restored`: where the document as it was before the restore was saved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backup: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum RestoreStatus {
    /// The tenant already matches the backup.
    NoChanges,
    /// `--dry-run`: these changes would be written.
    WouldRestore,
    Restored,
}

/// One field a restore changes: a JSON pointer and its values (absent when missing).
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct RestoreChange {
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<Value>,
}

impl Report for RestoreReport {
    fn render(&self, out: &Printer) -> String {
        let changes: Vec<cx2fa_core::settings::diff::Change> = self
            .changes
            .iter()
            .map(|c| cx2fa_core::settings::diff::Change {
                path: c.path.clone(),
                before: c.before.clone(),
                after: c.after.clone(),
            })
            .collect();
        match self.status {
            RestoreStatus::NoChanges => format!(
                "tenant `{}` already matches the backup: no changes",
                self.tenant
            ),
            RestoreStatus::WouldRestore => format!(
                "{}
{} change(s) would be restored (--dry-run: nothing was written)",
                crate::output::changes_table(out, &changes),
                changes.len()
            ),
            RestoreStatus::Restored => format!(
                "{}
restored; the document before the restore is in `{}`",
                crate::output::changes_table(out, &changes),
                self.backup.clone().unwrap_or_default()
            ),
        }
    }
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

#[derive(Debug, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct BackupList {
    pub backups: Vec<backup::Entry>,
}

impl Report for BackupList {
    fn render(&self, out: &Printer) -> String {
        if self.backups.is_empty() {
            return "no backups yet: one is written before every push".into();
        }
        let mut t = out.table(&["name", "tenant", "taken (UTC)", "bytes"]);
        for b in &self.backups {
            t.add_row(vec![
                b.name.clone(),
                b.tenant.clone(),
                b.taken.clone(),
                b.bytes.to_string(),
            ]);
        }
        t.to_string()
    }
}

async fn create(ctx: &Ctx, a: CreateArgs) -> Result<(), Error> {
    let text = cx2fa_core::settings::source::read_document(&a.file)?;
    let report = validate::validate_text(&text, &a.file)?;
    if report.kind != Some(DocKind::TenantDocument) {
        return Err(Error::failed(format!(
            "{} is a 2FA update payload, not a tenant document",
            a.file
        ))
        .with_hint("`tenant create` takes a whole tenant document with tenantId and tenantName"));
    }
    if !report.valid {
        let e = report.refusal(format!(
            "{} is not a valid tenant document; nothing was created",
            a.file
        ));
        return Err(e.into());
    }
    let doc = Tenant(cx2fa_core::settings::source::parse(&text, &a.file)?.value);
    let logo = match &a.logo {
        Some(p) => {
            // Checked and capped like every file option: a FIFO or /dev/zero is refused.
            let bytes = cx2fa_core::input::read_all(&p.display().to_string(), "--logo", 16 << 20)?;
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_else(|| "logo.png".into());
            Some((name, bytes))
        }
        None => None,
    };
    let s = ctx.session().await?;
    let api = Tenants::new(&s);
    if api.list().await?.iter().any(|t| t.id() == doc.id()) {
        return Err(Error::conflict(format!(
            "tenant `{}` already exists; nothing was created",
            doc.id()
        ))
        .with_hint("change it with `cx2fa policy apply`, or pick another tenantId"));
    }
    preflight(&s, &doc, a.skip_channel_check).await?;
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
    let resp = api.create(&doc, logo).await?;
    if !resp.ok() {
        let body = String::from_utf8_lossy(&resp.body).to_lowercase();
        let logo_missing = resp.status == 400 && body.contains("logo");
        let realm_clash = resp.status == 409 && body.contains("realm");
        let e = Error::from(resp.check().expect_err("not ok"));
        return Err(if logo_missing {
            e.with_hint("this release requires a logo: pass `--logo FILE.png`")
        } else if realm_clash {
            e.with_hint(format!(
                "the realm `{}` exists already: set `tenantSettings.keyCloak.realm` to a new name",
                doc.realm()
            ))
        } else {
            e
        });
    }
    let stored = api.get(doc.id()).await?;
    if !same_meaning(&stored.0, &doc.0) {
        return Err(Error::failed(format!(
            "tenant `{}` was created but the stored document differs from the file",
            doc.id()
        ))
        .with_hint("inspect with `cx2fa tenant show`"));
    }
    ctx.out.status(format!("created tenant `{}`", doc.id()));
    ctx.out.data(&TenantDoc {
        tenant: secrets::mask(&stored.0),
    })
}

/// What `policy apply` checks before a write, for a tenant about to be created: a realm name
/// the platform can create, a realm that does not exist yet, and (2FA by EMAIL/SMS) an OTP
/// channel that exists with the right type. A dry run runs the same checks.
async fn preflight(s: &Session, doc: &Tenant, skip_channel_check: bool) -> Result<(), Error> {
    let realm = doc.realm();
    if matches!(realm, "" | "." | ".." | "master") {
        return Err(Error::failed(format!(
            "realm `{realm}` cannot be a tenant's realm; nothing was created"
        ))
        .with_hint("set `tenantSettings.keyCloak.realm` (or the tenantId) to a name of its own"));
    }
    // The realm's user count answers 404 exactly when the realm does not exist.
    match Users::new(s, realm).count().await {
        Ok(_) => {
            return Err(Error::conflict(format!(
                "Keycloak realm `{realm}` already exists; nothing was created"
            ))
            .with_hint("set `tenantSettings.keyCloak.realm` to a new name (the platform creates the realm with the tenant)"))
        }
        Err(e) if e.status == Some(404) => {}
        Err(e) => return Err(e.into()),
    }
    let p = doc.two_fa();
    if let (true, Some(ct), Some(id)) = (p.enabled, p.channel_type, p.identifier.as_deref()) {
        if ct.uses_channel() {
            let check = cx2fa_core::readiness::check_channel(s, ct, id).await?;
            if !check.ok && !skip_channel_check {
                return Err(Error::failed(format!(
                    "tenant `{}`: {}; nothing was created",
                    doc.id(),
                    check.message
                ))
                .with_hint("create the channel first, or pass `--skip-channel-check` to create the tenant anyway"));
            }
        }
    }
    Ok(())
}

async fn restore(ctx: &Ctx, a: RestoreArgs) -> Result<(), Error> {
    let b = match (&a.backup, &a.file) {
        (Some(name), _) => backup::read_named(name)?,
        (None, Some(path)) => backup::read_path(path)?,
        (None, None) => unreachable!("clap requires one source"),
    };
    let shown = b.path.display().to_string();
    let here = ctx.endpoints()?.base;
    match (&b.deployment, a.force) {
        (Some(from), _) if *from == here => {}
        (_, true) => ctx.out.warn(format!(
            "`--force`: restoring a backup of {} onto `{here}`",
            b.deployment
                .as_deref()
                .map(|d| format!("`{d}`"))
                .unwrap_or_else(|| "an unrecorded deployment".into())
        )),
        (Some(from), false) => {
            return Err(Error::failed(format!(
                "backup `{shown}` was taken from `{from}`; this command is for `{here}`; nothing was changed"
            ))
            .with_hint("check `--url`; pass `--force` if restoring it onto this deployment is meant"))
        }
        (None, false) => {
            return Err(Error::failed(format!(
                "backup `{shown}` does not record which deployment it came from; nothing was changed"
            ))
            .with_hint(format!("pass `--force` if it belongs to `{here}`")))
        }
    }
    let wanted = b.tenant;
    if wanted.id().is_empty() {
        return Err(Error::failed(format!("backup `{shown}` has no tenantId")));
    }
    let s = ctx.session().await?;
    let current = Tenants::new(&s).get(wanted.id()).await?;
    let plan = Plan::new(current, wanted);
    let report = |status, backup: Option<String>| RestoreReport {
        tenant: plan.tenant.clone(),
        status,
        changes: plan
            .changes
            .iter()
            .map(|c| RestoreChange {
                path: c.path.clone(),
                before: c.before.clone(),
                after: c.after.clone(),
            })
            .collect(),
        backup,
    };
    // Every outcome is a report, in table and JSON mode alike.
    if plan.is_empty() {
        return ctx.out.data(&report(RestoreStatus::NoChanges, None));
    }
    if a.dry_run {
        return ctx.out.data(&report(RestoreStatus::WouldRestore, None));
    }
    ctx.out.status(format!(
        "restoring tenant `{}`:\n{}",
        plan.tenant,
        crate::output::changes_table(&ctx.out, &plan.changes)
    ));
    ctx.confirm(&format!(
        "Restore tenant `{}` ({} change(s))?",
        plan.tenant,
        plan.changes.len()
    ))?;
    let applied = push::execute(&s, &plan).await?;
    ctx.out.data(&report(
        RestoreStatus::Restored,
        Some(applied.backup.display().to_string()),
    ))
}

pub async fn run(ctx: &Ctx, cmd: TenantCmd) -> Result<(), Error> {
    match cmd {
        TenantCmd::List => {
            let s = ctx.session().await?;
            let tenants = Tenants::new(&s).list().await?;
            let rows = tenants
                .iter()
                .map(|t| Row {
                    tenant_id: t.id().into(),
                    tenant_name: t.name().into(),
                    status: t
                        .0
                        .get("status")
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .into(),
                    two_fa: t.two_fa().enabled,
                    channel_type: t.two_fa().channel_type.map(|c| c.to_string()),
                    realm: t.realm().into(),
                })
                .collect();
            ctx.out.data(&TenantList { tenants: rows })
        }
        TenantCmd::Show(a) => {
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
        TenantCmd::Create(a) => create(ctx, a).await,
        TenantCmd::Backups => {
            let ids = ctx.tenant_ids();
            ctx.out.data(&BackupList {
                backups: backup::list(ids.first().map(String::as_str))?,
            })
        }
        TenantCmd::Restore(a) => restore(ctx, a).await,
    }
}

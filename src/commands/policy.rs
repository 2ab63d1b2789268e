//! `cx2fa policy show|plan|apply|enable|disable`.

use super::Ctx;
use crate::error::{Error, Kind};
use crate::hints;
use crate::output::{changes_table, kv_table, Printer, Report};
use clap::{Args, Subcommand};
use cx2fa_core::api::keycloak::Users;
use cx2fa_core::enrolment;
use cx2fa_core::policy::{self, Prepared};
use cx2fa_core::push;
use cx2fa_core::readiness::{self, ChannelCheck, Check};
use cx2fa_core::settings::diff::Change;
use cx2fa_core::settings::merge::PolicyChange;
use cx2fa_core::settings::validate;
use cx2fa_core::settings::{ChannelType, Tenant, TwoFa};
use cx2fa_platform::fields;
use serde::Serialize;
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum PolicyCmd {
    /// Show a tenant's 2FA settings with a readiness verdict
    ///
    /// Examples:
    ///   cx2fa policy show -t expertflow
    #[command(verbatim_doc_comment)]
    Show,
    /// Show what a change would do, field by field, without writing
    ///
    /// Examples:
    ///   cx2fa policy plan -t expertflow -f payload.json
    ///   cx2fa policy plan -t expertflow --channel SMS --identifier +15550001000 --exit-code
    #[command(verbatim_doc_comment)]
    Plan(PlanArgs),
    /// Push a 2FA update payload (or the 2FA part of a tenant document)
    ///
    /// Examples:
    ///   cx2fa policy apply -t expertflow -f payload.json
    ///   cx2fa policy apply -t acme -t expertflow -f payload.json --yes -o json
    #[command(verbatim_doc_comment)]
    Apply(ApplyArgs),
    /// Turn 2FA on with a channel
    ///
    /// Examples:
    ///   cx2fa policy enable -t acme --channel EMAIL --identifier support@example.test --set-otp-manager-url http://ef-cx-otp-manager-svc:3000/
    #[command(verbatim_doc_comment)]
    Enable(EnableArgs),
    /// Turn 2FA off (other 2FA settings are kept, so enabling again restores them)
    ///
    /// Examples:
    ///   cx2fa policy disable -t expertflow --yes
    #[command(verbatim_doc_comment)]
    Disable(PushOpts),
}

// Options shared by every command that pushes. A plain comment, not a doc comment: the verbs'
// arguments are built late (`defer`, see `cli::Command`), and a doc comment here would then
// replace the about text of every verb that flattens this.
#[derive(Debug, Args, Clone)]
pub struct PushOpts {
    /// Plan only: show the diff and write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Push even when the OTP channel cannot be found or has another type
    #[arg(long)]
    pub skip_channel_check: bool,
    /// Every tenant of the deployment
    #[arg(long)]
    pub all_tenants: bool,
}

#[derive(Debug, Args)]
pub struct ApplyArgs {
    /// The update payload or tenant document (`-` for stdin)
    #[arg(short, long, value_name = "FILE")]
    pub file: String,
    #[command(flatten)]
    pub push: PushOpts,
}

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

/// How to build the change for one tenant.
#[derive(Debug, Clone)]
pub enum Source {
    File(PolicyChange),
    Enable(EnableArgs),
    Disable,
}

impl Source {
    fn change(&self, t: &Tenant) -> Result<PolicyChange, Error> {
        match self {
            Source::File(c) => Ok(c.clone()),
            Source::Enable(a) => Ok(PolicyChange::enable(
                t,
                a.channel,
                a.identifier.clone(),
                a.set_otp_manager_url.clone(),
                a.expiry,
                a.max_attempts,
            )?),
            Source::Disable => Ok(PolicyChange::disable()),
        }
    }
}

/// Reads and validates a policy input file (`-` = stdin, read once); findings come with
/// line:column.
pub fn read_change_file(path: &str) -> Result<PolicyChange, Error> {
    let text = cx2fa_core::settings::source::read_document(path)?;
    let report = validate::validate_text(&text, path)?;
    if !report.valid {
        let e = report.refusal(format!(
            "{path} is not a valid 2FA configuration; nothing was changed"
        ));
        return Err(Error::from(e).with_hint(format!(
            "`cx2fa config validate {path}` shows every finding"
        )));
    }
    let parsed = cx2fa_core::settings::source::parse(&text, path)?;
    Ok(PolicyChange::from_input(&parsed.value)?.1)
}

/// Where one tenant's change ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Planned,
    NoChanges,
    Applied,
    Failed,
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Status::Planned => "planned",
            Status::NoChanges => "no-changes",
            Status::Applied => "applied",
            Status::Failed => "failed",
        })
    }
}

/// The result for one tenant.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct TenantOutcome {
    pub tenant: String,
    pub status: Status,
    pub changes: Vec<Change>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<ChannelCheck>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backup: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<Error>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct PushReport {
    pub dry_run: bool,
    pub tenants: Vec<TenantOutcome>,
}

impl Report for PushReport {
    fn render(&self, out: &Printer) -> String {
        let mut s = vec![];
        for t in &self.tenants {
            s.push(format!("tenant `{}`: {}", t.tenant, t.status));
            if !t.changes.is_empty() {
                s.push(changes_table(out, &t.changes));
            }
            if let Some(c) = &t.channel {
                s.push(format!("  channel: {}", c.message));
            }
            if let Some(b) = &t.backup {
                s.push(format!("  backup: {}", b.display()));
            }
            if let Some(e) = &t.error {
                s.push(format!(
                    "  error: {}{}",
                    e.message,
                    e.causes
                        .iter()
                        .map(|c| format!("\n    {c}"))
                        .collect::<String>()
                ));
            }
        }
        if self.tenants.len() > 1 {
            let mut t = out.table(&["tenant", "status", "changes"]);
            for r in &self.tenants {
                t.add_row(vec![
                    r.tenant.clone(),
                    r.status.to_string(),
                    r.changes.len().to_string(),
                ]);
            }
            s.push(t.to_string());
        }
        s.join("\n")
    }
}

/// What a verb does with the prepared changes.
#[derive(Debug, Clone, Copy)]
pub enum Mode {
    /// `policy plan`: show, write nothing; with `exit_code`, changes pending exit 10.
    Plan { exit_code: bool },
    /// `apply`, `enable`, `disable`: confirm and write, unless `dry_run`.
    Push { dry_run: bool },
}

/// Plans for every target tenant (core's `policy::prepare`), confirms once, pushes each
/// (core's `push::execute`), and reports.
pub async fn pipeline(ctx: &Ctx, src: Source, opts: PushOpts, mode: Mode) -> Result<(), Error> {
    let s = ctx.session().await?;
    let options = policy::Options {
        skip_channel_check: opts.skip_channel_check,
    };
    let mut prepared: Vec<Result<Prepared, TenantOutcome>> = vec![];
    for t in ctx.targets(&s, opts.all_tenants).await? {
        let r = match t {
            Ok(t) => {
                let id = t.id().to_string();
                match src.change(&t) {
                    Ok(change) => policy::prepare(&s, t, &change, options)
                        .await
                        .map_err(|e| failed(&id, e.into())),
                    Err(e) => Err(failed(&id, e)),
                }
            }
            Err((id, e)) => Err(failed(&id, e.into())),
        };
        if let Ok(p) = &r {
            for w in &p.warnings {
                ctx.out
                    .warn(format!("tenant `{}`: {}", p.plan.tenant, hints::warning(w)));
            }
        }
        prepared.push(r);
    }
    let single = prepared.len() == 1;
    let pending = prepared
        .iter()
        .filter(|p| matches!(p, Ok(x) if !x.plan.is_empty()))
        .count();
    let dry = match mode {
        Mode::Plan { .. } => true,
        Mode::Push { dry_run } => dry_run,
    };
    if pending > 0 && !dry {
        if !ctx.out.is_json() && !ctx.g.yes {
            for p in prepared.iter().flatten().filter(|p| !p.plan.is_empty()) {
                ctx.out.status(format!(
                    "tenant `{}`:\n{}",
                    p.plan.tenant,
                    changes_table(&ctx.out, &p.plan.changes)
                ));
            }
        }
        ctx.confirm(&format!("Apply these changes to {pending} tenant(s)?"))?;
    }
    let mut outcomes = vec![];
    for p in prepared {
        let o = match p {
            Err(o) => o,
            Ok(p) if dry || p.plan.is_empty() => outcome(p),
            Ok(p) => match push::execute(&s, &p.plan).await {
                Ok(applied) => {
                    let mut o = outcome(p);
                    o.status = Status::Applied;
                    o.backup = Some(applied.backup);
                    o.warnings.extend(applied.note);
                    o
                }
                Err(e) => {
                    let mut o = outcome(p);
                    o.status = Status::Failed;
                    o.error = Some(e.into());
                    o
                }
            },
        };
        outcomes.push(o);
    }
    let failed_n = outcomes
        .iter()
        .filter(|o| o.status == Status::Failed)
        .count();
    let first_error = outcomes.iter().find_map(|o| o.error.clone());
    let report = PushReport {
        dry_run: dry,
        tenants: outcomes,
    };
    ctx.out.data(&report)?;
    if failed_n > 0 {
        let e = first_error.expect("a failed outcome has an error");
        return Err(if single {
            e
        } else {
            Error::new(
                Kind::Partial,
                format!(
                    "{failed_n} of {} tenant(s) failed; the others are done",
                    report.tenants.len()
                ),
            )
        });
    }
    if pending == 0 {
        ctx.out.status("no changes");
    } else if let Mode::Plan { exit_code: true } = mode {
        return Err(Error::new(
            Kind::ChangesPending,
            format!("changes pending for {pending} tenant(s)"),
        ));
    }
    Ok(())
}

/// The printed outcome of a prepared change, before it is written.
fn outcome(p: Prepared) -> TenantOutcome {
    TenantOutcome {
        tenant: p.plan.tenant.clone(),
        status: if p.plan.is_empty() {
            Status::NoChanges
        } else {
            Status::Planned
        },
        changes: p.plan.changes,
        warnings: p.warnings.iter().map(hints::warning).collect(),
        channel: p.channel,
        backup: None,
        error: None,
    }
}

fn failed(id: &str, e: Error) -> TenantOutcome {
    TenantOutcome {
        tenant: id.into(),
        status: Status::Failed,
        changes: vec![],
        warnings: vec![],
        channel: None,
        backup: None,
        error: Some(e),
    }
}

/// `policy show`.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ShowReport {
    pub tenant: String,
    pub policy: TwoFa,
    pub otp_manager_url: Option<String>,
    pub checks: Vec<Check>,
    pub channel: Option<ChannelCheck>,
    /// `null` when the realm hides the enrolment attributes (a Keycloak 24+ user profile):
    /// cx2fa cannot count what it cannot see.
    pub users: Option<enrolment::Posture>,
    pub ready: bool,
}

impl Report for ShowReport {
    fn render(&self, out: &Printer) -> String {
        let p = &self.policy;
        let opt = |v: Option<String>| v.unwrap_or_else(|| "(not set)".into());
        let mut s = kv_table(
            out,
            &[
                ("tenant", self.tenant.clone()),
                (fields::IS_2FA_ENABLED, p.enabled.to_string()),
                (
                    fields::CHANNEL_TYPE,
                    opt(p.channel_type.map(|c| c.to_string())),
                ),
                (
                    fields::CHANNEL_SERVICE_IDENTIFIER,
                    opt(p.identifier.clone()),
                ),
                (
                    fields::OTP_EXPIRY,
                    opt(p.otp_expiry.map(|n| format!("{n} s"))),
                ),
                (
                    fields::OTP_MAX_ATTEMPTS,
                    opt(p.otp_max_attempts.map(|n| n.to_string())),
                ),
                (fields::OTP_MANAGER_URL, opt(self.otp_manager_url.clone())),
            ],
        );
        let mut t = out.table(&["check", "ok", "detail"]);
        for c in &self.checks {
            t.add_row(vec![c.name.clone(), c.mark().into(), c.detail.clone()]);
        }
        if let Some(c) = &self.channel {
            t.add_row(vec![
                "channel".into(),
                if c.ok { "yes".into() } else { "NO".into() },
                c.message.clone(),
            ]);
        }
        s.push('\n');
        s.push_str(&t.to_string());
        s.push_str(&format!(
            "\nverdict: {}",
            if self.ready {
                out.paint("ready", "32")
            } else {
                out.paint("NOT ready", "31")
            }
        ));
        s
    }
}

pub async fn show(ctx: &Ctx) -> Result<(), Error> {
    let s = ctx.session().await?;
    let t = ctx.tenant_for_users(&s).await?;
    let policy = t.two_fa();
    let checks = readiness::static_checks(&t);
    let channel = match (
        policy.enabled,
        policy.channel_type,
        policy.identifier.as_deref(),
    ) {
        (true, Some(ct), Some(id)) if ct.uses_channel() => {
            Some(readiness::check_channel(&s, ct, id).await?)
        }
        _ => None,
    };
    let realm_users = Users::new(&s, t.realm());
    let mut checks = checks;
    let users = match cx2fa_core::user_profile::read(&realm_users)
        .await?
        .require_read(t.realm())
    {
        Ok(read_only) => {
            let (_, posture) = enrolment::scan(&realm_users, &policy, 500).await?;
            let mut c = readiness::users_check(&posture, &hints::reset_stale(t.id()));
            // The platform's registration writes are dropped too: nobody can register.
            if let Some(w) = read_only {
                c.status = readiness::Level::Fail;
                c.ok = false;
                c.detail
                    .push_str(&format!("; {}", crate::error::warning(w)));
            }
            checks.push(c);
            Some(posture)
        }
        // The platform's own login reads users inside Keycloak and still works; only cx2fa's
        // view of the users is blind, so this warns and names the fix.
        Err(e) => {
            checks.push(readiness::Check::new("users", readiness::Level::Warn, {
                let e = Error::from(e);
                format!("{}; fix: {}", e.message, e.hint.unwrap_or_default())
            }));
            None
        }
    };
    // The verdict is exactly "no check failed": the table, the JSON and the verdict agree.
    let ready = checks.iter().all(|c| c.ok) && channel.as_ref().is_none_or(|c| c.ok);
    let failed: Vec<String> = checks
        .iter()
        .filter(|c| !c.ok)
        .map(|c| c.name.clone())
        .chain(channel.as_ref().filter(|c| !c.ok).map(|_| "channel".into()))
        .collect();
    ctx.out.data(&ShowReport {
        tenant: t.id().into(),
        otp_manager_url: t.otp_manager_url().map(str::to_string),
        policy,
        checks,
        channel,
        users,
        ready,
    })?;
    // A script or a cron job reads the verdict from the exit code, as from the table.
    if !ready {
        return Err(Error::new(
            Kind::Failed,
            format!(
                "tenant `{}` is NOT ready: {} failed",
                t.id(),
                failed.join(", ")
            ),
        )
        .with_hint("each failed row above names its fix"));
    }
    Ok(())
}

pub async fn run(ctx: &Ctx, cmd: PolicyCmd) -> Result<(), Error> {
    match cmd {
        PolicyCmd::Show => show(ctx).await,
        PolicyCmd::Plan(a) => {
            let src = if let Some(f) = &a.file {
                Source::File(read_change_file(f)?)
            } else if let Some(channel) = a.channel {
                Source::Enable(EnableArgs {
                    channel,
                    identifier: a.identifier,
                    set_otp_manager_url: a.set_otp_manager_url,
                    expiry: a.expiry,
                    max_attempts: a.max_attempts,
                    push: PushOpts {
                        dry_run: true,
                        // A plan checks the channel as `apply` will: a change that apply
                        // refuses is never "pending" (exit 10), it is refused (exit 1).
                        skip_channel_check: false,
                        all_tenants: a.all_tenants,
                    },
                })
            } else if a.disable {
                Source::Disable
            } else {
                return Err(Error::usage("nothing to plan")
                    .with_hint("pass `-f FILE`, `--channel ...`, or `--disable`"));
            };
            let opts = PushOpts {
                dry_run: true,
                skip_channel_check: false,
                all_tenants: a.all_tenants,
            };
            pipeline(
                ctx,
                src,
                opts,
                Mode::Plan {
                    exit_code: a.exit_code,
                },
            )
            .await
        }
        PolicyCmd::Apply(a) => {
            let mode = Mode::Push {
                dry_run: a.push.dry_run,
            };
            let src = Source::File(read_change_file(&a.file)?);
            pipeline(ctx, src, a.push, mode).await
        }
        PolicyCmd::Enable(a) => {
            let opts = a.push.clone();
            let mode = Mode::Push {
                dry_run: opts.dry_run,
            };
            pipeline(ctx, Source::Enable(a), opts, mode).await
        }
        PolicyCmd::Disable(o) => {
            let mode = Mode::Push { dry_run: o.dry_run };
            pipeline(ctx, Source::Disable, o, mode).await
        }
    }
}

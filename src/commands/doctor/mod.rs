//! `cx2fa doctor`: find the broken piece of a setup, each finding with its fix.

mod checks;

use crate::ctx::Ctx;
use crate::error::{CommandError, Kind};
use crate::output::{Printer, Report};
use checks::{
    channel_manager, config_file, credentials, keycloak, policy_checks, services,
    tenant_api_and_clock, user_profiles,
};
use clap::Args;
use cx2fa_core::api::tenant::Tenants;
use serde::Serialize;

/// Check the configuration, credentials, every service and the clock
///
/// Examples:
///   cx2fa doctor
///   cx2fa doctor -t expertflow -o json
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct DoctorArgs {}

/// A finding's level: the same three as the readiness checks.
pub use cx2fa_core::readiness::Level;

#[derive(Debug, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
// Its name in the published schemas (`schemas/output/`), which predate this name.
#[schemars(rename = "Finding")]
pub struct DoctorFinding {
    pub check: String,
    pub level: Level,
    pub detail: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<String>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Doctor {
    pub findings: Vec<DoctorFinding>,
}

impl Report for Doctor {
    fn render(&self, out: &Printer) -> String {
        let mut t = out.table(&["check", "", "detail", "fix"]);
        for f in &self.findings {
            let mark = match f.level {
                Level::Ok => out.paint("ok", "32"),
                Level::Warn => out.paint("warn", "33"),
                Level::Fail => out.paint("FAIL", "31"),
            };
            t.add_row(vec![
                f.check.clone(),
                mark,
                f.detail.clone(),
                f.fix.clone().unwrap_or_default(),
            ]);
        }
        t.to_string()
    }
}

struct Findings(Vec<DoctorFinding>);

impl Findings {
    fn add(&mut self, check: &str, level: Level, detail: impl Into<String>, fix: Option<String>) {
        self.0.push(DoctorFinding {
            check: check.into(),
            level,
            detail: detail.into(),
            fix,
        });
    }
    fn err(&mut self, check: &str, e: impl Into<CommandError>) {
        let e: CommandError = e.into();
        self.add(check, Level::Fail, e.one_line(), e.hint);
    }
}

/// Each check in the order a deployment's parts depend on each other: without a URL nothing
/// else can be asked, without a token no API.
pub async fn run(ctx: &Ctx, _a: DoctorArgs) -> Result<(), CommandError> {
    let mut f = Findings(vec![]);
    config_file(ctx, &mut f);
    let ep = match ctx.endpoints() {
        Ok(ep) => {
            f.add("deployment URL", Level::Ok, ep.base.clone(), None);
            ep
        }
        Err(e) => {
            f.err("deployment URL", e);
            return finish(ctx, f);
        }
    };
    credentials(ctx, &mut f);
    let session = match ctx.session().await {
        Ok(s) => s,
        Err(e) => {
            f.err("admin token", e);
            return finish(ctx, f);
        }
    };
    keycloak(&mut f, &session.ep);
    match session.bearer().await {
        Ok(_) => f.add(
            "admin token",
            Level::Ok,
            format!("issued by `{}`", session.ep.keycloak),
            None,
        ),
        Err(e) => {
            f.err("admin token", e);
            return finish(ctx, f);
        }
    }
    let tenants = Tenants::new(&session);
    tenant_api_and_clock(&mut f, &tenants, &ep).await;
    channel_manager(&mut f, &session).await;
    let tenant = match ctx.tenant_ids().first() {
        Some(id) => match tenants.get(id).await {
            Ok(t) => Some(t),
            Err(e) => {
                f.err("tenant", e);
                None
            }
        },
        None => None,
    };
    services(ctx, &mut f, &ep, tenant.as_ref()).await;
    user_profiles(&mut f, &session, &tenants, &ctx.tenant_ids()).await;
    if let Some(t) = &tenant {
        policy_checks(&mut f, t);
    }
    finish(ctx, f)
}

fn finish(ctx: &Ctx, f: Findings) -> Result<(), CommandError> {
    let failed: Vec<String> =
        f.0.iter()
            .filter(|x| x.level == Level::Fail)
            .map(|x| x.check.clone())
            .collect();
    ctx.out.data(&Doctor { findings: f.0 })?;
    if failed.is_empty() {
        Ok(())
    } else {
        Err(CommandError::new(
            Kind::Failed,
            format!("{} check(s) failed: {}", failed.len(), failed.join(", ")),
        )
        .with_hint("each row above says how to fix it"))
    }
}

//! `cx2fa policy show`: a tenant's 2FA settings with the readiness verdict
//! (`cx2fa_core::readiness::tenant`).

use crate::commands::Ctx;
use crate::error::{CommandError, Kind};
use crate::hints;
use crate::output::{kv_table, Printer, Report};
use cx2fa_core::enrolment;
use cx2fa_core::readiness::{self, ChannelCheck, Check, Level, UsersReadiness};
use cx2fa_core::settings::TwoFa;
use cx2fa_platform::fields;
use serde::Serialize;

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

/// The table's word for a check's level.
fn mark(level: Level) -> &'static str {
    match level {
        Level::Ok => "yes",
        Level::Warn => "warn",
        Level::Fail => "NO",
    }
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
            t.add_row(vec![
                c.name.clone(),
                mark(c.status).into(),
                c.detail.clone(),
            ]);
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

/// The users' row of the table, worded for this command line, and the posture it counted.
fn users_row(tenant: &str, users: UsersReadiness) -> (Check, Option<enrolment::Posture>) {
    match users {
        UsersReadiness::Counted { posture, read_only } => {
            let mut c = readiness::users_check(&posture, &hints::reset_stale(tenant));
            // The platform's registration writes are dropped too: nobody can register.
            if let Some(w) = read_only {
                c.status = Level::Fail;
                c.ok = false;
                c.detail
                    .push_str(&format!("; {}", crate::error::as_warning(w)));
            }
            (c, Some(posture))
        }
        UsersReadiness::Hidden(e) => {
            let e = CommandError::from(e);
            let detail = format!("{}; fix: {}", e.message, e.hint.unwrap_or_default());
            (Check::new("users", Level::Warn, detail), None)
        }
    }
}

pub async fn show(ctx: &Ctx) -> Result<(), CommandError> {
    let s = ctx.session().await?;
    let t = ctx.tenant_for_users(&s).await?;
    let r = readiness::tenant(&s, &t).await?;
    let (users_check, users) = users_row(t.id(), r.users);
    let mut checks = r.checks;
    checks.push(users_check);
    ctx.out.data(&ShowReport {
        tenant: t.id().into(),
        otp_manager_url: t.otp_manager_url().map(str::to_string),
        policy: r.policy,
        checks,
        channel: r.channel,
        users,
        ready: r.ready,
    })?;
    // A script or a cron job reads the verdict from the exit code, as from the table.
    if !r.ready {
        return Err(CommandError::new(
            Kind::Failed,
            format!(
                "tenant `{}` is NOT ready: {} failed",
                t.id(),
                r.failed.join(", ")
            ),
        )
        .with_hint("each failed row above names its fix"));
    }
    Ok(())
}

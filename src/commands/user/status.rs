//! `cx2fa user status`: one user's enrolment, or every user's with a posture summary; over
//! several tenants, `fleet`.

use super::fleet;
use crate::commands::Ctx;
use crate::error::CommandError;
use crate::output::{kv_table, Printer, Report};
use clap::Args;
use cx2fa_core::api::keycloak::Users;
use cx2fa_core::enrolment::{self, EnrolmentStatus, Posture};
use cx2fa_core::user_profile;
use serde::Serialize;

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// One user; without it, every user of the tenant's realm
    #[arg(add = clap_complete::engine::ArgValueCompleter::new(crate::complete::users))]
    pub username: Option<String>,
    /// `unregistered`, `stale`, `shared-contact`, `channel=SMS` (repeatable: all must hold)
    #[arg(long, value_name = "FILTER")]
    pub filter: Vec<String>,
    /// One posture row per tenant of the deployment, with a total (several `-t` work too)
    #[arg(long, conflicts_with_all = ["username", "filter"])]
    pub all_tenants: bool,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct UserList {
    pub tenant: String,
    pub realm: String,
    pub posture: Posture,
    pub users: Vec<EnrolmentStatus>,
}

fn yn(b: bool) -> String {
    if b {
        "yes".into()
    } else {
        "no".into()
    }
}

impl Report for UserList {
    fn render(&self, out: &Printer) -> String {
        let mut t = out.table(&[
            "username",
            "channel",
            "registered",
            "contact",
            "stale",
            "shared",
        ]);
        for u in &self.users {
            t.add_row(vec![
                u.username.clone(),
                u.channel.clone().unwrap_or_else(|| "-".into()),
                yn(u.registered),
                u.contact.clone().unwrap_or_default(),
                if u.bypass {
                    "BYPASS: any code passes".to_string()
                } else if u.stale {
                    u.stale_fields.join(", ")
                } else {
                    String::new()
                },
                if u.shared_with > 1 {
                    format!("with {}", u.shared_with_users.join(", "))
                } else {
                    String::new()
                },
            ]);
        }
        let p = &self.posture;
        let mut s = t.to_string();
        let mut c = out.table(&["channel", "registered", "not registered"]);
        for (ch, n) in &p.by_channel {
            c.add_row(vec![
                ch.clone(),
                n.registered.to_string(),
                n.unregistered.to_string(),
            ]);
        }
        s.push_str(&format!("\n\nrealm `{}`: {} users; {} not enrolled; {} stale policy copies; {} sharing a contact point\n{}", self.realm, p.users, p.unenrolled, p.stale, p.shared_contacts, c));
        s
    }
    fn csv(&self) -> Option<Vec<Vec<String>>> {
        let mut rows = vec![[
            "username",
            "channel",
            "registered",
            "contact",
            "stale",
            "staleFields",
            "sharedWith",
        ]
        .map(String::from)
        .to_vec()];
        for u in &self.users {
            rows.push(vec![
                u.username.clone(),
                u.channel.clone().unwrap_or_default(),
                u.registered.to_string(),
                u.contact.clone().unwrap_or_default(),
                u.stale.to_string(),
                u.stale_fields.join(" "),
                u.shared_with.to_string(),
            ]);
        }
        Some(rows)
    }
}

impl Report for EnrolmentStatus {
    fn render(&self, out: &Printer) -> String {
        let copy = self
            .policy_copy
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join(", ");
        kv_table(
            out,
            &[
                ("username", self.username.clone()),
                (
                    "channel",
                    self.channel
                        .clone()
                        .unwrap_or_else(|| "(not enrolled)".into()),
                ),
                ("registered", yn(self.registered)),
                ("contact", self.contact.clone().unwrap_or_default()),
                ("policy copy", copy),
                (
                    "stale",
                    if self.bypass {
                        "BYPASS: registered with a twoFAChannel not in upper case; the platform's login (connector 1.9.3) accepts any code; reset the user".into()
                    } else if self.stale {
                        format!(
                            "yes: {} differ from the tenant's policy; the next login fails or differs",
                            self.stale_fields.join(", ")
                        )
                    } else if !self.harmless_differences.is_empty() {
                        format!(
                            "no ({} differ, but the platform never reads them after registration)",
                            self.harmless_differences.join(", ")
                        )
                    } else {
                        "no".into()
                    },
                ),
                (
                    "shared contact",
                    if self.shared_with_users.is_empty() {
                        "no".into()
                    } else {
                        format!("yes, with {}", self.shared_with_users.join(", "))
                    },
                ),
                ("other 2FA attributes", self.other_attributes.join(", ")),
            ],
        )
    }
}

pub async fn status(ctx: &Ctx, a: StatusArgs) -> Result<(), CommandError> {
    if a.all_tenants || (ctx.tenant_ids().len() > 1 && a.username.is_none()) {
        if !a.filter.is_empty() {
            return Err(CommandError::usage("`--filter` lists users of one tenant")
                .with_hint("over many tenants, reset matching users with `user reset --all-tenants --filter ...`"));
        }
        return fleet::status(ctx, a.all_tenants).await;
    }
    let filters = a
        .filter
        .iter()
        .map(|f| enrolment::Filter::parse(f))
        .collect::<Result<Vec<_>, _>>()?;
    let s = ctx.session().await?;
    let t = ctx.tenant_for_users(&s).await?;
    let users = Users::new(&s, t.realm());
    if let Some(w) = user_profile::read(&users).await?.require_read(t.realm())? {
        ctx.out.warn(crate::error::as_warning(w));
    }
    if let Some(name) = a.username {
        return ctx
            .out
            .data(&enrolment::one(&users, &name, &t.two_fa()).await?);
    }
    let (all, posture) = enrolment::scan(&users, &t.two_fa(), 1000).await?;
    let list = all
        .into_iter()
        .filter(|u| filters.iter().all(|f| f.keeps(u)))
        .collect();
    ctx.out.data(&UserList {
        tenant: t.id().into(),
        realm: t.realm().into(),
        posture,
        users: list,
    })
}

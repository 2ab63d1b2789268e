//! `cx2fa tenant list`: the deployment's tenants with their 2FA state.

use crate::ctx::Ctx;
use crate::error::CommandError;
use crate::output::{Printer, Report};
use cx2fa_core::api::tenant::Tenants;
use cx2fa_platform::fields;
use serde::Serialize;
use serde_json::Value;

#[derive(Debug, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
// Its name in the published schemas (`schemas/output/`), which predate this name.
#[schemars(rename = "Row")]
pub struct TenantRow {
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
    pub tenants: Vec<TenantRow>,
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

pub(super) async fn run(ctx: &Ctx) -> Result<(), CommandError> {
    let s = ctx.session().await?;
    let tenants = Tenants::new(&s).list().await?;
    let rows = tenants
        .iter()
        .map(|t| TenantRow {
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

//! The JSON Schema of every `-o json` output (and of the NDJSON bulk report row and the JSON
//! error object), by name: `schemas/output/<name>.schema.json`. Generated from the types the
//! commands print, so that a change to a shape changes its schema; a test keeps the checked-in
//! files current and validates real outputs against them.

use super::SCHEMA_VERSION;
use serde_json::{json, Value};

/// One published schema.
struct SchemaEntry {
    /// Its file name, without `.schema.json`.
    name: &'static str,
    /// Which output it describes, for the README.
    what: &'static str,
    /// Its `description`.
    description: &'static str,
    shape: fn(&str) -> Value,
}

/// Every published schema, in the README's order.
const SCHEMAS: &[SchemaEntry] = &[
    SchemaEntry {
        name: "config-validate",
        what: "`config validate -o json`",
        description: "cx2fa config validate -o json",
        shape: schema::<crate::commands::config::ValidateReport>,
    },
    SchemaEntry {
        name: "tenant-list",
        what: "`tenant list -o json`",
        description: "cx2fa tenant list -o json",
        shape: schema::<crate::commands::tenant::TenantList>,
    },
    SchemaEntry {
        name: "tenant-show",
        what: "`tenant show` and `tenant create`",
        description: "cx2fa tenant show|create -o json",
        shape: schema::<crate::commands::tenant::TenantDoc>,
    },
    SchemaEntry {
        name: "tenant-backups",
        what: "`tenant backups -o json`",
        description: "cx2fa tenant backups -o json",
        shape: schema::<crate::commands::tenant::BackupList>,
    },
    SchemaEntry {
        name: "tenant-restore",
        what: "`tenant restore -o json`",
        description: "cx2fa tenant restore -o json: no changes, what would be restored (--dry-run), or what was",
        shape: schema::<crate::commands::tenant::RestoreReport>,
    },
    SchemaEntry {
        name: "policy-show",
        what: "`policy show -o json`",
        description: "cx2fa policy show -o json",
        shape: schema::<crate::commands::policy::ShowReport>,
    },
    SchemaEntry {
        name: "policy-push",
        what: "`policy plan|apply|enable|disable -o json`",
        description: "cx2fa policy plan|apply|enable|disable -o json",
        shape: schema::<crate::commands::policy::PushReport>,
    },
    SchemaEntry {
        name: "channel-list",
        what: "`channel list -o json`",
        description: "cx2fa channel list -o json",
        shape: schema::<crate::commands::channel::ChannelList>,
    },
    SchemaEntry {
        name: "channel-check",
        what: "`channel check -o json`",
        description: "cx2fa channel check -o json",
        shape: schema::<cx2fa_core::readiness::ChannelCheck>,
    },
    SchemaEntry {
        name: "user-status",
        what: "`user status -o json` (every user)",
        description: "cx2fa user status -o json",
        shape: schema::<crate::commands::user::UserList>,
    },
    SchemaEntry {
        name: "user-status-fleet",
        what: "`user status --all-tenants -o json` (and several `-t`)",
        description: "cx2fa user status --all-tenants -o json: one posture per tenant, with a total",
        shape: schema::<crate::commands::user::fleet::FleetStatus>,
    },
    SchemaEntry {
        name: "audit",
        what: "`audit -o json`",
        description: "cx2fa audit -o json: findings, with a summary per tenant and a total",
        shape: schema::<crate::commands::audit::AuditReport>,
    },
    SchemaEntry {
        name: "user-status-one",
        what: "`user status USER -o json`",
        description: "cx2fa user status USER -o json",
        shape: schema::<cx2fa_core::enrolment::EnrolmentStatus>,
    },
    SchemaEntry {
        name: "user-reset",
        what: "`user reset -o json`",
        description: "cx2fa user reset -o json",
        shape: schema::<crate::commands::user::ResetReport>,
    },
    SchemaEntry {
        name: "user-reset-report-row",
        what: "each line of `user reset --report`",
        description: "one line of the NDJSON report of cx2fa user reset --report",
        shape: schema::<cx2fa_core::bulk::ResetRow>,
    },
    SchemaEntry {
        name: "simulate-login",
        what: "`simulate-login -o json`",
        description: "cx2fa simulate-login -o json",
        shape: schema::<cx2fa_core::login::Transcript>,
    },
    SchemaEntry {
        name: "probe",
        what: "`probe --once -o json`",
        description: "cx2fa probe --once -o json: each tenant's login, readiness, posture, audit counts and errors",
        shape: schema::<crate::commands::probe::ProbeReport>,
    },
    SchemaEntry {
        name: "auth-status",
        what: "`auth login|status -o json`",
        description: "cx2fa auth login|status -o json",
        shape: schema::<crate::commands::auth::AuthStatus>,
    },
    SchemaEntry {
        name: "doctor",
        what: "`doctor -o json`",
        description: "cx2fa doctor -o json",
        shape: schema::<crate::commands::doctor::Doctor>,
    },
    #[cfg(feature = "sandbox")]
    SchemaEntry {
        name: "sandbox",
        what: "`sandbox -o json` (the banner)",
        description: "cx2fa sandbox -o json",
        shape: schema::<crate::commands::sandbox::Banner>,
    },
    #[cfg(feature = "sandbox")]
    SchemaEntry {
        name: "sandbox-rsa-code",
        what: "`sandbox rsa-code -o json`",
        description: "cx2fa sandbox rsa-code -o json",
        shape: schema::<crate::commands::sandbox::Tokencode>,
    },
    SchemaEntry {
        name: "version",
        what: "`version -o json`",
        description: "cx2fa version -o json",
        shape: schema::<crate::commands::version::Version>,
    },
    SchemaEntry {
        name: "error",
        what: "the error object on stderr with `-o json`",
        description: "the JSON error object cx2fa writes to stderr with -o json",
        shape: schema::<crate::output::ErrorOutput>,
    },
];

/// Every schema: its name, what it describes, and the schema itself.
pub fn output_schemas() -> Vec<(&'static str, &'static str, Value)> {
    SCHEMAS
        .iter()
        .map(|e| (e.name, e.what, (e.shape)(e.description)))
        .collect()
}

/// The schema of `T` as printed, described as `what`, with `schemaVersion` first, required,
/// and exactly this version.
fn schema<T: schemars::JsonSchema>(what: &str) -> Value {
    // The shape as printed (a field skipped when empty is not required).
    let generated = schemars::generate::SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<T>();
    let mut s = serde_json::to_value(generated).unwrap_or_default();
    s["description"] = json!(what);
    // `schemaVersion` first, required, and exactly this version.
    let mut props = serde_json::Map::new();
    props.insert(
        "schemaVersion".into(),
        json!({"const": SCHEMA_VERSION, "description": "the version of this shape; see README \"Machine contract\""}),
    );
    if let Some(Value::Object(p)) = s.get("properties") {
        for (k, v) in p {
            if k != "schemaVersion" {
                props.insert(k.clone(), v.clone());
            }
        }
    }
    s["properties"] = Value::Object(props);
    let mut required: Vec<Value> = vec![json!("schemaVersion")];
    if let Some(Value::Array(r)) = s.get("required") {
        required.extend(r.iter().filter(|v| *v != "schemaVersion").cloned());
    }
    s["required"] = Value::Array(required);
    s
}

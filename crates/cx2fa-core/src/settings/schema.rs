//! The JSON Schemas in `schemas/`, compiled in, and schema findings.

use super::validate::{ValidationFinding, ValidationSeverity};
use cx2fa_platform::fields;
use serde_json::Value;
use std::sync::OnceLock;

pub const UPDATE_SCHEMA: &str = include_str!("../../../../schemas/two-fa-update.schema.json");
pub const TENANT_SCHEMA: &str = include_str!("../../../../schemas/tenant.schema.json");

/// Which shape an input file has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DocKind {
    /// The documented partial payload `{"tenantSettings": {"keyCloak": {...}, "twoFAConfigs": {...}}}`.
    UpdatePayload,
    /// A whole tenant document (the create payload).
    TenantDocument,
}

impl DocKind {
    /// A document with a `tenantId` is a whole tenant; without, the update payload.
    pub fn detect(v: &Value) -> Self {
        if v.get(fields::TENANT_ID).is_some() || v.get(fields::TENANT_NAME).is_some() {
            DocKind::TenantDocument
        } else {
            DocKind::UpdatePayload
        }
    }
    pub fn describe(self) -> &'static str {
        match self {
            DocKind::UpdatePayload => "2FA update payload",
            DocKind::TenantDocument => "tenant document",
        }
    }
}

fn compiled(kind: DocKind) -> &'static jsonschema::Validator {
    static UPDATE: OnceLock<jsonschema::Validator> = OnceLock::new();
    static TENANT: OnceLock<jsonschema::Validator> = OnceLock::new();
    let (cell, text) = match kind {
        DocKind::UpdatePayload => (&UPDATE, UPDATE_SCHEMA),
        DocKind::TenantDocument => (&TENANT, TENANT_SCHEMA),
    };
    cell.get_or_init(|| {
        let schema: Value = serde_json::from_str(text).expect("checked-in schema is valid JSON");
        jsonschema::draft202012::new(&schema).expect("checked-in schema compiles")
    })
}

/// Every schema violation of `v` as `kind`.
pub fn check(kind: DocKind, v: &Value) -> Vec<ValidationFinding> {
    compiled(kind)
        .iter_errors(v)
        .map(|e| {
            ValidationFinding::new(
                ValidationSeverity::Error,
                e.instance_path().to_string(),
                e.to_string(),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_schemas_share_the_same_definitions() {
        let a: Value = serde_json::from_str(UPDATE_SCHEMA).unwrap();
        let b: Value = serde_json::from_str(TENANT_SCHEMA).unwrap();
        assert_eq!(a["$defs"], b["$defs"], "keep schemas/*.json $defs in step");
    }
}

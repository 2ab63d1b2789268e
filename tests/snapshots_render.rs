//! Snapshots of what admins read: the plan's diff table and the push summary.

use cx2fa::commands::policy::{PushReport, PushStatus, TenantOutcome};
use cx2fa::output::changes_table;
use cx2fa::output::{Printer, Report};
use cx2fa_core::settings::diff::diff;
use cx2fa_core::settings::merge::{apply, PolicyChange};
use cx2fa_core::settings::{ChannelType, Tenant};

fn seed() -> Tenant {
    Tenant(cx2fa_sandbox::seed::Seed::builtin().tenants[0].clone())
}

#[test]
fn plan_diff_table() {
    let before = seed();
    let change = PolicyChange::enable(
        &before,
        ChannelType::Sms,
        Some("+15550001000".into()),
        Some("http://localhost:3000/".into()),
        Some(90),
        None,
    )
    .unwrap();
    let after = apply(&before, &change).unwrap();
    insta::assert_snapshot!(changes_table(&Printer::plain(), &diff(&before.0, &after.0)));
}

#[test]
fn push_summary_for_several_tenants() {
    let before = seed();
    let after = apply(&before, &PolicyChange::disable()).unwrap();
    let report = PushReport {
        dry_run: false,
        tenants: vec![
            TenantOutcome {
                tenant: "expertflow".into(),
                status: PushStatus::Applied,
                changes: diff(&before.0, &after.0),
                warnings: vec![],
                channel: None,
                backup: None,
                error: None,
            },
            TenantOutcome {
                tenant: "acme".into(),
                status: PushStatus::NoChanges,
                changes: vec![],
                warnings: vec![],
                channel: None,
                backup: None,
                error: None,
            },
        ],
    };
    insta::assert_snapshot!(report.render(&Printer::plain()));
    insta::assert_json_snapshot!(report);
}

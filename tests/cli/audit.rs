//! `cx2fa audit`: every seeded case found with its kind and severity, nothing on a clean
//! tenant, exit codes for CI and cron, and `--fix` repairing exactly the fixable ones.

use crate::support::{run, Sandbox};
use serde_json::Value;

fn audit(sb: &Sandbox, args: &[&str]) -> (i32, Value, String) {
    let (code, out, err) = run(sb.cmd().arg("audit").args(args).args(["-o", "json"]));
    (code, serde_json::from_str(&out).unwrap_or(Value::Null), err)
}

/// (user, kind, severity) of every finding.
fn found(v: &Value) -> Vec<(String, String, String)> {
    let mut f: Vec<_> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["user"].as_str().unwrap_or("(tenant)").to_string(),
                f["kind"].as_str().unwrap().to_string(),
                f["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    f.sort();
    f
}

fn t(u: &str, k: &str, s: &str) -> (String, String, String) {
    (u.into(), k.into(), s.into())
}

#[test]
fn every_seeded_case_is_found_and_fix_repairs_the_fixable_ones() {
    let sb = Sandbox::start();
    let (code, v, err) = audit(&sb, &["--all-tenants"]);
    assert_eq!(code, 11, "high and critical findings fail the run: {err}");
    assert_eq!(
        found(&v),
        [
            t("(tenant)", "admin-not-enrolled", "medium"),
            t("agent.app", "channel-changed", "high"),
            t("agent.legacy", "bypass", "critical"),
            t("agent.pending", "pending-registration", "medium"),
            t("agent.rsa", "channel-changed", "high"),
            t("agent.shared1", "shared-contact", "low"),
            t("agent.shared2", "shared-contact", "low"),
            t("agent.sms", "channel-changed", "high"),
            t("agent.sms", "stale-identifier", "high"),
            t("agent.stale", "stale-identifier", "high"),
        ]
    );
    // The clean tenant has none; every finding names its tenant.
    let acme = v["tenants"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["tenant"] == "acme")
        .unwrap();
    assert_eq!(
        acme["findings"],
        serde_json::json!({"critical": 0, "high": 0, "medium": 0, "low": 0})
    );
    assert!(v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["tenant"] == "expertflow"));
    assert_eq!(v["total"]["critical"], 1);

    // Cron that cares only about bypasses still fails; below that threshold nothing does.
    assert_eq!(
        audit(&sb, &["-t", "expertflow", "--fail-on", "critical"]).0,
        11
    );
    assert_eq!(audit(&sb, &["-t", "acme", "--fail-on", "low"]).0, 0);

    // A dry run of the fix writes nothing.
    let (code, _, err) = run(sb
        .cmd()
        .args(["audit", "-t", "expertflow", "--fix", "--dry-run"]));
    assert_eq!(code, 11, "{err}");
    assert!(sb.attrs("expertflow", "agent.legacy")["twoFAChannel"].is_array());

    // Without a terminal, --fix needs --yes; with it, the fixable users are reset, no one else.
    let (code, _, err) = run(sb.cmd().args(["audit", "-t", "expertflow", "--fix"]));
    assert_eq!(code, 2, "{err}");
    let before_pending = sb.attrs("expertflow", "agent.pending");
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("fix.ndjson");
    let (code, _, err) = run(sb.cmd().args([
        "audit",
        "-t",
        "expertflow",
        "--fix",
        "--yes",
        "--report",
        report.to_str().unwrap(),
    ]));
    assert_eq!(
        code, 0,
        "the fixable findings were the only high ones: {err}"
    );
    let (_, names) = crate::support::report_usernames(&report);
    let mut names: Vec<String> = names.into_iter().collect();
    names.sort();
    assert_eq!(
        names,
        [
            "agent.app",
            "agent.legacy",
            "agent.rsa",
            "agent.sms",
            "agent.stale"
        ]
    );
    assert_eq!(
        sb.attrs("expertflow", "agent.pending"),
        before_pending,
        "untouched"
    );
    let (code, v, err) = audit(&sb, &["-t", "expertflow"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        found(&v),
        [
            t("(tenant)", "admin-not-enrolled", "medium"),
            t("agent.pending", "pending-registration", "medium"),
            t("agent.shared1", "shared-contact", "low"),
            t("agent.shared2", "shared-contact", "low"),
        ]
    );
    let (code, csv, _) = run(sb.cmd().args(["audit", "-t", "expertflow", "-o", "csv"]));
    assert_eq!(code, 0);
    assert!(
        csv.starts_with("tenant,realm,user,severity,kind,evidence,remedy\n"),
        "{csv}"
    );
}

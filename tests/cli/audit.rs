//! `cx2fa audit`: every seeded case found with its kind and severity, nothing on a clean
//! tenant, exit codes for CI and cron, and `--fix` repairing exactly the fixable ones.

use crate::support::{run, Sandbox};
use serde_json::Value;

fn audit(sb: &Sandbox, args: &[&str]) -> (i32, Value, String) {
    let o = run(sb.cmd().arg("audit").args(args).args(["-o", "json"]));
    (
        o.status,
        serde_json::from_str(&o.stdout).unwrap_or(Value::Null),
        o.stderr,
    )
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

/// The findings of one tenant.
fn of(v: &Value, tenant: &str) -> Vec<(String, String, String)> {
    let mut only = v.clone();
    only["findings"] = Value::Array(
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["tenant"] == tenant)
            .cloned()
            .collect(),
    );
    found(&only)
}

#[test]
fn every_seeded_case_is_found_and_fix_repairs_the_fixable_ones() {
    let sb = Sandbox::start();
    let (code, v, err) = audit(&sb, &["--all-tenants"]);
    assert_eq!(code, 11, "high and critical findings fail the run: {err}");
    assert_eq!(
        of(&v, "expertflow"),
        [
            t("(tenant)", "admin-not-enrolled", "medium"),
            t("agent.app", "channel-changed", "high"),
            t("agent.legacy", "bypass", "critical"),
            t("agent.pending", "pending-registration", "medium"),
            t("agent.rsa", "channel-changed", "high"),
            t("agent.shared1", "shared-contact", "low"),
            t("agent.shared2", "shared-contact", "low"),
            // One finding per cause: its identifier differs because its channel does.
            t("agent.sms", "channel-changed", "high"),
            t("agent.stale", "stale-identifier", "high"),
        ]
    );
    // An APP tenant upgraded from 1.7 whose document keeps the guide's default password, and
    // a hand-edited SMS tenant.
    assert_eq!(
        of(&v, "globex"),
        [
            t("(tenant)", "weak-credentials", "medium"),
            t("globex.twosecrets", "two-secrets", "medium"),
        ]
    );
    assert_eq!(
        of(&v, "initech"),
        [
            t("(tenant)", "otp-manager-url", "high"),
            t("(tenant)", "tenant-channel-case", "high"),
            t("initech.nocontact", "missing-contact", "high"),
        ]
    );
    assert_eq!(found(&v).len(), 14, "nothing else: {v}");
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
    assert_eq!(v["total"]["critical"], 1);

    // Cron that cares only about bypasses still fails; below that threshold nothing does.
    assert_eq!(
        audit(&sb, &["-t", "expertflow", "--fail-on", "critical"]).0,
        11
    );
    assert_eq!(audit(&sb, &["-t", "acme", "--fail-on", "low"]).0, 0);

    // The audit as a person reads it: the findings, the summary, the exit for findings.
    insta::assert_snapshot!(sb.run(sb.cmd().args(["audit", "-t", "expertflow"])), @r"
        ┌────────────┬───────────────┬──────────┬──────────────────────┬───────────────────────────────────────────────────────────────────────────┬─────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┐
        │ tenant     ┆ user          ┆ severity ┆ kind                 ┆ evidence                                                                  ┆ remedy                                                                                                                          │
        ╞════════════╪═══════════════╪══════════╪══════════════════════╪═══════════════════════════════════════════════════════════════════════════╪═════════════════════════════════════════════════════════════════════════════════════════════════════════════════════════════════╡
        │ expertflow ┆ agent.legacy  ┆ CRITICAL ┆ bypass               ┆ is2FARegistered=true, twoFAChannel=`sms`                                  ┆ cx2fa user reset -t expertflow agent.legacy   (or: cx2fa audit -t expertflow --fix)                                             │
        │ expertflow ┆ agent.app     ┆ high     ┆ channel-changed      ┆ registered for `APP`, the tenant uses another channel                     ┆ cx2fa user reset -t expertflow agent.app   (or: cx2fa audit -t expertflow --fix)                                                │
        │ expertflow ┆ agent.rsa     ┆ high     ┆ channel-changed      ┆ registered for `RSA`, the tenant uses another channel                     ┆ cx2fa user reset -t expertflow agent.rsa   (or: cx2fa audit -t expertflow --fix)                                                │
        │ expertflow ┆ agent.sms     ┆ high     ┆ channel-changed      ┆ registered for `SMS`, the tenant uses another channel                     ┆ cx2fa user reset -t expertflow agent.sms   (or: cx2fa audit -t expertflow --fix)                                                │
        │ expertflow ┆ agent.stale   ┆ high     ┆ stale-identifier     ┆ channelServiceIdentifier=`old-otp@example.test` differs from the tenant's ┆ cx2fa user reset -t expertflow agent.stale   (or: cx2fa audit -t expertflow --fix)                                              │
        │ expertflow ┆ (tenant)      ┆ medium   ┆ admin-not-enrolled   ┆ the realm admin `admin` is not registered for 2FA                         ┆ log in once as the realm admin to register, before relying on 2FA: cx2fa simulate-login -t expertflow --user <admin> --register │
        │ expertflow ┆ agent.pending ┆ medium   ┆ pending-registration ┆ is2FARegistered is not true                                               ┆ none needed: `agent.pending` registers again at the next login; to start over: cx2fa user reset -t expertflow agent.pending     │
        │ expertflow ┆ agent.shared1 ┆ low      ┆ shared-contact       ┆ contact s***@example.test is shared by 2 users                            ┆ confirm the shared phone or address is intended; otherwise reset the users so they register their own                           │
        │ expertflow ┆ agent.shared2 ┆ low      ┆ shared-contact       ┆ contact s***@example.test is shared by 2 users                            ┆ confirm the shared phone or address is intended; otherwise reset the users so they register their own                           │
        └────────────┴───────────────┴──────────┴──────────────────────┴───────────────────────────────────────────────────────────────────────────┴─────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
        expertflow: 12 users; 1 critical, 4 high, 2 medium, 2 low
        total: 1 critical, 4 high, 2 medium, 2 low
        ------- stderr -------
        error: 5 finding(s) at or above `high`

        hint: each finding names its remedy; `--fix` applies the resets
        [exit status: 11]
    ");

    // A dry run of the fix writes nothing.
    let o = run(sb
        .cmd()
        .args(["audit", "-t", "expertflow", "--fix", "--dry-run"]));
    assert_eq!(o.status, 11, "{o}");
    assert!(sb.attrs("expertflow", "agent.legacy")["twoFAChannel"].is_array());

    // Without a terminal, --fix needs --yes; with it, the fixable users are reset, no one else.
    // The table is the one above: what matters here is the refusal.
    let o = sb.run(sb.cmd().args(["audit", "-t", "expertflow", "--fix"]));
    assert_eq!(o.status, 2, "{o}");
    insta::assert_snapshot!(o.normalised_stderr(), @r"
    error: confirmation is needed but there is no terminal to ask on

    hint: pass `--yes`
    ");
    let before_pending = sb.attrs("expertflow", "agent.pending");
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("fix.ndjson");
    let o = run(sb.cmd().args([
        "audit",
        "-t",
        "expertflow",
        "--fix",
        "--yes",
        "--report",
        report.to_str().unwrap(),
    ]));
    assert_eq!(
        o.status, 0,
        "the fixable findings were the only high ones: {o}"
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
    let o = run(sb.cmd().args(["audit", "-t", "expertflow", "-o", "csv"]));
    assert_eq!(o.status, 0);
    assert!(
        o.stdout
            .starts_with("tenant,realm,user,severity,kind,evidence,remedy\n"),
        "{o}"
    );
}

/// `--fix --all-tenants` repairs every fixable kind on every tenant (bypass, channel change,
/// stale identifier, missing contact, two secrets) and touches nothing else; what a reset
/// cannot repair (the tenant document's own faults) is still reported afterwards.
#[test]
fn fix_over_every_tenant_leaves_only_what_a_reset_cannot_repair() {
    let sb = Sandbox::start();
    let before_twosecrets = sb.attrs("globex", "globex.app");
    let o = sb.run(sb.cmd().args(["audit", "--all-tenants", "--fix", "--yes"]));
    // initech's document is still wrong (high): the run says so.
    assert_eq!(o.status, 11, "{o}");
    insta::assert_snapshot!(o.normalised_stderr(), @r"
        error: 2 finding(s) at or above `high`

        hint: each finding names its remedy; `--fix` applies the resets
    ");
    assert_eq!(
        sb.attrs("globex", "globex.app"),
        before_twosecrets,
        "untouched"
    );
    let (_, v, _) = audit(&sb, &["--all-tenants"]);
    let kinds: std::collections::BTreeSet<String> =
        found(&v).into_iter().map(|(_, k, _)| k).collect();
    assert_eq!(
        kinds.into_iter().collect::<Vec<_>>(),
        [
            "admin-not-enrolled",
            "otp-manager-url",
            "pending-registration",
            "shared-contact",
            "tenant-channel-case",
            "weak-credentials",
        ]
    );
}

/// The two kinds that only a Keycloak 24+ user profile produces: enrolment attributes the
/// admin API can read but not write (`ADMIN_VIEW`, the platform's registration writes are
/// dropped), and enrolled users without e-mail or names (the profile blocks their login).
#[test]
fn user_profile_kinds_are_found_on_keycloak_24_and_later() {
    use cx2fa_sandbox::variant::{Keycloak, Unmanaged, UserProfile};
    let with = |unmanaged| {
        Sandbox::with(cx2fa_sandbox::Config {
            keycloak: Keycloak {
                profile: Some(UserProfile {
                    unmanaged,
                    declared: vec![],
                }),
                ..Keycloak::default()
            },
            ..cx2fa_sandbox::Config::default()
        })
    };
    let sb = with(Unmanaged::AdminView);
    let (code, v, err) = audit(&sb, &["-t", "expertflow"]);
    assert_eq!(code, 11, "{err}");
    assert!(
        found(&v).contains(&t("(tenant)", "enrolment-read-only", "high")),
        "{v}"
    );

    let sb = with(Unmanaged::Enabled);
    let (_, v, err) = audit(&sb, &["-t", "expertflow"]);
    let incomplete: Vec<String> = found(&v)
        .into_iter()
        .filter(|(_, k, _)| k == "profile-incomplete")
        .map(|(u, _, s)| format!("{u} {s}"))
        .collect();
    // Seeded without e-mail or names: agent.sms, agent.app, agent.rsa... (enrolled ones only).
    assert!(
        incomplete.contains(&"agent.sms medium".to_string())
            && !incomplete.iter().any(|u| u.starts_with("agent.none ")),
        "{incomplete:?} {err}"
    );
    assert!(!found(&v).iter().any(|(_, k, _)| k == "enrolment-read-only"));
}

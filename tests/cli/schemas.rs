//! The machine contract for CI scripts: every `-o json` output, the NDJSON bulk report and the
//! JSON error object carry `schemaVersion` and validate against their checked-in schema in
//! `schemas/output/`. A change to a shape fails here until the schema (and, when the change
//! is breaking, `SCHEMA_VERSION`) is updated: `CX2FA_REGENERATE=1 cargo test --test cli schemas`.

use crate::support::servers::sandbox_banner;
use crate::support::{file, run, Sandbox, TestEnv, UPDATE_EMAIL};
use serde_json::Value;
use std::collections::BTreeSet;
use std::io::BufRead;
use std::path::PathBuf;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("schemas/output")
}

#[test]
fn output_schemas_are_current() {
    let regenerate = std::env::var_os("CX2FA_REGENERATE").is_some();
    let mut stale = vec![];
    let expected: BTreeSet<String> = cx2fa::commands::output_schemas()
        .into_iter()
        .map(|(name, _, schema)| {
            let path = dir().join(format!("{name}.schema.json"));
            let text = serde_json::to_string_pretty(&schema).unwrap() + "\n";
            if regenerate {
                std::fs::create_dir_all(dir()).unwrap();
                std::fs::write(&path, &text).unwrap();
            } else if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
                stale.push(name);
            }
            format!("{name}.schema.json")
        })
        .collect();
    let on_disk: BTreeSet<String> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        stale.is_empty(),
        "schemas/output is stale for {stale:?}: a printed shape changed. Regenerate with `CX2FA_REGENERATE=1 cargo test --test cli schemas`, and raise `SCHEMA_VERSION` (crates/cx2fa-core/src/lib.rs) if the change is breaking"
    );
    assert_eq!(
        on_disk, expected,
        "a schema file without a shape, or a shape without a file"
    );
}

fn validate(name: &str, instance: &Value, what: &str) {
    let path = dir().join(format!("{name}.schema.json"));
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let v = jsonschema::draft202012::new(&schema).expect("the schema compiles");
    let errors: Vec<String> = v
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{what} does not match {name}.schema.json: {errors:#?}\n{instance:#}"
    );
    assert_eq!(
        instance["schemaVersion"],
        cx2fa::output::SCHEMA_VERSION,
        "{what}"
    );
}

/// Every command in JSON mode against the sandbox, each output validated.
#[test]
fn every_json_output_matches_its_schema() {
    let sb = Sandbox::start();
    // The seed's bypassed user makes `policy show` exit 1 (NOT ready): reset it first.
    assert_eq!(
        run(sb.cmd().args(["user", "reset", "agent.legacy", "--yes"])).status,
        0
    );
    let seen = std::cell::RefCell::new(BTreeSet::new());
    let check = |name: &'static str, args: &[&str], stdin: Option<&str>| {
        let mut c = sb.cmd();
        c.args(args).args(["-o", "json"]);
        if let Some(s) = stdin {
            c.write_stdin(s.to_string());
        }
        let o = run(&mut c);
        assert!(o.status == 0 || o.status == 10, "{args:?}: exit {o}");
        let v: Value =
            serde_json::from_str(&o.stdout).unwrap_or_else(|e| panic!("{args:?}: {e}: {o}"));
        validate(name, &v, &format!("{args:?}"));
        seen.borrow_mut().insert(name);
    };
    let (_p, payload) = file(UPDATE_EMAIL.as_bytes());
    check("config-validate", &["config", "validate", &payload], None);
    check("tenant-list", &["tenant", "list"], None);
    check("tenant-show", &["tenant", "show"], None);
    check("policy-show", &["policy", "show"], None);
    check(
        "probe",
        &[
            "probe",
            "--once",
            "--user",
            "agent.email",
            "--contact",
            "agent.email@example.test",
            "--otp-from-outbox",
        ],
        None,
    );
    check("audit", &["audit", "-t", "acme"], None);
    check(
        "user-status-fleet",
        &["user", "status", "--all-tenants"],
        None,
    );
    check("policy-push", &["policy", "plan", "-f", &payload], None);
    check("policy-push", &["policy", "disable", "--yes"], None);
    check("tenant-backups", &["tenant", "backups"], None);
    let backups = run(sb.cmd().args(["tenant", "backups", "-o", "json"])).stdout;
    let backups: Value = serde_json::from_str(&backups).unwrap();
    let name = backups["backups"][0]["name"].as_str().unwrap().to_string();
    check(
        "tenant-restore",
        &["tenant", "restore", &name, "--dry-run"],
        None,
    );
    check(
        "tenant-restore",
        &["tenant", "restore", &name, "--yes"],
        None,
    );
    check("channel-list", &["channel", "list"], None);
    check(
        "channel-check",
        &[
            "channel",
            "check",
            "--type",
            "EMAIL",
            "--identifier",
            "support@example.test",
        ],
        None,
    );
    check("user-status", &["user", "status"], None);
    check("user-status-one", &["user", "status", "agent.sms"], None);
    let d = tempfile::tempdir().unwrap();
    let report = d.path().join("r.ndjson");
    check(
        "user-reset",
        &[
            "user",
            "reset",
            "--from",
            "-",
            "--yes",
            "--report",
            report.to_str().unwrap(),
        ],
        Some("agent.stale\nagent.app\n"),
    );
    for line in std::io::BufReader::new(std::fs::File::open(&report).unwrap()).lines() {
        validate(
            "user-reset-report-row",
            &serde_json::from_str(&line.unwrap()).unwrap(),
            "a report row",
        );
    }
    seen.borrow_mut().insert("user-reset-report-row");
    check(
        "simulate-login",
        &[
            "simulate-login",
            "--user",
            "agent.email",
            "--otp-from-outbox",
        ],
        None,
    );
    check("auth-status", &["auth", "status"], None);
    check("doctor", &["doctor"], None);
    check(
        "sandbox-rsa-code",
        &["sandbox", "rsa-code", "agent.rsa"],
        None,
    );
    check("version", &["version", "--verbose"], None);
    check("version", &["version"], None);
    // The error object on stderr.
    let o = run(sb.cmd().args(["user", "status", "ghost", "-o", "json"]));
    assert_eq!(o.status, 1);
    validate(
        "error",
        &serde_json::from_str(o.stderr.trim()).unwrap(),
        "the error object",
    );
    seen.borrow_mut().insert("error");
    // The sandbox's banner, from a real server started and stopped.
    let (mut child, banner) =
        sandbox_banner(&TestEnv::at(d.path()), &[], std::process::Stdio::null());
    let _ = child.kill();
    let _ = child.wait();
    validate("sandbox", &banner, "the banner");
    seen.borrow_mut().insert("sandbox");
    let all: BTreeSet<&str> = cx2fa::commands::output_schemas()
        .into_iter()
        .map(|(n, _, _)| n)
        .collect();
    assert_eq!(
        seen.into_inner(),
        all,
        "every schema is exercised by a real output"
    );
}

/// #26.10: with `-o json`, every line on stderr is a JSON object (a warning, a status line or
/// the error), never text before the error object.
#[test]
fn with_json_output_stderr_is_json_lines_only() {
    let sb = Sandbox::start();
    let o = run(sb
        .cmd()
        .args(["policy", "show", "-t", "nope", "--insecure", "-o", "json"]));
    assert_eq!(o.status, 1, "{o}");
    let lines: Vec<Value> = o
        .stderr
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l:?}")))
        .collect();
    assert!(
        lines.iter().any(|l| l["warning"]
            .as_str()
            .is_some_and(|w| w.contains("--insecure"))),
        "{o}"
    );
    assert!(lines.last().unwrap()["error"]["kind"].is_string(), "{o}");
    assert!(
        lines
            .iter()
            .all(|l| l["schemaVersion"] == cx2fa::output::SCHEMA_VERSION),
        "{o}"
    );
}

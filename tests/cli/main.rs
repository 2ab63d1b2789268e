//! One integration-test binary: the real `cx2fa` against in-process sandboxes.

mod audit;
mod backends;
mod contract;
mod credentials;
mod differential;
mod doctor;
mod fidelity;
mod hostile;
mod house;
mod imap;
mod inputs;
mod leaks;
mod local;
mod login;
mod policy;
mod probe;
mod pty;
mod real;
mod real_keycloak;
mod reference;
mod scale;
mod schemas;
mod support;
mod transport;
mod users;
mod validate;

/// Every `tests/cli/*.rs` is a module of this binary: a file left out of the list above would
/// compile into nothing and its tests would never run (jj's `test_no_forgotten_test_files`).
#[test]
fn no_test_file_is_forgotten() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cli");
    let main = std::fs::read_to_string(dir.join("main.rs")).unwrap();
    let declared: std::collections::BTreeSet<&str> = main
        .lines()
        .filter_map(|l| l.strip_prefix("mod ")?.strip_suffix(';'))
        .collect();
    let mut forgotten = vec![];
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let module = match name.strip_suffix(".rs") {
            Some(m) if m != "main" => m.to_string(),
            // A folder is a module when it has a mod.rs (support/); others hold data.
            None if path.join("mod.rs").exists() => name,
            _ => continue,
        };
        if !declared.contains(module.as_str()) {
            forgotten.push(module);
        }
    }
    assert!(
        forgotten.is_empty(),
        "add `mod NAME;` to tests/cli/main.rs for: {forgotten:?}"
    );
}

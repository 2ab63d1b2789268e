//! `config validate` through the real binary: good inputs, and bad ones with precise messages.

use crate::support::{file, run, CommandOutput, Sandbox, TestEnv, UPDATE_EMAIL};

/// `config validate` of `text` as a file, which the output calls `F`.
fn validate(text: &str) -> CommandOutput {
    let (_d, p) = file(text.as_bytes());
    let mut o = run(TestEnv::new().cx2fa().args(["config", "validate", &p]));
    o.stdout = o.stdout.replace(&p, "F");
    o.stderr = o.stderr.replace(&p, "F");
    o
}

fn seed_payload() -> String {
    // The configuration guide's update payload, as pasted: NBSPs and `//` comments.
    "{\n\u{a0}   \"tenantSettings\": {\n        \"keyCloak\": {\n            \"Otp_Manager_Url\": \"http://ef-cx-otp-manager-svc:3000/\", // must be inside keyCloak object\n        },\n        \"twoFAConfigs\": {              // must be inside tenantSettings object\n            \"is2FAEnabled\": true,        // true | false\n            \"channelType\": \"EMAIL\",\n            \"channelServiceIdentifier\": \"otp-mail@example.test\",\n            \"otpExpiry\": 60,\n            \"otpMaxAttempts\": 5\n        \n        }\n    }\n}\n".into()
}

#[test]
fn the_guides_payloads_validate_as_pasted() {
    let o = validate(&seed_payload());
    assert_eq!(o.status, 0, "{o}");
    assert!(
        o.stdout
            .contains("2FA update payload, 0 error(s), 0 warning(s)"),
        "{o}"
    );
    assert!(
        o.stdout
            .contains("ignored 1 non-breaking space(s), 3 comment(s), 1 trailing comma(s)"),
        "{o}"
    );
    let full = cx2fa_sandbox::seed::Seed::builtin().tenants[0].to_string();
    let o = validate(&full);
    assert_eq!(o.status, 0, "{o}");
    assert!(o.stdout.contains("tenant document"), "{o}");
}

/// (description, input, exit code, expected substring with line:column, pointer or message).
fn cases() -> Vec<(&'static str, String, i32, Vec<&'static str>)> {
    let u = UPDATE_EMAIL;
    vec![
        ("syntax: missing comma", u.replace("\"is2FAEnabled\": true,", "\"is2FAEnabled\": true"), 1, vec!["F:8:13: malformed JSON: expected `,` or `}`"]),
        ("syntax: unterminated string", "{\"tenantSettings\": {\"x\": \"abc}}".into(), 1, vec!["F:1:31: malformed JSON: EOF while parsing a string"]),
        ("syntax: cut after a backslash in a string", "{\"tenantSettings\": {\"x\": \"abc\\".into(), 1, vec!["F:1:30: malformed JSON: EOF while parsing a string"]),
        ("syntax: bare word", "{\"a\": yes}".into(), 1, vec!["F:1:7: malformed JSON: expected value"]),
        ("syntax: trailing garbage", format!("{u} x"), 1, vec!["malformed JSON: trailing characters"]),
        ("empty file", String::new(), 1, vec!["F: the file is empty"]),
        ("whitespace only", "  \n\n".into(), 1, vec!["the file is empty"]),
        ("top level is an array", "[1, 2]".into(), 1, vec!["F:1:1: error:", "is not of type \"object\" []"]),
        ("missing tenantSettings", "{\"x\": 1}".into(), 1, vec!["F:1:1: error: \"tenantSettings\" is a required property []"]),
        ("missing twoFAConfigs", "{\"tenantSettings\": {\"keyCloak\": {}}}".into(), 1, vec!["F:1:20: error: \"twoFAConfigs\" is a required property [/tenantSettings]"]),
        ("twoFAConfigs not an object", "{\"tenantSettings\": {\"twoFAConfigs\": 5}}".into(), 1, vec!["F:1:37: error: 5 is not of type \"object\" [/tenantSettings/twoFAConfigs]"]),
        ("is2FAEnabled a string", u.replace("\"is2FAEnabled\": true", "\"is2FAEnabled\": \"true\""), 1, vec!["F:7:29: error: \"true\" is not of type \"boolean\" [/tenantSettings/twoFAConfigs/is2FAEnabled]"]),
        ("is2FAEnabled missing", u.replace("\"is2FAEnabled\": true,", ""), 1, vec!["error: \"is2FAEnabled\" is a required property [/tenantSettings/twoFAConfigs]"]),
        ("channelType lowercase", u.replace("\"EMAIL\"", "\"email\""), 1, vec!["F:8:28: error:", "[/tenantSettings/twoFAConfigs/channelType]"]),
        ("channelType unknown", u.replace("\"EMAIL\"", "\"FAX\""), 1, vec!["F:8:28: error: \"FAX\" is not one of", "[/tenantSettings/twoFAConfigs/channelType]"]),
        ("channelType missing when enabled", u.replace("\"channelType\": \"EMAIL\",", ""), 1, vec!["\"channelType\" is a required property [/tenantSettings/twoFAConfigs]"]),
        // Digits in a string: what the connector itself writes at registration; it runs (#24).
        ("otpExpiry digits in a string", u.replace("\"otpExpiry\": 60", "\"otpExpiry\": \"60\""), 0, vec!["F:10:26: warning: otpExpiry is the string \"60\""]),
        ("otpExpiry not a number", u.replace("\"otpExpiry\": 60", "\"otpExpiry\": \"sixty\""), 1, vec!["F:10:26: error: \"sixty\" does not match"]),
        ("otpExpiry zero", u.replace("\"otpExpiry\": 60", "\"otpExpiry\": 0"), 1, vec!["F:10:26: error: 0 is less than the minimum of 1 [/tenantSettings/twoFAConfigs/otpExpiry]"]),
        ("otpExpiry negative", u.replace("\"otpExpiry\": 60", "\"otpExpiry\": -5"), 1, vec!["-5 is less than the minimum of 1"]),
        ("otpExpiry fractional", u.replace("\"otpExpiry\": 60", "\"otpExpiry\": 60.5"), 1, vec!["60.5 is not of types \"integer\", \"string\""]),
        ("otpMaxAttempts zero", u.replace("\"otpMaxAttempts\": 3", "\"otpMaxAttempts\": 0"), 1, vec!["F:11:31: error: 0 is less than the minimum of 1 [/tenantSettings/twoFAConfigs/otpMaxAttempts]"]),
        ("otpMaxAttempts null", u.replace("\"otpMaxAttempts\": 3", "\"otpMaxAttempts\": null"), 1, vec!["null is not of types \"integer\", \"string\" [/tenantSettings/twoFAConfigs/otpMaxAttempts]"]),
        ("Otp_Manager_Url missing", u.replace("\"Otp_Manager_Url\": \"http://ef-cx-otp-manager-svc:3000/\"", ""), 1, vec!["F:3:21: error: `keyCloak.Otp_Manager_Url` is required when is2FAEnabled is true with channelType EMAIL [/tenantSettings/keyCloak/Otp_Manager_Url]"]),
        ("Otp_Manager_Url without slash", u.replace(":3000/", ":3000"), 1, vec!["F:4:32: error: `http://ef-cx-otp-manager-svc:3000` must end with `/`", "[/tenantSettings/keyCloak/Otp_Manager_Url]"]),
        ("Otp_Manager_Url relative", u.replace("http://ef-cx-otp-manager-svc:3000/", "ef-cx-otp-manager-svc/"), 1, vec!["F:4:32: error: `ef-cx-otp-manager-svc/` is not an absolute URL"]),
        ("Otp_Manager_Url ftp", u.replace("http://", "ftp://"), 1, vec!["must be an http or https URL"]),
        ("Otp_Manager_Url a number", u.replace("\"http://ef-cx-otp-manager-svc:3000/\"", "3000"), 1, vec!["F:4:32: error: 3000 is not of type \"string\" [/tenantSettings/keyCloak/Otp_Manager_Url]"]),
        ("EMAIL identifier not an email", u.replace("support@example.test", "support"), 1, vec!["F:9:41: error: `support` is not an email address", "[/tenantSettings/twoFAConfigs/channelServiceIdentifier]"]),
        ("EMAIL identifier with an NBSP", u.replace("support@example.test", "support@example.test\u{a0}"), 1, vec!["is not an email address"]),
        ("EMAIL identifier missing", u.replace("\"channelServiceIdentifier\": \"support@example.test\",", ""), 1, vec!["error: channelServiceIdentifier is required for channelType EMAIL"]),
        ("EMAIL identifier empty", u.replace("support@example.test", ""), 1, vec!["channelServiceIdentifier is required for channelType EMAIL"]),
        ("SMS identifier not a number", u.replace("\"EMAIL\"", "\"SMS\"").replace("support@example.test", "sms-sender"), 1, vec!["F:9:41: error: `sms-sender` is not a phone number"]),
        ("identifier a number", u.replace("\"support@example.test\"", "5"), 1, vec!["5 is not of type \"string\" [/tenantSettings/twoFAConfigs/channelServiceIdentifier]"]),
        ("keyCloak not an object", "{\"tenantSettings\": {\"keyCloak\": \"none\", \"twoFAConfigs\": {\"is2FAEnabled\": false}}}".into(), 1, vec!["F:1:33: error: \"none\" is not of type \"object\" [/tenantSettings/keyCloak]"]),
        ("tenant document without tenantName", "{\"tenantId\": \"t\", \"tenantSettings\": {\"keyCloak\": {}}}".into(), 1, vec!["F:1:1: error: \"tenantName\" is a required property []"]),
        ("tenant document with blank tenantId", "{\"tenantId\": \"a b\", \"tenantName\": \"n\", \"tenantSettings\": {\"keyCloak\": {}}}".into(), 1, vec!["F:1:14: error:", "[/tenantId]"]),
        ("tenant document RSA without keys", "{\"tenantId\": \"t\", \"tenantName\": \"n\", \"tenantSettings\": {\"keyCloak\": {\"RSA_Server_URL\": \"\"}, \"twoFAConfigs\": {\"is2FAEnabled\": true, \"channelType\": \"RSA\", \"otpExpiry\": 60, \"otpMaxAttempts\": 3}}}".into(), 1, vec!["error: `keyCloak.RSA_Server_URL` is required for channelType RSA", "error: `keyCloak.RSA_Client_Key` is required", "note: channelType RSA is accepted by the Keycloak connector"]),
    ]
}

#[test]
fn every_bad_input_gets_its_precise_message_and_exit_code() {
    let cases = cases();
    assert!(cases.len() >= 30);
    let mut wrong = vec![];
    for (what, input, code, wants) in cases {
        let o = validate(&input);
        let all = format!("{}\n{}", o.stdout, o.stderr);
        if o.status != code {
            wrong.push(format!(
                "{what}: exit code {}, want {code}\n{all}",
                o.status
            ));
        }
        for w in wants.iter().filter(|w| !all.contains(**w)) {
            wrong.push(format!("{what}: expected `{w}` in\n{all}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn warnings_pass_unless_strict_and_suggest_keys() {
    let text = UPDATE_EMAIL.replace(
        "\"otpExpiry\": 60",
        "\"otpExpiry\": 600, \"otpMaxAtempts\": 3",
    );
    insta::assert_snapshot!(validate(&text), @r"
        ✓ F: 2FA update payload, 0 error(s), 2 warning(s)
          F:10:26: warning: otpExpiry 600 s is outside the recommended 60–120 s [/tenantSettings/twoFAConfigs/otpExpiry]
          F:10:48: warning: unknown key `otpMaxAtempts` in twoFAConfigs is ignored by the platform; did you mean `otpMaxAttempts`? [/tenantSettings/twoFAConfigs/otpMaxAtempts]
        1 file(s): 1 valid, 0 invalid; 0 error(s), 2 warning(s)
        [exit status: 0]
    ");
    let (_d, p) = file(text.as_bytes());
    let o = run(TestEnv::new()
        .cx2fa()
        .args(["config", "validate", "--strict", &p]));
    insta::assert_snapshot!(o, @r"
        ✓ [TEMP]/input.json: 2FA update payload, 0 error(s), 2 warning(s)
          [TEMP]/input.json:10:26: warning: otpExpiry 600 s is outside the recommended 60–120 s [/tenantSettings/twoFAConfigs/otpExpiry]
          [TEMP]/input.json:10:48: warning: unknown key `otpMaxAtempts` in twoFAConfigs is ignored by the platform; did you mean `otpMaxAttempts`? [/tenantSettings/twoFAConfigs/otpMaxAtempts]
        1 file(s): 0 valid, 1 invalid; 0 error(s), 2 warning(s)
        ------- stderr -------
        error: 1 of 1 file(s) invalid (warnings count as errors with --strict)

        hint: fix the findings above; each names its JSON pointer and line:column
        [exit status: 1]
    ");
}

#[test]
fn files_that_are_not_json_documents_are_refused_clearly() {
    let d = tempfile::tempdir().unwrap();
    let bin = d.path().join("b.json");
    std::fs::write(&bin, b"\x00\x01\x02").unwrap();
    let latin1 = d.path().join("l.json");
    std::fs::write(&latin1, b"{\"a\": \"\xe9\"}").unwrap();
    let big = d.path().join("big.json");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(100 * 1024 * 1024)
        .unwrap();
    let dir = d.path().display().to_string();
    let missing = d.path().join("nope.json").display().to_string();
    let cases = [
        (bin.display().to_string(), "looks like a binary file"),
        (latin1.display().to_string(), "not UTF-8 text"),
        (
            big.display().to_string(),
            "is too large for a tenant document",
        ),
        (dir, "is a directory, not a JSON file"),
        (missing, "no such file"),
    ];
    for (path, want) in cases {
        let o = run(TestEnv::new().cx2fa().args(["config", "validate", &path]));
        assert_eq!(o.status, 1, "{path}");
        assert!(o.stdout.contains(want), "{path}: {o}");
    }
}

#[test]
fn many_files_in_parallel_with_json_results_and_stdin() {
    let (_a, good) = file(UPDATE_EMAIL.as_bytes());
    let (_b, bad) = file(b"{");
    let o = run(TestEnv::new()
        .cx2fa()
        .args(["config", "validate", "-o", "json", &good, &bad, "-"])
        .write_stdin(seed_payload()));
    assert_eq!(o.status, 1);
    let v: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(v["summary"]["files"], 3);
    assert_eq!(v["summary"]["valid"], 2);
    assert_eq!(v["files"][0]["valid"], true);
    assert_eq!(v["files"][1]["valid"], false);
    assert_eq!(v["files"][2]["file"], "-");
    assert_eq!(v["files"][2]["kind"], "update-payload");
}

#[test]
fn json_errors_are_one_object_on_stderr() {
    let sb = Sandbox::start();
    let o = run(sb
        .cmd()
        .args(["-o", "json", "tenant", "show", "-t", "expertflw"]));
    assert_eq!(o.status, 1);
    assert!(o.stdout.is_empty());
    let v: serde_json::Value = serde_json::from_str(o.stderr.trim()).unwrap();
    assert_eq!(v["error"]["kind"], "not-found");
    assert!(v["error"]["hint"]
        .as_str()
        .unwrap()
        .contains("did you mean `expertflow`?"));
}

//! Property tests: the read-modify-write keeps everything else; secrets never render.

use cx2fa::output::{Printer, Report};
use cx2fa_core::settings::diff::diff;
use cx2fa_core::settings::merge::{apply, PolicyChange};
use cx2fa_core::settings::{secrets, ChannelType, Tenant};
use proptest::prelude::*;
use serde_json::{Map, Value};

/// Number texts that a naive round trip would change.
fn number() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just("1.10"),
        Just("0.0"),
        Just("1e5"),
        Just("-0"),
        Just("123456789012345678901234567890"),
        Just("3.141592653589793238462643383279"),
        Just("60"),
        Just("1E-7"),
    ]
    .prop_map(|t| serde_json::from_str(t).unwrap())
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        any::<bool>().prop_map(Value::Bool),
        Just(Value::Null),
        "[a-zA-Z0-9 \u{a0}é@._-]{0,12}".prop_map(Value::String),
        number(),
    ]
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z_-]{1,10}",
        Just("Otp_Manager_Url".to_string()),
        Just("auth-server-url".to_string()),
        Just("CLIENT_ID".to_string())
    ]
}

fn json() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(3, 24, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..5)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// A tenant document with random fields at every level, around the parts the contract fixes.
fn tenant() -> impl Strategy<Value = Value> {
    (
        prop::collection::vec((key(), json()), 0..5),
        prop::collection::vec((key(), json()), 0..5),
        prop::collection::vec((key(), json()), 0..4),
        prop::option::of(prop::collection::vec((key(), json()), 0..4)),
        any::<bool>(),
    )
        .prop_map(|(top, settings, kc, two_fa, two_fa_first)| {
            let mut kcm: Map<String, Value> = kc.into_iter().collect();
            kcm.insert("realm".into(), "t".into());
            let mut s: Map<String, Value> = Map::new();
            if two_fa_first {
                if let Some(t) = &two_fa {
                    s.insert(
                        "twoFAConfigs".into(),
                        Value::Object(t.iter().cloned().collect()),
                    );
                }
            }
            s.insert("keyCloak".into(), Value::Object(kcm));
            s.extend(
                settings
                    .into_iter()
                    .filter(|(k, _)| k != "keyCloak" && k != "twoFAConfigs"),
            );
            if !two_fa_first {
                if let Some(t) = two_fa {
                    s.insert(
                        "twoFAConfigs".into(),
                        Value::Object(t.into_iter().collect()),
                    );
                }
            }
            let mut d: Map<String, Value> = Map::new();
            d.insert("tenantId".into(), "t".into());
            d.extend(
                top.into_iter()
                    .filter(|(k, _)| k != "tenantId" && k != "tenantSettings"),
            );
            d.insert("tenantSettings".into(), Value::Object(s));
            Value::Object(d)
        })
}

fn change() -> impl Strategy<Value = (u8, Option<String>, u64, u64)> {
    (
        0u8..3,
        prop::option::of("http://[a-z]{1,8}:3000/"),
        1u64..500,
        1u64..10,
    )
}

/// The document with the two intended parts removed, as text.
fn rest(v: &Value) -> String {
    let mut v = v.clone();
    let s = v["tenantSettings"].as_object_mut().unwrap();
    s.remove("twoFAConfigs");
    s["keyCloak"]
        .as_object_mut()
        .unwrap()
        .remove("Otp_Manager_Url");
    serde_json::to_string(&v).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn merge_changes_only_the_intended_fields(doc in tenant(), (kind, url, expiry, attempts) in change()) {
        // Through text and back, as a document arrives from the server.
        let text = serde_json::to_string(&doc).unwrap();
        let stored = Tenant(serde_json::from_str(&text).unwrap());
        let change = match kind {
            0 => PolicyChange::disable(),
            1 => PolicyChange::enable(&stored, ChannelType::Email, Some("a@b.co".into()), url.clone(), Some(expiry), Some(attempts)).unwrap(),
            _ => PolicyChange::enable(&stored, ChannelType::App, None, url.clone(), None, None).unwrap(),
        };
        let after = apply(&stored, &change).unwrap();
        prop_assert_eq!(rest(&after.0), rest(&stored.0));
        // Existing keys keep their place in tenantSettings.
        let before_keys: Vec<&String> = stored.settings().unwrap().keys().collect();
        let after_keys: Vec<&String> = after.settings().unwrap().keys().collect();
        prop_assert_eq!(&after_keys[..before_keys.len()], &before_keys[..]);
        for (k, v) in &change.two_fa {
            prop_assert_eq!(&after.0["tenantSettings"]["twoFAConfigs"][k], v);
        }
        if let Some(u) = &change.otp_manager_url {
            prop_assert_eq!(after.otp_manager_url(), Some(u.as_str()));
        }
        // Applying the same change again changes nothing.
        prop_assert!(diff(&after.0, &apply(&after, &change).unwrap().0).is_empty());
    }

    #[test]
    fn secrets_never_render(doc in tenant(), secret in "[A-Za-z0-9]{10,16}", name in prop_oneof![
        Just("password"), Just("clientSecret"), Just("RSA_Client_Key"), Just("TWILIO_SID"), Just("adminPass"), Just("accessToken")]) {
        let mut doc = doc;
        doc["tenantSettings"]["keyCloak"][name] = Value::String(secret.clone());
        doc["tenantSettings"]["deep"] = serde_json::json!({"x": [{"key": "SMTP-PASSWORD", "type": "Password", "value": secret.clone()}], "y": {name: [secret.clone()]}});
        let masked = secrets::mask(&doc).to_string();
        prop_assert!(!masked.contains(&secret));
        let mut before = doc.clone();
        before["tenantSettings"]["keyCloak"][name] = "old-value-xyz".into();
        let changes = diff(&before, &doc);
        let rendered = format!("{}{}", serde_json::to_string(&changes).unwrap(), cx2fa::output::changes_table(&Printer::plain(), &changes));
        prop_assert!(!rendered.contains(&secret) && !rendered.contains("old-value-xyz"), "{}", rendered);
        let shown = cx2fa::commands::tenant::TenantDoc { tenant: secrets::mask(&doc) };
        prop_assert!(!shown.render(&Printer::plain()).contains(&secret));
    }
}

/// One line of a `--resume` report: a user, whether the row names this run's tenant and realm
/// (`None`: the field is absent; `Some(false)`: another one), and an outcome.
fn report_row() -> impl Strategy<Value = (String, Option<bool>, Option<bool>, &'static str)> {
    (
        "[a-cA-C]{1,2}",
        proptest::option::of(any::<bool>()),
        proptest::option::of(any::<bool>()),
        prop_oneof![
            Just("reset"),
            Just("already-clean"),
            Just("not-found"),
            Just("would-reset"),
            Just("failed"),
            Just("skipped"),
        ],
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// #27.10: `--resume` skips exactly the users whose last row finished, and only when every
    /// row says it was worked in this tenant and realm; any other report is refused whole.
    #[test]
    fn resume_skips_only_rows_of_this_run(rows in proptest::collection::vec(report_row(), 0..12)) {
        use cx2fa_core::bulk::{resume_rows, Scope};
        let scope = Scope { tenant: "acme".into(), realm: "acme-realm".into() };
        let mut text = String::new();
        for (user, tenant, realm, outcome) in &rows {
            let mut row = serde_json::json!({"schemaVersion": 1, "username": user, "outcome": outcome, "attempts": 1});
            if let Some(ours) = tenant {
                row["tenant"] = if *ours { "acme" } else { "other" }.into();
            }
            if let Some(ours) = realm {
                row["realm"] = if *ours { "acme-realm" } else { "other" }.into();
            }
            text.push_str(&format!("{row}\n"));
        }
        let got = resume_rows(text.as_bytes(), "r.ndjson", &scope);
        let all_ours = rows.iter().all(|(_, t, r, _)| *t == Some(true) && *r == Some(true));
        prop_assert_eq!(got.is_ok(), all_ours, "{}", text);
        if let Ok(done) = got {
            let mut want = std::collections::HashSet::new();
            for (user, _, _, outcome) in &rows {
                if ["reset", "already-clean", "not-found"].contains(outcome) {
                    want.insert(user.to_lowercase());
                } else {
                    want.remove(&user.to_lowercase());
                }
            }
            prop_assert_eq!(done, want);
        }
    }

    /// Whatever the file holds, reading it as a report never panics, and a user is skipped only
    /// by a row that names this run's tenant and realm.
    #[test]
    fn resume_reads_any_bytes(lines in proptest::collection::vec(prop_oneof![
        "[ -~]{0,40}",
        Just(r#"{"username":"x","outcome":"reset","attempts":1}"#.to_string()),
        Just(r#"{"tenant":"acme","username":"x","outcome":"reset","attempts":1}"#.to_string()),
        Just(r#"{"tenant":"acme","realm":"acme","username":"y","outcome":"reset","attempts":1}"#.to_string()),
    ], 0..6)) {
        use cx2fa_core::bulk::{resume_rows, Scope};
        let scope = Scope { tenant: "acme".into(), realm: "acme".into() };
        if let Ok(done) = resume_rows(lines.join("\n").as_bytes(), "r", &scope) {
            prop_assert!(!done.contains("x"), "{:?}", lines);
        }
    }
}

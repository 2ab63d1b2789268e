//! Any tenant document and policy change: the merge changes only `twoFAConfigs` and
//! `keyCloak.Otp_Manager_Url`, keeps every other byte, and is idempotent.
#![no_main]
use cx2fa_core::settings::merge::{apply, PolicyChange};
use cx2fa_core::settings::{ChannelType, Tenant};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fn rest(v: &Value) -> Option<String> {
    let mut v = v.clone();
    let s = v.get_mut("tenantSettings")?.as_object_mut()?;
    s.remove("twoFAConfigs");
    s.get_mut("keyCloak")?.as_object_mut()?.remove("Otp_Manager_Url");
    Some(v.to_string())
}

fuzz_target!(|data: &[u8]| {
    let Some((&kind, json)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(json) else { return };
    let Ok(parsed) = cx2fa_core::settings::source::parse(text, "fuzz") else { return };
    let stored = Tenant(parsed.value);
    let change = match kind % 4 {
        0 => PolicyChange::disable(),
        1 => match PolicyChange::enable(&stored, ChannelType::Sms, Some("+15550001000".into()), Some("http://otp/".into()), Some(90), Some(3)) {
            Ok(c) => c,
            Err(_) => return,
        },
        2 => match PolicyChange::enable(&stored, ChannelType::App, None, None, None, None) {
            Ok(c) => c,
            Err(_) => return,
        },
        _ => match PolicyChange::from_input(&stored.0) {
            Ok((_, c)) => c,
            Err(_) => return,
        },
    };
    let Ok(after) = apply(&stored, &change) else { return };
    assert_eq!(rest(&after.0), rest(&stored.0), "a field outside the 2FA settings changed");
    let again = apply(&after, &change).expect("a merged document merges again");
    assert_eq!(again, after, "the merge is not idempotent");
});

//! Any mailbox (up to four messages of any bytes, each with an arrival time): choosing the OTP
//! never panics; a chosen code is six ASCII digits, never one already refused, and never from a
//! message that arrived before the OTP was generated.
#![no_main]
use cx2fa_core::imap::{pick, Fetched, Wanted};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut messages = vec![];
    for chunk in data.split(|b| *b == 0).take(4) {
        let (when, raw) = chunk.split_first().unwrap_or((&0, &[]));
        let arrived = chrono::DateTime::from_timestamp(1_000 + i64::from(*when), 0)
            .unwrap()
            .fixed_offset();
        messages.push(Fetched { arrived, raw: raw.to_vec() });
    }
    let mut wanted = Wanted {
        since: chrono::DateTime::from_timestamp(1_100, 0).unwrap(),
        sender: Some("otp@example.test".into()),
        refused: vec!["123456".into()],
    };
    for sender in [Some("otp@example.test".to_string()), None] {
        wanted.sender = sender;
        if let Some(code) = pick(&messages, &wanted) {
            assert!(code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()), "{code:?}");
            assert!(!wanted.refused.contains(&code), "{code}");
            assert!(messages.iter().any(|m| m.arrived.timestamp() >= 1_100));
        }
    }
    // Nothing arrived after a generate still to come.
    wanted.since = chrono::DateTime::from_timestamp(2_000, 0).unwrap();
    assert_eq!(pick(&messages, &wanted), None);
});

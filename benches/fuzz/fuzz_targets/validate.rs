//! Any bytes given to `config validate`'s parser and checks: an answer, never a panic, and
//! every finding located inside the text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(report) = cx2fa_core::settings::validate::validate_text(text, "fuzz") {
        let lines = text.split('\n').count().max(1);
        for f in &report.findings {
            assert!(f.line >= 1 && f.line <= lines, "line {} of {lines}", f.line);
            assert!(f.column >= 1);
        }
        assert_eq!(report.valid, report.errors == 0);
    }
});

//! Any string a server could send: after sanitising, no control character, no bidirectional
//! override or isolate, no tag character reaches the terminal (whole outputs keep only
//! newlines), and text without them passes unchanged. With the printer's colour on, the only
//! escapes are the ones it painted itself: the string cannot forge one (#27.11).
#![no_main]
use cx2fa_core::text::{csv_cell, sanitize, sanitize_text, Styles};
use libfuzzer_sys::fuzz_target;

fn dangerous(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{061c}' | '\u{e0000}'..='\u{e007f}')
}

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let one = sanitize(s);
    assert!(!one.chars().any(dangerous), "{one:?}");
    if !s.chars().any(dangerous) {
        assert_eq!(one, s);
    }
    let text = sanitize_text(s);
    assert!(!text.chars().any(|c| c != '\n' && dangerous(c)), "{text:?}");
    assert_eq!(text.matches('\n').count(), s.matches('\n').count(), "newlines kept");
    // Server text around the printer's own colour: exactly its two escapes come out.
    let styles = Styles::new();
    let painted = styles.clean(&format!("{s}{}{s}", styles.paint("ok", "32")), true);
    assert_eq!(painted.matches('\x1b').count(), 2, "{painted:?}");
    assert!(painted.contains("\x1b[32mok\x1b[0m"), "{painted:?}");
    assert_eq!(styles.clean(s, true), text, "no mark: as sanitised");
    let cell = csv_cell(s);
    // A signed number (a phone number, masked or not) may stay as it is: after its sign only
    // digits, spaces, dots and masking stars, which can call no spreadsheet function.
    let number = cell.starts_with(['+', '-'])
        && cell[1..].starts_with(|c: char| c.is_ascii_digit())
        && cell[1..].chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '.' | '*'));
    assert!(number || !cell.starts_with(['=', '+', '-', '@']) || cell.is_empty(), "{cell:?}");
    assert!(!cell.chars().any(dangerous), "{cell:?}");
});

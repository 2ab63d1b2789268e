//! Text from servers and files made safe to show on a terminal (the redactor's other half:
//! [`crate::settings::secrets`] hides secrets, this defuses control characters).

/// Like [`sanitize`] for whole outputs: newlines are kept, and with `sgr` the colour codes
/// (`ESC [ digits ; m`) this printer adds. Every other control character is escaped.
pub fn sanitize_text(s: &str, sgr: bool) -> String {
    if !s.chars().any(|c| c != '\n' && needs_escape(c)) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.char_indices();
    while let Some((i, c)) = chars.next() {
        if c == '\x1b' && sgr {
            let rest = &s[i + 1..];
            let len = rest.strip_prefix('[').map(|r| {
                r.chars()
                    .take_while(|c| c.is_ascii_digit() || *c == ';')
                    .count()
            });
            if let Some(n) = len.filter(|n| rest[1 + n..].starts_with('m')) {
                out.push_str(&s[i..i + 3 + n]);
                for _ in 0..n + 2 {
                    chars.next();
                }
                continue;
            }
        }
        if c != '\n' && needs_escape(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// A string from a server (or a file) made safe to show on a terminal: C0 and C1 control
/// characters, DEL and the Unicode bidirectional overrides and isolates are replaced by a
/// visible escape (`\u{1b}`), so that a planted value cannot move the cursor, retitle the
/// window, write the clipboard (OSC 52) or reorder what is shown. Tabs and newlines too: one
/// value stays on one line.
pub fn sanitize(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(needs_escape) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if needs_escape(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{061c}')
}

/// A CSV cell made safe to open in a spreadsheet and to show on a terminal: a cell that a
/// spreadsheet would run as a formula (it begins with `=`, `+`, `-`, `@`, a tab or a carriage
/// return) gets a leading `'`, and control characters are escaped. A signed number such as a
/// phone number (`+15550001000`, or masked `+1555****222`) is left as it is: with only digits,
/// spaces, dots and masking stars after the sign it can call no function, and a `'` would
/// change the number a script reads back.
pub fn csv_cell(cell: &str) -> String {
    let number = cell.starts_with(['+', '-'])
        && cell[1..].starts_with(|c: char| c.is_ascii_digit())
        && cell[1..]
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '.' | '*'));
    let formula = !number && cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let cell = sanitize(&crate::settings::secrets::scrub(cell)).into_owned();
    if formula {
        format!("'{cell}")
    } else {
        cell
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_and_bidi_characters_are_shown_escaped() {
        assert_eq!(sanitize("plain name"), "plain name");
        let hostile = "a\x1b]52;c;ZXZpbA==\x07b\x1b[2Jc\u{202e}d\ne\u{9b}";
        let s = sanitize(hostile);
        assert!(
            !s.chars().any(|c| c.is_control() || c == '\u{202e}'),
            "{s:?}"
        );
        assert_eq!(
            s,
            "a\\u{1b}]52;c;ZXZpbA==\\u{7}b\\u{1b}[2Jc\\u{202e}d\\u{a}e\\u{9b}"
        );
    }

    #[test]
    fn whole_outputs_keep_newlines_and_only_their_own_colours() {
        let t = "\x1b[1;31merror\x1b[0m: x\x1b]0;title\x07\nnext";
        assert_eq!(
            sanitize_text(t, true),
            "\x1b[1;31merror\x1b[0m: x\\u{1b}]0;title\\u{7}\nnext"
        );
        assert!(!sanitize_text(t, false).contains('\x1b'));
    }

    #[test]
    fn csv_cells_cannot_be_formulas() {
        assert_eq!(csv_cell("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
        // Phone numbers and negative numbers stay numbers; anything else signed is guarded.
        assert_eq!(csv_cell("+15550001000"), "+15550001000");
        assert_eq!(csv_cell("+1555****222"), "+1555****222");
        assert_eq!(csv_cell("-2"), "-2");
        assert_eq!(csv_cell("+1+cmd|' /C calc'!A0"), "'+1+cmd|' /C calc'!A0");
        assert_eq!(csv_cell("-SUM(A1)"), "'-SUM(A1)");
        assert_eq!(csv_cell("+"), "'+");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("\tx"), "'\\u{9}x");
        assert_eq!(csv_cell("agent.one"), "agent.one");
    }
}

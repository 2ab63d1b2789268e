//! Text from servers and files made safe to show on a terminal (the redactor's other half:
//! [`crate::settings::secrets`] hides secrets, this defuses control characters).

/// Like [`sanitize`] for whole outputs: newlines are kept, every other control character is
/// escaped, ESC included. The printer's own colours are not escapes in the text it renders but
/// [`Styles`] marks, turned into escapes after this ran, so that no text from a server can
/// style (or hide, with `ESC[8m`) what follows it.
pub fn sanitize_text(s: &str) -> String {
    // Most outputs need nothing escaped: known in one pass over the bytes, without decoding.
    if !bytes_need_escape(s.as_bytes()) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if c != '\n' && needs_escape(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// The printer's own styling (SGR colours), as marks that text from a server cannot forge: a
/// mark opens with a key drawn at random for this process, so only [`Styles::paint`] makes
/// one, and [`Styles::clean`] turns only those into escapes. Marks are Unicode tag characters,
/// which take no width, so tables lay painted cells out by their visible text.
#[derive(Debug, Clone)]
pub struct Styles {
    key: String,
}

/// LANGUAGE TAG and CANCEL TAG: the frame of a mark.
const MARK_OPEN: char = '\u{e0001}';
const MARK_CLOSE: char = '\u{e007f}';

/// `c` (ASCII) as its tag character.
fn tag(c: char) -> char {
    char::from_u32(0xe0000 + c as u32).unwrap_or(MARK_CLOSE)
}

impl Default for Styles {
    fn default() -> Self {
        Self::new()
    }
}

impl Styles {
    pub fn new() -> Self {
        let key = format!("{:016x}", rand::random::<u64>());
        Styles {
            key: std::iter::once(MARK_OPEN)
                .chain(key.chars().map(tag))
                .collect(),
        }
    }

    /// `text` in the SGR style `sgr` (`"1;31"`: digits and `;`), as marks for [`Styles::clean`].
    pub fn paint(&self, text: &str, sgr: &str) -> String {
        format!("{}{text}{}", self.mark(sgr), self.mark("0"))
    }

    fn mark(&self, sgr: &str) -> String {
        let style: String = sgr
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == ';')
            .map(tag)
            .collect();
        format!("{}{style}{MARK_CLOSE}", self.key)
    }

    /// `text` for a terminal: [`sanitize_text`] everywhere except on this process's marks,
    /// which become SGR escapes when `colour` is on, and nothing otherwise.
    pub fn clean(&self, text: &str, colour: bool) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(at) = rest.find(&self.key) {
            out.push_str(&sanitize_text(&rest[..at]));
            let after = &rest[at + self.key.len()..];
            let style: String = after
                .chars()
                .map_while(|c| {
                    let a = char::from_u32((c as u32).wrapping_sub(0xe0000))?;
                    (a.is_ascii_digit() || a == ';').then_some(a)
                })
                .collect();
            let tail = &after[style.len() * 4..];
            match tail.strip_prefix(MARK_CLOSE) {
                Some(tail) => {
                    if colour {
                        out.push_str(&format!("\x1b[{style}m"));
                    }
                    rest = tail;
                }
                // Not a whole mark: shown as text (escaped), never as a style.
                None => {
                    out.push_str(&sanitize_text(&rest[at..at + self.key.len()]));
                    rest = after;
                }
            }
        }
        out.push_str(&sanitize_text(rest));
        out
    }

    /// `text` without this process's marks, for outputs that are not a terminal (JSON lines).
    pub fn strip(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(at) = rest.find(&self.key) {
            out.push_str(&rest[..at]);
            let after = &rest[at + self.key.len()..];
            match after.find(MARK_CLOSE) {
                Some(end) => rest = &after[end + MARK_CLOSE.len_utf8()..],
                None => rest = after,
            }
        }
        out.push_str(rest);
        out
    }
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

/// Control characters, bidirectional controls, and the invisible tag characters (which
/// [`Styles`] marks are made of, and which can carry hidden text).
/// Whether any character of `b` (UTF-8) but a newline [`needs_escape`], read on the bytes: the
/// characters it escapes are ASCII controls, C1 controls (`C2 80`–`C2 9F`), U+061C (`D8 9C`),
/// the bidi marks and embeddings U+200E/F, U+202A–E and U+2066–9 (`E2 80 ..`, `E2 81 ..`) and
/// tag characters (`F3 A0 80`–`F3 A0 81 ..`); any other byte is passed over.
/// `bytes_need_escape_agrees_with_needs_escape` checks it against every Unicode scalar value.
fn bytes_need_escape(b: &[u8]) -> bool {
    let mut i = 0;
    while i < b.len() {
        let escape = match b[i] {
            b'\n' | b' '..=b'~' => false,
            0..=0x7f => true,
            0xc2 => matches!(b.get(i + 1), Some(0x80..=0x9f)),
            0xd8 => b.get(i + 1) == Some(&0x9c),
            0xe2 => matches!(
                (b.get(i + 1), b.get(i + 2)),
                (Some(0x80), Some(0x8e | 0x8f | 0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
            ),
            0xf3 => b.get(i + 1) == Some(&0xa0) && matches!(b.get(i + 2), Some(0x80 | 0x81)),
            _ => false,
        };
        if escape {
            return true;
        }
        i += 1;
    }
    false
}

fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{061c}' | '\u{e0000}'..='\u{e007f}')
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
    #[test]
    fn bytes_need_escape_agrees_with_needs_escape() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            let text = c.encode_utf8(&mut buf);
            assert_eq!(
                super::bytes_need_escape(text.as_bytes()),
                c != '\n' && super::needs_escape(c),
                "U+{:04X}",
                c as u32
            );
        }
    }

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
        let styles = Styles::new();
        let server = "x\x1b]0;title\x07\x1b[8mhidden\nnext";
        let t = format!("{}: {server}", styles.paint("error", "1;31"));
        assert_eq!(
            styles.clean(&t, true),
            "\x1b[1;31merror\x1b[0m: x\\u{1b}]0;title\\u{7}\\u{1b}[8mhidden\nnext"
        );
        assert_eq!(
            styles.clean(&t, false),
            "error: x\\u{1b}]0;title\\u{7}\\u{1b}[8mhidden\nnext"
        );
        assert!(!sanitize_text(server).contains('\x1b'));
        assert_eq!(styles.strip(&t), format!("error: {server}"));
        // Another process's marks (another key) are text, shown escaped.
        let forged = Styles::new().paint("x", "8");
        let shown = styles.clean(&forged, true);
        assert!(
            !shown.contains('\x1b') && shown.contains("\\u{e0001}"),
            "{shown}"
        );
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

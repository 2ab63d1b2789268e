//! Reading JSON the way users paste it.
//!
//! Payloads copied from the platform's configuration guide carry non-breaking spaces, `//`
//! comments and sometimes a trailing comma left after deleting a commented line. These are
//! cleaned outside string literals only, each replaced by one space (newlines kept) so that
//! line and character-column positions in the cleaned text are those of the original.

use crate::error::Error;
use serde_json::Value;

/// The cleaned text and what was cleaned out of it.
#[derive(Debug, Clone, Default)]
pub struct Cleaned {
    pub text: String,
    pub nbsp: usize,
    pub comments: usize,
    pub trailing_commas: usize,
}

impl Cleaned {
    /// A note for the user when anything was removed, so nothing happens silently.
    pub fn note(&self) -> Option<String> {
        let mut parts = vec![];
        if self.nbsp > 0 {
            parts.push(format!("{} non-breaking space(s)", self.nbsp));
        }
        if self.comments > 0 {
            parts.push(format!("{} comment(s)", self.comments));
        }
        if self.trailing_commas > 0 {
            parts.push(format!("{} trailing comma(s)", self.trailing_commas));
        }
        (!parts.is_empty()).then(|| format!("ignored {} outside strings", parts.join(", ")))
    }
}

fn is_stray_space(c: char) -> bool {
    matches!(
        c,
        '\u{00A0}' | '\u{FEFF}' | '\u{200B}' | '\u{202F}' | '\u{2007}'
    )
}

/// Cleans pasted JSON; see the module docs.
pub fn clean(raw: &str) -> Cleaned {
    let chars: Vec<char> = raw.chars().collect();
    let mut out = String::with_capacity(raw.len());
    let mut c = Cleaned::default();
    let mut i = 0;
    let mut in_string = false;
    while i < chars.len() {
        let ch = chars[i];
        if in_string {
            out.push(ch);
            if ch == '\\' && i + 1 < chars.len() {
                out.push(chars[i + 1]);
                i += 2;
                continue;
            }
            if ch == '"' {
                in_string = false;
            }
            i += 1;
            continue;
        }
        match ch {
            '"' => {
                in_string = true;
                out.push(ch);
                i += 1;
            }
            '/' if chars.get(i + 1) == Some(&'/') => {
                c.comments += 1;
                while i < chars.len() && chars[i] != '\n' {
                    out.push(' ');
                    i += 1;
                }
            }
            '/' if chars.get(i + 1) == Some(&'*') => {
                c.comments += 1;
                out.push_str("  ");
                i += 2;
                while i < chars.len() && !(chars[i] == '*' && chars.get(i + 1) == Some(&'/')) {
                    out.push(if chars[i] == '\n' { '\n' } else { ' ' });
                    i += 1;
                }
                if i < chars.len() {
                    out.push_str("  ");
                    i += 2;
                }
            }
            ',' if closes_after(&chars, i + 1) => {
                c.trailing_commas += 1;
                out.push(' ');
                i += 1;
            }
            _ if is_stray_space(ch) => {
                c.nbsp += 1;
                out.push(' ');
                i += 1;
            }
            _ => {
                out.push(ch);
                i += 1;
            }
        }
    }
    c.text = out;
    c
}

/// Whether only blanks and comments stand between position `i` and a closing bracket.
fn closes_after(chars: &[char], mut i: usize) -> bool {
    while i < chars.len() {
        match chars[i] {
            c if c.is_whitespace() || is_stray_space(c) => i += 1,
            '/' if chars.get(i + 1) == Some(&'/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '/' if chars.get(i + 1) == Some(&'*') => {
                i += 2;
                while i < chars.len() && !(chars[i] == '*' && chars.get(i + 1) == Some(&'/')) {
                    i += 1;
                }
                i += 2;
            }
            '}' | ']' => return true,
            _ => return false,
        }
    }
    false
}

/// A parsed document with the text it came from, for locating findings.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub value: Value,
    pub cleaned: Cleaned,
}

/// Parses pasted JSON; a syntax error names its line and column (characters, 1-based).
pub fn parse(raw: &str, origin: &str) -> Result<Parsed, Error> {
    if raw.trim().is_empty() {
        return Err(Error::failed(format!("{origin}: the file is empty"))
            .with_hint("pass a JSON document: a tenant document or an update payload"));
    }
    let cleaned = clean(raw);
    match serde_json::from_str::<Value>(&cleaned.text) {
        Ok(value) => Ok(Parsed { value, cleaned }),
        Err(e) => {
            let col = char_column(&cleaned.text, e.line(), e.column());
            let what = e.to_string();
            let what = what.split(" at line").next().unwrap_or(&what).to_string();
            Err(Error::failed(format!("{origin}:{}:{col}: malformed JSON: {what}", e.line()))
                .with_hint("fix the JSON syntax at that position; `//` comments and non-breaking spaces are accepted"))
        }
    }
}

/// Converts serde_json's byte column on `line` to a character column.
fn char_column(text: &str, line: usize, byte_col: usize) -> usize {
    let Some(l) = text.split('\n').nth(line.saturating_sub(1)) else {
        return byte_col;
    };
    let upto = byte_col.min(l.len());
    let mut end = upto;
    while end > 0 && !l.is_char_boundary(end) {
        end -= 1;
    }
    l[..end].chars().count().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_comments_nbsp_and_trailing_commas_outside_strings() {
        let raw = "{\u{a0}\"a\": \"x // not a comment\", // note\n \"b\": [1, 2,], /* c */ \"c\": \"\u{a0}\",\n}";
        let p = parse(raw, "t").unwrap();
        assert_eq!(p.value["a"], "x // not a comment");
        assert_eq!(p.value["b"], serde_json::json!([1, 2]));
        assert_eq!(p.value["c"], "\u{a0}");
        assert_eq!(p.cleaned.nbsp, 1);
        assert_eq!(p.cleaned.comments, 2);
        assert_eq!(p.cleaned.trailing_commas, 2);
    }

    #[test]
    fn keeps_line_and_char_column_positions() {
        // Two NBSPs (4 bytes) before the key: the column counts characters, as an editor does.
        let raw = "{\n\u{a0}\u{a0}\"a\": [1 2]\n}";
        let err = parse(raw, "f.json").unwrap_err();
        assert!(err.message.starts_with("f.json:2:11:"), "{}", err.message);
    }

    #[test]
    fn empty_input_is_an_error() {
        assert!(parse("  \n", "x").unwrap_err().message.contains("empty"));
    }
}

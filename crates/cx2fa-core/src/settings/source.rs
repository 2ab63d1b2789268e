//! Reading JSON the way users paste it.
//!
//! Payloads copied from the platform's configuration guide carry non-breaking spaces, `//`
//! comments and sometimes a trailing comma left after deleting a commented line. These are
//! cleaned outside string literals only, each replaced by one space (newlines kept) so that
//! line and character-column positions in the cleaned text are those of the original.

use crate::error::{Error, Fix};
use crate::settings::validate::MAX_INPUT_BYTES;
use serde_json::Value;
use std::io::Read;

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

/// The UTF-8 bytes of the blanks pasted documents carry: NBSP, BOM, zero-width space, narrow
/// NBSP, figure space. Each becomes one ASCII space, so character columns do not move.
const STRAY: [&[u8]; 5] = [
    b"\xC2\xA0",
    b"\xEF\xBB\xBF",
    b"\xE2\x80\x8B",
    b"\xE2\x80\xAF",
    b"\xE2\x80\x87",
];

fn stray_at(b: &[u8], i: usize) -> Option<usize> {
    STRAY
        .iter()
        .find(|s| b[i..].starts_with(s))
        .map(|s| s.len())
}

/// Cleans pasted JSON; see the module docs. Works on bytes: every byte it looks for (quotes,
/// backslashes, slashes, commas, brackets) is ASCII, which never occurs inside a multi-byte
/// UTF-8 sequence.
pub fn clean(raw: &str) -> Cleaned {
    let b = raw.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(b.len());
    let mut c = Cleaned::default();
    let mut i = 0;
    while i < b.len() {
        let ch = b[i];
        i = match ch {
            b'"' => copy_string(b, i, &mut out),
            b'/' if b.get(i + 1) == Some(&b'/') => {
                c.comments += 1;
                blank_line_comment(b, i, &mut out)
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                c.comments += 1;
                blank_block_comment(b, i, &mut out)
            }
            b',' if closes_after(b, i + 1) => {
                c.trailing_commas += 1;
                out.push(b' ');
                i + 1
            }
            _ if ch < 0x80 => {
                // This byte (it may be a `,` or a `/` that is not special), then the run of
                // plain ASCII up to the next byte this loop looks at.
                let rest = &b[i + 1..];
                let mut run = memchr::memchr3(b'"', b'/', b',', rest).unwrap_or(rest.len());
                if !rest[..run].is_ascii() {
                    run = rest[..run].iter().position(|&x| x >= 0x80).unwrap_or(run);
                }
                out.extend_from_slice(&b[i..i + 1 + run]);
                i + 1 + run
            }
            _ => match stray_at(b, i) {
                Some(n) => {
                    c.nbsp += 1;
                    out.push(b' ');
                    i + n
                }
                None => {
                    out.push(ch);
                    i + 1
                }
            },
        };
    }
    // Only whole ASCII bytes or whole UTF-8 sequences were copied or replaced.
    c.text = String::from_utf8(out).expect("cleaning keeps UTF-8 intact");
    c
}

/// Copies the string literal starting at the `"` at `i`, as it is; returns where it ends.
fn copy_string(b: &[u8], mut i: usize, out: &mut Vec<u8>) -> usize {
    out.push(b'"');
    i += 1;
    loop {
        // Up to the next quote or backslash in one go.
        let run = memchr::memchr2(b'"', b'\\', &b[i..]).unwrap_or(b.len() - i);
        out.extend_from_slice(&b[i..i + run]);
        i += run;
        match b.get(i) {
            Some(b'\\') => {
                // The escape and the byte it escapes; a backslash that ends the input escapes
                // nothing (the JSON parser then says where the string is cut).
                let end = (i + 2).min(b.len());
                out.extend_from_slice(&b[i..end]);
                i = end;
            }
            Some(_) => {
                out.push(b'"');
                return i + 1;
            }
            None => return i,
        }
    }
}

/// Blanks the `//` comment at `i` up to the end of its line; returns where it ends.
fn blank_line_comment(b: &[u8], mut i: usize, out: &mut Vec<u8>) -> usize {
    while i < b.len() && b[i] != b'\n' {
        // One space per character, not per byte, to keep columns.
        if b[i] & 0xC0 != 0x80 {
            out.push(b' ');
        }
        i += 1;
    }
    i
}

/// Blanks the `/* */` comment at `i`, keeping its newlines; returns where it ends.
fn blank_block_comment(b: &[u8], mut i: usize, out: &mut Vec<u8>) -> usize {
    out.extend_from_slice(b"  ");
    i += 2;
    while i < b.len() && !(b[i] == b'*' && b.get(i + 1) == Some(&b'/')) {
        if b[i] == b'\n' {
            out.push(b'\n');
        } else if b[i] & 0xC0 != 0x80 {
            out.push(b' ');
        }
        i += 1;
    }
    if i < b.len() {
        out.extend_from_slice(b"  ");
        i += 2;
    }
    i
}

/// Whether only blanks and comments stand between position `i` and a closing bracket.
fn closes_after(b: &[u8], mut i: usize) -> bool {
    while i < b.len() {
        match b[i] {
            b' ' | b'\t' | b'\r' | b'\n' => i += 1,
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i < b.len() && !(b[i] == b'*' && b.get(i + 1) == Some(&b'/')) {
                    i += 1;
                }
                i += 2;
            }
            b'}' | b']' => return true,
            _ => match stray_at(b, i) {
                Some(n) => i += n,
                None => return false,
            },
        }
    }
    false
}

/// A parsed document with the text it came from, for locating findings.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub value: Value,
    pub cleaned: Cleaned,
    /// Keys repeated in one object, as (JSON pointer of the key, key); see
    /// [`value_and_duplicates`].
    pub duplicates: Vec<(String, String)>,
}

/// Parses pasted JSON; a syntax error names its line and column (characters, 1-based).
pub fn parse(raw: &str, origin: &str) -> Result<Parsed, Error> {
    if raw.trim().is_empty() {
        return Err(
            Error::failed(format!("{origin}: the file is empty")).with_fix(Fix::JsonDocument)
        );
    }
    // Most files are plain JSON. Strict JSON has nothing `clean` would change (a comment, a
    // stray blank or a trailing comma outside strings is a syntax error), so try it as it is.
    if let Ok((value, duplicates)) = value_and_duplicates(raw) {
        let cleaned = Cleaned {
            text: raw.to_string(),
            ..Cleaned::default()
        };
        return Ok(Parsed {
            value,
            cleaned,
            duplicates,
        });
    }
    let cleaned = clean(raw);
    match value_and_duplicates(&cleaned.text) {
        Ok((value, duplicates)) => Ok(Parsed {
            value,
            cleaned,
            duplicates,
        }),
        Err(e) => {
            let col = char_column(&cleaned.text, e.line(), e.column());
            let what = e.to_string();
            let what = what.split(" at line").next().unwrap_or(&what).to_string();
            // What people paste from a guide or a word processor, named for what it is.
            let fix = if raw.contains(['\u{201c}', '\u{201d}', '\u{2018}', '\u{2019}']) {
                Fix::TypographicQuotes
            } else if let Some(key) = fragment_key(&cleaned.text) {
                Fix::Fragment(key)
            } else {
                Fix::JsonSyntax
            };
            Err(Error::failed(format!(
                "{origin}:{}:{col}: malformed JSON: {what}",
                e.line()
            ))
            .with_fix(fix))
        }
    }
}

/// The key a pasted fragment starts with (`"twoFAConfigs": {...}` without the braces around
/// it), when it is one of the document's known sections.
fn fragment_key(text: &str) -> Option<String> {
    let t = text.trim_start();
    let rest = t.strip_prefix('"')?;
    let (key, after) = rest.split_once('"')?;
    let known = [
        "tenantSettings",
        "twoFAConfigs",
        "keyCloak",
        "Otp_Manager_Url",
    ];
    (after.trim_start().starts_with(':') && known.contains(&key)).then(|| key.to_string())
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

/// Reads one settings document (a file, or `-` for standard input) with the checks a careless
/// argument deserves: no pipe without a writer, no directory, nothing huge, binary or not UTF-8.
pub fn read_document(name: &str) -> Result<String, Error> {
    let bytes = if name == "-" {
        let mut buf = vec![];
        std::io::stdin()
            .take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut buf)
            .map_err(|e| Error::failed(format!("cannot read stdin: {e}")))?;
        buf
    } else {
        // One `stat`, before the open: a named pipe with no writer would block the open
        // forever.
        let meta = std::fs::metadata(name);
        let is_dir = meta.as_ref().is_ok_and(|m| m.is_dir());
        if is_dir {
            return Err(
                Error::failed(format!("{name}: is a directory, not a JSON file"))
                    .with_fix(crate::error::Fix::FileNotDirectory),
            );
        }
        let (_, meta) = crate::input::shape_from(name, crate::input::InputSource::Path, meta)
            .map_err(|e| Error::failed(e.to_string()))?;
        let cannot_read = |e: std::io::Error| Error::failed(format!("{name}: cannot read: {e}"));
        let file = std::fs::File::open(name).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => Error::failed(format!("{name}: no such file")),
            _ => cannot_read(e),
        })?;
        if meta.len() > MAX_INPUT_BYTES {
            return Err(Error::failed(format!(
                "{name}: {} bytes is too large for a tenant document (limit {} MiB)",
                meta.len(),
                MAX_INPUT_BYTES >> 20
            )));
        }
        // Sized from the metadata: one read instead of a series of growing ones.
        let mut buf = Vec::with_capacity(meta.len() as usize + 1);
        file.take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut buf)
            .map_err(cannot_read)?;
        buf
    };
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(Error::failed(format!(
            "{name}: input is larger than {} MiB",
            MAX_INPUT_BYTES >> 20
        )));
    }
    if bytes.contains(&0) {
        return Err(Error::failed(format!(
            "{name}: looks like a binary file (it contains NUL bytes), not JSON"
        )));
    }
    String::from_utf8(bytes).map_err(|e| {
        Error::failed(format!(
            "{name}: not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_json_is_taken_as_it_is() {
        let raw = "{\"a\": \"\u{a0}x // y\",\n \"b\": [1, 2]}";
        let p = parse(raw, "t").unwrap();
        assert_eq!(p.value["a"], "\u{a0}x // y");
        assert_eq!(p.cleaned.text, raw);
        assert_eq!(p.cleaned.note(), None);
    }

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
    fn input_cut_inside_a_string_is_cleaned_without_panic() {
        // Found by `benches/fuzz.sh`: a string cut right after a backslash.
        for raw in ["\"R\\", "{\"a\": \"x\\", "\"\\\u{1b}\\\\@\\\\\\"] {
            assert_eq!(clean(raw).text, raw);
            assert!(parse(raw, "t").is_err());
        }
    }

    #[test]
    fn every_short_paste_keeps_one_character_for_one() {
        // Every input of up to five characters over the bytes cleaning treats specially (and
        // two multi-byte ones): no panic, and one character out for one character in, so that
        // line:column of a finding points at the text as pasted.
        let alphabet = ['"', '\\', '/', '*', ',', ']', '\n', 'x', '\u{a0}', 'é'];
        let mut raw = String::new();
        fn all(raw: &mut String, alphabet: &[char], left: usize) {
            let c = clean(raw);
            assert_eq!(c.text.chars().count(), raw.chars().count(), "{raw:?}");
            if left == 0 {
                return;
            }
            for &ch in alphabet {
                raw.push(ch);
                all(raw, alphabet, left - 1);
                raw.pop();
            }
        }
        all(&mut raw, &alphabet, 5);
    }

    #[test]
    fn keeps_line_and_char_column_positions() {
        // Two NBSPs (4 bytes) before the key: the column counts characters, as an editor does.
        let raw = "{\n\u{a0}\u{a0}\"a\": [1 2]\n}";
        let err = parse(raw, "f.json").unwrap_err();
        assert!(err.message.starts_with("f.json:2:11:"), "{}", err.message);
    }

    #[test]
    fn keeps_multibyte_text_and_columns() {
        let raw = "{\"é\u{a0}\": \"ü\", // ünïcödé\n \"b\": 1}";
        let c = clean(raw);
        assert_eq!(
            c.text.chars().count(),
            raw.chars().count(),
            "one character for one character"
        );
        assert!(c.text.contains("\"é\u{a0}\": \"ü\""), "strings untouched");
        assert_eq!(parse(raw, "t").unwrap().value["b"], 1);
    }

    #[test]
    fn empty_input_is_an_error() {
        assert!(parse("  \n", "x").unwrap_err().message.contains("empty"));
    }
}

/// Parses JSON into a [`Value`] exactly as `serde_json::from_str` does (the last of repeated
/// keys wins, in the first one's place), noting each key that appears more than once in one
/// object as (JSON pointer of the key, key): a JSON parser keeps the last value silently, and an
/// admin who pasted two `channelType`s meant one. One pass: a separate scan for duplicates was
/// a sixth of `config validate`'s time.
pub fn value_and_duplicates(text: &str) -> serde_json::Result<(Value, Vec<(String, String)>)> {
    let dups = std::cell::RefCell::new(vec![]);
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde::de::DeserializeSeed::deserialize(
        DocumentSeed {
            at: &At::Root,
            dups: &dups,
        },
        &mut de,
    )?;
    de.end()?;
    Ok((value, dups.into_inner()))
}

/// How serde_json hands a number to a visitor when `arbitrary_precision` is on (the workspace
/// turns it on, so that numbers in tenant documents round-trip digit for digit): a one-entry
/// map under this key. `value_and_duplicates_builds_what_serde_json_builds` fails if a
/// serde_json update changes it.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// Where a value sits, as a chain on the stack: a pointer string is made only for a duplicate.
enum At<'p> {
    Root,
    Key(&'p str, &'p At<'p>),
    Index(usize, &'p At<'p>),
}

impl At<'_> {
    /// The JSON pointer of `key` in the object at `self`.
    fn pointer_of(&self, key: &str) -> String {
        let mut segs = vec![crate::settings::locate::escape(key)];
        let mut at = self;
        loop {
            match at {
                At::Root => break,
                At::Key(k, up) => {
                    segs.push(crate::settings::locate::escape(k));
                    at = up;
                }
                At::Index(i, up) => {
                    segs.push(i.to_string());
                    at = up;
                }
            }
        }
        segs.iter().rev().fold(String::new(), |p, s| p + "/" + s)
    }
}

struct DocumentSeed<'p> {
    at: &'p At<'p>,
    dups: &'p std::cell::RefCell<Vec<(String, String)>>,
}

impl<'de> serde::de::DeserializeSeed<'de> for DocumentSeed<'_> {
    type Value = Value;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for DocumentSeed<'_> {
    type Value = Value;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any valid JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        loop {
            let at = At::Index(items.len(), self.at);
            let seed = DocumentSeed {
                at: &at,
                dups: self.dups,
            };
            match seq.next_element_seed(seed)? {
                Some(v) => items.push(v),
                None => return Ok(Value::Array(items)),
            }
        }
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let Some(mut key) = map.next_key::<String>()? else {
            return Ok(Value::Object(serde_json::Map::new()));
        };
        if key == NUMBER_TOKEN {
            let digits: String = map.next_value()?;
            return digits
                .parse::<serde_json::Number>()
                .map(Value::Number)
                .map_err(serde::de::Error::custom);
        }
        // Room for a typical section of a tenant document: growing from empty rehashed and
        // reallocated most objects two or three times.
        let mut object = serde_json::Map::with_capacity(8);
        loop {
            let at = At::Key(&key, self.at);
            let seed = DocumentSeed {
                at: &at,
                dups: self.dups,
            };
            let value = map.next_value_seed(seed)?;
            match object.entry(key) {
                serde_json::map::Entry::Occupied(mut o) => {
                    let pointer = self.at.pointer_of(o.key());
                    self.dups.borrow_mut().push((pointer, o.key().clone()));
                    o.insert(value);
                }
                serde_json::map::Entry::Vacant(v) => {
                    v.insert(value);
                }
            }
            match map.next_key::<String>()? {
                Some(k) => key = k,
                None => return Ok(Value::Object(object)),
            }
        }
    }
}

#[cfg(test)]
mod duplicate_tests {
    fn duplicate_keys(text: &str) -> Vec<(String, String)> {
        super::value_and_duplicates(text).unwrap().1
    }

    #[test]
    fn value_and_duplicates_builds_what_serde_json_builds() {
        for text in [
            r#"{"n": [0, -1, 1.10, 1e400, 123456789012345678901234567890, -0.0, 2.5E-3], "s": "\u00e9\n", "b": [true, false, null], "o": {}, "a": []}"#,
            r#"{"k": 1, "k": {"x": 2}, "z": 3}"#,
            "[1, [2, [3, {\"d\": 4}]]]",
            "\"top\"",
            "12.50",
        ] {
            let ours = super::value_and_duplicates(text).unwrap().0;
            let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
            assert_eq!(ours, theirs, "{text}");
            assert_eq!(
                ours.to_string(),
                theirs.to_string(),
                "same digits and order: {text}"
            );
        }
        for bad in ["{\"a\": }", "[1,]", "{} x", ""] {
            assert!(super::value_and_duplicates(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn duplicate_keys_are_found_with_their_place() {
        let text = r#"{"a": 1, "t": {"channelType": "SMS", "x": [{"k": 1, "k": 2}], "channelType": "EMAIL"}, "n": 1.10}"#;
        assert_eq!(
            duplicate_keys(text),
            vec![
                ("/t/x/0/k".to_string(), "k".to_string()),
                ("/t/channelType".to_string(), "channelType".to_string())
            ]
        );
        assert!(duplicate_keys(r#"{"a": {"b": 1}, "b": 2}"#).is_empty());
        // Keys compare decoded, and pointers escape `~` and `/`.
        assert_eq!(
            duplicate_keys(r#"{"x": [[], {"a/b": 1, "a\u002fb": 2}], "s": "\"}{\\"}"#),
            vec![("/x/1/a~1b".to_string(), "a/b".to_string())]
        );
    }
}

//! Maps JSON pointers to line:column in the (cleaned) source text.
//!
//! serde_json drops positions once a value is built, and validation findings must name both the
//! pointer and the place in the file, so this walks the text once and records where each value
//! starts. The text is already known to be valid JSON when this runs.

use std::collections::HashMap;
use std::fmt::Write;

/// Pointer → (line, column), both 1-based, column in characters.
#[derive(Debug, Default, Clone)]
pub struct Locations(HashMap<String, (usize, usize)>);

impl Locations {
    pub fn of(text: &str) -> Self {
        Locations::walk(text, None)
    }

    /// The positions of `pointers` and of their ancestors only: what [`Locations::find`] can
    /// ask for them. A map of every pointer of a file, one string each, was a third of
    /// `config validate`'s time when most files have one finding.
    pub fn of_only<'p>(text: &str, pointers: impl IntoIterator<Item = &'p str>) -> Self {
        let mut wanted = std::collections::HashSet::new();
        for p in pointers {
            let mut p = p;
            loop {
                if !wanted.insert(p.to_string()) {
                    break;
                }
                match p.rfind('/') {
                    Some(i) => p = &p[..i],
                    None => break,
                }
            }
        }
        Locations::walk(text, Some(wanted))
    }

    fn walk(text: &str, wanted: Option<std::collections::HashSet<String>>) -> Self {
        let mut w = Walker {
            b: text.as_bytes(),
            i: 0,
            at: vec![],
            path: String::new(),
            wanted,
        };
        w.skip_ws();
        w.value();
        Locations(line_columns(text, w.at))
    }

    /// The position of `pointer`, or of its nearest ancestor that exists in the file.
    pub fn find(&self, pointer: &str) -> (usize, usize) {
        let mut p = pointer;
        loop {
            if let Some(pos) = self.0.get(p) {
                return *pos;
            }
            match p.rfind('/') {
                Some(i) => p = &p[..i],
                None => return (1, 1),
            }
        }
    }
}

/// Byte offsets to (line, character column), both 1-based, in one sweep over the text: the
/// walk records offsets only, so that lines and columns are counted once, not per character.
fn line_columns(text: &str, mut at: Vec<(String, usize)>) -> HashMap<String, (usize, usize)> {
    at.sort_by_key(|(_, off)| *off);
    let b = text.as_bytes();
    let (mut line, mut line_start, mut from) = (1, 0, 0);
    let mut map = HashMap::with_capacity(at.len());
    for (pointer, off) in at {
        for nl in memchr::memchr_iter(b'\n', &b[from..off]) {
            line += 1;
            line_start = from + nl + 1;
        }
        from = off;
        // Columns count characters, as an editor does: the bytes that start one.
        let col = 1 + b[line_start..off]
            .iter()
            .filter(|&&c| c & 0xC0 != 0x80)
            .count();
        map.insert(pointer, (line, col));
    }
    map
}

/// Walks the bytes of valid JSON. Every byte it looks for is ASCII, which never occurs inside a
/// multi-byte UTF-8 sequence, so byte offsets stay on character boundaries.
struct Walker<'t> {
    b: &'t [u8],
    i: usize,
    /// Where each recorded value starts: (pointer, byte offset).
    at: Vec<(String, usize)>,
    /// The pointer of the value being walked.
    path: String,
    /// Only these pointers are recorded (all when `None`).
    wanted: Option<std::collections::HashSet<String>>,
}

/// Escapes a key as a JSON-pointer segment (RFC 6901).
pub fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

impl Walker<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }
    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.i += 1;
        }
    }
    /// Steps over the string starting at the current `"`, returning its raw bytes between
    /// the quotes.
    fn raw_string(&mut self) -> &[u8] {
        let start = self.i + 1;
        let mut i = start;
        loop {
            match memchr::memchr2(b'"', b'\\', &self.b[i..]) {
                Some(n) if self.b[i + n] == b'\\' => i += n + 2,
                Some(n) => {
                    self.i = i + n + 1;
                    return &self.b[start..i + n];
                }
                None => {
                    self.i = self.b.len();
                    return &self.b[start.min(self.b.len())..];
                }
            }
        }
    }
    /// Steps over one value.
    fn skip(&mut self) {
        let mut depth = 0usize;
        while let Some(c) = self.peek() {
            match c {
                b'"' => {
                    self.raw_string();
                    if depth == 0 {
                        return;
                    }
                }
                b'{' | b'[' => {
                    self.i += 1;
                    depth += 1;
                }
                b'}' | b']' => {
                    if depth == 0 {
                        return;
                    }
                    self.i += 1;
                    depth -= 1;
                    if depth == 0 {
                        return;
                    }
                }
                b',' | b' ' | b'\n' | b'\r' | b'\t' if depth == 0 => return,
                _ => self.i += 1,
            }
        }
    }
    /// The key starting at the current `"`, as a pointer segment.
    fn key(&mut self) -> std::borrow::Cow<'_, str> {
        let raw = self.raw_string();
        if !raw.contains(&b'\\') {
            // Valid JSON, and the quotes fall on character boundaries.
            let s = std::str::from_utf8(raw).unwrap_or_default();
            return std::borrow::Cow::Borrowed(s);
        }
        let mut quoted = Vec::with_capacity(raw.len() + 2);
        quoted.push(b'"');
        quoted.extend_from_slice(raw);
        quoted.push(b'"');
        std::borrow::Cow::Owned(serde_json::from_slice::<String>(&quoted).unwrap_or_default())
    }
    fn value(&mut self) {
        match &self.wanted {
            // Nothing at or below this pointer is asked for: step over it.
            Some(w) if !w.contains(&self.path) => return self.skip(),
            _ => self.at.push((self.path.clone(), self.i)),
        }
        match self.peek() {
            Some(b'{') => {
                self.i += 1;
                loop {
                    self.skip_ws();
                    match self.peek() {
                        Some(b'"') => {
                            let len = self.path.len();
                            let key = self.key().into_owned();
                            self.path.push('/');
                            if key.contains(['~', '/']) {
                                self.path.push_str(&escape(&key));
                            } else {
                                self.path.push_str(&key);
                            }
                            self.skip_ws();
                            self.i += 1; // ':'
                            self.skip_ws();
                            self.value();
                            self.path.truncate(len);
                            self.skip_ws();
                            if self.peek() == Some(b',') {
                                self.i += 1;
                            }
                        }
                        Some(b'}') | None => {
                            self.i += 1;
                            return;
                        }
                        Some(_) => self.i += 1,
                    }
                }
            }
            Some(b'[') => {
                self.i += 1;
                let mut idx = 0;
                loop {
                    self.skip_ws();
                    match self.peek() {
                        Some(b']') | None => {
                            self.i += 1;
                            return;
                        }
                        Some(b',') => self.i += 1,
                        Some(_) => {
                            let len = self.path.len();
                            let _ = write!(self.path, "/{idx}");
                            self.value();
                            self.path.truncate(len);
                            idx += 1;
                        }
                    }
                }
            }
            Some(b'"') => {
                self.raw_string();
            }
            _ => {
                while self.peek().is_some_and(|c| {
                    !matches!(c, b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t')
                }) {
                    self.i += 1;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_values_and_falls_back_to_ancestors() {
        let text = "{\n  \"a\": {\n    \"b/c\": [1, {\"d\": true}]\n  }\n}";
        let loc = Locations::of(text);
        assert_eq!(loc.find(""), (1, 1));
        assert_eq!(loc.find("/a"), (2, 8));
        assert_eq!(loc.find("/a/b~1c"), (3, 12));
        assert_eq!(loc.find("/a/b~1c/1/d"), (3, 22));
        assert_eq!(loc.find("/a/missing"), (2, 8));
        let only = Locations::of_only(text, ["/a/b~1c/1/d", "/a/missing"]);
        for p in ["", "/a", "/a/b~1c", "/a/b~1c/1/d", "/a/missing"] {
            assert_eq!(only.find(p), loc.find(p), "{p}");
        }
    }
}

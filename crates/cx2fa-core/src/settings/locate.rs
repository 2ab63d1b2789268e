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
            chars: text.chars().collect(),
            i: 0,
            line: 1,
            col: 1,
            map: HashMap::new(),
            path: String::new(),
            wanted,
        };
        w.skip_ws();
        w.value();
        Locations(w.map)
    }

    /// The position of `pointer`, or of its nearest ancestor that exists in the file.
    pub fn find(&self, pointer: &str) -> (usize, usize) {
        let mut p = pointer.to_string();
        loop {
            if let Some(pos) = self.0.get(&p) {
                return *pos;
            }
            match p.rfind('/') {
                Some(i) => p.truncate(i),
                None => return (1, 1),
            }
        }
    }
}

struct Walker {
    chars: Vec<char>,
    i: usize,
    line: usize,
    col: usize,
    map: HashMap<String, (usize, usize)>,
    /// The pointer of the value being walked.
    path: String,
    /// Only these pointers are recorded (all when `None`).
    wanted: Option<std::collections::HashSet<String>>,
}

/// Escapes a key as a JSON-pointer segment (RFC 6901).
pub fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

impl Walker {
    fn bump(&mut self) -> Option<char> {
        let c = *self.chars.get(self.i)?;
        self.i += 1;
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }
    fn peek(&self) -> Option<char> {
        self.chars.get(self.i).copied()
    }
    fn skip_ws(&mut self) {
        while self.peek().is_some_and(|c| c.is_whitespace()) {
            self.bump();
        }
    }
    /// Steps over one value, keeping the line and column.
    fn skip(&mut self) {
        let mut depth = 0usize;
        while let Some(c) = self.peek() {
            match c {
                '"' => {
                    self.bump();
                    while let Some(c) = self.bump() {
                        match c {
                            '"' => break,
                            '\\' => {
                                self.bump();
                            }
                            _ => {}
                        }
                    }
                    if depth == 0 {
                        return;
                    }
                }
                '{' | '[' => {
                    self.bump();
                    depth += 1;
                }
                '}' | ']' => {
                    if depth == 0 {
                        return;
                    }
                    self.bump();
                    depth -= 1;
                    if depth == 0 {
                        return;
                    }
                }
                ',' if depth == 0 => return,
                c if depth == 0 && c.is_whitespace() => return,
                _ => {
                    self.bump();
                }
            }
        }
    }
    fn string(&mut self) -> String {
        let mut s = String::new();
        self.bump();
        while let Some(c) = self.bump() {
            match c {
                '"' => break,
                '\\' => {
                    let e = self.bump().unwrap_or('\\');
                    match e {
                        'u' => {
                            let hex: String = (0..4).filter_map(|_| self.bump()).collect();
                            if let Some(ch) =
                                u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32)
                            {
                                s.push(ch);
                            }
                        }
                        'n' => s.push('\n'),
                        't' => s.push('\t'),
                        'r' => s.push('\r'),
                        'b' => s.push('\u{8}'),
                        'f' => s.push('\u{c}'),
                        other => s.push(other),
                    }
                }
                other => s.push(other),
            }
        }
        s
    }
    fn value(&mut self) {
        match &self.wanted {
            // Nothing at or below this pointer is asked for: only lines and columns matter.
            Some(w) if !w.contains(&self.path) => return self.skip(),
            _ => {
                self.map.insert(self.path.clone(), (self.line, self.col));
            }
        }
        match self.peek() {
            Some('{') => {
                self.bump();
                loop {
                    self.skip_ws();
                    match self.peek() {
                        Some('"') => {
                            let key = self.string();
                            self.skip_ws();
                            self.bump(); // ':'
                            self.skip_ws();
                            let len = self.path.len();
                            self.path.push('/');
                            if key.contains(['~', '/']) {
                                self.path.push_str(&escape(&key));
                            } else {
                                self.path.push_str(&key);
                            }
                            self.value();
                            self.path.truncate(len);
                            self.skip_ws();
                            if self.peek() == Some(',') {
                                self.bump();
                            }
                        }
                        Some('}') | None => {
                            self.bump();
                            return;
                        }
                        Some(_) => {
                            self.bump();
                        }
                    }
                }
            }
            Some('[') => {
                self.bump();
                let mut idx = 0;
                loop {
                    self.skip_ws();
                    match self.peek() {
                        Some(']') | None => {
                            self.bump();
                            return;
                        }
                        Some(',') => {
                            self.bump();
                        }
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
            Some('"') => {
                self.string();
            }
            _ => {
                while self
                    .peek()
                    .is_some_and(|c| !matches!(c, ',' | '}' | ']') && !c.is_whitespace())
                {
                    self.bump();
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

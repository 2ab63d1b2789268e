//! Maps JSON pointers to line:column in the (cleaned) source text.
//!
//! serde_json drops positions once a value is built, and validation findings must name both the
//! pointer and the place in the file, so this walks the text once and records where each value
//! starts. The text is already known to be valid JSON when this runs.

use std::collections::HashMap;

/// Pointer → (line, column), both 1-based, column in characters.
#[derive(Debug, Default, Clone)]
pub struct Locations(HashMap<String, (usize, usize)>);

impl Locations {
    pub fn of(text: &str) -> Self {
        let mut w = Walker {
            chars: text.chars().collect(),
            i: 0,
            line: 1,
            col: 1,
            map: HashMap::new(),
        };
        w.skip_ws();
        w.value(String::new());
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
    fn value(&mut self, ptr: String) {
        self.map.insert(ptr.clone(), (self.line, self.col));
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
                            self.value(format!("{ptr}/{}", escape(&key)));
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
                            self.value(format!("{ptr}/{idx}"));
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
    }
}

//! A request as the curl command that sends it (xh's `to_curl`): a [`CurlCommand`] value whose
//! `Display` is the shell line. Every value is quoted for a POSIX shell, and every secret is a
//! variable reference (`"$CX2FA_TOKEN"`), never the secret itself.

use crate::api::http::{Body, Request, Secretish};
use crate::settings::secrets;
use serde_json::Value;
use std::fmt;

/// Single-quotes `s` for a POSIX shell: every character stands for itself inside single
/// quotes except `'`, written as `'\''`. Nothing a value holds (`$()`, backticks, newlines,
/// private-use characters) can end the quoting.
pub fn sq(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

/// `s` as a shell word: bare when every character is one a shell gives no meaning to,
/// single-quoted otherwise.
fn shell_text(s: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "_./:=@%+,-".contains(c);
    if !s.is_empty() && s.chars().all(plain) {
        s.to_string()
    } else {
        sq(s)
    }
}

/// One piece of a shell word: text that stands for itself, or a variable the shell expands.
enum Piece {
    Text(String),
    Var(String),
}

/// One argument, made of pieces that the shell joins: text single-quoted, variables
/// double-quoted (`"$VAR"`), side by side.
#[derive(Default)]
struct Word(Vec<Piece>);

impl Word {
    fn text(t: impl Into<String>) -> Self {
        Word(vec![Piece::Text(t.into())])
    }
    /// `prefix` followed by the variable `var`.
    fn var_after(prefix: impl Into<String>, var: impl Into<String>) -> Self {
        Word(vec![Piece::Text(prefix.into()), Piece::Var(var.into())])
    }
    fn push_text(&mut self, t: impl Into<String>) {
        self.0.push(Piece::Text(t.into()));
    }
    /// `"$VAR"` as a JSON string: the variable between double quotes of JSON's own.
    fn push_json_var(&mut self, var: String) {
        self.push_text("\"");
        self.0.push(Piece::Var(var));
        self.push_text("\"");
    }
}

impl fmt::Display for Word {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut text = String::new();
        let mut wrote = false;
        for p in &self.0 {
            match p {
                Piece::Text(t) => text.push_str(t),
                Piece::Var(v) => {
                    if !text.is_empty() {
                        f.write_str(&shell_text(&std::mem::take(&mut text)))?;
                    }
                    write!(f, "\"${v}\"")?;
                    wrote = true;
                }
            }
        }
        if !text.is_empty() || !wrote {
            f.write_str(&shell_text(&text))?;
        }
        Ok(())
    }
}

/// The environment variable a secret under `key` is referred to by in a printed command.
/// The names are made of `[A-Z0-9_]` only, whatever the key.
fn env_ref(key: &str) -> String {
    match key {
        "client-key" => crate::env::RSA_CLIENT_KEY.into(),
        cx2fa_platform::contract::sandbox::TOKEN_HEADER => crate::env::SANDBOX_TOKEN.into(),
        other => format!(
            "CX2FA_SECRET_{}",
            other
                .to_uppercase()
                .replace(|c: char| !c.is_ascii_alphanumeric(), "_")
        ),
    }
}

/// JSON as pieces of `out`, with every value under a secret key replaced by a variable.
fn json_pieces(v: &Value, out: &mut Word) {
    match v {
        Value::Object(map) => {
            out.push_text("{");
            for (i, (k, val)) in map.iter().enumerate() {
                if i > 0 {
                    out.push_text(",");
                }
                out.push_text(format!("{}:", Value::String(k.clone())));
                if secrets::is_secret_field(map, k) {
                    secret_json(k, val, out);
                } else {
                    json_pieces(val, out);
                }
            }
            out.push_text("}");
        }
        Value::Array(items) => {
            out.push_text("[");
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_text(",");
                }
                json_pieces(item, out);
            }
            out.push_text("]");
        }
        other => out.push_text(other.to_string()),
    }
}

/// The value of a secret field `k`: a variable in its place (one per element of a list);
/// nothing to hide in a null or an empty string, which stay as they are.
fn secret_json(k: &str, val: &Value, out: &mut Word) {
    match val {
        Value::Null => out.push_text("null"),
        Value::String(s) if s.is_empty() => out.push_text("\"\""),
        Value::Array(items) => {
            out.push_text("[");
            for j in 0..items.len() {
                if j > 0 {
                    out.push_text(",");
                }
                out.push_json_var(env_ref(k));
            }
            out.push_text("]");
        }
        _ => out.push_json_var(env_ref(k)),
    }
}

/// The curl command that sends a [`Request`]. Its `Display` is one shell line that runs as
/// printed. The administrator's token request sets `$CX2FA_TOKEN` from its answer, so that the
/// printed commands run as they are, in order: the later ones send
/// `Authorization: Bearer "$CX2FA_TOKEN"`, which a password login would otherwise never set.
/// Which request that is, the request says ([`Request::exports_token`]), not its URL: an
/// agent's login in a realm named `master` must not replace the administrator's token.
pub struct CurlCommand {
    words: Vec<Word>,
    /// The variable the answer's access token is exported to, for the token request.
    exports: Option<&'static str>,
}

impl CurlCommand {
    pub fn new(r: &Request) -> Self {
        let url = secrets::mask_url_password(&r.url).unwrap_or_else(|| r.url.clone());
        let mut c = CurlCommand {
            words: ["curl", "-sS", "-X", r.method.as_str()]
                .into_iter()
                .map(Word::text)
                .chain([Word::text(url)])
                .collect(),
            exports: r.exports_token.then_some(crate::env::TOKEN),
        };
        if r.bearer.is_some() {
            c.arg(
                "-H",
                Word::var_after("Authorization: Bearer ", crate::env::TOKEN),
            );
        }
        for (k, v) in &r.headers {
            let value = if secrets::is_secret_key(k) {
                Word::var_after(format!("{k}: "), env_ref(k))
            } else {
                Word::text(format!("{k}: {v}"))
            };
            c.arg("-H", value);
        }
        c.body(&r.body);
        c
    }

    /// `flag value`.
    fn arg(&mut self, flag: &str, value: Word) {
        self.words.push(Word::text(flag));
        self.words.push(value);
    }

    fn body(&mut self, body: &Body) {
        match body {
            Body::Empty => {}
            Body::Json(v) => {
                self.arg("-H", Word::text("Content-Type: application/json"));
                let mut w = Word::default();
                json_pieces(v, &mut w);
                self.arg("--data-raw", w);
            }
            Body::Form(f) => {
                for (k, v) in f {
                    let value = match v {
                        Secretish::Plain(s) if !secrets::is_secret_key(k) => {
                            Word::text(format!("{k}={s}"))
                        }
                        Secretish::Secret(_, var) => Word::var_after(format!("{k}="), *var),
                        Secretish::Plain(_) => Word::var_after(format!("{k}="), env_ref(k)),
                    };
                    self.arg("--data-urlencode", value);
                }
            }
            Body::Multipart(parts) => {
                for (name, file, _, bytes) in parts {
                    self.arg("-F", part(name, file.as_deref(), bytes));
                }
            }
        }
    }
}

/// A multipart part as curl's `-F` value: a file by name, JSON as JSON (its secrets as
/// variables), anything else by its size.
fn part(name: &str, file: Option<&str>, bytes: &[u8]) -> Word {
    if let Some(f) = file {
        return Word::text(format!("{name}=@{f}"));
    }
    match serde_json::from_slice::<Value>(bytes) {
        Ok(v) => {
            let mut w = Word::text(format!("{name}="));
            json_pieces(&v, &mut w);
            w
        }
        Err(_) => Word::text(format!("{name}=<{} bytes>", bytes.len())),
    }
}

impl fmt::Display for CurlCommand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(var) = self.exports {
            write!(f, "export {var}=\"$(")?;
        }
        for (i, w) in self.words.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            write!(f, "{w}")?;
        }
        if self.exports.is_some() {
            f.write_str(" | sed -n 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/p')\"")?;
        }
        Ok(())
    }
}

/// The printed line of `r` (see [`CurlCommand`]).
pub fn curl_line(r: &Request) -> String {
    CurlCommand::new(r).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::secret::Secret;
    use reqwest::Method;
    use serde_json::json;

    #[test]
    fn curl_commands_refer_to_secrets_by_variable() {
        let mut r = Request::post("https://x/token");
        r.body = Body::Form(vec![
            ("username".into(), Secretish::Plain("admin".into())),
            (
                "password".into(),
                Secretish::Secret(Secret::new("pw"), crate::env::PASSWORD),
            ),
        ]);
        assert_eq!(curl_line(&r), "curl -sS -X POST https://x/token --data-urlencode username=admin --data-urlencode password=\"$CX2FA_PASSWORD\"");
        let r = Request::post("https://x/a")
            .header("client-key", "k")
            .json(json!({"a": "it's", "otpCode": "123456", "otpSecret": ["JBSWY3DP"]}))
            .bearer(Secret::new("t"));
        let c = curl_line(&r);
        assert!(
            c.contains("'Authorization: Bearer '\"$CX2FA_TOKEN\"")
                && c.contains("'client-key: '\"$CX2FA_RSA_CLIENT_KEY\""),
            "{c}"
        );
        assert!(
            c.contains(r#"'{"a":"it'\''s","otpCode":"'"$CX2FA_SECRET_OTPCODE"'","otpSecret":["'"$CX2FA_SECRET_OTPSECRET"'"]}'"#),
            "{c}"
        );
        assert!(!c.contains("123456") && !c.contains("JBSWY3DP") && !c.contains("'k'"));
    }

    /// The token request's line exports the token for the lines after it.
    #[test]
    fn the_token_request_exports_the_token() {
        let mut r = Request::post("https://x/token");
        r.exports_token = true;
        assert_eq!(
            CurlCommand::new(&r).to_string(),
            "export CX2FA_TOKEN=\"$(curl -sS -X POST https://x/token | sed -n 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/p')\""
        );
    }

    /// Null and empty secrets stay as they are; an empty word is `''`; a multipart file part
    /// is named, a binary one counted.
    #[test]
    fn edge_values_and_multipart_parts() {
        let mut r = Request::new(Method::PUT, "https://x/u")
            .header("X-Empty", "")
            .json(json!({"password": null, "otpCode": ""}));
        let c = curl_line(&r);
        assert!(c.contains(r#"'{"password":null,"otpCode":""}'"#), "{c}");
        r.headers.clear();
        r.body = Body::Multipart(vec![
            (
                "logo".into(),
                Some("logo.png".into()),
                "image/png".into(),
                vec![1, 2],
            ),
            (
                "blob".into(),
                None,
                "application/octet-stream".into(),
                vec![0xff],
            ),
            (
                "doc".into(),
                None,
                "application/json".into(),
                br#"{"a":1}"#.to_vec(),
            ),
        ]);
        assert_eq!(
            curl_line(&r),
            r#"curl -sS -X PUT https://x/u -F logo=@logo.png -F 'blob=<1 bytes>' -F 'doc={"a":1}'"#
        );
        assert_eq!(Word::default().to_string(), "''");
    }

    /// Pastes the command into bash with `curl` replaced by a function that prints its
    /// arguments: hostile values come back as the very arguments they were, and run nothing.
    #[test]
    fn curl_commands_quote_hostile_values() {
        let dir = tempfile::tempdir().unwrap();
        let marker = dir.path().join("pwned");
        let m = marker.display();
        let hostile = [
            format!("Bob\u{e000}$(touch {m})\u{e000}"),
            format!("`touch {m}`"),
            format!("'; touch {m}; echo '"),
            format!("\"$(touch {m})\""),
            format!("line1\nline2 $(touch {m})"),
            "back\\slash \\' \\\" $HOME ${HOME} !!".into(),
        ];
        for value in hostile {
            let r = Request::new(Method::PUT, format!("https://x/u?q={value}"))
                .header("X-Note", &value)
                .json(json!({"firstName": value, "password": "p", "attributes": {"otpSecret": [value]}}));
            let cmd = curl_line(&r);
            let out = std::process::Command::new("bash")
                .arg("-c")
                .arg(format!(
                    "curl() {{ printf '%s\\0' \"$@\"; }}; CX2FA_SECRET_PASSWORD=P CX2FA_SECRET_OTPSECRET=S; {cmd}"
                ))
                .output()
                .unwrap();
            assert!(out.status.success(), "{cmd}");
            assert!(!marker.exists(), "pasting ran a command: {cmd}");
            let args: Vec<String> = String::from_utf8(out.stdout)
                .unwrap()
                .split('\0')
                .map(str::to_string)
                .collect();
            assert_eq!(args[3], format!("https://x/u?q={value}"));
            assert_eq!(args[5], format!("X-Note: {value}"));
            let body: Value = serde_json::from_str(&args[9]).unwrap();
            assert_eq!(
                body,
                json!({"firstName": value, "password": "P", "attributes": {"otpSecret": ["S"]}})
            );
        }
    }
}

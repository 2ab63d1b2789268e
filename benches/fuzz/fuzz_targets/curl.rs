//! Any request (URL, header, JSON body from the input): the `--print-curl` line splits, by the
//! rules of a POSIX shell, into exactly the request's values, with every secret a variable
//! reference and nothing a shell would interpret (`$()`, backticks, unquoted specials).
#![no_main]
use cx2fa_core::api::http::{CurlCommand, Request};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

/// A shell word reader for what a `CurlCommand` may print: bare safe characters, '…' quoting,
/// and "$NAME" references. Anything else is a failure: the shell would interpret it.
fn words(line: &str) -> Option<Vec<String>> {
    let mut out = vec![];
    let mut cur = String::new();
    let mut in_word = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            ' ' => {
                if in_word {
                    out.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            '\'' => {
                in_word = true;
                loop {
                    match chars.next()? {
                        '\'' => break,
                        ch => cur.push(ch),
                    }
                }
            }
            '\\' => {
                // Only as part of '\'' (close, escaped quote, reopen).
                in_word = true;
                if chars.next()? != '\'' {
                    return None;
                }
                cur.push('\'');
            }
            '"' => {
                in_word = true;
                if chars.next()? != '$' {
                    return None;
                }
                let mut name = String::new();
                loop {
                    match chars.next()? {
                        '"' => break,
                        ch if ch.is_ascii_alphanumeric() || ch == '_' => name.push(ch),
                        _ => return None,
                    }
                }
                cur.push_str(&format!("<{name}>"));
            }
            ch if ch.is_ascii_alphanumeric() || "_./:=@%+,-".contains(ch) => {
                in_word = true;
                cur.push(ch);
            }
            _ => return None,
        }
    }
    if in_word {
        out.push(cur);
    }
    Some(out)
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut parts = text.splitn(3, '\u{1}');
    let (Some(url), Some(header)) = (parts.next(), parts.next()) else { return };
    if url.contains("://") && url.contains('@') {
        return; // URL credentials are masked on purpose; the equality below would not hold.
    }
    let mut r = Request::post(format!("https://x/{url}")).header("X-Note", header);
    let body: Option<Value> = parts.next().and_then(|b| serde_json::from_str(b).ok());
    if let Some(v) = &body {
        r = r.json(v.clone());
    }
    let line = CurlCommand::new(&r).to_string();
    let w = words(&line).unwrap_or_else(|| panic!("a shell would interpret: {line}"));
    assert_eq!(w[4], format!("https://x/{url}"), "{line}");
    assert_eq!(w[6], format!("X-Note: {header}"), "{line}");
    if let Some(v) = body {
        let sent: Value = serde_json::from_str(&w[10]).unwrap_or_else(|e| panic!("{e}: {line}"));
        assert_eq!(sent, cx2fa_fuzz_expected(&v), "{line}");
    }
});

/// The body as the pasted command sends it: every value under a secret key is the variable's
/// placeholder, `<NAME>`.
fn cx2fa_fuzz_expected(v: &Value) -> Value {
    use cx2fa_core::settings::secrets::is_secret_field;
    match v {
        Value::Object(m) => {
            Value::Object(
                m.iter()
                    .map(|(k, val)| {
                        let secret = is_secret_field(m, k);
                        let name = || {
                            let n = if k == "client-key" {
                                "CX2FA_RSA_CLIENT_KEY".to_string()
                            } else {
                                format!(
                                    "CX2FA_SECRET_{}",
                                    k.to_uppercase().replace(|c: char| !c.is_ascii_alphanumeric(), "_")
                                )
                            };
                            Value::String(format!("<{n}>"))
                        };
                        let out = match val {
                            Value::Null => Value::Null,
                            Value::String(s) if s.is_empty() => val.clone(),
                            Value::Array(items) if secret => Value::Array(items.iter().map(|_| name()).collect()),
                            _ if secret => name(),
                            other => cx2fa_fuzz_expected(other),
                        };
                        (k.clone(), out)
                    })
                    .collect(),
            )
        }
        Value::Array(a) => Value::Array(a.iter().map(cx2fa_fuzz_expected).collect()),
        other => other.clone(),
    }
}

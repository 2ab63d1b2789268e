//! The one redactor: which values are secrets, and masking them for every output.
//!
//! Two mechanisms, each in one place. By **key**: a value under a secret key (the platform's
//! named fields, the contract's patterns, the login flow's codes) is replaced whole, whatever
//! its type: a string, a Keycloak attribute array, a number, an object. By **value**: secrets
//! cx2fa holds or has seen (a typed password, a token, the secrets of a document it sends) are
//! remembered for the life of the process, and every line written to the terminal has them
//! replaced ([`scrub`]), so that a server echoing one back in an error cannot show it.

use serde_json::Value;
use std::sync::{Mutex, OnceLock};

pub const MASK: &str = "********";

/// Which keys are secret is the platform's registry; this module masks and scrubs.
pub use cx2fa_platform::secrets::{is_secret_field, is_secret_key, pointer_is_secret};

/// A copy of `v` with every value under a secret key replaced by [`MASK`], and the password of
/// any URL with credentials masked. Empty strings and nulls stay visible: "not set" is useful
/// to see and reveals nothing.
pub fn mask(v: &Value) -> Value {
    match v {
        Value::Object(map) => {
            let mut out = serde_json::Map::with_capacity(map.len());
            // The channel manager's {"key","type","value"} entries name the secret in `key`;
            // a SecurID input {"name":"SECURID","value"} holds the passcode.
            for (k, val) in map {
                let secret = is_secret_field(map, k);
                out.insert(k.clone(), if secret { mask_whole(val) } else { mask(val) });
            }
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(items.iter().map(mask).collect()),
        Value::String(s) => match mask_url_password(s) {
            Some(m) => Value::String(m),
            None => v.clone(),
        },
        other => other.clone(),
    }
}

/// A secret value, whole: a Keycloak attribute array keeps its shape so that the output still
/// says "one value"; anything else becomes the mask.
fn mask_whole(v: &Value) -> Value {
    match v {
        Value::Null => Value::Null,
        Value::String(s) if s.is_empty() => v.clone(),
        Value::Array(items) => Value::Array(items.iter().map(|_| MASK.into()).collect()),
        _ => Value::String(MASK.into()),
    }
}

/// `scheme://user:password@host...` with the password masked; `None` when `s` holds no URL
/// credentials. Found by hand rather than by a URL parser: connection strings such as
/// `mongodb://u:p@h1,h2/db` are not URLs a parser accepts.
pub fn mask_url_password(s: &str) -> Option<String> {
    let mut out = String::new();
    let mut rest = s;
    let mut changed = false;
    while let Some(i) = rest.find("://") {
        let (head, tail) = rest.split_at(i + 3);
        out.push_str(head);
        let authority_end = tail.find(['/', '?', '#', ' ', '"']).unwrap_or(tail.len());
        let authority = &tail[..authority_end];
        match (authority.rfind('@'), authority.find(':')) {
            (Some(at), Some(colon)) if colon < at => {
                out.push_str(&authority[..=colon]);
                out.push_str(MASK);
                out.push_str(&authority[at..]);
                changed = true;
            }
            _ => out.push_str(authority),
        }
        rest = &tail[authority_end..];
    }
    out.push_str(rest);
    changed.then_some(out)
}

/// Every secret value in a document (strings, and numbers as text), for [`remember`] and for
/// leak tests.
pub fn secret_values(v: &Value) -> Vec<String> {
    let mut out = vec![];
    collect(v, false, &mut out);
    out.sort();
    out.dedup();
    out
}

fn collect(v: &Value, secret: bool, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            for (k, val) in map {
                let s = secret || is_secret_field(map, k);
                collect(val, s, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|i| collect(i, secret, out)),
        Value::String(s) if secret && !s.is_empty() => out.push(s.clone()),
        Value::Number(n) if secret => out.push(n.to_string()),
        _ => {}
    }
}

/// The secret values this process holds or has seen, and one automaton that finds them all
/// in a single pass over a line (rebuilt only after a new secret arrives).
#[derive(Default)]
struct Known {
    values: std::collections::HashSet<String>,
    finder: Option<aho_corasick::AhoCorasick>,
}

fn known() -> &'static Mutex<Known> {
    static KNOWN: OnceLock<Mutex<Known>> = OnceLock::new();
    KNOWN.get_or_init(Mutex::default)
}

/// The shortest value [`scrub`] hides wherever it stands. A shorter secret (the configuration
/// guide's own example sets `PASSWORD_ADMIN` to `admin` and `adminPass` to `pass`) is still
/// masked in its field, but is not hunted for in free text: hiding every "admin" and "pass"
/// would garble tables, CSV rows and hints, and hide nothing a guess would not find. Such
/// values are reported as weak instead ([`weak_secrets`]).
pub const MIN_SCRUBBED: usize = 8;

/// The most distinct values remembered: a hostile document with endless secret fields must
/// not make every printed line slower without bound.
const MAX_REMEMBERED: usize = 10_000;

/// Remembers a secret value so that [`scrub`] hides it, and the forms it takes on the wire
/// (percent- and form-encoded, JSON- and HTML-escaped), wherever they stand as whole tokens.
/// Returns `false` for a value too short to hunt for (see [`MIN_SCRUBBED`]).
pub fn remember(secret: &str) -> bool {
    if secret.chars().count() < MIN_SCRUBBED {
        return false;
    }
    let forms = [
        secret.to_string(),
        percent_encoding::utf8_percent_encode(secret, percent_encoding::NON_ALPHANUMERIC)
            .to_string(),
        url::form_urlencoded::byte_serialize(secret.as_bytes()).collect(),
        serde_json::to_string(secret)
            .map(|q| q[1..q.len() - 1].to_string())
            .unwrap_or_default(),
        secret
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;"),
    ];
    let mut k = known().lock().unwrap_or_else(|p| p.into_inner());
    for f in forms {
        if k.values.len() < MAX_REMEMBERED && k.values.insert(f) {
            k.finder = None;
        }
    }
    true
}

/// Remembers every secret value of a document (one cx2fa reads or sends).
pub fn remember_document(v: &Value) {
    for s in secret_values(v) {
        remember(&s);
    }
}

/// The secret fields of a document whose values are too short to be hidden in free text
/// (JSON pointers, e.g. `/tenantSettings/keyCloak/PASSWORD_ADMIN`): weak credentials to warn
/// about, never to print.
pub fn weak_secrets(v: &Value) -> Vec<String> {
    fn walk(v: &Value, path: &str, secret: bool, out: &mut Vec<String>) {
        match v {
            Value::Object(m) => {
                for (k, x) in m {
                    walk(x, &format!("{path}/{k}"), secret || is_secret_key(k), out);
                }
            }
            Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    walk(x, &format!("{path}/{i}"), secret, out);
                }
            }
            Value::String(s) if secret && !s.is_empty() && s.chars().count() < MIN_SCRUBBED => {
                out.push(path.to_string())
            }
            _ => {}
        }
    }
    let mut out = vec![];
    walk(v, "", false, &mut out);
    out
}

/// Whether the character next to a match ends the token (the match is not part of a longer
/// word): `secret123` is hidden in `"secret123"` or `password=secret123&`, never inside
/// `mysecret1234`.
fn boundary(c: Option<char>) -> bool {
    c.is_none_or(|c| !(c.is_alphanumeric() || c == '_'))
}

/// `text` with every remembered secret standing as a whole token, and every URL password,
/// replaced by [`MASK`].
pub fn scrub(text: &str) -> String {
    let t = mask_url_password(text).unwrap_or_else(|| text.to_string());
    let mut k = known().lock().unwrap_or_else(|p| p.into_inner());
    if k.values.is_empty() {
        return t;
    }
    if k.finder.is_none() {
        // Leftmost-longest: a secret containing another is masked whole.
        k.finder = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(&k.values)
            .ok();
    }
    let Some(finder) = &k.finder else {
        return t;
    };
    let mut out = String::with_capacity(t.len());
    let mut last = 0;
    for m in finder.find_overlapping_iter_safe(&t) {
        let (a, b) = (m.start(), m.end());
        if a < last {
            continue;
        }
        let before = t[..a].chars().next_back();
        let after = t[b..].chars().next();
        if boundary(before) && boundary(after) {
            out.push_str(&t[last..a]);
            out.push_str(MASK);
            last = b;
        }
    }
    out.push_str(&t[last..]);
    out
}

/// Leftmost-longest matches, restarted after each, that never split a character.
trait SafeFind {
    fn find_overlapping_iter_safe<'a>(&'a self, t: &'a str) -> Vec<aho_corasick::Match>;
}

impl SafeFind for aho_corasick::AhoCorasick {
    fn find_overlapping_iter_safe<'a>(&'a self, t: &'a str) -> Vec<aho_corasick::Match> {
        // A match that is not a whole token must not hide a later one that is (`xsecret123
        // secret123`): search again from the next character after a rejected match.
        let mut found = vec![];
        let mut at = 0;
        while at <= t.len() {
            let Some(m) = self.find(aho_corasick::Input::new(t).span(at..t.len())) else {
                break;
            };
            found.push(m);
            let next = t[m.start()..]
                .chars()
                .next()
                .map_or(t.len() + 1, |c| m.start() + c.len_utf8());
            at = next;
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn masks_named_and_pattern_secrets_but_not_objects_of_other_keys() {
        let doc = json!({"keyCloak": {"credentials": {"secret": "s1"}, "PASSWORD_ADMIN": "p",
            "RSA_Client_Key": "", "CLIENT_ID": "cim", "TWILIO_SID": "AC1", "realm": "r"},
            "finesse": {"adminPass": "x", "adminUser": "u"}, "n": {"apiKey": 5}});
        let m = mask(&doc);
        assert_eq!(m["keyCloak"]["credentials"]["secret"], MASK);
        assert_eq!(m["keyCloak"]["PASSWORD_ADMIN"], MASK);
        assert_eq!(m["keyCloak"]["RSA_Client_Key"], "");
        assert_eq!(m["keyCloak"]["TWILIO_SID"], MASK);
        assert_eq!(m["keyCloak"]["CLIENT_ID"], "cim");
        assert_eq!(m["keyCloak"]["realm"], "r");
        assert_eq!(m["finesse"]["adminPass"], MASK);
        assert_eq!(m["finesse"]["adminUser"], "u");
        assert_eq!(
            m["n"]["apiKey"], MASK,
            "numbers under secret keys are masked"
        );
        assert_eq!(secret_values(&doc), vec!["5", "AC1", "p", "s1", "x"]);
    }

    #[test]
    fn masks_whole_subtrees_plural_keys_arrays_and_url_passwords() {
        let doc = json!({
            "apiKeys": ["k1", "k2"],
            "token": {"id": "abc", "ttl": 3},
            "otpSecret": ["JBSWY3DPEHPK3PXP"],
            "mongo": {"url": "mongodb://root:hunter22@db1:27017,db2/cx?authSource=admin"},
            "plain": "https://example.test/path",
            "subjectCredentials": [{"collectedInputs": [{"name": "SECURID", "value": "pin12345123456"}]}],
        });
        let m = mask(&doc);
        assert_eq!(m["apiKeys"], json!([MASK, MASK]));
        assert_eq!(m["token"], MASK);
        assert_eq!(m["otpSecret"], json!([MASK]));
        assert_eq!(
            m["mongo"]["url"],
            "mongodb://root:********@db1:27017,db2/cx?authSource=admin"
        );
        assert_eq!(m["plain"], "https://example.test/path");
        let text = m.to_string();
        for s in [
            "k1",
            "abc",
            "JBSWY3DPEHPK3PXP",
            "hunter22",
            "pin12345123456",
        ] {
            assert!(!text.contains(s), "{s} leaked: {text}");
        }
    }

    #[test]
    fn masks_channel_manager_entries_by_their_key() {
        let v = json!([{"key": "SMTP-PASSWORD", "type": "String", "value": "pw"},
                       {"key": "SMTP-HOST", "type": "String", "value": "mail"}]);
        let m = mask(&v);
        assert_eq!(m[0]["value"], MASK);
        assert_eq!(m[1]["value"], "mail");
    }

    #[test]
    fn scrub_hides_remembered_values_and_url_passwords() {
        remember("remembered-secret-value");
        remember("ab");
        let t = scrub("echo: remembered-secret-value at https://admin:pw1234@host/x ab");
        assert_eq!(t, "echo: ******** at https://admin:********@host/x ab");
    }

    /// #26: the configuration guide's `admin`/`pass` must not hide every "admin" and "pass";
    /// a real secret is hidden as a whole token and in its encoded forms, never inside a word.
    #[test]
    fn scrub_hides_whole_tokens_of_strong_secrets_and_their_encodings_only() {
        assert!(!remember("admin"));
        assert!(!remember("pass"));
        assert!(remember("S3cret+pw&x"));
        let t = scrub("user admin, a pass word, grant_type=password");
        assert_eq!(t, "user admin, a pass word, grant_type=password");
        assert_eq!(scrub("echo S3cret+pw&x."), "echo ********.");
        assert_eq!(
            scrub("password=S3cret%2Bpw%26x&a=1"),
            "password=********&a=1"
        );
        assert_eq!(scrub("password=S3cret%2Bpw%26x"), "password=********");
        assert_eq!(scrub("<b>S3cret+pw&amp;x</b>"), "<b>********</b>");
        assert!(remember("longsecret"));
        assert_eq!(scrub("xlongsecret longsecret"), "xlongsecret ********");
        assert_eq!(scrub("longsecrets"), "longsecrets");
    }

    #[test]
    fn weak_secrets_are_named_by_their_field() {
        let doc = json!({"tenantSettings": {"keyCloak": {"PASSWORD_ADMIN": "admin", "MASTER_PASSWORD": "a-long-one-1"}, "adminPass": "pass"}});
        assert_eq!(
            weak_secrets(&doc),
            [
                "/tenantSettings/keyCloak/PASSWORD_ADMIN",
                "/tenantSettings/adminPass"
            ]
        );
    }
}

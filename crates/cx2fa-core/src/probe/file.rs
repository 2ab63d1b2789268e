//! The probe file: the tenants to probe, their probe users and OTP sources, in TOML
//! (`docs/probe.md`). Every problem is reported at its `line:column`, all of them at once, so
//! that a file is fixed in one pass. Secrets are references (`{ env = "..." }`, `{ file =
//! "..." }`, `{ command = "..." }`): a value in their place does not parse.

use super::{OtpSource, ProbeSpec, SecretRef};
use crate::error::Error;
use crate::settings::validate::check_service_url;
use serde::Deserialize;
use std::ops::Range;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    tenant: Vec<Spanned<RawTenant>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct RawTenant {
    id: Spanned<String>,
    user: Spanned<String>,
    contact: Spanned<String>,
    password: SecretRef,
    otp: Spanned<RawOtp>,
    otp_manager_url: Option<Spanned<String>>,
    #[serde(default)]
    register: bool,
}

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct RawOtp {
    totp_secret: Option<SecretRef>,
    #[serde(default)]
    outbox: bool,
    imap: Option<String>,
    imap_password: Option<SecretRef>,
    command: Option<String>,
    rsa_passcode: Option<SecretRef>,
}

/// One problem of a probe file, at a 1-based line and column (in characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

/// 1-based line and character column of a byte offset.
fn position(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..text.floor_char_boundary_compat(offset)];
    let line = before.matches('\n').count() + 1;
    let col = before
        .rsplit('\n')
        .next()
        .map(|l| l.chars().count())
        .unwrap_or(0)
        + 1;
    (line, col)
}

trait FloorBoundary {
    fn floor_char_boundary_compat(&self, i: usize) -> usize;
}
impl FloorBoundary for str {
    fn floor_char_boundary_compat(&self, mut i: usize) -> usize {
        while i > 0 && !self.is_char_boundary(i) {
            i -= 1;
        }
        i
    }
}

struct Problems<'a> {
    text: &'a str,
    list: Vec<Problem>,
}

impl Problems<'_> {
    fn at(&mut self, span: Range<usize>, message: impl Into<String>) {
        let (line, column) = position(self.text, span.start);
        self.list.push(Problem {
            line,
            column,
            message: message.into(),
        });
    }
}

/// Parses and checks a probe file's text: the probes, or every problem found.
pub fn parse(text: &str) -> Result<Vec<ProbeSpec>, Vec<Problem>> {
    let raw: RawFile = toml::from_str(text).map_err(|e| {
        let (line, column) = position(text, e.span().map(|s| s.start).unwrap_or(0));
        vec![Problem {
            line,
            column,
            message: e.message().trim().to_string(),
        }]
    })?;
    let mut p = Problems { text, list: vec![] };
    if raw.tenant.is_empty() {
        p.at(0..0, "no `[[tenant]]` to probe");
    }
    let mut specs: Vec<ProbeSpec> = vec![];
    let mut seen: Vec<String> = vec![];
    for t in raw.tenant {
        let t = t.into_inner();
        if t.id.get_ref().trim().is_empty() {
            p.at(t.id.span(), "`id` is empty: give the tenant id");
        } else if seen.contains(t.id.get_ref()) {
            p.at(
                t.id.span(),
                format!(
                    "tenant `{}` is probed twice: one probe per tenant",
                    t.id.get_ref()
                ),
            );
        }
        seen.push(t.id.get_ref().clone());
        if t.user.get_ref().trim().is_empty() {
            p.at(
                t.user.span(),
                "`user` is empty: name the dedicated probe user",
            );
        }
        if let Err(e) =
            crate::login::check_contact(crate::settings::ChannelType::Email, t.contact.get_ref())
        {
            p.at(
                t.contact.span(),
                format!(
                    "`contact`: {}; give the probe's own e-mail address or 7–15 digits",
                    e.message
                ),
            );
        }
        if let Some(u) = &t.otp_manager_url {
            if let Err(why) = check_service_url(u.get_ref()) {
                p.at(u.span(), format!("`otp-manager-url`: {why}"));
            }
        }
        let otp_span = t.otp.span();
        let Some(otp) = otp_source(t.otp.into_inner(), otp_span, &mut p) else {
            continue;
        };
        specs.push(ProbeSpec {
            tenant: t.id.into_inner(),
            user: t.user.into_inner(),
            contact: t.contact.into_inner().trim().to_string(),
            password: t.password,
            otp,
            otp_manager_url: t.otp_manager_url.map(Spanned::into_inner),
            register: t.register,
        });
    }
    if p.list.is_empty() {
        Ok(specs)
    } else {
        Err(p.list)
    }
}

fn otp_source(o: RawOtp, span: Range<usize>, p: &mut Problems) -> Option<OtpSource> {
    let mut found = vec![];
    if let Some(r) = o.totp_secret {
        found.push(OtpSource::TotpSecret(r));
    }
    if o.outbox {
        found.push(OtpSource::Outbox);
    }
    match (o.imap, o.imap_password) {
        (Some(url), Some(password)) => match url.parse::<crate::imap::Mailbox>() {
            Ok(_) => found.push(OtpSource::Imap { url, password }),
            Err(e) => {
                p.at(span.clone(), format!("`imap`: {}", e.message));
                return None;
            }
        },
        (Some(_), None) => {
            p.at(
                span.clone(),
                "`imap` needs `imap-password = { env | file | command = \"...\" }`",
            );
            return None;
        }
        (None, Some(_)) => {
            p.at(span.clone(), "`imap-password` without `imap`");
            return None;
        }
        (None, None) => {}
    }
    if let Some(c) = o.command {
        found.push(OtpSource::Command(c));
    }
    if let Some(r) = o.rsa_passcode {
        found.push(OtpSource::RsaPasscode(r));
    }
    match found.len() {
        1 => found.pop(),
        0 => {
            p.at(span, "`otp` names no source: one of `totp-secret`, `outbox = true`, `imap`, `command`, `rsa-passcode`");
            None
        }
        _ => {
            p.at(span, "`otp` names several sources: give exactly one");
            None
        }
    }
}

/// [`parse`] for a file at `path`: a usage error listing every problem as `path:line:column`.
pub fn load(path: &std::path::Path) -> Result<Vec<ProbeSpec>, Error> {
    let name = path.display().to_string();
    let text = crate::input::read_text(&name, crate::input::InputSource::ProbeFile, 1 << 20)?;
    parse(&text).map_err(|problems| {
        let mut e = Error::usage(format!(
            "`{name}` is not a valid probe file ({} problem{})",
            problems.len(),
            if problems.len() == 1 { "" } else { "s" }
        ));
        for pr in problems {
            e = e.with_cause(format!("{name}:{pr}"));
        }
        e
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
[[tenant]]
id = "expertflow"
user = "probe.email"
contact = "probe@example.test"
password = { env = "PROBE_PASSWORD" }
otp = { outbox = true }

[[tenant]]
id = "acme"
user = "probe.app"
contact = "probe-app@example.test"
password = { file = "/run/secrets/probe" }
otp = { totp-secret = { command = "cat /run/secrets/totp" } }
otp-manager-url = "http://127.0.0.1:3000/"
"#;

    #[test]
    fn a_good_file_parses() {
        let specs = parse(GOOD).unwrap();
        assert_eq!(specs.len(), 2);
        assert_eq!(specs[0].otp, OtpSource::Outbox);
        assert_eq!(
            specs[1].otp,
            OtpSource::TotpSecret(SecretRef::Command("cat /run/secrets/totp".into()))
        );
        assert_eq!(
            specs[1].password,
            SecretRef::File("/run/secrets/probe".into())
        );
    }

    #[test]
    fn a_secret_value_is_refused_where_a_reference_goes() {
        let text = GOOD.replace(r#"{ env = "PROBE_PASSWORD" }"#, r#""agent-pass""#);
        let e = parse(&text).unwrap_err();
        assert_eq!((e[0].line, e[0].column), (6, 12), "{e:?}");
    }

    #[test]
    fn problems_are_all_reported_at_their_place() {
        let text = r#"[[tenant]]
id = "t1"
user = "p"
contact = "not a contact"
password = { env = "P" }
otp = { outbox = true, command = "x" }

[[tenant]]
id = "t1"
user = "p"
contact = "p@x.test"
password = { env = "P" }
otp = {}
"#;
        let e = parse(text).unwrap_err();
        let at: Vec<(usize, usize)> = e.iter().map(|p| (p.line, p.column)).collect();
        assert_eq!(at, vec![(4, 11), (6, 7), (9, 6), (13, 7)], "{e:?}");
        assert!(e[1].message.contains("several sources"));
        assert!(e[2].message.contains("probed twice"));
    }

    #[test]
    fn the_shipped_examples_parse() {
        let example = include_str!("../../../../monitoring/probe.example.toml");
        assert_eq!(parse(example).unwrap().len(), 3);
        let tests = include_str!("../../../../tests/probe/probe.toml");
        assert_eq!(parse(tests).unwrap().len(), 3);
    }

    #[test]
    fn unknown_keys_are_named() {
        let e = parse("[[tenant]]\nid = \"t\"\nusr = \"x\"\n").unwrap_err();
        assert_eq!((e[0].line, e[0].column), (3, 1), "{e:?}");
        assert!(e[0].message.contains("usr"), "{e:?}");
    }
}

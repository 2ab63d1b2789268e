//! `config validate`: schema plus the platform's rules, every finding located.

use super::locate::Locations;
use super::model::ChannelType;
use super::schema::{self, DocKind};
use super::source;
use crate::error::Error;
use cx2fa_platform::fields;
use serde::Serialize;
use serde_json::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
// Its name in the published schemas (`schemas/output/`), which predate this name.
#[schemars(rename = "Severity")]
pub enum ValidationSeverity {
    Error,
    Warning,
    Note,
}

/// One problem, with where it is.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
// Its name in the published schemas (`schemas/output/`), which predate this name.
#[schemars(rename = "Finding")]
pub struct ValidationFinding {
    pub severity: ValidationSeverity,
    /// JSON pointer of the offending value (or of the object missing a field).
    pub pointer: String,
    pub message: String,
    pub line: usize,
    pub column: usize,
}

impl ValidationFinding {
    pub fn new(
        severity: ValidationSeverity,
        pointer: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        ValidationFinding {
            severity,
            pointer: pointer.into(),
            message: message.into(),
            line: 0,
            column: 0,
        }
    }
}

pub const TWO_FA: &str = "/tenantSettings/twoFAConfigs";
pub const KEYCLOAK: &str = "/tenantSettings/keyCloak";

/// `tenantSettings.<section>` of `v`, one key at a time: `Value::pointer` unescapes and
/// allocates every segment, which a thousand files a run notice.
fn section<'v>(v: &'v Value, section: &str) -> Option<&'v Value> {
    v.get("tenantSettings")?.get(section)
}
const KNOWN_2FA_KEYS: &[&str] = &[
    fields::IS_2FA_ENABLED,
    fields::CHANNEL_TYPE,
    fields::CHANNEL_SERVICE_IDENTIFIER,
    fields::OTP_EXPIRY,
    fields::OTP_MAX_ATTEMPTS,
];

/// Schema and semantic findings for a parsed document, unlocated.
pub fn check_value(v: &Value) -> (DocKind, Vec<ValidationFinding>) {
    let kind = DocKind::detect(v);
    let mut findings = schema::check(kind, v);
    misplaced(v, &mut findings);
    semantic(kind, v, &mut findings);
    (kind, findings)
}

/// Keys the platform would never read: a section in the wrong case (`twoFaConfigs`,
/// `keycloak`, `Otp_Manager_URL`), which would silently lose the setting, and a section pasted
/// at the top level instead of inside `tenantSettings`. Each is an error naming the right
/// spelling or place.
fn misplaced(v: &Value, out: &mut Vec<ValidationFinding>) {
    let err = |p: String, m: String| ValidationFinding::new(ValidationSeverity::Error, p, m);
    let mut near = |obj: Option<&Value>, at: &str, known: &[&str]| {
        let Some(m) = obj.and_then(Value::as_object) else {
            return;
        };
        for key in m.keys() {
            if let Some(k) = known
                .iter()
                .find(|k| k.eq_ignore_ascii_case(key) && **k != key.as_str())
            {
                out.push(err(
                    format!("{at}/{key}"),
                    format!("`{key}` is not `{k}`: the platform matches the exact case and would ignore this setting"),
                ));
            }
        }
    };
    near(
        v.get("tenantSettings"),
        "/tenantSettings",
        &["twoFAConfigs", "keyCloak"],
    );
    near(
        section(v, "keyCloak"),
        KEYCLOAK,
        &[
            fields::OTP_MANAGER_URL,
            "RSA_Server_URL",
            "RSA_Client_Key",
            "RSA_Client_ID",
            "realm",
        ],
    );
    near(Some(v), "", &["tenantSettings"]);
    if let Some(m) = v.as_object() {
        for key in ["twoFAConfigs", "keyCloak"] {
            if m.contains_key(key) {
                out.push(err(
                    format!("/{key}"),
                    format!("`{key}` belongs inside `tenantSettings`: `{{\"tenantSettings\": {{\"{key}\": ...}}}}`"),
                ));
            }
        }
    }
}

/// Whether `s` is an absolute http(s) URL ending in `/`; the reason when not.
pub fn check_service_url(s: &str) -> Result<(), String> {
    let parsed = url::Url::parse(s).map_err(|e| format!("`{s}` is not an absolute URL ({e})"))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(format!("`{s}` must be an http or https URL"));
    }
    if !s.ends_with('/') {
        return Err(format!(
            "`{s}` must end with `/` (the platform appends paths such as `otp/generate`)"
        ));
    }
    Ok(())
}

/// The platform's email rule, `^[^\s@]+@[^\s@]+\.[^\s@]+$`.
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    let ok = |p: &str| !p.is_empty() && !p.chars().any(|c| c.is_whitespace() || c == '@');
    ok(local)
        && ok(domain)
        && domain
            .rsplit_once('.')
            .is_some_and(|(a, b)| !a.is_empty() && !b.is_empty())
}

/// An SMS sender: a phone number or short code, optional leading `+`.
pub fn is_phone_like(s: &str) -> bool {
    let digits = s.strip_prefix('+').unwrap_or(s);
    (3..=15).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit())
}

fn did_you_mean(key: &str) -> Option<&'static str> {
    KNOWN_2FA_KEYS
        .iter()
        .map(|k| {
            (
                k,
                strsim::jaro_winkler(&key.to_ascii_lowercase(), &k.to_ascii_lowercase()),
            )
        })
        .filter(|(_, s)| *s > 0.8)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(k, _)| *k)
}

type Object = serde_json::Map<String, Value>;

fn semantic(kind: DocKind, v: &Value, out: &mut Vec<ValidationFinding>) {
    let Some(cfg) = section(v, "twoFAConfigs").and_then(Value::as_object) else {
        return;
    };
    let kc = section(v, "keyCloak").and_then(Value::as_object);
    unknown_keys(cfg, out);
    numbers_as_strings(cfg, out);
    urls_and_ranges(cfg, kc, out);
    if let Some(channel) = enabled_channel(cfg) {
        channel_requirements(cfg, kc, channel, out);
        if channel == ChannelType::Rsa {
            rsa_requirements(kind, kc, out);
        }
    }
}

/// A string field of `keyCloak`.
fn kc_str<'v>(kc: Option<&'v Object>, key: &str) -> Option<&'v str> {
    kc.and_then(|m| m.get(key)).and_then(Value::as_str)
}

fn err(pointer: String, message: String) -> ValidationFinding {
    ValidationFinding::new(ValidationSeverity::Error, pointer, message)
}

fn warn(pointer: String, message: String) -> ValidationFinding {
    ValidationFinding::new(ValidationSeverity::Warning, pointer, message)
}

fn unknown_keys(cfg: &Object, out: &mut Vec<ValidationFinding>) {
    for key in cfg.keys().filter(|k| !KNOWN_2FA_KEYS.contains(&k.as_str())) {
        let mut msg = format!("unknown key `{key}` in twoFAConfigs is ignored by the platform");
        if let Some(s) = did_you_mean(key) {
            msg.push_str(&format!("; did you mean `{s}`?"));
        }
        out.push(warn(format!("{TWO_FA}/{key}"), msg));
    }
}

fn numbers_as_strings(cfg: &Object, out: &mut Vec<ValidationFinding>) {
    // Numbers as strings: what the connector itself writes at registration, and what it
    // passes on to the OTP manager as they are. The platform runs them; they are unusual.
    for k in [fields::OTP_EXPIRY, fields::OTP_MAX_ATTEMPTS] {
        let digits = cfg
            .get(k)
            .and_then(Value::as_str)
            .filter(|t| t.parse::<u64>().is_ok_and(|n| n > 0));
        if let Some(text) = digits {
            out.push(warn(
                format!("{TWO_FA}/{k}"),
                format!("{k} is the string \"{text}\": the platform passes it on as it is and it works, but the documented type is a number ({text} without quotes)"),
            ));
        }
    }
}

fn urls_and_ranges(cfg: &Object, kc: Option<&Object>, out: &mut Vec<ValidationFinding>) {
    if let Some(url) = kc_str(kc, fields::OTP_MANAGER_URL) {
        if let Err(why) = check_service_url(url) {
            out.push(err(format!("{KEYCLOAK}/Otp_Manager_Url"), why));
        }
    }
    if let Some(n) = cfg.get(fields::OTP_EXPIRY).and_then(Value::as_u64) {
        if n > 0 && !(60..=120).contains(&n) {
            out.push(warn(
                format!("{TWO_FA}/otpExpiry"),
                format!("otpExpiry {n} s is outside the recommended 60–120 s"),
            ));
        }
    }
    if let Some(n) = cfg.get(fields::OTP_MAX_ATTEMPTS).and_then(Value::as_u64) {
        if n > 0 && !(3..=5).contains(&n) {
            out.push(warn(
                format!("{TWO_FA}/otpMaxAttempts"),
                format!("otpMaxAttempts {n} is outside the usual 3–5"),
            ));
        }
    }
}

/// The channel 2FA is enabled with, when it is enabled with a known one.
fn enabled_channel(cfg: &Object) -> Option<ChannelType> {
    if cfg.get(fields::IS_2FA_ENABLED).and_then(Value::as_bool) != Some(true) {
        return None;
    }
    cfg.get(fields::CHANNEL_TYPE)
        .and_then(Value::as_str)
        .and_then(ChannelType::parse)
}

fn channel_requirements(
    cfg: &Object,
    kc: Option<&Object>,
    channel: ChannelType,
    out: &mut Vec<ValidationFinding>,
) {
    let ident = cfg
        .get(fields::CHANNEL_SERVICE_IDENTIFIER)
        .and_then(Value::as_str);
    let ident_ptr = format!("{TWO_FA}/channelServiceIdentifier");
    if channel.uses_channel() {
        if kc_str(kc, fields::OTP_MANAGER_URL).is_none_or(|s| s.trim().is_empty()) {
            out.push(err(
                format!("{KEYCLOAK}/Otp_Manager_Url"),
                format!("`keyCloak.Otp_Manager_Url` is required when is2FAEnabled is true with channelType {channel}"),
            ));
        }
        match ident {
            None | Some("") if cfg.get(fields::CHANNEL_SERVICE_IDENTIFIER).is_none_or(Value::is_string) => out.push(err(
                ident_ptr,
                format!("channelServiceIdentifier is required for channelType {channel}: the identifier of the {channel} channel that sends OTPs"),
            )),
            Some(id) if channel == ChannelType::Email && !is_email(id) => out.push(err(
                ident_ptr,
                format!("`{id}` is not an email address; an EMAIL channel is identified by its sender address"),
            )),
            Some(id) if channel == ChannelType::Sms && !is_phone_like(id) => out.push(err(
                ident_ptr,
                format!("`{id}` is not a phone number; an SMS channel is identified by its number (digits, optional leading `+`)"),
            )),
            _ => {}
        }
    } else {
        out.push(ValidationFinding::new(
            ValidationSeverity::Note,
            format!("{TWO_FA}/channelType"),
            format!("channelType {channel} is accepted by the Keycloak connector; the configuration guide documents EMAIL and SMS"),
        ));
    }
}

/// RSA keys live on the tenant, not in the documented update payload: an update payload that
/// leaves them out may still be fine once merged, so that is only a warning there.
fn rsa_requirements(kind: DocKind, kc: Option<&Object>, out: &mut Vec<ValidationFinding>) {
    let sev = if kind == DocKind::TenantDocument {
        ValidationSeverity::Error
    } else {
        ValidationSeverity::Warning
    };
    for key in [
        fields::RSA_SERVER_URL,
        fields::RSA_CLIENT_KEY,
        fields::RSA_CLIENT_ID,
    ] {
        match kc_str(kc, key).filter(|s| !s.trim().is_empty()) {
            None => out.push(ValidationFinding::new(
                sev,
                format!("{KEYCLOAK}/{key}"),
                format!("`keyCloak.{key}` is required for channelType RSA"),
            )),
            Some(url) if key == fields::RSA_SERVER_URL => {
                if let Err(why) = check_service_url(url) {
                    out.push(err(format!("{KEYCLOAK}/{key}"), why));
                }
            }
            Some(_) => {}
        }
    }
}

/// The result for one input.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct FileReport {
    pub file: String,
    pub kind: Option<DocKind>,
    pub valid: bool,
    pub errors: usize,
    pub warnings: usize,
    pub findings: Vec<ValidationFinding>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Set when the file could not be read or parsed at all.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failure: Option<String>,
}

impl FileReport {
    /// A refusal naming every error finding with its file, line and column.
    pub fn refusal(&self, message: String) -> Error {
        self.findings
            .iter()
            .filter(|f| f.severity == ValidationSeverity::Error)
            .fold(Error::failed(message), |e, f| {
                e.with_cause(format!(
                    "{}:{}:{}: {} [{}]",
                    self.file, f.line, f.column, f.message, f.pointer
                ))
            })
    }
}

/// Largest input accepted: tenant documents are a few kB; anything this big is a mistake.
pub const MAX_INPUT_BYTES: u64 = 10 * 1024 * 1024;

/// Validates text from `origin` (a path or `-`), locating every finding.
pub fn validate_text(raw: &str, origin: &str) -> Result<FileReport, Error> {
    let parsed = source::parse(raw, origin)?;
    let (kind, mut findings) = check_value(&parsed.value);
    for (pointer, key) in &parsed.duplicates {
        findings.push(ValidationFinding::new(
            ValidationSeverity::Error,
            pointer,
            format!("duplicate key `{key}`: the object holds it more than once, and only the last value would count"),
        ));
    }
    // Locating walks the whole text again: only worth it when there is something to locate.
    if !findings.is_empty() {
        let locs = Locations::of_only(
            &parsed.cleaned.text,
            findings.iter().map(|f| f.pointer.as_str()),
        );
        for f in &mut findings {
            (f.line, f.column) = locs.find(&f.pointer);
        }
    }
    findings.sort_by_key(|f| (f.line, f.column, f.severity));
    findings.dedup();
    let errors = findings
        .iter()
        .filter(|f| f.severity == ValidationSeverity::Error)
        .count();
    let warnings = findings
        .iter()
        .filter(|f| f.severity == ValidationSeverity::Warning)
        .count();
    Ok(FileReport {
        file: origin.to_string(),
        kind: Some(kind),
        valid: errors == 0,
        errors,
        warnings,
        findings,
        note: parsed.cleaned.note(),
        failure: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Fix;

    const UPDATE: &str = r#"{"tenantSettings": {"keyCloak": {"Otp_Manager_Url": "http://ef-cx-otp-manager-svc:3000/"},
        "twoFAConfigs": {"is2FAEnabled": true, "channelType": "EMAIL",
        "channelServiceIdentifier": "ops@example.test", "otpExpiry": 60, "otpMaxAttempts": 3}}}"#;

    fn findings(text: &str) -> Vec<(ValidationSeverity, String)> {
        validate_text(text, "t")
            .unwrap()
            .findings
            .into_iter()
            .map(|f| (f.severity, f.pointer))
            .collect()
    }

    /// #26: a case typo would silently lose the setting; a section at the top level is out of
    /// place; a pasted fragment and typographic quotes get hints of their own.
    #[test]
    fn case_typos_and_misplaced_sections_are_errors_that_name_the_fix() {
        let messages = |text: &str| -> Vec<String> {
            match validate_text(text, "t") {
                Ok(r) => r.findings.into_iter().map(|f| f.message).collect(),
                Err(e) => vec![e.message],
            }
        };
        let m = messages(&UPDATE.replace("twoFAConfigs", "twoFaConfigs"));
        assert!(
            m.iter()
                .any(|m| m.contains("`twoFaConfigs` is not `twoFAConfigs`")),
            "{m:?}"
        );
        let m = messages(&UPDATE.replace("keyCloak", "keycloak"));
        assert!(
            m.iter().any(|m| m.contains("`keycloak` is not `keyCloak`")),
            "{m:?}"
        );
        let m = messages(&UPDATE.replace("Otp_Manager_Url", "Otp_Manager_URL"));
        assert!(
            m.iter()
                .any(|m| m.contains("`Otp_Manager_URL` is not `Otp_Manager_Url`")),
            "{m:?}"
        );
        let m = messages(r#"{"twoFAConfigs": {"is2FAEnabled": false}}"#);
        assert!(
            m.iter()
                .any(|m| m.contains("belongs inside `tenantSettings`")),
            "{m:?}"
        );
        let e = validate_text(r#""twoFAConfigs": {"is2FAEnabled": false}"#, "t").unwrap_err();
        assert_eq!(e.fix, Some(Fix::Fragment("twoFAConfigs".into())));
        let e = validate_text("{\u{201c}tenantSettings\u{201d}: {}}", "t").unwrap_err();
        assert_eq!(e.fix, Some(Fix::TypographicQuotes));
    }

    /// #24: what the connector runs is not refused: APP/RSA without the OTP settings (it never
    /// reads them), numbers as strings (it writes them so itself; a warning); EMAIL/SMS without
    /// them is refused (the OTP manager needs them).
    #[test]
    fn the_connector_is_the_reference_for_errors_and_warnings() {
        let v = |two_fa: &str| {
            validate_text(
                &format!(r#"{{"tenantSettings": {{"keyCloak": {{"Otp_Manager_Url": "http://otp:3000/"}}, "twoFAConfigs": {two_fa}}}}}"#),
                "t",
            )
            .unwrap()
        };
        for ct in ["APP", "RSA"] {
            let r = v(&format!(
                r#"{{"is2FAEnabled": true, "channelType": "{ct}"}}"#
            ));
            assert!(r.valid, "{ct}: {:?}", r.findings);
        }
        let r = v(
            r#"{"is2FAEnabled": true, "channelType": "EMAIL", "channelServiceIdentifier": "a@b.io", "otpExpiry": "60", "otpMaxAttempts": "3"}"#,
        );
        assert!(r.valid, "{:?}", r.findings);
        assert_eq!(
            r.findings
                .iter()
                .filter(|f| f.severity == ValidationSeverity::Warning)
                .count(),
            2
        );
        let r = v(
            r#"{"is2FAEnabled": true, "channelType": "SMS", "channelServiceIdentifier": "+1555"}"#,
        );
        assert!(!r.valid, "{:?}", r.findings);
        let r = v(
            r#"{"is2FAEnabled": true, "channelType": "EMAIL", "channelServiceIdentifier": "a@b.io", "otpExpiry": "sixty", "otpMaxAttempts": 3}"#,
        );
        assert!(!r.valid, "{:?}", r.findings);
    }

    #[test]
    fn documented_update_payload_is_valid() {
        let r = validate_text(UPDATE, "t").unwrap();
        assert!(r.valid, "{:?}", r.findings);
        assert_eq!(r.kind, Some(DocKind::UpdatePayload));
        assert!(r.findings.is_empty());
    }

    #[test]
    fn missing_otp_manager_url_when_enabled() {
        let text = UPDATE.replace(
            r#""Otp_Manager_Url": "http://ef-cx-otp-manager-svc:3000/""#,
            r#""x": 1"#,
        );
        assert_eq!(
            findings(&text),
            vec![(
                ValidationSeverity::Error,
                "/tenantSettings/keyCloak/Otp_Manager_Url".into()
            )]
        );
    }

    #[test]
    fn url_without_slash_and_bad_identifier() {
        let text = UPDATE
            .replace(":3000/", ":3000")
            .replace("ops@example.test", "ops example");
        let f = findings(&text);
        assert!(f.contains(&(
            ValidationSeverity::Error,
            "/tenantSettings/keyCloak/Otp_Manager_Url".into()
        )));
        assert!(f.contains(&(
            ValidationSeverity::Error,
            "/tenantSettings/twoFAConfigs/channelServiceIdentifier".into()
        )));
    }

    #[test]
    fn ranges_warn_and_unknown_keys_suggest() {
        let text = UPDATE.replace(
            r#""otpExpiry": 60"#,
            r#""otpExpiry": 600, "otpMaxAtempts": 4"#,
        );
        let r = validate_text(&text, "t").unwrap();
        assert!(r.valid);
        assert_eq!(r.warnings, 2);
        assert!(r
            .findings
            .iter()
            .any(|f| f.message.contains("did you mean `otpMaxAttempts`")));
    }

    #[test]
    fn wrong_types_come_from_the_schema() {
        // "60" is what the connector writes (a warning); "sixty" no platform code can read.
        let text = UPDATE
            .replace(r#""otpExpiry": 60"#, r#""otpExpiry": "sixty""#)
            .replace("true", "\"yes\"");
        let f = findings(&text);
        assert!(f.contains(&(
            ValidationSeverity::Error,
            "/tenantSettings/twoFAConfigs/otpExpiry".into()
        )));
        assert!(f.contains(&(
            ValidationSeverity::Error,
            "/tenantSettings/twoFAConfigs/is2FAEnabled".into()
        )));
    }

    #[test]
    fn phone_and_email_rules() {
        assert!(is_email("a.b@c.io") && !is_email("a@b") && !is_email("a b@c.io"));
        assert!(is_phone_like("+15550100") && is_phone_like("8224") && !is_phone_like("555-0100"));
    }
}

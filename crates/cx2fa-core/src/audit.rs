//! `cx2fa audit`: the users (and tenants) for whom 2FA is not what it seems, judged as the
//! platform's own login judges them (connector `ef-keycloak-connect` 1.9.3-RC8; the kinds and
//! what each means for the user are in `docs/audit.md`).
//!
//! The scan is `user status`'s (one page walk per realm, through the same limiter); the
//! findings are derived from each user's [`EnrolmentStatus`] and the tenant document. Core names kinds
//! and severities; the binary words the remedies.

use crate::enrolment::EnrolmentStatus;
use crate::settings::{secrets, ChannelType, Tenant};
use cx2fa_platform::enrolment as attrs;
use cx2fa_platform::{contract, fields};
use serde::Serialize;
use serde_json::Value;

/// How bad a finding is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum Severity {
    Low,
    Medium,
    /// The user's next login will fail (or every login of the tenant will).
    High,
    /// 2FA is not enforced: the platform logs the user in without checking a code.
    Critical,
}

/// What was found: the audit's documented vocabulary (`docs/audit.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum FindingKind {
    /// Registered with a `twoFAChannel` not exactly APP/RSA/SMS/EMAIL (1.7.x wrote `app`,
    /// `sms`): no OTP is sent, and any code logs the user in.
    Bypass,
    /// An EMAIL/SMS user's stored `channelServiceIdentifier` differs from the tenant's: the OTP
    /// is generated for the tenant's and verified against the user's copy, which fails.
    StaleIdentifier,
    /// Registered for a channel the tenant no longer uses.
    ChannelChanged,
    /// A registered EMAIL/SMS user without `customerChannelIdentifier` (only a 1.7.x
    /// `phoneNumber`, or nothing): the platform refuses the login.
    MissingContact,
    /// Registration started and never finished (`is2FARegistered` false, or a
    /// `tempOTPSecret` left behind).
    PendingRegistration,
    /// An APP user holding both `otpSecret` and `tempOTPSecret`.
    TwoSecrets,
    /// Several users' OTPs go to one phone or address.
    SharedContact,
    /// An enrolled user without e-mail, first or last name: on Keycloak 24+ with a user
    /// profile the platform's own attribute write clears these, and the profile then blocks the
    /// login ("Account is not fully set up").
    ProfileIncomplete,
    /// The tenant's `channelType` is not exactly APP/RSA/SMS/EMAIL: every login is refused.
    TenantChannelCase,
    /// 2FA by EMAIL/SMS with an `Otp_Manager_Url` missing or without its trailing `/` (the
    /// platform appends `otp/generate` to it as is).
    OtpManagerUrl,
    /// Credentials in the tenant document too short to be anything but defaults (the
    /// configuration guide's own example sets `admin` and `pass`).
    WeakCredentials,
    /// The tenant's realm admin (`USERNAME_ADMIN`) is not registered while 2FA is on.
    AdminNotEnrolled,
    /// The realm's user profile lets the admin API read the enrolment attributes but not
    /// write them (`unmanagedAttributePolicy` `ADMIN_VIEW`): the platform's registration
    /// writes are dropped (Keycloak 26.5.2+), so nobody can finish registering.
    EnrolmentReadOnly,
}

impl FindingKind {
    pub fn severity(self) -> Severity {
        use FindingKind::*;
        match self {
            Bypass => Severity::Critical,
            StaleIdentifier | ChannelChanged | MissingContact | TenantChannelCase
            | OtpManagerUrl | EnrolmentReadOnly => Severity::High,
            PendingRegistration | TwoSecrets | ProfileIncomplete | WeakCredentials
            | AdminNotEnrolled => Severity::Medium,
            SharedContact => Severity::Low,
        }
    }
    /// Whether `audit --fix` repairs it: a reset of the user's enrolment (safe, and reversible
    /// by the user's next login, which registers them again).
    pub fn fixable(self) -> bool {
        use FindingKind::*;
        matches!(
            self,
            Bypass | StaleIdentifier | ChannelChanged | MissingContact | TwoSecrets
        )
    }
}

/// One finding: a user's (or, with no user, the tenant's).
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AuditFinding {
    pub tenant: String,
    pub realm: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    pub kind: FindingKind,
    pub severity: Severity,
    /// What was seen: attribute names and masked values, never a secret.
    pub evidence: String,
}

/// Every finding of one tenant whose users were scanned, in a realm whose user profile gives
/// `access`.
pub fn tenant(
    t: &Tenant,
    users: &[EnrolmentStatus],
    access: &crate::user_profile::Access,
) -> Vec<AuditFinding> {
    let mut out = vec![];
    let mut add = |user: Option<&str>, kind: FindingKind, evidence: String| {
        out.push(AuditFinding {
            tenant: t.id().into(),
            realm: t.realm().into(),
            user: user.map(str::to_string),
            kind,
            severity: kind.severity(),
            evidence,
        })
    };
    let policy = t.two_fa();
    for u in users {
        for (kind, evidence) in user_findings(u, policy.enabled && access.profile) {
            add(Some(&u.username), kind, evidence);
        }
    }
    for (kind, evidence) in document_findings(t, users) {
        add(None, kind, evidence);
    }
    if !access.read_only.is_empty() {
        add(
            None,
            FindingKind::EnrolmentReadOnly,
            format!(
                "unmanagedAttributePolicy={}: read-only {}",
                access.unmanaged_policy.as_deref().unwrap_or("(absent)"),
                access.read_only.join(", ")
            ),
        );
    }
    out.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then_with(|| a.user.cmp(&b.user))
    });
    out
}

/// `profile_matters`: 2FA is on and the realm has a Keycloak 24+ user profile, where missing
/// names and e-mail block a login.
fn user_findings(u: &EnrolmentStatus, profile_matters: bool) -> Vec<(FindingKind, String)> {
    use FindingKind::*;
    let mut out = vec![];
    let raw = u.facts.raw_channel.as_deref().unwrap_or("");
    let has = |attribute: &str| u.other_attributes.iter().any(|a| a == attribute);
    if u.bypass {
        out.push((
            Bypass,
            format!("is2FARegistered=true, twoFAChannel=`{raw}`"),
        ));
    }
    out.extend(channel_finding(u, raw));
    let otp_channel = matches!(raw, "EMAIL" | "SMS");
    if u.registered && otp_channel && !u.facts.customer_contact {
        out.push((
            MissingContact,
            if has(attrs::PHONE_NUMBER) {
                "no customerChannelIdentifier (only a 1.7.x phoneNumber)".to_string()
            } else {
                "no customerChannelIdentifier".to_string()
            },
        ));
    }
    let temp = has(attrs::TEMP_OTP_SECRET);
    let secret = has(attrs::OTP_SECRET);
    if u.enrolled && !u.registered && !u.bypass {
        out.push((
            PendingRegistration,
            format!(
                "is2FARegistered is not true{}",
                if temp { ", tempOTPSecret present" } else { "" }
            ),
        ));
    }
    if raw == "APP" && temp && secret {
        out.push((
            TwoSecrets,
            "otpSecret and tempOTPSecret both present".into(),
        ));
    }
    if u.shared_with > 1 {
        out.push((
            SharedContact,
            format!(
                "contact {} is shared by {} users",
                u.contact.clone().unwrap_or_default(),
                u.shared_with
            ),
        ));
    }
    if profile_matters && u.enrolled && !u.facts.missing_profile.is_empty() {
        out.push((
            ProfileIncomplete,
            format!("missing {}", u.facts.missing_profile.join(", ")),
        ));
    }
    out
}

/// The user's copy of the tenant's channel settings against the tenant's own.
fn channel_finding(u: &EnrolmentStatus, raw: &str) -> Option<(FindingKind, String)> {
    use FindingKind::*;
    // One finding per cause: a user registered for another channel has, of course, another
    // identifier too; that is the channel change, not a second problem.
    let channel_changed = u
        .stale_fields
        .iter()
        .any(|f| f != fields::CHANNEL_SERVICE_IDENTIFIER);
    if channel_changed {
        Some((
            ChannelChanged,
            format!("registered for `{raw}`, the tenant uses another channel"),
        ))
    } else if u
        .stale_fields
        .iter()
        .any(|f| f == fields::CHANNEL_SERVICE_IDENTIFIER)
    {
        let copy = u
            .policy_copy
            .get(fields::CHANNEL_SERVICE_IDENTIFIER)
            .cloned()
            .unwrap_or_default();
        Some((
            StaleIdentifier,
            format!("channelServiceIdentifier=`{copy}` differs from the tenant's"),
        ))
    } else {
        None
    }
}

fn document_findings(t: &Tenant, users: &[EnrolmentStatus]) -> Vec<(FindingKind, String)> {
    use FindingKind::*;
    let mut out = vec![];
    let policy = t.two_fa();
    let raw_type =
        t.0.pointer("/tenantSettings/twoFAConfigs/channelType")
            .and_then(Value::as_str);
    if policy.enabled {
        if let Some(raw) =
            raw_type.filter(|r| ChannelType::parse(r).is_none_or(|c| c.as_str() != *r))
        {
            out.push((TenantChannelCase, format!("channelType=`{raw}`")));
        }
        let otp = matches!(
            policy.channel_type,
            Some(ChannelType::Email | ChannelType::Sms)
        );
        match t.otp_manager_url() {
            None if otp => out.push((OtpManagerUrl, "Otp_Manager_Url is missing".into())),
            Some(u) if otp && !u.ends_with('/') => out.push((
                OtpManagerUrl,
                format!("Otp_Manager_Url=`{u}` has no trailing `/`: the platform posts to `{u}otp/generate`"),
            )),
            _ => {}
        }
        let admin = t
            .kc(fields::USERNAME_ADMIN)
            .unwrap_or(contract::DEFAULT_TENANT_ADMIN);
        if let Some(a) = users
            .iter()
            .find(|u| u.username.eq_ignore_ascii_case(admin))
        {
            if !a.registered {
                out.push((
                    AdminNotEnrolled,
                    format!("the realm admin `{admin}` is not registered for 2FA"),
                ));
            }
        }
    }
    let weak = secrets::weak_secrets(&t.0);
    if !weak.is_empty() {
        out.push((
            WeakCredentials,
            format!("short secrets at {}", weak.join(", ")),
        ));
    }
    out
}

/// Counts by severity, for summaries.
#[derive(Debug, Clone, Default, Serialize, schemars::JsonSchema)]
pub struct Counts {
    pub critical: usize,
    pub high: usize,
    pub medium: usize,
    pub low: usize,
}

impl Counts {
    pub fn of<'a>(findings: impl IntoIterator<Item = &'a AuditFinding>) -> Counts {
        let mut c = Counts::default();
        for f in findings {
            match f.severity {
                Severity::Critical => c.critical += 1,
                Severity::High => c.high += 1,
                Severity::Medium => c.medium += 1,
                Severity::Low => c.low += 1,
            }
        }
        c
    }
}

/// One tenant's summary.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct TenantSummary {
    pub tenant: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub realm: Option<String>,
    pub users: usize,
    pub findings: Counts,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// What [`run`] found over its tenants.
#[derive(Debug)]
pub struct Audit {
    pub findings: Vec<AuditFinding>,
    /// Every tenant, audited or not, in the order of the targets.
    pub tenants: Vec<TenantSummary>,
    /// The users a reset repairs ([`FindingKind::fixable`]), by tenant.
    pub fixable: Vec<crate::fleet::TenantWork>,
    /// The tenants that could not be audited, and why.
    pub errors: Vec<crate::fleet::TenantPosture>,
}

/// Audits every target tenant: scans each realm (concurrently, through the one limiter) and
/// judges its users and document ([`tenant`]). A tenant that cannot be scanned is a row of its
/// own; the others are still audited.
pub async fn run(
    s: &crate::api::Session,
    targets: Vec<Result<Tenant, (String, crate::error::Error)>>,
) -> Result<Audit, crate::error::Error> {
    let docs: Vec<Tenant> = targets
        .iter()
        .filter_map(|t| t.as_ref().ok().cloned())
        .collect();
    let scanned = crate::fleet::postures(s, targets, true, &[], false).await;
    let mut out = Audit {
        findings: vec![],
        tenants: vec![],
        fixable: vec![],
        errors: vec![],
    };
    for (p, users) in scanned {
        let doc = docs.iter().find(|d| d.id() == p.tenant);
        let (Some(doc), None) = (doc, &p.error) else {
            out.tenants.push(TenantSummary {
                tenant: p.tenant.clone(),
                realm: p.realm.clone(),
                users: 0,
                findings: Counts::default(),
                error: p.error.clone(),
            });
            out.errors.push(p);
            continue;
        };
        // Read again here (the scan read it too): which kinds apply depends on it.
        let users_api = crate::api::keycloak::Users::new(s, doc.realm());
        let access = crate::user_profile::read(&users_api).await?;
        let found = tenant(doc, &users, &access);
        let mut names: Vec<String> = found
            .iter()
            .filter(|f| f.kind.fixable())
            .filter_map(|f| f.user.clone())
            .collect();
        names.dedup();
        if !names.is_empty() {
            out.fixable.push(crate::fleet::TenantWork {
                tenant: p.tenant.clone(),
                realm: doc.realm().to_string(),
                names,
            });
        }
        out.tenants.push(TenantSummary {
            tenant: p.tenant.clone(),
            realm: p.realm.clone(),
            users: users.len(),
            findings: Counts::of(&found),
            error: None,
        });
        out.findings.extend(found);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::keycloak::User;
    use serde_json::json;

    fn tenant_doc() -> Tenant {
        Tenant(json!({"tenantId": "t", "tenantSettings": {
            "keyCloak": {"realm": "t", "Otp_Manager_Url": "http://otp:3000/", "PASSWORD_ADMIN": "a-long-secret-1"},
            "twoFAConfigs": {"is2FAEnabled": true, "channelType": "EMAIL", "channelServiceIdentifier": "otp@x.io", "otpExpiry": 60, "otpMaxAttempts": 3}}}))
    }

    fn kinds(user: serde_json::Value) -> Vec<FindingKind> {
        let t = tenant_doc();
        let mut u = json!({"id": "1", "username": "u", "email": "u@x.io", "firstName": "U", "lastName": "X"});
        u["attributes"] = user;
        let s = crate::enrolment::status(&User(u), &t.two_fa());
        tenant(&t, &[s], &crate::user_profile::Access::unrestricted())
            .into_iter()
            .filter(|f| f.user.is_some())
            .map(|f| f.kind)
            .collect()
    }

    #[test]
    fn each_user_kind_is_found_and_a_clean_user_has_none() {
        use FindingKind::*;
        assert_eq!(kinds(json!({})), []);
        assert_eq!(
            kinds(
                json!({"is2FARegistered": ["true"], "twoFAChannel": ["EMAIL"], "customerChannelIdentifier": ["a@x.io"], "channelServiceIdentifier": ["otp@x.io"]})
            ),
            []
        );
        assert_eq!(
            kinds(
                json!({"is2FARegistered": ["true"], "twoFAChannel": ["sms"], "phoneNumber": ["+1555"]})
            ),
            [Bypass]
        );
        assert_eq!(
            kinds(
                json!({"is2FARegistered": ["true"], "twoFAChannel": ["EMAIL"], "customerChannelIdentifier": ["a@x.io"], "channelServiceIdentifier": ["old@x.io"]})
            ),
            [StaleIdentifier]
        );
        assert_eq!(
            kinds(
                json!({"is2FARegistered": ["true"], "twoFAChannel": ["SMS"], "customerChannelIdentifier": ["1555000111"], "channelServiceIdentifier": ["otp@x.io"]})
            ),
            [ChannelChanged]
        );
        assert_eq!(
            kinds(
                json!({"is2FARegistered": ["true"], "twoFAChannel": ["EMAIL"], "channelServiceIdentifier": ["otp@x.io"]})
            ),
            [MissingContact]
        );
        assert_eq!(
            kinds(json!({"is2FARegistered": ["false"], "twoFAChannel": ["EMAIL"]})),
            [PendingRegistration]
        );
        assert_eq!(
            kinds(
                json!({"is2FARegistered": ["true"], "twoFAChannel": ["APP"], "otpSecret": ["S"], "tempOTPSecret": ["T"]})
            ),
            [ChannelChanged, TwoSecrets]
        );
    }

    #[test]
    fn tenant_kinds_are_found() {
        use FindingKind::*;
        let mut t = tenant_doc();
        t.0["tenantSettings"]["twoFAConfigs"]["channelType"] = json!("email");
        t.0["tenantSettings"]["keyCloak"]["Otp_Manager_Url"] = json!("http://otp:3000");
        t.0["tenantSettings"]["keyCloak"]["PASSWORD_ADMIN"] = json!("admin");
        let access = crate::user_profile::Access::unrestricted();
        let found: Vec<FindingKind> = tenant(&t, &[], &access)
            .into_iter()
            .map(|f| f.kind)
            .collect();
        assert!(found.contains(&TenantChannelCase), "{found:?}");
        assert!(found.contains(&OtpManagerUrl), "{found:?}");
        assert!(found.contains(&WeakCredentials), "{found:?}");
    }
}

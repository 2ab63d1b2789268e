//! A user's 2FA enrolment (docs/deployment-contract.md §5): reading it, judging it against the tenant's policy,
//! and resetting it without touching any other attribute.

use crate::api::keycloak::{User, Users};
use crate::error::{Error, Fix};
use crate::settings::{ChannelType, TwoFa};
use cx2fa_platform::enrolment as attrs;
use cx2fa_platform::fields;
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};

pub use cx2fa_platform::enrolment::ENROLMENT_ATTRS;
use cx2fa_platform::enrolment::HIDDEN;

/// Masks a contact point: `a***@example.test`, `+1555****222`.
pub fn mask_contact(s: &str) -> String {
    if let Some((local, domain)) = s.split_once('@') {
        let first: String = local.chars().take(1).collect();
        return format!("{first}***@{domain}");
    }
    let chars: Vec<char> = s.chars().collect();
    if chars.len() <= 6 {
        return "*".repeat(chars.len().saturating_sub(2))
            + &chars[chars.len().saturating_sub(2)..]
                .iter()
                .collect::<String>();
    }
    let head: String = chars[..5].iter().collect();
    let tail: String = chars[chars.len() - 3..].iter().collect();
    format!("{head}{}{tail}", "*".repeat(chars.len() - 8))
}

/// One user's enrolment as support needs to see it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
// Its name in the published schemas (`schemas/output/`), which predate this name.
#[schemars(rename = "Status")]
pub struct EnrolmentStatus {
    pub username: String,
    pub id: String,
    /// `twoFAChannel` normalised (older releases wrote lowercase).
    pub channel: Option<String>,
    pub registered: bool,
    /// Any enrolment attribute present at all.
    pub enrolled: bool,
    pub contact: Option<String>,
    /// The policy copy taken at registration.
    pub policy_copy: BTreeMap<String, String>,
    /// What makes the user's next login fail or differ from the tenant's policy, as the
    /// platform's login decides (connector 1.9.3-RC8): `channelServiceIdentifier` (the OTP is
    /// generated with the tenant's and verified against the user's copy) or `twoFAChannel`
    /// (registered for a channel the tenant no longer uses).
    pub stale_fields: Vec<String>,
    /// The next login will fail or differ: a reset is the remedy.
    pub stale: bool,
    /// Copy fields that differ from the tenant's but that the platform never reads after
    /// registration (`otpExpiry`, `otpMaxAttempts`): shown, never called stale.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub harmless_differences: Vec<String>,
    /// Registered with a `twoFAChannel` that is not exactly `APP`, `RSA`, `SMS` or `EMAIL`
    /// (connector 1.7.x wrote `app`, `sms`): connector 1.9.3 logs this user in with any code.
    #[serde(default)]
    pub bypass: bool,
    /// Other enrolment attributes present (names only; secrets never shown).
    pub other_attributes: Vec<String>,
    /// How many users share this contact point, this one included (0 or 1: not shared).
    pub shared_with: usize,
    /// The other users whose OTPs go to the same contact point (at most
    /// [`SHARED_NAMES_SHOWN`]), in a list or a single-user view alike.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shared_with_users: Vec<String>,
    #[serde(skip)]
    pub contact_key: Option<String>,
    /// What the audit needs beyond the shown status (never printed).
    #[serde(skip)]
    pub facts: Facts,
}

/// Facts about a user that only the audit reads.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// `twoFAChannel` exactly as stored.
    pub raw_channel: Option<String>,
    /// `customerChannelIdentifier` present (the contact connector 1.9.3 reads; a 1.7.x
    /// `phoneNumber` alone is not enough).
    pub customer_contact: bool,
    /// Of `email`, `firstName`, `lastName`: those the user lacks (a Keycloak 24+ profile
    /// blocks their login; the connector's attribute-only write clears them).
    pub missing_profile: Vec<&'static str>,
}

/// Judges `u` against the tenant's policy.
pub fn status(u: &User, policy: &TwoFa) -> EnrolmentStatus {
    let attr = |k: &str| u.attr(k);
    let channel = attr(attrs::TWO_FA_CHANNEL).map(|c| {
        ChannelType::parse(&c)
            .map(|t| t.as_str().to_string())
            .unwrap_or(c)
    });
    let registered = attr(attrs::IS_2FA_REGISTERED).is_some_and(|v| v.eq_ignore_ascii_case("true"));
    let contact_raw =
        attr(attrs::CUSTOMER_CHANNEL_IDENTIFIER).or_else(|| attr(attrs::PHONE_NUMBER));
    let raw_channel = attr(attrs::TWO_FA_CHANNEL);
    let otp_channel = matches!(raw_channel.as_deref(), Some("EMAIL" | "SMS"));
    let Judged {
        copy,
        mut stale,
        harmless,
    } = judge_copy(u, policy, otp_channel && registered);
    let exact = |c: &str| ChannelType::parse(c).is_some_and(|t| t.as_str() == c);
    let bypass = registered && raw_channel.as_deref().is_some_and(|c| !exact(c));
    if registered && !bypass && channel_moved(raw_channel.as_deref(), policy) {
        stale.push(attrs::TWO_FA_CHANNEL.to_string());
    }
    EnrolmentStatus {
        username: u.username().to_string(),
        id: u.id().to_string(),
        channel,
        registered,
        enrolled: ENROLMENT_ATTRS.iter().any(|k| u.has_attr(k)),
        contact: contact_raw.as_deref().map(mask_contact),
        stale: !stale.is_empty(),
        policy_copy: copy,
        stale_fields: stale,
        harmless_differences: harmless,
        bypass,
        other_attributes: other_attributes(u),
        shared_with: 0,
        shared_with_users: vec![],
        contact_key: contact_raw.map(|c| c.trim().to_lowercase()),
        facts: Facts {
            raw_channel,
            customer_contact: attr(attrs::CUSTOMER_CHANNEL_IDENTIFIER).is_some(),
            missing_profile: missing_profile(u),
        },
    }
}

/// The policy copy a user took at registration, judged against the tenant's policy now.
struct Judged {
    copy: BTreeMap<String, String>,
    /// Fields whose difference changes the next login.
    stale: Vec<String>,
    /// Fields that differ but are never read again.
    harmless: Vec<String>,
}

/// Judges `u`'s policy copy; `otp_registered`: registered for EMAIL or SMS, the only users
/// whose copied identifier is read again at login.
fn judge_copy(u: &User, policy: &TwoFa, otp_registered: bool) -> Judged {
    let current = [
        (
            fields::CHANNEL_SERVICE_IDENTIFIER,
            policy.identifier.clone(),
        ),
        (fields::OTP_EXPIRY, policy.otp_expiry.map(|n| n.to_string())),
        (
            fields::OTP_MAX_ATTEMPTS,
            policy.otp_max_attempts.map(|n| n.to_string()),
        ),
    ];
    let mut j = Judged {
        copy: BTreeMap::new(),
        stale: vec![],
        harmless: vec![],
    };
    for (k, now) in current {
        if let Some(v) = u.attr(k) {
            if now.as_deref().is_some_and(|n| n != v) {
                // Only the identifier is read again at login, and only for EMAIL/SMS users.
                if k == fields::CHANNEL_SERVICE_IDENTIFIER && otp_registered {
                    j.stale.push(k.to_string());
                } else {
                    j.harmless.push(k.to_string());
                }
            }
            j.copy.insert(k.to_string(), v);
        }
    }
    j
}

/// Whether a user registered for `raw_channel` is on another channel than the tenant's.
fn channel_moved(raw_channel: Option<&str>, policy: &TwoFa) -> bool {
    let theirs = raw_channel.and_then(ChannelType::parse);
    theirs.is_some() && policy.channel_type.is_some() && theirs != policy.channel_type
}

/// Enrolment attributes besides the status's own that `u` holds (names only).
fn other_attributes(u: &User) -> Vec<String> {
    [
        attrs::TEMP_OTP_SECRET,
        attrs::OTP_SECRET,
        attrs::PHONE_NUMBER,
        fields::CHANNEL_TYPE,
    ]
    .iter()
    .filter(|k| u.has_attr(k))
    .map(|k| k.to_string())
    .collect()
}

/// Of `email`, `firstName`, `lastName`: those `u` lacks or holds empty.
fn missing_profile(u: &User) -> Vec<&'static str> {
    ["email", "firstName", "lastName"]
        .into_iter()
        .filter(|k| {
            u.0.get(*k)
                .and_then(Value::as_str)
                .is_none_or(|v| v.trim().is_empty())
        })
        .collect()
}

/// The enrolment attributes `u` holds: what a reset removes (empty when already clean).
pub fn enrolled(u: &User) -> Vec<String> {
    present(|k| u.has_attr(k))
}

/// The enrolment attributes for which `has` is true, in [`ENROLMENT_ATTRS`] order.
fn present(has: impl Fn(&str) -> bool) -> Vec<String> {
    ENROLMENT_ATTRS
        .iter()
        .filter(|k| has(k))
        .map(|k| k.to_string())
        .collect()
}

/// `u` as a reset sends it: the enrolment attributes gone, every other field and attribute
/// kept in its order. Works in place; bulk resets do this thousands of times.
pub fn without_enrolment(mut u: User) -> User {
    if let Some(attrs) = u.0.get_mut("attributes").and_then(Value::as_object_mut) {
        attrs.retain(|k, _| !ENROLMENT_ATTRS.contains(&k.as_str()));
    }
    u
}

/// The enrolment attributes among a re-read user's attribute names (the reset did not verify).
pub fn leftovers(names: &[String]) -> Vec<String> {
    present(|k| names.iter().any(|n| n == k))
}

/// Which users a `--filter` keeps (`user status`, `user reset --filter`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    /// Enrolment started, never finished (or never started).
    Unregistered,
    /// Enrolled with a policy copy that differs from the tenant's.
    Stale,
    /// Sharing a contact point with another user.
    Shared,
    /// Enrolled on this channel (case-insensitive: older releases wrote `sms`).
    Channel(String),
}

impl Filter {
    pub fn parse(f: &str) -> Result<Filter, Error> {
        match f {
            "unregistered" => Ok(Filter::Unregistered),
            "stale" => Ok(Filter::Stale),
            "shared-contact" => Ok(Filter::Shared),
            _ => match f.strip_prefix("channel=") {
                Some(c) if !c.is_empty() => Ok(Filter::Channel(c.to_string())),
                _ => Err(Error::usage(format!("unknown filter `{f}`")).with_fix(Fix::KnownFilters)),
            },
        }
    }

    /// What Keycloak can filter on the server for this filter (`q=twoFAChannel:SMS`, exact):
    /// the channel in both spellings releases wrote (`SMS`, `sms`). `None`: a whole scan.
    pub fn server_queries(&self) -> Option<Vec<String>> {
        match self {
            Filter::Channel(c) => {
                let mut q = vec![
                    format!("twoFAChannel:{}", c.to_uppercase()),
                    format!("twoFAChannel:{}", c.to_lowercase()),
                ];
                q.dedup();
                Some(q)
            }
            _ => None,
        }
    }

    pub fn keeps(&self, s: &EnrolmentStatus) -> bool {
        match self {
            Filter::Unregistered => !s.registered,
            // A bypassed user's remedy is the same reset.
            Filter::Stale => s.enrolled && (s.stale || s.bypass),
            Filter::Shared => s.shared_with > 1,
            Filter::Channel(c) => s
                .channel
                .as_deref()
                .is_some_and(|x| x.eq_ignore_ascii_case(c)),
        }
    }
}

/// The tenant's users at a glance.
#[derive(Debug, Clone, Default, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Posture {
    pub users: usize,
    /// The enrolled users by their `twoFAChannel` (`(none)` when enrolled without one).
    pub by_channel: BTreeMap<String, ChannelUsers>,
    pub unenrolled: usize,
    pub registered: usize,
    pub unregistered: usize,
    pub stale: usize,
    pub shared_contacts: usize,
    /// Registered users whose login the platform does not check at all ([`EnrolmentStatus::bypass`]).
    // The published description names the type as the schemas do.
    #[schemars(
        description = "Registered users whose login the platform does not check at all ([`Status::bypass`])."
    )]
    #[serde(default)]
    pub bypassed: usize,
}

/// The enrolled users of one channel.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ChannelUsers {
    /// Registered: they log in with this channel.
    pub registered: usize,
    /// Started registration but never finished: they register again at their next login.
    pub unregistered: usize,
}

impl ChannelUsers {
    /// Adds another tenant's counts (a fleet's total).
    pub fn add(&mut self, o: &ChannelUsers) {
        self.registered += o.registered;
        self.unregistered += o.unregistered;
    }
}

/// Reads every user of `realm`, page by page, and judges each against `policy`.
pub async fn scan(
    users: &Users<'_>,
    policy: &TwoFa,
    page: usize,
) -> Result<(Vec<EnrolmentStatus>, Posture), Error> {
    scan_where(users, policy, page, &[]).await
}

/// [`scan`] of only the users matching one of `queries` (Keycloak's `q=name:value`, exact,
/// filtered by the server); none means every user. The posture then counts those users only.
pub async fn scan_where(
    users: &Users<'_>,
    policy: &TwoFa,
    page: usize,
    queries: &[String],
) -> Result<(Vec<EnrolmentStatus>, Posture), Error> {
    let mut seen = std::collections::HashSet::new();
    let mut all = vec![];
    let every: [Option<&str>; 1] = [None];
    let wanted: Vec<Option<&str>> = if queries.is_empty() {
        every.to_vec()
    } else {
        queries.iter().map(|q| Some(q.as_str())).collect()
    };
    let bound = Bound::of(users).await?;
    for q in wanted {
        scan_pages(users, policy, page, q, &bound, &mut seen, &mut all).await?;
    }
    Ok(posture(all))
}

/// How far a scan may go: a server that answers full pages of fresh users forever (hostile, or
/// paging wrongly) would otherwise fill memory without end (2.4 GB in a minute). The realm's
/// own count says how many users there are; the scan stops at that plus a margin (users
/// created while it runs), or at an overall deadline, whichever comes first.
struct Bound {
    count: u64,
    most: usize,
    deadline: std::time::Instant,
}

impl Bound {
    /// Users added during a scan that are still read: a tenth of the realm, at least 100.
    const MARGIN_SHARE: u64 = 10;
    const MARGIN_MIN: u64 = 100;
    /// The least time a scan is given, whatever the count.
    const DEADLINE_MIN: std::time::Duration = std::time::Duration::from_secs(600);

    async fn of(users: &Users<'_>) -> Result<Bound, Error> {
        let count = users.count().await?;
        let margin = (count / Self::MARGIN_SHARE).max(Self::MARGIN_MIN);
        let most = usize::try_from(count.saturating_add(margin)).unwrap_or(usize::MAX);
        // A page of 100 users each taking a whole `--timeout` is far slower than any realm
        // seen answers; a scan slower than that is not going to finish.
        let pages = u32::try_from(count / 100 + 1).unwrap_or(u32::MAX);
        let slowest = users.s.http.timeout.saturating_mul(pages);
        Ok(Bound {
            count,
            most,
            deadline: std::time::Instant::now() + slowest.max(Self::DEADLINE_MIN),
        })
    }

    fn check(&self, realm: &str, seen: usize) -> Result<(), Error> {
        if seen > self.most {
            return Err(Error::network(format!(
                "Keycloak listed {seen} users of realm `{realm}`, far more than its count ({}); the scan stopped",
                self.count
            )));
        }
        if std::time::Instant::now() > self.deadline {
            return Err(Error::network(format!(
                "the scan of realm `{realm}` ({} users by its count) did not finish in time; it stopped after {seen} users",
                self.count
            ))
            .with_fix(Fix::Timeout));
        }
        Ok(())
    }
}

async fn scan_pages(
    users: &Users<'_>,
    policy: &TwoFa,
    page: usize,
    q: Option<&str>,
    bound: &Bound,
    seen: &mut std::collections::HashSet<String>,
    all: &mut Vec<EnrolmentStatus>,
) -> Result<(), Error> {
    // Pages of full user representations get slow on large realms (a page of 1,000 can take
    // longer than the timeout): the page size starts at Keycloak's default, grows while pages
    // come back quickly, shrinks when one is slow, and a page that timed out is asked again
    // smaller. A user seen twice (the realm changed during the scan) is counted once.
    const SMALLEST: usize = 10;
    let largest = page.max(1);
    let slow = users.s.http.timeout / 4;
    let mut size = largest.min(100);
    let mut first = 0;
    loop {
        let started = std::time::Instant::now();
        let batch = match users.page_where(first, size, q).await {
            Ok(b) => b,
            Err(e) if e.kind == crate::error::Kind::Network && size > SMALLEST => {
                size = (size / 4).max(SMALLEST);
                continue;
            }
            Err(e) => return Err(e),
        };
        let took = started.elapsed();
        let n = batch.len();
        let before = seen.len();
        all.extend(
            batch
                .iter()
                .filter(|u| seen.insert(u.id().to_string()))
                .filter(|u| !u.is_service_account())
                .map(|u| status(u, policy)),
        );
        bound.check(&users.realm, seen.len())?;
        if n < size {
            break;
        }
        // A full page of users already seen: a server that pages wrongly (or forever) would
        // keep the scan going without end.
        if seen.len() == before {
            return Err(Error::network(format!(
                "Keycloak answered page {first}+{size} of realm `{}` with users it had already listed; the scan stopped",
                users.realm
            )));
        }
        first += n;
        size = if took > slow {
            (size / 2).max(SMALLEST)
        } else if took < slow / 4 {
            (size * 2).min(largest)
        } else {
            size
        };
    }
    Ok(())
}

/// The most other usernames a status names as sharing its contact point.
pub const SHARED_NAMES_SHOWN: usize = 20;

fn others(names: &[String], me: &str) -> Vec<String> {
    names
        .iter()
        .filter(|n| !n.eq_ignore_ascii_case(me))
        .take(SHARED_NAMES_SHOWN)
        .cloned()
        .collect()
}

/// One user's status, with who else shares their contact point: asked of Keycloak with one
/// exact attribute query (`q=customerChannelIdentifier:<contact>`), not a scan of the realm.
pub async fn one(
    users: &Users<'_>,
    username: &str,
    policy: &TwoFa,
) -> Result<EnrolmentStatus, Error> {
    let u = users.require(username).await?;
    let mut s = status(&u, policy);
    if let Some(contact) = u.attr(attrs::CUSTOMER_CHANNEL_IDENTIFIER) {
        let q = format!("{}:{contact}", attrs::CUSTOMER_CHANNEL_IDENTIFIER);
        let same: Vec<String> = users
            .page_where(0, SHARED_NAMES_SHOWN + 1, Some(&q))
            .await?
            .iter()
            .filter(|o| !o.is_service_account())
            .map(|o| o.username().to_string())
            .collect();
        let others = others(&same, &s.username);
        if !others.is_empty() {
            s.shared_with = others.len() + 1;
            s.shared_with_users = others;
        }
    }
    Ok(s)
}

/// Counts shared contacts and the posture of a set of users.
fn posture(mut all: Vec<EnrolmentStatus>) -> (Vec<EnrolmentStatus>, Posture) {
    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut names: HashMap<String, Vec<String>> = HashMap::new();
    for s in &all {
        if let Some(k) = &s.contact_key {
            *counts.entry(k.clone()).or_default() += 1;
            let n = names.entry(k.clone()).or_default();
            if n.len() <= SHARED_NAMES_SHOWN {
                n.push(s.username.clone());
            }
        }
    }
    let mut p = Posture {
        users: all.len(),
        ..Default::default()
    };
    for s in &mut all {
        s.shared_with = s
            .contact_key
            .as_ref()
            .and_then(|k| counts.get(k))
            .copied()
            .unwrap_or(0);
        if s.shared_with > 1 {
            s.shared_with_users =
                others(&names[s.contact_key.as_deref().unwrap_or("")], &s.username);
        }
        if !s.enrolled {
            p.unenrolled += 1;
            continue;
        }
        let e = p
            .by_channel
            .entry(s.channel.clone().unwrap_or_else(|| "(none)".into()))
            .or_default();
        if s.registered {
            e.registered += 1;
            p.registered += 1;
        } else {
            e.unregistered += 1;
            p.unregistered += 1;
        }
        p.stale += s.stale as usize;
        p.bypassed += s.bypass as usize;
        p.shared_contacts += (s.shared_with > 1) as usize;
    }
    (all, p)
}

/// Hidden attributes are never shown; this names them for tests.
pub fn is_hidden(attr: &str) -> bool {
    HIDDEN.contains(&attr)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn user(attrs: Value) -> User {
        User(json!({"id": "1", "username": "u", "attributes": attrs}))
    }

    #[test]
    fn masks_contacts() {
        assert_eq!(mask_contact("alice@example.test"), "a***@example.test");
        assert_eq!(mask_contact("+15550100222"), "+1555****222");
    }

    #[test]
    fn reset_removes_exactly_the_enrolment_attributes() {
        let u = user(
            json!({"department": ["x"], "otpSecret": ["S"], "is2FARegistered": ["true"], "channelType": ["EMAIL"], "locale": ["en"]}),
        );
        assert_eq!(
            enrolled(&u),
            ["is2FARegistered", "otpSecret", "channelType"]
        );
        let sent = without_enrolment(u.clone());
        assert_eq!(
            sent.0["attributes"],
            json!({"department": ["x"], "locale": ["en"]})
        );
        assert_eq!(sent.0["id"], u.0["id"]);
        assert!(enrolled(&user(json!({"department": ["x"]}))).is_empty());
        let bare = User(json!({"id": "1", "username": "u"}));
        assert!(enrolled(&bare).is_empty());
        assert_eq!(without_enrolment(bare.clone()), bare);
    }

    #[test]
    fn stale_copy_is_detected() {
        let policy = TwoFa {
            enabled: true,
            channel_type: Some(ChannelType::Email),
            identifier: Some("new@x.io".into()),
            otp_expiry: Some(60),
            otp_max_attempts: Some(3),
        };
        let s = status(
            &user(
                json!({"twoFAChannel": ["sms"], "is2FARegistered": ["true"], "channelServiceIdentifier": ["old@x.io"], "otpExpiry": ["60"], "otpSecret": ["S"]}),
            ),
            &policy,
        );
        assert_eq!(s.channel.as_deref(), Some("SMS"));
        // Lower case: the platform's login bypasses the OTP; that is the finding.
        assert!(s.registered && s.bypass && !s.stale);
        assert!(!serde_json::to_string(&s).unwrap().contains("\"S\""));
        let s = status(
            &user(
                json!({"twoFAChannel": ["EMAIL"], "is2FARegistered": ["true"], "channelServiceIdentifier": ["old@x.io"], "otpExpiry": ["90"]}),
            ),
            &policy,
        );
        assert!(s.stale && !s.bypass);
        assert_eq!(s.stale_fields, ["channelServiceIdentifier"]);
        assert_eq!(s.harmless_differences, ["otpExpiry"]);
        // Only expiry/attempts differ: the platform never reads them again; not stale.
        let s = status(
            &user(
                json!({"twoFAChannel": ["EMAIL"], "is2FARegistered": ["true"], "channelServiceIdentifier": ["new@x.io"], "otpExpiry": ["90"], "otpMaxAttempts": ["5"]}),
            ),
            &policy,
        );
        assert!(!s.stale, "{:?}", s.stale_fields);
        assert_eq!(s.harmless_differences, ["otpExpiry", "otpMaxAttempts"]);
        // Registered for SMS on an EMAIL tenant: the next login fails.
        let s = status(
            &user(json!({"twoFAChannel": ["SMS"], "is2FARegistered": ["true"]})),
            &policy,
        );
        assert_eq!(s.stale_fields, ["twoFAChannel"]);
    }
}

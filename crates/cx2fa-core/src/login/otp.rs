//! The EMAIL and SMS step of the login: the OTP manager generates and verifies, as the platform's
//! `sendOTPviaOTPManager` and `validateOTP` do.

use super::{CodeAnswer, Ending, Io, Run};
use crate::api::otp::{OtpManager, OtpTarget, Verdict};
use crate::api::Session;
use crate::error::{ChannelTypeHint, Error, Fix, Kind};
use crate::services::{Address, Service};
use crate::settings::validate::is_email;
use crate::settings::{ChannelType, Tenant};
use cx2fa_platform::enrolment as attrs;
use cx2fa_platform::{contract, fields};
use std::time::Instant;

/// The platform's contact rules, as connector 1.9.3-RC8 applies them
/// (`registerCustomerChannelIdentifier`, `isValidPhoneNumber`/`isValidEmail`): 7–15 digits
/// (`^\d{7,15}$`, no `+`) or an e-mail address (`^[^\s@]+@[^\s@]+\.[^\s@]+$`), whatever the
/// channel. A form the platform refuses is refused here, so that a probe never proves a path no
/// real user can take.
pub fn check_contact(channel: ChannelType, value: &str) -> Result<String, Error> {
    let v = value.trim();
    let phone = (7..=15).contains(&v.len()) && v.chars().all(|c| c.is_ascii_digit());
    if phone || is_email(v) {
        Ok(v.to_string())
    } else {
        Err(
            Error::failed(format!("Invalid customerChannelIdentifier: `{v}`")).with_fix(
                Fix::ContactForm(match channel {
                    ChannelType::Email => ChannelTypeHint::Email,
                    _ => ChannelTypeHint::Phone,
                }),
            ),
        )
    }
}

pub(super) async fn otp(
    run: &mut Run<'_>,
    s: &Session,
    t: &Tenant,
    channel: ChannelType,
    registered: bool,
    io: &mut impl Io,
) -> Result<(), Error> {
    let policy = t.two_fa();
    let base = otp_manager(run, s, t)?;
    let tenant_csi = policy.identifier.clone().unwrap_or_default();
    let expiry = policy.otp_expiry.unwrap_or(60);
    let max = policy.otp_max_attempts.unwrap_or(3);
    // The platform generates a returning user's OTP with the tenant's *current* settings
    // (`sendOTPviaOTPManager` with the tenant's twoFAConfigs) and verifies it against the
    // user's *stored* channelServiceIdentifier (`validateOTP`): cx2fa does the same, and says
    // where the two differ.
    let stored_csi = if registered {
        run.user
            .attr(fields::CHANNEL_SERVICE_IDENTIFIER)
            .unwrap_or_default()
    } else {
        tenant_csi.clone()
    };
    let tenant_channel = policy.channel_type.unwrap_or(channel);
    if registered && channel_changed(run, channel, tenant_channel) {
        return Ok(());
    }
    let mismatch = (registered && stored_csi != tenant_csi).then(|| {
        format!(
            "the OTP is generated for channelServiceIdentifier `{tenant_csi}` (the tenant's) and verified against `{stored_csi}` (the user's copy): the platform's login fails with \"Invalid verification code\"; reset the user"
        )
    });
    if let Some(m) = &mismatch {
        run.step("platform", "mismatch", m.clone());
    }
    let contact = if registered {
        registered_contact(run, channel)?
    } else {
        register_contact(run, channel, &tenant_csi, expiry, max, io).await?
    };
    let target = OtpTarget {
        tenant_id: t.id().into(),
        contact,
        channel_type: tenant_channel.as_str().into(),
        channel_identifier: tenant_csi,
        expiry,
        max_attempts: max,
    };
    let check = OtpTarget {
        channel_identifier: stored_csi,
        ..target.clone()
    };
    let mgr = OtpManager {
        http: &s.http,
        base,
    };
    // The platform appends `otp/generate` to the tenant's URL as it is: without its `/` every
    // OTP request goes to `…:3000otp/generate`. cx2fa works around it; the platform cannot.
    let broken_url = t
        .otp_manager_url()
        .filter(|u| !u.ends_with('/'))
        .map(|u| format!("the tenant's Otp_Manager_Url `{u}` has no trailing `/`: the platform posts to `{u}otp/generate`, so its EMAIL/SMS logins fail (cx2fa added the `/`); fix it with `cx2fa policy apply`"));
    if let Some(m) = &broken_url {
        run.step("platform", "would-fail", m.clone());
    }
    send_and_verify(run, &mgr, (&target, &check), channel, registered, io).await?;
    // No code can pass a mismatch: the transcript says why rather than "invalid code".
    if let (Some(m), Ending::InvalidOtp) = (mismatch, run.t.ending) {
        run.t.message = m;
    }
    if let (Some(m), Ending::Success) = (broken_url, run.t.ending) {
        run.t.ending = Ending::WouldFail;
        run.t.message = m;
    }
    Ok(())
}

/// A user registered for one channel whose tenant now uses another cannot log in: the platform
/// asks the OTP manager for the tenant's channel. Records that, and says whether it was so.
fn channel_changed(run: &mut Run<'_>, channel: ChannelType, tenant_channel: ChannelType) -> bool {
    if tenant_channel == channel {
        return false;
    }
    would_fail(
        run,
        format!(
            "registered for {channel}, but the tenant now uses {tenant_channel}: the platform asks the OTP manager for an OTP with channelType `{tenant_channel}`, and this user cannot log in; reset the user so that they register for {tenant_channel}"
        ),
    );
    true
}

/// Ends the transcript with "the platform's login would fail here", and why.
fn would_fail(run: &mut Run<'_>, why: String) {
    run.step("platform", "would-fail", why.clone());
    run.t.ending = Ending::WouldFail;
    run.t.message = why;
}

/// Where a registered user's OTP goes: 1.9.x keeps it in `customerChannelIdentifier`, 1.7.x
/// users still have only `phoneNumber`.
fn registered_contact(run: &Run<'_>, channel: ChannelType) -> Result<String, Error> {
    run.user
        .attr(attrs::CUSTOMER_CHANNEL_IDENTIFIER)
        .or_else(|| run.user.attr(attrs::PHONE_NUMBER))
        .ok_or_else(|| {
            Error::failed(format!(
                "`{}` is registered for {channel} but has no contact point",
                run.t.user
            ))
            .with_fix(Fix::ResetUser)
        })
}

/// Where this login reaches the OTP manager (a probe's per-tenant address first, as the
/// operator's own choice, like a flag), noted in the transcript when it points away.
fn otp_manager(run: &mut Run<'_>, s: &Session, t: &Tenant) -> Result<String, Error> {
    let overridden;
    let ep = match &run.otp_manager_url {
        Some(u) => {
            let mut ep = s.ep.clone();
            ep.otp_manager = Some(u.clone());
            overridden = ep;
            &overridden
        }
        None => &s.ep,
    };
    let address = Address::resolve(Service::OtpManager, ep, Some(t)).ok_or_else(|| {
        Error::failed(format!(
            "tenant `{}` has no `keyCloak.Otp_Manager_Url`",
            t.id()
        ))
        .with_fix(Fix::SeePolicy {
            tenant: t.id().to_string(),
        })
    })?;
    run.address(&address);
    Ok(crate::api::session::dir_url(&address.url))
}

/// Registration's first half, as the connector does it: the tenant's settings copied into the
/// user, then a contact point asked for, checked, confirmed (or edited) and stored.
async fn register_contact(
    run: &mut Run<'_>,
    channel: ChannelType,
    csi: &str,
    expiry: u64,
    max: u64,
    io: &mut impl Io,
) -> Result<String, Error> {
    let (e, a) = (expiry.to_string(), max.to_string());
    run.write(
        &[
            (attrs::TWO_FA_CHANNEL, channel.as_str()),
            (attrs::IS_2FA_REGISTERED, "false"),
            (fields::CHANNEL_SERVICE_IDENTIFIER, csi),
            (fields::OTP_EXPIRY, &e),
            (fields::OTP_MAX_ATTEMPTS, &a),
        ],
        &[],
    )
    .await?;
    let mut value = io.contact(channel)?;
    let value = loop {
        match check_contact(channel, &value) {
            Err(e) => {
                io.show(&e.message);
                run.step("contact", "invalid", e.message.clone());
                value = io.contact(channel)?;
            }
            Ok(v) => match io.confirm_contact(channel, &v)? {
                Some(edited) => value = edited,
                None => break v,
            },
        }
    };
    run.write(&[(attrs::CUSTOMER_CHANNEL_IDENTIFIER, &value)], &[])
        .await?;
    run.step(
        "contact",
        "confirmed",
        crate::enrolment::mask_contact(&value),
    );
    Ok(value)
}

/// An OTP manager that cannot be reached is usually in-cluster.
fn unreachable(e: Error) -> Error {
    if e.kind == Kind::Network {
        e.with_fix(Fix::ReachOtpManager)
    } else {
        e
    }
}

/// A resend asked for: refused before the login screen's wait is over (shown), else a new
/// OTP; when it was sent.
async fn resend(
    run: &mut Run<'_>,
    mgr: &OtpManager<'_>,
    target: &OtpTarget,
    sent: Instant,
    io: &mut impl Io,
) -> Result<Option<Instant>, Error> {
    let waited = sent.elapsed().as_secs();
    if waited < contract::RESEND_WAIT_SECS {
        io.show(&format!(
            "Resend OTP is available in {} s.",
            contract::RESEND_WAIT_SECS - waited
        ));
        return Ok(None);
    }
    mgr.generate(target).await.map_err(unreachable)?;
    io.otp_sent(chrono::Utc::now(), &target.channel_identifier);
    run.step("resend", "sent", "a new OTP invalidates the previous one");
    Ok(Some(Instant::now()))
}

/// Sends the OTP, then reads codes until one is decided on: resends honour the login
/// screen's wait, an expired code may be sent again, and a valid code finishes registration.
async fn send_and_verify(
    run: &mut Run<'_>,
    mgr: &OtpManager<'_>,
    (target, check): (&OtpTarget, &OtpTarget),
    channel: ChannelType,
    registered: bool,
    io: &mut impl Io,
) -> Result<(), Error> {
    mgr.generate(target).await.map_err(unreachable)?;
    io.otp_sent(chrono::Utc::now(), &target.channel_identifier);
    let mut sent = Instant::now();
    run.step(
        "send",
        "sent",
        format!(
            "OTP sent to {}",
            crate::enrolment::mask_contact(&target.contact)
        ),
    );
    let mut attempt = 0;
    loop {
        attempt += 1;
        let left = target.expiry as i64 - sent.elapsed().as_secs() as i64;
        let code = match io.code(channel, &target.contact, left, attempt).await? {
            CodeAnswer::Code(code) => code,
            CodeAnswer::Resend => {
                if let Some(at) = resend(run, mgr, target, sent, io).await? {
                    sent = at;
                }
                attempt -= 1;
                continue;
            }
        };
        let v = mgr
            .verify(check, code.expose())
            .await
            .map_err(unreachable)?;
        run.step("verify", &format!("{v:?}").to_lowercase(), v.user_message());
        match v {
            Verdict::Valid => {
                if !registered {
                    run.write(&[(attrs::IS_2FA_REGISTERED, "true")], &[])
                        .await?;
                }
                run.t.message = format!("logged in with an OTP by {channel}");
                return Ok(());
            }
            Verdict::Invalid => {
                io.code_refused(&code);
                io.show(v.user_message());
                // Generated for one identifier, checked against another: no code will do.
                let doomed = target.channel_identifier != check.channel_identifier;
                if doomed || !io.retry_after_invalid() {
                    return end(run, Ending::InvalidOtp, v);
                }
            }
            Verdict::Expired => {
                io.show(v.user_message());
                io.code_refused(&code);
                if io.resend_after_expiry() {
                    mgr.generate(target).await.map_err(unreachable)?;
                    io.otp_sent(chrono::Utc::now(), &target.channel_identifier);
                    sent = Instant::now();
                    run.step("resend", "sent", "after expiry");
                    continue;
                }
                return end(run, Ending::Expired, v);
            }
            Verdict::MaxAttempts => {
                io.show(v.user_message());
                return end(run, Ending::MaxAttempts, v);
            }
        }
    }
}

fn end(run: &mut Run<'_>, ending: Ending, v: Verdict) -> Result<(), Error> {
    run.t.ending = ending;
    run.t.message = v.user_message().into();
    Ok(())
}

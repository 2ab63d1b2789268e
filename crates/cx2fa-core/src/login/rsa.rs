//! The RSA SecurID step of the login: a passcode checked by the tenant's SecurID service.

use super::{Ending, Io, Run};
use crate::api::rsa::{check_passcode, Rsa, RsaOutcome, RSA_ERROR_MESSAGE, RSA_REFUSED_MESSAGE};
use crate::api::{Secret, Session};
use crate::error::{Error, Fix};
use crate::services::{Address, Service};
use crate::settings::Tenant;
use cx2fa_platform::enrolment as attrs;
use cx2fa_platform::fields;

pub(super) async fn rsa(
    run: &mut Run<'_>,
    s: &Session,
    t: &Tenant,
    registered: bool,
    allow_plain_http: bool,
    io: &mut impl Io,
) -> Result<(), Error> {
    let address = Address::resolve(Service::Rsa, &s.ep, Some(t)).ok_or_else(|| {
        Error::failed(format!(
            "tenant `{}` has no `keyCloak.RSA_Server_URL`",
            t.id()
        ))
        .with_fix(Fix::SeePolicy {
            tenant: t.id().to_string(),
        })
    })?;
    run.address(&address);
    // Before anything is written or asked: the passcode would go where the key goes.
    address.check_rsa_transport(allow_plain_http)?;
    let base = address.url.clone();
    let key = t.kc(fields::RSA_CLIENT_KEY).ok_or_else(|| {
        Error::failed(format!(
            "tenant `{}` has no `keyCloak.RSA_Client_Key`",
            t.id()
        ))
    })?;
    let id = t.kc(fields::RSA_CLIENT_ID).ok_or_else(|| {
        Error::failed(format!(
            "tenant `{}` has no `keyCloak.RSA_Client_ID`",
            t.id()
        ))
    })?;
    if !registered {
        run.write(
            &[
                (attrs::TWO_FA_CHANNEL, "RSA"),
                (attrs::IS_2FA_REGISTERED, "true"),
            ],
            &[],
        )
        .await?;
        run.step(
            "register",
            "registered",
            "RSA needs no registration: marked registered at once",
        );
    }
    let passcode = loop {
        let p = io.passcode()?;
        match check_passcode(p.expose()) {
            Ok(()) => break p,
            Err(e) => {
                io.show(&e.message);
                run.step("passcode", "malformed", e.message.clone());
            }
        }
    };
    let client = Rsa {
        http: &s.http,
        base: crate::api::session::dir_url(&base),
        client_key: Secret::new(key),
        client_id: id.into(),
    };
    let outcome = client.authenticate(&run.t.user, &passcode).await;
    rsa_outcome(run, outcome, io)
}

/// The RSA server's decision, in the transcript (a refusal) or as the error that stops the
/// login (the server did not decide).
fn rsa_outcome(run: &mut Run<'_>, outcome: RsaOutcome, io: &mut impl Io) -> Result<(), Error> {
    match outcome {
        RsaOutcome::Success => {
            run.step("verify", "valid", "passcode accepted");
            run.t.message = "logged in with an RSA SecurID passcode".into();
        }
        RsaOutcome::InvalidPasscode { code } => {
            let detail = format!("the RSA server answered {code}: wrong PIN or tokencode");
            run.step("verify", "invalid", detail.clone());
            io.show(RSA_REFUSED_MESSAGE);
            run.t.ending = Ending::InvalidOtp;
            run.t.message = detail;
        }
        RsaOutcome::InvalidConfiguration { reason } => {
            io_show_rsa(io);
            return Err(
                Error::failed(format!("RSA SecurID: invalid configuration: {reason}"))
                    .with_fix(Fix::CheckRsaServer),
            );
        }
        RsaOutcome::Unreachable { reason } => {
            io_show_rsa(io);
            return Err(Error::network(format!(
                "RSA SecurID: the server is unreachable: {reason}"
            ))
            .with_fix(Fix::CheckRsaServer));
        }
    }
    Ok(())
}

/// What the login screen shows when the RSA server did not decide on the passcode.
fn io_show_rsa(io: &mut impl Io) {
    io.show(RSA_ERROR_MESSAGE);
}

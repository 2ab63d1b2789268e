//! The authenticator-app (TOTP) step of the login: enrol with a QR code, or check a code.

use super::{CodeAnswer, Ending, Io, Run};
use crate::api::otp::Verdict;
use crate::api::Secret;
use crate::error::{Error, Fix};
use crate::settings::ChannelType;
use cx2fa_platform::contract;
use cx2fa_platform::enrolment as attrs;

pub(super) async fn app(
    run: &mut Run<'_>,
    registered: bool,
    io: &mut impl Io,
) -> Result<(), Error> {
    let secret = if registered {
        Secret::new(run.user.attr(attrs::OTP_SECRET).ok_or_else(|| {
            Error::failed("the user is registered for APP but has no otpSecret")
                .with_fix(Fix::ResetUser)
        })?)
    } else {
        let secret = io
            .chosen_totp_secret()
            .unwrap_or_else(|| Secret::new(crate::totp::new_secret()));
        run.write(
            &[
                (attrs::TEMP_OTP_SECRET, secret.expose()),
                (attrs::TWO_FA_CHANNEL, "APP"),
            ],
            &[],
        )
        .await?;
        let uri = format!(
            "otpauth://totp/{}?secret={}&issuer={}",
            run.t.user,
            secret.expose(),
            contract::TOTP_ISSUER
        );
        io.show_registration(&uri, &secret);
        run.step(
            "register",
            "secret issued",
            "stored as tempOTPSecret; shown as a QR code",
        );
        secret
    };
    let mut attempt = 0;
    loop {
        attempt += 1;
        let CodeAnswer::Code(code) = io.code(ChannelType::App, "", -1, attempt).await? else {
            io.show("Authenticator codes are not resent: read the current one from the app.");
            continue;
        };
        let ok = crate::totp::check(
            secret.expose(),
            code.expose(),
            contract::TOTP_STEP_SECS,
            contract::TOTP_SKEW_STEPS,
            crate::totp::unix_now(),
        )?;
        if ok {
            if !registered {
                run.write(
                    &[
                        (attrs::OTP_SECRET, secret.expose()),
                        (attrs::IS_2FA_REGISTERED, "true"),
                    ],
                    &[attrs::TEMP_OTP_SECRET],
                )
                .await?;
            }
            run.step(
                if registered { "send" } else { "register" },
                "valid",
                "TOTP accepted",
            );
            run.t.message = "logged in with an authenticator code".into();
            return Ok(());
        }
        run.step("verify", "invalid", Verdict::Invalid.user_message());
        io.show(Verdict::Invalid.user_message());
        if !io.retry_after_invalid() {
            run.t.ending = Ending::InvalidOtp;
            run.t.message = Verdict::Invalid.user_message().into();
            return Ok(());
        }
    }
}

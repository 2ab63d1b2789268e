//! The login screen's questions, answered for a probe: from its [`OtpSource`], once.

use super::{Cause, OtpSource, ProbeSpec, SecretRef, Sources};
use crate::api::{Secret, Session};
use crate::error::Error;
use crate::login::code_source::{read_code, CodeSource};
use crate::login::{CodeAnswer, Io};
use crate::settings::ChannelType;
use std::path::PathBuf;

/// Answers for one probe login. Never retries: one password attempt (the flow makes one) and
/// one code, so that a broken tenant never counts twice against the probe user in Keycloak's
/// brute-force protection or the OTP manager's attempts.
pub struct ProbeIo<'a, S: Sources> {
    session: &'a Session,
    spec: &'a ProbeSpec,
    sources: &'a S,
    ca: Option<PathBuf>,
    codes: u32,
    contact_given: bool,
    cause: Option<Cause>,
    /// When the OTP was generated and by which sender it goes out: the mailbox is read for
    /// that mail only (#27.6).
    otp_sent: Option<(chrono::DateTime<chrono::Utc>, String)>,
}

impl<'a, S: Sources> ProbeIo<'a, S> {
    pub fn new(
        session: &'a Session,
        spec: &'a ProbeSpec,
        sources: &'a S,
        ca: Option<PathBuf>,
    ) -> Self {
        ProbeIo {
            session,
            spec,
            sources,
            ca,
            codes: 0,
            contact_given: false,
            cause: None,
            otp_sent: None,
        }
    }

    /// The cause of the error this Io raised, if it raised the one that stopped the login.
    pub fn cause(&self) -> Option<Cause> {
        self.cause
    }

    fn fail(&mut self, cause: Cause, e: Error) -> Error {
        self.cause = Some(cause);
        e
    }

    fn secret(&mut self, r: &SecretRef) -> Result<Secret, Error> {
        self.sources
            .secret(r)
            .map_err(|e| self.fail(Cause::Secret, e))
    }

    async fn read_code(&mut self, channel: ChannelType, contact: &str) -> Result<Secret, Error> {
        let wrong = |what: &str| {
            Error::failed(format!(
                "the deployment asked for a {channel} code, and the probe's OTP source is {what}"
            ))
        };
        let (otp, ca) = (self.spec.otp.clone(), self.ca.clone());
        let source = match (&otp, channel) {
            (OtpSource::TotpSecret(r), ChannelType::App) => CodeSource::Totp(self.secret(r)?),
            (OtpSource::Outbox, c) if c.uses_channel() => CodeSource::Outbox {
                token: self.sources.sandbox_token(),
            },
            (OtpSource::Imap { url, password }, ChannelType::Email) => {
                let mailbox: crate::imap::Mailbox =
                    url.parse().map_err(|e| self.fail(Cause::OtpSource, e))?;
                let password = self.secret(password)?;
                let (since, sender) = match &self.otp_sent {
                    Some((at, from)) => (*at, Some(from.clone())),
                    // Not reached: an EMAIL code is asked for only after its OTP was generated.
                    None => (chrono::Utc::now(), None),
                };
                CodeSource::Mailbox {
                    mailbox,
                    password,
                    ca: ca.as_deref(),
                    // One code a run: nothing was refused before it.
                    wanted: crate::imap::Wanted {
                        since,
                        sender,
                        refused: vec![],
                    },
                }
            }
            (OtpSource::Command(cmd), _) => CodeSource::Output(
                self.sources
                    .secret(&SecretRef::Command(cmd.clone()))
                    .map_err(|e| self.fail(Cause::OtpSource, e))?,
            ),
            (OtpSource::TotpSecret(_), _) => {
                return Err(self.fail(Cause::WrongSource, wrong("a TOTP secret")))
            }
            (OtpSource::Outbox, _) => {
                return Err(self.fail(Cause::WrongSource, wrong("the outbox")))
            }
            (OtpSource::Imap { .. }, _) => {
                return Err(self.fail(Cause::WrongSource, wrong("a mailbox")))
            }
            (OtpSource::RsaPasscode(_), _) => {
                return Err(self.fail(Cause::WrongSource, wrong("an RSA passcode")))
            }
        };
        self.code_from(source, contact).await
    }

    /// The code from `source`: a TOTP secret that yields none is the secret's fault, anything
    /// else the OTP source's.
    async fn code_from(&mut self, source: CodeSource<'_>, contact: &str) -> Result<Secret, Error> {
        let cause = match source {
            CodeSource::Totp(_) => Cause::Secret,
            _ => Cause::OtpSource,
        };
        match read_code(self.session, source, contact).await {
            Ok(Some(code)) => Ok(code),
            Ok(None) => Err(self.fail(
                cause,
                Error::failed("the sandbox's outbox has no OTP for the probe contact"),
            )),
            Err(e) => Err(self.fail(cause, e)),
        }
    }
}

impl<S: Sources> Io for ProbeIo<'_, S> {
    fn show(&mut self, _line: &str) {}
    fn otp_sent(&mut self, at: chrono::DateTime<chrono::Utc>, sender: &str) {
        self.otp_sent = Some((at, sender.to_string()));
    }
    fn show_registration(&mut self, _uri: &str, _secret: &Secret) {}
    fn confirm_registration(&mut self, user: &str, channel: ChannelType) -> Result<(), Error> {
        if self.spec.register {
            return Ok(());
        }
        Err(self.fail(
            Cause::NotRegistered,
            Error::failed(format!(
                "probe user `{user}` is not registered for 2FA ({channel}); nothing was written: register it once, or set `register = true` for the probe"
            )),
        ))
    }
    fn contact(&mut self, _channel: ChannelType) -> Result<String, Error> {
        // Only ever the probe's own contact, and only once (a refused one is not offered again).
        if std::mem::replace(&mut self.contact_given, true) {
            return Err(self.fail(
                Cause::Failed,
                Error::failed("the platform refused the probe contact as a contact point"),
            ));
        }
        Ok(self.spec.contact.clone())
    }
    fn confirm_contact(&mut self, _: ChannelType, _: &str) -> Result<Option<String>, Error> {
        Ok(None)
    }
    async fn code(
        &mut self,
        channel: ChannelType,
        contact: &str,
        _left: i64,
        _attempt: u64,
    ) -> Result<CodeAnswer, Error> {
        self.codes += 1;
        if self.codes > 1 {
            return Err(self.fail(Cause::Failed, Error::failed("a probe sends one code only")));
        }
        Ok(CodeAnswer::Code(self.read_code(channel, contact).await?))
    }
    fn chosen_totp_secret(&mut self) -> Option<Secret> {
        match &self.spec.otp {
            OtpSource::TotpSecret(r) => self.sources.secret(r).ok(),
            _ => None,
        }
    }
    fn passcode(&mut self) -> Result<Secret, Error> {
        self.codes += 1;
        match (&self.spec.otp.clone(), self.codes) {
            (OtpSource::RsaPasscode(r), 1) => self.secret(r),
            (OtpSource::RsaPasscode(_), _) => Err(self.fail(
                Cause::Secret,
                Error::failed("the RSA passcode from the probe's source is malformed; nothing was sent to the RSA server"),
            )),
            _ => Err(self.fail(
                Cause::WrongSource,
                Error::failed("the deployment asked for an RSA passcode, and the probe has no `rsa-passcode` source"),
            )),
        }
    }
    fn retry_after_invalid(&mut self) -> bool {
        false
    }
    fn resend_after_expiry(&mut self) -> bool {
        false
    }
}

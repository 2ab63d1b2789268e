//! Answers to the login screen from flags: `simulate-login` without a terminal, or with an
//! OTP source given.

use super::SimulateLoginArgs;
use crate::ctx::Env;
use crate::error::CommandError;
use crate::output::Printer;
use cx2fa_core::api::{Secret, Session};
/// The login flow's `Io` answers in core's error type; ours travel inside it unchanged.
use cx2fa_core::error::Error as CoreError;
use cx2fa_core::login::code_source::{self, CodeSource};
use cx2fa_core::login::{CodeAnswer, Ending, Io};
use cx2fa_core::settings::ChannelType;

fn env_secret(env: &Env, var: &str, what: &str) -> Result<Secret, CommandError> {
    env.get(var).map(Secret::new).ok_or_else(|| {
        CommandError::usage(format!("environment variable `{var}` ({what}) is not set"))
    })
}

/// Answers from flags.
pub(super) struct Scripted<'a> {
    /// The environment the secrets named by flags are read from.
    pub(super) env: &'a Env,
    pub(super) a: &'a SimulateLoginArgs,
    /// `--yes`: registration agreed to.
    pub(super) yes: bool,
    pub(super) session: &'a Session,
    pub(super) out: &'a Printer,
    pub(super) attempts: u64,
    /// The CA to trust for IMAP, beside the system roots.
    pub(super) ca: Option<std::path::PathBuf>,
    /// The code read once from stdin (`--otp-stdin`).
    pub(super) otp_stdin: Option<Secret>,
    /// A scripted answer found invalid is not offered again (it would loop forever).
    pub(super) contact_given: bool,
    pub(super) passcode_given: bool,
    /// When the current OTP was generated and from which address it is mailed
    /// (`--otp-from-imap` takes only mail that arrived after it, from that address).
    pub(super) otp_sent: Option<(chrono::DateTime<chrono::Utc>, String)>,
    /// Codes refused in this login: never read from the mailbox and submitted again.
    pub(super) refused: Vec<String>,
}

impl<'a> Scripted<'a> {
    pub(super) fn new(
        a: &'a SimulateLoginArgs,
        ctx: &'a crate::ctx::Ctx,
        session: &'a Session,
        otp_stdin: Option<Secret>,
    ) -> Self {
        Scripted {
            env: &ctx.env,
            a,
            yes: ctx.g.yes,
            session,
            out: &ctx.out,
            attempts: 0,
            ca: ctx.settings.ca_cert.clone(),
            otp_stdin,
            contact_given: false,
            passcode_given: false,
            otp_sent: None,
            refused: vec![],
        }
    }

    fn run_cmd(&self, cmd: &str) -> Result<Secret, CommandError> {
        let mut c = std::process::Command::new("sh");
        c.arg("-c").arg(cmd).stderr(std::process::Stdio::inherit());
        // An allow-listed environment: the command needs none of cx2fa's secrets, and they
        // come under more names than a deny-list would know (see `passed_to_children`).
        c.env_clear().envs(
            std::env::vars_os()
                .filter(|(k, _)| k.to_str().is_some_and(cx2fa_core::env::passed_to_children)),
        );
        let o = c
            .output()
            .map_err(|e| CommandError::usage(format!("cannot run `--otp-cmd`: {e}")))?;
        if !o.status.success() {
            return Err(CommandError::failed(format!(
                "`--otp-cmd` exited with {}",
                o.status
            )));
        }
        let text = String::from_utf8_lossy(&o.stdout);
        let code = text.split_whitespace().last().unwrap_or("").to_string();
        Ok(Secret::new(code))
    }

    /// The OTP source the flags name for `channel`, its secrets read from the environment.
    fn code_source(&self, channel: ChannelType) -> Result<CodeSource<'_>, CommandError> {
        Ok(if let Some(cmd) = &self.a.otp_cmd {
            CodeSource::Output(self.run_cmd(cmd)?)
        } else if let (ChannelType::App, Some(var)) = (channel, &self.a.totp_secret_env) {
            CodeSource::Totp(env_secret(self.env, var, "TOTP secret")?)
        } else if let (ChannelType::Email, Some(url)) = (channel, &self.a.otp_from_imap) {
            let mailbox: cx2fa_core::imap::Mailbox = url.parse()?;
            let password = env_secret(self.env, cx2fa_core::env::IMAP_PASSWORD, "IMAP password")?;
            let (since, sender) = match &self.otp_sent {
                Some((at, from)) => (*at, Some(from.clone())),
                // Not reached: an EMAIL code is asked for only after its OTP was generated.
                None => (chrono::Utc::now(), None),
            };
            CodeSource::Mailbox {
                mailbox,
                password,
                ca: self.ca.as_deref(),
                wanted: cx2fa_core::imap::Wanted {
                    since,
                    sender,
                    refused: self.refused.clone(),
                },
            }
        } else if self.a.otp_from_outbox && channel.uses_channel() {
            // The sandbox's helpers need its run's token (from its banner's export lines).
            CodeSource::Outbox {
                token: self
                    .env
                    .get(cx2fa_core::env::SANDBOX_TOKEN)
                    .map(Secret::new),
            }
        } else {
            return Err(CommandError::needs_input(
                "an OTP",
                "--otp, --otp-cmd, --otp-from-outbox, --otp-from-imap or --totp-secret-env",
            ));
        })
    }

    fn fixed_only(&self) -> bool {
        (self.a.otp.is_some() || self.a.otp_stdin)
            && self.a.otp_cmd.is_none()
            && !self.a.otp_from_outbox
            && self.a.totp_secret_env.is_none()
    }
}

impl Io for Scripted<'_> {
    fn show(&mut self, line: &str) {
        self.out.status(format!("  {line}"));
    }
    fn confirm_registration(&mut self, user: &str, channel: ChannelType) -> Result<(), CoreError> {
        if self.a.register || self.a.register_contact.is_some() || self.yes {
            self.out.status(format!(
                "  `{user}` is not registered: registering them for {channel} (their enrolment attributes are written in Keycloak)"
            ));
            return Ok(());
        }
        Err(CommandError::failed(format!(
            "`{user}` is not registered for 2FA: this login would register them for {channel}, writing their enrolment in Keycloak"
        ))
        .with_hint("pass `--register` (or `--register-contact ADDR`) to register them; nothing was written")
        .into())
    }
    fn show_registration(&mut self, _uri: &str, _secret: &Secret) {
        self.out.status(
            "  authenticator registration: a secret was issued (not printed in scripted mode)",
        );
    }
    fn contact(&mut self, _channel: ChannelType) -> Result<String, CoreError> {
        if std::mem::replace(&mut self.contact_given, true) {
            return Err(CommandError::failed(
                "the address given with `--register-contact` was refused",
            )
            .with_hint("pass an email address or 7–15 digits with no `+` (the platform's rule)")
            .into());
        }
        self.a.register_contact.clone().ok_or_else(|| {
            CommandError::needs_input("the contact address to register", "--register-contact")
                .into()
        })
    }
    fn confirm_contact(&mut self, _: ChannelType, _: &str) -> Result<Option<String>, CoreError> {
        Ok(None)
    }
    async fn code(
        &mut self,
        channel: ChannelType,
        contact: &str,
        _left: i64,
        _attempt: u64,
    ) -> Result<CodeAnswer, CoreError> {
        self.attempts += 1;
        if self.attempts > 10 {
            return Err(CoreError::failed("gave up after 10 codes"));
        }
        let code = if let Some(c) = &self.a.otp {
            Secret::new(c.clone())
        } else if let Some(c) = &self.otp_stdin {
            c.clone()
        } else {
            let source = self.code_source(channel)?;
            let outbox = matches!(source, CodeSource::Outbox { .. });
            match code_source::read_code(self.session, source, contact).await {
                Ok(Some(code)) => code,
                Ok(None) => {
                    return Err(CommandError::failed(format!(
                        "the sandbox's outbox has no OTP for `{}`",
                        cx2fa_core::enrolment::mask_contact(contact)
                    ))
                    .into())
                }
                Err(e) if outbox => return Err(CommandError::from(e).with_hint(format!(
                    "`--otp-from-outbox` works against `cx2fa sandbox` only, with `{}` set from its banner",
                    cx2fa_core::env::SANDBOX_TOKEN
                )).into()),
                Err(e) => return Err(e),
            }
        };
        Ok(CodeAnswer::Code(code))
    }
    fn otp_sent(&mut self, at: chrono::DateTime<chrono::Utc>, sender: &str) {
        self.otp_sent = Some((at, sender.to_string()));
    }
    fn code_refused(&mut self, code: &Secret) {
        self.refused.push(code.expose().to_string());
    }
    fn chosen_totp_secret(&mut self) -> Option<Secret> {
        self.a
            .totp_secret_env
            .as_deref()
            .and_then(|v| env_secret(self.env, v, "TOTP secret").ok())
    }
    fn passcode(&mut self) -> Result<Secret, CoreError> {
        if std::mem::replace(&mut self.passcode_given, true) {
            return Err(CoreError::failed("the RSA passcode from the environment is malformed; nothing was sent to the RSA server"));
        }
        match &self.a.rsa_passcode_env {
            Some(v) => Ok(env_secret(self.env, v, "RSA passcode")?),
            None => {
                Err(CommandError::needs_input("the RSA passcode", "--rsa-passcode-env VAR").into())
            }
        }
    }
    fn retry_after_invalid(&mut self) -> bool {
        match self.a.expect {
            Some(Ending::InvalidOtp) => false,
            Some(Ending::MaxAttempts) => true,
            _ => !self.fixed_only(),
        }
    }
}

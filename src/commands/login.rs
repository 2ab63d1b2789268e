//! `cx2fa simulate-login`: the terminal and scripted faces of [`cx2fa_core::login`].

use super::{prompt_error, Ctx};
use crate::error::{Error, Kind};
use crate::output::{Printer, Report};
use clap::Args;
use cx2fa_core::api::{Secret, Session};
/// The login flow's `Io` answers in core's error type; ours travel inside it unchanged.
use cx2fa_core::error::Error as CoreError;
use cx2fa_core::login::code_source::{self, CodeSource};
use cx2fa_core::login::{self, CodeAnswer, Ending, Io, Target, Transcript};
use cx2fa_core::settings::ChannelType;
use dialoguer::console::Term;

/// Run the 2FA login flow for one user, as the login screen would
///
/// Interactive on a terminal; scripted (no prompts) when any OTP source flag is given or there
/// is no terminal. The user's password comes from `CX2FA_USER_PASSWORD`,
/// `--user-password-stdin`, or a prompt. Never prints a token, an OTP or a secret.
///
/// Each failed probe counts against the user in Keycloak's brute-force protection: probing a
/// real agent's account with a wrong password or code, again and again, can lock the agent
/// out. `--expect wrong-password` makes exactly one attempt.
///
/// `--expect` asserts what the deployment decided about the user's input; an unreachable
/// service, a 5xx, a TLS or configuration error never satisfies it (exit 4, or 1).
///
/// Examples:
///   cx2fa simulate-login -t expertflow --user agent.email
///   CX2FA_USER_PASSWORD=agent-pass cx2fa simulate-login -t expertflow --user agent.email --otp-from-outbox -o json
///   cx2fa simulate-login -t expertflow --user agent.app --totp-secret-env APP_SECRET
///   cx2fa simulate-login -t expertflow --user agent.email --otp 000000 --expect invalid-otp
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct LoginArgs {
    /// The user to log in as
    #[arg(long, value_name = "USERNAME")]
    pub user: String,
    /// Read the user's password from stdin
    #[arg(long)]
    pub user_password_stdin: bool,
    /// Use this OTP (scripted). A live code on the command line is visible to other users in
    /// `ps`: prefer `--otp-stdin` for a real one
    #[arg(long, value_name = "CODE", conflicts_with = "otp_stdin")]
    pub otp: Option<String>,
    /// Read the OTP from stdin (scripted)
    #[arg(long, conflicts_with = "user_password_stdin")]
    pub otp_stdin: bool,
    /// Run this shell command for each OTP needed and use its output, e.g. `oathtool --totp -b - < ~/.probe.key`
    /// (keep secrets off its command line; it gets PATH, HOME, the locale and agent sockets, never
    /// cx2fa's credentials or other variables)
    #[arg(long, value_name = "CMD")]
    pub otp_cmd: Option<String>,
    /// Compute authenticator codes from the base32 secret in this environment variable (also the secret issued at registration)
    #[arg(long, value_name = "VAR")]
    pub totp_secret_env: Option<String>,
    /// Read the OTP from the sandbox's outbox (sandbox only; its helper token from `CX2FA_SANDBOX_TOKEN`)
    #[arg(long)]
    pub otp_from_outbox: bool,
    /// Read the emailed OTP from this mailbox, `imaps://user@host[:port]/INBOX` (password in `CX2FA_IMAP_PASSWORD`; TLS verified, `--ca-cert` trusted)
    #[arg(long, value_name = "URL")]
    pub otp_from_imap: Option<String>,
    /// The email address or phone number to register (scripted registration; implies `--register`)
    #[arg(long, value_name = "ADDR")]
    pub register_contact: Option<String>,
    /// Register the user if they are not (writes their 2FA enrolment in Keycloak, as the first
    /// real login would); without it a scripted login of an unregistered user stops before
    /// writing anything, and a terminal asks
    #[arg(long)]
    pub register: bool,
    /// The RSA passcode (PIN + tokencode) is in this environment variable
    #[arg(long, value_name = "VAR")]
    pub rsa_passcode_env: Option<String>,
    /// Send the RSA client key and passcode over plain http to a host other than this machine
    /// (refused otherwise: anyone on the path could read them)
    #[arg(long)]
    pub allow_plain_http_rsa: bool,
    /// Assert how the login ends: exit 0 when it does, 1 when not
    #[arg(long, value_enum, value_name = "ENDING")]
    pub expect: Option<Ending>,
}

impl LoginArgs {
    fn scripted_flags(&self) -> bool {
        self.otp.is_some()
            || self.otp_stdin
            || self.otp_cmd.is_some()
            || self.totp_secret_env.is_some()
            || self.otp_from_outbox
            || self.otp_from_imap.is_some()
            || self.register_contact.is_some()
            || self.rsa_passcode_env.is_some()
            || self.expect.is_some()
    }
}

fn env_secret(var: &str, what: &str) -> Result<Secret, Error> {
    std::env::var(var)
        .ok()
        .filter(|v| !v.is_empty())
        .map(Secret::new)
        .ok_or_else(|| Error::usage(format!("environment variable `{var}` ({what}) is not set")))
}

/// Answers from flags.
struct Scripted<'a> {
    a: &'a LoginArgs,
    /// `--yes`: registration agreed to.
    yes: bool,
    session: &'a Session,
    out: &'a Printer,
    attempts: u64,
    /// The CA to trust for IMAP, beside the system roots.
    ca: Option<std::path::PathBuf>,
    /// The code read once from stdin (`--otp-stdin`).
    otp_stdin: Option<Secret>,
    /// A scripted answer found invalid is not offered again (it would loop forever).
    contact_given: bool,
    passcode_given: bool,
    /// When the current OTP was generated and from which address it is mailed
    /// (`--otp-from-imap` takes only mail that arrived after it, from that address).
    otp_sent: Option<(chrono::DateTime<chrono::Utc>, String)>,
    /// Codes refused in this login: never read from the mailbox and submitted again.
    refused: Vec<String>,
}

impl Scripted<'_> {
    fn run_cmd(&self, cmd: &str) -> Result<Secret, Error> {
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
            .map_err(|e| Error::usage(format!("cannot run `--otp-cmd`: {e}")))?;
        if !o.status.success() {
            return Err(Error::failed(format!(
                "`--otp-cmd` exited with {}",
                o.status
            )));
        }
        let text = String::from_utf8_lossy(&o.stdout);
        let code = text.split_whitespace().last().unwrap_or("").to_string();
        Ok(Secret::new(code))
    }

    /// The OTP source the flags name for `channel`, its secrets read from the environment.
    fn code_source(&self, channel: ChannelType) -> Result<CodeSource<'_>, Error> {
        Ok(if let Some(cmd) = &self.a.otp_cmd {
            CodeSource::Output(self.run_cmd(cmd)?)
        } else if let (ChannelType::App, Some(var)) = (channel, &self.a.totp_secret_env) {
            CodeSource::Totp(env_secret(var, "TOTP secret")?)
        } else if let (ChannelType::Email, Some(url)) = (channel, &self.a.otp_from_imap) {
            let mailbox: cx2fa_core::imap::Mailbox = url.parse()?;
            let password = env_secret(cx2fa_core::env::IMAP_PASSWORD, "IMAP password")?;
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
                token: std::env::var(cx2fa_core::env::SANDBOX_TOKEN)
                    .ok()
                    .filter(|t| !t.is_empty())
                    .map(Secret::new),
            }
        } else {
            return Err(Error::needs_input(
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
        Err(Error::failed(format!(
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
            return Err(
                Error::failed("the address given with `--register-contact` was refused")
                    .with_hint(
                        "pass an email address or 7–15 digits with no `+` (the platform's rule)",
                    )
                    .into(),
            );
        }
        self.a.register_contact.clone().ok_or_else(|| {
            Error::needs_input("the contact address to register", "--register-contact").into()
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
                    return Err(Error::failed(format!(
                        "the sandbox's outbox has no OTP for `{}`",
                        cx2fa_core::enrolment::mask_contact(contact)
                    ))
                    .into())
                }
                Err(e) if outbox => return Err(Error::from(e).with_hint(format!(
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
            .and_then(|v| env_secret(v, "TOTP secret").ok())
    }
    fn passcode(&mut self) -> Result<Secret, CoreError> {
        if std::mem::replace(&mut self.passcode_given, true) {
            return Err(CoreError::failed("the RSA passcode from the environment is malformed; nothing was sent to the RSA server"));
        }
        match &self.a.rsa_passcode_env {
            Some(v) => Ok(env_secret(v, "RSA passcode")?),
            None => Err(Error::needs_input("the RSA passcode", "--rsa-passcode-env VAR").into()),
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

/// A person at the terminal.
struct Terminal<'a> {
    out: &'a Printer,
    term: Term,
    /// `--register` or `--yes`: registration agreed to without asking.
    register: bool,
}

impl Io for Terminal<'_> {
    fn show(&mut self, line: &str) {
        // Lines may carry a server's words (an error message): escaped like all server text.
        let _ = self.term.write_line(&self.out.clean(line));
    }
    fn confirm_registration(&mut self, user: &str, channel: ChannelType) -> Result<(), CoreError> {
        if self.register {
            return Ok(());
        }
        let yes = dialoguer::Confirm::new()
            .with_prompt(format!(
                "`{user}` is not registered for 2FA. Register them for {channel} now (writes their enrolment in Keycloak, as their first real login would)?"
            ))
            .default(false)
            .interact_on(&self.term)
            .map_err(|e| CoreError::from(prompt_error(e)))?;
        if yes {
            Ok(())
        } else {
            Err(CoreError::cancelled())
        }
    }
    fn show_registration(&mut self, uri: &str, secret: &Secret) {
        let qr = qrcode::QrCode::new(uri.as_bytes())
            .map(|c| {
                c.render::<qrcode::render::unicode::Dense1x2>()
                    .quiet_zone(true)
                    .build()
            })
            .unwrap_or_default();
        // Scanners need dark modules on a light ground with a light margin around: on a dark
        // terminal the half blocks come out inverted, so the code is drawn black on white
        // whatever the terminal's colours (unless colour is off: NO_COLOR, --color never).
        let qr = if self.out.color {
            qr.lines()
                .map(|l| format!("\x1b[38;5;16;48;5;231m{l}\x1b[0m"))
                .collect::<Vec<_>>()
                .join("\n")
        } else {
            qr
        };
        // The label is the bare username, as the platform's own QR code has it (connector
        // `getQRCode`: speakeasy's name = username, issuer EFCX), so that what is scanned here
        // is what the real login shows.
        let _ = self.term.write_line(&format!("Scan this with Google or Microsoft Authenticator:\n{qr}\nOr add it by hand: secret {}\nURI: {uri}", secret.expose()));
    }
    fn contact(&mut self, channel: ChannelType) -> Result<String, CoreError> {
        // The platform's rule, told before the first try rather than after a refusal.
        let prompt = if channel == ChannelType::Email {
            "Enter your email address for 2FA"
        } else {
            "Enter your mobile phone number for 2FA (7–15 digits, no +)"
        };
        dialoguer::Input::<String>::new()
            .with_prompt(prompt)
            .interact_text_on(&self.term)
            .map_err(|e| prompt_error(e).into())
    }
    fn confirm_contact(
        &mut self,
        _channel: ChannelType,
        value: &str,
    ) -> Result<Option<String>, CoreError> {
        // The platform takes either form on either channel: name what was typed.
        let what = if value.contains('@') {
            "email address"
        } else {
            "phone number"
        };
        let choice = dialoguer::Select::new()
            .with_prompt(format!("Send the OTP to this {what}: {value}?"))
            .items(&["Yes, send the OTP", "Edit"])
            .default(0)
            .interact_on(&self.term)
            .map_err(prompt_error)?;
        if choice == 0 {
            return Ok(None);
        }
        let edited = dialoguer::Input::<String>::new()
            .with_prompt(format!("Your {what}"))
            .with_initial_text(value)
            .interact_text_on(&self.term)
            .map_err(prompt_error)?;
        Ok(Some(edited))
    }
    async fn code(
        &mut self,
        channel: ChannelType,
        _contact: &str,
        left: i64,
        _attempt: u64,
    ) -> Result<CodeAnswer, CoreError> {
        let prompt = if channel == ChannelType::App {
            "Enter the code shown in your authenticator app".to_string()
        } else if left > 0 {
            format!("Enter the OTP (expires in {left} s; type r to resend)")
        } else {
            "Enter the OTP (expired; type r to resend)".to_string()
        };
        let s: String = dialoguer::Input::new()
            .with_prompt(prompt)
            .interact_text_on(&self.term)
            .map_err(prompt_error)?;
        if s.trim().eq_ignore_ascii_case("r") {
            return Ok(CodeAnswer::Resend);
        }
        Ok(CodeAnswer::Code(Secret::new(s.trim())))
    }
    fn passcode(&mut self) -> Result<Secret, CoreError> {
        let p = dialoguer::Password::new()
            .with_prompt("RSA passcode: 8-character PIN + 6-digit tokencode (hidden; type `show` to type it visibly)")
            .interact_on(&self.term)
            .map_err(prompt_error)?;
        if p.trim() == "show" {
            let v: String = dialoguer::Input::new()
                .with_prompt("RSA passcode (visible)")
                .interact_text_on(&self.term)
                .map_err(prompt_error)?;
            return Ok(Secret::new(v.trim()));
        }
        Ok(Secret::new(p))
    }
    fn resend_after_expiry(&mut self) -> bool {
        dialoguer::Confirm::new()
            .with_prompt("Request a new OTP?")
            .default(true)
            .interact_on(&self.term)
            .unwrap_or(false)
    }
    fn retry_after_invalid(&mut self) -> bool {
        let _ = self.out;
        true
    }
}

impl Report for Transcript {
    fn render(&self, out: &Printer) -> String {
        let mut t = out.table(&["step", "ms", "outcome", "detail"]);
        for s in &self.steps {
            t.add_row(vec![
                s.step.clone(),
                s.ms.to_string(),
                s.outcome.clone(),
                s.detail.clone(),
            ]);
        }
        let verdict = if self.ending == Ending::Success {
            out.paint("success", "32")
        } else {
            out.paint("failed", "31")
        };
        format!("{t}\nverdict: {verdict}: {}", self.message)
    }
}

pub async fn run(ctx: &Ctx, a: LoginArgs) -> Result<(), Error> {
    if [a.user_password_stdin, a.otp_stdin, ctx.g.password_stdin]
        .iter()
        .filter(|b| **b)
        .count()
        > 1
    {
        return Err(Error::usage("stdin can carry only one password")
            .with_hint("give the admin credentials by environment"));
    }
    let scripted = a.scripted_flags() || !ctx.can_prompt();
    let password = if a.user_password_stdin {
        crate::ctx::read_stdin_secret("user password")?
    } else if let Ok(p) = std::env::var(cx2fa_core::env::USER_PASSWORD) {
        Secret::new(p)
    } else if !scripted {
        Secret::new(
            dialoguer::Password::new()
                .with_prompt(format!("Password for {}", a.user))
                .interact_on(&Term::stderr())
                .map_err(prompt_error)?,
        )
    } else {
        return Err(Error::needs_input(
            "the user's password",
            "--user-password-stdin or CX2FA_USER_PASSWORD",
        ));
    };
    let s = ctx.session().await?;
    // The password is a `Secret`, and the tenant's secrets were remembered when it was read:
    // the redactor knows both.
    let tenant = ctx.tenant_for_users(&s).await?;
    let target = Target {
        session: &s,
        tenant,
        username: a.user.clone(),
        password,
        allow_plain_http_rsa: a.allow_plain_http_rsa,
        otp_manager_url: None,
    };
    let transcript = if scripted {
        let mut io = Scripted {
            a: &a,
            yes: ctx.g.yes,
            session: &s,
            out: &ctx.out,
            attempts: 0,
            ca: ctx.settings.ca_cert.clone(),
            otp_stdin: if a.otp_stdin {
                let code = crate::ctx::read_stdin_secret("OTP")?;
                Some(code)
            } else {
                None
            },
            contact_given: false,
            passcode_given: false,
            otp_sent: None,
            refused: vec![],
        };
        login::simulate(target, &mut io).await?
    } else {
        let mut io = Terminal {
            out: &ctx.out,
            term: Term::stderr(),
            register: a.register || ctx.g.yes,
        };
        login::simulate(target, &mut io).await?
    };
    let ending = transcript.ending;
    for w in &transcript.warnings {
        ctx.out.warn(w);
    }
    ctx.out.data(&transcript)?;
    let want = a.expect.unwrap_or(Ending::Success);
    if ending == want {
        return Ok(());
    }
    if a.expect.is_none() && ending.at_password() {
        // Unasserted, a refused password is an authentication failure, as it always was.
        return Err(Error::auth(format!(
            "Keycloak refused the password of `{}` in realm `{}`: {}",
            transcript.user,
            ctx.tenant_id()?,
            transcript.message
        ))
        .with_hint(
            "check the user's password (`CX2FA_USER_PASSWORD` or `--user-password-stdin`) and the account in Keycloak's admin console",
        ));
    }
    let msg = match a.expect {
        Some(w) => format!(
            "expected the login to end `{}`, it ended `{}`",
            label(w),
            label(ending)
        ),
        None => format!("the login failed: {}", transcript.message),
    };
    Err(Error::new(Kind::Failed, msg))
}

fn label(e: Ending) -> String {
    serde_json::to_value(e)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

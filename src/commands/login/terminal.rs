//! Answers to the login screen from a person at a terminal.

use crate::ctx::prompt_error;
use crate::output::Printer;
use cx2fa_core::api::Secret;
/// The login flow's `Io` answers in core's error type; ours travel inside it unchanged.
use cx2fa_core::error::Error as CoreError;
use cx2fa_core::login::{CodeAnswer, Io};
use cx2fa_core::settings::ChannelType;
use dialoguer::console::Term;

/// A person at the terminal.
pub(super) struct Terminal<'a> {
    pub(super) out: &'a Printer,
    pub(super) term: Term,
    /// `--register` or `--yes`: registration agreed to without asking.
    pub(super) register: bool,
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

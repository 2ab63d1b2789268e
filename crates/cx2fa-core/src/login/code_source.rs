//! Where a scripted login's OTP comes from: one reader for `simulate-login` and the probe,
//! which differ only in where their secrets are kept and how they word a missing code.

use crate::api::outbox::Outbox;
use crate::api::{Secret, Session};
use crate::error::Error;
use crate::imap::{Mailbox, Wanted};
use std::path::Path;
use std::time::Duration;

/// How long a mailbox is watched for the code's mail.
const MAILBOX_WAIT: Duration = Duration::from_secs(60);

/// One source of an OTP, its secrets already resolved by the caller.
pub enum CodeSource<'a> {
    /// The base32 secret of an authenticator: the code of this moment.
    Totp(Secret),
    /// The sandbox's outbox, with its run's helper token.
    Outbox { token: Option<Secret> },
    /// A mailbox: the newest wanted mail's code. Its certificate is checked against the
    /// system roots and `ca`.
    Mailbox {
        mailbox: Mailbox,
        password: Secret,
        ca: Option<&'a Path>,
        wanted: Wanted,
    },
    /// A command's output (run by the caller): its last word, so that a tool that prints a
    /// label before the code works as it is.
    Output(Secret),
}

/// Reads the code `source` holds for the code just sent to `contact`. `None`: the outbox has
/// no code for it (the caller words that for where it asked from).
pub async fn read_code(
    s: &Session,
    source: CodeSource<'_>,
    contact: &str,
) -> Result<Option<Secret>, Error> {
    match source {
        CodeSource::Totp(secret) => Ok(Some(Secret::new(crate::totp::code(
            secret.expose(),
            cx2fa_platform::contract::TOTP_STEP_SECS,
            crate::totp::unix_now(),
        )?))),
        CodeSource::Outbox { token } => Outbox::new(s, token.as_ref()).latest_code(contact).await,
        CodeSource::Mailbox {
            mailbox,
            password,
            ca,
            wanted,
        } => {
            let code = crate::imap::newest_code(
                &mailbox,
                &password,
                &wanted,
                ca,
                MAILBOX_WAIT,
                s.http.timeout,
            )
            .await?;
            Ok(Some(code))
        }
        CodeSource::Output(out) => Ok(Some(last_word(&out))),
    }
}

fn last_word(out: &Secret) -> Secret {
    Secret::new(out.expose().split_whitespace().last().unwrap_or(""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_command_s_code_is_its_last_word() {
        assert_eq!(last_word(&Secret::new("code: 123456\n")).expose(), "123456");
        assert_eq!(last_word(&Secret::new("")).expose(), "");
    }
}

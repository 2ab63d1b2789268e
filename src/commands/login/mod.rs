//! `cx2fa simulate-login`: the terminal and scripted faces of [`cx2fa_core::login`].

mod scripted;
mod terminal;

use crate::ctx::{prompt_error, Ctx};
use crate::error::{CommandError, Kind};
use crate::output::{Printer, Report};
use clap::Args;
use cx2fa_core::api::Secret;
use cx2fa_core::login::{self, Ending, Target, Transcript};
use dialoguer::console::Term;
use scripted::Scripted;
use terminal::Terminal;

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
pub struct SimulateLoginArgs {
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

impl SimulateLoginArgs {
    pub(super) fn scripted_flags(&self) -> bool {
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

pub async fn run(ctx: &Ctx, a: SimulateLoginArgs) -> Result<(), CommandError> {
    if [a.user_password_stdin, a.otp_stdin, ctx.g.password_stdin]
        .iter()
        .filter(|b| **b)
        .count()
        > 1
    {
        return Err(CommandError::usage("stdin can carry only one password")
            .with_hint("give the admin credentials by environment"));
    }
    let scripted = a.scripted_flags() || !ctx.can_prompt();
    let password = user_password(ctx, &a, scripted)?;
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
        let otp_stdin = match a.otp_stdin {
            true => Some(crate::ctx::read_stdin_secret("OTP")?),
            false => None,
        };
        let mut io = Scripted::new(&a, ctx, &s, otp_stdin);
        login::simulate(target, &mut io).await?
    } else {
        let mut io = Terminal {
            out: &ctx.out,
            term: Term::stderr(),
            register: a.register || ctx.g.yes,
        };
        login::simulate(target, &mut io).await?
    };
    for w in &transcript.warnings {
        ctx.out.warn(w);
    }
    ctx.out.data(&transcript)?;
    verdict(ctx, &a, &transcript)
}

/// The user's password: standard input, `CX2FA_USER_PASSWORD`, or a prompt.
fn user_password(ctx: &Ctx, a: &SimulateLoginArgs, scripted: bool) -> Result<Secret, CommandError> {
    if a.user_password_stdin {
        return crate::ctx::read_stdin_secret("user password");
    }
    if let Some(p) = ctx.env.get(cx2fa_core::env::USER_PASSWORD) {
        return Ok(Secret::new(p));
    }
    if scripted {
        return Err(CommandError::needs_input(
            "the user's password",
            "--user-password-stdin or CX2FA_USER_PASSWORD",
        ));
    }
    Ok(Secret::new(
        dialoguer::Password::new()
            .with_prompt(format!("Password for {}", a.user))
            .interact_on(&Term::stderr())
            .map_err(prompt_error)?,
    ))
}

/// The exit status: the ending asserted by `--expect` (else success) is 0; a refused
/// password, unasserted, is an authentication failure; anything else fails.
fn verdict(ctx: &Ctx, a: &SimulateLoginArgs, transcript: &Transcript) -> Result<(), CommandError> {
    let ending = transcript.ending;
    let want = a.expect.unwrap_or(Ending::Success);
    if ending == want {
        return Ok(());
    }
    if a.expect.is_none() && ending.at_password() {
        // Unasserted, a refused password is an authentication failure, as it always was.
        return Err(CommandError::auth(format!(
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
    Err(CommandError::new(Kind::Failed, msg))
}

fn label(e: Ending) -> String {
    serde_json::to_value(e)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

//! simulate-login driven through a pseudo-terminal, as a person would.

use crate::support::{bin, Sandbox};
use expectrl::{Eof, Regex, Session};
use std::process::Command;
use std::time::Duration;

fn spawn(sb: &Sandbox, args: &[&str]) -> Session {
    let mut c = Command::new(bin());
    // Every answer comes through the terminal: the agent's password too.
    sb.test_env()
        .set("TERM", "dumb")
        .without("CX2FA_USER_PASSWORD")
        .apply(&mut c);
    c.args(args);
    let mut s = Session::spawn(c).expect("spawn in a pty");
    s.set_expect_timeout(Some(Duration::from_secs(20)));
    s
}

/// Answers a hidden-input prompt. Reading a hidden line switches the terminal mode and flushes
/// pending input, so text sent the instant the prompt shows can be dropped on a loaded machine.
fn answer_hidden(p: &mut Session, text: &str) {
    std::thread::sleep(Duration::from_millis(400));
    p.send_line(text).unwrap();
}

/// `simulate-login` as USER on a terminal, past the password prompt.
fn log_in(sb: &Sandbox, user: &str) -> Session {
    let mut p = spawn(sb, &["simulate-login", "--user", user]);
    p.expect(format!("Password for {user}").as_str()).unwrap();
    answer_hidden(&mut p, "agent-pass");
    p
}

/// Answers yes to "register them now?": a login that would enrol the user asks first.
fn agree_to_register(p: &mut Session) {
    p.expect("is not registered for 2FA. Register them for")
        .unwrap();
    p.send("y").unwrap();
}

fn last_code(sb: &Sandbox, to: &str) -> String {
    let (_, v) = sb.get(&format!("/sandbox/outbox?to={to}"), None);
    v.as_array().unwrap().last().unwrap()["code"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn email_registration_with_edit_and_resend_gate() {
    let sb = Sandbox::start();
    let mut p = log_in(&sb, "agent.none");
    agree_to_register(&mut p);
    p.expect("Enter your email address for 2FA").unwrap();
    p.send_line("typo@example").unwrap();
    p.expect("Invalid customerChannelIdentifier").unwrap();
    p.expect("Enter your email address for 2FA").unwrap();
    p.send_line("wrong@example.test").unwrap();
    p.expect("Send the OTP to this email address: wrong@example.test?")
        .unwrap();
    // Choose "Edit" (down, enter), then replace the address.
    p.send("\x1b[B").unwrap();
    p.send("\r").unwrap();
    p.expect("Your email address").unwrap();
    // The prompt text appears before the editor switches the terminal to raw mode; keys sent
    // in between are read as a line, not as edits (seen once on a loaded machine).
    std::thread::sleep(Duration::from_millis(300));
    p.send("\x7f".repeat(30)).unwrap();
    p.send_line("right@example.test").unwrap();
    p.expect("Send the OTP to this email address: right@example.test?")
        .unwrap();
    p.send("\r").unwrap();
    p.expect(Regex("expires in \\d+ s; type r to resend"))
        .unwrap();
    p.send_line("r").unwrap();
    p.expect(Regex("Resend OTP is available in \\d+ s"))
        .unwrap();
    p.expect("Enter the OTP").unwrap();
    p.send_line("000000").unwrap();
    p.expect("Invalid verification code. Please try again.")
        .unwrap();
    p.expect("Enter the OTP").unwrap();
    p.send_line(last_code(&sb, "right@example.test")).unwrap();
    p.expect("verdict: success").unwrap();
    p.expect(Eof).unwrap();
    assert_eq!(
        sb.attrs("expertflow", "agent.none")["customerChannelIdentifier"],
        serde_json::json!(["right@example.test"])
    );
}

#[test]
fn ctrl_c_leaves_what_the_platform_wrote() {
    let sb = Sandbox::start();
    let mut p = log_in(&sb, "agent.noattrs");
    agree_to_register(&mut p);
    p.expect("Enter your email address for 2FA").unwrap();
    p.send("\x03").unwrap();
    p.expect(Eof).unwrap();
    let attrs = sb.attrs("expertflow", "agent.noattrs");
    assert_eq!(
        attrs["twoFAChannel"],
        serde_json::json!(["EMAIL"]),
        "written before Ctrl-C, as the platform would"
    );
}

#[test]
fn rsa_passcode_is_masked_and_checked_locally() {
    let sb = Sandbox::start();
    let code = crate::support::run(sb.cmd().args(["sandbox", "rsa-code", "agent.rsa"])).stdout;
    let mut p = log_in(&sb, "agent.rsa");
    p.expect("RSA passcode").unwrap();
    answer_hidden(&mut p, "short");
    p.expect("the passcode must be 14 characters").unwrap();
    p.expect("RSA passcode").unwrap();
    answer_hidden(&mut p, &format!("rsapin01{}", code.trim()));
    p.expect("verdict: success").unwrap();
    let rest = p.expect(Eof).unwrap();
    assert!(
        !String::from_utf8_lossy(rest.before()).contains("rsapin01"),
        "the passcode is never echoed"
    );
}

#[test]
fn app_registration_shows_a_qr_code_and_registers() {
    let sb = Sandbox::start();
    assert_eq!(
        crate::support::run(
            sb.cmd()
                .args(["policy", "enable", "--channel", "APP", "--yes"])
        )
        .status,
        0
    );
    let mut p = log_in(&sb, "agent.none");
    agree_to_register(&mut p);
    p.expect("Scan this with Google or Microsoft Authenticator")
        .unwrap();
    // The QR code is drawn with Unicode half blocks.
    p.expect("▀").unwrap();
    let m = p.expect(Regex("secret ([A-Z2-7]{32})")).unwrap();
    let secret = String::from_utf8_lossy(m.get(1).unwrap()).to_string();
    p.expect("otpauth://totp/agent.none?secret=").unwrap();
    p.expect("Enter the code shown in your authenticator app")
        .unwrap();
    p.send_line("000000").unwrap();
    p.expect("Invalid verification code. Please try again.")
        .unwrap();
    p.expect("Enter the code shown in your authenticator app")
        .unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    p.send_line(cx2fa_core::totp::code(&secret, 30, now).unwrap())
        .unwrap();
    p.expect("verdict: success").unwrap();
    p.expect(Eof).unwrap();
    let a = sb.attrs("expertflow", "agent.none");
    assert_eq!(a["otpSecret"], serde_json::json!([secret]));
    assert_eq!(a["is2FARegistered"], serde_json::json!(["true"]));
    assert!(a.get("tempOTPSecret").is_none());
}

#[test]
fn sms_returning_login() {
    let sb = Sandbox::start();
    // agent.sms registered on the SMS channel `+15550001000`: the tenant must use it too, or
    // the platform's login fails (tests/cli/login.rs).
    assert_eq!(
        crate::support::run(sb.cmd().args([
            "policy",
            "enable",
            "--channel",
            "SMS",
            "--identifier",
            "+15550001000",
            "--yes"
        ]))
        .status,
        0
    );
    let mut p = log_in(&sb, "agent.sms");
    p.expect(Regex("Enter the OTP \\(expires in \\d+ s"))
        .unwrap();
    p.send_line(last_code(&sb, "%2B15550100222")).unwrap();
    p.expect("verdict: success").unwrap();
    p.expect(Eof).unwrap();
}

#[test]
fn app_returning_login() {
    let sb = Sandbox::start();
    let mut p = log_in(&sb, "agent.app");
    p.expect("Enter the code shown in your authenticator app")
        .unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    p.send_line(cx2fa_core::totp::code("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", 30, now).unwrap())
        .unwrap();
    p.expect("verdict: success").unwrap();
    p.expect(Eof).unwrap();
}

#[test]
fn email_returning_login() {
    let sb = Sandbox::start();
    let mut p = log_in(&sb, "agent.email");
    p.expect(Regex("Enter the OTP \\(expires in \\d+ s"))
        .unwrap();
    p.send_line(last_code(&sb, "agent.email%40example.test"))
        .unwrap();
    p.expect("verdict: success").unwrap();
    p.expect(Eof).unwrap();
}

#[test]
fn sms_registration_validates_the_number() {
    let sb = Sandbox::start();
    assert_eq!(
        crate::support::run(sb.cmd().args([
            "policy",
            "enable",
            "--channel",
            "SMS",
            "--identifier",
            "+15550001000",
            "--yes"
        ]))
        .status,
        0
    );
    let mut p = log_in(&sb, "agent.none");
    agree_to_register(&mut p);
    p.expect("Enter your mobile phone number for 2FA").unwrap();
    p.send_line("555-0199").unwrap();
    p.expect("Invalid customerChannelIdentifier").unwrap();
    p.expect("Enter your mobile phone number for 2FA").unwrap();
    p.send_line("15550109999").unwrap();
    p.expect("Send the OTP to this phone number: 15550109999?")
        .unwrap();
    p.send("\r").unwrap();
    p.expect(Regex("Enter the OTP \\(expires in \\d+ s"))
        .unwrap();
    p.send_line(last_code(&sb, "15550109999")).unwrap();
    p.expect("verdict: success").unwrap();
    p.expect(Eof).unwrap();
    let a = sb.attrs("expertflow", "agent.none");
    assert_eq!(a["twoFAChannel"], serde_json::json!(["SMS"]));
    assert_eq!(a["is2FARegistered"], serde_json::json!(["true"]));
}

#[test]
fn the_admin_prompt_asks_only_the_password_when_the_username_is_in_the_environment() {
    let sb = Sandbox::start();
    let mut c = Command::new(bin());
    sb.test_env()
        .set("TERM", "dumb")
        .without("CX2FA_PASSWORD")
        .without("CX2FA_USER_PASSWORD")
        .set("CX2FA_USERNAME", "admin")
        .apply(&mut c);
    c.args(["tenant", "list"]);
    let mut p = Session::spawn(c).expect("spawn in a pty");
    p.set_expect_timeout(Some(Duration::from_secs(20)));
    let before = p.expect("Password of `admin`").unwrap();
    assert!(
        !String::from_utf8_lossy(before.before()).contains("Admin username"),
        "the username was asked again"
    );
    answer_hidden(&mut p, &sb.admin_password);
    p.expect("expertflow").unwrap();
    p.expect(Eof).unwrap();
}

/// A login that would enrol the user asks first; "no" stops it with nothing written.
#[test]
fn declining_registration_writes_nothing() {
    let sb = Sandbox::start();
    let mut p = log_in(&sb, "agent.none");
    p.expect("is not registered for 2FA. Register them for EMAIL now")
        .unwrap();
    p.send("n").unwrap();
    p.expect(Eof).unwrap();
    assert!(sb
        .attrs("expertflow", "agent.none")
        .get("twoFAChannel")
        .is_none());
}

/// #26: with colour on, the QR code is drawn black on white with its margin, whatever the
/// terminal's own colours (a dark terminal would otherwise invert it).
#[test]
fn the_qr_code_has_a_forced_light_ground_when_colour_is_on() {
    let sb = Sandbox::start();
    assert_eq!(
        crate::support::run(
            sb.cmd()
                .args(["policy", "enable", "--channel", "APP", "--yes"])
        )
        .status,
        0
    );
    let mut p = spawn(
        &sb,
        &[
            "simulate-login",
            "--user",
            "agent.none",
            "--register",
            "--color",
            "always",
        ],
    );
    p.expect("Password for agent.none").unwrap();
    answer_hidden(&mut p, "agent-pass");
    p.expect("Scan this with Google or Microsoft Authenticator")
        .unwrap();
    p.expect("\x1b[38;5;16;48;5;231m").unwrap();
    p.send("\x03").unwrap();
    p.expect(Eof).unwrap();
}

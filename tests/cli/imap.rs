//! EMAIL login through a real IMAP server: the sandbox delivers OTPs into a Maildir that a
//! dovecot started here serves over IMAPS; `--otp-from-imap` reads the code from it.

use crate::support::servers::free_port;
use crate::support::{run, Sandbox};
use cx2fa_sandbox::Config;
use std::path::Path;
use std::process::{Child, Command};

struct Dovecot {
    child: Child,
    port: u16,
}

impl Drop for Dovecot {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A CA, and a certificate for 127.0.0.1 signed by it.
fn certificates(dir: &Path) {
    use rcgen::{BasicConstraints, CertificateParams, IsCa, KeyPair};
    let mut ca = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let ca_key = KeyPair::generate().unwrap();
    let ca_cert = ca.self_signed(&ca_key).unwrap();
    let leaf_key = KeyPair::generate().unwrap();
    let leaf = CertificateParams::new(vec!["127.0.0.1".to_string(), "localhost".to_string()])
        .unwrap()
        .signed_by(&leaf_key, &ca_cert, &ca_key)
        .unwrap();
    std::fs::write(dir.join("ca.pem"), ca_cert.pem()).unwrap();
    std::fs::write(dir.join("cert.pem"), leaf.pem()).unwrap();
    std::fs::write(dir.join("key.pem"), leaf_key.serialize_pem()).unwrap();
}

fn start_dovecot(dir: &Path, maildir: &Path) -> Dovecot {
    use std::os::unix::fs::PermissionsExt;
    // Dovecot's own processes run as unprivileged users: let them in.
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    for sub in ["", "cur", "new", "tmp"] {
        let p = maildir.join(sub);
        std::fs::create_dir_all(&p).unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o777)).unwrap();
    }
    certificates(dir);
    std::fs::write(
        dir.join("users"),
        "agent@example.test:{PLAIN}mailpass::::::\n",
    )
    .unwrap();
    let port = free_port();
    let d = dir.display();
    let conf = format!(
        "protocols = imap\nlisten = 127.0.0.1\nbase_dir = {d}/run\nstate_dir = {d}/state\nlog_path = {d}/dovecot.log\n\
         ssl = required\nssl_cert = <{d}/cert.pem\nssl_key = <{d}/key.pem\nauth_mechanisms = plain login\n\
         passdb {{\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u {d}/users\n}}\n\
         userdb {{\n  driver = static\n  args = uid=65534 gid=65534 home={m} mail=maildir:{m}\n}}\n\
         first_valid_uid = 1\nfirst_valid_gid = 1\n\
         service imap-login {{\n  inet_listener imap {{\n    port = 0\n  }}\n  inet_listener imaps {{\n    port = {port}\n    ssl = yes\n  }}\n}}\n",
        m = maildir.display()
    );
    std::fs::write(dir.join("dovecot.conf"), conf).unwrap();
    // Guarded at once: if the wait below fails, Drop still stops the server.
    let dovecot = Dovecot {
        child: Command::new("dovecot")
            .args(["-F", "-c"])
            .arg(dir.join("dovecot.conf"))
            .spawn()
            .expect("dovecot starts"),
        port,
    };
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return dovecot;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    panic!(
        "dovecot did not listen: {}",
        std::fs::read_to_string(dir.join("dovecot.log")).unwrap_or_default()
    );
}

#[test]
fn email_login_through_a_real_imap_server() {
    if Command::new("dovecot").arg("--version").output().is_err() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install dovecot (see .ci/run)"
        );
        eprintln!("skipped: dovecot is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let maildir = dir.path().join("Maildir");
    let sb = Sandbox::with(Config {
        maildir: Some(maildir.clone()),
        ..Default::default()
    });
    let dovecot = start_dovecot(dir.path(), &maildir);
    let url = format!(
        "imaps://agent%40example.test@127.0.0.1:{}/INBOX",
        dovecot.port
    );
    let ca = dir.path().join("ca.pem");
    let login = |extra: &[&str]| {
        let mut c = sb.cmd();
        c.env("CX2FA_IMAP_PASSWORD", "mailpass")
            .env("CX2FA_CA_CERT", &ca)
            .args([
                "simulate-login",
                "--user",
                "agent.none",
                "--otp-from-imap",
                &url,
            ])
            .args(extra);
        run(&mut c)
    };
    // Registration by email, then a returning login, each with the code from the mailbox.
    let o = login(&["--register-contact", "agent@example.test"]);
    assert_eq!(o.status, 0, "{o}");
    assert!(o.stdout.contains("verdict: success"), "{o}");
    let o = login(&[]);
    assert_eq!(o.status, 0, "{o}");
    assert!(
        o.stdout.contains("returning") || o.stdout.contains("verdict: success"),
        "{o}"
    );
    // TLS is verified: without the CA the server is refused.
    let o = run(sb.cmd().env("CX2FA_IMAP_PASSWORD", "mailpass").args([
        "simulate-login",
        "--user",
        "agent.none",
        "--otp-from-imap",
        &url,
    ]));
    assert_eq!(o.status, 4, "{o}");
    assert!(o.stderr.contains("--ca-cert"), "{o}");
    // A wrong mailbox password is an authentication failure.
    let o = run(sb
        .cmd()
        .env("CX2FA_IMAP_PASSWORD", "wrong")
        .env("CX2FA_CA_CERT", &ca)
        .args([
            "simulate-login",
            "--user",
            "agent.none",
            "--otp-from-imap",
            &url,
        ]));
    assert_eq!(o.status, 3, "{o}");
    assert!(o.stderr.contains("IMAP login failed"), "{o}");
}

/// Writes a message into `maildir/new` whose arrival (the file's time, dovecot's INTERNALDATE)
/// is `ahead` from now.
fn plant(maildir: &Path, name: &str, from: &str, body: &str, ahead: std::time::Duration) {
    let path = maildir.join("new").join(format!("{name}.planted"));
    std::fs::write(
        &path,
        format!("From: <{from}>\r\nTo: <agent@example.test>\r\nSubject: Your code\r\nMIME-Version: 1.0\r\n{body}"),
    )
    .unwrap();
    let f = std::fs::File::options().write(true).open(&path).unwrap();
    f.set_modified(std::time::SystemTime::now() + ahead)
        .unwrap();
}

/// #27.6: mail from anyone, a code hidden from the reader, and a spoofed sender's wrong code,
/// all newer than the real OTP: the probe takes the channel's mail only, the part a reader sees,
/// and never submits a refused code twice. Before, it took the newest code from anyone and
/// submitted it on every try until the user's attempts were used up.
#[test]
fn imap_takes_the_channels_mail_and_never_a_refused_code_again() {
    if Command::new("dovecot").arg("--version").output().is_err() {
        assert!(std::env::var_os("CI").is_none(), "CI must install dovecot");
        eprintln!("skipped: dovecot is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let maildir = dir.path().join("Maildir");
    let sb = Sandbox::with(Config {
        maildir: Some(maildir.clone()),
        ..Default::default()
    });
    let dovecot = start_dovecot(dir.path(), &maildir);
    let secs = std::time::Duration::from_secs;
    let plain = |code: &str| {
        format!("Content-Type: text/plain\r\n\r\nYour verification code is {code}.\r\n")
    };
    plant(
        &maildir,
        "a",
        "attacker@evil.test",
        &plain("111111"),
        secs(30),
    );
    plant(
        &maildir,
        "b",
        "otp-mail@example.test",
        "Content-Type: multipart/alternative; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\ncode 333333\r\n--b\r\nContent-Type: text/html\r\n\r\n<p>Open the app to see your code.</p>\r\n--b--\r\n",
        secs(25),
    );
    // A spoofed sender: taken, refused by the OTP manager, and not offered again.
    plant(
        &maildir,
        "c",
        "otp-mail@example.test",
        &plain("222222"),
        secs(20),
    );
    let url = format!(
        "imaps://agent%40example.test@127.0.0.1:{}/INBOX",
        dovecot.port
    );
    let o = run(sb
        .cmd()
        .env("CX2FA_IMAP_PASSWORD", "mailpass")
        .env("CX2FA_CA_CERT", dir.path().join("ca.pem"))
        .args([
            "simulate-login",
            "--user",
            "agent.email",
            "--otp-from-imap",
            &url,
        ])
        .timeout(secs(60)));
    assert_eq!(o.status, 0, "{o}");
    assert!(o.stdout.contains("verdict: success"), "{o}");
    // One refusal (the spoofed code), then the real one.
    assert_eq!(
        o.stdout.matches("Invalid verification code").count(),
        1,
        "{o}"
    );
}

/// A TLS IMAP server that logs anyone in, finds one message, and answers its FETCH with an
/// untagged line every 0.2 s, forever.
fn endless_fetch_server(dir: &Path) -> u16 {
    use std::io::{BufRead, BufReader, Write};
    certificates(dir);
    let pem = |f: &str| std::fs::read(dir.join(f)).unwrap();
    let certs: Vec<rustls::pki_types::CertificateDer<'static>> =
        rustls::pki_types::pem::PemObject::pem_slice_iter(&pem("cert.pem"))
            .map(Result::unwrap)
            .collect();
    let key =
        <rustls::pki_types::PrivateKeyDer as rustls::pki_types::pem::PemObject>::from_pem_slice(
            &pem("key.pem"),
        )
        .unwrap();
    let config = std::sync::Arc::new(
        rustls::ServerConfig::builder_with_provider(std::sync::Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .unwrap(),
    );
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for tcp in listener.incoming().flatten() {
            let config = config.clone();
            std::thread::spawn(move || {
                let conn = rustls::ServerConnection::new(config).unwrap();
                let mut tls = rustls::StreamOwned::new(conn, tcp);
                if tls.write_all(b"* OK IMAP4rev1 ready\r\n").is_err() {
                    return;
                }
                let mut lines = BufReader::new(tls);
                loop {
                    let mut line = String::new();
                    if lines.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let mut words = line.split_whitespace();
                    let tag = words.next().unwrap_or("*").to_string();
                    let cmd = words.next().unwrap_or("").to_ascii_uppercase();
                    let sub = words.next().unwrap_or("").to_ascii_uppercase();
                    let out = lines.get_mut();
                    let answer = match (cmd.as_str(), sub.as_str()) {
                        ("LOGIN", _) => format!("{tag} OK LOGIN completed\r\n"),
                        ("SELECT", _) => format!("* 1 EXISTS\r\n* OK [UIDVALIDITY 1] ok\r\n{tag} OK [READ-WRITE] SELECT completed\r\n"),
                        ("UID", "SEARCH") => format!("* SEARCH 1\r\n{tag} OK SEARCH completed\r\n"),
                        ("UID", "FETCH") => loop {
                            if out.write_all(b"* 1 FETCH (FLAGS (\\Seen))\r\n").is_err() {
                                return;
                            }
                            let _ = out.flush();
                            std::thread::sleep(std::time::Duration::from_millis(200));
                        },
                        ("LOGOUT", _) => format!("* BYE\r\n{tag} OK LOGOUT completed\r\n"),
                        _ => format!("{tag} BAD unknown\r\n"),
                    };
                    if out.write_all(answer.as_bytes()).is_err() {
                        return;
                    }
                    let _ = out.flush();
                }
            });
        }
    });
    port
}

/// #27.9: a FETCH answered with untagged lines every 0.2 s, forever, held the probe for 301 s
/// at `--timeout 5` (each line came within the per-step deadline); one deadline holds the look.
#[test]
fn an_imap_server_talking_forever_is_held_to_the_timeout() {
    let dir = tempfile::tempdir().unwrap();
    let port = endless_fetch_server(dir.path());
    let sb = Sandbox::start();
    let started = std::time::Instant::now();
    let o = run(sb
        .cmd()
        .env("CX2FA_IMAP_PASSWORD", "imap-pass")
        .env("CX2FA_CA_CERT", dir.path().join("ca.pem"))
        .args([
            "simulate-login",
            "--user",
            "agent.email",
            "--timeout",
            "5",
            "--otp-from-imap",
            &format!("imaps://probe@127.0.0.1:{port}/INBOX"),
        ])
        .timeout(std::time::Duration::from_secs(40)));
    let took = started.elapsed();
    assert_eq!(o.status, 4, "{o}");
    assert!(o.stderr.contains("no answer within 5 s"), "{o}");
    assert!(
        took < std::time::Duration::from_secs(15),
        "took {took:?}: {o}"
    );
}

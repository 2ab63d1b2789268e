//! EMAIL login through a real IMAP server: the sandbox delivers OTPs into a Maildir that a
//! dovecot started here serves over IMAPS; `--otp-from-imap` reads the code from it.

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

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
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
    let (code, out, err) = login(&["--register-contact", "agent@example.test"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("verdict: success"), "{out}");
    let (code, out, err) = login(&[]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("returning") || out.contains("verdict: success"),
        "{out}"
    );
    // TLS is verified: without the CA the server is refused.
    let (code, _, err) = run(sb.cmd().env("CX2FA_IMAP_PASSWORD", "mailpass").args([
        "simulate-login",
        "--user",
        "agent.none",
        "--otp-from-imap",
        &url,
    ]));
    assert_eq!(code, 4, "{err}");
    assert!(err.contains("--ca-cert"), "{err}");
    // A wrong mailbox password is an authentication failure.
    let (code, _, err) = run(sb
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
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("IMAP login failed"), "{err}");
}

//! Reading an emailed OTP over IMAP (`simulate-login --otp-from-imap`): the newest message
//! from the channel's sender, received after the send, that holds a 6-digit code not already
//! refused. TLS is always verified.

use crate::api::Secret;
use crate::error::{Error, Fix};
use futures::StreamExt;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Where to look: `imaps://user@host[:port]/MAILBOX`.
#[derive(Debug, Clone, PartialEq)]
pub struct Mailbox {
    pub user: String,
    pub host: String,
    pub port: u16,
    pub mailbox: String,
}

impl std::str::FromStr for Mailbox {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        let bad = |why: &str| {
            Error::usage(format!("`{s}` is not an IMAP mailbox URL: {why}"))
                .with_fix(Fix::MailboxUrlForm)
        };
        let u = url::Url::parse(s).map_err(|e| bad(&e.to_string()))?;
        if u.scheme() != "imaps" {
            return Err(bad("only `imaps://` (IMAP over TLS) is accepted"));
        }
        if u.password().is_some() {
            return Err(
                bad("the password must not be in the URL").with_fix(Fix::MailboxPasswordInEnv)
            );
        }
        let user = percent_encoding::percent_decode_str(u.username())
            .decode_utf8_lossy()
            .to_string();
        if user.is_empty() {
            return Err(bad("no user"));
        }
        let host = u.host_str().ok_or_else(|| bad("no host"))?.to_string();
        let mailbox = percent_encoding::percent_decode_str(u.path().trim_start_matches('/'))
            .decode_utf8_lossy()
            .to_string();
        Ok(Mailbox {
            user,
            host,
            port: u.port().unwrap_or(993),
            mailbox: if mailbox.is_empty() {
                "INBOX".into()
            } else {
                mailbox
            },
        })
    }
}

/// The first run of exactly six digits in `text`.
pub fn find_code(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            if i - start == cx2fa_platform::contract::OTP_DIGITS {
                return Some(text[start..i].to_string());
            }
        } else {
            i += 1;
        }
    }
    None
}

fn tls_config(ca: Option<&Path>) -> Result<rustls::ClientConfig, Error> {
    let mut roots = rustls::RootCertStore::empty();
    for cert in rustls_native_certs::load_native_certs().certs {
        let _ = roots.add(cert);
    }
    if let Some(path) = ca {
        let pem = crate::api::http::ca_pem(path)?;
        for cert in rustls_pemfile::certs(&mut pem.as_slice()) {
            let cert = cert.map_err(|e| {
                Error::usage(format!(
                    "`{}` is not a PEM certificate: {e}",
                    path.display()
                ))
            })?;
            roots
                .add(cert)
                .map_err(|e| Error::usage(format!("`{}`: {e}", path.display())))?;
        }
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    Ok(rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::failed(e.to_string()))?
        .with_root_certificates(roots)
        .with_no_client_auth())
}

fn imap_err(m: &Mailbox, what: &str, e: impl std::fmt::Display) -> Error {
    Error::network(format!(
        "IMAP {what} failed for `{}@{}:{}`",
        m.user, m.host, m.port
    ))
    .with_cause(e.to_string())
}

/// `fut`, or an error naming the IMAP step that did not finish within `limit`: a server that
/// accepts and never speaks must not hang the probe.
async fn within<T>(
    m: &Mailbox,
    what: &str,
    limit: Duration,
    fut: impl std::future::Future<Output = Result<T, Error>>,
) -> Result<T, Error> {
    tokio::time::timeout(limit, fut).await.unwrap_or_else(|_| {
        Err(
            imap_err(m, what, format!("no answer within {} s", limit.as_secs()))
                .with_fix(Fix::MailboxTimeout),
        )
    })
}

/// Which message's code to take: one that arrived (the server's INTERNALDATE) at or after
/// the `otp/generate` call, sent from the channel's own address, whose code was not already
/// refused. A mail from anyone else, or an older one, would fail the probe or, offered again
/// and again, use up the user's OTP attempts.
#[derive(Debug, Clone)]
pub struct Wanted {
    /// When the OTP was generated. Compared at the second (INTERNALDATE has no finer unit):
    /// the mail server's clock must agree with this machine's.
    pub since: chrono::DateTime<chrono::Utc>,
    /// The channel's sender address (the EMAIL channel's `channelServiceIdentifier`); `None`
    /// accepts any sender.
    pub sender: Option<String>,
    /// Codes the OTP manager already refused in this login.
    pub refused: Vec<String>,
}

/// One fetched message: the server's arrival time and the raw RFC 5322 bytes.
#[derive(Debug, Clone)]
pub struct Fetched {
    pub arrived: chrono::DateTime<chrono::FixedOffset>,
    pub raw: Vec<u8>,
}

/// The text a reader of `msg` sees: the HTML part where there is one (what a mail client shows
/// of a `multipart/alternative`), as text; else the plain text part. A code only in a part the
/// reader does not see (a plain-text alternative under an HTML body) is not the one they read.
fn reader_text(msg: &mail_parser::Message<'_>) -> String {
    use mail_parser::PartType;
    let shown = |indices: &[u32]| -> Vec<String> {
        indices
            .iter()
            .filter_map(|i| msg.parts.get(*i as usize))
            .filter_map(|p| match &p.body {
                PartType::Html(h) => Some(mail_parser::decoders::html::html_to_text(h)),
                PartType::Text(t) => Some(t.to_string()),
                _ => None,
            })
            .collect()
    };
    let html = shown(&msg.html_body);
    if html.is_empty() {
        shown(&msg.text_body).join("\n")
    } else {
        html.join("\n")
    }
}

/// Whether `msg` is from `sender` (case-insensitive, the address only).
fn from_sender(msg: &mail_parser::Message<'_>, sender: &str) -> bool {
    msg.from()
        .and_then(|a| a.first())
        .and_then(|a| a.address.as_deref())
        .is_some_and(|a| a.trim().eq_ignore_ascii_case(sender.trim()))
}

/// The code to submit from `messages`: the newest wanted message's ([`Wanted`]) code, the later
/// of two that arrived in the same second (the server lists them in arrival order).
pub fn pick(messages: &[Fetched], wanted: &Wanted) -> Option<String> {
    let since = wanted.since.timestamp();
    let mut found: Option<(i64, String)> = None;
    for f in messages {
        let at = f.arrived.timestamp();
        if at < since || found.as_ref().is_some_and(|(d, _)| *d > at) {
            continue;
        }
        let Some(msg) = mail_parser::MessageParser::default().parse(&f.raw) else {
            continue;
        };
        if let Some(sender) = &wanted.sender {
            if !from_sender(&msg, sender) {
                continue;
            }
        }
        let Some(code) = find_code(&reader_text(&msg)) else {
            continue;
        };
        if wanted.refused.contains(&code) {
            continue;
        }
        found = Some((at, code));
    }
    found.map(|(_, c)| c)
}

/// One look at the mailbox: the code [`pick`] chooses from its newest messages. The whole look
/// (connect, TLS, login, select, search, fetch) has `limit` to finish: a server that sends
/// untagged lines forever, each within any per-step limit, must not hold the probe.
async fn look(
    m: &Mailbox,
    password: &Secret,
    wanted: &Wanted,
    ca: Option<&Path>,
    limit: Duration,
) -> Result<Option<String>, Error> {
    match tokio::time::timeout(limit, look_steps(m, password, wanted, ca, limit)).await {
        Ok(r) => r,
        Err(_) => Err(imap_err(
            m,
            "exchange",
            format!(
                "no answer within {} s (the whole look at the mailbox did not finish)",
                limit.as_secs()
            ),
        )
        .with_fix(Fix::MailboxTimeout)),
    }
}

/// A logged-in IMAP session over TLS.
type ImapSession = async_imap::Session<tokio_rustls::client::TlsStream<tokio::net::TcpStream>>;

/// The steps of [`look`], each also with `limit`, so that the one that hung is named.
async fn look_steps(
    m: &Mailbox,
    password: &Secret,
    wanted: &Wanted,
    ca: Option<&Path>,
    limit: Duration,
) -> Result<Option<String>, Error> {
    let mut session = log_in(m, password, ca, limit).await?;
    within(m, "select", limit, async {
        session
            .select(&m.mailbox)
            .await
            .map_err(|e| imap_err(m, &format!("select of `{}`", m.mailbox), e))
    })
    .await?;
    let mut fetched = fetch_newest(&mut session, m, limit).await?;
    let _ = session.logout().await;
    // In arrival order, so that of two in one second the later wins.
    fetched.sort_by_key(|(uid, _)| *uid);
    let messages: Vec<Fetched> = fetched.into_iter().map(|(_, f)| f).collect();
    Ok(pick(&messages, wanted))
}

/// Connects, verifies the server's certificate, reads the greeting and logs in.
async fn log_in(
    m: &Mailbox,
    password: &Secret,
    ca: Option<&Path>,
    limit: Duration,
) -> Result<ImapSession, Error> {
    let tcp = within(m, "connection", limit, async {
        tokio::net::TcpStream::connect((m.host.as_str(), m.port))
            .await
            .map_err(|e| imap_err(m, "connection", e).with_fix(Fix::MailboxAddress))
    })
    .await?;
    let name = rustls::pki_types::ServerName::try_from(m.host.clone())
        .map_err(|e| imap_err(m, "TLS", e))?;
    let config = Arc::new(tls_config(ca)?);
    let tls = within(m, "TLS handshake", limit, async {
        tokio_rustls::TlsConnector::from(config)
            .connect(name, tcp)
            .await
            .map_err(|e| imap_err(m, "TLS", e).with_fix(Fix::MailboxTrustCa))
    })
    .await?;
    let mut client = async_imap::Client::new(tls);
    within(m, "greeting", limit, async {
        client
            .read_response()
            .await
            .ok_or_else(|| imap_err(m, "greeting", "the server closed the connection"))?
            .map_err(|e| imap_err(m, "greeting", e))
    })
    .await?;
    within(m, "login", limit, async {
        client
            .login(&m.user, password.expose())
            .await
            .map_err(|(e, _)| {
                Error::auth(format!("IMAP login failed for `{}`", m.user))
                    .with_cause(e.to_string())
                    .with_fix(Fix::MailboxPassword)
            })
    })
    .await
}

/// The newest 20 messages of the selected mailbox, each with its UID.
async fn fetch_newest(
    session: &mut ImapSession,
    m: &Mailbox,
    limit: Duration,
) -> Result<Vec<(u32, Fetched)>, Error> {
    let mut uids: Vec<u32> = within(m, "search", limit, async {
        session
            .uid_search("ALL")
            .await
            .map_err(|e| imap_err(m, "search", e))
    })
    .await?
    .into_iter()
    .collect();
    uids.sort_unstable();
    let newest: Vec<String> = uids.iter().rev().take(20).map(|u| u.to_string()).collect();
    let mut fetched: Vec<(u32, Fetched)> = vec![];
    if newest.is_empty() {
        return Ok(fetched);
    }
    let mut fetches = within(m, "fetch", limit, async {
        session
            .uid_fetch(newest.join(","), "(INTERNALDATE BODY.PEEK[])")
            .await
            .map_err(|e| imap_err(m, "fetch", e))
    })
    .await?;
    while let Some(f) = within(m, "fetch", limit, async { Ok(fetches.next().await) }).await? {
        let f = f.map_err(|e| imap_err(m, "fetch", e))?;
        let (Some(arrived), Some(body)) = (f.internal_date(), f.body()) else {
            continue;
        };
        fetched.push((
            f.uid.unwrap_or(0),
            Fetched {
                arrived,
                raw: body.to_vec(),
            },
        ));
    }
    Ok(fetched)
}

/// Polls the mailbox until a wanted message ([`Wanted`]) holds a code, or `wait` passes.
pub async fn newest_code(
    m: &Mailbox,
    password: &Secret,
    wanted: &Wanted,
    ca: Option<&Path>,
    wait: Duration,
    limit: Duration,
) -> Result<Secret, Error> {
    let deadline = Instant::now() + wait;
    loop {
        if let Some(code) = look(m, password, wanted, ca, limit).await? {
            return Ok(Secret::new(code));
        }
        if Instant::now() >= deadline {
            let from = wanted
                .sender
                .as_deref()
                .map(|s| format!(" from `{s}`"))
                .unwrap_or_default();
            return Err(Error::failed(format!(
                "no message{from} with a new 6-digit code arrived in `{}` within {} s of the OTP's sending",
                m.mailbox,
                wait.as_secs()
            ))
            .with_fix(Fix::MailboxDelivery));
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_mailbox_urls() {
        let m: Mailbox = "imaps://agent%40example.test@mail.example.test/INBOX"
            .parse()
            .unwrap();
        assert_eq!(
            m,
            Mailbox {
                user: "agent@example.test".into(),
                host: "mail.example.test".into(),
                port: 993,
                mailbox: "INBOX".into()
            }
        );
        assert_eq!("imaps://u@h:10993".parse::<Mailbox>().unwrap().port, 10993);
        assert!(
            "imap://u@h/INBOX".parse::<Mailbox>().is_err(),
            "plain IMAP is refused"
        );
        assert!(
            "imaps://u:pw@h/INBOX".parse::<Mailbox>().is_err(),
            "no password in the URL"
        );
    }

    fn mail(from: &str, body: &str) -> Vec<u8> {
        format!("From: <{from}>\r\nTo: <a@example.test>\r\nSubject: code\r\n{body}").into_bytes()
    }

    fn at(secs: i64) -> chrono::DateTime<chrono::FixedOffset> {
        chrono::DateTime::from_timestamp(secs, 0)
            .unwrap()
            .fixed_offset()
    }

    #[test]
    fn picks_the_channels_newest_unrefused_code_from_the_part_a_reader_sees() {
        let plain =
            |code: &str| format!("Content-Type: text/plain\r\n\r\nYour code is {code}.\r\n");
        let msgs = vec![
            // Before the OTP was generated.
            Fetched { arrived: at(99), raw: mail("otp@example.test", &plain("100000")) },
            Fetched { arrived: at(100), raw: mail("otp@example.test", &plain("123456")) },
            // Newer, but from someone else.
            Fetched { arrived: at(105), raw: mail("evil@example.test", &plain("666666")) },
            // Newer, from the channel, but its code is only in the part no reader sees.
            Fetched {
                arrived: at(106),
                raw: mail(
                    "OTP@example.test",
                    "MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\ncode 777777\r\n--b\r\nContent-Type: text/html\r\n\r\n<p>Open the app for your code.</p>\r\n--b--\r\n",
                ),
            },
        ];
        let mut wanted = Wanted {
            since: chrono::DateTime::from_timestamp(100, 500_000_000).unwrap(),
            sender: Some("otp@example.test".into()),
            refused: vec![],
        };
        assert_eq!(pick(&msgs, &wanted).as_deref(), Some("123456"));
        wanted.refused.push("123456".into());
        assert_eq!(pick(&msgs, &wanted), None);
        // The HTML part is what a reader sees.
        let html = Fetched {
            arrived: at(107),
            raw: mail(
                "otp@example.test",
                "MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\ncode 777777\r\n--b\r\nContent-Type: text/html\r\n\r\n<p>Your code is <b>246810</b></p>\r\n--b--\r\n",
            ),
        };
        assert_eq!(pick(&[html], &wanted).as_deref(), Some("246810"));
    }

    #[test]
    fn finds_exactly_six_digits() {
        assert_eq!(
            find_code("Your verification code is 012345.\r\nIt expires in 60 seconds."),
            Some("012345".into())
        );
        assert_eq!(
            find_code("order 1234567 then 654321"),
            Some("654321".into())
        );
        assert_eq!(find_code("no code 12345"), None);
    }
}

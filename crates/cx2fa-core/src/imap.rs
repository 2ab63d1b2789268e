//! Reading an emailed OTP over IMAP (`simulate-login --otp-from-imap`): the newest message
//! received after the send that holds a 6-digit code. TLS is always verified.

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

/// One look at the mailbox: the code of the newest message received at or after `since`.
/// Every step (connect, TLS handshake, each exchange) has `limit` to finish.
async fn look(
    m: &Mailbox,
    password: &Secret,
    since: chrono::DateTime<chrono::Utc>,
    ca: Option<&Path>,
    limit: Duration,
) -> Result<Option<String>, Error> {
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
    let mut session = within(m, "login", limit, async {
        client
            .login(&m.user, password.expose())
            .await
            .map_err(|(e, _)| {
                Error::auth(format!("IMAP login failed for `{}`", m.user))
                    .with_cause(e.to_string())
                    .with_fix(Fix::MailboxPassword)
            })
    })
    .await?;
    within(m, "select", limit, async {
        session
            .select(&m.mailbox)
            .await
            .map_err(|e| imap_err(m, &format!("select of `{}`", m.mailbox), e))
    })
    .await?;
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
    let mut found: Option<(chrono::DateTime<chrono::FixedOffset>, String)> = None;
    if !newest.is_empty() {
        let mut fetches = within(m, "fetch", limit, async {
            session
                .uid_fetch(newest.join(","), "(INTERNALDATE BODY.PEEK[])")
                .await
                .map_err(|e| imap_err(m, "fetch", e))
        })
        .await?;
        while let Some(f) = within(m, "fetch", limit, async { Ok(fetches.next().await) }).await? {
            let f = f.map_err(|e| imap_err(m, "fetch", e))?;
            let (Some(date), Some(body)) = (f.internal_date(), f.body()) else {
                continue;
            };
            if date < since || found.as_ref().is_some_and(|(d, _)| *d > date) {
                continue;
            }
            let Some(msg) = mail_parser::MessageParser::default().parse(body) else {
                continue;
            };
            let text = (0..msg.text_body.len())
                .filter_map(|i| msg.body_text(i))
                .collect::<Vec<_>>()
                .join("\n");
            if let Some(code) = find_code(&text) {
                found = Some((date, code));
            }
        }
    }
    let _ = session.logout().await;
    Ok(found.map(|(_, c)| c))
}

/// Polls the mailbox until a message received after `since` holds a code, or `wait` passes.
pub async fn newest_code(
    m: &Mailbox,
    password: &Secret,
    since: chrono::DateTime<chrono::Utc>,
    ca: Option<&Path>,
    wait: Duration,
    limit: Duration,
) -> Result<Secret, Error> {
    let deadline = Instant::now() + wait;
    loop {
        if let Some(code) = look(m, password, since, ca, limit).await? {
            return Ok(Secret::new(code));
        }
        if Instant::now() >= deadline {
            return Err(Error::failed(format!(
                "no message with a 6-digit code arrived in `{}` within {} s",
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

//! Client construction and trust: the plain-HTTP client, the HTTPS one (built on first use,
//! with the system's certificates and any extra CA), and reading that CA's file.

use super::error::TransportError;
use super::Transport;
use crate::error::{Error, Fix, Kind};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

/// Where an extra trusted CA certificate comes from (uv's `CertificateSource`). Core names only
/// the source; the binary words it for its command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CertificateSource {
    /// A PEM file.
    File(PathBuf),
}

impl CertificateSource {
    pub fn path(&self) -> &Path {
        match self {
            Self::File(p) => p,
        }
    }
}

impl fmt::Display for CertificateSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path().display())
    }
}

/// A CA certificate that cannot be trusted as given. An empty file, a private key or anything
/// else is refused by name, never trusted as nothing.
#[derive(Debug, thiserror::Error)]
pub enum CaError {
    /// Not readable as an input (missing, a directory, a FIFO, too large, empty): the input
    /// layer's refusal, which names the path.
    #[error("{refusal}")]
    Unreadable {
        from: CertificateSource,
        refusal: crate::input::InputError,
    },
    #[error("`{from}` {}", .problem)]
    Refused {
        from: CertificateSource,
        problem: CaProblem,
    },
    /// PEM that the TLS library does not take as a certificate.
    #[error("`{from}` is not a PEM certificate: {source}")]
    NotACertificate {
        from: CertificateSource,
        #[source]
        source: reqwest::Error,
    },
}

/// What is wrong with a CA file's contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaProblem {
    /// Not PEM at all: the parser's words.
    NotPem(String),
    /// Only a private key.
    KeyNotCertificate,
    /// No certificate and no key.
    NoCertificate,
    /// A certificate and a private key.
    AlsoKey,
}

impl fmt::Display for CaProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotPem(e) => write!(f, "is not a PEM file: {e}"),
            Self::KeyNotCertificate => f.write_str("holds a private key, not a certificate"),
            Self::NoCertificate => f.write_str("holds no PEM certificate"),
            Self::AlsoKey => {
                f.write_str("also holds a private key; pass a file with the certificate only")
            }
        }
    }
}

impl CaError {
    pub fn source_of_certificate(&self) -> &CertificateSource {
        match self {
            Self::Unreadable { from, .. }
            | Self::Refused { from, .. }
            | Self::NotACertificate { from, .. } => from,
        }
    }
    pub(super) fn kind(&self) -> Kind {
        Kind::Usage
    }
    pub(super) fn fix(&self) -> Option<Fix> {
        match self {
            Self::Unreadable { refusal, .. } => refusal.fix(),
            Self::Refused {
                problem: CaProblem::KeyNotCertificate | CaProblem::NoCertificate,
                ..
            } => Some(Fix::PemCertificate),
            _ => None,
        }
    }
}

/// The largest CA file read: a bundle of a few hundred certificates.
const MAX_CA_BYTES: u64 = 1 << 20;

/// Reads a CA certificate file: PEM holding at least one certificate and no private key.
pub fn ca_pem(path: &Path) -> Result<Vec<u8>, Error> {
    read_ca(&CertificateSource::File(path.to_path_buf())).map_err(|e| TransportError::Ca(e).into())
}

fn read_ca(from: &CertificateSource) -> Result<Vec<u8>, CaError> {
    let name = from.to_string();
    let pem = crate::input::read_all(
        &name,
        crate::input::InputSource::CaCertificate,
        MAX_CA_BYTES,
    )
    .map_err(|refusal| CaError::Unreadable {
        from: from.clone(),
        refusal,
    })?;
    let refused = |problem| CaError::Refused {
        from: from.clone(),
        problem,
    };
    let (mut certs, mut keys) = (0, 0);
    for item in rustls_pemfile::read_all(&mut pem.as_slice()) {
        match item {
            Ok(rustls_pemfile::Item::X509Certificate(_)) => certs += 1,
            Ok(
                rustls_pemfile::Item::Pkcs1Key(_)
                | rustls_pemfile::Item::Pkcs8Key(_)
                | rustls_pemfile::Item::Sec1Key(_),
            ) => keys += 1,
            Ok(_) => {}
            Err(e) => return Err(refused(CaProblem::NotPem(format!("{e:?}")))),
        }
    }
    match (certs, keys) {
        (0, 0) => Err(refused(CaProblem::NoCertificate)),
        (0, _) => Err(refused(CaProblem::KeyNotCertificate)),
        (_, 0) => Ok(pem),
        _ => Err(refused(CaProblem::AlsoKey)),
    }
}

/// The certificate of `from`, checked and parsed.
fn load_ca(from: &CertificateSource) -> Result<reqwest::Certificate, CaError> {
    let pem = read_ca(from)?;
    reqwest::Certificate::from_pem(&pem).map_err(|source| CaError::NotACertificate {
        from: from.clone(),
        source,
    })
}

/// The two clients: plain HTTP, and HTTPS built on first use.
pub(super) struct Clients {
    /// For `http://` URLs (a sandbox, a port-forward, in-cluster services). Built without the
    /// system's certificates, whose loading costs milliseconds that plain HTTP never needs.
    plain: reqwest::Client,
    /// For `https://` URLs, built on first use.
    tls: OnceLock<Result<reqwest::Client, Arc<reqwest::Error>>>,
    transport: Transport,
    ca: Option<reqwest::Certificate>,
}

impl Clients {
    pub(super) fn new(t: &Transport) -> Result<Self, TransportError> {
        let ca = match &t.ca_cert {
            Some(path) => Some(load_ca(&CertificateSource::File(path.clone()))?),
            None => None,
        };
        let plain = builder(t)
            .tls_built_in_root_certs(false)
            .build()
            .map_err(|source| TransportError::Setup { source })?;
        Ok(Clients {
            plain,
            tls: OnceLock::new(),
            transport: t.clone(),
            ca,
        })
    }

    /// The client for `url`: plain HTTP, or TLS with the system's certificates (plus the
    /// extra CA).
    pub(super) fn client_for(&self, url: &str) -> Result<&reqwest::Client, TransportError> {
        let is_http = url
            .get(..7)
            .is_some_and(|s| s.eq_ignore_ascii_case("http://"));
        if is_http {
            return Ok(&self.plain);
        }
        self.tls
            .get_or_init(|| {
                let mut b = builder(&self.transport);
                if let Some(cert) = &self.ca {
                    b = b.add_root_certificate(cert.clone());
                }
                if self.transport.insecure {
                    b = b.danger_accept_invalid_certs(true);
                }
                b.build().map_err(Arc::new)
            })
            .as_ref()
            .map_err(|source| TransportError::SetupTls {
                source: source.clone(),
            })
    }
}

fn builder(t: &Transport) -> reqwest::ClientBuilder {
    reqwest::Client::builder()
        .use_rustls_tls()
        .timeout(t.timeout)
        .connect_timeout(t.timeout.min(Duration::from_secs(10)))
        .user_agent(concat!("cx2fa/", env!("CARGO_PKG_VERSION")))
        // No redirect is ever followed, on any scheme: reqwest strips `Authorization` on a
        // host change but not a form body (a password) or a custom header (`client-key`).
        // A redirect comes back as an error naming both addresses.
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(64)
        // `send` retries by its own rules (idempotent calls, Retry-After); reqwest's layer
        // would only add a copy of every request kept in case of an HTTP/2 refusal.
        .retry(reqwest::retry::never().max_retries_per_request(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ca_file(pem: &[u8]) -> (tempfile::TempDir, CertificateSource) {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("ca.pem");
        std::fs::write(&p, pem).unwrap();
        (d, CertificateSource::File(p))
    }

    const KEY: &[u8] =
        b"-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----\n";

    #[test]
    fn a_key_or_nothing_is_refused_by_source_and_problem() {
        let (_d, from) = ca_file(KEY);
        match read_ca(&from) {
            Err(CaError::Refused { from: f, problem }) => {
                assert_eq!((f, problem), (from, CaProblem::KeyNotCertificate));
            }
            other => panic!("{other:?}"),
        }
        let (_d, from) = ca_file(b"just text\n");
        let e = read_ca(&from).unwrap_err();
        assert_eq!(e.to_string(), format!("`{from}` holds no PEM certificate"));
        assert_eq!(e.fix(), Some(Fix::PemCertificate));
    }

    #[test]
    fn an_empty_file_is_the_input_layers_refusal_without_an_argument_name() {
        let (_d, from) = ca_file(b"");
        let e = ca_pem(from.path()).unwrap_err();
        assert_eq!(e.message, format!("`{from}`: is empty"));
        assert_eq!(e.kind, Kind::Usage);
        let ca = std::error::Error::source(&e)
            .and_then(|s| s.downcast_ref::<TransportError>())
            .map(|t| matches!(t, TransportError::Ca(CaError::Unreadable { .. })));
        assert_eq!(ca, Some(true));
    }
}

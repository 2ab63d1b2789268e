//! `--tls`: a generated CA and a certificate for 127.0.0.1/localhost, so clients can be tested
//! against HTTPS with `--ca-cert` (and refuse without it).

use crate::SandboxError;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The server side, and where the CA certificate was written.
pub struct Tls {
    pub config: axum_server::tls_rustls::RustlsConfig,
    pub ca_path: PathBuf,
}

fn gen_err(e: rcgen::Error) -> SandboxError {
    SandboxError::Failed(format!("cannot generate the sandbox's certificate: {e}"))
}

/// Generates a fresh CA and server certificate; writes the CA's PEM to `ca_path`.
pub fn generate(ca_path: &Path, files: &dyn crate::Files) -> Result<Tls, SandboxError> {
    use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, KeyPair, KeyUsagePurpose};
    let mut ca = CertificateParams::new(Vec::<String>::new()).map_err(gen_err)?;
    ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca.distinguished_name
        .push(DnType::CommonName, "cx2fa sandbox CA");
    ca.key_usages = vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::CrlSign,
        KeyUsagePurpose::DigitalSignature,
    ];
    let ca_key = KeyPair::generate().map_err(gen_err)?;
    let ca_cert = ca.self_signed(&ca_key).map_err(gen_err)?;
    let mut leaf = CertificateParams::new(vec!["localhost".to_string(), "127.0.0.1".to_string()])
        .map_err(gen_err)?;
    leaf.distinguished_name
        .push(DnType::CommonName, "cx2fa sandbox");
    let leaf_key = KeyPair::generate().map_err(gen_err)?;
    let leaf_cert = leaf
        .signed_by(&leaf_key, &ca_cert, &ca_key)
        .map_err(gen_err)?;
    files
        .write_private(ca_path, ca_cert.pem().as_bytes())
        .map_err(|e| SandboxError::Failed(format!("cannot write `{}`: {e}", ca_path.display())))?;

    let certs = vec![leaf_cert.der().clone(), ca_cert.der().clone()];
    let key = rustls::pki_types::PrivateKeyDer::try_from(leaf_key.serialize_der())
        .map_err(|e| SandboxError::Failed(format!("bad generated key: {e}")))?;
    // Name the provider explicitly: more than one may be compiled in through dependencies.
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut cfg = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| SandboxError::Failed(format!("TLS setup failed: {e}")))?
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .map_err(|e| SandboxError::Failed(format!("TLS setup failed: {e}")))?;
    cfg.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(Tls {
        config: axum_server::tls_rustls::RustlsConfig::from_config(Arc::new(cfg)),
        ca_path: ca_path.to_path_buf(),
    })
}

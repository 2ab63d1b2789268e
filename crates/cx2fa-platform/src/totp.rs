//! TOTP codes (RFC 6238) as the platform computes them for the authenticator-app flow
//! (docs/deployment-contract.md §7: SHA1, 6 digits) and the sandbox's RSA tokencodes, via
//! totp-rs. Used by the login probe and by the sandbox, so both compute the same codes.

use totp_rs::{Algorithm, Secret as TotpSecret, TOTP};

/// A secret that is not base32.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the TOTP secret is not valid base32")]
pub struct InvalidSecret;

fn totp(seed_b32: &str, step: u64, skew: u8) -> Result<TOTP, InvalidSecret> {
    let bytes = TotpSecret::Encoded(seed_b32.trim().to_uppercase().replace(' ', ""))
        .to_bytes()
        .map_err(|_| InvalidSecret)?;
    Ok(TOTP::new_unchecked(
        Algorithm::SHA1,
        crate::contract::OTP_DIGITS,
        skew,
        step,
        bytes,
        None,
        String::new(),
    ))
}

/// The 6-digit code for `seed_b32` at unix time `at`.
pub fn code(seed_b32: &str, step: u64, at: u64) -> Result<String, InvalidSecret> {
    Ok(totp(seed_b32, step, 0)?.generate(at))
}

/// Whether `candidate` is valid at `at`, allowing `skew` steps either side.
pub fn check(
    seed_b32: &str,
    candidate: &str,
    step: u64,
    skew: u8,
    at: u64,
) -> Result<bool, InvalidSecret> {
    Ok(totp(seed_b32, step, skew)?.check(candidate.trim(), at))
}

/// A fresh random base32 secret of 160 bits, as authenticator apps expect.
pub fn new_secret() -> String {
    let bytes: [u8; 20] = rand::random();
    base32::encode(base32::Alphabet::Rfc4648 { padding: false }, &bytes)
}

/// Seconds since the epoch.
pub fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc6238_sha1_vector() {
        // RFC 6238 appendix B, SHA1 seed "12345678901234567890", T=59 → 94287082 (8 digits);
        // the 6-digit code is its last six digits.
        let seed = base32::encode(
            base32::Alphabet::Rfc4648 { padding: false },
            b"12345678901234567890",
        );
        assert_eq!(code(&seed, 30, 59).unwrap(), "287082");
        assert!(check(&seed, "287082", 30, 1, 59 + 30).unwrap());
        assert!(!check(&seed, "287082", 30, 1, 59 + 90).unwrap());
    }

    #[test]
    fn new_secrets_are_usable() {
        let s = new_secret();
        assert_eq!(s.len(), 32);
        assert_eq!(code(&s, 30, 1000).unwrap().len(), 6);
    }
}

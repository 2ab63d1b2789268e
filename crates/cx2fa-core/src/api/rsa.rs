//! RSA SecurID Authentication Manager (docs/deployment-contract.md §6).

use super::http::{Http, Request};
use super::secret::Secret;
use crate::error::{Error, Kind};
use cx2fa_platform::contract;
use serde::Serialize;
use serde_json::{json, Value};

/// The three causes the platform folds into one message, told apart for the admin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RsaOutcome {
    Success,
    /// The server answered FAIL: wrong PIN or tokencode, or an unknown user.
    InvalidPasscode {
        code: String,
    },
    /// The server refused the client key (401/403) or answered something unexpected.
    InvalidConfiguration {
        reason: String,
    },
    /// The server could not be reached.
    Unreachable {
        reason: String,
    },
}

/// What the platform's login says when the RSA server refuses the passcode (connector
/// 1.9.3-RC8, `validateOTP`: HTTP 401).
pub const RSA_REFUSED_MESSAGE: &str = "Invalid verification code. Please try again.";
/// What it says when the RSA server could not decide (unreachable, an error answer, a bad
/// client key: HTTP 400).
pub const RSA_ERROR_MESSAGE: &str = "Error occured while verifying token from RSA SecurID. This may be due to invalid configurations or some issue with SecurID.";

pub struct Rsa<'a> {
    pub http: &'a Http,
    pub base: String,
    pub client_key: Secret,
    pub client_id: String,
}

impl<'a> Rsa<'a> {
    pub async fn authenticate(&self, username: &str, passcode: &Secret) -> RsaOutcome {
        let body = json!({
            "clientId": self.client_id,
            "subjectName": username,
            "subjectCredentials": [{"methodId": "SECURID", "collectedInputs": [{"name": "SECURID", "value": passcode.expose()}]}],
            "context": {"authnAttemptId": "", "messageId": format!("{username}2faAttempt"), "inResponseTo": ""},
        });
        let req = Request::new(
            contract::rsa::AUTHN.method,
            format!("{}{}", self.base, contract::rsa::AUTHN.path(&[])),
        )
        .header(contract::rsa::CLIENT_KEY_HEADER, self.client_key.expose())
        .json(body);
        let resp = match self.http.send(req).await {
            Ok(r) => r,
            Err(e) if e.kind == Kind::Network => {
                return RsaOutcome::Unreachable { reason: e.message }
            }
            Err(e) => return RsaOutcome::InvalidConfiguration { reason: e.message },
        };
        if resp.status == 401 || resp.status == 403 {
            return RsaOutcome::InvalidConfiguration {
                reason: format!("the RSA server rejected the client key ({})", resp.status),
            };
        }
        if !resp.ok() {
            return RsaOutcome::InvalidConfiguration {
                reason: format!("the RSA server answered {}", resp.status),
            };
        }
        let v: Value = serde_json::from_slice(&resp.body).unwrap_or(Value::Null);
        let code = v
            .get("attemptResponseCode")
            .and_then(Value::as_str)
            .unwrap_or("");
        let reason = v
            .get("attemptReasonCode")
            .and_then(Value::as_str)
            .unwrap_or("");
        if code == "SUCCESS" || reason == "CREDENTIAL_VERIFIED" {
            RsaOutcome::Success
        } else if code.is_empty() {
            RsaOutcome::InvalidConfiguration {
                reason: "the RSA server's answer has no attemptResponseCode".into(),
            }
        } else {
            RsaOutcome::InvalidPasscode {
                code: format!("{code} {reason}").trim().to_string(),
            }
        }
    }
}

/// Checks a passcode's shape before sending: 8-character PIN + 6 digits.
pub fn check_passcode(p: &str) -> Result<(), Error> {
    let want = contract::RSA_PIN_LEN + contract::RSA_TOKENCODE_LEN;
    if p.chars().count() != want {
        return Err(Error::failed(format!("the passcode must be {want} characters (an 8-character PIN then the 6-digit tokencode), got {}", p.chars().count())));
    }
    let token: String = p.chars().skip(contract::RSA_PIN_LEN).collect();
    if !token.chars().all(|c| c.is_ascii_digit()) {
        return Err(Error::failed(
            "the last 6 characters of the passcode must be the digits of the tokencode",
        ));
    }
    Ok(())
}

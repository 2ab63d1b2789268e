//! The OTP manager (docs/deployment-contract.md §6): no auth header, tenant in `tenantid` and `tenant-id` (disputed, §6).

use super::http::{Http, Request};
use crate::error::Error;
use cx2fa_platform::contract;
use cx2fa_platform::contract::otp_manager::{GENERATE, TENANT_HEADERS, VERIFY};
use cx2fa_platform::enrolment as attrs;
use cx2fa_platform::fields;
use serde::Serialize;
use serde_json::{json, Value};

/// What a verification answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Valid,
    Invalid,
    Expired,
    MaxAttempts,
}

impl Verdict {
    /// The login screen's words for a failure.
    pub fn user_message(self) -> &'static str {
        match self {
            Verdict::Valid => "Verified.",
            Verdict::Invalid => "Invalid verification code. Please try again.",
            Verdict::Expired => "This verification code has expired. Please request a new one.",
            Verdict::MaxAttempts => {
                "Too many incorrect attempts. Verification has been temporarily blocked."
            }
        }
    }
}

/// Who an OTP is for.
#[derive(Debug, Clone)]
pub struct OtpTarget {
    pub tenant_id: String,
    pub contact: String,
    pub channel_type: String,
    pub channel_identifier: String,
    pub expiry: u64,
    pub max_attempts: u64,
}

pub struct OtpManager<'a> {
    pub http: &'a Http,
    /// Base URL ending in `/`.
    pub base: String,
}

impl<'a> OtpManager<'a> {
    pub async fn generate(&self, t: &OtpTarget) -> Result<(), Error> {
        let body = json!({
            attrs::CUSTOMER_CHANNEL_IDENTIFIER: t.contact,
            fields::CHANNEL_TYPE: t.channel_type,
            fields::CHANNEL_SERVICE_IDENTIFIER: t.channel_identifier,
            "appName": contract::OTP_APP_NAME,
            fields::OTP_EXPIRY: t.expiry,
            fields::OTP_MAX_ATTEMPTS: t.max_attempts,
            "purpose": contract::OTP_PURPOSE,
        });
        let req = Request::new(
            GENERATE.method,
            format!("{}{}", self.base, GENERATE.path(&[])),
        )
        .header(TENANT_HEADERS[0], &t.tenant_id)
        .header(TENANT_HEADERS[1], &t.tenant_id)
        .json(body);
        self.http.send(req).await?.check()?;
        Ok(())
    }

    pub async fn verify(&self, t: &OtpTarget, code: &str) -> Result<Verdict, Error> {
        let body = json!({
            attrs::CUSTOMER_CHANNEL_IDENTIFIER: t.contact,
            fields::CHANNEL_SERVICE_IDENTIFIER: t.channel_identifier,
            "appName": contract::OTP_APP_NAME,
            "otpCode": code,
            "purpose": contract::OTP_PURPOSE,
        });
        let req = Request::new(VERIFY.method, format!("{}{}", self.base, VERIFY.path(&[])))
            .header(TENANT_HEADERS[0], &t.tenant_id)
            .header(TENANT_HEADERS[1], &t.tenant_id)
            .json(body);
        let resp = self.http.send(req).await?;
        if resp.ok() {
            return Ok(Verdict::Valid);
        }
        if (400..500).contains(&resp.status) {
            let msg = serde_json::from_slice::<Value>(&resp.body)
                .ok()
                .and_then(|v| v.get("message").and_then(Value::as_str).map(str::to_string));
            match msg.as_deref() {
                Some("OTP_INVALID") => return Ok(Verdict::Invalid),
                Some("OTP_EXPIRED") => return Ok(Verdict::Expired),
                Some("OTP_MAX_ATTEMPTS") => return Ok(Verdict::MaxAttempts),
                _ => {}
            }
        }
        Err(resp.check().expect_err("not a success"))
    }
}

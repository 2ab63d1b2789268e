//! A user's 2FA enrolment as the platform stores it: Keycloak user attributes
//! (docs/deployment-contract.md §5).

/// Whether the user finished registration (`["true"]`).
pub const IS_2FA_REGISTERED: &str = "is2FARegistered";
/// The channel the user registered with (`EMAIL`, `SMS`, `APP`, `RSA`).
pub const TWO_FA_CHANNEL: &str = "twoFAChannel";
/// The authenticator-app secret while registration is pending, then the registered one.
pub const TEMP_OTP_SECRET: &str = "tempOTPSecret";
pub const OTP_SECRET: &str = "otpSecret";
/// The user's contact point for EMAIL / SMS.
pub const CUSTOMER_CHANNEL_IDENTIFIER: &str = "customerChannelIdentifier";
pub const PHONE_NUMBER: &str = "phoneNumber";

/// Every attribute a reset removes: the ones above, and the tenant's settings that the
/// connector copies into the user at registration (`channelType` by some releases only).
pub const ENROLMENT_ATTRS: &[&str] = &[
    IS_2FA_REGISTERED,
    TWO_FA_CHANNEL,
    TEMP_OTP_SECRET,
    OTP_SECRET,
    CUSTOMER_CHANNEL_IDENTIFIER,
    PHONE_NUMBER,
    crate::fields::CHANNEL_SERVICE_IDENTIFIER,
    crate::fields::OTP_EXPIRY,
    crate::fields::OTP_MAX_ATTEMPTS,
    crate::fields::CHANNEL_TYPE,
];

/// Attributes that are secrets and never shown, not even masked.
pub const HIDDEN: &[&str] = &[OTP_SECRET, TEMP_OTP_SECRET];

/// The tenant settings copied into a user at registration; a copy that differs from the
/// tenant's current value is stale.
pub const COPIED_SETTINGS: &[&str] = &[
    crate::fields::CHANNEL_SERVICE_IDENTIFIER,
    crate::fields::OTP_EXPIRY,
    crate::fields::OTP_MAX_ATTEMPTS,
];

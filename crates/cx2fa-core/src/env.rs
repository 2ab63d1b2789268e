//! cx2fa's environment variables, named once: the command line reads the non-secret ones
//! (clap's `env`), core reads the credentials, `--print-curl` refers to secrets by these names,
//! and the `--otp-cmd` child is started with an allow-list of the rest ([`passed_to_children`]).

pub const PROFILE: &str = "CX2FA_PROFILE";
pub const URL: &str = "CX2FA_URL";
pub const TENANT: &str = "CX2FA_TENANT";
pub const OUTPUT: &str = "CX2FA_OUTPUT";
pub const YES: &str = "CX2FA_YES";
pub const NO_INPUT: &str = "CX2FA_NO_INPUT";
pub const QUIET: &str = "CX2FA_QUIET";
pub const DEBUG: &str = "CX2FA_DEBUG";
pub const PRINT_CURL: &str = "CX2FA_PRINT_CURL";
pub const TIMEOUT: &str = "CX2FA_TIMEOUT";
pub const COLOR: &str = "CX2FA_COLOR";
pub const KEYCLOAK_URL: &str = "CX2FA_KEYCLOAK_URL";
/// The master admin password of the real Keycloak behind `cx2fa sandbox --keycloak-upstream`.
pub const UPSTREAM_ADMIN_PASSWORD: &str = "CX2FA_UPSTREAM_ADMIN_PASSWORD";
pub const OTP_MANAGER_URL: &str = "CX2FA_OTP_MANAGER_URL";
pub const RSA_URL: &str = "CX2FA_RSA_URL";
pub const CA_CERT: &str = "CX2FA_CA_CERT";
pub const INSECURE: &str = "CX2FA_INSECURE";
pub const CONCURRENCY: &str = "CX2FA_CONCURRENCY";
pub const RATE: &str = "CX2FA_RATE";
/// Tests only: behave as if there were no terminal even under a pseudo-terminal.
pub const FORCE_NO_TTY: &str = "CX2FA_FORCE_NO_TTY";
/// Seconds between the progress lines of a bulk run without a terminal (default 10).
pub const PROGRESS_EVERY: &str = "CX2FA_PROGRESS_EVERY";

/// The master-realm admin (password grant).
pub const USERNAME: &str = "CX2FA_USERNAME";
pub const PASSWORD: &str = "CX2FA_PASSWORD";
/// An automation client (client-credentials grant).
pub const CLIENT_ID: &str = "CX2FA_CLIENT_ID";
pub const CLIENT_SECRET: &str = "CX2FA_CLIENT_SECRET";
/// A ready access token.
pub const TOKEN: &str = "CX2FA_TOKEN";
/// `--print-curl` only: a refresh token.
pub const REFRESH_TOKEN: &str = "CX2FA_REFRESH_TOKEN";
/// The agent whose login `simulate-login` runs, and its tenant realm's client secret.
pub const USER_PASSWORD: &str = "CX2FA_USER_PASSWORD";
pub const TENANT_CLIENT_SECRET: &str = "CX2FA_TENANT_CLIENT_SECRET";
/// `--otp-from-imap`.
pub const IMAP_PASSWORD: &str = "CX2FA_IMAP_PASSWORD";
/// `--print-curl` only: the tenant's RSA client key.
pub const RSA_CLIENT_KEY: &str = "CX2FA_RSA_CLIENT_KEY";

/// `cx2fa sandbox`'s per-run token for its `/sandbox/*` helpers (`--otp-from-outbox`).
pub const SANDBOX_TOKEN: &str = "CX2FA_SANDBOX_TOKEN";

/// The variables holding cx2fa's own credentials. A child process gets none of them, nor any
/// other variable outside [`passed_to_children`].
pub const SECRETS: &[&str] = &[
    PASSWORD,
    CLIENT_SECRET,
    TOKEN,
    USER_PASSWORD,
    IMAP_PASSWORD,
    SANDBOX_TOKEN,
];

/// Whether a variable of cx2fa's environment is passed to a child process (`--otp-cmd`): what
/// a shell command needs to find programs and files, the locale, and the user's agents
/// (D-Bus for a keyring, GnuPG and `pass` for a stored TOTP key). An allow-list, because
/// secrets come under names no deny-list keeps up with: the `--print-curl` ones
/// (`CX2FA_SECRET_*`, `CX2FA_REFRESH_TOKEN`, ...), the variable `--totp-secret-env` names,
/// whatever the caller exported for another tool.
pub fn passed_to_children(name: &str) -> bool {
    const NAMES: &[&str] = &[
        "PATH",
        "HOME",
        "USER",
        "LOGNAME",
        "SHELL",
        "TERM",
        "TZ",
        "TMPDIR",
        "LANG",
        "LANGUAGE",
        "XDG_RUNTIME_DIR",
        "XDG_CONFIG_HOME",
        "XDG_DATA_HOME",
        "XDG_CACHE_HOME",
        "DBUS_SESSION_BUS_ADDRESS",
        "GNUPGHOME",
        "PASSWORD_STORE_DIR",
    ];
    NAMES.contains(&name) || name.starts_with("LC_")
}

#[cfg(test)]
mod tests {
    #[test]
    fn children_get_no_secret_variable() {
        for name in super::SECRETS.iter().chain(&[
            super::TENANT_CLIENT_SECRET,
            super::RSA_CLIENT_KEY,
            super::REFRESH_TOKEN,
            "CX2FA_SECRET_OTPCODE",
            "PROBE_TOTP_SECRET",
        ]) {
            assert!(!super::passed_to_children(name), "{name}");
        }
        assert!(super::passed_to_children("PATH") && super::passed_to_children("LC_ALL"));
    }
}

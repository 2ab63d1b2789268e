//! What to do next, worded for this command line: every [`Fix`] core reports becomes one hint
//! here, naming cx2fa's flags, commands and environment variables. The one place a remedy is
//! worded, so a renamed flag changes one line.

use cx2fa_core::api::http::{CaError, CertificateSource};
use cx2fa_core::env;
use cx2fa_core::error::{ChannelTypeHint, Fix};
use cx2fa_core::input::{InputError, InputProblem, InputSource};

/// The hint for `fix`.
pub fn hint(fix: &Fix) -> String {
    use Fix as F;
    match fix {
        F::FileNotDirectory => "pass a file, not a directory".into(),
        F::StreamPipe { name } => {
            format!("to stream from it, redirect it yourself: `cx2fa ... - < {name}`")
        }
        F::FilePermissions => "check the file's permissions".into(),
        F::BackupOfOtherDeployment => {
            "check `--url`; pass `--force` if restoring it onto this deployment is meant".into()
        }
        F::BackupOfUnrecordedDeployment { here } => {
            format!("pass `--force` if it belongs to `{here}`")
        }
        F::TenantExists => "change it with `cx2fa policy apply`, or pick another tenantId".into(),
        F::RealmOfItsOwn => {
            "set `tenantSettings.keyCloak.realm` (or the tenantId) to a name of its own".into()
        }
        F::NewRealm => "set `tenantSettings.keyCloak.realm` to a new name (the platform creates the realm with the tenant)".into(),
        F::ChannelBeforeTenant => "create the channel first, or pass `--skip-channel-check` to create the tenant anyway".into(),
        F::LogoRequired => "this release requires a logo: pass `--logo FILE.png`".into(),
        F::RealmTaken { realm } => format!(
            "the realm `{realm}` exists already: set `tenantSettings.keyCloak.realm` to a new name"
        ),
        F::InspectTenant => "inspect with `cx2fa tenant show`".into(),
        F::CreateProfile => {
            "create it with a `[profiles.NAME]` table, or leave `--profile` out".into()
        }
        F::ProfileFormat => "profiles are `[profiles.NAME]` tables with url, tenant, keycloak_url, otp_manager_url, rsa_url, username, client_id, ca_cert, insecure, timeout, concurrency, rate".into(),
        F::KnownProfiles(names) => format!("known profiles: {}", names.join(", ")),
        F::UsernameForPasswordStdin => {
            format!("set `{}` or `username` in the profile", env::USERNAME)
        }
        F::CredentialsNotInUrl => format!(
            "give the admin credentials by `{}`/`{}`, `--password-stdin` or `cx2fa auth login`",
            env::USERNAME,
            env::PASSWORD
        ),
        F::CredentialsForOtherDeployment { base } => format!(
            "check `--url`; to work with that deployment, store its credentials in a profile of its own: `cx2fa --profile NAME auth login --url {base}`"
        ),
        F::CheckAdminCredentials => format!(
            "check the admin credentials (`{}`/`{}`, or `cx2fa auth login`)",
            env::USERNAME,
            env::PASSWORD
        ),
        F::RenewableCredentials => format!(
            "get a fresh token, or give credentials cx2fa can renew a token with: `{}`/`{}`, `{}`/`{}`, or `cx2fa auth login`",
            env::USERNAME,
            env::PASSWORD,
            env::CLIENT_ID,
            env::CLIENT_SECRET
        ),
        F::SetDataHome => "set `XDG_DATA_HOME`".into(),
        F::KeyringUnavailable => format!(
            "on a desktop, unlock your keyring; headless, choose explicitly: `cx2fa auth login --store file` (a 0600 file) or environment variables (`{}`/`{}`)",
            env::USERNAME,
            env::PASSWORD
        ),
        F::StoreCredentialsAgain => "run `cx2fa auth login` again".into(),
        F::CredentialsFilePermissions { path } => format!(
            "run `chmod 600 {}`, or `cx2fa auth login` again",
            path.display()
        ),
        F::BaseUrlForm => "pass e.g. `--url https://tenant1.example.com`".into(),
        F::KnownFilters => {
            "use unregistered, stale, shared-contact or channel=EMAIL|SMS|APP|RSA".into()
        }
        F::SetStateHome => "set `XDG_STATE_HOME`".into(),
        F::BackupDirectory => {
            "nothing was written to the tenant; fix the directory or set `XDG_STATE_HOME`".into()
        }
        F::NothingWritten => "nothing was written to the tenant".into(),
        F::BackupNameNotPath => "`cx2fa tenant backups` lists the names; to restore from a file, pass `--file PATH`".into(),
        F::ListBackups => {
            "`cx2fa tenant backups` lists them; to restore from a file, pass `--file PATH`".into()
        }
        F::CheckUsername => {
            "check the spelling; `cx2fa user status` lists the realm's users".into()
        }
        F::DidYouMeanTenant(c) => {
            format!("did you mean `{c}`? (`cx2fa tenant list` shows them all)")
        }
        F::KnownTenants(ids) => format!(
            "known tenants: {}",
            if ids.is_empty() {
                "none".into()
            } else {
                ids.join(", ")
            }
        ),
        F::Status(status) => status_hint(*status),
        F::NotTheApi => "the address may point at a proxy or a different service, not the deployment's API; check `--url` and run with `--debug`".into(),
        F::RedirectRefused => "cx2fa never follows redirects; if the new address is right, use it (e.g. `--url https://…`)".into(),
        F::PemCertificate => {
            "pass the deployment's CA certificate (`-----BEGIN CERTIFICATE-----`)".into()
        }
        F::Timeout => {
            "the server took the connection but did not answer: check that the URL is the deployment's and that the service is up (`cx2fa doctor`); `--timeout SECS` waits longer".into()
        }
        F::ComeBackLater { seconds } => format!(
            "the server is limiting requests: run again in {} (a bulk run continues with `--resume REPORT`)",
            if *seconds >= 120 { format!("{} min", seconds.div_ceil(60)) } else { format!("{seconds} s") }
        ),
        F::DeadlineReached => "continue with `--resume REPORT` (rows not started are not in the report)".into(),
        F::ServerFailing => "check the deployment (`cx2fa doctor`), then continue with `--resume REPORT` (failed rows and rows not started are done again)".into(),
        F::TenantRealm { tenant } => format!(
            "set the tenant's own realm in `tenantSettings.keyCloak.realm` (`cx2fa tenant show -t {tenant}` shows it)"
        ),
        F::SharedRealm { realm } => format!(
            "work the realm once: pass one of the tenants sharing `{realm}` with `-t`, or give each tenant a realm of its own"
        ),
        F::TrustCa => {
            "pass the deployment's CA with `--ca-cert FILE` (or `ca_cert` in the profile)".into()
        }
        F::Unreachable => "check `--url` and that the service is running; in-cluster URLs need a port-forward and an override".into(),
        F::ConnectionBroke => {
            "retry; if it persists, check proxies between you and the deployment".into()
        }
        F::MailboxUrlForm => "use `imaps://user@host[:port]/INBOX`".into(),
        F::MailboxPasswordInEnv => format!("put it in `{}`", env::IMAP_PASSWORD),
        F::MailboxTimeout => {
            "check the server of `--otp-from-imap`, or raise `--timeout`".into()
        }
        F::MailboxAddress => "check the host and port of `--otp-from-imap`".into(),
        F::MailboxTrustCa => {
            "the server's certificate is not trusted: pass its CA with `--ca-cert`".into()
        }
        F::MailboxPassword => format!("check `{}`", env::IMAP_PASSWORD),
        F::MailboxDelivery => "check that the OTP channel delivers to this mailbox".into(),
        F::JsonDocument => "pass a JSON document: a tenant document or an update payload".into(),
        F::JsonSyntax => "fix the JSON syntax at that position; `//` comments and non-breaking spaces are accepted".into(),
        F::TypographicQuotes => "the text has typographic quotes (“ ” ‘ ’), as a word processor or chat makes them: replace them with straight quotes \"".into(),
        F::Fragment(key) if key == "tenantSettings" => "this is a fragment: put it inside braces, `{ \"tenantSettings\": { ... } }`".into(),
        F::Fragment(key) if key == "Otp_Manager_Url" => "this is a fragment: `Otp_Manager_Url` belongs inside `tenantSettings.keyCloak`: `{ \"tenantSettings\": { \"keyCloak\": { \"Otp_Manager_Url\": ... } } }`".into(),
        F::Fragment(key) => format!("this is a fragment: `{key}` belongs inside `tenantSettings`: `{{ \"tenantSettings\": {{ \"{key}\": ... }} }}`"),
        F::ChannelIdentifier => {
            "pass `--identifier <sender address or number>`; `cx2fa channel list` shows them"
                .into()
        }
        F::ResumeFromReport => {
            "pass the NDJSON file an earlier `user reset --report` wrote".into()
        }
        F::ResumeMatchingTenant => {
            "resume with the report of this tenant, or pass the matching `-t`".into()
        }
        F::RenewAndResume => "renew the credentials, then finish the rest with `--resume REPORT` (pass `--report FILE` to keep one)".into(),
        F::PlanAgain => "run the command again to plan against the current document".into(),
        F::CheckTenant { backup } => format!(
            "check with `cx2fa tenant show`; the document before the change is in `{}`",
            backup.display()
        ),
        F::Retry => "retry the command".into(),
        F::RestoreBackup { backup } => format!(
            "inspect with `cx2fa tenant show`; restore with `cx2fa tenant restore {}`",
            backup.display()
        ),
        F::ServerRewrites { backup } => format!(
            "the server may merge or rewrite documents; the previous document is in `{}`",
            backup.display()
        ),
        F::CheckUserProfile => "a Keycloak 24+ user profile may be ignoring these attributes: `cx2fa doctor` checks the realm's user profile".into(),
        F::SeePolicy { tenant } => {
            format!("`cx2fa policy show -t {tenant}` shows what is missing")
        }
        F::ResetUser => "reset the user with `cx2fa user reset`".into(),
        F::UsernameColumn => "name the column of usernames `username` (any case), or give one name per line".into(),
        F::ContactForm(ChannelTypeHint::Email) => {
            "enter an email address such as name@example.com".into()
        }
        F::ContactForm(ChannelTypeHint::Phone) => {
            "enter 7 to 15 digits, no `+`, spaces or dashes (the platform's rule), e.g. 15550100222".into()
        }
        F::ReachOtpManager => "the OTP manager is usually in-cluster: port-forward it and pass `--otp-manager-url http://localhost:PORT/`".into(),
        F::RsaOverPlainHttp => "give the RSA server an https address in `keyCloak.RSA_Server_URL`, or reach it through a port-forward (`--rsa-url http://localhost:<port>/`); to send over plain http anyway, pass `--allow-plain-http-rsa`".into(),
        F::CheckRsaServer => "the RSA server did not decide on the passcode: check `keyCloak.RSA_Server_URL` (or `--rsa-url`), the client key and the server".into(),
        F::DeclareEnrolmentAttributes { realm } => format!(
            "declare them in the realm's user profile with admin view and edit (admin console: Realm settings → User profile → Create attribute, permissions \"Who can view/edit: admin\"), or let admins edit unmanaged attributes (Realm settings → General → Unmanaged attributes: \"Admin can edit\"; API: `PUT /admin/realms/{realm}/users/profile` with `\"unmanagedAttributePolicy\": \"ADMIN_EDIT\"` added to the current configuration)"
        ),
        F::CompleteSettings => {
            "fix the input, or pass the missing setting (e.g. `--set-otp-manager-url`)".into()
        }
        F::CreateChannel => "create the channel first (`cx2fa channel list` shows them), or pass `--skip-channel-check`".into(),
        F::FixKeycloakObject => "fix the tenant document first (`cx2fa tenant show`); cx2fa never writes a partial keyCloak object".into(),
        F::TenantNeedsKeycloak => "the tenant must have been created with its Keycloak settings; see `cx2fa tenant show`".into(),
        F::TenantNeedsSettings => {
            "the tenant document is not one the tenant API keeps; see `cx2fa tenant show`".into()
        }
    }
}

/// The pipeline that resets a tenant's users holding a stale policy copy, quoted.
pub fn reset_stale(tenant: &str) -> String {
    format!("`cx2fa user status -t {tenant} --filter stale -o json | cx2fa user reset -t {tenant} --from - --yes`")
}

/// Why a `--resume` report was refused, naming the flag and the file.
pub fn resume_error(e: &cx2fa_core::bulk::ResumeError) -> String {
    use cx2fa_core::bulk::ResumeProblem as P;
    let file = &e.file;
    match &e.problem {
        P::Unreadable(why) => format!("`--resume {file}`: {why}"),
        P::NotARow { line } => {
            format!("`--resume {file}`: line {line} is not a row of a `user reset` report")
        }
        P::Unscoped { line, what } => format!(
            "`--resume {file}`: line {line} names no {what}, so it cannot be told to be of this run"
        ),
        P::OtherScope { what, theirs, ours } => format!(
            "`--resume {file}` is a report of {what} `{theirs}`; this run is for {what} `{ours}`"
        ),
    }
}

/// A warning before a 2FA change is written, worded for this command line.
pub fn policy_warning(w: &cx2fa_core::policy::Warning) -> String {
    use cx2fa_core::policy::Warning as W;
    match w {
        W::ChannelCheckSkipped(m) => format!("channel check skipped: {m}"),
        W::ChannelTypeUnverified(m) => m.clone(),
        W::UsersUnknown(m) => format!("cannot tell which users this change affects: {m}"),
        W::DisablingAffects { users, registered, realm } => format!("disabling 2FA affects {users} user(s) of realm `{realm}` ({registered} registered): they will log in with a password only"),
        W::StaleCopies { users, tenant } => format!("{users} enrolled user(s) will hold a policy copy that differs from the new policy and may fail OTP verification; reset them with {}", reset_stale(tenant)),
        W::AdminNotEnrolled { username, tenant } => format!("the tenant admin `{username}` is not enrolled in 2FA: enabling it may lock them out until they register; try `cx2fa simulate-login -t {tenant} --user {username}` first"),
    }
}

/// What an HTTP status asks of the user.
fn status_hint(status: u16) -> String {
    match status {
        401 => format!(
            "the token is missing, expired or the credentials are wrong; check `{}`/`{}` or run `cx2fa auth login`",
            env::USERNAME,
            env::PASSWORD
        ),
        403 => "the account is not allowed to do this; use a master-realm admin".into(),
        404 => "check the name and `--url`; a proxy answering 404 usually means a wrong path prefix".into(),
        409 => "it already exists or was changed concurrently; re-read and try again".into(),
        429 => "the server is rate-limiting; wait and retry later".into(),
        500..=599 => "the server failed; retry later, and check the service's logs".into(),
        _ => "the server refused the request; the message above says why".into(),
    }
}

/// The flag a CA certificate's source is given by (its profile key and environment variable
/// set the same value).
fn certificate_flag(from: &CertificateSource) -> &'static str {
    match from {
        CertificateSource::File(_) => "--ca-cert",
    }
}

/// A CA certificate's error worded for this command line: core names the file alone; here it
/// is named with its flag (message, hint).
pub fn ca_error(e: &CaError, message: String, fix: Option<&Fix>) -> (String, Option<String>) {
    let from = e.source_of_certificate();
    let flag = certificate_flag(from);
    match e {
        CaError::Refused { problem, .. } => (format!("`{flag} {from}` {problem}"), fix.map(hint)),
        CaError::Unreadable { refusal, .. } => input_error(refusal),
        CaError::NotACertificate { .. } => (message, fix.map(hint)),
    }
}

/// The flag (or other words) an input is given by; `None` for a positional path.
fn input_flag(from: &InputSource) -> Option<&str> {
    match from {
        InputSource::Path => None,
        InputSource::Backup | InputSource::ProbeFile => Some("--file"),
        InputSource::CaCertificate => Some(certificate_flag(&CertificateSource::File(
            Default::default(),
        ))),
        InputSource::Named(name) => Some(name),
    }
}

/// A refused input worded for this command line: named with its flag (message, hint).
pub fn input_error(e: &InputError) -> (String, Option<String>) {
    let (name, flag) = (&e.name, input_flag(&e.input));
    let message = match flag {
        Some(flag) => format!("`{flag} {name}`: {}", e.problem),
        None => format!("`{name}`: {}", e.problem),
    };
    let hint = match (&e.problem, flag) {
        (InputProblem::Directory, Some(flag)) => {
            Some(format!("pass a file to `{flag}`, not a directory"))
        }
        (InputProblem::NamedPipe, Some(flag)) => Some(format!(
            "to stream from it, redirect it yourself: `{flag} - < {name}`"
        )),
        _ => e.fix().as_ref().map(hint),
    };
    (message, hint)
}

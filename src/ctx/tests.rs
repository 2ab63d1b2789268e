//! The precedence of flags, environment, profile and defaults, as pure functions.

use super::*;
use cx2fa_core::auth::profile::Profile;
use std::path::PathBuf;
use std::time::Duration;

fn settings(profile_username: Option<&str>, profile_client: Option<&str>) -> RunSettings {
    RunSettings::resolve(
        &Global::default(),
        Profile {
            username: profile_username.map(Into::into),
            client_id: profile_client.map(Into::into),
            ..Profile::default()
        },
    )
}

fn principal(l: &Login) -> String {
    match l {
        Login::Environment(Credentials::Password { username, .. }) => {
            format!("password {username}")
        }
        Login::Environment(Credentials::Client { id, .. }) => format!("client {id}"),
        Login::Environment(Credentials::Token(_)) => "token".into(),
        Login::PasswordStdin { username } => format!("stdin {username:?}"),
        Login::Stored {
            env_username,
            profile_username,
        } => format!("stored {env_username:?} {profile_username:?}"),
    }
}

#[test]
fn a_profile_username_with_an_environment_password_logs_in_from_the_environment() {
    // The case `auth status` used to call "none" while sessions used the environment.
    let env = Env::from_pairs([(var::PASSWORD, "pw")]);
    let l = Login::resolve(&env, false, &settings(Some("admin"), None));
    assert_eq!(principal(&l), "password admin");
}

#[test]
fn the_environment_username_beats_the_profile_one() {
    let env = Env::from_pairs([(var::USERNAME, "env-admin"), (var::PASSWORD, "pw")]);
    let l = Login::resolve(&env, false, &settings(Some("admin"), None));
    assert_eq!(principal(&l), "password env-admin");
}

#[test]
fn password_stdin_beats_the_environment() {
    let env = Env::from_pairs([
        (var::USERNAME, "u"),
        (var::PASSWORD, "pw"),
        (var::TOKEN, "t"),
    ]);
    let l = Login::resolve(&env, true, &settings(None, None));
    assert_eq!(principal(&l), r#"stdin Some("u")"#);
    let l = Login::resolve(&Env::default(), true, &settings(None, None));
    assert_eq!(principal(&l), "stdin None");
}

#[test]
fn a_password_beats_a_client_secret_which_beats_a_token() {
    let all = [
        (var::USERNAME, "u"),
        (var::PASSWORD, "pw"),
        (var::CLIENT_ID, "ci"),
        (var::CLIENT_SECRET, "cs"),
        (var::TOKEN, "t"),
    ];
    let s = settings(None, None);
    assert_eq!(
        principal(&Login::resolve(&Env::from_pairs(all), false, &s)),
        "password u"
    );
    let l = Login::resolve(&Env::from_pairs(all[2..].iter().copied()), false, &s);
    assert_eq!(principal(&l), "client ci");
    let l = Login::resolve(&Env::from_pairs(all[4..].iter().copied()), false, &s);
    assert_eq!(principal(&l), "token");
}

#[test]
fn a_profile_client_id_takes_the_environment_secret() {
    let env = Env::from_pairs([(var::CLIENT_SECRET, "cs")]);
    let l = Login::resolve(&env, false, &settings(None, Some("cx2fa-ci")));
    assert_eq!(principal(&l), "client cx2fa-ci");
}

#[test]
fn a_name_without_a_secret_or_an_empty_secret_falls_to_the_store() {
    let env = Env::from_pairs([(var::USERNAME, "u"), (var::PASSWORD, "")]);
    let l = Login::resolve(&env, false, &settings(Some("p"), None));
    assert_eq!(principal(&l), r#"stored Some("u") Some("p")"#);
}

#[test]
fn the_login_username_is_flag_then_environment_then_profile() {
    let env = Env::from_pairs([(var::USERNAME, "env")]);
    let s = settings(Some("profile"), None);
    assert_eq!(
        login_username(Some("flag".into()), &env, &s).as_deref(),
        Some("flag")
    );
    assert_eq!(login_username(None, &env, &s).as_deref(), Some("env"));
    assert_eq!(
        login_username(None, &Env::default(), &s).as_deref(),
        Some("profile")
    );
    assert_eq!(
        login_username(None, &Env::default(), &settings(None, None)),
        None
    );
}

#[test]
fn a_flag_beats_the_profile_which_beats_the_default() {
    let p = Profile {
        url: Some("https://profile/".into()),
        tenant: Some("profile-tenant".into()),
        insecure: Some(true),
        timeout: Some(5),
        concurrency: Some(8),
        ..Profile::default()
    };
    let s = RunSettings::resolve(&Global::default(), p.clone());
    assert_eq!(s.url.as_deref(), Some("https://profile/"));
    assert_eq!(s.tenants, ["profile-tenant"]);
    assert!(s.insecure);
    assert_eq!(s.timeout, Duration::from_secs(5));
    assert_eq!(s.concurrency, 8);
    let g = Global {
        url: Some("https://flag/".into()),
        tenants: vec![" a ".into(), "a".into(), "".into(), "b".into()],
        insecure: Some(false),
        timeout: Some(0),
        concurrency: Some(1024),
        ..Global::default()
    };
    let s = RunSettings::resolve(&g, p);
    assert_eq!(s.url.as_deref(), Some("https://flag/"));
    assert_eq!(
        s.tenants,
        ["a", "b"],
        "trimmed, empty dropped, deduplicated"
    );
    assert!(!s.insecure, "`--insecure=false` beats the profile's yes");
    assert_eq!(s.timeout, Duration::from_secs(1), "at least a second");
    assert_eq!(s.concurrency, 1024);
    let s = RunSettings::resolve(&Global::default(), Profile::default());
    assert_eq!(s.timeout, Duration::from_secs(30));
    assert_eq!(s.concurrency, DEFAULT_CONCURRENCY);
    assert!(!s.insecure);
    assert!(s.url.is_none() && s.tenants.is_empty());
}

#[test]
fn xdg_directories_come_from_the_environment_given() {
    let env = Env::from_pairs([
        ("XDG_CONFIG_HOME", "/x/config"),
        ("XDG_DATA_HOME", "/x/data"),
        ("XDG_STATE_HOME", "/x/state"),
    ]);
    let d = Dirs::from(&env);
    assert_eq!(
        d.config_file(),
        Some(PathBuf::from("/x/config/cx2fa/config.toml"))
    );
    assert_eq!(
        d.credentials(),
        Some(PathBuf::from("/x/data/cx2fa/credentials"))
    );
    assert_eq!(d.backups(), Some(PathBuf::from("/x/state/cx2fa/backups")));
}

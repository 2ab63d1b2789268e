//! Shell completion of values only the deployment or this machine knows: tenant ids (`-t`),
//! usernames (`user status`, `user reset`) and backups (`tenant restore`).
//!
//! The shell calls `COMPLETE=<shell> cx2fa -- <words>` at each Tab (clap_complete's dynamic
//! engine; `cx2fa completions SHELL` prints the registration). A completer never prompts,
//! never prints, and gives up after [`BUDGET`]: a Tab that hangs is worse than no candidate.
//! It uses the same credentials as the command would (environment, keyring or credentials
//! file of the profile named on the line), so it reaches only the deployment they belong to.

use crate::cli::Global;
use crate::commands::Ctx;
use clap_complete::engine::CompletionCandidate;
use std::ffi::{OsStr, OsString};
use std::time::Duration;

/// The longest a Tab may wait for the deployment.
const BUDGET: Duration = Duration::from_secs(3);

/// Tenant ids of the deployment (`tenant list`).
pub fn tenants(current: &OsStr) -> Vec<CompletionCandidate> {
    let prefix = current.to_string_lossy().into_owned();
    ask(|ctx| async move {
        let s = ctx.session().await.ok()?;
        let tenants = cx2fa_core::api::tenant::Tenants::new(&s)
            .list()
            .await
            .ok()?;
        Some(
            tenants
                .iter()
                .filter(|t| t.id().starts_with(&prefix))
                .map(|t| CompletionCandidate::new(t.id()).help(Some(t.name().to_string().into())))
                .collect(),
        )
    })
}

/// Usernames of the tenant named on the line (or by `CX2FA_TENANT`, the profile).
pub fn users(current: &OsStr) -> Vec<CompletionCandidate> {
    let prefix = current.to_string_lossy().into_owned();
    ask(|ctx| async move {
        let s = ctx.session().await.ok()?;
        let t = ctx.tenant(&s).await.ok()?;
        let users = cx2fa_core::api::keycloak::Users::new(&s, t.realm());
        let names = users.usernames_starting(&prefix, 50).await.ok()?;
        Some(names.into_iter().map(CompletionCandidate::new).collect())
    })
}

/// Backups in the local backup directory, of the tenant named on the line if any.
pub fn backups(current: &OsStr) -> Vec<CompletionCandidate> {
    let prefix = current.to_string_lossy();
    // Only a tenant written on the line narrows the list: the backup names its own tenant,
    // and `CX2FA_TENANT` is just the usual default.
    let g = global_from_words(&line_words());
    let tenant = g.tenants.first().map(String::as_str);
    let dirs = cx2fa_core::paths::Dirs::from(&crate::ctx::Env::from_process());
    cx2fa_core::backup::use_dir(dirs.backups());
    cx2fa_core::backup::list(tenant)
        .unwrap_or_default()
        .into_iter()
        .filter(|b| b.name.starts_with(prefix.as_ref()))
        .map(|b| {
            let help = format!("{} taken {}", b.tenant, b.taken);
            CompletionCandidate::new(b.name).help(Some(help.into()))
        })
        .collect()
}

/// Runs `f` with a non-interactive context built from the line being completed, within
/// [`BUDGET`]; nothing on failure.
fn ask<F, Fut>(f: F) -> Vec<CompletionCandidate>
where
    F: FnOnce(Ctx) -> Fut,
    Fut: std::future::Future<Output = Option<Vec<CompletionCandidate>>>,
{
    let Ok(ctx) = Ctx::new(global_from_line()) else {
        return vec![];
    };
    let Ok(rt) = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    else {
        return vec![];
    };
    let out = rt.block_on(async { tokio::time::timeout(BUDGET, f(ctx)).await });
    rt.shutdown_background();
    out.ok().flatten().unwrap_or_default()
}

/// The global options written on the line being completed (the words after `--`), so that a
/// Tab after `--profile staging -t acme` asks staging about acme; what the line does not say
/// comes from the environment, as for the command itself. Quiet, no prompts.
fn global_from_line() -> Global {
    use cx2fa_core::env as var;
    let mut g = global_from_words(&line_words());
    let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    g.profile = g.profile.or_else(|| env(var::PROFILE));
    g.url = g.url.or_else(|| env(var::URL));
    g.keycloak_url = g.keycloak_url.or_else(|| env(var::KEYCLOAK_URL));
    g.ca_cert = g.ca_cert.or_else(|| env(var::CA_CERT).map(Into::into));
    if g.tenants.is_empty() {
        g.tenants = env(var::TENANT)
            .map(|t| t.split(',').map(str::to_string).collect())
            .unwrap_or_default();
    }
    // `--insecure` is not read from the line: a Tab never turns certificate checks off.
    g.insecure = env(var::INSECURE).map(|v| matches!(v.as_str(), "1" | "true" | "yes" | "on"));
    g
}

/// The words of the line being completed: the shell passes them after `--`.
fn line_words() -> Vec<OsString> {
    std::env::args_os()
        .skip_while(|a| a != "--")
        .skip(1)
        .collect()
}

fn global_from_words(words: &[OsString]) -> Global {
    let mut g = Global {
        no_input: true,
        quiet: true,
        timeout: Some(BUDGET.as_secs()),
        ..Global::default()
    };
    let words: Vec<String> = words
        .iter()
        .map(|w| w.to_string_lossy().into_owned())
        .collect();
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        let (flag, inline) = match w.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (w.clone(), None),
        };
        let takes = [
            "--profile",
            "--url",
            "-t",
            "--tenant",
            "--keycloak-url",
            "--ca-cert",
        ];
        if takes.contains(&flag.as_str()) {
            let value = match inline {
                Some(v) => Some(v),
                None => {
                    i += 1;
                    words.get(i).cloned()
                }
            };
            if let Some(v) = value {
                match flag.as_str() {
                    "--profile" => g.profile = Some(v),
                    "--url" => g.url = Some(v),
                    "-t" | "--tenant" => g.tenants.extend(v.split(',').map(str::to_string)),
                    "--keycloak-url" => g.keycloak_url = Some(v),
                    _ => g.ca_cert = Some(v.into()),
                }
            }
        } else if let Some(v) = w
            .strip_prefix("-t")
            .filter(|v| !v.is_empty() && !w.starts_with("--"))
        {
            g.tenants.push(v.to_string());
        }
        i += 1;
    }
    // The word being completed is not a tenant yet.
    if g.tenants.last().is_some_and(|t| t.is_empty()) {
        g.tenants.pop();
    }
    g
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<OsString> {
        s.split(' ').map(OsString::from).collect()
    }

    #[test]
    fn globals_are_read_from_the_line_in_every_spelling() {
        let g = global_from_words(&words(
            "cx2fa --profile=staging user status -t acme --url https://x.example ag",
        ));
        assert_eq!(g.profile.as_deref(), Some("staging"));
        assert_eq!(g.tenants, ["acme"]);
        assert_eq!(g.url.as_deref(), Some("https://x.example"));
        assert!(g.no_input && g.quiet);
        let g = global_from_words(&words("cx2fa user reset -tacme --tenant=b,c x"));
        assert_eq!(g.tenants, ["acme", "b", "c"]);
        // `-t` with its value still being typed names no tenant.
        let g = global_from_words(&words("cx2fa user status -t"));
        assert!(g.tenants.is_empty());
    }
}

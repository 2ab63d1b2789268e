//! `cx2fa user reset`: remove users' 2FA enrolment so they register again at next login
//! (`cx2fa_core::bulk::reset`; with `--filter`, `fleet_reset`).

use super::report::{reset_outcome, ResetReport};
use super::ui::ResetUi;
use crate::commands::Ctx;
use crate::error::CommandError;
use clap::Args;
use cx2fa_core::api::keycloak::Users;
use cx2fa_core::bulk::{self, Names};
use cx2fa_core::error::Error as CoreError;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct ResetArgs {
    /// Users to reset
    #[arg(conflicts_with = "from", add = clap_complete::engine::ArgValueCompleter::new(crate::complete::users))]
    pub usernames: Vec<String>,
    /// Read users from a file (`-` = stdin): CSV with a `username` column, one name per line, or `user status -o json`
    #[arg(long, value_name = "FILE")]
    pub from: Option<String>,
    /// Write one NDJSON line per row here
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
    /// Skip rows finished in this earlier report (and append to it unless `--report` says otherwise)
    #[arg(long, value_name = "REPORT")]
    pub resume: Option<PathBuf>,
    /// Also end the users' sessions
    #[arg(long)]
    pub revoke_sessions: bool,
    /// Show what would be removed; write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Succeed when `--from` lists no users (by default an empty list is an error, exit 2)
    #[arg(long, requires = "from")]
    pub allow_empty: bool,
    /// Reset the users that match: `unregistered`, `stale`, `shared-contact`, `channel=SMS`
    /// (repeatable: all must hold), found by scanning the realm
    #[arg(long, value_name = "FILTER", conflicts_with_all = ["usernames", "from", "resume"])]
    pub filter: Vec<String>,
    /// With `--filter`: every tenant of the deployment (several `-t` work too); one report,
    /// each row naming its tenant
    #[arg(long, requires = "filter")]
    pub all_tenants: bool,
    /// Stop starting rows after this many seconds (counted from the first row); the report
    /// holds what was done, `--resume` continues
    #[arg(long, value_name = "SECS")]
    pub max_time: Option<u64>,
}

pub async fn reset(ctx: &Ctx, a: ResetArgs) -> Result<(), CommandError> {
    // From the first request on: a Ctrl-C while the names are read or the session is made
    // ends the run as cleanly as one during the rows.
    let _interrupt = ctx.interruptible();
    if !a.filter.is_empty() {
        return super::fleet_reset::reset(ctx, a).await;
    }
    if a.usernames.is_empty() && a.from.is_none() {
        return Err(CommandError::usage("no users given")
            .with_hint("pass usernames, `--from FILE` (`-` for stdin), or `--filter stale`"));
    }
    check_report_files(&a)?;
    let (names, total) = names(&a)?;
    let s = ctx.session().await?;
    let t = ctx.tenant_for_users(&s).await?;
    let users = Users::new(&s, t.realm());
    let few = a.from.is_none();
    // A dry run always shows its table: it is the answer to "what would this do?".
    let mut ui = ResetUi::new(ctx, s.http.limiter(), few || a.dry_run, a.revoke_sessions);
    ui.who = who(&a, total);
    ui.resume = a.resume.clone();
    let report = a.report.clone().or_else(|| a.resume.clone());
    let opts = bulk::ResetOptions {
        scope: bulk::Scope {
            tenant: t.id().into(),
            realm: t.realm().into(),
        },
        names,
        total,
        resume: a.resume.as_deref().map(open_resume).transpose()?,
        preview: if few && !ctx.g.yes {
            a.usernames.clone()
        } else {
            vec![]
        },
        report: report.clone(),
        rows: row_options(ctx, a.dry_run, a.revoke_sessions, a.max_time),
    };
    let result = bulk::reset(&users, opts, &ui).await;
    let rows = ui.finish();
    let (summary, failed) = result?;
    if summary.rows == 0 && summary.resumed == 0 && !summary.interrupted && !a.allow_empty {
        return Err(no_names(a.from.as_deref().unwrap_or("-")));
    }
    let nothing = summary.already_clean == summary.rows && summary.rows > 0;
    let outcome = reset_outcome(&summary, few, t.realm(), report.as_deref());
    ctx.out.data(&ResetReport {
        summary,
        tenant_errors: vec![],
        failed,
        rows,
    })?;
    outcome?;
    if nothing && !ctx.out.is_json() {
        ctx.out.status("nothing to reset");
    }
    Ok(())
}

/// How the rows are worked: the flags every reset shares.
pub(super) fn row_options(
    ctx: &Ctx,
    dry_run: bool,
    revoke: bool,
    max_time: Option<u64>,
) -> bulk::RowOptions {
    bulk::RowOptions {
        // The limiter in the HTTP layer decides how many of the rows' calls go out together.
        at_once: ctx.rows_at_once(),
        dry_run,
        revoke,
        stop: ctx.cancel.clone(),
        max_time: max_time.map(std::time::Duration::from_secs),
    }
}

/// Who the confirmation names.
fn who(a: &ResetArgs, total: Option<u64>) -> String {
    match (&a.from, total) {
        (Some(f), Some(n)) if f != "-" => format!("the {n} user(s) listed in `{f}`"),
        (Some(f), _) if f == "-" => "every user read from stdin".to_string(),
        (Some(f), _) => format!("every user listed in `{f}`"),
        (None, _) => a.usernames.join(", "),
    }
}

/// The `--resume` report, open, with its name.
fn open_resume(
    r: &std::path::Path,
) -> Result<(Box<dyn std::io::Read + Send>, String), CommandError> {
    let name = r.display().to_string();
    let (reader, _) = cx2fa_core::input::open(&name, "--resume")?;
    Ok((reader, name))
}

/// The names to reset: given on the command line, or `--from`.
fn names(a: &ResetArgs) -> Result<(Names, Option<u64>), CommandError> {
    Ok(match &a.from {
        Some(f) => names_from(f)?,
        None => (
            Box::new(a.usernames.clone().into_iter().map(Ok)),
            Some(a.usernames.len() as u64),
        ),
    })
}

/// The names of `--from`, checked before anything is written. A regular file is read once
/// here, so that a bad line, an over-long line or an empty file is refused before the first
/// reset, and so that the progress bar knows the total. A pipe is streamed: it can be read once.
fn names_from(f: &str) -> Result<(Names, Option<u64>), CommandError> {
    // Every input error names where the names came from.
    let named = |e: CoreError| CoreError {
        message: format!("`--from {f}`: {}", e.message),
        ..e
    };
    let read = || -> Result<(Names, cx2fa_core::input::Shape), CommandError> {
        let (r, shape) = cx2fa_core::input::open(f, "--from")?;
        let names = bulk::read_names(r).map_err(named)?;
        let f = f.to_string();
        let names = names.map(move |r| {
            r.map_err(|e| CoreError {
                message: format!("`--from {f}`: {}", e.message),
                ..e
            })
        });
        Ok((Box::new(names), shape))
    };
    let (names, shape) = read()?;
    if shape != cx2fa_core::input::Shape::File {
        return Ok((names, None));
    }
    let mut n = 0u64;
    for name in names {
        name?;
        n += 1;
    }
    if n == 0 {
        return Err(no_names(f));
    }
    Ok((read()?.0, Some(n)))
}

/// A bulk run with nothing to do looks like success to a script; it is a usage error unless
/// the caller said an empty list is expected.
fn no_names(from: &str) -> CommandError {
    let src = if from == "-" {
        "standard input".to_string()
    } else {
        format!("`{from}`")
    };
    CommandError::usage(format!("{src} held no user names; nothing was reset")).with_hint(
        "check the command that produced the list; pass `--allow-empty` when an empty list is expected (e.g. `user status --filter stale` found none)",
    )
}

/// Everything about the input and report files is checked before the first request.
fn check_report_files(a: &ResetArgs) -> Result<(), CommandError> {
    if let Some(p) = &a.report {
        cx2fa_core::input::check_output(p, "--report")?;
    }
    if let (Some(r), None) = (&a.resume, &a.report) {
        // Without `--report` the run appends to the resume file: only a regular file will do.
        let name = r.display().to_string();
        if cx2fa_core::input::shape(&name, "--resume")? != cx2fa_core::input::Shape::File {
            return Err(CommandError::usage(format!(
                "`--resume {name}` is not a regular file, and the run would append its rows to it"
            ))
            .with_hint("pass `--report FILE` for this run's rows"));
        }
    }
    Ok(())
}

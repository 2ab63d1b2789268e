//! `cx2fa user status|reset`.

pub(crate) mod fleet;

use super::Ctx;
use crate::error::{Error, Kind};
use crate::output::{kv_table, Printer, Report};
use clap::{Args, Subcommand};
use cx2fa_core::api::keycloak::Users;
use cx2fa_core::bulk::{self, Outcome, Row, Summary};
use cx2fa_core::enrolment::{self, Posture, Status};
use cx2fa_core::error::Error as CoreError;
use cx2fa_core::user_profile;
use serde::Serialize;
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum UserCmd {
    /// One user's enrolment, or every user's with a posture summary
    ///
    /// Examples:
    ///   cx2fa user status -t expertflow agent.email
    ///   cx2fa user status -t expertflow --filter stale -o json
    ///   cx2fa user status -t expertflow -o csv > users.csv
    #[command(verbatim_doc_comment)]
    Status(StatusArgs),
    /// Remove users' 2FA enrolment so they register again at next login
    ///
    /// Examples:
    ///   cx2fa user reset -t expertflow agent.stale
    ///   cx2fa user reset -t expertflow --from users.csv --report reset.ndjson --yes
    ///   cx2fa user status -t expertflow --filter stale -o json | cx2fa user reset -t expertflow --from - --yes --allow-empty
    #[command(verbatim_doc_comment)]
    Reset(ResetArgs),
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// One user; without it, every user of the tenant's realm
    #[arg(add = clap_complete::engine::ArgValueCompleter::new(crate::complete::users))]
    pub username: Option<String>,
    /// `unregistered`, `stale`, `shared-contact`, `channel=SMS` (repeatable: all must hold)
    #[arg(long, value_name = "FILTER")]
    pub filter: Vec<String>,
    /// One posture row per tenant of the deployment, with a total (several `-t` work too)
    #[arg(long, conflicts_with_all = ["username", "filter"])]
    pub all_tenants: bool,
}

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

#[derive(Debug, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct UserList {
    pub tenant: String,
    pub realm: String,
    pub posture: Posture,
    pub users: Vec<Status>,
}

fn yn(b: bool) -> String {
    if b {
        "yes".into()
    } else {
        "no".into()
    }
}

impl Report for UserList {
    fn render(&self, out: &Printer) -> String {
        let mut t = out.table(&[
            "username",
            "channel",
            "registered",
            "contact",
            "stale",
            "shared",
        ]);
        for u in &self.users {
            t.add_row(vec![
                u.username.clone(),
                u.channel.clone().unwrap_or_else(|| "-".into()),
                yn(u.registered),
                u.contact.clone().unwrap_or_default(),
                if u.bypass {
                    "BYPASS: any code passes".to_string()
                } else if u.stale {
                    u.stale_fields.join(", ")
                } else {
                    String::new()
                },
                if u.shared_with > 1 {
                    format!("with {}", u.shared_with_users.join(", "))
                } else {
                    String::new()
                },
            ]);
        }
        let p = &self.posture;
        let mut s = t.to_string();
        let mut c = out.table(&["channel", "registered", "not registered"]);
        for (ch, (r, n)) in &p.by_channel {
            c.add_row(vec![ch.clone(), r.to_string(), n.to_string()]);
        }
        s.push_str(&format!("\n\nrealm `{}`: {} users; {} not enrolled; {} stale policy copies; {} sharing a contact point\n{}", self.realm, p.users, p.unenrolled, p.stale, p.shared_contacts, c));
        s
    }
    fn csv(&self) -> Option<Vec<Vec<String>>> {
        let mut rows = vec![[
            "username",
            "channel",
            "registered",
            "contact",
            "stale",
            "staleFields",
            "sharedWith",
        ]
        .map(String::from)
        .to_vec()];
        for u in &self.users {
            rows.push(vec![
                u.username.clone(),
                u.channel.clone().unwrap_or_default(),
                u.registered.to_string(),
                u.contact.clone().unwrap_or_default(),
                u.stale.to_string(),
                u.stale_fields.join(" "),
                u.shared_with.to_string(),
            ]);
        }
        Some(rows)
    }
}

impl Report for Status {
    fn render(&self, out: &Printer) -> String {
        let copy = self
            .policy_copy
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join(", ");
        kv_table(
            out,
            &[
                ("username", self.username.clone()),
                (
                    "channel",
                    self.channel
                        .clone()
                        .unwrap_or_else(|| "(not enrolled)".into()),
                ),
                ("registered", yn(self.registered)),
                ("contact", self.contact.clone().unwrap_or_default()),
                ("policy copy", copy),
                (
                    "stale",
                    if self.bypass {
                        "BYPASS: registered with a twoFAChannel not in upper case; the platform's login (connector 1.9.3) accepts any code; reset the user".into()
                    } else if self.stale {
                        format!(
                            "yes: {} differ from the tenant's policy; the next login fails or differs",
                            self.stale_fields.join(", ")
                        )
                    } else if !self.harmless_differences.is_empty() {
                        format!(
                            "no ({} differ, but the platform never reads them after registration)",
                            self.harmless_differences.join(", ")
                        )
                    } else {
                        "no".into()
                    },
                ),
                (
                    "shared contact",
                    if self.shared_with_users.is_empty() {
                        "no".into()
                    } else {
                        format!("yes, with {}", self.shared_with_users.join(", "))
                    },
                ),
                ("other 2FA attributes", self.other_attributes.join(", ")),
            ],
        )
    }
}

async fn status(ctx: &Ctx, a: StatusArgs) -> Result<(), Error> {
    if a.all_tenants || (ctx.tenant_ids().len() > 1 && a.username.is_none()) {
        if !a.filter.is_empty() {
            return Err(Error::usage("`--filter` lists users of one tenant")
                .with_hint("over many tenants, reset matching users with `user reset --all-tenants --filter ...`"));
        }
        return fleet::status(ctx, a.all_tenants).await;
    }
    let filters = a
        .filter
        .iter()
        .map(|f| enrolment::Filter::parse(f))
        .collect::<Result<Vec<_>, _>>()?;
    let s = ctx.session().await?;
    let t = ctx.tenant_for_users(&s).await?;
    let users = Users::new(&s, t.realm());
    if let Some(w) = user_profile::read(&users).await?.require_read(t.realm())? {
        ctx.out.warn(crate::error::warning(w));
    }
    if let Some(name) = a.username {
        return ctx
            .out
            .data(&enrolment::one(&users, &name, &t.two_fa()).await?);
    }
    let (all, posture) = enrolment::scan(&users, &t.two_fa(), 1000).await?;
    let list = all
        .into_iter()
        .filter(|u| filters.iter().all(|f| f.keeps(u)))
        .collect();
    ctx.out.data(&UserList {
        tenant: t.id().into(),
        realm: t.realm().into(),
        posture,
        users: list,
    })
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ResetReport {
    pub summary: Summary,
    /// Tenants of a fleet run that could not be worked, and why.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tenant_errors: Vec<cx2fa_core::fleet::TenantPosture>,
    pub failed: Vec<Row>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<Row>,
}

impl Report for ResetReport {
    fn render(&self, out: &Printer) -> String {
        let mut s = String::new();
        if !self.rows.is_empty() {
            let mut t = out.table(&["username", "outcome", "removed / reason"]);
            for r in &self.rows {
                let detail = r.reason.clone().unwrap_or_else(|| r.removed.join(", "));
                t.add_row(vec![
                    r.username.clone(),
                    serde_json::to_value(r.outcome)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default(),
                    detail,
                ]);
            }
            s.push_str(&t.to_string());
            s.push('\n');
        } else if !self.failed.is_empty() {
            // The rows that did not do what was asked, by name: "1 not found" alone says
            // nothing a support engineer can act on.
            let mut t = out.table(&["user", "outcome", "reason"]);
            for r in &self.failed {
                t.add_row(vec![
                    r.username.clone(),
                    serde_json::to_value(r.outcome)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default(),
                    r.reason.clone().unwrap_or_else(|| match r.outcome {
                        bulk::Outcome::NotFound => "no user of that name in the realm".into(),
                        _ => String::new(),
                    }),
                ]);
            }
            s.push_str(&t.to_string());
            s.push('\n');
        }
        let m = &self.summary;
        s.push_str(&format!(
            "{} row(s): {} reset, {} already clean, {} not found, {} would reset, {} failed",
            m.rows, m.reset, m.already_clean, m.not_found, m.would_reset, m.failed,
        ));
        if m.resumed > 0 {
            s.push_str(&format!(
                "; {} skipped: finished in the --resume report",
                m.resumed
            ));
        }
        if m.duplicates > 0 {
            s.push_str(&format!("; {} duplicate name(s) worked once", m.duplicates));
        }
        if m.skipped + m.unread > 0 {
            // Rows cut short by Ctrl-C before their write, and rows never read: not in the
            // report, and what `--resume` will do next.
            s.push_str(&format!("; {} not started", m.skipped + m.unread));
        }
        if m.interrupted {
            s.push_str(" (interrupted)");
        }
        s
    }
}

/// Collects rows for small runs; drives the progress bar for large ones.
pub(super) struct Bar<'a> {
    bar: Option<indicatif::ProgressBar>,
    rows: std::sync::Mutex<Vec<Row>>,
    keep_rows: bool,
    /// Shown with the bar: how many requests go out at once now.
    limiter: Option<&'a cx2fa_core::limiter::Limiter>,
    /// Rows done and failed, for the progress lines printed without a terminal.
    done: std::sync::Arc<[std::sync::atomic::AtomicU64; 2]>,
    /// Without a terminal: a line every few seconds, so that a CI job's log (and its watchdog)
    /// sees the run alive, however slow the server.
    ticker: Option<tokio::task::JoinHandle<()>>,
    /// Failed rows printed above the bar name a user and a server's reason: cleaned first.
    out: crate::output::Printer,
}

impl<'a> Bar<'a> {
    /// A bar on a terminal (none otherwise); `keep_rows` collects rows for a short table.
    pub(super) fn new(
        ctx: &Ctx,
        total: Option<u64>,
        limiter: Option<&'a cx2fa_core::limiter::Limiter>,
        keep_rows: bool,
    ) -> Self {
        let bar = ctx.out.interactive_stderr().then(|| {
            let b = match total {
                Some(n) => indicatif::ProgressBar::new(n),
                None => indicatif::ProgressBar::new_spinner(),
            };
            b.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            b.set_style(
                indicatif::ProgressStyle::with_template(
                    "{spinner} {pos}/{len} users [{elapsed_precise}] {per_sec} eta {eta} {msg}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            b
        });
        let done: std::sync::Arc<[std::sync::atomic::AtomicU64; 2]> = Default::default();
        let ticker = (bar.is_none() && !ctx.out.quiet).then(|| {
            let every = std::env::var(cx2fa_core::env::PROGRESS_EVERY)
                .ok()
                .and_then(|v| v.parse::<u64>().ok())
                .filter(|n| *n > 0)
                .unwrap_or(10);
            let (out, done) = (ctx.out.clone(), done.clone());
            let of = total.map(|n| format!(" of {n}")).unwrap_or_default();
            let started = std::time::Instant::now();
            tokio::spawn(async move {
                let mut tick = tokio::time::interval(std::time::Duration::from_secs(every));
                tick.tick().await;
                loop {
                    tick.tick().await;
                    use std::sync::atomic::Ordering::Relaxed;
                    out.status(format!(
                        "progress: {}{of} rows done ({} failed) after {} s",
                        done[0].load(Relaxed),
                        done[1].load(Relaxed),
                        started.elapsed().as_secs()
                    ));
                }
            })
        });
        Bar {
            bar,
            rows: Default::default(),
            keep_rows,
            limiter,
            done,
            ticker,
            out: ctx.out.clone(),
        }
    }
    pub(super) fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
        if let Some(t) = &self.ticker {
            t.abort();
        }
    }
}

impl Drop for Bar<'_> {
    fn drop(&mut self) {
        if let Some(t) = &self.ticker {
            t.abort();
        }
    }
}

impl bulk::Progress for Bar<'_> {
    fn row_done(&self, row: &Row) {
        use std::sync::atomic::Ordering::Relaxed;
        self.done[0].fetch_add(1, Relaxed);
        if row.outcome == Outcome::Failed {
            self.done[1].fetch_add(1, Relaxed);
        }
        if let Some(b) = &self.bar {
            b.inc(1);
            if let Some(l) = self.limiter {
                b.set_message(format!("· {} at once", l.level().limit));
            }
            if row.outcome == Outcome::Failed {
                b.println(self.out.clean(&format!(
                    "failed: {}: {}",
                    row.username,
                    row.reason.clone().unwrap_or_default()
                )));
            }
        }
        if self.keep_rows {
            self.rows.lock().expect("lock").push(row.clone());
        }
    }
}

/// The names of `--from`, checked before anything is written. A regular file is read once
/// here, so that a bad line, an over-long line or an empty file is refused before the first
/// reset, and so that the progress bar knows the total. A pipe is streamed: it can be read once.
fn names_from(f: &str) -> Result<(Names, Option<u64>), Error> {
    // Every input error names where the names came from.
    let named = |e: CoreError| CoreError {
        message: format!("`--from {f}`: {}", e.message),
        ..e
    };
    let read = || -> Result<(Names, cx2fa_core::input::Shape), Error> {
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

use cx2fa_core::bulk::Names;

/// A bulk run with nothing to do looks like success to a script; it is a usage error unless
/// the caller said an empty list is expected.
fn no_names(from: &str) -> Error {
    let src = if from == "-" {
        "standard input".to_string()
    } else {
        format!("`{from}`")
    };
    Error::usage(format!("{src} held no user names; nothing was reset")).with_hint(
        "check the command that produced the list; pass `--allow-empty` when an empty list is expected (e.g. `user status --filter stale` found none)",
    )
}

/// Everything about the input and report files is checked before the first request.
fn check_report_files(a: &ResetArgs) -> Result<(), Error> {
    if let Some(p) = &a.report {
        cx2fa_core::input::check_output(p, "--report")?;
    }
    if let (Some(r), None) = (&a.resume, &a.report) {
        // Without `--report` the run appends to the resume file: only a regular file will do.
        let name = r.display().to_string();
        if cx2fa_core::input::shape(&name, "--resume")? != cx2fa_core::input::Shape::File {
            return Err(Error::usage(format!(
                "`--resume {name}` is not a regular file, and the run would append its rows to it"
            ))
            .with_hint("pass `--report FILE` for this run's rows"));
        }
    }
    Ok(())
}

/// Names who and what before asking (for names given on the command line), then asks.
async fn confirm_reset(
    ctx: &Ctx,
    users: &Users<'_>,
    a: &ResetArgs,
    total: Option<u64>,
) -> Result<(), Error> {
    if a.from.is_none() && !ctx.g.yes {
        for name in &a.usernames {
            match users.find(name).await? {
                Some(u) => {
                    let removed = enrolment::enrolled(&u);
                    if removed.is_empty() {
                        ctx.out.status(format!("{name}: nothing to reset"))
                    } else {
                        ctx.out
                            .status(format!("{name}: remove {}", removed.join(", ")))
                    }
                }
                None => ctx.out.status(format!("{name}: no such user")),
            }
        }
    }
    let who = match (&a.from, total) {
        (Some(f), Some(n)) if f != "-" => format!("the {n} user(s) listed in `{f}`"),
        (Some(f), _) if f == "-" => "every user read from stdin".to_string(),
        (Some(f), _) => format!("every user listed in `{f}`"),
        (None, _) => a.usernames.join(", "),
    };
    ctx.confirm(&format!(
        "Reset the 2FA enrolment of {who} in realm `{}`{}?",
        users.realm,
        if a.revoke_sessions {
            " and end their sessions"
        } else {
            ""
        }
    ))
}

async fn reset(ctx: &Ctx, a: ResetArgs) -> Result<(), Error> {
    // From the first request on: a Ctrl-C while the names are read or the session is made
    // ends the run as cleanly as one during the rows.
    let _interrupt = ctx.interruptible();
    if !a.filter.is_empty() {
        let filters = a
            .filter
            .iter()
            .map(|f| enrolment::Filter::parse(f))
            .collect::<Result<Vec<_>, _>>()?;
        if let Some(p) = &a.report {
            cx2fa_core::input::check_output(p, "--report")?;
        }
        let report = a.report.as_ref().map(|p| open_report(p)).transpose()?;
        return fleet::reset(
            ctx,
            a.all_tenants,
            &filters,
            a.dry_run,
            a.revoke_sessions,
            report,
            a.max_time,
        )
        .await;
    }
    if a.usernames.is_empty() && a.from.is_none() {
        return Err(Error::usage("no users given")
            .with_hint("pass usernames, `--from FILE` (`-` for stdin), or `--filter stale`"));
    }
    check_report_files(&a)?;
    let (names, total): (Names, Option<u64>) = match &a.from {
        Some(f) => names_from(f)?,
        None => (
            Box::new(a.usernames.clone().into_iter().map(Ok)),
            Some(a.usernames.len() as u64),
        ),
    };
    let s = ctx.session().await?;
    let t = ctx.tenant_for_users(&s).await?;
    let users = Users::new(&s, t.realm());
    let scope = bulk::Scope {
        tenant: t.id().into(),
        realm: t.realm().into(),
    };
    let skip = match &a.resume {
        Some(r) => {
            let done = bulk::finished_in(r, &scope)?;
            // Said before the run: a row someone added to the report would otherwise skip a
            // user without a word.
            ctx.out.status(format!(
                "`--resume {}`: {} user(s) already finished there; skipped if listed",
                r.display(),
                done.len()
            ));
            done
        }
        None => Default::default(),
    };
    // Refused before the first row when Keycloak would hide the enrolment or drop the writes.
    let access = user_profile::read(&users).await?;
    if a.dry_run {
        if let Some(w) = access.require_read(t.realm())? {
            ctx.out.warn(crate::error::warning(w));
        }
    } else {
        access.require_write(t.realm())?;
    }
    let few = a.from.is_none();
    if !a.dry_run {
        confirm_reset(ctx, &users, &a, total).await?;
    }
    let report_path = a.report.clone().or_else(|| a.resume.clone());
    let report = report_path.as_deref().map(open_report).transpose()?;
    // A dry run always shows its table: it is the answer to "what would this do?".
    let progress = Bar::new(ctx, total, s.http.limiter(), few || a.dry_run);
    let result = bulk::run(
        &users,
        &scope,
        names,
        skip,
        // The limiter in the HTTP layer decides how many of the rows' calls go out together.
        ctx.rows_at_once(),
        a.dry_run,
        a.revoke_sessions,
        report,
        &progress,
        ctx.cancel.clone(),
        deadline(a.max_time),
    )
    .await;
    progress.finish();
    let (mut summary, failed) = result?;
    if let (true, Some(total)) = (summary.interrupted, total) {
        let read = summary.rows + summary.resumed + summary.duplicates;
        summary.unread = (total as usize).saturating_sub(read);
    }
    if summary.rows == 0 && summary.resumed == 0 && !summary.interrupted && !a.allow_empty {
        return Err(no_names(a.from.as_deref().unwrap_or("-")));
    }
    let rows = std::mem::take(&mut *progress.rows.lock().expect("lock"));
    let nothing = summary.already_clean == summary.rows && summary.rows > 0;
    let outcome = reset_outcome(&summary, few, t.realm(), report_path.as_deref());
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

/// When a run with `--max-time SECS` stops starting rows, counted from now (its first row:
/// after any confirmation, which may wait on a person).
pub(crate) fn deadline(max_time: Option<u64>) -> Option<std::time::Instant> {
    max_time.map(|s| {
        let now = std::time::Instant::now();
        now.checked_add(std::time::Duration::from_secs(s))
            .unwrap_or(now + std::time::Duration::from_secs(100 * 365 * 86_400))
    })
}

/// The report, appended to: 0600, never through a planted symlink (`private::append`).
pub(crate) fn open_report(p: &std::path::Path) -> Result<Box<dyn std::io::Write + Send>, Error> {
    Ok(Box::new(cx2fa_core::private::append(p).map_err(|e| {
        Error::usage(format!("cannot write report `{}`: {e}", p.display()))
    })?))
}

/// The exit of a reset run. A single named user that was not found or failed is a plain
/// failure (exit 1); in any longer run, a row that was neither reset nor already clean makes
/// the run partial (exit 5), so that a typo in a CSV does not look like a clean run.
pub(super) fn reset_outcome(
    m: &Summary,
    few: bool,
    realm: &str,
    report: Option<&std::path::Path>,
) -> Result<(), Error> {
    if m.interrupted {
        return Err(Error::cancelled()
            .with_hint("rows not started are not in the report; continue with `--resume REPORT`"));
    }
    let unfinished = m.unfinished();
    if unfinished == 0 {
        return Ok(());
    }
    let single = few && m.rows == 1;
    let kind = match (single, m.not_found) {
        (true, 1) => Kind::NotFound,
        (true, _) => Kind::Failed,
        (false, _) => Kind::Partial,
    };
    let message = if single && m.not_found == 1 {
        format!("no user of that name in realm `{realm}`")
    } else {
        format!(
            "{unfinished} of {} row(s) were not reset: {}",
            m.rows,
            m.unfinished_detail()
        )
    };
    let hint = match (m.failed, report) {
        (0, _) => "check the spelling; `cx2fa user status` lists the realm's users".to_string(),
        (_, Some(p)) => format!("retry only the failed rows with `--resume {}`", p.display()),
        (_, None) => "pass `--report FILE` to keep a per-row record, then `--resume FILE`".into(),
    };
    Err(Error::new(kind, message).with_hint(hint))
}

pub async fn run(ctx: &Ctx, cmd: UserCmd) -> Result<(), Error> {
    match cmd {
        UserCmd::Status(a) => status(ctx, a).await,
        UserCmd::Reset(a) => reset(ctx, a).await,
    }
}

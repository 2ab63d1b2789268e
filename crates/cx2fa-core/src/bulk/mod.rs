//! Resetting many users: streamed input, bounded concurrency, a per-row report, resume.

mod names;
mod report;
mod resume;
mod row;

pub use names::{read_names, Names};
use report::ReportWriter;
pub use report::{open_report, SharedReport};
pub use resume::{resume_rows, ResumeError, ResumeProblem, Scope};
use row::reset_row;
pub use row::{reset_one, BREAKER_ROWS};

use crate::api::keycloak::Users;
use crate::enrolment;
use crate::error::{Error, Fix, Kind};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::io::{Read, Write};
use std::sync::atomic::Ordering;
use tokio_util::sync::CancellationToken;

/// How one row ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Reset,
    AlreadyClean,
    NotFound,
    /// `--dry-run`: would be reset.
    WouldReset,
    Failed,
    /// Not started because the run was interrupted.
    Skipped,
}

impl Outcome {
    /// Finished rows are not redone by `--resume`.
    pub fn finished(self) -> bool {
        matches!(
            self,
            Outcome::Reset | Outcome::AlreadyClean | Outcome::NotFound
        )
    }
}

/// One line of the NDJSON report.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
// Its name in the published schemas (`schemas/output/`), which predate this name.
#[schemars(rename = "Row")]
pub struct ResetRow {
    /// The report's shape version (`cx2fa_core::SCHEMA_VERSION`); absent in older reports.
    #[serde(default)]
    pub schema_version: u32,
    /// The tenant and realm the row was worked in, so that `--resume` refuses a report of
    /// another tenant (absent in reports written before they were recorded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub realm: Option<String>,
    pub username: String,
    pub outcome: Outcome,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    pub attempts: u32,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<String>,
}

/// A run that reached its time limit with rows not started: not a failure of any row, so a
/// caller can tell it apart (the command line makes it a partial run).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the run reached its time limit with rows not started")]
pub struct OutOfTime;

/// Why a run stops early: its input broke, or something no row can survive (authentication).
enum Stop {
    Input(Error),
    Fatal(Error),
}

/// Counts for the summary.
#[derive(Debug, Clone, Default, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
// Its name in the published schemas (`schemas/output/`), which predate this name.
#[schemars(rename = "Summary")]
pub struct ResetSummary {
    pub rows: usize,
    pub reset: usize,
    pub already_clean: usize,
    pub not_found: usize,
    pub would_reset: usize,
    pub failed: usize,
    pub skipped: usize,
    /// Input rows not redone because the `--resume` report has them finished.
    pub resumed: usize,
    /// Input rows that named a user already listed (case-insensitive): each user is worked
    /// once.
    #[serde(default)]
    pub duplicates: usize,
    /// Input rows never read because the run was interrupted first (known when the input is a
    /// file, whose rows are counted before the run; 0 otherwise). Like `skipped`, not in the
    /// report: `--resume` does them.
    #[serde(default)]
    pub unread: usize,
    pub interrupted: bool,
}

impl ResetSummary {
    pub fn add(&mut self, o: Outcome) {
        self.rows += 1;
        match o {
            Outcome::Reset => self.reset += 1,
            Outcome::AlreadyClean => self.already_clean += 1,
            Outcome::NotFound => self.not_found += 1,
            Outcome::WouldReset => self.would_reset += 1,
            Outcome::Failed => self.failed += 1,
            Outcome::Skipped => self.skipped += 1,
        }
    }

    /// Adds another run's counts (a fleet's tenants).
    pub fn absorb(&mut self, o: &ResetSummary) {
        self.rows += o.rows;
        self.reset += o.reset;
        self.already_clean += o.already_clean;
        self.not_found += o.not_found;
        self.would_reset += o.would_reset;
        self.failed += o.failed;
        self.skipped += o.skipped;
        self.resumed += o.resumed;
        self.duplicates += o.duplicates;
        self.unread += o.unread;
        self.interrupted |= o.interrupted;
    }

    /// Rows that were neither reset nor found clean (or would be, in a dry run): a run with any
    /// of these did not do all it was asked, whatever else went well.
    pub fn unfinished(&self) -> usize {
        self.not_found + self.failed + self.skipped
    }

    /// What made a run partial, e.g. `2 not found, 1 failed`.
    pub fn unfinished_detail(&self) -> String {
        [
            (self.not_found, "not found"),
            (self.failed, "failed"),
            (self.skipped, "not started"),
        ]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect::<Vec<_>>()
        .join(", ")
    }
}

/// Progress as seen by the caller (the printer owns any bar).
pub trait Progress: Send + Sync {
    fn row_done(&self, row: &ResetRow);
}

/// What a reset run tells its caller before its first row, in the run's own terms; the caller
/// words it (core prints nothing).
#[derive(Debug)]
pub enum Note {
    /// The earlier report holds this many finished users: those listed are skipped.
    Resumed { finished: usize },
    /// A dry run in a realm that shows the enrolment read-only: it goes on, but a real run
    /// would be refused.
    ReadOnly(Error),
    /// A fleet run: this many users of `tenant` match the filters.
    Matched { tenant: String, users: usize },
}

/// Each user named before the confirmation: the enrolment attributes a reset would remove
/// (empty: nothing to reset), or `None` when there is no such user.
pub type Preview = Vec<(String, Option<Vec<String>>)>;

/// What a reset run asks its caller to confirm before its first write.
#[derive(Debug)]
pub enum Confirm<'a> {
    /// Users of one realm; `preview` when the caller asked for one ([`ResetOptions::preview`]).
    Users {
        realm: &'a str,
        preview: &'a Preview,
    },
    /// Users of several tenants: (tenant, realm, how many), tenants with none left out.
    Tenants {
        users: usize,
        tenants: usize,
        each: Vec<(&'a str, &'a str, usize)>,
    },
}

/// The caller's side of a reset run: the notes before the first row, the confirmation (an
/// error refuses: nothing is written), the start and each row's progress. Core never prints or
/// asks.
pub trait Caller: Progress {
    fn note(&self, note: Note);
    fn confirm(&self, what: &Confirm) -> Result<(), Error>;
    /// The rows start now, after any confirmation; `total` rows when known.
    fn start(&self, total: Option<u64>);
}

/// How rows are worked, whatever their source.
#[derive(Debug, Clone, Default)]
pub struct RowOptions {
    /// Rows worked at once; the limiter in the HTTP layer decides how many of their calls go
    /// out together.
    pub at_once: usize,
    /// Only say what would be removed; write nothing.
    pub dry_run: bool,
    /// Also end the users' sessions.
    pub revoke: bool,
    /// Ctrl-C: no row starts, rows in flight stop before their write.
    pub stop: CancellationToken,
    /// No row starts after this long, counted from the first row (after any confirmation,
    /// which may wait on a person); rows in flight finish.
    pub max_time: Option<std::time::Duration>,
}

impl RowOptions {
    /// When a run started now stops starting rows.
    fn deadline(&self) -> Option<std::time::Instant> {
        self.max_time.map(|d| {
            let now = std::time::Instant::now();
            now.checked_add(d)
                .unwrap_or(now + std::time::Duration::from_secs(100 * 365 * 86_400))
        })
    }
}

/// A reset of named users in one realm ([`reset`]).
pub struct ResetOptions {
    pub scope: Scope,
    pub names: Names,
    /// How many names there are, when known before the run (a file counted first): an
    /// interrupted run then reports the rows it never read.
    pub total: Option<u64>,
    /// An earlier report, open, and its name: users it finished are skipped.
    pub resume: Option<(Box<dyn Read + Send>, String)>,
    /// Users to look up for the confirmation ([`Confirm::Users`]); empty for none.
    pub preview: Vec<String>,
    /// The report to append one row per user to; opened after the confirmation.
    pub report: Option<std::path::PathBuf>,
    pub rows: RowOptions,
}

/// Resets the users `opts` names in `users`' realm: skips those the resume report finished,
/// refuses a realm where the reset would not stick (a dry run only warns), asks `caller` to
/// confirm (not in a dry run), then works the rows ([`run`]).
pub async fn reset(
    users: &Users<'_>,
    opts: ResetOptions,
    caller: &dyn Caller,
) -> Result<(ResetSummary, Vec<ResetRow>), Error> {
    let skip = match opts.resume {
        Some((r, name)) => {
            let done = resume_rows(r, &name, &opts.scope)?;
            // Said before the run: a row someone added to the report would otherwise skip a
            // user without a word.
            caller.note(Note::Resumed {
                finished: done.len(),
            });
            done
        }
        None => HashSet::new(),
    };
    // Refused before the first row when Keycloak would hide the enrolment or drop the writes.
    let access = crate::user_profile::read(users).await?;
    if opts.rows.dry_run {
        if let Some(w) = access.require_read(&users.realm)? {
            caller.note(Note::ReadOnly(w));
        }
    } else {
        access.require_write(&users.realm)?;
        let mut preview = vec![];
        for name in opts.preview {
            let removed = users.find(&name).await?.map(|u| enrolment::enrolled(&u));
            preview.push((name, removed));
        }
        caller.confirm(&Confirm::Users {
            realm: &users.realm,
            preview: &preview,
        })?;
    }
    let report = opts.report.as_deref().map(open_report).transpose()?;
    caller.start(opts.total);
    let (mut summary, failed) = run(
        users,
        &opts.scope,
        opts.names,
        skip,
        opts.rows,
        report,
        caller,
    )
    .await?;
    if let (true, Some(total)) = (summary.interrupted, opts.total) {
        let read = summary.rows + summary.resumed + summary.duplicates;
        summary.unread = (total as usize).saturating_sub(read);
    }
    Ok((summary, failed))
}

/// The input rows a run drops: finished in the resume report, or naming a user already listed.
#[derive(Default)]
struct Dropped {
    resumed: std::sync::atomic::AtomicUsize,
    duplicates: std::sync::atomic::AtomicUsize,
}

/// Each user once, and none the resume report finished, counting what it drops.
struct Once<'a> {
    skip: HashSet<String>,
    seen: HashSet<String>,
    dropped: &'a Dropped,
}

impl Once<'_> {
    /// Whether to work `r` (an input error is always passed on, to stop the run).
    fn keep(&mut self, r: &Result<String, Error>) -> bool {
        let Ok(n) = r else { return true };
        // Keycloak compares usernames case-insensitively. The set costs a few MiB for 100,000
        // names.
        let key = n.to_lowercase();
        if self.skip.contains(&key) {
            self.dropped.resumed.fetch_add(1, Ordering::Relaxed);
            return false;
        }
        if !self.seen.insert(key) {
            self.dropped.duplicates.fetch_add(1, Ordering::Relaxed);
            return false;
        }
        true
    }
}

/// What a run's loop collected, turned into its result.
#[derive(Default)]
struct Ended {
    summary: ResetSummary,
    failures: Vec<ResetRow>,
    input_error: Option<Error>,
    fatal: Option<Error>,
    /// The breaker: transient failures in a row, reset by any row that reached the server.
    failing: usize,
}

impl Ended {
    /// Takes one row as it finished (or why the run must stop: `halt` then stops it).
    fn take(
        &mut self,
        r: Result<(ResetRow, bool), Stop>,
        scope: &Scope,
        progress: &dyn Progress,
        report: Option<&mut ReportWriter>,
        halt: &CancellationToken,
    ) -> Result<(), Error> {
        let (mut row, transient) = match r {
            Ok(done) => done,
            Err(Stop::Input(e)) => {
                self.input_error.get_or_insert(e);
                halt.cancel();
                return Ok(());
            }
            Err(Stop::Fatal(e)) => {
                self.fatal.get_or_insert(e);
                halt.cancel();
                return Ok(());
            }
        };
        self.failing = if transient { self.failing + 1 } else { 0 };
        if self.failing == BREAKER_ROWS && self.fatal.is_none() {
            self.fatal = Some(breaker(&row));
            halt.cancel();
        }
        row.tenant = Some(scope.tenant.clone());
        row.realm = Some(scope.realm.clone());
        self.summary.add(row.outcome);
        progress.row_done(&row);
        // A row cut short before its write changed nothing: like a row never started, it is
        // not in the report, and `--resume` does it.
        if let Some(w) = report.filter(|_| row.outcome != Outcome::Skipped) {
            w.write(&row)?;
        }
        // The rows that did not do what was asked, for the summary to name.
        if matches!(row.outcome, Outcome::Failed | Outcome::NotFound) {
            self.failures.push(row);
        }
        Ok(())
    }

    fn result(
        mut self,
        stopped: bool,
        out_of_time: bool,
    ) -> Result<(ResetSummary, Vec<ResetRow>), Error> {
        if self.fatal.is_none() && out_of_time && !stopped {
            self.fatal =
                Some(Error::external(Kind::Failed, OutOfTime).with_fix(Fix::DeadlineReached));
        }
        self.summary.interrupted = stopped;
        if let Some(e) = self.fatal {
            // Rows in flight when it happened failed the same way and are not in the report.
            let fix = match &e.fix {
                Some(
                    f @ (Fix::ServerFailing | Fix::ComeBackLater { .. } | Fix::DeadlineReached),
                ) => f.clone(),
                _ => Fix::RenewAndResume,
            };
            return Err(e.with_cause(format!(
                "the run stopped at once: {} row(s) done and in the report; the rest were not attempted",
                self.summary.rows
            )).with_fix(fix));
        }
        if let Some(e) = self.input_error {
            return Err(e.with_cause(format!(
                "{} row(s) were processed before the input error; see the report",
                self.summary.rows
            )));
        }
        Ok((self.summary, self.failures))
    }
}

/// The breaker's error: [`BREAKER_ROWS`] rows in a row failed for a transient reason.
fn breaker(last: &ResetRow) -> Error {
    Error::network(format!(
        "{BREAKER_ROWS} rows in a row failed talking to the server; the run stopped"
    ))
    .with_cause(format!(
        "the last: {}",
        last.reason.as_deref().unwrap_or("")
    ))
    .with_fix(Fix::ServerFailing)
}

/// Runs the reset over `names`, `opts.at_once` at a time, writing each row to `report` as it
/// finishes. `opts.stop` (Ctrl-C) ends the run early: no row starts, rows in flight stop
/// before their write (reported `skipped`), and writes already sent are reported as answered.
pub async fn run(
    users: &Users<'_>,
    scope: &Scope,
    names: Names,
    skip: HashSet<String>,
    opts: RowOptions,
    report: Option<Box<dyn Write + Send>>,
    progress: &dyn Progress,
) -> Result<(ResetSummary, Vec<ResetRow>), Error> {
    use futures::StreamExt;
    let deadline = opts.deadline();
    let RowOptions {
        at_once,
        dry_run,
        revoke,
        stop,
        ..
    } = opts;
    let mut report = report.map(ReportWriter::new);
    let mut end = Ended::default();
    let dropped = Dropped::default();
    let mut once = Once {
        skip,
        seen: HashSet::new(),
        dropped: &dropped,
    };
    let names = names.filter(move |r| once.keep(r));
    // The run's own stop (its input broke, or authentication failed): no new row starts, and
    // rows in flight finish. Ctrl-C (`stop`) also cuts those short.
    let halt = CancellationToken::new();
    let (halt2, stop2, stop_ref) = (halt.clone(), stop.clone(), &stop);
    // The run's overall deadline: no row starts after it; rows in flight finish.
    let out_of_time = std::sync::atomic::AtomicBool::new(false);
    let out_of_time_ref = &out_of_time;
    let stream = futures::stream::iter(names)
        .take_while(move |_| {
            let late = deadline.is_some_and(|d| std::time::Instant::now() >= d);
            if late {
                out_of_time_ref.store(true, Ordering::Relaxed);
            }
            futures::future::ready(!late && !halt2.is_cancelled() && !stop2.is_cancelled())
        })
        .map(|r| async move {
            match r {
                Ok(name) => reset_row(users, &name, dry_run, revoke, stop_ref)
                    .await
                    .map_err(Stop::Fatal),
                Err(e) => Err(Stop::Input(e)),
            }
        })
        .buffer_unordered(at_once.max(1));
    futures::pin_mut!(stream);
    while let Some(r) = stream.next().await {
        end.take(r, scope, progress, report.as_mut(), &halt)?;
    }
    if let Some(w) = report.as_mut() {
        w.flush()?;
    }
    end.summary.resumed = dropped.resumed.load(Ordering::Relaxed);
    end.summary.duplicates = dropped.duplicates.load(Ordering::Relaxed);
    end.result(stop.is_cancelled(), out_of_time.load(Ordering::Relaxed))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &'static str) -> Vec<String> {
        read_names(Box::new(text.as_bytes()))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    }

    #[test]
    fn a_refused_resume_report_is_typed_and_names_only_its_file() {
        let scope = Scope {
            tenant: "acme".into(),
            realm: "acme".into(),
        };
        let problem = |text: &str| resume_rows(text.as_bytes(), "r.ndjson", &scope).unwrap_err();
        assert_eq!(
            problem("\nnot json\n").problem,
            ResumeProblem::NotARow { line: 2 }
        );
        let e = problem(r#"{"tenant":"acme","username":"a","outcome":"reset","attempts":1}"#);
        assert_eq!(
            e.problem,
            ResumeProblem::Unscoped {
                line: 1,
                what: "realm"
            }
        );
        let e = problem(
            r#"{"tenant":"globex","realm":"acme","username":"a","outcome":"reset","attempts":1}"#,
        );
        assert_eq!(
            e.to_string(),
            "`r.ndjson` is a report of tenant `globex`; this run is for tenant `acme`"
        );
        // As core's error: a usage error with its fix, and the typed error kept for the caller
        // to word.
        let err = Error::from(e);
        assert_eq!(
            (err.kind, err.fix),
            (Kind::Usage, Some(Fix::ResumeMatchingTenant))
        );
        assert!(err
            .source
            .as_deref()
            .is_some_and(|s| s.downcast_ref::<ResumeError>().is_some()));
    }

    #[test]
    fn a_time_limit_too_far_away_never_overflows() {
        let rows = |secs| RowOptions {
            max_time: Some(std::time::Duration::from_secs(secs)),
            ..RowOptions::default()
        };
        assert!(rows(u64::MAX).deadline().is_some());
        let soon = rows(5).deadline().unwrap();
        assert!(soon > std::time::Instant::now());
        assert!(RowOptions::default().deadline().is_none());
    }

    #[test]
    fn reads_csv_lines_and_json() {
        assert_eq!(names("id,username\n1,alice\n2,bob\n"), ["alice", "bob"]);
        // A European spreadsheet's export, and a tab-separated one.
        assert_eq!(
            names("Username;Email\nalice;a@x.io\nbob;b@x.io\n"),
            ["alice", "bob"]
        );
        assert_eq!(names("email\tusername\na@x.io\talice\n"), ["alice"]);
        // Columns but none called username: refused, never read as a list of names.
        let e = read_names(Box::new("login;mail\nalice;a@x.io\n".as_bytes()))
            .err()
            .unwrap();
        assert!(
            e.message
                .contains("(columns: login, mail) but has no `username` column"),
            "{}",
            e.message
        );
        assert_eq!(names("alice\n\n# c\nbob\n"), ["alice", "bob"]);
        assert_eq!(
            names(r#"{"users":[{"username":"a"},{"username":"b"}]}"#),
            ["a", "b"]
        );
        assert_eq!(names(r#"["a","b"]"#), ["a", "b"]);
    }
}

//! The person's side of a reset run (core's `bulk::Caller`): the notes before the first row
//! and the confirmation, worded for this command line, and the progress bar.

use crate::commands::Ctx;
use crate::error::CommandError;
use crate::output::progress;
use cx2fa_core::bulk::{self, Confirm, Note, Outcome, ResetRow};
use cx2fa_core::error::Error as CoreError;
use std::path::PathBuf;
use std::sync::OnceLock;

/// Collects rows for small runs; drives the progress bar for large ones.
pub(super) struct Bar<'a> {
    bar: Option<indicatif::ProgressBar>,
    rows: std::sync::Mutex<Vec<ResetRow>>,
    keep_rows: bool,
    /// Shown with the bar: how many requests go out at once now.
    limiter: Option<&'a cx2fa_core::limiter::Limiter>,
    /// Rows done and failed, for the progress lines printed without a terminal.
    done: progress::ProgressCounts,
    /// Without a terminal: a line every few seconds (stopped when dropped).
    ticker: Option<progress::Ticker>,
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
        let bar = progress::bar(
            &ctx.out,
            total,
            "{spinner} {pos}/{len} users [{elapsed_precise}] {per_sec:1} eta {eta} {msg}",
        );
        let done = progress::ProgressCounts::default();
        let ticker = (bar.is_none() && !ctx.out.quiet).then(|| {
            let every = ctx
                .env
                .get(cx2fa_core::env::PROGRESS_EVERY)
                .and_then(|v| v.parse::<u64>().ok())
                .filter(|n| *n > 0)
                .unwrap_or(10);
            progress::Ticker::start(
                &ctx.out,
                std::time::Duration::from_secs(every),
                total,
                done.clone(),
            )
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
            t.stop();
        }
    }
}

impl bulk::Progress for Bar<'_> {
    fn row_done(&self, row: &ResetRow) {
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

/// A reset run as this command line shows it: what core notes and asks, worded here; the bar
/// made when the rows start (after any confirmation, which may wait on a person).
pub(super) struct ResetUi<'a> {
    ctx: &'a Ctx,
    limiter: Option<&'a cx2fa_core::limiter::Limiter>,
    /// Collect the rows for a table (a short run, or a dry run).
    keep_rows: bool,
    /// Who the one-realm confirmation names (`the 3 user(s) listed in ...`).
    pub who: String,
    /// The `--resume` report, named in the note before the run.
    pub resume: Option<PathBuf>,
    /// The users' sessions are ended too (said in the question).
    pub revoke: bool,
    bar: OnceLock<Bar<'a>>,
}

impl<'a> ResetUi<'a> {
    pub(super) fn new(
        ctx: &'a Ctx,
        limiter: Option<&'a cx2fa_core::limiter::Limiter>,
        keep_rows: bool,
        revoke: bool,
    ) -> Self {
        ResetUi {
            ctx,
            limiter,
            keep_rows,
            who: String::new(),
            resume: None,
            revoke,
            bar: OnceLock::new(),
        }
    }

    /// Ends the bar (if the rows started) and hands back the rows it kept.
    pub(super) fn finish(&self) -> Vec<ResetRow> {
        match self.bar.get() {
            Some(b) => {
                b.finish();
                std::mem::take(&mut *b.rows.lock().expect("lock"))
            }
            None => vec![],
        }
    }

    fn ends_sessions(&self) -> &'static str {
        if self.revoke {
            " and end their sessions"
        } else {
            ""
        }
    }
}

impl bulk::Progress for ResetUi<'_> {
    fn row_done(&self, row: &ResetRow) {
        if let Some(b) = self.bar.get() {
            b.row_done(row);
        }
    }
}

impl bulk::Caller for ResetUi<'_> {
    fn note(&self, note: Note) {
        let out = &self.ctx.out;
        match note {
            Note::Resumed { finished } => out.status(format!(
                "`--resume {}`: {finished} user(s) already finished there; skipped if listed",
                self.resume
                    .as_deref()
                    .unwrap_or(std::path::Path::new(""))
                    .display(),
            )),
            Note::ReadOnly(w) => out.warn(crate::error::as_warning(w)),
            Note::Matched { tenant, users } => {
                out.status(format!("{tenant}: {users} user(s) match"))
            }
        }
    }

    fn confirm(&self, what: &Confirm) -> Result<(), CoreError> {
        let question = match what {
            Confirm::Users { realm, preview } => {
                // Names who and what before asking (for names given on the command line).
                for (name, removed) in preview.iter() {
                    self.ctx.out.status(match removed {
                        Some(r) if r.is_empty() => format!("{name}: nothing to reset"),
                        Some(r) => format!("{name}: remove {}", r.join(", ")),
                        None => format!("{name}: no such user"),
                    });
                }
                format!(
                    "Reset the 2FA enrolment of {} in realm `{realm}`{}?",
                    self.who,
                    self.ends_sessions()
                )
            }
            Confirm::Tenants {
                users,
                tenants,
                each,
            } => {
                let which: Vec<String> = each
                    .iter()
                    .map(|(t, realm, n)| format!("{n} in `{t}` (realm `{realm}`)"))
                    .collect();
                format!(
                    "Reset the 2FA enrolment of {users} user(s) in {tenants} tenant(s): {}{}?",
                    which.join(", "),
                    self.ends_sessions()
                )
            }
        };
        self.ctx.confirm(&question).map_err(CommandError::into)
    }

    fn start(&self, total: Option<u64>) {
        let _ = self
            .bar
            .set(Bar::new(self.ctx, total, self.limiter, self.keep_rows));
    }
}

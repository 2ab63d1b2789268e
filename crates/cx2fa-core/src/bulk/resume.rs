//! `--resume`: the users an earlier report finished, from a report of this tenant and realm only.

use super::ResetRow;
use crate::error::{Error, Fix, Kind};
use crate::input;
use std::collections::HashSet;
use std::io::{BufRead, BufReader, Read};

/// Where a run works: what its report rows record, and what `--resume` checks.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    pub tenant: String,
    pub realm: String,
}

/// Why an earlier report cannot be resumed from. It names the file; the caller words how the
/// file was given (a flag, a prompt).
#[derive(Debug, Clone, PartialEq)]
pub struct ResumeError {
    pub file: String,
    pub problem: ResumeProblem,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ResumeProblem {
    /// The file could not be read; the system's reason.
    Unreadable(String),
    /// Line `line` (from 1) is not a row of a reset report.
    NotARow { line: usize },
    /// Line `line` names no tenant (or realm: `what`), so it cannot be told to be of this run.
    Unscoped { line: usize, what: &'static str },
    /// The report was worked in another tenant (or realm: `what`).
    OtherScope {
        what: &'static str,
        theirs: String,
        ours: String,
    },
}

impl std::fmt::Display for ResumeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let file = &self.file;
        match &self.problem {
            ResumeProblem::Unreadable(e) => write!(f, "`{file}`: {e}"),
            ResumeProblem::NotARow { line } => {
                write!(f, "`{file}`: line {line} is not a row of a reset report")
            }
            ResumeProblem::Unscoped { line, what } => write!(
                f,
                "`{file}`: line {line} names no {what}, so it cannot be told to be of this run"
            ),
            ResumeProblem::OtherScope { what, theirs, ours } => write!(
                f,
                "`{file}` is a report of {what} `{theirs}`; this run is for {what} `{ours}`"
            ),
        }
    }
}

impl std::error::Error for ResumeError {}

impl From<ResumeError> for Error {
    fn from(e: ResumeError) -> Self {
        let fix = match &e.problem {
            ResumeProblem::Unreadable(_) => None,
            ResumeProblem::NotARow { .. } | ResumeProblem::Unscoped { .. } => {
                Some(Fix::ResumeFromReport)
            }
            ResumeProblem::OtherScope { .. } => Some(Fix::ResumeMatchingTenant),
        };
        let err = Error::external(Kind::Usage, e);
        match fix {
            Some(f) => err.with_fix(f),
            None => err,
        }
    }
}

/// The names already finished in an earlier report, open as `r` (`name` is how errors call
/// it). A file whose lines are not report rows, or whose rows were worked in another tenant or
/// realm, is refused: resuming from it would silently redo (or skip) the wrong rows. Every row
/// must name the tenant and realm it was worked in, as cx2fa writes them: a row without them (a
/// report older than that field, or a line someone added) could skip any user of any tenant.
pub fn resume_rows(
    r: impl Read,
    name: &str,
    scope: &Scope,
) -> Result<HashSet<String>, ResumeError> {
    let refused = |problem| ResumeError {
        file: name.to_string(),
        problem,
    };
    let lines = BufReader::new(input::LineCap::new(r, input::MAX_LINE_BYTES)).lines();
    let mut done = HashSet::new();
    for (i, line) in lines.enumerate() {
        let line = line.map_err(|e| refused(ResumeProblem::Unreadable(e.to_string())))?;
        if line.trim().is_empty() {
            continue;
        }
        let r: ResetRow = serde_json::from_str(&line)
            .map_err(|_| refused(ResumeProblem::NotARow { line: i + 1 }))?;
        for (what, theirs, ours) in [
            ("tenant", &r.tenant, &scope.tenant),
            ("realm", &r.realm, &scope.realm),
        ] {
            let Some(theirs) = theirs.as_deref() else {
                return Err(refused(ResumeProblem::Unscoped { line: i + 1, what }));
            };
            if theirs != ours {
                return Err(refused(ResumeProblem::OtherScope {
                    what,
                    theirs: theirs.to_string(),
                    ours: ours.clone(),
                }));
            }
        }
        if r.outcome.finished() {
            done.insert(r.username.to_lowercase());
        } else {
            done.remove(&r.username.to_lowercase());
        }
    }
    Ok(done)
}

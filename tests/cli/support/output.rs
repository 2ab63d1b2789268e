//! What a finished `cx2fa` run left: its exit status, stdout and stderr, by name. Its `Display`
//! is the whole output as a user reads it, with what changes from run to run (ports, temporary
//! paths, times, durations, per-run secrets) replaced by stable placeholders, so that it can be
//! a snapshot (`insta::assert_snapshot!(output, @"...")`).

use regex::Regex;
use std::fmt;
use std::sync::OnceLock;

#[derive(Debug, Clone)]
pub struct CommandOutput {
    /// The exit code (-1 when a signal ended the process).
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
    /// Literal values (a run's password, token, address) and what stands for them in `Display`.
    redactions: Vec<(String, &'static str)>,
}

impl CommandOutput {
    pub fn new(o: &std::process::Output) -> Self {
        CommandOutput {
            status: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into(),
            stderr: String::from_utf8_lossy(&o.stderr).into(),
            redactions: vec![],
        }
    }

    /// Shows `value` as `placeholder` in `Display` (the raw fields keep it).
    pub fn redact(mut self, value: &str, placeholder: &'static str) -> Self {
        if !value.is_empty() {
            self.redactions.push((value.to_string(), placeholder));
        }
        self
    }

    /// stdout and stderr normalised (without the exit status), for a snapshot of a long output's
    /// interesting part.
    pub fn normalised_stdout(&self) -> String {
        self.normalise(&self.stdout)
    }

    pub fn normalised_stderr(&self) -> String {
        self.normalise(&self.stderr)
    }

    /// The error a run ended with, its causes and hint: normalised stderr from its last
    /// `error:` (or `cancelled`) line on, empty when there is none; for runs whose progress
    /// before it varies.
    pub fn final_error(&self) -> String {
        let err = self.normalised_stderr();
        let lines: Vec<&str> = err.lines().collect();
        lines
            .iter()
            .rposition(|l| l.starts_with("error: ") || *l == "cancelled")
            .map(|at| lines[at..].join("\n"))
            .unwrap_or_default()
    }

    fn normalise(&self, text: &str) -> String {
        // Longest first, so that a value containing another is replaced whole.
        let mut redactions = self.redactions.clone();
        redactions.sort_by_key(|(v, _)| std::cmp::Reverse(v.len()));
        let text = redactions
            .iter()
            .fold(text.to_string(), |t, (v, p)| t.replace(v, p));
        normalise(&text)
    }
}

impl fmt::Display for CommandOutput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let out = self.normalised_stdout();
        let err = self.normalised_stderr();
        f.write_str(&out)?;
        if !out.is_empty() && !out.ends_with('\n') {
            f.write_str("\n")?;
        }
        if !err.is_empty() {
            f.write_str("------- stderr -------\n")?;
            f.write_str(&err)?;
            if !err.ends_with('\n') {
                f.write_str("\n")?;
            }
        }
        write!(f, "[exit status: {}]", self.status)
    }
}

/// Replaces what differs between runs and machines by placeholders.
pub fn normalise(text: &str) -> String {
    static RULES: OnceLock<Vec<(Regex, &'static str)>> = OnceLock::new();
    let rules = RULES.get_or_init(|| {
        let tmp = regex::escape(
            std::env::temp_dir()
                .display()
                .to_string()
                .trim_end_matches('/'),
        );
        [
            // tempfile's directories (`.tmpXXXXXX`), wherever TMPDIR is.
            (format!(r"(?:{tmp}|/tmp)/\.tmp[A-Za-z0-9_]+"), "[TEMP]"),
            // The private directory the sandbox puts its CA in.
            (format!(r"(?:{tmp}|/tmp)/cx2fa-[A-Za-z0-9_.-]+"), "[TEMP]"),
            // Ephemeral ports (a fixed one, like 9 for "nothing listens", stays).
            (
                r"(127\.0\.0\.1|localhost|\[::1\]):\d{4,5}\b".into(),
                "$1:[PORT]",
            ),
            (
                r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?".into(),
                "[TIME]",
            ),
            // A backup's name carries its time (`t1-20261205T004320Z...`).
            (r"\d{8}T\d{6}(?:\d+)?Z?".into(), "[TIME]"),
            // Durations a run measured (`1.234s`, `12ms`, `0.5 s`); a whole number of seconds
            // is a setting the user reads (`--timeout 30` says `30 s`) and stays.
            (
                r"\b(?:\d+\.\d+\s?s|\d+(?:\.\d+)?\s?(?:ms|µs))\b".into(),
                "[DURATION]",
            ),
        ]
        .into_iter()
        .map(|(re, to)| (Regex::new(&re).unwrap(), to))
        .collect()
    });
    rules.iter().fold(text.to_string(), |t, (re, to)| {
        re.replace_all(&t, *to).into_owned()
    })
}

#[test]
fn what_changes_between_runs_is_replaced() {
    let tmp = std::env::temp_dir().display().to_string();
    assert_eq!(
            normalise(&format!(
                "wrote {tmp}/.tmpAb12Cd/state/x at 2026-12-05T00:43:20Z to http://127.0.0.1:40123 in 1.25s"
            )),
            "wrote [TEMP]/state/x at [TIME] to http://127.0.0.1:[PORT] in [DURATION]"
        );
}

//! The one place that writes to the terminal.
//!
//! Data goes to stdout, everything else (status, warnings, progress, prompts) to stderr. Every
//! command returns a value implementing [`Report`]; the printer renders it as JSON or as a table
//! depending on `--output`, so that the JSON shape is a contract independent of the table.

pub mod progress;
pub mod schemas;

use crate::error::{CommandError, Kind};
use comfy_table::{presets, Cell, ContentArrangement, Table};
use cx2fa_core::settings::secrets;
use serde::Serialize;
use std::io::{IsTerminal, Write};

/// `--output` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Table,
    Json,
    /// Comma-separated rows, for commands that list things (`user status`).
    Csv,
}

/// `--color` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// What a command hands back to be shown.
pub trait Report: Serialize {
    /// The human rendering; JSON is the `Serialize` impl.
    fn render(&self, out: &Printer) -> String;
    /// CSV rows (header first) where the result is a list; `None` where CSV makes no sense.
    fn csv(&self) -> Option<Vec<Vec<String>>> {
        None
    }
}

/// Writes data, status and errors in the chosen format.
#[derive(Debug, Clone)]
pub struct Printer {
    pub format: Format,
    pub quiet: bool,
    pub color: bool,
    stderr_tty: bool,
    /// This process's colour marks: only what [`Printer::paint`] made becomes an escape.
    styles: cx2fa_core::text::Styles,
}

impl Printer {
    pub fn new(format: Format, quiet: bool, color: ColorChoice) -> Self {
        let stderr_tty = std::io::stderr().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let color = match color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => stderr_tty && !no_color,
        };
        Printer {
            format,
            quiet,
            color,
            stderr_tty,
            styles: Default::default(),
        }
    }

    /// A printer for tests and embedded use: table output, no colour.
    pub fn plain() -> Self {
        Printer {
            format: Format::Table,
            quiet: false,
            color: false,
            stderr_tty: false,
            styles: Default::default(),
        }
    }

    pub fn is_json(&self) -> bool {
        self.format == Format::Json
    }

    /// Whether progress bars and live status make sense (stderr is a terminal, not quiet).
    pub fn interactive_stderr(&self) -> bool {
        self.stderr_tty && !self.quiet
    }

    /// Prints the command's result on stdout. A closed pipe ends the process quietly.
    pub fn data<R: Report>(&self, report: &R) -> Result<(), CommandError> {
        let text = match self.format {
            // JSON escapes control characters itself, and its values are masked by key.
            Format::Json => serde_json::to_string_pretty(&versioned(report)?)
                .map_err(|e| CommandError::failed(format!("cannot render JSON: {e}")))?,
            Format::Table => self.clean(&report.render(self)),
            Format::Csv => match report.csv() {
                Some(rows) => to_csv(&rows)?,
                None => {
                    return Err(CommandError::usage("this command has no CSV output")
                        .with_hint("use `--output table` or `--output json`"))
                }
            },
        };
        write_stdout(&text)
    }

    /// Text for the terminal: known secrets scrubbed, control characters escaped (ESC too:
    /// newlines are kept, and this printer's own colours, painted by [`Printer::paint`], become
    /// escapes when colour is on). Every line cx2fa writes to a terminal goes through here or
    /// through [`sanitize`].
    pub fn clean(&self, text: &str) -> String {
        self.styles.clean(&secrets::scrub(text), self.color)
    }

    /// A line of progress or narration on stderr (not in quiet mode).
    pub fn status(&self, msg: impl AsRef<str>) {
        if !self.quiet {
            self.stderr_line("status", msg.as_ref());
        }
    }

    /// A warning on stderr; shown even in quiet mode, since it may change a decision.
    pub fn warn(&self, msg: impl AsRef<str>) {
        self.stderr_line("warning", msg.as_ref());
    }

    /// With `-o json` every line on stderr is one JSON object, so that a script can read the
    /// stream as it reads the error: `{"schemaVersion":1,"warning":"..."}`,
    /// `{"schemaVersion":1,"status":"..."}`, or the error object. Otherwise text.
    fn stderr_line(&self, what: &str, msg: &str) {
        if self.is_json() {
            let mut v = serde_json::Map::new();
            v.insert("schemaVersion".into(), SCHEMA_VERSION.into());
            v.insert(what.into(), self.styles.strip(&secrets::scrub(msg)).into());
            eprint_line(&serde_json::Value::Object(v).to_string());
        } else if what == "warning" {
            let label = self.paint("warning", "33");
            eprint_line(&self.clean(&format!("{label}: {msg}")));
        } else {
            eprint_line(&self.clean(msg));
        }
    }

    /// A log line on stderr, as given (a `probe` run's text or JSON line), known secrets
    /// scrubbed; shown in quiet mode too, since logs are what a long-running probe is for.
    pub fn log(&self, line: &str) {
        eprint_line(&sanitize_text(&secrets::scrub(line)));
    }

    /// A debug trace line on stderr.
    pub fn debug(&self, msg: impl AsRef<str>) {
        eprint_line(&self.clean(&format!("{} {}", self.paint("debug:", "2"), msg.as_ref())));
    }

    /// Shows an error: `error:`, `Caused by:`, `hint:`; or one JSON object in JSON mode.
    pub fn error(&self, err: &CommandError) {
        let scrub = |s: &String| secrets::scrub(s);
        if self.is_json() {
            let value = ErrorOutput {
                schema_version: SCHEMA_VERSION,
                error: ErrorBody {
                    kind: err.kind,
                    message: scrub(&err.message),
                    causes: err.causes.iter().map(scrub).collect(),
                    hint: err.hint.as_ref().map(scrub),
                    status: err.status,
                    url: err.url.as_ref().map(scrub),
                    exit_code: err.exit_code(),
                },
            };
            eprint_line(&serde_json::to_string(&value).unwrap_or_default());
            return;
        }
        // Painted first, cleaned once: the message's own text never styles the terminal.
        if err.kind == Kind::ChangesPending {
            eprint_line(&self.clean(&format!("{} (exit code 10)", err.message)));
            return;
        }
        if err.kind == Kind::Cancelled {
            match &err.hint {
                Some(h) => eprint_line(
                    &self.clean(&format!("cancelled\n\n{}: {h}", self.paint("hint", "1;36"))),
                ),
                None => eprint_line("cancelled"),
            }
            return;
        }
        let mut text = format!("{}: {}", self.paint("error", "1;31"), err.message);
        if !err.causes.is_empty() {
            text.push_str("\n\nCaused by:");
            for cause in &err.causes {
                text.push_str(&format!("\n    {cause}"));
            }
        }
        if let Some(hint) = &err.hint {
            text.push_str(&format!("\n\n{}: {hint}", self.paint("hint", "1;36")));
        }
        eprint_line(&self.clean(&text));
    }

    /// Wraps `text` in an SGR colour (`"1;31"`) when colour is on, as a mark that
    /// [`Printer::clean`] turns into the escape: text from a server cannot make one.
    pub fn paint(&self, text: &str, ansi: &str) -> String {
        if self.color {
            self.styles.paint(text, ansi)
        } else {
            text.to_string()
        }
    }

    /// A table with the house style: no colour codes unless colour is on, wraps to the terminal.
    pub fn table(&self, header: &[&str]) -> Table {
        let mut table = Table::new();
        table.load_preset(presets::UTF8_FULL_CONDENSED);
        table.set_content_arrangement(ContentArrangement::Dynamic);
        if !self.color {
            table.force_no_tty();
        }
        table.set_header(header.iter().map(Cell::new));
        table
    }
}

pub use cx2fa_core::text::{csv_cell, sanitize, sanitize_text};
pub use cx2fa_core::SCHEMA_VERSION;

/// `report` as JSON with `schemaVersion` first.
fn versioned<R: Serialize>(report: &R) -> Result<serde_json::Value, CommandError> {
    let mut v = serde_json::to_value(report)
        .map_err(|e| CommandError::failed(format!("cannot render JSON: {e}")))?;
    if let serde_json::Value::Object(m) = &mut v {
        m.shift_insert(0, "schemaVersion".into(), SCHEMA_VERSION.into());
    }
    Ok(v)
}

/// The JSON error object on stderr, with `-o json`.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ErrorOutput {
    pub schema_version: u32,
    pub error: ErrorBody,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ErrorBody {
    pub kind: Kind,
    pub message: String,
    pub causes: Vec<String>,
    pub hint: Option<String>,
    pub status: Option<u16>,
    pub url: Option<String>,
    pub exit_code: i32,
}

fn to_csv(rows: &[Vec<String>]) -> Result<String, CommandError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for row in rows {
        w.write_record(row.iter().map(|c| csv_cell(c)))
            .map_err(|e| CommandError::failed(e.to_string()))?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| CommandError::failed(e.to_string()))?;
    Ok(String::from_utf8_lossy(&bytes).trim_end().to_string())
}

/// Writes to stdout; a reader that went away (`cx2fa ... | head`) ends the process quietly.
pub fn write_stdout(text: &str) -> Result<(), CommandError> {
    let mut out = std::io::stdout().lock();
    let res = writeln!(out, "{text}").and_then(|_| out.flush());
    match res {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(e) => Err(CommandError::failed(format!("cannot write to stdout: {e}"))),
        Ok(()) => Ok(()),
    }
}

fn eprint_line(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{text}");
}

/// Renders a list of changes as a before → after table.
pub fn changes_table(out: &Printer, changes: &[cx2fa_core::settings::diff::Change]) -> String {
    let mut t = out.table(&["field", "before", "after"]);
    for c in changes {
        t.add_row(vec![
            c.path.clone(),
            cx2fa_core::settings::diff::render_value(c.before.as_ref()),
            cx2fa_core::settings::diff::render_value(c.after.as_ref()),
        ]);
    }
    t.to_string()
}

/// A simple key/value table, for reports that are one record.
pub fn kv_table(out: &Printer, rows: &[(&str, String)]) -> String {
    let mut table = out.table(&["field", "value"]);
    for (k, v) in rows {
        table.add_row(vec![Cell::new(k), Cell::new(v)]);
    }
    table.to_string()
}

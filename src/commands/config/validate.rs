//! `cx2fa config validate`: check 2FA update payloads or tenant documents offline.

use crate::ctx::Ctx;
use crate::error::{CommandError, Kind};
use crate::output::{Printer, Report};
use clap::Args;
use cx2fa_core::settings::validate::{FileReport, ValidationSeverity};
use serde::Serialize;

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Files to check; `-` reads stdin
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<String>,
    /// Treat warnings as errors
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
// Its name in the published schemas (`schemas/output/`), which predate this name.
#[schemars(rename = "Summary")]
pub struct ValidateSummary {
    pub files: usize,
    pub valid: usize,
    pub invalid: usize,
    pub errors: usize,
    pub warnings: usize,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ValidateReport {
    pub files: Vec<FileReport>,
    pub summary: ValidateSummary,
}

impl Report for ValidateReport {
    fn render(&self, out: &Printer) -> String {
        let mut lines = vec![];
        for f in &self.files {
            if let Some(why) = &f.failure {
                lines.push(format!("{} {}: {why}", out.paint("✗", "31"), f.file));
                continue;
            }
            let kind = f.kind.map(|k| k.describe()).unwrap_or("document");
            let mark = if f.valid {
                out.paint("✓", "32")
            } else {
                out.paint("✗", "31")
            };
            lines.push(format!(
                "{mark} {}: {kind}, {} error(s), {} warning(s)",
                f.file, f.errors, f.warnings
            ));
            for x in &f.findings {
                let sev = match x.severity {
                    ValidationSeverity::Error => out.paint("error", "31"),
                    ValidationSeverity::Warning => out.paint("warning", "33"),
                    ValidationSeverity::Note => out.paint("note", "36"),
                };
                lines.push(format!(
                    "  {}:{}:{}: {sev}: {} [{}]",
                    f.file, x.line, x.column, x.message, x.pointer
                ));
            }
            if let Some(n) = &f.note {
                lines.push(format!("  note: {n}"));
            }
        }
        let s = &self.summary;
        lines.push(format!(
            "{} file(s): {} valid, {} invalid; {} error(s), {} warning(s)",
            s.files, s.valid, s.invalid, s.errors, s.warnings
        ));
        lines.join("\n")
    }
}

pub(super) fn run(ctx: &Ctx, a: ValidateArgs) -> Result<(), CommandError> {
    if a.files.iter().filter(|f| *f == "-").count() > 1 {
        return Err(CommandError::usage("stdin (`-`) can be read only once"));
    }
    // Validation runs on its own threads; nothing else needs the runtime meanwhile.
    let files = cx2fa_core::settings::files::validate_files(&a.files);
    let summary = ValidateSummary {
        files: files.len(),
        valid: files
            .iter()
            .filter(|f| f.valid && (!a.strict || f.warnings == 0))
            .count(),
        invalid: files
            .iter()
            .filter(|f| !f.valid || (a.strict && f.warnings > 0))
            .count(),
        errors: files.iter().map(|f| f.errors).sum(),
        warnings: files.iter().map(|f| f.warnings).sum(),
    };
    let invalid = summary.invalid;
    let total = summary.files;
    ctx.out.data(&ValidateReport { files, summary })?;
    if invalid > 0 {
        let why = if a.strict {
            " (warnings count as errors with --strict)"
        } else {
            ""
        };
        return Err(CommandError::new(
            Kind::Failed,
            format!("{invalid} of {total} file(s) invalid{why}"),
        )
        .with_hint("fix the findings above; each names its JSON pointer and line:column"));
    }
    Ok(())
}

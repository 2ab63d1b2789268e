//! `cx2fa version [--verbose]`: the version, and for bug reports what the binary was built from.

use super::Ctx;
use crate::error::CommandError;
use crate::output::{kv_table, Printer, Report};
use clap::Args;
use serde::Serialize;

/// Print the version; with `--verbose`, the commit, build date, target, compiler and features
///
/// Examples:
///   cx2fa version --verbose
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct VersionArgs {
    /// Also the commit, build date, target, rustc version and enabled features
    #[arg(short, long)]
    pub verbose: bool,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Version {
    pub version: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub build: Option<Build>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Build {
    pub commit: &'static str,
    pub build_date: &'static str,
    pub target: &'static str,
    pub rustc: &'static str,
    pub profile: &'static str,
    pub features: Vec<&'static str>,
}

impl Report for Version {
    fn render(&self, out: &Printer) -> String {
        match &self.build {
            None => format!("cx2fa {}", self.version),
            Some(b) => kv_table(
                out,
                &[
                    ("version", self.version.to_string()),
                    ("commit", b.commit.to_string()),
                    ("build date", b.build_date.to_string()),
                    ("target", b.target.to_string()),
                    ("rustc", b.rustc.to_string()),
                    ("profile", b.profile.to_string()),
                    (
                        "features",
                        if b.features.is_empty() {
                            "(none)".into()
                        } else {
                            b.features.join(", ")
                        },
                    ),
                ],
            ),
        }
    }
}

pub fn run(ctx: &Ctx, a: VersionArgs) -> Result<(), CommandError> {
    let features = env!("CX2FA_BUILD_FEATURES");
    ctx.out.data(&Version {
        version: env!("CARGO_PKG_VERSION"),
        build: a.verbose.then(|| Build {
            commit: env!("CX2FA_BUILD_COMMIT"),
            build_date: env!("CX2FA_BUILD_DATE"),
            target: env!("CX2FA_BUILD_TARGET"),
            rustc: env!("CX2FA_BUILD_RUSTC"),
            profile: env!("CX2FA_BUILD_PROFILE"),
            features: features.split(',').filter(|f| !f.is_empty()).collect(),
        }),
    })
}

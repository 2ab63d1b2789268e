//! `cx2fa user status|reset`: one file per verb (`status`, `reset`), their runs over several
//! tenants (`fleet`, `fleet_reset`), what a reset prints (`report`), and the person's side of a
//! reset run (`ui`).

pub(crate) mod fleet;
pub(crate) mod fleet_reset;
mod report;
mod reset;
mod status;
mod ui;

use super::Ctx;
use crate::error::CommandError;
use clap::Subcommand;
use reset::ResetArgs;
use status::StatusArgs;

pub use report::ResetReport;
pub use status::UserList;

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

pub async fn run(ctx: &Ctx, cmd: UserCmd) -> Result<(), CommandError> {
    match cmd {
        UserCmd::Status(a) => status::status(ctx, a).await,
        UserCmd::Reset(a) => reset::reset(ctx, a).await,
    }
}

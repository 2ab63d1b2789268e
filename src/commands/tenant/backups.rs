//! `cx2fa tenant backups`: the local backups taken before each push.

use crate::ctx::Ctx;
use crate::error::CommandError;
use crate::output::{Printer, Report};
use cx2fa_core::backup;
use serde::Serialize;

#[derive(Debug, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct BackupList {
    pub backups: Vec<backup::Entry>,
}

impl Report for BackupList {
    fn render(&self, out: &Printer) -> String {
        if self.backups.is_empty() {
            return "no backups yet: one is written before every push".into();
        }
        let mut t = out.table(&["name", "tenant", "taken (UTC)", "bytes"]);
        for b in &self.backups {
            t.add_row(vec![
                b.name.clone(),
                b.tenant.clone(),
                b.taken.clone(),
                b.bytes.to_string(),
            ]);
        }
        t.to_string()
    }
}

pub(super) fn run(ctx: &Ctx) -> Result<(), CommandError> {
    let ids = ctx.tenant_ids();
    ctx.out.data(&BackupList {
        backups: backup::list(ids.first().map(String::as_str))?,
    })
}

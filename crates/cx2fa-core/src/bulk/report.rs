//! The per-row NDJSON report: appended to, 0600, flushed often, shared by the workers.

use super::ResetRow;
use crate::error::Error;
use std::io::Write;
use std::sync::Arc;

/// The NDJSON report, written through a buffer that reaches the file at least every
/// [`ReportWriter::EVERY`]. A run cut short without warning (a kill, a power cut) loses at most
/// that much of the report; `--resume` then redoes those rows, which is safe because a reset is
/// idempotent (they come back `already-clean`). A Ctrl-C or an error still flushes everything.
pub(super) struct ReportWriter {
    out: std::io::BufWriter<Box<dyn Write + Send>>,
    flushed: std::time::Instant,
}

impl ReportWriter {
    const EVERY: std::time::Duration = std::time::Duration::from_millis(200);

    pub(super) fn new(w: Box<dyn Write + Send>) -> Self {
        ReportWriter {
            out: std::io::BufWriter::with_capacity(64 * 1024, w),
            flushed: std::time::Instant::now(),
        }
    }

    pub(super) fn write(&mut self, row: &ResetRow) -> Result<(), Error> {
        serde_json::to_writer(&mut self.out, row)
            .map_err(std::io::Error::from)
            .and_then(|_| self.out.write_all(b"\n"))
            .map_err(report_error)?;
        if self.flushed.elapsed() >= Self::EVERY {
            self.flush()?;
        }
        Ok(())
    }

    pub(super) fn flush(&mut self) -> Result<(), Error> {
        self.flushed = std::time::Instant::now();
        self.out.flush().map_err(report_error)
    }
}

fn report_error(e: std::io::Error) -> Error {
    Error::failed(format!("cannot write the report: {e}"))
}

/// One report file that several runs write at once (the tenants of a fleet): each run's rows
/// reach the file whole, never interleaved in the middle of a line.
#[derive(Clone)]
pub struct SharedReport(Arc<std::sync::Mutex<Box<dyn Write + Send>>>);

impl SharedReport {
    pub fn new(w: Box<dyn Write + Send>) -> Self {
        SharedReport(Arc::new(std::sync::Mutex::new(w)))
    }
    /// A writer for one run: it hands the file only complete lines.
    pub fn handle(&self) -> Box<dyn Write + Send> {
        Box::new(LineHandle {
            file: self.clone(),
            pending: vec![],
        })
    }
}

struct LineHandle {
    file: SharedReport,
    pending: Vec<u8>,
}

impl Write for LineHandle {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.pending.extend_from_slice(buf);
        if let Some(end) = self.pending.iter().rposition(|b| *b == b'\n') {
            let mut f = self.file.0.lock().unwrap_or_else(|p| p.into_inner());
            f.write_all(&self.pending[..=end])?;
            self.pending.drain(..=end);
        }
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.file
            .0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .flush()
    }
}

/// The report, appended to: 0600, never through a planted symlink (`private::append`).
pub fn open_report(p: &std::path::Path) -> Result<Box<dyn Write + Send>, Error> {
    Ok(Box::new(crate::private::append(p).map_err(|e| {
        Error::usage(format!("cannot write report `{}`: {e}", p.display()))
    })?))
}

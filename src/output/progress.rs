//! Progress beside the printer (uv's `reporters.rs`): every indicatif bar is made here, and a
//! run without a terminal gets a progress line every few seconds instead.

use super::Printer;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A bar of `total` rows (a spinner when unknown) on stderr, when stderr is a terminal and the
/// run is not quiet; `None` otherwise. `template` is indicatif's.
pub fn bar(out: &Printer, total: Option<u64>, template: &str) -> Option<indicatif::ProgressBar> {
    out.interactive_stderr().then(|| {
        let b = match total {
            Some(n) => indicatif::ProgressBar::new(n),
            None => indicatif::ProgressBar::new_spinner(),
        };
        b.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        b.set_style(
            indicatif::ProgressStyle::with_template(template)
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        b
    })
}

/// Rows done and failed, shared between the workers and a [`Ticker`].
pub type ProgressCounts = Arc<[AtomicU64; 2]>;

/// Without a terminal: a status line every `every`, so that a CI job's log (and its
/// watchdog) sees the run alive, however slow the server. Stops when dropped.
pub struct Ticker(tokio::task::JoinHandle<()>);

impl Ticker {
    pub fn start(out: &Printer, every: Duration, total: Option<u64>, done: ProgressCounts) -> Self {
        let out = out.clone();
        let of = total.map(|n| format!(" of {n}")).unwrap_or_default();
        let started = Instant::now();
        Ticker(tokio::spawn(async move {
            let mut tick = tokio::time::interval(every);
            tick.tick().await;
            loop {
                tick.tick().await;
                out.status(format!(
                    "progress: {}{of} rows done ({} failed) after {} s",
                    done[0].load(Relaxed),
                    done[1].load(Relaxed),
                    started.elapsed().as_secs()
                ));
            }
        }))
    }
}

impl Ticker {
    /// Stops the lines now (a run's end, before its summary).
    pub fn stop(&self) {
        self.0.abort();
    }
}

impl Drop for Ticker {
    fn drop(&mut self) {
        self.0.abort();
    }
}

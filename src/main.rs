use clap::Parser;

// Bulk work allocates many small short-lived objects per HTTP call; mimalloc cut a 10,000-row
// `user reset` by about a fifth against glibc's allocator (benches/run.sh). Transparent huge
// pages are off (Cargo.toml) because zeroing one at start-up cost more than `--version` takes.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    no_core_dumps();
    // A shell asking for completions (`COMPLETE=bash cx2fa -- …`, see src/complete.rs)
    // gets its answer and the process ends here; otherwise this returns at once.
    clap_complete::CompleteEnv::with_factory(<cx2fa::cli::Cli as clap::CommandFactory>::command)
        .complete();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let cli = if cx2fa::cli::wants_help(&args) {
        use clap::FromArgMatches;
        let matches = cx2fa::cli::presented().get_matches_from(&args);
        cx2fa::cli::Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
    } else {
        cx2fa::cli::Cli::parse_from(&args)
    };
    let runtime = match // One thread: the work is I/O-bound, and cross-thread wakeups cost more than they give.
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            let err = cx2fa::error::CommandError::failed(format!("cannot start the async runtime: {e}"));
            cx2fa::output::Printer::plain().error(&err);
            std::process::exit(err.exit_code());
        }
    };
    let code = match runtime.block_on(cx2fa::run(cli)) {
        Ok(()) => 0,
        Err(e) => e.exit_code(),
    };
    // Don't wait for background tasks (e.g. a sandbox's server) to wind down.
    runtime.shutdown_background();
    std::process::exit(code);
}

/// cx2fa holds the master admin's password, tokens and an agent's password in memory: no core
/// dump may hold them (a SIGQUIT core had each several times), and no other process of the
/// account may read this one's memory or environment (`/proc/<pid>/mem`, `environ`, ptrace).
/// Not dumpable makes `/proc/<pid>` root's and refuses ptrace; a zero core limit also covers
/// `fs.suid_dumpable=2`, where a non-dumpable process still dumps (for root). Done first,
/// before any secret is read. Failure is not fatal: both calls only take away.
fn no_core_dumps() {
    // SAFETY: plain system calls on this process, with constant arguments.
    unsafe {
        libc::prctl(libc::PR_SET_DUMPABLE, 0, 0, 0, 0);
        // The soft limit only: children (`--otp-cmd`) may raise it again for themselves.
        let mut core = std::mem::zeroed::<libc::rlimit>();
        if libc::getrlimit(libc::RLIMIT_CORE, &mut core) == 0 {
            core.rlim_cur = 0;
            libc::setrlimit(libc::RLIMIT_CORE, &core);
        }
    }
}

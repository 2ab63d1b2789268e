use clap::Parser;

// Bulk work allocates many small short-lived objects per HTTP call; mimalloc cut a 10,000-row
// `user reset` by about a fifth against glibc's allocator (benches/run.sh). Transparent huge
// pages are off (Cargo.toml) because zeroing one at start-up cost more than `--version` takes.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
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
            let err = cx2fa::error::Error::failed(format!("cannot start the async runtime: {e}"));
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

//! One isolated environment for every `cx2fa` a test runs (jj's `TestEnvironment`): a private
//! home with its own XDG directories, nothing inherited but `PATH`, a fixed width, no colour,
//! and standard input closed, so that no run reads the developer's profile, credentials or
//! terminal, and every run of a test sees the same.

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use std::process::Stdio;

/// The width every run is told it has: `--help` wraps to it, whatever terminal ran the tests.
pub const COLUMNS: &str = "100";

pub struct TestEnv {
    /// Kept alive while the environment is used; `None` when the home belongs to the caller.
    _owned: Option<tempfile::TempDir>,
    vars: Vec<(String, String)>,
}

impl TestEnv {
    /// An environment with a fresh private home, removed when it is dropped.
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let mut env = Self::at(dir.path());
        env._owned = Some(dir);
        env
    }

    /// An environment whose home is `home` (the caller keeps it alive): its XDG directories
    /// are `config`, `state`, `data` and `cache` below it.
    pub fn at(home: &Path) -> Self {
        let dir = |d: &str| home.join(d).display().to_string();
        let vars = vec![
            ("PATH".into(), std::env::var("PATH").unwrap_or_default()),
            ("HOME".into(), home.display().to_string()),
            ("XDG_CONFIG_HOME".into(), dir("config")),
            ("XDG_STATE_HOME".into(), dir("state")),
            ("XDG_DATA_HOME".into(), dir("data")),
            ("XDG_CACHE_HOME".into(), dir("cache")),
            ("NO_COLOR".into(), "1".into()),
            ("COLUMNS".into(), COLUMNS.into()),
        ];
        TestEnv { _owned: None, vars }
    }

    /// Sets (or replaces) one variable.
    pub fn set(mut self, key: impl Into<String>, value: impl AsRef<std::ffi::OsStr>) -> Self {
        let key = key.into();
        let value = value.as_ref().to_string_lossy().into_owned();
        match self.vars.iter_mut().find(|(k, _)| *k == key) {
            Some(kv) => kv.1 = value,
            None => self.vars.push((key, value)),
        }
        self
    }

    /// Sets every pair of `vars`, in order.
    pub fn set_all<K: Into<String>, V: AsRef<std::ffi::OsStr>>(
        self,
        vars: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        vars.into_iter().fold(self, |env, (k, v)| env.set(k, v))
    }

    /// Leaves one variable out.
    pub fn without(mut self, key: &str) -> Self {
        self.vars.retain(|(k, _)| k != key);
        self
    }

    /// `program` with exactly this environment and standard input closed.
    pub fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> std::process::Command {
        let mut c = std::process::Command::new(program);
        self.apply(&mut c);
        c.stdin(Stdio::null());
        c
    }

    /// Gives `c` exactly this environment, for programs started another way (through
    /// `unshare` or `setpriv`, or in a pseudo-terminal, whose standard input is left alone).
    pub fn apply(&self, c: &mut std::process::Command) {
        c.env_clear().envs(self.vars.iter().map(|(k, v)| (k, v)));
    }

    /// The `cx2fa` under test, as a plain process (for tests that spawn and signal it).
    pub fn cx2fa_process(&self) -> std::process::Command {
        self.command(bin())
    }

    /// The `cx2fa` under test, for `assert_cmd`.
    pub fn cx2fa(&self) -> Command {
        Command::from_std(self.cx2fa_process())
    }

    /// `sh -c LINE` with this environment and the `cx2fa` under test first on its `PATH`.
    pub fn shell(&self, line: &str) -> Command {
        let mut c = self.command("sh");
        c.args(["-c", line]);
        let dir = bin()
            .parent()
            .expect("the binary's directory")
            .to_path_buf();
        let path = std::env::var("PATH").unwrap_or_default();
        c.env("PATH", format!("{}:{path}", dir.display()));
        Command::from_std(c)
    }
}

/// The `cx2fa` binary under test.
pub fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("cx2fa")
}

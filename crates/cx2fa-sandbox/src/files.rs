//! How the sandbox reads the files it is given (`--seed`, `--state`) and writes the ones it
//! keeps (state, the TLS CA). The binary passes cx2fa's own checked, private file handling; the
//! default is the standard library, enough for tests that name files they made themselves.

use std::fmt::Debug;
use std::path::Path;

/// A failure reading a file, kept whole so that the caller can show its own error.
pub type FileError = Box<dyn std::error::Error + Send + Sync>;

/// File access for the sandbox.
pub trait Files: Send + Sync + Debug {
    /// Reads a text file named by the user with `flag`, at most `limit` bytes.
    fn read_text(&self, path: &Path, flag: &str, limit: u64) -> Result<String, FileError>;
    /// Whether an existing `path` is a regular file (the state file is written back).
    fn is_regular_file(&self, path: &Path, flag: &str) -> Result<bool, FileError>;
    /// Writes `bytes` readable by the owner only, atomically, never through a symlink: the
    /// state holds every seeded password.
    fn write_private(&self, path: &Path, bytes: &[u8]) -> std::io::Result<()>;
}

/// The standard library's file access, with owner-only permissions on Unix.
#[derive(Debug, Default)]
pub struct StdFiles;

impl Files for StdFiles {
    fn read_text(&self, path: &Path, _flag: &str, limit: u64) -> Result<String, FileError> {
        use std::io::Read;
        let mut text = String::new();
        std::fs::File::open(path)?
            .take(limit)
            .read_to_string(&mut text)?;
        Ok(text)
    }
    fn is_regular_file(&self, path: &Path, _flag: &str) -> Result<bool, FileError> {
        Ok(std::fs::metadata(path)?.is_file())
    }
    fn write_private(&self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        let tmp = path.with_extension(format!("tmp{}", std::process::id()));
        let mut opts = std::fs::OpenOptions::new();
        opts.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
        std::io::Write::write_all(&mut opts.open(&tmp)?, bytes)?;
        std::fs::rename(&tmp, path)
    }
}

/// Refuses a state file another local account could have written: one owned by someone else
/// than this user (or root), or writable by group or others. Its master admin and seeded
/// users would be loaded, and their passwords shown in the banner as this run's.
pub fn check_trusted(path: &Path) -> Result<(), String> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    // SAFETY: geteuid has no preconditions and cannot fail.
    let me = unsafe { libc::geteuid() };
    if meta.uid() != me && meta.uid() != 0 {
        return Err(format!(
            "it belongs to another account (uid {}), which may have planted it",
            meta.uid()
        ));
    }
    if meta.mode() & 0o022 != 0 {
        return Err(format!(
            "other accounts may write to it (mode {:o})",
            meta.mode() & 0o777
        ));
    }
    Ok(())
}

//! Files and directories that hold secrets (credentials, backups of tenant documents, the
//! sandbox's state and CA): directories 0700 however the umask is set, files created
//! exclusively with mode 0600 under a random name and renamed into place, never through a
//! planted symlink, and writers of one file serialised by a lock.

use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// Creates `dir` (and missing parents) with mode 0700, and makes `dir` itself 0700 if it
/// already existed with a wider mode.
pub fn dir(dir: &Path) -> std::io::Result<()> {
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)?;
    let meta = std::fs::symlink_metadata(dir)?;
    if meta.file_type().is_symlink() {
        return Err(std::io::Error::other(format!(
            "`{}` is a symlink; refusing to keep secrets behind it",
            dir.display()
        )));
    }
    if meta.permissions().mode() & 0o077 != 0 {
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

/// Creates what is missing of `dir` with mode 0700; an existing directory is left as it is
/// (it may be a shared one such as `/tmp`, which only holds the file).
fn create_missing(dir: &Path) -> std::io::Result<()> {
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}

/// A new file of mode 0600 that did not exist before (`O_EXCL`, `O_NOFOLLOW`).
pub fn create_new(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .custom_flags(o_nofollow())
        .open(path)
}

/// A file that grows (a bulk run's report): appended to, created with mode 0600 whatever the
/// umask, never through a symlink to a file. A symlink is followed only to a stream, a pipe or
/// a character device (`/dev/stdout`, a shell's `>(...)`): writing there overwrites nobody's
/// file, and the type is checked on the opened descriptor, so the link cannot be swapped in
/// between. An existing file of ours that others may read is made 0600.
pub fn append(path: &Path) -> std::io::Result<std::fs::File> {
    let opened = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .mode(0o600)
        .custom_flags(o_nofollow())
        .open(path);
    match opened {
        Ok(f) => {
            let meta = f.metadata()?;
            if meta.is_file() && meta.permissions().mode() & 0o077 != 0 {
                // Someone else's file (we may append, not chmod) keeps its mode.
                let _ = f.set_permissions(std::fs::Permissions::from_mode(0o600));
            }
            Ok(f)
        }
        Err(e) if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) => {
            use std::os::unix::fs::FileTypeExt;
            // Without O_CREAT: opening for append changes nothing until the first write.
            let f = std::fs::OpenOptions::new().append(true).open(path)?;
            let ft = f.metadata()?.file_type();
            if ft.is_fifo() || ft.is_char_device() {
                Ok(f)
            } else {
                Err(std::io::Error::new(
                    e.kind(),
                    "it is a symlink to a file, and nothing is written through one (another account may have planted it)",
                ))
            }
        }
        Err(e) => Err(e),
    }
}

/// `O_NOFOLLOW`, which std does not name.
fn o_nofollow() -> i32 {
    if cfg!(any(target_os = "linux", target_os = "android")) {
        0o400000
    } else {
        0x0100
    }
}

/// Writes `bytes` to `path` atomically with mode 0600 (what is missing of its directory is
/// created 0700; callers that own the directory make it private with [`dir`] first): a fresh file with a random name in the
/// same directory, synced, then renamed over `path`. Concurrent writers of the same path each
/// write their own temporary file, so the result is always one whole writer's bytes.
pub fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let parent = path.parent().unwrap_or(Path::new("."));
    create_missing(parent)?;
    let tmp = temp_name(path);
    let result = (|| {
        let mut f = create_new(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

fn temp_name(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.{:016x}.tmp", rand::random::<u64>()))
}

/// An exclusive lock on `<path>.lock`, held until dropped: read-modify-write cycles of one
/// file (the token cache) by several processes at once take turns.
pub struct Lock(#[allow(dead_code)] std::fs::File);

pub fn lock(path: &Path) -> std::io::Result<Lock> {
    let parent = path.parent().unwrap_or(Path::new("."));
    create_missing(parent)?;
    let mut name = path.as_os_str().to_owned();
    name.push(".lock");
    let f = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .custom_flags(o_nofollow())
        .open(PathBuf::from(name))?;
    f.lock()?;
    Ok(Lock(f))
}

/// A private temporary directory (0700, random name), removed with everything in it when
/// dropped.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(prefix: &str) -> std::io::Result<Self> {
        let base = std::env::temp_dir();
        for _ in 0..16 {
            let p = base.join(format!("{prefix}-{:016x}", rand::random::<u64>()));
            match std::fs::DirBuilder::new().mode(0o700).create(&p) {
                Ok(()) => return Ok(TempDir(p)),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
        }
        Err(std::io::Error::other("no free temporary directory name"))
    }
    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_0600_and_never_written_through_a_symlink() {
        let d = tempfile::tempdir().unwrap();
        let target = d.path().join("victim");
        std::fs::write(&target, "keep").unwrap();
        let planted = d.path().join("creds.json");
        std::os::unix::fs::symlink(&target, &planted).unwrap();
        // The rename replaces the link itself; the link's target is untouched.
        write(&planted, b"secret").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep");
        let meta = std::fs::symlink_metadata(&planted).unwrap();
        assert!(meta.file_type().is_file());
        assert_eq!(meta.permissions().mode() & 0o777, 0o600);
        // An exclusive create refuses a planted name.
        assert!(create_new(&target).is_err());
    }

    #[test]
    fn appended_files_are_0600_and_never_written_through_a_link_to_a_file() {
        let d = tempfile::tempdir().unwrap();
        let target = d.path().join("victim");
        std::fs::write(&target, "keep").unwrap();
        let planted = d.path().join("report.ndjson");
        std::os::unix::fs::symlink(&target, &planted).unwrap();
        assert!(append(&planted).is_err());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep");
        let fresh = d.path().join("fresh.ndjson");
        append(&fresh).unwrap().write_all(b"row\n").unwrap();
        let mode = std::fs::metadata(&fresh).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        // A link to a stream is followed.
        let null = d.path().join("null");
        std::os::unix::fs::symlink("/dev/null", &null).unwrap();
        append(&null).unwrap().write_all(b"row\n").unwrap();
    }

    #[test]
    fn directories_are_0700_whatever_the_umask() {
        let d = tempfile::tempdir().unwrap();
        let deep = d.path().join("a/b/c");
        dir(&deep).unwrap();
        for p in [d.path().join("a"), d.path().join("a/b"), deep] {
            let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o700, "{}", p.display());
        }
    }
}

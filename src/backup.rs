//! Local backups of tenant documents, written before every push.
//!
//! They hold secrets, so the directory is 0700 and each file 0600.

use crate::error::Error;
use crate::settings::Tenant;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// `$XDG_STATE_HOME/cx2fa/backups` (usually `~/.local/state/cx2fa/backups`).
pub fn dir() -> Result<PathBuf, Error> {
    std::env::var_os("XDG_STATE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(dirs::state_dir)
        .or_else(|| dirs::home_dir().map(|h| h.join(".local/state")))
        .map(|d| d.join("cx2fa").join("backups"))
        .ok_or_else(|| {
            Error::failed("cannot find a state directory for backups")
                .with_hint("set `XDG_STATE_HOME`")
        })
}

#[cfg(unix)]
fn restrict(path: &Path, mode: u32) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
}
#[cfg(not(unix))]
fn restrict(_: &Path, _: u32) -> std::io::Result<()> {
    Ok(())
}

/// Writes `t` and returns where; refuses to go on if it cannot (no backup, no write).
pub fn write(t: &Tenant) -> Result<PathBuf, Error> {
    let d = dir()?;
    std::fs::create_dir_all(&d)
        .and_then(|_| restrict(&d, 0o700))
        .map_err(|e| {
            Error::failed(format!(
                "cannot create the backup directory `{}`: {e}",
                d.display()
            ))
            .with_hint(
                "nothing was written to the tenant; fix the directory or set `XDG_STATE_HOME`",
            )
        })?;
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.3fZ");
    let id: String = t
        .id()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let path = d.join(format!("{id}-{stamp}.json"));
    let text = serde_json::to_vec_pretty(&t.0).map_err(|e| Error::failed(e.to_string()))?;
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    use std::io::Write;
    opts.open(&path)
        .and_then(|mut f| f.write_all(&text).and_then(|_| f.sync_all()))
        .map_err(|e| {
            Error::failed(format!("cannot write the backup `{}`: {e}", path.display()))
                .with_hint("nothing was written to the tenant")
        })?;
    Ok(path)
}

/// One backup on disk.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    pub name: String,
    pub tenant: String,
    pub taken: String,
    pub bytes: u64,
    pub path: PathBuf,
}

/// Every backup, newest first, optionally of one tenant.
pub fn list(tenant: Option<&str>) -> Result<Vec<Entry>, Error> {
    let d = dir()?;
    let rd = match std::fs::read_dir(&d) {
        Ok(r) => r,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(vec![]),
        Err(e) => return Err(Error::failed(format!("cannot read `{}`: {e}", d.display()))),
    };
    let mut out = vec![];
    for entry in rd.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        let Some(stem) = name.strip_suffix(".json") else {
            continue;
        };
        let Some((id, taken)) = stem.rsplit_once('-') else {
            continue;
        };
        if tenant.is_some_and(|t| t != id) {
            continue;
        }
        let bytes = entry.metadata().map(|m| m.len()).unwrap_or(0);
        out.push(Entry {
            name: name.clone(),
            tenant: id.into(),
            taken: taken.into(),
            bytes,
            path: entry.path(),
        });
    }
    out.sort_by(|a, b| b.taken.cmp(&a.taken));
    Ok(out)
}

/// Reads a backup by path or by name in the backup directory.
pub fn read(name_or_path: &str) -> Result<Tenant, Error> {
    let p = Path::new(name_or_path);
    let path = if p.exists() {
        p.to_path_buf()
    } else {
        dir()?.join(name_or_path)
    };
    let text = std::fs::read_to_string(&path).map_err(|e| {
        Error::not_found(format!("cannot read backup `{}`: {e}", path.display()))
            .with_hint("`cx2fa tenant backups` lists them")
    })?;
    let v = serde_json::from_str(&text)
        .map_err(|e| Error::failed(format!("`{}` is not a tenant backup: {e}", path.display())))?;
    Ok(Tenant(v))
}

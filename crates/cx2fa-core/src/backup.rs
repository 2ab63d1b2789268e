//! Local backups of tenant documents, written before every push.
//!
//! They hold secrets, so the directory is 0700 and each file 0600.

use crate::error::{Error, Fix};
use crate::settings::Tenant;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// The backup directory of this process, set once by the caller ([`use_dir`]): every push
/// writes its backup there, whichever operation makes it.
static DIR: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();

/// Sets where backups go (usually `~/.local/state/cx2fa/backups`:
/// [`crate::paths::Dirs::backups`]); `None` means there is no state directory, and a push
/// refuses to go on. The first call wins: one directory per process.
pub fn use_dir(dir: Option<PathBuf>) {
    let _ = DIR.set(dir);
}

/// The backup directory given to [`use_dir`].
pub fn dir() -> Result<PathBuf, Error> {
    DIR.get().cloned().flatten().ok_or_else(|| {
        Error::failed("cannot find a state directory for backups").with_fix(Fix::SetStateHome)
    })
}

/// The file a backup is kept in: the document as it was, and where it came from, so that
/// `tenant restore` does not put one deployment's tenant onto another.
#[derive(Debug, Serialize, serde::Deserialize)]
struct File {
    cx2fa: Meta,
    document: serde_json::Value,
}

#[derive(Debug, Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct Meta {
    /// The deployment's base URL.
    backup_of: String,
    tenant_id: String,
    taken: String,
}

/// A backup as read back: the document, and the deployment it came from when recorded (a
/// backup written by an older cx2fa is the bare document).
pub struct Backup {
    pub tenant: Tenant,
    pub deployment: Option<String>,
    pub path: PathBuf,
}

/// A tenant id as it appears in a file name: letters, digits, `_` and `-` as they are, every
/// other byte as `%XX`, so that the name maps back to exactly one id.
fn file_id(id: &str) -> String {
    const KEEP: &percent_encoding::AsciiSet =
        &percent_encoding::NON_ALPHANUMERIC.remove(b'_').remove(b'-');
    percent_encoding::utf8_percent_encode(id, KEEP).to_string()
}

/// Writes `t`, taken from the deployment at `deployment`, and returns where; refuses to go
/// on if it cannot (no backup, no write).
pub fn write(t: &Tenant, deployment: &str) -> Result<PathBuf, Error> {
    let d = dir()?;
    crate::private::dir(&d).map_err(|e| {
        Error::failed(format!(
            "cannot create the backup directory `{}`: {e}",
            d.display()
        ))
        .with_fix(Fix::BackupDirectory)
    })?;
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.3fZ").to_string();
    let path = d.join(format!("{}-{stamp}.json", file_id(t.id())));
    let file = File {
        cx2fa: Meta {
            backup_of: deployment.to_string(),
            tenant_id: t.id().to_string(),
            taken: stamp,
        },
        document: t.0.clone(),
    };
    let text = serde_json::to_vec_pretty(&file).map_err(|e| Error::failed(e.to_string()))?;
    use std::io::Write;
    crate::private::create_new(&path)
        .and_then(|mut f| f.write_all(&text).and_then(|_| f.sync_all()))
        .map_err(|e| {
            Error::failed(format!("cannot write the backup `{}`: {e}", path.display()))
                .with_fix(Fix::NothingWritten)
        })?;
    Ok(path)
}

/// One backup on disk.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
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
        let Some((encoded, taken)) = stem.rsplit_once('-') else {
            continue;
        };
        let id = percent_encoding::percent_decode_str(encoded)
            .decode_utf8_lossy()
            .into_owned();
        if tenant.is_some_and(|t| t != id && file_id(t) != encoded) {
            continue;
        }
        let bytes = entry.metadata().map(|m| m.len()).unwrap_or(0);
        out.push(Entry {
            name: name.clone(),
            tenant: id,
            taken: taken.into(),
            bytes,
            path: entry.path(),
        });
    }
    out.sort_by(|a, b| b.taken.cmp(&a.taken));
    Ok(out)
}

/// Reads a backup by its name in the backup directory (`tenant backups` lists them).
pub fn read_named(name: &str) -> Result<Backup, Error> {
    if name.contains('/') || name == ".." || name == "." {
        return Err(
            Error::usage(format!("`{name}` is not a backup name")).with_fix(Fix::BackupNameNotPath)
        );
    }
    let path = dir()?.join(name);
    if !path.is_file() {
        return Err(
            Error::not_found(format!("no backup named `{name}`")).with_fix(Fix::ListBackups)
        );
    }
    read_path(&path)
}

/// Reads a backup from a file anywhere.
pub fn read_path(path: &Path) -> Result<Backup, Error> {
    let name = path.display().to_string();
    let text = crate::input::read_text(&name, crate::input::InputSource::Backup, 64 << 20)?;
    let v: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| Error::failed(format!("`{name}` is not a tenant backup: {e}")))?;
    let (tenant, deployment) = match serde_json::from_value::<File>(v.clone()) {
        Ok(f) => (Tenant(f.document), Some(f.cx2fa.backup_of)),
        Err(_) => (Tenant(v), None),
    };
    Ok(Backup {
        tenant,
        deployment,
        path: path.to_path_buf(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tenant_ids_map_to_file_names_and_back_exactly() {
        for id in ["expertflow", "team.one", "team_one", "a b/c", "ünï-1"] {
            let enc = file_id(id);
            assert!(
                enc.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "_-%".contains(c)),
                "{enc}"
            );
            let back = percent_encoding::percent_decode_str(&enc).decode_utf8_lossy();
            assert_eq!(back, id);
        }
        assert_ne!(file_id("team.one"), file_id("team_one"));
    }
}

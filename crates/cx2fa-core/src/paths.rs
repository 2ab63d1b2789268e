//! Where cx2fa keeps its files, as the caller found them. Core reads no environment: the
//! binary works these out from `XDG_*`/`HOME` once and passes them in (rustup's
//! `impl TryFrom<&Process> for ...` shape).

use std::path::PathBuf;

/// The base directories cx2fa's files live under; `None` where the platform has none.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dirs {
    /// `$XDG_CONFIG_HOME` (or the platform's): profiles in `cx2fa/config.toml`.
    pub config: Option<PathBuf>,
    /// `$XDG_DATA_HOME` (or the platform's): stored credentials in `cx2fa/credentials/`.
    pub data: Option<PathBuf>,
    /// `$XDG_STATE_HOME` (or the platform's, or `~/.local/state`): backups in `cx2fa/backups/`.
    pub state: Option<PathBuf>,
}

impl Dirs {
    /// The profiles file.
    pub fn config_file(&self) -> Option<PathBuf> {
        self.config
            .as_ref()
            .map(|d| d.join("cx2fa").join("config.toml"))
    }
    /// Where `auth login` keeps a profile's credentials.
    pub fn credentials(&self) -> Option<PathBuf> {
        self.data
            .as_ref()
            .map(|d| d.join("cx2fa").join("credentials"))
    }
    /// Where tenant documents are backed up before a push.
    pub fn backups(&self) -> Option<PathBuf> {
        self.state.as_ref().map(|d| d.join("cx2fa").join("backups"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_file_lives_under_its_base() {
        let d = Dirs {
            config: Some("/c".into()),
            data: Some("/d".into()),
            state: None,
        };
        assert_eq!(d.config_file(), Some(PathBuf::from("/c/cx2fa/config.toml")));
        assert_eq!(d.credentials(), Some(PathBuf::from("/d/cx2fa/credentials")));
        assert_eq!(d.backups(), None);
    }
}

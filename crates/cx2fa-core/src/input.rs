//! Paths given to an operation: one place that looks at what a path is before reading or
//! writing it, so that a directory, a named pipe nobody writes to, a device that never ends or a
//! file full of one endless line is refused at once with the path named (an [`InputError`]),
//! instead of a hang, a spin or an out-of-memory abort. Core names which input a path was
//! given as ([`InputSource`]); the binary words it (the flag it is given by).

use crate::error::{Error, Fix, Kind};
use std::fs::{File, Metadata};
use std::io::{self, BufRead, Read};
use std::os::unix::fs::FileTypeExt;
use std::path::Path;

/// The longest line a list of names may hold. Usernames are short and a CSV row of `user status`
/// is a few hundred bytes; a longer line means the input is not what the user thinks it is.
pub const MAX_LINE_BYTES: usize = 1 << 20;

/// What a path points at, once symlinks are followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A regular file: its size is known and it can be read twice.
    File,
    /// An anonymous pipe (`/dev/stdin` on a pipe, `<(...)`): streamed once.
    Pipe,
    /// A character device (`/dev/stdin` on a terminal, `/dev/null`).
    Device,
}

/// Which input of an operation a path was given as (uv's `CertificateSource` shape). Core names
/// the input; the binary words it, e.g. by the flag that gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputSource {
    /// A path with no name of its own (a positional argument).
    Path,
    /// A tenant backup to restore from a file.
    Backup,
    /// A probe's settings file.
    ProbeFile,
    /// An extra CA certificate.
    CaCertificate,
    /// An input the caller names in its own words (the binary: a flag).
    Named(String),
}

/// The caller's own name for an input (the binary's flag); empty is a positional path.
impl From<&str> for InputSource {
    fn from(name: &str) -> Self {
        if name.is_empty() {
            InputSource::Path
        } else {
            InputSource::Named(name.to_string())
        }
    }
}

/// An input refused: which input, the path as given, and what is wrong with it. Its text names
/// the path alone; the binary names the input too.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{name}`: {problem}")]
pub struct InputError {
    pub input: InputSource,
    pub name: String,
    pub problem: InputProblem,
}

/// What is wrong with an input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputProblem {
    NotFound,
    PermissionDenied,
    /// Another failure to open or read it: the system's words.
    Unreadable(String),
    Directory,
    /// A named pipe: opening it may wait forever for a writer.
    NamedPipe,
    Socket,
    BlockDevice,
    /// Larger than the cap, in MiB.
    TooLarge {
        mib: u64,
    },
    Empty,
    /// Not UTF-8: the offset of the first invalid byte.
    NotUtf8 {
        offset: usize,
    },
}

impl std::fmt::Display for InputProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotFound => f.write_str("no such file"),
            Self::PermissionDenied => f.write_str("permission denied"),
            Self::Unreadable(e) => write!(f, "cannot read: {e}"),
            Self::Directory => f.write_str("is a directory"),
            Self::NamedPipe => f.write_str("is a named pipe (FIFO)"),
            Self::Socket => f.write_str("is a socket, not a file"),
            Self::BlockDevice => f.write_str("is a block device, not a file"),
            Self::TooLarge { mib } => write!(f, "is larger than {mib} MiB"),
            Self::Empty => f.write_str("is empty"),
            Self::NotUtf8 { offset } => {
                write!(f, "is not UTF-8 text (invalid byte at offset {offset})")
            }
        }
    }
}

impl InputError {
    /// What would fix it, for a caller that reports it as core's [`Error`].
    pub fn fix(&self) -> Option<Fix> {
        match self.problem {
            InputProblem::Directory => Some(Fix::FileNotDirectory),
            InputProblem::NamedPipe => Some(Fix::StreamPipe {
                name: self.name.clone(),
            }),
            InputProblem::PermissionDenied => Some(Fix::FilePermissions),
            _ => None,
        }
    }
}

impl From<InputError> for Error {
    fn from(e: InputError) -> Self {
        let fix = e.fix();
        let err = Error::external(Kind::Usage, e);
        match fix {
            Some(f) => err.with_fix(f),
            None => err,
        }
    }
}

/// Looks at `name` (given as `from`) and refuses what cannot be read as an input.
pub fn shape(name: &str, from: impl Into<InputSource>) -> Result<Shape, InputError> {
    shape_from(name, from, std::fs::metadata(name)).map(|(shape, _)| shape)
}

/// [`shape`] from metadata already asked for, returning it: one `stat` a file matters when
/// `config validate` reads a thousand.
pub fn shape_from(
    name: &str,
    from: impl Into<InputSource>,
    meta: std::io::Result<Metadata>,
) -> Result<(Shape, Metadata), InputError> {
    let from = from.into();
    let meta = meta.map_err(|e| cannot(&from, name, &e))?;
    Ok((shape_of(name, &from, &meta)?, meta))
}

fn shape_of(name: &str, from: &InputSource, meta: &Metadata) -> Result<Shape, InputError> {
    let ft = meta.file_type();
    if ft.is_file() {
        Ok(Shape::File)
    } else if ft.is_dir() {
        Err(refused(from, name, InputProblem::Directory))
    } else if ft.is_fifo() {
        // A pipe the shell made (`/dev/stdin`, `<(...)`) has a writer; a named FIFO may have
        // none, and opening it would wait forever.
        if is_anonymous_pipe(Path::new(name)) {
            Ok(Shape::Pipe)
        } else {
            Err(refused(from, name, InputProblem::NamedPipe))
        }
    } else if ft.is_socket() {
        Err(refused(from, name, InputProblem::Socket))
    } else if ft.is_block_device() {
        Err(refused(from, name, InputProblem::BlockDevice))
    } else {
        Ok(Shape::Device)
    }
}

/// Whether following `path`'s symlinks ends at `pipe:[N]` (how Linux names an anonymous pipe).
fn is_anonymous_pipe(path: &Path) -> bool {
    let mut p = path.to_path_buf();
    for _ in 0..16 {
        match std::fs::read_link(&p) {
            Ok(target) => {
                if target.to_string_lossy().starts_with("pipe:[") {
                    return true;
                }
                p = match p.parent() {
                    Some(dir) if target.is_relative() => dir.join(target),
                    _ => target,
                };
            }
            Err(_) => return false,
        }
    }
    false
}

/// Opens an input stream: `-` is stdin; a path must be a file, a pipe or a character device.
/// Returns the reader and whether it is a regular file (one that can be read twice).
pub fn open(
    name: &str,
    from: impl Into<InputSource>,
) -> Result<(Box<dyn Read + Send>, Shape), InputError> {
    if name == "-" {
        return Ok((Box::new(io::stdin()), Shape::Pipe));
    }
    let from = from.into();
    let shape = shape(name, from.clone())?;
    let f = File::open(name).map_err(|e| cannot(&from, name, &e))?;
    Ok((Box::new(f), shape))
}

/// Reads a small whole input (a seed, a certificate) with the same checks and a size cap.
pub fn read_all(name: &str, from: impl Into<InputSource>, max: u64) -> Result<Vec<u8>, InputError> {
    let from = from.into();
    let (r, _) = open(name, from.clone())?;
    let mut buf = vec![];
    r.take(max + 1)
        .read_to_end(&mut buf)
        .map_err(|e| cannot(&from, name, &e))?;
    if buf.len() as u64 > max {
        return Err(refused(
            &from,
            name,
            InputProblem::TooLarge { mib: max >> 20 },
        ));
    }
    if buf.is_empty() {
        return Err(refused(&from, name, InputProblem::Empty));
    }
    Ok(buf)
}

/// Reads a small whole input as UTF-8 text (a leading byte-order mark is dropped).
pub fn read_text(name: &str, from: impl Into<InputSource>, max: u64) -> Result<String, InputError> {
    let from = from.into();
    let bytes = read_all(name, from.clone(), max)?;
    let bytes = bytes.strip_prefix(BOM).unwrap_or(&bytes).to_vec();
    String::from_utf8(bytes).map_err(|e| {
        refused(
            &from,
            name,
            InputProblem::NotUtf8 {
                offset: e.utf8_error().valid_up_to(),
            },
        )
    })
}

/// Checks a path that cx2fa will write to (a report): a missing file is fine; an existing one
/// must be a file, a pipe or a device.
pub fn check_output(name: &Path, from: impl Into<InputSource>) -> Result<(), InputError> {
    let from = from.into();
    let shown = name.display().to_string();
    match std::fs::metadata(name) {
        Ok(meta) => shape_of(&shown, &from, &meta).map(|_| ()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(cannot(&from, &shown, &e)),
    }
}

/// UTF-8's byte-order mark, which spreadsheets put before the first header.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Drops a byte-order mark at the start of a buffered input.
pub fn skip_bom(r: &mut impl BufRead) -> io::Result<()> {
    if r.fill_buf()?.starts_with(BOM) {
        r.consume(BOM.len());
    }
    Ok(())
}

/// A reader that fails once a line grows past `max` bytes, so that `/dev/zero` or a file with
/// no newline is refused instead of filling memory.
pub struct LineCap<R> {
    inner: R,
    run: usize,
    max: usize,
}

impl<R> LineCap<R> {
    pub fn new(inner: R, max: usize) -> Self {
        LineCap { inner, run: 0, max }
    }
}

impl<R: Read> Read for LineCap<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        for &b in &buf[..n] {
            if b == b'\n' {
                self.run = 0;
            } else {
                self.run += 1;
                if self.run > self.max {
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        format!(
                            "a line is longer than {} KiB: this is not a list of names",
                            self.max >> 10
                        ),
                    ));
                }
            }
        }
        Ok(n)
    }
}

fn refused(from: &InputSource, name: &str, problem: InputProblem) -> InputError {
    InputError {
        input: from.clone(),
        name: name.to_string(),
        problem,
    }
}

fn cannot(from: &InputSource, name: &str, e: &io::Error) -> InputError {
    let problem = match e.kind() {
        io::ErrorKind::NotFound => InputProblem::NotFound,
        io::ErrorKind::PermissionDenied => InputProblem::PermissionDenied,
        _ => InputProblem::Unreadable(e.to_string()),
    };
    refused(from, name, problem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_cap_refuses_endless_lines_and_passes_short_ones() {
        let mut ok = String::new();
        LineCap::new("a\nbb\n".as_bytes(), 4)
            .read_to_string(&mut ok)
            .unwrap();
        assert_eq!(ok, "a\nbb\n");
        let mut out = vec![];
        let e = LineCap::new(io::repeat(0).take(100), 10)
            .read_to_end(&mut out)
            .unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidData);
    }

    #[test]
    fn directories_and_named_pipes_are_refused_by_name() {
        let d = tempfile::tempdir().unwrap();
        let dir = d.path().display().to_string();
        let e = shape(&dir, InputSource::Backup).unwrap_err();
        assert_eq!(e.problem, InputProblem::Directory);
        assert_eq!(e.input, InputSource::Backup);
        assert_eq!(e.to_string(), format!("`{dir}`: is a directory"));
        let e = Error::from(e);
        assert_eq!(e.kind, crate::error::Kind::Usage);
        assert_eq!(e.fix, Some(Fix::FileNotDirectory));
        let fifo = d.path().join("fifo");
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(status.success());
        let e = shape(&fifo.display().to_string(), "").unwrap_err();
        assert_eq!(e.problem, InputProblem::NamedPipe);
        assert_eq!(e.input, InputSource::Path);
        let file = d.path().join("f");
        std::fs::write(&file, "x").unwrap();
        assert_eq!(
            shape(&file.display().to_string(), InputSource::ProbeFile).unwrap(),
            Shape::File
        );
    }

    #[test]
    fn a_bom_is_skipped() {
        let mut r = io::BufReader::new(&b"\xEF\xBB\xBFusername\n"[..]);
        skip_bom(&mut r).unwrap();
        let mut s = String::new();
        r.read_to_string(&mut s).unwrap();
        assert_eq!(s, "username\n");
    }
}

//! Paths given on the command line: one place that looks at what a path is before reading or
//! writing it, so that a directory, a named pipe nobody writes to, a device that never ends or a
//! file full of one endless line is refused at once with the flag and path named, instead of a
//! hang, a spin or an out-of-memory abort.

use crate::error::{Error, Fix};
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

/// Looks at `name` (for `flag`) and refuses what cannot be read as an input.
pub fn shape(name: &str, flag: &str) -> Result<Shape, Error> {
    shape_from(name, flag, std::fs::metadata(name)).map(|(shape, _)| shape)
}

/// [`shape`] from metadata already asked for, returning it: one `stat` a file matters when
/// `config validate` reads a thousand.
pub fn shape_from(
    name: &str,
    flag: &str,
    meta: std::io::Result<Metadata>,
) -> Result<(Shape, Metadata), Error> {
    let meta = meta.map_err(|e| cannot(flag, name, &e))?;
    Ok((shape_of(name, flag, &meta)?, meta))
}

fn shape_of(name: &str, flag: &str, meta: &Metadata) -> Result<Shape, Error> {
    let ft = meta.file_type();
    if ft.is_file() {
        Ok(Shape::File)
    } else if ft.is_dir() {
        Err(
            refused(flag, name, "is a directory").with_fix(Fix::FileNotDirectory {
                flag: flag.to_string(),
            }),
        )
    } else if ft.is_fifo() {
        // A pipe the shell made (`/dev/stdin`, `<(...)`) has a writer; a named FIFO may have
        // none, and opening it would wait forever.
        if is_anonymous_pipe(Path::new(name)) {
            Ok(Shape::Pipe)
        } else {
            Err(
                refused(flag, name, "is a named pipe (FIFO)").with_fix(Fix::StreamPipe {
                    flag: flag.to_string(),
                    name: name.to_string(),
                }),
            )
        }
    } else if ft.is_socket() {
        Err(refused(flag, name, "is a socket, not a file"))
    } else if ft.is_block_device() {
        Err(refused(flag, name, "is a block device, not a file"))
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
pub fn open(name: &str, flag: &str) -> Result<(Box<dyn Read + Send>, Shape), Error> {
    if name == "-" {
        return Ok((Box::new(io::stdin()), Shape::Pipe));
    }
    let shape = shape(name, flag)?;
    let f = File::open(name).map_err(|e| cannot(flag, name, &e))?;
    Ok((Box::new(f), shape))
}

/// Reads a small whole input (a seed, a certificate) with the same checks and a size cap.
pub fn read_all(name: &str, flag: &str, max: u64) -> Result<Vec<u8>, Error> {
    let (r, _) = open(name, flag)?;
    let mut buf = vec![];
    r.take(max + 1)
        .read_to_end(&mut buf)
        .map_err(|e| cannot(flag, name, &e))?;
    if buf.len() as u64 > max {
        return Err(refused(
            flag,
            name,
            &format!("is larger than {} MiB", max >> 20),
        ));
    }
    if buf.is_empty() {
        return Err(refused(flag, name, "is empty"));
    }
    Ok(buf)
}

/// Reads a small whole input as UTF-8 text (a leading byte-order mark is dropped).
pub fn read_text(name: &str, flag: &str, max: u64) -> Result<String, Error> {
    let bytes = read_all(name, flag, max)?;
    let bytes = bytes.strip_prefix(BOM).unwrap_or(&bytes).to_vec();
    String::from_utf8(bytes).map_err(|e| {
        refused(
            flag,
            name,
            &format!(
                "is not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        )
    })
}

/// Checks a path that cx2fa will write to (a report): a missing file is fine; an existing one
/// must be a file, a pipe or a device.
pub fn check_output(name: &Path, flag: &str) -> Result<(), Error> {
    let shown = name.display().to_string();
    match std::fs::metadata(name) {
        Ok(meta) => shape_of(&shown, flag, &meta).map(|_| ()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(cannot(flag, &shown, &e)),
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

/// `flag` may be empty for a positional argument.
fn refused(flag: &str, name: &str, why: &str) -> Error {
    let arg = if flag.is_empty() {
        name.to_string()
    } else {
        format!("{flag} {name}")
    };
    Error::usage(format!("`{arg}`: {why}"))
}

fn cannot(flag: &str, name: &str, e: &io::Error) -> Error {
    match e.kind() {
        io::ErrorKind::NotFound => refused(flag, name, "no such file"),
        io::ErrorKind::PermissionDenied => {
            refused(flag, name, "permission denied").with_fix(Fix::FilePermissions)
        }
        _ => refused(flag, name, &format!("cannot read: {e}")),
    }
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
        let e = shape(&dir, "--from").unwrap_err();
        assert_eq!(e.kind, crate::error::Kind::Usage);
        assert!(e.message.contains(&dir) && e.message.contains("directory"));
        let fifo = d.path().join("fifo");
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(status.success());
        let e = shape(&fifo.display().to_string(), "--from").unwrap_err();
        assert!(e.message.contains("named pipe"), "{}", e.message);
        let file = d.path().join("f");
        std::fs::write(&file, "x").unwrap();
        assert_eq!(
            shape(&file.display().to_string(), "-f").unwrap(),
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

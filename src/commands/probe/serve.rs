//! Where the metrics go: a small read-only HTTP server (`--listen`) and a node_exporter
//! textfile (`--textfile`).
//!
//! The server answers `GET /metrics` (and `HEAD`) with the last rendering and nothing else: no
//! other path, no method that changes anything, no request body read. It is bounded so that a
//! scanner or a slow client cannot hold the probe: a few connections at once (others wait in
//! the kernel's backlog), 16 KiB of request head, 5 s to send it, 10 s per connection.

use crate::error::CommandError;
use bytes::Bytes;
use http_body_util::Full;
use hyper::{Method, Request, Response, StatusCode};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The OpenMetrics media type Prometheus asks for.
pub const CONTENT_TYPE: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";
const CONNECTIONS_AT_ONCE: usize = 8;
const HEAD_TIMEOUT: Duration = Duration::from_secs(5);
const CONNECTION_TIMEOUT: Duration = Duration::from_secs(10);

/// The last rendering, shared with the server.
pub type SharedRendering = Arc<Mutex<String>>;

/// `--listen`: `PORT` alone is loopback (`127.0.0.1:PORT`); any other address is explicit.
pub fn listen_addr(s: &str) -> Result<std::net::SocketAddr, CommandError> {
    let s = s.trim();
    let with_host = if s.chars().all(|c| c.is_ascii_digit()) {
        format!("127.0.0.1:{s}")
    } else {
        s.to_string()
    };
    with_host.parse().map_err(|_| {
        CommandError::usage(format!("`--listen {s}`: give a port (loopback) or an address, e.g. `9464`, `127.0.0.1:9464`, `0.0.0.0:9464`, `[::1]:9464`"))
    })
}

/// Binds now (so that a taken port is an error before the first run) and serves until the
/// process ends.
pub async fn start(
    addr: std::net::SocketAddr,
    shared: SharedRendering,
) -> Result<std::net::SocketAddr, CommandError> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| CommandError::usage(format!("cannot listen on `{addr}`: {e}")))?;
    let bound = listener.local_addr().unwrap_or(addr);
    let slots = Arc::new(tokio::sync::Semaphore::new(CONNECTIONS_AT_ONCE));
    tokio::spawn(async move {
        loop {
            let Ok(permit) = slots.clone().acquire_owned().await else {
                return;
            };
            let Ok((stream, _)) = listener.accept().await else {
                continue;
            };
            let shared = shared.clone();
            tokio::spawn(async move {
                let service = hyper::service::service_fn(move |req| {
                    let shared = shared.clone();
                    async move { Ok::<_, std::convert::Infallible>(answer(&req, &shared)) }
                });
                let conn = hyper::server::conn::http1::Builder::new()
                    .timer(hyper_util::rt::TokioTimer::new())
                    .header_read_timeout(HEAD_TIMEOUT)
                    .max_buf_size(16 * 1024)
                    .keep_alive(false)
                    .serve_connection(hyper_util::rt::TokioIo::new(stream), service);
                let _ = tokio::time::timeout(CONNECTION_TIMEOUT, conn).await;
                drop(permit);
            });
        }
    });
    Ok(bound)
}

fn answer<B>(req: &Request<B>, shared: &SharedRendering) -> Response<Full<Bytes>> {
    let reply = |status: StatusCode, ctype: &str, body: String| {
        let mut r = Response::new(Full::new(Bytes::from(body)));
        *r.status_mut() = status;
        if let Ok(v) = ctype.parse() {
            r.headers_mut().insert(hyper::header::CONTENT_TYPE, v);
        }
        r
    };
    if req.method() != Method::GET && req.method() != Method::HEAD {
        let mut r = reply(
            StatusCode::METHOD_NOT_ALLOWED,
            "text/plain",
            "read-only: GET /metrics\n".into(),
        );
        if let Ok(v) = "GET, HEAD".parse() {
            r.headers_mut().insert(hyper::header::ALLOW, v);
        }
        return r;
    }
    match req.uri().path() {
        "/metrics" => {
            let body = shared.lock().map(|s| s.clone()).unwrap_or_default();
            reply(StatusCode::OK, CONTENT_TYPE, body)
        }
        _ => reply(
            StatusCode::NOT_FOUND,
            "text/plain",
            "cx2fa probe: the metrics are at /metrics\n".into(),
        ),
    }
}

/// The file node_exporter's textfile collector reads in `dir`.
pub fn textfile_path(dir: &Path) -> PathBuf {
    dir.join("cx2fa_probe.prom")
}

/// Writes the metrics to `dir/cx2fa_probe.prom` atomically: a temporary file in the same
/// directory, flushed, then renamed over the old one, so that the collector never reads half a
/// file. Readable by all (0644): the collector runs as another user, and nothing in it is secret.
pub fn write_textfile(dir: &Path, text: &str) -> Result<(), CommandError> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let target = textfile_path(dir);
    let tmp = dir.join(format!(".cx2fa_probe.prom.{}.tmp", std::process::id()));
    let fail = |e: std::io::Error| {
        CommandError::failed(format!("cannot write `{}`: {e}", target.display()))
    };
    let _ = std::fs::remove_file(&tmp);
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o644)
        .open(&tmp)
        .map_err(fail)?;
    // Whatever the umask: the collector must be able to read it.
    let written = f
        .set_permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644))
        .and_then(|_| f.write_all(text.as_bytes()))
        .and_then(|_| f.sync_all());
    if let Err(e) = written.and_then(|_| std::fs::rename(&tmp, &target)) {
        let _ = std::fs::remove_file(&tmp);
        return Err(fail(e));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_port_alone_listens_on_loopback() {
        assert_eq!(listen_addr("9464").unwrap().to_string(), "127.0.0.1:9464");
        assert_eq!(
            listen_addr("0.0.0.0:9464").unwrap().to_string(),
            "0.0.0.0:9464"
        );
        assert_eq!(listen_addr("[::1]:9464").unwrap().to_string(), "[::1]:9464");
        assert!(listen_addr("localhost").is_err());
    }

    #[test]
    fn the_textfile_is_replaced_whole_and_readable_by_the_collector() {
        use std::os::unix::fs::PermissionsExt;
        let d = tempfile::tempdir().unwrap();
        write_textfile(d.path(), "a 1\n# EOF\n").unwrap();
        write_textfile(d.path(), "a 2\n# EOF\n").unwrap();
        let p = textfile_path(d.path());
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "a 2\n# EOF\n");
        let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644);
        // No temporary file left behind.
        assert_eq!(std::fs::read_dir(d.path()).unwrap().count(), 1);
    }
}

//! Crafted servers: what a test stands up in place of a deployment (a tiny HTTP/1.1 server
//! whose every answer the test writes), and a real `cx2fa sandbox` read from its banner.

use super::TestEnv;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// One request as a crafted server saw it.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: String,
    pub path: String,
    pub head: String,
    pub body: String,
}

/// A tiny HTTP/1.1 server on an ephemeral loopback port: `answer` writes the whole response
/// for each request (connection closed after it). Returns its base URL and what it saw.
pub fn serve(
    answer: impl Fn(&Seen, &mut TcpStream) + Send + Sync + 'static,
) -> (String, Arc<Mutex<Vec<Seen>>>) {
    serve_on("127.0.0.1:0", answer)
}

/// [`serve`] on `addr` (another loopback address stands for another host).
pub fn serve_on(
    addr: &str,
    answer: impl Fn(&Seen, &mut TcpStream) + Send + Sync + 'static,
) -> (String, Arc<Mutex<Vec<Seen>>>) {
    let listener = TcpListener::bind(addr).unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let seen = Arc::new(Mutex::new(vec![]));
    let log = seen.clone();
    let answer = Arc::new(answer);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let log = log.clone();
            let answer = answer.clone();
            std::thread::spawn(move || {
                let mut stream = stream;
                let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 {
                    return;
                }
                let mut parts = line.split_whitespace();
                let method = parts.next().unwrap_or("").to_string();
                let path = parts.next().unwrap_or("").to_string();
                let mut head = String::new();
                let mut len = 0usize;
                loop {
                    let mut h = String::new();
                    if reader.read_line(&mut h).unwrap_or(0) == 0 || h == "\r\n" {
                        break;
                    }
                    if let Some(v) = h.to_ascii_lowercase().strip_prefix("content-length:") {
                        len = v.trim().parse().unwrap_or(0);
                    }
                    head.push_str(&h);
                }
                let mut body = vec![0; len];
                let _ = reader.read_exact(&mut body);
                let s = Seen {
                    method,
                    path,
                    head,
                    body: String::from_utf8_lossy(&body).into(),
                };
                log.lock().unwrap().push(s.clone());
                answer(&s, &mut stream);
            });
        }
    });
    (url, seen)
}

pub fn respond(stream: &mut TcpStream, status: &str, extra: &str, body: &str) {
    let _ = write!(
        stream,
        "HTTP/1.1 {status}\r\n{extra}Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
}

/// A loopback port that nothing listens on (bound, then let go).
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// `cx2fa sandbox --port 0 -o json ARGS` started in `env`, and its banner (the JSON document it
/// prints first, `Null` if it printed none); the child keeps running, its
/// stdout open. Its stderr goes to `stderr`.
pub fn sandbox_banner(env: &TestEnv, args: &[&str], stderr: Stdio) -> (Child, serde_json::Value) {
    let mut child = env
        .cx2fa_process()
        .args(["sandbox", "--port", "0", "-o", "json"])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(stderr)
        .spawn()
        .unwrap();
    let mut text = String::new();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    loop {
        let mut line = String::new();
        if out.read_line(&mut line).unwrap() == 0 {
            break;
        }
        text.push_str(&line);
        if line == "}\n" {
            break;
        }
    }
    // Its stdout stays open while it runs: a closed pipe could end it at its next line.
    child.stdout = Some(out.into_inner());
    let v = serde_json::from_str(&text).unwrap_or(serde_json::Value::Null);
    (child, v)
}

/// The value of `name` among a sandbox banner's exports.
pub fn env_of(banner: &serde_json::Value, name: &str) -> Option<String> {
    banner["env"]
        .as_array()?
        .iter()
        .find(|kv| kv[0] == name)
        .and_then(|kv| kv[1].as_str())
        .map(str::to_string)
}

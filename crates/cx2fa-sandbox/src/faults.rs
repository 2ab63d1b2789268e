//! Fault injection (`--faults`) and latency (`--latency`) for tests and soak runs.

use super::App;
use crate::SandboxError;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use rand::{Rng, SeedableRng};
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FaultKind {
    /// 500 before handling: nothing applied.
    Error500,
    /// 429 with `Retry-After: 1`, before handling.
    TooMany,
    /// The connection breaks before the answer: nothing applied.
    Reset,
    /// A delay, then normal handling.
    Slow,
    /// The write is applied, then 500: catches clients that resend blindly.
    ErrorAfterWrite,
}

/// `rate=0.2,kinds=500|429|reset|slow|500-after-write,seed=N`.
#[derive(Debug, Clone)]
pub struct FaultSpec {
    pub rate: f64,
    pub kinds: Vec<FaultKind>,
    pub seed: u64,
}

impl std::str::FromStr for FaultSpec {
    type Err = SandboxError;
    fn from_str(s: &str) -> Result<Self, SandboxError> {
        let mut spec = FaultSpec {
            rate: 0.2,
            kinds: vec![
                FaultKind::Error500,
                FaultKind::TooMany,
                FaultKind::Reset,
                FaultKind::Slow,
            ],
            seed: 1,
        };
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (k, v) = part.split_once('=').ok_or_else(|| {
                SandboxError::Config(format!("`{part}` in --faults is not key=value"))
            })?;
            match k {
                "rate" => {
                    spec.rate = v
                        .parse()
                        .ok()
                        .filter(|r: &f64| (0.0..=1.0).contains(r))
                        .ok_or_else(|| {
                            SandboxError::Config(format!(
                                "--faults rate `{v}` must be between 0 and 1"
                            ))
                        })?
                }
                "seed" => {
                    spec.seed = v.parse().map_err(|_| {
                        SandboxError::Config(format!("--faults seed `{v}` must be a number"))
                    })?
                }
                "kinds" => {
                    spec.kinds = v
                        .split('|')
                        .map(|k| match k {
                            "500" => Ok(FaultKind::Error500),
                            "429" => Ok(FaultKind::TooMany),
                            "reset" => Ok(FaultKind::Reset),
                            "slow" => Ok(FaultKind::Slow),
                            "500-after-write" => Ok(FaultKind::ErrorAfterWrite),
                            other => Err(SandboxError::UnknownFaultKind(other.to_string())),
                        })
                        .collect::<Result<_, _>>()?
                }
                other => return Err(SandboxError::UnknownFaultKey(other.to_string())),
            }
        }
        Ok(spec)
    }
}

pub struct FaultState {
    spec: FaultSpec,
    rng: rand::rngs::StdRng,
}

impl FaultState {
    pub fn new(spec: FaultSpec) -> Self {
        let rng = rand::rngs::StdRng::seed_from_u64(spec.seed);
        FaultState { spec, rng }
    }
    fn pick(&mut self) -> Option<FaultKind> {
        if self.spec.kinds.is_empty() || self.rng.random::<f64>() >= self.spec.rate {
            return None;
        }
        let i = self.rng.random_range(0..self.spec.kinds.len());
        Some(self.spec.kinds[i])
    }
}

fn broken_body() -> Response {
    let stream = futures::stream::once(async {
        Err::<axum::body::Bytes, std::io::Error>(std::io::Error::new(
            std::io::ErrorKind::ConnectionReset,
            "injected reset",
        ))
    });
    Response::new(Body::from_stream(stream))
}

/// Faults; the latency of `--latency` is served by the capacity layer, inside a request's slot.
pub async fn layer(State(app): State<App>, req: Request, next: Next) -> Response {
    let sandbox_only = req.uri().path().starts_with("/sandbox/");
    let fault = match (&app.faults, sandbox_only) {
        (Some(f), false) => f.lock().expect("lock").pick(),
        _ => None,
    };
    let is_write = req.method() != Method::GET;
    match fault {
        None => next.run(req).await,
        Some(FaultKind::Error500) | Some(FaultKind::ErrorAfterWrite) if !is_write => (
            StatusCode::INTERNAL_SERVER_ERROR,
            "Internal Server Error (injected)",
        )
            .into_response(),
        Some(FaultKind::Error500) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            "Internal Server Error (injected)",
        )
            .into_response(),
        Some(FaultKind::TooMany) => (
            StatusCode::TOO_MANY_REQUESTS,
            [("retry-after", "1")],
            "Too Many Requests (injected)",
        )
            .into_response(),
        Some(FaultKind::Reset) => broken_body(),
        Some(FaultKind::Slow) => {
            tokio::time::sleep(Duration::from_millis(1500)).await;
            next.run(req).await
        }
        Some(FaultKind::ErrorAfterWrite) => {
            let _applied = next.run(req).await;
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "Internal Server Error (injected after write)",
            )
                .into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_documented_form() {
        let f: FaultSpec = "rate=0.2,kinds=500|429|reset|slow|500-after-write,seed=7"
            .parse()
            .unwrap();
        assert_eq!(f.rate, 0.2);
        assert_eq!(f.kinds.len(), 5);
        assert_eq!(f.seed, 7);
        assert!("rate=2".parse::<FaultSpec>().is_err());
        assert!("kinds=boom".parse::<FaultSpec>().is_err());
    }
}

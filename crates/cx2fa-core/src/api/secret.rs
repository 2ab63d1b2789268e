//! A wrapper that keeps secrets out of `Debug` output and logs. Every secret cx2fa holds is one
//! of these, and making one tells the redactor (`settings::secrets::remember`): whatever a
//! server echoes back, the value is scrubbed from every line cx2fa prints.

use std::fmt;

/// A secret string; `Debug` and `Display` print `REDACTED`.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Secret(String);

impl Secret {
    pub fn new(s: impl Into<String>) -> Self {
        let s = s.into();
        crate::settings::secrets::remember(&s);
        Secret(s)
    }
    /// The secret itself, for the one place that must send it.
    pub fn expose(&self) -> &str {
        &self.0
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Overwritten when dropped, so that a freed buffer does not keep the value for a later
/// allocation to expose (the redactor keeps its own copies to scrub output; this bounds the
/// rest). The process is also not dumpable (`src/main.rs`).
impl Drop for Secret {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.0);
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("REDACTED")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("REDACTED")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn debug_never_shows_the_value() {
        let s = super::Secret::new("hunter2");
        assert_eq!(format!("{s:?} {s}"), "REDACTED REDACTED");
    }
}

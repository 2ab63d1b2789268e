//! Validating many inputs at once (`config validate a.json b.json ...`).

use super::source::read_document;
use super::validate::{self, FileReport};

/// Validates one input (a path, or `-` for standard input); reading and parsing failures
/// become a failed report, so that one bad file never hides the others.
pub fn validate_file(name: &str) -> FileReport {
    match read_document(name).and_then(|text| validate::validate_text(&text, name)) {
        Ok(r) => r,
        Err(e) => FileReport {
            file: name.into(),
            kind: None,
            valid: false,
            errors: 1,
            warnings: 0,
            findings: vec![],
            note: None,
            failure: Some(e.message),
        },
    }
}

/// Validates every input on as many threads as there are cores (at most one per file), and
/// returns the reports in the order given.
pub fn validate_files(files: &[String]) -> Vec<FileReport> {
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .min(files.len().max(1));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let slots: Vec<std::sync::Mutex<Option<FileReport>>> =
        files.iter().map(|_| std::sync::Mutex::new(None)).collect();
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(name) = files.get(i) else { break };
                *slots[i].lock().expect("lock") = Some(validate_file(name));
            });
        }
    });
    slots
        .into_iter()
        .map(|m| m.into_inner().expect("lock").expect("every file done"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_come_back_in_the_order_given_and_a_missing_file_is_a_failed_report() {
        let dir = std::env::temp_dir().join(format!("cx2fa-files-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let good = dir.join("good.json");
        std::fs::write(
            &good,
            r#"{"tenantSettings": {"twoFAConfigs": {"is2FAEnabled": false}}}"#,
        )
        .unwrap();
        let missing = dir.join("missing.json");
        let names: Vec<String> = [&missing, &good, &missing]
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        let reports = validate_files(&names);
        assert_eq!(
            reports.iter().map(|r| r.file.clone()).collect::<Vec<_>>(),
            names
        );
        assert!(reports[0].failure.is_some() && !reports[0].valid);
        assert!(reports[1].failure.is_none(), "{:?}", reports[1].failure);
        std::fs::remove_dir_all(&dir).ok();
    }
}

//! What a bulk reset reads: usernames from CSV, plain lines or `user status -o json`.

use crate::error::{Error, Fix};
use crate::input;
use std::io::{BufRead, BufReader, Read};

/// Usernames from a CSV with a `username` column, one name per line, or the JSON of
/// `user status -o json` / a JSON array. CSV and plain lines are streamed.
pub fn read_names(
    input: Box<dyn Read + Send>,
) -> Result<Box<dyn Iterator<Item = Result<String, Error>> + Send>, Error> {
    let mut reader = BufReader::with_capacity(64 * 1024, input);
    // Spreadsheets save CSV with a byte-order mark before the header.
    input::skip_bom(&mut reader).map_err(read_error)?;
    let head = reader.fill_buf().map_err(read_error)?;
    let first = head.iter().find(|b| !b.is_ascii_whitespace()).copied();
    if matches!(first, Some(b'[') | Some(b'{')) {
        return json_names(reader);
    }
    let mut reader = BufReader::new(input::LineCap::new(reader, input::MAX_LINE_BYTES));
    let mut first_line = String::new();
    reader.read_line(&mut first_line).map_err(read_error)?;
    // A spreadsheet saves CSV with `,`, or with `;` where the decimal separator is a comma
    // (most of Europe), or with tabs; the header line says which.
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .find(|d| first_line.as_bytes().contains(d));
    if let Some(d) = delimiter {
        let header: Vec<String> = first_line
            .trim_end()
            .split(d as char)
            .map(|h| h.trim().trim_matches('"').to_lowercase())
            .collect();
        let Some(col) = header.iter().position(|h| h == "username") else {
            // A line with separators is a header, never a username: a list of names without
            // the column would be read as one name per row, each "not found".
            return Err(Error::usage(format!(
                "the input looks like CSV (columns: {}) but has no `username` column",
                header.join(", ")
            ))
            .with_fix(Fix::UsernameColumn));
        };
        let rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .delimiter(d)
            .flexible(true)
            .from_reader(reader);
        let it = rdr.into_records().filter_map(move |r| match r {
            Ok(rec) => rec
                .get(col)
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .map(Ok),
            Err(e) => Some(Err(Error::usage(format!("bad CSV row: {e}")))),
        });
        return Ok(Box::new(it));
    }
    // A one-column CSV: its header is `username`, not a user.
    let first = first_line.trim().to_string();
    let first = if first.trim_matches('"').eq_ignore_ascii_case("username") {
        String::new()
    } else {
        first
    };
    let rest = reader
        .lines()
        .map(|l| l.map(|s| s.trim().to_string()).map_err(read_error));
    let all = std::iter::once(Ok(first))
        .chain(rest)
        .filter(|r| !matches!(r, Ok(s) if s.is_empty() || s.starts_with('#')));
    Ok(Box::new(all))
}

/// The names of a JSON list: an array of names or of objects with `username`, or an object
/// with `users` (`user status -o json`).
fn json_names(reader: BufReader<Box<dyn Read + Send>>) -> Result<Names, Error> {
    // JSON may be one long line (`jq -c`), so it gets a size cap instead of a line cap.
    let mut capped = reader.take(MAX_JSON_BYTES + 1);
    let v: serde_json::Value = serde_json::from_reader(&mut capped).map_err(|e| {
        if capped.limit() == 0 {
            Error::usage(format!(
                "the JSON input is larger than {} MiB",
                MAX_JSON_BYTES >> 20
            ))
        } else {
            Error::usage(format!("the input looks like JSON but is not: {e}"))
        }
    })?;
    let items = match &v {
        serde_json::Value::Array(a) => a.clone(),
        other => other
            .get("users")
            .and_then(|u| u.as_array())
            .cloned()
            .ok_or_else(|| Error::usage("JSON input must be an array or an object with `users`"))?,
    };
    let names: Vec<Result<String, Error>> = items
        .iter()
        .filter_map(|i| {
            i.as_str().map(str::to_string).or_else(|| {
                i.get("username")
                    .and_then(|u| u.as_str())
                    .map(str::to_string)
            })
        })
        .map(Ok)
        .collect();
    Ok(Box::new(names.into_iter()))
}

/// A stream of names (or input errors), as `read_names` gives them.
pub type Names = Box<dyn Iterator<Item = Result<String, Error>> + Send>;

/// The cap on a JSON list of names (`user status -o json` of 100,000 users is about 40 MiB).
const MAX_JSON_BYTES: u64 = 512 << 20;

fn read_error(e: std::io::Error) -> Error {
    Error::usage(format!("cannot read the input: {e}"))
}

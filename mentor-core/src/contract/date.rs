//! Calendar dates on the wire, written exactly `YYYY-MM-DD` (ISO 8601): the terms' start and
//! end, a termination's effective day, and billing's dates.

use chrono::NaiveDate;
use serde_json::Value;

use crate::error::ErrorCode;
use crate::read::{Path, Reader};

/// Reads an ISO 8601 calendar date written exactly `YYYY-MM-DD`; `required` when absent and
/// `required` is set, `invalid_date` when it is not a date.
pub(crate) fn read_date(
    r: &mut Reader,
    value: Option<&Value>,
    path: &Path<'_>,
    required: bool,
) -> Option<NaiveDate> {
    let text = if required {
        r.required_text(value, path, 16)
    } else {
        r.text(value, path, 16, false)
    };
    r.parse(text, path, ErrorCode::InvalidDate, parse_date)
}

/// A date written exactly `YYYY-MM-DD` (no sign, no week or ordinal forms, two-digit month
/// and day).
pub(crate) fn parse_date(text: &str) -> Option<NaiveDate> {
    let shape = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !shape {
        return None;
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// The wire form of a date: `2026-12-01`.
pub(crate) fn format_date(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_exactly_yyyy_mm_dd() {
        assert_eq!(
            parse_date("2026-12-01").map(format_date).as_deref(),
            Some("2026-12-01")
        );
        for bad in [
            "2026-2-01",
            "2026-02-30",
            "+2026-12-01",
            "2026-12-01T00:00:00Z",
            "20261201",
            "2026-W01-1",
            "2026-12-0a",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }
}

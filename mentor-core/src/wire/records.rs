//! Files of records: a JSON array, or JSON Lines (one record per line). Batches of forms
//! (`triage`), event logs (`replay`) and billing sessions are read this way.

use serde::de::{DeserializeSeed, SeqAccess, Visitor};
use serde_json::Value;
use serde_json::value::RawValue;

use super::parse_value;
use crate::error::{Detail, ErrorCode, FieldError, json_syntax_message};

/// One record of a file as read.
#[derive(Clone, Debug, PartialEq)]
pub enum Record {
    /// A JSON value, with its 1-based line (JSON Lines) or array index + 1 (JSON array).
    Json {
        /// Where it was.
        line: usize,
        /// The value.
        value: Value,
    },
    /// A record kept as its JSON text, read only when it is assessed, straight into its
    /// shape (no JSON tree): what [`read_forms`] gives. Text that is not JSON is found then.
    Text {
        /// Where it was.
        line: usize,
        /// The record's text.
        text: String,
    },
    /// A record that could not be read: `invalid_json` (not JSON, or not UTF-8),
    /// `duplicate_key` (a key given twice in one object) or `too_deep`, with the path where
    /// reading stopped. No content of the record is kept.
    Unreadable {
        /// Where it was.
        line: usize,
        /// Why it could not be read.
        error: FieldError,
    },
}

impl Record {
    /// The record's 1-based line (JSON Lines) or array index + 1 (JSON array).
    #[must_use]
    pub fn line(&self) -> usize {
        match self {
            Record::Json { line, .. } | Record::Text { line, .. } | Record::Unreadable { line, .. } => *line,
        }
    }

    /// A record read from JSON text into a value (see [`crate::wire::parse_value`]).
    #[must_use]
    pub fn from_text(line: usize, text: &str) -> Record {
        match parse_value(text) {
            Ok(value) => Record::Json { line, value },
            Err(error) => Record::Unreadable { line, error },
        }
    }

    /// A record kept as its text, to be read when it is assessed.
    #[must_use]
    pub fn keep_text(line: usize, text: &str) -> Record {
        Record::Text { line, text: text.to_owned() }
    }

    /// The record as a JSON value, for readers that walk a tree: a [`Record::Text`] is parsed
    /// now. `Err` with its reading error for a record that is not JSON.
    ///
    /// # Errors
    /// The record's reading error (`invalid_json`, `duplicate_key`, `too_deep`).
    pub fn value(&self) -> Result<std::borrow::Cow<'_, Value>, FieldError> {
        match self {
            Record::Json { value, .. } => Ok(std::borrow::Cow::Borrowed(value)),
            Record::Text { text, .. } => parse_value(text).map(std::borrow::Cow::Owned),
            Record::Unreadable { error, .. } => Err(error.clone()),
        }
    }
}

/// Reads a file of records: a JSON array when the text starts with `[`, JSON Lines otherwise
/// (blank lines are skipped but counted). A byte-order mark is ignored.
///
/// Each record is read on its own: a record with a repeated key or nested too deep is one
/// `Unreadable` record and the others are still read. In an array that breaks off (a syntax
/// error), the elements before the break are kept and the break is one `Unreadable` record.
///
/// ```
/// use mentor_core::wire::{read_records, Record};
/// let records = read_records("{\"a\": 1}\nnot json\n\n{\"a\": 1, \"a\": 2}\n{}\n");
/// assert_eq!(records.len(), 4);
/// assert!(matches!(&records[1], Record::Unreadable { line: 2, error } if error.code.as_str() == "invalid_json"));
/// assert!(matches!(&records[2], Record::Unreadable { line: 4, error } if error.code.as_str() == "duplicate_key"));
/// assert!(matches!(records[3], Record::Json { line: 5, .. }));
/// ```
#[must_use]
pub fn read_records(text: &str) -> Vec<Record> {
    split(text, Record::from_text)
}

/// [`read_records`] keeping each record as its text ([`Record::Text`]), for batches whose
/// records are read straight into their shape when assessed (`triage`): memory holds the
/// text, not a JSON tree per record. The lines and the array/JSON Lines decision are
/// [`read_records`]'s; a record that is not JSON is found when it is read.
///
/// ```
/// use mentor_core::wire::{read_forms, Record};
/// let records = read_forms("{\"a\": 1}\n\nnot json\n");
/// assert_eq!(records.iter().map(Record::line).collect::<Vec<_>>(), [1, 3]);
/// assert!(matches!(&records[1], Record::Text { text, .. } if text == "not json"));
/// ```
#[must_use]
pub fn read_forms(text: &str) -> Vec<Record> {
    split(text, Record::keep_text)
}

/// [`read_forms`] on raw bytes, as [`read_records_bytes`] reads them.
#[must_use]
pub fn read_forms_bytes(bytes: &[u8]) -> Vec<Record> {
    split_bytes(bytes, Record::keep_text)
}

/// Splits a file into its records, each made by `record` from its line and text.
fn split(text: &str, record: fn(usize, &str) -> Record) -> Vec<Record> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim_start().starts_with('[') {
        return read_array(serde_json::Deserializer::from_str(text), record);
    }
    // One object written over several lines (as `jq .` prints it) is one record, not one
    // broken record per line.
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or_default();
    if serde_json::from_str::<serde::de::IgnoredAny>(first).is_err() && serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok() {
        return vec![record(1, text)];
    }
    text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()).map(|(i, l)| record(i + 1, l)).collect()
}

/// Whether bytes are not text at all: they hold a NUL byte, which JSON text never holds (RFC
/// 8259 escapes control characters in strings and allows only whitespace between values),
/// while binary data and UTF-16 text (a spreadsheet's "Unicode text" export) are full of
/// them. Such a file is one error for the whole file, not one `invalid_json` record per line.
///
/// ```
/// use mentor_core::wire::is_binary;
/// assert!(!is_binary(b"{\"a\": 1}\n{\"a\": \"\\u0000\"}\n"));
/// assert!(is_binary(b"{\0\"\0a\0\"\0}\0")); // UTF-16LE
/// ```
#[must_use]
pub fn is_binary(bytes: &[u8]) -> bool {
    bytes.contains(&0)
}

/// [`read_records`] on raw bytes, for files that may not be UTF-8 (JSON text is UTF-8,
/// RFC 8259): in JSON Lines, a line that is not UTF-8 is one `Unreadable` record and every
/// other line is still read; in a JSON array, the elements before the first bad byte are kept.
///
/// ```
/// use mentor_core::wire::{read_records_bytes, Record};
/// let records = read_records_bytes(b"{}\n\"Ren\xe9e\"\n{}\n");
/// assert_eq!(records.len(), 3);
/// assert!(matches!(records[1], Record::Unreadable { line: 2, .. }));
/// assert!(matches!(records[2], Record::Json { line: 3, .. }));
/// ```
#[must_use]
pub fn read_records_bytes(bytes: &[u8]) -> Vec<Record> {
    split_bytes(bytes, Record::from_text)
}

fn split_bytes(bytes: &[u8], record: fn(usize, &str) -> Record) -> Vec<Record> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return split(text, record);
    }
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    if bytes.trim_ascii_start().starts_with(b"[") {
        return read_array(serde_json::Deserializer::from_slice(bytes), record);
    }
    bytes
        .split(|b| *b == b'\n')
        .enumerate()
        .filter_map(|(i, line)| {
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            match std::str::from_utf8(line) {
                Ok(l) if l.trim().is_empty() => None,
                Ok(l) => Some(record(i + 1, l)),
                Err(e) => {
                    let error = FieldError::with("", ErrorCode::InvalidJson, Detail::Parser(format!("invalid utf-8 at column {}", e.valid_up_to() + 1)));
                    Some(Record::Unreadable { line: i + 1, error })
                }
            }
        })
        .collect()
}

/// Collects the elements of a JSON array, unread, into a vector the caller keeps, so that the
/// elements before a syntax error survive it.
struct Elements<'a, 'de>(&'a mut Vec<&'de RawValue>);

impl<'de> DeserializeSeed<'de> for Elements<'_, 'de> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Elements<'_, 'de> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an array of records")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(v) = seq.next_element::<&'de RawValue>()? {
            self.0.push(v);
        }
        Ok(())
    }
}

fn read_array<'de, R: serde_json::de::Read<'de>>(mut de: serde_json::Deserializer<R>, record: fn(usize, &str) -> Record) -> Vec<Record> {
    let mut elements = Vec::new();
    let outcome = Elements(&mut elements).deserialize(&mut de).and_then(|()| de.end());
    let mut records: Vec<Record> = elements.into_iter().enumerate().map(|(i, raw)| record(i + 1, raw.get())).collect();
    if let Err(e) = outcome {
        let error = if e.to_string().starts_with("recursion limit exceeded") {
            FieldError::with("", ErrorCode::TooDeep, Detail::MaxDepth(super::MAX_DEPTH))
        } else {
            FieldError::with("", ErrorCode::InvalidJson, Detail::Parser(json_syntax_message(&e)))
        };
        records.push(Record::Unreadable { line: records.len() + 1, error });
    }
    records
}

//! Files of records: a JSON array, or JSON Lines (one record per line). Batches of forms
//! (`triage`), event logs (`replay`) and billing sessions are read this way.

use std::ops::Range;

use serde::de::{DeserializeSeed, IgnoredAny, SeqAccess, Visitor};
use serde_json::Value;

use super::{MAX_DOCUMENT_BYTES, oversized, parse_value};
use crate::error::{Detail, ErrorCode, FieldError, JsonProblem, JsonSyntax};

/// One record of a file as read.
///
/// `Debug` shows where the record was and what kind of JSON it holds, never its content: a
/// form's text holds its applicant's personal data (issue 19.5).
///
/// ```
/// use mentor_core::wire::{read_forms, read_records};
/// let records = read_records(r#"{"applicant": {"first_name": "Ada"}}"#);
/// assert_eq!(format!("{records:?}"), "[Json { line: 1, value: <redacted object> }]");
/// let kept = read_forms(r#"{"applicant": {"first_name": "Ada"}}"#);
/// assert_eq!(format!("{kept:?}"), "[Text { line: 1, text: <redacted 36 bytes> }]");
/// ```
#[derive(Clone, PartialEq)]
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
    /// `duplicate_key` (a key given twice in one object), `too_deep`, with the path where
    /// reading stopped, or `too_long` (longer than [`MAX_DOCUMENT_BYTES`]). No content of the
    /// record is kept.
    Unreadable {
        /// Where it was.
        line: usize,
        /// Why it could not be read.
        error: FieldError,
    },
}

impl std::fmt::Debug for Record {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        /// What is shown in place of a content.
        struct Redacted(String);
        impl std::fmt::Debug for Redacted {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "<redacted {}>", self.0)
            }
        }
        match self {
            Record::Json { line, value } => {
                let kind = match value {
                    Value::Null => "null",
                    Value::Bool(_) => "boolean",
                    Value::Number(_) => "number",
                    Value::String(_) => "string",
                    Value::Array(_) => "array",
                    Value::Object(_) => "object",
                };
                f.debug_struct("Json")
                    .field("line", line)
                    .field("value", &Redacted(kind.to_owned()))
                    .finish()
            }
            Record::Text { line, text } => f
                .debug_struct("Text")
                .field("line", line)
                .field("text", &Redacted(format!("{} bytes", text.len())))
                .finish(),
            Record::Unreadable { line, error } => f
                .debug_struct("Unreadable")
                .field("line", line)
                .field("error", error)
                .finish(),
        }
    }
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

    /// A record kept as its text, to be read when it is assessed; a text longer than
    /// [`MAX_DOCUMENT_BYTES`] is not kept: it is `too_long` now.
    #[must_use]
    pub fn keep_text(line: usize, text: &str) -> Record {
        if text.len() > MAX_DOCUMENT_BYTES {
            return Record::oversized(line);
        }
        Record::Text {
            line,
            text: text.to_owned(),
        }
    }

    /// The record of a text longer than [`MAX_DOCUMENT_BYTES`]: `too_long` at its root.
    fn oversized(line: usize) -> Record {
        Record::Unreadable {
            line,
            error: oversized(),
        }
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
/// Each record is read on its own: a record with a repeated key, nested too deep, or longer
/// than [`MAX_DOCUMENT_BYTES`] (even a line of blanks that long) is one `Unreadable` record and
/// the others are still read. In an array that breaks off (a syntax
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
    let text = text.strip_prefix(BYTE_ORDER_MARK).unwrap_or(text);
    if text.trim_start().starts_with('[') && !is_json_lines(text.as_bytes()) {
        return read_array(text.as_bytes(), serde_json::Deserializer::from_str(text), record);
    }
    // One object written over several lines (as `jq .` prints it) is one record, not one
    // broken record per line.
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or_default();
    if serde_json::from_str::<serde::de::IgnoredAny>(first).is_err()
        && serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok()
    {
        return vec![record(1, text)];
    }
    // Lines end with a line feed; one carriage return before it, or at the very end, is part
    // of the line ending (as the bytes' reading and the streaming reader cut lines).
    text.split('\n')
        .enumerate()
        .filter_map(|(i, l)| line_record(i + 1, l.strip_suffix('\r').unwrap_or(l).as_bytes(), record))
        .collect()
}

/// Whether a file that starts with `[` is JSON Lines rather than one JSON array, so that no
/// line can swallow the others (issue 16): its first non-blank line, read alone, is a whole
/// value or breaks before the line ends (a syntax error, nesting too deep), and other lines
/// follow. A JSON array written over several lines instead runs out of text at the end of its
/// first line (`[`, `[{"a": 1},`); an array on one line has no lines after it.
fn is_json_lines(bytes: &[u8]) -> bool {
    let mut lines = bytes
        .split(|b| *b == b'\n')
        .filter(|l| !l.trim_ascii().is_empty());
    let (Some(first), Some(_)) = (lines.next(), lines.next()) else {
        return false;
    };
    match serde_json::from_slice::<IgnoredAny>(first) {
        Ok(_) => true,
        Err(e) => !e.is_eof(),
    }
}

/// The UTF-8 byte order mark some editors (Notepad) write at the start of a file: no part of
/// the JSON or TOML text after it, so every reader of a whole file skips it.
///
/// ```
/// use mentor_core::wire::BYTE_ORDER_MARK;
/// assert_eq!(BYTE_ORDER_MARK.as_bytes(), b"\xEF\xBB\xBF");
/// ```
pub const BYTE_ORDER_MARK: &str = "\u{feff}";

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
/// other line is still read; in a JSON array, an element that is not UTF-8 is one `Unreadable`
/// record and every other element is still read.
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
    let bytes = bytes.strip_prefix(BYTE_ORDER_MARK.as_bytes()).unwrap_or(bytes);
    if bytes.trim_ascii_start().starts_with(b"[") && !is_json_lines(bytes) {
        return read_array(bytes, serde_json::Deserializer::from_slice(bytes), record);
    }
    bytes
        .split(|b| *b == b'\n')
        .enumerate()
        .filter_map(|(i, line)| line_record(i + 1, line.strip_suffix(b"\r").unwrap_or(line), record))
        .collect()
}

/// The record of one line of a JSON Lines file (its line ending removed): `too_long` for a
/// line longer than [`MAX_DOCUMENT_BYTES`] (told from its length alone, as the streaming reader,
/// which drops such a line's bytes, must tell it), none for a blank line, `Unreadable` for a
/// line that is not UTF-8 (at its first bad byte), else `record`'s.
fn line_record(number: usize, line: &[u8], record: fn(usize, &str) -> Record) -> Option<Record> {
    if line.len() > MAX_DOCUMENT_BYTES {
        return Some(Record::oversized(number));
    }
    match std::str::from_utf8(line) {
        Ok(l) if l.trim().is_empty() => None,
        Ok(l) => Some(record(number, l)),
        Err(e) => {
            let syntax = JsonSyntax {
                problem: JsonProblem::NotUtf8,
                line: 1,
                column: e.valid_up_to() + 1,
            };
            let error = FieldError::with("", ErrorCode::InvalidJson, Detail::Json(syntax));
            Some(Record::Unreadable { line: number, error })
        }
    }
}

/// A file of records read as its bytes arrive, record by record: what a batch too large to
/// hold in memory needs (`mentor triage` on a file of a million forms, a service reading a
/// queue). Fed chunks of any size (a buffered file's, a socket's), it hands each record over
/// as soon as its line ends, keeping only the line not yet ended.
///
/// The records, their lines and every decision are [`read_records_bytes`]'s (or
/// [`read_forms_bytes`]'s) on the whole file: a file starts JSON Lines unless its first line
/// says otherwise. When the first line starts a JSON array written over several lines, or a
/// single object written over several lines (`jq .`'s output), the file is one value: the
/// reader then keeps the bytes and cuts them at [`RecordReader::finish`] (such a file is read
/// whole; JSON Lines is the format that streams).
///
/// A NUL byte, which JSON text never holds (binary data, UTF-16: see [`is_binary`]), stops
/// the reading with [`NotText`]: the whole file is then not a batch of records.
///
/// ```
/// use mentor_core::wire::{Record, RecordReader};
/// let mut reader = RecordReader::forms();
/// let mut lines = Vec::new();
/// for chunk in [&b"{\"a\": 1}\n\nnot js"[..], b"on\n{\"b\"", b": 2}"] {
///     reader.feed(chunk, &mut |r| lines.push(r.line())).unwrap();
/// }
/// assert_eq!(lines, [1, 3]); // the third record's line has not ended yet
/// reader.finish(&mut |r| lines.push(r.line()));
/// assert_eq!(lines, [1, 3, 4]);
/// assert!(RecordReader::forms().feed(b"{\0}", &mut |_| {}).is_err());
/// ```
///
/// Its `Debug` output shows how far it has read, never the bytes it holds (they are forms:
/// personal data).
pub struct RecordReader {
    make: fn(usize, &str) -> Record,
    layout: Layout,
    /// Bytes not yet handed over: the line not yet ended (JSON Lines), or all of them while
    /// the layout is not known and once the file is known to be one value.
    pending: Vec<u8>,
    /// Lines ended and handed over (JSON Lines): the next line is number `lines + 1`.
    lines: usize,
    /// The line not yet ended grew past [`MAX_DOCUMENT_BYTES`] (JSON Lines): its bytes are
    /// dropped as they come, and it is one `too_long` record when it ends. Memory holds at
    /// most the limit and one chunk, whatever the line's length.
    overlong: bool,
    /// What the first lines said of the layout so far, while it is unknown.
    first_lines: FirstLines,
}

/// The first lines of a file as far as the layout's reading has looked at them
/// ([`RecordReader::layout_of`]): each line once, when it ends, so that a file whose layout
/// stays unknown for long (a first line `[1]`, then only blank lines) costs time in
/// proportion to its length, not to its length times its number of chunks.
#[derive(Debug, Default)]
struct FirstLines {
    /// Where the next line not yet looked at starts in `pending`.
    next: usize,
    /// The first line that is not blank (Unicode white space), and whether it runs out of text
    /// (it may open a value written over several lines).
    first: Option<(Range<usize>, bool)>,
    /// How many lines are not ASCII white space alone (counted up to 2), and whether the first
    /// of them runs out of text: [`is_json_lines`]'s reading of a file that starts with `[`.
    solid: usize,
    solid_ends_early: bool,
    /// Bytes looked at, to show in tests that each is looked at a bounded number of times.
    #[cfg(test)]
    examined: usize,
}

impl FirstLines {
    /// Takes note of the line at `span` of `bytes`.
    fn note(&mut self, bytes: &[u8], span: Range<usize>) {
        let line = bytes.get(span.clone()).unwrap_or_default();
        #[cfg(test)]
        {
            // The line and its line feed (the search for it looked at it).
            self.examined += line.len() + 1;
        }
        if self.first.is_none() && !std::str::from_utf8(line).is_ok_and(|l| l.trim().is_empty()) {
            self.first = Some((span, runs_out(line)));
        }
        if self.solid < 2 && !line.trim_ascii().is_empty() {
            if self.solid == 0 {
                self.solid_ends_early = runs_out(line);
            }
            self.solid += 1;
        }
    }
}

/// Whether a line read alone runs out of text before its JSON value ends (`[`, `{"a": 1,`).
fn runs_out(line: &[u8]) -> bool {
    serde_json::from_slice::<IgnoredAny>(line).is_err_and(|e| e.is_eof())
}

/// What a [`RecordReader`] knows of its file's layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Layout {
    /// Not yet: the first line (and, for a `[`, whether more lines follow) is still to come.
    Unknown,
    /// One record per line.
    Lines,
    /// One JSON value (an array, or an object over several lines): cut at the end.
    Whole,
}

/// Why a [`RecordReader`] stopped: the bytes hold a NUL, so they are not JSON text (binary
/// data, or UTF-16 text from a spreadsheet's "Unicode text" export).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotText;

impl std::fmt::Display for NotText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not a text file (binary data or UTF-16): records are JSON in UTF-8")
    }
}

impl std::error::Error for NotText {}

/// Why [`RecordReader::read_from`] stopped before the end.
#[derive(Debug)]
pub enum Unread {
    /// The source failed (a file that cannot be read, a closed socket).
    Io(std::io::Error),
    /// The bytes hold a NUL: not JSON text.
    NotText(NotText),
}

impl std::fmt::Debug for RecordReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RecordReader")
            .field("layout", &self.layout)
            .field("lines", &self.lines)
            .field("pending_bytes", &self.pending.len())
            .field("overlong", &self.overlong)
            .finish_non_exhaustive()
    }
}

impl RecordReader {
    /// A reader of forms, each kept as its text until it is assessed ([`read_forms_bytes`]).
    #[must_use]
    pub fn forms() -> RecordReader {
        RecordReader::new(Record::keep_text)
    }

    /// A reader of records read into JSON values ([`read_records_bytes`]).
    #[must_use]
    pub fn records() -> RecordReader {
        RecordReader::new(Record::from_text)
    }

    fn new(make: fn(usize, &str) -> Record) -> RecordReader {
        RecordReader {
            make,
            layout: Layout::Unknown,
            pending: Vec::new(),
            lines: 0,
            overlong: false,
            first_lines: FirstLines::default(),
        }
    }

    /// Reads the next bytes of the file, handing `each` every record whose line they end.
    ///
    /// # Errors
    /// [`NotText`] when the bytes hold a NUL: stop reading, the file is not records.
    pub fn feed(&mut self, chunk: &[u8], each: &mut dyn FnMut(Record)) -> Result<(), NotText> {
        if is_binary(chunk) {
            return Err(NotText);
        }
        self.pending.extend_from_slice(chunk);
        // The layout is known from ended lines: only a chunk that ends one can tell it (and
        // a long first line is not scanned again for every chunk).
        if self.layout == Layout::Unknown && chunk.contains(&b'\n') {
            self.layout = self.layout_of(false);
        }
        if self.layout == Layout::Lines {
            self.cut_lines(each);
            // Even without its carriage return, the line is too long: its record is known.
            if self.pending.len() > MAX_DOCUMENT_BYTES + 1 {
                self.overlong = true;
                self.pending = Vec::new();
            }
        }
        Ok(())
    }

    /// Ends the file: hands `each` the records still held (the last line when it has no line
    /// ending, or every record of a file that is one value).
    pub fn finish(mut self, each: &mut dyn FnMut(Record)) {
        if self.layout == Layout::Unknown {
            self.layout = self.layout_of(true);
        }
        match self.layout {
            Layout::Lines | Layout::Unknown => {
                self.cut_lines(each);
                let last = std::mem::take(&mut self.pending);
                let last = self.without_bom(last.strip_suffix(b"\r").unwrap_or(&last));
                if self.overlong {
                    each(Record::oversized(self.lines + 1));
                } else if let Some(record) = line_record(self.lines + 1, last, self.make) {
                    each(record);
                }
            }
            Layout::Whole => {
                let records = split_bytes(&self.pending, self.make);
                drop(self.pending);
                records.into_iter().for_each(each);
            }
        }
    }

    /// Reads `source` to its end in 64 KiB chunks ([`RecordReader::feed`], then
    /// [`RecordReader::finish`]): the whole loop a file or a socket needs. The reader only
    /// reads what it is given; opening the file is the caller's.
    ///
    /// ```
    /// use mentor_core::wire::{RecordReader, Unread};
    /// let mut lines = Vec::new();
    /// RecordReader::forms().read_from(&mut &b"{}\n\n{}"[..], &mut |r| lines.push(r.line())).unwrap();
    /// assert_eq!(lines, [1, 3]);
    /// let binary = RecordReader::forms().read_from(&mut &b"{\0}"[..], &mut |_| {});
    /// assert!(matches!(binary, Err(Unread::NotText(_))));
    /// ```
    ///
    /// # Errors
    /// [`Unread::Io`] when `source` fails (the records read before were handed over);
    /// [`Unread::NotText`] when the bytes hold a NUL.
    pub fn read_from(
        mut self,
        source: &mut dyn std::io::Read,
        each: &mut dyn FnMut(Record),
    ) -> Result<(), Unread> {
        let mut chunk = vec![0_u8; 1 << 16];
        loop {
            let read = match source.read(&mut chunk) {
                Ok(0) => break,
                Ok(read) => read,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(Unread::Io(e)),
            };
            self.feed(chunk.get(..read).unwrap_or_default(), each)
                .map_err(Unread::NotText)?;
        }
        self.finish(each);
        Ok(())
    }

    /// The byte-order mark at the very start of the file is not part of the first line.
    fn without_bom<'b>(&self, line: &'b [u8]) -> &'b [u8] {
        if self.lines == 0 {
            line.strip_prefix(BYTE_ORDER_MARK.as_bytes()).unwrap_or(line)
        } else {
            line
        }
    }

    /// The layout, from the file's first lines ([`split`]'s decisions): `Unknown` while they
    /// have not all arrived, unless `at_end`. Only the lines ended since the last call are
    /// looked at ([`FirstLines`]).
    fn layout_of(&mut self, at_end: bool) -> Layout {
        let scan = &mut self.first_lines;
        let bytes = self.pending.as_slice();
        if scan.next == 0 && bytes.starts_with(BYTE_ORDER_MARK.as_bytes()) {
            scan.next = BYTE_ORDER_MARK.len();
        }
        while let Some(end) = bytes
            .get(scan.next..)
            .and_then(|rest| rest.iter().position(|b| *b == b'\n'))
        {
            let end = scan.next + end;
            scan.note(bytes, scan.next..end);
            scan.next = end + 1;
        }
        // The line not yet ended (all of them have ended at the end).
        let unended = bytes.get(scan.next..).unwrap_or_default();
        if at_end {
            scan.note(bytes, scan.next..bytes.len());
            scan.next = bytes.len();
        }
        let Some((first, first_runs_out)) = scan.first.clone() else {
            return if at_end { Layout::Lines } else { Layout::Unknown };
        };
        let first = bytes.get(first).unwrap_or_default();
        let opens_array = match std::str::from_utf8(first) {
            Ok(first) => first.trim_start().starts_with('['),
            Err(_) => first.trim_ascii_start().starts_with(b"["),
        };
        if opens_array {
            // JSON Lines when the first line stands alone and more lines follow
            // ([`is_json_lines`]'s reading); a first line that runs out of text opens an array.
            if scan.solid == 0 {
                return if at_end { Layout::Whole } else { Layout::Unknown };
            }
            if scan.solid_ends_early {
                return Layout::Whole;
            }
            let more = scan.solid > 1 || (!at_end && !unended.trim_ascii().is_empty());
            return match (more, at_end) {
                (true, _) => Layout::Lines,
                (false, true) => Layout::Whole,
                (false, false) => Layout::Unknown,
            };
        }
        // A first line that runs out of text may open one object written over several lines:
        // known at the end only. A first line that is whole, or breaks before its end, is the
        // first of JSON Lines (the text after it cannot mend it).
        if first_runs_out {
            Layout::Whole
        } else {
            Layout::Lines
        }
    }

    /// Hands over the record of every line ended in `pending`, and drops their bytes. The line
    /// ends are found with `memchr` (several bytes per instruction): a byte-by-byte search was
    /// 38% of the reading thread's instructions in `mentor triage --jobs 2`, the part that does
    /// not run in parallel (issue 15).
    fn cut_lines(&mut self, each: &mut dyn FnMut(Record)) {
        let mut start = 0;
        while let Some(end) = self
            .pending
            .get(start..)
            .and_then(|rest| memchr::memchr(b'\n', rest))
        {
            let end = start + end;
            let line = self.pending.get(start..end).unwrap_or_default();
            let line = self.without_bom(line.strip_suffix(b"\r").unwrap_or(line));
            self.lines += 1;
            if std::mem::take(&mut self.overlong) {
                each(Record::oversized(self.lines));
            } else if let Some(record) = line_record(self.lines, line, self.make) {
                each(record);
            }
            start = end + 1;
        }
        self.pending.drain(..start);
    }
}

/// Counts the elements of a JSON array as serde_json reads them, into a count the caller keeps,
/// so that the elements before a syntax error survive it.
struct Elements<'a>(&'a mut usize);

impl<'de> DeserializeSeed<'de> for Elements<'_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Elements<'_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an array of records")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {
            *self.0 += 1;
        }
        Ok(())
    }
}

/// The records of a JSON array: serde_json checks the array (its errors are the reader's), then
/// [`elements`] cuts out the text of each element it accepted. This is what serde_json's
/// `RawValue` does, without its `raw_value` feature, which weighs on the browser build.
fn read_array<'de, R: serde_json::de::Read<'de>>(
    bytes: &[u8],
    mut de: serde_json::Deserializer<R>,
    record: fn(usize, &str) -> Record,
) -> Vec<Record> {
    let mut count = 0;
    let in_array = Elements(&mut count).deserialize(&mut de);
    let broken_inside = in_array.is_err();
    let after_array = in_array.is_ok().then(|| de.end()).and_then(Result::err);
    // Skipping an element has no depth limit in serde_json: an element nested too deep is
    // counted here and found `too_deep` when it is read, as its own record.
    let error = in_array
        .err()
        .or(after_array)
        .map(|e| FieldError::invalid_json(&e));
    // The text of each element serde_json accepted. Bytes that are not UTF-8 inside an
    // element's strings are found when its text is taken: that element is a record of its own
    // (issue 16: every element is reported on its own), the others are still read.
    let mut elements = elements(bytes);
    // Sized once: the count is known (a growing vector would hold its old and new buffers at
    // once, 1.5 times the records' size on average).
    let mut records = Vec::with_capacity(count + usize::from(error.is_some()));
    records.extend(
        elements
            .by_ref()
            .take(count)
            .enumerate()
            .map(|(i, span)| element_record(bytes, i + 1, span, record)),
    );
    if let Some(error) = error {
        records.push(Record::Unreadable {
            line: records.len() + 1,
            error,
        });
    }
    // A syntax error inside the array is the broken element's alone (its place holds the
    // error): the elements after it are cut by the same scanner and each read on its own, so
    // one bad element never loses the rest of the batch (a file cut short loses only its last
    // element).
    if broken_inside {
        elements.next();
        for span in elements {
            records.push(recovered_element(bytes, records.len() + 1, span, record));
        }
    }
    records
}

/// The record of the array element at `span`: `too_long` past [`MAX_DOCUMENT_BYTES`], its
/// text, or `invalid_json` at its first byte that is not UTF-8.
fn element_record(
    bytes: &[u8],
    line: usize,
    span: Range<usize>,
    record: fn(usize, &str) -> Record,
) -> Record {
    if span.len() > MAX_DOCUMENT_BYTES {
        return Record::oversized(line);
    }
    match std::str::from_utf8(bytes.get(span.clone()).unwrap_or_default()) {
        Ok(text) => record(line, text),
        Err(e) => Record::Unreadable {
            line,
            error: not_utf8(bytes, span.start + e.valid_up_to()),
        },
    }
}

/// An element cut after a syntax error ([`element_record`]): its own syntax error, if it has
/// one, is found here, so that the error's line and column count in the file (read alone, the
/// element's text would place it on its own line 1). An element nested too deep is left to be
/// found `too_deep` when it is read, as before an error.
fn recovered_element(
    bytes: &[u8],
    line: usize,
    span: Range<usize>,
    record: fn(usize, &str) -> Record,
) -> Record {
    let text = bytes.get(span.clone()).unwrap_or_default();
    if text.len() <= MAX_DOCUMENT_BYTES && std::str::from_utf8(text).is_ok() {
        if let Err(e) = serde_json::from_slice::<IgnoredAny>(text) {
            // serde_json's depth limit is a syntax error by its category: told by its message.
            if !e.to_string().starts_with("recursion limit exceeded") {
                let mut syntax = JsonSyntax::of(&e);
                let (start_line, start_column) = position_of_index(bytes, span.start + 1);
                if syntax.line == 1 {
                    syntax.column += start_column - 1;
                }
                syntax.line += start_line - 1;
                let error = FieldError::with("", ErrorCode::InvalidJson, Detail::Json(syntax));
                return Record::Unreadable { line, error };
            }
        }
    }
    element_record(bytes, line, span, record)
}

/// The next element of an array whose syntax may be broken, from `at` (past the previous
/// element): after an optional `,`, a value's text as [`value_end`] finds it (brackets and
/// quotes balanced), or, for text that starts no value, up to the next `,` or `]`. `None` at the
/// array's `]` or at the end of the text.
fn next_element(bytes: &[u8], at: usize) -> Option<Range<usize>> {
    let mut start = skip_whitespace(bytes, at);
    if bytes.get(start) == Some(&b',') {
        start = skip_whitespace(bytes, start + 1);
    }
    match bytes.get(start)? {
        b']' => None,
        b'"' | b'[' | b'{' | b't' | b'f' | b'n' | b'-' | b'0'..=b'9' => {
            let end = value_end(bytes, start).clamp(start + 1, bytes.len());
            Some(start..end)
        }
        _ => {
            let end = bytes
                .iter()
                .skip(start + 1)
                .position(|b| matches!(b, b',' | b']'))
                .map_or(bytes.len(), |i| start + 1 + i);
            Some(start..end)
        }
    }
}

/// `invalid_json` for the byte at `bad` that is not UTF-8, placed as serde_json places errors.
fn not_utf8(bytes: &[u8], bad: usize) -> FieldError {
    let (line, column) = position_of_index(bytes, bad + 1);
    FieldError::with(
        "",
        ErrorCode::InvalidJson,
        Detail::Json(JsonSyntax {
            problem: JsonProblem::NotUtf8,
            line,
            column,
        }),
    )
}

/// The line and column serde_json gives the byte at `index` (both 1-based; the column counts
/// bytes).
fn position_of_index(bytes: &[u8], index: usize) -> (usize, usize) {
    let before = bytes.get(..index).unwrap_or(bytes);
    let start_of_line = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let line = 1 + before.iter().take(start_of_line).filter(|&&b| b == b'\n').count();
    (line, index - start_of_line)
}

/// The byte ranges of the elements of the JSON array in `bytes`, in order, each from its first
/// byte to its last without the whitespace around it ([`next_element`]). Over the elements
/// serde_json accepted the scan needs no checks of its own; past a syntax error it is the
/// best cut there is.
fn elements(bytes: &[u8]) -> impl Iterator<Item = Range<usize>> + '_ {
    // Past the `[`.
    let mut at = skip_whitespace(bytes, 0) + 1;
    std::iter::from_fn(move || {
        let span = next_element(bytes, at)?;
        at = span.end;
        Some(span)
    })
}

/// The index of the first byte from `at` on that is not JSON whitespace.
fn skip_whitespace(bytes: &[u8], at: usize) -> usize {
    bytes
        .iter()
        .skip(at)
        .position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
        .map_or(bytes.len(), |i| at + i)
}

/// The end of the well-formed JSON value that starts at `start` (what follows it may not be
/// JSON): past its closing quote or bracket, its literal, or its number's last digit. Brackets
/// and quotes inside strings, and escaped quotes, do not count.
fn value_end(bytes: &[u8], start: usize) -> usize {
    match bytes.get(start) {
        Some(b't' | b'n') => return start + 4,
        Some(b'f') => return start + 5,
        Some(b'"' | b'[' | b'{') => {}
        _ => return number_end(bytes, start),
    }
    let mut depth = 0_usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, &b) in bytes.iter().enumerate().skip(start) {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
                if depth == 0 {
                    return i + 1;
                }
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => depth += 1,
            b']' | b'}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
    }
    bytes.len()
}

/// The end of the well-formed JSON number that starts at `start`: an optional minus, digits,
/// then a fraction and an exponent when they follow (in a well-formed number, a `.` or an `e`
/// right after the digits is always its own).
fn number_end(bytes: &[u8], start: usize) -> usize {
    let digits = |at: usize| {
        bytes
            .iter()
            .skip(at)
            .position(|b| !b.is_ascii_digit())
            .map_or(bytes.len(), |i| at + i)
    };
    let mut at = digits(start + usize::from(bytes.get(start) == Some(&b'-')));
    if bytes.get(at) == Some(&b'.') {
        at = digits(at + 1);
    }
    if matches!(bytes.get(at), Some(b'e' | b'E')) {
        at += 1;
        if matches!(bytes.get(at), Some(b'+' | b'-')) {
            at += 1;
        }
        at = digits(at);
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        read_forms(text)
            .into_iter()
            .map(|r| match r {
                Record::Text { text, .. } => text,
                other => format!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn array_elements_are_cut_at_their_own_text() {
        let text = " [ {\"a\": [1, {\"b\": \"],}\\\"\"}]} ,\n\"x\\\\\" , 12.5e3,true , null,[],\"\" ] ";
        assert_eq!(
            texts(text),
            [
                "{\"a\": [1, {\"b\": \"],}\\\"\"}]}",
                "\"x\\\\\"",
                "12.5e3",
                "true",
                "null",
                "[]",
                "\"\""
            ]
        );
        assert!(texts("[]").is_empty());
        assert_eq!(
            texts("[1,2"),
            [
                "1",
                "2",
                "Unreadable { line: 3, error: FieldError { path: \"\", code: InvalidJson, detail: Json(JsonSyntax { problem: EndsEarly, line: 1, column: 4 }) } }"
            ]
        );
    }

    /// The record kinds in order: each element's text, or `!` for an unreadable record.
    fn shapes(text: &str) -> Vec<String> {
        read_forms(text)
            .into_iter()
            .map(|r| match r {
                Record::Text { text, .. } => text,
                _ => "!".to_owned(),
            })
            .collect()
    }

    #[test]
    fn a_broken_element_does_not_lose_the_elements_after_it() {
        // A missing comma inside the second object: it alone is unreadable.
        assert_eq!(
            shapes("[{\"a\": 1},\n {\"b\": 2 \"c\"},\n {\"d\": [3, \"]\"]}]"),
            ["{\"a\": 1}", "!", "{\"d\": [3, \"]\"]}"]
        );
        // Junk that starts no value takes the broken element's place, up to the next comma.
        assert_eq!(shapes("[1, 2 x, 3, 4]"), ["1", "2", "!", "3", "4"]);
        // A file cut short loses only its last element.
        assert_eq!(shapes("[{\"a\": 1}, {\"b\":"), ["{\"a\": 1}", "!"]);
        // Text after the array's end is one error; nothing is read from it.
        assert_eq!(shapes("[{\"a\": 1}] {\"b\": 2}"), ["{\"a\": 1}", "!"]);
        // The records are numbered by their place in the array.
        let lines: Vec<usize> = read_forms("[1, 2 x, 3]").iter().map(Record::line).collect();
        assert_eq!(lines, [1, 2, 3, 4]);
    }

    #[test]
    fn errors_after_a_broken_element_are_placed_in_the_file() {
        // Line 2 and line 4 each hold a broken element, and the file stops inside line 5's.
        // Columns count as serde_json counts them in the whole text (the first error is its
        // own): the `x` of `  {"b": 2 x},` is column 11, the `4` of `  {"c": 3, "d" 4},`
        // column 16 (where a `:` was due), and `  {"e":` ends at column 7.
        let text = "[{\"a\": 1},\n  {\"b\": 2 x},\n  {\"ok\": true},\n  {\"c\": 3, \"d\" 4},\n  {\"e\":";
        let places: Vec<String> = read_forms(text)
            .iter()
            .map(|r| match r {
                Record::Unreadable { error, .. } => match &error.detail {
                    Detail::Json(s) => format!("{:?} {}:{}", s.problem, s.line, s.column),
                    other => format!("{other:?}"),
                },
                Record::Text { text, .. } => text.clone(),
                Record::Json { .. } => "json".to_owned(),
            })
            .collect();
        assert_eq!(
            places,
            [
                "{\"a\": 1}",
                "Syntax 2:11",
                "{\"ok\": true}",
                "Syntax 4:16",
                "EndsEarly 5:7"
            ]
        );
    }

    /// fuzz target `record_reader`: while the layout was unknown (a first line `[1]`, an array
    /// on one line or the first record of JSON Lines, then only blank lines), every chunk that
    /// ended a line had the reader look at every byte held again: time in the square of the
    /// file's length for a file fed in small chunks. Each line is looked at once now.
    #[test]
    fn the_layout_looks_at_each_first_line_once() {
        let mut reader = RecordReader::forms();
        let mut lines = Vec::new();
        reader.feed(b"[1]\n", &mut |r| lines.push(r.line())).unwrap();
        let blank_lines = 20_000;
        for _ in 0..blank_lines {
            reader.feed(b" \r\n", &mut |r| lines.push(r.line())).unwrap();
        }
        assert_eq!(reader.layout, Layout::Unknown);
        // `[1]` and each blank line, with their line feeds, once (before: every byte held for each
        // chunk, about 30,000 on average for each of the 20,000 chunks, 600 million).
        assert_eq!(reader.first_lines.examined, 4 + 3 * blank_lines);
        reader.feed(b"[2]\n", &mut |r| lines.push(r.line())).unwrap();
        assert_eq!(reader.layout, Layout::Lines);
        assert_eq!(lines, [1, blank_lines + 2]);

        // Blank lines before any record, and a first line that runs out of text (an array
        // over several lines), are looked at once too.
        let mut reader = RecordReader::records();
        for _ in 0..blank_lines {
            reader.feed(b"\n", &mut |_| {}).unwrap();
        }
        reader.feed(b"[\n", &mut |_| {}).unwrap();
        assert_eq!(reader.layout, Layout::Whole);
        assert_eq!(reader.first_lines.examined, blank_lines + 2);
    }

    #[test]
    fn position_counts_lines_and_bytes_as_serde_json_does() {
        assert_eq!(position_of_index(b"abc", 2), (1, 2));
        assert_eq!(position_of_index(b"a\nbc\nd", 4), (2, 2));
        assert_eq!(position_of_index(b"a\nbc\nd", 5), (3, 0));
    }
}

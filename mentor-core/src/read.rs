//! Reading JSON input field by field, collecting every problem with its path instead of
//! stopping at the first (`docs/wire-format.md#field-errors`). Paths are built only when an error is
//! reported.

use std::fmt;

use std::borrow::Cow;

use serde_json::{Map, Value};

use crate::error::{Detail, ErrorCode, FieldError, InputError};
use crate::i18n::Text;
use crate::wire::{Field, FromValue, Number, Obj, Scalar, Unknown};

/// Whether `c` is a format character (Unicode general category Cf, as of Unicode 16.0:
/// `DerivedGeneralCategory.txt`): invisible characters that change how text displays or
/// joins (soft hyphen, zero-width space and joiners, direction marks and overrides, the
/// byte-order mark, tags…).
pub(crate) fn is_format_character(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{600}'..='\u{605}'
            | '\u{61c}'
            | '\u{6dd}'
            | '\u{70f}'
            | '\u{890}'..='\u{891}'
            | '\u{8e2}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206f}'
            | '\u{feff}'
            | '\u{fff9}'..='\u{fffb}'
            | '\u{110bd}'
            | '\u{110cd}'
            | '\u{13430}'..='\u{1343f}'
            | '\u{1bca0}'..='\u{1bca3}'
            | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0001}'
            | '\u{e0020}'..='\u{e007f}'
    )
}

/// Where a value sits in a document: `subjects[1].level`. Borrowed links, no allocation.
#[derive(Clone, Copy)]
pub(crate) enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    pub(crate) fn key(&'a self, key: &'a str) -> Path<'a> {
        Path::Key(self, key)
    }

    pub(crate) fn index(&'a self, i: usize) -> Path<'a> {
        Path::Index(self, i)
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Key(Path::Root, key) => f.write_str(key),
            Path::Key(parent, key) => write!(f, "{parent}.{key}"),
            Path::Index(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}

const A_STRING: Text = Text::new("a string", "une chaîne");
const AN_OBJECT: Text = Text::new("an object", "un objet");
const AN_ARRAY: Text = Text::new("an array", "un tableau");
const A_BOOLEAN: Text = Text::new("true or false", "true ou false");
const A_NUMBER: Text = Text::new("a whole number", "un nombre entier");

/// A scalar as found at a path, whether read from a raw form ([`Field`]) or a JSON value.
pub(crate) enum Seen<'v> {
    Absent,
    Str(&'v str),
    Bool(bool),
    Number(Number),
    Other,
}

/// What the reader's scalar methods take: a raw form's field, or a value of a JSON tree.
pub(crate) trait See<'v> {
    fn see(self) -> Seen<'v>;
}

impl<'v> See<'v> for Seen<'v> {
    fn see(self) -> Seen<'v> {
        self
    }
}

impl<'v> See<'v> for Option<&'v Value> {
    fn see(self) -> Seen<'v> {
        match self {
            None | Some(Value::Null) => Seen::Absent,
            Some(Value::String(s)) => Seen::Str(s),
            Some(Value::Bool(b)) => Seen::Bool(*b),
            Some(v @ Value::Number(_)) => Number::from_value(v).map_or(Seen::Other, Seen::Number),
            Some(_) => Seen::Other,
        }
    }
}

/// What a raw form's field holds, as the reader sees it.
pub(crate) trait FieldValue {
    fn seen(&self) -> Seen<'_>;
}

impl FieldValue for Cow<'_, str> {
    fn seen(&self) -> Seen<'_> {
        Seen::Str(self)
    }
}

impl FieldValue for bool {
    fn seen(&self) -> Seen<'_> {
        Seen::Bool(*self)
    }
}

impl FieldValue for Scalar<'_> {
    fn seen(&self) -> Seen<'_> {
        match self {
            Scalar::Text(text) => Seen::Str(text),
            Scalar::Number(n) => Seen::Number(*n),
            Scalar::Bool(b) => Seen::Bool(*b),
        }
    }
}

impl FieldValue for Number {
    fn seen(&self) -> Seen<'_> {
        Seen::Number(*self)
    }
}

impl<'v, T: FieldValue> See<'v> for &'v Field<T> {
    fn see(self) -> Seen<'v> {
        match self {
            Field::Absent => Seen::Absent,
            Field::Given(leaf) => leaf.seen(),
            Field::Wrong(_) => Seen::Other,
        }
    }
}

/// Collects the errors of one document.
#[derive(Default)]
pub(crate) struct Reader {
    pub(crate) errors: Vec<FieldError>,
}

impl Reader {
    pub(crate) fn new() -> Self {
        Reader { errors: Vec::new() }
    }

    /// The value read, when nothing was reported; otherwise every error found.
    pub(crate) fn finish<T>(self, parsed: Option<T>) -> Result<T, InputError> {
        match parsed {
            Some(v) if self.errors.is_empty() => Ok(v),
            _ => Err(InputError { errors: self.errors }),
        }
    }

    pub(crate) fn error(&mut self, path: &dyn fmt::Display, code: ErrorCode) {
        self.errors.push(FieldError::new(path.to_string(), code));
    }

    pub(crate) fn error_with(&mut self, path: &dyn fmt::Display, code: ErrorCode, detail: Detail) {
        self.errors.push(FieldError::with(path.to_string(), code, detail));
    }

    pub(crate) fn wrong_type(&mut self, path: &dyn fmt::Display, expected: Text) {
        self.error_with(path, ErrorCode::InvalidType, Detail::Expected(expected));
    }

    /// An object whose keys are all in `known` (each other key is `unknown_field`).
    /// `None` (and an error) when `value` is not an object.
    pub(crate) fn object<'v>(
        &mut self,
        value: &'v Value,
        path: &Path<'_>,
        known: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        let Value::Object(map) = value else {
            self.wrong_type(path, AN_OBJECT);
            return None;
        };
        for key in map.keys() {
            if !known.contains(&key.as_str()) {
                self.error(&path.key(key), ErrorCode::UnknownField);
            }
        }
        Some(map)
    }

    /// An object whose keys are data (a map: subject → demand). `None` (and an error) when
    /// `value` is not an object.
    pub(crate) fn entries<'v>(
        &mut self,
        value: &'v Value,
        path: &Path<'_>,
    ) -> Option<&'v Map<String, Value>> {
        let Value::Object(map) = value else {
            self.wrong_type(path, AN_OBJECT);
            return None;
        };
        Some(map)
    }

    /// An optional number in `lo..=hi` (`expected` says which, for the message).
    pub(crate) fn number<'v>(
        &mut self,
        value: impl See<'v>,
        path: &dyn fmt::Display,
        lo: f64,
        hi: f64,
        expected: Text,
    ) -> Option<f64> {
        #[allow(clippy::cast_precision_loss, reason = "a policy's numbers are far below 2^53")]
        let n = match value.see() {
            Seen::Absent => return None,
            Seen::Number(Number::Int(i)) => i as f64,
            Seen::Number(Number::UInt(u)) => u as f64,
            Seen::Number(Number::Float(f)) => f,
            _ => {
                self.wrong_type(path, expected);
                return None;
            }
        };
        if n.is_finite() && (lo..=hi).contains(&n) {
            Some(n)
        } else {
            self.error_with(path, ErrorCode::OutOfRange, Detail::Expected(expected));
            None
        }
    }

    /// A required object; `required` when absent or null.
    pub(crate) fn required_object<'v>(
        &mut self,
        value: Option<&'v Value>,
        path: &Path<'_>,
        known: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        match present(value) {
            Some(v) => self.object(v, path, known),
            None => {
                self.error(path, ErrorCode::Required);
                None
            }
        }
    }

    /// An optional object.
    pub(crate) fn optional_object<'v>(
        &mut self,
        value: Option<&'v Value>,
        path: &Path<'_>,
        known: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        present(value).and_then(|v| self.object(v, path, known))
    }

    /// Reports each key of a raw form's `unknown` as `unknown_field` under `path`.
    pub(crate) fn unknown(&mut self, unknown: &Unknown, path: &Path<'_>) {
        for key in &unknown.0 {
            self.error(&path.key(key), ErrorCode::UnknownField);
        }
    }

    /// The raw form of an object field; `required` when absent and `required` is set,
    /// `invalid_type` when the value is not an object.
    pub(crate) fn obj<'f, T>(
        &mut self,
        field: &'f Field<Obj<T>>,
        path: &dyn fmt::Display,
        required: bool,
    ) -> Option<&'f T> {
        match field {
            Field::Given(Obj(form)) => Some(form),
            Field::Absent => {
                if required {
                    self.error(path, ErrorCode::Required);
                }
                None
            }
            Field::Wrong(_) => {
                self.wrong_type(path, AN_OBJECT);
                None
            }
        }
    }

    /// An object that must be here (the document's root, an array's item): of any other type,
    /// or `null`, it is `invalid_type`.
    pub(crate) fn element<'f, T>(
        &mut self,
        field: &'f Field<Obj<T>>,
        path: &dyn fmt::Display,
    ) -> Option<&'f T> {
        match field {
            Field::Given(Obj(form)) => Some(form),
            Field::Absent | Field::Wrong(_) => {
                self.wrong_type(path, AN_OBJECT);
                None
            }
        }
    }

    /// The items of an array field; `None` when absent, or not an array (`invalid_type`).
    pub(crate) fn list<'f, T>(
        &mut self,
        field: &'f Field<Vec<T>>,
        path: &dyn fmt::Display,
    ) -> Option<&'f [T]> {
        match field {
            Field::Given(items) => Some(items),
            Field::Absent => None,
            Field::Wrong(_) => {
                self.wrong_type(path, AN_ARRAY);
                None
            }
        }
    }

    /// Whether a value counts as not given: absent, null, or a blank string
    /// (`docs/wire-format.md#field-errors`).
    pub(crate) fn is_blank<'v>(&self, value: impl See<'v>) -> bool {
        match value.see() {
            Seen::Absent => true,
            Seen::Str(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// An optional string, trimmed; `None` when absent, null, blank or wrong. Longer than
    /// `max_chars` characters is `too_long`; control characters are `invalid_characters`
    /// (line breaks and tabs are allowed where `multiline`).
    pub(crate) fn text<'v>(
        &mut self,
        value: impl See<'v>,
        path: &dyn fmt::Display,
        max_chars: usize,
        multiline: bool,
    ) -> Option<&'v str> {
        let s = match value.see() {
            Seen::Absent => return None,
            Seen::Str(s) => s.trim(),
            _ => {
                self.wrong_type(path, A_STRING);
                return None;
            }
        };
        if s.is_empty() {
            return None;
        }
        // A text of at most `max_chars` bytes has at most that many characters: only longer
        // ones are counted.
        if s.len() > max_chars && s.chars().nth(max_chars).is_some() {
            self.error_with(path, ErrorCode::TooLong, Detail::MaxChars(max_chars));
            return None;
        }
        // Control characters, and the bidirectional overrides LRO/RLO, which make a text
        // display in another order than it reads (Unicode TR #9; "Trojan Source"). Embeddings
        // and isolates stay allowed: right-to-left names need them. Printable ASCII, the
        // common case, is checked byte by byte.
        // On one line, also the invisible characters no script needs (zero-width space, word
        // joiner and invisible operators, byte-order mark, tags, interlinear annotations): they
        // make two equal-looking texts differ (issue 16). Joiners (ZWJ, ZWNJ) and the
        // direction marks stay: Persian, Indic and right-to-left names use them.
        let bad = |c: char| {
            (c.is_control() && !(multiline && matches!(c, '\n' | '\r' | '\t')))
                || matches!(c, '\u{202d}' | '\u{202e}')
                || (!multiline
                    && matches!(c, '\u{200b}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{fff9}'..='\u{fffb}' | '\u{e0000}'..='\u{e007f}'))
        };
        let printable_ascii = s.bytes().all(|b| (0x20..0x7f).contains(&b));
        if !printable_ascii && s.chars().any(bad) {
            self.error(path, ErrorCode::InvalidCharacters);
            return None;
        }
        Some(s)
    }

    /// A required string: `required` when absent, null, empty or whitespace-only.
    pub(crate) fn required_text<'v, V: See<'v> + Copy>(
        &mut self,
        value: V,
        path: &dyn fmt::Display,
        max_chars: usize,
    ) -> Option<&'v str> {
        if self.is_blank(value) {
            self.error(path, ErrorCode::Required);
            return None;
        }
        self.text(value, path, max_chars, false)
    }

    /// A text that identifies something (an e-mail address, a phone or registration number):
    /// [`Reader::text`] on one line, and no format character at all (Unicode category Cf:
    /// `ada\u{200b}@example.org` must not pass for a second address). `invalid_characters`.
    pub(crate) fn identifier<'v, V: See<'v> + Copy>(
        &mut self,
        value: V,
        path: &dyn fmt::Display,
        max_chars: usize,
        required: bool,
    ) -> Option<&'v str> {
        let text = if required {
            self.required_text(value, path, max_chars)
        } else {
            self.text(value, path, max_chars, false)
        }?;
        if !text.is_ascii() && text.chars().any(is_format_character) {
            self.error(path, ErrorCode::InvalidCharacters);
            return None;
        }
        Some(text)
    }

    /// Turns a text read from `path` into a value with `parse`; when it does not parse, `code`
    /// is reported at `path`. `None` text (absent, or already reported) stays `None`.
    pub(crate) fn parse<T>(
        &mut self,
        text: Option<&str>,
        path: &dyn fmt::Display,
        code: ErrorCode,
        parse: impl FnOnce(&str) -> Option<T>,
    ) -> Option<T> {
        let parsed = parse(text?);
        if parsed.is_none() {
            self.error(path, code);
        }
        parsed
    }

    /// An optional boolean.
    pub(crate) fn boolean<'v>(&mut self, value: impl See<'v>, path: &dyn fmt::Display) -> Option<bool> {
        match value.see() {
            Seen::Absent => None,
            Seen::Bool(b) => Some(b),
            _ => {
                self.wrong_type(path, A_BOOLEAN);
                None
            }
        }
    }

    /// An optional whole number in `lo..=hi` (`6.0` counts as whole; `6.5` does not).
    pub(crate) fn integer<'v>(
        &mut self,
        value: impl See<'v>,
        path: &dyn fmt::Display,
        lo: i64,
        hi: i64,
    ) -> Option<i64> {
        let n = match value.see() {
            Seen::Absent => return None,
            Seen::Number(n) => n,
            _ => {
                self.wrong_type(path, A_NUMBER);
                return None;
            }
        };
        match n.whole() {
            Some(i) if (lo..=hi).contains(&i) => Some(i),
            _ => {
                self.error_with(path, ErrorCode::OutOfRange, Detail::Range(lo, hi));
                None
            }
        }
    }

    /// An optional value of a vocabulary: one of `table`'s names, exactly (the error lists
    /// them, from the same table).
    pub(crate) fn choice<'v, T: Copy>(
        &mut self,
        value: impl See<'v>,
        path: &dyn fmt::Display,
        table: &'static [(&'static str, T)],
    ) -> Option<T> {
        let s = match value.see() {
            Seen::Absent => return None,
            Seen::Str(s) => s,
            _ => {
                self.wrong_type(path, A_STRING);
                return None;
            }
        };
        match table.iter().find(|(name, _)| *name == s) {
            Some((_, v)) => Some(*v),
            None => {
                self.error_with(
                    path,
                    ErrorCode::InvalidEnum,
                    Detail::Allowed(table.iter().map(|(name, _)| *name).collect()),
                );
                None
            }
        }
    }

    /// An optional array.
    pub(crate) fn array<'v>(
        &mut self,
        value: Option<&'v Value>,
        path: &dyn fmt::Display,
    ) -> Option<&'v [Value]> {
        match present(value)? {
            Value::Array(items) => Some(items),
            _ => {
                self.wrong_type(path, AN_ARRAY);
                None
            }
        }
    }
}

/// The value unless absent or `null` (both mean "not given").
pub(crate) fn present(value: Option<&Value>) -> Option<&Value> {
    value.filter(|v| !v.is_null())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_render_like_the_wire_format() {
        let root = Path::Root;
        let subjects = root.key("subjects");
        let first = subjects.index(1);
        assert_eq!(first.key("level").to_string(), "subjects[1].level");
    }

    #[test]
    fn text_limits_and_blanks() {
        let mut r = Reader::new();
        let root = Path::Root;
        let v = Value::String("  ".into());
        assert_eq!(r.required_text(Some(&v), &root.key("name"), 5), None);
        let long = Value::String("é".repeat(6));
        assert_eq!(r.text(Some(&long), &root.key("bio"), 5, false), None);
        let codes: Vec<_> = r.errors.iter().map(|e| e.code).collect();
        assert_eq!(codes, [ErrorCode::Required, ErrorCode::TooLong]);
    }

    #[test]
    fn integers_must_be_whole_and_in_range() {
        let mut r = Reader::new();
        let root = Path::Root;
        assert_eq!(r.integer(Some(&serde_json::json!(6.0)), &root, 0, 80), Some(6));
        assert_eq!(r.integer(Some(&serde_json::json!(6.5)), &root, 0, 80), None);
        assert_eq!(r.integer(Some(&serde_json::json!(81)), &root, 0, 80), None);
        assert_eq!(r.integer(Some(&serde_json::json!("6")), &root, 0, 80), None);
        assert_eq!(r.errors.len(), 3);
    }
}

//! The wire format's reading layer (`docs/wire-format.md`), shared by every shape: JSON text, bytes or a
//! `serde_json::Value` read into a shape's raw form in one pass, with the structural problems
//! every reader must refuse the same way:
//!
//! - text that is not JSON: `invalid_json` at the record's root, with where and what kind of
//!   error (never the text itself: it may hold personal data);
//! - a key given twice in one object: `duplicate_key` at the key's path (`applicant.country`),
//!   never "the last one wins" (a typo must not silently drop data);
//! - nesting deeper than [`MAX_DEPTH`] levels: `too_deep` at the value's path;
//! - a document (a form, one record of a batch, a body) longer than [`MAX_DOCUMENT_BYTES`]:
//!   `too_long` at its root, before it is parsed.
//!
//! A raw form is a `#[derive(Deserialize)]` struct whose fields are `Field`s (which never
//! fail on a value's JSON type) and whose `#[serde(flatten)]` `Unknown` keeps the keys it
//! does not define; so these four are the only ways reading stops, and every other problem
//! is found, with its path, when the raw form is parsed into its domain type.

mod field;
mod form;
mod records;
#[cfg(feature = "schema")]
pub(crate) mod schema;

#[cfg(test)]
use field::Kind;
pub(crate) use field::{Field, FromValue, Number, Obj, Scalar, Unknown};
pub(crate) use form::{FormVisitor, RawForm, raw_form};
pub use records::{
    BYTE_ORDER_MARK, NotText, Record, RecordReader, Unread, is_binary, read_forms, read_forms_bytes,
    read_records, read_records_bytes,
};

/// A text field of a raw form (borrowed from the input when it has no escapes).
pub(crate) type Str<'a> = Field<std::borrow::Cow<'a, str>>;
/// A `true`/`false` field.
pub(crate) type Flag = Field<bool>;
/// A number field.
pub(crate) type Num = Field<Number>;
/// An object field, read as the raw form `T`.
pub(crate) type Object<T> = Field<Obj<T>>;
/// An array field whose items are `T` (each itself a [`Field`]).
pub(crate) type List<T> = Field<Vec<T>>;

use std::cell::RefCell;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use crate::error::{Detail, ErrorCode, FieldError};

/// The deepest nesting of objects and arrays read (serde_json's own limit): deeper is
/// `too_deep`.
pub const MAX_DEPTH: usize = 128;

/// The longest JSON text read as one document, in bytes (1 MiB): a form, a working situation,
/// a policy, one record of a batch or an event log, a webhook delivery's body. Longer is
/// `too_long` at the document's root, found from the length alone before any parsing, so a
/// 100 MB body costs no more memory than the caller's copy of it. The limit is far above
/// what the wire format's field limits let through (DESIGN 4.2: the longest text, a
/// motivation of 5,000 characters, is at most 20 KB), so it only refuses what no applicant
/// or provider sends.
///
/// ```
/// use mentor_core::wire::{parse_value, MAX_DOCUMENT_BYTES};
/// let long = format!("\"{}\"", "a".repeat(MAX_DOCUMENT_BYTES));
/// let e = parse_value(&long).unwrap_err();
/// assert_eq!((e.path.as_str(), e.code.as_str()), ("", "too_long"));
/// ```
pub const MAX_DOCUMENT_BYTES: usize = 1 << 20;

/// `too_long` at the root for a document of `bytes` bytes longer than [`MAX_DOCUMENT_BYTES`].
pub(crate) fn check_size(bytes: usize) -> Result<(), FieldError> {
    if bytes > MAX_DOCUMENT_BYTES {
        Err(oversized())
    } else {
        Ok(())
    }
}

/// The error of a document longer than [`MAX_DOCUMENT_BYTES`].
pub(crate) fn oversized() -> FieldError {
    FieldError::with("", ErrorCode::TooLong, Detail::MaxBytes(MAX_DOCUMENT_BYTES))
}

/// The most path segments a `too_deep` error names: the outermost ones, which say where in
/// the document the runaway value starts.
const DEEP_PATH_SEGMENTS: usize = 16;

/// Reads `T` from JSON text.
///
/// # Errors
/// `invalid_json`, `duplicate_key` or `too_deep` (see the module doc).
#[cfg_attr(
    not(feature = "direct-text"),
    allow(
        dead_code,
        reason = "without direct-text, forms are read through a value; the tests still read text directly"
    )
)]
pub(crate) fn from_str<'a, T: Deserialize<'a>>(text: &'a str) -> Result<T, FieldError> {
    check_size(text.len())?;
    serde_json::from_str(text).map_err(|_| locate(serde_json::Deserializer::from_str(text)))
}

/// Reads a raw form from JSON text and hands it to `then`: straight from the text (the
/// `direct-text` feature, on by default: no JSON tree), or through a JSON value where code size
/// counts more than speed (the browser's WebAssembly module, `benches/RESULTS.md#targets`: one text parser is
/// linked instead of one per shape). The answers are the same either way.
macro_rules! read_text {
    ($text:expr, |$form:ident| $then:expr) => {{
        #[cfg(feature = "direct-text")]
        let read = $crate::wire::from_str($text);
        #[cfg(not(feature = "direct-text"))]
        let value = $crate::wire::parse_value($text);
        #[cfg(not(feature = "direct-text"))]
        let read = value
            .as_ref()
            .map_err(Clone::clone)
            .and_then($crate::wire::from_value);
        match read {
            Ok($form) => Ok($then),
            Err(e) => Err(e),
        }
    }};
}
pub(crate) use read_text;

/// Reads `T` from JSON bytes (UTF-8, RFC 8259).
///
/// # Errors
/// As [`from_str`]; bytes that are not UTF-8 inside a string are `invalid_json`.
pub(crate) fn from_slice<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<T, FieldError> {
    check_size(bytes.len())?;
    serde_json::from_slice(bytes).map_err(|_| locate(serde_json::Deserializer::from_slice(bytes)))
}

/// Reads a field (a raw form at the root) from a JSON value, which cannot repeat a key and was
/// nested within the limit when it was parsed: each key is looked up, nothing can fail.
///
/// # Errors
/// None (the `Result` matches the text readers').
pub(crate) fn from_value<'a, T: FromValue<'a>>(value: &'a Value) -> Result<Field<T>, FieldError> {
    Ok(Field::of(Some(value)))
}

/// Reads JSON text into a `serde_json::Value` the way every reader of the library reads text:
/// a key given twice in one object is `duplicate_key` at its path (where `serde_json` alone
/// keeps the last value), nesting past [`MAX_DEPTH`] is `too_deep`, anything else that is not
/// JSON is `invalid_json`. For callers that hand the library a value parsed from text.
///
/// ```
/// use mentor_core::wire::parse_value;
/// assert_eq!(parse_value(r#"{"status": "student"}"#).unwrap()["status"], "student");
/// let e = parse_value(r#"{"country": "FR", "country": "DE"}"#).unwrap_err();
/// assert_eq!((e.path.as_str(), e.code.as_str()), ("country", "duplicate_key"));
/// ```
///
/// # Errors
/// One [`FieldError`]: `too_long` at the root for a text longer than [`MAX_DOCUMENT_BYTES`],
/// `invalid_json` at the root, `duplicate_key` or `too_deep` at the path.
pub fn parse_value(text: &str) -> Result<Value, FieldError> {
    check_size(text.len())?;
    parse(serde_json::Deserializer::from_str(text))
}

/// [`parse_value`] on bytes (JSON text is UTF-8, RFC 8259).
///
/// ```
/// use mentor_core::wire::parse_value_bytes;
/// assert_eq!(parse_value_bytes(b"{\"a\": \"\xff\"}").unwrap_err().code.as_str(), "invalid_json");
/// ```
///
/// # Errors
/// As [`parse_value`]; bytes that are not UTF-8 are `invalid_json`.
pub fn parse_value_bytes(bytes: &[u8]) -> Result<Value, FieldError> {
    check_size(bytes.len())?;
    parse(serde_json::Deserializer::from_slice(bytes))
}

/// Reads the text again as a plain JSON value to say where the first reading stopped: a raw
/// form stops only at a syntax error, a repeated key or nesting too deep, which the value's
/// reading meets at the same place. (Errors are rare: the common path pays nothing, and one
/// reader serves every shape, which keeps the browser build small.)
fn locate<'a, R: serde_json::de::Read<'a>>(de: serde_json::Deserializer<R>) -> FieldError {
    parse(de)
        .err()
        .unwrap_or_else(|| FieldError::new("", ErrorCode::InvalidJson))
}

/// Reads a whole text as a value, every object's keys checked for repeats; on failure, the
/// error with the path the value's reading had reached.
fn parse<'a, R: serde_json::de::Read<'a>>(mut de: serde_json::Deserializer<R>) -> Result<Value, FieldError> {
    let trail = RefCell::new(Vec::new());
    let read = UniqueSeed { trail: &trail }
        .deserialize(&mut de)
        .and_then(|value| de.end().map(|()| value));
    read.map_err(|e| {
        let mut steps = trail.into_inner();
        // Recorded innermost first, as the error went up.
        steps.reverse();
        let message = e.to_string();
        if e.classify() == serde_json::error::Category::Data && message.starts_with("duplicate field `") {
            FieldError::new(render(&steps, usize::MAX), ErrorCode::DuplicateKey)
        } else if message.contains("surrogate") || message.starts_with("unexpected end of hex escape") {
            // A `\ud800` escape with no partner: text no UTF-8 string can hold, at its field
            // (issue 16), as the Python and JS packages say it of their own strings.
            FieldError::new(render(&steps, usize::MAX), ErrorCode::InvalidCharacters)
        } else if message.starts_with("recursion limit exceeded") {
            FieldError::with(
                render(&steps, DEEP_PATH_SEGMENTS),
                ErrorCode::TooDeep,
                Detail::MaxDepth(MAX_DEPTH),
            )
        } else {
            FieldError::invalid_json(&e)
        }
    })
}

/// One step of the path to where reading stopped.
enum Step {
    Key(String),
    Index(usize),
}

/// A path as the wire writes paths (`subjects[1].level`), its first `max` steps.
fn render(steps: &[Step], max: usize) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    for step in steps.iter().take(max) {
        match step {
            Step::Index(index) => {
                let _ = write!(out, "[{index}]");
            }
            Step::Key(key) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
        }
    }
    out
}

/// Reads a JSON value, every object's keys checked for repeats (where `serde_json` alone keeps
/// the last); on an error, each level on the way up adds its step to `trail`, so the path
/// costs nothing until something fails.
struct UniqueSeed<'t> {
    trail: &'t RefCell<Vec<Step>>,
}

impl<'de> DeserializeSeed<'de> for UniqueSeed<'_> {
    type Value = Value;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for UniqueSeed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        loop {
            match seq.next_element_seed(UniqueSeed { trail: self.trail }) {
                Ok(Some(item)) => items.push(item),
                Ok(None) => return Ok(Value::Array(items)),
                Err(e) => {
                    self.trail.borrow_mut().push(Step::Index(items.len()));
                    return Err(e);
                }
            }
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = match map.next_value_seed(UniqueSeed { trail: self.trail }) {
                Ok(value) => value,
                Err(e) => {
                    self.trail.borrow_mut().push(Step::Key(key));
                    return Err(e);
                }
            };
            match out.entry(key) {
                serde_json::map::Entry::Vacant(slot) => {
                    slot.insert(value);
                }
                serde_json::map::Entry::Occupied(slot) => {
                    let key = slot.key().clone();
                    let error = de::Error::custom(format_args!("duplicate field `{key}`"));
                    self.trail.borrow_mut().push(Step::Key(key));
                    return Err(error);
                }
            }
        }
        Ok(Value::Object(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> (String, &'static str) {
        let e = parse_value(text).unwrap_err();
        (e.path, e.code.as_str())
    }

    #[test]
    fn a_repeated_key_is_refused_at_its_path() {
        assert_eq!(
            error(r#"{"country": "FR", "country": "DE"}"#),
            ("country".to_owned(), "duplicate_key")
        );
        assert_eq!(
            error(r#"{"a": [{"b": {"c": 1, "c": 2}}]}"#),
            ("a[0].b.c".to_owned(), "duplicate_key")
        );
        assert_eq!(
            parse_value(r#"{"a": {"c": 1}, "b": {"c": 2}}"#).unwrap()["b"]["c"],
            2
        );
    }

    #[test]
    fn nesting_past_the_limit_is_too_deep_not_a_syntax_error() {
        let deep = format!("{{\"x\": {}{}}}", "[".repeat(200), "]".repeat(200));
        let (path, code) = error(&deep);
        assert_eq!(code, "too_deep");
        assert!(path.starts_with("x[0][0]"), "{path}");
        let ok = format!("{}{}", "[".repeat(100), "]".repeat(100));
        assert!(parse_value(&ok).is_ok());
        // In a raw form too, where a value of the wrong type is skipped, not kept.
        #[derive(Debug, Default, Deserialize)]
        #[serde(default)]
        struct Form {
            flag: Field<bool>,
        }
        for deep in [
            format!("{{\"flag\": {}{}}}", "[".repeat(200), "]".repeat(200)),
            format!("{{\"flag\": {}", "[".repeat(1_000_000)),
        ] {
            let e = from_str::<Form>(&deep).unwrap_err();
            assert_eq!(e.code, ErrorCode::TooDeep, "{e}");
            assert!(e.path.starts_with("flag[0][0]"), "{}", e.path);
        }
    }

    #[test]
    fn text_that_is_not_json_is_invalid_json_at_the_root() {
        assert_eq!(error(r#"{"a": }"#), (String::new(), "invalid_json"));
        assert_eq!(error(r#"{"a": 1} x"#), (String::new(), "invalid_json"));
        assert_eq!(
            parse_value_bytes(b"{\"a\": \"\xff\"}").unwrap_err().code,
            ErrorCode::InvalidJson
        );
    }

    #[test]
    fn a_derived_form_refuses_a_repeated_field() {
        raw_form! {
            #[derive(Debug)]
            struct Form {
                inner: Field<Obj<Inner>>,
            }
        }
        raw_form! {
            #[derive(Debug)]
            struct Inner {
                ok: Field<bool>,
            }
        }
        let e = from_str::<Form>(r#"{"inner": {"ok": true, "x": 1, "ok": false}}"#).unwrap_err();
        assert_eq!((e.path.as_str(), e.code), ("inner.ok", ErrorCode::DuplicateKey));
        let e = from_slice::<Form>(br#"{"inner": {}, "inner": {}}"#).unwrap_err();
        assert_eq!((e.path.as_str(), e.code), ("inner", ErrorCode::DuplicateKey));
        let Form {
            inner: Field::Given(Obj(inner)),
            ..
        } = from_str::<Form>(r#"{"inner": {"ok": 1, "x": 2}}"#).unwrap()
        else {
            panic!()
        };
        assert_eq!(
            (inner.ok, inner.unknown.0),
            (Field::Wrong(Kind::Number), vec!["x".to_owned()])
        );
    }
}

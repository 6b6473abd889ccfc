//! Python objects ⇄ the wire format (`docs/wire-format.md`) as `serde_json::Value`.
//!
//! Python to wire: `str`, `int`, `float`, `bool`, `None`, `dict` with `str` keys, `list` and
//! `tuple` map to their JSON counterparts; an aware `datetime` becomes an RFC 3339 instant in
//! UTC (`2026-11-12T09:30:00Z`), a `date` an ISO 8601 date, a `Decimal` its decimal string
//! (money is a decimal string on the wire). Anything else has no JSON form: the conversion
//! stops with a field error at the value's path (`invalid_type`; `invalid_datetime` for a
//! naive `datetime`, whose instant is unknown). Nesting deeper than [`MAX_DEPTH`] is refused
//! too, so a self-referencing dict cannot overflow the stack.
//!
//! Wire to Python: objects become `dict`, arrays `list`, numbers `int` or `float`.

use std::fmt;
use std::sync::Mutex;

use mentor_core::error::Detail;
use mentor_core::{ErrorCode, FieldError, Text};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDate, PyDateTime, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple, PyType};
use serde_json::{Map, Number, Value};

/// The deepest nesting of dicts and lists accepted: the core's limit for JSON text.
pub(crate) const MAX_DEPTH: usize = mentor_core::wire::MAX_DEPTH;

const JSON_VALUE: Text = Text::new(
    "a JSON value: str, int, float, bool, None, a dict with str keys, a list, an aware datetime, a date or a Decimal",
    "une valeur JSON : str, int, float, bool, None, un dict à clés str, une liste, un datetime avec fuseau, une date ou un Decimal",
);
const STR_KEY: Text = Text::new("str keys", "des clés str");
const AWARE: Text = Text::new(
    "a datetime with a time zone (tzinfo), such as datetime.now(timezone.utc): a naive datetime names no instant",
    "un datetime avec fuseau (tzinfo), comme datetime.now(timezone.utc) : un datetime naïf ne désigne aucun instant",
);
const UNICODE: Text = Text::new(
    "valid Unicode text, without lone surrogates",
    "du texte Unicode valide, sans surrogate isolé",
);
const A_STRING: Text = Text::new("a string", "une chaîne");

/// Where a value sits in the object being converted: `subjects[1].level`, as the core writes
/// paths. Built only when an error is reported.
#[derive(Clone, Copy)]
enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
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

fn error(path: &Path<'_>, code: ErrorCode, expected: Text) -> FieldError {
    FieldError::with(path.to_string(), code, Detail::Expected(expected))
}

/// Nesting past the core's limit: `too_deep` at the value's path, as the core reports it in
/// JSON text.
fn too_deep(path: &Path<'_>) -> FieldError {
    FieldError::with(path.to_string(), ErrorCode::TooDeep, Detail::MaxDepth(MAX_DEPTH))
}

/// The wire form of a Python object, or the field error of the first value that has none.
pub(crate) fn to_value(obj: &Bound<'_, PyAny>) -> Result<Value, FieldError> {
    walk(obj, &Path::Root, 0)
}

fn walk(obj: &Bound<'_, PyAny>, path: &Path<'_>, depth: usize) -> Result<Value, FieldError> {
    if let Ok(s) = obj.cast::<PyString>() {
        return text(s, path).map(Value::String);
    }
    if let Ok(dict) = obj.cast::<PyDict>() {
        if depth >= MAX_DEPTH {
            return Err(too_deep(path));
        }
        let mut map = Map::new();
        for (key, item) in dict.iter() {
            let Ok(key) = key.cast::<PyString>() else {
                return Err(error(path, ErrorCode::InvalidType, STR_KEY));
            };
            let key = text(key, path)?;
            let value = walk(&item, &Path::Key(path, &key), depth + 1)?;
            map.insert(key, value);
        }
        return Ok(Value::Object(map));
    }
    if let Ok(list) = obj.cast::<PyList>() {
        return sequence(list.iter(), list.len(), path, depth);
    }
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.cast::<PyInt>().is_ok() {
        return integer(obj, path);
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        // NaN and the infinities have no JSON form.
        return Number::from_f64(f.value())
            .map(Value::Number)
            .ok_or_else(|| error(path, ErrorCode::InvalidType, JSON_VALUE));
    }
    if let Ok(tuple) = obj.cast::<PyTuple>() {
        return sequence(tuple.iter(), tuple.len(), path, depth);
    }
    // Rarer types last: each check below may call into Python.
    if let Ok(dt) = obj.cast::<PyDateTime>() {
        return instant(dt.as_any())
            .map(Value::String)
            .ok_or_else(|| error(path, ErrorCode::InvalidDatetime, AWARE));
    }
    if obj.cast::<PyDate>().is_ok() {
        return iso_text(obj, "isoformat")
            .map(Value::String)
            .ok_or_else(|| error(path, ErrorCode::InvalidType, JSON_VALUE));
    }
    if is_decimal(obj) {
        return obj
            .str()
            .ok()
            .and_then(|s| s.to_cow().ok().map(String::from))
            .map(Value::String)
            .ok_or_else(|| error(path, ErrorCode::InvalidType, JSON_VALUE));
    }
    Err(error(path, ErrorCode::InvalidType, JSON_VALUE))
}

fn sequence<'py>(
    items: impl Iterator<Item = Bound<'py, PyAny>>,
    len: usize,
    path: &Path<'_>,
    depth: usize,
) -> Result<Value, FieldError> {
    if depth >= MAX_DEPTH {
        return Err(too_deep(path));
    }
    let mut out = Vec::with_capacity(len);
    for (i, item) in items.enumerate() {
        out.push(walk(&item, &Path::Index(path, i), depth + 1)?);
    }
    Ok(Value::Array(out))
}

/// A Python `str` as Rust text; a lone surrogate cannot be UTF-8.
fn text(s: &Bound<'_, PyString>, path: &Path<'_>) -> Result<String, FieldError> {
    s.to_cow()
        .map(String::from)
        .map_err(|_| error(path, ErrorCode::InvalidCharacters, UNICODE))
}

/// A Python `int`: exact when it fits 64 bits, else the nearest float (as a JSON parser reads
/// a long number); too large even for a float, it has no JSON form.
fn integer(obj: &Bound<'_, PyAny>, path: &Path<'_>) -> Result<Value, FieldError> {
    if let Ok(i) = obj.extract::<i64>() {
        return Ok(Value::from(i));
    }
    if let Ok(u) = obj.extract::<u64>() {
        return Ok(Value::from(u));
    }
    obj.extract::<f64>()
        .ok()
        .and_then(Number::from_f64)
        .map(Value::Number)
        .ok_or_else(|| error(path, ErrorCode::InvalidType, JSON_VALUE))
}

/// An aware `datetime` as an RFC 3339 instant in UTC; `None` for a naive one.
pub(crate) fn instant(dt: &Bound<'_, PyAny>) -> Option<String> {
    let py = dt.py();
    if dt.call_method0("utcoffset").ok()?.is_none() {
        return None;
    }
    static UTC: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let utc = UTC.import(py, "datetime", "timezone").ok()?.getattr("utc").ok()?;
    let iso = iso_text(&dt.call_method1("astimezone", (utc,)).ok()?, "isoformat")?;
    Some(match iso.strip_suffix("+00:00") {
        Some(base) => format!("{base}Z"),
        None => iso,
    })
}

fn iso_text(obj: &Bound<'_, PyAny>, method: &str) -> Option<String> {
    let s = obj.call_method0(method).ok()?;
    s.cast::<PyString>().ok()?.to_cow().ok().map(String::from)
}

fn is_decimal(obj: &Bound<'_, PyAny>) -> bool {
    static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    DECIMAL
        .import(obj.py(), "decimal", "Decimal")
        .is_ok_and(|t| obj.is_instance(t.as_any()).unwrap_or(false))
}

/// The Python form of a wire value: `dict`, `list`, `str`, `int`, `float`, `bool` or `None`
/// (written by [`crate::serialize`], which takes texts from the string cache).
pub(crate) fn to_python<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    crate::serialize::to_python(py, value)
}

/// A list of wire values as a Python `list`.
pub(crate) fn list_to_python<'py>(py: Python<'py>, values: &[Value]) -> PyResult<Bound<'py, PyList>> {
    Ok(crate::serialize::to_python(py, values)?.cast_into::<PyList>()?)
}

/// Python strings of the texts answers repeat (keys, codes, rules, messages), shared between
/// answers instead of built again each time: a direct-mapped cache, so a miss costs one
/// replacement. Python strings are immutable, so sharing them is invisible to callers (and
/// a shared key keeps its hash, which makes building dicts cheaper too).
pub(crate) struct Strings {
    slots: Vec<Option<(Box<str>, Py<PyString>)>>,
}

/// Slots of the cache (a power of two), and the longest text it keeps, in bytes.
const STRING_SLOTS: usize = 2048;
const STRING_MAX: usize = 512;

static STRINGS: Mutex<Strings> = Mutex::new(Strings { slots: Vec::new() });

/// Runs `f` with the cache, or with an empty one when the cache is in use: a conversion
/// can re-enter (a garbage collection run by an allocation may call back into the package).
pub(crate) fn with_strings<T>(f: impl FnOnce(&mut Strings) -> T) -> T {
    match STRINGS.try_lock() {
        Ok(mut strings) => f(&mut strings),
        Err(_) => f(&mut Strings { slots: Vec::new() }),
    }
}

impl Strings {
    pub(crate) fn get<'py>(&mut self, py: Python<'py>, text: &str) -> Bound<'py, PyString> {
        if text.len() > STRING_MAX {
            return PyString::new(py, text);
        }
        if self.slots.is_empty() {
            self.slots.resize_with(STRING_SLOTS, || None);
        }
        let Some(slot) = self
            .slots
            .get_mut(fingerprint(text.as_bytes()) & (STRING_SLOTS - 1))
        else {
            return PyString::new(py, text);
        };
        match slot {
            Some((cached, string)) if **cached == *text => string.bind(py).clone(),
            _ => {
                let string = PyString::new(py, text);
                *slot = Some((text.into(), string.clone().unbind()));
                string
            }
        }
    }
}

/// Runs `f` with Python's cyclic garbage collector paused, as it was before once `f` is done
/// (even if it fails). The objects a batch answer creates hold no cycles, but creating
/// millions of them would otherwise start a collection every few hundred dicts, each walking
/// the whole answer built so far. Hold the GIL throughout `f`: the pause is global.
pub(crate) fn without_gc<T>(py: Python<'_>, f: impl FnOnce() -> T) -> T {
    struct Resume<'py>(Option<Bound<'py, PyAny>>);
    impl Drop for Resume<'_> {
        fn drop(&mut self) {
            if let Some(gc) = &self.0 {
                // Nothing to do if it fails: the collector stays paused, which is safe.
                let _ = gc.call_method0("enable");
            }
        }
    }
    let pause = || -> PyResult<Option<Bound<'_, PyAny>>> {
        let gc = py.import("gc")?.into_any();
        if gc.call_method0("isenabled")?.is_truthy()? {
            gc.call_method0("disable")?;
            Ok(Some(gc))
        } else {
            Ok(None)
        }
    };
    let _resume = Resume(pause().ok().flatten());
    f()
}

/// A fast hash of a short text (FxHash's mixing), for the cache's slot.
fn fingerprint(bytes: &[u8]) -> usize {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let word = chunk.try_into().map_or(0, u64::from_le_bytes);
        h = (h.rotate_left(5) ^ word).wrapping_mul(K);
    }
    for &b in chunks.remainder() {
        h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
    }
    // The high bits are the best mixed.
    (h >> 32) as usize
}

/// A string argument named `name`; anything else is an `InputError` at `name`.
pub(crate) fn string_arg(obj: &Bound<'_, PyAny>, name: &str, lang: mentor_core::Lang) -> PyResult<String> {
    let path = Path::Key(&Path::Root, name);
    let text = match obj.cast::<PyString>() {
        Ok(s) => text(s, &path),
        Err(_) => Err(error(&path, ErrorCode::InvalidType, A_STRING)),
    };
    text.map_err(|e| crate::errors::field_error(obj.py(), e, lang))
}

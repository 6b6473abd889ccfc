//! The read-only mapping of an answer's wire form, shared by the classes that hold a core
//! answer instead of its Python form: `mentor.Decision` and `mentor.TriageEntry` (issue 15).
//!
//! Such a class holds the core's value and the language of the call ([`Held::Core`]), or, once
//! unpickled, the JSON text of its wire form ([`Held::Wire`]); a field is written into Python
//! objects when it is read. [`wire_mapping!`] gives a class, from the list of its wire form's
//! keys, one getter per key and the methods of a read-only `collections.abc.Mapping` of those
//! keys in that order (`[]`, `get`, `in`, iteration, `len`, `keys`, `values`, `items`),
//! `to_dict()`, equality with its dict and with an answer of the same wire form, pickling as
//! that JSON text (`__reduce__`, `_from_json`), and a `repr` the class writes (codes only,
//! never personal data). The class says the rest through [`WireForm`].

use mentor_core::error::Detail;
use mentor_core::{ErrorCode, FieldError, Lang, Localized, Text};
use pyo3::PyClass;
use pyo3::basic::CompareOp;
use pyo3::exceptions::PyKeyError;
use pyo3::prelude::*;
use pyo3::pyclass::boolean_struct::True;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyString, PyTuple};
use serde_json::Value;

use crate::errors::field_error;
use crate::serialize::{field_to_python, to_python};

/// What a class made by [`wire_mapping!`] holds.
pub(crate) enum Held<T> {
    /// The core's answer and the language of its messages: what calls answer. Boxed, so that
    /// the Python object stays small (a triage entry is some hundreds of bytes): made under
    /// the GIL from a box made without it, it is one small allocation of Python's.
    Core { value: Box<T>, lang: Lang },
    /// The JSON text of the wire form, an object with exactly the class's keys: an unpickled
    /// answer. Read with Python's `json.loads`, which keeps the keys' order.
    Wire(String),
}

impl<T: Localized + PartialEq> Held<T> {
    /// The field `key` (one of the wire form's keys) as Python objects.
    pub(crate) fn field<'py>(&self, py: Python<'py>, key: &str) -> PyResult<Bound<'py, PyAny>> {
        match self {
            Held::Core { value, lang } => field_to_python(py, &value.render(*lang), key)?
                .ok_or_else(|| PyKeyError::new_err(key.to_owned())),
            Held::Wire(text) => json_loads(py, text)?.get_item(key),
        }
    }

    /// The wire form as JSON text, keys in order.
    pub(crate) fn json_text(&self) -> String {
        match self {
            Held::Core { value, lang } => value.to_json_text(*lang),
            Held::Wire(text) => text.clone(),
        }
    }

    /// The wire form as a JSON value (for `repr`: not on a hot path).
    pub(crate) fn json(&self) -> Value {
        match self {
            Held::Core { value, lang } => value.to_json(*lang),
            Held::Wire(text) => serde_json::from_str(text).unwrap_or_default(),
        }
    }

    /// The same core answer in the same language: the same wire form, known unrendered.
    fn same(&self, other: &Self) -> bool {
        matches!(
            (self, other),
            (Held::Core { value: a, lang: la }, Held::Core { value: b, lang: lb }) if la == lb && a == b
        )
    }
}

/// The wire form's keys of a class made by [`wire_mapping!`], and what it holds (the macro
/// writes this from its list of keys; the class has one field, `held`).
pub(crate) trait WireKeys: Sized {
    /// The core's answer it holds.
    type Core: Localized + PartialEq;
    /// The keys, in the wire form's order.
    const KEYS: &'static [&'static str];
    /// The keys as a tuple of Python strings, made once.
    fn key_tuple(py: Python<'_>) -> PyResult<&Bound<'_, PyTuple>>;
    /// What it holds.
    fn held(&self) -> &Held<Self::Core>;
    /// The answer whose wire form is `text`, checked to be an object with exactly the keys.
    fn from_wire(text: String) -> Self;
}

/// What a class made by [`wire_mapping!`] says itself.
pub(crate) trait WireForm: WireKeys + PyClass<Frozen = True> + Sync {
    /// What `_from_json` expects, for its `invalid_type` error.
    const EXPECTED: Text;
    /// The field `key`, one of the keys, as Python objects: its wire form unless the class
    /// answers it otherwise (a nested answer as its own class).
    fn field<'py>(&self, py: Python<'py>, key: &str) -> PyResult<Bound<'py, PyAny>> {
        self.held().field(py, key)
    }
    /// The `repr`, from the wire form: codes only, never personal data or a message.
    fn summary(json: &Value) -> String;
}

/// `json.loads(text)`.
pub(crate) fn json_loads<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    LOADS.import(py, "json", "loads")?.call1((text,))
}

/// `json.dumps(value)`: JSON text in the order of the dicts' keys.
pub(crate) fn json_dumps(value: &Bound<'_, PyAny>) -> PyResult<String> {
    static DUMPS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    DUMPS
        .import(value.py(), "json", "dumps")?
        .call1((value,))?
        .extract()
}

/// `keys` as a tuple of Python strings, made once in `cell`.
pub(crate) fn key_tuple<'py>(
    py: Python<'py>,
    cell: &'static PyOnceLock<Py<PyTuple>>,
    keys: &[&str],
) -> PyResult<&'py Bound<'py, PyTuple>> {
    let tuple = cell.get_or_try_init(py, || {
        PyTuple::new(py, keys.iter().map(|k| PyString::intern(py, k))).map(Bound::unbind)
    })?;
    Ok(tuple.bind(py))
}

/// `key` as one of `T`'s keys; `None` for anything else (another text, not a text).
fn known_key<T: WireKeys>(key: &Bound<'_, PyAny>) -> Option<&'static str> {
    let text = key.cast::<PyString>().ok()?;
    let text = text.to_str().ok()?;
    T::KEYS.iter().copied().find(|k| *k == text)
}

/// `this[key]`: `KeyError` for a key the wire form does not have.
pub(crate) fn get_item<'py, T: WireForm>(this: &T, key: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    match known_key::<T>(key) {
        Some(known) => this.field(key.py(), known),
        None => Err(PyKeyError::new_err(key.clone().unbind())),
    }
}

/// `this.get(key, default)`.
pub(crate) fn get<'py, T: WireForm>(
    this: &T,
    key: &Bound<'py, PyAny>,
    default: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let py = key.py();
    match known_key::<T>(key) {
        Some(key) => this.field(py, key),
        None => Ok(default.unwrap_or_else(|| py.None().into_bound(py))),
    }
}

/// `key in this`.
pub(crate) fn contains<T: WireKeys>(key: &Bound<'_, PyAny>) -> bool {
    known_key::<T>(key).is_some()
}

/// `iter(this)`: the keys in order.
pub(crate) fn iter<T: WireKeys>(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    Ok(T::key_tuple(py)?.as_any().try_iter()?.into_any())
}

/// `collections.abc.<name>(this)`, the views a `Mapping` answers with.
pub(crate) fn view<'py>(this: &Bound<'py, PyAny>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    let abc = this.py().import("collections.abc")?;
    abc.getattr(name)?.call1((this,))
}

/// `this.to_dict()`: plain dicts, lists, strings and numbers all the way down, keys in the
/// wire form's order.
pub(crate) fn to_dict<'py, T: WireForm>(this: &T, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
    match this.held() {
        Held::Core { value, lang } => to_python(py, &value.render(*lang)),
        Held::Wire(text) => {
            // In the wire form's order, whatever the text's.
            let loaded = json_loads(py, text)?;
            let dict = PyDict::new(py);
            for key in T::key_tuple(py)? {
                dict.set_item(&key, loaded.get_item(&key)?)?;
            }
            Ok(dict.into_any())
        }
    }
}

/// `this == other` and `this != other`: equal to a dict that is its `to_dict()` and to an
/// answer of the same class with the same wire form; not comparable with anything else, nor
/// ordered.
pub(crate) fn compare<'py, T: WireForm>(
    this: &T,
    other: &Bound<'py, PyAny>,
    op: CompareOp,
) -> PyResult<Bound<'py, PyAny>> {
    let py = other.py();
    let equal = || -> PyResult<Option<bool>> {
        if let Ok(other) = other.cast::<T>() {
            let other = other.get();
            if this.held().same(other.held()) {
                return Ok(Some(true));
            }
            return to_dict(this, py)?.eq(to_dict(other, py)?).map(Some);
        }
        if other.cast::<PyDict>().is_ok() {
            return to_dict(this, py)?.eq(other).map(Some);
        }
        Ok(None)
    };
    let answer = match op {
        CompareOp::Eq => equal()?,
        CompareOp::Ne => equal()?.map(|equal| !equal),
        CompareOp::Lt | CompareOp::Le | CompareOp::Gt | CompareOp::Ge => None,
    };
    Ok(match answer {
        Some(answer) => answer.into_pyobject(py)?.to_owned().into_any(),
        None => py.NotImplemented().into_bound(py),
    })
}

/// `repr(this)`.
pub(crate) fn repr<T: WireForm>(this: &T) -> String {
    T::summary(&this.held().json())
}

/// `this.__reduce__()`: `T._from_json(<the JSON text of the wire form>)`.
pub(crate) fn reduce<'py, T: WireForm>(
    this: &Bound<'py, T>,
) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
    let from_json = this.as_any().get_type().getattr("_from_json")?;
    let args = PyTuple::new(this.py(), [this.get().held().json_text()])?;
    Ok((from_json, args))
}

/// `T._from_json(text)`: `InputError` (`invalid_type` at the root) unless `text` is a JSON
/// object with exactly `T`'s keys.
pub(crate) fn from_json<T: WireForm>(py: Python<'_>, text: &str) -> PyResult<T> {
    let fits = match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(map)) => {
            map.len() == T::KEYS.len() && T::KEYS.iter().all(|key| map.contains_key(*key))
        }
        _ => false,
    };
    if !fits {
        let error = FieldError::with("", ErrorCode::InvalidType, Detail::Expected(T::EXPECTED));
        return Err(field_error(py, error, Lang::En));
    }
    Ok(T::from_wire(text.to_owned()))
}

/// A code of a wire form as `repr` shows it, quoted: `'?'` for a text that does not look like
/// a code (an answer rebuilt from JSON text could hold any text).
pub(crate) fn code(code: &str) -> String {
    if code
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    {
        format!("'{code}'")
    } else {
        "'?'".to_owned()
    }
}

/// The text field `key` of `json` as `repr` shows it: a code, or `None`.
pub(crate) fn code_of(json: &Value, key: &str) -> String {
    json.get(key)
        .and_then(Value::as_str)
        .map_or_else(|| "None".to_owned(), code)
}

/// The methods of a frozen pyclass `$rust`, whose one field `held` is a `Held<$core>`, that
/// implements [`WireForm`] and is a read-only mapping of the wire form's keys (listed in
/// order, each with the doc of its getter); see the module's doc. One `#[pymethods]` block
/// per class: this is it.
macro_rules! wire_mapping {
    ($rust:ident: $core:ty { $( $(#[doc = $doc:literal])* $field:ident ),+ $(,)? }) => {
        impl $crate::mapping::WireKeys for $rust {
            type Core = $core;
            const KEYS: &'static [&'static str] = &[$(stringify!($field)),+];
            fn key_tuple(py: Python<'_>) -> PyResult<&Bound<'_, pyo3::types::PyTuple>> {
                static KEY_TUPLE: pyo3::sync::PyOnceLock<Py<pyo3::types::PyTuple>> =
                    pyo3::sync::PyOnceLock::new();
                $crate::mapping::key_tuple(py, &KEY_TUPLE, <Self as $crate::mapping::WireKeys>::KEYS)
            }
            fn held(&self) -> &$crate::mapping::Held<$core> {
                &self.held
            }
            fn from_wire(text: String) -> Self {
                $rust {
                    held: $crate::mapping::Held::Wire(text),
                }
            }
        }

        impl $rust {
            /// The answer as a call gives it, messages in `lang`.
            pub(crate) fn new(value: $core, lang: mentor_core::Lang) -> Self {
                $rust {
                    held: $crate::mapping::Held::Core {
                        value: Box::new(value),
                        lang,
                    },
                }
            }
        }

        #[pymethods]
        impl $rust {
            $(
                $(#[doc = $doc])*
                #[getter]
                fn $field<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                    $crate::mapping::WireForm::field(self, py, stringify!($field))
                }
            )+

            /// The wire form as a new dict, keys in its order: plain dicts, lists, strings,
            /// numbers, booleans and ``None`` all the way down (``json.dumps`` writes it).
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                $crate::mapping::to_dict(self, py)
            }

            fn __getitem__<'py>(&self, key: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
                $crate::mapping::get_item(self, key)
            }

            /// The field ``key``, or ``default`` when the wire form has no such key.
            #[pyo3(signature = (key, default = None, /))]
            fn get<'py>(
                &self,
                key: &Bound<'py, PyAny>,
                default: Option<Bound<'py, PyAny>>,
            ) -> PyResult<Bound<'py, PyAny>> {
                $crate::mapping::get(self, key, default)
            }

            fn __contains__(&self, key: &Bound<'_, PyAny>) -> bool {
                $crate::mapping::contains::<Self>(key)
            }

            fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                $crate::mapping::iter::<Self>(py)
            }

            fn __len__(&self) -> usize {
                <Self as $crate::mapping::WireKeys>::KEYS.len()
            }

            /// The wire form's keys, in order (a ``collections.abc.KeysView``).
            fn keys<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
                $crate::mapping::view(slf.as_any(), "KeysView")
            }

            /// The fields, in the keys' order (a ``collections.abc.ValuesView``).
            fn values<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
                $crate::mapping::view(slf.as_any(), "ValuesView")
            }

            /// The ``(key, field)`` pairs, in the keys' order (a ``collections.abc.ItemsView``).
            fn items<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
                $crate::mapping::view(slf.as_any(), "ItemsView")
            }

            /// Equal to a dict that is its ``to_dict()``, and to one of its class with the
            /// same wire form.
            fn __richcmp__<'py>(
                &self,
                other: &Bound<'py, PyAny>,
                op: pyo3::basic::CompareOp,
            ) -> PyResult<Bound<'py, PyAny>> {
                $crate::mapping::compare(self, other, op)
            }

            /// Codes only: never personal data or a message.
            fn __repr__(&self) -> String {
                $crate::mapping::repr(self)
            }

            /// Pickles as the JSON text of its wire form (what ``json.dumps(x.to_dict())``
            /// writes, keys in order).
            fn __reduce__<'py>(
                slf: &Bound<'py, Self>,
            ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, pyo3::types::PyTuple>)> {
                $crate::mapping::reduce(slf)
            }

            /// The answer whose wire form is the JSON text ``text`` (how it unpickles).
            /// Raises ``InputError`` (``invalid_type`` at the root) when ``text`` is not a JSON
            /// object with exactly the wire form's keys.
            #[staticmethod]
            fn _from_json(py: Python<'_>, text: &str) -> PyResult<Self> {
                $crate::mapping::from_json(py, text)
            }
        }
    };
}

pub(crate) use wire_mapping;

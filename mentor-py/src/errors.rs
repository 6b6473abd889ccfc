//! The core's errors as the package's exceptions (defined in Python, `mentor/_errors.py`, so
//! that they pickle and carry attributes on every Python version an abi3 wheel serves).
//!
//! - a field error of the wire format → `InputError` (also a `ValueError`), whose `errors()`
//!   are the `{"path", "code", "message"}` dicts, messages in the caller's language;
//! - an event a lifecycle refuses → `TransitionError` with `code`, `aggregate`, `state`,
//!   `event` and, from a replay, the event's `index`.
//!
//! The exception's own text is English, like the core's `Display`; `errors()` follow `lang`.

use mentor_core::lifecycle::Refused;
use mentor_core::policy::PolicyError;
use mentor_core::{FieldError, InputError, Lang, Localized};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

use crate::convert::to_python;

static INPUT_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static POLICY_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static TRANSITION_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// `InputError` carrying every field error of `e`.
pub(crate) fn input_error(py: Python<'_>, e: &InputError, lang: Lang) -> PyErr {
    input_error_saying(py, e, lang, e.to_string())
}

/// `InputError` carrying every field error of `e`, its text `message` (English, naming what
/// the field errors cannot: a file).
pub(crate) fn input_error_saying(py: Python<'_>, e: &InputError, lang: Lang, message: String) -> PyErr {
    let raise = || -> PyResult<PyErr> {
        let class = INPUT_ERROR.import(py, "mentor._errors", "InputError")?;
        let errors = to_python(py, &e.to_json(lang))?;
        Ok(PyErr::from_value(class.call1((message, errors))?))
    };
    raise().unwrap_or_else(|failure| failure)
}

/// `InputError` with one field error.
pub(crate) fn field_error(py: Python<'_>, e: FieldError, lang: Lang) -> PyErr {
    input_error(py, &InputError { errors: vec![e] }, lang)
}

/// `TransitionError` for a refused event; `index` is the event's place in a replayed log.
pub(crate) fn transition_error(py: Python<'_>, refused: &Refused, index: Option<usize>) -> PyErr {
    let raise = || -> PyResult<PyErr> {
        let class = TRANSITION_ERROR.import(py, "mentor._errors", "TransitionError")?;
        let message = match index {
            Some(i) => format!("event {i}: {refused}"),
            None => refused.to_string(),
        };
        let args = (
            message,
            refused.reason.code(),
            refused.aggregate,
            refused.state,
            refused.event,
            index,
        );
        Ok(PyErr::from_value(class.call1(args)?))
    };
    raise().unwrap_or_else(|failure| failure)
}

/// `PolicyError` (an `InputError`) for a policy that does not load, code `invalid_policy`:
/// `errors()` lists every problem (`path`, `code`, `message`, `line`, `column`) in file order.
pub(crate) fn policy_error(py: Python<'_>, e: &PolicyError) -> PyErr {
    let raise = || -> PyResult<PyErr> {
        let class = POLICY_ERROR.import(py, "mentor._errors", "PolicyError")?;
        let errors = to_python(py, &e.to_json(mentor_core::Lang::En))?;
        Ok(PyErr::from_value(class.call1((e.to_string(), errors))?))
    };
    raise().unwrap_or_else(|failure| failure)
}

/// The catalogue of every code with its family and messages: `[{"code", "kind", "en", "fr"}]`.
#[pyfunction]
pub(crate) fn error_codes(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    to_python(py, &mentor_core::error_codes())
}

/// The exception `open()` raises for the same failure: `OSError(errno, strerror, filename)`,
/// which Python turns into its subclass (`FileNotFoundError` for `ENOENT`…) with `errno`,
/// `strerror` and `filename` set. Text that is not UTF-8 is a `UnicodeDecodeError`'s cousin:
/// a `ValueError` naming the file.
pub(crate) fn os_error(py: Python<'_>, e: &std::io::Error, path: &std::path::Path) -> PyErr {
    match e.raw_os_error() {
        Some(errno) => {
            let strerror = py
                .import("os")
                .and_then(|os| os.getattr("strerror")?.call1((errno,))?.extract::<String>())
                .unwrap_or_else(|_| e.to_string());
            pyo3::exceptions::PyOSError::new_err((errno, strerror, path.to_string_lossy().into_owned()))
        }
        None => pyo3::exceptions::PyValueError::new_err(format!("{}: {e}", path.display())),
    }
}

//! `mentor.Policy`: what an operator tunes (`docs/policy.md`), parsed once and passed to every call
//! that needs it.

use std::path::PathBuf;

use mentor_core::policy::Policy as CorePolicy;
use pyo3::prelude::*;
use pyo3::types::{PyTuple, PyType};

use crate::convert::{to_python, to_value};
use crate::errors::{field_error, os_error, policy_error};

/// An operator's policy (`docs/policy.md`). `Policy()` holds the documented defaults.
#[pyclass(module = "mentor", name = "Policy", frozen)]
pub(crate) struct Policy {
    pub(crate) inner: CorePolicy,
}

#[pymethods]
impl Policy {
    #[new]
    fn new() -> Self {
        Policy {
            inner: CorePolicy::default(),
        }
    }

    /// A policy from TOML text.
    #[classmethod]
    fn from_toml(_cls: &Bound<'_, PyType>, py: Python<'_>, text: String) -> PyResult<Self> {
        CorePolicy::from_toml(&text)
            .map(|inner| Policy { inner })
            .map_err(|e| policy_error(py, &e))
    }

    /// A policy from JSON text.
    #[classmethod]
    fn from_json(_cls: &Bound<'_, PyType>, py: Python<'_>, text: String) -> PyResult<Self> {
        CorePolicy::from_json(&text)
            .map(|inner| Policy { inner })
            .map_err(|e| policy_error(py, &e))
    }

    /// A policy from a file: JSON when its text starts with `{`, TOML otherwise.
    #[classmethod]
    fn from_file(_cls: &Bound<'_, PyType>, py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        let text = std::fs::read_to_string(&path).map_err(|e| os_error(py, &e, &path))?;
        CorePolicy::from_text(&text)
            .map(|inner| Policy { inner })
            .map_err(|e| policy_error(py, &e))
    }

    /// A policy from a dict shaped like the JSON form.
    #[classmethod]
    fn from_dict(_cls: &Bound<'_, PyType>, py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Self> {
        let value = to_value(data).map_err(|e| field_error(py, e, mentor_core::Lang::En))?;
        CorePolicy::from_value(&value)
            .map(|inner| Policy { inner })
            .map_err(|e| policy_error(py, &e))
    }

    /// The policy as a dict, every key filled in (the JSON form `from_dict` reads).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.json())
    }

    fn __repr__(&self) -> String {
        format!("<mentor.Policy {}>", self.json())
    }

    /// Pickles as its JSON form.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let from_json = slf.get_type().getattr("from_json")?;
        let args = PyTuple::new(slf.py(), [slf.get().json().to_string()])?;
        Ok((from_json, args))
    }
}

impl Policy {
    fn json(&self) -> serde_json::Value {
        // A policy always serialises: its maps have string keys and its numbers are finite.
        serde_json::to_value(&self.inner).unwrap_or_default()
    }
}

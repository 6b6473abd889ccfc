//! `validate_application`: one application form (`docs/wire-format.md#application-form`), problems as data.

use mentor_core::Localized;
use mentor_core::application::{Validation, validate_json};
use pyo3::prelude::*;

use crate::args::{Language, policy_of};
use crate::convert::{to_python, to_value};
use crate::policy::Policy;

/// Validates one application form; never raises on the form's content.
#[pyfunction]
#[pyo3(signature = (form, *, policy = None, lang = Language::EN), text_signature = "(form, *, policy=None, lang='en')")]
pub(crate) fn validate_application<'py>(
    py: Python<'py>,
    form: &Bound<'py, PyAny>,
    policy: Option<&Bound<'py, Policy>>,
    lang: Language,
) -> PyResult<Bound<'py, PyAny>> {
    let out = match to_value(form) {
        Ok(value) => validate_json(&value, policy_of(policy), lang.0),
        // A value with no JSON form (bytes, a naive datetime…) is a form that cannot be read:
        // reported like any invalid form, in `validate_json`'s shape.
        Err(e) => Validation::unreadable(e).to_json(lang.0),
    };
    to_python(py, &out)
}

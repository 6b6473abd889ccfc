//! Registration numbers and schemes by country (`docs/registration/README.md`).

use mentor_core::registration::{rules_json, validate_json};
use pyo3::prelude::*;

use crate::args::Language;
use crate::convert::{string_arg, to_python};
use crate::errors::input_error;

/// Whether `number` is well-formed for one of `country`'s schemes; `InputError` for a country
/// that is not an ISO 3166-1 alpha-2 code.
#[pyfunction]
#[pyo3(signature = (country, number, *, lang = Language::EN), text_signature = "(country, number, *, lang='en')")]
pub(crate) fn validate_registration_number<'py>(
    py: Python<'py>,
    country: &Bound<'py, PyAny>,
    number: &Bound<'py, PyAny>,
    lang: Language,
) -> PyResult<Bound<'py, PyAny>> {
    let (country, number) = (
        string_arg(country, "country", lang.0)?,
        string_arg(number, "number", lang.0)?,
    );
    let out = validate_json(&country, &number, lang.0).map_err(|e| input_error(py, &e, lang.0))?;
    to_python(py, &out)
}

/// What the library knows of a country's registration: statuses, procedure and schemes.
#[pyfunction]
#[pyo3(signature = (country, *, lang = Language::EN), text_signature = "(country, *, lang='en')")]
pub(crate) fn registration_schemes<'py>(
    py: Python<'py>,
    country: &Bound<'py, PyAny>,
    lang: Language,
) -> PyResult<Bound<'py, PyAny>> {
    let country = string_arg(country, "country", lang.0)?;
    let out = rules_json(&country, lang.0).map_err(|e| input_error(py, &e, lang.0))?;
    to_python(py, &out)
}

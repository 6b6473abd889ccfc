//! `evaluate_eligibility`: the working-status decision (DESIGN 4.3).

use mentor_core::eligibility::evaluate_json;
use pyo3::prelude::*;

use crate::args::{Language, policy_of};
use crate::convert::{to_python, to_value};
use crate::errors::{field_error, input_error};
use crate::policy::Policy;

/// The eligibility decision of one working situation; `InputError` when it does not parse.
#[pyfunction]
#[pyo3(signature = (situation, *, policy = None, lang = Language::EN), text_signature = "(situation, *, policy=None, lang='en')")]
pub(crate) fn evaluate_eligibility<'py>(
    py: Python<'py>,
    situation: &Bound<'py, PyAny>,
    policy: Option<&Bound<'py, Policy>>,
    lang: Language,
) -> PyResult<Bound<'py, PyAny>> {
    let value = to_value(situation).map_err(|e| field_error(py, e, lang.0))?;
    let decision = evaluate_json(&value, policy_of(policy), lang.0).map_err(|e| input_error(py, &e, lang.0))?;
    to_python(py, &decision)
}

//! `evaluate_eligibility`: the working-status decision (`docs/wire-format.md#decision`).

use mentor_core::Localized;
use mentor_core::eligibility::{WorkingSituation, evaluate};
use pyo3::prelude::*;

use crate::args::{Language, policy_of};
use crate::convert::to_value;
use crate::errors::{field_error, input_error};
use crate::policy::Policy;

/// The eligibility decision of one working situation; `InputError` when it does not parse.
/// The situation is read by the core's one reader of the format, from its wire value.
#[pyfunction]
#[pyo3(signature = (situation, *, policy = None, lang = Language::EN), text_signature = "(situation, *, policy=None, lang='en')")]
pub(crate) fn evaluate_eligibility<'py>(
    py: Python<'py>,
    situation: &Bound<'py, PyAny>,
    policy: Option<&Bound<'py, Policy>>,
    lang: Language,
) -> PyResult<Bound<'py, PyAny>> {
    let value = to_value(situation).map_err(|e| field_error(py, e, lang.0))?;
    let situation = WorkingSituation::from_json(&value).map_err(|e| input_error(py, &e, lang.0))?;
    let decision = evaluate(&situation, policy_of(policy));
    crate::serialize::to_python(py, &decision.render(lang.0))
}

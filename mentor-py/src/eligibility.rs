//! `evaluate_eligibility` and `evaluate_eligibility_many`: the working-status decision
//! (`docs/wire-format.md#decision`), answered as `mentor.Decision` objects that render their
//! fields when read (`crate::decision`).

use mentor_core::eligibility::{Answer, WorkingSituation, evaluate};
use mentor_core::error::Detail;
use mentor_core::{ErrorCode, FieldError, InputError, Localized, Text};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString};

use crate::args::{Language, policy_of};
use crate::convert::{to_value, without_gc};
use crate::decision::Decision;
use crate::errors::{field_error, input_error};
use crate::policy::Policy;

/// The eligibility decision of one working situation, a `Decision` (messages in `lang` when
/// its fields are read); `InputError` when it does not parse. The situation is read by the
/// core's one reader of the format, from its wire value.
#[pyfunction]
#[pyo3(signature = (situation, *, policy = None, lang = Language::EN), text_signature = "(situation, *, policy=None, lang='en')")]
pub(crate) fn evaluate_eligibility<'py>(
    py: Python<'py>,
    situation: &Bound<'py, PyAny>,
    policy: Option<&Bound<'py, Policy>>,
    lang: Language,
) -> PyResult<Bound<'py, Decision>> {
    let value = to_value(situation).map_err(|e| field_error(py, e, lang.0))?;
    let situation = WorkingSituation::from_json(&value).map_err(|e| input_error(py, &e, lang.0))?;
    let decision = evaluate(&situation, policy_of(policy));
    Bound::new(py, Decision::new(decision, lang.0))
}

const SITUATIONS: Text = Text::new(
    "a list (or any iterable) of working situations",
    "une liste (ou tout itérable) de situations de travail",
);

/// The decisions of many working situations in one call, in order: each item is what
/// `evaluate_eligibility` returns for its situation (a `Decision`), or `{"errors": [...]}`, the
/// field errors it would raise, when the situation does not parse (the batch goes on). One
/// call crosses the boundary for the whole batch; each situation is read, decided and answered
/// before the next is read, so memory stays that of one situation.
#[pyfunction]
#[pyo3(signature = (situations, *, policy = None, lang = Language::EN), text_signature = "(situations, *, policy=None, lang='en')")]
pub(crate) fn evaluate_eligibility_many<'py>(
    py: Python<'py>,
    situations: &Bound<'py, PyAny>,
    policy: Option<&Bound<'py, Policy>>,
    lang: Language,
) -> PyResult<Bound<'py, PyAny>> {
    // A dict, a string or bytes is iterable, but is one value, not a batch.
    let one_value = situations.cast::<PyDict>().is_ok()
        || situations.cast::<PyString>().is_ok()
        || situations.cast::<PyBytes>().is_ok();
    let items = match situations.try_iter() {
        Ok(items) if !one_value => items,
        _ => {
            let error = FieldError::with("situations", ErrorCode::InvalidType, Detail::Expected(SITUATIONS));
            return Err(field_error(py, error, lang.0));
        }
    };
    let policy = policy_of(policy);
    // One situation at a time, read, decided and answered before the next is read: the wire
    // value of each is dropped at once, so the batch touches the memory of one situation (the
    // earlier version kept every wire value, then every answer, and was slower per case than
    // calling `evaluate_eligibility` in a loop: 2.2 µs against 1.6 µs, benches/RESULTS.md).
    // The GIL stays held: reading a situation is walking Python objects, and deciding it
    // takes less than a GIL switch would cost.
    without_gc(py, || {
        let items = items
            .map(|item| {
                let situation = to_value(&item?)
                    .map_err(|e| InputError { errors: vec![e] })
                    .and_then(|value| WorkingSituation::from_json(&value));
                match Answer::of(situation, policy) {
                    Answer::Decision(decision) => {
                        Ok(Bound::new(py, Decision::new(decision, lang.0))?.into_any())
                    }
                    invalid @ Answer::Invalid(_) => crate::serialize::to_python(py, &invalid.render(lang.0)),
                }
            })
            .collect::<PyResult<Vec<_>>>()?;
        Ok(PyList::new(py, items)?.into_any())
    })
}

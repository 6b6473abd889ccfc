//! `evaluate_eligibility`: the working-status decision (DESIGN 4.3).

use mentor_core::eligibility::{BusinessFields, EmploymentFields, SituationFields, WorkingSituation, evaluate};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyString};

use crate::args::{Language, policy_of};
use crate::convert::to_value;
use crate::errors::{field_error, input_error};
use crate::policy::Policy;

/// The eligibility decision of one working situation; `InputError` when it does not parse.
///
/// A dict of plain JSON types is read in place ([`fast`]); anything else, and every situation
/// with an error, goes through the wire value and the core's full reader, which gives the same
/// situation or the errors with their paths.
#[pyfunction]
#[pyo3(signature = (situation, *, policy = None, lang = Language::EN), text_signature = "(situation, *, policy=None, lang='en')")]
pub(crate) fn evaluate_eligibility<'py>(
    py: Python<'py>,
    situation: &Bound<'py, PyAny>,
    policy: Option<&Bound<'py, Policy>>,
    lang: Language,
) -> PyResult<Bound<'py, PyAny>> {
    let situation = match fast(situation) {
        Some(situation) => situation,
        None => {
            let value = to_value(situation).map_err(|e| field_error(py, e, lang.0))?;
            WorkingSituation::from_json(&value).map_err(|e| input_error(py, &e, lang.0))?
        }
    };
    let decision = evaluate(&situation, policy_of(policy));
    crate::serialize::to_python(py, &decision.render(lang.0))
}

/// The keys of one dict of the situation, read one by one; counts them to spot unknown keys.
struct Keys<'py> {
    dict: Bound<'py, PyDict>,
    read: usize,
}

impl<'py> Keys<'py> {
    fn of(obj: &Bound<'py, PyAny>) -> Option<Keys<'py>> {
        Some(Keys { dict: obj.cast::<PyDict>().ok()?.clone(), read: 0 })
    }

    /// The value at `key`, `None` when absent or `None` (JSON's null).
    fn get(&mut self, key: &Bound<'py, PyString>) -> Option<Bound<'py, PyAny>> {
        let value = self.dict.get_item(key).ok().flatten()?;
        self.read += 1;
        (!value.is_none()).then_some(value)
    }

    /// Whether every key of the dict was one of those read.
    fn all_known(&self) -> bool {
        self.dict.len() == self.read
    }
}

/// A text value, or `Err` for any other type.
fn text<'a>(value: Option<&'a Bound<'_, PyAny>>) -> Result<Option<&'a str>, ()> {
    match value {
        None => Ok(None),
        Some(v) => v.cast::<PyString>().map_err(|_| ())?.to_str().map(Some).map_err(|_| ()),
    }
}

/// A boolean value (`bool` only: `1` is not JSON's `true`), or `Err` for any other type.
fn boolean(value: Option<&Bound<'_, PyAny>>) -> Result<Option<bool>, ()> {
    match value {
        None => Ok(None),
        Some(v) => Ok(Some(v.cast::<PyBool>().map_err(|_| ())?.is_true())),
    }
}

/// The situation read straight from a dict whose values have their exact JSON types, through
/// [`WorkingSituation::from_fields`]; `None` (the full reader's turn) for an unknown key, a
/// value of another type, or anything `from_fields` leaves to the full reader.
fn fast(situation: &Bound<'_, PyAny>) -> Option<WorkingSituation> {
    let py = situation.py();
    let mut top = Keys::of(situation)?;
    let country = top.get(intern!(py, "country"));
    let status = top.get(intern!(py, "status"));
    let route = top.get(intern!(py, "route"));
    let employment = top.get(intern!(py, "employment"));
    let business = top.get(intern!(py, "business"));
    if !top.all_known() {
        return None;
    }
    let employment = match &employment {
        None => None,
        Some(e) => {
            let mut keys = Keys::of(e)?;
            let values = [
                keys.get(intern!(py, "full_time")),
                keys.get(intern!(py, "employer_name")),
                keys.get(intern!(py, "employer_sector")),
                keys.get(intern!(py, "employer_agreement")),
                keys.get(intern!(py, "employer_informed")),
            ];
            if !keys.all_known() {
                return None;
            }
            Some(values)
        }
    };
    let business = match &business {
        None => None,
        Some(b) => {
            let mut keys = Keys::of(b)?;
            let values = [keys.get(intern!(py, "legal_form")), keys.get(intern!(py, "registration_number"))];
            if !keys.all_known() {
                return None;
            }
            Some(values)
        }
    };
    let fields = SituationFields {
        country: text(country.as_ref()).ok()?,
        status: text(status.as_ref()).ok()?,
        route: text(route.as_ref()).ok()?,
        employment: match &employment {
            None => None,
            Some([full_time, name, sector, agreement, informed]) => Some(EmploymentFields {
                full_time: boolean(full_time.as_ref()).ok()?,
                employer_name: text(name.as_ref()).ok()?,
                employer_sector: text(sector.as_ref()).ok()?,
                employer_agreement: text(agreement.as_ref()).ok()?,
                employer_informed: boolean(informed.as_ref()).ok()?,
            }),
        },
        business: match &business {
            None => None,
            Some([legal_form, number]) => {
                Some(BusinessFields { legal_form: text(legal_form.as_ref()).ok()?, registration_number: text(number.as_ref()).ok()? })
            }
        },
    };
    WorkingSituation::from_fields(&fields)
}

//! Billing (`docs/billing.md`; CON-1, BIL-1): `billing_statement` and `check_invoice`, forwarded to
//! the core's `statement_json` and `check_invoice_json`. The answers are what `mentor
//! statement --json` and `mentor check-invoice --json` print.

use mentor_core::billing::{check_invoice_json, statement_json};
use mentor_core::{FieldError, InputError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString};
use serde_json::Value;

use crate::args::{Language, policy_of};
use crate::convert::{string_arg, to_python, to_value};
use crate::errors::input_error;
use crate::policy::Policy;

/// The monthly statement of a contract's sessions; `InputError` with every problem when the
/// contract, a session, the period or the policy's billing section cannot be used.
#[pyfunction]
#[pyo3(
    signature = (contract, sessions, period, *, policy = None, lang = Language::EN),
    text_signature = "(contract, sessions, period, *, policy=None, lang='en')"
)]
pub(crate) fn billing_statement<'py>(
    py: Python<'py>,
    contract: &Bound<'py, PyAny>,
    sessions: &Bound<'py, PyAny>,
    period: &Bound<'py, PyAny>,
    policy: Option<&Bound<'py, Policy>>,
    lang: Language,
) -> PyResult<Bound<'py, PyAny>> {
    let period = string_arg(period, "period", lang.0)?;
    let mut errors = Vec::new();
    let contract = value_at(contract, "contract", &mut errors);
    let sessions = sessions_value(sessions, &mut errors)?;
    if !errors.is_empty() {
        return Err(input_error(py, &InputError { errors }, lang.0));
    }
    let billing = &policy_of(policy).billing;
    let out = py
        .detach(|| statement_json(&contract, &sessions, &period, billing, lang.0))
        .map_err(|e| input_error(py, &e, lang.0))?;
    to_python(py, &out)
}

/// A received invoice checked against a statement: `{"invoice_number", "matches",
/// "discrepancies"}`; `InputError` when either document cannot be read.
#[pyfunction]
#[pyo3(signature = (statement, invoice, *, lang = Language::EN), text_signature = "(statement, invoice, *, lang='en')")]
pub(crate) fn check_invoice<'py>(
    py: Python<'py>,
    statement: &Bound<'py, PyAny>,
    invoice: &Bound<'py, PyAny>,
    lang: Language,
) -> PyResult<Bound<'py, PyAny>> {
    let mut errors = Vec::new();
    let statement = value_at(statement, "statement", &mut errors);
    let invoice = value_at(invoice, "invoice", &mut errors);
    if !errors.is_empty() {
        return Err(input_error(py, &InputError { errors }, lang.0));
    }
    let out = check_invoice_json(&statement, &invoice, lang.0).map_err(|e| input_error(py, &e, lang.0))?;
    to_python(py, &out)
}

/// The wire form of an argument; a value with no JSON form inside it is an error with its
/// path under `name` (`contract.versions[0].rates`), collected in `errors`.
fn value_at(obj: &Bound<'_, PyAny>, name: &str, errors: &mut Vec<FieldError>) -> Value {
    to_value(obj).unwrap_or_else(|e| {
        errors.push(under(name, e));
        Value::Null
    })
}

/// The sessions as a JSON array: a list, a tuple or any other iterable of sessions (a
/// generator…), each converted on its own so that every session with a value that has no JSON
/// form is reported. A value that is no collection of sessions (a dict, a string, a number) is
/// passed as it is, for the core to report at `sessions`.
fn sessions_value(obj: &Bound<'_, PyAny>, errors: &mut Vec<FieldError>) -> PyResult<Value> {
    let single = obj.is_none()
        || obj.cast::<PyDict>().is_ok()
        || obj.cast::<PyString>().is_ok()
        || obj.cast::<PyBytes>().is_ok();
    let items = if single { None } else { obj.try_iter().ok() };
    let Some(items) = items else {
        return Ok(value_at(obj, "sessions", errors));
    };
    let mut out = Vec::new();
    for (i, item) in items.enumerate() {
        out.push(value_at(&item?, &format!("sessions[{i}]"), errors));
    }
    Ok(Value::Array(out))
}

/// `e` with its path under `name`: `""` → `name`, `"[2].x"` → `name[2].x`, `"x"` → `name.x`.
fn under(name: &str, e: FieldError) -> FieldError {
    let path = if e.path.is_empty() {
        name.to_owned()
    } else if e.path.starts_with('[') {
        format!("{name}{}", e.path)
    } else {
        format!("{name}.{}", e.path)
    };
    FieldError { path, ..e }
}

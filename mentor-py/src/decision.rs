//! `mentor.Decision`: the eligibility decision (`docs/wire-format.md#decision`) as Python receives
//! it from `evaluate_eligibility` and `evaluate_eligibility_many` (issue 15).
//!
//! It holds the core's decision, not its Python form: a call makes one small object instead of
//! some forty dicts, lists and strings, and each field is written into Python objects when it
//! is read (`d.outcome`, `d["reasons"]`), in the language of the call. It is also a read-only
//! mapping of the wire form's keys, so that code written for the dict it replaces keeps
//! working: `d["outcome"]`, `get`, `keys`, `values`, `items`, iteration in wire order, `len`,
//! `in`, `dict(d)`; `to_dict()` is that dict. It equals that dict and any decision with the
//! same wire form; it pickles as the JSON text of that form (nested keys in order); its
//! `repr` shows codes only, never the registration number or any other personal data.

use mentor_core::eligibility::Decision as CoreDecision;
use mentor_core::error::Detail;
use mentor_core::{ErrorCode, FieldError, Lang, Localized, Text};
use pyo3::basic::CompareOp;
use pyo3::exceptions::PyKeyError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyString, PyTuple};
use serde_json::Value;

use crate::errors::field_error;
use crate::serialize::{field_to_python, to_python};

/// The keys of the decision's wire form, in its order (`docs/wire-format.md#decision`; the
/// tests check them against the core's rendering).
const KEYS: [&str; 8] = [
    "outcome",
    "contracting_party",
    "invoicing_party",
    "payout",
    "registration",
    "required_actions",
    "recommended_actions",
    "reasons",
];

const A_DECISION: Text = Text::new(
    "the JSON text of a decision: an object with exactly the keys of its wire form",
    "le texte JSON d'une décision : un objet avec exactement les clés de son format d'échange",
);

/// The eligibility decision (`docs/wire-format.md#decision`; WS-1..5, INT-5, POL-1), its fields
/// rendered when read.
#[pyclass(module = "mentor", name = "Decision", frozen, mapping)]
pub(crate) struct Decision {
    form: Form,
}

/// What a `Decision` holds.
enum Form {
    /// The core's decision and the language of its messages: what calls answer.
    Decided { decision: CoreDecision, lang: Lang },
    /// The JSON text of the wire form, an object with exactly the [`KEYS`]: an unpickled
    /// decision. Read with Python's `json.loads`, which keeps the keys' order.
    Wire(String),
}

impl Decision {
    /// The decision as a call answers it, messages in `lang`.
    pub(crate) fn decided(decision: CoreDecision, lang: Lang) -> Self {
        Decision {
            form: Form::Decided { decision, lang },
        }
    }

    /// The field `key` as Python objects; `None` for a key the wire form does not have.
    fn field<'py>(&self, py: Python<'py>, key: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
        if !KEYS.contains(&key) {
            return Ok(None);
        }
        match &self.form {
            Form::Decided { decision, lang } => field_to_python(py, &decision.render(*lang), key),
            Form::Wire(text) => Ok(Some(json_loads(py, text)?.get_item(key)?)),
        }
    }

    /// The field `key`, which is one of [`KEYS`].
    fn known<'py>(&self, py: Python<'py>, key: &'static str) -> PyResult<Bound<'py, PyAny>> {
        self.field(py, key)?.ok_or_else(|| PyKeyError::new_err(key))
    }

    /// The wire form as JSON text, keys in order.
    fn json_text(&self) -> String {
        match &self.form {
            Form::Decided { decision, lang } => decision.to_json_text(*lang),
            Form::Wire(text) => text.clone(),
        }
    }

    /// The wire form as a JSON value (for `repr`: not on a hot path).
    fn json(&self) -> Value {
        match &self.form {
            Form::Decided { decision, lang } => decision.to_json(*lang),
            Form::Wire(text) => serde_json::from_str(text).unwrap_or_default(),
        }
    }
}

/// `json.loads(text)`.
fn json_loads<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    LOADS.import(py, "json", "loads")?.call1((text,))
}

/// The wire form's keys as a tuple of Python strings, made once.
fn key_tuple(py: Python<'_>) -> PyResult<&Bound<'_, PyTuple>> {
    static KEY_TUPLE: PyOnceLock<Py<PyTuple>> = PyOnceLock::new();
    let tuple = KEY_TUPLE.get_or_try_init(py, || {
        PyTuple::new(py, KEYS.iter().map(|k| PyString::intern(py, k))).map(Bound::unbind)
    })?;
    Ok(tuple.bind(py))
}

/// `collections.abc.<name>`, the views a `Mapping` answers with.
fn view<'py>(slf: &Bound<'py, Decision>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    let abc = slf.py().import("collections.abc")?;
    abc.getattr(name)?.call1((slf,))
}

#[pymethods]
impl Decision {
    /// The worst outcome of the rows that apply: ``eligible``, ``needs_review``,
    /// ``action_required`` or ``ineligible``.
    #[getter]
    fn outcome<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.known(py, "outcome")
    }

    /// Who signs the contract (``employer`` or ``mentor_business``); ``None`` while a route is
    /// to choose.
    #[getter]
    fn contracting_party<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.known(py, "contracting_party")
    }

    /// Who invoices the company (BIL-1); ``None`` while a route is to choose.
    #[getter]
    fn invoicing_party<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.known(py, "invoicing_party")
    }

    /// How the mentor is paid: ``employer_payroll`` or ``invoice``; ``None`` while a route is
    /// to choose.
    #[getter]
    fn payout<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.known(py, "payout")
    }

    /// The check of the business's registration number (a dict, as
    /// ``validate_registration_number`` answers it without ``country``), or ``None`` when no
    /// number was checked.
    #[getter]
    fn registration<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.known(py, "registration")
    }

    /// What must be done before a contract can be signed: a new list of
    /// ``{"code", "rule", "message", "params"}`` dicts at each read.
    #[getter]
    fn required_actions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.known(py, "required_actions")
    }

    /// What should be done: a new list of ``{"code", "rule", "message", "params"}`` dicts at
    /// each read.
    #[getter]
    fn recommended_actions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.known(py, "recommended_actions")
    }

    /// Why: a new list of ``{"code", "rule", "message"}`` dicts at each read.
    #[getter]
    fn reasons<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.known(py, "reasons")
    }

    /// The decision as the dict ``evaluate_eligibility`` returned up to 0.2: a new dict, keys
    /// in the wire form's order.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match &self.form {
            Form::Decided { decision, lang } => to_python(py, &decision.render(*lang)),
            Form::Wire(text) => {
                // In the wire form's order, whatever the text's.
                let loaded = json_loads(py, text)?;
                let dict = PyDict::new(py);
                for key in key_tuple(py)? {
                    dict.set_item(&key, loaded.get_item(&key)?)?;
                }
                Ok(dict.into_any())
            }
        }
    }

    fn __getitem__<'py>(&self, py: Python<'py>, key: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let found = match key.cast::<PyString>() {
            Ok(text) => match text.to_str() {
                Ok(text) => self.field(py, text)?,
                Err(_) => None,
            },
            Err(_) => None,
        };
        found.ok_or_else(|| PyKeyError::new_err(key.clone().unbind()))
    }

    /// The field ``key``, or ``default`` when the decision has no such key.
    #[pyo3(signature = (key, default = None, /))]
    fn get<'py>(
        &self,
        py: Python<'py>,
        key: &Bound<'py, PyAny>,
        default: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let found = match key.cast::<PyString>().map(|text| text.to_str()) {
            Ok(Ok(text)) => self.field(py, text)?,
            _ => None,
        };
        Ok(found.or(default).unwrap_or_else(|| py.None().into_bound(py)))
    }

    fn __contains__(&self, key: &Bound<'_, PyAny>) -> bool {
        match key.cast::<PyString>().map(|text| text.to_str()) {
            Ok(Ok(text)) => KEYS.contains(&text),
            _ => false,
        }
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(key_tuple(py)?.as_any().try_iter()?.into_any())
    }

    fn __len__(&self) -> usize {
        KEYS.len()
    }

    /// The wire form's keys, in order (a ``collections.abc.KeysView``).
    fn keys<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        view(slf, "KeysView")
    }

    /// The fields, in the keys' order (a ``collections.abc.ValuesView``).
    fn values<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        view(slf, "ValuesView")
    }

    /// The ``(key, field)`` pairs, in the keys' order (a ``collections.abc.ItemsView``).
    fn items<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        view(slf, "ItemsView")
    }

    /// Equal to a dict that is its ``to_dict()``, and to a decision with the same wire form.
    fn __richcmp__<'py>(&self, other: &Bound<'py, PyAny>, op: CompareOp) -> PyResult<Bound<'py, PyAny>> {
        let py = other.py();
        let answer = match op {
            CompareOp::Eq => self.equals(other)?,
            CompareOp::Ne => self.equals(other)?.map(|equal| !equal),
            CompareOp::Lt | CompareOp::Le | CompareOp::Gt | CompareOp::Ge => None,
        };
        Ok(match answer {
            Some(answer) => answer.into_pyobject(py)?.to_owned().into_any(),
            None => py.NotImplemented().into_bound(py),
        })
    }

    /// Shows the codes only (outcome, parties, actions, reasons): never the registration
    /// number or a message.
    fn __repr__(&self) -> String {
        summary(&self.json())
    }

    /// Pickles as the JSON text of its wire form (what ``json.dumps(d.to_dict())`` writes,
    /// keys in order).
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let from_json = slf.get_type().getattr("_from_json")?;
        let args = PyTuple::new(slf.py(), [slf.get().json_text()])?;
        Ok((from_json, args))
    }

    /// The decision whose wire form is the JSON text ``text`` (how a decision unpickles).
    /// Raises ``InputError`` (``invalid_type`` at the root) when ``text`` is not a JSON object
    /// with exactly the wire form's keys.
    #[staticmethod]
    fn _from_json(py: Python<'_>, text: &str) -> PyResult<Self> {
        let is_decision = match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(map)) => {
                map.len() == KEYS.len() && KEYS.iter().all(|key| map.contains_key(*key))
            }
            _ => false,
        };
        if !is_decision {
            let error = FieldError::with("", ErrorCode::InvalidType, Detail::Expected(A_DECISION));
            return Err(field_error(py, error, Lang::En));
        }
        Ok(Decision {
            form: Form::Wire(text.to_owned()),
        })
    }
}

impl Decision {
    /// `Some(equal)` against a decision or a dict; `None` (not comparable) against anything
    /// else.
    fn equals(&self, other: &Bound<'_, PyAny>) -> PyResult<Option<bool>> {
        let py = other.py();
        if let Ok(other) = other.cast::<Decision>() {
            let other = other.get();
            // The same core decision in the same language: the same wire form, unrendered.
            if let (
                Form::Decided {
                    decision: a,
                    lang: la,
                },
                Form::Decided {
                    decision: b,
                    lang: lb,
                },
            ) = (&self.form, &other.form)
            {
                if la == lb && a == b {
                    return Ok(Some(true));
                }
            }
            return self.to_dict(py)?.eq(other.to_dict(py)?).map(Some);
        }
        if other.cast::<PyDict>().is_ok() {
            return self.to_dict(py)?.eq(other).map(Some);
        }
        Ok(None)
    }
}

/// `<mentor.Decision outcome='…' contracting_party='…' required_actions=[…] …>`, codes only.
fn summary(json: &Value) -> String {
    // A decision rebuilt from a dict (`_from_dict`) could hold any text: only codes are shown.
    let code = |code: &str| {
        if code
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        {
            format!("'{code}'")
        } else {
            "'?'".to_owned()
        }
    };
    let text = |key: &str| {
        json.get(key)
            .and_then(Value::as_str)
            .map_or_else(|| "None".to_owned(), code)
    };
    let codes = |key: &str| {
        let codes: Vec<String> = json
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|item| item.get("code").and_then(Value::as_str))
            .map(code)
            .collect();
        format!("[{}]", codes.join(", "))
    };
    format!(
        "<mentor.Decision outcome={} contracting_party={} invoicing_party={} payout={} required_actions={} recommended_actions={} reasons={}>",
        text("outcome"),
        text("contracting_party"),
        text("invoicing_party"),
        text("payout"),
        codes("required_actions"),
        codes("recommended_actions"),
        codes("reasons"),
    )
}

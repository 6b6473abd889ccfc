//! `mentor.TriageEntry`: one entry of a triage report (`docs/wire-format.md`, `mentor triage
//! --json`'s lines) as Python receives it from `triage`, `triage_json_bytes` and
//! `triage_file` (issue 15).
//!
//! It holds the core's entry, not its Python form: a report of 100,000 forms makes 100,000
//! small objects instead of some forty dicts, lists and strings per form, and each field is
//! written into Python objects when it is read (`e.status`, `e["errors"]`), in the language of
//! the call. Like `mentor.Decision` it is a read-only mapping of the wire form's keys
//! ([`crate::mapping`]), so code written for the dict it replaces keeps working; `to_dict()`
//! is that dict, plain all the way down. `eligibility` is read as a `mentor.Decision` (or
//! `None`); in `to_dict()` it is a dict. Its `repr` shows the line, the status and the rank:
//! never the e-mail, the reference or a message.

use mentor_core::Text;
use mentor_core::triage::Entry;
use pyo3::prelude::*;
use serde_json::Value;

use crate::decision::Decision;
use crate::mapping::{Held, WireForm, code_of, json_dumps, json_loads, wire_mapping};

const AN_ENTRY: Text = Text::new(
    "the JSON text of a triage entry: an object with exactly the keys of its wire form",
    "le texte JSON d'une entrée de tri : un objet avec exactement les clés de son format d'échange",
);

/// One entry of a triage report (`docs/cli.md`, `docs/wire-format.md`), its fields rendered
/// when read.
#[pyclass(module = "mentor", name = "TriageEntry", frozen, mapping)]
pub(crate) struct TriageEntry {
    held: Held<Entry>,
}

impl WireForm for TriageEntry {
    const EXPECTED: Text = AN_ENTRY;

    /// `eligibility` as a `mentor.Decision` (or `None`); the other fields in their wire form.
    fn field<'py>(&self, py: Python<'py>, key: &str) -> PyResult<Bound<'py, PyAny>> {
        if key != "eligibility" {
            return self.held.field(py, key);
        }
        match &self.held {
            Held::Core { value, lang } => match &value.eligibility {
                Some(decision) => Ok(Bound::new(py, Decision::new(decision.clone(), *lang))?.into_any()),
                None => Ok(py.None().into_bound(py)),
            },
            Held::Wire(text) => {
                let decision = json_loads(py, text)?.get_item(key)?;
                if decision.is_none() {
                    return Ok(decision);
                }
                // Through Python's json, which keeps the nested keys' order.
                let decision: Decision = crate::mapping::from_json(py, &json_dumps(&decision)?)?;
                Ok(Bound::new(py, decision)?.into_any())
            }
        }
    }

    /// `<mentor.TriageEntry line=4 status='ranked' rank=1>`: no e-mail, reference or message.
    fn summary(json: &Value) -> String {
        let number = |key: &str| match json.get(key) {
            Some(Value::Number(n)) if n.is_u64() => n.to_string(),
            Some(Value::Null) | None => "None".to_owned(),
            Some(_) => "'?'".to_owned(),
        };
        format!(
            "<mentor.TriageEntry line={} status={} rank={}>",
            number("line"),
            code_of(json, "status"),
            number("rank"),
        )
    }
}

// The keys of an entry's wire form, in its order (`Entry`'s `Localized` in mentor-core; the
// tests check them against `mentor triage --json`).
wire_mapping!(TriageEntry: Entry {
    /// The form's ``reference``, echoed; ``None`` when it has none.
    reference,
    /// The record's line (JSON Lines) or array index + 1.
    line,
    /// The applicant's e-mail as typed, for the people who call back; ``None`` when missing.
    email,
    /// Where the form ends up: ``ranked``, ``on_hold``, ``ineligible`` or ``invalid``.
    status,
    /// 1-based rank among the ranked forms; ``None`` for the others.
    rank,
    /// The field errors of an invalid form: a new list of ``{"path", "code", "message"}``
    /// dicts at each read.
    errors,
    /// Completeness, 0.0 to 1.0 (APP-3).
    completeness,
    /// The eligibility decision of a valid form, a ``mentor.Decision`` (a new one at each
    /// read); ``None`` for an invalid form.
    eligibility,
    /// The review priority of a ranked form (``{"score", "components"}``); ``None`` otherwise.
    priority,
    /// Contact the candidate by this UTC date (``YYYY-MM-DD``); ``None`` unless ranked.
    contact_by,
    /// Why a valid form is on hold (POL-1, ``{"code", "rule", "subjects", "message"}``);
    /// ``None`` otherwise.
    on_hold,
});

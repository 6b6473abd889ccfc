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
//! `repr` shows codes only, never the registration number or any other personal data. The
//! mapping is [`crate::mapping`]'s, shared with `mentor.TriageEntry`.

use mentor_core::Text;
use mentor_core::eligibility::Decision as CoreDecision;
use pyo3::prelude::*;
use serde_json::Value;

use crate::mapping::{Held, WireForm, code, code_of, wire_mapping};

const A_DECISION: Text = Text::new(
    "the JSON text of a decision: an object with exactly the keys of its wire form",
    "le texte JSON d'une décision : un objet avec exactement les clés de son format d'échange",
);

/// The eligibility decision (`docs/wire-format.md#decision`; WS-1..5, INT-5, POL-1), its fields
/// rendered when read.
#[pyclass(module = "mentor", name = "Decision", frozen, mapping)]
pub(crate) struct Decision {
    held: Held<CoreDecision>,
}

impl WireForm for Decision {
    const EXPECTED: Text = A_DECISION;

    /// `<mentor.Decision outcome='…' contracting_party='…' required_actions=[…] …>`, codes
    /// only: never the registration number or a message.
    fn summary(json: &Value) -> String {
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
            code_of(json, "outcome"),
            code_of(json, "contracting_party"),
            code_of(json, "invoicing_party"),
            code_of(json, "payout"),
            codes("required_actions"),
            codes("recommended_actions"),
            codes("reasons"),
        )
    }
}

// The keys of the decision's wire form, in its order (`docs/wire-format.md#decision`; the
// tests check them against the core's rendering).
wire_mapping!(Decision: CoreDecision {
    /// The worst outcome of the rows that apply: ``eligible``, ``needs_review``,
    /// ``action_required`` or ``ineligible``.
    outcome,
    /// Who signs the contract (``employer`` or ``mentor_business``); ``None`` while a route is
    /// to choose.
    contracting_party,
    /// Who invoices the company (BIL-1); ``None`` while a route is to choose.
    invoicing_party,
    /// How the mentor is paid: ``employer_payroll`` or ``invoice``; ``None`` while a route is
    /// to choose.
    payout,
    /// The check of the business's registration number (a dict, as
    /// ``validate_registration_number`` answers it without ``country``), or ``None`` when no
    /// number was checked.
    registration,
    /// What must be done before a contract can be signed: a new list of
    /// ``{"code", "rule", "message", "params"}`` dicts at each read.
    required_actions,
    /// What should be done: a new list of ``{"code", "rule", "message", "params"}`` dicts at
    /// each read.
    recommended_actions,
    /// Why: a new list of ``{"code", "rule", "message"}`` dicts at each read.
    reasons,
});

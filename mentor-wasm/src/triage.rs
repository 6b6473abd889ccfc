//! The review queue (`docs/triage.md#review-queue`, `docs/cli.md` `triage`): the Node build's
//! only. A browser form validates one application and decides one situation; triaging a batch
//! is an operator's job (the command line, a service, a script), and the batch code (streaming
//! reader, duplicate fingerprints, ranking) would take the browser module over its size budget
//! (`benches/RESULTS.md#targets`).

use chrono::{DateTime, Utc};
use mentor_core::policy::Policy as CorePolicy;
use mentor_core::triage::{self, Record};
use mentor_core::{Lang, Localized};
use serde_json::Value;
use wasm_bindgen::prelude::*;

use crate::convert::{self, instant, to_js, to_text};
use crate::options::{self, Opt, Options};
use crate::policy;

/// Triages a batch of application forms (`docs/triage.md#review-queue`, `docs/cli.md`): validates each,
/// decides its eligibility, ranks the valid ones. The answer is one entry per form, in report order
/// (ranked, then `on_hold`, `ineligible`, `invalid`): `{reference, line, email, status, rank,
/// errors, completeness, eligibility, priority, contact_by}`, `line` being the index + 1.
///
/// `forms` is an array (anything else is a batch of one); an element that is not JSON (a
/// cycle, a `BigInt`) is an `invalid` entry with `invalid_json`, the others are still
/// assessed. `now` (an RFC 3339 string or a `Date`; default: the current time) dates the
/// contact deadlines and the waiting time.
///
/// # Errors
/// Throws `code` `"invalid_input"` only for a bad `now` (path `now`) or `lang`.
#[wasm_bindgen(js_name = triage, unchecked_return_type = "TriageEntry[]")]
pub fn triage(
    #[wasm_bindgen(unchecked_param_type = "ApplicationForm[]")] forms: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CallOptions | Policy")] options: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "string | Date")] now: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: JsValue,
) -> Result<JsValue, JsValue> {
    let Options { policy, lang, now } =
        options::read(&[&options, &now, &lang], &[Opt::Policy, Opt::Now, Opt::Lang])?;
    let now = instant(&now, lang)?;
    let records: Vec<Record> = if js_sys::Array::is_array(&forms) {
        js_sys::Array::from(&forms)
            .iter()
            .enumerate()
            .map(|(i, form)| record(i + 1, &form))
            .collect()
    } else {
        vec![record(1, &forms)]
    };
    let policy = policy::resolve(&policy, lang)?;
    to_js(&report(&records, &policy, now, lang))
}

/// [`triage`] on text: a JSON array or JSON Lines (a line that is not JSON is an `invalid`
/// entry, `line` being the line number), the answer as the JSON text of the entries' array.
///
/// # Errors
/// As [`triage`]; `forms` that is not a string throws `invalid_type` (absent: `required`) at
/// `forms`.
#[wasm_bindgen(js_name = triageJson)]
pub fn triage_json(
    #[wasm_bindgen(unchecked_param_type = "string")] forms: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CallOptions | Policy")] options: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "string | Date")] now: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: JsValue,
) -> Result<String, JsValue> {
    let Options { policy, lang, now } =
        options::read(&[&options, &now, &lang], &[Opt::Policy, Opt::Now, Opt::Lang])?;
    let forms = convert::text_arg(&forms, "forms", lang)?;
    let now = instant(&now, lang)?;
    let policy = policy::resolve(&policy, lang)?;
    to_text(&report(&triage::read_forms(&forms), &policy, now, lang))
}

fn report(records: &[Record], policy: &CorePolicy, now: DateTime<Utc>, lang: Lang) -> Value {
    triage::triage(records, policy, now).to_json(lang)
}

/// One form as a record: its JSON text, read when it is assessed (a value JSON cannot hold is
/// an `invalid` record with its error at its path; `undefined` reads as `null`).
fn record(line: usize, form: &JsValue) -> Record {
    match convert::json_text(form) {
        Ok(text) => Record::Text {
            line,
            text: text.unwrap_or_else(|| "null".to_owned()),
        },
        Err(error) => Record::Unreadable { line, error },
    }
}

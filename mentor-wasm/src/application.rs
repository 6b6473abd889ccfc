//! The application form (`docs/wire-format.md#application-form`) and the review queue
//! (`docs/triage.md#review-queue`, `docs/cli.md` `triage`). Both return problems as data.

use chrono::{DateTime, Utc};
use mentor_core::application::{self, Validation};
use mentor_core::policy::Policy as CorePolicy;
use mentor_core::triage::{self, Record};
use mentor_core::{Lang, Localized};
use serde_json::Value;
use wasm_bindgen::prelude::*;

use crate::convert::{self, instant, to_js, to_text};
use crate::errors::input_error;
use crate::options::{self, Opt, Options};
use crate::policy;

/// Validates an application form (`docs/wire-format.md#application-form`, APP-1..4): `{valid, reference,
/// completeness, errors}`, each error `{path, code, message}` with its message in `lang`. Problems are data:
/// any JSON value is validated, and an invalid form is not an exception.
///
/// `policy` decides which offers are open (`unknown_offer`, POL-1); without one, any offer id
/// is accepted.
///
/// ```js
/// const v = validateApplication({ offer_id: "mentor-web-2026", applicant: { email: "nope" } }, { lang: "fr" });
/// v.valid;                                                   // false
/// v.errors.find((e) => e.path === "applicant.email").code;   // "invalid_email"
/// ```
///
/// # Errors
/// Throws `code` `"invalid_input"` only when `form` is not JSON at all (a cycle, a `BigInt`)
/// or `lang` is not `"en"` or `"fr"`.
#[wasm_bindgen(js_name = validateApplication, unchecked_return_type = "ApplicationValidation")]
pub fn validate_application(
    #[wasm_bindgen(unchecked_param_type = "ApplicationForm")] form: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CallOptions | Lang")] options: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Policy")] policy: JsValue,
) -> Result<JsValue, JsValue> {
    let Options { policy, lang, .. } = options::read(&[&options, &policy], &[Opt::Lang, Opt::Policy])?;
    // Across as JSON text, read straight into the form's shape: one reader of forms.
    let form = match convert::json_text(&form) {
        Ok(text) => text.unwrap_or_else(|| "null".to_owned()),
        // A value JSON would silently lose (`NaN`, a function…) is a field error of the form:
        // data, as every other (issue 16).
        Err(error) if error.code != mentor_core::ErrorCode::InvalidJson => {
            return to_js(&Validation::unreadable(error).to_json(lang));
        }
        Err(error) => return Err(input_error(vec![error], lang)),
    };
    let out = application::validate_json_str(&form, &*policy::resolve(&policy, lang)?, lang)
        .map_err(|e| input_error(vec![e], lang))?;
    to_js(&out)
}

/// [`validate_application`] on JSON text, the answer as JSON text.
///
/// # Errors
/// As [`validate_application`]; text that is not JSON throws `invalid_json` at the root; a
/// `form` that is not a string throws `invalid_type` (absent: `required`) at `form`.
#[wasm_bindgen(js_name = validateApplicationJson)]
pub fn validate_application_json(
    #[wasm_bindgen(unchecked_param_type = "string")] form: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CallOptions | Lang")] options: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Policy")] policy: JsValue,
) -> Result<String, JsValue> {
    let Options { policy, lang, .. } = options::read(&[&options, &policy], &[Opt::Lang, Opt::Policy])?;
    let form = convert::text_arg(&form, "form", lang)?;
    let out = application::validate_json_str(&form, &*policy::resolve(&policy, lang)?, lang)
        .map_err(|e| input_error(vec![e], lang))?;
    to_text(&out)
}

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

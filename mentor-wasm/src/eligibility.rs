//! The eligibility decision (`docs/wire-format.md#decision`): a working situation in, the decision out.

use mentor_core::Lang;
use mentor_core::error::InputError;
use mentor_core::policy::Policy;
use wasm_bindgen::prelude::*;

use crate::convert::{self, json_text_or_throw};
use crate::errors::input_error;
use crate::options::{self, Opt, Options};
use crate::policy;

/// Decides who signs, who bills and what the applicant must do first, from their working
/// situation (`docs/wire-format.md#working-situation`, WS-1..5, POL-1). Messages are in `lang` (`"en"` by
/// default, `"fr"`).
///
/// ```js
/// const d = evaluateEligibility(
///   { country: "FR", status: "freelancer", business: { registration_number: "732 829 320 00074" } },
/// );
/// d.outcome;           // "eligible"
/// d.contracting_party; // "mentor_business"
/// ```
///
/// # Errors
/// Throws `code` `"invalid_input"` with the field errors when the situation does not parse
/// (`required`, `invalid_enum`, `unknown_field`…), or when `lang` is not `"en"` or `"fr"`.
#[wasm_bindgen(js_name = evaluateEligibility, unchecked_return_type = "Decision")]
pub fn evaluate_eligibility(
    #[wasm_bindgen(unchecked_param_type = "WorkingSituation")] situation: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CallOptions | Policy")] options: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: JsValue,
) -> Result<JsValue, JsValue> {
    let Options { policy, lang, .. } = options::read(&[&options, &lang], &[Opt::Policy, Opt::Lang])?;
    // Across the boundary as JSON text both ways, read and written without a JSON tree: the
    // engine's `JSON.stringify` and `JSON.parse` are faster than one crossing per value.
    let situation = json_text_or_throw(&situation, lang)?;
    let decision = decide(&situation, &*policy::resolve(&policy, lang)?, lang)
        .map_err(|e| input_error(e.errors, lang))?;
    js_sys::JSON::parse(&decision)
}

/// [`evaluate_eligibility`] on JSON text: the situation as JSON text in, the decision as JSON
/// text out (the fastest way in when the situation is already text).
///
/// # Errors
/// As [`evaluate_eligibility`]; text that is not JSON is `invalid_json` at the root; a
/// `situation` that is not a string is `invalid_type` (absent: `required`) at `situation`.
#[wasm_bindgen(js_name = evaluateEligibilityJson)]
pub fn evaluate_eligibility_json(
    #[wasm_bindgen(unchecked_param_type = "string")] situation: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CallOptions | Policy")] options: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: JsValue,
) -> Result<String, JsValue> {
    let Options { policy, lang, .. } = options::read(&[&options, &lang], &[Opt::Policy, Opt::Lang])?;
    let situation = convert::text_arg(&situation, "situation", lang)?;
    decide(&situation, &*policy::resolve(&policy, lang)?, lang).map_err(|e| input_error(e.errors, lang))
}

/// The decision of a situation given as JSON text, as JSON text. With `direct-text` (the Node
/// build) neither side builds a JSON tree ([`mentor_core::eligibility::evaluate_json_text`]);
/// without it (the browser build, for the size budget of `benches/RESULTS.md#targets`) the answer is written
/// through the JSON value the other calls write too, which links less code. The answers are the same.
fn decide(situation: &str, policy: &Policy, lang: Lang) -> Result<String, InputError> {
    #[cfg(feature = "direct-text")]
    {
        mentor_core::eligibility::evaluate_json_text(situation, policy, lang)
    }
    #[cfg(not(feature = "direct-text"))]
    {
        Ok(mentor_core::eligibility::evaluate_json_str(situation, policy, lang)?.to_string())
    }
}

/// Decides a batch of working situations in one call (`docs/wire-format.md#decision`): one item
/// per situation, in order, each [`evaluate_eligibility`]'s decision, or `{errors}` (the field
/// errors `{path, code, message}` that call would throw) for a situation that does not parse.
/// One bad situation never stops the batch. The answers cross the boundary once, as one JSON
/// text: cheaper per situation than one call each (the package's entry, `js/wrapper.js`, also
/// sends the situations in as one text: [`crate::evaluate_eligibility_tape`]). Node build only
/// (cargo feature `batches`): a page decides the situation being typed. The options are
/// [`evaluate_eligibility`]'s, `policy` and `lang`, as an object or (deprecated) in that order.
///
/// ```js
/// const [d, bad] = evaluateEligibilityMany([{ country: "FR", status: "student" }, { country: "FR" }], { lang: "fr" });
/// d.outcome;           // "action_required"
/// bad.errors[0].code;  // "required" (at "status")
/// ```
///
/// # Errors
/// Throws `code` `"invalid_input"` only when `situations` is not an array (`invalid_type` at
/// `situations`; absent: `required`), or for a bad option (an unknown key, a `lang` other than
/// `"en"`/`"fr"`, a `policy` that is not a live `Policy`). An exception thrown by the caller's
/// own code while a situation is read (a getter, a `Proxy`) goes through as it is.
#[cfg(feature = "batches")]
#[wasm_bindgen(js_name = evaluateEligibilityMany, unchecked_return_type = "(Decision | { errors: FieldError[] })[]")]
pub fn evaluate_eligibility_many(
    #[wasm_bindgen(unchecked_param_type = "WorkingSituation[]")] situations: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CallOptions | Policy")] options: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: JsValue,
) -> Result<JsValue, JsValue> {
    use mentor_core::Localized;
    use mentor_core::eligibility::{Answer, WorkingSituation};
    use mentor_core::error::{ErrorCode, FieldError, InputError};

    // `lang` in third place, as `evaluate_eligibility` takes it: a batch called
    // `(situations, policy, "fr")` was answered in English when only the options were read.
    let Options { policy, lang, .. } = options::read(&[&options, &lang], &[Opt::Policy, Opt::Lang])?;
    if !js_sys::Array::is_array(&situations) {
        let code = if situations.is_undefined() || situations.is_null() {
            ErrorCode::Required
        } else {
            ErrorCode::InvalidType
        };
        return Err(input_error(vec![FieldError::new("situations", code)], lang));
    }
    let policy = policy::resolve(&policy, lang)?;
    // The answers cross as JSON text in parts of at most about 16 MB: one text for a huge batch
    // would pass the engine's longest string (V8: 512 MiB) and lose every answer.
    let mut answers: Option<js_sys::Array> = None;
    let mut add = |parsed: js_sys::Array| {
        answers = Some(match answers.take() {
            Some(before) => before.concat(&parsed),
            None => parsed,
        });
    };
    let mut part = String::from("[");
    for situation in js_sys::Array::from(&situations).iter() {
        if part.len() > 1 {
            part.push(',');
        }
        let situation = match convert::json_text(&situation) {
            Ok(text) => WorkingSituation::from_json_str(text.as_deref().unwrap_or("null")),
            Err(error) => Err(InputError { errors: vec![error] }),
        };
        part.push_str(&Answer::of(situation, &policy).to_json_text(lang));
        if part.len() >= PART {
            add(parsed_part(&mut part)?);
        }
    }
    if part.len() > 1 {
        add(parsed_part(&mut part)?);
    }
    Ok(answers.unwrap_or_default().into())
}

/// The largest JSON text of answers [`evaluate_eligibility_many`] hands over at once (bytes).
#[cfg(feature = "batches")]
const PART: usize = 16 << 20;

/// The answers written so far in `part` (an open JSON array), parsed; `part` starts again.
#[cfg(feature = "batches")]
fn parsed_part(part: &mut String) -> Result<js_sys::Array, JsValue> {
    part.push(']');
    let parsed = js_sys::JSON::parse(part)?;
    part.clear();
    part.push('[');
    Ok(parsed.unchecked_into())
}

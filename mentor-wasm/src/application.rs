//! The application form (`docs/wire-format.md#application-form`): problems are returned as data.

use mentor_core::Localized;
use mentor_core::application::{self, Validation};
use wasm_bindgen::prelude::*;

use crate::convert::{self, to_js, to_text};
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
    // The text is JSON.stringify's, so a reading error is the form's own (`too_long` past
    // `wire::MAX_DOCUMENT_BYTES`): data, as above.
    let policy = policy::resolve(&policy, lang)?;
    let out = application::validate_json_str(&form, &policy, lang)
        .unwrap_or_else(|e| Validation::unreadable(e).to_json(lang));
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

//! What the calls throw, and the catalogue of error codes.
//!
//! Every thrown value is a JS `Error` with two more properties, the same shape as the Python
//! package's `InputError` (STYLE, "Errors"):
//! - `code`: `"invalid_input"` (the input does not parse; `errors` says why, field by field),
//!   `"invalid_policy"` (a policy that does not load), `"internal"` (a bug of this crate), or
//!   for a webhook delivery that is not authentic the core's code (`"bad_signature"`…);
//! - `errors`: the field errors `{path, code, message}` of `docs/wire-format.md#field-errors`, messages in
//!   the requested language (empty for the last two codes).
//!
//! `name` is `InputError`, `PolicyError`, `SignatureError` (with `provider`) or `MentorError`; `message` is the core's English
//! summary (`invalid input: `country`: this field is required`).

use js_sys::{Array, Error, Reflect};
use mentor_core::policy::PolicyError;
use mentor_core::{FieldError, InputError, Lang, Localized};
use wasm_bindgen::prelude::*;

use crate::convert::to_js;

/// The `code` of an error thrown for input that does not parse.
pub(crate) const INVALID_INPUT: &str = "invalid_input";

/// The error thrown for input that does not parse: `code` `"invalid_input"`, `errors` the
/// field errors with messages in `lang`.
pub(crate) fn input_error(errors: Vec<FieldError>, lang: Lang) -> JsValue {
    let error = InputError { errors };
    let details = to_js(&error.to_json(lang)).unwrap_or_else(|_| Array::new().into());
    thrown("InputError", INVALID_INPUT, &error.to_string(), &details)
}

/// The error thrown for a policy that does not load: `code` `"invalid_policy"`, `errors` every
/// problem (`{path, code, message, line, column}`, in file order).
pub(crate) fn policy_error(error: &PolicyError) -> JsValue {
    let details = to_js(&error.to_json(Lang::En)).unwrap_or_else(|_| Array::new().into());
    thrown("PolicyError", PolicyError::CODE, &error.to_string(), &details)
}

/// The error thrown for a webhook delivery that is not authentic (`docs/esign.md`): `name`
/// `SignatureError`, `code` the core's stable code (`bad_signature`…), `provider` its name.
#[cfg(feature = "webhooks")]
pub(crate) fn signature_error(provider: &str, code: &str, message: &str) -> JsValue {
    let error = thrown("SignatureError", code, message, &Array::new().into());
    let _ = Reflect::set(
        &error,
        &JsValue::from_str("provider"),
        &JsValue::from_str(provider),
    );
    error
}

/// The error thrown for an event a lifecycle refuses where the call cannot answer without it
/// (an erasure, `docs/lifecycles.md#personal-data`): `name` `TransitionError`, `code` the
/// refusal's code (`transition_not_allowed`…), `aggregate`, `state`, `event` and `index` (the
/// event's 0-based place in the log), `message` in `lang`.
#[cfg(feature = "lifecycles")]
pub(crate) fn transition_error(rejected: &mentor_core::lifecycle::Rejected, lang: Lang) -> JsValue {
    let refused = &rejected.refused;
    let message = format!("event {}: {}", rejected.index, refused.message(lang));
    let error = thrown(
        "TransitionError",
        refused.reason.code(),
        &message,
        &Array::new().into(),
    );
    let state = refused.state.map_or(JsValue::NULL, JsValue::from_str);
    #[expect(
        clippy::cast_precision_loss,
        reason = "an index of a log held in memory is far below 2^53"
    )]
    let index = rejected.index as f64;
    for (key, value) in [
        ("aggregate", JsValue::from_str(refused.aggregate)),
        ("state", state),
        ("event", JsValue::from_str(refused.event)),
        ("index", JsValue::from_f64(index)),
    ] {
        let _ = Reflect::set(&error, &JsValue::from_str(key), &value);
    }
    error
}

/// The error thrown when this crate fails where it cannot (a bug): `code` `"internal"`.
pub(crate) fn internal_error(message: &str) -> JsValue {
    thrown("MentorError", "internal", message, &Array::new().into())
}

fn thrown(name: &str, code: &str, message: &str, errors: &JsValue) -> JsValue {
    let error = Error::new(message);
    error.set_name(name);
    // Setting a property of a fresh, extensible `Error` cannot fail.
    let _ = Reflect::set(&error, &JsValue::from_str("code"), &JsValue::from_str(code));
    let _ = Reflect::set(&error, &JsValue::from_str("errors"), errors);
    error.into()
}

/// The catalogue of field error codes, with their generic messages in both languages:
/// `[{code, en, fr}]` (`mentor_core::error_codes`).
///
/// ```js
/// errorCodes().find((c) => c.code === "invalid_email").fr; // "cette adresse e-mail n'est pas valide"
/// ```
///
/// # Errors
/// None in practice (`internal` if the catalogue could not be converted).
#[wasm_bindgen(js_name = errorCodes, unchecked_return_type = "ErrorCodeEntry[]")]
pub fn error_codes() -> Result<JsValue, JsValue> {
    to_js(&mentor_core::error_codes())
}

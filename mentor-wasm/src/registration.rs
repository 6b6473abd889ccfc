//! Registration numbers (`docs/registration/README.md`, WS-1): check one, or list a country's schemes.

use mentor_core::registration;
use wasm_bindgen::prelude::*;

use crate::convert::{string, to_js};
use crate::errors::input_error;
use crate::options::{self, Opt, Options};

/// Checks a registration number against the schemes of a country (WS-1): `{country, scheme,
/// normalized, formatted, valid: true}`, or for a number that is not well-formed `{country,
/// scheme (the closest, or null), normalized: null, formatted: null, valid: false, error,
/// message}`. `valid` means well-formed (check digits, format), not registered.
///
/// ```js
/// validateRegistrationNumber("FR", "732 829 320 00074").formatted; // "732 829 320 00074"
/// validateRegistrationNumber("FR", "732 829 320 00075").error;     // "bad_check_digit"
/// ```
///
/// # Errors
/// Throws `code` `"invalid_input"` when `country` is not an ISO 3166-1 alpha-2 code (path
/// `country`), when an argument is not a string, or when `lang` is not `"en"` or `"fr"`.
#[wasm_bindgen(js_name = validateRegistrationNumber, unchecked_return_type = "RegistrationCheck")]
pub fn validate_registration_number(
    #[wasm_bindgen(unchecked_param_type = "string")] country: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] number: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CallOptions | Lang")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let Options { lang, .. } = options::read(&[&options], &[Opt::Lang])?;
    let (country, number) = match (string(&country, "country"), string(&number, "number")) {
        (Ok(country), Ok(number)) => (country, number),
        (country, number) => {
            return Err(input_error(
                country.err().into_iter().chain(number.err()).collect(),
                lang,
            ));
        }
    };
    let answer =
        registration::validate_json(&country, &number, lang).map_err(|e| input_error(e.errors, lang))?;
    to_js(&answer)
}

/// What the library knows of a country's registration (`docs/registration/README.md`): `{country, supported,
/// statuses: [{local_name, gloss}], procedure, schemes: [{scheme, name, title, proves, example}]}`;
/// for a country without rules, `supported` is false and the lists are empty.
///
/// ```js
/// registrationSchemes("FR").schemes[0].scheme; // "fr_siret"
/// registrationSchemes("JP").supported;     // false
/// ```
///
/// # Errors
/// Throws `code` `"invalid_input"` when `country` is not an ISO 3166-1 alpha-2 code or not a
/// string, or when `lang` is not `"en"` or `"fr"`.
#[wasm_bindgen(js_name = registrationSchemes, unchecked_return_type = "CountryRegistration")]
pub fn registration_schemes(
    #[wasm_bindgen(unchecked_param_type = "string")] country: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CallOptions | Lang")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let Options { lang, .. } = options::read(&[&options], &[Opt::Lang])?;
    let country = string(&country, "country").map_err(|e| input_error(vec![e], lang))?;
    let answer = registration::rules_json(&country, lang).map_err(|e| input_error(e.errors, lang))?;
    to_js(&answer)
}

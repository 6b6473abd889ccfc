//! E-signature webhooks (`docs/esign.md`; CON-2, CON-3), for the server that receives them:
//! `mentor_core::esign::receive` on one delivery. Node build only (the `webhooks` feature).

use mentor_core::error::{Detail, ErrorCode, FieldError};
use mentor_core::esign::{self, Delivery, Provider, Secret, SignatureEvent, Verification, WebhookError};
use mentor_core::{Lang, Text};
use serde_json::json;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::convert::{instant, string, to_js};
use crate::errors::{input_error, signature_error};
use crate::options::{self, Opt, Options};

const A_STRING: Text = Text::new("a string", "une chaîne");
const A_PAIR: Text = Text::new(
    "a [name, value] pair of strings",
    "une paire [nom, valeur] de chaînes",
);
const HEADER_VALUE: Text = Text::new(
    "a string or an array of strings",
    "une chaîne ou un tableau de chaînes",
);
const HEADERS: Text = Text::new(
    "an object of headers, or an iterable of [name, value] pairs",
    "un objet d'en-têtes, ou un itérable de paires [nom, valeur]",
);
const BODY: Text = Text::new(
    "a Uint8Array, an ArrayBuffer or a string",
    "un Uint8Array, un ArrayBuffer ou une chaîne",
);

/// Verifies one e-signature webhook delivery with the provider's documented scheme, on the raw
/// body bytes and before parsing them, in constant time, then reads its normalised events
/// (`docs/esign.md`): `{provider, verified, events}`, what `mentor webhook --json` prints. `verified`
/// is false for Concord only (no documented signature: its events are `hint`s to confirm).
///
/// `headers` is Node's `req.headers`, a fetch `Headers`, or `[name, value]` pairs (names in any
/// case); `body` the raw bytes as received (a `Buffer`/`Uint8Array`, an `ArrayBuffer`, or a
/// string, read as UTF-8): a body parsed and serialised again does not verify. `now` (an RFC
/// 3339 string or a `Date`; default: the current time) is checked against DocuSeal's signed
/// timestamp (±5 minutes).
///
/// ```js
/// const { events } = verifyWebhook("yousign", process.env.YOUSIGN_SECRET, req.headers, rawBody);
/// events[0].kind;       // "signed"
/// events[0].dedupe_key; // "yousign:e-1": store it, a repeat is a no-op
/// ```
///
/// # Errors
/// Throws `name` `SignatureError` with `code` `empty_secret`, `missing_header`,
/// `malformed_header`, `missing_signature`, `bad_signature` or `stale_timestamp` (and
/// `provider`) when the delivery is not authentic: nothing of it is to be trusted. Throws
/// `code` `"invalid_input"` when the body is not the provider's documented payload (the field
/// errors carry the payload's paths, `data.envelopeId`, never its values; `provider`, and
/// `verified` says whether the signature held), or when an argument is of the wrong type
/// (paths `provider`, `secret`, `headers`, `body`, `now`, `lang`).
#[wasm_bindgen(js_name = verifyWebhook, unchecked_return_type = "WebhookDelivery")]
pub fn verify_webhook(
    #[wasm_bindgen(unchecked_param_type = "SignatureProvider")] provider: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | null | undefined")] secret: JsValue,
    #[wasm_bindgen(unchecked_param_type = "WebhookHeaders")] headers: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer | string")] body: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CallOptions | string | Date")] options: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: JsValue,
) -> Result<JsValue, JsValue> {
    let Options { lang, now, .. } = options::read(&[&options, &lang], &[Opt::Now, Opt::Lang])?;
    let now = instant(&now, lang)?;
    let mut errors = Vec::new();
    let provider = provider_of(&provider).map_err(|e| errors.push(e)).ok();
    let secret = secret_of(&secret).map_err(|e| errors.push(e)).ok();
    let headers = headers_of(&headers).map_err(|e| errors.extend(e)).ok();
    let body = body_of(&body).map_err(|e| errors.push(e)).ok();
    let (Some(provider), Some(secret), Some(headers), Some(body)) = (provider, secret, headers, body) else {
        return Err(input_error(errors, lang));
    };
    let pairs: Vec<(&str, &str)> = headers
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str()))
        .collect();
    let delivery = Delivery {
        headers: &pairs,
        body: &body,
    };
    let refused = |e: WebhookError, verified: bool| match e {
        WebhookError::Rejected(why) => signature_error(provider.name(), why.code(), &why.message(Lang::En)),
        WebhookError::Malformed(e) => malformed(e.errors, provider, verified, lang),
        // A kind of refusal this crate does not know yet: its code, as a signature error.
        other => signature_error(provider.name(), other.code(), &other.message(Lang::En)),
    };
    let checked = esign::verify(provider, &delivery, &secret, now).map_err(|e| refused(e, false))?;
    let verified = checked.verification() == Verification::Verified;
    let events = checked
        .events()
        .map_err(|e| refused(WebhookError::Malformed(e), verified))?;
    let events: Vec<_> = events.iter().map(SignatureEvent::to_json).collect();
    to_js(&json!({"provider": provider.name(), "verified": verified, "events": events}))
}

/// The error thrown for a body that is not the provider's payload: `invalid_input` with the
/// payload's field errors, plus `provider` and `verified` (whether its signature held, as
/// `mentor webhook --json` says it).
fn malformed(errors: Vec<FieldError>, provider: Provider, verified: bool, lang: Lang) -> JsValue {
    let error = input_error(errors, lang);
    // Setting a property of a fresh, extensible `Error` cannot fail.
    let _ = js_sys::Reflect::set(
        &error,
        &JsValue::from_str("provider"),
        &JsValue::from_str(provider.name()),
    );
    let _ = js_sys::Reflect::set(
        &error,
        &JsValue::from_str("verified"),
        &JsValue::from_bool(verified),
    );
    error
}

fn provider_of(value: &JsValue) -> Result<Provider, FieldError> {
    let name = string(value, "provider")?;
    Provider::from_name(&name).ok_or_else(|| {
        let names = Provider::ALL.iter().map(|(name, _)| *name).collect();
        FieldError::with("provider", ErrorCode::InvalidEnum, Detail::Allowed(names))
    })
}

/// The secret: `undefined` or `null` is none (enough for Concord; the others refuse it with
/// `empty_secret`).
fn secret_of(value: &JsValue) -> Result<Secret, FieldError> {
    if value.is_undefined() || value.is_null() {
        return Ok(Secret::new(String::new()));
    }
    // Never quoted in an error: only its type is reported.
    value
        .as_string()
        .map(Secret::new)
        .ok_or_else(|| FieldError::with("secret", ErrorCode::InvalidType, Detail::Expected(A_STRING)))
}

/// The headers, in order: an object (`req.headers`: a value may be an array of values, or
/// `undefined`), or an iterable of `[name, value]` pairs (a fetch `Headers`, a `Map`, an array).
fn headers_of(value: &JsValue) -> Result<Vec<(String, String)>, Vec<FieldError>> {
    if value.is_undefined() || value.is_null() {
        return Ok(Vec::new());
    }
    let not_headers = || {
        vec![FieldError::with(
            "headers",
            ErrorCode::InvalidType,
            Detail::Expected(HEADERS),
        )]
    };
    if !value.is_object() || value.is_function() {
        return Err(not_headers());
    }
    let mut headers = Vec::new();
    let mut errors = Vec::new();
    if let Ok(Some(pairs)) = js_sys::try_iter(value) {
        for (i, pair) in pairs.enumerate() {
            let pair = pair.map_err(|_| not_headers())?;
            let items = js_sys::Array::is_array(&pair).then(|| js_sys::Array::from(&pair));
            match items
                .as_ref()
                .map(|p| (p.length(), p.get(0).as_string(), p.get(1).as_string()))
            {
                Some((2, Some(name), Some(value))) => headers.push((name, value)),
                _ => errors.push(FieldError::with(
                    format!("headers[{i}]"),
                    ErrorCode::InvalidType,
                    Detail::Expected(A_PAIR),
                )),
            }
        }
    } else {
        for entry in js_sys::Object::entries(&js_sys::Object::from(value.clone())).iter() {
            let entry = js_sys::Array::from(&entry);
            let (name, value) = (entry.get(0).as_string().unwrap_or_default(), entry.get(1));
            if let Some(text) = value.as_string() {
                headers.push((name, text));
            } else if js_sys::Array::is_array(&value)
                && js_sys::Array::from(&value).every(&mut |v, _, _| v.is_string())
            {
                headers.extend(
                    js_sys::Array::from(&value)
                        .iter()
                        .filter_map(|v| v.as_string())
                        .map(|v| (name.clone(), v)),
                );
            } else if !value.is_undefined() {
                errors.push(FieldError::with(
                    format!("headers.{name}"),
                    ErrorCode::InvalidType,
                    Detail::Expected(HEADER_VALUE),
                ));
            }
        }
    }
    if errors.is_empty() {
        Ok(headers)
    } else {
        Err(errors)
    }
}

/// The raw body bytes: a `Uint8Array` (a Node `Buffer` is one), an `ArrayBuffer`, or a string
/// (its UTF-8 bytes).
fn body_of(value: &JsValue) -> Result<Vec<u8>, FieldError> {
    if let Some(text) = value.as_string() {
        return Ok(text.into_bytes());
    }
    if value.is_instance_of::<js_sys::Uint8Array>() {
        return Ok(js_sys::Uint8Array::from(value.clone()).to_vec());
    }
    if value.is_instance_of::<js_sys::ArrayBuffer>() {
        return Ok(js_sys::Uint8Array::new(value).to_vec());
    }
    Err(if value.is_undefined() || value.is_null() {
        FieldError::new("body", ErrorCode::Required)
    } else {
        FieldError::with("body", ErrorCode::InvalidType, Detail::Expected(BODY))
    })
}

//! JS values to and from the wire format, and the arguments several calls share (`lang`,
//! strings).
//!
//! Objects cross as JSON text: `JSON.stringify` and `JSON.parse` run inside the JS engine, in
//! one call each, where walking an object key by key costs one boundary crossing per value
//! (measured in `bench/bench.mjs`).

use chrono::{DateTime, Utc};
use mentor_core::error::{Detail, ErrorCode, FieldError};
use mentor_core::{Lang, Text};
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};

use crate::errors::{input_error, internal_error};

const A_STRING: Text = Text::new("a string", "une chaîne");

/// Reads a JS value as a wire value. `undefined`, functions and symbols read as `null` (what
/// the core reports as a value of the wrong type).
///
/// # Errors
/// The field error at the value's root: `invalid_json` for a value JSON cannot hold (a cycle,
/// a `BigInt`), saying why without its content; `too_deep` for nesting deeper than the core
/// reads.
pub(crate) fn from_js(value: &JsValue) -> Result<Value, FieldError> {
    match json_text(value) {
        Ok(Some(text)) => from_text(&text),
        Ok(None) => Ok(Value::Null),
        Err(why) => Err(FieldError::with("", ErrorCode::InvalidJson, Detail::Parser(why))),
    }
}

/// The JSON text of a JS value (`JSON.stringify`, run by the engine); `None` for `undefined`,
/// `null`, functions and symbols, which read as `null`.
///
/// # Errors
/// As [`from_js`].
pub(crate) fn json_text(value: &JsValue) -> Result<Option<String>, String> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    let text = js_sys::JSON::stringify(value).map_err(|e| {
        let why = js_sys::Error::from(e).message().as_string().unwrap_or_default();
        // The engine's first line only: the next ones quote the input's structure.
        let first_line = why.lines().next().unwrap_or_default();
        format!("not representable as JSON: {}", first_line.chars().take(120).collect::<String>())
    })?;
    Ok(text.as_string())
}

/// [`json_text`], or the `invalid_json` error at the root; `null` stands for what reads as
/// `null`.
pub(crate) fn json_text_or_throw(value: &JsValue, lang: Lang) -> Result<String, JsValue> {
    match json_text(value) {
        Ok(text) => Ok(text.unwrap_or_else(|| "null".to_owned())),
        Err(why) => Err(input_error(vec![FieldError::with("", ErrorCode::InvalidJson, Detail::Parser(why))], lang)),
    }
}

/// Reads JSON text as a wire value.
///
/// # Errors
/// The `invalid_json` field error, at the root.
pub(crate) fn from_text(text: &str) -> Result<Value, FieldError> {
    mentor_core::wire::parse_value(text)
}


/// Reads an argument named `path` as a wire value; its reading error (`invalid_json`…) under
/// `path`.
#[cfg(feature = "billing")]
pub(crate) fn from_js_at(value: &JsValue, path: &str) -> Result<Value, FieldError> {
    from_js(value).map_err(|e| e.under(path))
}

/// Reads an argument named `path` that should be an array element by element, so that a value
/// JSON cannot hold is `invalid_json` at its own index (`sessions[3]`); anything else as
/// [`from_js_at`] does (the core reports the wrong type).
#[cfg(feature = "billing")]
pub(crate) fn array_at(value: &JsValue, path: &str) -> Result<Value, Vec<FieldError>> {
    if !js_sys::Array::is_array(value) {
        return from_js_at(value, path).map_err(|e| vec![e]);
    }
    let mut items = Vec::new();
    let mut errors = Vec::new();
    for (i, item) in js_sys::Array::from(value).iter().enumerate() {
        match from_js_at(&item, &format!("{path}[{i}]")) {
            Ok(v) => items.push(v),
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() { Ok(Value::Array(items)) } else { Err(errors) }
}


/// The JS value of a wire value (a plain object, array, string, number, boolean or null).
///
/// # Errors
/// An internal error, which cannot happen for a `serde_json::Value`.
pub(crate) fn to_js(value: &Value) -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(&to_text(value)?)
}

/// The JSON text of a wire value.
///
/// # Errors
/// An internal error, which cannot happen for a `serde_json::Value` (its keys are strings).
pub(crate) fn to_text(value: &Value) -> Result<String, JsValue> {
    serde_json::to_string(value).map_err(|e| internal_error(&e.to_string()))
}

/// The language argument: `undefined` or `null` is English; otherwise `"en"` or `"fr"`, any
/// ASCII case.
///
/// # Errors
/// `invalid_input` at path `lang`: `invalid_enum` or `invalid_type`.
pub(crate) fn lang(value: &JsValue) -> Result<Lang, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Lang::En);
    }
    let error = match value.as_string() {
        Some(code) => match code.parse::<Lang>() {
            Ok(lang) => return Ok(lang),
            Err(_) => FieldError::with("lang", ErrorCode::InvalidEnum, Detail::Allowed(vec!["en", "fr"])),
        },
        None => FieldError::with("lang", ErrorCode::InvalidType, Detail::Expected(A_STRING)),
    };
    Err(input_error(vec![error], Lang::En))
}

/// A string argument named `name`: `required` when absent, `invalid_type` when not a string.
pub(crate) fn string(value: &JsValue, name: &str) -> Result<String, FieldError> {
    if let Some(text) = value.as_string() {
        return Ok(text);
    }
    Err(if value.is_undefined() || value.is_null() {
        FieldError::new(name, ErrorCode::Required)
    } else {
        FieldError::with(name, ErrorCode::InvalidType, Detail::Expected(A_STRING))
    })
}

/// A text argument named `name` (the `…Json` calls' JSON text): `required` when absent,
/// `invalid_type` for anything but a string, thrown as `invalid_input`. wasm-bindgen's glue for a
/// `&str` parameter copies whatever it is given into the module's memory without checking it is
/// a string, so these calls take a `JsValue` and check it here.
pub(crate) fn text_arg(value: &JsValue, name: &str, lang: Lang) -> Result<String, JsValue> {
    string(value, name).map_err(|e| input_error(vec![e], lang))
}

/// The `now` argument: an RFC 3339 string or a `Date`; absent is the current time (the core
/// reads no clock; the binding does).
///
/// # Errors
/// `invalid_input` at path `now`: `invalid_datetime` or `invalid_type`.
pub(crate) fn instant(now: &JsValue, lang: Lang) -> Result<DateTime<Utc>, JsValue> {
    let bad = |code| input_error(vec![FieldError::new("now", code)], lang);
    if now.is_undefined() || now.is_null() {
        return millis(js_sys::Date::now()).ok_or_else(|| bad(ErrorCode::InvalidDatetime));
    }
    if let Some(text) = now.as_string() {
        return DateTime::parse_from_rfc3339(text.trim()).map(|d| d.with_timezone(&Utc)).map_err(|_| bad(ErrorCode::InvalidDatetime));
    }
    if now.is_instance_of::<js_sys::Date>() {
        return millis(js_sys::Date::from(now.clone()).get_time()).ok_or_else(|| bad(ErrorCode::InvalidDatetime));
    }
    const A_DATE: Text = Text::new("an RFC 3339 string or a Date", "une chaîne RFC 3339 ou une Date");
    Err(input_error(vec![FieldError::with("now", ErrorCode::InvalidType, Detail::Expected(A_DATE))], lang))
}

/// A JS time value (milliseconds since the epoch; NaN for an invalid `Date`).
fn millis(ms: f64) -> Option<DateTime<Utc>> {
    // A finite JS time value is a whole number within ±8.64e15: exact in i64.
    if ms.is_finite() { DateTime::from_timestamp_millis(ms as i64) } else { None }
}

//! JS values to and from the wire format, and the arguments several calls share (`lang`,
//! strings).
//!
//! Objects cross as JSON text: `JSON.stringify` and `JSON.parse` run inside the JS engine, in
//! one call each, where walking an object key by key costs one boundary crossing per value
//! (measured in `bench/bench.mjs`).

#[cfg(feature = "now")]
use chrono::{DateTime, Utc};
use mentor_core::error::{Detail, ErrorCode, FieldError};
use mentor_core::{Lang, Text};
use serde_json::Value;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use crate::errors::{input_error, internal_error};

const A_STRING: Text = Text::new("a string", "une chaîne");

/// Finds, in JS, the first value of an object that `JSON.stringify` would drop or change
/// without a word (issue 16): a number that is not finite (`NaN` becomes `null`), a function
/// or a symbol (the key vanishes), an invalid `Date` (`null`), a string with a lone surrogate
/// (escaped, then not JSON text), a `BigInt` (a throw without a path). Walked in JS, where it
/// costs no boundary crossing per value; cycles are left to `JSON.stringify`.
#[wasm_bindgen(inline_js = r#"
const wellFormed = String.prototype.isWellFormed ? (s) => s.isWellFormed() : (s) => !/\p{Surrogate}/u.test(s);
function walk(v, path, ancestors) {
  switch (typeof v) {
    case "number": return Number.isFinite(v) ? null : [path, "number"];
    case "string": return wellFormed(v) ? null : [path, "surrogate"];
    case "function": return [path, "function"];
    case "symbol": return [path, "symbol"];
    case "bigint": return [path, "bigint"];
    case "object": {
      if (v === null || ancestors.has(v) || ancestors.size > 200) return null;
      if (v instanceof Date) return Number.isNaN(v.getTime()) ? [path, "date"] : null;
      if (typeof v.toJSON === "function") return null;
      ancestors.add(v);
      let found = null;
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length && found === null; i++) found = walk(v[i], `${path}[${i}]`, ancestors);
      } else {
        for (const k of Object.keys(v)) {
          const at = path === "" ? k : `${path}.${k}`;
          found = wellFormed(k) ? walk(v[k], at, ancestors) : [at, "surrogate"];
          if (found !== null) break;
        }
      }
      ancestors.delete(v);
      return found;
    }
    default: return null;
  }
}
export function unrepresentable(value) {
  return typeof value === "object" && value !== null ? walk(value, "", new Set()) : walk(value, "", null);
}
"#)]
extern "C" {
    /// `[path, kind]` of the first value JSON would silently lose, or `null`.
    fn unrepresentable(value: &JsValue) -> JsValue;
}

const A_FINITE_NUMBER: Text = Text::new(
    "a value JSON can hold (not NaN or Infinity)",
    "une valeur que JSON peut contenir (ni NaN ni Infinity)",
);
const A_JSON_VALUE: Text = Text::new(
    "a JSON value (a string, number, boolean, null, array or object)",
    "une valeur JSON (chaîne, nombre, booléen, null, tableau ou objet)",
);
const NOT_A_BIGINT: Text = Text::new(
    "a number (JSON has no BigInt)",
    "un nombre (JSON n'a pas de BigInt)",
);

/// The field error of a value JSON would silently lose, at its path.
fn lost_value(value: &JsValue) -> Option<FieldError> {
    let found = unrepresentable(value);
    let found = found.dyn_ref::<js_sys::Array>()?;
    let path = found.get(0).as_string().unwrap_or_default();
    Some(match found.get(1).as_string().as_deref() {
        Some("number") => FieldError::with(path, ErrorCode::InvalidType, Detail::Expected(A_FINITE_NUMBER)),
        Some("bigint") => FieldError::with(path, ErrorCode::InvalidType, Detail::Expected(NOT_A_BIGINT)),
        Some("date") => FieldError::new(path, ErrorCode::InvalidDatetime),
        Some("surrogate") => FieldError::new(path, ErrorCode::InvalidCharacters),
        _ => FieldError::with(path, ErrorCode::InvalidType, Detail::Expected(A_JSON_VALUE)),
    })
}

/// Reads a JS value as a wire value. `undefined` reads as `null` (what the core reports as a
/// value of the wrong type).
///
/// # Errors
/// The field error of the first value JSON cannot hold, at its path: `invalid_type` for
/// `NaN`, `Infinity`, a function, a symbol or a `BigInt`, `invalid_datetime` for an invalid
/// `Date`, `invalid_characters` for a lone surrogate; `invalid_json` at the root for a cycle
/// (saying why without the content); `too_deep` for nesting deeper than the core reads.
pub(crate) fn from_js(value: &JsValue) -> Result<Value, FieldError> {
    match json_text(value)? {
        Some(text) => from_text(&text),
        None => Ok(Value::Null),
    }
}

/// The JSON text of a JS value (`JSON.stringify`, run by the engine); `None` for `undefined`
/// and `null`, which read as `null`.
///
/// # Errors
/// As [`from_js`].
pub(crate) fn json_text(value: &JsValue) -> Result<Option<String>, FieldError> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    if let Some(lost) = lost_value(value) {
        return Err(lost);
    }
    let text = js_sys::JSON::stringify(value).map_err(|e| {
        let why = js_sys::Error::from(e).message().as_string().unwrap_or_default();
        // The engine's first line only: the next ones quote the input's structure.
        let first_line = why.lines().next().unwrap_or_default();
        let why = format!(
            "not representable as JSON: {}",
            first_line.chars().take(120).collect::<String>()
        );
        FieldError::with("", ErrorCode::InvalidJson, Detail::Parser(why))
    })?;
    Ok(text.as_string())
}

/// [`json_text`], or its error thrown; `null` stands for what reads as `null`.
pub(crate) fn json_text_or_throw(value: &JsValue, lang: Lang) -> Result<String, JsValue> {
    match json_text(value) {
        Ok(text) => Ok(text.unwrap_or_else(|| "null".to_owned())),
        Err(error) => Err(input_error(vec![error], lang)),
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
    if errors.is_empty() {
        Ok(Value::Array(items))
    } else {
        Err(errors)
    }
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
#[cfg(feature = "now")]
pub(crate) fn instant(now: &JsValue, lang: Lang) -> Result<DateTime<Utc>, JsValue> {
    instant_at(now, "now", lang)
}

/// An instant argument named `key` (`now`, `at`), read as [`instant`] reads `now`; the
/// error's path is `key`.
///
/// # Errors
/// `invalid_input` at path `key`: `invalid_datetime` or `invalid_type`.
#[cfg(feature = "now")]
pub(crate) fn instant_at(now: &JsValue, key: &str, lang: Lang) -> Result<DateTime<Utc>, JsValue> {
    let bad = |code| input_error(vec![FieldError::new(key, code)], lang);
    if now.is_undefined() || now.is_null() {
        return millis(js_sys::Date::now()).ok_or_else(|| bad(ErrorCode::InvalidDatetime));
    }
    if let Some(text) = now.as_string() {
        return DateTime::parse_from_rfc3339(text.trim())
            .map(|d| d.with_timezone(&Utc))
            .map_err(|_| bad(ErrorCode::InvalidDatetime));
    }
    if now.is_instance_of::<js_sys::Date>() {
        return millis(js_sys::Date::from(now.clone()).get_time())
            .ok_or_else(|| bad(ErrorCode::InvalidDatetime));
    }
    const A_DATE: Text = Text::new("an RFC 3339 string or a Date", "une chaîne RFC 3339 ou une Date");
    Err(input_error(
        vec![FieldError::with(
            key,
            ErrorCode::InvalidType,
            Detail::Expected(A_DATE),
        )],
        lang,
    ))
}

/// A JS time value (milliseconds since the epoch; NaN for an invalid `Date`).
#[cfg(feature = "now")]
fn millis(ms: f64) -> Option<DateTime<Utc>> {
    // A finite JS time value is a whole number within ±8.64e15: exact in i64.
    if ms.is_finite() {
        DateTime::from_timestamp_millis(ms as i64)
    } else {
        None
    }
}

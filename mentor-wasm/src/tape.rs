//! The internal text calls of the package's entry (`js/wrapper.js`), for speed: the batch
//! decision with the situations as one JSON text per line and the answers as one JSON array,
//! and the single decision answered in ASCII. Node build only (cargo feature `batches`, like
//! `evaluateEligibilityMany`): the browser build keeps to its size budget, and its entry
//! calls `evaluateEligibilityJson`.
//!
//! Why a batch text: `evaluateEligibilityMany` given an array reads each situation with two
//! engine calls made from inside the module (a check of the value, then `JSON.stringify`) and
//! copies each text in; the wrapper runs `JSON.stringify` in JS, where V8 is faster, and joins
//! the texts, so one string crosses in and one comes out (measured in `bench/bench.mjs`). A
//! text of `JSON.stringify` holds no raw line break (it escapes those in strings), so a line
//! is one situation, exactly the text the array call would have read.
//!
//! Why ASCII: a string leaves the module as UTF-8 that the engine decodes, and V8 decodes text
//! past ASCII about 15 times slower per byte (Node 20: 2.2 µs for a French decision of 1 KB,
//! 0.15 µs once escaped); `JSON.parse` reads the `\u` escapes back to the same characters.

use std::fmt::Write as _;

use mentor_core::Localized;
use mentor_core::eligibility::{Answer, WorkingSituation};
use wasm_bindgen::prelude::*;

use crate::convert;
use crate::options::{self, Opt, Options};
use crate::policy;

/// Decides the working situations of `tape`, one JSON text per line (`\n`), in order: the JSON
/// text of an array with one item per line, each `evaluateEligibility`'s decision or `{errors}`
/// for a line that does not parse, as `evaluateEligibilityMany` answers (the same items for the
/// same texts), in ASCII ([`ascii_into`]). Internal: the package's entry calls it for
/// `evaluateEligibilityMany`; it is not declared in the TypeScript types and may change
/// without notice.
///
/// ```js
/// const glue = require("./mentor-wasm/pkg/node/mentor_wasm.js"); // the glue, under the entry
/// JSON.parse(glue.__evaluateEligibilityTape('{"country":"FR","status":"student"}\n{"country":"FR"}', { lang: "fr" }))[1].errors[0].path; // "status"
/// ```
///
/// # Errors
/// Throws `code` `"invalid_input"` for a bad option, as `evaluateEligibilityMany` does (the
/// same options, read the same way), and `invalid_type` at `situations` when `tape` is not a
/// string (absent: `required`).
#[wasm_bindgen(js_name = __evaluateEligibilityTape, skip_typescript)]
pub fn evaluate_eligibility_tape(tape: JsValue, options: JsValue, lang: JsValue) -> Result<String, JsValue> {
    let Options { policy, lang, .. } = options::read(&[&options, &lang], &[Opt::Policy, Opt::Lang])?;
    let tape = convert::text_arg(&tape, "situations", lang)?;
    let policy = policy::resolve(&policy, lang)?;
    let mut answers = String::with_capacity(tape.len().saturating_mul(8).saturating_add(2));
    answers.push('[');
    for (i, situation) in tape.split('\n').enumerate() {
        if i > 0 {
            answers.push(',');
        }
        let answer = Answer::of(WorkingSituation::from_json_str(situation), &policy);
        ascii_into(&mut answers, &answer.to_json_text(lang));
    }
    answers.push(']');
    Ok(answers)
}

/// `evaluateEligibilityJson` ([`crate::evaluate_eligibility_json`]) with its answer in ASCII
/// ([`ascii_into`]): the same JSON value, the same errors. Internal: the package's entry calls
/// it for `evaluateEligibility` on a plain object; not declared in the TypeScript types.
///
/// ```js
/// const glue = require("./mentor-wasm/pkg/node/mentor_wasm.js"); // the glue, under the entry
/// glue.__evaluateEligibilityAscii('{"country":"FR","status":"student"}', { lang: "fr" }).includes("\\u00e9"); // true
/// ```
///
/// # Errors
/// As `evaluateEligibilityJson`.
#[wasm_bindgen(js_name = __evaluateEligibilityAscii, skip_typescript)]
pub fn evaluate_eligibility_ascii(
    situation: JsValue,
    options: JsValue,
    lang: JsValue,
) -> Result<String, JsValue> {
    let answer = crate::evaluate_eligibility_json(situation, options, lang)?;
    if answer.is_ascii() {
        return Ok(answer);
    }
    let mut out = String::with_capacity(answer.len().saturating_add(answer.len() / 2));
    ascii_into(&mut out, &answer);
    Ok(out)
}

/// Appends JSON text to `out` with each character past ASCII written as a `\uXXXX` escape
/// (UTF-16 units: two for a character past U+FFFF), which JSON allows for any character of a
/// string, and a JSON text holds such characters in strings only: the same JSON value.
fn ascii_into(out: &mut String, json: &str) {
    if json.is_ascii() {
        out.push_str(json);
        return;
    }
    let mut units = [0_u16; 2];
    for c in json.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            for unit in c.encode_utf16(&mut units).iter() {
                // Writing to a `String` cannot fail.
                let _ = write!(out, "\\u{unit:04x}");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic,
        reason = "tests"
    )]

    use super::ascii_into;

    #[test]
    fn text_past_ascii_is_escaped_to_the_same_json_value() {
        let json = r#"{"message":"créez votre entreprise","emoji":"😀","quote":"\"é\"","plain":"abc"}"#;
        let mut out = String::from("[");
        ascii_into(&mut out, json);
        // By hand: é is U+00E9; 😀 is U+1F600, the UTF-16 pair D83D DE00.
        assert_eq!(
            out,
            r#"[{"message":"cr\u00e9ez votre entreprise","emoji":"\ud83d\ude00","quote":"\"\u00e9\"","plain":"abc"}"#
        );
        assert!(out.is_ascii());
        let back: serde_json::Value = serde_json::from_str(&out[1..]).unwrap();
        assert_eq!(back, serde_json::from_str::<serde_json::Value>(json).unwrap());
    }

    #[test]
    fn ascii_text_is_appended_as_it_is() {
        let mut out = String::from("x");
        ascii_into(&mut out, r#"{"a":"b\u00e9"}"#);
        assert_eq!(out, r#"x{"a":"b\u00e9"}"#);
    }
}

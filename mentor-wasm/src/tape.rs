//! The batch decision's text entry (`docs/wire-format.md#decision`), for the package's entry
//! (`js/wrapper.js`): the situations as one JSON text per line, the answers as one JSON array.
//! Node build only (cargo feature `batches`), like `evaluateEligibilityMany`.
//!
//! Why a text: `evaluateEligibilityMany` given an array reads each situation with two engine
//! calls made from inside the module (a check of the value, then `JSON.stringify`) and copies
//! each text in; the wrapper runs `JSON.stringify` in JS, where V8 is faster, and joins the
//! texts, so one string crosses in and one comes out (measured in `bench/bench.mjs`). A text
//! of `JSON.stringify` holds no raw line break (it escapes those in strings), so a line is one
//! situation, exactly the text the array call would have read.

use mentor_core::Localized;
use mentor_core::eligibility::{Answer, WorkingSituation};
use wasm_bindgen::prelude::*;

use crate::convert;
use crate::options::{self, Opt, Options};
use crate::policy;

/// Decides the working situations of `tape`, one JSON text per line (`\n`), in order: the JSON
/// text of an array with one item per line, each `evaluateEligibility`'s decision or `{errors}`
/// for a line that does not parse, as `evaluateEligibilityMany` answers (the same items for the
/// same texts). Internal: the package's entry calls it for `evaluateEligibilityMany`; it is
/// not declared in the TypeScript types and may change without notice.
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
        answers.push_str(&answer.to_json_text(lang));
    }
    answers.push(']');
    Ok(answers)
}

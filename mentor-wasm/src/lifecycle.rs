//! The lifecycles (`docs/lifecycles.md`): replay an event log, draw a state diagram.

use mentor_core::contract::Contract;
use mentor_core::error::{Detail, ErrorCode, FieldError};
use mentor_core::lifecycle::{self, Aggregate, BadRecord, Replay};
use mentor_core::recruitment::Application;
use mentor_core::triage::Record;
use mentor_core::{Lang, Localized, Text};
use wasm_bindgen::prelude::*;

use crate::convert::{from_js, string, to_js};
use crate::errors::input_error;
use crate::options::{self, Opt, Options};

/// Replays an application's event log (`docs/lifecycles.md`): `{aggregate, state, history, allowed_events,
/// data, refused}`. A transition the lifecycle does not allow is not an exception: the replay
/// stops there and `refused` says which event, from which state, and why.
///
/// ```js
/// const r = replayApplication([
///   { type: "submitted", at: "2026-11-12T09:30:00Z", actor: "candidate", offer_id: "mentor-web-2026" },
///   { type: "review_started", at: "2026-11-13T08:00:00Z", actor: "mentor_manager" },
/// ]);
/// r.state; // "in_review"
/// ```
///
/// # Errors
/// Throws `code` `"invalid_input"` when an event does not parse; each field error's path starts
/// with the event's index (`[1].at`).
#[wasm_bindgen(js_name = replayApplication, unchecked_return_type = "ReplayReport")]
pub fn replay_application(
    #[wasm_bindgen(unchecked_param_type = "LifecycleEvent[]")] events: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CallOptions | Lang")] options: JsValue,
) -> Result<JsValue, JsValue> {
    replay::<Application>(&events, &options)
}

/// Replays a contract's event log (`docs/lifecycles.md`), as [`replay_application`] does.
///
/// # Errors
/// As [`replay_application`].
#[wasm_bindgen(js_name = replayContract, unchecked_return_type = "ReplayReport")]
pub fn replay_contract(
    #[wasm_bindgen(unchecked_param_type = "LifecycleEvent[]")] events: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CallOptions | Lang")] options: JsValue,
) -> Result<JsValue, JsValue> {
    replay::<Contract>(&events, &options)
}

/// The Mermaid `stateDiagram-v2` of a lifecycle, `"application"` or `"contract"`, drawn from
/// the transition table the code uses.
///
/// ```js
/// diagram("application").startsWith("stateDiagram-v2\n"); // true
/// ```
///
/// # Errors
/// Throws `code` `"invalid_input"` (`invalid_enum` at path `name`) for another name.
#[wasm_bindgen(js_name = diagram)]
pub fn diagram(
    #[wasm_bindgen(unchecked_param_type = "\"application\" | \"contract\"")] name: JsValue,
) -> Result<String, JsValue> {
    let name = string(&name, "name").map_err(|e| input_error(vec![e], Lang::En))?;
    match name.as_str() {
        "application" => Ok(lifecycle::mermaid::<Application>()),
        "contract" => Ok(lifecycle::mermaid::<Contract>()),
        _ => Err(input_error(
            vec![FieldError::with(
                "name",
                ErrorCode::InvalidEnum,
                Detail::Allowed(vec!["application", "contract"]),
            )],
            Lang::En,
        )),
    }
}

const AN_ARRAY: Text = Text::new("an array", "un tableau");

fn replay<A: Aggregate>(events: &JsValue, options: &JsValue) -> Result<JsValue, JsValue> {
    let Options { lang, .. } = options::read(&[options], &[Opt::Lang])?;
    if !js_sys::Array::is_array(events) {
        return Err(input_error(
            vec![FieldError::with(
                "",
                ErrorCode::InvalidType,
                Detail::Expected(AN_ARRAY),
            )],
            lang,
        ));
    }
    let records: Vec<Record> = js_sys::Array::from(events)
        .iter()
        .enumerate()
        .map(|(i, event)| match from_js(&event) {
            Ok(value) => Record::Json { line: i + 1, value },
            Err(error) => Record::Unreadable { line: i + 1, error },
        })
        .collect();
    let events = lifecycle::read_log::<A::Change>(&records).map_err(|bad| input_error(in_log(bad), lang))?;
    to_js(&Replay::<A>::run(&events).to_json(lang))
}

/// The errors of the records that are not events, with paths from the log's root (`[3].at`).
fn in_log(bad: Vec<BadRecord>) -> Vec<FieldError> {
    bad.into_iter()
        .flat_map(|record| {
            let index = record.line.saturating_sub(1);
            let prefix = format!("[{index}]");
            record.errors.into_iter().map(move |e| e.under(&prefix))
        })
        .collect()
}

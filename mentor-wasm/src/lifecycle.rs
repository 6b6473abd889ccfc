//! The lifecycles (`docs/lifecycles.md`): replay an event log, draw a state diagram.

use chrono::{DateTime, Utc};
use mentor_core::contract::Contract;
use mentor_core::error::{Detail, ErrorCode, FieldError};
use mentor_core::lifecycle::{self, Aggregate, BadRecord, Event, Rejected, Replay};
use mentor_core::recruitment::Application;
use mentor_core::triage::Record;
use mentor_core::{Lang, Localized, Text};
use wasm_bindgen::prelude::*;

use crate::convert::{from_js, string, to_js};
use crate::errors::{input_error, transition_error};
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

/// An application's event log with its personal data removed and an `erased` event appended
/// (`docs/lifecycles.md#personal-data`, GDPR art. 17), as `mentor erase application` prints
/// it: the interview's time zone becomes `"UTC"`; ids, scores and dates are kept, and the log
/// replays to the same states and allowed events. `at` (an RFC 3339 string or a `Date`;
/// default: now) dates the `erased` event. A log that ends with `erased` comes back unchanged.
///
/// ```js
/// const erased = eraseApplication(events, "2026-12-01T09:00:00Z");
/// erased.at(-1); // { type: "erased", at: "2026-12-01T09:00:00Z", actor: "system", version: 1 }
/// ```
///
/// # Errors
/// Throws `code` `"invalid_input"` when an event does not parse (paths `[1].at`) or `at` is not
/// an instant (path `at`); `name` `TransitionError` (`code` `transition_not_allowed`,
/// `event_before_previous`…, with `index`) when the log does not replay, is empty, or `at` is
/// before its last event.
#[wasm_bindgen(js_name = eraseApplication, unchecked_return_type = "LifecycleEvent[]")]
pub fn erase_application(
    #[wasm_bindgen(unchecked_param_type = "LifecycleEvent[]")] events: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "string | Date")] at: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CallOptions | Lang")] options: JsValue,
) -> Result<JsValue, JsValue> {
    erase::<Application>(&events, &at, &options, mentor_core::recruitment::erase)
}

/// A contract's event log with its personal data removed and an `erased` event appended
/// (`docs/lifecycles.md#personal-data`), as `mentor erase contract` prints it: the contracting
/// party's `registration_number` becomes `null`; ids, terms and dates are kept.
///
/// # Errors
/// As [`erase_application`].
#[wasm_bindgen(js_name = eraseContract, unchecked_return_type = "LifecycleEvent[]")]
pub fn erase_contract(
    #[wasm_bindgen(unchecked_param_type = "LifecycleEvent[]")] events: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "string | Date")] at: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CallOptions | Lang")] options: JsValue,
) -> Result<JsValue, JsValue> {
    erase::<Contract>(&events, &at, &options, mentor_core::contract::erase)
}

/// An erasure of the core: `recruitment::erase` or `contract::erase`.
type Erase<C> = fn(&[Event<C>], DateTime<Utc>) -> Result<Vec<Event<C>>, Rejected>;

fn erase<A: Aggregate>(
    events: &JsValue,
    at: &JsValue,
    options: &JsValue,
    erase: Erase<A::Change>,
) -> Result<JsValue, JsValue> {
    let Options { lang, .. } = options::read(&[options], &[Opt::Lang])?;
    let at = crate::convert::instant_at(at, "at", lang)?;
    let events = read_events::<A>(events, lang)?;
    let erased = erase(&events, at).map_err(|rejected| transition_error(&rejected, lang))?;
    let values: Vec<serde_json::Value> = erased.iter().map(Event::to_json).collect();
    to_js(&serde_json::Value::Array(values))
}

const AN_ARRAY: Text = Text::new("an array", "un tableau");

fn replay<A: Aggregate>(events: &JsValue, options: &JsValue) -> Result<JsValue, JsValue> {
    let Options { lang, .. } = options::read(&[options], &[Opt::Lang])?;
    let events = read_events::<A>(events, lang)?;
    to_js(&Replay::<A>::run(&events).to_json(lang))
}

/// The events of a JS array; throws `invalid_input` for anything else, or with every error of
/// the records that are not events (paths from the log's root, `[3].at`).
fn read_events<A: Aggregate>(events: &JsValue, lang: Lang) -> Result<Vec<Event<A::Change>>, JsValue> {
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
    lifecycle::read_log::<A::Change>(&records).map_err(|bad| input_error(in_log(bad), lang))
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

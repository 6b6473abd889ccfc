//! `mentor-wasm`: the WebAssembly build of [`mentor_core`], for browser forms and Node.
//!
//! The crate converts and forwards, nothing else (`docs/architecture.md`): a JS value in, the core's typed
//! call, a JS value out, in the wire format (`docs/wire-format.md`; keys stay `snake_case`). Every rule
//! lives in `mentor-core`.
//!
//! - Validators (`validateApplication`, `triage`) and the batch call `evaluateEligibilityMany`
//!   return problems as data.
//! - Decision and lookup calls (`evaluateEligibility`, `validateRegistrationNumber`,
//!   `registrationSchemes`, `replayApplication`, `replayContract`, `diagram`,
//!   `billingStatement`, `checkInvoice`, `verifyWebhook`) throw, on input that does not parse,
//!   an `Error` whose `code` is `"invalid_input"` and whose `errors` holds the field errors
//!   (`docs/wire-format.md#field-errors`). A policy that does not load throws `code` `"invalid_policy"`; a
//!   webhook delivery that is not authentic, `name` `SignatureError` with the core's code.
//! - A [`Policy`] is parsed once and passed to the calls that need one.
//!
//! JS values cross the boundary as JSON text (`JSON.stringify` / `JSON.parse`, run by the
//! engine): measured faster and smaller than `serde-wasm-bindgen` (README, "Size"). The
//! validators and the decision also have a `…Json` variant, JSON text in and out. The packages'
//! entry, `js/wrapper.js` in front of this crate's glue, calls those from JS for plain objects
//! (README, "The package's entry"), and `__evaluateEligibilityTape` for a batch.
//!
//! Two builds (`build.sh`): the browser's, tuned for size, without the `batches`, `triage`, `toml`,
//! `lifecycles`, `billing` and `webhooks` features; Node's, tuned for speed, with every feature.
//!
//! ```js
//! import { evaluateEligibility } from "mentor-wasm";
//! const d = evaluateEligibility({ country: "FR", status: "student" }, undefined, "fr");
//! d.required_actions[0].code; // "register_as_self_employed"
//! ```

mod application;
#[cfg(feature = "billing")]
mod billing;
mod convert;
mod eligibility;
mod errors;
#[cfg(feature = "lifecycles")]
mod lifecycle;
mod options;
mod policy;
mod registration;
#[cfg(feature = "batches")]
mod tape;
#[cfg(feature = "triage")]
mod triage;
mod types;
#[cfg(feature = "webhooks")]
mod webhook;

pub use application::{validate_application, validate_application_json};
#[cfg(feature = "billing")]
pub use billing::{billing_statement, check_invoice};
#[cfg(feature = "batches")]
pub use eligibility::evaluate_eligibility_many;
pub use eligibility::{evaluate_eligibility, evaluate_eligibility_json};
pub use errors::error_codes;
#[cfg(feature = "lifecycles")]
pub use lifecycle::{diagram, replay_application, replay_contract};
#[cfg(feature = "lifecycles")]
pub use lifecycle::{erase_application, erase_contract};
pub use policy::Policy;
pub use registration::{registration_schemes, validate_registration_number};
#[cfg(feature = "batches")]
pub use tape::evaluate_eligibility_tape;
#[cfg(feature = "triage")]
pub use triage::{triage, triage_json};
#[cfg(feature = "webhooks")]
pub use webhook::verify_webhook;

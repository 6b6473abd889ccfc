//! `mentor-core`: the rules for recruiting freelance mentors, from the application form to the
//! decision on the applicant's working status, the review queue, the interview, the
//! contract's lifecycle and the monthly billing of sessions.
//!
//! The crate is pure: no I/O, no clock, no global state, no panics. Every answer cites the id
//! of the rule it comes from ([`Rule`]: `WS-2` the employer signs, `WS-5` register as
//! self-employed first, `APP-3` completeness raises priority, `POL-1` the operator's policy…;
//! each explained in `docs/rules.md`) and carries stable machine codes ([`error_codes`]) with
//! messages in English or French ([`Lang`]). The `mentor` command line, the Python package
//! `mentor` and the WebAssembly packages `mentor-wasm` call these same functions on one JSON
//! wire format (`docs/wire-format.md`); every entry point is typed, and also takes and returns
//! JSON (`*_json`).
//!
//! # Who signs and who bills: the eligibility decision
//!
//! [`eligibility::evaluate`] reads an applicant's working situation and decides the outcome,
//! who signs the contract, who invoices the company, and what the applicant must do first
//! (`docs/wire-format.md#working-situation`, `docs/wire-format.md#decision`).
//!
//! ```
//! use mentor_core::eligibility::{evaluate, ActionCode, Outcome, Party, WorkingSituation};
//! use mentor_core::policy::Policy;
//! use mentor_core::{Lang, Localized, Rule};
//!
//! // An employee whose employer, in education, agreed to sign the contract (WS-2).
//! let employee = WorkingSituation::from_json(&serde_json::json!({
//!     "country": "FR", "status": "employee", "route": "via_employer",
//!     "employment": {"employer_sector": "education", "employer_agreement": "agreed"}
//! })).unwrap();
//! let decision = evaluate(&employee, &Policy::default());
//! assert_eq!(decision.outcome(), Outcome::Eligible);
//! assert_eq!(decision.contracting_party(), Some(Party::Employer));
//!
//! // A student with no business must first register as self-employed (WS-5).
//! let student = WorkingSituation::from_json(&serde_json::json!({"country": "FR", "status": "student"})).unwrap();
//! let decision = evaluate(&student, &Policy::default());
//! assert_eq!(decision.outcome(), Outcome::ActionRequired);
//! let first = decision.required_actions()[0];
//! assert_eq!((first.code, first.rule), (ActionCode::RegisterAsSelfEmployed, Rule::Ws5));
//! // The wire form, messages in French: what the bindings and `mentor eligibility --json` print.
//! assert_eq!(decision.to_json(Lang::Fr)["required_actions"][0]["code"], "register_as_self_employed");
//! ```
//!
//! # Application forms
//!
//! [`application::validate`] parses a form once into an [`application::Application`], or lists
//! every problem with its path and stable code; it also measures the form's completeness
//! (`docs/wire-format.md#application-form`, `docs/wire-format.md#field-errors`).
//!
//! ```
//! use mentor_core::{application::validate, policy::Policy};
//!
//! let form = serde_json::json!({
//!     "offer_id": "mentor-web-2026",
//!     "applicant": {"first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.org",
//!                   "country": "GB", "timezone": "Europe/London"},
//!     "subjects": [{"subject": "python", "level": "comfortable"}],
//!     "consent": {"data_processing": true}
//! });
//! let validation = validate(&form, &Policy::default());
//! assert!(validation.result.is_ok());
//! assert!(validation.completeness > 0.0); // the time zone is one of the optional items
//!
//! let typo = serde_json::json!({"offer_id": "mentor-web-2026", "subjets": []});
//! let errors = validate(&typo, &Policy::default()).result.unwrap_err();
//! assert!(errors.iter().any(|e| e.path == "subjets" && e.code.as_str() == "unknown_field"));
//! ```
//!
//! # Triage: the review queue
//!
//! [`triage::triage`] validates each form of a batch, decides its eligibility and ranks the
//! valid ones by review priority; invalid records are reported, never dropped
//! (`docs/triage.md#review-queue`, `docs/cli.md`).
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use mentor_core::policy::Policy;
//! use mentor_core::triage::{read_records, triage, Status};
//!
//! let batch = r#"{"offer_id": "o-1", "applicant": {"first_name": "A", "last_name": "B", "email": "a@example.org", "country": "FR"}, "subjects": [{"subject": "python", "level": "expert"}], "consent": {"data_processing": true}}
//! {"offer_id": 1}"#;
//! let now = Utc.with_ymd_and_hms(2026, 11, 30, 0, 0, 0).unwrap();
//! let report = triage(&read_records(batch), &Policy::default(), now);
//! assert_eq!((report[0].status, report[0].rank), (Status::Ranked, Some(1)));
//! assert!(report[0].priority.is_some()); // the score, its components and the date to call back by
//! assert_eq!((report[1].status, report[1].line), (Status::Invalid, 2));
//! ```
//!
//! # Registration numbers
//!
//! [`registration::validate`] tells whether a business registration number is well-formed for
//! one of a country's schemes (format and check digits; not a proof that it is registered), for
//! 15 countries (`docs/registration/README.md`).
//!
//! ```
//! use mentor_core::registration::{validate, SchemeId};
//! use mentor_core::CountryCode;
//!
//! let fr = CountryCode::parse("FR").unwrap();
//! let siret = validate(fr, "732 829 320 00074").unwrap();
//! assert_eq!((siret.scheme_id(), siret.normalized()), (SchemeId::FrSiret, "73282932000074"));
//! assert!(validate(fr, "732 829 320 00075").is_err()); // a wrong check digit
//! ```
//!
//! # Lifecycles: apply, replay, draw
//!
//! An application ([`recruitment::Application`]) and a contract ([`contract::Contract`]) are
//! each the fold of their events; one transition table per lifecycle decides what may happen
//! ([`lifecycle::Aggregate`]) and draws its diagram ([`lifecycle::mermaid`]). A refused event
//! changes nothing (`docs/lifecycles.md`). [`recruitment::erase`] and [`contract::erase`]
//! remove the personal data from a log and record an `erased` event (GDPR art. 17); the erased
//! log replays to the same answers (`docs/lifecycles.md#personal-data`).
//!
//! ```
//! use mentor_core::lifecycle::{read_log, Aggregate, Replay};
//! use mentor_core::recruitment::{Application, ApplicationChange, ApplicationState};
//! use mentor_core::triage::read_records;
//!
//! let log = r#"{"type": "submitted", "at": "2026-11-02T08:15:00Z", "actor": "candidate", "offer_id": "mentor-web-2026"}
//! {"type": "review_started", "at": "2026-11-03T09:00:00Z", "actor": "mentor_manager"}
//! {"type": "selected", "at": "2026-11-04T09:00:00Z", "actor": "mentor_manager"}"#;
//! let events = read_log::<ApplicationChange>(&read_records(log)).unwrap();
//! let replay = Replay::<Application>::run(&events);
//! assert_eq!(replay.history.len(), 2);
//! assert_eq!(replay.aggregate.state(), Some(ApplicationState::InReview));
//! let refused = replay.rejected.unwrap(); // no selection before the interview
//! assert_eq!((refused.index, refused.refused.event), (2, "selected"));
//! ```
//!
//! # E-signature webhooks
//!
//! [`esign::receive`] verifies a provider's delivery on its raw bytes (in constant time, before
//! parsing) and turns it into normalised signature events; [`esign::apply`] applies them to a
//! contract, idempotently (`docs/esign.md`).
//!
//! ```
//! use mentor_core::esign::{self, Delivery, EventKind, Provider, Secret};
//!
//! let body = br#"{"event":"DOCUMENT_SIGNED","payload":{"id":7},"createdAt":"2026-11-20T09:00:00Z"}"#;
//! let headers = [("X-Documenso-Secret", "s3cret")];
//! let delivery = Delivery { headers: &headers, body };
//! let now = "2026-11-20T10:00:00Z".parse().unwrap();
//! let events = esign::receive(Provider::Documenso, &delivery, &Secret::new("s3cret"), now).unwrap();
//! assert_eq!((events[0].kind, events[0].request_id.as_deref()), (EventKind::Signed, Some("7")));
//! let forged = esign::receive(Provider::Documenso, &delivery, &Secret::new("a-guess"), now).unwrap_err();
//! assert_eq!(forged.code(), "bad_signature");
//! ```
//!
//! # Billing
//!
//! [`billing::statement`] prices a month of mentoring sessions with the contract's rates in
//! force, and states the VAT treatment of the invoice the company will receive;
//! [`billing::check_invoice`] checks a received invoice against it (`docs/billing.md`).
//!
//! ```
//! use mentor_core::billing::{statement, BillingContract, BillingPeriod, Session, VatTreatment};
//! use mentor_core::policy::BillingPolicy;
//!
//! let contract = BillingContract::from_json(&serde_json::json!({
//!     "contract_id": "c-1",
//!     "invoicing_party": {"party": "mentor_business", "country": "FR",
//!                         "registration_number": "732 829 320 00074", "vat": "franchise"},
//!     "versions": [{"version": 1, "currency": "EUR", "rates": {"mentoring": "35.00"},
//!                   "start_date": "2026-01-01", "notice_period_days": 30}],
//! })).unwrap();
//! let session = |id: &str, status: &str| Session::from_json(&serde_json::json!({
//!     "session_id": id, "started_at": "2026-01-12T17:00:00Z", "duration_minutes": 45,
//!     "session_type": "mentoring", "student_ref": "stu-1", "status": status,
//! })).unwrap();
//! let sessions = [session("s-1", "completed"), session("s-2", "cancelled_late")];
//! let january = BillingPeriod::parse("2026-01").unwrap();
//! let st = statement(&contract, &sessions, january, &BillingPolicy::default()).unwrap();
//! assert_eq!(st.vat(), VatTreatment::Franchise); // "TVA non applicable, art. 293 B du CGI"
//! assert_eq!(st.total().to_string(), "52.50"); // a late cancellation is paid half by default
//! ```
//!
//! # Policy
//!
//! What an operator tunes (accepted offers, subject demand, contact deadlines, employer
//! sectors, excluded countries, review weights, billing shares) is a [`policy::Policy`], read
//! from TOML or JSON; every key is optional (`docs/policy.md`, POL-1).
//!
//! ```
//! use mentor_core::policy::{Demand, Policy};
//!
//! let policy = Policy::from_toml("excluded_countries = [\"RU\"]\n[demand]\npython = \"urgent\"\n").unwrap();
//! assert_eq!(policy.demand_of("python"), Demand::Urgent);
//! assert_eq!(policy.demand_of("cobol"), Demand::Normal);
//! ```
//!
//! # More
//!
//! - Features: `direct-text` (default) reads JSON text without building a JSON tree; `schema`
//!   adds `mentor_core::schema`, the JSON Schema of each input and answer (written to `docs/schema/`).
//! - The project's documentation, in the repository: `docs/getting-started.md`,
//!   `docs/concepts.md`, `docs/rules.md`, `docs/wire-format.md`, `docs/errors.md`,
//!   `docs/policy.md`, `docs/triage.md`, `docs/lifecycles.md`, `docs/esign.md`,
//!   `docs/billing.md`, `docs/registration/README.md`, `docs/cli.md`, `docs/faq.md`, and
//!   `docs/architecture.md`.

#![deny(rustdoc::broken_intra_doc_links)]

/// The README's Rust examples, compiled and run as doc tests so they cannot go stale.
#[cfg(doctest)]
#[doc = include_str!("../README.md")] // mentor-core/README.md: a link to the workspace README
struct ReadmeExamples;

/// The user guide's Rust examples (docs/), run as doc tests in the same way.
#[cfg(doctest)]
#[doc = include_str!("../../docs/getting-started.md")]
struct GuideExamples;

pub mod country;
pub mod i18n;
#[macro_use]
pub mod vocabulary;
pub mod registration;
pub mod zone;

pub use country::CountryCode;
pub use i18n::{Lang, Localized, Text};
pub mod application;
pub mod billing;
pub mod catalogue;
pub mod contract;
pub mod eligibility;
pub mod error;
pub mod esign;
pub mod interview;
pub mod lifecycle;
pub mod money;
pub mod policy;
pub mod provider;
mod read;
pub mod recruitment;
pub mod rule;
pub mod wire;

pub use catalogue::error_codes;
pub use error::{ErrorCode, FieldError, InputError};
pub use rule::Rule;
pub mod review;
#[cfg(feature = "schema")]
pub mod schema;
pub mod situation;
pub mod subject;
pub mod triage;

//! The contract (`docs/lifecycles.md`, CON-1..3): its terms, its contracting party, its signers, and its
//! lifecycle as the fold of its events.
//!
//! ```text
//! draft → sent → viewed → partially_signed → signed → active → amended | terminated | expired
//! sent | viewed | partially_signed → declined | voided | signing_expired
//! ```
//! - Two signers sign, in this order on the envelope: the contracting party's signatory (the
//!   employer's under WS-2, the mentor's business otherwise, `docs/wire-format.md#decision`), then the
//!   company's countersignature. Each is tracked on its own: `pending → viewed → signed | declined`.
//! - Signer states only move forward (`docs/esign.md`): a `viewed` after `signed` changes nothing;
//!   a `signed` or `declined` for a signer who already signed or declined is refused with
//!   [`Refusal::SignerAlreadyFinal`] (the first final outcome wins; the e-signature layer
//!   reports it as a conflict).
//! - `signed` leads to `partially_signed` while the other signer has still to sign, and to
//!   `signed` when it is the last signature. `completed` (the provider says the whole envelope
//!   is complete) marks every signer still to sign as signed at that time; a late `completed`
//!   after the last signature is accepted and changes nothing.
//! - `reassigned`: a signer's role moves to another person at the provider (matched by the
//!   provider's recipient id, never by e-mail); the signer keeps its status. A signer who
//!   already signed or declined cannot be reassigned.
//! - `amended`: a new version supersedes the contract (see [`amend`]); `expired` needs an end
//!   date in the terms.
//! - `erased`: the personal data was removed from the log ([`erase`], GDPR art. 17); from every
//!   state, back to the same state.
//!
//! [`TRANSITIONS`] is the only source of these moves: `apply`,
//! `allowed_events` and [`diagram`] all read it.
//!
//! [`Refusal::SignerAlreadyFinal`]: crate::lifecycle::Refusal::SignerAlreadyFinal
//! [`TRANSITIONS`]: crate::lifecycle::Aggregate::TRANSITIONS
//!
//! ```
//! use mentor_core::contract::{Contract, ContractChange, ContractState, SignerRole, Terms};
//! use mentor_core::contract::{ContractingParty, SignerSetup};
//! use mentor_core::eligibility::Party;
//! use mentor_core::lifecycle::{Actor, Aggregate, Event};
//! use mentor_core::CountryCode;
//!
//! let terms = Terms::from_json(&serde_json::json!({
//!     "version": 1, "currency": "EUR", "rates": {"mentoring": "35.00"},
//!     "start_date": "2026-12-01", "notice_period_days": 30,
//! })).unwrap();
//! let party = ContractingParty { party: Party::Employer, country: CountryCode::parse("FR").unwrap(), registration: None };
//! let at = "2026-11-20T09:00:00Z".parse().unwrap();
//! let event = |change| Event { at, actor: Actor::System, change };
//! let log = [
//!     event(ContractChange::Drafted {
//!         contract_id: "c-1".into(), terms, contracting_party: party,
//!         signers: SignerSetup::without_recipients(), supersedes: None,
//!     }),
//!     event(ContractChange::Sent { provider: None, request_id: None }),
//!     event(ContractChange::Signed { signer: SignerRole::Company }),
//!     event(ContractChange::Signed { signer: SignerRole::ContractingParty }),
//!     event(ContractChange::Activated),
//! ];
//! let contract = Contract::replay(&log).unwrap();
//! assert_eq!(contract.state(), Some(ContractState::Active));
//! assert!(contract.is_fully_signed());
//! ```

mod date;
mod draft;
mod event;
mod lifecycle;
mod party;
mod signer;
mod terms;

pub use draft::{DraftError, amend, draft};
pub use event::{ContractChange, ContractEventType, MAX_ID_CHARS};
pub use lifecycle::{Contract, ContractState, diagram, erase};
pub use party::ContractingParty;
pub use signer::{Signer, SignerRole, SignerSetup, SignerStatus};
pub use terms::{Billing, MAX_NOTICE_PERIOD_DAYS, Terms};

pub(crate) use date::{format_date, read_date};
pub(crate) use party::{read_number, read_registration};

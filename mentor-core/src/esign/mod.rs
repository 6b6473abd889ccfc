//! E-signature providers and their webhooks (`docs/esign.md`; CON-2, CON-3): the services that carry
//! a contract to its signers and call back with what happened.
//!
//! A provider calls the operator's server back many times: sometimes twice for the same thing,
//! sometimes out of order, sometimes forged. This module turns those deliveries into contract
//! events that are **authentic**, **idempotent** and **monotone**, without any I/O:
//!
//! 1. [`verify`] checks a [`Delivery`] (raw body bytes and headers) with the provider's own
//!    scheme, on the raw bytes, before anything is parsed, comparing in constant time. The
//!    current time is a parameter, never read from a clock.
//! 2. [`Verified::events`] parses the verified body into normalised [`SignatureEvent`]s:
//!    provider, request id, signer (the provider's recipient id), [`EventKind`], when, and a
//!    per-provider dedupe key.
//! 3. [`apply`] applies them to a [`Contract`](crate::contract::Contract), remembering what it
//!    saw in a caller-owned [`Deliveries`] set, and reports each one as applied, duplicate,
//!    ignored (with the reason) or in conflict (with what).
//!
//! [`receive`] does 1 and 2 at once.
//!
//! | provider | verification | dedupe key |
//! |---|---|---|
//! | DocuSign Connect (JSON SIM) | `X-DocuSign-Signature-1..N`: base64 HMAC-SHA256 of the raw body, key = the secret's UTF-8 bytes; any header may match (key rotation) | no event id: envelope id, event, recipient id, `generatedDateTime` |
//! | Dropbox Sign | `event.event_hash`: hex HMAC-SHA256 of `event_time` + `event_type`, key = the API key (does **not** cover the body) | no event id: request id, event type, event time, related signature id |
//! | Yousign v3 | `X-Yousign-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>` | `event_id` |
//! | Documenso | `X-Documenso-Secret`: the plain shared secret | no event id: document id, event, `createdAt`, recipient id |
//! | DocuSeal | `X-Docuseal-Signature: <ts>.<hex HMAC-SHA256 of "<ts>.<body>">`, ±5 minutes | no event id: submission id, event type, submitter id, `timestamp` |
//! | Concord | none documented: **unverified hints**, applied only once the caller confirms them | agreement uid and status |
//!
//! ```
//! use mentor_core::esign::{self, Delivery, EventKind, Provider, Secret};
//! let body = br#"{"event_id":"e-1","event_name":"signer.done","event_time":"1795000000",
//!     "data":{"signature_request":{"id":"sr-1"},"signer":{"id":"s-1"}}}"#;
//! // What Yousign sends: sha256=<hex HMAC-SHA256 of the body, keyed with the webhook secret>.
//! let header = "sha256=6f6c7d72d7bb8ea4843905ece1614b1097a4c2438bffac2c44be6f5313b4a18f";
//! let headers = [("X-Yousign-Signature-256", header)];
//! let delivery = Delivery { headers: &headers, body };
//! let now = "2026-11-20T10:00:00Z".parse().unwrap();
//! let events = esign::receive(Provider::Yousign, &delivery, &Secret::new("test-secret"), now).unwrap();
//! assert_eq!((events[0].kind, events[0].signer_id.as_deref()), (EventKind::Signed, Some("s-1")));
//! assert_eq!(events[0].dedupe_key, "yousign:e-1");
//! let forged = esign::receive(Provider::Yousign, &delivery, &Secret::new("a-guess"), now).unwrap_err();
//! assert_eq!(forged.code(), "bad_signature");
//! ```

mod apply;
mod concord;
mod delivery;
mod documenso;
mod docuseal;
mod docusign;
mod dropbox_sign;
mod event;
mod payload;
mod yousign;

pub use apply::{Applied, Conflict, Deliveries, Hints, Ignored, Outcome, Report, apply};
pub use delivery::{Delivery, Secret, Verification, Verified, VerifyError, WebhookError, receive, verify};
pub use event::{EventKind, SignatureEvent};

pub use crate::provider::Provider;

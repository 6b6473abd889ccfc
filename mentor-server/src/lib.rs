//! `mentor-server`: the reference service of the mentor project. It proves that `mentor-core`
//! serves Rust services: the whole recruiting path over HTTP, with the event logs, the
//! webhook dedupe keys and the monthly statements living together in a real database, under
//! load. **No rule is written here**: the service stores events and calls the core.
//!
//! # Routes
//!
//! | route | who | what |
//! |---|---|---|
//! | `GET /` | anyone | mentor-wasm's demo form, posting to `/applications` (its files at `/app.js`, `/labels.js`, `/style.css`, `/pkg/web/…`; see [`page`]), or a page saying how to build it |
//! | `GET /openapi.json` | anyone | the OpenAPI 3.1 document of these routes |
//! | `POST /applications` | applicants | a form (DESIGN 4.2), assessed as `mentor triage` assesses it: 201 with the id, eligibility and priority; 422 with the field errors; 409 naming the first application of the same e-mail and offer |
//! | `GET /queue` | operator | the review queue, ranked exactly as `mentor triage` ranks the same forms |
//! | `GET /applications/{id}` | operator | state, history, allowed events |
//! | `POST /applications/{id}/events` | operator | a lifecycle event, applied by the core (409 with the core's code, state and event when refused) |
//! | `POST /applications/{id}/contract` | operator | drafts the contract from the decision and terms |
//! | `GET /contracts/{id}` | operator | the contract's state, history, allowed events |
//! | `POST /contracts/{id}/events` | operator | a contract event (`sent` with the provider's envelope id links the envelope) |
//! | `POST /contracts/{id}/hints` | operator | applies the kept Concord hints, which the operator confirmed with Concord |
//! | `POST /contracts/{id}/amendments` | operator | amends an active contract with new terms (the core's `contract::amend`): a new contract supersedes it |
//! | `POST /webhooks/{provider}` | providers | a signed delivery, verified on its raw body and applied |
//! | `POST /contracts/{id}/sessions` | operator | mentoring sessions, all or none |
//! | `GET /contracts/{id}/statement?period=YYYY-MM` | operator | the monthly statement |
//! | `POST /contracts/{id}/invoices` | operator | checks a received invoice against its period's statement |
//! | `DELETE /applicants/{email}` | operator | erases an applicant's personal data, keeps ids |
//!
//! Every answer is JSON (but `/` and the demo's files); errors are `{"code", "message", …}` with the core's stable
//! codes, messages in `?lang=en|fr`. A query parameter that is wrong is a 422 with a field error
//! at its name, as a body's field is ([`query`]). Operator routes need `Authorization: Bearer TOKEN`, the
//! token being the environment variable `MENTOR_SERVER_TOKEN`; when it is unset they all
//! answer 401. Bodies are limited to 1 MiB (413).
//!
//! # Tables
//!
//! `events` (every event of every application and contract log, primary key `(aggregate, id,
//! seq)`: optimistic concurrency), `applications` (the form, NULL once erased; the fingerprint
//! of the duplicate key, never the e-mail; the current state, for the queue), `contracts`
//! (application, VAT status, the envelope once sent; several for one application once
//! amended), `deliveries` (the dedupe keys of the signature events settled),
//! `pending_deliveries` (signature events kept until they can apply), `sessions`, `counters`,
//! `schema_migrations`. Migrations are `migrations/NNNN_*.sql`,
//! the same SQL on SQLite and PostgreSQL.
//!
//! # Readings of points the issue leaves open
//!
//! - Instants the service writes (the `submitted` event, events posted without `at`, the
//!   erasure) are dated by the server's clock; the form's own `submitted_at` is kept in the
//!   form and ranks it, as in `mentor triage`.
//! - The queue holds the applications still waiting for a decision on review (states
//!   `submitted`, `in_review`, `on_hold`), not erased, in submission order before ranking; it
//!   is ranked at the time of the request (`?now=` sets it, as `mentor triage --now` does).
//! - A webhook event for an envelope no contract has yet is kept (`pending_deliveries`, answer
//!   202) and applied when a `sent` event posted to the contract names that envelope. Events
//!   the core leaves unsettled (an unknown recipient, a Concord hint) are kept the same way;
//!   Concord hints apply when the operator confirms them (`POST /contracts/{id}/hints`).
//! - The application follows its contract: the core's `Contract::application_change`
//!   (`contract_sent`, `contract_signed`) is applied to the application in the same
//!   transaction; when the application refuses it (withdrawn meanwhile), the contract event
//!   still stands and the answer says so.
//! - Erasure leaves no copy of the form in the database's files as far as the database
//!   allows: SQLite runs with `secure_delete` (deleted content is zeroed) and, after an
//!   erasure, checkpoints and truncates its write-ahead log (`mentor.db-wal`); PostgreSQL keeps
//!   old row versions as dead tuples until `VACUUM`, which the erasure runs on `applications`
//!   and `events` (it frees the space, it does not zero it; PostgreSQL's WAL, replicas and
//!   backups are the operator's to expire) ([`Store::purge_erased`]).
//! - `pending_deliveries` is bounded: [`settlement::MAX_PENDING`] events per provider
//!   (Concord's deliveries are unsigned, so anyone can send some). Beyond it a delivery that
//!   would add one answers 503 `too_many_pending`, and the kept ones, the oldest, stay.
//! - Sessions are checked when posted against what the contract can bill (the core's
//!   statement on the batch, month by month): a stored session never blocks a statement.
//! - An amendment is a new contract (the core's `contract::amend`), for the same application,
//!   with the VAT status of the one it supersedes. A statement bills the sessions posted to
//!   the contract asked about, each with the version of the terms in force on its date among
//!   those of the contract's whole chain of amendments (so sessions posted to the first
//!   contract after an amendment's start date are billed at its rates); a newer contract's
//!   terms count from the moment it is drafted, as the core ends the older one then.

pub mod applications;
pub mod billing;
pub mod contracts;
pub mod erasure;
pub mod error;
pub mod openapi;
pub mod page;
pub mod query;
pub mod request;
pub mod routes;
pub mod settlement;
pub mod store;
pub mod webhooks;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use mentor_core::esign::{Provider, Secret};
use mentor_core::policy::Policy;

pub use routes::router;
pub use store::Store;

/// The service: its database, the operator's policy, the operator token and the providers'
/// webhook secrets.
pub struct Service {
    /// The database.
    pub store: Store,
    /// The operator's policy (POL-1), read once at start.
    pub policy: Policy,
    /// The operator's bearer token; `None`: operator routes always answer 401.
    pub operator_token: Option<String>,
    /// The webhook secret of each configured provider.
    pub webhook_secrets: HashMap<Provider, Secret>,
    /// mentor-wasm's directory, whose demo form (`demo/`) and browser build (`pkg/web/`) are
    /// served at `/` ([`page`]); `None`: `/` answers a page saying how to build it.
    pub web: Option<PathBuf>,
}

impl std::fmt::Debug for Service {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Service")
            .field("backend", &self.store.backend())
            .field(
                "operator_token",
                &self.operator_token.as_ref().map(|_| "<redacted>"),
            )
            .field("providers", &self.webhook_secrets.keys().collect::<Vec<_>>())
            .field("web", &self.web)
            .finish_non_exhaustive()
    }
}

/// The service as the routes share it.
pub type Shared = Arc<Service>;

impl Service {
    /// The webhook secrets from the environment: `MENTOR_WEBHOOK_SECRET_<PROVIDER>` for each
    /// provider (`MENTOR_WEBHOOK_SECRET_DOCUSIGN`, `…_DROPBOX_SIGN`, `…_YOUSIGN`,
    /// `…_DOCUMENSO`, `…_DOCUSEAL`). Concord signs nothing and needs none.
    #[must_use]
    pub fn secrets_from_env() -> HashMap<Provider, Secret> {
        Provider::ALL
            .iter()
            .filter_map(|(name, provider)| {
                let var = format!("MENTOR_WEBHOOK_SECRET_{}", name.to_ascii_uppercase());
                std::env::var(var)
                    .ok()
                    .filter(|s| !s.is_empty())
                    .map(|s| (*provider, Secret::new(s)))
            })
            .collect()
    }
}

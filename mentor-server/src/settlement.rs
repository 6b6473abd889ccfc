//! Settling signature events on a contract, in one transaction: mentor-core's `esign::apply`
//! decides; the contract events it returns, the dedupe keys it records and the application's
//! follow-up event are written together, so that a delivery is either wholly stored or not at
//! all. Events the core leaves unsettled are kept in `pending_deliveries` for a later try.

use axum::http::StatusCode;
use chrono::Utc;
use mentor_core::Lang;
use mentor_core::contract::{Contract, ContractChange};
use mentor_core::esign::{self, Deliveries, Hints, Report, SignatureEvent};
use mentor_core::lifecycle::{Actor, Aggregate, Event};
use mentor_core::recruitment::{Application, ApplicationChange};
use serde_json::Value;
use sqlx::Row;

use crate::applications::set_state;
use crate::error::{ApiError, codes};
use crate::store::{self, Kind, Tx, corrupt};

/// A contract as stored: its id, its application, its log and the fold of it.
#[derive(Debug)]
pub struct StoredContract {
    /// The contract's id.
    pub id: String,
    /// The application it was drafted for.
    pub application_id: String,
    /// Its event log.
    pub log: Vec<Event<ContractChange>>,
    /// The fold of the log.
    pub contract: Contract,
}

impl StoredContract {
    /// Reads a contract inside `tx`; `None` when there is no such contract.
    ///
    /// # Errors
    /// A database error, or a log that does not replay (500).
    pub async fn read(tx: &mut Tx, id: &str) -> Result<Option<StoredContract>, ApiError> {
        let row = sqlx::query("SELECT application_id FROM contracts WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut **tx)
            .await
            .map_err(|e| ApiError::storage(&e))?;
        let Some(row) = row else { return Ok(None) };
        let application_id: String = row.try_get("application_id").map_err(|e| ApiError::storage(&e))?;
        let log = store::read_log::<ContractChange>(tx, Kind::Contract, id).await?;
        let contract = Contract::replay(&log).map_err(|_| corrupt())?;
        Ok(Some(StoredContract {
            id: id.to_owned(),
            application_id,
            log,
            contract,
        }))
    }

    /// Appends contract events the core accepted (already applied to `self.contract`), and
    /// applies to the application what the contract's move means for it
    /// (`Contract::application_change`). Returns the application's refusal, if any: the
    /// contract event stands all the same.
    ///
    /// # Errors
    /// A database error (retryable when a concurrent writer appended first).
    pub async fn append(
        &mut self,
        tx: &mut Tx,
        events: &[Event<ContractChange>],
        before: Option<mentor_core::contract::ContractState>,
    ) -> Result<Option<Value>, ApiError> {
        if events.is_empty() {
            return Ok(None);
        }
        store::append(tx, Kind::Contract, &self.id, self.log.len(), events).await?;
        self.log.extend_from_slice(events);
        let Some(change) = self.contract.application_change(before) else {
            return Ok(None);
        };
        let at = events.last().map_or_else(Utc::now, |e| e.at);
        let app_log =
            store::read_log::<ApplicationChange>(tx, Kind::Application, &self.application_id).await?;
        let mut application = Application::replay(&app_log).map_err(|_| corrupt())?;
        let event = Event {
            at: application.last_event_at().map_or(at, |last| last.max(at)),
            actor: Actor::System,
            change,
        };
        match application.apply(&event) {
            Ok(()) => {
                store::append(
                    tx,
                    Kind::Application,
                    &self.application_id,
                    app_log.len(),
                    &[event],
                )
                .await?;
                set_state(tx, &self.application_id, &application).await?;
                Ok(None)
            }
            Err(refused) => Ok(Some(mentor_core::Localized::to_json(
                &refused,
                mentor_core::Lang::En,
            ))),
        }
    }

    /// Applies signature events with the core (`esign::apply`), writes what it decided, and
    /// keeps the events it left unsettled in `pending_deliveries` (or takes settled ones out).
    ///
    /// # Errors
    /// A database error (retryable when a concurrent writer won).
    pub async fn settle(
        &mut self,
        tx: &mut Tx,
        events: &[SignatureEvent],
        hints: Hints,
    ) -> Result<Report, ApiError> {
        let mut seen = Vec::new();
        for event in events {
            let known = sqlx::query("SELECT dedupe_key FROM deliveries WHERE dedupe_key = $1")
                .bind(&event.dedupe_key)
                .fetch_optional(&mut **tx)
                .await
                .map_err(|e| ApiError::storage(&e))?;
            if known.is_some() {
                seen.push(event.dedupe_key.clone());
            }
        }
        let mut deliveries: Deliveries =
            serde_json::from_value(Value::from(seen.clone())).map_err(|_| corrupt())?;
        let before = self.contract.state();
        let report = esign::apply(&mut self.contract, &mut deliveries, events, hints);
        let applied: Vec<Event<ContractChange>> = report.contract_events().cloned().collect();
        self.append(tx, &applied, before).await?;
        let recorded: Vec<String> =
            serde_json::from_value(serde_json::to_value(&deliveries).map_err(|_| corrupt())?)
                .map_err(|_| corrupt())?;
        for key in recorded.iter().filter(|k| !seen.contains(k)) {
            sqlx::query("INSERT INTO deliveries (dedupe_key, contract_id) VALUES ($1, $2)")
                .bind(key)
                .bind(&self.id)
                .execute(&mut **tx)
                .await
                .map_err(|e| ApiError::storage(&e))?;
        }
        for event in events {
            if deliveries.contains(&event.dedupe_key) {
                sqlx::query("DELETE FROM pending_deliveries WHERE dedupe_key = $1")
                    .bind(&event.dedupe_key)
                    .execute(&mut **tx)
                    .await
                    .map_err(|e| ApiError::storage(&e))?;
            } else {
                keep_pending(tx, event).await?;
            }
        }
        Ok(report)
    }

    /// Applies the pending events of this contract's envelope (those kept before the envelope
    /// was known, or unsettled), with `hints` (Concord's are applied only when confirmed).
    ///
    /// # Errors
    /// A database error.
    pub async fn settle_pending(&mut self, tx: &mut Tx, hints: Hints) -> Result<Option<Report>, ApiError> {
        let (Some(provider), Some(request_id)) = (self.contract.provider(), self.contract.request_id())
        else {
            return Ok(None);
        };
        let rows = sqlx::query(
            "SELECT event FROM pending_deliveries WHERE provider = $1 AND request_id = $2 ORDER BY received_at, dedupe_key",
        )
        .bind(provider.name())
        .bind(request_id)
        .fetch_all(&mut **tx)
        .await
        .map_err(|e| ApiError::storage(&e))?;
        if rows.is_empty() {
            return Ok(None);
        }
        let mut events = Vec::with_capacity(rows.len());
        for row in &rows {
            let text: String = row.try_get("event").map_err(|e| ApiError::storage(&e))?;
            let value: Value = serde_json::from_str(&text).map_err(|_| corrupt())?;
            events.push(SignatureEvent::from_json(&value).map_err(|_| corrupt())?);
        }
        // Provider time order, so that the kept events apply as they happened.
        events.sort_by_key(|e| e.occurred_at);
        self.settle(tx, &events, hints).await.map(Some)
    }
}

/// How many signature events of one provider `pending_deliveries` keeps at most. Deliveries
/// to `/webhooks/concord` need no secret, so anyone can send events for envelopes no contract
/// has: beyond this many, a new event is refused (503 `too_many_pending`, nothing of the
/// delivery kept) and the events already kept, the oldest, stay until they apply.
pub const MAX_PENDING: i64 = 10_000;

/// Keeps a signature event that cannot apply yet (a repeat is kept once).
///
/// # Errors
/// A database error; 503 `too_many_pending` (in English: the webhook route answers it in the
/// caller's language) when the event is new and the provider has [`MAX_PENDING`] events kept
/// already.
pub async fn keep_pending(tx: &mut Tx, event: &SignatureEvent) -> Result<(), ApiError> {
    let Some(request_id) = event.request_id.as_deref() else {
        return Ok(());
    };
    let kept: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM pending_deliveries WHERE provider = $1")
        .bind(event.provider.name())
        .fetch_one(&mut **tx)
        .await
        .map_err(|e| ApiError::storage(&e))?;
    if kept >= MAX_PENDING {
        let already = sqlx::query("SELECT dedupe_key FROM pending_deliveries WHERE dedupe_key = $1")
            .bind(&event.dedupe_key)
            .fetch_optional(&mut **tx)
            .await
            .map_err(|e| ApiError::storage(&e))?;
        if already.is_some() {
            return Ok(());
        }
        tracing::warn!(
            provider = event.provider.name(),
            kept,
            "pending deliveries full: delivery refused"
        );
        return Err(ApiError::own(
            StatusCode::SERVICE_UNAVAILABLE,
            codes::TOO_MANY_PENDING,
            Lang::En,
        ));
    }
    sqlx::query(
        "INSERT INTO pending_deliveries (dedupe_key, provider, request_id, event, received_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (dedupe_key) DO NOTHING",
    )
    .bind(&event.dedupe_key)
    .bind(event.provider.name())
    .bind(request_id)
    .bind(event.to_json().to_string())
    .bind(Utc::now().to_rfc3339())
    .execute(&mut **tx)
    .await
    .map_err(|e| ApiError::storage(&e))?;
    Ok(())
}

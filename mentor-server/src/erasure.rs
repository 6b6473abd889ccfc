//! `DELETE /applicants/{email}`: erasure of an applicant's personal data (GDPR art. 17;
//! `docs/lifecycles.md#personal-data`), with the core's `recruitment::erase` and
//! `contract::erase`.

use axum::Json;
use axum::extract::{Path, State};
use chrono::Utc;
use mentor_core::contract::{self, ContractChange};
use mentor_core::recruitment::{self, ApplicationChange, DuplicateKey};
use serde_json::{Value, json};
use sqlx::Row;

use crate::applications::hex_fingerprint;
use crate::error::ApiError;
use crate::request::{AnswerLang, Operator};
use crate::store::{self, Kind, corrupt};
use crate::{Shared, retrying};

/// Erases every application of the e-mail address (found by the core's duplicate key for
/// each offer: the address itself is not stored), and the contracts drafted for them: the
/// stored form and duplicate key are deleted; the event logs are rewritten by the core
/// without personal data and end with an `erased` event (dated by the server's clock). Ids,
/// states, scores, terms and sessions stay. Once committed, the old pages are purged from
/// the disk ([`Store::purge_erased`](crate::Store::purge_erased): SQLite's write-ahead log is
/// checkpointed and truncated, deleted content having been zeroed; PostgreSQL's touched tables
/// are vacuumed). 200 `{"erased": [application ids]}`; 404 when no
/// application has this address (or all were erased already).
#[utoipa::path(delete, path = "/applicants/{email}", tag = "applications",
    params(("email" = String, Path), ("lang" = Option<String>, Query)), security(("operator" = [])),
    responses((status = 200, description = "Erased", body = Object),
        (status = 404, description = "No application", body = Object)))]
pub async fn erase(
    State(service): State<Shared>,
    _operator: Operator,
    AnswerLang(lang): AnswerLang,
    Path(email): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let offers = sqlx::query("SELECT DISTINCT offer_id FROM applications WHERE duplicate_key IS NOT NULL")
        .fetch_all(service.store.pool())
        .await
        .map_err(|e| ApiError::storage(&e))?;
    let mut keys = Vec::with_capacity(offers.len());
    for row in &offers {
        let offer: String = row.try_get("offer_id").map_err(|e| ApiError::storage(&e))?;
        keys.push(hex_fingerprint(&DuplicateKey::new(&email, &offer)));
    }
    let mut erased = Vec::new();
    for key in &keys {
        let done = retrying!(lang, async {
            let (_gate, mut tx) = service.store.begin().await?;
            let Some(row) = sqlx::query("SELECT id FROM applications WHERE duplicate_key = $1")
                .bind(key)
                .fetch_optional(&mut *tx)
                .await
                .map_err(|e| ApiError::storage(&e))?
            else {
                return Ok(None);
            };
            let id: String = row.try_get("id").map_err(|e| ApiError::storage(&e))?;
            let now = Utc::now();
            let log = store::read_log::<ApplicationChange>(&mut tx, Kind::Application, &id).await?;
            let at = log.last().map_or(now, |e| e.at.max(now));
            let scrubbed = recruitment::erase(&log, at).map_err(|_| corrupt())?;
            store::replace_log(&mut tx, Kind::Application, &id, &scrubbed).await?;
            let contracts = sqlx::query("SELECT id FROM contracts WHERE application_id = $1")
                .bind(&id)
                .fetch_all(&mut *tx)
                .await
                .map_err(|e| ApiError::storage(&e))?;
            for row in &contracts {
                let contract_id: String = row.try_get("id").map_err(|e| ApiError::storage(&e))?;
                let log = store::read_log::<ContractChange>(&mut tx, Kind::Contract, &contract_id).await?;
                let at = log.last().map_or(now, |e| e.at.max(now));
                let scrubbed = contract::erase(&log, at).map_err(|_| corrupt())?;
                store::replace_log(&mut tx, Kind::Contract, &contract_id, &scrubbed).await?;
            }
            sqlx::query("UPDATE applications SET form = NULL, duplicate_key = NULL WHERE id = $1")
                .bind(&id)
                .execute(&mut *tx)
                .await
                .map_err(|e| ApiError::storage(&e))?;
            tx.commit().await.map_err(|e| ApiError::storage(&e))?;
            Ok(Some(id))
        })?;
        erased.extend(done);
    }
    if erased.is_empty() {
        return Err(ApiError::not_found(lang));
    }
    service.store.purge_erased().await?;
    tracing::info!(applications = ?erased, "applicant erased");
    Ok(Json(json!({"erased": erased})))
}

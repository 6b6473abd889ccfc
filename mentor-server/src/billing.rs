//! Billing (`docs/billing.md`; BIL-1, CON-1): sessions posted per contract, the monthly
//! statement and the check of a received invoice, all computed by the core.

use std::collections::{BTreeMap, BTreeSet};

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{StatusCode, Uri};
use mentor_core::billing::{
    self, BillingContract, BillingPeriod, InvoicingParty, ReceivedInvoice, Session, StatementError,
};
use mentor_core::contract::Terms;
use mentor_core::policy::BillingPolicy;
use mentor_core::{FieldError, Lang, Localized};
use serde::Deserialize;
use serde_json::{Map, Value, json};
use sqlx::Row;

use crate::applications::read_tx;
use crate::contracts::{invoicing_party, read_contract};
use crate::error::{ApiError, codes};
use crate::query::Params;
use crate::request::{AnswerLang, Operator, json_body};
use crate::settlement::StoredContract;
use crate::store::{Tx, corrupt};
use crate::{Shared, retrying};

/// `POST /contracts/{id}/sessions`: a JSON array of sessions (`docs/billing.md`), stored all
/// or none. 201 `{"stored": n}`; 422 with every field error (`[2].status`), including a
/// session id that appears twice in the array (`[2].session_id` `duplicate_session`, first
/// seen at its 1-based position) and the sessions the contract cannot bill, as its statement
/// would refuse them (the core's `billing::statement` on the batch, month by month:
/// `[2].session_type` `unknown_session_type`, `[2].started_at` `no_terms_in_force`), so that
/// no stored session can block a month's statement; 409 `duplicate_session` (with
/// `session_id`) when a session id was already posted for the contract.
#[utoipa::path(post, path = "/contracts/{id}/sessions", tag = "billing",
    params(("id" = String, Path), ("lang" = Option<String>, Query)), security(("operator" = [])),
    request_body(content = Vec<Object>, description = "Sessions"),
    responses((status = 201, description = "Stored", body = Object),
        (status = 404, description = "Unknown contract", body = Object),
        (status = 409, description = "Duplicate session", body = Object),
        (status = 422, description = "Field errors", body = Object)))]
pub async fn post_sessions(
    State(service): State<Shared>,
    _operator: Operator,
    AnswerLang(lang): AnswerLang,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let value = json_body(&body, lang)?;
    let Value::Array(items) = value else {
        return Err(ApiError::fields(
            &[FieldError::new("", mentor_core::ErrorCode::InvalidType)],
            lang,
        ));
    };
    let sessions = Session::list_from_json(&items).map_err(|e| ApiError::fields(&e.errors, lang))?;
    let mut first_seen = std::collections::HashMap::new();
    let repeated: Vec<FieldError> = sessions
        .iter()
        .enumerate()
        .filter_map(|(index, s)| match first_seen.entry(s.session_id()) {
            std::collections::hash_map::Entry::Occupied(first) => Some(
                FieldError::with(
                    "session_id",
                    mentor_core::ErrorCode::DuplicateSession,
                    mentor_core::error::Detail::FirstSeenAt(first.get() + 1),
                )
                .under(&format!("[{index}]")),
            ),
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(index);
                None
            }
        })
        .collect();
    if !repeated.is_empty() {
        return Err(ApiError::fields(&repeated, lang));
    }
    let stored = retrying!(lang, async {
        let (_gate, mut tx) = service.store.begin().await?;
        let contract = billing_contract(&mut tx, &id, lang).await?;
        check_billable(&contract, &sessions, &service.policy.billing, lang)?;
        for session in &sessions {
            let known =
                sqlx::query("SELECT session_id FROM sessions WHERE contract_id = $1 AND session_id = $2")
                    .bind(&id)
                    .bind(session.session_id())
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(|e| ApiError::storage(&e))?;
            if known.is_some() {
                return Err(duplicate(session.session_id(), lang));
            }
            sqlx::query("INSERT INTO sessions (contract_id, session_id, body) VALUES ($1, $2, $3)")
                .bind(&id)
                .bind(session.session_id())
                .bind(session.to_json().to_string())
                .execute(&mut *tx)
                .await
                .map_err(|e| ApiError::storage(&e))?;
        }
        tx.commit().await.map_err(|e| ApiError::storage(&e))?;
        Ok(sessions.len())
    })?;
    tracing::info!(contract = %id, stored, "sessions stored");
    Ok((StatusCode::CREATED, Json(json!({"stored": stored}))))
}

fn duplicate(session_id: &str, lang: Lang) -> ApiError {
    let (code, text) = codes::DUPLICATE_SESSION;
    ApiError::new(
        StatusCode::CONFLICT,
        json!({"code": code, "message": text.get(lang), "session_id": session_id}),
    )
}

/// The query of `GET /contracts/{id}/statement`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct StatementQuery {
    /// The billing period, `YYYY-MM`.
    pub period: String,
    /// en or fr.
    pub lang: Option<String>,
}

/// `GET /contracts/{id}/statement?period=YYYY-MM`: the monthly statement of the contract's
/// sessions (the core's `billing::statement`, with the policy's billing shares and time
/// zone): lines, subtotals, VAT treatment and mention, totals. Each session is priced with
/// the version of the terms in force on its date among those of the contract's chain of
/// amendments (`chain_terms`): an amendment's rates apply from its own start date. 422 at
/// `period` (`required`, `invalid_period`, `duplicate_key`), or
/// `invalid_sessions` with the sessions that cannot be billed.
#[utoipa::path(get, path = "/contracts/{id}/statement", tag = "billing",
    params(("id" = String, Path), StatementQuery), security(("operator" = [])),
    responses((status = 200, description = "The statement", body = Object),
        (status = 404, description = "Unknown contract", body = Object),
        (status = 422, description = "Cannot be made", body = Object)))]
pub async fn statement(
    State(service): State<Shared>,
    _operator: Operator,
    AnswerLang(lang): AnswerLang,
    Path(id): Path<String>,
    uri: Uri,
) -> Result<Json<Value>, ApiError> {
    let params = Params::of(&uri)?;
    let period = BillingPeriod::parse(params.required("period", lang)?).ok_or_else(|| {
        ApiError::fields(
            &[FieldError::new("period", mentor_core::ErrorCode::InvalidPeriod)],
            lang,
        )
    })?;
    let (contract, sessions) = billing_inputs(&service, &id, lang).await?;
    let made = billing::statement(&contract, &sessions, period, &service.policy.billing)
        .map_err(|e| statement_refused(&e, &sessions, lang))?;
    Ok(Json(made.to_json(lang)))
}

/// `POST /contracts/{id}/invoices`: checks a received invoice (`docs/billing.md`) against the
/// statement of its period (the core's `billing::check_invoice`): 200 with `matches` and every
/// discrepancy; 422 when the body is not an invoice.
#[utoipa::path(post, path = "/contracts/{id}/invoices", tag = "billing",
    params(("id" = String, Path), ("lang" = Option<String>, Query)), security(("operator" = [])),
    request_body(content = Object, description = "A received invoice"),
    responses((status = 200, description = "The check", body = Object),
        (status = 404, description = "Unknown contract", body = Object),
        (status = 422, description = "Not an invoice", body = Object)))]
pub async fn check_invoice(
    State(service): State<Shared>,
    _operator: Operator,
    AnswerLang(lang): AnswerLang,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let value = json_body(&body, lang)?;
    let invoice = ReceivedInvoice::from_json(&value).map_err(|e| ApiError::input(e, None, lang))?;
    let (contract, sessions) = billing_inputs(&service, &id, lang).await?;
    let made = billing::statement(&contract, &sessions, invoice.period, &service.policy.billing)
        .map_err(|e| statement_refused(&e, &sessions, lang))?;
    Ok(Json(billing::check_invoice(&made, &invoice).to_json(lang)))
}

/// The contract as billing reads it (the terms of every contract of its chain of amendments,
/// `chain_terms`; its invoicing party with the VAT status given at drafting) and its sessions.
async fn billing_inputs(
    service: &Shared,
    id: &str,
    lang: Lang,
) -> Result<(BillingContract, Vec<Session>), ApiError> {
    let mut tx = read_tx(service).await?;
    let contract = billing_contract(&mut tx, id, lang).await?;
    let rows = sqlx::query("SELECT body FROM sessions WHERE contract_id = $1 ORDER BY session_id")
        .bind(id)
        .fetch_all(&mut *tx)
        .await
        .map_err(|e| ApiError::storage(&e))?;
    let mut sessions = Vec::with_capacity(rows.len());
    for row in &rows {
        let body: String = row.try_get("body").map_err(|e| ApiError::storage(&e))?;
        let value: Value = serde_json::from_str(&body).map_err(|_| corrupt())?;
        sessions.push(Session::from_json(&value).map_err(|_| corrupt())?);
    }
    Ok((contract, sessions))
}

/// The contract `id` as billing reads it: the terms of its chain of amendments
/// ([`chain_terms`]) and its invoicing party with the stored VAT status.
///
/// # Errors
/// 404 for an unknown contract; 422 when its invoicing party does not read; a database error.
async fn billing_contract(tx: &mut Tx, id: &str, lang: Lang) -> Result<BillingContract, ApiError> {
    let stored = read_contract(tx, id, lang).await?;
    let invoicing = stored_invoicing_party(tx, &stored, lang).await?;
    let versions = chain_terms(tx, &stored).await?;
    BillingContract::new(id, invoicing, versions).map_err(|e| ApiError::input(e, None, lang))
}

/// Refuses (422, field errors under each session's index in `sessions`) the sessions that the
/// statement of their month would refuse: the core's `billing::statement`, run on the
/// sessions of each billing month of the batch (in the policy's time zone), decides.
fn check_billable(
    contract: &BillingContract,
    sessions: &[Session],
    policy: &BillingPolicy,
    lang: Lang,
) -> Result<(), ApiError> {
    let zone = policy.time_zone.tz();
    let mut months: BTreeMap<BillingPeriod, (Vec<usize>, Vec<Session>)> = BTreeMap::new();
    for (index, session) in sessions.iter().enumerate() {
        let month = months
            .entry(BillingPeriod::of(session.started_at(), zone))
            .or_default();
        month.0.push(index);
        month.1.push(session.clone());
    }
    let mut errors: Vec<(usize, FieldError)> = Vec::new();
    for (period, (indices, month)) in &months {
        match billing::statement(contract, month, *period, policy) {
            Ok(_) => {}
            Err(StatementError::Sessions(problems)) => {
                for problem in problems {
                    let index = indices.get(problem.index).copied().unwrap_or(problem.index);
                    errors.extend(
                        problem
                            .errors
                            .into_iter()
                            .map(|e| (index, e.under(&format!("[{index}]")))),
                    );
                }
            }
            Err(other) => return Err(statement_refused(&other, &[], lang)),
        }
    }
    if errors.is_empty() {
        return Ok(());
    }
    errors.sort_by_key(|(index, _)| *index);
    let errors: Vec<FieldError> = errors.into_iter().map(|(_, e)| e).collect();
    Err(ApiError::fields(&errors, lang))
}

/// The stored VAT part of a contract's invoicing party (`vat`, `vat_number`), as given when
/// its application's first contract was drafted.
///
/// # Errors
/// A database error, or a stored value that does not read (500).
pub(crate) async fn stored_vat(tx: &mut Tx, id: &str) -> Result<Map<String, Value>, ApiError> {
    let row = sqlx::query("SELECT vat FROM contracts WHERE id = $1")
        .bind(id)
        .fetch_one(&mut **tx)
        .await
        .map_err(|e| ApiError::storage(&e))?;
    let vat: String = row.try_get("vat").map_err(|e| ApiError::storage(&e))?;
    serde_json::from_str(&vat).map_err(|_| corrupt())
}

/// The invoicing party of a stored contract (BIL-1): its contracting party with the stored
/// VAT status, read by the core.
///
/// # Errors
/// A database error; 422 with the core's field errors under `invoicing_party`.
pub(crate) async fn stored_invoicing_party(
    tx: &mut Tx,
    stored: &StoredContract,
    lang: Lang,
) -> Result<InvoicingParty, ApiError> {
    let vat = stored_vat(tx, &stored.id).await?;
    let party = stored.contract.contracting_party().ok_or_else(corrupt)?;
    invoicing_party(party, &vat).map_err(|e| ApiError::input(e, Some("invoicing_party"), lang))
}

/// The terms of every contract of `stored`'s chain of amendments, oldest first: the contracts
/// it supersedes (`drafted` `supersedes`, back to the first), its own, and those that
/// supersede it (`amended` `superseded_by`). The core's `amend` ends a contract when its
/// amendment is drafted, so a newer contract's terms are in the chain from then on, whatever
/// its signature state; each version's rates apply from its own `start_date`
/// (`BillingContract::terms_on`, CON-1).
///
/// # Errors
/// A database error, or a chain that names a missing contract or loops (500).
pub(crate) async fn chain_terms(tx: &mut Tx, stored: &StoredContract) -> Result<Vec<Terms>, ApiError> {
    let mut seen = BTreeSet::from([stored.id.clone()]);
    let mut terms = Vec::new();
    let mut link = stored.contract.supersedes().map(str::to_owned);
    while let Some(id) = link {
        let earlier = linked(tx, &id, &mut seen).await?;
        terms.push(earlier.contract.terms().ok_or_else(corrupt)?.clone());
        link = earlier.contract.supersedes().map(str::to_owned);
    }
    terms.reverse();
    terms.push(stored.contract.terms().ok_or_else(corrupt)?.clone());
    let mut link = stored.contract.superseded_by().map(str::to_owned);
    while let Some(id) = link {
        let later = linked(tx, &id, &mut seen).await?;
        terms.push(later.contract.terms().ok_or_else(corrupt)?.clone());
        link = later.contract.superseded_by().map(str::to_owned);
    }
    Ok(terms)
}

/// A contract named by another's chain, seen once.
async fn linked(tx: &mut Tx, id: &str, seen: &mut BTreeSet<String>) -> Result<StoredContract, ApiError> {
    if !seen.insert(id.to_owned()) {
        return Err(corrupt());
    }
    StoredContract::read(tx, id).await?.ok_or_else(corrupt)
}

/// The 422 of a statement that cannot be made; each session that cannot be billed is named by
/// its `session_id` (read in `sessions`, the statement's input), `index` being its position
/// there.
fn statement_refused(error: &StatementError, sessions: &[Session], lang: Lang) -> ApiError {
    let mut body = json!({"code": error.code(), "message": error.message(lang)});
    if let (StatementError::Sessions(problems), Value::Object(map)) = (error, &mut body) {
        let errors: Vec<Value> = problems
            .iter()
            .map(|s| {
                json!({"session_id": sessions.get(s.index).map(Session::session_id),
                    "index": s.index, "errors": s.errors.to_json(lang)})
            })
            .collect();
        map.insert("sessions".to_owned(), Value::Array(errors));
    }
    ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, body)
}

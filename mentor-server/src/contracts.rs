//! Contracts: drafting from the decision and terms, the contract's lifecycle, and the Concord
//! hints an operator confirms (`docs/lifecycles.md`, `docs/esign.md`; CON-1..3).

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::Utc;
use mentor_core::billing::{BillingContract, InvoicingParty};
use mentor_core::contract::{self, ContractChange, Terms};
use mentor_core::eligibility::{self, Decision, WorkingSituation};
use mentor_core::esign::Hints;
use mentor_core::lifecycle::{Aggregate, Event, Replay};
use mentor_core::recruitment::{Application, ApplicationChange};
use mentor_core::{FieldError, InputError, Lang, Localized, application};
use serde_json::{Map, Value, json};
use sqlx::Row;

use crate::applications::{ChangeName, posted_event, read_tx, refuse_erasure};
use crate::billing::{chain_terms, stored_invoicing_party, stored_vat};
use crate::error::{ApiError, codes};
use crate::request::{AnswerLang, Operator, json_body};
use crate::settlement::StoredContract;
use crate::store::{self, Kind, Tx};
use crate::{Shared, retrying};

/// `POST /applications/{id}/contract`: drafts the application's contract with the core
/// (`contract::draft`) from its eligibility decision and the terms given. Body:
/// `{"contract_id"?, "terms": {…}, "vat": "franchise" | "registered" | "not_registered",
/// "vat_number"?, "signers"?: [{"role", "recipient_id"}], "working_situation"?}`.
/// `working_situation` is the situation as settled at the interview (INT-5), in place of the
/// form's; `vat` is the invoicing party's VAT status, which billing needs and the contract
/// does not hold; `signers` gives the provider's recipient ids. 201 with the contract; 409
/// with the core's code when it cannot be drafted (`not_eligible`, `no_contracting_party`),
/// when the application could not take `contract_sent` (the core's refusal: only a selected
/// application gets a contract), or the application has a contract; 422 with field errors.
#[utoipa::path(post, path = "/applications/{id}/contract", tag = "contracts",
    params(("id" = String, Path), ("lang" = Option<String>, Query)), security(("operator" = [])),
    request_body(content = Object, description = "Terms, VAT status, signers"),
    responses((status = 201, description = "Drafted", body = Object),
        (status = 404, description = "Unknown application", body = Object),
        (status = 409, description = "Cannot be drafted", body = Object),
        (status = 422, description = "Field errors", body = Object)))]
pub async fn draft(
    State(service): State<Shared>,
    _operator: Operator,
    AnswerLang(lang): AnswerLang,
    Path(application_id): Path<String>,
    body: Bytes,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let request = object_body(
        &body,
        &[
            "contract_id",
            "terms",
            "vat",
            "vat_number",
            "signers",
            "working_situation",
        ],
        lang,
    )?;
    let given_id = given_contract_id(&request, lang)?;
    let terms = terms_of(&request, lang)?;
    let now = Utc::now();
    let stored = retrying!(lang, async {
        let (_gate, mut tx) = service.store.begin().await?;
        let form = application_form(&mut tx, &application_id, lang).await?;
        let decision = decision(&service, &form, request.get("working_situation"), lang)?;
        let contract_id = given_id
            .clone()
            .unwrap_or_else(|| format!("contract-{application_id}"));
        ready_for_contract(&mut tx, &application_id, &contract_id, now, lang).await?;
        let drafted = contract::draft(&contract_id, &decision, terms.clone(), now).map_err(|e| {
            ApiError::new(
                StatusCode::CONFLICT,
                json!({"code": e.code(), "message": e.message(lang)}),
            )
        })?;
        let drafted = with_signers(drafted, request.get("signers"), lang)?;
        let vat = vat_of(&request);
        let ContractChange::Drafted {
            contracting_party, ..
        } = &drafted.change
        else {
            return Err(store::corrupt());
        };
        invoicing_party(contracting_party, &vat).map_err(|e| ApiError::input(e, None, lang))?;
        let taken = sqlx::query("SELECT id FROM contracts WHERE application_id = $1 OR id = $2")
            .bind(&application_id)
            .bind(&contract_id)
            .fetch_optional(&mut *tx)
            .await
            .map_err(|e| ApiError::storage(&e))?;
        if taken.is_some() {
            return Err(ApiError::own(StatusCode::CONFLICT, codes::CONTRACT_EXISTS, lang));
        }
        sqlx::query("INSERT INTO contracts (id, application_id, vat) VALUES ($1, $2, $3)")
            .bind(&contract_id)
            .bind(&application_id)
            .bind(Value::Object(vat).to_string())
            .execute(&mut *tx)
            .await
            .map_err(|e| ApiError::storage(&e))?;
        store::append(
            &mut tx,
            Kind::Contract,
            &contract_id,
            0,
            std::slice::from_ref(&drafted),
        )
        .await?;
        tx.commit().await.map_err(|e| ApiError::storage(&e))?;
        Ok((contract_id, drafted))
    })?;
    let (contract_id, drafted) = stored;
    tracing::info!(application = %application_id, contract = %contract_id, "contract drafted");
    Ok((
        StatusCode::CREATED,
        Json(view(&contract_id, &application_id, &[drafted], None, lang)),
    ))
}

/// `POST /contracts/{id}/amendments`: amends the active contract `id` with new terms, through
/// the core (`contract::amend`, `docs/lifecycles.md` `amended`): the contract gets `amended`
/// (`superseded_by` the new one, state `amended`) and a new contract is drafted for the same
/// application, with the same contracting party and VAT status, its signers without
/// recipient ids (a new envelope: post its `sent`, then its signature events follow). Body:
/// `{"contract_id"?, "terms": {…}}`; the new id defaults to `contract-{application}-v{version}`.
/// Statements bill each version's rates from its own `start_date` (CON-1, [`crate::billing`]).
/// 201 with the new contract; 409 with the core's code (`contract_not_active`,
/// `version_not_next`: `terms.version` must be the contract's plus one, `invalid_contract_id`)
/// or `contract_id_taken`; 422 with field errors (the terms; `terms.start_date` not after
/// the start of the version it follows, `terms.currency` not the contract's: the core's
/// `BillingContract` checks of the chain).
#[utoipa::path(post, path = "/contracts/{id}/amendments", tag = "contracts",
    params(("id" = String, Path), ("lang" = Option<String>, Query)), security(("operator" = [])),
    request_body(content = Object, description = "The new contract's id (optional) and terms"),
    responses((status = 201, description = "Amended: the new contract", body = Object),
        (status = 404, description = "Unknown contract", body = Object),
        (status = 409, description = "Cannot be amended", body = Object),
        (status = 422, description = "Field errors", body = Object)))]
pub async fn amend(
    State(service): State<Shared>,
    _operator: Operator,
    AnswerLang(lang): AnswerLang,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let request = object_body(&body, &["contract_id", "terms"], lang)?;
    let terms = terms_of(&request, lang)?;
    let given_id = given_contract_id(&request, lang)?;
    let now = Utc::now();
    let (new_id, application_id, drafted) = retrying!(lang, async {
        let (_gate, mut tx) = service.store.begin().await?;
        let mut previous = read_contract(&mut tx, &id, lang).await?;
        let new_id = given_id
            .clone()
            .unwrap_or_else(|| format!("contract-{}-v{}", previous.application_id, terms.version()));
        let (amended, drafted) =
            contract::amend(&previous.contract, &new_id, terms.clone(), now).map_err(|e| {
                ApiError::new(
                    StatusCode::CONFLICT,
                    json!({"code": e.code(), "message": e.message(lang)}),
                )
            })?;
        // The chain with the new version must make a billing contract (the core's checks:
        // consecutive versions, later start dates, one currency).
        let invoicing = stored_invoicing_party(&mut tx, &previous, lang).await?;
        let mut versions = chain_terms(&mut tx, &previous).await?;
        let last = format!("versions[{}]", versions.len());
        versions.push(terms.clone());
        if let Err(error) = BillingContract::new(&new_id, invoicing, versions) {
            let errors: Vec<FieldError> = error
                .errors
                .into_iter()
                .map(|mut e| {
                    if let Some(rest) = e.path.strip_prefix(&last) {
                        e.path = format!("terms{rest}");
                    }
                    e
                })
                .collect();
            return Err(ApiError::fields(&errors, lang));
        }
        let taken = sqlx::query("SELECT id FROM contracts WHERE id = $1")
            .bind(&new_id)
            .fetch_optional(&mut *tx)
            .await
            .map_err(|e| ApiError::storage(&e))?;
        if taken.is_some() {
            return Err(ApiError::own(
                StatusCode::CONFLICT,
                codes::CONTRACT_ID_TAKEN,
                lang,
            ));
        }
        let before = previous.contract.state();
        previous
            .contract
            .apply(&amended)
            .map_err(|refused| ApiError::new(StatusCode::CONFLICT, refused.to_json(lang)))?;
        previous
            .append(&mut tx, std::slice::from_ref(&amended), before)
            .await?;
        let vat = stored_vat(&mut tx, &previous.id).await?;
        sqlx::query("INSERT INTO contracts (id, application_id, vat) VALUES ($1, $2, $3)")
            .bind(&new_id)
            .bind(&previous.application_id)
            .bind(Value::Object(vat).to_string())
            .execute(&mut *tx)
            .await
            .map_err(|e| ApiError::storage(&e))?;
        store::append(
            &mut tx,
            Kind::Contract,
            &new_id,
            0,
            std::slice::from_ref(&drafted),
        )
        .await?;
        tx.commit().await.map_err(|e| ApiError::storage(&e))?;
        Ok((new_id, previous.application_id, drafted))
    })?;
    tracing::info!(contract = %id, amendment = %new_id, "contract amended");
    Ok((
        StatusCode::CREATED,
        Json(view(&new_id, &application_id, &[drafted], None, lang)),
    ))
}

/// A JSON object body with only the keys `allowed`; 422 otherwise (`invalid_type`,
/// `unknown_field`).
fn object_body(body: &Bytes, allowed: &[&str], lang: Lang) -> Result<Map<String, Value>, ApiError> {
    let Value::Object(request) = json_body(body, lang)? else {
        return Err(ApiError::fields(
            &[FieldError::new("", mentor_core::ErrorCode::InvalidType)],
            lang,
        ));
    };
    if let Some(key) = request.keys().find(|k| !allowed.contains(&k.as_str())) {
        return Err(ApiError::fields(
            &[FieldError::new(key.clone(), mentor_core::ErrorCode::UnknownField)],
            lang,
        ));
    }
    Ok(request)
}

/// Whether the application may have its contract now: the core's transition table must let
/// it take `contract_sent` for that contract (from `selected`), as sending the contract will
/// ask. A submitted, rejected or withdrawn application gets no contract (409 with the core's
/// refusal, `transition_not_allowed`, its state and the event).
///
/// # Errors
/// 404 for an unknown application; 409 with the refusal; a storage error.
async fn ready_for_contract(
    tx: &mut Tx,
    application_id: &str,
    contract_id: &str,
    now: chrono::DateTime<Utc>,
    lang: Lang,
) -> Result<(), ApiError> {
    let log = crate::applications::application_log(tx, application_id, lang).await?;
    let mut application = Application::replay(&log).map_err(|_| store::corrupt())?;
    let sent = Event {
        at: application.last_event_at().map_or(now, |last| last.max(now)),
        actor: mentor_core::lifecycle::Actor::System,
        change: ApplicationChange::ContractSent {
            contract_id: contract_id.to_owned(),
        },
    };
    application
        .apply(&sent)
        .map_err(|refused| ApiError::new(StatusCode::CONFLICT, refused.to_json(lang)))
}

/// The request's `terms` (`docs/wire-format.md`, CON-1), read by the core.
///
/// # Errors
/// 422: `required` at `terms` when absent; the terms' field errors under `terms`.
fn terms_of(request: &Map<String, Value>, lang: Lang) -> Result<Terms, ApiError> {
    let Some(terms) = request.get("terms") else {
        return Err(ApiError::fields(
            &[FieldError::new("terms", mentor_core::ErrorCode::Required)],
            lang,
        ));
    };
    Terms::from_json(terms).map_err(|e| ApiError::input(e, Some("terms"), lang))
}

/// The request's `contract_id`, when given: a string, or 422 `invalid_type` at `contract_id`.
fn given_contract_id(request: &Map<String, Value>, lang: Lang) -> Result<Option<String>, ApiError> {
    match request.get("contract_id") {
        None => Ok(None),
        Some(Value::String(given)) => Ok(Some(given.clone())),
        Some(_) => Err(ApiError::fields(
            &[FieldError::new(
                "contract_id",
                mentor_core::ErrorCode::InvalidType,
            )],
            lang,
        )),
    }
}

/// The stored form of an application: 404 when unknown, 409 `erased` once erased.
async fn application_form(tx: &mut Tx, id: &str, lang: Lang) -> Result<Value, ApiError> {
    let row = sqlx::query("SELECT form FROM applications WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut **tx)
        .await
        .map_err(|e| ApiError::storage(&e))?
        .ok_or_else(|| ApiError::not_found(lang))?;
    let form: Option<String> = row.try_get("form").map_err(|e| ApiError::storage(&e))?;
    let form = form.ok_or_else(|| ApiError::own(StatusCode::CONFLICT, codes::ERASED, lang))?;
    serde_json::from_str(&form).map_err(|_| store::corrupt())
}

/// The eligibility decision of the form, or of the situation settled at the interview.
fn decision(
    service: &Shared,
    form: &Value,
    settled: Option<&Value>,
    lang: Lang,
) -> Result<Decision, ApiError> {
    if let Some(situation) = settled {
        let situation = WorkingSituation::from_json(situation)
            .map_err(|e| ApiError::input(e, Some("working_situation"), lang))?;
        return Ok(eligibility::evaluate(&situation, &service.policy));
    }
    let app = application::validate(form, &service.policy)
        .result
        .map_err(|_| store::corrupt())?;
    Ok(match app.working_situation() {
        Some(situation) => eligibility::evaluate(situation, &service.policy),
        None => Decision::to_settle_at_interview(app.applicant().country, &service.policy),
    })
}

/// The drafted event with the request's signers (the core reads them, as in a stored log).
fn with_signers(
    drafted: Event<ContractChange>,
    signers: Option<&Value>,
    lang: Lang,
) -> Result<Event<ContractChange>, ApiError> {
    let Some(signers) = signers else {
        return Ok(drafted);
    };
    let mut wire = drafted.to_json();
    if let Value::Object(map) = &mut wire {
        map.insert("signers".to_owned(), signers.clone());
    }
    Event::<ContractChange>::from_json(&wire).map_err(|e| ApiError::input(e, None, lang))
}

/// The VAT part of the invoicing party, as given: `vat` and `vat_number`.
fn vat_of(request: &Map<String, Value>) -> Map<String, Value> {
    ["vat", "vat_number"]
        .iter()
        .filter_map(|k| request.get(*k).map(|v| ((*k).to_owned(), v.clone())))
        .collect()
}

/// The invoicing party: the contracting party with the stored VAT status, read by the core.
///
/// # Errors
/// The core's field errors (`vat`, `vat_number`, `registration_number`).
pub fn invoicing_party(
    party: &mentor_core::contract::ContractingParty,
    vat: &Map<String, Value>,
) -> Result<InvoicingParty, InputError> {
    let mut wire = party.to_json();
    if let Value::Object(map) = &mut wire {
        map.extend(vat.clone());
    }
    InvoicingParty::from_json(&wire)
}

/// The answer about a contract: its replay, with its id, application and, when the core
/// refused the application's follow-up event, that refusal.
fn view(
    id: &str,
    application_id: &str,
    log: &[Event<ContractChange>],
    refused: Option<Value>,
    lang: Lang,
) -> Value {
    let mut value = Replay::<mentor_core::contract::Contract>::run(log).to_json(lang);
    if let Value::Object(map) = &mut value {
        map.insert("id".to_owned(), Value::from(id));
        map.insert("application_id".to_owned(), Value::from(application_id));
        if let Some(refused) = refused {
            map.insert("application_refused".to_owned(), refused);
        }
    }
    value
}

/// A stored contract; 404 when there is none with this id.
pub(crate) async fn read_contract(tx: &mut Tx, id: &str, lang: Lang) -> Result<StoredContract, ApiError> {
    StoredContract::read(tx, id)
        .await?
        .ok_or_else(|| ApiError::not_found(lang))
}

/// `GET /contracts/{id}`: the replay of the contract's log (state, history, allowed events,
/// signers, terms), with `id` and `application_id`.
#[utoipa::path(get, path = "/contracts/{id}", tag = "contracts",
    params(("id" = String, Path), ("lang" = Option<String>, Query)), security(("operator" = [])),
    responses((status = 200, description = "The contract", body = Object),
        (status = 404, description = "Unknown", body = Object)))]
pub async fn show(
    State(service): State<Shared>,
    _operator: Operator,
    AnswerLang(lang): AnswerLang,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let mut tx = read_tx(&service).await?;
    let stored = read_contract(&mut tx, &id, lang).await?;
    Ok(Json(view(&id, &stored.application_id, &stored.log, None, lang)))
}

/// `POST /contracts/{id}/events`: one contract event, applied by the core; `at` defaults to
/// the server's clock. A `sent` event naming the provider and its envelope id (`request_id`)
/// links the envelope to the contract, and the deliveries kept for that envelope are applied
/// at once. The application follows (`contract_sent`, `contract_signed`). 201 with the
/// contract; 409 with the core's refusal, or `erasure_route` for an `erased` event (erasure is
/// `DELETE /applicants/{email}`); 422 when the body is not an event or is dated in the future.
#[utoipa::path(post, path = "/contracts/{id}/events", tag = "contracts",
    params(("id" = String, Path), ("lang" = Option<String>, Query)), security(("operator" = [])),
    request_body(content = Object, description = "A contract event"),
    responses((status = 201, description = "Applied", body = Object),
        (status = 404, description = "Unknown", body = Object),
        (status = 409, description = "Refused", body = Object),
        (status = 422, description = "Not an event", body = Object)))]
pub async fn post_event(
    State(service): State<Shared>,
    _operator: Operator,
    AnswerLang(lang): AnswerLang,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let value = posted_event(&body, Utc::now(), lang)?;
    let event = Event::<ContractChange>::from_json(&value).map_err(|e| ApiError::input(e, None, lang))?;
    refuse_erasure(event.change_name(), lang)?;
    let (stored, refused) = retrying!(lang, async {
        let (_gate, mut tx) = service.store.begin().await?;
        let mut stored = read_contract(&mut tx, &id, lang).await?;
        let before = stored.contract.state();
        stored
            .contract
            .apply(&event)
            .map_err(|refused| ApiError::new(StatusCode::CONFLICT, refused.to_json(lang)))?;
        let refused = stored
            .append(&mut tx, std::slice::from_ref(&event), before)
            .await?;
        if let ContractChange::Sent {
            provider: Some(provider),
            request_id: Some(request_id),
        } = &event.change
        {
            let other =
                sqlx::query("SELECT id FROM contracts WHERE provider = $1 AND request_id = $2 AND id <> $3")
                    .bind(provider.name())
                    .bind(request_id)
                    .bind(&id)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(|e| ApiError::storage(&e))?;
            if other.is_some() {
                return Err(ApiError::new(
                    StatusCode::CONFLICT,
                    json!({"code": "envelope_taken", "message": match lang {
                        Lang::En => "another contract has this envelope",
                        Lang::Fr => "un autre contrat a cette enveloppe",
                    }}),
                ));
            }
            sqlx::query("UPDATE contracts SET provider = $1, request_id = $2 WHERE id = $3")
                .bind(provider.name())
                .bind(request_id)
                .bind(&id)
                .execute(&mut *tx)
                .await
                .map_err(|e| ApiError::storage(&e))?;
        }
        stored.settle_pending(&mut tx, Hints::Refuse).await?;
        tx.commit().await.map_err(|e| ApiError::storage(&e))?;
        Ok((stored, refused))
    })?;
    tracing::info!(contract = %id, "contract event");
    Ok((
        StatusCode::CREATED,
        Json(view(&id, &stored.application_id, &stored.log, refused, lang)),
    ))
}

/// `POST /contracts/{id}/hints`: the operator read the agreement back from Concord and
/// confirms the hints kept for the contract's envelope; they are applied as verified events
/// (`Hints::Confirmed`). 200 with the core's report and the contract.
#[utoipa::path(post, path = "/contracts/{id}/hints", tag = "contracts",
    params(("id" = String, Path), ("lang" = Option<String>, Query)), security(("operator" = [])),
    responses((status = 200, description = "Applied", body = Object),
        (status = 404, description = "Unknown", body = Object)))]
pub async fn confirm_hints(
    State(service): State<Shared>,
    _operator: Operator,
    AnswerLang(lang): AnswerLang,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let (stored, report) = retrying!(lang, async {
        let (_gate, mut tx) = service.store.begin().await?;
        let mut stored = read_contract(&mut tx, &id, lang).await?;
        let report = stored.settle_pending(&mut tx, Hints::Confirmed).await?;
        tx.commit().await.map_err(|e| ApiError::storage(&e))?;
        Ok((stored, report))
    })?;
    Ok(Json(json!({
        "report": report.map_or(Value::Array(Vec::new()), |r| r.to_json(lang)),
        "contract": view(&id, &stored.application_id, &stored.log, None, lang),
    })))
}

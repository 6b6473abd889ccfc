//! Applications: submission (DESIGN 4.2), the review queue, the lifecycle (`docs/triage.md`,
//! `docs/lifecycles.md`).

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{StatusCode, Uri};
use chrono::{DateTime, Utc};
use mentor_core::application;
use mentor_core::lifecycle::{Actor, Aggregate, Event, Replay, Vocabulary};
use mentor_core::recruitment::{Application, ApplicationChange, ApplicationState, DuplicateKey};
use mentor_core::triage::{self, Record, Status, Triage};
use mentor_core::{ErrorCode, FieldError, Lang, Localized};
use serde::Deserialize;
use serde_json::{Value, json};
use sqlx::Row;

use crate::error::{ApiError, codes};
use crate::query::Params;
use crate::request::{AnswerLang, Operator, json_body};
use crate::store::{self, Kind, Tx};
use crate::{Shared, retrying};

/// The states of an application still waiting for a decision on review: those the queue holds.
pub const QUEUE_STATES: [ApplicationState; 3] = [
    ApplicationState::Submitted,
    ApplicationState::InReview,
    ApplicationState::OnHold,
];

/// `POST /applications`: a form (DESIGN 4.2), assessed as `mentor triage` assesses it
/// (`mentor_core::triage::assess`) at the server's clock. 201 `{"id", "reference", "status",
/// "completeness", "eligibility", "priority", "contact_by", "on_hold"}` and the `submitted`
/// event stored (dated by the server's clock, actor `candidate`); 422 with the field errors;
/// 409 `duplicate_application` with `first`, the id of the first application of the same
/// e-mail and offer (mentor-core's `DuplicateKey`; only its fingerprint is stored).
#[utoipa::path(post, path = "/applications", tag = "applications",
    params(("lang" = Option<String>, Query, description = "en or fr")),
    request_body(content = Object, description = "An application form (DESIGN 4.2)"),
    responses((status = 201, description = "Stored", body = Object),
        (status = 409, description = "Duplicate", body = Object),
        (status = 422, description = "Field errors", body = Object)))]
pub async fn submit(
    State(service): State<Shared>,
    AnswerLang(lang): AnswerLang,
    body: Bytes,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let form = json_body(&body, lang)?;
    let now = Utc::now();
    let app = application::validate(&form, &service.policy)
        .result
        .map_err(|errors| ApiError::fields(&errors, lang))?;
    let entry = triage::assess(
        &Record::Json {
            line: 1,
            value: form.clone(),
        },
        &service.policy,
        now,
    );
    if entry.status == Status::Invalid {
        return Err(ApiError::fields(&entry.errors, lang));
    }
    let key = hex_fingerprint(&DuplicateKey::new(app.applicant().email.expose(), app.offer_id()));
    let offer_id = app.offer_id().to_owned();
    let form_text = form.to_string();
    let id = retrying!(lang, async {
        let (_gate, mut tx) = service.store.begin().await?;
        if let Some(first) = application_with_key(&mut tx, &key).await? {
            let (code, text) = codes::DUPLICATE_APPLICATION;
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                json!({"code": code, "message": text.get(lang), "first": first}),
            ));
        }
        let position = store::next_value(&mut tx, "application").await?;
        let id = format!("app-{position}");
        sqlx::query(
            "INSERT INTO applications (id, position, offer_id, duplicate_key, form, state, submitted_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&id)
        .bind(position)
        .bind(&offer_id)
        .bind(&key)
        .bind(&form_text)
        .bind(ApplicationState::Submitted.name())
        .bind(now.to_rfc3339())
        .execute(&mut *tx)
        .await
        .map_err(|e| ApiError::storage(&e))?;
        let submitted = Event {
            at: now,
            actor: Actor::Candidate,
            change: ApplicationChange::Submitted {
                offer_id: offer_id.clone(),
            },
        };
        store::append(&mut tx, Kind::Application, &id, 0, &[submitted]).await?;
        tx.commit().await.map_err(|e| ApiError::storage(&e))?;
        Ok(id)
    })?;
    tracing::info!(application = %id, status = ?entry.status, "application submitted");
    let mut answer = entry.to_json(lang);
    if let Value::Object(map) = &mut answer {
        for personal_or_batch in ["email", "line", "rank"] {
            map.remove(personal_or_batch);
        }
        map.insert("id".to_owned(), Value::from(id));
    }
    Ok((StatusCode::CREATED, Json(answer)))
}

/// The stored form of a [`DuplicateKey`]: its fingerprint in hex.
#[must_use]
pub fn hex_fingerprint(key: &DuplicateKey) -> String {
    key.fingerprint().iter().map(|b| format!("{b:02x}")).collect()
}

async fn application_with_key(tx: &mut Tx, key: &str) -> Result<Option<String>, ApiError> {
    let row = sqlx::query("SELECT id FROM applications WHERE duplicate_key = $1")
        .bind(key)
        .fetch_optional(&mut **tx)
        .await
        .map_err(|e| ApiError::storage(&e))?;
    row.map(|r| r.try_get::<String, _>("id"))
        .transpose()
        .map_err(|e| ApiError::storage(&e))
}

/// The query of `GET /queue`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct QueueQuery {
    /// en or fr.
    pub lang: Option<String>,
    /// The instant the queue is ranked at (RFC 3339); the server's clock by default.
    pub now: Option<String>,
}

/// `GET /queue`: the review queue, ranked exactly as `mentor triage` ranks the same forms
/// (mentor-core's streaming `Triage`, fed the stored forms in submission order): ranked
/// forms in rank order, then `on_hold`, then `ineligible`. Each entry is the triage entry
/// (`docs/cli.md`) with the application's `id`.
#[utoipa::path(get, path = "/queue", tag = "applications", params(QueueQuery),
    security(("operator" = [])),
    responses((status = 200, description = "The queue", body = Vec<Object>),
        (status = 401, description = "No operator token", body = Object),
        (status = 422, description = "A wrong query parameter (`lang`, `now`)", body = Object)))]
pub async fn queue(
    State(service): State<Shared>,
    _operator: Operator,
    AnswerLang(lang): AnswerLang,
    uri: Uri,
) -> Result<Json<Value>, ApiError> {
    let now = Params::of(&uri)?.instant("now", lang)?.unwrap_or_else(Utc::now);
    let states: Vec<&str> = QUEUE_STATES.iter().map(|s| s.name()).collect();
    let rows = sqlx::query(
        "SELECT id, form FROM applications WHERE form IS NOT NULL AND state IN ($1, $2, $3) ORDER BY position",
    )
    .bind(states.first().copied().unwrap_or_default())
    .bind(states.get(1).copied().unwrap_or_default())
    .bind(states.get(2).copied().unwrap_or_default())
    .fetch_all(service.store.pool())
    .await
    .map_err(|e| ApiError::storage(&e))?;
    let mut ids = Vec::with_capacity(rows.len());
    let mut ranking = Triage::new(&service.policy, now);
    for (index, row) in rows.iter().enumerate() {
        let id: String = row.try_get("id").map_err(|e| ApiError::storage(&e))?;
        let form: String = row.try_get("form").map_err(|e| ApiError::storage(&e))?;
        ranking.push(&Record::from_text(index + 1, &form));
        ids.push(id);
    }
    let entries: Vec<Value> = ranking
        .report()
        .map(|entry| {
            let id = entry.line.checked_sub(1).and_then(|i| ids.get(i)).cloned();
            let mut value = entry.to_json(lang);
            if let Value::Object(map) = &mut value {
                map.insert("id".to_owned(), id.map_or(Value::Null, Value::from));
            }
            value
        })
        .collect();
    Ok(Json(Value::Array(entries)))
}

/// `GET /applications/{id}`: the replay of the application's log (`mentor replay
/// application --json`): state, history, allowed events, data; with `id`.
#[utoipa::path(get, path = "/applications/{id}", tag = "applications",
    params(("id" = String, Path), ("lang" = Option<String>, Query)), security(("operator" = [])),
    responses((status = 200, description = "The application", body = Object),
        (status = 404, description = "Unknown", body = Object)))]
pub async fn show(
    State(service): State<Shared>,
    _operator: Operator,
    AnswerLang(lang): AnswerLang,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let mut tx = read_tx(&service).await?;
    let log = application_log(&mut tx, &id, lang).await?;
    Ok(Json(view(&id, &log, lang)))
}

/// A read transaction (no write gate: WAL readers do not wait).
pub(crate) async fn read_tx(service: &Shared) -> Result<Tx, ApiError> {
    service
        .store
        .pool()
        .begin()
        .await
        .map_err(|e| ApiError::storage(&e))
}

/// An application's log; 404 when it has none.
pub(crate) async fn application_log(
    tx: &mut Tx,
    id: &str,
    lang: Lang,
) -> Result<Vec<Event<ApplicationChange>>, ApiError> {
    let log = store::read_log::<ApplicationChange>(tx, Kind::Application, id).await?;
    if log.is_empty() {
        return Err(ApiError::not_found(lang));
    }
    Ok(log)
}

/// The answer about an application: its replay, with its id.
pub(crate) fn view(id: &str, log: &[Event<ApplicationChange>], lang: Lang) -> Value {
    let mut value = Replay::<Application>::run(log).to_json(lang);
    if let Value::Object(map) = &mut value {
        map.insert("id".to_owned(), Value::from(id));
    }
    value
}

/// How far past the service's clock a posted event may be dated: the sender's clock may run a
/// little ahead.
const CLOCK_SKEW: chrono::TimeDelta = chrono::TimeDelta::minutes(5);

/// Reads an event posted to a log: `at` defaults to the server's clock, and may not be later
/// than the clock (give or take [`CLOCK_SKEW`]). A log only grows forward in time (the core
/// refuses an event dated before the one before it, `event_before_previous`), so one event
/// dated years ahead would freeze the log for good.
///
/// # Errors
/// 422 `invalid_input`: the body's reading errors, or `out_of_range` at `at` for a date in
/// the future.
pub(crate) fn posted_event(body: &[u8], now: DateTime<Utc>, lang: Lang) -> Result<Value, ApiError> {
    let mut value = json_body(body, lang)?;
    if let Value::Object(map) = &mut value {
        match map
            .get("at")
            .and_then(Value::as_str)
            .map(DateTime::parse_from_rfc3339)
        {
            Some(Ok(at)) if at.with_timezone(&Utc) > now + CLOCK_SKEW => {
                return Err(ApiError::fields(
                    &[FieldError::new("at", ErrorCode::OutOfRange)],
                    lang,
                ));
            }
            // Absent: now. Not a date: the core's reading says so, with the rest.
            _ if !map.contains_key("at") => {
                map.insert("at".to_owned(), Value::from(now.to_rfc3339()));
            }
            _ => {}
        }
    }
    Ok(value)
}

/// `POST /applications/{id}/events`: one lifecycle event (`docs/lifecycles.md`), applied by
/// the core; `at` defaults to the server's clock. 201 with the application as
/// `GET /applications/{id}` shows it; 409 with the core's refusal (`{"code", "aggregate",
/// "state", "event", "message"}`) when the transition table does not allow it, or
/// `erasure_route` for an `erased` event (erasure is `DELETE /applicants/{email}`); 422 when
/// the body is not an event or is dated in the future.
#[utoipa::path(post, path = "/applications/{id}/events", tag = "applications",
    params(("id" = String, Path), ("lang" = Option<String>, Query)), security(("operator" = [])),
    request_body(content = Object, description = "An application event"),
    responses((status = 201, description = "Applied", body = Object),
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
    let event = Event::<ApplicationChange>::from_json(&value).map_err(|e| ApiError::input(e, None, lang))?;
    refuse_erasure(event.change_name(), lang)?;
    let log = retrying!(lang, async {
        let (_gate, mut tx) = service.store.begin().await?;
        let mut log = application_log(&mut tx, &id, lang).await?;
        let mut application = Application::replay(&log).map_err(|_| store::corrupt())?;
        application
            .apply(&event)
            .map_err(|refused| ApiError::new(StatusCode::CONFLICT, refused.to_json(lang)))?;
        store::append(
            &mut tx,
            Kind::Application,
            &id,
            log.len(),
            std::slice::from_ref(&event),
        )
        .await?;
        set_state(&mut tx, &id, &application).await?;
        tx.commit().await.map_err(|e| ApiError::storage(&e))?;
        log.push(event.clone());
        Ok(log)
    })?;
    tracing::info!(application = %id, event = event.change_name(), "application event");
    Ok((StatusCode::CREATED, Json(view(&id, &log, lang))))
}

/// An `erased` event posted to an events route is refused (409 `erasure_route`): alone it would
/// mark the log erased and leave the stored form, with its e-mail and name, in place. Erasure
/// is `DELETE /applicants/{email}` ([`crate::erasure`]), which does both.
///
/// # Errors
/// 409 `erasure_route` when `change` is `erased`.
pub(crate) fn refuse_erasure(change: &str, lang: Lang) -> Result<(), ApiError> {
    if change == "erased" {
        return Err(ApiError::own(StatusCode::CONFLICT, codes::ERASURE_ROUTE, lang));
    }
    Ok(())
}

/// Keeps the `state` column (the queue's filter) in step with the log.
pub(crate) async fn set_state(tx: &mut Tx, id: &str, application: &Application) -> Result<(), ApiError> {
    sqlx::query("UPDATE applications SET state = $1 WHERE id = $2")
        .bind(application.state().map_or("", Vocabulary::name))
        .bind(id)
        .execute(&mut **tx)
        .await
        .map_err(|e| ApiError::storage(&e))?;
    Ok(())
}

/// The wire name of an event's type, for logs.
pub(crate) trait ChangeName {
    /// `submitted`, `signed`…
    fn change_name(&self) -> &'static str;
}

impl<C: mentor_core::lifecycle::Change> ChangeName for Event<C> {
    fn change_name(&self) -> &'static str {
        self.change.event_type().name()
    }
}

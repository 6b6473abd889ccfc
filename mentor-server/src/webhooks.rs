//! `POST /webhooks/{provider}`: a provider's delivery, verified on its raw bytes by the core
//! (`esign::receive`, in constant time, before parsing), then applied to the contract whose
//! envelope it names (`docs/esign.md`).

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use chrono::Utc;
use mentor_core::esign::{self, Delivery, Hints, Provider, Secret, SignatureEvent, WebhookError};
use mentor_core::{Lang, Localized};
use serde_json::{Value, json};
use sqlx::Row;

use crate::error::{ApiError, codes};
use crate::request::AnswerLang;
use crate::settlement::{StoredContract, keep_pending};
use crate::store::Tx;
use crate::{Shared, retrying};

/// `POST /webhooks/{provider}` (`concord`, `docusign`, `dropbox_sign`, `yousign`,
/// `documenso`, `docuseal`): verifies the delivery with the provider's secret
/// (`MENTOR_WEBHOOK_SECRET_<PROVIDER>`), then applies its events to the contract of their
/// envelope: the contract events and the dedupe keys in one transaction.
///
/// Answers: 200 `{"outcome": "applied" | "duplicate" | "ignored" | "conflict" | "pending",
/// "report": [the core's report per event]}` once stored (a repeat is a 200 `duplicate`);
/// 202 `pending` when no contract has the envelope yet (kept, applied when a `sent` event
/// names it); 401 with the core's code when the check fails (`bad_signature`…); 422
/// `invalid_body`; 404 `unknown_provider`; 503 `provider_not_configured` (logged at WARN,
/// once a minute per provider); 503 `too_many_pending` when the provider already has
/// [`MAX_PENDING`](crate::settlement::MAX_PENDING) events kept and this delivery would add
/// one (nothing of it is kept; the kept ones, the oldest, stay).
#[utoipa::path(post, path = "/webhooks/{provider}", tag = "webhooks",
    params(("provider" = String, Path), ("lang" = Option<String>, Query)),
    request_body(content = String, description = "The provider's delivery, raw"),
    responses((status = 200, description = "Stored", body = Object),
        (status = 202, description = "Kept for an envelope not known yet", body = Object),
        (status = 401, description = "Signature check failed", body = Object),
        (status = 404, description = "Unknown provider", body = Object),
        (status = 422, description = "Not the provider's payload", body = Object),
        (status = 503, description = "Provider not configured, or too many deliveries pending", body = Object)))]
pub async fn receive(
    State(service): State<Shared>,
    AnswerLang(lang): AnswerLang,
    Path(provider): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let provider = Provider::from_name(&provider)
        .ok_or_else(|| ApiError::own(StatusCode::NOT_FOUND, codes::UNKNOWN_PROVIDER, lang))?;
    let unsigned = Secret::new("");
    let secret = match (service.webhook_secrets.get(&provider), provider) {
        (Some(secret), _) => secret,
        (None, Provider::Concord) => &unsigned,
        (None, _) => {
            warn_unconfigured(provider);
            return Err(ApiError::own(
                StatusCode::SERVICE_UNAVAILABLE,
                codes::PROVIDER_NOT_CONFIGURED,
                lang,
            ));
        }
    };
    let headers: Vec<(&str, &str)> = headers
        .iter()
        .filter_map(|(name, value)| value.to_str().ok().map(|v| (name.as_str(), v)))
        .collect();
    let delivery = Delivery {
        headers: &headers,
        body: &body,
    };
    let events = esign::receive(provider, &delivery, secret, Utc::now()).map_err(|e| refused(&e, lang))?;
    // One transaction per envelope (a delivery names one in practice).
    let mut by_envelope: BTreeMap<Option<String>, Vec<SignatureEvent>> = BTreeMap::new();
    for event in events {
        by_envelope
            .entry(event.request_id.clone())
            .or_default()
            .push(event);
    }
    let mut reports = Vec::new();
    let mut pending = false;
    for (request_id, events) in &by_envelope {
        let answer = retrying!(lang, async {
            let (_gate, mut tx) = service.store.begin().await?;
            let answer = settle(&mut tx, provider, request_id.as_deref(), events, lang).await?;
            tx.commit().await.map_err(|e| ApiError::storage(&e))?;
            Ok(answer)
        })
        .map_err(|e| e.in_lang(codes::TOO_MANY_PENDING, lang))?;
        match answer {
            Settled::Applied(report) => reports.extend(report),
            Settled::Pending => pending = true,
        }
    }
    let outcome = overall(&reports, pending);
    tracing::info!(provider = provider.name(), outcome, "webhook delivery");
    let status = if outcome == "pending" {
        StatusCode::ACCEPTED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(json!({"outcome": outcome, "report": reports}))))
}

/// Logs, at WARN and once a minute per provider at most, that a delivery came for a provider
/// with no secret configured (a configuration to fix, or a stranger's request: not a failure
/// of the service).
fn warn_unconfigured(provider: Provider) {
    static LAST: Mutex<BTreeMap<&'static str, Instant>> = Mutex::new(BTreeMap::new());
    let now = Instant::now();
    let due = LAST.lock().is_ok_and(|mut last| {
        let due = last
            .get(provider.name())
            .is_none_or(|at| now.duration_since(*at) >= Duration::from_secs(60));
        if due {
            last.insert(provider.name(), now);
        }
        due
    });
    if due {
        tracing::warn!(
            provider = provider.name(),
            "webhook delivery for a provider with no secret configured (MENTOR_WEBHOOK_SECRET_<PROVIDER>): answered 503"
        );
    }
}

/// What became of one envelope's events.
enum Settled {
    /// The core's report, per event, in the wire form.
    Applied(Vec<Value>),
    /// No contract has the envelope: kept.
    Pending,
}

async fn settle(
    tx: &mut Tx,
    provider: Provider,
    request_id: Option<&str>,
    events: &[SignatureEvent],
    lang: Lang,
) -> Result<Settled, ApiError> {
    let contract_id = match request_id {
        Some(request_id) => sqlx::query("SELECT id FROM contracts WHERE provider = $1 AND request_id = $2")
            .bind(provider.name())
            .bind(request_id)
            .fetch_optional(&mut **tx)
            .await
            .map_err(|e| ApiError::storage(&e))?
            .map(|row| row.try_get::<String, _>("id"))
            .transpose()
            .map_err(|e| ApiError::storage(&e))?,
        None => None,
    };
    let stored = match contract_id {
        Some(id) => StoredContract::read(tx, &id).await?,
        None => None,
    };
    let Some(mut stored) = stored else {
        if request_id.is_none() {
            // A test delivery names no envelope: the core says what it is, nothing to keep.
            let mut nobody = mentor_core::contract::Contract::default();
            let mut seen = esign::Deliveries::new();
            let report = esign::apply(&mut nobody, &mut seen, events, Hints::Refuse);
            return Ok(Settled::Applied(entries(&report, lang)));
        }
        for event in events {
            keep_pending(tx, event).await?;
        }
        return Ok(Settled::Pending);
    };
    let report = stored.settle(tx, events, Hints::Refuse).await?;
    Ok(Settled::Applied(entries(&report, lang)))
}

fn entries(report: &esign::Report, lang: Lang) -> Vec<Value> {
    report.entries.iter().map(|e| e.to_json(lang)).collect()
}

/// The delivery's outcome: `applied` if any event applied, else `conflict`, `ignored`,
/// `duplicate`, and `pending` when only kept.
fn overall(reports: &[Value], pending: bool) -> &'static str {
    let has = |name: &str| {
        reports
            .iter()
            .any(|r| r.get("outcome").and_then(Value::as_str) == Some(name))
    };
    // The core's outcome names (`esign::Outcome::name`), strongest first.
    for name in ["applied", "conflict", "ignored", "duplicate"] {
        if has(name) {
            return name;
        }
    }
    if pending { "pending" } else { "ignored" }
}

fn refused(error: &WebhookError, lang: Lang) -> ApiError {
    let status = match error {
        WebhookError::Rejected(_) => StatusCode::UNAUTHORIZED,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    };
    let mut body = json!({"code": error.code(), "message": error.message(lang)});
    if let (WebhookError::Malformed(input), Value::Object(map)) = (error, &mut body) {
        map.insert("errors".to_owned(), input.errors.to_json(lang));
    }
    ApiError::new(status, body)
}

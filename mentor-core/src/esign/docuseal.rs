//! DocuSeal webhooks.
//!
//! - Verification (<https://www.docuseal.com/resources/use-webhooks>):
//!   `X-Docuseal-Signature: <unix ts>.<hex HMAC-SHA256 of "<ts>.<raw body>">`, keyed with the
//!   webhook's signing secret (`whsec_…`, its UTF-8 bytes); a timestamp more than 5 minutes
//!   from now, either way, is refused (a replayed or delayed delivery).
//! - Payload (<https://www.docuseal.com/docs/webhooks>): `event_type` (`form.viewed`,
//!   `form.started`, `form.completed`, `form.declined`, `submission.created`,
//!   `submission.completed`, `submission.expired`…), `timestamp`, and `data`: the submitter
//!   for `form.*` events (`data.id`, `data.submission_id`), the submission for `submission.*`
//!   events (`data.id`).
//! - Dedupe key: DocuSeal sends no event id, so the key is submission id + event type +
//!   submitter id + the payload's `timestamp` (the header's timestamp changes on each retry).

use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::Provider;
use super::delivery::{Delivery, Secret, VerifyError, hex_tag, hmac_sha256, same_bytes};
use super::event::{EventKind, SignatureEvent};
use super::payload::{About, Check, Leaf, Object, key, read_root};
use crate::error::InputError;

const SIGNATURE: &str = "X-Docuseal-Signature";

/// How far the signed timestamp may be from now, either way, in seconds.
pub(crate) const TOLERANCE_SECONDS: i64 = 5 * 60;

pub(super) fn verify(
    delivery: &Delivery<'_>,
    secret: &Secret,
    now: DateTime<Utc>,
) -> Result<(), VerifyError> {
    let value = delivery
        .header(SIGNATURE)
        .ok_or(VerifyError::MissingHeader(SIGNATURE))?;
    let (ts, hex) = value
        .split_once('.')
        .ok_or(VerifyError::MalformedHeader(SIGNATURE))?;
    let seconds: i64 = if !ts.is_empty() && ts.bytes().all(|b| b.is_ascii_digit()) {
        ts.parse().map_err(|_| VerifyError::MalformedHeader(SIGNATURE))?
    } else {
        return Err(VerifyError::MalformedHeader(SIGNATURE));
    };
    let sent = hex_tag(hex).ok_or(VerifyError::MalformedHeader(SIGNATURE))?;
    let tag = hmac_sha256(secret.bytes(), &[ts.as_bytes(), b".", delivery.body]);
    if !same_bytes(&sent, &tag) {
        return Err(VerifyError::BadSignature);
    }
    let age_seconds = now.timestamp().saturating_sub(seconds);
    if age_seconds.abs() > TOLERANCE_SECONDS {
        return Err(VerifyError::StaleTimestamp {
            age_seconds,
            tolerance_seconds: TOLERANCE_SECONDS,
        });
    }
    Ok(())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Root<'a> {
    #[serde(borrow)]
    event_type: Leaf<'a>,
    #[serde(borrow)]
    timestamp: Leaf<'a>,
    #[serde(borrow)]
    data: Object<Data<'a>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Data<'a> {
    #[serde(borrow)]
    id: Leaf<'a>,
    #[serde(borrow)]
    submission_id: Leaf<'a>,
}

fn kind(event: &str) -> EventKind {
    match event {
        "submission.created" => EventKind::Sent,
        "form.viewed" | "form.started" => EventKind::Viewed,
        "form.completed" => EventKind::Signed,
        "form.declined" => EventKind::Declined,
        "submission.completed" => EventKind::Completed,
        "submission.expired" => EventKind::Expired,
        _ => EventKind::Unknown,
    }
}

pub(super) fn parse(body: &[u8]) -> Result<Vec<SignatureEvent>, InputError> {
    let root: Root<'_> = read_root(body)?;
    let mut c = Check::new();
    let event = c.text(&root.event_type, "event_type", true);
    let occurred_at = c.instant(&root.timestamp, "timestamp");
    let kind = event.map_or(EventKind::Unknown, kind);
    let known = kind != EventKind::Unknown;
    let data = c.object(&root.data, "data", known);
    let about_submitter = event.is_some_and(|e| e.starts_with("form."));
    let (request_id, signer_id) = match data {
        Some(d) if about_submitter => (
            c.id(&d.submission_id, "data.submission_id", known),
            c.id(&d.id, "data.id", known),
        ),
        Some(d) => (c.id(&d.id, "data.id", known), None),
        None => (None, None),
    };
    let timestamp = root.timestamp.as_text();
    let dedupe_key = key(&[
        Some("docuseal"),
        request_id.as_deref(),
        event,
        signer_id.as_deref(),
        timestamp,
    ]);
    c.one_event(
        Provider::Docuseal,
        event,
        occurred_at,
        About {
            kind,
            request_id,
            signer_id,
            new_signer_id: None,
            dedupe_key,
        },
    )
}

//! Documenso webhooks.
//!
//! - Verification (<https://docs.documenso.com/docs/developers/webhooks/verification>): the
//!   header `X-Documenso-Secret` holds the webhook's secret as plain text; it is compared in
//!   constant time (both sides hashed first, so not even the length leaks). Documenso sends an
//!   empty header when no secret is configured: an empty secret is refused.
//! - Payload (<https://docs.documenso.com/docs/developers/webhooks/events>): `event`
//!   (`DOCUMENT_SENT`, `DOCUMENT_OPENED`, `DOCUMENT_SIGNED`, `DOCUMENT_RECIPIENT_COMPLETED`,
//!   `DOCUMENT_COMPLETED`, `DOCUMENT_REJECTED`, `DOCUMENT_CANCELLED`…; the dotted lower-case
//!   form `document.signed` is read too), `createdAt` (when the webhook event was created),
//!   `payload.id` (the document) and `payload.recipients` (legacy `payload.Recipient`), each with
//!   `id`, `role`, `readStatus`, `signingStatus`, `signedAt`.
//! - A Documenso delivery is a snapshot of the document and does not say which recipient acted,
//!   so a `DOCUMENT_SIGNED` delivery gives one `signed` event per recipient whose
//!   `signingStatus` is `SIGNED` (`OPENED` → `viewed`, `REJECTED` → `declined`); the apply
//!   step is monotone and idempotent, so repeating an earlier signature changes nothing.
//!   Recipients who only receive a copy (`CC`, `VIEWER`, `ASSISTANT`) are skipped.
//! - Dedupe key: no event id, so document id + event + `createdAt` (as sent) + recipient id.

use serde::Deserialize;

use super::Provider;
use super::delivery::{Delivery, Secret, VerifyError, same_secret};
use super::event::{EventKind, SignatureEvent};
use super::payload::{Check, Field, Leaf, List, Object, key, read_root};
use crate::error::InputError;
use crate::lifecycle::parse_instant;

const SECRET_HEADER: &str = "X-Documenso-Secret";

pub(super) fn verify(delivery: &Delivery<'_>, secret: &Secret) -> Result<(), VerifyError> {
    let value = delivery
        .header(SECRET_HEADER)
        .ok_or(VerifyError::MissingHeader(SECRET_HEADER))?;
    if same_secret(value.as_bytes(), secret.bytes()) {
        Ok(())
    } else {
        Err(VerifyError::BadSignature)
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Root<'a> {
    #[serde(borrow)]
    event: Leaf<'a>,
    #[serde(borrow, rename = "createdAt")]
    created_at: Leaf<'a>,
    #[serde(borrow)]
    payload: Object<Document<'a>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Document<'a> {
    #[serde(borrow)]
    id: Leaf<'a>,
    #[serde(borrow)]
    recipients: List<Object<Recipient<'a>>>,
    #[serde(borrow, rename = "Recipient")]
    legacy_recipients: List<Object<Recipient<'a>>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Recipient<'a> {
    #[serde(borrow)]
    id: Leaf<'a>,
    #[serde(borrow)]
    role: Leaf<'a>,
    #[serde(borrow, rename = "readStatus")]
    read_status: Leaf<'a>,
    #[serde(borrow, rename = "signingStatus")]
    signing_status: Leaf<'a>,
    #[serde(borrow, rename = "signedAt")]
    signed_at: Leaf<'a>,
}

/// `document.signed` and `DOCUMENT_SIGNED` alike.
fn normalise(event: &str) -> String {
    event
        .chars()
        .map(|c| if c == '.' { '_' } else { c.to_ascii_uppercase() })
        .collect()
}

fn kind(event: &str) -> EventKind {
    match event {
        "DOCUMENT_SENT" => EventKind::Sent,
        "DOCUMENT_OPENED" | "DOCUMENT_VIEWED" => EventKind::Viewed,
        "DOCUMENT_SIGNED" | "DOCUMENT_RECIPIENT_COMPLETED" => EventKind::Signed,
        "DOCUMENT_REJECTED" => EventKind::Declined,
        "DOCUMENT_COMPLETED" => EventKind::Completed,
        "DOCUMENT_CANCELLED" => EventKind::Voided,
        _ => EventKind::Unknown,
    }
}

/// Whether a recipient's snapshot shows the move of `kind`.
fn shows(kind: EventKind, recipient: &Recipient<'_>) -> bool {
    let is = |leaf: &Leaf<'_>, value: &str| leaf.as_text().is_some_and(|t| t.eq_ignore_ascii_case(value));
    match kind {
        EventKind::Viewed => is(&recipient.read_status, "OPENED"),
        EventKind::Signed => is(&recipient.signing_status, "SIGNED"),
        EventKind::Declined => is(&recipient.signing_status, "REJECTED"),
        _ => false,
    }
}

fn signs(recipient: &Recipient<'_>) -> bool {
    !recipient.role.as_text().is_some_and(|t| {
        ["CC", "VIEWER", "ASSISTANT"]
            .iter()
            .any(|r| t.eq_ignore_ascii_case(r))
    })
}

pub(super) fn parse(body: &[u8]) -> Result<Vec<SignatureEvent>, InputError> {
    let root: Root<'_> = read_root(body)?;
    let mut c = Check::new();
    let event = c.text(&root.event, "event", true).map(normalise);
    let created_at = c.instant(&root.created_at, "createdAt");
    let created_text = root.created_at.as_text();
    let kind = event.as_deref().map_or(EventKind::Unknown, kind);
    let known = kind != EventKind::Unknown;
    let document = c.object(&root.payload, "payload", known);
    let request_id = document.and_then(|d| c.id(&d.id, "payload.id", known));
    let per_recipient = matches!(kind, EventKind::Viewed | EventKind::Signed | EventKind::Declined);
    // (recipient id, when) of each recipient the snapshot shows in the event's state.
    let mut recipients: Vec<(String, Option<chrono::DateTime<chrono::Utc>>)> = Vec::new();
    if let (Some(d), true) = (document, per_recipient) {
        let (list, path) = match (&d.recipients, &d.legacy_recipients) {
            (Field::Absent, Field::Given(_) | Field::Wrong(_)) => (&d.legacy_recipients, "payload.Recipient"),
            _ => (&d.recipients, "payload.recipients"),
        };
        for (i, item) in c.array(list, path).iter().enumerate() {
            let item_path = format!("{path}[{i}]");
            let Some(r) = c.object(item, &item_path, true) else {
                continue;
            };
            if !signs(r) || !shows(kind, r) {
                continue;
            }
            let Some(id) = c.id(&r.id, &format!("{item_path}.id"), true) else {
                continue;
            };
            let signed_at = if kind == EventKind::Signed {
                r.signed_at.as_text().and_then(parse_instant)
            } else {
                None
            };
            recipients.push((id, signed_at));
        }
    }
    let built = event.zip(created_at).map(|(event, created_at)| {
        let make = |signer_id: Option<String>, occurred_at| SignatureEvent {
            provider: Provider::Documenso,
            dedupe_key: key(&[
                Some("documenso"),
                request_id.as_deref(),
                Some(&event),
                created_text,
                signer_id.as_deref(),
            ]),
            request_id: request_id.clone(),
            signer_id,
            new_signer_id: None,
            kind,
            provider_event: event.clone(),
            occurred_at,
            hint: false,
        };
        if recipients.is_empty() {
            // Not about one recipient, or none shown in that state: one event, which the apply
            // step reports as concerning no signer when it needs one.
            vec![make(None, created_at)]
        } else {
            recipients
                .iter()
                .map(|(id, signed_at)| make(Some(id.clone()), signed_at.unwrap_or(created_at)))
                .collect()
        }
    });
    c.finish(built)
}

//! DocuSign Connect, JSON SIM messages.
//!
//! - Verification (<https://developers.docusign.com/platform/webhooks/connect/hmac/>): each
//!   active Connect key signs the raw body; `X-DocuSign-Signature-1`, `-2`… each hold the base64
//!   HMAC-SHA256 of the body under one key. The key is the secret **as its UTF-8 bytes**, not its
//!   base64 decoding, although DocuSign's keys look like base64. Any header may match: during a
//!   key rotation the operator knows one of the keys.
//! - Payload (<https://developers.docusign.com/platform/webhooks/connect/json-sim-event-model/>):
//!   `event` (`envelope-sent`, `recipient-completed`, `envelope-completed`…),
//!   `generatedDateTime`, `data.envelopeId`, `data.recipientId` for recipient events. Event
//!   names from <https://developers.docusign.com/platform/webhooks/connect/event-triggers/>.
//! - Dedupe key: DocuSign sends no event id, so the key is envelope id + event + recipient id +
//!   `generatedDateTime` (as sent): a retry repeats all four.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde::Deserialize;

use super::Provider;
use super::delivery::{Delivery, Secret, VerifyError, hmac_sha256, same_bytes};
use super::event::{EventKind, SignatureEvent};
use super::payload::{About, Check, Leaf, Object, key, read_root};
use crate::error::InputError;

const SIGNATURE_PREFIX: &str = "X-DocuSign-Signature-";
const FIRST_SIGNATURE: &str = "X-DocuSign-Signature-1";

pub(super) fn verify(delivery: &Delivery<'_>, secret: &Secret) -> Result<(), VerifyError> {
    let tag = hmac_sha256(secret.bytes(), &[delivery.body]);
    let (mut seen, mut well_formed, mut matched) = (false, false, false);
    for value in delivery.headers_starting_with(SIGNATURE_PREFIX) {
        seen = true;
        let mut decoded = [0u8; 48];
        if let Ok(32) = STANDARD.decode_slice(value, &mut decoded) {
            well_formed = true;
            // Every header is compared, so the time does not tell which key matched.
            matched |= decoded.get(..32).is_some_and(|d| same_bytes(d, &tag));
        }
    }
    match (seen, well_formed, matched) {
        (_, _, true) => Ok(()),
        (false, _, _) => Err(VerifyError::MissingHeader(FIRST_SIGNATURE)),
        (true, false, _) => Err(VerifyError::MalformedHeader(FIRST_SIGNATURE)),
        (true, true, false) => Err(VerifyError::BadSignature),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Root<'a> {
    #[serde(borrow)]
    event: Leaf<'a>,
    #[serde(borrow, rename = "generatedDateTime")]
    generated: Leaf<'a>,
    #[serde(borrow)]
    data: Object<Data<'a>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Data<'a> {
    #[serde(borrow, rename = "envelopeId")]
    envelope_id: Leaf<'a>,
    #[serde(borrow, rename = "recipientId")]
    recipient_id: Leaf<'a>,
}

/// The normalised kind of a JSON SIM event name.
fn kind(event: &str) -> EventKind {
    match event {
        "envelope-sent" | "recipient-sent" => EventKind::Sent,
        "recipient-delivered" | "envelope-delivered" => EventKind::Viewed,
        "recipient-completed" => EventKind::Signed,
        "recipient-declined" | "envelope-declined" => EventKind::Declined,
        "envelope-completed" => EventKind::Completed,
        "envelope-voided" => EventKind::Voided,
        "envelope-expired" => EventKind::Expired,
        "recipient-reassign" => EventKind::Reassigned,
        _ => EventKind::Unknown,
    }
}

pub(super) fn parse(body: &[u8]) -> Result<Vec<SignatureEvent>, InputError> {
    let root: Root<'_> = read_root(body)?;
    let mut c = Check::new();
    let event = c.text(&root.event, "event", true);
    let occurred_at = c.instant(&root.generated, "generatedDateTime");
    let kind = event.map_or(EventKind::Unknown, kind);
    // An event this library does not use may concern no envelope at all.
    let known = kind != EventKind::Unknown;
    let data = c.object(&root.data, "data", known);
    let request_id = data.and_then(|d| c.id(&d.envelope_id, "data.envelopeId", known));
    let signer_id = data.and_then(|d| c.id(&d.recipient_id, "data.recipientId", false));
    let generated = root.generated.as_text();
    let dedupe_key = key(&[
        Some("docusign"),
        request_id.as_deref(),
        event,
        signer_id.as_deref(),
        generated,
    ]);
    // JSON SIM names the recipient who reassigned; the new recipient must be read from the
    // envelope (it is not in the message).
    c.one_event(
        Provider::Docusign,
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

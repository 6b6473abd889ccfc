//! Yousign API v3 webhooks.
//!
//! - Verification (<https://developers.yousign.com/docs/use-webhooks-in-your-app>):
//!   `X-Yousign-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>`, keyed with the webhook
//!   subscription's secret (its UTF-8 bytes).
//! - Payload: `event_id`, `event_name` (`signature_request.activated`, `signer.done`,
//!   `signature_request.done`…), `event_time` (Unix seconds, constant across retries),
//!   `data.signature_request.id`, `data.signer.id` for signer events. Event names from
//!   <https://developers.yousign.com/docs/webhooks>.
//! - Dedupe key: `event_id` ("a unique identifier for this webhook event").

use serde::Deserialize;

use super::Provider;
use super::delivery::{Delivery, Secret, VerifyError, hex_tag, hmac_sha256, same_bytes};
use super::event::{EventKind, SignatureEvent};
use super::payload::{About, Check, Leaf, Object, key, read_root};
use crate::error::InputError;

const SIGNATURE: &str = "X-Yousign-Signature-256";

pub(super) fn verify(delivery: &Delivery<'_>, secret: &Secret) -> Result<(), VerifyError> {
    let value = delivery
        .header(SIGNATURE)
        .ok_or(VerifyError::MissingHeader(SIGNATURE))?;
    let (scheme, hex) = value
        .split_once('=')
        .ok_or(VerifyError::MalformedHeader(SIGNATURE))?;
    if !scheme.trim().eq_ignore_ascii_case("sha256") {
        return Err(VerifyError::MalformedHeader(SIGNATURE));
    }
    let sent = hex_tag(hex.trim()).ok_or(VerifyError::MalformedHeader(SIGNATURE))?;
    let tag = hmac_sha256(secret.bytes(), &[delivery.body]);
    if same_bytes(&sent, &tag) {
        Ok(())
    } else {
        Err(VerifyError::BadSignature)
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Root<'a> {
    #[serde(borrow)]
    event_id: Leaf<'a>,
    #[serde(borrow)]
    event_name: Leaf<'a>,
    #[serde(borrow)]
    event_time: Leaf<'a>,
    #[serde(borrow)]
    data: Object<Data<'a>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Data<'a> {
    #[serde(borrow)]
    signature_request: Object<Id<'a>>,
    #[serde(borrow)]
    signer: Object<Id<'a>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Id<'a> {
    #[serde(borrow)]
    id: Leaf<'a>,
}

fn kind(event: &str) -> EventKind {
    match event {
        "signature_request.activated" => EventKind::Sent,
        "signer.link_opened" => EventKind::Viewed,
        "signer.done" => EventKind::Signed,
        "signature_request.declined" | "signer.declined" => EventKind::Declined,
        "signature_request.done" => EventKind::Completed,
        "signature_request.canceled" => EventKind::Voided,
        "signature_request.expired" => EventKind::Expired,
        _ => EventKind::Unknown,
    }
}

pub(super) fn parse(body: &[u8]) -> Result<Vec<SignatureEvent>, InputError> {
    let root: Root<'_> = read_root(body)?;
    let mut c = Check::new();
    let event_id = c.id(&root.event_id, "event_id", true);
    let event = c.text(&root.event_name, "event_name", true);
    let occurred_at = c.unix_time(&root.event_time, "event_time");
    let kind = event.map_or(EventKind::Unknown, kind);
    let known = kind != EventKind::Unknown;
    let data = c.object(&root.data, "data", known);
    let request = data.and_then(|d| c.object(&d.signature_request, "data.signature_request", known));
    let request_id = request.and_then(|r| c.id(&r.id, "data.signature_request.id", known));
    let signer = data.and_then(|d| c.object(&d.signer, "data.signer", false));
    let signer_id = signer.and_then(|s| c.id(&s.id, "data.signer.id", false));
    // A missing `event_id` is a field error, so no event is built without it.
    let dedupe_key = key(&[Some("yousign"), event_id.as_deref()]);
    c.one_event(
        Provider::Yousign,
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

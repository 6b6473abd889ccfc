//! Dropbox Sign (formerly HelloSign) callbacks.
//!
//! - Delivery (<https://developers.hellosign.com/docs/events/overview/>): a
//!   `multipart/form-data` POST whose field `json` holds the event; a body that is the JSON
//!   itself is read too.
//! - Verification (<https://developers.hellosign.com/docs/events/walkthrough/>, "Event Hash
//!   Verification"): `event.event_hash` is the hex HMAC-SHA256 of `event_time` + `event_type`
//!   keyed with the account's API key. The hash is **inside** the body and does **not** cover
//!   it: the `json` field is read first to find it, and the rest of the payload (ids, signer)
//!   is only as trustworthy as the transport. A delivery with the right hash but an altered body
//!   passes; callers that need more fetch the signature request from the API.
//! - `callback_test` (sent when a callback URL is set) is accepted and changes nothing.
//! - Payload: `event.event_type` (`signature_request_sent`, `signature_request_viewed`,
//!   `signature_request_signed`, `signature_request_all_signed`, `signature_request_declined`,
//!   `signature_request_reassigned`, `signature_request_canceled`, `signature_request_expired`…),
//!   `event.event_time` (Unix seconds), `event.event_metadata.related_signature_id` (the signer),
//!   `signature_request.signature_request_id`, `signature_request.signatures[]` whose
//!   `reassigned_from` names the signature a reassigned one replaces.
//! - Dedupe key: no event id, so request id + event type + event time + related signature id.

use serde::Deserialize;

use super::Provider;
use super::delivery::{Delivery, Secret, VerifyError, WebhookError, hex_tag, hmac_sha256, same_bytes};
use super::event::{EventKind, SignatureEvent};
use super::payload::{About, Check, Field, Leaf, List, Object, key, read_root};
use crate::error::{ErrorCode, FieldError, InputError};

const HASH_FIELD: &str = "event.event_hash";

/// Verifies the event hash and returns the JSON document to parse.
pub(super) fn verify<'a>(delivery: &Delivery<'a>, secret: &Secret) -> Result<&'a [u8], WebhookError> {
    let json = json_part(delivery)?;
    let root: Root<'_> = read_root(json)?;
    let mut c = Check::new();
    let event = c.object(&root.event, "event", true);
    let time = event.and_then(|e| raw(&mut c, &e.event_time, "event.event_time"));
    let kind = event.and_then(|e| c.text(&e.event_type, "event.event_type", true));
    let (time, kind) = c.finish(time.zip(kind))?;
    let hash = match event.and_then(|e| e.event_hash.as_text()) {
        Some(h) if !h.is_empty() => h,
        _ => return Err(VerifyError::MissingSignature(HASH_FIELD).into()),
    };
    let tag = hmac_sha256(secret.bytes(), &[time.as_bytes(), kind.as_bytes()]);
    // A hash that is not 64 hex digits cannot match.
    match hex_tag(hash) {
        Some(sent) if same_bytes(&sent, &tag) => Ok(json),
        _ => Err(VerifyError::BadSignature.into()),
    }
}

/// `event_time` exactly as sent (a string of digits, or a number).
fn raw(c: &mut Check, leaf: &Leaf<'_>, path: &str) -> Option<String> {
    leaf.integer()
        .or_else(|| c.text(leaf, path, true).map(str::to_owned))
}

/// The `json` field of a `multipart/form-data` body (RFC 7578), or the body itself when it is
/// not multipart.
fn json_part<'a>(delivery: &Delivery<'a>) -> Result<&'a [u8], InputError> {
    let body = delivery.body;
    let Some(boundary) = delivery.header("Content-Type").and_then(boundary) else {
        return Ok(body);
    };
    let mut delimiter = Vec::with_capacity(boundary.len() + 2);
    delimiter.extend_from_slice(b"--");
    delimiter.extend_from_slice(boundary.as_bytes());
    let mut rest = body;
    while let Some(start) = find(rest, &delimiter) {
        rest = rest.get(start + delimiter.len()..).unwrap_or_default();
        let end = find(rest, &delimiter).unwrap_or(rest.len());
        let part = rest.get(..end).unwrap_or_default();
        if let Some(content) = field(part, "json") {
            return Ok(content);
        }
    }
    Err(InputError {
        errors: vec![FieldError::new("json", ErrorCode::Required)],
    })
}

/// The `boundary` parameter of a `multipart/form-data` content type.
fn boundary(content_type: &str) -> Option<&str> {
    let mut params = content_type.split(';');
    let media = params.next()?.trim();
    if !media.eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    params
        .filter_map(|p| p.split_once('='))
        .find(|(name, _)| name.trim().eq_ignore_ascii_case("boundary"))
        .map(|(_, v)| v.trim().trim_matches('"'))
}

/// The content of one part when its `Content-Disposition` names the field `name`.
fn field<'a>(part: &'a [u8], name: &str) -> Option<&'a [u8]> {
    let (head, content) = match find(part, b"\r\n\r\n") {
        Some(i) => (part.get(..i)?, part.get(i + 4..)?),
        None => {
            let i = find(part, b"\n\n")?;
            (part.get(..i)?, part.get(i + 2..)?)
        }
    };
    let head = std::str::from_utf8(head).ok()?;
    let wanted = format!("name=\"{name}\"");
    let named = head.lines().any(|line| {
        line.split_once(':').is_some_and(|(h, v)| {
            h.trim().eq_ignore_ascii_case("content-disposition") && v.split(';').any(|p| p.trim() == wanted)
        })
    });
    if !named {
        return None;
    }
    // The line break before the next delimiter belongs to the delimiter (RFC 2046 §5.1.1).
    Some(
        content
            .strip_suffix(b"\r\n")
            .or_else(|| content.strip_suffix(b"\n"))
            .unwrap_or(content),
    )
}

/// Where `needle` first occurs in `haystack`, in time linear in both lengths (`memchr`'s
/// two-way search): a delivery's `Content-Type` chooses the boundary, so a naive search would let
/// a long boundary on a 1 MiB body cost their product (seen while writing the fuzz targets, issue 19).
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    memchr::memmem::find(haystack, needle)
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Root<'a> {
    #[serde(borrow)]
    event: Object<Event<'a>>,
    #[serde(borrow)]
    signature_request: Object<Request<'a>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Event<'a> {
    #[serde(borrow)]
    event_type: Leaf<'a>,
    #[serde(borrow)]
    event_time: Leaf<'a>,
    #[serde(borrow)]
    event_hash: Leaf<'a>,
    #[serde(borrow)]
    event_metadata: Object<Metadata<'a>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Metadata<'a> {
    #[serde(borrow)]
    related_signature_id: Leaf<'a>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Request<'a> {
    #[serde(borrow)]
    signature_request_id: Leaf<'a>,
    #[serde(borrow)]
    signatures: List<Object<Signature<'a>>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Signature<'a> {
    #[serde(borrow)]
    signature_id: Leaf<'a>,
    #[serde(borrow)]
    reassigned_from: Leaf<'a>,
}

fn kind(event: &str) -> EventKind {
    match event {
        "signature_request_sent" => EventKind::Sent,
        "signature_request_viewed" => EventKind::Viewed,
        "signature_request_signed" => EventKind::Signed,
        "signature_request_declined" => EventKind::Declined,
        "signature_request_all_signed" => EventKind::Completed,
        "signature_request_canceled" => EventKind::Voided,
        "signature_request_expired" => EventKind::Expired,
        "signature_request_reassigned" => EventKind::Reassigned,
        "callback_test" => EventKind::Test,
        _ => EventKind::Unknown,
    }
}

pub(super) fn parse(json: &[u8]) -> Result<Vec<SignatureEvent>, InputError> {
    let root: Root<'_> = read_root(json)?;
    let mut c = Check::new();
    let event = c.object(&root.event, "event", true);
    let event_type = event.and_then(|e| c.text(&e.event_type, "event.event_type", true));
    let occurred_at = event.and_then(|e| c.unix_time(&e.event_time, "event.event_time"));
    let time_text = event.and_then(|e| {
        e.event_time
            .integer()
            .or_else(|| e.event_time.as_text().map(str::to_owned))
    });
    let kind = event_type.map_or(EventKind::Unknown, kind);
    let about_request = !matches!(kind, EventKind::Unknown | EventKind::Test);
    let metadata = event.and_then(|e| c.object(&e.event_metadata, "event.event_metadata", false));
    let related = metadata.and_then(|m| {
        c.id(
            &m.related_signature_id,
            "event.event_metadata.related_signature_id",
            false,
        )
    });
    let request = c.object(&root.signature_request, "signature_request", about_request);
    let request_id = request.and_then(|r| {
        c.id(
            &r.signature_request_id,
            "signature_request.signature_request_id",
            about_request,
        )
    });
    let (mut signer_id, mut new_signer_id) = (related.clone(), None);
    if let (EventKind::Reassigned, Some(r)) = (kind, request) {
        // The signature that replaced another names it in `reassigned_from`; the event's
        // related signature is either of the two.
        for (i, item) in c
            .array(&r.signatures, "signature_request.signatures")
            .iter()
            .enumerate()
        {
            let Field::Given(crate::wire::Obj(s)) = item else {
                continue;
            };
            let path = format!("signature_request.signatures[{i}]");
            let from = c.id(&s.reassigned_from, &format!("{path}.reassigned_from"), false);
            let id = c.id(&s.signature_id, &format!("{path}.signature_id"), false);
            if let (Some(from), Some(id)) = (from, id) {
                if related.is_none()
                    || related.as_deref() == Some(from.as_str())
                    || related.as_deref() == Some(id.as_str())
                {
                    signer_id = Some(from);
                    new_signer_id = Some(id);
                    break;
                }
            }
        }
    }
    let dedupe_key = key(&[
        Some("dropbox_sign"),
        request_id.as_deref(),
        event_type,
        time_text.as_deref(),
        related.as_deref(),
    ]);
    c.one_event(
        Provider::DropboxSign,
        event_type,
        occurred_at,
        About {
            kind,
            request_id,
            signer_id,
            new_signer_id,
            dedupe_key,
        },
    )
}

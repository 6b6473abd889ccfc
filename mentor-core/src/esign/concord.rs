//! Concord (the service the seed names, CON-2).
//!
//! Concord documents agreement statuses (`DRAFT`, `REVIEW`, `NEGOTIATION`, `SIGNING`,
//! `CURRENT_CONTRACT`, `COMPLETED_CONTRACT`, `BROKEN`…, <https://api.doc.concordnow.com>) but no
//! webhook signature. Its deliveries are therefore **hints**: [`super::verify`] reports them
//! `unverified`, every event is marked `hint`, and [`super::apply`] refuses them unless the
//! caller confirms them (by reading the agreement back from Concord's API).
//!
//! Payload read: the agreement as Concord's API describes it, `uid` (or `agreementUid`),
//! `status`, and `updatedAt` (RFC 3339; when absent, the time of receipt). `SIGNING` → `sent`;
//! `CURRENT_CONTRACT` and `COMPLETED_CONTRACT` (signed, in force or ended) → `completed`;
//! every other status (drafting, negotiation, `BROKEN`) → `unknown`.
//! Dedupe key: agreement uid + status (an agreement reaches a status once).

use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::Provider;
use super::event::{EventKind, SignatureEvent};
use super::payload::{Check, Field, Leaf, key, read_root};
use crate::error::InputError;

#[derive(Deserialize, Default)]
#[serde(default)]
struct Root<'a> {
    #[serde(borrow)]
    uid: Leaf<'a>,
    #[serde(borrow, rename = "agreementUid")]
    agreement_uid: Leaf<'a>,
    #[serde(borrow)]
    status: Leaf<'a>,
    #[serde(borrow, rename = "updatedAt")]
    updated_at: Leaf<'a>,
}

fn kind(status: &str) -> EventKind {
    match status {
        "SIGNING" => EventKind::Sent,
        "CURRENT_CONTRACT" | "COMPLETED_CONTRACT" => EventKind::Completed,
        _ => EventKind::Unknown,
    }
}

pub(super) fn parse(body: &[u8], now: DateTime<Utc>) -> Result<Vec<SignatureEvent>, InputError> {
    let root: Root<'_> = read_root(body)?;
    let mut c = Check::new();
    let (uid, path) = match root.uid {
        Field::Absent => (&root.agreement_uid, "agreementUid"),
        _ => (&root.uid, "uid"),
    };
    let request_id = c.id(uid, path, true);
    let status = c.text(&root.status, "status", true);
    let occurred_at = match root.updated_at {
        Field::Absent => Some(now),
        _ => c.instant(&root.updated_at, "updatedAt"),
    };
    let built = status
        .zip(occurred_at)
        .zip(request_id)
        .map(|((status, occurred_at), request_id)| SignatureEvent {
            provider: Provider::Concord,
            dedupe_key: key(&[Some("concord"), Some(&request_id), Some(status)]),
            request_id: Some(request_id),
            signer_id: None,
            new_signer_id: None,
            kind: kind(status),
            provider_event: status.to_owned(),
            occurred_at,
            hint: true,
        });
    c.finish(built).map(|e| vec![e])
}

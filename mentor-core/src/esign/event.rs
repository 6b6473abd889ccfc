//! The normalised signature event: what every provider's delivery becomes.

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;

use super::Provider;
use crate::error::{ErrorCode, InputError};
use crate::lifecycle::{format_instant, read_instant};
use crate::read::{Path, Reader, present};

/// What a signature event says happened (`docs/esign.md`). Wire names in snake_case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EventKind {
    /// The envelope was sent to its signers (CON-2).
    Sent,
    /// A signer opened it (CON-3).
    Viewed,
    /// A signer signed (CON-3).
    Signed,
    /// A signer declined to sign.
    Declined,
    /// The provider says the whole envelope is complete: every signer signed.
    Completed,
    /// The sender withdrew the envelope.
    Voided,
    /// The provider's signing deadline passed.
    Expired,
    /// A signer's role moved to another person at the provider.
    Reassigned,
    /// A test delivery (Dropbox Sign's `callback_test`): accepted, changes nothing.
    Test,
    /// Any other event type: accepted and ignored, never an error.
    Unknown,
}

impl EventKind {
    /// Every kind with its wire name.
    pub const ALL: &'static [(&'static str, EventKind)] = &[
        ("sent", EventKind::Sent),
        ("viewed", EventKind::Viewed),
        ("signed", EventKind::Signed),
        ("declined", EventKind::Declined),
        ("completed", EventKind::Completed),
        ("voided", EventKind::Voided),
        ("expired", EventKind::Expired),
        ("reassigned", EventKind::Reassigned),
        ("test", EventKind::Test),
        ("unknown", EventKind::Unknown),
    ];

    /// The wire name (`"signed"`).
    ///
    /// ```
    /// use mentor_core::esign::EventKind;
    /// assert_eq!(EventKind::Reassigned.name(), "reassigned");
    /// ```
    #[must_use]
    pub fn name(self) -> &'static str {
        EventKind::ALL
            .iter()
            .find(|(_, k)| *k == self)
            .map_or("", |(name, _)| name)
    }
}

/// One normalised signature event (`docs/esign.md`), from one provider's delivery.
///
/// Ids are the provider's: they identify an envelope or a signer slot, not a person, so
/// `Debug` shows them; names and e-mail addresses are never read from a payload.
///
/// Wire form: `{"provider", "request_id", "signer_id", "new_signer_id", "kind",
/// "provider_event", "occurred_at", "dedupe_key", "hint"}`.
///
/// ```
/// use mentor_core::esign::{EventKind, Provider, SignatureEvent};
/// let event = SignatureEvent {
///     provider: Provider::Docusign, request_id: Some("env-1".into()), signer_id: Some("1".into()),
///     new_signer_id: None, kind: EventKind::Signed, provider_event: "recipient-completed".into(),
///     occurred_at: "2026-11-20T10:00:00Z".parse().unwrap(),
///     dedupe_key: "docusign:env-1:recipient-completed:1:2026-11-20T10:00:00Z".into(), hint: false,
/// };
/// assert_eq!(event.to_json()["kind"], "signed");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignatureEvent {
    /// Who sent it.
    pub provider: Provider,
    /// The envelope, signature request, document, submission or agreement id; `None` only for
    /// test deliveries.
    pub request_id: Option<String>,
    /// The provider's recipient id of the signer it concerns, when it concerns one (for
    /// [`EventKind::Reassigned`]: the signer the role moves away from).
    pub signer_id: Option<String>,
    /// For [`EventKind::Reassigned`]: the provider's recipient id of the person who takes the
    /// role over, when the payload says it.
    pub new_signer_id: Option<String>,
    /// What happened.
    pub kind: EventKind,
    /// The provider's own event name (`recipient-completed`), for reports.
    pub provider_event: String,
    /// When it happened at the provider (UTC), as the provider dates it.
    pub occurred_at: DateTime<Utc>,
    /// The key under which a repeat of this event is recognised (see the module's table).
    pub dedupe_key: String,
    /// Whether the event comes from an unverified delivery (Concord) and must be confirmed by
    /// the caller before it is applied.
    pub hint: bool,
}

impl SignatureEvent {
    /// The wire form (see the type's doc): the event's [`Serialize`] form as a JSON value.
    #[must_use]
    pub fn to_json(&self) -> Value {
        crate::i18n::json_value(self)
    }

    /// Reads an event back from its wire form ([`SignatureEvent::to_json`]): what a service
    /// keeps of a delivery it cannot apply yet (an envelope it does not know, an unconfirmed
    /// hint) and applies later, when the delivery's signature can no longer be checked (a
    /// DocuSeal timestamp is only fresh for five minutes).
    ///
    /// ```
    /// use mentor_core::esign::{EventKind, Provider, SignatureEvent};
    /// let event = SignatureEvent {
    ///     provider: Provider::Yousign, request_id: Some("sr-1".into()), signer_id: Some("s-1".into()),
    ///     new_signer_id: None, kind: EventKind::Signed, provider_event: "signer.done".into(),
    ///     occurred_at: "2026-11-20T10:00:00Z".parse().unwrap(), dedupe_key: "yousign:e-1".into(), hint: false,
    /// };
    /// assert_eq!(SignatureEvent::from_json(&event.to_json()).unwrap(), event);
    /// let e = SignatureEvent::from_json(&serde_json::json!({"provider": "fax"})).unwrap_err();
    /// assert!(e.errors.iter().any(|e| e.path == "provider" && e.code.as_str() == "invalid_enum"));
    /// ```
    ///
    /// # Errors
    /// Field errors with their paths: `required` (`provider`, `kind`, `provider_event`,
    /// `occurred_at`, `dedupe_key`), `invalid_enum` (`provider`, `kind`), `invalid_type`,
    /// `too_long` (ids over 256 characters), `invalid_datetime`, `unknown_field`.
    pub fn from_json(value: &Value) -> Result<SignatureEvent, InputError> {
        let mut r = Reader::new();
        let event = read_event(&mut r, value);
        r.finish(event)
    }
}

const EVENT_KEYS: [&str; 9] = [
    "provider",
    "request_id",
    "signer_id",
    "new_signer_id",
    "kind",
    "provider_event",
    "occurred_at",
    "dedupe_key",
    "hint",
];

/// The longest id or key read back: the providers' ids are far shorter.
const MAX_ID_CHARS: usize = 256;

fn read_event(r: &mut Reader, value: &Value) -> Option<SignatureEvent> {
    let root = Path::Root;
    let map = r.object(value, &root, &EVENT_KEYS)?;
    let required = |r: &mut Reader, key: &str| {
        let present = present(map.get(key)).is_some();
        if !present {
            r.error(&root.key(key), ErrorCode::Required);
        }
        present
    };
    let has_provider = required(r, "provider");
    let has_kind = required(r, "kind");
    let provider = has_provider
        .then(|| r.choice(map.get("provider"), &root.key("provider"), Provider::ALL))
        .flatten();
    let kind = has_kind
        .then(|| r.choice(map.get("kind"), &root.key("kind"), EventKind::ALL))
        .flatten();
    let id = |r: &mut Reader, key: &str| {
        r.text(map.get(key), &root.key(key), MAX_ID_CHARS, false)
            .map(str::to_owned)
    };
    let request_id = id(r, "request_id");
    let signer_id = id(r, "signer_id");
    let new_signer_id = id(r, "new_signer_id");
    let provider_event = r
        .required_text(
            map.get("provider_event"),
            &root.key("provider_event"),
            MAX_ID_CHARS,
        )
        .map(str::to_owned);
    let dedupe_key = r
        .required_text(map.get("dedupe_key"), &root.key("dedupe_key"), 4 * MAX_ID_CHARS)
        .map(str::to_owned);
    let occurred_at = read_instant(r, map.get("occurred_at"), &root.key("occurred_at"), true);
    let hint = r.boolean(map.get("hint"), &root.key("hint")).unwrap_or(false);
    Some(SignatureEvent {
        provider: provider?,
        request_id,
        signer_id,
        new_signer_id,
        kind: kind?,
        provider_event: provider_event?,
        occurred_at: occurred_at?,
        dedupe_key: dedupe_key?,
        hint,
    })
}

/// `{"provider", "request_id", "signer_id", "new_signer_id", "kind", "provider_event",
/// "occurred_at" (UTC), "dedupe_key", "hint"}`.
impl Serialize for SignatureEvent {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Wire<'a> {
            provider: &'static str,
            request_id: &'a Option<String>,
            signer_id: &'a Option<String>,
            new_signer_id: &'a Option<String>,
            kind: &'static str,
            provider_event: &'a str,
            occurred_at: String,
            dedupe_key: &'a str,
            hint: bool,
        }
        Wire {
            provider: self.provider.name(),
            request_id: &self.request_id,
            signer_id: &self.signer_id,
            new_signer_id: &self.new_signer_id,
            kind: self.kind.name(),
            provider_event: &self.provider_event,
            occurred_at: format_instant(self.occurred_at),
            dedupe_key: &self.dedupe_key,
            hint: self.hint,
        }
        .serialize(serializer)
    }
}

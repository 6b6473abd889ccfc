//! The normalised signature event: what every provider's delivery becomes.

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;

use super::Provider;
use crate::lifecycle::format_instant;

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

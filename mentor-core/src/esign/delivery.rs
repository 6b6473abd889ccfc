//! One webhook delivery, its verification (on the raw bytes, before parsing, in constant time)
//! and the errors that refuse it.

use std::fmt;

use chrono::{DateTime, Utc};
use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use super::event::SignatureEvent;
use super::{Provider, concord, documenso, docuseal, docusign, dropbox_sign, yousign};
use crate::error::{FieldError, InputError};
use crate::i18n::{In, Lang, Localized, Text};
use crate::wire::check_size;

/// A webhook delivery as the operator's server received it: the headers (names in any case,
/// values as sent) and the raw body bytes, untouched (a re-serialised body does not verify).
///
/// ```
/// use mentor_core::esign::Delivery;
/// let headers = [("x-documenso-secret", "s3cret")];
/// let delivery = Delivery { headers: &headers, body: b"{}" };
/// assert_eq!(delivery.header("X-Documenso-Secret"), Some("s3cret"));
/// ```
#[derive(Clone, Copy)]
pub struct Delivery<'a> {
    /// The request headers, `(name, value)`, in the order received.
    pub headers: &'a [(&'a str, &'a str)],
    /// The raw request body.
    pub body: &'a [u8],
}

impl fmt::Debug for Delivery<'_> {
    /// Header names and the body's size only: values and body may hold secrets and personal
    /// data (`CONTRIBUTING.md#quality-bars`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.headers.iter().map(|(name, _)| *name).collect();
        f.debug_struct("Delivery")
            .field("headers", &names)
            .field("body_bytes", &self.body.len())
            .finish()
    }
}

impl<'a> Delivery<'a> {
    /// The value of the first header called `name` (ASCII case-insensitive, RFC 9110 §5.1),
    /// trimmed of surrounding whitespace.
    #[must_use]
    pub fn header(&self, name: &str) -> Option<&'a str> {
        self.headers
            .iter()
            .find(|(n, _)| n.trim().eq_ignore_ascii_case(name))
            .map(|(_, v)| v.trim())
    }

    /// Every header whose name starts with `prefix` (ASCII case-insensitive), trimmed.
    pub(crate) fn headers_starting_with<'p>(
        &self,
        prefix: &'p str,
    ) -> impl Iterator<Item = &'a str> + use<'a, 'p> {
        let headers = self.headers;
        headers
            .iter()
            .filter(move |(n, _)| starts_with_ignore_case(n.trim(), prefix))
            .map(|(_, v)| v.trim())
    }
}

fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// The shared secret of a webhook (DocuSign's HMAC key, Dropbox Sign's API key, Yousign's,
/// Documenso's and DocuSeal's webhook secrets), used exactly as its UTF-8 bytes: never
/// decoded, even when it looks like base64. `Debug` never shows it.
///
/// ```
/// use mentor_core::esign::Secret;
/// let secret = Secret::new("whsec_abc");
/// assert_eq!(format!("{secret:?}"), "Secret(***)");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// A secret from its text.
    #[must_use]
    pub fn new(secret: impl Into<String>) -> Secret {
        Secret(secret.into())
    }

    /// The key bytes: the secret's UTF-8 bytes.
    pub(crate) fn bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }

    fn is_blank(&self) -> bool {
        self.0.trim().is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// What the verification established. Wire names `verified`, `unverified`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Verification {
    /// The provider's signature or shared secret matched.
    Verified,
    /// The provider documents no way to authenticate its deliveries (Concord): its events are
    /// hints that the caller must confirm (see [`super::Hints`]).
    Unverified,
}

impl Verification {
    /// The wire name.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Verification::Verified => "verified",
            Verification::Unverified => "unverified",
        }
    }
}

/// Why a delivery's authenticity check failed. Codes are stable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, thiserror::Error)]
#[error("{}", self.message(Lang::En))]
#[non_exhaustive]
pub enum VerifyError {
    /// No secret was given to check against (an empty secret would accept Documenso's empty
    /// header).
    EmptySecret,
    /// The header that carries the signature is absent.
    MissingHeader(&'static str),
    /// The signature header is not in the provider's format.
    MalformedHeader(&'static str),
    /// The body carries no signature where the provider puts one (Dropbox Sign's
    /// `event.event_hash`).
    MissingSignature(&'static str),
    /// The signature does not match: a forged delivery, a tampered body, or the wrong secret.
    BadSignature,
    /// The signed timestamp is outside the provider's window; seconds from the signature to
    /// `now` (negative: in the future).
    StaleTimestamp {
        /// `now` minus the signed timestamp, in seconds.
        age_seconds: i64,
        /// The tolerance either way, in seconds.
        tolerance_seconds: i64,
    },
}

impl VerifyError {
    /// The stable code: `empty_secret`, `missing_header`, `malformed_header`,
    /// `missing_signature`, `bad_signature` or `stale_timestamp`.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            VerifyError::EmptySecret => "empty_secret",
            VerifyError::MissingHeader(_) => "missing_header",
            VerifyError::MalformedHeader(_) => "malformed_header",
            VerifyError::MissingSignature(_) => "missing_signature",
            VerifyError::BadSignature => "bad_signature",
            VerifyError::StaleTimestamp { .. } => "stale_timestamp",
        }
    }

    /// The message of [`VerifyError::EmptySecret`], which has no details: one text for
    /// [`VerifyError::message`] and the catalogue.
    pub(crate) const EMPTY_SECRET_MESSAGE: Text = Text::new(
        "no webhook secret was given to verify the delivery with",
        "aucun secret de webhook n'a été fourni pour vérifier la livraison",
    );

    /// The message of [`VerifyError::BadSignature`], which has no details.
    pub(crate) const BAD_SIGNATURE_MESSAGE: Text = Text::new(
        "the signature does not match: a forged or altered delivery, or the wrong secret",
        "la signature ne correspond pas : livraison falsifiée ou modifiée, ou mauvais secret",
    );

    /// The message in `lang`, naming the check that failed.
    ///
    /// ```
    /// use mentor_core::esign::VerifyError;
    /// use mentor_core::Lang;
    /// let e = VerifyError::MissingHeader("X-Yousign-Signature-256");
    /// assert_eq!(e.message(Lang::En), "the header `X-Yousign-Signature-256` that carries the signature is missing");
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (VerifyError::EmptySecret, _) => Self::EMPTY_SECRET_MESSAGE.get(lang).to_owned(),
            (VerifyError::MissingHeader(h), Lang::En) => {
                format!("the header `{h}` that carries the signature is missing")
            }
            (VerifyError::MissingHeader(h), Lang::Fr) => {
                format!("l'en-tête `{h}` qui porte la signature est absent")
            }
            (VerifyError::MalformedHeader(h), Lang::En) => {
                format!("the header `{h}` is not in the provider's format")
            }
            (VerifyError::MalformedHeader(h), Lang::Fr) => {
                format!("l'en-tête `{h}` n'est pas au format du fournisseur")
            }
            (VerifyError::MissingSignature(field), Lang::En) => {
                format!("the body carries no signature in `{field}`")
            }
            (VerifyError::MissingSignature(field), Lang::Fr) => {
                format!("le corps ne porte pas de signature dans `{field}`")
            }
            (VerifyError::BadSignature, _) => Self::BAD_SIGNATURE_MESSAGE.get(lang).to_owned(),
            (
                VerifyError::StaleTimestamp {
                    age_seconds,
                    tolerance_seconds,
                },
                Lang::En,
            ) => {
                if *age_seconds < 0 {
                    format!(
                        "the signed timestamp is {} s in the future (at most {tolerance_seconds} s allowed)",
                        age_seconds.unsigned_abs()
                    )
                } else {
                    format!(
                        "the signed timestamp is {age_seconds} s old (at most {tolerance_seconds} s allowed): a replayed or delayed delivery"
                    )
                }
            }
            (
                VerifyError::StaleTimestamp {
                    age_seconds,
                    tolerance_seconds,
                },
                Lang::Fr,
            ) => {
                if *age_seconds < 0 {
                    format!(
                        "l'horodatage signé est {} s dans le futur ({tolerance_seconds} s au plus)",
                        age_seconds.unsigned_abs()
                    )
                } else {
                    format!(
                        "l'horodatage signé date de {age_seconds} s ({tolerance_seconds} s au plus) : livraison rejouée ou retardée"
                    )
                }
            }
        }
    }
}

/// Why a delivery was refused: its authenticity check failed, or its body is not what the
/// provider documents. Either way nothing was applied.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum WebhookError {
    /// The authenticity check failed (the CLI exits with status 3).
    #[error("{0}")]
    Rejected(VerifyError),
    /// The body is not the provider's documented payload (the CLI exits with status 1); the
    /// field errors never quote the body's values.
    #[error("{0}")]
    Malformed(InputError),
}

impl WebhookError {
    /// The stable code: the [`VerifyError`] code, or `invalid_body`.
    ///
    /// ```
    /// use mentor_core::esign::{VerifyError, WebhookError};
    /// assert_eq!(WebhookError::Rejected(VerifyError::BadSignature).code(), "bad_signature");
    /// ```
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            WebhookError::Rejected(e) => e.code(),
            WebhookError::Malformed(_) => "invalid_body",
        }
    }

    /// The message in `lang` (for a malformed body: each field error, `path: message`).
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match self {
            WebhookError::Rejected(e) => e.message(lang),
            WebhookError::Malformed(e) => {
                let lead = match lang {
                    Lang::En => "the body is not the provider's documented payload",
                    Lang::Fr => "le corps n'est pas la charge utile documentée par le fournisseur",
                };
                let details: Vec<String> = e
                    .errors
                    .iter()
                    .map(|f| {
                        if f.path.is_empty() {
                            f.message(lang)
                        } else {
                            format!("`{}`: {}", f.path, f.message(lang))
                        }
                    })
                    .collect();
                format!("{lead}: {}", details.join("; "))
            }
        }
    }
}

/// The wire form `{"code", "message", "errors"}` (`errors`: the field errors of a malformed
/// body, else empty).
impl Localized for WebhookError {
    fn serialize_in<S: serde::Serializer>(&self, lang: Lang, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(serde::Serialize)]
        struct Wire<'a> {
            code: &'a str,
            message: String,
            errors: In<'a, [FieldError]>,
        }
        let errors = match self {
            WebhookError::Rejected(_) => &[][..],
            WebhookError::Malformed(e) => e.errors.as_slice(),
        };
        serde::Serialize::serialize(
            &Wire {
                code: self.code(),
                message: self.message(lang),
                errors: errors.render(lang),
            },
            serializer,
        )
    }
}

impl From<InputError> for WebhookError {
    fn from(e: InputError) -> Self {
        WebhookError::Malformed(e)
    }
}

impl From<VerifyError> for WebhookError {
    fn from(e: VerifyError) -> Self {
        WebhookError::Rejected(e)
    }
}

/// A delivery whose authenticity was checked: the only way to its events, so that no code can
/// parse a delivery it did not verify.
#[derive(Clone, Copy)]
pub struct Verified<'a> {
    provider: Provider,
    verification: Verification,
    /// The JSON document to parse (Dropbox Sign: the `json` part of the multipart body).
    json: &'a [u8],
    now: DateTime<Utc>,
}

impl fmt::Debug for Verified<'_> {
    /// The provider, the verification and the body's size: never the body (`CONTRIBUTING.md#quality-bars`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Verified")
            .field("provider", &self.provider)
            .field("verification", &self.verification)
            .field("json_bytes", &self.json.len())
            .finish_non_exhaustive()
    }
}

impl Verified<'_> {
    /// The provider.
    #[must_use]
    pub fn provider(&self) -> Provider {
        self.provider
    }

    /// What the verification established.
    #[must_use]
    pub fn verification(&self) -> Verification {
        self.verification
    }

    /// The normalised events of the delivery (most deliveries hold one; a Documenso delivery
    /// holds one per recipient its snapshot shows; an unknown event type gives one event of
    /// kind [`super::EventKind::Unknown`], never an error).
    ///
    /// # Errors
    /// The field errors of a body that is not the provider's documented payload
    /// (`invalid_json`, `required`, `invalid_type`, `invalid_datetime`, `too_long`,
    /// `invalid_characters`), with the payload's paths (`data.envelopeId`).
    pub fn events(&self) -> Result<Vec<SignatureEvent>, InputError> {
        let hint = self.verification == Verification::Unverified;
        let mut events = match self.provider {
            Provider::Concord => concord::parse(self.json, self.now),
            Provider::Docusign => docusign::parse(self.json),
            Provider::DropboxSign => dropbox_sign::parse(self.json),
            Provider::Yousign => yousign::parse(self.json),
            Provider::Documenso => documenso::parse(self.json),
            Provider::Docuseal => docuseal::parse(self.json),
        }?;
        for e in &mut events {
            e.hint = hint;
        }
        Ok(events)
    }
}

/// Checks a delivery's authenticity with `provider`'s documented scheme (see the module's
/// table), on the raw bytes and before parsing the body (Dropbox Sign excepted: its signature
/// is inside the body, so its `json` part is read first). Comparisons are constant-time. `now`
/// is the current time (DocuSeal's ±5 minute window); it is never read from a clock.
///
/// Concord documents no signature: its deliveries come back [`Verification::Unverified`].
///
/// ```
/// use mentor_core::esign::{verify, Delivery, Provider, Secret, Verification};
/// let headers = [("X-Documenso-Secret", "s3cret")];
/// let delivery = Delivery { headers: &headers, body: b"{}" };
/// let now = "2026-11-20T10:00:00Z".parse().unwrap();
/// let verified = verify(Provider::Documenso, &delivery, &Secret::new("s3cret"), now).unwrap();
/// assert_eq!(verified.verification(), Verification::Verified);
/// let err = verify(Provider::Documenso, &delivery, &Secret::new("other"), now).unwrap_err();
/// assert_eq!(err.code(), "bad_signature");
/// ```
///
/// # Errors
/// [`WebhookError::Malformed`] with `too_long` at the root for a body longer than
/// [`MAX_DOCUMENT_BYTES`](crate::wire::MAX_DOCUMENT_BYTES) (1 MiB: no provider's event notification comes near; configure
/// DocuSign Connect without its "Include Documents" option), told from its length before any
/// other work; [`WebhookError::Rejected`] with `empty_secret`, `missing_header`,
/// `malformed_header`, `missing_signature`, `bad_signature` or `stale_timestamp`;
/// [`WebhookError::Malformed`] for a Dropbox Sign body whose signed fields cannot be read.
pub fn verify<'a>(
    provider: Provider,
    delivery: &Delivery<'a>,
    secret: &Secret,
    now: DateTime<Utc>,
) -> Result<Verified<'a>, WebhookError> {
    check_size(delivery.body.len()).map_err(|e| InputError { errors: vec![e] })?;
    if provider.signs_deliveries() && secret.is_blank() {
        return Err(VerifyError::EmptySecret.into());
    }
    let json = match provider {
        Provider::Concord => delivery.body,
        Provider::Docusign => docusign::verify(delivery, secret).map(|()| delivery.body)?,
        Provider::DropboxSign => dropbox_sign::verify(delivery, secret)?,
        Provider::Yousign => yousign::verify(delivery, secret).map(|()| delivery.body)?,
        Provider::Documenso => documenso::verify(delivery, secret).map(|()| delivery.body)?,
        Provider::Docuseal => docuseal::verify(delivery, secret, now).map(|()| delivery.body)?,
    };
    let verification = if provider.signs_deliveries() {
        Verification::Verified
    } else {
        Verification::Unverified
    };
    Ok(Verified {
        provider,
        verification,
        json,
        now,
    })
}

/// [`verify`], then [`Verified::events`]: the normalised events of an authentic delivery.
///
/// ```
/// use mentor_core::esign::{receive, Delivery, EventKind, Provider, Secret};
/// let body = br#"{"event":"DOCUMENT_SENT","payload":{"id":7},"createdAt":"2026-11-20T09:00:00Z"}"#;
/// let headers = [("X-Documenso-Secret", "s3cret")];
/// let now = "2026-11-20T10:00:00Z".parse().unwrap();
/// let events = receive(Provider::Documenso, &Delivery { headers: &headers, body }, &Secret::new("s3cret"), now).unwrap();
/// assert_eq!(events[0].kind, EventKind::Sent);
/// assert_eq!(events[0].request_id.as_deref(), Some("7"));
/// ```
///
/// # Errors
/// Those of [`verify`], then [`WebhookError::Malformed`] for a body that is not the provider's
/// documented payload.
pub fn receive(
    provider: Provider,
    delivery: &Delivery<'_>,
    secret: &Secret,
    now: DateTime<Utc>,
) -> Result<Vec<SignatureEvent>, WebhookError> {
    let verified = verify(provider, delivery, secret, now)?;
    Ok(verified.events()?)
}

/// HMAC-SHA256 of the concatenated `parts`, keyed with `key` (RFC 2104, FIPS 180-4).
pub(crate) fn hmac_sha256(key: &[u8], parts: &[&[u8]]) -> [u8; 32] {
    // HMAC accepts keys of any length (RFC 2104 §2), so this never fails; a zero tag would
    // match nothing a provider sends.
    let Ok(mut mac) = <Hmac<Sha256> as KeyInit>::new_from_slice(key) else {
        return [0; 32];
    };
    for part in parts {
        mac.update(part);
    }
    mac.finalize().into_bytes().into()
}

/// Whether two byte strings are equal, in time that depends only on their lengths.
pub(crate) fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    bool::from(a.ct_eq(b))
}

/// Whether two secrets are equal, in time that does not even depend on their lengths (both are
/// hashed first, then the digests compared in constant time).
pub(crate) fn same_secret(a: &[u8], b: &[u8]) -> bool {
    let (ha, hb) = (Sha256::digest(a), Sha256::digest(b));
    bool::from(ha.as_slice().ct_eq(hb.as_slice()))
}

/// Decodes lower- or upper-case hex into a 32-byte tag; `None` when it is not 64 hex digits.
pub(crate) fn hex_tag(text: &str) -> Option<[u8; 32]> {
    let mut tag = [0u8; 32];
    hex::decode_to_slice(text, &mut tag).ok()?;
    Some(tag)
}
